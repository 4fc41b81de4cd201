//! Prints everything ftp-reply knows about a reply code.
//!
//! ```text
//! cargo run --example explain -- 421 [--lang fr|es|...] [--json]
//! ```
//!
//! The argument is a bare code (`421`) or a whole reply line as a server
//! sent it (`"421 Too many connections (8) from this IP"`). For a reply line
//! the output adds the diagnosis: the server that sends that text, the cause
//! and the fix. `--json` prints one JSON object, whose `diagnosis` key is an
//! array (empty when nothing matches). A bad argument prints a message and
//! exits with status 2.

use std::io::{self, Write};
use std::process::ExitCode;

use ftp_reply::diagnosis::{Diagnosis, diagnose_line_str};
use ftp_reply::{Lang, ReplyCode};
use serde_json::{Value, json};

const USAGE: &str = "usage: explain <CODE | \"REPLY LINE\"> [--lang CODE] [--json]";

struct Args {
    code: ReplyCode,
    line: String,
    lang: Lang,
    json: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut code = None;
    let mut line = String::new();
    let mut lang = Lang::default();
    let mut json = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--json" {
            json = true;
        } else if arg == "--lang" || arg.starts_with("--lang=") {
            let value = match arg.strip_prefix("--lang=") {
                Some(v) => v.to_owned(),
                None => args
                    .next()
                    .ok_or_else(|| format!("--lang needs a value: {}", lang_codes()))?,
            };
            lang = value
                .parse()
                .map_err(|e| format!("{value:?}: {e}: expected {}", lang_codes()))?;
        } else if arg == "--help" || arg == "-h" {
            return Err(String::new());
        } else if arg.starts_with("--") {
            return Err(format!("unknown option {arg}"));
        } else if code.is_some() {
            return Err(format!("unexpected extra argument {arg:?}"));
        } else {
            let parsed = ReplyCode::parse_str(arg.trim_end_matches(['\r', '\n']))
                .map_err(|e| format!("{arg:?} is not a reply code or reply line: {e}"))?;
            code = Some(parsed);
            line = arg;
        }
    }
    let code = code.ok_or("missing the reply code to explain")?;
    Ok(Args {
        code,
        line,
        lang,
        json,
    })
}

fn diagnosis_json(d: &Diagnosis, lang: Lang) -> Value {
    json!({
        "id": d.id(),
        "server": d.server().to_string(),
        "server_specific": d.is_server_specific(),
        "cause": d.cause(lang),
        "fix": d.fix(lang),
        "source": d.source(),
        "pattern": d.pattern(),
    })
}

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

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(msg) if msg.is_empty() => {
            let _ = writeln!(io::stdout(), "{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("explain: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    // A bare code has no text to diagnose; `line` parsed above, so this cannot fail.
    let diagnoses: Vec<&Diagnosis> = diagnose_line_str(args.line.trim_end_matches(['\r', '\n']))
        .map(Iterator::collect)
        .unwrap_or_default();
    match print(&args, &diagnoses) {
        // A closed pipe (`... | head -1`) is the reader's choice, not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("explain: cannot write the output: {e}");
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// Writes the explanation; errors (a closed pipe among them) go to the caller
/// rather than panicking as `println!` would.
fn print(args: &Args, diagnoses: &[&Diagnosis]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    if args.json {
        return writeln!(out, "{}", to_json(args.code, args.lang, diagnoses));
    }
    write!(out, "{}", args.code.explain(args.lang))?;
    if args.line.len() > 3 {
        let (heading, none) = (
            Diagnosis::heading(args.lang),
            Diagnosis::none_found(args.lang),
        );
        writeln!(out, "\n{heading}")?;
        if diagnoses.is_empty() {
            writeln!(out, "  {none}")?;
        }
        for (i, d) in diagnoses.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            for line in d.render(args.lang).to_string().lines() {
                writeln!(out, "  {line}")?;
            }
        }
    }
    Ok(())
}

/// The language codes, from the data: `en, fr, ...`.
fn lang_codes() -> String {
    Lang::ALL.map(Lang::code).join(", ")
}
