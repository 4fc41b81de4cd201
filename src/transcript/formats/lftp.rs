//! `lftp -d` debug output.
//!
//! Checked by running Debian 12's lftp 4.9.2 here against pyftpdlib:
//! `---> ` commands (the password in clear), `<--- ` each reply line,
//! `---- ` lftp's own messages, `**** ` its errors; other lines (listings,
//! `get: ...` messages) are the user-facing output.

use super::{Kind, Parsed};

pub(crate) fn parse(line: &str) -> Option<Parsed<'_>> {
    if let Some(t) = line.strip_prefix("---> ") {
        return Some(Parsed::new(Kind::Command, t));
    }
    if let Some(t) = line.strip_prefix("<--- ") {
        return Some(Parsed::new(Kind::Reply, t));
    }
    if line == "<---" {
        return Some(Parsed::new(Kind::Reply, ""));
    }
    if let Some(t) = line.strip_prefix("---- ") {
        let kind = if t.starts_with("Connecting to ") {
            Kind::Open
        } else if t.starts_with("Closing control socket") {
            Kind::Close
        } else {
            Kind::Info
        };
        return Some(Parsed::new(kind, t));
    }
    if let Some(t) = line.strip_prefix("**** ") {
        return Some(Parsed::new(Kind::Error, t));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        assert_eq!(parse("---> FEAT").unwrap().kind, Kind::Command);
        let p = parse("<---  EPRT").unwrap();
        assert_eq!((p.kind, &*p.text), (Kind::Reply, " EPRT"));
        assert_eq!(
            parse("---- Connecting to 127.0.0.1 (127.0.0.1) port 2121")
                .unwrap()
                .kind,
            Kind::Open
        );
        assert!(parse("get: Access failed").is_none());
    }
}
