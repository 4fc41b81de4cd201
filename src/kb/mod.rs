//! The knowledge base: what every known reply code means, in English and French.
//!
//! The data lives in `src/kb/data/` as TOML: `codes.toml` holds the facts
//! (sources, RFC wording, client advice), `en.toml` and `fr.toml` the prose,
//! one file per language with the same keys. The build script
//! (`src/kb/build.rs`) checks the files and turns them into a sorted static
//! array and a compile-time perfect-hash table (`phf`) from code to entry, so
//! a translator edits text files and never Rust, and a lookup costs one hash.

use core::fmt;

use crate::{Category, FunctionGroup, Lang, ReplyCode, Text};

/// Everything the knowledge base knows about one reply code.
///
/// Get one with [`ReplyCode::info`] or iterate them all, in code order, with
/// [`ReplyInfo::all`]. Human-readable fields take a [`Lang`]; facts (sources,
/// the RFC wording, client advice) do not.
///
/// Some codes have several meanings depending on the RFC and the command
/// (for example 521 and 522); [`meanings`](Self::meanings) lists each with its
/// context, and the title and description cover all of them.
///
/// # Example
///
/// ```
/// use ftp_reply::{Lang, ReplyCode, RetryAdvice};
///
/// let info = ReplyCode::CANT_OPEN_DATA_CONNECTION.info().unwrap();
/// assert_eq!(info.code(), 425);
/// assert_eq!(info.title(Lang::En), "Can't Open Data Connection");
/// assert_eq!(info.rfc_wording(), "Can't open data connection.");
/// assert_eq!(info.retry_advice(), RetryAdvice::ChangeFirst);
/// assert!(info.is_standard());
/// assert_eq!(info.sources()[0].to_string(), "RFC 959 §4.2.1");
/// println!("{}", info.remediation(Lang::Fr));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ReplyInfo {
    pub(crate) code: ReplyCode,
    pub(crate) name: &'static str,
    pub(crate) standard: bool,
    pub(crate) title: Text,
    pub(crate) description: Text,
    pub(crate) when_seen: Text,
    pub(crate) remediation: Text,
    pub(crate) sources: &'static [Source],
    pub(crate) meanings: &'static [Meaning],
    pub(crate) closes_control: bool,
    pub(crate) data_connection: DataConnection,
    pub(crate) retry: RetryAdvice,
    pub(crate) related: &'static [ReplyCode],
}

impl ReplyInfo {
    /// Every entry of the knowledge base, in code order.
    ///
    /// ```
    /// use ftp_reply::ReplyInfo;
    ///
    /// let all = ReplyInfo::all();
    /// assert!(all.windows(2).all(|w| w[0].code() < w[1].code()));
    /// assert!(all.iter().any(|i| i.code() == 421));
    /// ```
    #[must_use]
    pub fn all() -> &'static [ReplyInfo] {
        &generated::ALL
    }

    /// The code this entry describes.
    ///
    /// ```
    /// use ftp_reply::{ReplyCode, ReplyInfo};
    /// assert!(ReplyInfo::all().iter().all(|i| i.code().info() == Some(i)));
    /// assert_eq!(ReplyInfo::all()[0].code(), ReplyCode::RESTART_MARKER_REPLY);
    /// ```
    #[must_use]
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The name of the code's associated constant on [`ReplyCode`], e.g. `"FILE_STATUS_OK"`.
    ///
    /// ```
    /// # use ftp_reply::ReplyCode;
    /// assert_eq!(ReplyCode::FILE_STATUS_OK.info().unwrap().constant_name(), "FILE_STATUS_OK");
    /// ```
    #[must_use]
    pub const fn constant_name(&self) -> &'static str {
        self.name
    }

    /// The category, from the first digit (same as `self.code().category()`).
    ///
    /// ```
    /// use ftp_reply::{Category, ReplyCode};
    /// let info = ReplyCode::CANT_OPEN_DATA_CONNECTION.info().unwrap();
    /// assert_eq!(info.category(), Category::TransientNegativeCompletion);
    /// ```
    #[must_use]
    pub const fn category(&self) -> Category {
        self.code.category()
    }

    /// The function group, from the second digit (same as `self.code().function()`).
    ///
    /// ```
    /// use ftp_reply::{FunctionGroup, ReplyCode};
    /// let info = ReplyCode::CANT_OPEN_DATA_CONNECTION.info().unwrap();
    /// assert_eq!(info.function(), FunctionGroup::Connections);
    /// ```
    #[must_use]
    pub const fn function(&self) -> FunctionGroup {
        self.code.function()
    }

    /// `true` when an RFC defines the code; `false` for the non-standard codes
    /// that some servers and clients use.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// assert!(ReplyCode::NOT_LOGGED_IN.info().unwrap().is_standard());
    /// assert!(!ReplyCode::new(430).unwrap().info().unwrap().is_standard());
    /// ```
    #[must_use]
    pub const fn is_standard(&self) -> bool {
        self.standard
    }

    /// A short title, e.g. "File Status OK".
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// let info = ReplyCode::CANT_OPEN_DATA_CONNECTION.info().unwrap();
    /// assert_eq!(info.title(Lang::En), "Can't Open Data Connection");
    /// assert_eq!(info.title(Lang::Es), "No se puede abrir la conexión de datos");
    /// ```
    #[must_use]
    pub const fn title(&self, lang: Lang) -> &'static str {
        self.title.get(lang)
    }

    /// The title in every language.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// let titles = ReplyCode::FILE_STATUS_OK.info().unwrap().title_text();
    /// assert_eq!(titles.get(Lang::En), "File Status OK");
    /// assert!(Lang::all().all(|lang| !titles.get(lang).is_empty()));
    /// ```
    #[must_use]
    pub const fn title_text(&self) -> Text {
        self.title
    }

    /// What the reply means, in plain words.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// let info = ReplyCode::CANT_OPEN_DATA_CONNECTION.info().unwrap();
    /// assert!(info.description(Lang::En).starts_with("425 says the server could not open or accept the data connection"));
    /// ```
    #[must_use]
    pub const fn description(&self, lang: Lang) -> &'static str {
        self.description.get(lang)
    }

    /// When a user typically sees the reply: the commands and situations that produce it.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// let info = ReplyCode::CANT_OPEN_DATA_CONNECTION.info().unwrap();
    /// assert!(info.when_seen(Lang::En).contains("425 Use PORT or PASV first."));
    /// ```
    #[must_use]
    pub const fn when_seen(&self, lang: Lang) -> &'static str {
        self.when_seen.get(lang)
    }

    /// How to resolve it, or why nothing needs to be done.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// let info = ReplyCode::CANT_OPEN_DATA_CONNECTION.info().unwrap();
    /// assert!(info.remediation(Lang::En).contains("pasv_min_port"));
    /// ```
    #[must_use]
    pub const fn remediation(&self, lang: Lang) -> &'static str {
        self.remediation.get(lang)
    }

    /// The reply text as the defining document gives it (for a non-standard
    /// code, the text servers commonly send). Quoted, never translated.
    ///
    /// This is the wording of the first of [`meanings`](Self::meanings).
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// let info = ReplyCode::CLOSING_DATA_CONNECTION.info().unwrap();
    /// assert!(info.rfc_wording().starts_with("Closing data connection. Requested file action successful"));
    /// assert_eq!(info.rfc_wording(), info.meanings()[0].wording());
    /// ```
    #[must_use]
    pub const fn rfc_wording(&self) -> &'static str {
        self.meanings[0].wording
    }

    /// The documents and sections that define or use the code.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// let sources: Vec<_> = ReplyCode::CLOSING_DATA_CONNECTION.info().unwrap().sources().iter().map(ToString::to_string).collect();
    /// assert_eq!(sources, ["RFC 959 §4.2.1", "RFC 959 §4.2.2", "RFC 959 §5.4", "RFC 3659 §7.2"]);
    /// ```
    #[must_use]
    pub const fn sources(&self) -> &'static [Source] {
        self.sources
    }

    /// Each meaning the code has, with the document and context where it
    /// applies. Most codes have exactly one.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    ///
    /// let meanings = ReplyCode::new(522).unwrap().info().unwrap().meanings();
    /// assert_eq!(meanings.len(), 2);
    /// assert_eq!(meanings[0].source().to_string(), "RFC 2428 §2");
    /// assert_eq!(meanings[1].source().to_string(), "RFC 4217 §10.2");
    /// ```
    #[must_use]
    pub const fn meanings(&self) -> &'static [Meaning] {
        self.meanings
    }

    /// Whether the server closes the control connection after sending this
    /// reply (221, 421).
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// let closes = |c: ReplyCode| c.info().unwrap().closes_control_connection();
    /// assert!(closes(ReplyCode::SERVICE_NOT_AVAILABLE));
    /// assert!(!closes(ReplyCode::NOT_LOGGED_IN)); // the session stays open for another USER
    /// ```
    #[must_use]
    pub const fn closes_control_connection(&self) -> bool {
        self.closes_control
    }

    /// What the reply says about the data connection.
    ///
    /// ```
    /// use ftp_reply::{DataConnection, ReplyCode};
    /// let data = |c: ReplyCode| c.info().unwrap().data_connection();
    /// assert_eq!(data(ReplyCode::CANT_OPEN_DATA_CONNECTION), DataConnection::OpenFailed);
    /// assert_eq!(data(ReplyCode::CLOSING_DATA_CONNECTION), DataConnection::Closed);
    /// assert_eq!(data(ReplyCode::NOT_LOGGED_IN), DataConnection::Unaffected);
    /// ```
    #[must_use]
    pub const fn data_connection(&self) -> DataConnection {
        self.data_connection
    }

    /// What a client should do next.
    ///
    /// ```
    /// use ftp_reply::{ReplyCode, RetryAdvice};
    /// let info = ReplyCode::CANT_OPEN_DATA_CONNECTION.info().unwrap();
    /// assert_eq!(info.retry_advice(), RetryAdvice::ChangeFirst); // e.g. switch to passive mode
    /// ```
    #[must_use]
    pub const fn retry_advice(&self) -> RetryAdvice {
        self.retry
    }

    /// Codes that are easily confused with this one or that usually come
    /// before or after it.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// let related = ReplyCode::CANT_OPEN_DATA_CONNECTION.info().unwrap().related();
    /// assert_eq!(related, [ReplyCode::ENTERING_PASSIVE_MODE, ReplyCode::CONNECTION_CLOSED_TRANSFER_ABORTED]);
    /// ```
    #[must_use]
    pub const fn related(&self) -> &'static [ReplyCode] {
        self.related
    }

    /// A view of this entry with every text in `lang`: the shape that
    /// `examples/explain.rs` prints as JSON.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    ///
    /// let fr = ReplyCode::SERVICE_NOT_AVAILABLE.info().unwrap().localized(Lang::Fr);
    /// assert_eq!(fr.title, "Service non disponible");
    /// assert_eq!(fr.category, "Réponse négative transitoire");
    /// ```
    #[must_use]
    pub const fn localized(&'static self, lang: Lang) -> LocalizedInfo {
        LocalizedInfo {
            code: self.code,
            lang,
            category: self.code.category().name(lang),
            function: self.code.function().name(lang),
            standard: self.standard,
            title: self.title.get(lang),
            rfc_wording: self.rfc_wording(),
            description: self.description.get(lang),
            when_seen: self.when_seen.get(lang),
            remediation: self.remediation.get(lang),
            sources: self.sources,
            closes_control_connection: self.closes_control,
            more_replies_follow: self.code.is_preliminary(),
            data_connection: self.data_connection,
            retry_advice: self.retry,
            related: self.related,
            info: self,
        }
    }
}

/// A knowledge-base entry with its texts in one language; see [`ReplyInfo::localized`].
///
/// With the `serde` feature it serializes to a flat JSON object with the keys
/// `code`, `lang`, `category`, `function`, `standard`, `title`,
/// `rfc_wording`, `description`, `when_seen`, `remediation`, `sources`,
/// `closes_control_connection`, `more_replies_follow`, `data_connection`,
/// `retry_advice`, `related` and `meanings`.
///
/// ```
/// use ftp_reply::{Lang, ReplyCode};
///
/// let es = ReplyCode::CANT_OPEN_DATA_CONNECTION.info().unwrap().localized(Lang::Es);
/// assert_eq!((es.code, es.lang), (ReplyCode::CANT_OPEN_DATA_CONNECTION, Lang::Es));
/// assert_eq!(es.title, "No se puede abrir la conexión de datos");
/// assert_eq!(es.rfc_wording, "Can't open data connection."); // quoted, never translated
/// assert!(es.standard && !es.closes_control_connection && !es.more_replies_follow);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct LocalizedInfo {
    /// The code.
    pub code: ReplyCode,
    /// The language of the texts.
    pub lang: Lang,
    /// The category's name.
    pub category: &'static str,
    /// The function group's name.
    pub function: &'static str,
    /// Whether an RFC defines the code.
    pub standard: bool,
    /// The short title.
    pub title: &'static str,
    /// The RFC's wording (never translated).
    pub rfc_wording: &'static str,
    /// What the reply means.
    pub description: &'static str,
    /// When it is seen.
    pub when_seen: &'static str,
    /// How to resolve it.
    pub remediation: &'static str,
    /// Defining documents.
    pub sources: &'static [Source],
    /// Whether the server closes the control connection.
    pub closes_control_connection: bool,
    /// Whether more replies to the same command follow.
    pub more_replies_follow: bool,
    /// Effect on the data connection.
    pub data_connection: DataConnection,
    /// What a client should do next.
    pub retry_advice: RetryAdvice,
    /// Related codes.
    pub related: &'static [ReplyCode],
    /// The whole entry (for the meanings).
    pub info: &'static ReplyInfo,
}

#[cfg(feature = "serde")]
impl serde::Serialize for LocalizedInfo {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;

        struct Meanings(&'static [Meaning], Lang);
        impl serde::Serialize for Meanings {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeSeq;
                let mut seq = s.serialize_seq(Some(self.0.len()))?;
                for m in self.0 {
                    seq.serialize_element(&LocalMeaning(m, self.1))?;
                }
                seq.end()
            }
        }
        struct LocalMeaning<'a>(&'a Meaning, Lang);
        impl serde::Serialize for LocalMeaning<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut st = s.serialize_struct("Meaning", 4)?;
                st.serialize_field("source", &self.0.source)?;
                st.serialize_field("wording", self.0.wording)?;
                st.serialize_field("commands", self.0.commands)?;
                st.serialize_field("context", &self.0.context.map(|t| t.get(self.1)))?;
                st.end()
            }
        }

        let mut st = serializer.serialize_struct("LocalizedInfo", 17)?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("lang", &self.lang)?;
        st.serialize_field("category", self.category)?;
        st.serialize_field("function", self.function)?;
        st.serialize_field("standard", &self.standard)?;
        st.serialize_field("title", self.title)?;
        st.serialize_field("rfc_wording", self.rfc_wording)?;
        st.serialize_field("description", self.description)?;
        st.serialize_field("when_seen", self.when_seen)?;
        st.serialize_field("remediation", self.remediation)?;
        st.serialize_field("sources", self.sources)?;
        st.serialize_field("closes_control_connection", &self.closes_control_connection)?;
        st.serialize_field("more_replies_follow", &self.more_replies_follow)?;
        st.serialize_field("data_connection", &self.data_connection)?;
        st.serialize_field("retry_advice", &self.retry_advice)?;
        st.serialize_field("related", self.related)?;
        st.serialize_field("meanings", &Meanings(self.info.meanings, self.lang))?;
        st.end()
    }
}

/// One meaning of a code: the wording a document gives it and where it applies.
///
/// ```
/// use ftp_reply::{Lang, ReplyCode};
///
/// let m = &ReplyCode::new(521).unwrap().info().unwrap().meanings()[1];
/// assert_eq!(m.source().to_string(), "RFC 4217 §10.2");
/// assert!(m.commands().contains(&"RETR"));
/// assert!(m.context(Lang::En).is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Meaning {
    pub(crate) source: Source,
    pub(crate) wording: &'static str,
    pub(crate) commands: &'static [&'static str],
    pub(crate) context: Option<Text>,
}

impl Meaning {
    /// The document and section that give this meaning.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// let meanings = ReplyCode::EXTENDED_PORT_FAILURE.info().unwrap().meanings();
    /// assert_eq!(meanings[0].source().to_string(), "RFC 2428 §2");
    /// ```
    #[must_use]
    pub const fn source(&self) -> Source {
        self.source
    }

    /// The reply text as that document gives it, quoted verbatim.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// let meanings = ReplyCode::EXTENDED_PORT_FAILURE.info().unwrap().meanings();
    /// assert_eq!(meanings[1].wording(), "TLS negotiation failed or was unacceptable");
    /// ```
    #[must_use]
    pub const fn wording(&self) -> &'static str {
        self.wording
    }

    /// The commands whose replies carry this meaning (empty when the meaning
    /// does not depend on the command).
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// let meanings = ReplyCode::EXTENDED_PORT_FAILURE.info().unwrap().meanings();
    /// assert_eq!(meanings[0].commands(), ["EPRT", "EPSV"]);
    /// assert!(ReplyCode::COMMAND_OK.info().unwrap().meanings()[0].commands().is_empty());
    /// ```
    #[must_use]
    pub const fn commands(&self) -> &'static [&'static str] {
        self.commands
    }

    /// When the code has several meanings, how to tell this one apart.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// let meanings = ReplyCode::EXTENDED_PORT_FAILURE.info().unwrap().meanings();
    /// assert!(meanings[0].context(Lang::En).unwrap().starts_with("RFC 2428 meaning"));
    /// assert_eq!(ReplyCode::COMMAND_OK.info().unwrap().meanings()[0].context(Lang::En), None);
    /// ```
    #[must_use]
    pub const fn context(&self, lang: Lang) -> Option<&'static str> {
        match self.context {
            Some(t) => Some(t.get(lang)),
            None => None,
        }
    }
}

/// A place where a code is defined or described: an RFC section, or a
/// non-standard source.
///
/// `Display` prints `RFC 959 §4.2.1`, or the non-standard source's name.
///
/// ```
/// use ftp_reply::{ReplyCode, Spec};
///
/// let src = ReplyCode::FILE_STATUS_OK.info().unwrap().sources()[0];
/// assert_eq!(src.spec(), Spec::Rfc(959));
/// assert_eq!(src.section(), "4.2.1");
/// assert_eq!(src.url().as_deref(), Some("https://www.rfc-editor.org/rfc/rfc959#section-4.2.1"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Source {
    pub(crate) spec: Spec,
    pub(crate) section: &'static str,
}

impl Source {
    /// The document.
    ///
    /// ```
    /// use ftp_reply::{ReplyCode, Spec};
    /// let info = ReplyCode::new(430).unwrap().info().unwrap(); // not standard
    /// assert_eq!(info.sources()[0].spec(), Spec::Other("Wikipedia, List of FTP server return codes"));
    /// ```
    #[must_use]
    pub const fn spec(&self) -> Spec {
        self.spec
    }

    /// The section ("4.2.1", "Appendix II"), or `""` for a whole document.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// let sections: Vec<_> = ReplyCode::ADDRESS_FAMILY_NOT_SUPPORTED.info().unwrap().sources().iter().map(|s| s.section()).collect();
    /// assert_eq!(sections, ["4", "10.2", "Appendix II"]);
    /// ```
    #[must_use]
    pub const fn section(&self) -> &'static str {
        self.section
    }

    /// A link to the section on rfc-editor.org, for RFC sources (needs `alloc`).
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// let urls: Vec<_> = ReplyCode::ADDRESS_FAMILY_NOT_SUPPORTED.info().unwrap().sources().iter().map(|s| s.url()).collect();
    /// assert_eq!(urls[2].as_deref(), Some("https://www.rfc-editor.org/rfc/rfc959#appendix-II"));
    /// assert_eq!(ReplyCode::new(430).unwrap().info().unwrap().sources()[0].url(), None);
    /// ```
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn url(&self) -> Option<alloc::string::String> {
        let mut url = alloc::string::String::new();
        self.write_url(&mut url)?.ok()?;
        Some(url)
    }

    /// Writes the rfc-editor.org link of an RFC source; `None` for other sources.
    pub(crate) fn write_url(&self, w: &mut impl fmt::Write) -> Option<fmt::Result> {
        let Spec::Rfc(n) = self.spec else {
            return None;
        };
        Some((|| {
            write!(w, "https://www.rfc-editor.org/rfc/rfc{n}")?;
            if let Some(rest) = self.section.strip_prefix("Appendix ") {
                write!(w, "#appendix-{rest}")
            } else if self.section.is_empty() {
                Ok(())
            } else {
                write!(w, "#section-{}", self.section)
            }
        })())
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.spec {
            Spec::Rfc(n) if self.section.is_empty() => write!(f, "RFC {n}"),
            Spec::Rfc(n) if self.section.starts_with(|c: char| c.is_ascii_digit()) => {
                write!(f, "RFC {n} §{}", self.section)
            }
            Spec::Rfc(n) => write!(f, "RFC {n} {}", self.section),
            Spec::Other(name) if self.section.is_empty() => f.write_str(name),
            Spec::Other(name) => write!(f, "{name}, {}", self.section),
        }
    }
}

/// The document a [`Source`] points to.
///
/// ```
/// use ftp_reply::{ReplyCode, Spec};
/// let specs: Vec<_> = ReplyCode::USER_LOGGED_OUT.info().unwrap().sources().iter().map(|s| s.spec()).collect();
/// assert_eq!(specs, [Spec::Rfc(542), Spec::Rfc(454), Spec::Rfc(354), Spec::Other("Wikipedia, List of FTP server return codes")]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Spec {
    /// An RFC, by number.
    Rfc(u16),
    /// A non-standard source: a server, client or list that uses the code.
    Other(&'static str),
}

/// What a reply says about the data connection (RFC 959 §3.2, §5.4).
///
/// ```
/// use ftp_reply::{DataConnection, ReplyCode};
/// assert_eq!(ReplyCode::FILE_STATUS_OK.info().unwrap().data_connection(), DataConnection::Opening);
/// assert_eq!(ReplyCode::NOT_LOGGED_IN.info().unwrap().data_connection(), DataConnection::Unaffected);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::EnumString, strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[strum(parse_err_ty = crate::UnknownNameError, parse_err_fn = crate::UnknownNameError::data_connection)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DataConnection {
    /// The reply says nothing about a data connection.
    Unaffected,
    /// The server is listening for the client to open the data connection (227, 228, 229).
    Listening,
    /// The server is about to open the data connection for a transfer (150).
    Opening,
    /// The data connection is already open and the transfer starts on it (125).
    AlreadyOpen,
    /// The data connection is open and idle, no transfer in progress (225).
    OpenIdle,
    /// The transfer succeeded and the server closed the data connection (226).
    Closed,
    /// The server could not open the data connection (425), or refused to at
    /// the current protection level (RFC 4217 521/522).
    OpenFailed,
    /// The data connection broke or was closed and the transfer was aborted (426).
    Aborted,
    /// The transfer was stopped by a server-side condition; the data
    /// connection is closed (451, 551, 552).
    TransferFailed,
}

impl DataConnection {
    /// Every effect, in declaration order.
    pub const ALL: [DataConnection; 9] = [
        Self::Unaffected,
        Self::Listening,
        Self::Opening,
        Self::AlreadyOpen,
        Self::OpenIdle,
        Self::Closed,
        Self::OpenFailed,
        Self::Aborted,
        Self::TransferFailed,
    ];

    /// A short phrase in `lang`, e.g. "the data connection is about to be
    /// opened" (`data_connection` in `ui.<lang>.toml`).
    ///
    /// ```
    /// use ftp_reply::{DataConnection, Lang};
    /// assert_eq!(DataConnection::Aborted.describe(Lang::default()), "the data connection was closed and the transfer aborted");
    /// ```
    #[must_use]
    pub const fn describe(self, lang: Lang) -> &'static str {
        lang.phrases().data_connection[self as usize]
    }
}

/// What a client should do after a reply: advice as data, for retry loops.
///
/// ```
/// use ftp_reply::{ReplyCode, RetryAdvice};
///
/// match ReplyCode::parse_str("425 Can't open data connection.")?.retry_advice() {
///     RetryAdvice::ChangeFirst => { /* e.g. switch between PASV and PORT, then retry */ }
///     other => panic!("unexpected {other:?}"),
/// }
/// # Ok::<(), ftp_reply::ParseError>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::EnumString, strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[strum(parse_err_ty = crate::UnknownNameError, parse_err_fn = crate::UnknownNameError::retry_advice)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RetryAdvice {
    /// The command succeeded: nothing to retry (2yz).
    NoRetryNeeded,
    /// A preliminary reply: read the next reply, do not send a command yet (1yz).
    WaitForFinalReply,
    /// The command is on hold: send the command the server asks for (3yz, e.g. PASS after 331).
    SendNextCommand,
    /// A temporary failure: the same command may succeed later.
    RetryLater,
    /// The server closed (or is closing) the control connection: reconnect later (421).
    ReconnectLater,
    /// Change something before retrying: the transfer mode (PASV or PORT), the
    /// protection level, the account, the file name...
    ChangeFirst,
    /// A permanent failure: repeating the same command unchanged will fail again.
    DoNotRetryUnchanged,
    /// A protected reply (6yz): decode it with the security mechanism, then act on the reply inside.
    DecodeProtected,
}

impl RetryAdvice {
    /// The default advice for a category, used for codes the knowledge base does not know.
    ///
    /// ```
    /// use ftp_reply::{Category, RetryAdvice};
    /// assert_eq!(RetryAdvice::for_category(Category::PermanentNegativeCompletion), RetryAdvice::DoNotRetryUnchanged);
    /// ```
    #[must_use]
    pub const fn for_category(category: Category) -> Self {
        match category {
            Category::PositivePreliminary => Self::WaitForFinalReply,
            Category::PositiveCompletion => Self::NoRetryNeeded,
            Category::PositiveIntermediate => Self::SendNextCommand,
            Category::TransientNegativeCompletion => Self::RetryLater,
            Category::PermanentNegativeCompletion => Self::DoNotRetryUnchanged,
            Category::Protected => Self::DecodeProtected,
        }
    }

    /// Every piece of advice, in declaration order.
    pub const ALL: [RetryAdvice; 8] = [
        Self::NoRetryNeeded,
        Self::WaitForFinalReply,
        Self::SendNextCommand,
        Self::RetryLater,
        Self::ReconnectLater,
        Self::ChangeFirst,
        Self::DoNotRetryUnchanged,
        Self::DecodeProtected,
    ];

    /// The advice as a phrase in `lang` (`retry` in `ui.<lang>.toml`).
    ///
    /// ```
    /// use ftp_reply::{Lang, RetryAdvice};
    /// assert_eq!(RetryAdvice::ReconnectLater.describe(Lang::default()), "reconnect later");
    /// ```
    #[must_use]
    pub const fn describe(self, lang: Lang) -> &'static str {
        lang.phrases().retry[self as usize]
    }
}

/// A hand-written note on two codes that people often confuse: how they
/// differ, which one a server should send, and how a client should react.
///
/// Found with [`PairNote::get`] or through [`Diff::note`](crate::diff::Diff::note).
///
/// ```
/// use ftp_reply::{Lang, ReplyCode};
/// use ftp_reply::diff::PairNote;
///
/// let note = PairNote::get(ReplyCode::CANT_OPEN_DATA_CONNECTION, ReplyCode::CONNECTION_CLOSED_TRANSFER_ABORTED).unwrap();
/// assert!(!note.note(Lang::En).is_empty());
/// // The order of the two codes does not matter.
/// assert_eq!(PairNote::get(ReplyCode::CONNECTION_CLOSED_TRANSFER_ABORTED, ReplyCode::CANT_OPEN_DATA_CONNECTION), Some(note));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PairNote {
    pub(crate) note: Text,
    pub(crate) server: Text,
    pub(crate) client: Text,
}

impl PairNote {
    /// The note on `a` and `b`, in either order, if the knowledge base has one.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::diff::PairNote;
    /// assert!(PairNote::get(ReplyCode::FILE_STATUS_OK, ReplyCode::DATA_CONNECTION_ALREADY_OPEN).is_some());
    /// assert!(PairNote::get(ReplyCode::COMMAND_OK, ReplyCode::NOT_LOGGED_IN).is_none());
    /// ```
    #[must_use]
    pub fn get(a: ReplyCode, b: ReplyCode) -> Option<&'static PairNote> {
        let key = if a <= b {
            (a.as_u16(), b.as_u16())
        } else {
            (b.as_u16(), a.as_u16())
        };
        generated::PAIRS
            .binary_search_by_key(&key, |(k, _)| *k)
            .ok()
            .map(|i| &generated::PAIRS[i].1)
    }

    /// Every pair note, ordered by the lower code, then the higher.
    ///
    /// ```
    /// assert!(ftp_reply::diff::PairNote::all().count() >= 12);
    /// ```
    #[must_use]
    pub fn all() -> impl ExactSizeIterator<Item = (ReplyCode, ReplyCode, &'static PairNote)> {
        generated::PAIRS
            .iter()
            .map(|((a, b), n)| (ReplyCode::known(*a), ReplyCode::known(*b), n))
    }

    /// How the two codes differ.
    ///
    /// ```
    /// use ftp_reply::diff::PairNote;
    /// use ftp_reply::{Lang, ReplyCode};
    /// let note = PairNote::get(ReplyCode::CANT_OPEN_DATA_CONNECTION, ReplyCode::CONNECTION_CLOSED_TRANSFER_ABORTED).unwrap();
    /// assert!(note.note(Lang::En).contains("425 means that the data connection could not be opened at all"));
    /// ```
    #[must_use]
    pub const fn note(&self, lang: Lang) -> &'static str {
        self.note.get(lang)
    }

    /// For a server author: which code to send in which situation.
    ///
    /// ```
    /// use ftp_reply::diff::PairNote;
    /// use ftp_reply::{Lang, ReplyCode};
    /// let note = PairNote::get(ReplyCode::CANT_OPEN_DATA_CONNECTION, ReplyCode::CONNECTION_CLOSED_TRANSFER_ABORTED).unwrap();
    /// assert!(note.server(Lang::En).starts_with("Send 425 when connecting to the client's PORT or EPRT address fails"));
    /// ```
    #[must_use]
    pub const fn server(&self, lang: Lang) -> &'static str {
        self.server.get(lang)
    }

    /// For a client: how to react to each.
    ///
    /// ```
    /// use ftp_reply::diff::PairNote;
    /// use ftp_reply::{Lang, ReplyCode};
    /// let note = PairNote::get(ReplyCode::CANT_OPEN_DATA_CONNECTION, ReplyCode::CONNECTION_CLOSED_TRANSFER_ABORTED).unwrap();
    /// assert!(note.client(Lang::Fr).starts_with("Un 425 désigne le chemin réseau de la connexion de données"));
    /// ```
    #[must_use]
    pub const fn client(&self, lang: Lang) -> &'static str {
        self.client.get(lang)
    }
}

/// The entry for `code`, through the perfect-hash table.
pub(crate) fn lookup(code: u16) -> Option<&'static ReplyInfo> {
    generated::INDEX
        .get(&code)
        .map(|&i| &generated::ALL[i as usize])
}

mod generated {
    #![allow(clippy::unreadable_literal)]
    use super::{DataConnection, Meaning, PairNote, ReplyInfo, RetryAdvice, Source, Spec};
    use crate::{ReplyCode, Text};

    include!(concat!(env!("OUT_DIR"), "/kb.rs"));
}

// One named constant per code of the knowledge base (`ReplyCode::SERVICE_NOT_AVAILABLE`...),
// generated from `src/kb/data/codes.toml` by the build script, each with a
// one-line doc (code, title, defining section). They live here rather than
// in `code.rs` for the rendered page: rustdoc shows a type's inherent impl
// blocks in the order of the modules in `lib.rs`, and `kb` comes after
// `code`, `command`, `diff` and `explain`, whose impl blocks hold the methods;
// so `ReplyCode`'s page lists its methods first, then the constants.
mod constants {
    use crate::ReplyCode;

    include!(concat!(env!("OUT_DIR"), "/constants.rs"));
}
