//! Plain transcripts, as RFCs, tickets and this crate's own recordings
//! (`tests/data/servers/`) write them: `C: ` / `S: ` prefixes, or `> ` /
//! `< ` (or `-> ` / `<- `); `--- connection closed ---` between connections.
//! Lines starting with `#` are comments.

use super::{Kind, Parsed};

pub(crate) fn parse(line: &str) -> Option<Parsed<'_>> {
    for (p, kind) in [
        ("C: ", Kind::Command),
        ("S: ", Kind::Reply),
        ("> ", Kind::Command),
        ("< ", Kind::Reply),
        ("-> ", Kind::Command),
        ("<- ", Kind::Reply),
    ] {
        if let Some(t) = line.strip_prefix(p) {
            return Some(Parsed::new(kind, t));
        }
    }
    match line {
        "S:" | "<" => Some(Parsed::new(Kind::Reply, "")),
        "--- connection closed ---" => Some(Parsed::new(Kind::Close, "")),
        _ if line.starts_with('#') => Some(Parsed::new(Kind::Skip, line)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        assert_eq!(parse("C: USER x").unwrap().kind, Kind::Command);
        let p = parse("S:  EPRT").unwrap();
        assert_eq!((p.kind, &*p.text), (Kind::Reply, " EPRT"));
        assert_eq!(
            parse("--- connection closed ---").unwrap().kind,
            Kind::Close
        );
        assert!(parse("USER x").is_none());
    }
}
