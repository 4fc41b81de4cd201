//! What a payload parser returns: [`Parsed`] (the value and its [`Quirks`])
//! or a [`PayloadError`] that says what was expected and where.

use core::fmt;

use crate::ReplyCode;

/// A reply whose payload could not be read.
///
/// [`kind`](Self::kind) says what was expected; [`line`](Self::line) and
/// [`offset`](Self::offset) say where: the index of the line in the reply
/// (0 for the first line, as in [`Reply::raw_lines`](crate::Reply::raw_lines))
/// and the byte in that line, counted from the start of the line (the code
/// included).
///
/// # Example
///
/// ```
/// use ftp_reply::{Reply, ReplyCode};
/// use ftp_reply::payload::PayloadErrorKind;
///
/// let reply = Reply::parse(b"227 Entering Passive Mode (192,168,1,300,4,1)\r\n")?;
/// let err = reply.passive_address().unwrap_err();
/// assert_eq!(err.kind(), PayloadErrorKind::NumberOutOfRange { max: 255 });
/// assert_eq!((err.line(), err.offset()), (0, 37));
/// assert_eq!(
///     err.to_string(),
///     "unreadable reply payload at line 0, byte 37: expected a number from 0 to 255"
/// );
///
/// let err = Reply::parse(b"500 PASV not understood\r\n")?.passive_address().unwrap_err();
/// assert_eq!(
///     err.kind(),
///     PayloadErrorKind::WrongCode { expected: ReplyCode::ENTERING_PASSIVE_MODE, found: ReplyCode::new(500)? }
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("unreadable reply payload at line {line}, byte {offset}: {kind}")]
pub struct PayloadError {
    kind: PayloadErrorKind,
    line: usize,
    offset: usize,
}

impl PayloadError {
    pub(crate) const fn new(kind: PayloadErrorKind, line: usize, offset: usize) -> Self {
        Self { kind, line, offset }
    }

    /// What was expected.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::payload::PayloadErrorKind;
    /// let err = Reply::parse(b"213 soon\r\n")?.size().unwrap_err();
    /// assert_eq!(err.kind(), PayloadErrorKind::MissingNumber);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn kind(&self) -> PayloadErrorKind {
        self.kind
    }

    /// The index of the line where the problem was found (0 is the first line).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let err = Reply::parse(b"257-\r\n257 no path here\r\n")?.pathname().unwrap_err();
    /// assert_eq!(err.line(), 1);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn line(&self) -> usize {
        self.line
    }

    /// The byte offset in that line, counted from its first byte (the code included).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let err = Reply::parse(b"229 Entering Extended Passive Mode (|||0|)\r\n")?
    ///     .extended_passive_port()
    ///     .unwrap_err();
    /// assert_eq!(err.offset(), 39);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

/// What a payload parser expected and did not find; see [`PayloadError`].
///
/// New kinds may be added in minor releases.
///
/// ```
/// use ftp_reply::{Reply, ReplyCode};
/// use ftp_reply::payload::PayloadErrorKind;
///
/// let kind = |reply: &[u8]| Reply::parse(reply).unwrap().passive_address().unwrap_err().kind();
/// assert_eq!(kind(b"227 Entering Passive Mode\r\n"), PayloadErrorKind::MissingAddress);
/// assert_eq!(kind(b"227 Entering Passive Mode (10,0,0,300,1,2)\r\n"), PayloadErrorKind::NumberOutOfRange { max: 255 });
/// assert_eq!(
///     kind(b"229 Entering Extended Passive Mode (|||6446|)\r\n"),
///     PayloadErrorKind::WrongCode { expected: ReplyCode::ENTERING_PASSIVE_MODE, found: ReplyCode::ENTERING_EXTENDED_PASSIVE_MODE }
/// );
/// assert_eq!(PayloadErrorKind::MissingPath.to_string(), "expected a quoted path name");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum PayloadErrorKind {
    /// The reply has another code than the one this payload comes with.
    #[error("expected a {expected} reply, found {found}")]
    WrongCode {
        /// The code the parser reads (for example 227 for a passive address).
        expected: ReplyCode,
        /// The reply's code.
        found: ReplyCode,
    },
    /// No host-port (`h1,h2,h3,h4,p1,p2`, RFC 959 §4.1.2) in any line.
    #[error("expected six comma-separated numbers h1,h2,h3,h4,p1,p2")]
    MissingAddress,
    /// A number is larger than its field allows.
    #[error("expected a number from 0 to {max}")]
    NumberOutOfRange {
        /// The largest value the field takes.
        max: u32,
    },
    /// No `(<d><d><d><port><d>)` (RFC 2428 §3) in any line.
    #[error("expected an extended passive port such as (|||6446|)")]
    MissingPort,
    /// A TCP port of 0 or above 65535.
    #[error("expected a TCP port from 1 to 65535")]
    InvalidPort,
    /// A 228 reply whose long address is not `af,hal,h1..,pal,p1,p2` (RFC 1639 §2)
    /// with family 4 (4 host bytes) or 6 (16 host bytes) and 2 port bytes.
    #[error(
        "expected a long address: family 4 or 6, its host length and bytes, then 2 and two port bytes"
    )]
    InvalidLongAddress,
    /// No quoted path (RFC 959 Appendix II) and no path at all.
    #[error("expected a quoted path name")]
    MissingPath,
    /// A quoted path without its closing quote.
    #[error("expected the closing '\"' of the path name")]
    UnterminatedPath,
    /// A CR, LF or NUL inside a path name: taken as is, it could inject a command.
    #[error("expected a path name without CR, LF or NUL, found byte 0x{byte:02X}")]
    ControlInPath {
        /// The byte found.
        byte: u8,
    },
    /// No decimal number where one is expected.
    #[error("expected a decimal number")]
    MissingNumber,
    /// A decimal number too large for its type.
    #[error("expected a number that fits in {bits} bits")]
    NumberTooLarge {
        /// The width of the type.
        bits: u32,
    },
    /// Not a time-val `YYYYMMDDHHMMSS[.sss]` (RFC 3659 §2.3).
    #[error("expected a time YYYYMMDDHHMMSS[.sss]")]
    InvalidTimestamp,
    /// A time-val whose date or time does not exist (month 13, 30 February, hour 24...).
    #[error(
        "expected a date and time that exist (year 1000-9999, month 1-12, a day of that month, 00:00:00 to 23:59:60)"
    )]
    ImpossibleDate,
    /// A 110 reply without `MARK yyyy = mmmm` (RFC 959 §4.2).
    #[error("expected a restart marker MARK yyyy = mmmm")]
    MissingMarker,
    /// A 215 reply without a system name (RFC 959 §4.1.3 SYST).
    #[error("expected a system name")]
    MissingSystemName,
    /// An MLST reply without its facts line, or an entry without a path (RFC 3659 §7.2).
    #[error("expected an entry: facts, a space and a path name")]
    MissingEntry,
    /// A fact without `=` (RFC 3659 §7.2: `fact = factname "=" value`).
    #[error("expected a fact name=value")]
    InvalidFact,
}

/// A deviation from the RFC that a parser tolerated.
///
/// Each parser accepts what real servers send and reports each deviation
/// it tolerated, so a strict client can refuse what a lenient one accepts
/// ([`Parsed::quirks`]).
///
/// New quirks may be added in minor releases.
///
/// ```
/// use ftp_reply::Reply;
/// use ftp_reply::payload::Quirk;
///
/// let quirks = |reply: &[u8]| Reply::parse(reply).unwrap().passive_address().unwrap().quirks;
/// assert!(quirks(b"227 Entering Passive Mode (10,0,0,5,156,64).\r\n").is_empty());
/// assert!(quirks(b"227 Entering Passive Mode 10,0,0,5,156,64\r\n").contains(Quirk::MissingParentheses));
/// assert!(quirks(b"227 Entering Passive Mode (10, 0, 0, 5, 156, 64)\r\n").contains(Quirk::SpacesInAddress));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(u8)]
pub enum Quirk {
    /// The address or port is not in parentheses (RFC 959 §4.1.2 shows
    /// `(h1,h2,h3,h4,p1,p2)`; RFC 2428 §3 requires `(<d><d><d><port><d>)`).
    MissingParentheses = 0,
    /// Text after the closing parenthesis of an extended passive reply
    /// (RFC 2428 §3 ends the reply there; Serv-U adds a `.`).
    TrailingText = 1,
    /// The delimiters of an extended passive reply are not all the same
    /// character (RFC 2428 §3).
    UnequalDelimiters = 2,
    /// An extended passive reply with fewer than three delimiters before the
    /// port (`(||6446|)`, FluentFTP#1793).
    MissingDelimiter = 3,
    /// The payload is on a later line of a multi-line reply, not the first.
    AddressOnLaterLine = 4,
    /// A 227 in answer to EPSV or a 229 in answer to PASV.
    WrongReplyForCommand = 5,
    /// A FEAT line that does not start with a space (RFC 2389 §3.2).
    UnindentedFeatureLine = 6,
    /// Inner lines that repeat the reply code (`211-MDTM`, as `ProFTPD` sends FEAT).
    RepeatedCodePrefix = 7,
    /// Spaces around the commas of a host-port (`192, 168, 1, 2, 4, 1`).
    SpacesInAddress = 8,
    /// A 257 whose path is not quoted (RFC 959 Appendix II); the first word
    /// of the text is taken as the path.
    UnquotedPath = 9,
    /// Text around the number of a SIZE or MDTM reply (RFC 3659 §3.1, §4.1:
    /// the reply is the number alone).
    ExtraText = 10,
    /// A multi-line SIZE or MDTM reply (RFC 3659 §3.1, §4.1 want one line).
    UnexpectedMultiline = 11,
    /// A transfer size stated in kilobytes with one decimal (`Pure-FTPd`'s
    /// `150 1.6 kbytes to download`): an estimate, not the exact size.
    ApproximateSize = 12,
    /// Missing or extra spaces in `MARK yyyy = mmmm` (RFC 959 §4.2).
    IrregularSpacing = 13,
    /// An MLST/MLSD entry whose last fact has no `;` before the space and
    /// the path (RFC 3659 §7.2).
    MissingFactTerminator = 14,
    /// An MLST facts line that does not start with a space (RFC 3659 §7.2).
    UnindentedEntry = 15,
}

impl Quirk {
    /// Every quirk, in declaration order.
    pub const ALL: [Quirk; 16] = [
        Quirk::MissingParentheses,
        Quirk::TrailingText,
        Quirk::UnequalDelimiters,
        Quirk::MissingDelimiter,
        Quirk::AddressOnLaterLine,
        Quirk::WrongReplyForCommand,
        Quirk::UnindentedFeatureLine,
        Quirk::RepeatedCodePrefix,
        Quirk::SpacesInAddress,
        Quirk::UnquotedPath,
        Quirk::ExtraText,
        Quirk::UnexpectedMultiline,
        Quirk::ApproximateSize,
        Quirk::IrregularSpacing,
        Quirk::MissingFactTerminator,
        Quirk::UnindentedEntry,
    ];

    const fn bit(self) -> u32 {
        1 << (self as u8)
    }
}

/// A set of [`Quirk`]s: a small `Copy` bit set, so that parsing allocates nothing.
///
/// ```
/// use ftp_reply::payload::{Quirk, Quirks};
///
/// let q = Quirks::EMPTY.with(Quirk::TrailingText).with(Quirk::MissingDelimiter);
/// assert!(q.contains(Quirk::TrailingText));
/// assert!(!q.contains(Quirk::UnequalDelimiters));
/// assert_eq!(q.iter().collect::<Vec<_>>(), [Quirk::TrailingText, Quirk::MissingDelimiter]);
/// assert_eq!(q.len(), 2);
/// assert!(Quirks::EMPTY.is_empty());
/// assert_eq!(format!("{q:?}"), "{TrailingText, MissingDelimiter}");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Quirks(u32);

impl Quirks {
    /// No quirk.
    pub const EMPTY: Quirks = Quirks(0);

    /// This set plus `quirk`.
    ///
    /// ```
    /// use ftp_reply::payload::{Quirk, Quirks};
    /// let q = Quirks::EMPTY.with(Quirk::TrailingText);
    /// assert_eq!(q.with(Quirk::TrailingText), q); // a set: once only
    /// assert!(q.with(Quirk::ExtraText).contains(Quirk::ExtraText));
    /// ```
    #[must_use]
    pub const fn with(self, quirk: Quirk) -> Self {
        Quirks(self.0 | quirk.bit())
    }

    /// Adds `quirk`.
    ///
    /// ```
    /// use ftp_reply::payload::{Quirk, Quirks};
    /// let mut q = Quirks::EMPTY;
    /// q.insert(Quirk::UnquotedPath);
    /// assert_eq!(q, Quirks::EMPTY.with(Quirk::UnquotedPath));
    /// ```
    pub fn insert(&mut self, quirk: Quirk) {
        self.0 |= quirk.bit();
    }

    /// Whether `quirk` is in the set.
    ///
    /// ```
    /// use ftp_reply::payload::{Quirk, Quirks};
    /// let q = Quirks::EMPTY.with(Quirk::MissingParentheses);
    /// assert!(q.contains(Quirk::MissingParentheses) && !q.contains(Quirk::TrailingText));
    /// ```
    #[must_use]
    pub const fn contains(self, quirk: Quirk) -> bool {
        self.0 & quirk.bit() != 0
    }

    /// Whether the set is empty: the payload followed its RFC.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let pwd = Reply::parse(b"257 \"/home/alice\" is the current directory\r\n")?;
    /// assert!(pwd.pathname()?.quirks.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many quirks the set holds.
    ///
    /// ```
    /// use ftp_reply::payload::{Quirk, Quirks};
    /// assert_eq!(Quirks::EMPTY.len(), 0);
    /// assert_eq!(Quirks::EMPTY.with(Quirk::ExtraText).with(Quirk::UnquotedPath).len(), 2);
    /// ```
    #[must_use]
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The quirks, in declaration order.
    ///
    /// ```
    /// use ftp_reply::payload::{Quirk, Quirks};
    /// let q = Quirks::EMPTY.with(Quirk::UnquotedPath).with(Quirk::MissingParentheses);
    /// assert_eq!(q.iter().collect::<Vec<_>>(), [Quirk::MissingParentheses, Quirk::UnquotedPath]);
    /// ```
    pub fn iter(self) -> impl Iterator<Item = Quirk> + Clone {
        Quirk::ALL.into_iter().filter(move |q| self.contains(*q))
    }
}

impl fmt::Debug for Quirks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl FromIterator<Quirk> for Quirks {
    fn from_iter<T: IntoIterator<Item = Quirk>>(iter: T) -> Self {
        let mut q = Quirks::EMPTY;
        for quirk in iter {
            q.insert(quirk);
        }
        q
    }
}

impl From<Quirk> for Quirks {
    fn from(quirk: Quirk) -> Self {
        Quirks::EMPTY.with(quirk)
    }
}

/// A payload and the RFC deviations tolerated to read it.
///
/// ```
/// use ftp_reply::Reply;
/// use ftp_reply::payload::Quirk;
///
/// let parsed = Reply::parse(b"227 Entering Passive Mode 192,168,178,39,184,244\r\n")?.passive_address()?;
/// assert_eq!(parsed.value.to_string(), "192.168.178.39:47348");
/// assert!(parsed.quirks.contains(Quirk::MissingParentheses));
/// // A strict client refuses what deviates from the RFC:
/// assert!(parsed.strict().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Parsed<T> {
    /// The payload.
    pub value: T,
    /// The deviations from the RFC that were tolerated to read it.
    pub quirks: Quirks,
}

impl<T> Parsed<T> {
    pub(crate) const fn new(value: T, quirks: Quirks) -> Self {
        Self { value, quirks }
    }

    /// The value, or the quirks if there are any.
    ///
    /// # Errors
    ///
    /// The [`Quirks`] when the payload deviated from its RFC.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let port = Reply::parse(b"229 Entering Extended Passive Mode (|||6446|)\r\n")?
    ///     .extended_passive_port()?
    ///     .strict();
    /// assert_eq!(port, Ok(6446));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn strict(self) -> Result<T, Quirks> {
        if self.quirks.is_empty() {
            Ok(self.value)
        } else {
            Err(self.quirks)
        }
    }

    /// Applies `f` to the value, keeping the quirks.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let parsed = Reply::parse(b"213 1234\r\n")?.size()?.map(|n| n * 2);
    /// assert_eq!(parsed.value, 2468);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Parsed<U> {
        Parsed::new(f(self.value), self.quirks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quirk_has_its_own_bit() {
        let all: Quirks = Quirk::ALL.into_iter().collect();
        assert_eq!(all.len(), Quirk::ALL.len());
        for (i, q) in Quirk::ALL.into_iter().enumerate() {
            assert_eq!(q as usize, i);
            assert!(Quirks::from(q).contains(q));
        }
    }
}
