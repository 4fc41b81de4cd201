//! 213: the file size (SIZE, RFC 3659 §4) and the modification time
//! (MDTM, RFC 3659 §3) with its [`Timestamp`] (RFC 3659 §2.3 time-val).

use core::fmt;

use super::{
    Line, Parsed, PayloadError, PayloadErrorKind, Quirk, Quirks, expect_code, leading_u64, lines,
};
use crate::ReplyCode;

/// A UTC date and time from an RFC 3659 §2.3 time-val
/// (`YYYYMMDDHHMMSS[.sss]`), as MDTM and the MLST `modify` fact give it.
///
/// Every `Timestamp` is a date and time that exists: year 1000 to 9999,
/// month 1 to 12, a day of that month, hour 0 to 23, minute 0 to 59 and
/// second 0 to 60 (60 for a leap second, as RFC 3659 §2.3 allows).
/// `Display` writes RFC 3339 (`2024-02-29T13:05:09Z`).
///
/// ```
/// use ftp_reply::payload::Timestamp;
///
/// let t = Timestamp::from_time_val(b"19980615100045.014")?;
/// assert_eq!((t.year(), t.month(), t.day()), (1998, 6, 15));
/// assert_eq!((t.hour(), t.minute(), t.second(), t.nanosecond()), (10, 0, 45, 14_000_000));
/// assert_eq!(t.unix_seconds(), 897_904_845);
/// assert_eq!(t.to_string(), "1998-06-15T10:00:45.014Z");
/// assert!(Timestamp::from_time_val(b"20230229120000").is_err()); // 2023 is not a leap year
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp {
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
}

/// Whether `year` is a leap year (Gregorian).
const fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` of `year`.
const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Timestamp {
    /// A timestamp from its fields, or `None` if that date and time do not exist.
    ///
    /// ```
    /// use ftp_reply::payload::Timestamp;
    /// assert!(Timestamp::new(2024, 2, 29, 23, 59, 60, 0).is_some());
    /// assert!(Timestamp::new(2100, 2, 29, 0, 0, 0, 0).is_none());
    /// assert!(Timestamp::new(2024, 1, 1, 24, 0, 0, 0).is_none());
    /// assert!(Timestamp::new(2024, 1, 1, 0, 0, 0, 1_000_000_000).is_none());
    /// ```
    #[must_use]
    pub const fn new(
        year: u16,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        nanosecond: u32,
    ) -> Option<Self> {
        if year < 1000
            || year > 9999
            || month < 1
            || month > 12
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
            || nanosecond > 999_999_999
        {
            return None;
        }
        Some(Self {
            year,
            month,
            day,
            hour,
            minute,
            second,
            nanosecond,
        })
    }

    /// Parses a time-val (RFC 3659 §2.3): exactly fourteen digits, then
    /// optionally `.` and one or more digits of fraction of a second (more
    /// than nine are truncated to nanoseconds).
    ///
    /// # Errors
    ///
    /// A [`PayloadError`] (line 0, offset in `bytes`):
    /// [`PayloadErrorKind::InvalidTimestamp`] for another shape,
    /// [`PayloadErrorKind::ImpossibleDate`] for a date or time that does not exist.
    ///
    /// ```
    /// use ftp_reply::payload::{PayloadErrorKind, Timestamp};
    /// assert_eq!(Timestamp::from_time_val(b"20240101120000")?.hour(), 12);
    /// let err = Timestamp::from_time_val(b"2024011").unwrap_err();
    /// assert_eq!((err.kind(), err.offset()), (PayloadErrorKind::InvalidTimestamp, 7));
    /// assert_eq!(Timestamp::from_time_val(b"20241232000000").unwrap_err().kind(), PayloadErrorKind::ImpossibleDate);
    /// # Ok::<(), ftp_reply::payload::PayloadError>(())
    /// ```
    pub fn from_time_val(bytes: &[u8]) -> Result<Self, PayloadError> {
        let bad = |kind, at| PayloadError::new(kind, 0, at);
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits != 14 {
            return Err(bad(PayloadErrorKind::InvalidTimestamp, digits.min(14)));
        }
        let mut nanosecond = 0u32;
        match bytes.get(14) {
            None => {}
            Some(b'.') => {
                let frac = &bytes[15..];
                let n = frac.iter().take_while(|b| b.is_ascii_digit()).count();
                if n == 0 || n != frac.len() {
                    return Err(bad(PayloadErrorKind::InvalidTimestamp, 15 + n));
                }
                let mut scale = 100_000_000;
                for &d in frac.iter().take(9) {
                    nanosecond += u32::from(d - b'0') * scale;
                    scale /= 10;
                }
            }
            Some(_) => return Err(bad(PayloadErrorKind::InvalidTimestamp, 14)),
        }
        let num = |from: usize, len: usize| {
            bytes[from..from + len]
                .iter()
                .fold(0u16, |v, &b| v * 10 + u16::from(b - b'0'))
        };
        let small = |from| u8::try_from(num(from, 2)).unwrap_or(u8::MAX);
        Self::new(
            num(0, 4),
            small(4),
            small(6),
            small(8),
            small(10),
            small(12),
            nanosecond,
        )
        .ok_or_else(|| bad(PayloadErrorKind::ImpossibleDate, 0))
    }

    /// The year (1000 to 9999).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let t = Reply::parse(b"213 20240229130509.25\r\n")?.modification_time()?.value;
    /// assert_eq!(t.year(), 2024);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn year(&self) -> u16 {
        self.year
    }

    /// The month (1 to 12).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let t = Reply::parse(b"213 20240229130509.25\r\n")?.modification_time()?.value;
    /// assert_eq!(t.month(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month (1 to 31).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let t = Reply::parse(b"213 20240229130509.25\r\n")?.modification_time()?.value;
    /// assert_eq!(t.day(), 29);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn day(&self) -> u8 {
        self.day
    }

    /// The hour (0 to 23).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let t = Reply::parse(b"213 20240229130509.25\r\n")?.modification_time()?.value;
    /// assert_eq!(t.hour(), 13);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn hour(&self) -> u8 {
        self.hour
    }

    /// The minute (0 to 59).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let t = Reply::parse(b"213 20240229130509.25\r\n")?.modification_time()?.value;
    /// assert_eq!(t.minute(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn minute(&self) -> u8 {
        self.minute
    }

    /// The second (0 to 60; 60 is a leap second).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let t = Reply::parse(b"213 20240229130509.25\r\n")?.modification_time()?.value;
    /// assert_eq!(t.second(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn second(&self) -> u8 {
        self.second
    }

    /// The fraction of the second, in nanoseconds.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let t = Reply::parse(b"213 20240229130509.25\r\n")?.modification_time()?.value;
    /// assert_eq!(t.nanosecond(), 250_000_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn nanosecond(&self) -> u32 {
        self.nanosecond
    }

    /// Seconds since 1970-01-01T00:00:00Z, negative before (the fraction
    /// is left out; a leap second counts as the next minute's second 0,
    /// as POSIX time does).
    ///
    /// ```
    /// use ftp_reply::payload::Timestamp;
    /// assert_eq!(Timestamp::new(1970, 1, 1, 0, 0, 0, 0).unwrap().unix_seconds(), 0);
    /// assert_eq!(Timestamp::new(1969, 12, 31, 23, 59, 59, 0).unwrap().unix_seconds(), -1);
    /// assert_eq!(Timestamp::new(2000, 3, 1, 0, 0, 0, 0).unwrap().unix_seconds(), 951_868_800);
    /// ```
    #[must_use]
    pub const fn unix_seconds(&self) -> i64 {
        // Days from civil (H. Hinnant's algorithm), with March as the first month.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        days * 86_400 + self.hour as i64 * 3_600 + self.minute as i64 * 60 + self.second as i64
    }

    /// The time as a [`SystemTime`](std::time::SystemTime).
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use ftp_reply::payload::Timestamp;
    /// let t = Timestamp::from_time_val(b"20240229130509.5")?;
    /// assert_eq!(t.to_system_time(), UNIX_EPOCH + Duration::new(1_709_211_909, 500_000_000));
    /// # Ok::<(), ftp_reply::payload::PayloadError>(())
    /// ```
    #[cfg(feature = "std")]
    #[must_use]
    pub fn to_system_time(&self) -> std::time::SystemTime {
        use std::time::{Duration, UNIX_EPOCH};
        let secs = self.unix_seconds();
        let frac = Duration::from_nanos(u64::from(self.nanosecond));
        if secs >= 0 {
            UNIX_EPOCH + Duration::from_secs(secs.unsigned_abs()) + frac
        } else {
            UNIX_EPOCH - Duration::from_secs(secs.unsigned_abs()) + frac
        }
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339: `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, the fraction without trailing zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )?;
        if self.nanosecond != 0 {
            let mut n = self.nanosecond;
            let mut width = 9;
            while n % 10 == 0 {
                n /= 10;
                width -= 1;
            }
            write!(f, ".{n:0width$}")?;
        }
        f.write_str("Z")
    }
}

/// The line of a SIZE or MDTM reply that holds the number, its digit
/// run (start, length in the text) and the quirks; or, when no line has
/// one, where the text of the first line starts. The number alone on the
/// first line is what RFC 3659 §3.1 and §4.1 prescribe.
fn number_line<'a>(
    lines: impl Iterator<Item = Line<'a>>,
) -> Result<(Line<'a>, usize, usize, Quirks), usize> {
    let mut quirks = Quirks::EMPTY;
    let mut found = None;
    let mut first_start = 0;
    for line in lines {
        if line.index == 0 {
            first_start = line.start;
        } else {
            quirks.insert(Quirk::UnexpectedMultiline);
        }
        if found.is_some() {
            continue;
        }
        let text = line.text();
        // The last run of digits standing as a word (curl#4339: servers put
        // text before the size); a '.' may follow (a fraction, or a full stop).
        let blank = |b: Option<u8>| b.is_none_or(|b| b == b' ' || b == b'\t');
        let mut best = None;
        let mut i = 0;
        while i < text.len() {
            let run = text[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            if run == 0 {
                i += 1;
                continue;
            }
            let before = i.checked_sub(1).map(|p| text[p]);
            let after = text.get(i + run).copied();
            if blank(before) && (blank(after) || after == Some(b'.')) {
                best = Some((i, run));
            }
            i += run;
        }
        if let Some((start, run)) = best {
            let fraction = text.get(run) == Some(&b'.')
                && text.len() > run + 1
                && text[run + 1..].iter().all(u8::is_ascii_digit);
            if start != 0 || (run != text.len() && !fraction) {
                quirks.insert(Quirk::ExtraText);
            }
            found = Some((line, start, run));
        }
    }
    found
        .map(|(line, start, run)| (line, start, run, quirks))
        .ok_or(first_start)
}

/// The size of a 213 reply to SIZE: RFC 3659 §4 (`213 <sp> 1*DIGIT`, the
/// size in octets of the file as it would be transferred).
///
/// Quirks: [`ExtraText`](Quirk::ExtraText) (text around the number; the
/// last number standing alone as a word is taken),
/// [`UnexpectedMultiline`](Quirk::UnexpectedMultiline).
///
/// # Errors
///
/// A [`PayloadError`]: a code other than 213, no number
/// ([`PayloadErrorKind::MissingNumber`]), a number above `u64::MAX`.
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
/// use ftp_reply::payload::Quirk;
///
/// let lines: [&[u8]; 1] = [b"213 18446744073709551615"];
/// assert_eq!(payload::size(ReplyCode::FILE_STATUS, lines)?.value, u64::MAX);
/// let curl_4339: [&[u8]; 1] = [b"213 File size: 1234"];
/// let parsed = payload::size(ReplyCode::FILE_STATUS, curl_4339)?;
/// assert_eq!(parsed.value, 1234);
/// assert!(parsed.quirks.contains(Quirk::ExtraText));
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn size<'a, I>(code: ReplyCode, lines: I) -> Result<Parsed<u64>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
{
    expect_code(code, ReplyCode::FILE_STATUS)?;
    let (line, start, run, mut quirks) = number_line(self::lines(lines))
        .map_err(|at| PayloadError::new(PayloadErrorKind::MissingNumber, 0, at))?;
    let text = line.text();
    match leading_u64(&text[start..start + run]).0 {
        Some(n) => {
            if text.get(start + run) == Some(&b'.') {
                quirks.insert(Quirk::ExtraText);
            }
            Ok(Parsed::new(n, quirks))
        }
        None => Err(PayloadError::new(
            PayloadErrorKind::NumberTooLarge { bits: 64 },
            line.index,
            line.start + start,
        )),
    }
}

/// The modification time of a 213 reply to MDTM: RFC 3659 §3 and §2.3
/// (`213 <sp> YYYYMMDDHHMMSS[.sss]`, in UTC).
///
/// Quirks: [`ExtraText`](Quirk::ExtraText) (text around the time-val),
/// [`UnexpectedMultiline`](Quirk::UnexpectedMultiline).
///
/// # Errors
///
/// A [`PayloadError`]: a code other than 213, no digits, not fourteen
/// digits ([`PayloadErrorKind::InvalidTimestamp`]), a date or time that
/// does not exist ([`PayloadErrorKind::ImpossibleDate`]).
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
/// use ftp_reply::payload::PayloadErrorKind;
///
/// let lines: [&[u8]; 1] = [b"213 20240229130509"];
/// let t = payload::modification_time(ReplyCode::FILE_STATUS, lines)?.value;
/// assert_eq!(t.to_string(), "2024-02-29T13:05:09Z");
/// let bad: [&[u8]; 1] = [b"213 20241301000000"];
/// let err = payload::modification_time(ReplyCode::FILE_STATUS, bad).unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (PayloadErrorKind::ImpossibleDate, 4));
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn modification_time<'a, I>(
    code: ReplyCode,
    lines: I,
) -> Result<Parsed<Timestamp>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
{
    expect_code(code, ReplyCode::FILE_STATUS)?;
    let (line, start, run, quirks) = number_line(self::lines(lines))
        .map_err(|at| PayloadError::new(PayloadErrorKind::InvalidTimestamp, 0, at))?;
    let text = line.text();
    // The time-val: the digits and a fraction after them, if any.
    let mut end = start + run;
    if text.get(end) == Some(&b'.') {
        end += 1 + text[end + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    }
    let at = line.start + start;
    match Timestamp::from_time_val(&text[start..end]) {
        Ok(t) => Ok(Parsed::new(t, quirks)),
        Err(e) => Err(PayloadError::new(e.kind(), line.index, at + e.offset())),
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::string::ToString;

    fn mdtm(lines: &[&[u8]]) -> Result<Parsed<Timestamp>, PayloadError> {
        modification_time(ReplyCode::FILE_STATUS, lines.iter().copied())
    }

    fn sz(lines: &[&[u8]]) -> Result<Parsed<u64>, PayloadError> {
        size(ReplyCode::FILE_STATUS, lines.iter().copied())
    }

    #[test]
    fn rfc3659_examples() {
        // RFC 3659 §3.3: 213 19980615100045.014
        let t = mdtm(&[b"213 19980615100045.014"]).unwrap();
        assert!(t.quirks.is_empty());
        assert_eq!(
            t.value,
            Timestamp::new(1998, 6, 15, 10, 0, 45, 14_000_000).unwrap()
        );
        let t = mdtm(&[b"213 19990929003355"]).unwrap();
        assert_eq!(t.value.to_string(), "1999-09-29T00:33:55Z");
        // RFC 3659 §4.3: 213 1234 (and other sizes)
        assert_eq!(
            sz(&[b"213 1234"]).unwrap(),
            Parsed::new(1234, Quirks::EMPTY)
        );
        assert_eq!(sz(&[b"213 0"]).unwrap().value, 0);
    }

    #[test]
    fn impossible_dates() {
        for bad in [
            &b"213 20230229000000"[..],
            b"213 20240431000000",
            b"213 20240101240000",
            b"213 20240101006000",
            b"213 20240101000061",
            b"213 09991231000000",
            b"213 20240001000000",
            b"213 20240100000000",
        ] {
            assert_eq!(
                mdtm(&[bad]).unwrap_err().kind(),
                PayloadErrorKind::ImpossibleDate,
                "{}",
                std::string::String::from_utf8_lossy(bad)
            );
        }
        assert!(mdtm(&[b"213 20161231235960"]).is_ok()); // a leap second
        assert!(mdtm(&[b"213 20000229000000"]).is_ok());
    }

    #[test]
    fn malformed_times() {
        for (bad, at) in [
            (&b"213 2024010100000"[..], 4 + 13),
            (b"213 202401010000000", 4 + 14),
            (b"213 20240101000000.", 4 + 15),
            (b"213 soon", 4),
            (b"213 191000615100045", 4 + 14),
        ] {
            let e = mdtm(&[bad]).unwrap_err();
            assert_eq!(
                (e.kind(), e.offset()),
                (PayloadErrorKind::InvalidTimestamp, at),
                "{}",
                std::string::String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn mdtm_tolerance() {
        let t = mdtm(&[b"213 20240101000000.5x"]).unwrap();
        assert_eq!(
            (t.value.nanosecond(), t.quirks),
            (500_000_000, Quirks::from(Quirk::ExtraText))
        );
        let t = mdtm(&[b"213 Modified 20240101000000"]).unwrap();
        assert_eq!(
            (t.value.year(), t.quirks),
            (2024, Quirks::from(Quirk::ExtraText))
        );
        let t = mdtm(&[b"213-Status", b"213 20240101000000"]).unwrap();
        assert_eq!(t.quirks, Quirks::from(Quirk::UnexpectedMultiline));
    }

    #[test]
    fn size_tolerance() {
        assert_eq!(
            sz(&[b"213 1234 "]).unwrap(),
            Parsed::new(1234, Quirks::from(Quirk::ExtraText))
        );
        assert_eq!(
            sz(&[b"213-Size follows", b"213 1234"]).unwrap(),
            Parsed::new(1234, Quirks::from(Quirk::UnexpectedMultiline))
        );
        assert_eq!(
            sz(&[b"213 99999999999999999999"]).unwrap_err().kind(),
            PayloadErrorKind::NumberTooLarge { bits: 64 }
        );
        assert_eq!(
            sz(&[b"213 File status okay"]).unwrap_err().kind(),
            PayloadErrorKind::MissingNumber
        );
        assert_eq!(
            sz(&[b"213 abc123"]).unwrap_err().kind(),
            PayloadErrorKind::MissingNumber
        );
        assert_eq!(
            size(ReplyCode::new(550).unwrap(), [&b"550 No such file"[..]])
                .unwrap_err()
                .kind(),
            PayloadErrorKind::WrongCode {
                expected: ReplyCode::FILE_STATUS,
                found: ReplyCode::new(550).unwrap()
            }
        );
    }

    #[test]
    fn unix_seconds_and_display() {
        let t = Timestamp::new(9999, 12, 31, 23, 59, 59, 123_000_000).unwrap();
        assert_eq!(t.unix_seconds(), 253_402_300_799);
        assert_eq!(t.to_string(), "9999-12-31T23:59:59.123Z");
        let t = Timestamp::new(1000, 1, 1, 0, 0, 0, 1).unwrap();
        assert_eq!(t.unix_seconds(), -30_610_224_000);
        assert_eq!(t.to_string(), "1000-01-01T00:00:00.000000001Z");
        let leap = Timestamp::new(2016, 12, 31, 23, 59, 60, 0).unwrap();
        assert_eq!(
            leap.unix_seconds(),
            Timestamp::new(2017, 1, 1, 0, 0, 0, 0)
                .unwrap()
                .unix_seconds()
        );
    }
}
