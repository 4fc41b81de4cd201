//! [`DecodeError`]: what was wrong with a reply stream, and where.

use core::fmt;

use crate::{ParseErrorKind, ReplyCode};

/// A reply stream that could not be decoded: what was wrong and where.
///
/// [`kind`](Self::kind) says what was wrong and [`offset`](Self::offset) at
/// which byte of the stream (counted from the first byte fed to the
/// decoder, or from the start of the input of [`Reply::parse`](crate::Reply::parse)).
///
/// # Example
///
/// ```
/// use ftp_reply::{DecodeErrorKind, ParseErrorKind, ReplyDecoder};
///
/// let mut decoder = ReplyDecoder::new();
/// decoder.feed(b"220 Ready\r\nHELLO\r\n");
/// assert!(decoder.next_reply()?.is_some());
/// let err = decoder.next_reply().unwrap_err();
/// assert_eq!(err.offset(), 11);
/// assert_eq!(err.kind(), DecodeErrorKind::InvalidLine(ParseErrorKind::NotADigit { found: b'H' }));
/// assert_eq!(
///     err.to_string(),
///     "invalid reply stream at byte 11: expected an ASCII digit, found 'H'"
/// );
/// # Ok::<(), ftp_reply::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("invalid reply stream at byte {offset}: {kind}")]
pub struct DecodeError {
    kind: DecodeErrorKind,
    offset: u64,
}

impl DecodeError {
    pub(crate) const fn new(kind: DecodeErrorKind, offset: u64) -> Self {
        Self { kind, offset }
    }

    /// What was wrong.
    ///
    /// ```
    /// use ftp_reply::{DecodeErrorKind, Reply};
    /// let err = Reply::parse(b"220-Hi\r\n").unwrap_err();
    /// assert_eq!(err.kind(), DecodeErrorKind::Incomplete { code: Some(220.try_into().unwrap()), lines: 1 });
    /// ```
    #[must_use]
    pub const fn kind(&self) -> DecodeErrorKind {
        self.kind
    }

    /// The stream offset of the problem; [`DecodeErrorKind`] says, for each
    /// kind, which byte it is.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert_eq!(Reply::parse(b"220 ok\r\n2x0 no\r\n").unwrap_err().offset(), 8);
    /// ```
    #[must_use]
    pub const fn offset(&self) -> u64 {
        self.offset
    }

    /// Whether the input ended inside a reply ([`DecodeErrorKind::Incomplete`]).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert!(Reply::parse(b"220-Hi\r\n").unwrap_err().is_incomplete());
    /// ```
    #[must_use]
    pub const fn is_incomplete(&self) -> bool {
        matches!(self.kind, DecodeErrorKind::Incomplete { .. })
    }
}

/// What was wrong with a reply stream; see [`DecodeError`].
///
/// New kinds may be added in minor releases.
///
/// # Example
///
/// ```
/// use ftp_reply::{DecodeErrorKind, ParseErrorKind, Reply, ReplyCode};
///
/// let kind = |input: &[u8]| Reply::parse(input).unwrap_err().kind();
/// assert_eq!(kind(b"2x0 Hi\r\n"), DecodeErrorKind::InvalidLine(ParseErrorKind::NotADigit { found: b'x' }));
/// assert_eq!(kind(b"220 Hi\r\n221 Bye\r\n"), DecodeErrorKind::TrailingData);
/// assert_eq!(
///     kind(b"211-Features:\r\n MDTM\r\n"),
///     DecodeErrorKind::Incomplete { code: Some(ReplyCode::SYSTEM_STATUS), lines: 2 }
/// );
/// assert_eq!(
///     DecodeErrorKind::LineTooLong { limit: 4096 }.to_string(),
///     "the line is longer than the limit of 4096 bytes"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The first line of a reply does not start with a valid code followed
    /// by a space, `-` or the line end. The offset is that of the offending
    /// byte (of the line end for a line that is too short or empty).
    #[error("{0}")]
    InvalidLine(ParseErrorKind),
    /// A line is longer than [`Limits::max_line_len`](super::Limits::max_line_len). The offset is that
    /// of the line's first byte.
    #[error("the line is longer than the limit of {limit} bytes")]
    LineTooLong {
        /// The limit in force.
        limit: usize,
    },
    /// A reply has more lines than [`Limits::max_lines`](super::Limits::max_lines). The offset is that
    /// of the first line over the limit.
    #[error("the reply has more lines than the limit of {limit}")]
    TooManyLines {
        /// The limit in force.
        limit: usize,
    },
    /// A reply is longer than [`Limits::max_reply_bytes`](super::Limits::max_reply_bytes). The offset is
    /// that of the first byte of the line that went over the limit.
    #[error("the reply is longer than the limit of {limit} bytes")]
    ReplyTooLong {
        /// The limit in force.
        limit: usize,
    },
    /// The input ended in the middle of a reply. The offset is that of the
    /// reply's first byte.
    #[error("the input ended in the middle of a reply ({}, {lines} complete line(s))", CodeOf(*code))]
    Incomplete {
        /// The reply's code, if its first three bytes were received.
        code: Option<ReplyCode>,
        /// How many complete lines of the reply were received.
        lines: usize,
    },
    /// [`Reply::parse`](crate::Reply::parse) only: bytes follow the end of the reply. The offset
    /// is that of the first such byte.
    #[error("unexpected bytes after the end of the reply")]
    TrailingData,
}

/// Shows an optional code in an error message.
struct CodeOf(Option<ReplyCode>);

impl fmt::Display for CodeOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(code) => write!(f, "code {code}"),
            None => f.write_str("code not received"),
        }
    }
}
