//! 215: the system type of a SYST reply (RFC 959 §4.1.3).

use super::{Parsed, PayloadError, PayloadErrorKind, Quirks, expect_code, lines, trim};
use crate::ReplyCode;

/// The system type of a 215 reply, borrowed from the reply.
///
/// RFC 959 §4.1.3 (SYST): the first word of the reply is a system name
/// from the list of assigned numbers (`UNIX`, `Windows_NT`, `MACOS`...);
/// the rest (`Type: L8`) is kept as sent.
///
/// ```
/// use ftp_reply::Reply;
/// let reply = Reply::parse(b"215 UNIX Type: L8\r\n")?;
/// let syst = reply.system_type()?.value;
/// assert_eq!((syst.name(), syst.rest()), (&b"UNIX"[..], &b"Type: L8"[..]));
/// assert!(syst.is_unix());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SystemType<'a> {
    name: &'a [u8],
    rest: &'a [u8],
}

impl<'a> SystemType<'a> {
    /// The system name, the first word (`UNIX`).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"215 Windows_NT version 10.0\r\n")?;
    /// let syst = reply.system_type()?.value;
    /// assert_eq!(syst.name(), b"Windows_NT");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn name(&self) -> &'a [u8] {
        self.name
    }

    /// The name as text, if it is UTF-8.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"215 Windows_NT version 10.0\r\n")?;
    /// let syst = reply.system_type()?.value;
    /// assert_eq!(syst.name_str(), Some("Windows_NT"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.name).ok()
    }

    /// The text after the name, without surrounding spaces (`Type: L8`; may be empty).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"215 Windows_NT version 10.0\r\n")?;
    /// let syst = reply.system_type()?.value;
    /// assert_eq!(syst.rest(), b"version 10.0");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rest(&self) -> &'a [u8] {
        self.rest
    }

    /// Whether the name is `UNIX`, ASCII case-insensitively.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"215 Windows_NT version 10.0\r\n")?;
    /// let syst = reply.system_type()?.value;
    /// assert!(!syst.is_unix());
    /// assert!(Reply::parse(b"215 unix Type: L8\r\n")?.system_type()?.value.is_unix());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_unix(&self) -> bool {
        self.name.eq_ignore_ascii_case(b"UNIX")
    }
}

/// The system type of a 215 reply to SYST: RFC 959 §4.1.3.
///
/// # Errors
///
/// A [`PayloadError`]: a code other than 215, an empty text
/// ([`PayloadErrorKind::MissingSystemName`]).
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
/// let lines: [&[u8]; 1] = [b"215 Windows_NT"];
/// let syst = payload::system_type(ReplyCode::NAME_SYSTEM_TYPE, lines)?.value;
/// assert_eq!((syst.name(), syst.rest()), (&b"Windows_NT"[..], &b""[..]));
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn system_type<'a, I>(code: ReplyCode, lines: I) -> Result<Parsed<SystemType<'a>>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
{
    expect_code(code, ReplyCode::NAME_SYSTEM_TYPE)?;
    let Some(line) = self::lines(lines).next() else {
        return Err(PayloadError::new(PayloadErrorKind::MissingSystemName, 0, 0));
    };
    let text = trim(line.text());
    if text.is_empty() {
        return Err(PayloadError::new(
            PayloadErrorKind::MissingSystemName,
            0,
            line.raw.len(),
        ));
    }
    let len = text
        .iter()
        .take_while(|&&b| b != b' ' && b != b'\t')
        .count();
    Ok(Parsed::new(
        SystemType {
            name: &text[..len],
            rest: trim(&text[len..]),
        },
        Quirks::EMPTY,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn systems() {
        let syst = |l: &'static [u8]| system_type(ReplyCode::NAME_SYSTEM_TYPE, [l]);
        let s = syst(b"215 UNIX Type: L8").unwrap().value;
        assert_eq!(
            (s.name_str(), s.rest(), s.is_unix()),
            (Some("UNIX"), &b"Type: L8"[..], true)
        );
        let s = syst(b"215 UNIX Type: L8 Version: BSD-199506")
            .unwrap()
            .value;
        assert_eq!(s.rest(), b"Type: L8 Version: BSD-199506");
        let s = syst(b"215 MACOS Peter's Server").unwrap().value;
        assert!(!s.is_unix());
        assert_eq!(
            syst(b"215 ").unwrap_err().kind(),
            PayloadErrorKind::MissingSystemName
        );
        assert_eq!(
            syst(b"215").unwrap_err().kind(),
            PayloadErrorKind::MissingSystemName
        );
        assert!(matches!(
            system_type(ReplyCode::new(500).unwrap(), [&b"500 SYST?"[..]])
                .unwrap_err()
                .kind(),
            PayloadErrorKind::WrongCode { .. }
        ));
    }
}
