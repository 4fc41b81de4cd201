//! The languages that the knowledge base is written in.

/// A language of the knowledge base's human-readable text.
///
/// Every title, description, hint and rendered page exists in each language.
/// Parsing is case-insensitive and accepts the ISO 639-1 code or the
/// language's own name.
///
/// # Example
///
/// ```
/// use ftp_reply::Lang;
///
/// let lang: Lang = "fr".parse().unwrap();
/// assert_eq!(lang, Lang::Fr);
/// assert_eq!(lang.to_string(), "fr");
/// assert_eq!(Lang::default(), Lang::En);
/// assert!("de".parse::<Lang>().is_err());
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::EnumCount,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Lang {
    /// English (the default).
    #[default]
    #[strum(to_string = "en", serialize = "english")]
    En,
    /// French.
    #[strum(to_string = "fr", serialize = "french", serialize = "français")]
    Fr,
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
/// assert_eq!(title.get(Lang::En), "Service Not Available");
/// assert_eq!(title.get(Lang::Fr), info.title(Lang::Fr));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Text {
    pub(crate) en: &'static str,
    pub(crate) fr: &'static str,
}

impl Text {
    /// The text in `lang`.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// let text = ReplyCode::COMMAND_OK.info().unwrap().title_text();
    /// assert_eq!(text.get(Lang::En), "Command OK");
    /// ```
    #[must_use]
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }
}
