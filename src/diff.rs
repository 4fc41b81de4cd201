//! [`diff`]: the key differences between two reply codes, as data and as text.
#![allow(clippy::trivially_copy_pass_by_ref, clippy::unused_self)]

use core::fmt;

use crate::explain::{Labels, colon};
use crate::{
    Category, CommandSet, DataConnection, FunctionGroup, Lang, PairNote, ReplyCode, ReplyInfo,
    RetryAdvice,
};

/// Compares two reply codes: what a client and a person reading a log need to
/// know about how `a` and `b` differ.
///
/// The result is data ([`Diff::differences`] yields one typed [`Difference`]
/// per axis on which the two codes differ, each holding both sides' values)
/// and a page that can be rendered as plain text or Markdown in any [`Lang`]
/// (and as JSON with the `serde` feature). It works for every well-formed
/// code, including codes that no document defines (compared by category and
/// function group alone), and for `diff(a, a)`, which has no differences.
///
/// Nothing is allocated: the differences are computed on the fly, and the
/// renderers write straight into any [`fmt::Write`].
///
/// # Example
///
/// ```
/// use ftp_reply::{diff, Category, Difference, Format, Lang, ReplyCode};
///
/// let d = diff(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
/// assert!(d.differences().any(|x| x
///     == Difference::Category {
///         a: Category::PositivePreliminary,
///         b: Category::TransientNegativeCompletion,
///     }));
/// assert!(d.differences().any(|x| matches!(x, Difference::ControlConnection { a: false, b: true })));
///
/// let page = d.render(Lang::En, Format::Text).to_string();
/// assert!(page.starts_with("FTP 150 File Status OK vs 421 Service Not Available"));
///
/// let mut markdown = String::new();
/// d.write_to(&mut markdown, Lang::Fr, Format::Markdown)?;
/// assert!(markdown.contains("## Différences clés"));
/// # Ok::<(), std::fmt::Error>(())
/// ```
#[must_use]
pub const fn diff(a: ReplyCode, b: ReplyCode) -> Diff {
    Diff { a, b }
}

impl ReplyCode {
    /// Same as [`diff(self, other)`](crate::diff()).
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// let d = ReplyCode::FILE_UNAVAILABLE.diff(ReplyCode::FILE_UNAVAILABLE);
    /// assert!(d.is_same());
    /// assert_eq!(d.differences().count(), 0);
    /// ```
    #[must_use]
    pub const fn diff(self, other: ReplyCode) -> Diff {
        diff(self, other)
    }
}

/// The comparison of two reply codes; see [`diff`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Diff {
    a: ReplyCode,
    b: ReplyCode,
}

/// An output format for [`Diff::render`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
#[non_exhaustive]
pub enum Format {
    /// Plain text with underlined headings.
    #[default]
    Text,
    /// Markdown (`CommonMark`), with links to the RFC sections.
    Markdown,
}

impl Diff {
    /// The first code.
    #[must_use]
    pub const fn a(&self) -> ReplyCode {
        self.a
    }

    /// The second code.
    #[must_use]
    pub const fn b(&self) -> ReplyCode {
        self.b
    }

    /// The knowledge-base entries of the two codes (`None` for a code no document defines).
    ///
    /// ```
    /// use ftp_reply::{diff, ReplyCode};
    /// let d = diff(ReplyCode::FILE_STATUS_OK, ReplyCode::new(199).unwrap());
    /// assert!(d.infos().0.is_some() && d.infos().1.is_none());
    /// ```
    #[must_use]
    pub fn infos(&self) -> (Option<&'static ReplyInfo>, Option<&'static ReplyInfo>) {
        (self.a.info(), self.b.info())
    }

    /// Whether both sides are the same code.
    #[must_use]
    pub fn is_same(&self) -> bool {
        self.a == self.b
    }

    /// The same comparison the other way round: `diff(b, a)`.
    ///
    /// ```
    /// use ftp_reply::{diff, ReplyCode};
    /// let (a, b) = (ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
    /// let d = diff(a, b);
    /// assert_eq!(d.mirrored(), diff(b, a));
    /// assert!(d.differences().map(|x| x.mirrored()).eq(diff(b, a).differences()));
    /// ```
    #[must_use]
    pub const fn mirrored(&self) -> Diff {
        Diff {
            a: self.b,
            b: self.a,
        }
    }

    /// The hand-written note on this pair, if it is one that people commonly confuse.
    ///
    /// ```
    /// use ftp_reply::{diff, Lang, ReplyCode};
    /// let d = diff(ReplyCode::REQUESTED_FILE_ACTION_NOT_TAKEN, ReplyCode::FILE_UNAVAILABLE);
    /// println!("{}", d.note().unwrap().note(Lang::En));
    /// ```
    #[must_use]
    pub fn note(&self) -> Option<&'static PairNote> {
        if self.is_same() {
            None
        } else {
            PairNote::get(self.a, self.b)
        }
    }

    /// Every axis on which the two codes differ, in a fixed order: category,
    /// stage, outcome, persistence, function group, control connection, data
    /// connection, next step, commands, standing.
    ///
    /// Empty when both sides are the same code. Axes that need the knowledge
    /// base (connections, standing) compare only codes that have an entry,
    /// except [`Difference::Standing`], which also tells a defined code from an
    /// undefined one.
    pub fn differences(&self) -> impl Iterator<Item = Difference> + Clone + use<> {
        let (a, b) = (self.a, self.b);
        let (ia, ib) = (a.info(), b.info());
        let both = ia.zip(ib);
        let persistence = Persistence::of(a).zip(Persistence::of(b));
        [
            Some(Difference::Category {
                a: a.category(),
                b: b.category(),
            }),
            Some(Difference::Stage {
                a: Stage::of(a),
                b: Stage::of(b),
            }),
            Some(Difference::Outcome {
                a: Outcome::of(a),
                b: Outcome::of(b),
            }),
            persistence.map(|(pa, pb)| Difference::Persistence { a: pa, b: pb }),
            Some(Difference::Function {
                a: a.function(),
                b: b.function(),
            }),
            both.map(|(x, y)| Difference::ControlConnection {
                a: x.closes_control_connection(),
                b: y.closes_control_connection(),
            }),
            both.map(|(x, y)| Difference::DataConnection {
                a: x.data_connection(),
                b: y.data_connection(),
            }),
            Some(Difference::NextStep {
                a: a.retry_advice(),
                b: b.retry_advice(),
            }),
            Some(Difference::Commands {
                a: CommandSet::producing(a),
                b: CommandSet::producing(b),
            }),
            Some(Difference::Standing {
                a: Standing::of(a),
                b: Standing::of(b),
            }),
        ]
        .into_iter()
        .flatten()
        .filter(Difference::differs)
    }

    /// A printable page in `lang` and `format`: the title, a summary, each
    /// code's description, when it is seen and how to resolve it, the numbered
    /// key differences, the note on the pair if there is one, "when to use
    /// which" for a server and for a client, and the sources.
    ///
    /// ```
    /// use ftp_reply::{diff, Format, Lang, ReplyCode};
    /// let text = diff(ReplyCode::CANT_OPEN_DATA_CONNECTION, ReplyCode::CONNECTION_CLOSED_TRANSFER_ABORTED)
    ///     .render(Lang::En, Format::Text)
    ///     .to_string();
    /// assert!(text.contains("Key differences"));
    /// ```
    #[must_use]
    pub const fn render(&self, lang: Lang, format: Format) -> Rendered {
        Rendered {
            diff: *self,
            lang,
            format,
        }
    }

    /// Writes the page into `w` (a `String`, a buffer, a formatter...).
    ///
    /// # Errors
    ///
    /// Only the errors that `w` returns.
    pub fn write_to<W: fmt::Write>(&self, w: &mut W, lang: Lang, format: Format) -> fmt::Result {
        write!(w, "{}", self.render(lang, format))
    }

    /// A serializable view in `lang`, for JSON (needs the `serde` feature).
    ///
    /// ```
    /// use ftp_reply::{diff, Lang, ReplyCode};
    /// let json = serde_json::to_value(diff(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE).localized(Lang::En)).unwrap();
    /// assert_eq!(json["a"]["code"], 150);
    /// assert_eq!(json["differences"][0]["axis"], "category");
    /// ```
    #[cfg(feature = "serde")]
    #[must_use]
    pub const fn localized(&self, lang: Lang) -> LocalizedDiff {
        LocalizedDiff { diff: *self, lang }
    }
}

impl fmt::Display for Diff {
    /// Plain text in English; use [`Diff::render`] for another language or format.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.render(Lang::En, Format::Text).fmt(f)
    }
}

/// Where a reply leaves the command it answers (from the first digit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Stage {
    /// 1yz: another reply to the same command follows.
    Preliminary,
    /// 3yz: the server waits for the next command of a sequence.
    Intermediate,
    /// 2yz, 4yz, 5yz: the last reply to the command.
    Final,
    /// 6yz: unknown until the protected reply is decoded.
    Protected,
}

impl Stage {
    /// The stage of a code.
    ///
    /// ```
    /// use ftp_reply::{ReplyCode, Stage};
    /// assert_eq!(Stage::of(ReplyCode::FILE_STATUS_OK), Stage::Preliminary);
    /// ```
    #[must_use]
    pub const fn of(code: ReplyCode) -> Self {
        match code.category() {
            Category::PositivePreliminary => Self::Preliminary,
            Category::PositiveIntermediate => Self::Intermediate,
            Category::Protected => Self::Protected,
            _ => Self::Final,
        }
    }

    const fn phrase(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Preliminary, Lang::En) => "another reply to the same command follows",
            (Self::Intermediate, Lang::En) => {
                "the server waits for the next command of the sequence"
            }
            (Self::Final, Lang::En) => "no other reply to the command follows",
            (Self::Protected, Lang::En) => "the client must decode the reply to know what follows",
            (Self::Preliminary, Lang::Fr) => "une autre réponse à la même commande suit",
            (Self::Intermediate, Lang::Fr) => {
                "le serveur attend la commande suivante de la séquence"
            }
            (Self::Final, Lang::Fr) => "aucune autre réponse à la commande ne suit",
            (Self::Protected, Lang::Fr) => {
                "le client doit décoder la réponse pour savoir ce qui suit"
            }
        }
    }
}

/// Whether a reply reports success or failure (from the first digit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Outcome {
    /// 1yz to 3yz: accepted so far.
    Positive,
    /// 4yz and 5yz: the command failed.
    Negative,
    /// 6yz: hidden until the protected reply is decoded.
    Protected,
}

impl Outcome {
    /// The outcome of a code.
    ///
    /// ```
    /// use ftp_reply::{Outcome, ReplyCode};
    /// assert_eq!(Outcome::of(ReplyCode::NOT_LOGGED_IN), Outcome::Negative);
    /// ```
    #[must_use]
    pub const fn of(code: ReplyCode) -> Self {
        if code.is_positive() {
            Self::Positive
        } else if code.is_negative() {
            Self::Negative
        } else {
            Self::Protected
        }
    }

    const fn phrase(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Positive, Lang::En) => "reports success so far",
            (Self::Negative, Lang::En) => "reports a failure",
            (Self::Protected, Lang::En) => "hides its outcome until the reply is decoded",
            (Self::Positive, Lang::Fr) => "annonce un succès, au moins jusqu'ici",
            (Self::Negative, Lang::Fr) => "annonce un échec",
            (Self::Protected, Lang::Fr) => {
                "cache son résultat tant que la réponse n'est pas décodée"
            }
        }
    }
}

/// For a negative reply, whether retrying may work (4yz) or not (5yz).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Persistence {
    /// 4yz: the same command may succeed later.
    Transient,
    /// 5yz: the same command will fail again.
    Permanent,
}

impl Persistence {
    /// The persistence of a negative code; `None` for other codes.
    ///
    /// ```
    /// use ftp_reply::{Persistence, ReplyCode};
    /// assert_eq!(Persistence::of(ReplyCode::FILE_UNAVAILABLE), Some(Persistence::Permanent));
    /// assert_eq!(Persistence::of(ReplyCode::COMMAND_OK), None);
    /// ```
    #[must_use]
    pub const fn of(code: ReplyCode) -> Option<Self> {
        if code.is_transient_negative() {
            Some(Self::Transient)
        } else if code.is_permanent_negative() {
            Some(Self::Permanent)
        } else {
            None
        }
    }

    const fn phrase(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Transient, Lang::En) => {
                "signals a temporary failure, so the same command may succeed later"
            }
            (Self::Permanent, Lang::En) => {
                "signals a permanent failure, so repeating the command unchanged will fail again"
            }
            (Self::Transient, Lang::Fr) => {
                "signale un échec temporaire, donc la même commande peut réussir plus tard"
            }
            (Self::Permanent, Lang::Fr) => {
                "signale un échec définitif, donc renvoyer la commande telle quelle échouera de nouveau"
            }
        }
    }
}

/// Whether a code is defined by an RFC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Standing {
    /// Defined by an RFC.
    Rfc,
    /// In the knowledge base, but defined by no RFC (used by some servers or clients).
    NonStandard,
    /// Not in the knowledge base: no document this crate knows defines it.
    Undefined,
}

impl Standing {
    /// The standing of a code.
    ///
    /// ```
    /// use ftp_reply::{ReplyCode, Standing};
    /// assert_eq!(Standing::of(ReplyCode::NOT_LOGGED_IN), Standing::Rfc);
    /// assert_eq!(Standing::of(ReplyCode::new(430).unwrap()), Standing::NonStandard);
    /// assert_eq!(Standing::of(ReplyCode::new(199).unwrap()), Standing::Undefined);
    /// ```
    #[must_use]
    pub fn of(code: ReplyCode) -> Self {
        match code.info() {
            Some(i) if i.is_standard() => Self::Rfc,
            Some(_) => Self::NonStandard,
            None => Self::Undefined,
        }
    }

    const fn phrase(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Rfc, Lang::En) => "is defined by an RFC",
            (Self::NonStandard, Lang::En) => "is not defined by any RFC",
            (Self::Undefined, Lang::En) => "is not defined by any document this library knows",
            (Self::Rfc, Lang::Fr) => "est défini par une RFC",
            (Self::NonStandard, Lang::Fr) => "n'est défini par aucune RFC",
            (Self::Undefined, Lang::Fr) => {
                "n'est défini par aucun document connu de cette bibliothèque"
            }
        }
    }
}

/// One axis on which two codes differ, with the value on each side
/// (`a` for the first code of the [`Diff`], `b` for the second).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Difference {
    /// The category (first digit).
    Category {
        /// First code's category.
        a: Category,
        /// Second code's category.
        b: Category,
    },
    /// Preliminary, intermediate or final.
    Stage {
        /// First code's stage.
        a: Stage,
        /// Second code's stage.
        b: Stage,
    },
    /// Positive or negative.
    Outcome {
        /// First code's outcome.
        a: Outcome,
        /// Second code's outcome.
        b: Outcome,
    },
    /// Transient or permanent (only when both codes are negative).
    Persistence {
        /// First code's persistence.
        a: Persistence,
        /// Second code's persistence.
        b: Persistence,
    },
    /// The function group (second digit).
    Function {
        /// First code's group.
        a: FunctionGroup,
        /// Second code's group.
        b: FunctionGroup,
    },
    /// Whether the server closes the control connection.
    ControlConnection {
        /// Whether the first code closes it.
        a: bool,
        /// Whether the second code closes it.
        b: bool,
    },
    /// What the reply says about the data connection.
    DataConnection {
        /// First code's effect.
        a: DataConnection,
        /// Second code's effect.
        b: DataConnection,
    },
    /// What a client should do next.
    NextStep {
        /// Advice after the first code.
        a: RetryAdvice,
        /// Advice after the second code.
        b: RetryAdvice,
    },
    /// The commands that may get each reply (from the RFC tables; `X*`
    /// aliases left out), and whether it can be the connection greeting.
    Commands {
        /// Commands that may get the first code.
        a: CommandSet,
        /// Commands that may get the second code.
        b: CommandSet,
    },
    /// Defined by an RFC, non-standard, or undefined.
    Standing {
        /// First code's standing.
        a: Standing,
        /// Second code's standing.
        b: Standing,
    },
}

impl Difference {
    /// The axis's name: `category`, `stage`, `outcome`, `persistence`,
    /// `function`, `control_connection`, `data_connection`, `next_step`,
    /// `commands` or `standing`.
    ///
    /// ```
    /// use ftp_reply::{diff, ReplyCode};
    /// let d = diff(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
    /// assert_eq!(d.differences().next().unwrap().axis(), "category");
    /// ```
    #[must_use]
    pub const fn axis(&self) -> &'static str {
        match self {
            Self::Category { .. } => "category",
            Self::Stage { .. } => "stage",
            Self::Outcome { .. } => "outcome",
            Self::Persistence { .. } => "persistence",
            Self::Function { .. } => "function",
            Self::ControlConnection { .. } => "control_connection",
            Self::DataConnection { .. } => "data_connection",
            Self::NextStep { .. } => "next_step",
            Self::Commands { .. } => "commands",
            Self::Standing { .. } => "standing",
        }
    }

    /// The same difference with the sides swapped.
    #[must_use]
    pub const fn mirrored(self) -> Self {
        match self {
            Self::Category { a, b } => Self::Category { a: b, b: a },
            Self::Stage { a, b } => Self::Stage { a: b, b: a },
            Self::Outcome { a, b } => Self::Outcome { a: b, b: a },
            Self::Persistence { a, b } => Self::Persistence { a: b, b: a },
            Self::Function { a, b } => Self::Function { a: b, b: a },
            Self::ControlConnection { a, b } => Self::ControlConnection { a: b, b: a },
            Self::DataConnection { a, b } => Self::DataConnection { a: b, b: a },
            Self::NextStep { a, b } => Self::NextStep { a: b, b: a },
            Self::Commands { a, b } => Self::Commands { a: b, b: a },
            Self::Standing { a, b } => Self::Standing { a: b, b: a },
        }
    }

    fn differs(&self) -> bool {
        match self {
            Self::Category { a, b } => a != b,
            Self::Stage { a, b } => a != b,
            Self::Outcome { a, b } => a != b,
            Self::Persistence { a, b } => a != b,
            Self::Function { a, b } => a != b,
            Self::ControlConnection { a, b } => a != b,
            Self::DataConnection { a, b } => a != b,
            Self::NextStep { a, b } => a != b,
            Self::Commands { a, b } => a != b,
            Self::Standing { a, b } => a != b,
        }
    }

    /// One sentence saying how `code_a` and `code_b` differ on this axis, in `lang`.
    ///
    /// ```
    /// use ftp_reply::{diff, Lang, ReplyCode};
    /// let (a, b) = (ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
    /// let first = diff(a, b).differences().next().unwrap();
    /// assert_eq!(
    ///     first.describe(a, b, Lang::En).to_string(),
    ///     "150 is a 1xx Positive Preliminary reply and 421 a 4xx Transient Negative Completion reply."
    /// );
    /// ```
    #[must_use]
    pub const fn describe(self, code_a: ReplyCode, code_b: ReplyCode, lang: Lang) -> Sentence {
        Sentence {
            difference: self,
            a: code_a,
            b: code_b,
            lang,
        }
    }

    /// The two sides as short labels in `lang` (for tables and JSON).
    fn values(&self, lang: Lang) -> (&'static str, &'static str) {
        match *self {
            Self::Category { a, b } => (a.name(lang), b.name(lang)),
            Self::Stage { a, b } => (a.into(), b.into()),
            Self::Outcome { a, b } => (a.into(), b.into()),
            Self::Persistence { a, b } => (a.into(), b.into()),
            Self::Function { a, b } => (a.name(lang), b.name(lang)),
            Self::ControlConnection { a, b } => {
                let l = Labels::get(lang);
                let v = |x| if x { l.closes_control } else { l.keeps_control };
                (v(a), v(b))
            }
            Self::DataConnection { a, b } => (a.describe(lang), b.describe(lang)),
            Self::NextStep { a, b } => (a.describe(lang), b.describe(lang)),
            Self::Commands { .. } => ("", ""),
            Self::Standing { a, b } => (a.into(), b.into()),
        }
    }
}

/// A sentence describing one [`Difference`]; see [`Difference::describe`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    difference: Difference,
    a: ReplyCode,
    b: ReplyCode,
    lang: Lang,
}

impl fmt::Display for Sentence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (ca, cb, lang) = (self.a, self.b, self.lang);
        let en = lang == Lang::En;
        match self.difference {
            Difference::Category { a, b } => {
                if en {
                    write!(
                        f,
                        "{ca} is a {}xx {} reply and {cb} a {}xx {} reply.",
                        a.digit(),
                        a.name(lang),
                        b.digit(),
                        b.name(lang)
                    )
                } else {
                    write!(
                        f,
                        "{ca} est une {} ({}xx) et {cb} une {} ({}xx).",
                        lower_first(a.name(lang)),
                        a.digit(),
                        lower_first(b.name(lang)),
                        b.digit()
                    )
                }
            }
            Difference::Stage { a, b } => {
                let after = if en { "After" } else { "Après" };
                let after2 = if en { "after" } else { "après" };
                let sep = if en { ";" } else { " ;" };
                write!(
                    f,
                    "{after} {ca}, {}{sep} {after2} {cb}, {}.",
                    a.phrase(lang),
                    b.phrase(lang)
                )
            }
            Difference::Outcome { a, b } => {
                let whereas = if en { "while" } else { "alors que" };
                write!(
                    f,
                    "{ca} {}, {whereas} {cb} {}.",
                    a.phrase(lang),
                    b.phrase(lang)
                )
            }
            Difference::Persistence { a, b } => {
                let whereas = if en { "while" } else { "alors que" };
                write!(
                    f,
                    "{ca} {}, {whereas} {cb} {}.",
                    a.phrase(lang),
                    b.phrase(lang)
                )
            }
            Difference::Function { a, b } => {
                let [_, da, _] = ca.digits();
                let [_, db, _] = cb.digits();
                if en {
                    write!(
                        f,
                        "{ca} belongs to the {} function group (x{da}z) and {cb} to the {} group (x{db}z).",
                        a.name(lang),
                        b.name(lang)
                    )
                } else {
                    write!(
                        f,
                        "{ca} appartient au groupe fonctionnel « {} » (x{da}z) et {cb} au groupe « {} » (x{db}z).",
                        a.name(lang),
                        b.name(lang)
                    )
                }
            }
            Difference::ControlConnection { .. } | Difference::DataConnection { .. } => {
                let (va, vb) = self.difference.values(lang);
                let sep = if en { ";" } else { " ;" };
                let with = match (self.difference, en) {
                    (Difference::ControlConnection { .. }, true) => "After",
                    (Difference::ControlConnection { .. }, false) => "Après",
                    (_, true) => "With",
                    (_, false) => "Avec",
                };
                write!(
                    f,
                    "{with} {ca}, {va}{sep} {} {cb}, {vb}.",
                    lower_first(with)
                )
            }
            Difference::NextStep { a, b } => {
                let c = colon(lang);
                let (next, after) = if en {
                    ("Next step after", "after")
                } else {
                    ("Étape suivante après", "après")
                };
                let sep = if en { ";" } else { " ;" };
                write!(
                    f,
                    "{next} {ca}{c}{}{sep} {after} {cb}{c}{}.",
                    a.describe(lang),
                    b.describe(lang)
                )
            }
            Difference::Commands { a, b } => {
                let sep = if en { ";" } else { " ;" };
                write!(
                    f,
                    "{}{sep} {}.",
                    CommandsPhrase(ca, a, lang),
                    CommandsPhrase(cb, b, lang)
                )
            }
            Difference::Standing { a, b } => {
                let whereas = if en { "while" } else { "alors que" };
                write!(
                    f,
                    "{ca} {}, {whereas} {cb} {}.",
                    a.phrase(lang),
                    b.phrase(lang)
                )
            }
        }
    }
}

/// Above this many commands, a list reads as "almost any command".
const MANY_COMMANDS: usize = 16;

/// "150 can answer RETR, STOR and LIST", in a language.
struct CommandsPhrase(ReplyCode, CommandSet, Lang);

impl fmt::Display for CommandsPhrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (code, set, lang) = (self.0, self.1, self.2);
        let en = lang == Lang::En;
        if set.is_empty() {
            return if en {
                write!(f, "{code} is not listed for any command")
            } else {
                write!(f, "{code} n'est prévu pour aucune commande")
            };
        }
        write!(f, "{code} ")?;
        let n = set.len();
        if set.greeting() {
            f.write_str(if en {
                "can be the greeting"
            } else {
                "peut être la réponse d'accueil"
            })?;
            if n == 0 {
                return Ok(());
            }
            f.write_str(if en {
                " and can answer "
            } else {
                " et répondre à "
            })?;
        } else {
            f.write_str(if en {
                "can answer "
            } else {
                "peut répondre à "
            })?;
        }
        if n > MANY_COMMANDS {
            return if en {
                write!(f, "almost any command ({n} commands)")
            } else {
                write!(f, "presque toutes les commandes ({n})")
            };
        }
        for (i, c) in set.iter().enumerate() {
            if i > 0 {
                f.write_str(match (i + 1 == n, en) {
                    (true, true) => " and ",
                    (true, false) => " et ",
                    _ => ", ",
                })?;
            }
            f.write_str(c.verb())?;
        }
        Ok(())
    }
}

/// Writes `s` with its first letter in lower case (the French category names
/// start with "Réponse", used mid-sentence).
fn lower_first(s: &'static str) -> LowerFirst {
    LowerFirst(s)
}

struct LowerFirst(&'static str);

impl fmt::Display for LowerFirst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut chars = self.0.chars();
        if let Some(c) = chars.next() {
            for l in c.to_lowercase() {
                fmt::Write::write_char(f, l)?;
            }
        }
        f.write_str(chars.as_str())
    }
}

/// The plural of a category for "both are ..." sentences.
const fn category_plural(c: Category, lang: Lang) -> &'static str {
    match (c, lang) {
        (Category::PositivePreliminary, Lang::En) => "Positive Preliminary replies",
        (Category::PositiveCompletion, Lang::En) => "Positive Completion replies",
        (Category::PositiveIntermediate, Lang::En) => "Positive Intermediate replies",
        (Category::TransientNegativeCompletion, Lang::En) => {
            "Transient Negative Completion replies"
        }
        (Category::PermanentNegativeCompletion, Lang::En) => {
            "Permanent Negative Completion replies"
        }
        (Category::Protected, Lang::En) => "Protected replies",
        (Category::PositivePreliminary, Lang::Fr) => "réponses positives préliminaires",
        (Category::PositiveCompletion, Lang::Fr) => "réponses positives d'achèvement",
        (Category::PositiveIntermediate, Lang::Fr) => "réponses positives intermédiaires",
        (Category::TransientNegativeCompletion, Lang::Fr) => "réponses négatives transitoires",
        (Category::PermanentNegativeCompletion, Lang::Fr) => "réponses négatives permanentes",
        (Category::Protected, Lang::Fr) => "réponses protégées",
    }
}

/// Fixed words of the diff page, per language.
struct PageLabels {
    key_differences: &'static str,
    no_differences: &'static str,
    how_they_differ: &'static str,
    when_to_use: &'static str,
    for_server: &'static str,
    for_client: &'static str,
    same_code: &'static str,
    learn_more: &'static str,
}

const EN: PageLabels = PageLabels {
    key_differences: "Key differences",
    no_differences: "There are no differences: both sides are the same code.",
    how_they_differ: "How they differ",
    when_to_use: "When to use which",
    for_server: "For a server",
    for_client: "For a client",
    same_code: "Nothing to choose: both sides are the same code.",
    learn_more: "Learn more",
};

const FR: PageLabels = PageLabels {
    key_differences: "Différences clés",
    no_differences: "Aucune différence : les deux côtés sont le même code.",
    how_they_differ: "Ce qui les distingue",
    when_to_use: "Quand utiliser lequel",
    for_server: "Pour un serveur",
    for_client: "Pour un client",
    same_code: "Rien à choisir : les deux côtés sont le même code.",
    learn_more: "En savoir plus",
};

const fn page_labels(lang: Lang) -> &'static PageLabels {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

/// A [`Diff`] page ready to print; see [`Diff::render`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rendered {
    diff: Diff,
    lang: Lang,
    format: Format,
}

/// `150 File Status OK`, or the bare code when no document defines it.
struct Named(ReplyCode, Lang);

impl fmt::Display for Named {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.info() {
            Some(i) => write!(f, "{} {}", self.0, i.title(self.1)),
            None => write!(f, "{}", self.0),
        }
    }
}

/// `150 (File Status OK)`, or the bare code.
struct Parenthesized(ReplyCode, Lang);

impl fmt::Display for Parenthesized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.info() {
            Some(i) => write!(f, "{} ({})", self.0, i.title(self.1)),
            None => write!(f, "{}", self.0),
        }
    }
}

impl Rendered {
    fn heading(
        &self,
        f: &mut fmt::Formatter<'_>,
        level: usize,
        text: &dyn fmt::Display,
    ) -> fmt::Result {
        match self.format {
            Format::Markdown => {
                for _ in 0..level {
                    f.write_str("#")?;
                }
                writeln!(f, " {text}")?;
                writeln!(f)
            }
            Format::Text => {
                let mut counter = CharCounter(0);
                fmt::write(&mut counter, format_args!("{text}"))?;
                writeln!(f, "{text}")?;
                let under = match level {
                    1 => "=",
                    2 => "-",
                    _ => "",
                };
                if !under.is_empty() {
                    for _ in 0..counter.0 {
                        f.write_str(under)?;
                    }
                    writeln!(f)?;
                }
                writeln!(f)
            }
        }
    }

    fn paragraph(&self, f: &mut fmt::Formatter<'_>, text: &dyn fmt::Display) -> fmt::Result {
        writeln!(f, "{text}")?;
        writeln!(f)
    }

    /// The summary paragraph.
    fn summary(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, lang) = (self.diff.a, self.diff.b, self.lang);
        let (ca, cb) = (a.category(), b.category());
        let en = lang == Lang::En;
        if self.diff.is_same() {
            let defined = if en { "It" } else { "Il" };
            write!(f, "FTP {} ", Parenthesized(a, lang))?;
            if en {
                write!(f, "is a {}xx {} reply. ", ca.digit(), ca.name(lang))?;
            } else {
                write!(
                    f,
                    "est une {} ({}xx). ",
                    lower_first(ca.name(lang)),
                    ca.digit()
                )?;
            }
            write!(f, "{defined} {}. ", Standing::of(a).phrase(lang))?;
            return writeln!(f, "{}", page_labels(lang).no_differences);
        }
        if ca == cb {
            if en {
                write!(
                    f,
                    "FTP {} and {} are both {}xx {}.",
                    Parenthesized(a, lang),
                    Parenthesized(b, lang),
                    ca.digit(),
                    category_plural(ca, lang)
                )?;
            } else {
                write!(
                    f,
                    "FTP {} et {} sont toutes deux des {} ({}xx).",
                    Parenthesized(a, lang),
                    Parenthesized(b, lang),
                    category_plural(ca, lang),
                    ca.digit()
                )?;
            }
            write!(f, " {}", ca.meaning(lang))?;
        } else if en {
            write!(
                f,
                "FTP {} is a {}xx {} reply, while {} is a {}xx {} reply.",
                Parenthesized(a, lang),
                ca.digit(),
                ca.name(lang),
                Parenthesized(b, lang),
                cb.digit(),
                cb.name(lang)
            )?;
        } else {
            write!(
                f,
                "FTP {} est une {} ({}xx), tandis que {} est une {} ({}xx).",
                Parenthesized(a, lang),
                lower_first(ca.name(lang)),
                ca.digit(),
                Parenthesized(b, lang),
                lower_first(cb.name(lang)),
                cb.digit()
            )?;
        }
        if ca != cb {
            let with = if en { "With" } else { "Avec" };
            for code in [a, b] {
                write!(
                    f,
                    " {with} {code}, {}",
                    lower_first(code.category().meaning(lang))
                )?;
            }
        }
        writeln!(f)
    }

    fn code_section(&self, f: &mut fmt::Formatter<'_>, code: ReplyCode) -> fmt::Result {
        let lang = self.lang;
        let l = Labels::get(lang);
        self.heading(f, 2, &Named(code, lang))?;
        let Some(info) = code.info() else {
            self.paragraph(f, &l.unknown_code)?;
            return self.paragraph(f, &code.category().meaning(lang));
        };
        if !info.is_standard() {
            self.paragraph(f, &l.nonstandard)?;
        }
        for (heading, body) in [
            (l.description, info.description(lang)),
            (l.when_seen, info.when_seen(lang)),
            (l.remediation, info.remediation(lang)),
        ] {
            self.heading(f, 3, &heading)?;
            self.paragraph(f, &body)?;
        }
        Ok(())
    }

    fn differences(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, lang) = (self.diff.a, self.diff.b, self.lang);
        self.heading(f, 2, &page_labels(lang).key_differences)?;
        let mut n = 0;
        for d in self.diff.differences() {
            n += 1;
            writeln!(f, "{n}. {}", d.describe(a, b, lang))?;
        }
        if n == 0 {
            writeln!(f, "{}", page_labels(lang).no_differences)?;
        }
        writeln!(f)
    }

    /// "When to use which": the pair's hand-written guidance, or guidance
    /// built from the data.
    fn when_to_use(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, lang) = (self.diff.a, self.diff.b, self.lang);
        let p = page_labels(lang);
        self.heading(f, 2, &p.when_to_use)?;
        if self.diff.is_same() {
            return self.paragraph(f, &p.same_code);
        }
        let (server, client): (&dyn fmt::Display, &dyn fmt::Display) = match self.diff.note() {
            Some(note) => (&note.server(lang), &note.client(lang)),
            None => (&ServerGuidance(a, b, lang), &ClientGuidance(a, b, lang)),
        };
        self.heading(f, 3, &p.for_server)?;
        self.paragraph(f, server)?;
        self.heading(f, 3, &p.for_client)?;
        self.paragraph(f, client)
    }

    fn sources(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = self.lang;
        let c = colon(lang);
        self.heading(f, 2, &page_labels(lang).learn_more)?;
        let codes: &[ReplyCode] = if self.diff.is_same() {
            &[self.diff.a]
        } else {
            &[self.diff.a, self.diff.b]
        };
        for &code in codes {
            write!(f, "- {code}{c}")?;
            match code.info() {
                None => write!(f, "{}", Labels::get(lang).unknown_title)?,
                Some(info) => {
                    for (i, s) in info.sources().iter().enumerate() {
                        if i > 0 {
                            f.write_str(", ")?;
                        }
                        match (self.format, s.spec()) {
                            (Format::Markdown, crate::Spec::Rfc(_)) => {
                                write!(f, "[{s}](")?;
                                s.write_url(f).unwrap_or(Ok(()))?;
                                f.write_str(")")?;
                            }
                            _ => write!(f, "{s}")?,
                        }
                    }
                }
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, lang) = (self.diff.a, self.diff.b, self.lang);
        let vs = if lang == Lang::En { "vs" } else { "face à" };
        let title = TitleLine(a, b, vs, lang);
        self.heading(f, 1, &title)?;
        self.summary(f)?;
        writeln!(f)?;
        self.code_section(f, a)?;
        if !self.diff.is_same() {
            self.code_section(f, b)?;
        }
        self.differences(f)?;
        if let Some(note) = self.diff.note() {
            self.heading(f, 2, &page_labels(lang).how_they_differ)?;
            self.paragraph(f, &note.note(lang))?;
        }
        self.when_to_use(f)?;
        self.sources(f)
    }
}

struct TitleLine(ReplyCode, ReplyCode, &'static str, Lang);

impl fmt::Display for TitleLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FTP {}", Named(self.0, self.3))?;
        if self.0 != self.1 {
            write!(f, " {} {}", self.2, Named(self.1, self.3))?;
        }
        Ok(())
    }
}

/// Counts the characters written (to underline a heading without allocating).
struct CharCounter(usize);

impl fmt::Write for CharCounter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.chars().count();
        Ok(())
    }
}

/// Guidance for a server author choosing between two codes, built from the data.
struct ServerGuidance(ReplyCode, ReplyCode, Lang);

impl fmt::Display for ServerGuidance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, lang) = (self.0, self.1, self.2);
        let en = lang == Lang::En;
        // An undefined code: point to the defined codes with the same first two digits.
        for (code, other) in [(a, b), (b, a)] {
            if code.info().is_none() {
                if en {
                    write!(
                        f,
                        "no document defines {code}, so a server should not send it"
                    )?;
                } else {
                    write!(
                        f,
                        "aucun document ne définit {code} : un serveur ne devrait pas l'envoyer"
                    )?;
                }
                let mut siblings = ReplyInfo::all()
                    .iter()
                    .filter(|i| i.code().digits()[..2] == code.digits()[..2] && i.is_standard());
                if let Some(first) = siblings.next() {
                    if en {
                        write!(
                            f,
                            "; send a defined code with the same meaning instead, such as {}",
                            first.code()
                        )?;
                    } else {
                        write!(
                            f,
                            " ; il doit plutôt envoyer un code défini de même sens, par exemple {}",
                            first.code()
                        )?;
                    }
                    for s in siblings {
                        write!(f, ", {}", s.code())?;
                    }
                }
                if other.info().is_some() {
                    if en {
                        write!(
                            f,
                            ". Send {} only in the situation that it describes.",
                            Parenthesized(other, lang)
                        )?;
                    } else {
                        write!(
                            f,
                            ". N'envoyez {} que dans la situation qu'il décrit.",
                            Parenthesized(other, lang)
                        )?;
                    }
                } else {
                    f.write_str(".")?;
                }
                return Ok(());
            }
        }
        let (ra, rb) = (a.retry_advice(), b.retry_advice());
        if en {
            write!(
                f,
                "Send {} and {} only in the situations their descriptions give; they are not interchangeable, ",
                Parenthesized(a, lang),
                Parenthesized(b, lang)
            )?;
            if ra == rb {
                write!(
                    f,
                    "even though a client reacts to both the same way ({}): ",
                    ra.describe(lang)
                )?;
                f.write_str("the code still tells the person reading the log what happened.")?;
            } else {
                write!(
                    f,
                    "because a client's next step differs: after {a}, {}; after {b}, {}.",
                    ra.describe(lang),
                    rb.describe(lang)
                )?;
            }
            f.write_str(" Put the precise cause in the reply text.")
        } else {
            write!(
                f,
                "N'envoyez {} et {} que dans les situations décrites plus haut ; ils ne sont pas interchangeables, ",
                Parenthesized(a, lang),
                Parenthesized(b, lang)
            )?;
            if ra == rb {
                write!(
                    f,
                    "même si un client réagit de la même façon aux deux ({}) : ",
                    ra.describe(lang)
                )?;
                f.write_str("le code indique tout de même à la personne qui lit le journal ce qui s'est passé.")?;
            } else {
                write!(
                    f,
                    "car l'étape suivante du client diffère : après {a}, {} ; après {b}, {}.",
                    ra.describe(lang),
                    rb.describe(lang)
                )?;
            }
            f.write_str(" Indiquez la cause précise dans le texte de la réponse.")
        }
    }
}

/// Guidance for a client reacting to either code, built from the data.
struct ClientGuidance(ReplyCode, ReplyCode, Lang);

impl fmt::Display for ClientGuidance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, lang) = (self.0, self.1, self.2);
        let en = lang == Lang::En;
        for (i, code) in [a, b].into_iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            let advice = code.retry_advice().describe(lang);
            let after = if en { "After" } else { "Après" };
            if en {
                write!(f, "{after} {code}, {advice}")?;
                if code.closes_control_connection() {
                    f.write_str(", and expect the server to close the control connection")?;
                }
            } else {
                write!(f, "{after} {code}, {advice}")?;
                if code.closes_control_connection() {
                    f.write_str(", en sachant que le serveur ferme la connexion de contrôle")?;
                }
            }
            f.write_str(".")?;
        }
        if en {
            f.write_str(" Decide on the code, not on the text, and show the text to the user: it often names the precise cause.")
        } else {
            f.write_str(" Décidez d'après le code, pas d'après le texte, et montrez le texte à l'utilisateur : il donne souvent la cause précise.")
        }
    }
}

/// A [`Diff`] with its texts in one language, for serialization; see [`Diff::localized`].
///
/// Serializes to an object with the keys `a` and `b` (each with `code`,
/// `title`, `category`, `function`, `description`, `when_seen`,
/// `remediation`, `sources`; null texts for an undefined code), `same`,
/// `summary`, `differences` (each `axis`, `a`, `b`, `text`), `note` (null or
/// `note`, `server`, `client`), `when_to_use` (`server`, `client`) and
/// `page` (the plain-text rendering).
#[cfg(feature = "serde")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalizedDiff {
    diff: Diff,
    lang: Lang,
}

#[cfg(feature = "serde")]
mod serde_impl {
    use core::fmt;

    use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

    use super::{ClientGuidance, LocalizedDiff, Rendered, ServerGuidance};
    use crate::{Difference, Format, Lang, ReplyCode};

    struct Side(ReplyCode, Lang);

    impl Serialize for Side {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let (code, lang) = (self.0, self.1);
            let info = code.info();
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("code", &code)?;
            m.serialize_entry("title", &info.map(|i| i.title(lang)))?;
            m.serialize_entry("category", code.category().name(lang))?;
            m.serialize_entry("function", code.function().name(lang))?;
            m.serialize_entry("standard", &info.map(crate::ReplyInfo::is_standard))?;
            m.serialize_entry("rfc_wording", &info.map(crate::ReplyInfo::rfc_wording))?;
            m.serialize_entry("description", &info.map(|i| i.description(lang)))?;
            m.serialize_entry("when_seen", &info.map(|i| i.when_seen(lang)))?;
            m.serialize_entry("remediation", &info.map(|i| i.remediation(lang)))?;
            m.serialize_entry(
                "sources",
                &Sources(info.map_or(&[], crate::ReplyInfo::sources)),
            )?;
            m.end()
        }
    }

    struct Sources(&'static [crate::Source]);

    impl Serialize for Sources {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(self.0.len()))?;
            for src in self.0 {
                seq.serialize_element(&Collect(src))?;
            }
            seq.end()
        }
    }

    /// Serializes anything `Display` as a string.
    struct Collect<T>(T);

    impl<T: fmt::Display> Serialize for Collect<T> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&self.0)
        }
    }

    struct Summary(Rendered);

    impl fmt::Display for Summary {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let mut buf = Trim::new(f);
            fmt::write(&mut buf, format_args!("{}", SummaryOnly(self.0)))
        }
    }

    struct SummaryOnly(Rendered);

    impl fmt::Display for SummaryOnly {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.summary(f)
        }
    }

    /// Drops trailing newlines.
    struct Trim<'a, 'b> {
        f: &'a mut fmt::Formatter<'b>,
        pending: usize,
    }

    impl<'a, 'b> Trim<'a, 'b> {
        fn new(f: &'a mut fmt::Formatter<'b>) -> Self {
            Self { f, pending: 0 }
        }
    }

    impl fmt::Write for Trim<'_, '_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            let body = s.trim_end_matches('\n');
            if !body.is_empty() {
                for _ in 0..self.pending {
                    self.f.write_str("\n")?;
                }
                self.pending = 0;
                self.f.write_str(body)?;
            }
            self.pending += s.len() - body.len();
            Ok(())
        }
    }

    struct Differences(LocalizedDiff);

    impl Serialize for Differences {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let d = self.0.diff;
            let lang = self.0.lang;
            let mut seq = s.serialize_seq(None)?;
            for x in d.differences() {
                let (va, vb) = x.values(lang);
                let (va, vb) = match x {
                    Difference::Commands { a, b } => (Side2::Set(a), Side2::Set(b)),
                    _ => (Side2::Str(va), Side2::Str(vb)),
                };
                seq.serialize_element(&Entry4(
                    x.axis(),
                    va,
                    vb,
                    Collect(x.describe(d.a, d.b, lang)),
                ))?;
            }
            seq.end()
        }
    }

    /// One side of a difference in JSON: a label, or a list of command verbs.
    enum Side2 {
        Str(&'static str),
        Set(crate::CommandSet),
    }

    impl Serialize for Side2 {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Side2::Str(v) => s.serialize_str(v),
                Side2::Set(set) => {
                    let mut seq = s.serialize_seq(None)?;
                    if set.greeting() {
                        seq.serialize_element("(greeting)")?;
                    }
                    for c in set.iter() {
                        seq.serialize_element(c.verb())?;
                    }
                    seq.end()
                }
            }
        }
    }

    struct Entry4<T>(&'static str, Side2, Side2, Collect<T>);

    impl<T: fmt::Display> Serialize for Entry4<T> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(4))?;
            m.serialize_entry("axis", self.0)?;
            m.serialize_entry("a", &self.1)?;
            m.serialize_entry("b", &self.2)?;
            m.serialize_entry("text", &self.3)?;
            m.end()
        }
    }

    impl Serialize for LocalizedDiff {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let (d, lang) = (self.diff, self.lang);
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("lang", &lang)?;
            m.serialize_entry("a", &Side(d.a, lang))?;
            m.serialize_entry("b", &Side(d.b, lang))?;
            m.serialize_entry("same", &d.is_same())?;
            m.serialize_entry("summary", &Collect(Summary(d.render(lang, Format::Text))))?;
            m.serialize_entry("differences", &Differences(*self))?;
            match d.note() {
                Some(n) => m.serialize_entry(
                    "note",
                    &NoteJson(n.note(lang), n.server(lang), n.client(lang)),
                )?,
                None => m.serialize_entry("note", &Option::<()>::None)?,
            }
            if d.is_same() {
                m.serialize_entry("when_to_use", &Option::<()>::None)?;
            } else {
                let (server, client): (&dyn fmt::Display, &dyn fmt::Display) = match d.note() {
                    Some(n) => (&n.server(lang), &n.client(lang)),
                    None => (
                        &ServerGuidance(d.a, d.b, lang),
                        &ClientGuidance(d.a, d.b, lang),
                    ),
                };
                m.serialize_entry("when_to_use", &Guidance(server, client))?;
            }
            m.serialize_entry("page", &Collect(d.render(lang, Format::Text)))?;
            m.end()
        }
    }

    struct NoteJson(&'static str, &'static str, &'static str);

    impl Serialize for NoteJson {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(3))?;
            m.serialize_entry("note", self.0)?;
            m.serialize_entry("server", self.1)?;
            m.serialize_entry("client", self.2)?;
            m.end()
        }
    }

    struct Guidance<'a>(&'a dyn fmt::Display, &'a dyn fmt::Display);

    impl Serialize for Guidance<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(2))?;
            m.serialize_entry("server", &Collect(self.0))?;
            m.serialize_entry("client", &Collect(self.1))?;
            m.end()
        }
    }
}
