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
/// let code = ReplyCode::parse("421 Service not available").unwrap();
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
    strum::EnumIter,
    strum::EnumCount,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "title_case", ascii_case_insensitive)]
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

    /// The category's name in `lang`.
    ///
    /// ```
    /// use ftp_reply::{Category, Lang};
    /// assert_eq!(Category::PositivePreliminary.name(Lang::En), "Positive Preliminary");
    /// assert_eq!(Category::PositivePreliminary.name(Lang::Fr), "Réponse positive préliminaire");
    /// ```
    #[must_use]
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::PositivePreliminary, Lang::En) => "Positive Preliminary",
            (Self::PositiveCompletion, Lang::En) => "Positive Completion",
            (Self::PositiveIntermediate, Lang::En) => "Positive Intermediate",
            (Self::TransientNegativeCompletion, Lang::En) => "Transient Negative Completion",
            (Self::PermanentNegativeCompletion, Lang::En) => "Permanent Negative Completion",
            (Self::Protected, Lang::En) => "Protected",
            (Self::PositivePreliminary, Lang::Fr) => "Réponse positive préliminaire",
            (Self::PositiveCompletion, Lang::Fr) => "Réponse positive d'achèvement",
            (Self::PositiveIntermediate, Lang::Fr) => "Réponse positive intermédiaire",
            (Self::TransientNegativeCompletion, Lang::Fr) => "Réponse négative transitoire",
            (Self::PermanentNegativeCompletion, Lang::Fr) => "Réponse négative permanente",
            (Self::Protected, Lang::Fr) => "Réponse protégée",
        }
    }

    /// One sentence on what a client should make of a reply in this category, in `lang`.
    ///
    /// ```
    /// use ftp_reply::{Category, Lang};
    /// assert!(Category::PositivePreliminary.meaning(Lang::En).contains("another reply"));
    /// ```
    #[must_use]
    pub const fn meaning(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::PositivePreliminary, Lang::En) => {
                "The action has started; another reply will follow before the server reads the next command."
            }
            (Self::PositiveCompletion, Lang::En) => {
                "The action completed successfully; the client may send a new command."
            }
            (Self::PositiveIntermediate, Lang::En) => {
                "The command was accepted but is on hold; the client must send another command that supplies the missing information."
            }
            (Self::TransientNegativeCompletion, Lang::En) => {
                "The command failed because of a temporary condition; the same command may succeed if tried again later."
            }
            (Self::PermanentNegativeCompletion, Lang::En) => {
                "The command failed and will fail again if it is repeated unchanged."
            }
            (Self::Protected, Lang::En) => {
                "The reply is protected by the security mechanism (RFC 2228); the client must decode the text to get the real reply."
            }
            (Self::PositivePreliminary, Lang::Fr) => {
                "L'action a commencé ; une autre réponse suivra avant que le serveur ne lise la commande suivante."
            }
            (Self::PositiveCompletion, Lang::Fr) => {
                "L'action s'est terminée avec succès ; le client peut envoyer une nouvelle commande."
            }
            (Self::PositiveIntermediate, Lang::Fr) => {
                "La commande est acceptée mais en attente ; le client doit envoyer une autre commande qui fournit l'information manquante."
            }
            (Self::TransientNegativeCompletion, Lang::Fr) => {
                "La commande a échoué à cause d'une situation temporaire ; la même commande peut réussir si elle est renvoyée plus tard."
            }
            (Self::PermanentNegativeCompletion, Lang::Fr) => {
                "La commande a échoué et échouera de nouveau si elle est renvoyée telle quelle."
            }
            (Self::Protected, Lang::Fr) => {
                "La réponse est protégée par le mécanisme de sécurité (RFC 2228) ; le client doit décoder le texte pour obtenir la vraie réponse."
            }
        }
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
    strum::EnumIter,
    strum::EnumCount,
    strum::IntoStaticStr,
)]
#[strum(ascii_case_insensitive)]
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

    /// The group's name in `lang`.
    ///
    /// ```
    /// use ftp_reply::{FunctionGroup, Lang};
    /// assert_eq!(FunctionGroup::FileSystem.name(Lang::Fr), "Système de fichiers");
    /// ```
    #[must_use]
    #[allow(clippy::match_same_arms)] // "Information" is the same word in both languages
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Syntax, Lang::En) => "Syntax",
            (Self::Information, Lang::En) => "Information",
            (Self::Connections, Lang::En) => "Connections",
            (Self::AuthenticationAndAccounting, Lang::En) => "Authentication and accounting",
            (Self::Unspecified, Lang::En) => "Unspecified",
            (Self::FileSystem, Lang::En) => "File system",
            (Self::Unassigned, Lang::En) => "Unassigned",
            (Self::Syntax, Lang::Fr) => "Syntaxe",
            (Self::Information, Lang::Fr) => "Information",
            (Self::Connections, Lang::Fr) => "Connexions",
            (Self::AuthenticationAndAccounting, Lang::Fr) => "Authentification et gestion des comptes",
            (Self::Unspecified, Lang::Fr) => "Non spécifié",
            (Self::FileSystem, Lang::Fr) => "Système de fichiers",
            (Self::Unassigned, Lang::Fr) => "Non attribué",
        }
    }
}
