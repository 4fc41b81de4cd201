//! [`ReplyCode`], the three-digit code that starts every FTP reply.

use core::fmt;
use core::num::NonZeroU16;
use core::str::FromStr;

use crate::error::{InvalidCodeError, ParseError, ParseErrorKind};
use crate::kb::{self, ReplyInfo, RetryAdvice};
use crate::{Category, FunctionGroup, grammar};

/// An FTP reply code: three digits whose first is 1 to 6.
///
/// Like `http::StatusCode`, a `ReplyCode` is a small `Copy` value that holds
/// any well-formed code, known or not: RFC 959 §4.2 fixes the meaning of the
/// first digit ([`category`](Self::category)) and of the second
/// ([`function`](Self::function)) for every code, so a code no document
/// defines still says something. [`info`](Self::info) returns what the
/// knowledge base knows about it.
///
/// The accepted range is 100 to 699: first digit 1 (positive preliminary) to
/// 5 (permanent negative) per RFC 959, or 6 (protected reply) per RFC 2228;
/// second and third digits 0 to 9.
///
/// `Display` prints the three digits as they appear on the wire; `Debug`
/// shows the number and, for a known code, its title.
///
/// Every code of the knowledge base has a named constant, listed after the
/// methods: its doc line gives the code, its English title and the section
/// that defines it, and [`info`](Self::info) holds the rest (the RFC's
/// wording, a description, the fix, in every language).
///
/// # Example
///
/// ```
/// use ftp_reply::{Category, Lang, ReplyCode, RetryAdvice};
///
/// let code = ReplyCode::parse_str("421 Service not available, closing control connection.\r\n")?;
/// assert_eq!(code, ReplyCode::SERVICE_NOT_AVAILABLE);
/// assert_eq!(code, 421);
/// assert_eq!(code.category(), Category::TransientNegativeCompletion);
/// assert!(code.is_transient_negative());
/// assert!(code.closes_control_connection());
/// assert_eq!(code.retry_advice(), RetryAdvice::ReconnectLater);
/// assert_eq!(code.info().unwrap().title(Lang::Fr), "Service non disponible");
/// assert_eq!(format!("{code:?}"), r#"ReplyCode(421, "Service Not Available")"#);
/// # Ok::<(), ftp_reply::ParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReplyCode(NonZeroU16);

impl ReplyCode {
    /// The smallest well-formed code.
    pub const MIN: ReplyCode = ReplyCode::known(100);
    /// The largest well-formed code.
    pub const MAX: ReplyCode = ReplyCode::known(699);

    /// Builds a code from a number.
    ///
    /// # Errors
    ///
    /// [`InvalidCodeError`] if `code` is not in 100..=699.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    ///
    /// assert_eq!(ReplyCode::new(150), Ok(ReplyCode::FILE_STATUS_OK));
    /// assert_eq!(ReplyCode::new(199).unwrap().as_u16(), 199);
    /// assert!(ReplyCode::new(99).is_err());
    /// assert!(ReplyCode::new(700).is_err());
    /// ```
    pub const fn new(code: u16) -> Result<Self, InvalidCodeError> {
        if code >= 100 && code <= 699 {
            match NonZeroU16::new(code) {
                Some(n) => Ok(Self(n)),
                None => Err(InvalidCodeError::new(code)),
            }
        } else {
            Err(InvalidCodeError::new(code))
        }
    }

    /// A code known to be valid, for constants. Fails to compile if it is not.
    #[inline]
    pub(crate) const fn known(code: u16) -> Self {
        match Self::new(code) {
            Ok(c) => c,
            Err(_) => panic!("invalid reply code in a constant"),
        }
    }

    /// Reads the code at the start of a reply line as it arrives from the
    /// server, as raw bytes (servers may send text that is not UTF-8).
    ///
    /// Accepts `b"421 Service not available"`, `b"150-Opening..."` (the first
    /// line of a multi-line reply), a bare `b"226"`, each with or without the
    /// trailing CRLF or LF. Only the code and the byte after it are examined;
    /// the text is not. [`parse_str`](Self::parse_str) does the same on a `&str`.
    ///
    /// # Errors
    ///
    /// A [`ParseError`] naming the problem and its byte offset: the line is
    /// empty, shorter than three digits, has a non-digit in the code, starts
    /// with a digit other than 1 to 6, or has something other than a space,
    /// `-` or the line end after the code.
    ///
    /// ```
    /// use ftp_reply::{ParseErrorKind, ReplyCode};
    ///
    /// assert_eq!(ReplyCode::parse(b"550 caf\xe9: no such file")?, 550);
    /// assert_eq!(ReplyCode::parse(b"226\r\n")?, 226);
    /// assert_eq!(ReplyCode::parse(b"2").unwrap_err().kind(), ParseErrorKind::TooShort { len: 1 });
    /// # Ok::<(), ftp_reply::ParseError>(())
    /// ```
    #[inline]
    pub const fn parse(line: &[u8]) -> Result<Self, ParseError> {
        match grammar::first_line(head(line)) {
            Ok((code, _)) => Ok(code),
            Err((kind, at)) => Err(ParseError::new(kind, at)),
        }
    }

    /// Like [`parse`](Self::parse), on a `&str`.
    ///
    /// # Errors
    ///
    /// As for [`parse`](Self::parse).
    ///
    /// ```
    /// use ftp_reply::{ParseErrorKind, ReplyCode};
    ///
    /// assert_eq!(ReplyCode::parse_str("150-Opening BINARY mode data connection")?, 150);
    /// assert_eq!(ReplyCode::parse_str("226\r\n")?, 226);
    /// assert_eq!(ReplyCode::parse_str("2").unwrap_err().kind(), ParseErrorKind::TooShort { len: 1 });
    /// assert_eq!(ReplyCode::parse_str("800 x").unwrap_err().kind(), ParseErrorKind::InvalidFirstDigit { digit: 8 });
    /// assert_eq!(ReplyCode::parse_str("2261").unwrap_err().offset(), 3);
    /// # Ok::<(), ftp_reply::ParseError>(())
    /// ```
    #[inline]
    pub const fn parse_str(line: &str) -> Result<Self, ParseError> {
        Self::parse(line.as_bytes())
    }

    /// Reads exactly three ASCII digits, like `http::StatusCode::from_bytes`.
    ///
    /// # Errors
    ///
    /// A [`ParseError`] if `bytes` is not exactly three ASCII digits whose
    /// first is 1 to 6.
    ///
    /// ```
    /// use ftp_reply::{ParseErrorKind, ReplyCode};
    ///
    /// assert_eq!(ReplyCode::from_bytes(b"227")?, ReplyCode::ENTERING_PASSIVE_MODE);
    /// assert_eq!(
    ///     ReplyCode::from_bytes(b"227 ").unwrap_err().kind(),
    ///     ParseErrorKind::TrailingBytes { found: b' ' }
    /// );
    /// # Ok::<(), ftp_reply::ParseError>(())
    /// ```
    pub const fn from_bytes(bytes: &[u8]) -> Result<Self, ParseError> {
        let code = match grammar::code(head(bytes)) {
            Ok(code) => code,
            Err((kind, at)) => return Err(ParseError::new(kind, at)),
        };
        if bytes.len() > 3 {
            return Err(ParseError::new(
                ParseErrorKind::TrailingBytes { found: bytes[3] },
                3,
            ));
        }
        Ok(code)
    }

    /// The code as a number.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// assert_eq!(ReplyCode::NOT_LOGGED_IN.as_u16(), 530);
    /// ```
    #[must_use]
    #[inline]
    pub const fn as_u16(self) -> u16 {
        self.0.get()
    }

    /// The three digits, most significant first.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// assert_eq!(ReplyCode::FILE_STATUS_OK.digits(), [1, 5, 0]);
    /// ```
    #[must_use]
    #[allow(clippy::cast_possible_truncation)] // each value is below 10
    pub const fn digits(self) -> [u8; 3] {
        let n = self.as_u16();
        [(n / 100) as u8, (n / 10 % 10) as u8, (n % 10) as u8]
    }

    /// The category given by the first digit.
    ///
    /// ```
    /// use ftp_reply::{Category, ReplyCode};
    /// assert_eq!(ReplyCode::new(631).unwrap().category(), Category::Protected);
    /// ```
    #[must_use]
    pub const fn category(self) -> Category {
        match Category::from_digit(self.digits()[0]) {
            Some(c) => c,
            None => unreachable!(),
        }
    }

    /// The function group given by the second digit.
    ///
    /// ```
    /// use ftp_reply::{FunctionGroup, ReplyCode};
    /// assert_eq!(ReplyCode::NOT_LOGGED_IN.function(), FunctionGroup::AuthenticationAndAccounting);
    /// assert_eq!(ReplyCode::new(299).unwrap().function(), FunctionGroup::Unassigned);
    /// ```
    #[must_use]
    pub const fn function(self) -> FunctionGroup {
        FunctionGroup::from_digit(self.digits()[1])
    }

    /// 1yz: a preliminary reply; the server will send another reply to the same command.
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert!(ReplyCode::FILE_STATUS_OK.is_preliminary());
    /// assert!(!ReplyCode::CLOSING_DATA_CONNECTION.is_preliminary());
    /// ```
    #[must_use]
    pub const fn is_preliminary(self) -> bool {
        matches!(self.category(), Category::PositivePreliminary)
    }

    /// 2yz to 5yz: the last reply to a command; the client may send the next one.
    ///
    /// A protected reply (6yz) is neither preliminary nor final until it has been
    /// decoded: the reply it carries decides.
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert!(ReplyCode::USER_NAME_OK_NEED_PASSWORD.is_final());
    /// assert!(!ReplyCode::FILE_STATUS_OK.is_final());
    /// assert!(!ReplyCode::INTEGRITY_PROTECTED_REPLY.is_final());
    /// ```
    #[must_use]
    pub const fn is_final(self) -> bool {
        matches!(self.digits()[0], 2..=5)
    }

    /// 1yz to 3yz: the command was accepted (so far).
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert!(ReplyCode::USER_NAME_OK_NEED_PASSWORD.is_positive());
    /// assert!(!ReplyCode::NOT_LOGGED_IN.is_positive());
    /// ```
    #[must_use]
    pub const fn is_positive(self) -> bool {
        matches!(self.digits()[0], 1..=3)
    }

    /// 4yz or 5yz: the command failed.
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert!(ReplyCode::NOT_LOGGED_IN.is_negative());
    /// assert!(!ReplyCode::INTEGRITY_PROTECTED_REPLY.is_negative());
    /// ```
    #[must_use]
    pub const fn is_negative(self) -> bool {
        matches!(self.digits()[0], 4 | 5)
    }

    /// 2yz: the command completed successfully.
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert!(ReplyCode::COMMAND_OK.is_positive_completion());
    /// ```
    #[must_use]
    pub const fn is_positive_completion(self) -> bool {
        self.digits()[0] == 2
    }

    /// 3yz: the command is on hold until the client sends the next command of the sequence.
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert!(ReplyCode::REQUESTED_FILE_ACTION_PENDING.is_intermediate());
    /// ```
    #[must_use]
    pub const fn is_intermediate(self) -> bool {
        self.digits()[0] == 3
    }

    /// 4yz: the command failed for a temporary reason; retrying later may work.
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert!(ReplyCode::CANT_OPEN_DATA_CONNECTION.is_transient_negative());
    /// ```
    #[must_use]
    pub const fn is_transient_negative(self) -> bool {
        self.digits()[0] == 4
    }

    /// 5yz: the command failed and will fail again if repeated unchanged.
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert!(ReplyCode::FILE_UNAVAILABLE.is_permanent_negative());
    /// ```
    #[must_use]
    pub const fn is_permanent_negative(self) -> bool {
        self.digits()[0] == 5
    }

    /// 6yz: a protected reply (RFC 2228) that carries another, encoded reply.
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert!(ReplyCode::CONFIDENTIALITY_PROTECTED_REPLY.is_protected());
    /// ```
    #[must_use]
    pub const fn is_protected(self) -> bool {
        self.digits()[0] == 6
    }

    /// Whether more replies to the same command follow this one (1yz).
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert!(ReplyCode::DATA_CONNECTION_ALREADY_OPEN.more_replies_follow());
    /// ```
    #[must_use]
    pub const fn more_replies_follow(self) -> bool {
        self.is_preliminary()
    }

    /// Whether the server closes the control connection after this reply
    /// (221 after QUIT, 421 at any time).
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert!(ReplyCode::SERVICE_CLOSING_CONTROL_CONNECTION.closes_control_connection());
    /// assert!(!ReplyCode::NOT_LOGGED_IN.closes_control_connection());
    /// ```
    #[must_use]
    pub fn closes_control_connection(self) -> bool {
        self.info()
            .is_some_and(ReplyInfo::closes_control_connection)
    }

    /// What a client should do next: the knowledge base's advice for a known
    /// code, else the default for the category.
    ///
    /// ```
    /// use ftp_reply::{ReplyCode, RetryAdvice};
    /// assert_eq!(ReplyCode::CANT_OPEN_DATA_CONNECTION.retry_advice(), RetryAdvice::ChangeFirst);
    /// assert_eq!(ReplyCode::new(499).unwrap().retry_advice(), RetryAdvice::RetryLater);
    /// ```
    #[must_use]
    pub fn retry_advice(self) -> RetryAdvice {
        match self.info() {
            Some(info) => info.retry_advice(),
            None => RetryAdvice::for_category(self.category()),
        }
    }

    /// The knowledge-base entry for this code, or `None` for a well-formed code
    /// that no source defines.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    ///
    /// let info = ReplyCode::FILE_STATUS_OK.info().unwrap();
    /// assert_eq!(info.title(Lang::En), "File Status OK");
    /// assert_eq!(info.rfc_wording(), "File status okay; about to open data connection.");
    /// assert!(ReplyCode::new(199).unwrap().info().is_none());
    /// ```
    #[must_use]
    pub fn info(self) -> Option<&'static ReplyInfo> {
        kb::lookup(self.as_u16())
    }
}

/// The first four bytes of a line's content at most: the bytes before its
/// line end (an LF, or a CR followed by an LF or by the end of the input).
/// Only the code and the byte after it matter to [`ReplyCode::parse`].
const fn head(line: &[u8]) -> &[u8] {
    let mut i = 0;
    while i < line.len() && i < 4 {
        let b = line[i];
        if b == b'\n' || (b == b'\r' && (i + 1 == line.len() || line[i + 1] == b'\n')) {
            break;
        }
        i += 1;
    }
    line.split_at(i).0
}

impl fmt::Display for ReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c] = self.digits();
        let buf = [b'0' + a, b'0' + b, b'0' + c];
        // The three bytes are ASCII digits.
        f.pad(core::str::from_utf8(&buf).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Debug for ReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut t = f.debug_tuple("ReplyCode");
        t.field(&self.as_u16());
        if let Some(info) = self.info() {
            t.field(&info.title(crate::Lang::default()));
        }
        t.finish()
    }
}

impl FromStr for ReplyCode {
    type Err = ParseError;

    /// Parses a bare code such as `"421"`; see [`ReplyCode::parse`] for reply lines.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// let code: ReplyCode = "421".parse()?;
    /// assert_eq!(code, ReplyCode::SERVICE_NOT_AVAILABLE);
    /// assert!("421 text".parse::<ReplyCode>().is_err());
    /// # Ok::<(), ftp_reply::ParseError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_bytes(s.as_bytes())
    }
}

impl TryFrom<u16> for ReplyCode {
    type Error = InvalidCodeError;

    /// Same as [`ReplyCode::new`].
    fn try_from(value: u16) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl TryFrom<&str> for ReplyCode {
    type Error = ParseError;

    /// Same as `FromStr`: a bare three-digit code.
    fn try_from(value: &str) -> Result<Self, Self::Error> {
        Self::from_bytes(value.as_bytes())
    }
}

impl TryFrom<&[u8]> for ReplyCode {
    type Error = ParseError;

    /// Same as [`ReplyCode::from_bytes`].
    fn try_from(value: &[u8]) -> Result<Self, Self::Error> {
        Self::from_bytes(value)
    }
}

impl From<ReplyCode> for u16 {
    fn from(code: ReplyCode) -> u16 {
        code.as_u16()
    }
}

impl PartialEq<u16> for ReplyCode {
    fn eq(&self, other: &u16) -> bool {
        self.as_u16() == *other
    }
}

impl PartialEq<ReplyCode> for u16 {
    fn eq(&self, other: &ReplyCode) -> bool {
        *self == other.as_u16()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ReplyCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.as_u16())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ReplyCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = <u16 as serde::Deserialize>::deserialize(deserializer)?;
        ReplyCode::new(n).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_edges() {
        assert!(ReplyCode::new(99).is_err());
        assert!(ReplyCode::new(100).is_ok());
        assert!(ReplyCode::new(699).is_ok());
        assert!(ReplyCode::new(700).is_err());
        assert!(ReplyCode::new(0).is_err());
        assert!(ReplyCode::new(u16::MAX).is_err());
    }

    #[test]
    fn parse_forms() {
        for ok in ["421 x", "421-x", "421", "421\r\n", "421\n", "421\r", "421 "] {
            assert_eq!(
                ReplyCode::parse_str(ok),
                Ok(ReplyCode::known(421)),
                "{ok:?}"
            );
        }
        let cases: &[(&str, ParseErrorKind, usize)] = &[
            ("", ParseErrorKind::Empty, 0),
            ("\r\n", ParseErrorKind::Empty, 0),
            ("\n", ParseErrorKind::Empty, 0),
            ("4", ParseErrorKind::TooShort { len: 1 }, 1),
            ("42", ParseErrorKind::TooShort { len: 2 }, 2),
            ("42\r\n", ParseErrorKind::TooShort { len: 2 }, 2),
            // A CR that does not end the line is a byte like any other.
            ("42\rx", ParseErrorKind::NotADigit { found: b'\r' }, 2),
            ("4\r", ParseErrorKind::TooShort { len: 1 }, 1),
            (" 421", ParseErrorKind::NotADigit { found: b' ' }, 0),
            ("4a1", ParseErrorKind::NotADigit { found: b'a' }, 1),
            ("021 x", ParseErrorKind::InvalidFirstDigit { digit: 0 }, 0),
            ("721 x", ParseErrorKind::InvalidFirstDigit { digit: 7 }, 0),
            ("4211", ParseErrorKind::InvalidSeparator { found: b'1' }, 3),
            (
                "421\rx",
                ParseErrorKind::InvalidSeparator { found: b'\r' },
                3,
            ),
            (
                "421\t",
                ParseErrorKind::InvalidSeparator { found: b'\t' },
                3,
            ),
        ];
        for (input, kind, offset) in cases {
            let err = ReplyCode::parse_str(input).unwrap_err();
            assert_eq!((err.kind(), err.offset()), (*kind, *offset), "{input:?}");
        }
    }

    #[test]
    #[cfg(feature = "std")]
    fn display_pads() {
        let code = ReplyCode::known(150);
        assert_eq!(format!("{code}"), "150");
        assert_eq!(format!("{code:>5}"), "  150");
    }
}
