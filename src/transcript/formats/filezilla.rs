//! FileZilla client logs.
//!
//! Checked against FileZilla 3 (`src/interface/StatusView.cpp` and
//! `src/engine/logging.cpp`, as mirrored in storj-thirdparty/FileZilla):
//!
//! - the message log, as "Copy to clipboard" gives it: an optional
//!   `HH:MM:SS` and a tab (a space on macOS) when timestamps are on, then the
//!   prefix (`Status:`, `Error:`, `Command:`, `Response:`, `Trace:`,
//!   `Listing:`) and a tab;
//! - the debug log file (`logging.cpp`, `LogToFile`): `"%s %u %u %s %s"` of
//!   the local date and time (`%Y-%m-%d %H:%M:%S`), the process id, the
//!   engine id, the prefix and the message. Each engine is one connection, so
//!   `pid engine` names the session.

use super::{Kind, Parsed};
use crate::transcript::Timestamp;

pub(crate) fn parse(line: &str) -> Option<Parsed<'_>> {
    // Debug log file: "2024-05-01 10:00:00 1234 1 Command: USER bob".
    if line.len() > 20 && line.as_bytes()[4] == b'-' {
        let time = Timestamp::parse_str(line.get(..19)?)?;
        let rest = line.get(20..)?;
        let (pid, rest) = rest.split_once(' ')?;
        let (engine, rest) = rest.split_once(' ')?;
        if !pid.bytes().all(|b| b.is_ascii_digit()) || !engine.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let session = line.get(20..20 + pid.len() + 1 + engine.len())?;
        let (kind, msg) = prefixed(rest, true)?;
        return Some(classify(kind, msg).at(Some(time)).session(session));
    }
    // Message log, with or without "HH:MM:SS\t".
    let (time, rest) = match line.get(..9) {
        Some(t) if t.as_bytes()[2] == b':' && (t.ends_with('\t') || t.ends_with(' ')) => {
            (Some(Timestamp::parse_str(&t[..8])?), &line[9..])
        }
        _ => (None, line),
    };
    let (kind, msg) = prefixed(rest, false)?;
    Some(classify(kind, msg).at(time))
}

/// The prefix's kind and the message after it.
fn prefixed(s: &str, file: bool) -> Option<(Kind, &str)> {
    // The prefixes differ in their first byte.
    let (kind, msg) = match *s.as_bytes().first()? {
        b'C' => (Kind::Command, s.strip_prefix("Command:")?),
        b'R' => (Kind::Reply, s.strip_prefix("Response:")?),
        b'S' => (Kind::Info, s.strip_prefix("Status:")?),
        b'E' => (Kind::Error, s.strip_prefix("Error:")?),
        b'T' => (Kind::Skip, s.strip_prefix("Trace:")?),
        b'L' => (Kind::Skip, s.strip_prefix("Listing:")?),
        _ => return None,
    };
    let msg = if file {
        msg.strip_prefix(' ')?
    } else if let Some(m) = msg.strip_prefix('\t') {
        m
    } else {
        // Pasted with the tab turned into spaces (or macOS padding).
        let m = msg.trim_start_matches(' ');
        if m.len() == msg.len() {
            return None;
        }
        m.strip_prefix('\t').unwrap_or(m)
    };
    Some((kind, msg))
}

fn classify(kind: Kind, msg: &str) -> Parsed<'_> {
    let kind = match kind {
        Kind::Info if msg.starts_with("Connecting to ") => Kind::Open,
        Kind::Info if msg.starts_with("Disconnected from server") => Kind::Close,
        k => k,
    };
    Parsed::new(kind, msg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn message_log_and_file() {
        let p = parse("Command:\tUSER bob").unwrap();
        assert_eq!((p.kind, &*p.text), (Kind::Command, "USER bob"));
        let p = parse("10:00:01\tResponse:\t211- EPRT").unwrap();
        assert_eq!((p.kind, &*p.text), (Kind::Reply, "211- EPRT"));
        assert_eq!(p.time.unwrap().to_string(), "10:00:01");
        let p = parse("Response:\t EPRT").unwrap();
        assert_eq!(&*p.text, " EPRT");
        let p = parse("2024-05-01 10:00:00 4242 3 Response: 230 OK").unwrap();
        assert_eq!(
            (p.kind, &*p.text, p.session),
            (Kind::Reply, "230 OK", Some("4242 3"))
        );
        let p = parse("Status:      Connecting to 192.0.2.1:21...").unwrap();
        assert_eq!(p.kind, Kind::Open);
        assert!(parse("> USER bob").is_none());
        assert!(parse("Commandx: x").is_none());
        assert!(parse("2024-05-01 10:00:00 x 3 Response: 230 OK").is_none());
    }
}
