//! Prints everything ftp-reply knows about a reply code.
//!
//! ```text
//! cargo run --example explain -- 421 [--lang fr|es|...] [--json]
//! ```
//!
//! The argument is a bare code (`421`) or a whole reply line as a server
//! sent it (`"421 Too many connections (8) from this IP"`). For a reply line
//! the output adds the diagnosis: the server that sends that text, the cause
//! and the fix. `--json` (needs `--features serde`) prints one JSON object,
//! the library's `Explanation` serialized (the schema is on its docs page),
//! whose `diagnosis` key is an array (empty when nothing matches). A bad
//! argument prints a message and exits with status 2.

use std::io::{self, Write};
use std::process::ExitCode;

use ftp_reply::diagnosis::{Diagnosis, diagnose_line_str};
use ftp_reply::{Lang, ReplyCode};

const USAGE: &str = "usage: explain <CODE | \"REPLY LINE\"> [--lang CODE] [--json]";

struct Args {
    code: ReplyCode,
    line: String,
    lang: Lang,
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
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
            if cfg!(not(feature = "serde")) {
                return Err("--json needs the serde feature: cargo run --features serde --example explain -- ...".into());
            }
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

/// Writes the explanation (the library's text or JSON); errors (a closed
/// pipe among them) go to the caller rather than panicking as `println!` would.
fn print(args: &Args, diagnoses: &[&Diagnosis]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let explanation = args.code.explain(args.lang);
    let explanation = if args.line.len() > 3 {
        explanation.with_diagnoses(diagnoses)
    } else {
        explanation
    };
    #[cfg(feature = "serde")]
    if args.json {
        let json = serde_json::to_string(&explanation).map_err(io::Error::other)?;
        return writeln!(out, "{json}");
    }
    write!(out, "{explanation}")
}

/// The language codes, from the data: `en, fr, ...`.
fn lang_codes() -> String {
    Lang::ALL.map(Lang::code).join(", ")
}
