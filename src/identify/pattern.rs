//! The fingerprint pattern language: whole-text, case-sensitive matching with
//! three placeholders, and the capture of a version number.
//!
//! - `{*}` matches any text, possibly empty;
//! - `{n}` matches one or more ASCII digits (possessive: it never gives
//!   digits back);
//! - `{v}` matches a version number: an ASCII digit followed by ASCII
//!   letters, digits and `.`, `-`, `+`, `_`, `~` (possessive), and captures it;
//! - `{{` is a literal `{`; everything else is literal and compared byte for
//!   byte, case included: the exact wording *is* the fingerprint (`211 END`
//!   is libunftp's, `211 End` is not).
//!
//! Matching allocates nothing and takes time proportional to the text length
//! times the pattern length (the classic wildcard algorithm, backtracking
//! only at the last `{*}` seen).

/// One token of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'p> {
    Lit(&'p [u8]),
    Any,
    Digits,
    Version,
}

/// Splits the next token off `pat`; `None` at the end.
fn next_tok(pat: &[u8]) -> Option<(Tok<'_>, &[u8])> {
    match pat {
        [] => None,
        [b'{', b'*', b'}', rest @ ..] => Some((Tok::Any, rest)),
        [b'{', b'n', b'}', rest @ ..] => Some((Tok::Digits, rest)),
        [b'{', b'v', b'}', rest @ ..] => Some((Tok::Version, rest)),
        [b'{', b'{', rest @ ..] => Some((Tok::Lit(b"{"), rest)),
        _ => {
            // A literal runs up to the next `{` (a lone `{` is literal).
            let end = pat
                .iter()
                .skip(1)
                .position(|&b| b == b'{')
                .map_or(pat.len(), |i| i + 1);
            Some((Tok::Lit(&pat[..end]), &pat[end..]))
        }
    }
}

const fn is_version_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+' | b'_' | b'~')
}

/// A successful match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Matched {
    /// The byte range of the last `{v}` capture (`None` when the pattern has none).
    pub(crate) version: Option<(usize, usize)>,
}

/// A quick test before [`matches`]: a pattern that starts (ends) with a
/// literal byte needs a text that starts (ends) with that byte. `false` means
/// [`matches`] would fail; `true` means nothing.
pub(crate) fn ends_agree(pattern: &str, text: &[u8]) -> bool {
    let p = pattern.as_bytes();
    let head = match p.first() {
        None => return text.is_empty(),
        Some(b'{') => true,
        Some(b) => text.first() == Some(b),
    };
    head && match p.last() {
        Some(b'}') | None => true,
        Some(b) => text.last() == Some(b),
    }
}

/// Matches `text` against `pattern` as a whole.
pub(crate) fn matches(pattern: &str, text: &[u8]) -> Option<Matched> {
    let pat = pattern.as_bytes();
    // (pattern rest, text index) to resume from after the last `{*}`.
    let mut star: Option<(&[u8], usize)> = None;
    let mut capture = None;
    let (mut p, mut si) = (pat, 0usize);
    loop {
        let step = match next_tok(p) {
            None if si == text.len() => return Some(Matched { version: capture }),
            None => None,
            Some((Tok::Any, rest)) => {
                star = Some((rest, si));
                p = rest;
                continue;
            }
            Some((Tok::Lit(lit), rest)) => text
                .get(si..si + lit.len())
                .filter(|t| *t == lit)
                .map(|_| (rest, si + lit.len())),
            Some((Tok::Digits, rest)) => {
                let n = text[si..].iter().take_while(|b| b.is_ascii_digit()).count();
                (n > 0).then_some((rest, si + n))
            }
            Some((Tok::Version, rest)) => {
                let first_digit = text.get(si).is_some_and(u8::is_ascii_digit);
                let n = text[si..]
                    .iter()
                    .take_while(|&&b| is_version_byte(b))
                    .count();
                if first_digit {
                    capture = Some((si, si + n));
                    Some((rest, si + n))
                } else {
                    None
                }
            }
        };
        match (step, star) {
            (Some((rest, next)), _) => {
                p = rest;
                si = next;
            }
            (None, Some((after, from))) if from < text.len() => {
                star = Some((after, from + 1));
                p = after;
                si = from + 1;
            }
            (None, _) => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::matches;

    /// `None`: no match; `Some("")`: a match without a version.
    fn cap<'t>(pattern: &str, text: &'t str) -> Option<&'t str> {
        matches(pattern, text.as_bytes()).map(|m| m.version.map_or("", |(a, b)| &text[a..b]))
    }

    #[test]
    fn literals_are_whole_and_case_sensitive() {
        assert_eq!(cap("End FEAT.", "End FEAT."), Some(""));
        assert_eq!(cap("End FEAT.", "End FEAT"), None);
        assert_eq!(cap("End FEAT.", "end feat."), None);
        assert_eq!(cap("END", "End"), None);
        assert_eq!(cap("", ""), Some(""));
        assert_eq!(cap("", "x"), None);
    }

    #[test]
    fn placeholders() {
        assert_eq!(
            cap("Password required for {*}", "Password required for bob"),
            Some("")
        );
        assert_eq!(
            cap("Password required for {*}", "Password required for "),
            Some("")
        );
        assert_eq!(cap("{n} matches total", "12 matches total"), Some(""));
        assert_eq!(cap("{n} matches total", "x matches total"), None);
        assert_eq!(cap("{*}a{*}b", "xxaxxb"), Some(""));
        assert_eq!(cap("{{x}", "{x}"), Some(""));
        assert_eq!(cap("a{b", "a{b"), Some(""));
    }

    #[test]
    fn versions_are_captured() {
        assert_eq!(
            cap(
                "vsFTPd {v} - secure, fast, stable",
                "vsFTPd 3.0.3 - secure, fast, stable"
            ),
            Some("3.0.3")
        );
        assert_eq!(
            cap("Powered by libunftp: {v}", "Powered by libunftp: 0.24.0"),
            Some("0.24.0")
        );
        assert_eq!(cap("({*}FTPd {v})", "(vsFTPd 3.0.5)"), Some("3.0.5"));
        assert_eq!(
            cap(
                "name=ProFTPD;version={v};{*}",
                "name=ProFTPD;version=1.3.8rc4;casesensitive=1;"
            ),
            Some("1.3.8rc4")
        );
        assert_eq!(cap("x {v}", "x beta"), None);
        assert_eq!(cap("x {v}", "x "), None);
    }

    /// The quick test never rejects a text that matches.
    #[test]
    fn ends_agree_with_matches() {
        use super::ends_agree;
        let patterns = [
            "",
            "x",
            "{*}",
            "{*} not understood",
            "End FEAT.",
            "{n} matches total",
            "\"{*}\" - Directory successfully created",
            "a{b",
            "{{x}",
            "x}",
            "{v}",
        ];
        let texts = [
            "",
            "x",
            "XYZZY not understood",
            "End FEAT.",
            "12 matches total",
            "\"/d\" - Directory successfully created",
            "a{b",
            "{x}",
            "x}",
            "3.0.5",
            "end feat.",
            " not understood",
        ];
        for p in patterns {
            for t in texts {
                if matches(p, t.as_bytes()).is_some() {
                    assert!(ends_agree(p, t.as_bytes()), "{p:?} {t:?}");
                }
            }
        }
        assert!(!ends_agree("{*} not understood", b"not understood here"));
        assert!(!ends_agree("End FEAT.", b"end FEAT."));
    }

    #[test]
    fn never_panics_on_odd_patterns() {
        for p in ["{", "{*", "{n", "{v", "}", "{*}{*}", "{v}{v}", "{n}{n}"] {
            for t in ["", "{", "1", "1.2", "abc", "\u{e9}"] {
                let _ = matches(p, t.as_bytes());
            }
        }
    }
}
