//! 257: the path name of PWD and MKD replies (RFC 959 Appendix II).

use core::fmt;
use core::iter::FusedIterator;

use super::{Parsed, PayloadError, PayloadErrorKind, Quirk, Quirks, expect_code, lines};
use crate::ReplyCode;

/// The path name of a 257 reply, borrowed from the reply.
///
/// RFC 959 Appendix II quotes the path and doubles any `"` inside it
/// (`"/usr/dm/foo""bar"` names `/usr/dm/foo"bar`). A `Pathname` keeps the
/// raw bytes between the quotes (non-UTF-8 paths work: servers send Latin-1
/// and other encodings) and un-doubles lazily: [`chunks`](Self::chunks)
/// and [`bytes`](Self::bytes) never allocate, [`as_bytes`](Self::as_bytes)
/// borrows when there is nothing to un-double, and `Display` writes a lossy
/// UTF-8 view.
///
/// ```
/// use ftp_reply::Reply;
///
/// let reply = Reply::parse(b"257 \"/usr/dm/foo\"\"bar\" directory created.\r\n")?;
/// let path = reply.pathname()?.value;
/// assert_eq!(path, "/usr/dm/foo\"bar");
/// assert_eq!(path.as_quoted_bytes(), b"/usr/dm/foo\"\"bar");
/// assert_eq!(path.as_bytes(), None); // un-doubling needs a copy: use chunks() or to_bytes()
/// assert_eq!(path.to_string(), "/usr/dm/foo\"bar");
/// assert_eq!(path.len(), 15);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pathname<'a> {
    /// The bytes between the quotes, `""` still doubled.
    quoted: &'a [u8],
    /// Whether `quoted` holds a doubled quote.
    doubled: bool,
}

impl<'a> Pathname<'a> {
    /// The bytes between the quotes as received, `""` still doubled.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"257 \"/srv/say \"\"hi\"\"\" created\r\n")?;
    /// let path = reply.pathname()?.value; // /srv/say "hi"
    /// assert_eq!(path.as_quoted_bytes(), br#"/srv/say ""hi"""#); // as sent, quotes doubled
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_quoted_bytes(&self) -> &'a [u8] {
        self.quoted
    }

    /// The path's bytes, borrowed, when there is no `""` to un-double.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"257 \"/home/alice\" is the current directory\r\n")?;
    /// assert_eq!(reply.pathname()?.value.as_bytes(), Some(&b"/home/alice"[..]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_bytes(&self) -> Option<&'a [u8]> {
        if self.doubled {
            None
        } else {
            Some(self.quoted)
        }
    }

    /// The path as UTF-8 text, borrowed, when it is valid UTF-8 with no `""` to un-double.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert_eq!(Reply::parse(b"257 \"/caf\xc3\xa9\"\r\n")?.pathname()?.value.to_str(), Some("/caf\u{e9}"));
    /// assert_eq!(Reply::parse(b"257 \"/caf\xe9\"\r\n")?.pathname()?.value.to_str(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_str(&self) -> Option<&'a str> {
        self.as_bytes().and_then(|b| core::str::from_utf8(b).ok())
    }

    /// The path in pieces whose concatenation is the path: each `""` ends
    /// a piece with one `"`. Allocates nothing.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"257 \"a\"\"b\"\"\" ok\r\n")?;
    /// let path = reply.pathname()?.value;
    /// assert_eq!(path.chunks().collect::<Vec<_>>(), [&b"a\""[..], b"b\""]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn chunks(&self) -> PathChunks<'a> {
        PathChunks { rest: self.quoted }
    }

    /// The path's bytes, un-doubled.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"257 \"/srv/say \"\"hi\"\"\" created\r\n")?;
    /// let path = reply.pathname()?.value; // /srv/say "hi"
    /// assert_eq!(path.bytes().filter(|&b| b == b'"').count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bytes(&self) -> impl Iterator<Item = u8> + Clone + 'a {
        self.chunks().flat_map(|c| c.iter().copied())
    }

    /// The length of the path in bytes, un-doubled.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"257 \"/srv/say \"\"hi\"\"\" created\r\n")?;
    /// let path = reply.pathname()?.value; // /srv/say "hi"
    /// assert_eq!(path.len(), "/srv/say \"hi\"".len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.chunks().map(<[u8]>::len).sum()
    }

    /// Whether the path is empty (`257 ""`).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert!(Reply::parse(b"257 \"\" is the current directory\r\n")?.pathname()?.value.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.quoted.is_empty()
    }

    /// The path's bytes, un-doubled: borrowed unless there was a `""`.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"257 \"/srv/say \"\"hi\"\"\" created\r\n")?;
    /// let path = reply.pathname()?.value; // /srv/say "hi"
    /// assert_eq!(path.to_bytes(), &b"/srv/say \"hi\""[..]); // allocates only to un-double
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn to_bytes(&self) -> alloc::borrow::Cow<'a, [u8]> {
        match self.as_bytes() {
            Some(b) => alloc::borrow::Cow::Borrowed(b),
            None => alloc::borrow::Cow::Owned(self.bytes().collect()),
        }
    }

    /// The path as UTF-8 (invalid sequences become U+FFFD): borrowed when
    /// it is valid UTF-8 without `""`.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// // suppaftp#113: an Italian server's Latin-1 reply.
    /// let reply = Reply::parse(b"257 \"/\" \xe8 la tua locazione corrente\r\n")?;
    /// assert_eq!(reply.pathname()?.value.to_string_lossy(), "/");
    /// let reply = Reply::parse(b"257 \"/citt\xe0\"\r\n")?;
    /// assert_eq!(reply.pathname()?.value.to_string_lossy(), "/citt\u{FFFD}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn to_string_lossy(&self) -> alloc::borrow::Cow<'a, str> {
        match self.to_str() {
            Some(s) => alloc::borrow::Cow::Borrowed(s),
            None => alloc::borrow::Cow::Owned(alloc::string::ToString::to_string(self)),
        }
    }
}

/// Writes the path as UTF-8, invalid sequences as U+FFFD, without allocating.
impl fmt::Display for Pathname<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A piece ends at an ASCII '"', so no UTF-8 sequence spans two pieces.
        for chunk in self.chunks() {
            for piece in chunk.utf8_chunks() {
                f.write_str(piece.valid())?;
                if !piece.invalid().is_empty() {
                    f.write_str("\u{FFFD}")?;
                }
            }
        }
        Ok(())
    }
}

impl PartialEq<[u8]> for Pathname<'_> {
    fn eq(&self, other: &[u8]) -> bool {
        self.bytes().eq(other.iter().copied())
    }
}

impl PartialEq<&[u8]> for Pathname<'_> {
    fn eq(&self, other: &&[u8]) -> bool {
        *self == **other
    }
}

impl PartialEq<str> for Pathname<'_> {
    fn eq(&self, other: &str) -> bool {
        *self == *other.as_bytes()
    }
}

impl PartialEq<&str> for Pathname<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == *other.as_bytes()
    }
}

/// The un-doubled pieces of a [`Pathname`]; see [`Pathname::chunks`].
///
/// ```
/// use ftp_reply::Reply;
/// let reply = Reply::parse(b"257 \"/srv/say \"\"hi\"\"\" created\r\n")?;
/// let path = reply.pathname()?.value; // /srv/say "hi"
/// let pieces: Vec<&[u8]> = path.chunks().collect();
/// assert_eq!(pieces, [&b"/srv/say \""[..], b"hi\""]); // each `""` gives one quote
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct PathChunks<'a> {
    /// What is left, `""` still doubled.
    rest: &'a [u8],
}

impl<'a> Iterator for PathChunks<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        if self.rest.is_empty() {
            return None;
        }
        // Inside the quotes every '"' is the first of a pair (checked when parsed).
        match memchr::memchr(b'"', self.rest) {
            Some(i) => {
                let piece = &self.rest[..=i];
                self.rest = self.rest.get(i + 2..).unwrap_or_default();
                Some(piece)
            }
            None => Some(core::mem::take(&mut self.rest)),
        }
    }
}

impl FusedIterator for PathChunks<'_> {}

/// The path name of a 257 reply (PWD, MKD): RFC 959 Appendix II.
///
/// The path is between the first `"` of the text and the matching closing
/// `"`, with `""` standing for one `"`; text after it is commentary (and
/// may be in any language or encoding). The path is looked for on the
/// first line, then on later lines.
///
/// Quirks: [`UnquotedPath`](Quirk::UnquotedPath) (no quote at all: the
/// first word of the text is the path), [`AddressOnLaterLine`](Quirk::AddressOnLaterLine).
///
/// # Errors
///
/// A [`PayloadError`]: a code other than 257, a quote that is never
/// closed ([`PayloadErrorKind::UnterminatedPath`]), a CR, LF or NUL inside
/// the quotes ([`PayloadErrorKind::ControlInPath`]: taken as is, such a
/// path would let a hostile server inject a command, curl#20949), no path
/// at all.
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
/// use ftp_reply::payload::PayloadErrorKind;
///
/// let lines: [&[u8]; 1] = [b"257 \"/home/alice\" is the current directory"];
/// let path = payload::pathname(ReplyCode::PATHNAME_CREATED, lines)?.value;
/// assert_eq!(path, "/home/alice");
///
/// let curl_20949: [&[u8]; 1] = [b"257 \"/legitimate/path\rSTOR evil.txt\" is current directory"];
/// let err = payload::pathname(ReplyCode::PATHNAME_CREATED, curl_20949).unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (PayloadErrorKind::ControlInPath { byte: b'\r' }, 21));
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn pathname<'a, I>(code: ReplyCode, lines: I) -> Result<Parsed<Pathname<'a>>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
    I::IntoIter: Clone,
{
    expect_code(code, ReplyCode::PATHNAME_CREATED)?;
    let lines = lines.into_iter();
    let mut last = (0, 0);
    for line in self::lines(lines.clone()) {
        let text = line.text();
        last = (line.index, line.raw.len());
        let Some(open) = memchr::memchr(b'"', text) else {
            continue;
        };
        let mut quirks = Quirks::EMPTY;
        if line.index > 0 {
            quirks.insert(Quirk::AddressOnLaterLine);
        }
        let body = &text[open + 1..];
        let mut doubled = false;
        let mut i = 0;
        while i < body.len() {
            match body[i] {
                b'"' if body.get(i + 1) == Some(&b'"') => {
                    doubled = true;
                    i += 2;
                }
                b'"' => {
                    let path = Pathname {
                        quoted: &body[..i],
                        doubled,
                    };
                    return Ok(Parsed::new(path, quirks));
                }
                byte @ (b'\r' | b'\n' | 0) => {
                    return Err(PayloadError::new(
                        PayloadErrorKind::ControlInPath { byte },
                        line.index,
                        line.start + open + 1 + i,
                    ));
                }
                _ => i += 1,
            }
        }
        return Err(PayloadError::new(
            PayloadErrorKind::UnterminatedPath,
            line.index,
            line.raw.len(),
        ));
    }
    // No quote anywhere: the first word of the first line, if it looks like a path.
    if let Some(line) = self::lines(lines).next() {
        let text = line.text();
        let start = text.iter().position(|&b| b != b' ').unwrap_or(text.len());
        let len = text[start..].iter().take_while(|&&b| b != b' ').count();
        let word = &text[start..start + len];
        if let Some(&byte) = word.iter().find(|&&b| b == b'\r' || b == 0) {
            let at = word.iter().position(|&b| b == byte).unwrap_or(0);
            return Err(PayloadError::new(
                PayloadErrorKind::ControlInPath { byte },
                0,
                line.start + start + at,
            ));
        }
        if word.first() == Some(&b'/') {
            return Ok(Parsed::new(
                Pathname {
                    quoted: word,
                    doubled: false,
                },
                Quirks::from(Quirk::UnquotedPath),
            ));
        }
    }
    Err(PayloadError::new(
        PayloadErrorKind::MissingPath,
        last.0,
        last.1,
    ))
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::string::ToString;
    use std::vec::Vec;

    fn pwd(lines: &[&'static [u8]]) -> Result<Parsed<Pathname<'static>>, PayloadError> {
        pathname(ReplyCode::PATHNAME_CREATED, lines.iter().copied())
    }

    #[test]
    fn rfc959_appendix_ii_examples() {
        let p = pwd(&[b"257 \"/usr/dm\" is current directory."]).unwrap();
        assert_eq!(
            (p.value, p.quirks),
            (
                Pathname {
                    quoted: b"/usr/dm",
                    doubled: false
                },
                Quirks::EMPTY
            )
        );
        // MKD foo"bar → 257 "/usr/dm/foo""bar" directory created.
        let p = pwd(&[b"257 \"/usr/dm/foo\"\"bar\" directory created."]).unwrap();
        assert_eq!(p.value, "/usr/dm/foo\"bar");
        assert!(p.quirks.is_empty());
        let p = pwd(&[b"257 \"\"\"\"\"\" quotes only"]).unwrap();
        assert_eq!(p.value, "\"\"");
        assert_eq!(p.value.chunks().collect::<Vec<_>>(), [&b"\""[..], b"\""]);
        let p = pwd(&[b"257 \"\" empty"]).unwrap();
        assert!(p.value.is_empty());
        assert_eq!(p.value.len(), 0);
    }

    #[test]
    fn doubled_quotes_are_undoubled() {
        // FluentFTP, basic-ftp, jlaffaye and suppaftp keep `""` as two quotes.
        let p = pwd(&[b"257 \"/a \"\"quoted\"\" dir\" created"]).unwrap();
        assert_eq!(p.value, "/a \"quoted\" dir");
        assert_eq!(p.value.to_string(), "/a \"quoted\" dir");
        assert_eq!(p.value.bytes().collect::<Vec<_>>(), b"/a \"quoted\" dir");
        assert_eq!(p.value.len(), 15);
        #[cfg(feature = "alloc")]
        assert_eq!(&*p.value.to_bytes(), b"/a \"quoted\" dir");
    }

    #[test]
    fn suppaftp_113_latin1() {
        // Altervista: `257 "/" è la tua locazione corrente` in Latin-1.
        let p = pwd(&[b"257 \"/\" \xe8 la tua locazione corrente"]).unwrap();
        assert_eq!(
            (p.value.as_bytes(), p.quirks),
            (Some(&b"/"[..]), Quirks::EMPTY)
        );
        let p = pwd(&[b"257 \"/r\xe4ksm\xf6rg\xe5s\" is current"]).unwrap();
        assert_eq!(p.value.as_bytes(), Some(&b"/r\xe4ksm\xf6rg\xe5s"[..]));
        assert_eq!(p.value.to_string(), "/r\u{FFFD}ksm\u{FFFD}rg\u{FFFD}s");
        assert_eq!(p.value.to_str(), None);
    }

    #[test]
    fn curl_20949_cr_in_path() {
        let e =
            pwd(&[b"257 \"/legitimate/path\rSTOR evil.txt\" is current directory"]).unwrap_err();
        assert_eq!(
            (e.kind(), e.line(), e.offset()),
            (PayloadErrorKind::ControlInPath { byte: b'\r' }, 0, 21)
        );
        let e = pwd(&[b"257 \"/a\0b\""]).unwrap_err();
        assert_eq!(e.kind(), PayloadErrorKind::ControlInPath { byte: 0 });
        let e = pwd(&[b"257 \"/a\nb\""]).unwrap_err();
        assert_eq!(e.kind(), PayloadErrorKind::ControlInPath { byte: b'\n' });
        // Outside the quotes, commentary may hold anything.
        assert_eq!(pwd(&[b"257 \"/ok\" comment\r"]).unwrap().value, "/ok");
    }

    #[test]
    fn unquoted_and_missing() {
        // suppaftp's test input `257 /caf\xE9` (servers that do not quote).
        let p = pwd(&[b"257 /caf\xe9"]).unwrap();
        assert_eq!(
            (p.value.as_bytes(), p.quirks),
            (Some(&b"/caf\xe9"[..]), Quirks::from(Quirk::UnquotedPath))
        );
        let p = pwd(&[b"257 /home/bob is current"]).unwrap();
        assert_eq!(p.value, "/home/bob");
        let e = pwd(&[b"257 MKD command successful"]).unwrap_err();
        assert_eq!((e.kind(), e.offset()), (PayloadErrorKind::MissingPath, 26));
        let e = pwd(&[b"257 \"/never closed"]).unwrap_err();
        assert_eq!(
            (e.kind(), e.offset()),
            (PayloadErrorKind::UnterminatedPath, 18)
        );
        let e = pwd(&[b"257 /a\rb"]).unwrap_err();
        assert_eq!(e.kind(), PayloadErrorKind::ControlInPath { byte: b'\r' });
        let e = pathname(ReplyCode::new(200).unwrap(), [&b"200 \"/\""[..]]).unwrap_err();
        assert!(matches!(e.kind(), PayloadErrorKind::WrongCode { .. }));
    }

    #[test]
    fn later_line() {
        let p = pwd(&[b"257-Hello", b"257 \"/srv\" is current"]).unwrap();
        assert_eq!(
            (p.value.as_bytes(), p.quirks),
            (Some(&b"/srv"[..]), Quirks::from(Quirk::AddressOnLaterLine))
        );
    }
}
