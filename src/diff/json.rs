//! The JSON view of a [`Diff`](super::Diff) (the `serde` feature).

use super::Diff;
use crate::Lang;

/// A [`Diff`] with its texts in one language, for serialization; see [`Diff::localized`].
///
/// Serializes to an object with the keys `a` and `b` (each with `code`,
/// `title`, `category`, `function`, `description`, `when_seen`,
/// `remediation`, `sources`; null texts for an undefined code), `same`,
/// `summary`, `differences` (each `axis`, `a`, `b`, `text`), `note` (null or
/// `note`, `server`, `client`), `when_to_use` (`server`, `client`) and
/// `page` (the plain-text rendering).
///
/// ```
/// use ftp_reply::{Lang, ReplyCode};
/// use ftp_reply::diff::Diff;
///
/// let d = Diff::new(ReplyCode::CANT_OPEN_DATA_CONNECTION, ReplyCode::CONNECTION_CLOSED_TRANSFER_ABORTED);
/// let json = serde_json::to_value(d.localized(Lang::Es)).unwrap();
/// assert_eq!(json["a"]["title"], "No se puede abrir la conexión de datos");
/// assert_eq!(json["same"], false);
/// assert!(json["summary"].as_str().unwrap().starts_with("FTP 425 (No se puede abrir la conexión de datos) y 426"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalizedDiff {
    pub(super) diff: Diff,
    pub(super) lang: Lang,
}

mod serde_impl {
    use core::fmt;

    use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

    use super::super::render::{ClientGuidance, Rendered, ServerGuidance, control_label};
    use super::LocalizedDiff;
    use crate::diff::{Axis, Format};
    use crate::{Lang, ReplyCode};

    /// The two sides of a difference as short labels in `lang`.
    fn values(d: &Axis, lang: Lang) -> (&'static str, &'static str) {
        match *d {
            Axis::Category { a, b } => (a.name(lang), b.name(lang)),
            Axis::Stage { a, b } => (a.into(), b.into()),
            Axis::Outcome { a, b } => (a.into(), b.into()),
            Axis::Persistence { a, b } => (a.into(), b.into()),
            Axis::Function { a, b } => (a.name(lang), b.name(lang)),
            Axis::ControlConnection { a, b } => (control_label(a, lang), control_label(b, lang)),
            Axis::DataConnection { a, b } => (a.describe(lang), b.describe(lang)),
            Axis::NextStep { a, b } => (a.describe(lang), b.describe(lang)),
            Axis::Commands { .. } => ("", ""),
            Axis::Standing { a, b } => (a.into(), b.into()),
        }
    }

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
            for x in d.axes() {
                let (va, vb) = values(&x, lang);
                let (va, vb) = match x {
                    Axis::Commands { a, b } => (Side2::Set(a), Side2::Set(b)),
                    _ => (Side2::Str(va), Side2::Str(vb)),
                };
                seq.serialize_element(&Entry4(
                    x.name(),
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
                    if set.has_greeting() {
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
