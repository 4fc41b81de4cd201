//! Build script: turns the knowledge base's TOML files (`src/kb/data/`) into
//! Rust: a sorted static array of entries, a `phf` map from code to entry, and
//! one associated constant per code on `ReplyCode`.
//!
//! Why a build script and data files rather than a Rust table: translators
//! and reviewers edit plain TOML (one file of facts, one file of prose per
//! language, same keys) without reading Rust, and every mistake (a missing
//! field, an empty text, a French text equal to the English one, an unknown
//! key, a related code that does not exist) stops the build with a message
//! that names the file and the code.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use build_toml::{Table, Value};

mod build_commands;
mod build_lang;
mod build_toml;

const TEXT_FIELDS: [&str; 4] = ["title", "description", "when_seen", "remediation"];
const DATA_CONNECTION: [(&str, &str); 9] = [
    ("unaffected", "Unaffected"),
    ("listening", "Listening"),
    ("opening", "Opening"),
    ("already_open", "AlreadyOpen"),
    ("open_idle", "OpenIdle"),
    ("closed", "Closed"),
    ("open_failed", "OpenFailed"),
    ("aborted", "Aborted"),
    ("transfer_failed", "TransferFailed"),
];
const RETRY: [(&str, &str); 8] = [
    ("no_retry_needed", "NoRetryNeeded"),
    ("wait_for_final_reply", "WaitForFinalReply"),
    ("send_next_command", "SendNextCommand"),
    ("retry_later", "RetryLater"),
    ("reconnect_later", "ReconnectLater"),
    ("change_first", "ChangeFirst"),
    ("do_not_retry_unchanged", "DoNotRetryUnchanged"),
    ("decode_protected", "DecodeProtected"),
];

type Result<T> = std::result::Result<T, String>;

/// Each language's prose file (`<lang>.toml`), English first.
type Texts = Vec<(String, Table)>;

/// `Text([..])` from one text per language, English first; every other
/// language must differ from English unless `may_equal`.
fn text_array(
    file_of: &dyn Fn(&str) -> String,
    what: &str,
    per_lang: &[(&str, &str)],
    may_equal: bool,
) -> Result<String> {
    let en = per_lang[0].1;
    for (lang, v) in &per_lang[1..] {
        if *v == en && !may_equal {
            return Err(format!(
                "{}: {what} is the same as the English text",
                file_of(lang)
            ));
        }
    }
    Ok(format!(
        "Text([{}])",
        per_lang
            .iter()
            .map(|(_, v)| format!("{v:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error in the ftp-reply knowledge base: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?)
        .join("src/kb/data");
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    println!("cargo:rerun-if-changed=src/kb/data");
    println!("cargo:rerun-if-changed=src/kb/build.rs");
    println!("cargo:rerun-if-changed=src/kb/build_commands.rs");
    println!("cargo:rerun-if-changed=src/kb/build_lang.rs");

    let langs = build_lang::discover(&dir)?;
    build_lang::ui(&dir, &langs, &out)?;
    let codes = load(&dir.join("codes.toml"))?;
    let mut texts = Texts::new();
    for lang in &langs {
        texts.push((lang.clone(), load(&dir.join(format!("{lang}.toml")))?));
    }
    let entries = parse_codes(&codes)?;
    let known: BTreeSet<u16> = entries.iter().map(|e| e.code).collect();
    let notes = build_lang::command_notes(&dir, &langs)?;
    build_commands::commands(&dir, &out, &known, &notes)?;

    let mut kb = String::new();
    let mut consts = String::from("impl ReplyCode {\n");
    writeln!(
        kb,
        "pub(super) static ALL: [ReplyInfo; {}] = [",
        entries.len()
    )
    .unwrap();
    for e in &entries {
        let text = |field: &str| -> Result<String> { text_expr(&texts, e.code, field) };
        for r in &e.related {
            if !known.contains(r) {
                return Err(format!(
                    "codes.toml: code {}: related code {r} has no entry",
                    e.code
                ));
            }
        }
        let meanings_ctx = meaning_contexts(&texts, e.code, e.meanings.len())?;
        check_no_extra_keys(&texts, e.code)?;
        writeln!(kb, "    ReplyInfo {{").unwrap();
        writeln!(kb, "        code: ReplyCode::known({}),", e.code).unwrap();
        writeln!(kb, "        name: {:?},", e.name).unwrap();
        writeln!(kb, "        standard: {},", e.standard).unwrap();
        for f in TEXT_FIELDS {
            writeln!(kb, "        {f}: {},", text(f)?).unwrap();
        }
        writeln!(
            kb,
            "        sources: &[{}],",
            e.sources
                .iter()
                .map(|s| source_expr(s))
                .collect::<Result<Vec<_>>>()?
                .join(", ")
        )
        .unwrap();
        writeln!(kb, "        meanings: &[").unwrap();
        for (m, ctx) in e.meanings.iter().zip(&meanings_ctx) {
            writeln!(
                kb,
                "            Meaning {{ source: {}, wording: {:?}, commands: &{:?}, context: {} }},",
                source_expr(&m.source)?,
                m.wording,
                m.commands,
                ctx
            )
            .unwrap();
        }
        writeln!(kb, "        ],").unwrap();
        writeln!(kb, "        closes_control: {},", e.closes_control).unwrap();
        writeln!(
            kb,
            "        data_connection: DataConnection::{},",
            e.data_connection
        )
        .unwrap();
        writeln!(kb, "        retry: RetryAdvice::{},", e.retry).unwrap();
        writeln!(
            kb,
            "        related: &[{}],",
            e.related
                .iter()
                .map(|r| format!("ReplyCode::known({r})"))
                .collect::<Vec<_>>()
                .join(", ")
        )
        .unwrap();
        writeln!(kb, "    }},").unwrap();

        let title_en = str_field(&texts[0].1, e.code, "title", "en.toml")?;
        for (i, name) in std::iter::once(&e.name).chain(&e.aliases).enumerate() {
            let doc = constant_doc(e, i, title_en)?;
            writeln!(
                consts,
                "    #[doc = {doc:?}]\n    pub const {name}: ReplyCode = ReplyCode::known({});",
                e.code
            )
            .unwrap();
        }
    }
    kb.push_str("];\n\n");
    consts.push_str("}\n");

    check_text_tables(&texts, &known)?;
    write_pairs(&mut kb, &texts, &known)?;

    let mut map = phf_codegen::Map::new();
    for (i, e) in entries.iter().enumerate() {
        map.entry(e.code, i.to_string());
    }
    writeln!(
        kb,
        "pub(super) static INDEX: phf::Map<u16, u8> = {};",
        map.build()
    )
    .unwrap();
    if entries.len() > usize::from(u8::MAX) {
        return Err("too many entries for a u8 index".into());
    }

    std::fs::write(out.join("kb.rs"), kb).map_err(|e| e.to_string())?;
    std::fs::write(out.join("diagnoses.rs"), diagnoses(&dir, &langs)?)
        .map_err(|e| e.to_string())?;
    std::fs::write(out.join("constants.rs"), consts).map_err(|e| e.to_string())?;
    Ok(())
}

fn load(path: &Path) -> Result<Table> {
    let s = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    s.parse::<Table>()
        .map_err(|e| format!("{}: {e}", path.display()))
}

struct MeaningData {
    source: String,
    wording: String,
    commands: Vec<String>,
}

struct Entry {
    code: u16,
    name: String,
    aliases: Vec<String>,
    standard: bool,
    sources: Vec<String>,
    closes_control: bool,
    data_connection: &'static str,
    retry: &'static str,
    related: Vec<u16>,
    meanings: Vec<MeaningData>,
}

fn parse_codes(t: &Table) -> Result<Vec<Entry>> {
    let list = t
        .get("code")
        .and_then(Value::as_array)
        .ok_or("codes.toml: expected [[code]] tables")?;
    let mut out: Vec<Entry> = Vec::new();
    let mut names = BTreeSet::new();
    for v in list {
        let e = v.as_table().ok_or("codes.toml: [[code]] must be a table")?;
        let code = e
            .get("code")
            .and_then(Value::as_integer)
            .ok_or("codes.toml: an entry has no integer `code`")?;
        let code = u16::try_from(code)
            .ok()
            .filter(|c| (100..=699).contains(c))
            .ok_or(format!("codes.toml: code {code} is not in 100..=699"))?;
        let ctx = |m: &str| format!("codes.toml: code {code}: {m}");
        for k in e.keys() {
            if ![
                "code",
                "name",
                "aliases",
                "standard",
                "sources",
                "closes_control",
                "data_connection",
                "retry",
                "related",
                "meaning",
            ]
            .contains(&k.as_str())
            {
                return Err(ctx(&format!("unknown key `{k}`")));
            }
        }
        if let Some(prev) = out.last() {
            if prev.code >= code {
                return Err(ctx("entries must be sorted by code, without duplicates"));
            }
        }
        let name = e
            .get("name")
            .and_then(Value::as_str)
            .ok_or_else(|| ctx("missing `name`"))?
            .to_owned();
        let aliases = strings(e.get("aliases")).map_err(|m| ctx(&m))?;
        for n in std::iter::once(&name).chain(&aliases) {
            if n.is_empty()
                || !n
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(ctx(&format!(
                    "constant name `{n}` must be SCREAMING_SNAKE_CASE"
                )));
            }
            if !names.insert(n.clone()) {
                return Err(ctx(&format!("constant name `{n}` is used twice")));
            }
        }
        let standard = e
            .get("standard")
            .and_then(Value::as_bool)
            .ok_or_else(|| ctx("missing boolean `standard`"))?;
        let sources = strings(e.get("sources")).map_err(|m| ctx(&m))?;
        if sources.is_empty() {
            return Err(ctx("`sources` must not be empty"));
        }
        for s in &sources {
            source_expr(s).map_err(|m| ctx(&m))?;
        }
        let closes_control = e.get("closes_control").map_or(Ok(false), |v| {
            v.as_bool()
                .ok_or_else(|| ctx("`closes_control` must be a boolean"))
        })?;
        let data_connection =
            pick(e.get("data_connection"), &DATA_CONNECTION, "unaffected").map_err(|m| ctx(&m))?;
        let default_retry = match code / 100 {
            1 => "wait_for_final_reply",
            2 => "no_retry_needed",
            3 => "send_next_command",
            4 => "retry_later",
            5 => "do_not_retry_unchanged",
            _ => "decode_protected",
        };
        let retry = pick(e.get("retry"), &RETRY, default_retry).map_err(|m| ctx(&m))?;
        let related = match e.get("related") {
            None => Vec::new(),
            Some(v) => v
                .as_array()
                .ok_or_else(|| ctx("`related` must be an array of codes"))?
                .iter()
                .map(|x| {
                    x.as_integer()
                        .and_then(|n| u16::try_from(n).ok())
                        .ok_or_else(|| ctx("`related` must hold codes"))
                })
                .collect::<Result<Vec<_>>>()?,
        };
        let meanings = e
            .get("meaning")
            .and_then(Value::as_array)
            .ok_or_else(|| ctx("needs at least one [[code.meaning]]"))?
            .iter()
            .map(|m| {
                let m = m
                    .as_table()
                    .ok_or_else(|| ctx("[[code.meaning]] must be a table"))?;
                for k in m.keys() {
                    if !["source", "wording", "commands"].contains(&k.as_str()) {
                        return Err(ctx(&format!("meaning: unknown key `{k}`")));
                    }
                }
                let source = m
                    .get("source")
                    .and_then(Value::as_str)
                    .ok_or_else(|| ctx("meaning without `source`"))?
                    .to_owned();
                source_expr(&source).map_err(|x| ctx(&x))?;
                let wording = m
                    .get("wording")
                    .and_then(Value::as_str)
                    .ok_or_else(|| ctx("meaning without `wording`"))?
                    .to_owned();
                if wording.trim().is_empty() || wording.trim() != wording {
                    return Err(ctx("meaning `wording` is empty or has surrounding spaces"));
                }
                let commands = strings(m.get("commands")).map_err(|x| ctx(&x))?;
                Ok(MeaningData {
                    source,
                    wording,
                    commands,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        if meanings.is_empty() {
            return Err(ctx("needs at least one [[code.meaning]]"));
        }
        if aliases.len() >= meanings.len() {
            return Err(ctx("each alias names one of the second and later meanings"));
        }
        out.push(Entry {
            code,
            name,
            aliases,
            standard,
            sources,
            closes_control,
            data_connection,
            retry,
            related,
            meanings,
        });
    }
    Ok(out)
}

fn strings(v: Option<&Value>) -> Result<Vec<String>> {
    match v {
        None => Ok(Vec::new()),
        Some(v) => v
            .as_array()
            .ok_or("expected an array of strings")?
            .iter()
            .map(|x| {
                x.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| "expected an array of strings".to_owned())
            })
            .collect(),
    }
}

fn pick(v: Option<&Value>, table: &[(&str, &'static str)], default: &str) -> Result<&'static str> {
    let key = match v {
        None => default,
        Some(v) => v.as_str().ok_or("expected a string")?,
    };
    table
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, variant)| *variant)
        .ok_or_else(|| {
            format!(
                "`{key}` is not one of {:?}",
                table.iter().map(|(k, _)| *k).collect::<Vec<_>>()
            )
        })
}

/// `RFC 959 §4.2.1`, `RFC 959 Appendix II`, `RFC 2389`, or any other text (a non-standard source).
/// The one-line doc of a constant: the code, its English title and the
/// section that defines its meaning, linked, e.g. "`421` Service Not Available
/// ([RFC 959 §4.2.2](https://www.rfc-editor.org/rfc/rfc959#section-4.2.2))".
/// The long text stays in the knowledge base, behind `ReplyCode::info()`.
/// `meaning` is 0 for the code's main constant, `i` for its `i`-th alias.
fn constant_doc(e: &Entry, meaning: usize, title_en: &str) -> Result<String> {
    let source = e.meanings.get(meaning).map_or(&e.sources[0], |m| &m.source);
    let mut doc = format!("`{}` {title_en} ({})", e.code, source_link(source)?);
    if !e.standard {
        doc.push_str(", not standard");
    }
    if meaning > 0 {
        write!(doc, "; the same code as [`{0}`](Self::{0})", e.name).unwrap();
    }
    doc.push('.');
    Ok(doc)
}

/// A source as Markdown: linked to its rfc-editor.org section for an RFC
/// (the same links as `Source::url`), plain text otherwise.
fn source_link(s: &str) -> Result<String> {
    let Some(rest) = s.strip_prefix("RFC ") else {
        return Ok(s.to_string());
    };
    let (num, section) = rest.split_once(' ').unwrap_or((rest, ""));
    let num: u16 = num
        .parse()
        .map_err(|_| format!("source `{s}`: bad RFC number"))?;
    let anchor = if let Some(sec) = section.strip_prefix('§') {
        format!("#section-{sec}")
    } else if let Some(app) = section.strip_prefix("Appendix ") {
        format!("#appendix-{app}")
    } else {
        String::new()
    };
    Ok(format!(
        "[{s}](https://www.rfc-editor.org/rfc/rfc{num}{anchor})"
    ))
}

fn source_expr(s: &str) -> Result<String> {
    if let Some(rest) = s.strip_prefix("RFC ") {
        let (num, section) = match rest.split_once(' ') {
            Some((n, sec)) => (n, sec),
            None => (rest, ""),
        };
        let num: u16 = num
            .parse()
            .map_err(|_| format!("source `{s}`: bad RFC number"))?;
        let section = if let Some(sec) = section.strip_prefix('§') {
            if sec.is_empty() || !sec.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                return Err(format!("source `{s}`: bad section"));
            }
            sec
        } else if section.is_empty() || section.starts_with("Appendix ") {
            section
        } else {
            return Err(format!(
                "source `{s}`: expected `§N.N` or `Appendix X` after the RFC number"
            ));
        };
        Ok(format!(
            "Source {{ spec: Spec::Rfc({num}), section: {section:?} }}"
        ))
    } else if s.trim().is_empty() {
        Err("empty source".into())
    } else {
        Ok(format!(
            "Source {{ spec: Spec::Other({s:?}), section: \"\" }}"
        ))
    }
}

fn str_field<'a>(t: &'a Table, code: u16, field: &str, file: &str) -> Result<&'a str> {
    let entry = t
        .get(&code.to_string())
        .and_then(Value::as_table)
        .ok_or_else(|| format!("{file}: no [{code}] table"))?;
    let s = entry
        .get(field)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{file}: [{code}] has no string `{field}`"))?;
    if s.trim().is_empty() || s.trim() != s {
        return Err(format!(
            "{file}: [{code}] `{field}` is empty or has surrounding white space"
        ));
    }
    Ok(s)
}

fn text_expr(texts: &Texts, code: u16, field: &str) -> Result<String> {
    let mut per_lang = Vec::new();
    for (lang, t) in texts {
        per_lang.push((
            lang.as_str(),
            str_field(t, code, field, &format!("{lang}.toml"))?,
        ));
    }
    text_array(
        &|l| format!("{l}.toml"),
        &format!("[{code}] `{field}`"),
        &per_lang,
        field == "title",
    )
}

fn meaning_contexts(texts: &Texts, code: u16, n: usize) -> Result<Vec<String>> {
    let mut per_lang = Vec::new();
    for (lang, t) in texts {
        let file = format!("{lang}.toml");
        let entry = t
            .get(&code.to_string())
            .and_then(Value::as_table)
            .ok_or_else(|| format!("{file}: no [{code}] table"))?;
        let list = strings(entry.get("meanings"))
            .map_err(|m| format!("{file}: [{code}] meanings: {m}"))?;
        if n > 1 && list.len() != n {
            return Err(format!(
                "{file}: [{code}] has {n} meanings in codes.toml, so `meanings` needs {n} texts"
            ));
        }
        if n == 1 && !list.is_empty() {
            return Err(format!(
                "{file}: [{code}] has one meaning; remove `meanings`"
            ));
        }
        if list.iter().any(|s| s.trim().is_empty()) {
            return Err(format!("{file}: [{code}] a `meanings` text is empty"));
        }
        per_lang.push(list);
    }
    if n == 1 {
        return Ok(vec!["None".into()]);
    }
    (0..n)
        .map(|i| {
            let texts_i: Vec<(&str, &str)> = texts
                .iter()
                .zip(&per_lang)
                .map(|((l, _), list)| (l.as_str(), list[i].as_str()))
                .collect();
            text_array(
                &|l| format!("{l}.toml"),
                &format!("[{code}] meaning {}", i + 1),
                &texts_i,
                false,
            )
            .map(|t| format!("Some({t})"))
        })
        .collect()
}

fn check_no_extra_keys(texts: &Texts, code: u16) -> Result<()> {
    for (lang, t) in texts {
        if let Some(t) = t.get(&code.to_string()).and_then(Value::as_table) {
            for k in t.keys() {
                if !TEXT_FIELDS.contains(&k.as_str()) && k != "meanings" {
                    return Err(format!("{lang}.toml: [{code}] unknown key `{k}`"));
                }
            }
        }
    }
    Ok(())
}

/// Every top-level key of a language file is a known code or `pair`.
fn check_text_tables(texts: &Texts, known: &BTreeSet<u16>) -> Result<()> {
    for (lang, t) in texts {
        for k in t.keys() {
            if k == "pair" {
                continue;
            }
            match k.parse::<u16>() {
                Ok(c) if known.contains(&c) => {}
                _ => {
                    return Err(format!(
                        "{lang}.toml: [{k}] is not a code of codes.toml (nor `pair`)"
                    ));
                }
            }
        }
    }
    Ok(())
}

const PAIR_FIELDS: [&str; 3] = ["note", "server", "client"];

/// `[pair.A-B]` tables: hand-written notes on two codes that people confuse.
fn write_pairs(kb: &mut String, texts: &Texts, known: &BTreeSet<u16>) -> Result<()> {
    let empty = Table::new();
    let tables: Vec<(&str, &Table)> = texts
        .iter()
        .map(|(l, t)| {
            (
                l.as_str(),
                t.get("pair").and_then(Value::as_table).unwrap_or(&empty),
            )
        })
        .collect();
    let en_keys: BTreeSet<&String> = tables[0].1.keys().collect();
    for (lang, t) in &tables[1..] {
        let keys: BTreeSet<&String> = t.keys().collect();
        if en_keys != keys {
            return Err(format!(
                "pair notes differ between en.toml and {lang}.toml: {:?}",
                en_keys.symmetric_difference(&keys).collect::<Vec<_>>()
            ));
        }
    }
    let mut pairs = Vec::new();
    for key in en_keys {
        let (a, b) = key
            .split_once('-')
            .and_then(|(a, b)| Some((a.parse::<u16>().ok()?, b.parse::<u16>().ok()?)))
            .ok_or_else(|| format!("[pair.{key}]: expected two codes, lower first, as `A-B`"))?;
        if a >= b || !known.contains(&a) || !known.contains(&b) {
            return Err(format!(
                "[pair.{key}]: both codes must have entries, lower code first"
            ));
        }
        let mut fields = Vec::new();
        for f in PAIR_FIELDS {
            let mut per_lang = Vec::new();
            for (lang, t) in &tables {
                let entry = t[key.as_str()]
                    .as_table()
                    .ok_or_else(|| format!("{lang}.toml: [pair.{key}] must be a table"))?;
                for k in entry.keys() {
                    if !PAIR_FIELDS.contains(&k.as_str()) {
                        return Err(format!("{lang}.toml: [pair.{key}] unknown key `{k}`"));
                    }
                }
                let v = entry
                    .get(f)
                    .and_then(Value::as_str)
                    .ok_or_else(|| format!("{lang}.toml: [pair.{key}] has no string `{f}`"))?;
                if v.trim().is_empty() || v.trim() != v {
                    return Err(format!(
                        "{lang}.toml: [pair.{key}] `{f}` is empty or has surrounding white space"
                    ));
                }
                per_lang.push((*lang, v));
            }
            let t = text_array(
                &|l| format!("{l}.toml"),
                &format!("[pair.{key}] `{f}`"),
                &per_lang,
                false,
            )?;
            fields.push(format!("{f}: {t}"));
        }
        pairs.push(((a, b), fields.join(", ")));
    }
    pairs.sort();
    writeln!(
        kb,
        "pub(super) static PAIRS: [((u16, u16), PairNote); {}] = [",
        pairs.len()
    )
    .unwrap();
    for ((a, b), body) in pairs {
        writeln!(kb, "    (({a}, {b}), PairNote {{ {body} }}),").unwrap();
    }
    kb.push_str("];\n\n");
    Ok(())
}

/// Servers that the diagnosis table knows, as (data id, Rust variant).
const SERVERS: [(&str, &str); 6] = [
    ("vsftpd", "Vsftpd"),
    ("proftpd", "Proftpd"),
    ("pure-ftpd", "PureFtpd"),
    ("pyftpdlib", "Pyftpdlib"),
    ("filezilla-server", "FilezillaServer"),
    ("iis", "Iis"),
];

/// Compiles a pattern into matcher tokens, or says what is wrong with it.
fn pattern_tokens(p: &str) -> Result<(Vec<String>, usize)> {
    let mut toks = Vec::new();
    let mut lit = String::new();
    let mut literal_len = 0;
    let mut rest = p;
    let flush = |lit: &mut String, toks: &mut Vec<String>| {
        if !lit.is_empty() {
            toks.push(format!("Tok::Lit({:?})", std::mem::take(lit)));
        }
    };
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix("{{") {
            lit.push('{');
            literal_len += 1;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("{n}") {
            flush(&mut lit, &mut toks);
            toks.push("Tok::Digits".into());
            rest = r;
        } else if let Some(r) = rest.strip_prefix("{*}") {
            flush(&mut lit, &mut toks);
            toks.push("Tok::Any".into());
            rest = r;
        } else if c == '{' {
            return Err(format!(
                "pattern {p:?}: unknown placeholder (use {{n}}, {{*}} or {{{{)"
            ));
        } else {
            lit.push(c);
            literal_len += 1;
            rest = &rest[c.len_utf8()..];
        }
    }
    flush(&mut lit, &mut toks);
    if toks
        .windows(2)
        .any(|w| w[0] == "Tok::Any" && w[1] == "Tok::Any")
    {
        return Err(format!("pattern {p:?}: two {{*}} in a row"));
    }
    Ok((toks, literal_len))
}

/// A `u32` as Rust source that clippy reads easily (`0x1234_abcd`).
fn hex(v: u32) -> String {
    format!("0x{:04x}_{:04x}", v >> 16, v & 0xffff)
}

/// How many buckets each code's rows are indexed in (by the last byte).
const BUCKETS: usize = 16;

/// What a text must have for `pattern` to match it, checked before the
/// matcher runs: its shortest length in bytes (the literals, one digit per
/// `{n}`), and up to 4 bytes at each end, ASCII-lowercased, when the pattern
/// starts or ends with a literal, as `(word, mask)` pairs (see `Keys` in
/// `src/diagnose.rs`; a mask of 0 is no constraint).
fn pattern_keys(p: &str) -> (u16, (u32, u32), (u32, u32)) {
    let (mut min, mut rest) = (0usize, p);
    let mut literal: Vec<u8> = Vec::new();
    let (mut head, mut tail): (Option<Vec<u8>>, Vec<u8>) = (None, Vec::new());
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("{{") {
            min += 1;
            literal.push(b'{');
            rest = r;
        } else if let Some(r) = rest
            .strip_prefix("{n}")
            .or_else(|| rest.strip_prefix("{*}"))
        {
            min += usize::from(rest.starts_with("{n}"));
            head.get_or_insert(std::mem::take(&mut literal));
            literal.clear();
            rest = r;
        } else {
            let c = rest.chars().next().map_or(1, char::len_utf8);
            min += c;
            literal.extend_from_slice(&rest.as_bytes()[..c]);
            rest = &rest[c..];
        }
    }
    // `literal` is now the pattern's last literal run (empty if it ends
    // with a placeholder); `head` its first (None: no placeholder at all).
    tail.extend_from_slice(&literal);
    let head = head.unwrap_or_else(|| literal.clone());
    let lower = |b: &[u8]| b.iter().map(u8::to_ascii_lowercase).collect::<Vec<u8>>();
    let (head, tail) = (lower(&head), lower(&tail));
    let n = head.len().min(4);
    let mut word = 0u32;
    let mut mask = 0u32;
    for (i, b) in head[..n].iter().enumerate() {
        word |= u32::from(*b) << (24 - 8 * i);
        mask |= 0xff << (24 - 8 * i);
    }
    let prefix = (word, mask);
    let n = tail.len().min(4);
    let (mut word, mut mask) = (0u32, 0u32);
    for (i, b) in tail[tail.len() - n..].iter().rev().enumerate() {
        word |= u32::from(*b) << (8 * i);
        mask |= 0xff << (8 * i);
    }
    (u16::try_from(min).unwrap_or(u16::MAX), prefix, (word, mask))
}

/// A row's `server_specific` (issue 16): `false` when another server sends a
/// text the pattern matches (kept in sync with the extracted server texts by
/// tests/coverage.rs); `true` when absent.
fn server_specific(r: &Table) -> Result<bool> {
    match r.get("server_specific") {
        None => Ok(true),
        Some(Value::Boolean(b)) => Ok(*b),
        Some(_) => Err("`server_specific` must be true or false".into()),
    }
}

/// The diagnosis table: `diagnoses.toml` (facts) with `diagnoses.en.toml` and
/// `diagnoses.fr.toml` (prose), sorted by code, then most specific pattern first.
fn diagnoses(dir: &Path, langs: &[String]) -> Result<String> {
    let facts = load(&dir.join("diagnoses.toml"))?;
    let prose: Vec<(String, Table)> = langs
        .iter()
        .map(|l| {
            let file = format!("diagnoses.{l}.toml");
            load(&dir.join(&file)).map(|t| (file, t))
        })
        .collect::<Result<_>>()?;
    let rows = facts
        .get("diagnosis")
        .and_then(Value::as_array)
        .ok_or("diagnoses.toml: expected [[diagnosis]] tables")?;
    let mut ids = BTreeSet::new();
    let mut out = Vec::new();
    // Checked once every id is known.
    let mut declared_overlaps: Vec<(String, Vec<String>)> = Vec::new();
    for row in rows {
        let r = row
            .as_table()
            .ok_or("diagnoses.toml: [[diagnosis]] must be a table")?;
        let id = r
            .get("id")
            .and_then(Value::as_str)
            .ok_or("diagnoses.toml: a row has no `id`")?;
        let ctx = |m: &str| format!("diagnoses.toml: [{id}]: {m}");
        for k in r.keys() {
            if ![
                "id",
                "server",
                "code",
                "kind",
                "pattern",
                "example",
                "source",
                "overlaps",
                "server_specific",
            ]
            .contains(&k.as_str())
            {
                return Err(ctx(&format!("unknown key `{k}`")));
            }
        }
        if !ids.insert(id.to_owned()) {
            return Err(ctx("duplicate id"));
        }
        let get = |k: &str| {
            r.get(k)
                .and_then(Value::as_str)
                .ok_or_else(|| ctx(&format!("missing string `{k}`")))
        };
        let server = get("server")?;
        let variant = SERVERS
            .iter()
            .find(|(s, _)| *s == server)
            .map(|(_, v)| *v)
            .ok_or_else(|| ctx(&format!("unknown server `{server}`")))?;
        let code = r
            .get("code")
            .and_then(Value::as_integer)
            .and_then(|c| u16::try_from(c).ok())
            .filter(|c| (100..=699).contains(c))
            .ok_or_else(|| ctx("`code` must be a reply code"))?;
        let banner = match r.get("kind").map(Value::as_str) {
            None => false,
            Some(Some("banner")) => true,
            Some(_) => return Err(ctx("`kind` can only be \"banner\"")),
        };
        let pattern = get("pattern")?;
        let (toks, literal_len) = pattern_tokens(pattern).map_err(|m| ctx(&m))?;
        let example = get("example")?;
        let source = get("source")?;
        let overlaps = strings(r.get("overlaps")).map_err(|m| ctx(&m))?;
        let specific = server_specific(r).map_err(|m| ctx(&m))?;
        declared_overlaps.push((id.to_owned(), overlaps.clone()));
        let mut texts = Vec::new();
        for (file, t) in &prose {
            let e = t
                .get(id)
                .and_then(Value::as_table)
                .ok_or_else(|| format!("{file}: no [{id}] table"))?;
            let mut fields = Vec::new();
            for f in ["cause", "fix"] {
                let v = e
                    .get(f)
                    .and_then(Value::as_str)
                    .ok_or_else(|| format!("{file}: [{id}] has no string `{f}`"))?;
                if v.trim().is_empty() || v.trim() != v {
                    return Err(format!(
                        "{file}: [{id}] `{f}` is empty or has surrounding white space"
                    ));
                }
                fields.push(v);
            }
            texts.push((file.as_str(), fields));
        }
        let mut prose_expr = Vec::new();
        for (i, f) in ["cause", "fix"].iter().enumerate() {
            let per_lang: Vec<(&str, &str)> = texts.iter().map(|(file, v)| (*file, v[i])).collect();
            prose_expr.push(text_array(
                &|file| file.to_owned(),
                &format!("[{id}] `{f}`"),
                &per_lang,
                false,
            )?);
        }
        let (min_len, (prefix, prefix_mask), (suffix, suffix_mask)) = pattern_keys(pattern);
        out.push((code, std::cmp::Reverse(literal_len), id.to_owned(), (suffix, suffix_mask), format!(
            "Diagnosis {{ id: {id:?}, server: Server::{variant}, code: ReplyCode::known({code}), banner: {banner}, \
             pattern: {pattern:?}, tokens: &[{}], keys: Keys {{ min_len: {min_len}, prefix: {}, prefix_mask: {}, suffix: {}, suffix_mask: {} }}, \
             example: {example:?}, source: {source:?}, overlaps: &{overlaps:?}, specific: {specific}, \
             cause: {}, fix: {} }}",
            toks.join(", "), hex(prefix), hex(prefix_mask), hex(suffix), hex(suffix_mask),
            prose_expr[0], prose_expr[1]
        )));
    }
    for (file, t) in &prose {
        for k in t.keys() {
            if !ids.contains(k) {
                return Err(format!("{file}: [{k}] has no row in diagnoses.toml"));
            }
        }
    }
    for (id, names) in &declared_overlaps {
        if let Some(o) = names.iter().find(|o| !ids.contains(*o)) {
            return Err(format!(
                "diagnoses.toml: [{id}]: overlaps names unknown id `{o}`"
            ));
        }
    }
    out.sort();
    // The index: for each code, BUCKETS lists of row numbers (in table
    // order), one per value of the text's last byte (lowercased) modulo
    // BUCKETS; a row whose pattern ends with a literal is only in the bucket
    // of that literal's last byte, the others are in all of them.
    let mut codes: Vec<u16> = Vec::new();
    let mut buckets: Vec<Vec<Vec<usize>>> = Vec::new();
    for (i, (code, _, _, (suffix, mask), _)) in out.iter().enumerate() {
        if codes.last() != Some(code) {
            codes.push(*code);
            buckets.push(vec![Vec::new(); BUCKETS]);
        }
        let b = buckets.last_mut().ok_or("no bucket")?;
        for (k, list) in b.iter_mut().enumerate() {
            if *mask == 0 || (*suffix & 0xff) as usize % BUCKETS == k {
                list.push(i);
            }
        }
    }
    let mut s = format!(
        "pub(crate) static DIAGNOSES: [Diagnosis; {}] = [\n",
        out.len()
    );
    for (_, _, _, _, body) in out {
        s.push_str("    ");
        s.push_str(&body);
        s.push_str(",\n");
    }
    s.push_str("];\n");
    s.push_str(&format!(
        "pub(crate) const BUCKETS: usize = {BUCKETS};\npub(crate) static CODES: [u16; {}] = {codes:?};\n\
         pub(crate) static INDEX: [[&[u16]; {BUCKETS}]; {}] = [\n",
        codes.len(),
        codes.len()
    ));
    for b in &buckets {
        s.push_str("    [");
        for list in b {
            s.push_str(&format!("&{list:?}, "));
        }
        s.push_str("],\n");
    }
    s.push_str("];\n");
    Ok(s)
}
