//! The languages that the knowledge base is written in, and the phrase tables
//! generated from `src/kb/data/ui.<lang>.toml`.
//!
//! Nothing here knows a particular language: `Lang`, its names and every
//! phrase come from the data files (see `TRANSLATING.md`).

use core::fmt;

mod negotiate;
pub(crate) mod template;

use template::Piece;
#[cfg(feature = "alloc")]
pub(crate) use template::Values;
pub(crate) use template::{Field, Fill, List, Subject, Template};

/// What the build knows about a language (from `[lang]` of its `ui.<lang>.toml`).
pub(crate) struct Meta {
    code: &'static str,
    name: &'static str,
    english_name: &'static str,
    aliases: &'static [&'static str],
}

mod generated {
    #![allow(clippy::unreadable_literal, clippy::doc_markdown)]
    // The `transcript.*` phrases are read by the transcript module only.
    #![cfg_attr(not(feature = "alloc"), allow(dead_code))]
    use super::{Field, Meta, Piece, Subject, Template};
    include!(concat!(env!("OUT_DIR"), "/lang.rs"));
}

pub use generated::Lang;
pub(crate) use generated::Phrases;

impl Lang {
    /// The position of this language in [`Lang::ALL`].
    const fn index(self) -> usize {
        self as usize
    }

    /// The ISO 639 code, as in the file names (`en`, `fr`...).
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// assert!(Lang::ALL.iter().all(|l| l.code().len() >= 2));
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        generated::META[self.index()].code
    }

    /// The language's name in itself (`English`, `français`...).
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// assert_eq!(Lang::default().name(), "English");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        generated::META[self.index()].name
    }

    /// The language's name in English (`French`...).
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// assert_eq!(Lang::Es.english_name(), "Spanish");
    /// assert_eq!(Lang::Es.name(), "español");
    /// ```
    #[must_use]
    pub const fn english_name(self) -> &'static str {
        generated::META[self.index()].english_name
    }

    /// Every language, English first (same as [`Lang::ALL`]).
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// assert_eq!(Lang::all().count(), Lang::COUNT);
    /// ```
    #[must_use]
    pub fn all() -> impl ExactSizeIterator<Item = Lang> + Clone {
        Lang::ALL.into_iter()
    }

    /// The language whose code or one of whose names is `name`, ignoring case.
    const fn from_name(name: &str) -> Option<Lang> {
        let mut i = 0;
        while i < Lang::COUNT {
            let m = &generated::META[i];
            if eq_ignore_case(m.code.as_bytes(), name.as_bytes())
                || eq_ignore_case(m.english_name.as_bytes(), name.as_bytes())
                || eq_ignore_case(m.name.as_bytes(), name.as_bytes())
            {
                return Some(Lang::ALL[i]);
            }
            let mut j = 0;
            while j < m.aliases.len() {
                if eq_ignore_case(m.aliases[j].as_bytes(), name.as_bytes()) {
                    return Some(Lang::ALL[i]);
                }
                j += 1;
            }
            i += 1;
        }
        None
    }

    /// This language's phrases.
    pub(crate) const fn phrases(self) -> &'static Phrases {
        &generated::PHRASES[self.index()]
    }
}

/// ASCII case-insensitive equality, usable in `const fn`.
const fn eq_ignore_case(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !a[i].eq_ignore_ascii_case(&b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

impl fmt::Display for Lang {
    /// The ISO 639 code (`en`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl core::str::FromStr for Lang {
    type Err = crate::UnknownNameError;

    /// A code (`fr`) or one of the language's names (`French`, `français`),
    /// ignoring ASCII case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_name(s).ok_or(crate::UnknownNameError::LANG)
    }
}

impl From<Lang> for &'static str {
    fn from(l: Lang) -> Self {
        l.code()
    }
}

/// A piece of text written in every [`Lang`].
///
/// # Example
///
/// ```
/// use ftp_reply::{Lang, ReplyCode};
///
/// let info = ReplyCode::SERVICE_NOT_AVAILABLE.info().unwrap();
/// let title = info.title_text();
/// assert_eq!(title.get(Lang::default()), "Service Not Available");
/// for lang in Lang::ALL {
///     assert_eq!(title.get(lang), info.title(lang));
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text(pub(crate) [&'static str; Lang::COUNT]);

impl Text {
    /// The text in `lang`.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// let text = ReplyCode::COMMAND_OK.info().unwrap().title_text();
    /// assert_eq!(text.get(Lang::default()), "Command OK");
    /// ```
    #[must_use]
    pub const fn get(&self, lang: Lang) -> &'static str {
        self.0[lang.index()]
    }
}

/// A map from language code to text: `{"en": "...", "fr": "..."}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(Lang::COUNT))?;
        for lang in Lang::ALL {
            m.serialize_entry(lang.code(), self.get(lang))?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_first_and_the_default() {
        assert_eq!(Lang::ALL[0], Lang::default());
        assert_eq!(Lang::default().code(), "en");
        for (i, l) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(l.index(), i);
            assert_eq!(l.code().parse::<Lang>(), Ok(l));
            assert_eq!(l.code().to_ascii_uppercase().parse::<Lang>(), Ok(l));
            assert_eq!(l.english_name().parse::<Lang>(), Ok(l));
        }
        assert!("".parse::<Lang>().is_err());
        assert!("e".parse::<Lang>().is_err());
    }
}
