//! Timestamps found in logs, as seconds on one clock.

use core::fmt;

/// A time of day read from a log line, with its date when the log gives one.
///
/// Logs write local time without a zone; the analysis only compares two
/// timestamps of the same log, so the zone does not matter.
///
/// ```
/// use ftp_reply::transcript::Timestamp;
/// let t = Timestamp::parse_str("2024-03-05 10:00:01.250").unwrap();
/// assert_eq!(t.to_string(), "2024-03-05 10:00:01.250");
/// let u = Timestamp::parse_str("2024-03-05 10:01:00").unwrap();
/// assert_eq!(u.millis_since(t), Some(58_750));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    /// Milliseconds since 1970-01-01 00:00 (with a date) or since midnight.
    millis: i64,
    dated: bool,
    /// Whether the log gave milliseconds.
    precise: bool,
}

impl Timestamp {
    /// A time of day (`HH:MM:SS`, optionally `.mmm`) on no particular date.
    ///
    /// ```
    /// use ftp_reply::transcript::Timestamp;
    /// let t = Timestamp::time_of_day(9, 30, 1, 123);
    /// assert_eq!(t.to_string(), "09:30:01.123");
    /// assert_eq!(Timestamp::parse_str("09:30:01,123"), Some(t));
    /// assert_eq!(Timestamp::time_of_day(23, 59, 59, 0).to_string(), "23:59:59");
    /// ```
    #[must_use]
    pub const fn time_of_day(hour: u8, minute: u8, second: u8, millis: u16) -> Self {
        Self {
            millis: ((hour as i64 * 60 + minute as i64) * 60 + second as i64) * 1000
                + millis as i64,
            dated: false,
            precise: millis != 0,
        }
    }

    /// Parses `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DDTHH:MM:SS`, optionally with
    /// `.mmm` or `,mmm`, or a bare `HH:MM:SS[.mmm]`; `None` otherwise.
    ///
    /// ```
    /// use ftp_reply::transcript::Timestamp;
    /// assert_eq!(Timestamp::parse_str("2024-05-01T10:00:00").unwrap().to_string(), "2024-05-01 10:00:00");
    /// assert_eq!(Timestamp::parse_str("10:00:00.5xx"), None);
    /// assert_eq!(Timestamp::parse_str("2024-13-01 10:00:00"), None);
    /// assert_eq!(Timestamp::parse_str("25:00:00"), None);
    /// ```
    #[must_use]
    #[allow(clippy::many_single_char_names)]
    pub fn parse_str(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() >= 19 && b[4] == b'-' && b[7] == b'-' && (b[10] == b' ' || b[10] == b'T') {
            let y = num(&b[0..4])?;
            let mo = num(&b[5..7])?;
            let d = num(&b[8..10])?;
            let mut t = Self::parse_str(&s[11..])?;
            if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
                return None;
            }
            t.millis += days_from_civil(i64::from(y), mo, d) * 86_400_000;
            t.dated = true;
            return Some(t);
        }
        if b.len() < 8 || b[2] != b':' || b[5] != b':' {
            return None;
        }
        let h = num(&b[0..2])?;
        let m = num(&b[3..5])?;
        let sec = num(&b[6..8])?;
        if h > 23 || m > 59 || sec > 60 {
            return None;
        }
        let (ms, precise) = if b.len() >= 12 && (b[8] == b'.' || b[8] == b',') {
            (num(&b[9..12])?, true)
        } else {
            (0, false)
        };
        let mut t = Self::time_of_day(
            digits2(h),
            digits2(m),
            digits2(sec),
            u16::try_from(ms).ok()?,
        );
        t.precise = precise;
        Some(t)
    }

    /// Builds a dated timestamp from its parts; `None` when out of range.
    #[must_use]
    pub(crate) fn from_parts(year: u32, month: u32, day: u32, clock: &str) -> Option<Self> {
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let mut t = Self::parse_str(clock)?;
        t.millis += days_from_civil(i64::from(year), month, day) * 86_400_000;
        t.dated = true;
        Some(t)
    }

    /// Milliseconds from `earlier` to `self`, or `None` when one has a date
    /// and the other not. Negative when `earlier` is later.
    ///
    /// ```
    /// use ftp_reply::transcript::Timestamp;
    /// let (a, b) = (Timestamp::time_of_day(10, 0, 0, 0), Timestamp::time_of_day(10, 0, 30, 0));
    /// assert_eq!(b.millis_since(a), Some(30_000));
    /// assert_eq!(a.millis_since(b), Some(-30_000));
    /// let dated = Timestamp::parse_str("2024-05-01 10:00:30").unwrap();
    /// assert_eq!(dated.millis_since(a), None); // one has a date, the other not
    /// ```
    #[must_use]
    pub fn millis_since(self, earlier: Timestamp) -> Option<i64> {
        (self.dated == earlier.dated).then(|| self.millis - earlier.millis)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.millis.div_euclid(86_400_000);
        let rest = self.millis.rem_euclid(86_400_000);
        if self.dated {
            let (y, m, d) = civil_from_days(days);
            write!(f, "{y:04}-{m:02}-{d:02} ")?;
        }
        let s = rest / 1000;
        write!(f, "{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)?;
        if self.precise {
            write!(f, ".{:03}", rest % 1000)?;
        }
        Ok(())
    }
}

/// A value already checked to be below 100.
fn digits2(n: u32) -> u8 {
    u8::try_from(n).unwrap_or(u8::MAX)
}

fn num(b: &[u8]) -> Option<u32> {
    let mut n = 0u32;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

/// Days since 1970-01-01 (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The month number of an English three-letter month name.
pub(crate) fn month(name: &str) -> Option<u32> {
    const M: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    M.iter()
        .position(|m| *m == name)
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn round_trip() {
        for s in [
            "1970-01-01 00:00:00",
            "2000-02-29 23:59:59.999",
            "2026-12-01 21:45:22",
        ] {
            assert_eq!(Timestamp::parse_str(s).unwrap().to_string(), s);
        }
        assert_eq!(
            Timestamp::parse_str("10:00:00").unwrap().to_string(),
            "10:00:00"
        );
        assert!(Timestamp::parse_str("2024-13-01 00:00:00").is_none());
        assert!(Timestamp::parse_str("25:00:00").is_none());
        assert!(Timestamp::parse_str("ab:cd:ef").is_none());
        assert_eq!(month("Dec"), Some(12));
    }

    #[test]
    fn undated_and_dated_do_not_compare() {
        let a = Timestamp::parse_str("10:00:00").unwrap();
        let b = Timestamp::parse_str("2024-01-01 10:00:00").unwrap();
        assert_eq!(b.millis_since(a), None);
    }
}
