//! Errors for reply codes and reply lines.

use core::fmt;

/// A number that is not a well-formed FTP reply code.
///
/// A reply code has three decimal digits and its first digit is 1 to 6
/// (RFC 959 §4.2; 6 is RFC 2228's protected reply). The error keeps the
/// rejected value and says which rule it broke.
///
/// # Example
///
/// ```
/// use ftp_reply::ReplyCode;
///
/// let err = ReplyCode::new(700).unwrap_err();
/// assert_eq!(err.value(), 700);
/// assert_eq!(
///     err.to_string(),
///     "invalid reply code 700: the first digit must be 1 to 6"
/// );
/// assert_eq!(
///     ReplyCode::new(42).unwrap_err().to_string(),
///     "invalid reply code 42: a reply code has exactly three digits (100 to 699)"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("invalid reply code {value}: {}", self.kind().message())]
pub struct InvalidCodeError {
    value: u16,
}

impl InvalidCodeError {
    pub(crate) const fn new(value: u16) -> Self {
        Self { value }
    }

    /// The rejected number.
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert_eq!(ReplyCode::new(0).unwrap_err().value(), 0);
    /// ```
    #[must_use]
    pub const fn value(&self) -> u16 {
        self.value
    }

    /// Which rule the number broke.
    ///
    /// ```
    /// use ftp_reply::{InvalidCodeErrorKind, ReplyCode};
    /// assert_eq!(ReplyCode::new(999).unwrap_err().kind(), InvalidCodeErrorKind::InvalidFirstDigit);
    /// assert_eq!(ReplyCode::new(42).unwrap_err().kind(), InvalidCodeErrorKind::NotThreeDigits);
    /// ```
    #[must_use]
    pub const fn kind(&self) -> InvalidCodeErrorKind {
        if self.value < 100 || self.value > 999 {
            InvalidCodeErrorKind::NotThreeDigits
        } else {
            InvalidCodeErrorKind::InvalidFirstDigit
        }
    }
}

/// What is wrong with a number that is not a reply code; see
/// [`InvalidCodeError::kind`].
///
/// ```
/// use ftp_reply::{InvalidCodeErrorKind, ReplyCode};
/// let kind = |n: u16| ReplyCode::new(n).unwrap_err().kind();
/// assert_eq!(kind(42), InvalidCodeErrorKind::NotThreeDigits);
/// assert_eq!(kind(1000), InvalidCodeErrorKind::NotThreeDigits);
/// assert_eq!(kind(720), InvalidCodeErrorKind::InvalidFirstDigit);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InvalidCodeErrorKind {
    /// Below 100 or above 999.
    NotThreeDigits,
    /// Three digits, but the first is 0, 7, 8 or 9.
    InvalidFirstDigit,
}

impl InvalidCodeErrorKind {
    /// The rule, for the error message (English, like every error message).
    const fn message(self) -> &'static str {
        match self {
            Self::NotThreeDigits => "a reply code has exactly three digits (100 to 699)",
            Self::InvalidFirstDigit => "the first digit must be 1 to 6",
        }
    }
}

/// A reply line or code string that does not start with a well-formed reply code.
///
/// Returned by [`ReplyCode::parse`](crate::ReplyCode::parse),
/// [`ReplyCode::from_bytes`](crate::ReplyCode::from_bytes) and `FromStr`.
/// [`kind`](Self::kind) says what was wrong and [`offset`](Self::offset) the
/// byte at which the problem was found.
///
/// # Example
///
/// ```
/// use ftp_reply::{ParseErrorKind, ReplyCode};
///
/// let err = ReplyCode::parse_str("42x Oops").unwrap_err();
/// assert_eq!(err.offset(), 2);
/// assert_eq!(err.kind(), ParseErrorKind::NotADigit { found: b'x' });
/// assert_eq!(
///     err.to_string(),
///     "invalid reply line at byte 2: expected an ASCII digit, found 'x'"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("invalid reply line at byte {offset}: {kind}")]
pub struct ParseError {
    kind: ParseErrorKind,
    offset: usize,
}

impl ParseError {
    pub(crate) const fn new(kind: ParseErrorKind, offset: usize) -> Self {
        Self { kind, offset }
    }

    /// What was wrong.
    ///
    /// ```
    /// # use ftp_reply::{ParseErrorKind, ReplyCode};
    /// assert_eq!(ReplyCode::parse_str("").unwrap_err().kind(), ParseErrorKind::Empty);
    /// ```
    #[must_use]
    pub const fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// The offset of the offending byte, counted from the start of the input.
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert_eq!(ReplyCode::parse_str("421x").unwrap_err().offset(), 3);
    /// ```
    #[must_use]
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

/// What was wrong with a reply line; see [`ParseError`].
///
/// New kinds may be added in minor releases.
///
/// ```
/// use ftp_reply::{ParseErrorKind, ReplyCode};
///
/// let kind = |line: &str| ReplyCode::parse_str(line).unwrap_err().kind();
/// assert_eq!(kind("\r\n"), ParseErrorKind::Empty);
/// assert_eq!(kind("22"), ParseErrorKind::TooShort { len: 2 });
/// assert_eq!(kind("2x0 Hi"), ParseErrorKind::NotADigit { found: b'x' });
/// assert_eq!(kind("720 Hi"), ParseErrorKind::InvalidFirstDigit { digit: 7 });
/// assert_eq!(kind("220:Hi"), ParseErrorKind::InvalidSeparator { found: b':' });
/// assert_eq!(kind("720 Hi").to_string(), "the first digit of a reply code must be 1 to 6, found '7'");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The input is empty (or only a line end).
    #[error("the line is empty")]
    Empty,
    /// The input ends before three digits were read.
    #[error("the line ends after {len} byte(s), before the three-digit code is complete")]
    TooShort {
        /// How many bytes of the code were present.
        len: usize,
    },
    /// A byte of the code is not an ASCII digit.
    #[error("expected an ASCII digit, found {}", Byte(*found))]
    NotADigit {
        /// The byte found instead.
        found: u8,
    },
    /// The first digit is not 1 to 6.
    #[error("the first digit of a reply code must be 1 to 6, found '{}'", char::from_digit(u32::from(*digit), 10).unwrap_or('?'))]
    InvalidFirstDigit {
        /// The digit found (as a number, 0 to 9).
        digit: u8,
    },
    /// The code is followed by something other than a space, `-` or the end of the line.
    #[error("expected a space, '-' or the end of the line after the code, found {}", Byte(*found))]
    InvalidSeparator {
        /// The byte found after the code.
        found: u8,
    },
    /// A bare code (`FromStr`, `TryFrom<&str>`) has bytes after its three digits.
    #[error("expected only a three-digit code, found {} after it", Byte(*found))]
    TrailingBytes {
        /// The first byte after the code.
        found: u8,
    },
}

/// Shows a byte as a quoted character when printable, else in hex.
struct Byte(u8);

impl fmt::Display for Byte {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            b' ' => f.write_str("a space"),
            b'\r' => f.write_str("CR"),
            b'\n' => f.write_str("LF"),
            b if b.is_ascii_graphic() => write!(f, "'{}'", b as char),
            b => write!(f, "byte 0x{b:02X}"),
        }
    }
}

/// A name that is not one of a type's names: the error of `FromStr` on
/// [`Lang`](crate::Lang), [`Category`](crate::Category),
/// [`Command`](crate::Command) and the crate's other named enums.
///
/// ```
/// use ftp_reply::{Category, Lang};
/// let err = "klingon".parse::<Lang>().unwrap_err();
/// assert_eq!(err.what(), "language");
/// assert_eq!(err.to_string(), "not a known language name");
/// assert_eq!("nope".parse::<Category>().unwrap_err().what(), "category");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("not a known {what} name")]
pub struct UnknownNameError {
    what: &'static str,
}

impl UnknownNameError {
    pub(crate) const LANG: Self = Self { what: "language" };

    /// What kind of name was expected (`language`, `category`, `command`...).
    ///
    /// ```
    /// use ftp_reply::{Category, Lang};
    /// assert_eq!("klingon".parse::<Lang>().unwrap_err().what(), "language");
    /// assert_eq!("9xx".parse::<Category>().unwrap_err().what(), "category");
    /// ```
    #[must_use]
    pub const fn what(&self) -> &'static str {
        self.what
    }

    pub(crate) const fn category(_: &str) -> Self {
        Self { what: "category" }
    }
    pub(crate) const fn function_group(_: &str) -> Self {
        Self {
            what: "function group",
        }
    }
    pub(crate) const fn format(_: &str) -> Self {
        Self { what: "format" }
    }
    pub(crate) const fn command(_: &str) -> Self {
        Self { what: "command" }
    }
    pub(crate) const fn role(_: &str) -> Self {
        Self { what: "role" }
    }
    pub(crate) const fn data_connection(_: &str) -> Self {
        Self {
            what: "data connection effect",
        }
    }
    pub(crate) const fn retry_advice(_: &str) -> Self {
        Self {
            what: "retry advice",
        }
    }
    pub(crate) const fn server(_: &str) -> Self {
        Self { what: "server" }
    }
    #[cfg(feature = "alloc")]
    pub(crate) const fn log_format(_: &str) -> Self {
        Self { what: "log format" }
    }
    #[cfg(feature = "alloc")]
    pub(crate) const fn style(_: &str) -> Self {
        Self {
            what: "rendering style",
        }
    }
}
