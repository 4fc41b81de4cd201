//! Choosing a [`Lang`] from what a system or a client says it prefers: a
//! POSIX locale (`fr_FR.UTF-8`), a BCP 47 tag (`pt-BR`) or an HTTP
//! `Accept-Language` list (RFC 9110 §12.5.4). Nothing here panics or
//! allocates; anything unreadable falls back to English.

use super::Lang;

impl Lang {
    /// The language of a BCP 47 tag or POSIX locale, by its primary subtag
    /// (`fr-CA`, `fr_FR.UTF-8`, `es`), or `None` when the crate has no text in
    /// that language or the tag is not readable.
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::default()));
    /// assert_eq!(Lang::from_tag("tlh"), None);
    /// assert_eq!(Lang::from_tag("C"), None);
    /// assert_eq!(Lang::from_tag(""), None);
    /// ```
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Lang> {
        // POSIX: language[_territory][.codeset][@modifier]; BCP 47: language[-...].
        let tag = tag.trim();
        let base = tag.split(['.', '@']).next().unwrap_or_default();
        let primary = base.split(['_', '-']).next().unwrap_or_default();
        if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The language of a POSIX locale such as the value of `LC_ALL`,
    /// `LC_MESSAGES` or `LANG` (`fr_FR.UTF-8`, `es_MX`, `de_DE@euro`), or of
    /// a BCP 47 tag (`pt-BR`). `C`, `POSIX`, an empty string, a language the
    /// crate has no text in and anything unreadable give English.
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// assert_eq!(Lang::from_locale("fr_FR.UTF-8").code(), "fr");
    /// assert_eq!(Lang::from_locale("C.UTF-8"), Lang::default());
    /// assert_eq!(Lang::from_locale("POSIX"), Lang::default());
    /// assert_eq!(Lang::from_locale("pt-BR"), Lang::default());
    /// ```
    #[must_use]
    pub fn from_locale(locale: &str) -> Lang {
        Lang::from_tag(locale).unwrap_or_default()
    }

    /// The preferred language of an HTTP `Accept-Language` value (RFC 9110
    /// §12.5.4), such as `de-CH, fr;q=0.8, en;q=0.5`: the language with the
    /// highest quality among those the crate has text in, the first listed
    /// on a tie. `*` stands for English. An item with a malformed quality
    /// value is ignored, `q=0` means "not this one", and a header from which
    /// nothing can be chosen gives English.
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// assert_eq!(Lang::negotiate("de-CH, fr;q=0.8, en;q=0.5").code(), "fr");
    /// assert_eq!(Lang::negotiate("fr;q=0.4, en;q=0.9").code(), "en");
    /// assert_eq!(Lang::negotiate("de, ja"), Lang::default());
    /// assert_eq!(Lang::negotiate(";;q=,fr;q=x"), Lang::default());
    /// ```
    #[must_use]
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut best: Option<(u16, Lang)> = None;
        for item in accept_language.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let mut q = Some(1000);
            for p in parts {
                let p = p.trim();
                if let Some(v) = p.strip_prefix("q=").or_else(|| p.strip_prefix("Q=")) {
                    q = qvalue(v.trim());
                }
            }
            let Some(q) = q else { continue };
            if q == 0 {
                continue;
            }
            let lang = if tag == "*" {
                Some(Lang::default())
            } else {
                Lang::from_tag(tag)
            };
            if let Some(lang) = lang {
                if best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, lang));
                }
            }
        }
        best.map(|(_, l)| l).unwrap_or_default()
    }
}

/// An RFC 9110 qvalue (`0`, `0.5`, `1.000`) in thousandths, or `None`.
fn qvalue(v: &str) -> Option<u16> {
    let (int, frac) = match v.split_once('.') {
        Some((i, f)) => (i, f),
        None => (v, ""),
    };
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, b) in frac.bytes().enumerate() {
        thousandths += u16::from(b - b'0') * [100, 10, 1][i];
    }
    match int {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> Lang {
        "fr".parse().unwrap()
    }

    #[test]
    fn posix_locales() {
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), fr());
        assert_eq!(Lang::from_locale("fr_CA"), fr());
        assert_eq!(Lang::from_locale("fr.ISO8859-1"), fr());
        assert_eq!(Lang::from_locale("fr_BE@euro"), fr());
        assert_eq!(Lang::from_locale(" fr "), fr());
        for fallback in [
            "C",
            "POSIX",
            "C.UTF-8",
            "",
            "en_US.UTF-8",
            "xx_YY",
            "_FR",
            "f",
            "français",
            "123",
        ] {
            assert_eq!(Lang::from_locale(fallback), Lang::default(), "{fallback:?}");
        }
        // es_MX is Spanish once Spanish is a language, English until then.
        assert_eq!(
            Lang::from_locale("es_MX"),
            Lang::from_tag("es").unwrap_or_default()
        );
    }

    #[test]
    fn bcp47_tags() {
        assert_eq!(Lang::from_tag("fr-CA"), Some(fr()));
        assert_eq!(Lang::from_tag("FR"), Some(fr()));
        assert_eq!(Lang::from_tag("pt-BR"), None);
        assert_eq!(Lang::from_tag("zh-Hant-TW"), None);
        assert_eq!(Lang::from_tag("-fr"), None);
        assert_eq!(Lang::from_tag("fr\u{e9}"), None);
    }

    #[test]
    fn accept_language() {
        assert_eq!(Lang::negotiate("de-CH, fr;q=0.8, en;q=0.5"), fr());
        assert_eq!(Lang::negotiate("en;q=0.5, fr;q=0.8"), fr());
        assert_eq!(
            Lang::negotiate("fr;q=0.5, en;q=0.5"),
            fr(),
            "first on a tie"
        );
        assert_eq!(Lang::negotiate("fr;q=0, en"), Lang::default());
        assert_eq!(Lang::negotiate("en;q=0, fr;q=0.001"), fr());
        assert_eq!(Lang::negotiate("*"), Lang::default());
        assert_eq!(Lang::negotiate("de, *;q=0.1, fr;q=0.2"), fr());
        assert_eq!(Lang::negotiate("fr ; q = 1 "), fr());
        assert_eq!(Lang::negotiate("FR;Q=1.000"), fr());
    }

    #[test]
    fn malformed_accept_language_falls_back() {
        for h in [
            "",
            ",",
            ";;;",
            "fr;q=",
            "fr;q=1.5",
            "fr;q=2",
            "fr;q=0.1234",
            "fr;q=-1",
            "fr;q=abc",
            "fr;q=.5",
            "fr;q=0.5.5",
            "q=0.8",
            "\u{0}\u{ff}",
            "de-CH;q=0.9, ja",
            "fr;q=1.0001",
        ] {
            assert_eq!(Lang::negotiate(h), Lang::default(), "{h:?}");
        }
        // A malformed item does not hide a good one.
        assert_eq!(Lang::negotiate("en;q=x, fr;q=0.3"), fr());
        #[cfg(feature = "std")]
        assert_eq!(Lang::negotiate(&"fr;q=0.1,".repeat(10_000)), fr());
    }

    #[test]
    fn qvalues() {
        assert_eq!(qvalue("0"), Some(0));
        assert_eq!(qvalue("0.5"), Some(500));
        assert_eq!(qvalue("0.125"), Some(125));
        assert_eq!(qvalue("1"), Some(1000));
        assert_eq!(qvalue("1."), Some(1000));
        assert_eq!(qvalue("1.001"), None);
        assert_eq!(qvalue(""), None);
    }
}
