//! Property tests of the payload parsers: no panic on any lines (with the
//! fuzz target's checks), and every address, port, path, time, size, FEAT
//! list and MLSD entry formatted the ways servers do parses back to itself.

mod fuzz_checks;

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

use ftp_reply::ReplyCode;
use ftp_reply::payload;
use ftp_reply::payload::{MlstEntry, Quirk, Quirks, Timestamp};
use proptest::prelude::*;

fn code(n: u16) -> ReplyCode {
    ReplyCode::new(n).unwrap()
}

/// Bytes biased towards what the payload parsers look for.
fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        3 => any::<u8>(),
        3 => prop::sample::select(&b"0123456789"[..]),
        2 => prop::sample::select(&b",()|!\" ;=*.-\r"[..]),
        1 => prop::sample::select(&b"MARK bytes kbytes to download Restarting at"[..]),
    ]
}

fn lines() -> impl Strategy<Value = Vec<u8>> {
    const CODES: [&[u8]; 13] = [
        b"227", b"228", b"229", b"257", b"213", b"211", b"150", b"125", b"350", b"110", b"120",
        b"215", b"250",
    ];
    let code = prop::sample::select(&CODES[..]);
    (
        code,
        prop::collection::vec(prop::collection::vec(byte(), 0..40), 1..5),
    )
        .prop_map(|(code, lines)| {
            let mut out = Vec::new();
            let n = lines.len();
            for (i, line) in lines.into_iter().enumerate() {
                if i == 0 || i + 1 == n {
                    out.extend_from_slice(code);
                    out.push(if i + 1 == n { b' ' } else { b'-' });
                }
                out.extend(line.into_iter().filter(|&b| b != b'\n'));
                out.extend_from_slice(b"\r\n");
            }
            out
        })
}

/// A delimiter RFC 2428 §3 allows (33 to 126) that is not a digit or a parenthesis.
fn delimiter() -> impl Strategy<Value = u8> {
    (33u8..=126).prop_filter("not ambiguous", |b| {
        !b.is_ascii_digit() && *b != b'(' && *b != b')'
    })
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (
        1000u16..=9999,
        1u8..=12,
        1u8..=31,
        0u8..=23,
        0u8..=59,
        0u8..=60,
        prop_oneof![Just(0u32), 0u32..1_000_000_000],
    )
        .prop_filter_map("a real date", |(y, mo, d, h, mi, s, ns)| {
            Timestamp::new(y, mo, d, h, mi, s, ns)
        })
}

/// A fact name or value: no ';', '=' or space.
fn token() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        any::<u8>().prop_filter("token", |b| {
            !matches!(b, b';' | b'=' | b' ' | b'\r' | b'\n')
        }),
        1..12,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_parser_panics_and_checks_hold(input in lines()) {
        fuzz_checks::payload(&input);
    }

    #[test]
    fn arbitrary_bytes_never_panic(input in prop::collection::vec(any::<u8>(), 0..200)) {
        fuzz_checks::payload(&input);
    }

    #[test]
    fn passive_addresses_round_trip(ip in any::<[u8; 4]>(), port in 1u16..=65535, style in 0usize..6) {
        let [a, b, c, d] = ip;
        let (hi, lo) = (port >> 8, port & 255);
        let (lines, want): (Vec<String>, Quirks) = match style {
            0 => (vec![format!("227 Entering Passive Mode ({a},{b},{c},{d},{hi},{lo})")], Quirks::EMPTY),
            1 => (vec![format!("227 Entering Passive Mode ({a},{b},{c},{d},{hi},{lo}).")], Quirks::EMPTY), // vsftpd
            2 => (vec![format!("227 Entering Passive Mode {a},{b},{c},{d},{hi},{lo}")], Quirk::MissingParentheses.into()),
            3 => (vec![format!("227 {a},{b},{c},{d},{hi},{lo}")], Quirk::MissingParentheses.into()), // sys-ftpd
            4 => (vec![format!("227 =({a}, {b}, {c}, {d}, {hi}, {lo})")], Quirk::SpacesInAddress.into()),
            _ => (vec!["227-listen socket created".into(), format!("227 ({a},{b},{c},{d},{hi},{lo})")], Quirk::AddressOnLaterLine.into()), // aioftp
        };
        let p = payload::passive_address(code(227), lines.iter().map(|l| l.as_bytes())).unwrap();
        prop_assert_eq!(p.value, SocketAddrV4::new(Ipv4Addr::from(ip), port));
        prop_assert_eq!(p.quirks, want);
    }

    #[test]
    fn long_passive_addresses_round_trip(v4 in any::<[u8; 4]>(), v6 in any::<[u8; 16]>(), port in 1u16..=65535, six in any::<bool>()) {
        let (host, addr): (Vec<u8>, SocketAddr) = if six {
            (v6.to_vec(), SocketAddrV6::new(Ipv6Addr::from(v6), port, 0, 0).into())
        } else {
            (v4.to_vec(), SocketAddrV4::new(Ipv4Addr::from(v4), port).into())
        };
        let mut fields = vec![if six { 6 } else { 4 }, host.len() as u16];
        fields.extend(host.iter().map(|&b| u16::from(b)));
        fields.extend([2, port >> 8, port & 255]);
        let list: Vec<String> = fields.iter().map(u16::to_string).collect();
        let line = format!("228 Entering Long Passive Mode ({})", list.join(","));
        let p = payload::long_passive_address(code(228), [line.as_bytes()]).unwrap();
        prop_assert_eq!((p.value, p.quirks), (addr, Quirks::EMPTY));
    }

    #[test]
    fn extended_ports_round_trip(port in 1u16..=65535, d in delimiter(), style in 0usize..4) {
        let d = d as char;
        let (line, want): (String, Quirks) = match style {
            0 => (format!("229 Entering Extended Passive Mode ({d}{d}{d}{port}{d})"), Quirks::EMPTY),
            1 => (format!("229 Entering Extended Passive Mode ({d}{d}{d}{port}{d})."), Quirk::TrailingText.into()), // Serv-U
            2 => (format!("229 Entering Extended Passive Mode ({d}{d}{port}{d})"), Quirk::MissingDelimiter.into()), // FluentFTP#1793
            _ => (format!("229 ({d}{d}{d}{port}{d})"), Quirks::EMPTY),
        };
        let p = payload::extended_passive_port(code(229), [line.as_bytes()]).unwrap();
        prop_assert_eq!((p.value, p.quirks), (port, want));
    }

    #[test]
    fn paths_round_trip(path in prop::collection::vec(any::<u8>().prop_filter("no CR, LF, NUL", |b| !matches!(b, b'\r' | b'\n' | 0)), 0..40), comment in prop::collection::vec(any::<u8>().prop_filter("no LF", |&b| b != b'\n'), 0..20)) {
        // RFC 959 Appendix II: quote the path, double each '"'.
        let mut line = b"257 \"".to_vec();
        for &b in &path {
            line.push(b);
            if b == b'"' {
                line.push(b'"');
            }
        }
        line.push(b'"');
        line.push(b' ');
        line.extend(&comment);
        let p = payload::pathname(code(257), [&line[..]]).unwrap();
        prop_assert_eq!(p.value.bytes().collect::<Vec<_>>(), path.clone());
        prop_assert_eq!(p.value.len(), path.len());
        prop_assert_eq!(p.value.to_string(), String::from_utf8_lossy(&path).into_owned());
        prop_assert_eq!(p.value.as_bytes().is_some(), !path.contains(&b'"'));
        prop_assert!(p.quirks.is_empty());
    }

    #[test]
    fn paths_with_control_bytes_are_refused(head in "[a-z/]{0,8}", byte in prop::sample::select(&[b'\r', 0u8][..]), tail in "[a-z/]{0,8}") {
        let mut line = format!("257 \"{head}").into_bytes();
        line.push(byte);
        line.extend(format!("{tail}\" is current").bytes());
        let e = payload::pathname(code(257), [&line[..]]).unwrap_err();
        prop_assert_eq!(e.kind(), ftp_reply::payload::PayloadErrorKind::ControlInPath { byte });
        prop_assert_eq!(e.offset(), 5 + head.len());
    }

    #[test]
    fn times_round_trip(t in timestamp(), digits in 0usize..=9) {
        let mut tv = format!("{:04}{:02}{:02}{:02}{:02}{:02}", t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second());
        // Servers send 0 to 9 digits of fraction (RFC 3659 §2.3 allows any).
        let frac = format!("{:09}", t.nanosecond());
        if digits > 0 {
            tv.push('.');
            tv.push_str(&frac[..digits]);
        }
        let line = format!("213 {tv}");
        let p = payload::modification_time(code(213), [line.as_bytes()]).unwrap();
        let scale = 10u32.pow(9 - digits as u32);
        let want = Timestamp::new(t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second(), t.nanosecond() / scale * scale).unwrap();
        prop_assert_eq!((p.value, p.quirks), (want, Quirks::EMPTY));
    }

    #[test]
    fn unix_seconds_follow_the_order(a in timestamp(), b in timestamp()) {
        // Fields compare in chronological order; seconds must agree (a leap
        // second equals the next minute's second 0).
        if a <= b {
            prop_assert!(a.unix_seconds() <= b.unix_seconds());
        }
        let day = Timestamp::new(a.year(), a.month(), a.day(), 0, 0, 0, 0).unwrap();
        prop_assert_eq!(day.unix_seconds().rem_euclid(86_400), 0);
    }

    #[test]
    fn sizes_round_trip(n in any::<u64>()) {
        let line = format!("213 {n}");
        prop_assert_eq!(payload::size(code(213), [line.as_bytes()]).unwrap().strict(), Ok(n));
    }

    #[test]
    fn feature_lists_round_trip(
        features in prop::collection::vec(("[A-Z]{3,5}", prop::option::of("[a-zA-Z*;. ]{1,12}")), 0..8),
        proftpd in any::<bool>(),
    ) {
        let mut lines = vec!["211-Features:".to_string()];
        for (name, params) in &features {
            let prefix = if proftpd { "211-" } else { " " };
            lines.push(match params {
                Some(p) if !p.trim().is_empty() => format!("{prefix}{name} {}", p.trim()),
                _ => format!("{prefix}{name}"),
            });
        }
        lines.push("211 End".into());
        let p = payload::features(code(211), lines.iter().map(|l| l.as_bytes())).unwrap();
        let got: Vec<String> = p.value.iter().map(|f| f.to_string()).collect();
        let want: Vec<String> = lines[1..lines.len() - 1].iter().map(|l| l.strip_prefix("211-").unwrap_or(l).trim().to_string()).collect();
        prop_assert_eq!(got, want);
        for (name, _) in &features {
            prop_assert!(p.value.has(&name.to_lowercase()));
        }
        let q = if proftpd && !features.is_empty() { Quirks::from(Quirk::RepeatedCodePrefix) } else { Quirks::EMPTY };
        prop_assert_eq!(p.quirks, q);
    }

    #[test]
    fn mlsd_entries_round_trip(facts in prop::collection::vec((token(), prop::collection::vec(any::<u8>().prop_filter("value", |b| !matches!(b, b';' | b' ' | b'\r' | b'\n')), 0..12)), 1..6), path in prop::collection::vec(any::<u8>().prop_filter("no CR, LF", |b| !matches!(b, b'\r' | b'\n')), 1..30)) {
        let mut line = Vec::new();
        for (name, value) in &facts {
            line.extend(name);
            line.push(b'=');
            line.extend(value);
            line.push(b';');
        }
        line.push(b' ');
        line.extend(&path);
        line.extend(b"\r\n");
        let e = MlstEntry::parse(&line).unwrap();
        prop_assert!(e.quirks.is_empty());
        prop_assert_eq!(e.value.path(), &path[..]);
        let got: Vec<(Vec<u8>, Vec<u8>)> = e.value.facts().map(|f| (f.name.to_vec(), f.value.to_vec())).collect();
        prop_assert_eq!(got, facts);
    }
}
