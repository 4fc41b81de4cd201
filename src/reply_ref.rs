//! [`ReplyRef`], a reply borrowed from where it lies (the decoder's buffer
//! or a [`Reply`](crate::Reply)), and the one implementation of every
//! accessor of a reply: [`Reply`](crate::Reply)'s accessors are views
//! through a `ReplyRef`.
//!
//! A reply is held as its lines (after Telnet processing, without line
//! ends), each but the last followed by `\n`, plus the index of each of
//! those `\n`: line boundaries are known without searching the bytes again,
//! and the bytes are checked for UTF-8 once, when the view is made.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::iter::FusedIterator;
use core::ops::Range;

use crate::decoder::telnet::IAC;
use crate::{ReplyCode, grammar};

/// The bytes of a reply's lines, known to be UTF-8 or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Text<'a> {
    /// Valid UTF-8 (checked once).
    Utf8(&'a str),
    /// Not valid UTF-8 (Latin-1 file names and the like).
    Bytes(&'a [u8]),
}

impl<'a> Text<'a> {
    /// Checks `bytes` for UTF-8.
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        match core::str::from_utf8(bytes) {
            Ok(s) => Self::Utf8(s),
            Err(_) => Self::Bytes(bytes),
        }
    }

    pub(crate) fn as_bytes(self) -> &'a [u8] {
        match self {
            Self::Utf8(s) => s.as_bytes(),
            Self::Bytes(b) => b,
        }
    }

    /// The bytes at `range` as text, borrowed unless invalid UTF-8 had to
    /// be replaced.
    fn str(self, range: Range<usize>) -> Cow<'a, str> {
        match self {
            // Ranges start and end next to ASCII bytes (a `\n`, a code and
            // its separator), so they are character boundaries; `get` keeps
            // this panic-free regardless.
            Self::Utf8(s) => Cow::Borrowed(s.get(range).unwrap_or_default()),
            Self::Bytes(b) => String::from_utf8_lossy(&b[range]),
        }
    }
}

/// A complete FTP reply borrowed from the buffer it was decoded into: the
/// zero-copy counterpart of [`Reply`](crate::Reply), in the style of
/// `httparse`.
///
/// [`ReplyDecoder::next_reply_ref`](crate::ReplyDecoder::next_reply_ref)
/// returns one that borrows the decoder until the next call; decoding that
/// way allocates nothing once the decoder's buffers have grown to the
/// largest reply. [`Reply::view`](crate::Reply::view) gives one of an owned
/// reply. It has every accessor of [`Reply`](crate::Reply) (the same code:
/// `Reply`'s accessors go through this view), and
/// [`to_owned`](Self::to_owned) copies it into a `Reply`.
///
/// The bytes were checked for UTF-8 once, when the view was made: when they
/// are valid, [`lines`](Self::lines) and [`text_lines`](Self::text_lines)
/// borrow every line without checking it again.
///
/// # Example
///
/// ```
/// use ftp_reply::ReplyDecoder;
///
/// let mut decoder = ReplyDecoder::new();
/// decoder.feed(b"211-Features:\r\n MDTM\r\n211 End\r\n226 Done\r\n");
/// let mut codes = Vec::new();
/// while let Some(reply) = decoder.next_reply_ref()? {
///     codes.push(reply.code().as_u16());
///     if reply.is_multiline() {
///         assert_eq!(reply.text_lines().collect::<Vec<_>>(), ["Features:", " MDTM", "End"]);
///         // Keep it beyond the next call: copy it.
///         let owned = reply.to_owned();
///         assert_eq!(owned, reply);
///     }
/// }
/// assert_eq!(codes, [211, 226]);
/// # Ok::<(), ftp_reply::DecodeError>(())
/// ```
#[derive(Clone, Copy)]
pub struct ReplyRef<'a> {
    /// The code of the last line (the opening code except under lenient framing).
    code: ReplyCode,
    /// Every line, each but the last followed by `\n` (lines never contain
    /// `\n`: it always ends a line).
    text: Text<'a>,
    /// Where the lines end.
    ends: Ends<'a>,
}

/// Where the lines of a reply end: indexed (the decoder's buffer), or only
/// counted and found by searching `\n` when the lines are read (an owned
/// [`Reply`](crate::Reply): no second allocation). Lines never contain
/// `\n`, so the bytes alone decide where they end.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Ends<'a> {
    /// The index in the text of the `\n` after each line but the last.
    Index(&'a [usize]),
    /// How many `\n` the text holds.
    Count(usize),
}

impl Ends<'_> {
    /// The number of `\n` (lines but one).
    const fn breaks(self) -> usize {
        match self {
            Self::Index(ends) => ends.len(),
            Self::Count(n) => n,
        }
    }
}

// The bytes decide the lines: the code and the bytes decide the reply.
impl PartialEq for ReplyRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code && self.text == other.text
    }
}

impl Eq for ReplyRef<'_> {}

impl core::hash::Hash for ReplyRef<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.code.hash(state);
        self.text.hash(state);
    }
}

impl<'a> ReplyRef<'a> {
    /// A view of `text` (lines joined by `\n`, at the indices `ends`),
    /// already checked for UTF-8.
    pub(crate) fn from_parts(code: ReplyCode, text: Text<'a>, ends: &'a [usize]) -> Self {
        debug_assert!(ends.iter().all(|&e| text.as_bytes().get(e) == Some(&b'\n')));
        Self {
            code,
            text,
            ends: Ends::Index(ends),
        }
    }

    /// A view of `text` (`lines` lines joined by `\n`), already checked for
    /// UTF-8, whose line ends are found when the lines are read.
    pub(crate) fn from_counted(code: ReplyCode, text: Text<'a>, lines: usize) -> Self {
        debug_assert_eq!(
            memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1,
            lines
        );
        Self {
            code,
            text,
            ends: Ends::Count(lines - 1),
        }
    }

    /// The code, the text and the line count, for [`Reply`](crate::Reply) to copy.
    pub(crate) fn parts(self) -> (ReplyCode, Text<'a>, usize) {
        (self.code, self.text, self.ends.breaks() + 1)
    }

    /// The reply's code: the code of its last line.
    ///
    /// It is the opening code, except under
    /// [`Framing::Lenient`](crate::Framing::Lenient) when a different code
    /// ended the reply (see [`opening_code`](Self::opening_code)).
    ///
    /// ```
    /// use ftp_reply::{Reply, ReplyCode};
    /// let reply = Reply::parse(b"530 Login incorrect.\r\n")?;
    /// assert_eq!(reply.view().code(), ReplyCode::NOT_LOGGED_IN);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn code(self) -> ReplyCode {
        self.code
    }

    /// The code of the first line.
    ///
    /// Equal to [`code`](Self::code) unless
    /// [`Framing::Lenient`](crate::Framing::Lenient) let another code end
    /// the reply (glftpd's `553-` … `150 ...`).
    ///
    /// ```
    /// use ftp_reply::{Framing, ReplyDecoder};
    /// let mut decoder = ReplyDecoder::new().with_framing(Framing::Lenient);
    /// decoder.feed(b"553-\r\n553- Directory excluded.\r\n150 Opening.\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap();
    /// assert_eq!((reply.opening_code().as_u16(), reply.code().as_u16()), (553, 150));
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn opening_code(self) -> ReplyCode {
        // The first line was checked to start with a valid code.
        grammar::code(self.text.as_bytes()).unwrap_or(self.code)
    }

    /// Whether the reply has more than one line.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert!(Reply::parse(b"200-OK\r\n200 OK\r\n")?.view().is_multiline());
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn is_multiline(self) -> bool {
        self.ends.breaks() > 0
    }

    /// How many lines the reply has (one for a single-line reply).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert_eq!(Reply::parse(b"211-a\r\n b\r\n211 c\r\n")?.view().line_count(), 3);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn line_count(self) -> usize {
        self.ends.breaks() + 1
    }

    /// Where each line lies in `text`.
    fn ranges(self) -> Ranges<'a> {
        let bytes = self.text.as_bytes();
        Ranges {
            bytes,
            ends: self.ends,
            front: 0,
            back: self.ends.breaks() + 1,
            front_at: 0,
            back_at: bytes.len(),
        }
    }

    /// The bytes of every line as received, without line ends.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"250-\r\n550\r\n250 End\r\n")?;
    /// let lines: Vec<&[u8]> = reply.view().raw_lines().collect();
    /// assert_eq!(lines, [&b"250-"[..], b"550", b"250 End"]);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn raw_lines(self) -> RawLines<'a> {
        RawLines {
            bytes: self.text.as_bytes(),
            ranges: self.ranges(),
        }
    }

    /// Every line as received, as UTF-8 (invalid sequences become U+FFFD).
    /// Every line is borrowed when the reply is valid UTF-8.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"220-caf\xe9\r\n220 Ready\r\n")?;
    /// assert_eq!(reply.view().lines().collect::<Vec<_>>(), ["220-caf\u{FFFD}", "220 Ready"]);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn lines(self) -> impl DoubleEndedIterator<Item = Cow<'a, str>> + ExactSizeIterator + 'a {
        let text = self.text;
        self.ranges().map(move |r| text.str(r))
    }

    /// Where the text of each line (without the reply codes) lies.
    fn text_ranges(self) -> impl DoubleEndedIterator<Item = Range<usize>> + ExactSizeIterator + 'a {
        let last = self.ends.breaks();
        let open = self.opening_code();
        let bytes = self.text.as_bytes();
        self.ranges().enumerate().map(move |(i, r)| {
            let line = &bytes[r.clone()];
            if i == 0 || i == last {
                // Checked when decoded: a code, then a separator or nothing.
                (r.start + 4).min(r.end)..r.end
            } else if grammar::repeats_code(line, open) {
                r.start + 4..r.end
            } else {
                r
            }
        })
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
    /// let text: Vec<&[u8]> = reply.view().raw_text_lines().collect();
    /// assert_eq!(text, [&b"Features:"[..], b"AUTH TLS", b"UTF8", b"End"]);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn raw_text_lines(
        self,
    ) -> impl DoubleEndedIterator<Item = &'a [u8]> + ExactSizeIterator + 'a {
        let bytes = self.text.as_bytes();
        self.text_ranges().map(move |r| &bytes[r])
    }

    /// The text of every line without the reply codes, as UTF-8 (lossy);
    /// borrowed when the reply is valid UTF-8.
    ///
    /// See [`raw_text_lines`](Self::raw_text_lines) for what is removed.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"214-The following commands are recognized:\r\n USER PASS\r\n214 Help OK.\r\n")?;
    /// let text: Vec<_> = reply.view().text_lines().collect();
    /// assert_eq!(text, ["The following commands are recognized:", " USER PASS", "Help OK."]);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn text_lines(
        self,
    ) -> impl DoubleEndedIterator<Item = Cow<'a, str>> + ExactSizeIterator + 'a {
        let text = self.text;
        self.text_ranges().map(move |r| text.str(r))
    }

    /// The [`text_lines`](Self::text_lines) joined with `\n`.
    ///
    /// Borrowed when the reply is a single line of valid UTF-8.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert_eq!(Reply::parse(b"220-Welcome\r\n220 Ready\r\n")?.view().text(), "Welcome\nReady");
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn text(self) -> Cow<'a, str> {
        let mut lines = self.text_lines();
        if !self.is_multiline() {
            return lines.next().unwrap_or_default();
        }
        let mut text = String::with_capacity(self.text.as_bytes().len());
        for (i, line) in lines.enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(&line);
        }
        Cow::Owned(text)
    }

    /// The reply in wire form, byte for byte: each line followed by CRLF,
    /// with every 0xFF byte doubled (Telnet `IAC IAC`).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"550 caf\xe9\xff\n")?;
    /// assert_eq!(reply.view().to_bytes(), b"550 caf\xe9\xff\xff\r\n");
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn to_bytes(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.text.as_bytes().len() + 2 * self.line_count());
        for line in self.raw_lines() {
            for chunk in line.split_inclusive(|&b| b == IAC) {
                out.extend_from_slice(chunk);
                if chunk.last() == Some(&IAC) {
                    out.push(IAC);
                }
            }
            out.extend_from_slice(b"\r\n");
        }
        out
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
    /// Reply::parse(b"221 Goodbye.")?.view().write_to(&mut out).unwrap();
    /// assert_eq!(out, b"221 Goodbye.\r\n");
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[cfg(feature = "std")]
    pub fn write_to<W: std::io::Write>(self, mut out: W) -> std::io::Result<()> {
        out.write_all(&self.to_bytes())
    }
}

impl fmt::Display for ReplyRef<'_> {
    /// Writes every line followed by CRLF (lossy UTF-8; see [`ReplyRef::to_bytes`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in self.lines() {
            f.write_str(&line)?;
            f.write_str("\r\n")?;
        }
        Ok(())
    }
}

/// Shows the code and the lines as UTF-8 (lossy).
impl fmt::Debug for ReplyRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.debug_as("ReplyRef", f)
    }
}

impl ReplyRef<'_> {
    /// The `Debug` form, under the name of the type shown.
    pub(crate) fn debug_as(self, name: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Lines<'b>(ReplyRef<'b>);
        impl fmt::Debug for Lines<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.0.lines()).finish()
            }
        }
        f.debug_struct(name)
            .field("code", &self.code.as_u16())
            .field("lines", &Lines(self))
            .finish()
    }
}

/// Where the lines of a reply lie, read from both ends: lines
/// `front..back` are still to be returned, and lie in
/// `bytes[front_at..back_at]`.
#[derive(Debug, Clone)]
struct Ranges<'a> {
    bytes: &'a [u8],
    ends: Ends<'a>,
    front: usize,
    back: usize,
    front_at: usize,
    back_at: usize,
}

impl Iterator for Ranges<'_> {
    type Item = Range<usize>;

    #[inline]
    fn next(&mut self) -> Option<Range<usize>> {
        if self.front == self.back {
            return None;
        }
        let end = if self.front + 1 == self.back {
            self.back_at
        } else {
            match self.ends {
                Ends::Index(ends) => ends[self.front],
                Ends::Count(_) => memchr::memchr(b'\n', &self.bytes[self.front_at..self.back_at])
                    .map_or(self.back_at, |n| self.front_at + n),
            }
        };
        let r = self.front_at..end;
        self.front += 1;
        self.front_at = end + 1;
        Some(r)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Ranges<'_> {
    fn next_back(&mut self) -> Option<Range<usize>> {
        if self.front == self.back {
            return None;
        }
        let start = if self.front + 1 == self.back {
            self.front_at
        } else {
            match self.ends {
                Ends::Index(ends) => ends[self.back - 2] + 1,
                Ends::Count(_) => memchr::memrchr(b'\n', &self.bytes[self.front_at..self.back_at])
                    .map_or(self.front_at, |n| self.front_at + n + 1),
            }
        };
        let r = start..self.back_at;
        self.back -= 1;
        self.back_at = start.saturating_sub(1);
        Some(r)
    }
}

impl ExactSizeIterator for Ranges<'_> {}

/// The lines of a reply as bytes; see [`ReplyRef::raw_lines`] and
/// [`Reply::raw_lines`](crate::Reply::raw_lines).
///
/// ```
/// use ftp_reply::Reply;
/// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n211 End\r\n")?;
/// let lines: Vec<&[u8]> = reply.raw_lines().collect();
/// assert_eq!(lines, [&b"211-Features:"[..], b" MDTM", b"211 End"]); // codes kept, line ends not
/// assert_eq!(reply.raw_lines().len(), 3);
/// # Ok::<(), ftp_reply::DecodeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct RawLines<'a> {
    bytes: &'a [u8],
    ranges: Ranges<'a>,
}

impl<'a> Iterator for RawLines<'a> {
    type Item = &'a [u8];

    #[inline]
    fn next(&mut self) -> Option<&'a [u8]> {
        self.ranges.next().map(|r| &self.bytes[r])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ranges.size_hint()
    }
}

impl ExactSizeIterator for RawLines<'_> {}

impl FusedIterator for RawLines<'_> {}

impl DoubleEndedIterator for RawLines<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.ranges.next_back().map(|r| &self.bytes[r])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view<'a>(text: &'a [u8], ends: &'a [usize]) -> ReplyRef<'a> {
        ReplyRef::from_parts(ReplyCode::known(211), Text::new(text), ends)
    }

    #[test]
    fn lines_both_ways() {
        let r = view(b"211-a\n\n b\n211 c", &[5, 6, 9]);
        let fwd: Vec<&[u8]> = r.raw_lines().collect();
        let mut back: Vec<&[u8]> = r.raw_lines().rev().collect();
        back.reverse();
        assert_eq!(fwd, back);
        assert_eq!(fwd, [&b"211-a"[..], b"", b" b", b"211 c"]);
        assert_eq!(r.raw_lines().len(), 4);
        assert_eq!(r.text_lines().next_back().as_deref(), Some("c"));
        assert_eq!(r.line_count(), 4);
    }

    #[test]
    fn utf8_is_known_once() {
        assert!(matches!(view(b"211 caf\xc3\xa9", &[]).text, Text::Utf8(_)));
        let latin1 = view(b"211-caf\xe9\n211 x", &[8]);
        assert!(matches!(latin1.text, Text::Bytes(_)));
        assert_eq!(latin1.lines().next().as_deref(), Some("211-caf\u{FFFD}"));
        // Valid lines of a reply that is not UTF-8 as a whole stay exact.
        assert_eq!(latin1.text_lines().nth(1).as_deref(), Some("x"));
    }

    #[test]
    fn debug_form() {
        assert_eq!(
            alloc::format!("{:?}", view(b"211 x", &[])),
            r#"ReplyRef { code: 211, lines: ["211 x"] }"#
        );
    }
}
