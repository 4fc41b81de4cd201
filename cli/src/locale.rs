//! The default `--lang`, from the POSIX locale variables.

use ftp_reply::Lang;

/// The language of the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
/// set and not empty (POSIX precedence), through the library's
/// [`Lang::from_locale`]; English when none is set.
pub fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.is_empty()))
        .map_or_else(Lang::default, |value| Lang::from_locale(&value))
}
