//! [`Reply`], one complete FTP reply (single or multi-line), owned. Its
//! accessors are those of [`ReplyRef`], through [`Reply::view`].

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::str::FromStr;

use crate::decoder::{Core, DecodeError, DecodeErrorKind, Framing, Limits};
use crate::reply_ref::{RawLines, Text};
use crate::{ReplyCode, ReplyRef};

/// One complete FTP reply: its code and every line as received.
///
/// # Lines
///
/// Every line is kept byte for byte, without its line end (CRLF or LF) and
/// after Telnet processing (see [`ReplyDecoder`](crate::ReplyDecoder)):
/// servers send Latin-1 and other text that is not UTF-8, so nothing is lost.
/// There are several views of the same lines:
///
/// - [`raw_lines`](Self::raw_lines): the original bytes of each line, code
///   prefixes included (`"211-Features:"`, `" MDTM"`, `"211 End"`);
/// - [`lines`](Self::lines): the same, as UTF-8 (invalid sequences become
///   U+FFFD);
/// - [`text_lines`](Self::text_lines) and [`raw_text_lines`](Self::raw_text_lines):
///   the text without the codes. The first and last lines lose their code
///   and the byte after it; an inner line loses a repeated `CODE-` or
///   `CODE ` prefix of the opening code (`ProFTPD`'s FEAT style) and is kept
///   as is otherwise, leading spaces included (`"Features:"`, `" MDTM"`,
///   `"End"`);
/// - [`text`](Self::text): the text lines joined with `\n`.
///
/// # Wire form
///
/// `Display` writes each line followed by CRLF, as a server sends it (as
/// UTF-8, lossy); [`to_bytes`](Self::to_bytes) writes the exact bytes, with
/// any 0xFF byte doubled as Telnet requires, so that parsing either gives
/// the same reply back.
///
/// # Example
///
/// ```
/// use ftp_reply::Reply;
///
/// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n211 End\r\n")?;
/// assert_eq!(reply.code(), 211);
/// assert!(reply.is_multiline());
/// assert_eq!(reply.lines().collect::<Vec<_>>(), ["211-Features:", " MDTM", "211 End"]);
/// assert_eq!(reply.text_lines().collect::<Vec<_>>(), ["Features:", " MDTM", "End"]);
/// assert_eq!(reply.text(), "Features:\n MDTM\nEnd");
/// assert_eq!(reply.to_string(), "211-Features:\r\n MDTM\r\n211 End\r\n");
///
/// // Text that is not UTF-8 is kept as is.
/// let latin1 = Reply::parse(b"550 caf\xe9: No such file\r\n")?;
/// assert_eq!(latin1.raw_lines().next(), Some(&b"550 caf\xe9: No such file"[..]));
/// assert_eq!(latin1.text(), "caf\u{FFFD}: No such file");
/// # Ok::<(), ftp_reply::DecodeError>(())
/// ```
#[derive(Clone)]
pub struct Reply {
    /// The code of the last line (the opening code except under lenient framing).
    code: ReplyCode,
    /// Every line, each but the last followed by `\n`, checked for UTF-8
    /// once, when decoded: the one allocation of a reply. Lines are found by
    /// searching `\n` when they are read (no index to allocate).
    text: OwnedText,
    /// The number of lines.
    lines: usize,
}

/// The bytes of a [`Reply`]'s lines, known to be UTF-8 or not.
#[derive(Clone)]
enum OwnedText {
    Utf8(Box<str>),
    Bytes(Box<[u8]>),
}

impl Reply {
    /// Parses one complete reply, single or multi-line, with [`Framing::Strict`].
    ///
    /// The input must hold exactly one reply. The line end of the last line
    /// may be missing; every other line ends with CRLF or LF. Telnet
    /// sequences are handled as by [`ReplyDecoder`](crate::ReplyDecoder).
    /// No limit applies (the input is already in memory); to read replies
    /// from a stream, use the decoder.
    ///
    /// # Errors
    ///
    /// A [`DecodeError`] with its byte offset in `input`: a first line that
    /// does not start with a valid code followed by a space, `-` or the line
    /// end ([`DecodeErrorKind::InvalidLine`]), a multi-line reply whose last
    /// line is missing ([`DecodeErrorKind::Incomplete`]), or bytes after the
    /// end of the reply ([`DecodeErrorKind::TrailingData`]).
    ///
    /// ```
    /// use ftp_reply::{DecodeErrorKind, ParseErrorKind, Reply};
    ///
    /// let reply = Reply::parse(b"226 Transfer complete.\r\n")?;
    /// assert_eq!(reply.code(), 226);
    /// assert!(!reply.is_multiline());
    ///
    /// // RFC 959 §4.2: inner lines may start with digits.
    /// let rfc = Reply::parse(b"123-First line\r\nSecond line\r\n  234 A line beginning with numbers\r\n123 The last line\r\n")?;
    /// assert_eq!(rfc.line_count(), 4);
    ///
    /// let err = Reply::parse(b"211-Features:\r\n MDTM\r\n").unwrap_err();
    /// assert!(matches!(err.kind(), DecodeErrorKind::Incomplete { .. }));
    /// let err = Reply::parse(b"220 ok\r\n221 bye\r\n").unwrap_err();
    /// assert_eq!((err.kind(), err.offset()), (DecodeErrorKind::TrailingData, 8));
    /// let err = Reply::parse(b"22O Ready\r\n").unwrap_err();
    /// assert_eq!(err.kind(), DecodeErrorKind::InvalidLine(ParseErrorKind::NotADigit { found: b'O' }));
    /// assert_eq!(err.offset(), 2);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    pub fn parse(input: &[u8]) -> Result<Self, DecodeError> {
        Self::parse_with(input, Framing::Strict)
    }

    /// Like [`parse`](Self::parse), on a string.
    ///
    /// # Errors
    ///
    /// As for [`parse`](Self::parse).
    ///
    /// ```
    /// use ftp_reply::Reply;
    ///
    /// let reply = Reply::parse_str("331 Password required for alice.")?;
    /// assert_eq!(reply.code(), 331);
    /// assert_eq!(reply.text(), "Password required for alice.");
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    pub fn parse_str(input: &str) -> Result<Self, DecodeError> {
        Self::parse(input.as_bytes())
    }

    /// Like [`parse`](Self::parse), with the given [`Framing`].
    ///
    /// # Errors
    ///
    /// As for [`parse`](Self::parse).
    ///
    /// ```
    /// use ftp_reply::{Framing, Reply};
    ///
    /// // funet: a 426 reply closed by a 226 line.
    /// let input = b"426-Data connection closed.\r\n426-Transfer aborted.\r\n226 Abort successful\r\n";
    /// assert_eq!(Reply::parse_with(input, Framing::Lenient)?.code(), 226);
    /// assert!(Reply::parse_with(input, Framing::Strict).is_err());
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    pub fn parse_with(input: &[u8], framing: Framing) -> Result<Self, DecodeError> {
        let mut core = Core::new(Limits::unlimited(), framing);
        let (used, event) = core.step_ref(input);
        match event {
            Some(Ok(reply)) if used == input.len() => return Ok(reply.to_owned()),
            Some(Ok(_)) => {
                return Err(DecodeError::new(DecodeErrorKind::TrailingData, used as u64));
            }
            Some(Err(e)) => return Err(e),
            None => {}
        }
        if input.last() != Some(&b'\n') {
            // The end of the input ends the last line.
            if let (_, Some(result)) = core.step_ref(b"\n") {
                return result.map(ReplyRef::to_owned);
            }
        }
        Err(core.take_incomplete().unwrap_or_else(|| {
            // Only possible for input made of Telnet commands alone.
            DecodeError::new(
                DecodeErrorKind::InvalidLine(crate::ParseErrorKind::Empty),
                0,
            )
        }))
    }

    /// A borrowed view of this reply, with the same accessors: every
    /// accessor of `Reply` is this view's.
    ///
    /// ```
    /// use ftp_reply::{Reply, ReplyRef};
    ///
    /// fn summary(reply: ReplyRef<'_>) -> String {
    ///     format!("{} ({} lines)", reply.code(), reply.line_count())
    /// }
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n211 End\r\n")?;
    /// assert_eq!(summary(reply.view()), "211 (3 lines)");
    /// assert_eq!(reply.view().to_owned(), reply);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn view(&self) -> ReplyRef<'_> {
        let text = match &self.text {
            OwnedText::Utf8(s) => Text::Utf8(s),
            OwnedText::Bytes(b) => Text::Bytes(b),
        };
        ReplyRef::from_counted(self.code, text, self.lines)
    }

    /// The reply's code: the code of its last line.
    ///
    /// It is the opening code, except under [`Framing::Lenient`] when a
    /// different code ended the reply (see [`opening_code`](Self::opening_code)).
    ///
    /// ```
    /// use ftp_reply::{Reply, ReplyCode};
    /// let reply = Reply::parse(b"530 Login incorrect.\r\n")?;
    /// assert_eq!(reply.code(), ReplyCode::NOT_LOGGED_IN);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The code of the first line.
    ///
    /// Equal to [`code`](Self::code) unless [`Framing::Lenient`] let another
    /// code end the reply (glftpd's `553-` … `150 ...`).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert_eq!(Reply::parse(b"220-Hi\r\n220 Ready\r\n")?.opening_code(), 220);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn opening_code(&self) -> ReplyCode {
        self.view().opening_code()
    }

    /// Whether the reply has more than one line.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert!(!Reply::parse(b"200 OK\r\n")?.is_multiline());
    /// assert!(Reply::parse(b"200-OK\r\n200 OK\r\n")?.is_multiline());
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn is_multiline(&self) -> bool {
        self.lines > 1
    }

    /// How many lines the reply has (one for a single-line reply).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert_eq!(Reply::parse(b"211-a\r\n b\r\n211 c\r\n")?.line_count(), 3);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn line_count(&self) -> usize {
        self.lines
    }

    /// The bytes of every line as received, without line ends.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"250-\r\n550\r\n250 End\r\n")?;
    /// let lines: Vec<&[u8]> = reply.raw_lines().collect();
    /// assert_eq!(lines, [&b"250-"[..], b"550", b"250 End"]);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn raw_lines(&self) -> RawLines<'_> {
        self.view().raw_lines()
    }

    /// Every line as received, as UTF-8 (invalid sequences become U+FFFD).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"220-caf\xe9\r\n220 Ready\r\n")?;
    /// assert_eq!(reply.lines().collect::<Vec<_>>(), ["220-caf\u{FFFD}", "220 Ready"]);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn lines(&self) -> impl DoubleEndedIterator<Item = Cow<'_, str>> + ExactSizeIterator + '_ {
        self.view().lines()
    }

    /// The text of every line without the reply codes, as bytes.
    ///
    /// The first and last lines lose their code and the separator after it;
    /// an inner line that starts with the opening code followed by `-` or a
    /// space loses those four bytes; other inner lines are unchanged.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// // ProFTPD's FEAT style: the code is repeated on every line.
    /// let reply = Reply::parse(b"211-Features:\r\n211-AUTH TLS\r\n211-UTF8\r\n211 End\r\n")?;
    /// let text: Vec<&[u8]> = reply.raw_text_lines().collect();
    /// assert_eq!(text, [&b"Features:"[..], b"AUTH TLS", b"UTF8", b"End"]);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn raw_text_lines(
        &self,
    ) -> impl DoubleEndedIterator<Item = &[u8]> + ExactSizeIterator + '_ {
        self.view().raw_text_lines()
    }

    /// The text of every line without the reply codes, as UTF-8 (lossy).
    ///
    /// See [`raw_text_lines`](Self::raw_text_lines) for what is removed.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"214-The following commands are recognized:\r\n USER PASS\r\n214 Help OK.\r\n")?;
    /// let text: Vec<_> = reply.text_lines().collect();
    /// assert_eq!(text, ["The following commands are recognized:", " USER PASS", "Help OK."]);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn text_lines(
        &self,
    ) -> impl DoubleEndedIterator<Item = Cow<'_, str>> + ExactSizeIterator + '_ {
        self.view().text_lines()
    }

    /// The [`text_lines`](Self::text_lines) joined with `\n`.
    ///
    /// Borrowed when the reply is a single line of valid UTF-8.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert_eq!(Reply::parse(b"257 \"/home/alice\" is the current directory\r\n")?.text(),
    ///            "\"/home/alice\" is the current directory");
    /// assert_eq!(Reply::parse(b"220-Welcome\r\n220 Ready\r\n")?.text(), "Welcome\nReady");
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn text(&self) -> Cow<'_, str> {
        self.view().text()
    }

    /// The reply in wire form, byte for byte: each line followed by CRLF,
    /// with every 0xFF byte doubled (Telnet `IAC IAC`).
    ///
    /// [`Reply::parse`] of the result gives this reply back.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"550 caf\xe9\xff\n")?;
    /// assert_eq!(reply.to_bytes(), b"550 caf\xe9\xff\xff\r\n");
    /// assert_eq!(Reply::parse(&reply.to_bytes())?, reply);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.view().to_bytes()
    }

    /// Writes [`to_bytes`](Self::to_bytes) to `out`.
    ///
    /// # Errors
    ///
    /// Any error of `out`.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let mut out = Vec::new();
    /// Reply::parse(b"221 Goodbye.")?.write_to(&mut out).unwrap();
    /// assert_eq!(out, b"221 Goodbye.\r\n");
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[cfg(feature = "std")]
    pub fn write_to<W: std::io::Write>(&self, out: W) -> std::io::Result<()> {
        self.view().write_to(out)
    }
}

impl ReplyRef<'_> {
    /// Copies this reply out of the buffer it borrows: one allocation, for
    /// its bytes (the owned reply finds its line ends when its lines are
    /// read). The bytes are not checked for UTF-8 again.
    ///
    /// ```
    /// use ftp_reply::{Reply, ReplyDecoder};
    ///
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"220 Ready\r\n331 Password?\r\n");
    /// let first: Reply = decoder.next_reply_ref()?.unwrap().to_owned();
    /// let second = decoder.next_reply_ref()?.unwrap();
    /// assert_eq!((first.code().as_u16(), second.code().as_u16()), (220, 331));
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn to_owned(self) -> Reply {
        let (code, text, lines) = self.parts();
        let text = match text {
            Text::Utf8(s) => OwnedText::Utf8(s.into()),
            Text::Bytes(b) => OwnedText::Bytes(b.into()),
        };
        Reply { code, text, lines }
    }
}

impl<'a> From<&'a Reply> for ReplyRef<'a> {
    fn from(reply: &'a Reply) -> Self {
        reply.view()
    }
}

impl From<ReplyRef<'_>> for Reply {
    fn from(reply: ReplyRef<'_>) -> Self {
        reply.to_owned()
    }
}

impl PartialEq for Reply {
    fn eq(&self, other: &Self) -> bool {
        self.view() == other.view()
    }
}

impl Eq for Reply {}

impl Hash for Reply {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.view().hash(state);
    }
}

impl PartialEq<ReplyRef<'_>> for Reply {
    fn eq(&self, other: &ReplyRef<'_>) -> bool {
        self.view() == *other
    }
}

impl PartialEq<Reply> for ReplyRef<'_> {
    fn eq(&self, other: &Reply) -> bool {
        *self == other.view()
    }
}

impl fmt::Display for Reply {
    /// Writes every line followed by CRLF (lossy UTF-8; see [`Reply::to_bytes`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.view().fmt(f)
    }
}

/// Shows the code and the lines as UTF-8 (lossy).
impl fmt::Debug for Reply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.view().debug_as("Reply", f)
    }
}

impl FromStr for Reply {
    type Err = DecodeError;

    /// Same as [`Reply::parse_str`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse_str(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    #[test]
    fn rfc959_example() {
        let input = b"123-First line\r\nSecond line\r\n  234 A line beginning with numbers\r\n123 The last line\r\n";
        let r = Reply::parse(input).unwrap();
        assert_eq!(r.code(), 123);
        assert_eq!(r.line_count(), 4);
        assert_eq!(
            r.text_lines().collect::<Vec<_>>(),
            [
                "First line",
                "Second line",
                "  234 A line beginning with numbers",
                "The last line"
            ]
        );
        assert_eq!(r.to_string().as_bytes(), input);
        assert_eq!(r.to_bytes(), input);
    }

    #[test]
    fn raw_lines_both_ways() {
        let r = Reply::parse(b"211-a\r\n\r\n b\r\n211 c\r\n").unwrap();
        let fwd: Vec<&[u8]> = r.raw_lines().collect();
        let mut back: Vec<&[u8]> = r.raw_lines().rev().collect();
        back.reverse();
        assert_eq!(fwd, back);
        assert_eq!(fwd, vec![&b"211-a"[..], b"", b" b", b"211 c"]);
        assert_eq!(r.raw_lines().len(), 4);
    }

    #[test]
    fn bare_code_lines() {
        let r = Reply::parse(b"200\r\n").unwrap();
        assert_eq!(r.text(), "");
        let r = Reply::parse(b"200-\r\n200\r\n").unwrap();
        assert_eq!(r.text_lines().collect::<Vec<_>>(), ["", ""]);
        let r = Reply::parse(b"200-x\r\n200\r\n200 y\r\n");
        // Strict: "200" alone ends the reply, so the third line is trailing data.
        assert_eq!(r.unwrap_err().offset(), 12);
    }

    #[test]
    fn display_and_debug() {
        let r: Reply = "220 Ready".parse().unwrap();
        assert_eq!(r.to_string(), "220 Ready\r\n");
        assert_eq!(
            alloc::format!("{r:?}"),
            r#"Reply { code: 220, lines: ["220 Ready"] }"#
        );
    }

    #[test]
    fn iac_doubling_round_trips() {
        let r = Reply::parse(b"550 \xff\xff\xfb\r\n").unwrap();
        assert_eq!(r.raw_lines().next().unwrap(), b"550 \xff\xfb");
        assert_eq!(Reply::parse(&r.to_bytes()).unwrap(), r);
    }

    #[test]
    fn only_telnet_commands_is_an_error() {
        let e = Reply::parse(b"\xff\xf1").unwrap_err();
        assert!(matches!(e.kind(), DecodeErrorKind::InvalidLine(_)));
    }
}
