//! [`Framing`], the rule that decides where a multi-line reply ends.

use crate::{ReplyCode, grammar};

/// Where a multi-line reply ends.
///
/// RFC 959 §4.2: a multi-line reply starts with `CODE-` and its last line
/// starts with the *same* code followed by a space (or by the end of the
/// line); the lines in between may hold anything, even text that starts with
/// digits, another code, or `CODE-`. Real servers bend the rule in two
/// opposite ways, so the rule is a choice:
///
/// | server behaviour | [`Strict`](Self::Strict) | [`Lenient`](Self::Lenient) |
/// |---|---|---|
/// | `ProFTPD`: `211-` at the start of every FEAT line, then `211 End` | one reply | one reply |
/// | glftpd: `553-`, `553- Directory excluded (precheck).`, `150 Opening ...` | waits for `553 ` (hangs) | one reply, code 150 |
/// | funet: `426-` lines, then `226 ...` | waits for `426 ` | one reply, code 226 |
/// | `250- List`, `550`, `250 End of List` (MLST, cyberduck #15892) | one 250 reply | a 550 reply, then a separate 250 reply (out of step) |
///
/// # Example
///
/// ```
/// use ftp_reply::{Framing, Reply};
///
/// let glftpd = b"553-\r\n553- Directory excluded (precheck).\r\n150 Opening BINARY mode.\r\n";
/// assert!(Reply::parse_with(glftpd, Framing::Strict).is_err()); // never ends
/// let reply = Reply::parse_with(glftpd, Framing::Lenient)?;
/// assert_eq!(reply.code(), 150);
/// assert_eq!(reply.opening_code(), 553);
/// assert_eq!(Framing::default(), Framing::Strict);
/// # Ok::<(), ftp_reply::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Framing {
    /// RFC 959 §4.2: only a line that starts with the opening code followed
    /// by a space or the end of the line ends a multi-line reply. The default.
    #[default]
    Strict,
    /// As curl, suppaftp and Commons Net (by default) do: any line that
    /// starts with a valid reply code followed by a space or the end of the
    /// line ends a multi-line reply, and that line's code becomes the
    /// reply's [`code`](crate::Reply::code). Lines ending a reply under `Strict`
    /// end it here too.
    Lenient,
}

impl Framing {
    /// If the complete line `content` (line end excluded, or at least its
    /// first four bytes) ends a multi-line reply opened with `open`, the
    /// code of the reply.
    #[inline]
    pub(super) fn closes(self, content: &[u8], open: ReplyCode) -> Option<ReplyCode> {
        let code = grammar::closing_code(content)?;
        match self {
            Self::Strict => (code == open).then_some(open),
            Self::Lenient => Some(code),
        }
    }
}
