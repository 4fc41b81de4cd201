//! The JSON view of an [`Explanation`] (the `serde` feature): the schema is
//! documented on [`Explanation`].
//!
//! Keys are written in alphabetical order, the order in which the command
//! line tool has always printed them (it used to build a `serde_json::Value`,
//! whose maps are sorted).

use core::fmt;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::Explanation;
use crate::diagnosis::Diagnosis;
use crate::{Lang, Meaning, ReplyCode, ReplyInfo};

impl Serialize for Explanation<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (code, lang) = (self.code, self.lang);
        let info = code.info();
        let category = code.category();
        let advice = code.retry_advice();
        let mut m = s.serialize_map(Some(21))?;
        m.serialize_entry("category", category.name(lang))?;
        m.serialize_entry("category_meaning", category.meaning(lang))?;
        m.serialize_entry(
            "closes_control_connection",
            &code.closes_control_connection(),
        )?;
        m.serialize_entry("code", &code.as_u16())?;
        m.serialize_entry("commands", &Commands(code, lang))?;
        m.serialize_entry(
            "data_connection",
            &info.map(|i| <&'static str>::from(i.data_connection())),
        )?;
        m.serialize_entry("description", &info.map(|i| i.description(lang)))?;
        m.serialize_entry("diagnosis", &Diagnoses(self.diagnoses.unwrap_or(&[]), lang))?;
        m.serialize_entry("function", code.function().name(lang))?;
        m.serialize_entry("lang", &Shown(lang))?;
        m.serialize_entry(
            "meanings",
            &Meanings(info.map_or(&[], ReplyInfo::meanings), lang),
        )?;
        m.serialize_entry("more_replies_follow", &code.more_replies_follow())?;
        m.serialize_entry("next_step", advice.describe(lang))?;
        m.serialize_entry("related", &Related(info.map_or(&[], ReplyInfo::related)))?;
        m.serialize_entry("remediation", &info.map(|i| i.remediation(lang)))?;
        m.serialize_entry("retry_advice", <&'static str>::from(advice))?;
        m.serialize_entry("rfc_wording", &info.map(ReplyInfo::rfc_wording))?;
        m.serialize_entry("sources", &Sources(info.map_or(&[], ReplyInfo::sources)))?;
        m.serialize_entry("standard", &info.map(ReplyInfo::is_standard))?;
        m.serialize_entry("title", &info.map(|i| i.title(lang)))?;
        m.serialize_entry("when_seen", &info.map(|i| i.when_seen(lang)))?;
        m.end()
    }
}

/// A value written with its `Display`.
struct Shown<T>(T);

impl<T: fmt::Display> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// The commands that may get the code, aliases left out, in table order.
struct Commands(ReplyCode, Lang);

impl Serialize for Commands {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let lang = self.1;
        let mut seq = s.serialize_seq(None)?;
        for (cmd, role) in self.0.commands().filter(|(c, _)| c.alias_of().is_none()) {
            seq.serialize_element(&CommandRole(cmd.verb(), role.describe(lang)))?;
        }
        seq.end()
    }
}

struct CommandRole(&'static str, &'static str);

impl Serialize for CommandRole {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("command", self.0)?;
        m.serialize_entry("role", self.1)?;
        m.end()
    }
}

struct Diagnoses<'a>(&'a [&'a Diagnosis], Lang);

impl Serialize for Diagnoses<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let lang = self.1;
        s.collect_seq(self.0.iter().map(|d| d.localized(lang)))
    }
}

struct Meanings(&'static [Meaning], Lang);

impl Serialize for Meanings {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let lang = self.1;
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for m in self.0 {
            seq.serialize_element(&MeaningJson(m, lang))?;
        }
        seq.end()
    }
}

struct MeaningJson(&'static Meaning, Lang);

impl Serialize for MeaningJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (mean, lang) = (self.0, self.1);
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("commands", mean.commands())?;
        m.serialize_entry("context", &mean.context(lang))?;
        m.serialize_entry("source", &Shown(mean.source()))?;
        m.serialize_entry("wording", mean.wording())?;
        m.end()
    }
}

struct Related(&'static [ReplyCode]);

impl Serialize for Related {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|r| r.as_u16()))
    }
}

struct Sources(&'static [crate::Source]);

impl Serialize for Sources {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(Shown))
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnosis::diagnose_line_str as diagnose_line;
    use crate::{Lang, ReplyCode};

    #[test]
    fn every_key_in_order_for_defined_and_undefined_codes() {
        let keys = [
            "category",
            "category_meaning",
            "closes_control_connection",
            "code",
            "commands",
            "data_connection",
            "description",
            "diagnosis",
            "function",
            "lang",
            "meanings",
            "more_replies_follow",
            "next_step",
            "related",
            "remediation",
            "retry_advice",
            "rfc_wording",
            "sources",
            "standard",
            "title",
            "when_seen",
        ];
        for code in [
            ReplyCode::SERVICE_NOT_AVAILABLE,
            ReplyCode::new(299).unwrap(),
        ] {
            let json = serde_json::to_string(&code.explain(Lang::En)).unwrap();
            let mut at = 0;
            for key in keys {
                let found = json[at..]
                    .find(&format!("\"{key}\":"))
                    .unwrap_or_else(|| panic!("{key} missing or out of order in {json}"));
                at += found;
            }
        }
        let v = serde_json::to_value(ReplyCode::new(299).unwrap().explain(Lang::En)).unwrap();
        assert_eq!(v["title"], serde_json::Value::Null);
        assert_eq!(v["data_connection"], serde_json::Value::Null);
        assert_eq!(v["meanings"], serde_json::json!([]));
        assert_eq!(v["related"], serde_json::json!([]));
        assert_eq!(v["category"], "Positive Completion");
    }

    #[test]
    fn diagnoses_are_their_localized_objects() {
        let found: Vec<_> = diagnose_line("421 Too many connections (8) from this IP")
            .unwrap()
            .collect();
        let e = ReplyCode::SERVICE_NOT_AVAILABLE
            .explain(Lang::Es)
            .with_diagnoses(&found);
        let v = serde_json::to_value(e).unwrap();
        assert_eq!(
            v["diagnosis"][0],
            serde_json::to_value(found[0].localized(Lang::Es)).unwrap()
        );
        assert_eq!(v["lang"], "es");
        assert_eq!(v["code"], 421);
        assert_eq!(v["retry_advice"], "reconnect_later");
    }
}
