//! `ftp-reply diagnose "<REPLY LINE>" [--server NAME]`: the server's own
//! cause and fix for a reply text.

use std::io::Write;

use ftp_reply::diagnosis::{Diagnosis, Server, diagnose_line_str};
use ftp_reply::diff::Format;

use crate::cli::OutputFormat;
use crate::output::{Out, json_pretty};
use crate::{Failure, Outcome};

/// Diagnoses one reply line, `server`'s rows first. A line that no known
/// text matches is a negative finding.
pub fn run(
    out: &mut Out,
    format: OutputFormat,
    line: &str,
    server: Option<Server>,
) -> Result<Outcome, Failure> {
    let line = line.trim_end_matches(['\r', '\n']);
    let found = diagnose_line_str(line)
        .map_err(|e| Failure::Usage(format!("{line:?} is not a reply line: {e}")))?;
    let found: Vec<&Diagnosis> = match server {
        Some(s) => found.prefer(s).collect(),
        None => found.collect(),
    };
    let lang = out.lang;
    match format {
        OutputFormat::Json => {
            let all: Vec<_> = found.iter().map(|d| d.localized(lang)).collect();
            json_pretty(&mut out.w, &all)?;
        }
        OutputFormat::Text | OutputFormat::Markdown if found.is_empty() => {
            writeln!(out.w, "{}", Diagnosis::none_found(lang))?;
        }
        OutputFormat::Text => {
            for (i, d) in found.iter().enumerate() {
                if i > 0 {
                    writeln!(out.w)?;
                }
                let text = d.render(lang, Format::Text).to_string();
                let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
                writeln!(out.w, "{}", out.style.bold(first))?;
                out.w.write_all(rest.as_bytes())?;
            }
        }
        OutputFormat::Markdown => {
            for (i, d) in found.iter().enumerate() {
                if i > 0 {
                    writeln!(out.w, "\n---\n")?;
                }
                write!(out.w, "{}", d.render(lang, Format::Markdown))?;
            }
        }
    }
    Ok(if found.is_empty() {
        Outcome::Negative
    } else {
        Outcome::Success
    })
}
