//! The default `--lang`, from the POSIX locale variables.
//!
//! TEMPORARY: `locale_lang` below stands in for the library's
//! `Lang::from_locale` (issue 14, branch `lang`, being written at the same
//! time). At merge, replace its body by that call and delete the tests.

use ftp_reply::Lang;

/// The language of the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
/// set and not empty (POSIX precedence), or English.
pub fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.is_empty()))
        .map_or(Lang::En, |value| locale_lang(&value))
}

/// TEMPORARY fallback for `Lang::from_locale` (see the module docs): the
/// language part of a POSIX locale (`fr_FR.UTF-8` → French), English for
/// `C`, `POSIX` and anything unknown.
fn locale_lang(locale: &str) -> Lang {
    let language = locale
        .split(['_', '.', '@', '-'])
        .next()
        .unwrap_or_default();
    language.parse().unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_locales() {
        assert_eq!(locale_lang("fr_FR.UTF-8"), Lang::Fr);
        assert_eq!(locale_lang("fr"), Lang::Fr);
        assert_eq!(locale_lang("fr_CA@euro"), Lang::Fr);
        assert_eq!(locale_lang("en_US.UTF-8"), Lang::En);
        assert_eq!(locale_lang("C"), Lang::En);
        assert_eq!(locale_lang("POSIX"), Lang::En);
        assert_eq!(locale_lang("xx_YY"), Lang::En);
        assert_eq!(locale_lang(""), Lang::En);
    }
}
