//! vsftpd's log with `log_ftp_protocol=YES` (and `xferlog_std_format=NO`).
//!
//! Checked by running Debian 12's vsftpd 3.0.3-13+b2 here (its
//! `logging.c` writes `vsf_sysutil_get_current_date()`, ` [pid N] `, the
//! user in brackets once logged in, then the entry): `CONNECT: Client
//! "ip"`, `FTP command: Client "ip", "text"`, `FTP response: Client "ip",
//! "text"`, `OK LOGIN`, `FAIL DOWNLOAD`... Unprintable bytes become `?`, so
//! the continuation lines of a multi-line reply, logged with their CRLF,
//! end in `??`. After login the session goes on in another process: its
//! pid changes (privilege separation).

use super::{Kind, Parsed};
use crate::transcript::Timestamp;
use crate::transcript::time::month;

pub(crate) fn parse(line: &str) -> Option<Parsed<'_>> {
    // "Tue Dec  1 21:47:18 2026 [pid 15396] ..."
    let open = line.find(" [pid ")?;
    let time = date(&line[..open]);
    let rest = &line[open + 6..];
    let (pid, rest) = rest.split_once("] ")?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let session = &line[open + 6..open + 6 + pid.len()];
    // Optional "[user] ".
    let rest = match rest.strip_prefix('[') {
        Some(r) => r.split_once("] ").map_or(rest, |(_, r)| r),
        None => rest,
    };
    let p = if let Some(r) = rest.strip_prefix("FTP command: ") {
        Parsed::new(Kind::Command, quoted(r)?)
    } else if let Some(r) = rest.strip_prefix("FTP response: ") {
        let t = quoted(r)?;
        Parsed::new(Kind::Reply, t.strip_suffix("??").unwrap_or(t))
    } else if rest.starts_with("CONNECT: ") {
        Parsed::new(Kind::Open, rest)
    } else if rest.starts_with("FAIL ") {
        Parsed::new(Kind::Info, rest)
    } else {
        Parsed::new(Kind::Skip, rest)
    };
    Some(p.at(time).session(session))
}

/// The second quoted field of `Client "ip", "text"`: everything after `", "`
/// up to the last `"` (the text itself may hold quotes).
fn quoted(r: &str) -> Option<&str> {
    let r = r.strip_prefix("Client \"")?;
    let (_, text) = r.split_once("\", \"")?;
    text.strip_suffix('"')
}

/// `Tue Dec  1 21:47:18 2026` (the C library's `%a %b %e %H:%M:%S %Y`).
fn date(s: &str) -> Option<Timestamp> {
    let mut it = s.split_ascii_whitespace();
    let _weekday = it.next()?;
    let m = month(it.next()?)?;
    let d: u32 = it.next()?.parse().ok()?;
    let clock = it.next()?;
    let y: u32 = it.next()?.parse().ok()?;
    Timestamp::from_parts(y, m, d, clock)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn lines() {
        let p = parse(r#"Tue Dec  1 21:47:18 2026 [pid 15397] [ftp] FTP response: Client "127.0.0.1", " EPRT??""#).unwrap();
        assert_eq!(
            (p.kind, &*p.text, p.session),
            (Kind::Reply, " EPRT", Some("15397"))
        );
        assert_eq!(p.time.unwrap().to_string(), "2026-12-01 21:47:18");
        let p = parse(r#"Tue Dec  1 21:47:18 2026 [pid 15400] [ftp] FTP response: Client "127.0.0.1", "257 "/" is the current directory""#).unwrap();
        assert_eq!(&*p.text, r#"257 "/" is the current directory"#);
        let p = parse(r#"Tue Dec  1 21:47:18 2026 [pid 15396] FTP command: Client "127.0.0.1", "USER anonymous""#).unwrap();
        assert_eq!((p.kind, &*p.text), (Kind::Command, "USER anonymous"));
        assert_eq!(
            parse(r#"Tue Dec  1 21:47:18 2026 [pid 1] CONNECT: Client "127.0.0.1""#)
                .unwrap()
                .kind,
            Kind::Open
        );
        assert!(parse("C: USER x").is_none());
    }
}
