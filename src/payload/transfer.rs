//! Transfer replies: the size hint of 150/125, the restart offset of 350,
//! the restart marker of 110 and the delay of 120.

use super::{
    Parsed, PayloadError, PayloadErrorKind, Quirk, Quirks, expect_code, find_ignore_case,
    leading_u64, lines,
};
use crate::ReplyCode;

/// The transfer size a 150 or 125 reply states in its text, if any.
///
/// No RFC defines it; servers state it in their own words:
///
/// | server | text | source |
/// |---|---|---|
/// | vsftpd | `150 Opening BINARY mode data connection for f (1234 bytes).` | `postlogin.c` (`" bytes)."`), 3.0.3 |
/// | `ProFTPD` | `150 Opening BINARY mode data connection for f (1234 bytes)` (`byte` for 1) | `mod_xfer.c`, `"Opening %s mode data connection for %s (%llu %s)"`, 1.3.8 |
/// | `Pure-FTPd` | `150 1.6 kbytes to download` (only above 4 KiB left, after any REST offset) | `ftpd.c`, `"%.1f kbytes to download"`, 1.0.50 |
/// | pyftpdlib | none (`150 File status okay. About to open data connection.`) | `handlers/ftp/control.py`, 2.2.0 |
///
/// `(N bytes)` anywhere in any line gives `Some(N)`; `Pure-FTPd`'s
/// kilobytes give an estimate (N × 1024, rounded), with the quirk
/// [`ApproximateSize`](Quirk::ApproximateSize); no size gives `None`.
///
/// # Errors
///
/// A [`PayloadError`]: a code other than 150 and 125, a size above `u64::MAX`.
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
/// use ftp_reply::payload::Quirk;
///
/// let vsftpd: [&[u8]; 1] = [b"150 Opening BINARY mode data connection for big.iso (4700000000 bytes)."];
/// assert_eq!(payload::transfer_size_hint(ReplyCode::FILE_STATUS_OK, vsftpd)?.value, Some(4_700_000_000));
/// let pure: [&[u8]; 2] = [b"150-Accepted data connection", b"150 6516.9 kbytes to download"];
/// let parsed = payload::transfer_size_hint(ReplyCode::FILE_STATUS_OK, pure)?;
/// assert_eq!(parsed.value, Some(6_673_306));
/// assert!(parsed.quirks.contains(Quirk::ApproximateSize));
/// let pyftpdlib: [&[u8]; 1] = [b"125 Data connection already open. Transfer starting."];
/// assert_eq!(payload::transfer_size_hint(ReplyCode::DATA_CONNECTION_ALREADY_OPEN, pyftpdlib)?.value, None);
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn transfer_size_hint<'a, I>(
    code: ReplyCode,
    lines: I,
) -> Result<Parsed<Option<u64>>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
{
    if code != ReplyCode::DATA_CONNECTION_ALREADY_OPEN {
        expect_code(code, ReplyCode::FILE_STATUS_OK)?;
    }
    let too_large =
        |index, at| PayloadError::new(PayloadErrorKind::NumberTooLarge { bits: 64 }, index, at);
    for line in self::lines(lines) {
        let text = line.text();
        // "(1234 bytes)" or "(1 byte)".
        for (i, _) in text.iter().enumerate().filter(|&(_, &b)| b == b'(') {
            let (value, len) = leading_u64(&text[i + 1..]);
            if len == 0 {
                continue;
            }
            let rest = &text[i + 1 + len..];
            let unit = [&b" bytes)"[..], b" byte)"]
                .iter()
                .any(|u| rest.len() >= u.len() && rest[..u.len()].eq_ignore_ascii_case(u));
            if unit {
                return match value {
                    Some(n) => Ok(Parsed::new(Some(n), Quirks::EMPTY)),
                    None => Err(too_large(line.index, line.start + i + 1)),
                };
            }
        }
        // Pure-FTPd: "6516.9 kbytes to download".
        if let Some(k) = find_ignore_case(text, b" kbytes to download") {
            let head = &text[..k];
            let num_start = head
                .iter()
                .rposition(|b| !b.is_ascii_digit() && *b != b'.')
                .map_or(0, |p| p + 1);
            let num = &head[num_start..];
            let (whole, wlen) = leading_u64(num);
            let tenths = match &num[wlen..] {
                [] => Some(0),
                [b'.', d, ..] if d.is_ascii_digit() => Some(u64::from(d - b'0')),
                _ => None,
            };
            if wlen > 0 {
                if let Some(tenths) = tenths {
                    let bytes = whole
                        .and_then(|w| w.checked_mul(1024))
                        .and_then(|w| w.checked_add((tenths * 1024 + 5) / 10));
                    return match bytes {
                        Some(n) => Ok(Parsed::new(Some(n), Quirks::from(Quirk::ApproximateSize))),
                        None => Err(too_large(line.index, line.start + num_start)),
                    };
                }
            }
        }
    }
    Ok(Parsed::new(None, Quirks::EMPTY))
}

/// The restart offset a 350 reply to REST states, if any (best effort).
///
/// RFC 3659 §5.3 has the server answer REST with 350 and no fixed text;
/// servers state the offset in their words: `Restarting at 1234. Send
/// STORE or RETRIEVE to initiate transfer` (`ProFTPD` 1.3.8, BSD ftpd,
/// wu-ftpd), `Restarting at 1234` (`Pure-FTPd` 1.0.50), `Restart position
/// accepted (1234).` (vsftpd 3.0.3), `Restarting at position 1234.`
/// (pyftpdlib 2.2.0, `handlers/ftp/control.py`). The first number after
/// the word "restart" (any case) is the offset; a 350 without that word
/// (RNFR's `350 Ready for destination name`) gives `None`.
///
/// # Errors
///
/// A [`PayloadError`]: a code other than 350, an offset above `u64::MAX`.
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
///
/// let code = ReplyCode::REQUESTED_FILE_ACTION_PENDING;
/// let vsftpd: [&[u8]; 1] = [b"350 Restart position accepted (1749706)."];
/// assert_eq!(payload::restart_offset(code, vsftpd)?.value, Some(1_749_706));
/// let rnfr: [&[u8]; 1] = [b"350 Ready for destination name."];
/// assert_eq!(payload::restart_offset(code, rnfr)?.value, None);
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn restart_offset<'a, I>(code: ReplyCode, lines: I) -> Result<Parsed<Option<u64>>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
{
    expect_code(code, ReplyCode::REQUESTED_FILE_ACTION_PENDING)?;
    for line in self::lines(lines) {
        let text = line.text();
        let Some(at) = find_ignore_case(text, b"restart") else {
            continue;
        };
        let Some(d) = text[at..].iter().position(u8::is_ascii_digit) else {
            continue;
        };
        let start = at + d;
        return match leading_u64(&text[start..]).0 {
            Some(n) => Ok(Parsed::new(Some(n), Quirks::EMPTY)),
            None => Err(PayloadError::new(
                PayloadErrorKind::NumberTooLarge { bits: 64 },
                line.index,
                line.start + start,
            )),
        };
    }
    Ok(Parsed::new(None, Quirks::EMPTY))
}

/// The two markers of a 110 reply: RFC 959 §4.2, `110 MARK yyyy = mmmm`.
///
/// RFC 959 §4.2: "yyyy is User-process data stream marker, and mmmm
/// server's equivalent marker". Both are kept as the bytes sent.
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
/// let lines: [&[u8]; 1] = [b"110 MARK 1024 = 2048"];
/// let mark = payload::restart_marker(ReplyCode::RESTART_MARKER_REPLY, lines)?.value;
/// assert_eq!((mark.user(), mark.server()), (&b"1024"[..], &b"2048"[..]));
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RestartMarker<'a> {
    user: &'a [u8],
    server: &'a [u8],
}

impl<'a> RestartMarker<'a> {
    /// The user-process data stream marker (`yyyy`).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let mark = Reply::parse(b"110 MARK 1024 = 2048\r\n")?;
    /// let mark = mark.restart_marker()?.value;
    /// assert_eq!(mark.user(), b"1024"); // the sender's marker in the data
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn user(&self) -> &'a [u8] {
        self.user
    }

    /// The server's equivalent marker (`mmmm`).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let mark = Reply::parse(b"110 MARK 1024 = 2048\r\n")?;
    /// let mark = mark.restart_marker()?.value;
    /// assert_eq!(mark.server(), b"2048"); // the receiver's matching position
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn server(&self) -> &'a [u8] {
        self.server
    }
}

/// The restart marker of a 110 reply: RFC 959 §4.2, `MARK yyyy = mmmm`
/// (the spaces around `=` are part of the RFC's text).
///
/// Quirks: [`IrregularSpacing`](Quirk::IrregularSpacing) (other spacing
/// than one space each side of `=` and after `MARK`).
///
/// # Errors
///
/// A [`PayloadError`]: a code other than 110, no `MARK yyyy = mmmm`
/// ([`PayloadErrorKind::MissingMarker`]).
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
/// use ftp_reply::payload::Quirk;
/// let lines: [&[u8]; 1] = [b"110 MARK 1024=2048"];
/// let parsed = payload::restart_marker(ReplyCode::RESTART_MARKER_REPLY, lines)?;
/// assert_eq!(parsed.value.server(), b"2048");
/// assert!(parsed.quirks.contains(Quirk::IrregularSpacing));
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn restart_marker<'a, I>(
    code: ReplyCode,
    lines: I,
) -> Result<Parsed<RestartMarker<'a>>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
    I::IntoIter: Clone,
{
    expect_code(code, ReplyCode::RESTART_MARKER_REPLY)?;
    let lines = lines.into_iter();
    for line in self::lines(lines.clone()) {
        let text = line.text();
        let Some(at) = find_ignore_case(text, b"MARK") else {
            continue;
        };
        let mut quirks = Quirks::EMPTY;
        let spaces = |s: &[u8]| s.iter().take_while(|&&b| b == b' ').count();
        let mut i = at + 4;
        let n = spaces(&text[i..]);
        if n == 0 {
            continue;
        }
        if n != 1 {
            quirks.insert(Quirk::IrregularSpacing);
        }
        i += n;
        let user_len = text[i..]
            .iter()
            .take_while(|&&b| b != b' ' && b != b'=')
            .count();
        let user = &text[i..i + user_len];
        i += user_len;
        let before = spaces(&text[i..]);
        i += before;
        if user.is_empty() || text.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        let after = spaces(&text[i..]);
        i += after;
        let server_len = text[i..].iter().take_while(|&&b| b != b' ').count();
        let server = &text[i..i + server_len];
        if server.is_empty() {
            continue;
        }
        if before != 1 || after != 1 {
            quirks.insert(Quirk::IrregularSpacing);
        }
        if line.index > 0 {
            quirks.insert(Quirk::AddressOnLaterLine);
        }
        return Ok(Parsed::new(RestartMarker { user, server }, quirks));
    }
    let start = self::lines(lines).next().map_or(0, |l| l.start);
    Err(PayloadError::new(PayloadErrorKind::MissingMarker, 0, start))
}

/// The delay of a 120 reply: RFC 959 §4.2, `120 Service ready in nnn minutes.`
///
/// The first number of the text is the delay in minutes.
///
/// # Errors
///
/// A [`PayloadError`]: a code other than 120, no number
/// ([`PayloadErrorKind::MissingNumber`]), a number above `u32::MAX`.
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
/// let lines: [&[u8]; 1] = [b"120 Service ready in 5 minutes."];
/// assert_eq!(payload::ready_in_minutes(ReplyCode::SERVICE_READY_IN_NNN_MINUTES, lines)?.value, 5);
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn ready_in_minutes<'a, I>(code: ReplyCode, lines: I) -> Result<Parsed<u32>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
    I::IntoIter: Clone,
{
    expect_code(code, ReplyCode::SERVICE_READY_IN_NNN_MINUTES)?;
    let lines = lines.into_iter();
    for line in self::lines(lines.clone()) {
        let text = line.text();
        let Some(start) = text.iter().position(u8::is_ascii_digit) else {
            continue;
        };
        let quirks = if line.index > 0 {
            Quirks::from(Quirk::AddressOnLaterLine)
        } else {
            Quirks::EMPTY
        };
        return match leading_u64(&text[start..])
            .0
            .and_then(|n| u32::try_from(n).ok())
        {
            Some(n) => Ok(Parsed::new(n, quirks)),
            None => Err(PayloadError::new(
                PayloadErrorKind::NumberTooLarge { bits: 32 },
                line.index,
                line.start + start,
            )),
        };
    }
    let start = self::lines(lines).next().map_or(0, |l| l.start);
    Err(PayloadError::new(PayloadErrorKind::MissingNumber, 0, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(code: u16, lines: &[&[u8]]) -> Result<Parsed<Option<u64>>, PayloadError> {
        transfer_size_hint(ReplyCode::new(code).unwrap(), lines.iter().copied())
    }

    #[test]
    fn server_size_hints() {
        // vsftpd 3.0.3 postlogin.c
        assert_eq!(
            hint(
                150,
                &[b"150 Opening BINARY mode data connection for a.txt (1234 bytes)."]
            )
            .unwrap(),
            Parsed::new(Some(1234), Quirks::EMPTY)
        );
        // ProFTPD 1.3.8 mod_xfer.c, singular for one byte
        assert_eq!(
            hint(
                150,
                &[b"150 Opening ASCII mode data connection for one (1 byte)"]
            )
            .unwrap()
            .value,
            Some(1)
        );
        assert_eq!(
            hint(
                150,
                &[b"150 Opening BINARY mode data connection for f (0 bytes)"]
            )
            .unwrap()
            .value,
            Some(0)
        );
        // Pure-FTPd 1.0.50 ftpd.c
        assert_eq!(
            hint(
                150,
                &[
                    b"150-Accepted data connection",
                    b"150 91566.2 kbytes to download"
                ]
            )
            .unwrap(),
            Parsed::new(Some(93_763_789), Quirks::from(Quirk::ApproximateSize))
        );
        assert_eq!(
            hint(150, &[b"150 5 kbytes to download"]).unwrap().value,
            Some(5120)
        );
        // pyftpdlib 2.2.0
        assert_eq!(
            hint(
                150,
                &[b"150 File status okay. About to open data connection."]
            )
            .unwrap()
            .value,
            None
        );
        assert_eq!(
            hint(
                125,
                &[b"125 Data connection already open. Transfer starting."]
            )
            .unwrap()
            .value,
            None
        );
        // A file name with parentheses and digits is not a size.
        assert_eq!(
            hint(
                150,
                &[b"150 Opening BINARY mode data connection for (2) copy.txt (12 bytes)."]
            )
            .unwrap()
            .value,
            Some(12)
        );
        assert_eq!(
            hint(150, &[b"150 (99999999999999999999 bytes)"])
                .unwrap_err()
                .kind(),
            PayloadErrorKind::NumberTooLarge { bits: 64 }
        );
        assert!(matches!(
            hint(226, &[b"226 Done"]).unwrap_err().kind(),
            PayloadErrorKind::WrongCode { .. }
        ));
    }

    #[test]
    fn restart_offsets() {
        let rest = |l: &'static [u8]| {
            restart_offset(ReplyCode::REQUESTED_FILE_ACTION_PENDING, [l])
                .unwrap()
                .value
        };
        assert_eq!(
            rest(b"350 Restarting at 1234. Send STORE or RETRIEVE to initiate transfer"),
            Some(1234)
        );
        assert_eq!(rest(b"350 Restarting at 1749706"), Some(1_749_706));
        assert_eq!(rest(b"350 Restart position accepted (0)."), Some(0));
        assert_eq!(rest(b"350 Restarting at position 42."), Some(42));
        assert_eq!(
            rest(b"350 File or directory exists, ready for destination name"),
            None
        );
        assert_eq!(rest(b"350 restart"), None);
    }

    #[test]
    fn rfc959_marker_and_minutes() {
        let mark = |l: &'static [u8]| restart_marker(ReplyCode::RESTART_MARKER_REPLY, [l]);
        let m = mark(b"110 MARK yyyy = mmmm").unwrap();
        assert_eq!(
            (m.value.user(), m.value.server(), m.quirks),
            (&b"yyyy"[..], &b"mmmm"[..], Quirks::EMPTY)
        );
        let m = mark(b"110 MARK  12 =34").unwrap();
        assert_eq!(
            (m.value.user(), m.value.server(), m.quirks),
            (
                &b"12"[..],
                &b"34"[..],
                Quirks::from(Quirk::IrregularSpacing)
            )
        );
        for bad in [
            &b"110 Restart marker"[..],
            b"110 MARK",
            b"110 MARK 12",
            b"110 MARK 12 =",
            b"110 MARK = 3",
        ] {
            assert_eq!(
                mark(bad).unwrap_err().kind(),
                PayloadErrorKind::MissingMarker
            );
        }
        let min = |l: &'static [u8]| ready_in_minutes(ReplyCode::SERVICE_READY_IN_NNN_MINUTES, [l]);
        assert_eq!(
            min(b"120 Service ready in 15 minutes.").unwrap(),
            Parsed::new(15, Quirks::EMPTY)
        );
        assert_eq!(
            min(b"120 Service ready in nnn minutes.")
                .unwrap_err()
                .kind(),
            PayloadErrorKind::MissingNumber
        );
        assert_eq!(
            min(b"120 in 99999999999 minutes").unwrap_err().kind(),
            PayloadErrorKind::NumberTooLarge { bits: 32 }
        );
    }
}
