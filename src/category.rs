//! What the first and second digits of a reply code mean (RFC 959 §4.2, RFC 2228 §5.2).

use crate::Lang;

/// The category of a reply, given by its first digit.
///
/// RFC 959 §4.2 defines the values 1 to 5; RFC 2228 §5.2 adds 6 for protected
/// replies, which wrap another reply after a security exchange.
///
/// `Display` and `FromStr` use the English names of RFC 959 ("Positive
/// Preliminary"); [`Category::name`] gives the name in any [`Lang`].
///
/// # Example
///
/// ```
/// use ftp_reply::{Category, ReplyCode};
///
/// let code = ReplyCode::parse_str("421 Service not available").unwrap();
/// assert_eq!(code.category(), Category::TransientNegativeCompletion);
/// assert_eq!(code.category().to_string(), "Transient Negative Completion");
/// assert_eq!("positive preliminary".parse(), Ok(Category::PositivePreliminary));
/// assert_eq!(Category::from_digit(6), Some(Category::Protected));
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
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "title_case", ascii_case_insensitive)]
#[strum(parse_err_ty = crate::UnknownNameError, parse_err_fn = crate::UnknownNameError::category)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Category {
    /// 1yz: the action is being started; expect another reply before the next command.
    PositivePreliminary = 1,
    /// 2yz: the action completed successfully; a new command may be sent.
    PositiveCompletion = 2,
    /// 3yz: the command was accepted but is on hold until another command supplies more information.
    PositiveIntermediate = 3,
    /// 4yz: the command failed, but the condition is temporary; the same command may succeed later.
    TransientNegativeCompletion = 4,
    /// 5yz: the command failed and will fail again if repeated unchanged.
    PermanentNegativeCompletion = 5,
    /// 6yz: a protected reply (RFC 2228): the text holds another reply, integrity- or
    /// confidentiality-protected.
    Protected = 6,
}

impl Category {
    /// The category for a first digit, or `None` if the digit is not 1 to 6.
    ///
    /// ```
    /// use ftp_reply::Category;
    /// assert_eq!(Category::from_digit(2), Some(Category::PositiveCompletion));
    /// assert_eq!(Category::from_digit(7), None);
    /// ```
    #[must_use]
    pub const fn from_digit(digit: u8) -> Option<Self> {
        Some(match digit {
            1 => Self::PositivePreliminary,
            2 => Self::PositiveCompletion,
            3 => Self::PositiveIntermediate,
            4 => Self::TransientNegativeCompletion,
            5 => Self::PermanentNegativeCompletion,
            6 => Self::Protected,
            _ => return None,
        })
    }

    /// The first digit of the codes in this category.
    ///
    /// ```
    /// use ftp_reply::Category;
    /// assert_eq!(Category::Protected.digit(), 6);
    /// ```
    #[must_use]
    pub const fn digit(self) -> u8 {
        self as u8
    }

    /// Every category, in digit order.
    pub const ALL: [Category; 6] = [
        Self::PositivePreliminary,
        Self::PositiveCompletion,
        Self::PositiveIntermediate,
        Self::TransientNegativeCompletion,
        Self::PermanentNegativeCompletion,
        Self::Protected,
    ];

    /// Every category, in digit order (same as [`Category::ALL`]).
    ///
    /// ```
    /// use ftp_reply::Category;
    /// assert_eq!(Category::all().count(), 6);
    /// ```
    #[must_use]
    pub fn all() -> impl ExactSizeIterator<Item = Category> + Clone {
        Self::ALL.into_iter()
    }

    const fn index(self) -> usize {
        self as usize - 1
    }

    /// The category's name in `lang` (`category.name` in `ui.<lang>.toml`).
    ///
    /// ```
    /// use ftp_reply::{Category, Lang};
    /// assert_eq!(Category::PositivePreliminary.name(Lang::default()), "Positive Preliminary");
    /// let fr: Lang = "fr".parse().unwrap();
    /// assert_eq!(Category::PositivePreliminary.name(fr), "Réponse positive préliminaire");
    /// ```
    #[must_use]
    pub const fn name(self, lang: Lang) -> &'static str {
        lang.phrases().category_name[self.index()]
    }

    /// One sentence on what a client should make of a reply in this category, in `lang`.
    ///
    /// ```
    /// use ftp_reply::{Category, Lang};
    /// assert!(Category::PositivePreliminary.meaning(Lang::default()).contains("another reply"));
    /// ```
    #[must_use]
    pub const fn meaning(self, lang: Lang) -> &'static str {
        lang.phrases().category_meaning[self.index()]
    }

    /// The category as a noun inside a sentence (`category.inline`).
    pub(crate) const fn inline(self, lang: Lang) -> &'static str {
        lang.phrases().category_inline[self.index()]
    }

    /// The plural, for "both are ..." (`category.plural`).
    pub(crate) const fn plural(self, lang: Lang) -> &'static str {
        lang.phrases().category_plural[self.index()]
    }

    /// [`meaning`](Self::meaning) as it reads after "With 150, " (`category.meaning_inline`).
    pub(crate) const fn meaning_inline(self, lang: Lang) -> &'static str {
        lang.phrases().category_meaning_inline[self.index()]
    }
}

/// The function group of a reply, given by its second digit (RFC 959 §4.2).
///
/// RFC 959 defines the digits 0 to 5; a second digit of 6 to 9 is well formed but
/// unassigned, and maps to [`FunctionGroup::Unassigned`].
///
/// # Example
///
/// ```
/// use ftp_reply::{FunctionGroup, ReplyCode};
///
/// assert_eq!(ReplyCode::SERVICE_NOT_AVAILABLE.function(), FunctionGroup::Connections);
/// assert_eq!(ReplyCode::FILE_UNAVAILABLE.function(), FunctionGroup::FileSystem);
/// assert_eq!(FunctionGroup::from_digit(7), FunctionGroup::Unassigned);
/// assert_eq!(FunctionGroup::AuthenticationAndAccounting.to_string(), "Authentication and accounting");
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
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(ascii_case_insensitive)]
#[strum(parse_err_ty = crate::UnknownNameError, parse_err_fn = crate::UnknownNameError::function_group)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FunctionGroup {
    /// x0z: syntax errors, syntactically correct commands that fit no group,
    /// unimplemented or superfluous commands.
    #[strum(serialize = "Syntax")]
    Syntax,
    /// x1z: replies to requests for information, such as status or help.
    #[strum(serialize = "Information")]
    Information,
    /// x2z: replies about the control and data connections.
    #[strum(serialize = "Connections")]
    Connections,
    /// x3z: replies for the login process and accounting procedures.
    #[strum(serialize = "Authentication and accounting")]
    AuthenticationAndAccounting,
    /// x4z: not specified by RFC 959.
    #[strum(serialize = "Unspecified")]
    Unspecified,
    /// x5z: the status of the server file system in respect of the requested transfer or action.
    #[strum(serialize = "File system")]
    FileSystem,
    /// x6z to x9z: a second digit that RFC 959 does not assign.
    #[strum(serialize = "Unassigned")]
    Unassigned,
}

impl FunctionGroup {
    /// The function group for a second digit (0 to 9); digits 6 and above are
    /// [`FunctionGroup::Unassigned`].
    ///
    /// ```
    /// use ftp_reply::FunctionGroup;
    /// assert_eq!(FunctionGroup::from_digit(3), FunctionGroup::AuthenticationAndAccounting);
    /// ```
    #[must_use]
    pub const fn from_digit(digit: u8) -> Self {
        match digit {
            0 => Self::Syntax,
            1 => Self::Information,
            2 => Self::Connections,
            3 => Self::AuthenticationAndAccounting,
            4 => Self::Unspecified,
            5 => Self::FileSystem,
            _ => Self::Unassigned,
        }
    }

    /// Every group, in digit order ([`FunctionGroup::Unassigned`] last).
    pub const ALL: [FunctionGroup; 7] = [
        Self::Syntax,
        Self::Information,
        Self::Connections,
        Self::AuthenticationAndAccounting,
        Self::Unspecified,
        Self::FileSystem,
        Self::Unassigned,
    ];

    /// Every group (same as [`FunctionGroup::ALL`]).
    ///
    /// ```
    /// use ftp_reply::FunctionGroup;
    /// assert_eq!(FunctionGroup::all().len(), 7); // x0z to x5z, and x6z-x9z unassigned
    /// assert_eq!(FunctionGroup::all().last(), Some(FunctionGroup::Unassigned));
    /// ```
    #[must_use]
    pub fn all() -> impl ExactSizeIterator<Item = FunctionGroup> + Clone {
        Self::ALL.into_iter()
    }

    /// The group's name in `lang` (`function.name` in `ui.<lang>.toml`).
    ///
    /// ```
    /// use ftp_reply::{FunctionGroup, Lang};
    /// let fr: Lang = "fr".parse().unwrap();
    /// assert_eq!(FunctionGroup::FileSystem.name(fr), "Système de fichiers");
    /// ```
    #[must_use]
    pub const fn name(self, lang: Lang) -> &'static str {
        lang.phrases().function_name[self as usize]
    }
}
