//! The JSON view of a [`Diagnosis`] (the `serde` feature).

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::Diagnosis;
use crate::Lang;

/// A [`Diagnosis`] with its cause and fix in one language, for
/// serialization; see [`Diagnosis::localized`].
///
/// Serializes to an object with these keys, in this (alphabetical) order:
///
/// | key | value |
/// |---|---|
/// | `cause` | what happened, in the language |
/// | `fix` | what to do about it, in the language |
/// | `id` | the row's stable id (`"vsftpd-writable-chroot"`) |
/// | `pattern` | the text pattern that matched (`{n}` digits, `{*}` any text) |
/// | `server` | the server's product name (`"Pure-FTPd"`) |
/// | `server_id` | the server's short id (`"pure-ftpd"`, [`Server::id`](crate::diagnosis::Server::id)) |
/// | `server_specific` | `true` when the text proves the server ([`Diagnosis::is_server_specific`]) |
/// | `source` | where the text was read: the server's source file at a named version, or its documentation |
///
/// ```
/// use ftp_reply::Lang;
/// use ftp_reply::diagnosis::diagnose_line_str as diagnose_line;
///
/// let found: Vec<_> = diagnose_line("530 Login incorrect.")?.collect();
/// let json = serde_json::to_string(&found.iter().map(|d| d.localized(Lang::En)).collect::<Vec<_>>()).unwrap();
/// assert!(json.starts_with(r#"[{"cause":"#));
/// assert!(json.contains(r#""server_specific":false"#));
/// # Ok::<(), ftp_reply::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalizedDiagnosis<'a> {
    diagnosis: &'a Diagnosis,
    lang: Lang,
}

impl Diagnosis {
    /// This diagnosis with its texts in `lang`, ready for `serde_json`
    /// (needs the `serde` feature); the keys are listed on
    /// [`LocalizedDiagnosis`].
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::diagnosis::diagnose_line_str as diagnose_line;
    /// let d = diagnose_line("421 Too many connections (8) from this IP")?.next().unwrap();
    /// let json = serde_json::to_value(d.localized(Lang::Fr)).unwrap();
    /// assert_eq!(json["server"], "Pure-FTPd");
    /// assert_eq!(json["server_id"], "pure-ftpd");
    /// assert_eq!(json["cause"], d.cause(Lang::Fr));
    /// # Ok::<(), ftp_reply::ParseError>(())
    /// ```
    #[must_use]
    pub const fn localized(&self, lang: Lang) -> LocalizedDiagnosis<'_> {
        LocalizedDiagnosis {
            diagnosis: self,
            lang,
        }
    }
}

impl Serialize for LocalizedDiagnosis<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (d, lang) = (self.diagnosis, self.lang);
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("cause", d.cause(lang))?;
        m.serialize_entry("fix", d.fix(lang))?;
        m.serialize_entry("id", d.id())?;
        m.serialize_entry("pattern", d.pattern())?;
        m.serialize_entry("server", &Product(d.server()))?;
        m.serialize_entry("server_id", d.server().id())?;
        m.serialize_entry("server_specific", &d.is_server_specific())?;
        m.serialize_entry("source", d.source())?;
        m.end()
    }
}

/// The server's product name (its `Display`), where `Server`'s own
/// `Serialize` gives the id.
struct Product(super::Server);

impl Serialize for Product {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;
    use crate::diagnosis::diagnose_line_str as diagnose_line;

    #[test]
    fn keys_in_order_and_values_from_the_row() {
        let d = diagnose_line("530 Login incorrect.")
            .unwrap()
            .next()
            .unwrap();
        let json = serde_json::to_string(&d.localized(Lang::Es)).unwrap();
        let expected = format!(
            "{{\"cause\":{},\"fix\":{},\"id\":{},\"pattern\":{},\"server\":{},\"server_id\":{},\"server_specific\":false,\"source\":{}}}",
            serde_json::to_string(d.cause(Lang::Es)).unwrap(),
            serde_json::to_string(d.fix(Lang::Es)).unwrap(),
            serde_json::to_string(d.id()).unwrap(),
            serde_json::to_string(d.pattern()).unwrap(),
            serde_json::to_string(&d.server().to_string()).unwrap(),
            serde_json::to_string(d.server().id()).unwrap(),
            serde_json::to_string(d.source()).unwrap(),
        );
        assert_eq!(json, expected);
    }
}
