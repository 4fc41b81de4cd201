//! Prints the key differences between two reply codes.
//!
//! ```text
//! cargo run --example compare -- 150 421 [--lang fr|es|...] [--markdown|--json]
//! ```
//!
//! Plain text by default. `--json` needs no feature flag: it prints the
//! crate's `LocalizedDiff` when built with `--features serde`, and otherwise
//! a JSON object built here from the public API. A bad or missing argument
//! prints a message and exits with status 2.

use std::io::{self, Write};
use std::process::ExitCode;

use ftp_reply::diff::{Diff, Format};
use ftp_reply::{Lang, ReplyCode};

const USAGE: &str = "usage: compare <CODE> <CODE> [--lang CODE] [--markdown|--json]";

enum Output {
    Page(Format),
    Json,
}

fn parse_args() -> Result<(ReplyCode, ReplyCode, Lang, Output), String> {
    let mut codes = Vec::new();
    let mut lang = Lang::default();
    let mut output = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut set = |o: Output, name: &str| {
            if output.replace(o).is_some() {
                Err(format!("{name}: choose one of --markdown and --json"))
            } else {
                Ok(())
            }
        };
        match arg.as_str() {
            "--markdown" => set(Output::Page(Format::Markdown), "--markdown")?,
            "--json" => set(Output::Json, "--json")?,
            "--lang" => {
                let v = args
                    .next()
                    .ok_or_else(|| format!("--lang needs a value: {}", lang_codes()))?;
                lang = v
                    .parse()
                    .map_err(|e| format!("{v:?}: {e}: expected {}", lang_codes()))?;
            }
            "-h" | "--help" => return Err(String::new()),
            a if a.starts_with("--lang=") => {
                let v = &a["--lang=".len()..];
                lang = v
                    .parse()
                    .map_err(|e| format!("{v:?}: {e}: expected {}", lang_codes()))?;
            }
            a if a.starts_with('-') => return Err(format!("unknown option {a}")),
            a => {
                let code = ReplyCode::parse_str(a)
                    .map_err(|e| format!("{a:?} is not a reply code: {e}"))?;
                codes.push(code);
            }
        }
    }
    match codes[..] {
        [a, b] => Ok((a, b, lang, output.unwrap_or(Output::Page(Format::Text)))),
        [] | [_] => Err("expected two reply codes".into()),
        _ => Err(format!("expected two reply codes, got {}", codes.len())),
    }
}

fn main() -> ExitCode {
    let (a, b, lang, output) = match parse_args() {
        Ok(x) => x,
        Err(msg) if msg.is_empty() => {
            let _ = writeln!(io::stdout(), "{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("compare: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let d = Diff::new(a, b);
    let mut out = io::stdout().lock();
    let written = match output {
        Output::Page(format) => write!(out, "{}", d.render(lang, format)),
        Output::Json => writeln!(out, "{}", json(d, lang)),
    };
    match written {
        // A closed pipe (`... | head -1`) is the reader's choice, not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("compare: cannot write the output: {e}");
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}

#[cfg(feature = "serde")]
fn json(d: ftp_reply::diff::Diff, lang: Lang) -> String {
    serde_json::to_string_pretty(&d.localized(lang)).expect("serializing to a String cannot fail")
}

#[cfg(not(feature = "serde"))]
fn json(d: ftp_reply::diff::Diff, lang: Lang) -> String {
    use serde_json::json;
    let side = |c: ReplyCode| {
        let info = c.info();
        json!({
            "code": c.as_u16(),
            "title": info.map(|i| i.title(lang)),
            "category": c.category().name(lang),
            "function": c.function().name(lang),
            "description": info.map(|i| i.description(lang)),
            "when_seen": info.map(|i| i.when_seen(lang)),
            "remediation": info.map(|i| i.remediation(lang)),
            "sources": info.map(|i| i.sources().iter().map(ToString::to_string).collect::<Vec<_>>()),
        })
    };
    let differences: Vec<_> = d
        .differences()
        .map(|x| json!({"axis": x.axis(), "text": x.describe(d.a(), d.b(), lang).to_string()}))
        .collect();
    let value = json!({
        "lang": lang.to_string(),
        "a": side(d.a()),
        "b": side(d.b()),
        "same": d.is_same(),
        "differences": differences,
        "note": d.note().map(|n| json!({"note": n.note(lang), "server": n.server(lang), "client": n.client(lang)})),
        "page": d.render(lang, ftp_reply::diff::Format::Text).to_string(),
    });
    serde_json::to_string_pretty(&value).expect("serializing to a String cannot fail")
}

/// The language codes, from the data: `en, fr, ...`.
fn lang_codes() -> String {
    Lang::ALL.map(Lang::code).join(", ")
}
