//! The key differences between two reply codes, as typed data, and the page
//! that explains them in plain text, Markdown or JSON, in every language.
//!
//! [`Diff::new`] compares two codes: what a client and a person reading a
//! log need to know about how `a` and `b` differ. The result is data
//! ([`Diff::differences`] yields one typed [`Difference`] per axis on which
//! the two codes differ, each holding both sides' values) and a page that
//! [`Diff::render`] gives as plain text or Markdown in any [`Lang`] (and
//! [`Diff::localized`] as JSON with the `serde` feature). It works for every
//! well-formed code, including codes that no document defines (compared by
//! category and function group alone), and for `Diff::new(a, a)`, which has
//! no differences.
//!
//! Nothing is allocated: the differences are computed on the fly, and the
//! renderers write straight into any [`fmt::Write`].
//!
//! # Example
//!
//! ```
//! use ftp_reply::diff::{Diff, Difference, Format};
//! use ftp_reply::{Category, Lang, ReplyCode};
//!
//! let d = Diff::new(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
//! assert!(d.differences().any(|x| x
//!     == Difference::Category {
//!         a: Category::PositivePreliminary,
//!         b: Category::TransientNegativeCompletion,
//!     }));
//! assert!(d.differences().any(|x| matches!(x, Difference::ControlConnection { a: false, b: true })));
//!
//! let page = d.render(Lang::En, Format::Text).to_string();
//! assert!(page.starts_with("FTP 150 File Status OK vs 421 Service Not Available"));
//!
//! use std::fmt::Write;
//! let mut markdown = String::new();
//! write!(markdown, "{}", d.render(Lang::Fr, Format::Markdown))?;
//! assert!(markdown.contains("## Différences clés"));
//! # Ok::<(), std::fmt::Error>(())
//! ```
//!
//! The page's words come from `ui.<lang>.toml`; the page is in `render.rs`,
//! the JSON view in `json.rs`.
#![allow(clippy::trivially_copy_pass_by_ref, clippy::unused_self)]

use core::fmt;

use crate::{
    Category, CommandSet, DataConnection, FunctionGroup, Lang, ReplyCode, ReplyInfo, RetryAdvice,
};

pub use crate::kb::PairNote;

/// The comparison of two reply codes; see the [module](self).
///
/// ```
/// use ftp_reply::{Lang, ReplyCode};
/// use ftp_reply::diff::{Diff, Difference, Format};
///
/// let d = Diff::new(ReplyCode::CLOSING_DATA_CONNECTION, ReplyCode::REQUESTED_FILE_ACTION_OK);
/// assert!(d.note().is_some()); // 226 and 250 are often confused
/// assert!(d.differences().any(|x| matches!(x, Difference::DataConnection { .. })));
/// assert!(d.render(Lang::En, Format::Text).to_string().starts_with("FTP 226"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Diff {
    a: ReplyCode,
    b: ReplyCode,
}

/// An output format for the pages of [`Diff::render`], [`Explanation::render`](crate::Explanation::render)
/// and [`Diagnosis::render`](crate::Diagnosis::render).
///
/// ```
/// use ftp_reply::diff::Format;
/// assert_eq!("markdown".parse::<Format>(), Ok(Format::Markdown));
/// assert_eq!("TEXT".parse::<Format>(), Ok(Format::Text));
/// assert!("html".parse::<Format>().is_err());
/// assert_eq!(Format::default().to_string(), "text");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, strum::Display, strum::EnumString)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
#[strum(parse_err_ty = crate::UnknownNameError, parse_err_fn = crate::UnknownNameError::format)]
#[non_exhaustive]
pub enum Format {
    /// Plain text with underlined headings.
    #[default]
    Text,
    /// Markdown (`CommonMark`), with links to the RFC sections.
    Markdown,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 2] = [Format::Text, Format::Markdown];

    /// Every format (same as [`Format::ALL`]).
    ///
    /// ```
    /// use ftp_reply::diff::Format;
    /// let names: Vec<String> = Format::all().map(|f| f.to_string()).collect();
    /// assert_eq!(names, ["text", "markdown"]);
    /// ```
    #[must_use]
    pub fn all() -> impl ExactSizeIterator<Item = Format> + Clone {
        Self::ALL.into_iter()
    }
}

impl Diff {
    /// Compares `a` with `b`.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::diff::Diff;
    /// let d = Diff::new(ReplyCode::FILE_UNAVAILABLE, ReplyCode::FILE_UNAVAILABLE);
    /// assert!(d.is_same());
    /// assert_eq!(d.differences().count(), 0);
    /// ```
    #[must_use]
    pub const fn new(a: ReplyCode, b: ReplyCode) -> Diff {
        Diff { a, b }
    }

    /// The first code.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::diff::Diff;
    /// assert_eq!(Diff::new(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE).a(), 150);
    /// ```
    #[must_use]
    pub const fn a(&self) -> ReplyCode {
        self.a
    }

    /// The second code.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::diff::Diff;
    /// assert_eq!(Diff::new(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE).b(), 421);
    /// ```
    #[must_use]
    pub const fn b(&self) -> ReplyCode {
        self.b
    }

    /// The knowledge-base entries of the two codes (`None` for a code no document defines).
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::diff::Diff;
    /// let d = Diff::new(ReplyCode::FILE_STATUS_OK, ReplyCode::new(199).unwrap());
    /// assert!(d.infos().0.is_some() && d.infos().1.is_none());
    /// ```
    #[must_use]
    pub fn infos(&self) -> (Option<&'static ReplyInfo>, Option<&'static ReplyInfo>) {
        (self.a.info(), self.b.info())
    }

    /// Whether both sides are the same code.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::diff::Diff;
    /// assert!(Diff::new(ReplyCode::COMMAND_OK, ReplyCode::COMMAND_OK).is_same());
    /// assert!(!Diff::new(ReplyCode::COMMAND_OK, ReplyCode::SYSTEM_STATUS).is_same());
    /// ```
    #[must_use]
    pub fn is_same(&self) -> bool {
        self.a == self.b
    }

    /// The same comparison the other way round: `Diff::new(b, a)`.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::diff::Diff;
    /// let (a, b) = (ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
    /// let d = Diff::new(a, b);
    /// assert_eq!(d.mirrored(), Diff::new(b, a));
    /// assert!(d.differences().map(|x| x.mirrored()).eq(Diff::new(b, a).differences()));
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
    /// use ftp_reply::{Lang, ReplyCode};
    /// use ftp_reply::diff::Diff;
    /// let d = Diff::new(ReplyCode::REQUESTED_FILE_ACTION_NOT_TAKEN, ReplyCode::FILE_UNAVAILABLE);
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
    /// function group, control connection, data connection, next step,
    /// commands, standing.
    ///
    /// Empty when both sides are the same code. Axes that need the knowledge
    /// base (connections, standing) compare only codes that have an entry,
    /// except [`Difference::Standing`], which also tells a defined code from an
    /// undefined one. What follows from the first digit alone (preliminary or
    /// final, positive or negative, transient or permanent) is in
    /// [`Difference::Category`]; the page spells it out.
    ///
    /// ```
    /// use ftp_reply::{FunctionGroup, ReplyCode};
    /// use ftp_reply::diff::{Diff, Difference};
    /// // Same first digit: no category axis, and the function group comes first.
    /// let d = Diff::new(ReplyCode::NOT_LOGGED_IN, ReplyCode::FILE_UNAVAILABLE);
    /// let first = d.differences().next().unwrap();
    /// assert_eq!(first, Difference::Function { a: FunctionGroup::AuthenticationAndAccounting, b: FunctionGroup::FileSystem });
    /// assert!(!d.differences().any(|x| matches!(x, Difference::Category { .. })));
    /// ```
    pub fn differences(&self) -> impl Iterator<Item = Difference> + Clone + use<> {
        self.axes().filter_map(Axis::public)
    }

    /// Every axis of the page, including the three it derives from the
    /// category (stage, outcome, persistence), in the page's order.
    pub(crate) fn axes(&self) -> impl Iterator<Item = Axis> + Clone + use<> {
        let (a, b) = (self.a, self.b);
        let (ia, ib) = (a.info(), b.info());
        let both = ia.zip(ib);
        let persistence = Persistence::of(a).zip(Persistence::of(b));
        [
            Some(Axis::Category {
                a: a.category(),
                b: b.category(),
            }),
            Some(Axis::Stage {
                a: Stage::of(a),
                b: Stage::of(b),
            }),
            Some(Axis::Outcome {
                a: Outcome::of(a),
                b: Outcome::of(b),
            }),
            persistence.map(|(pa, pb)| Axis::Persistence { a: pa, b: pb }),
            Some(Axis::Function {
                a: a.function(),
                b: b.function(),
            }),
            both.map(|(x, y)| Axis::ControlConnection {
                a: x.closes_control_connection(),
                b: y.closes_control_connection(),
            }),
            both.map(|(x, y)| Axis::DataConnection {
                a: x.data_connection(),
                b: y.data_connection(),
            }),
            Some(Axis::NextStep {
                a: a.retry_advice(),
                b: b.retry_advice(),
            }),
            Some(Axis::Commands {
                a: CommandSet::producing(a),
                b: CommandSet::producing(b),
            }),
            Some(Axis::Standing {
                a: Standing::of(a),
                b: Standing::of(b),
            }),
        ]
        .into_iter()
        .flatten()
        .filter(Axis::differs)
    }

    /// A printable page in `lang` and `format`: the title, a summary, each
    /// code's description, when it is seen and how to resolve it, the numbered
    /// key differences, the note on the pair if there is one, "when to use
    /// which" for a server and for a client, and the sources.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// use ftp_reply::diff::{Diff, Format};
    /// let text = Diff::new(ReplyCode::CANT_OPEN_DATA_CONNECTION, ReplyCode::CONNECTION_CLOSED_TRANSFER_ABORTED)
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

    /// A serializable view in `lang`, for JSON (needs the `serde` feature).
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// use ftp_reply::diff::Diff;
    /// let json = serde_json::to_value(Diff::new(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE).localized(Lang::En)).unwrap();
    /// assert_eq!(json["a"]["code"], 150);
    /// assert_eq!(json["differences"][0]["axis"], "category");
    /// ```
    #[cfg(feature = "serde")]
    #[must_use]
    pub const fn localized(&self, lang: Lang) -> LocalizedDiff {
        LocalizedDiff { diff: *self, lang }
    }
}

/// One line: the page's title in English. The page itself is
/// [`Diff::render`], in any language and format.
///
/// ```
/// use ftp_reply::ReplyCode;
/// use ftp_reply::diff::Diff;
/// let d = Diff::new(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
/// assert_eq!(d.to_string(), "FTP 150 File Status OK vs 421 Service Not Available");
/// ```
impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_title(f, Lang::default())
    }
}

/// Where a reply leaves the command it answers (from the first digit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub(crate) enum Stage {
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
    pub(crate) const fn of(code: ReplyCode) -> Self {
        match code.category() {
            Category::PositivePreliminary => Self::Preliminary,
            Category::PositiveIntermediate => Self::Intermediate,
            Category::Protected => Self::Protected,
            _ => Self::Final,
        }
    }

    /// The phrase in `lang` (`stage` in `ui.<lang>.toml`).
    pub(crate) const fn phrase(self, lang: Lang) -> &'static str {
        lang.phrases().stage[self as usize]
    }
}

/// Whether a reply reports success or failure (from the first digit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub(crate) enum Outcome {
    /// 1yz to 3yz: accepted so far.
    Positive,
    /// 4yz and 5yz: the command failed.
    Negative,
    /// 6yz: hidden until the protected reply is decoded.
    Protected,
}

impl Outcome {
    /// The outcome of a code.
    pub(crate) const fn of(code: ReplyCode) -> Self {
        if code.is_positive() {
            Self::Positive
        } else if code.is_negative() {
            Self::Negative
        } else {
            Self::Protected
        }
    }

    /// The phrase in `lang` (`outcome` in `ui.<lang>.toml`).
    pub(crate) const fn phrase(self, lang: Lang) -> &'static str {
        lang.phrases().outcome[self as usize]
    }
}

/// For a negative reply, whether retrying may work (4yz) or not (5yz).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub(crate) enum Persistence {
    /// 4yz: the same command may succeed later.
    Transient,
    /// 5yz: the same command will fail again.
    Permanent,
}

impl Persistence {
    /// The persistence of a negative code; `None` for other codes.
    pub(crate) const fn of(code: ReplyCode) -> Option<Self> {
        if code.is_transient_negative() {
            Some(Self::Transient)
        } else if code.is_permanent_negative() {
            Some(Self::Permanent)
        } else {
            None
        }
    }

    /// The phrase in `lang` (`persistence` in `ui.<lang>.toml`).
    pub(crate) const fn phrase(self, lang: Lang) -> &'static str {
        lang.phrases().persistence[self as usize]
    }
}

/// Whether a code is defined by an RFC.
///
/// ```
/// use ftp_reply::ReplyCode;
/// use ftp_reply::diff::{Diff, Difference, Standing};
/// let d = Diff::new(ReplyCode::NOT_LOGGED_IN, ReplyCode::new(430).unwrap());
/// assert!(d.differences().any(|x| x == Difference::Standing { a: Standing::Rfc, b: Standing::NonStandard }));
/// assert_eq!(Standing::Undefined.to_string(), "undefined");
/// ```
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
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::diff::Standing;
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

    /// The phrase in `lang` (`standing` in `ui.<lang>.toml`).
    pub(crate) const fn phrase(self, lang: Lang) -> &'static str {
        lang.phrases().standing[self as usize]
    }
}

/// One axis on which two codes differ, with the value on each side
/// (`a` for the first code of the [`Diff`], `b` for the second).
///
/// Whether a reply is preliminary or final, positive or negative, transient
/// or permanent follows from its first digit, so it is part of
/// [`Difference::Category`] (see the `is_*` predicates of [`ReplyCode`]);
/// the page still says it in words.
///
/// ```
/// use ftp_reply::{Category, Lang, ReplyCode, RetryAdvice};
/// use ftp_reply::diff::{Diff, Difference};
///
/// let d = Diff::new(ReplyCode::CANT_OPEN_DATA_CONNECTION, ReplyCode::FILE_UNAVAILABLE);
/// let all: Vec<Difference> = d.differences().collect();
/// assert_eq!(all[0], Difference::Category {
///     a: Category::TransientNegativeCompletion,
///     b: Category::PermanentNegativeCompletion,
/// });
/// assert!(all.contains(&Difference::NextStep { a: RetryAdvice::ChangeFirst, b: RetryAdvice::DoNotRetryUnchanged }));
/// println!("{}", all[0].describe(d.a(), d.b(), Lang::En));
/// ```
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
    /// The axis's name: `category`, `function`, `control_connection`,
    /// `data_connection`, `next_step`, `commands` or `standing`.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::diff::Diff;
    /// let d = Diff::new(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
    /// assert_eq!(d.differences().next().unwrap().axis(), "category");
    /// ```
    #[must_use]
    pub const fn axis(&self) -> &'static str {
        Axis::from_public(*self).name()
    }

    /// The same difference with the sides swapped.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::diff::Diff;
    /// let (a, b) = (ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
    /// let there: Vec<_> = Diff::new(a, b).differences().map(|x| x.mirrored()).collect();
    /// assert!(there.into_iter().eq(Diff::new(b, a).differences()));
    /// ```
    #[must_use]
    pub const fn mirrored(self) -> Self {
        match self {
            Self::Category { a, b } => Self::Category { a: b, b: a },
            Self::Function { a, b } => Self::Function { a: b, b: a },
            Self::ControlConnection { a, b } => Self::ControlConnection { a: b, b: a },
            Self::DataConnection { a, b } => Self::DataConnection { a: b, b: a },
            Self::NextStep { a, b } => Self::NextStep { a: b, b: a },
            Self::Commands { a, b } => Self::Commands { a: b, b: a },
            Self::Standing { a, b } => Self::Standing { a: b, b: a },
        }
    }

    /// One sentence saying how `code_a` and `code_b` differ on this axis, in `lang`.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// use ftp_reply::diff::Diff;
    /// let (a, b) = (ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
    /// let first = Diff::new(a, b).differences().next().unwrap();
    /// assert_eq!(
    ///     first.describe(a, b, Lang::En).to_string(),
    ///     "150 is a 1xx Positive Preliminary reply and 421 a 4xx Transient Negative Completion reply."
    /// );
    /// ```
    #[must_use]
    pub const fn describe(self, code_a: ReplyCode, code_b: ReplyCode, lang: Lang) -> Sentence {
        Sentence {
            axis: Axis::from_public(self),
            a: code_a,
            b: code_b,
            lang,
        }
    }
}

/// Every axis of the page: the public [`Difference`]s and the three that
/// restate the first digit in words (stage, outcome, persistence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Axis {
    Category {
        a: Category,
        b: Category,
    },
    Stage {
        a: Stage,
        b: Stage,
    },
    Outcome {
        a: Outcome,
        b: Outcome,
    },
    Persistence {
        a: Persistence,
        b: Persistence,
    },
    Function {
        a: FunctionGroup,
        b: FunctionGroup,
    },
    ControlConnection {
        a: bool,
        b: bool,
    },
    DataConnection {
        a: DataConnection,
        b: DataConnection,
    },
    NextStep {
        a: RetryAdvice,
        b: RetryAdvice,
    },
    Commands {
        a: CommandSet,
        b: CommandSet,
    },
    Standing {
        a: Standing,
        b: Standing,
    },
}

impl Axis {
    const fn from_public(d: Difference) -> Self {
        match d {
            Difference::Category { a, b } => Self::Category { a, b },
            Difference::Function { a, b } => Self::Function { a, b },
            Difference::ControlConnection { a, b } => Self::ControlConnection { a, b },
            Difference::DataConnection { a, b } => Self::DataConnection { a, b },
            Difference::NextStep { a, b } => Self::NextStep { a, b },
            Difference::Commands { a, b } => Self::Commands { a, b },
            Difference::Standing { a, b } => Self::Standing { a, b },
        }
    }

    /// The public difference; `None` for the three derived from the category.
    const fn public(self) -> Option<Difference> {
        Some(match self {
            Self::Category { a, b } => Difference::Category { a, b },
            Self::Stage { .. } | Self::Outcome { .. } | Self::Persistence { .. } => return None,
            Self::Function { a, b } => Difference::Function { a, b },
            Self::ControlConnection { a, b } => Difference::ControlConnection { a, b },
            Self::DataConnection { a, b } => Difference::DataConnection { a, b },
            Self::NextStep { a, b } => Difference::NextStep { a, b },
            Self::Commands { a, b } => Difference::Commands { a, b },
            Self::Standing { a, b } => Difference::Standing { a, b },
        })
    }

    /// The axis's name, as in the JSON view.
    pub(crate) const fn name(&self) -> &'static str {
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

    /// The sentence of this axis for the codes `a` and `b`.
    pub(crate) const fn describe(self, a: ReplyCode, b: ReplyCode, lang: Lang) -> Sentence {
        Sentence {
            axis: self,
            a,
            b,
            lang,
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
}

mod render;
pub use render::{Rendered, Sentence};

#[cfg(feature = "serde")]
mod json;
#[cfg(feature = "serde")]
pub use json::LocalizedDiff;
