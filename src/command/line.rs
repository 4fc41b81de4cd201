//! Command lines: `"RETR file.txt\r\n"` → [`Command::Retr`] and `file.txt`.

use core::fmt;

use super::Command;

/// The longest verb accepted, in bytes. RFC 959 §5.3 verbs have four letters
/// or fewer; the parser accepts longer ones (up to this limit, letters and
/// digits) so that non-standard verbs such as `XSHA256` become
/// [`Command::Other`] instead of an error.
const MAX_VERB_LEN: usize = 16;

/// A command line: the [`Command`], the verb, and the argument.
///
/// A `CommandLine` is built by a client that sends it, or parsed from a
/// line a client sent (a log, a server):
///
/// - [`CommandLine::new`] builds one from a command and an optional
///   argument, [`CommandLine::from_verb`] from a verb the crate does not
///   know (`CLNT`, `XSHA256`); [`write_to`](Self::write_to) sends it as
///   `VERB arg\r\n`;
/// - [`CommandLine::parse_str`] parses one.
///
/// Whichever way it was made, a `CommandLine` never holds a CR, an LF or a
/// NUL: a CR or LF in an argument (a file name taken from a directory
/// listing or a user, say) would end the command there and start another
/// one on the server (command injection), and a NUL cuts the line short on
/// servers written in C. Building or parsing such a line is an error.
///
/// The parsing rules (RFC 959 §5.3, §4.1):
///
/// - one line end (`"\r\n"`, or a bare `"\n"`) is removed from the end of the
///   input, which may also have none; any other CR or LF is an error, and so
///   is a NUL;
/// - the verb runs to the first space or the end of the line. It must start
///   with an ASCII letter and hold only ASCII letters and digits, at most 16
///   bytes. It is matched case-insensitively; unknown verbs give
///   [`Command::Other`];
/// - the argument is everything after that first space, kept verbatim
///   (further spaces included: a path may start or end with one). An empty
///   argument (`"PASV "`) counts as none.
///
/// # Logging
///
/// `Display` writes the verb as sent and the argument, without line end,
/// **except** for the commands whose argument is a secret: PASS (the
/// password), ACCT (the account, often a second password) and ADAT (RFC 2228
/// security data), whose argument is shown as `****`
/// ([`is_sensitive`](Self::is_sensitive)). `Debug` hides it the same way.
/// [`argument`](Self::argument) always gives the real argument, and
/// [`write_to`](Self::write_to) and [`to_bytes`](Self::to_bytes) send it.
///
/// # Example: build, log and send
///
/// ```
/// use ftp_reply::command::{Command, CommandLine};
///
/// let user = CommandLine::new(Command::User, Some("alice"))?;
/// let pass = CommandLine::new(Command::Pass, Some("s3cret"))?;
/// assert_eq!(user.to_string(), "USER alice");
/// assert_eq!(pass.to_string(), "PASS ****"); // safe to log
/// assert_eq!(pass.argument(), Some("s3cret")); // the real one, on purpose
///
/// let mut wire = Vec::new();
/// user.write_to(&mut wire)?;
/// pass.write_to(&mut wire)?;
/// assert_eq!(wire, b"USER alice\r\nPASS s3cret\r\n");
///
/// // A file name with a line break in it would send a second command.
/// let err = CommandLine::new(Command::Retr, Some("a.txt\r\nDELE b.txt")).unwrap_err();
/// assert_eq!(err.to_string(),
///     "invalid command line at byte 10: a line break (CR or LF) inside the line, which would end the command there and start another");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Example: parse
///
/// ```
/// use ftp_reply::command::{Command, CommandLine};
///
/// let line = CommandLine::parse_str("cwd  /pub \r\n")?;
/// assert_eq!(line.command(), Command::Cwd);
/// assert_eq!(line.verb(), "cwd");
/// assert_eq!(line.argument(), Some(" /pub "));
/// assert_eq!(line.to_string(), "cwd  /pub ");
///
/// let line = CommandLine::parse_str("CLNT curl 8.5\n")?;
/// assert_eq!(line.command(), Command::Other);
/// assert_eq!(line.verb(), "CLNT");
///
/// assert_eq!(CommandLine::parse_str("PASV")?.argument(), None);
/// assert_eq!(CommandLine::parse_str("pass hunter2")?.to_string(), "pass ****");
/// # Ok::<(), ftp_reply::command::CommandParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CommandLine<'a> {
    command: Command,
    verb: &'a str,
    argument: Option<&'a str>,
}

impl<'a> CommandLine<'a> {
    /// Parses a command line such as `"retr file.txt\r\n"` into the command and
    /// its argument (see [`CommandLine`] for the exact rules).
    ///
    /// # Errors
    ///
    /// [`CommandParseError`] when the line is empty, when the verb holds a byte
    /// other than an ASCII letter or digit or is longer than 16 bytes, when
    /// a CR or LF appears before the end of the line, or when the line holds
    /// a NUL.
    ///
    /// ```
    /// use ftp_reply::command::{Command, CommandLine, CommandParseErrorKind};
    ///
    /// let line = CommandLine::parse_str("STOR my file.txt\r\n")?;
    /// assert_eq!(line.command(), Command::Stor);
    /// assert_eq!(line.argument(), Some("my file.txt"));
    ///
    /// let err = CommandLine::parse_str("RETR a\r\nDELE a\r\n").unwrap_err();
    /// assert_eq!(err.kind(), CommandParseErrorKind::LineBreak);
    /// assert_eq!(err.offset(), 6);
    /// # Ok::<(), ftp_reply::command::CommandParseError>(())
    /// ```
    pub fn parse_str(line: &'a str) -> Result<Self, CommandParseError> {
        parse(line)
    }

    /// A command line for `command` with `argument` (`None`, or
    /// `Some("")`, for none), sent with the command's upper-case verb.
    ///
    /// The argument is kept verbatim: spaces are part of it (`STOR my
    /// file.txt` stores `my file.txt`). Whether the command takes an
    /// argument is not checked: servers differ (`LIST` with or without a
    /// path, `EPSV ALL`).
    ///
    /// # Errors
    ///
    /// [`CommandParseError`] when the argument holds a CR or LF
    /// ([`LineBreak`](CommandParseErrorKind::LineBreak)) or a NUL
    /// ([`Nul`](CommandParseErrorKind::Nul)), with the offset of that byte
    /// in the line as it would be sent (`VERB arg`), and for
    /// [`Command::Other`], which has no verb of its own
    /// ([`NoVerb`](CommandParseErrorKind::NoVerb); use
    /// [`from_verb`](Self::from_verb)).
    ///
    /// ```
    /// use ftp_reply::command::{Command, CommandLine, CommandParseErrorKind};
    ///
    /// let line = CommandLine::new(Command::Stor, Some("my file.txt"))?;
    /// assert_eq!((line.verb(), line.argument()), ("STOR", Some("my file.txt")));
    /// assert_eq!(CommandLine::new(Command::Pasv, None)?.to_string(), "PASV");
    /// assert_eq!(CommandLine::new(Command::Pasv, Some(""))?.argument(), None);
    ///
    /// let err = CommandLine::new(Command::Dele, Some("x\0.txt")).unwrap_err();
    /// assert_eq!((err.kind(), err.offset()), (CommandParseErrorKind::Nul, 6));
    /// let err = CommandLine::new(Command::Other, None).unwrap_err();
    /// assert_eq!(err.kind(), CommandParseErrorKind::NoVerb);
    /// # Ok::<(), ftp_reply::command::CommandParseError>(())
    /// ```
    pub fn new(command: Command, argument: Option<&'a str>) -> Result<Self, CommandParseError> {
        if command == Command::Other {
            return Err(CommandParseError {
                kind: CommandParseErrorKind::NoVerb,
                offset: 0,
            });
        }
        let verb = command.verb();
        let argument = check_argument(verb, argument)?;
        Ok(Self {
            command,
            verb,
            argument,
        })
    }

    /// A command line with the verb `verb`, sent as given (case kept):
    /// for verbs the crate does not know (`CLNT`, `XSHA256`, `SITE`
    /// sub-commands go in the argument), or to send a known verb in another
    /// case. [`command`](Self::command) is the verb's [`Command`], matched
    /// case-insensitively ([`Command::Other`] for an unknown one).
    ///
    /// # Errors
    ///
    /// [`CommandParseError`] when the verb breaks the rules of
    /// [`CommandLine::parse_str`] (empty, a byte other than an ASCII letter or
    /// digit, a leading digit, longer than 16 bytes), or the argument holds
    /// a CR, LF or NUL (as for [`new`](Self::new)).
    ///
    /// ```
    /// use ftp_reply::command::{Command, CommandLine, CommandParseErrorKind};
    ///
    /// let line = CommandLine::from_verb("CLNT", Some("my-client 1.0"))?;
    /// assert_eq!(line.command(), Command::Other);
    /// assert_eq!(line.to_string(), "CLNT my-client 1.0");
    /// assert_eq!(CommandLine::from_verb("pass", Some("x"))?.to_string(), "pass ****");
    ///
    /// let err = CommandLine::from_verb("RETR x", None).unwrap_err();
    /// assert_eq!(err.kind(), CommandParseErrorKind::InvalidVerbByte { found: b' ' });
    /// # Ok::<(), ftp_reply::command::CommandParseError>(())
    /// ```
    pub fn from_verb(verb: &'a str, argument: Option<&'a str>) -> Result<Self, CommandParseError> {
        check_verb(verb)?;
        let argument = check_argument(verb, argument)?;
        Ok(Self {
            command: Command::from_verb(verb),
            verb,
            argument,
        })
    }

    /// The command ([`Command::Other`] for a verb the crate does not know).
    ///
    /// ```
    /// use ftp_reply::command::{Command, CommandLine};
    /// assert_eq!(CommandLine::parse_str("retr a.txt")?.command(), Command::Retr);
    /// assert_eq!(CommandLine::parse_str("XYZZY")?.command(), Command::Other);
    /// # Ok::<(), ftp_reply::command::CommandParseError>(())
    /// ```
    #[must_use]
    pub const fn command(&self) -> Command {
        self.command
    }

    /// The verb exactly as sent (case kept).
    ///
    /// ```
    /// use ftp_reply::command::CommandLine;
    /// assert_eq!(CommandLine::parse_str("retr a.txt")?.verb(), "retr");
    /// assert_eq!(CommandLine::parse_str("XYZZY")?.verb(), "XYZZY");
    /// # Ok::<(), ftp_reply::command::CommandParseError>(())
    /// ```
    #[must_use]
    pub const fn verb(&self) -> &'a str {
        self.verb
    }

    /// The argument, verbatim and never redacted (the password itself for
    /// PASS), or `None` when there is none (or it is empty).
    ///
    /// ```
    /// use ftp_reply::command::{Command, CommandLine};
    /// assert_eq!(CommandLine::parse_str("PASS hunter2")?.argument(), Some("hunter2"));
    /// # Ok::<(), ftp_reply::command::CommandParseError>(())
    /// ```
    #[must_use]
    pub const fn argument(&self) -> Option<&'a str> {
        self.argument
    }

    /// Whether the argument is a secret that `Display` and `Debug` hide:
    /// PASS, ACCT and ADAT, when they have an argument.
    ///
    /// ```
    /// use ftp_reply::command::{Command, CommandLine};
    /// assert!(CommandLine::new(Command::Acct, Some("billing"))?.is_sensitive());
    /// assert!(!CommandLine::new(Command::Pass, None)?.is_sensitive());
    /// assert!(!CommandLine::new(Command::User, Some("alice"))?.is_sensitive());
    /// # Ok::<(), ftp_reply::command::CommandParseError>(())
    /// ```
    #[must_use]
    pub const fn is_sensitive(&self) -> bool {
        self.argument.is_some()
            && matches!(self.command, Command::Pass | Command::Acct | Command::Adat)
    }

    /// The argument as `Display` shows it: `****` for a
    /// [sensitive](Self::is_sensitive) one.
    fn shown_argument(&self) -> Option<&'a str> {
        if self.is_sensitive() {
            Some(REDACTED)
        } else {
            self.argument
        }
    }

    /// The bytes sent on the control connection: `VERB`, then a space and
    /// the argument if there is one, then CRLF. Nothing is redacted.
    ///
    /// ```
    /// use ftp_reply::command::{Command, CommandLine};
    /// let line = CommandLine::new(Command::Retr, Some("café.txt"))?;
    /// assert_eq!(line.to_bytes(), "RETR café.txt\r\n".as_bytes());
    /// # Ok::<(), ftp_reply::command::CommandParseError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn to_bytes(&self) -> alloc::vec::Vec<u8> {
        let mut out = alloc::vec::Vec::with_capacity(self.wire_len());
        out.extend_from_slice(self.verb.as_bytes());
        if let Some(a) = self.argument {
            out.push(b' ');
            out.extend_from_slice(a.as_bytes());
        }
        out.extend_from_slice(b"\r\n");
        out
    }

    /// How many bytes [`to_bytes`](Self::to_bytes) gives.
    ///
    /// ```
    /// use ftp_reply::command::{Command, CommandLine};
    /// assert_eq!(CommandLine::new(Command::Noop, None)?.wire_len(), 6);
    /// # Ok::<(), ftp_reply::command::CommandParseError>(())
    /// ```
    #[must_use]
    pub const fn wire_len(&self) -> usize {
        let arg = match self.argument {
            Some(a) => 1 + a.len(),
            None => 0,
        };
        self.verb.len() + arg + 2
    }

    /// Writes the line as sent on the control connection (`VERB arg\r\n`,
    /// nothing redacted) with one `write_all`.
    ///
    /// On a `TcpStream` held by a [`ReplyReader`](crate::ReplyReader) in a
    /// `BufReader`, write through `reader.get_mut().get_mut()` (see
    /// [`ReplyReader::get_mut`](crate::ReplyReader::get_mut)).
    ///
    /// # Errors
    ///
    /// Any error of `out`.
    ///
    /// ```
    /// use ftp_reply::command::{Command, CommandLine};
    ///
    /// let mut out = Vec::new();
    /// CommandLine::new(Command::Cwd, Some("/pub"))?.write_to(&mut out)?;
    /// assert_eq!(out, b"CWD /pub\r\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "std")]
    pub fn write_to<W: std::io::Write>(&self, mut out: W) -> std::io::Result<()> {
        out.write_all(&self.to_bytes())
    }
}

/// What `Display` and `Debug` show for a secret argument.
const REDACTED: &str = "****";

impl fmt::Display for CommandLine<'_> {
    /// The verb and the argument, without line end; a secret argument is
    /// shown as `****` (see [Logging](CommandLine#logging)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.verb)?;
        if let Some(a) = self.shown_argument() {
            write!(f, " {a}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for CommandLine<'_> {
    /// As derived, with a secret argument shown as `****`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CommandLine")
            .field("command", &self.command)
            .field("verb", &self.verb)
            .field("argument", &self.shown_argument())
            .finish()
    }
}

/// A command line that could not be parsed; see [`CommandLine::parse_str`].
///
/// [`kind`](Self::kind) says what was wrong and [`offset`](Self::offset) the
/// byte at which the problem was found.
///
/// # Example
///
/// ```
/// use ftp_reply::command::{Command, CommandLine, CommandParseErrorKind};
///
/// let err = CommandLine::parse_str("RE-TR x").unwrap_err();
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
    /// use ftp_reply::command::{Command, CommandLine, CommandParseErrorKind};
    /// assert_eq!(CommandLine::parse_str("\r\n").unwrap_err().kind(), CommandParseErrorKind::Empty);
    /// ```
    #[must_use]
    pub const fn kind(&self) -> CommandParseErrorKind {
        self.kind
    }

    /// The offset of the offending byte, counted from the start of the input.
    ///
    /// ```
    /// use ftp_reply::command::{Command, CommandLine};
    /// assert_eq!(CommandLine::parse_str(" NOOP").unwrap_err().offset(), 0);
    /// ```
    #[must_use]
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

/// What was wrong with a command line; see [`CommandParseError`].
///
/// New kinds may be added in minor releases.
///
/// ```
/// use ftp_reply::command::{Command, CommandLine, CommandParseErrorKind};
///
/// let kind = |line: &str| CommandLine::parse_str(line).unwrap_err().kind();
/// assert_eq!(kind(""), CommandParseErrorKind::Empty);
/// assert_eq!(kind("RE-TR x"), CommandParseErrorKind::InvalidVerbByte { found: b'-' });
/// assert_eq!(kind("RETR a\nDELE b"), CommandParseErrorKind::LineBreak);
/// let err = CommandLine::new(Command::Stor, Some("a\0.txt")).unwrap_err();
/// assert_eq!(err.kind(), CommandParseErrorKind::Nul);
/// assert_eq!(CommandLine::new(Command::Other, None).unwrap_err().kind(), CommandParseErrorKind::NoVerb);
/// ```
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
    /// A CR or LF inside the line (in an argument given to
    /// [`CommandLine::new`], or before the end of a parsed line): sent, it
    /// would end the command there and start another (command injection).
    #[error(
        "a line break (CR or LF) inside the line, which would end the command there and start another"
    )]
    LineBreak,
    /// A NUL byte in the line: servers written in C would cut the line
    /// short there.
    #[error("a NUL byte inside the line, where servers written in C would cut it short")]
    Nul,
    /// [`CommandLine::new`] was given [`Command::Other`], which has no verb
    /// to send: use [`CommandLine::from_verb`].
    #[error("Command::Other has no verb to send; give the verb with CommandLine::from_verb")]
    NoVerb,
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

/// Checks a verb: an ASCII letter, then ASCII letters and digits, at most
/// [`MAX_VERB_LEN`] bytes (offsets from the start of the verb).
fn check_verb(verb: &str) -> Result<(), CommandParseError> {
    let err = |kind, offset| Err(CommandParseError { kind, offset });
    if verb.is_empty() {
        return err(CommandParseErrorKind::Empty, 0);
    }
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
    Ok(())
}

/// Checks an argument for CR, LF and NUL; offsets count from the start of
/// the line `verb arg`. An empty argument is none.
fn check_argument<'a>(
    verb: &str,
    argument: Option<&'a str>,
) -> Result<Option<&'a str>, CommandParseError> {
    let Some(a) = argument.filter(|a| !a.is_empty()) else {
        return Ok(None);
    };
    match forbidden(a) {
        Some((i, kind)) => Err(CommandParseError {
            kind,
            offset: verb.len() + 1 + i,
        }),
        None => Ok(Some(a)),
    }
}

/// The first CR, LF or NUL in `s`, with the error kind it gives.
fn forbidden(s: &str) -> Option<(usize, CommandParseErrorKind)> {
    let i = s.bytes().position(|b| matches!(b, b'\r' | b'\n' | 0))?;
    let kind = if s.as_bytes()[i] == 0 {
        CommandParseErrorKind::Nul
    } else {
        CommandParseErrorKind::LineBreak
    };
    Some((i, kind))
}

pub(super) fn parse(input: &str) -> Result<CommandLine<'_>, CommandParseError> {
    let line = input
        .strip_suffix("\r\n")
        .or_else(|| input.strip_suffix('\n'))
        .unwrap_or(input);
    if let Some((offset, kind)) = forbidden(line) {
        return Err(CommandParseError { kind, offset });
    }
    let (verb, argument) = match line.split_once(' ') {
        Some((v, a)) => (v, Some(a).filter(|a| !a.is_empty())),
        None => (line, None),
    };
    if verb.is_empty() && !line.is_empty() {
        // The line starts with a space.
        return Err(CommandParseError {
            kind: CommandParseErrorKind::InvalidVerbByte { found: b' ' },
            offset: 0,
        });
    }
    check_verb(verb)?;
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
        assert_eq!(kind("RETR a\0b"), (CommandParseErrorKind::Nul, 6));
        assert_eq!(kind("\0"), (CommandParseErrorKind::Nul, 0));
    }

    fn build(c: Command, a: &str) -> (CommandParseErrorKind, usize) {
        let e = CommandLine::new(c, Some(a)).unwrap_err();
        (e.kind(), e.offset())
    }

    #[test]
    fn building_refuses_injection() {
        assert_eq!(
            build(Command::Retr, "a\r\nDELE b"),
            (CommandParseErrorKind::LineBreak, 6)
        );
        assert_eq!(
            build(Command::Stor, "x\n"),
            (CommandParseErrorKind::LineBreak, 6)
        );
        assert_eq!(
            build(Command::Mkd, "\r"),
            (CommandParseErrorKind::LineBreak, 4)
        );
        assert_eq!(build(Command::Dele, "a\0"), (CommandParseErrorKind::Nul, 6));
        let e = CommandLine::from_verb("SITE", Some("CHMOD 644 f\r\nQUIT")).unwrap_err();
        assert_eq!(
            (e.kind(), e.offset()),
            (CommandParseErrorKind::LineBreak, 16)
        );
        assert_eq!(
            CommandLine::from_verb("", None).unwrap_err().kind(),
            CommandParseErrorKind::Empty
        );
        assert_eq!(
            CommandLine::from_verb("ABCDEFGHIJKLMNOPQ", None)
                .unwrap_err()
                .kind(),
            CommandParseErrorKind::VerbTooLong
        );
        assert_eq!(
            CommandLine::from_verb("X\r\n", None).unwrap_err().kind(),
            CommandParseErrorKind::InvalidVerbByte { found: b'\r' }
        );
    }

    #[cfg(feature = "alloc")]
    #[test]
    fn built_lines_parse_back() {
        for (c, a) in [
            (Command::User, Some("anonymous")),
            (Command::Stor, Some(" leading and trailing ")),
            (Command::Pasv, None),
            (Command::Opts, Some("UTF8 ON")),
        ] {
            let line = CommandLine::new(c, a).unwrap();
            let bytes = line.to_bytes();
            let text = core::str::from_utf8(&bytes).unwrap();
            assert_eq!(parse(text).unwrap(), line);
            assert_eq!(bytes.len(), line.wire_len());
        }
    }

    #[cfg(feature = "alloc")]
    #[test]
    fn secrets_are_redacted() {
        extern crate std;
        use std::format;
        for c in [Command::Pass, Command::Acct, Command::Adat] {
            let line = CommandLine::new(c, Some("hunter2")).unwrap();
            let shown = format!("{line} {line:?}");
            assert!(!shown.contains("hunter2"), "{shown}");
            assert_eq!(format!("{line}"), format!("{} ****", c.verb()));
            assert_eq!(line.argument(), Some("hunter2"));
            assert!(line.to_bytes().ends_with(b" hunter2\r\n"));
        }
        let user = CommandLine::new(Command::User, Some("alice")).unwrap();
        assert_eq!(
            format!("{user:?}"),
            "CommandLine { command: User, verb: \"USER\", argument: Some(\"alice\") }"
        );
        let line = parse("PaSs  x").unwrap();
        assert_eq!(format!("{line}"), "PaSs ****");
        assert_eq!(format!("{}", parse("PASS").unwrap()), "PASS");
    }
}
