//! `ftp-reply explain <CODE | "REPLY LINE">`: what `examples/explain.rs`
//! prints, as text, Markdown or JSON.

use std::io::Write;

use ftp_reply::diagnosis::{Diagnosis, diagnose_line_str};
use ftp_reply::{Lang, ReplyCode};
use serde_json::{Value, json};

use crate::cli::OutputFormat;
use crate::output::{Out, json_pretty};
use crate::{Failure, Outcome, markdown};

/// Explains `target`: a bare code, or a reply line whose text is diagnosed too.
pub fn run(out: &mut Out, format: OutputFormat, target: &str) -> Result<Outcome, Failure> {
    let line = target.trim_end_matches(['\r', '\n']);
    let code = ReplyCode::parse_str(line).map_err(|e| {
        Failure::Usage(format!("{target:?} is not a reply code or reply line: {e}"))
    })?;
    // A bare code has no text to diagnose; `line` parsed above, so this cannot fail.
    let diagnoses: Vec<&Diagnosis> = diagnose_line_str(line)
        .map(Iterator::collect)
        .unwrap_or_default();
    let lang = out.lang;
    let has_text = line.len() > 3;
    match format {
        OutputFormat::Json => json_pretty(&mut out.w, &to_json(code, lang, &diagnoses))?,
        OutputFormat::Text => {
            let text = code.explain(lang).to_string();
            let (title, rest) = text.split_once('\n').unwrap_or((&text, ""));
            writeln!(out.w, "{}", out.style.category(code.category(), title))?;
            out.w.write_all(rest.as_bytes())?;
            if has_text {
                write_diagnoses(out, &diagnoses)?;
            }
        }
        OutputFormat::Markdown => {
            let mut text = code.explain(lang).to_string();
            if has_text {
                text.push('\n');
                text.push_str(&diagnoses_text(lang, &diagnoses));
            }
            out.w
                .write_all(markdown::from_text(&text, Some(1)).as_bytes())?;
        }
    }
    Ok(Outcome::Success)
}

/// The diagnosis section of the text output.
fn write_diagnoses(out: &mut Out, diagnoses: &[&Diagnosis]) -> std::io::Result<()> {
    writeln!(out.w, "\n{}", out.style.bold(Diagnosis::heading(out.lang)))?;
    out.w
        .write_all(diagnoses_body(out.lang, diagnoses).as_bytes())
}

/// The diagnosis section, heading and indented body, as plain text.
fn diagnoses_text(lang: Lang, diagnoses: &[&Diagnosis]) -> String {
    format!(
        "{}\n{}",
        Diagnosis::heading(lang),
        diagnoses_body(lang, diagnoses)
    )
}

fn diagnoses_body(lang: Lang, diagnoses: &[&Diagnosis]) -> String {
    let mut body = String::new();
    if diagnoses.is_empty() {
        body.push_str("  ");
        body.push_str(Diagnosis::none_found(lang));
        body.push('\n');
    }
    for (i, d) in diagnoses.iter().enumerate() {
        if i > 0 {
            body.push('\n');
        }
        for line in d.render(lang).to_string().lines() {
            body.push_str("  ");
            body.push_str(line);
            body.push('\n');
        }
    }
    body
}

/// One diagnosis as JSON (shared with `diagnose`).
pub fn diagnosis_json(d: &Diagnosis, lang: Lang) -> Value {
    json!({
        "id": d.id(),
        "server": d.server().to_string(),
        "server_id": d.server().id(),
        "server_specific": d.is_server_specific(),
        "cause": d.cause(lang),
        "fix": d.fix(lang),
        "source": d.source(),
        "pattern": d.pattern(),
    })
}

/// The JSON object of `examples/explain.rs --json`.
fn to_json(code: ReplyCode, lang: Lang, diagnoses: &[&Diagnosis]) -> Value {
    let category = code.category();
    let mut obj = json!({
        "code": code.as_u16(),
        "lang": lang.to_string(),
        "category": category.name(lang),
        "category_meaning": category.meaning(lang),
        "function": code.function().name(lang),
        "title": Value::Null,
        "standard": Value::Null,
        "rfc_wording": Value::Null,
        "description": Value::Null,
        "when_seen": Value::Null,
        "remediation": Value::Null,
        "sources": [],
        "more_replies_follow": code.more_replies_follow(),
        "closes_control_connection": code.closes_control_connection(),
        "retry_advice": code.retry_advice().to_string(),
        "next_step": code.retry_advice().describe(lang),
        "diagnosis": diagnoses.iter().map(|d| diagnosis_json(d, lang)).collect::<Vec<_>>(),
        "commands": code
            .commands()
            .filter(|(c, _)| c.alias_of().is_none())
            .map(|(c, role)| json!({"command": c.verb(), "role": role.describe(lang)}))
            .collect::<Vec<_>>(),
    });
    if let Some(info) = code.info() {
        let meanings: Vec<Value> = info
            .meanings()
            .iter()
            .map(|m| {
                json!({
                    "source": m.source().to_string(),
                    "wording": m.wording(),
                    "commands": m.commands(),
                    "context": m.context(lang),
                })
            })
            .collect();
        let extra = json!({
            "title": info.title(lang),
            "standard": info.is_standard(),
            "rfc_wording": info.rfc_wording(),
            "description": info.description(lang),
            "when_seen": info.when_seen(lang),
            "remediation": info.remediation(lang),
            "sources": info.sources().iter().map(ToString::to_string).collect::<Vec<_>>(),
            "data_connection": info.data_connection().to_string(),
            "meanings": meanings,
            "related": info.related().iter().map(|r| r.as_u16()).collect::<Vec<_>>(),
        });
        if let (Value::Object(o), Value::Object(e)) = (&mut obj, extra) {
            o.extend(e);
        }
    }
    obj
}
