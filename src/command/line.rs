//! Command lines: `"RETR file.txt\r\n"` → [`Command::Retr`] and `file.txt`.

use core::fmt;

use super::Command;

/// The longest verb accepted, in bytes. RFC 959 §5.3 verbs have four letters
/// or fewer; the parser accepts longer ones (up to this limit, letters and
/// digits) so that non-standard verbs such as `XSHA256` become
/// [`Command::Other`] instead of an error.
const MAX_VERB_LEN: usize = 16;

/// A parsed command line: the [`Command`], the verb as sent, and the argument.
///
/// Built by [`Command::parse_line`]. The rules (RFC 959 §5.3, §4.1):
///
/// - one line end (`"\r\n"`, or a bare `"\n"`) is removed from the end of the
///   input, which may also have none; any other CR or LF is an error;
/// - the verb runs to the first space or the end of the line. It must start
///   with an ASCII letter and hold only ASCII letters and digits, at most 16
///   bytes. It is matched case-insensitively; unknown verbs give
///   [`Command::Other`];
/// - the argument is everything after that first space, kept verbatim
///   (further spaces included: a path may start or end with one). An empty
///   argument (`"PASV "`) counts as none.
///
/// `Display` writes the verb as sent and the argument, without line end. Mind
/// that the argument of PASS is a password: redact it before logging.
///
/// # Example
///
/// ```
/// use ftp_reply::command::Command;
///
/// let line = Command::parse_line("cwd  /pub \r\n")?;
/// assert_eq!(line.command(), Command::Cwd);
/// assert_eq!(line.verb(), "cwd");
/// assert_eq!(line.argument(), Some(" /pub "));
/// assert_eq!(line.to_string(), "cwd  /pub ");
///
/// let line = Command::parse_line("CLNT curl 8.5\n")?;
/// assert_eq!(line.command(), Command::Other);
/// assert_eq!(line.verb(), "CLNT");
///
/// assert_eq!(Command::parse_line("PASV")?.argument(), None);
/// # Ok::<(), ftp_reply::command::CommandParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CommandLine<'a> {
    command: Command,
    verb: &'a str,
    argument: Option<&'a str>,
}

impl<'a> CommandLine<'a> {
    /// The command ([`Command::Other`] for a verb the crate does not know).
    #[must_use]
    pub const fn command(&self) -> Command {
        self.command
    }

    /// The verb exactly as sent (case kept).
    #[must_use]
    pub const fn verb(&self) -> &'a str {
        self.verb
    }

    /// The argument, verbatim, or `None` when there is none (or it is empty).
    #[must_use]
    pub const fn argument(&self) -> Option<&'a str> {
        self.argument
    }
}

impl fmt::Display for CommandLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.verb)?;
        if let Some(a) = self.argument {
            write!(f, " {a}")?;
        }
        Ok(())
    }
}

/// A command line that could not be parsed; see [`Command::parse_line`].
///
/// [`kind`](Self::kind) says what was wrong and [`offset`](Self::offset) the
/// byte at which the problem was found.
///
/// # Example
///
/// ```
/// use ftp_reply::command::{Command, CommandParseErrorKind};
///
/// let err = Command::parse_line("RE-TR x").unwrap_err();
/// assert_eq!(err.kind(), CommandParseErrorKind::InvalidVerbByte { found: b'-' });
/// assert_eq!(err.offset(), 2);
/// assert_eq!(err.to_string(), "invalid command line at byte 2: expected an ASCII letter or digit in the verb, found '-'");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("invalid command line at byte {offset}: {kind}")]
pub struct CommandParseError {
    kind: CommandParseErrorKind,
    offset: usize,
}

impl CommandParseError {
    /// What was wrong.
    ///
    /// ```
    /// use ftp_reply::command::{Command, CommandParseErrorKind};
    /// assert_eq!(Command::parse_line("\r\n").unwrap_err().kind(), CommandParseErrorKind::Empty);
    /// ```
    #[must_use]
    pub const fn kind(&self) -> CommandParseErrorKind {
        self.kind
    }

    /// The offset of the offending byte, counted from the start of the input.
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// assert_eq!(Command::parse_line(" NOOP").unwrap_err().offset(), 0);
    /// ```
    #[must_use]
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

/// What was wrong with a command line; see [`CommandParseError`].
///
/// New kinds may be added in minor releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum CommandParseErrorKind {
    /// The line is empty (or only a line end).
    #[error("the line is empty")]
    Empty,
    /// The verb holds a byte other than an ASCII letter or digit, or starts with a digit.
    #[error("expected an ASCII letter or digit in the verb, found {}", Byte(*found))]
    InvalidVerbByte {
        /// The byte found (the first byte of the character when it is not ASCII).
        found: u8,
    },
    /// The verb is longer than 16 bytes.
    #[error("the verb is longer than 16 bytes")]
    VerbTooLong,
    /// A CR or LF before the end of the line: one call parses one line.
    #[error("a line break (CR or LF) before the end of the line")]
    LineBreak,
}

/// Shows a byte as a quoted character when printable, else in hex.
struct Byte(u8);

impl fmt::Display for Byte {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            b' ' => f.write_str("a space"),
            b'\t' => f.write_str("a tab"),
            b if b.is_ascii_graphic() => write!(f, "'{}'", b as char),
            b => write!(f, "byte 0x{b:02X}"),
        }
    }
}

pub(super) fn parse(input: &str) -> Result<CommandLine<'_>, CommandParseError> {
    let err = |kind, offset| Err(CommandParseError { kind, offset });
    let line = input
        .strip_suffix("\r\n")
        .or_else(|| input.strip_suffix('\n'))
        .unwrap_or(input);
    if let Some(i) = line.bytes().position(|b| b == b'\r' || b == b'\n') {
        return err(CommandParseErrorKind::LineBreak, i);
    }
    if line.is_empty() {
        return err(CommandParseErrorKind::Empty, 0);
    }
    let (verb, argument) = match line.split_once(' ') {
        Some((v, a)) => (v, Some(a).filter(|a| !a.is_empty())),
        None => (line, None),
    };
    for (i, b) in verb.bytes().enumerate() {
        let ok = if i == 0 {
            b.is_ascii_alphabetic()
        } else {
            b.is_ascii_alphanumeric()
        };
        if !ok {
            return err(CommandParseErrorKind::InvalidVerbByte { found: b }, i);
        }
        if i == MAX_VERB_LEN {
            return err(CommandParseErrorKind::VerbTooLong, i);
        }
    }
    if verb.is_empty() {
        // The line starts with a space.
        return err(CommandParseErrorKind::InvalidVerbByte { found: b' ' }, 0);
    }
    Ok(CommandLine {
        command: Command::from_verb(verb),
        verb,
        argument,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> (CommandParseErrorKind, usize) {
        let e = parse(s).unwrap_err();
        (e.kind(), e.offset())
    }

    #[test]
    fn verbs_and_arguments() {
        let l = parse("retr file.txt\r\n").unwrap();
        assert_eq!(
            (l.command(), l.verb(), l.argument()),
            (Command::Retr, "retr", Some("file.txt"))
        );
        let l = parse("NOOP\n").unwrap();
        assert_eq!((l.command(), l.argument()), (Command::Noop, None));
        let l = parse("REST STREAM").unwrap();
        assert_eq!((l.command(), l.argument()), (Command::Rest, Some("STREAM")));
        let l = parse("XSHA256 f").unwrap();
        assert_eq!(l.command(), Command::Other);
        let l = parse("OPTS UTF8 ON").unwrap();
        assert_eq!(
            (l.command(), l.argument()),
            (Command::Opts, Some("UTF8 ON"))
        );
        let l = parse("STOR café.txt").unwrap();
        assert_eq!(l.argument(), Some("café.txt"));
        assert_eq!(parse("PASV ").unwrap().argument(), None);
    }

    #[test]
    fn errors() {
        assert_eq!(kind(""), (CommandParseErrorKind::Empty, 0));
        assert_eq!(kind("\r\n"), (CommandParseErrorKind::Empty, 0));
        assert_eq!(
            kind(" NOOP"),
            (CommandParseErrorKind::InvalidVerbByte { found: b' ' }, 0)
        );
        assert_eq!(
            kind("1RETR"),
            (CommandParseErrorKind::InvalidVerbByte { found: b'1' }, 0)
        );
        assert_eq!(
            kind("RETR\tx"),
            (CommandParseErrorKind::InvalidVerbByte { found: b'\t' }, 4)
        );
        assert_eq!(kind("NOOP\r"), (CommandParseErrorKind::LineBreak, 4));
        assert_eq!(kind("A\nB\n"), (CommandParseErrorKind::LineBreak, 1));
        assert_eq!(
            kind("ABCDEFGHIJKLMNOPQ"),
            (CommandParseErrorKind::VerbTooLong, 16)
        );
        assert!(parse("ABCDEFGHIJKLMNOP").is_ok());
        assert_eq!(
            kind("ÉTÉ x"),
            (CommandParseErrorKind::InvalidVerbByte { found: 0xC3 }, 0)
        );
    }
}
