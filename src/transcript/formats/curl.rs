//! `curl -v` output.
//!
//! Checked by running Debian 12's curl 7.88.1 here against pyftpdlib: `* `
//! lines are curl's own information, `> ` the commands it sends (the
//! password in clear), `< ` each reply line as received; `{ [n bytes data]`
//! and `} [...]` mark data, and `curl: (N) ...` is the final error.

use super::{Kind, Parsed};

pub(crate) fn parse(line: &str) -> Option<Parsed<'_>> {
    if let Some(t) = line.strip_prefix("> ") {
        return Some(Parsed::new(Kind::Command, t));
    }
    if let Some(t) = line.strip_prefix("< ") {
        return Some(Parsed::new(Kind::Reply, t));
    }
    if let Some(t) = line.strip_prefix("* ") {
        let t = t.trim_start();
        // "Connected to" also follows a data connection (curl 7.88 names
        // the control connection there), so only the close is a boundary.
        let kind = if t.starts_with("Closing connection") {
            Kind::Close
        } else {
            Kind::Info
        };
        return Some(Parsed::new(kind, t));
    }
    if line.starts_with("curl: (") {
        return Some(Parsed::new(Kind::Error, line));
    }
    if line.starts_with("{ [") || line.starts_with("} [") {
        return Some(Parsed::new(Kind::Skip, line));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        assert_eq!(parse("> USER bob").unwrap().kind, Kind::Command);
        assert_eq!(parse("< 220 hi").unwrap().kind, Kind::Reply);
        assert_eq!(
            parse("* Connected to 127.0.0.1 (127.0.0.1) port 2121 (#0)")
                .unwrap()
                .kind,
            Kind::Info
        );
        assert_eq!(parse("* Closing connection 0").unwrap().kind, Kind::Close);
        assert_eq!(
            parse("curl: (67) Access denied: 530").unwrap().kind,
            Kind::Error
        );
        assert!(parse("-rw-r--r-- 1 x").is_none());
    }
}
