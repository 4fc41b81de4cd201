//! JSON (the `serde` feature): events and verdicts with their sentences in one language.

use alloc::string::String;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::event::{Event, EventKind, Finding, Verdict};
use super::render::{finding, paragraph};
use crate::Lang;
use crate::command::Command;

/// An [`Event`] with its sentences in one language, for `Serialize`; see
/// [`Event::localized`].
///
/// ```
/// use ftp_reply::Lang;
/// use ftp_reply::transcript::Analyzer;
///
/// let mut analyzer = Analyzer::new();
/// analyzer.feed(b"S: 220 Ready\n")?;
/// analyzer.finish()?;
/// let greeting = analyzer.next_event().unwrap();
/// let json = serde_json::to_value(greeting.localized(Lang::Fr)).unwrap();
/// assert_eq!((json["type"].as_str(), json["code"].as_u64()), (Some("reply"), Some(220)));
/// assert_eq!(json["title"], "Service prêt pour un nouvel utilisateur");
/// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct LocalizedEvent<'a> {
    event: &'a Event,
    lang: Lang,
}

/// A [`Verdict`] with its paragraph in one language, for `Serialize`; see
/// [`Verdict::localized`].
///
/// ```
/// use ftp_reply::Lang;
/// use ftp_reply::transcript::Analyzer;
///
/// let mut analyzer = Analyzer::new();
/// analyzer.feed(b"S: 220 Ready\nC: DELE a\nS: 550 Permission denied.\n")?;
/// analyzer.finish()?;
/// let json = serde_json::to_value(analyzer.verdict().localized(Lang::En)).unwrap();
/// assert_eq!((json["outcome"].as_str(), json["line"].as_u64()), (Some("failed"), Some(3)));
/// assert_eq!((json["code"].as_u64(), json["commands"].as_u64()), (Some(550), Some(1)));
/// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct LocalizedVerdict<'a> {
    verdict: &'a Verdict,
    lang: Lang,
}

impl Event {
    /// This event with its sentences in `lang`, ready for `serde_json`: an
    /// object with `line`, `session`, `time`, `type` (`command`, `reply`,
    /// `info`, `client_error`, `server`, `finding`) and the type's fields.
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::transcript::Analyzer;
    /// let mut a = Analyzer::new();
    /// a.feed(b"S: 220 Hi\nC: PASS hunter2\n")?;
    /// a.finish()?;
    /// let json: Vec<String> = std::iter::from_fn(|| a.next_event())
    ///     .map(|e| serde_json::to_string(&e.localized(Lang::En)).unwrap())
    ///     .collect();
    /// assert!(json[1].contains(r#""type":"command""#) && json[1].contains("PASS ****"));
    /// assert!(!json.concat().contains("hunter2"));
    /// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
    /// ```
    #[must_use]
    pub fn localized(&self, lang: Lang) -> LocalizedEvent<'_> {
        LocalizedEvent { event: self, lang }
    }
}

impl Verdict {
    /// This verdict with its paragraph in `lang`, ready for `serde_json`: an
    /// object with `type` (`verdict`), `outcome`, the failing `line`,
    /// command and `code`, the `text` of the verdict and the counts.
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::transcript::Analyzer;
    ///
    /// let mut analyzer = Analyzer::new();
    /// analyzer.feed(b"S: 220 Ready\nC: QUIT\nS: 221 Bye\n")?;
    /// analyzer.finish()?;
    /// let json = serde_json::to_string(&analyzer.verdict().localized(Lang::En)).unwrap();
    /// assert!(json.starts_with(r#"{"type":"verdict","outcome":"succeeded","line":null"#));
    /// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
    /// ```
    #[must_use]
    pub fn localized(&self, lang: Lang) -> LocalizedVerdict<'_> {
        LocalizedVerdict {
            verdict: self,
            lang,
        }
    }
}

impl Serialize for LocalizedEvent<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.event;
        let lang = self.lang;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("line", &e.line)?;
        m.serialize_entry("session", &e.session)?;
        m.serialize_entry("time", &e.time.map(Shown))?;
        match &e.kind {
            EventKind::Command { command, text } => {
                m.serialize_entry("type", "command")?;
                m.serialize_entry("command", command.verb())?;
                m.serialize_entry("text", text.as_str())?;
            }
            EventKind::Reply(r) => {
                m.serialize_entry("type", "reply")?;
                m.serialize_entry("code", &r.reply.code())?;
                m.serialize_entry("lines", &Lines(&r.reply))?;
                m.serialize_entry("title", &r.reply.code().info().map(|i| i.title(lang)))?;
                m.serialize_entry("answers", &r.answers.map(|(c, _)| c.verb()))?;
                m.serialize_entry("answers_line", &r.answers.map(|(_, l)| l))?;
                m.serialize_entry("final", &r.is_final)?;
                m.serialize_entry("diagnoses", &Diags(&r.diagnoses, lang))?;
            }
            EventKind::Info { text } => {
                m.serialize_entry("type", "info")?;
                m.serialize_entry("text", text.as_str())?;
            }
            EventKind::ClientError { text } => {
                m.serialize_entry("type", "client_error")?;
                m.serialize_entry("text", text.as_str())?;
            }
            EventKind::ServerIdentified(server) => {
                m.serialize_entry("type", "server")?;
                m.serialize_entry("server", server)?;
            }
            EventKind::Finding(f) => {
                m.serialize_entry("type", "finding")?;
                m.serialize_entry("finding", finding_id(f))?;
                let mut text = String::new();
                finding(lang, f, e.line, &mut text).map_err(serde::ser::Error::custom)?;
                m.serialize_entry("text", text.as_str())?;
            }
        }
        m.end()
    }
}

impl Serialize for LocalizedVerdict<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.verdict;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("type", "verdict")?;
        m.serialize_entry("outcome", &v.outcome)?;
        m.serialize_entry("line", &v.failure.as_ref().map(|f| f.line))?;
        m.serialize_entry(
            "command",
            &v.failure
                .as_ref()
                .and_then(|f| f.command)
                .map(Command::verb),
        )?;
        m.serialize_entry("code", &v.failure.as_ref().and_then(|f| f.code))?;
        m.serialize_entry(
            "diagnosis",
            &v.failure
                .as_ref()
                .and_then(|f| f.diagnosis)
                .map(crate::Diagnosis::id),
        )?;
        let mut text = String::new();
        paragraph(self.lang, v, &mut text).map_err(serde::ser::Error::custom)?;
        m.serialize_entry("text", text.as_str())?;
        m.serialize_entry("lines", &v.lines)?;
        m.serialize_entry("commands", &v.commands)?;
        m.serialize_entry("replies", &v.replies)?;
        m.serialize_entry("findings", &v.findings)?;
        m.end()
    }
}

fn finding_id(f: &Finding) -> &'static str {
    match f {
        Finding::Unexpected { .. } => "unexpected",
        Finding::Lenient { .. } => "lenient",
        Finding::LateReply { .. } => "late_reply",
        Finding::MissingFinal { .. } => "missing_final",
        Finding::NoReply { .. } => "no_reply",
        Finding::Unsolicited { .. } => "unsolicited",
        Finding::ClosedBy421 => "closed_by_421",
        Finding::TimeGap { .. } => "time_gap",
        Finding::PrivatePassiveAddress { .. } => "private_passive_address",
        Finding::BadReply { .. } => "bad_reply",
        Finding::BadCommand { .. } => "bad_command",
        Finding::LineTooLong { .. } => "line_too_long",
        Finding::OtherFormat { .. } => "other_format",
        Finding::NotUtf8 => "not_utf8",
        Finding::TooManySessions { .. } => "too_many_sessions",
    }
}

/// A value written with its `Display`.
struct Shown<T>(T);

impl<T: core::fmt::Display> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

struct Lines<'a>(&'a crate::Reply);

impl Serialize for Lines<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.lines().map(Shown))
    }
}

struct Diags<'a>(&'a [&'static crate::Diagnosis], Lang);

impl Serialize for Diags<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let lang = self.1;
        s.collect_seq(self.0.iter().map(|d| Diag(d, lang)))
    }
}

struct Diag(&'static crate::Diagnosis, Lang);

impl Serialize for Diag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (d, lang) = (self.0, self.1);
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("id", d.id())?;
        m.serialize_entry("server", d.server().id())?;
        m.serialize_entry("cause", d.cause(lang))?;
        m.serialize_entry("fix", d.fix(lang))?;
        m.end()
    }
}
