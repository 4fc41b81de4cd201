//! [`ReplyError`]: a command the server refused, with the reply it refused
//! it with; [`Reply::into_result`] turns a final reply into `Ok` or `Err`.

use alloc::string::{String, ToString};
use core::fmt;

use crate::command::{Command, CommandLine};
use crate::{Reply, ReplyCode};

/// A negative reply (4yz or 5yz) and the command it answered.
///
/// Made by [`Reply::into_result`] (no command) or
/// [`Reply::into_result_for`] (with the command line, redacted as its
/// `Display` redacts it: `PASS ****`). It keeps the whole [`Reply`], so
/// nothing the server said is lost, and it is a `std::error::Error` that
/// converts into an [`std::io::Error`] (kind `Other`; get it back with
/// `get_ref()` and `downcast_ref::<ReplyError>()`).
///
/// `Display` gives the command line (if known), then the code and the text
/// of the reply on one line, the lines of a multi-line reply joined with a
/// space: `CWD /nope: 550 No such directory.`
///
/// # Example
///
/// ```
/// use ftp_reply::command::{Command, CommandLine};
/// use ftp_reply::{Reply, ReplyCode, ReplyError};
///
/// let line = CommandLine::new(Command::Pass, Some("wrong"))?;
/// let reply = Reply::parse(b"530 Login incorrect.\r\n")?;
/// let err: ReplyError = reply.into_result_for(&line).unwrap_err();
/// assert_eq!(err.code(), ReplyCode::NOT_LOGGED_IN);
/// assert_eq!(err.command(), Some(Command::Pass));
/// assert_eq!(err.to_string(), "PASS ****: 530 Login incorrect.");
///
/// let io: std::io::Error = err.into();
/// let back = io.get_ref().and_then(|e| e.downcast_ref::<ReplyError>()).unwrap();
/// assert_eq!(back.reply().text(), "Login incorrect.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReplyError {
    command: Option<Command>,
    /// The command line as `CommandLine`'s `Display` shows it (redacted).
    line: Option<String>,
    reply: Reply,
}

impl ReplyError {
    /// The command the reply answered, when known.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let err = Reply::parse(b"421 Bye\r\n")?.into_result().unwrap_err();
    /// assert_eq!(err.command(), None);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn command(&self) -> Option<Command> {
        self.command
    }

    /// The command line as sent, with a secret argument shown as `****`
    /// (see [`CommandLine`]'s `Display`), when known.
    ///
    /// ```
    /// use ftp_reply::command::{Command, CommandLine};
    /// use ftp_reply::Reply;
    ///
    /// let line = CommandLine::new(Command::Retr, Some("missing.txt"))?;
    /// let err = Reply::parse(b"550 No such file\r\n")?.into_result_for(&line).unwrap_err();
    /// assert_eq!(err.command_line(), Some("RETR missing.txt"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn command_line(&self) -> Option<&str> {
        self.line.as_deref()
    }

    /// The reply's code.
    ///
    /// ```
    /// use ftp_reply::{Reply, ReplyCode};
    /// let err = Reply::parse(b"452 Insufficient storage space\r\n")?.into_result().unwrap_err();
    /// assert_eq!(err.code(), ReplyCode::INSUFFICIENT_STORAGE_SPACE);
    /// assert!(err.code().is_transient_negative());
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn code(&self) -> ReplyCode {
        self.reply.code()
    }

    /// The reply the server refused the command with.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let err = Reply::parse(b"550-No such file.\r\n550 Check the name.\r\n")?.into_result().unwrap_err();
    /// assert_eq!(err.reply().line_count(), 2);
    /// assert_eq!(err.reply().text(), "No such file.\nCheck the name.");
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn reply(&self) -> &Reply {
        &self.reply
    }

    /// Gives back the reply.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let err = Reply::parse(b"550 No\r\n")?.into_result().unwrap_err();
    /// assert_eq!(err.into_reply().code(), 550);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn into_reply(self) -> Reply {
        self.reply
    }
}

impl fmt::Display for ReplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = &self.line {
            write!(f, "{line}: ")?;
        }
        write!(f, "{}", self.reply.code())?;
        for text in self.reply.text_lines() {
            let text = text.trim();
            if !text.is_empty() {
                write!(f, " {text}")?;
            }
        }
        Ok(())
    }
}

impl core::error::Error for ReplyError {}

#[cfg(feature = "std")]
impl From<ReplyError> for std::io::Error {
    /// An error of kind `Other` holding the [`ReplyError`].
    fn from(e: ReplyError) -> Self {
        std::io::Error::other(e)
    }
}

impl Reply {
    /// `Ok(self)` unless the reply is negative (4yz or 5yz), then a
    /// [`ReplyError`] holding it, with no command.
    ///
    /// Positive replies are `Ok` whatever their category: 1yz (more to
    /// come), 2yz, and 3yz, which asks for the next command of a sequence
    /// (331 after USER). Protected replies (6yz, RFC 2228) are `Ok` too:
    /// what they say is inside; decode it and check that. Whether the reply
    /// fits the command is [`Exchange`](crate::command::Exchange)'s job.
    ///
    /// # Errors
    ///
    /// [`ReplyError`] for a 4yz or 5yz reply.
    ///
    /// ```
    /// use ftp_reply::Reply;
    ///
    /// assert!(Reply::parse(b"331 Password required\r\n")?.into_result().is_ok());
    /// let err = Reply::parse(b"450-Busy\r\n450 Try later\r\n")?.into_result().unwrap_err();
    /// assert_eq!(err.to_string(), "450 Busy Try later");
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    pub fn into_result(self) -> Result<Reply, ReplyError> {
        self.refused(None)
    }

    /// Like [`into_result`](Self::into_result), with the command line the
    /// reply answers kept in the error (redacted: `PASS ****`).
    ///
    /// # Errors
    ///
    /// [`ReplyError`] for a 4yz or 5yz reply.
    ///
    /// ```
    /// use ftp_reply::command::{Command, CommandLine};
    /// use ftp_reply::Reply;
    ///
    /// let line = CommandLine::new(Command::Cwd, Some("/nope"))?;
    /// let err = Reply::parse(b"550 No such directory.\r\n")?.into_result_for(&line).unwrap_err();
    /// assert_eq!(err.to_string(), "CWD /nope: 550 No such directory.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_result_for(self, line: &CommandLine<'_>) -> Result<Reply, ReplyError> {
        self.refused(Some(line))
    }

    fn refused(self, line: Option<&CommandLine<'_>>) -> Result<Reply, ReplyError> {
        if self.code().is_negative() {
            Err(ReplyError {
                command: line.map(CommandLine::command),
                line: line.map(ToString::to_string),
                reply: self,
            })
        } else {
            Ok(self)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(s: &str) -> Reply {
        Reply::parse_str(s).unwrap()
    }

    #[test]
    fn categories() {
        for ok in [
            "110 MARK a = b",
            "150 Opening",
            "226 Done",
            "331 Password",
            "631 abc",
        ] {
            assert!(reply(ok).into_result().is_ok(), "{ok}");
        }
        for err in ["421 Bye", "450 Busy", "530 No", "550 Missing", "599 x"] {
            assert!(reply(err).into_result().is_err(), "{err}");
        }
    }

    #[test]
    fn display_and_fields() {
        let line = CommandLine::new(Command::Adat, Some("c2VjcmV0")).unwrap();
        let err = reply("535 Failed security check\r\n")
            .into_result_for(&line)
            .unwrap_err();
        assert_eq!(err.to_string(), "ADAT ****: 535 Failed security check");
        assert_eq!(err.command_line(), Some("ADAT ****"));
        assert_eq!(err.command(), Some(Command::Adat));
        assert!(!alloc::format!("{err:?}").contains("c2VjcmV0"));
        // Empty text lines add nothing; inner lines are trimmed.
        let err = reply("550-\r\n   Not here.  \r\n550 \r\n")
            .into_result()
            .unwrap_err();
        assert_eq!(err.to_string(), "550 Not here.");
        assert_eq!(err.reply().line_count(), 3);
    }

    #[cfg(feature = "std")]
    #[test]
    fn into_io_error() {
        let err = reply("550 Missing").into_result().unwrap_err();
        let io = std::io::Error::from(err.clone());
        assert_eq!(io.kind(), std::io::ErrorKind::Other);
        assert_eq!(io.to_string(), "550 Missing");
        let inner = io.into_inner().unwrap().downcast::<ReplyError>().unwrap();
        assert_eq!(*inner, err);
    }
}
