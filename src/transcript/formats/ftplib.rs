//! Python ftplib debug output (`FTP.set_debuglevel(1)` or `2`).
//!
//! Checked against `CPython`'s `Lib/ftplib.py` (3.11, run here too): `putcmd`
//! prints `*cmd*` and `getresp` prints `*resp*`, each followed by
//! `repr()` of the line (`sanitize` masks the password of `PASS` with
//! `*`); a multi-line reply is one `*resp*` whose lines are joined by `\n`.
//! Level 2 adds `*put*` and `*get*`, the raw lines, which are skipped here
//! (they repeat the others); `*welcome*` repeats the greeting.

use alloc::borrow::Cow;
use alloc::string::String;

use super::{Kind, Parsed};

pub(crate) fn parse(line: &str) -> Option<Parsed<'_>> {
    let (kind, rest) = if let Some(r) = line.strip_prefix("*cmd* ") {
        (Kind::Command, r)
    } else if let Some(r) = line.strip_prefix("*resp* ") {
        (Kind::Reply, r)
    } else if let Some(r) = line
        .strip_prefix("*put* ")
        .or_else(|| line.strip_prefix("*get* "))
        .or_else(|| line.strip_prefix("*welcome* "))
    {
        (Kind::Skip, r)
    } else {
        return None;
    };
    let text = unrepr(rest)?;
    let mut p = Parsed::new(kind, "");
    p.text = text;
    Some(p)
}

/// Decodes a Python `repr()` of a `str`: `'...'` or `"..."` with `\\`,
/// `\'`, `\"`, `\n`, `\r`, `\t`, `\xNN`, `\uNNNN` and `\UNNNNNNNN` escapes.
pub(crate) fn unrepr(s: &str) -> Option<Cow<'_, str>> {
    let q = s.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let body = s.strip_prefix(q)?.strip_suffix(q)?;
    if !body.contains('\\') {
        return Some(Cow::Borrowed(body));
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let e = chars.next()?;
        let hex = |n: usize, chars: &mut core::str::Chars<'_>| -> Option<char> {
            let mut v = 0u32;
            for _ in 0..n {
                v = v * 16 + chars.next()?.to_digit(16)?;
            }
            char::from_u32(v).or(Some(char::REPLACEMENT_CHARACTER))
        };
        out.push(match e {
            '\\' | '\'' | '"' => e,
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'x' => hex(2, &mut chars)?,
            'u' => hex(4, &mut chars)?,
            'U' => hex(8, &mut chars)?,
            _ => return None,
        });
    }
    Some(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_decoding() {
        assert_eq!(unrepr("'abc'").unwrap(), "abc");
        assert_eq!(
            unrepr(r"'211-a\n b\n211 End'").unwrap(),
            "211-a\n b\n211 End"
        );
        assert_eq!(unrepr(r#""it's""#).unwrap(), "it's");
        assert_eq!(unrepr(r"'caf\xe9 \u20ac \\ \''").unwrap(), "café € \\ '");
        assert!(unrepr("'abc").is_none());
        assert!(unrepr(r"'\q'").is_none());
        assert!(unrepr(r"'\x4'").is_none());
    }

    #[test]
    fn lines() {
        let p = parse("*cmd* 'PASS ********'").unwrap();
        assert_eq!((p.kind, &*p.text), (Kind::Command, "PASS ********"));
        assert_eq!(parse("*get* '220 x\\n'").unwrap().kind, Kind::Skip);
        assert!(parse("*resp* 220 x").is_none());
    }
}
