//! What the reply says: typed parsers for the payloads FTP clients read
//! out of reply texts.
//!
//! | code | payload | parser | RFC |
//! |---|---|---|---|
//! | 227 | passive address `h1,h2,h3,h4,p1,p2` | [`passive_address`] | RFC 959 §4.1.2, RFC 1123 §4.1.2.6 |
//! | 228 | long passive address | [`long_passive_address`] | RFC 1639 §2 |
//! | 229 | extended passive port `(\|\|\|port\|)` | [`extended_passive_port`] | RFC 2428 §3 |
//! | 227/228/229 | whichever answers PASV, EPSV or LPSV | [`data_endpoint`] | |
//! | 257 | quoted path name | [`pathname`] | RFC 959 Appendix II |
//! | 213 | file size | [`size`] | RFC 3659 §4 |
//! | 213 | modification time | [`modification_time`] | RFC 3659 §2.3, §3 |
//! | 211 | FEAT list | [`features`] | RFC 2389 §3.2 |
//! | 150/125 | transfer size hint | [`transfer_size_hint`] | (server texts) |
//! | 350 | restart offset | [`restart_offset`] | RFC 3659 §5.3 (server texts) |
//! | 110 | restart marker `MARK yyyy = mmmm` | [`restart_marker`] | RFC 959 §4.2 |
//! | 120 | minutes until ready | [`ready_in_minutes`] | RFC 959 §4.2 |
//! | 215 | system type | [`system_type`] | RFC 959 §4.1.3 |
//! | 250 | MLST facts line | [`mlst_entry`], [`MlstEntry::parse`] | RFC 3659 §7.2 |
//!
//! Each parser works on a reply's lines as received, code prefixes
//! included (what [`Reply::raw_lines`](crate::Reply::raw_lines) yields),
//! and the reply's code, so it serves any reply type, and works without
//! `alloc`. [`Reply`](crate::Reply) has each one as a method.
//!
//! Every parser is tolerant but reporting: it accepts the variants real
//! servers send and returns, beside the value, the [`Quirk`]s it had to
//! tolerate ([`Parsed`]); what it cannot read is a [`PayloadError`]. The
//! parsers borrow from the reply and allocate nothing.
//!
//! [`NatVerdict`] and [`PassivePolicy`] decide where to connect for a
//! passive transfer when the server names a host (NAT and FTP bounce).

mod error;
mod features;
#[cfg(feature = "alloc")]
mod methods;
mod mlst;
mod nat;
mod passive;
mod pathname;
mod system;
mod time;
mod transfer;

pub use error::{Parsed, PayloadError, PayloadErrorKind, Quirk, Quirks};
pub use features::{Feature, FeatureIter, Features, MarkedList, MarkedName, Words, features};
pub use mlst::{Fact, Facts, MlstEntry, mlst_entry};
pub use nat::{NatVerdict, PassivePolicy, is_unroutable};
pub use passive::{
    DataEndpoint, data_endpoint, extended_passive_port, long_passive_address, passive_address,
};
pub use pathname::{PathChunks, Pathname, pathname};
pub use system::{SystemType, system_type};
pub use time::{Timestamp, modification_time, size};
pub use transfer::{
    RestartMarker, ready_in_minutes, restart_marker, restart_offset, transfer_size_hint,
};

use crate::ReplyCode;

/// One line of a reply as the parsers see it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The index of the line in the reply (0 for the first).
    pub index: usize,
    /// The line as received, code included.
    pub raw: &'a [u8],
    /// Where the text starts in `raw`: after the code and its separator on
    /// the first and last lines and on inner lines that repeat the opening
    /// code; 0 on other inner lines.
    pub start: usize,
    /// Whether the line is an inner line that repeats the opening code
    /// (`211-MDTM`).
    pub repeated_code: bool,
    /// Whether this is the last line.
    pub last: bool,
}

impl<'a> Line<'a> {
    /// The text of the line, without the code.
    pub fn text(&self) -> &'a [u8] {
        &self.raw[self.start..]
    }
}

/// Whether `line` starts with three ASCII digits.
fn starts_with_digits(line: &[u8]) -> bool {
    line.len() >= 3 && line[..3].iter().all(u8::is_ascii_digit)
}

/// The lines of a reply with their text located.
pub(crate) fn lines<'a, I>(lines: I) -> impl Iterator<Item = Line<'a>>
where
    I: IntoIterator<Item = &'a [u8]>,
{
    let mut iter = lines.into_iter().enumerate().peekable();
    let mut open: Option<&'a [u8]> = None;
    core::iter::from_fn(move || {
        let (index, raw) = iter.next()?;
        let last = iter.peek().is_none();
        let coded = starts_with_digits(raw) && raw.get(3).is_none_or(|&b| b == b' ' || b == b'-');
        let (start, repeated_code) = if index == 0 {
            if coded {
                open = Some(&raw[..3]);
            }
            (if coded { raw.len().min(4) } else { 0 }, false)
        } else if last {
            (if coded { raw.len().min(4) } else { 0 }, false)
        } else if coded && raw.len() >= 4 && open == Some(&raw[..3]) {
            (4, true)
        } else {
            (0, false)
        };
        Some(Line {
            index,
            raw,
            start,
            repeated_code,
            last,
        })
    })
}

/// An error unless `found` is `expected`.
pub(crate) fn expect_code(found: ReplyCode, expected: ReplyCode) -> Result<(), PayloadError> {
    if found == expected {
        Ok(())
    } else {
        Err(PayloadError::new(
            PayloadErrorKind::WrongCode { expected, found },
            0,
            0,
        ))
    }
}

/// Reads the decimal digits at the start of `bytes`: (value, digit count),
/// or `None` for overflow. The value is 0 when there are no digits.
pub(crate) fn leading_u64(bytes: &[u8]) -> (Option<u64>, usize) {
    let len = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let mut value: Option<u64> = Some(0);
    for &b in &bytes[..len] {
        value = value
            .and_then(|v| v.checked_mul(10))
            .and_then(|v| v.checked_add(u64::from(b - b'0')));
    }
    (value, len)
}

/// The index of the first occurrence of `needle` in `hay`, ASCII case-insensitively.
pub(crate) fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// `bytes` without leading and trailing spaces and tabs.
pub(crate) fn trim(bytes: &[u8]) -> &[u8] {
    let is_blank = |b: &u8| *b == b' ' || *b == b'\t';
    let start = bytes
        .iter()
        .position(|b| !is_blank(b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !is_blank(b))
        .map_or(start, |e| e + 1);
    &bytes[start..end]
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::vec::Vec;

    #[test]
    fn lines_find_the_text() {
        let raw: [&[u8]; 4] = [b"211-Features:", b" MDTM", b"211-SIZE", b"211 End"];
        let got: Vec<(usize, bool, bool)> = lines(raw)
            .map(|l| (l.start, l.repeated_code, l.last))
            .collect();
        assert_eq!(
            got,
            [
                (4, false, false),
                (0, false, false),
                (4, true, false),
                (4, false, true)
            ]
        );
        let single: [&[u8]; 1] = [b"200"];
        let l = lines(single).next().unwrap();
        assert_eq!((l.text(), l.last), (&b""[..], true));
        let uncoded: [&[u8]; 1] = [b"hello"];
        assert_eq!(lines(uncoded).next().unwrap().text(), b"hello");
    }

    #[test]
    fn helpers() {
        assert_eq!(leading_u64(b"123x"), (Some(123), 3));
        assert_eq!(leading_u64(b"x"), (Some(0), 0));
        assert_eq!(leading_u64(b"99999999999999999999").0, None);
        assert_eq!(find_ignore_case(b"Restarting at", b"RESTART"), Some(0));
        assert_eq!(find_ignore_case(b"ab", b"abc"), None);
        assert_eq!(trim(b"  a b \t"), b"a b");
        assert_eq!(trim(b"   "), b"");
    }
}
