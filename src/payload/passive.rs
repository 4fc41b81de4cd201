//! Passive-mode replies: 227 (PASV), 228 (LPSV) and 229 (EPSV), and
//! [`data_endpoint`] for whichever of them answers.

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

use super::nat::{NatVerdict, PassivePolicy};
use super::{Line, Parsed, PayloadError, PayloadErrorKind, Quirk, Quirks, expect_code};
use crate::{Command, ReplyCode};

/// The most numbers a host-port list holds: a 228 for IPv6 has
/// 1 + 1 + 16 + 1 + 2 = 21.
const MAX_NUMBERS: usize = 21;

/// A comma-separated list of at most `N` numbers found in a line's text.
struct NumberList<const N: usize> {
    values: [u32; N],
    /// Where each number starts, in the line's text.
    starts: [usize; N],
    count: usize,
    /// Where the list starts and ends (one past the last digit), in the text.
    start: usize,
    end: usize,
    /// Whether spaces stood around a comma.
    spaces: bool,
}

impl<const N: usize> NumberList<N> {
    /// Whether the list stands in parentheses.
    fn parenthesized(&self, text: &[u8]) -> bool {
        self.start > 0 && text[self.start - 1] == b'(' && text.get(self.end) == Some(&b')')
    }
}

/// Reads numbers separated by commas from `text[at..]`, `at` being a digit;
/// stops at `N` numbers.
fn read_numbers<const N: usize>(text: &[u8], at: usize) -> NumberList<N> {
    let max = N;
    let mut list = NumberList {
        values: [0; N],
        starts: [0; N],
        count: 0,
        start: at,
        end: at,
        spaces: false,
    };
    let mut i = at;
    while list.count < max {
        let run = text[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 0 {
            break;
        }
        let value = text[i..i + run].iter().fold(0u32, |v, &b| {
            v.saturating_mul(10).saturating_add(u32::from(b - b'0'))
        });
        list.values[list.count] = value;
        list.starts[list.count] = i;
        list.count += 1;
        i += run;
        list.end = i;
        // A comma, perhaps with spaces around it, then the next number.
        let mut j = i;
        let mut spaced = false;
        while text.get(j) == Some(&b' ') {
            j += 1;
            spaced = true;
        }
        if text.get(j) != Some(&b',') {
            break;
        }
        j += 1;
        while text.get(j) == Some(&b' ') {
            j += 1;
            spaced = true;
        }
        if !text.get(j).is_some_and(u8::is_ascii_digit) || list.count == max {
            break;
        }
        list.spaces |= spaced;
        i = j;
    }
    list
}

/// Scans the lines for the first list of at least `min` comma-separated
/// numbers (RFC 1123 §4.1.2.6: scan for the first digit), reading at most `N`.
fn find_numbers<'a, const N: usize>(
    lines: impl Iterator<Item = Line<'a>>,
    min: usize,
) -> Option<(Line<'a>, NumberList<N>)> {
    for line in lines {
        let text = line.text();
        let mut i = 0;
        while i < text.len() {
            if text[i].is_ascii_digit() && (i == 0 || !text[i - 1].is_ascii_digit()) {
                let list = read_numbers::<N>(text, i);
                if list.count >= min {
                    return Some((line, list));
                }
                i = list.end.max(i + 1);
            } else {
                i += 1;
            }
        }
    }
    None
}

/// An error at number `n` of `list` if it is above `max`.
fn check_range<const N: usize>(
    line: &Line<'_>,
    list: &NumberList<N>,
    n: usize,
    max: u32,
) -> Result<(), PayloadError> {
    if list.values[n] > max {
        Err(PayloadError::new(
            PayloadErrorKind::NumberOutOfRange { max },
            line.index,
            line.start + list.starts[n],
        ))
    } else {
        Ok(())
    }
}

/// Quirks common to host-port lists.
fn list_quirks<const N: usize>(line: &Line<'_>, list: &NumberList<N>) -> Quirks {
    let mut quirks = Quirks::EMPTY;
    if !list.parenthesized(line.text()) {
        quirks.insert(Quirk::MissingParentheses);
    }
    if list.spaces {
        quirks.insert(Quirk::SpacesInAddress);
    }
    if line.index > 0 {
        quirks.insert(Quirk::AddressOnLaterLine);
    }
    quirks
}

/// The position of the text of the first line, for "not found" errors.
fn not_found<'a>(
    lines: impl IntoIterator<Item = &'a [u8]>,
    kind: PayloadErrorKind,
) -> PayloadError {
    let start = super::lines(lines).next().map_or(0, |l| l.start);
    PayloadError::new(kind, 0, start)
}

/// An error at the port of `list` (numbers `hi` and `hi + 1`) if it is 0.
fn port_of<const N: usize>(
    line: &Line<'_>,
    list: &NumberList<N>,
    hi: usize,
) -> Result<u16, PayloadError> {
    // Both bytes were range-checked: the port fits in 16 bits.
    let port = u16::try_from(list.values[hi] * 256 + list.values[hi + 1]).unwrap_or(0);
    if port == 0 {
        return Err(PayloadError::new(
            PayloadErrorKind::InvalidPort,
            line.index,
            line.start + list.starts[hi],
        ));
    }
    Ok(port)
}

/// The address of a 227 reply (PASV): RFC 959 §4.1.2 and RFC 1123 §4.1.2.6.
///
/// RFC 959 shows `227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)`; RFC 1123
/// §4.1.2.6 tells clients to scan the text for the first digit, as the
/// wording varies. This parser takes the first six comma-separated numbers
/// of any line, each 0 to 255 (a larger one is an error, not a wrap-around),
/// with or without parentheses and with spaces around the commas, and a
/// port of at least 1.
///
/// Quirks: [`MissingParentheses`](Quirk::MissingParentheses),
/// [`SpacesInAddress`](Quirk::SpacesInAddress),
/// [`AddressOnLaterLine`](Quirk::AddressOnLaterLine).
///
/// `lines` are the reply's lines as received, code prefixes included;
/// [`Reply::passive_address`](crate::Reply::passive_address) calls this.
/// The advertised host may be private or another machine: see
/// [`PassivePolicy`] before connecting to it.
///
/// # Errors
///
/// A [`PayloadError`]: a code other than 227, no six numbers, a number
/// above 255, port 0.
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
///
/// let lines: [&[u8]; 1] = [b"227 Entering Passive Mode (192,168,1,2,4,1)"];
/// let parsed = payload::passive_address(ReplyCode::ENTERING_PASSIVE_MODE, lines)?;
/// assert_eq!(parsed.value.to_string(), "192.168.1.2:1025");
/// assert!(parsed.quirks.is_empty());
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn passive_address<'a, I>(
    code: ReplyCode,
    lines: I,
) -> Result<Parsed<SocketAddrV4>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
    I::IntoIter: Clone,
{
    expect_code(code, ReplyCode::ENTERING_PASSIVE_MODE)?;
    let lines = lines.into_iter();
    let Some((line, list)) = find_numbers::<6>(super::lines(lines.clone()), 6) else {
        return Err(not_found(lines, PayloadErrorKind::MissingAddress));
    };
    for n in 0..6 {
        check_range(&line, &list, n, 255)?;
    }
    let port = port_of(&line, &list, 4)?;
    let [a, b, c, d] = [0, 1, 2, 3].map(|n| u8::try_from(list.values[n]).unwrap_or(0));
    Ok(Parsed::new(
        SocketAddrV4::new(Ipv4Addr::new(a, b, c, d), port),
        list_quirks(&line, &list),
    ))
}

/// The address of a 228 reply (LPSV): RFC 1639 §2.
///
/// `228 Entering Long Passive Mode (af,hal,h1,...,hn,pal,p1,p2)`: address
/// family 4 with 4 host bytes or 6 with 16, then port length 2 and the two
/// port bytes, each number 0 to 255. Found and tolerated as for
/// [`passive_address`], with the same quirks.
///
/// # Errors
///
/// A [`PayloadError`]: a code other than 228, no number list, another
/// family or length ([`PayloadErrorKind::InvalidLongAddress`]), a number
/// above 255, port 0.
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
///
/// let v4: [&[u8]; 1] = [b"228 Entering Long Passive Mode (4,4,132,235,1,2,2,24,22)"];
/// let parsed = payload::long_passive_address(ReplyCode::ENTERING_LONG_PASSIVE_MODE, v4)?;
/// assert_eq!(parsed.value.to_string(), "132.235.1.2:6166");
///
/// let v6: [&[u8]; 1] = [b"228 Entering Long Passive Mode (6,16,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,2,4,1)"];
/// let parsed = payload::long_passive_address(ReplyCode::ENTERING_LONG_PASSIVE_MODE, v6)?;
/// assert_eq!(parsed.value.to_string(), "[::1]:1025");
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn long_passive_address<'a, I>(
    code: ReplyCode,
    lines: I,
) -> Result<Parsed<SocketAddr>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
    I::IntoIter: Clone,
{
    expect_code(code, ReplyCode::ENTERING_LONG_PASSIVE_MODE)?;
    let lines = lines.into_iter();
    let Some((line, list)) = find_numbers::<MAX_NUMBERS>(super::lines(lines.clone()), 3) else {
        return Err(not_found(lines, PayloadErrorKind::InvalidLongAddress));
    };
    let invalid = PayloadError::new(
        PayloadErrorKind::InvalidLongAddress,
        line.index,
        line.start + list.start,
    );
    let host_len = match (list.values[0], list.values[1]) {
        (4, 4) => 4,
        (6, 16) => 16,
        _ => return Err(invalid),
    };
    if list.count != 2 + host_len + 3 || list.values[2 + host_len] != 2 {
        return Err(invalid);
    }
    for n in 0..list.count {
        check_range(&line, &list, n, 255)?;
    }
    let port = port_of(&line, &list, 3 + host_len)?;
    let byte = |n: usize| u8::try_from(list.values[2 + n]).unwrap_or(0);
    let addr = if host_len == 4 {
        SocketAddr::V4(SocketAddrV4::new(
            Ipv4Addr::new(byte(0), byte(1), byte(2), byte(3)),
            port,
        ))
    } else {
        let mut octets = [0u8; 16];
        for (n, o) in octets.iter_mut().enumerate() {
            *o = byte(n);
        }
        SocketAddr::V6(SocketAddrV6::new(Ipv6Addr::from(octets), port, 0, 0))
    };
    Ok(Parsed::new(addr, list_quirks(&line, &list)))
}

/// Whether `b` can delimit an extended passive reply: RFC 2428 §3 allows
/// ASCII 33 to 126; digits and parentheses would be ambiguous.
fn is_delimiter(b: u8) -> bool {
    (33..=126).contains(&b) && !b.is_ascii_digit() && b != b'(' && b != b')'
}

/// What was read of one `<d><d><d><port><d>` candidate.
enum Epsv {
    /// Not a candidate.
    No,
    /// A port (in the text at `at`) with its quirks.
    Port {
        port: u32,
        at: usize,
        quirks: Quirks,
    },
}

/// Reads `<d><d><d><port><d>` at `text[i..]`; `paren` says whether a `(`
/// stood before `i`, so a `)` must close it.
fn read_epsv(text: &[u8], i: usize, paren: bool) -> Epsv {
    let mut quirks = Quirks::EMPTY;
    let delims = text[i..].iter().take_while(|&&b| is_delimiter(b)).count();
    if delims == 0 || delims > 3 {
        return Epsv::No;
    }
    let d = text[i];
    if delims < 3 {
        quirks.insert(Quirk::MissingDelimiter);
    }
    if text[i..i + delims].iter().any(|&b| b != d) {
        quirks.insert(Quirk::UnequalDelimiters);
    }
    let at = i + delims;
    let digits = text[at..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return Epsv::No;
    }
    let port = text[at..at + digits].iter().fold(0u32, |v, &b| {
        v.saturating_mul(10).saturating_add(u32::from(b - b'0'))
    });
    let mut j = at + digits;
    match text.get(j) {
        Some(&b) if is_delimiter(b) => {
            if b != d {
                quirks.insert(Quirk::UnequalDelimiters);
            }
            j += 1;
        }
        _ => quirks.insert(Quirk::MissingDelimiter),
    }
    match text.get(j) {
        Some(b')') if paren => j += 1,
        // More fields (`(|1|132.235.1.2|6446|)` is EPRT's form): not a port.
        Some(_) if paren => return Epsv::No,
        // Cut short where `)` should be, or no `(` at all.
        _ => quirks.insert(Quirk::MissingParentheses),
    }
    if text[j..].iter().any(|&b| b != b' ' && b != b'\t') {
        quirks.insert(Quirk::TrailingText);
    }
    Epsv::Port { port, at, quirks }
}

/// The port of a 229 reply (EPSV): RFC 2428 §3.
///
/// RFC 2428 §3: `229 <text> (<d><d><d><tcp-port><d>)`, where the
/// delimiter `<d>` is any ASCII character from 33 to 126 (`|` is
/// recommended; IBM i sends `!`), the same one four times, and the text
/// ends at `)`. The port is 1 to 65535. The data connection goes to the
/// host of the control connection.
///
/// Quirks: [`MissingDelimiter`](Quirk::MissingDelimiter) (`(||6446|)`,
/// FluentFTP#1793), [`UnequalDelimiters`](Quirk::UnequalDelimiters),
/// [`MissingParentheses`](Quirk::MissingParentheses),
/// [`TrailingText`](Quirk::TrailingText) (Serv-U's `(|||50006|).`),
/// [`AddressOnLaterLine`](Quirk::AddressOnLaterLine).
///
/// # Errors
///
/// A [`PayloadError`]: a code other than 229, no port
/// ([`PayloadErrorKind::MissingPort`]), port 0 or above 65535.
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
/// use ftp_reply::payload::Quirk;
///
/// let ibm_i: [&[u8]; 1] = [b"229 Entering Extended Passive Mode (!!!46934!)"];
/// let parsed = payload::extended_passive_port(ReplyCode::ENTERING_EXTENDED_PASSIVE_MODE, ibm_i)?;
/// assert_eq!((parsed.value, parsed.quirks.is_empty()), (46934, true));
///
/// let serv_u: [&[u8]; 1] = [b"229 Entering Extended Passive Mode (|||50006|)."];
/// let parsed = payload::extended_passive_port(ReplyCode::ENTERING_EXTENDED_PASSIVE_MODE, serv_u)?;
/// assert_eq!(parsed.value, 50006);
/// assert!(parsed.quirks.contains(Quirk::TrailingText));
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn extended_passive_port<'a, I>(code: ReplyCode, lines: I) -> Result<Parsed<u16>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
    I::IntoIter: Clone,
{
    expect_code(code, ReplyCode::ENTERING_EXTENDED_PASSIVE_MODE)?;
    let lines = lines.into_iter();
    // First pass: `(` then delimiters; second pass: delimiters alone.
    for paren in [true, false] {
        for line in super::lines(lines.clone()) {
            let text = line.text();
            for i in 0..text.len() {
                let candidate = if paren {
                    i > 0 && text[i - 1] == b'('
                } else {
                    is_delimiter(text[i]) && (i == 0 || text[i - 1] != text[i])
                };
                if !candidate {
                    continue;
                }
                if let Epsv::Port {
                    port,
                    at,
                    mut quirks,
                } = read_epsv(text, i, paren)
                {
                    if !paren && quirks.contains(Quirk::MissingDelimiter) {
                        // Without parentheses, require the full form to avoid
                        // taking any number in the text for a port.
                        continue;
                    }
                    let Some(port) = u16::try_from(port).ok().filter(|&p| p != 0) else {
                        return Err(PayloadError::new(
                            PayloadErrorKind::InvalidPort,
                            line.index,
                            line.start + at,
                        ));
                    };
                    if line.index > 0 {
                        quirks.insert(Quirk::AddressOnLaterLine);
                    }
                    return Ok(Parsed::new(port, quirks));
                }
            }
        }
    }
    Err(not_found(lines, PayloadErrorKind::MissingPort))
}

/// Where to open a passive data connection: what a 227, 228 or 229 reply says.
///
/// ```
/// use ftp_reply::Reply;
/// use ftp_reply::command::Command;
/// use ftp_reply::payload::DataEndpoint;
///
/// let reply = Reply::parse(b"229 Entering Extended Passive Mode (|||6446|)\r\n")?;
/// let endpoint = reply.data_endpoint(Command::Epsv)?.value;
/// assert_eq!(endpoint, DataEndpoint::Port(6446));
/// assert_eq!(endpoint.port(), 6446);
/// assert_eq!(endpoint.address(), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DataEndpoint {
    /// A host and port (227, 228).
    Address(SocketAddr),
    /// A port on the host of the control connection (229).
    Port(u16),
}

impl DataEndpoint {
    /// The port.
    ///
    /// ```
    /// use ftp_reply::payload::DataEndpoint;
    /// assert_eq!(DataEndpoint::Address("10.0.0.1:2121".parse().unwrap()).port(), 2121);
    /// ```
    #[must_use]
    pub const fn port(&self) -> u16 {
        match self {
            DataEndpoint::Address(a) => a.port(),
            DataEndpoint::Port(p) => *p,
        }
    }

    /// The advertised address, if the reply named a host.
    ///
    /// ```
    /// use ftp_reply::payload::DataEndpoint;
    /// assert_eq!(DataEndpoint::Port(21).address(), None);
    /// ```
    #[must_use]
    pub const fn address(&self) -> Option<SocketAddr> {
        match self {
            DataEndpoint::Address(a) => Some(*a),
            DataEndpoint::Port(_) => None,
        }
    }

    /// What the advertised host is, compared with `peer`, the address of
    /// the control connection's server; [`NatVerdict::Same`] for a port alone.
    ///
    /// ```
    /// use ftp_reply::payload::{DataEndpoint, NatVerdict};
    /// let e = DataEndpoint::Address("192.168.1.20:5000".parse().unwrap());
    /// assert_eq!(e.verdict("93.184.215.14".parse().unwrap()), NatVerdict::Unroutable);
    /// ```
    #[must_use]
    pub fn verdict(&self, peer: IpAddr) -> NatVerdict {
        match self {
            DataEndpoint::Address(a) => NatVerdict::of(a.ip(), peer),
            DataEndpoint::Port(_) => NatVerdict::Same,
        }
    }

    /// The address a client should connect to under `policy`, `peer` being
    /// the address of the control connection's server: a port alone goes
    /// to `peer`; an advertised host as [`PassivePolicy::connect_to`] says.
    ///
    /// # Errors
    ///
    /// The [`NatVerdict`] when [`PassivePolicy::RefuseMismatch`] refuses a
    /// host other than `peer`.
    ///
    /// ```
    /// use std::net::SocketAddr;
    /// use ftp_reply::payload::{DataEndpoint, NatVerdict, PassivePolicy};
    ///
    /// let peer = "93.184.215.14".parse().unwrap();
    /// let nat = DataEndpoint::Address("10.0.0.5:40000".parse().unwrap());
    /// assert_eq!(nat.connect_to(peer, PassivePolicy::default()), Ok("93.184.215.14:40000".parse::<SocketAddr>().unwrap()));
    /// assert_eq!(nat.connect_to(peer, PassivePolicy::RefuseMismatch), Err(NatVerdict::Unroutable));
    /// assert_eq!(DataEndpoint::Port(6446).connect_to(peer, PassivePolicy::RefuseMismatch), Ok("93.184.215.14:6446".parse().unwrap()));
    /// ```
    pub fn connect_to(
        &self,
        peer: IpAddr,
        policy: PassivePolicy,
    ) -> Result<SocketAddr, NatVerdict> {
        match self {
            DataEndpoint::Address(a) => policy.connect_to(*a, peer),
            DataEndpoint::Port(p) => Ok(SocketAddr::new(peer, *p)),
        }
    }
}

/// The data endpoint of the reply to PASV, EPSV or LPSV, whichever of
/// 227, 228 or 229 the server sent.
///
/// Some servers answer EPSV with a 227 (basic-ftp#164, #135) or PASV with
/// a 229 (`CPython` PR #127475); this reads either, with
/// [`WrongReplyForCommand`](Quirk::WrongReplyForCommand) among the quirks
/// when the reply is not the one `sent` asks for (227 for PASV, 229 for
/// EPSV, 228 for LPSV), beside the quirks of [`passive_address`],
/// [`long_passive_address`] or [`extended_passive_port`].
///
/// # Errors
///
/// A [`PayloadError`]: a code other than 227, 228 and 229 (the error's
/// expected code is the one `sent` asks for), or the error of the parser
/// for the code.
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
/// use ftp_reply::command::Command;
/// use ftp_reply::payload::{DataEndpoint, Quirk};
///
/// let lines: [&[u8]; 1] = [b"227 Entering Passive Mode (91,190,231,97,119,66)."];
/// let parsed = payload::data_endpoint(Command::Epsv, ReplyCode::ENTERING_PASSIVE_MODE, lines)?;
/// assert_eq!(parsed.value, DataEndpoint::Address("91.190.231.97:30530".parse().unwrap()));
/// assert!(parsed.quirks.contains(Quirk::WrongReplyForCommand));
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn data_endpoint<'a, I>(
    sent: Command,
    code: ReplyCode,
    lines: I,
) -> Result<Parsed<DataEndpoint>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
    I::IntoIter: Clone,
{
    let asked = match sent {
        Command::Epsv => Some(ReplyCode::ENTERING_EXTENDED_PASSIVE_MODE),
        Command::Lpsv => Some(ReplyCode::ENTERING_LONG_PASSIVE_MODE),
        Command::Pasv => Some(ReplyCode::ENTERING_PASSIVE_MODE),
        _ => None,
    };
    let mut parsed = match code.as_u16() {
        227 => passive_address(code, lines)?.map(|a| DataEndpoint::Address(SocketAddr::V4(a))),
        228 => long_passive_address(code, lines)?.map(DataEndpoint::Address),
        229 => extended_passive_port(code, lines)?.map(DataEndpoint::Port),
        _ => {
            return Err(PayloadError::new(
                PayloadErrorKind::WrongCode {
                    expected: asked.unwrap_or(ReplyCode::ENTERING_PASSIVE_MODE),
                    found: code,
                },
                0,
                0,
            ));
        }
    };
    if asked != Some(code) {
        parsed.quirks.insert(Quirk::WrongReplyForCommand);
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;

    fn pasv(lines: &[&[u8]]) -> Result<Parsed<SocketAddrV4>, PayloadError> {
        passive_address(ReplyCode::ENTERING_PASSIVE_MODE, lines.iter().copied())
    }

    fn epsv(lines: &[&[u8]]) -> Result<Parsed<u16>, PayloadError> {
        extended_passive_port(
            ReplyCode::ENTERING_EXTENDED_PASSIVE_MODE,
            lines.iter().copied(),
        )
    }

    fn addr(s: &str) -> SocketAddrV4 {
        s.parse().unwrap()
    }

    fn quirks(q: &[Quirk]) -> Quirks {
        q.iter().copied().collect()
    }

    #[test]
    fn rfc959_form() {
        let p = pasv(&[b"227 Entering Passive Mode (132,235,1,2,24,22)"]).unwrap();
        assert_eq!(p, Parsed::new(addr("132.235.1.2:6166"), Quirks::EMPTY));
    }

    #[test]
    fn vsftpd_and_proftpd_forms() {
        // vsftpd 3.0.3 ends with ".", which RFC 1123 §4.1.2.6 allows.
        let p = pasv(&[b"227 Entering Passive Mode (127,0,0,1,156,64)."]).unwrap();
        assert_eq!(p, Parsed::new(addr("127.0.0.1:40000"), Quirks::EMPTY));
    }

    #[test]
    fn rclone_sys_ftpd_without_parentheses() {
        // cathery/sys-ftpd#7 (seen through rclone/jlaffaye): no parentheses, no text.
        let p = pasv(&[b"227 192,168,178,39,184,244"]).unwrap();
        assert_eq!(
            p,
            Parsed::new(
                addr("192.168.178.39:47348"),
                quirks(&[Quirk::MissingParentheses])
            )
        );
        let p = pasv(&[b"227 Entering Passive Mode 192,168,178,39,184,244"]).unwrap();
        assert_eq!(
            p,
            Parsed::new(
                addr("192.168.178.39:47348"),
                quirks(&[Quirk::MissingParentheses])
            )
        );
    }

    #[test]
    fn numbers_above_255_are_errors() {
        let e = pasv(&[b"227 Entering Passive Mode (192,168,1,256,4,1)"]).unwrap_err();
        assert_eq!(
            (e.kind(), e.line(), e.offset()),
            (PayloadErrorKind::NumberOutOfRange { max: 255 }, 0, 37)
        );
        let e = pasv(&[b"227 Entering Passive Mode (1,2,3,4,5,99999999999999)"]).unwrap_err();
        assert_eq!(e.kind(), PayloadErrorKind::NumberOutOfRange { max: 255 });
        let e = pasv(&[b"227 Entering Passive Mode (1,2,3,4,0,0)"]).unwrap_err();
        assert_eq!(e.kind(), PayloadErrorKind::InvalidPort);
    }

    #[test]
    fn aioftp_85_address_on_later_line() {
        let p = pasv(&[b"227-listen socket created", b"227 (127,0,0,1,154,21)"]).unwrap();
        assert_eq!(
            p,
            Parsed::new(
                addr("127.0.0.1:39445"),
                quirks(&[Quirk::AddressOnLaterLine])
            )
        );
    }

    #[test]
    fn spaces_and_distractors() {
        let p = pasv(&[b"227 Entering Passive Mode v2 (10, 0, 0, 1, 4, 1)"]).unwrap();
        assert_eq!(
            p,
            Parsed::new(addr("10.0.0.1:1025"), quirks(&[Quirk::SpacesInAddress]))
        );
        let e = pasv(&[b"227 Entering Passive Mode"]).unwrap_err();
        assert_eq!(
            (e.kind(), e.offset()),
            (PayloadErrorKind::MissingAddress, 4)
        );
        let e = pasv(&[b"227 (1,2,3,4,5)"]).unwrap_err();
        assert_eq!(e.kind(), PayloadErrorKind::MissingAddress);
        let e = passive_address(
            ReplyCode::ENTERING_EXTENDED_PASSIVE_MODE,
            [&b"229 (|||1|)"[..]],
        )
        .unwrap_err();
        assert!(matches!(e.kind(), PayloadErrorKind::WrongCode { .. }));
    }

    #[test]
    fn rfc2428_examples() {
        assert_eq!(
            epsv(&[b"229 Entering Extended Passive Mode (|||6446|)"]).unwrap(),
            Parsed::new(6446, Quirks::EMPTY)
        );
        // RFC 2428 §3: any delimiter from 33 to 126.
        assert_eq!(
            epsv(&[b"229 Entering Extended Passive Mode (###6446#)"]).unwrap(),
            Parsed::new(6446, Quirks::EMPTY)
        );
    }

    #[test]
    fn ibm_i_exclamation_marks() {
        // basic-ftp PR #87: IBM i and z/OS use '!'.
        assert_eq!(
            epsv(&[b"229 Entering Extended Passive Mode (!!!46934!)."]).unwrap(),
            Parsed::new(46934, quirks(&[Quirk::TrailingText]))
        );
        assert_eq!(
            epsv(&[b"229 Entering Extended Passive Mode (!!!9447!)"]).unwrap(),
            Parsed::new(9447, Quirks::EMPTY)
        );
    }

    #[test]
    fn fluentftp_1793_missing_delimiter() {
        let p = epsv(&[b"229 Entering Extended Passive Mode (||50123|)"]).unwrap();
        assert_eq!(p, Parsed::new(50123, quirks(&[Quirk::MissingDelimiter])));
    }

    #[test]
    fn serv_u_trailing_dot() {
        // aio-libs/aioftp#69: Serv-U 15.1.3.3.
        let p = epsv(&[b"229 Entering Extended Passive Mode (|||50006|)."]).unwrap();
        assert_eq!(p, Parsed::new(50006, quirks(&[Quirk::TrailingText])));
    }

    #[test]
    fn epsv_variants() {
        assert_eq!(
            epsv(&[b"229 Entering Extended Passive Mode (|!|6446|)"])
                .unwrap()
                .quirks,
            quirks(&[Quirk::UnequalDelimiters])
        );
        assert_eq!(
            epsv(&[b"229 Entering Extended Passive Mode |||6446|"]).unwrap(),
            Parsed::new(6446, quirks(&[Quirk::MissingParentheses]))
        );
        assert_eq!(
            epsv(&[b"229 Entering Extended Passive Mode (|||6446"])
                .unwrap()
                .quirks,
            quirks(&[Quirk::MissingDelimiter, Quirk::MissingParentheses])
        );
        assert_eq!(
            epsv(&[b"229-Entering Extended Passive Mode", b"229 (|||6446|)"])
                .unwrap()
                .quirks,
            quirks(&[Quirk::AddressOnLaterLine])
        );
        let e = epsv(&[b"229 Entering Extended Passive Mode (|||70000|)"]).unwrap_err();
        assert_eq!((e.kind(), e.offset()), (PayloadErrorKind::InvalidPort, 39));
        let e = epsv(&[b"229 Entering Extended Passive Mode (|||0|)"]).unwrap_err();
        assert_eq!(e.kind(), PayloadErrorKind::InvalidPort);
        let e = epsv(&[b"229 Entering Extended Passive Mode 6446"]).unwrap_err();
        assert_eq!((e.kind(), e.offset()), (PayloadErrorKind::MissingPort, 4));
        let e = epsv(&[b"229 Entering Extended Passive Mode (|||x|)"]).unwrap_err();
        assert_eq!(e.kind(), PayloadErrorKind::MissingPort);
        // EPRT's form, with a protocol and an address: not read as port 1.
        let e = epsv(&[b"229 Entering Extended Passive Mode (|1|132.235.1.2|6446|)"]).unwrap_err();
        assert_eq!(e.kind(), PayloadErrorKind::MissingPort);
        assert_eq!(
            epsv(&[b"229 (|||6446)"]).unwrap().quirks,
            quirks(&[Quirk::MissingDelimiter])
        );
    }

    #[test]
    fn basic_ftp_164_and_135_227_for_epsv() {
        for (line, want) in [
            (
                &b"227 Entering Passive Mode (91,190,231,97,119,66)."[..],
                "91.190.231.97:30530",
            ),
            (
                b"227 Entering Passive Mode (91,220,214,97,201,133)",
                "91.220.214.97:51589",
            ),
        ] {
            let p = data_endpoint(Command::Epsv, ReplyCode::ENTERING_PASSIVE_MODE, [line]).unwrap();
            assert_eq!(
                p,
                Parsed::new(
                    DataEndpoint::Address(want.parse().unwrap()),
                    quirks(&[Quirk::WrongReplyForCommand])
                )
            );
        }
    }

    #[test]
    fn cpython_127475_229_for_pasv() {
        let p = data_endpoint(
            Command::Pasv,
            ReplyCode::ENTERING_EXTENDED_PASSIVE_MODE,
            [&b"229 Entering Extended Passive Mode (|||5282|)"[..]],
        )
        .unwrap();
        assert_eq!(
            p,
            Parsed::new(
                DataEndpoint::Port(5282),
                quirks(&[Quirk::WrongReplyForCommand])
            )
        );
        let p = data_endpoint(
            Command::Epsv,
            ReplyCode::ENTERING_EXTENDED_PASSIVE_MODE,
            [&b"229 Entering Extended Passive Mode (|||5282|)"[..]],
        )
        .unwrap();
        assert_eq!(p, Parsed::new(DataEndpoint::Port(5282), Quirks::EMPTY));
        let e = data_endpoint(
            Command::Epsv,
            ReplyCode::new(500).unwrap(),
            [&b"500 EPSV not understood"[..]],
        )
        .unwrap_err();
        assert_eq!(
            e.kind(),
            PayloadErrorKind::WrongCode {
                expected: ReplyCode::ENTERING_EXTENDED_PASSIVE_MODE,
                found: ReplyCode::new(500).unwrap()
            }
        );
    }

    #[test]
    fn rfc1639_long_passive() {
        let lp =
            |l: &'static [u8]| long_passive_address(ReplyCode::ENTERING_LONG_PASSIVE_MODE, [l]);
        let p = lp(b"228 Entering Long Passive Mode (4,4,132,235,1,2,2,24,22)").unwrap();
        assert_eq!(p.value, "132.235.1.2:6166".parse::<SocketAddr>().unwrap());
        let p =
            lp(b"228 Entering Long Passive Mode (6,16,32,1,13,184,0,0,0,0,0,0,0,0,0,0,0,1,2,4,1)")
                .unwrap();
        assert_eq!(p.value, "[2001:db8::1]:1025".parse::<SocketAddr>().unwrap());
        assert!(p.quirks.is_empty());
        for bad in [
            &b"228 (4,16,1,2,3,4,2,1,1)"[..],
            b"228 (4,4,1,2,3,4,3,1,1,1)",
            b"228 (5,4,1,2,3,4,2,1,1)",
            b"228 (4,4,1,2,3,4,2,1)",
            b"228 Long Passive Mode",
        ] {
            assert_eq!(
                lp(bad).unwrap_err().kind(),
                PayloadErrorKind::InvalidLongAddress,
                "{}",
                std::string::String::from_utf8_lossy(bad)
            );
        }
        assert_eq!(
            lp(b"228 (4,4,1,2,3,400,2,1,1)").unwrap_err().kind(),
            PayloadErrorKind::NumberOutOfRange { max: 255 }
        );
        let p = data_endpoint(
            Command::Lpsv,
            ReplyCode::ENTERING_LONG_PASSIVE_MODE,
            [&b"228 (4,4,1,2,3,4,2,1,1)"[..]],
        )
        .unwrap();
        assert_eq!(p.value.port(), 257);
    }

    #[test]
    fn no_panic_on_edges() {
        for line in [
            &b""[..],
            b"227",
            b"227 ",
            b"227 (",
            b"227 ,,,,,",
            b"227 1,",
            b"227 1,2,3,4,5,6,7,8",
            b"227 \xff\xfe",
        ] {
            let _ = pasv(&[line]);
            let _ = epsv(&[line]);
            let _ = long_passive_address(ReplyCode::ENTERING_LONG_PASSIVE_MODE, [line]);
        }
    }
}
