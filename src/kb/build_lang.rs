//! Build script, third part: the languages.
//!
//! A language is a set of files in `src/kb/data/`: `ui.<code>.toml` (labels,
//! enum phrases, category forms, templates), `<code>.toml` (code entries and
//! pair notes), `diagnoses.<code>.toml` and `commands.<code>.toml`. The build
//! finds the languages from the `ui.*.toml` files (English first, then by
//! code), generates the `Lang` enum and one `Phrases` table per language into
//! `$OUT_DIR/lang.rs`, and stops with a message naming the file and the key
//! when a language lacks a key, has one that English does not, leaves a text
//! empty, repeats the English text where it must differ, or writes a
//! template that does not parse or uses an unknown slot.
//!
//! Templates: `{name}` is a slot, `{{` and `}}` are literal braces, anything
//! else is literal text. Each template key below lists the slots it may use.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use super::build_toml::{Table, Value};

use super::{Result, load, strings};

/// A key of `ui.<lang>.toml` and what it holds.
enum Kind {
    /// A text, trimmed, not empty.
    Text,
    /// A text where spaces around it matter (typography).
    Raw,
    /// One text per enum variant, in declaration order.
    Table(&'static [&'static str]),
    /// A template and the slots it may use.
    Template(Family),
}

#[derive(Clone, Copy)]
enum Family {
    /// Two codes: `{a}`, `{b}`, `{a.title}` ... (see `PAIR_FIELDS`).
    Pair,
    /// One code's commands: `{code}`, `{list}`, `{n}`.
    Commands,
    /// Server guidance for an undefined code.
    Undefined,
    /// `{list}`.
    List,
    /// `{other}`, `{other.paren}`.
    Other,
    /// `{code}`, `{advice}`.
    Step,
    /// Exactly the slots listed: the transcript templates, each filled by
    /// the values of one event or verdict (see `src/transcript/render.rs`).
    Slots(&'static [&'static str]),
}

/// What `{a.X}` and `{b.X}` may name in a two-code template.
const PAIR_FIELDS: [&str; 20] = [
    "title",
    "named",
    "paren",
    "digit",
    "category",
    "category_inline",
    "category_plural",
    "meaning",
    "meaning_inline",
    "group",
    "group_digit",
    "stage",
    "outcome",
    "persistence",
    "control",
    "data",
    "advice",
    "standing",
    "commands",
    "client_step",
];

impl Family {
    fn slots(self) -> Vec<String> {
        let fixed: &[&str] = match self {
            Family::Pair => {
                let mut v = vec!["a".to_owned(), "b".to_owned()];
                for side in ["a", "b"] {
                    for f in PAIR_FIELDS {
                        v.push(format!("{side}.{f}"));
                    }
                }
                return v;
            }
            Family::Commands => &["code", "list", "n"],
            Family::Undefined => &["code", "other", "other.paren", "siblings", "end"],
            Family::List => &["list"],
            Family::Other => &["other", "other.paren"],
            Family::Step => &["code", "advice"],
            Family::Slots(slots) => slots,
        };
        fixed.iter().map(|s| (*s).to_owned()).collect()
    }
}

const CATEGORY: &[&str] = &[
    "positive_preliminary",
    "positive_completion",
    "positive_intermediate",
    "transient_negative_completion",
    "permanent_negative_completion",
    "protected",
];
const FUNCTION: &[&str] = &[
    "syntax",
    "information",
    "connections",
    "authentication_and_accounting",
    "unspecified",
    "file_system",
    "unassigned",
];
const DATA_CONNECTION: &[&str] = &[
    "unaffected",
    "listening",
    "opening",
    "already_open",
    "open_idle",
    "closed",
    "open_failed",
    "aborted",
    "transfer_failed",
];
const RETRY: &[&str] = &[
    "no_retry_needed",
    "wait_for_final_reply",
    "send_next_command",
    "retry_later",
    "reconnect_later",
    "change_first",
    "do_not_retry_unchanged",
    "decode_protected",
];
const ROLE: &[&str] = &[
    "preliminary",
    "restart_marker",
    "success",
    "error_after_preliminary",
    "intermediate",
    "error",
    "protected",
];
const STAGE: &[&str] = &["preliminary", "intermediate", "final", "protected"];
const OUTCOME: &[&str] = &["positive", "negative", "protected"];
const PERSISTENCE: &[&str] = &["transient", "permanent"];
const STANDING: &[&str] = &["rfc", "non_standard", "undefined"];
const CLUE_KIND: &[&str] = &[
    "greeting",
    "features",
    "feature_order",
    "system",
    "help",
    "status",
    "wording",
];
const STRENGTH: &[&str] = &["weak", "strong", "names"];
const CONFIDENCE: &[&str] = &["likely", "high", "certain"];

// The slots of the transcript templates (`[transcript]`).
const T_FORMAT: &[&str] = &["format"];
const T_SERVER: &[&str] = &["server"];
const T_ANSWERS: &[&str] = &["command", "line"];
const T_DIAGNOSIS: &[&str] = &["server", "cause", "fix"];
const T_TEXT: &[&str] = &["text"];
const T_COMMAND_CODE: &[&str] = &["command", "code"];
const T_LENIENT: &[&str] = &["command", "code", "rule"];
const T_LATE: &[&str] = &["code", "answers", "line", "latest"];
const T_MISSING: &[&str] = &["command", "line", "code"];
const T_CODE: &[&str] = &["code"];
const T_GAP_SERVER: &[&str] = &["seconds", "command"];
const T_GAP_CLIENT: &[&str] = &["seconds"];
const T_ADDRESS: &[&str] = &["address"];
const T_REASON: &[&str] = &["reason"];
const T_LIMIT: &[&str] = &["limit"];
const T_OTHER_FORMAT: &[&str] = &["other_format", "format"];
const T_COMMANDS: &[&str] = &["commands"];
const T_FAILURE: &[&str] = &["line", "command", "code", "title", "text", "latest"];
const T_SUMMARY: &[&str] = &["lines", "commands", "replies", "findings"];

/// Every key of `ui.<lang>.toml` (besides `[lang]` and `same_as_english`).
const SCHEMA: &[(&str, Kind)] = &[
    ("typography.colon", Kind::Raw),
    ("typography.list_sep", Kind::Raw),
    ("typography.list_and", Kind::Raw),
    ("category.name", Kind::Table(CATEGORY)),
    ("category.inline", Kind::Table(CATEGORY)),
    ("category.plural", Kind::Table(CATEGORY)),
    ("category.meaning", Kind::Table(CATEGORY)),
    ("category.meaning_inline", Kind::Table(CATEGORY)),
    ("function.name", Kind::Table(FUNCTION)),
    ("data_connection", Kind::Table(DATA_CONNECTION)),
    ("retry", Kind::Table(RETRY)),
    ("identify.clue_kind", Kind::Table(CLUE_KIND)),
    ("identify.strength", Kind::Table(STRENGTH)),
    ("identify.confidence", Kind::Table(CONFIDENCE)),
    ("role.describe", Kind::Table(ROLE)),
    ("role.list", Kind::Table(ROLE)),
    ("stage", Kind::Table(STAGE)),
    ("outcome", Kind::Table(OUTCOME)),
    ("persistence", Kind::Table(PERSISTENCE)),
    ("standing", Kind::Table(STANDING)),
    ("explain.unknown_title", Kind::Text),
    ("explain.category", Kind::Text),
    ("explain.function", Kind::Text),
    ("explain.nonstandard", Kind::Text),
    ("explain.rfc_wording", Kind::Text),
    ("explain.description", Kind::Text),
    ("explain.when_seen", Kind::Text),
    ("explain.remediation", Kind::Text),
    ("explain.client_advice", Kind::Text),
    ("explain.next_step", Kind::Text),
    ("explain.more_replies", Kind::Text),
    ("explain.final_reply", Kind::Text),
    ("explain.closes_control", Kind::Text),
    ("explain.keeps_control", Kind::Text),
    ("explain.data_connection", Kind::Text),
    ("explain.meanings", Kind::Text),
    ("explain.sources", Kind::Text),
    ("explain.related", Kind::Text),
    ("explain.commands", Kind::Text),
    ("explain.greeting", Kind::Text),
    ("explain.unknown_code", Kind::Text),
    ("diagnosis.heading", Kind::Text),
    ("diagnosis.none", Kind::Text),
    ("diagnosis.server", Kind::Text),
    ("diagnosis.cause", Kind::Text),
    ("diagnosis.fix", Kind::Text),
    ("diagnosis.source", Kind::Text),
    ("diagnosis.possibly", Kind::Raw),
    ("diff.key_differences", Kind::Text),
    ("diff.no_differences", Kind::Text),
    ("diff.how_they_differ", Kind::Text),
    ("diff.when_to_use", Kind::Text),
    ("diff.for_server", Kind::Text),
    ("diff.for_client", Kind::Text),
    ("diff.same_code", Kind::Text),
    ("diff.learn_more", Kind::Text),
    ("diff.title.pair", Kind::Template(Family::Pair)),
    ("diff.title.same", Kind::Template(Family::Pair)),
    ("diff.summary.same", Kind::Template(Family::Pair)),
    ("diff.summary.same_category", Kind::Template(Family::Pair)),
    ("diff.summary.different", Kind::Template(Family::Pair)),
    ("diff.sentence.category", Kind::Template(Family::Pair)),
    ("diff.sentence.stage", Kind::Template(Family::Pair)),
    ("diff.sentence.outcome", Kind::Template(Family::Pair)),
    ("diff.sentence.persistence", Kind::Template(Family::Pair)),
    ("diff.sentence.function", Kind::Template(Family::Pair)),
    (
        "diff.sentence.control_connection",
        Kind::Template(Family::Pair),
    ),
    (
        "diff.sentence.data_connection",
        Kind::Template(Family::Pair),
    ),
    ("diff.sentence.next_step", Kind::Template(Family::Pair)),
    ("diff.sentence.commands", Kind::Template(Family::Pair)),
    ("diff.sentence.standing", Kind::Template(Family::Pair)),
    ("diff.commands.none", Kind::Template(Family::Commands)),
    ("diff.commands.greeting", Kind::Template(Family::Commands)),
    (
        "diff.commands.greeting_and",
        Kind::Template(Family::Commands),
    ),
    ("diff.commands.answer", Kind::Template(Family::Commands)),
    ("diff.commands.many", Kind::Template(Family::Commands)),
    ("guidance.server.same_advice", Kind::Template(Family::Pair)),
    (
        "guidance.server.different_advice",
        Kind::Template(Family::Pair),
    ),
    (
        "guidance.server.undefined",
        Kind::Template(Family::Undefined),
    ),
    ("guidance.server.siblings", Kind::Template(Family::List)),
    (
        "guidance.server.other_defined",
        Kind::Template(Family::Other),
    ),
    (
        "guidance.server.other_undefined",
        Kind::Template(Family::Other),
    ),
    ("guidance.client.both", Kind::Template(Family::Pair)),
    ("guidance.client.step", Kind::Template(Family::Step)),
    ("guidance.client.step_closes", Kind::Template(Family::Step)),
    ("transcript.title", Kind::Text),
    (
        "transcript.format_line",
        Kind::Template(Family::Slots(T_FORMAT)),
    ),
    (
        "transcript.server_identified",
        Kind::Template(Family::Slots(T_SERVER)),
    ),
    (
        "transcript.answers",
        Kind::Template(Family::Slots(T_ANSWERS)),
    ),
    (
        "transcript.diagnosis",
        Kind::Template(Family::Slots(T_DIAGNOSIS)),
    ),
    (
        "transcript.client_error",
        Kind::Template(Family::Slots(T_TEXT)),
    ),
    ("transcript.no_command", Kind::Text),
    (
        "transcript.finding.unexpected",
        Kind::Template(Family::Slots(T_COMMAND_CODE)),
    ),
    (
        "transcript.finding.after_final",
        Kind::Template(Family::Slots(T_COMMAND_CODE)),
    ),
    (
        "transcript.finding.second_preliminary",
        Kind::Template(Family::Slots(T_COMMAND_CODE)),
    ),
    (
        "transcript.finding.marker_first",
        Kind::Template(Family::Slots(T_COMMAND_CODE)),
    ),
    (
        "transcript.finding.lenient",
        Kind::Template(Family::Slots(T_LENIENT)),
    ),
    (
        "transcript.finding.late_reply",
        Kind::Template(Family::Slots(T_LATE)),
    ),
    (
        "transcript.finding.missing_final",
        Kind::Template(Family::Slots(T_MISSING)),
    ),
    (
        "transcript.finding.no_reply",
        Kind::Template(Family::Slots(T_ANSWERS)),
    ),
    (
        "transcript.finding.unsolicited",
        Kind::Template(Family::Slots(T_CODE)),
    ),
    ("transcript.finding.closed_421", Kind::Text),
    (
        "transcript.finding.gap_server",
        Kind::Template(Family::Slots(T_GAP_SERVER)),
    ),
    (
        "transcript.finding.gap_client",
        Kind::Template(Family::Slots(T_GAP_CLIENT)),
    ),
    (
        "transcript.finding.private_passive",
        Kind::Template(Family::Slots(T_ADDRESS)),
    ),
    (
        "transcript.finding.bad_reply",
        Kind::Template(Family::Slots(T_REASON)),
    ),
    (
        "transcript.finding.bad_command",
        Kind::Template(Family::Slots(T_REASON)),
    ),
    (
        "transcript.finding.line_too_long",
        Kind::Template(Family::Slots(T_LIMIT)),
    ),
    (
        "transcript.finding.other_format",
        Kind::Template(Family::Slots(T_OTHER_FORMAT)),
    ),
    (
        "transcript.finding.too_many_sessions",
        Kind::Template(Family::Slots(T_LIMIT)),
    ),
    ("transcript.finding.not_utf8", Kind::Text),
    ("transcript.verdict.heading", Kind::Text),
    (
        "transcript.verdict.ok",
        Kind::Template(Family::Slots(T_COMMANDS)),
    ),
    ("transcript.verdict.empty", Kind::Text),
    (
        "transcript.verdict.failed.reply",
        Kind::Template(Family::Slots(T_FAILURE)),
    ),
    (
        "transcript.verdict.failed.missing_final",
        Kind::Template(Family::Slots(T_FAILURE)),
    ),
    (
        "transcript.verdict.failed.no_reply",
        Kind::Template(Family::Slots(T_FAILURE)),
    ),
    (
        "transcript.verdict.failed.desync",
        Kind::Template(Family::Slots(T_FAILURE)),
    ),
    (
        "transcript.verdict.failed.client",
        Kind::Template(Family::Slots(T_FAILURE)),
    ),
    ("transcript.verdict.cause", Kind::Text),
    ("transcript.verdict.fix", Kind::Text),
    ("transcript.cause.missing_final", Kind::Text),
    ("transcript.cause.no_reply", Kind::Text),
    ("transcript.cause.desync", Kind::Text),
    ("transcript.cause.nat", Kind::Text),
    ("transcript.cause.client", Kind::Text),
    ("transcript.cause.unknown_code", Kind::Text),
    ("transcript.fix.missing_final", Kind::Text),
    ("transcript.fix.no_reply", Kind::Text),
    ("transcript.fix.desync", Kind::Text),
    ("transcript.fix.nat", Kind::Text),
    ("transcript.fix.client", Kind::Text),
    ("transcript.fix.unknown_code", Kind::Text),
    (
        "transcript.summary",
        Kind::Template(Family::Slots(T_SUMMARY)),
    ),
];

/// The languages, English first, then by code: the `x` of every `ui.x.toml`.
pub(super) fn discover(dir: &Path) -> Result<Vec<String>> {
    let mut found = BTreeSet::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for e in entries {
        let name = e.map_err(|e| e.to_string())?.file_name();
        let name = name.to_string_lossy();
        if let Some(code) = name
            .strip_prefix("ui.")
            .and_then(|r| r.strip_suffix(".toml"))
        {
            if !(2..=3).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(format!(
                    "{name}: a language code is two or three lower-case ASCII letters (ISO 639)"
                ));
            }
            found.insert(code.to_owned());
        }
    }
    // Prose files of a language without its ui file are not built: say so.
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for e in entries {
        let name = e.map_err(|e| e.to_string())?.file_name();
        let name = name.to_string_lossy();
        let stem = name.strip_suffix(".toml").unwrap_or_default();
        let code = stem.rsplit('.').next().unwrap_or_default();
        if (2..=3).contains(&code.len())
            && code.bytes().all(|b| b.is_ascii_lowercase())
            && !found.contains(code)
            && code != "en"
        {
            println!(
                "cargo:warning={name}: no ui.{code}.toml, so the language `{code}` is not built (see TRANSLATING.md)"
            );
        }
    }
    if !found.remove("en") {
        return Err("ui.en.toml is missing: English is the reference language".into());
    }
    let mut langs = vec!["en".to_owned()];
    langs.extend(found);
    for l in &langs {
        for f in [
            format!("{l}.toml"),
            format!("diagnoses.{l}.toml"),
            format!("commands.{l}.toml"),
        ] {
            if !dir.join(&f).exists() {
                return Err(format!(
                    "ui.{l}.toml declares the language `{l}`, but {f} is missing (see TRANSLATING.md)"
                ));
            }
        }
    }
    Ok(langs)
}

/// `Fr` for `fr`.
pub(super) fn variant(code: &str) -> String {
    let mut v = code.to_owned();
    v[..1].make_ascii_uppercase();
    v
}

/// The piece of a compiled template.
enum Piece {
    Lit(String),
    Slot(String),
}

/// Parses a template: `{slot}`, `{{`, `}}`, literal text.
fn parse_template(t: &str, allowed: &[String]) -> std::result::Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut rest = t;
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix("{{") {
            lit.push('{');
            rest = r;
        } else if let Some(r) = rest.strip_prefix("}}") {
            lit.push('}');
            rest = r;
        } else if c == '{' {
            let end = rest.find('}').ok_or_else(|| {
                format!("`{{` at {:?} is not closed", &rest[..rest.len().min(12)])
            })?;
            let name = &rest[1..end];
            if !allowed.iter().any(|a| a == name) {
                return Err(format!(
                    "unknown slot `{{{name}}}`; this template may use {}",
                    allowed
                        .iter()
                        .map(|a| format!("{{{a}}}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                ));
            }
            if !lit.is_empty() {
                out.push(Piece::Lit(std::mem::take(&mut lit)));
            }
            out.push(Piece::Slot(name.to_owned()));
            rest = &rest[end + 1..];
        } else if c == '}' {
            return Err("a lone `}` (write `}}` for a literal brace)".into());
        } else {
            lit.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if !lit.is_empty() {
        out.push(Piece::Lit(lit));
    }
    Ok(out)
}

/// `category_inline` → `CategoryInline`.
fn camel(name: &str) -> String {
    name.split('_')
        .map(|w| {
            let mut w = w.to_owned();
            w[..1].make_ascii_uppercase();
            w
        })
        .collect()
}

/// `a.category_inline` → `Piece::Slot(Subject::A, Field::CategoryInline)`;
/// `a` alone is `{a.code}`, and a name without a subject (`list`) has
/// `Subject::None`.
fn slot_expr(name: &str) -> String {
    let (subject, field) = match name.split_once('.') {
        Some((s, f)) => (camel(s), camel(f)),
        None if ["a", "b", "other"].contains(&name) => (camel(name), "Code".to_owned()),
        None => ("None".to_owned(), camel(name)),
    };
    format!("Piece::Slot(Subject::{subject}, Field::{field})")
}

fn field_name(key: &str) -> String {
    key.replace('.', "_")
}

/// Looks up a dotted key in a TOML table.
fn get<'a>(t: &'a Table, key: &str) -> Option<&'a Value> {
    let mut parts = key.split('.');
    let mut v = t.get(parts.next()?)?;
    for p in parts {
        v = v.as_table()?.get(p)?;
    }
    Some(v)
}

/// Every leaf key of `t` (dotted), for the unknown-key check.
fn leaves(prefix: &str, t: &Table, out: &mut Vec<String>) {
    for (k, v) in t {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v.as_table() {
            Some(sub) => leaves(&key, sub, out),
            None => out.push(key),
        }
    }
}

/// Every leaf key the schema expects.
fn expected_keys() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for (key, kind) in SCHEMA {
        match kind {
            Kind::Table(variants) => {
                for v in *variants {
                    keys.insert(format!("{key}.{v}"));
                }
            }
            _ => {
                keys.insert((*key).to_owned());
            }
        }
    }
    keys
}

struct LangMeta {
    code: String,
    name: String,
    english_name: String,
    aliases: Vec<String>,
}

/// Reads and checks every `ui.<lang>.toml`; writes `$OUT_DIR/lang.rs`.
pub(super) fn ui(dir: &Path, langs: &[String], out: &Path) -> Result<()> {
    let expected = expected_keys();
    let tables: Vec<Table> = langs
        .iter()
        .map(|l| load(&dir.join(format!("ui.{l}.toml"))))
        .collect::<Result<_>>()?;
    let mut metas = Vec::new();
    let mut all_aliases = BTreeMap::new();
    for (l, t) in langs.iter().zip(&tables) {
        let file = format!("ui.{l}.toml");
        let mut keys = Vec::new();
        leaves("", t, &mut keys);
        for k in &keys {
            if k.starts_with("lang.") || k == "same_as_english" {
                continue;
            }
            if !expected.contains(k) {
                return Err(format!("{file}: unknown key `{k}`"));
            }
        }
        for k in &expected {
            if get(t, k).is_none() {
                return Err(format!("{file}: missing key `{k}`"));
            }
        }
        let meta_str = |k: &str| -> Result<String> {
            get(t, k)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
                .map(str::to_owned)
                .ok_or_else(|| format!("{file}: missing string `{k}`"))
        };
        let aliases =
            strings(get(t, "lang.aliases")).map_err(|m| format!("{file}: lang.aliases: {m}"))?;
        for a in std::iter::once(l).chain(&aliases) {
            let folded = a.to_lowercase();
            if let Some(prev) = all_aliases.insert(folded, l.clone()) {
                return Err(format!("{file}: `{a}` already names the language `{prev}`"));
            }
        }
        metas.push(LangMeta {
            code: l.clone(),
            name: meta_str("lang.name")?,
            english_name: meta_str("lang.english_name")?,
            aliases,
        });
    }

    // Texts and templates, checked.
    let en = &tables[0];
    let mut bodies = Vec::new();
    for (l, t) in langs.iter().zip(&tables) {
        let file = format!("ui.{l}.toml");
        let same: BTreeSet<String> = strings(t.get("same_as_english"))
            .map_err(|m| format!("{file}: same_as_english: {m}"))?
            .into_iter()
            .collect();
        if l == "en" && !same.is_empty() {
            return Err(format!(
                "{file}: same_as_english belongs in the other languages"
            ));
        }
        for k in &same {
            if !expected.contains(k) {
                return Err(format!("{file}: same_as_english names unknown key `{k}`"));
            }
        }
        let text = |key: &str, raw: bool| -> Result<String> {
            let v = get(t, key)
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{file}: `{key}` must be a string"))?;
            if v.trim().is_empty() || (!raw && v.trim() != v) {
                return Err(format!(
                    "{file}: `{key}` is empty or has surrounding white space"
                ));
            }
            if l != "en" {
                let e = get(en, key).and_then(Value::as_str).unwrap_or_default();
                if (e == v) != same.contains(key) {
                    return Err(if e == v {
                        format!(
                            "{file}: `{key}` is the same as the English text; translate it, or list the key in same_as_english"
                        )
                    } else {
                        format!("{file}: `{key}` is in same_as_english but differs from English")
                    });
                }
            }
            Ok(v.to_owned())
        };
        let mut body = String::from("Phrases {\n");
        for (key, kind) in SCHEMA {
            let field = field_name(key);
            match kind {
                Kind::Text | Kind::Raw => {
                    let v = text(key, matches!(kind, Kind::Raw))?;
                    writeln!(body, "        {field}: {v:?},").unwrap();
                }
                Kind::Table(variants) => {
                    let vals = variants
                        .iter()
                        .map(|v| text(&format!("{key}.{v}"), false).map(|s| format!("{s:?}")))
                        .collect::<Result<Vec<_>>>()?;
                    writeln!(body, "        {field}: [{}],", vals.join(", ")).unwrap();
                }
                Kind::Template(family) => {
                    let v = text(key, true)?;
                    let pieces = parse_template(&v, &family.slots())
                        .map_err(|m| format!("{file}: template `{key}`: {m}"))?;
                    let pieces = pieces
                        .iter()
                        .map(|p| match p {
                            Piece::Lit(s) => format!("Piece::Lit({s:?})"),
                            Piece::Slot(s) => slot_expr(s),
                        })
                        .collect::<Vec<_>>();
                    writeln!(body, "        {field}: Template(&[{}]),", pieces.join(", ")).unwrap();
                }
            }
        }
        body.push_str("    }");
        bodies.push(body);
    }

    let n = langs.len();
    let mut s = String::new();
    writeln!(
        s,
        "#[doc = include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/src/lang/lang.md\"))]"
    )
    .unwrap();
    s.push_str("#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]\n");
    s.push_str("#[cfg_attr(feature = \"serde\", derive(serde::Serialize, serde::Deserialize))]\n");
    s.push_str("#[cfg_attr(feature = \"serde\", serde(rename_all = \"lowercase\"))]\n");
    s.push_str("#[non_exhaustive]\npub enum Lang {\n");
    for m in &metas {
        let default = if m.code == "en" { " (the default)" } else { "" };
        writeln!(
            s,
            "    #[doc = {:?}]",
            format!("{} (`{}`, {}){default}.", m.english_name, m.code, m.name)
        )
        .unwrap();
        if m.code == "en" {
            s.push_str("    #[default]\n");
        }
        writeln!(s, "    {},", variant(&m.code)).unwrap();
    }
    s.push_str("}\n\n");
    writeln!(s, "impl Lang {{").unwrap();
    writeln!(
        s,
        "    /// Every language, English first, then by code.\n    pub const ALL: [Lang; {n}] = [{}];",
        langs
            .iter()
            .map(|l| format!("Lang::{}", variant(l)))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    writeln!(
        s,
        "    /// How many languages there are.\n    pub const COUNT: usize = {n};"
    )
    .unwrap();
    s.push_str("}\n\n");
    writeln!(s, "pub(crate) static META: [Meta; {n}] = [").unwrap();
    for m in &metas {
        writeln!(
            s,
            "    Meta {{ code: {:?}, name: {:?}, english_name: {:?}, aliases: &{:?} }},",
            m.code, m.name, m.english_name, m.aliases
        )
        .unwrap();
    }
    s.push_str("];\n\n");

    s.push_str("/// Every fixed phrase in one language, from `ui.<lang>.toml`.\npub(crate) struct Phrases {\n");
    for (key, kind) in SCHEMA {
        let ty = match kind {
            Kind::Text | Kind::Raw => "&'static str".to_owned(),
            Kind::Table(v) => format!("[&'static str; {}]", v.len()),
            Kind::Template(_) => "Template".to_owned(),
        };
        writeln!(
            s,
            "    /// `{key}`\n    pub(crate) {}: {ty},",
            field_name(key)
        )
        .unwrap();
    }
    s.push_str("}\n\n");
    writeln!(s, "pub(crate) static PHRASES: [Phrases; {n}] = [").unwrap();
    for b in bodies {
        writeln!(s, "    {b},").unwrap();
    }
    s.push_str("];\n");
    std::fs::write(out.join("lang.rs"), s).map_err(|e| e.to_string())
}

/// The notes of `commands.<lang>.toml`: for each verb (and `greeting`), one
/// list of notes per language, in the order of `langs`.
pub(super) fn command_notes(
    dir: &Path,
    langs: &[String],
) -> Result<BTreeMap<String, Vec<Vec<String>>>> {
    let tables: Vec<Table> = langs
        .iter()
        .map(|l| load(&dir.join(format!("commands.{l}.toml"))))
        .collect::<Result<_>>()?;
    let mut out: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for (l, t) in langs.iter().zip(&tables) {
        let file = format!("commands.{l}.toml");
        for (verb, v) in t {
            let entry = v
                .as_table()
                .ok_or_else(|| format!("{file}: [{verb}] must be a table"))?;
            for k in entry.keys() {
                if k != "notes" {
                    return Err(format!("{file}: [{verb}] unknown key `{k}`"));
                }
            }
            let notes =
                strings(entry.get("notes")).map_err(|m| format!("{file}: [{verb}] notes: {m}"))?;
            for n in &notes {
                if n.trim().is_empty() || n.trim() != n {
                    return Err(format!(
                        "{file}: [{verb}] a note is empty or has surrounding white space"
                    ));
                }
            }
            if l == "en" {
                out.insert(verb.clone(), vec![notes]);
            } else {
                let en = out
                    .get_mut(verb)
                    .ok_or_else(|| format!("{file}: [{verb}] has no notes in commands.en.toml"))?;
                if en[0].len() != notes.len() {
                    return Err(format!(
                        "{file}: [{verb}] has {} notes, commands.en.toml has {} (one translation per note)",
                        notes.len(),
                        en[0].len()
                    ));
                }
                if let Some(n) = notes.iter().zip(&en[0]).find(|(a, b)| a == b) {
                    return Err(format!(
                        "{file}: [{verb}] a note is the same as the English text: {:?}",
                        n.0
                    ));
                }
                en.push(notes);
            }
        }
        for (verb, per) in &out {
            if per.len() < langs.iter().position(|x| x == l).unwrap_or(0) + 1 {
                return Err(format!("{file}: no notes for [{verb}]"));
            }
        }
    }
    Ok(out)
}
