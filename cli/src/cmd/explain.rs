//! `ftp-reply explain <CODE | "REPLY LINE">`: what `examples/explain.rs`
//! prints, as text, Markdown or JSON. Every format is the library's
//! [`Explanation`](ftp_reply::Explanation); the text format only adds colour.

use std::io::Write;

use ftp_reply::ReplyCode;
use ftp_reply::diagnosis::{Diagnosis, diagnose_line_str};
use ftp_reply::diff::Format;

use crate::cli::OutputFormat;
use crate::output::{Out, json_pretty};
use crate::{Failure, Outcome};

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
    let explanation = code.explain(lang);
    let explanation = if line.len() > 3 {
        explanation.with_diagnoses(&diagnoses)
    } else {
        explanation
    };
    match format {
        OutputFormat::Json => json_pretty(&mut out.w, &explanation)?,
        OutputFormat::Markdown => write!(out.w, "{}", explanation.render(Format::Markdown))?,
        OutputFormat::Text => {
            let text = explanation.to_string();
            let (title, rest) = text.split_once('\n').unwrap_or((&text, ""));
            writeln!(out.w, "{}", out.style.category(code.category(), title))?;
            // The "Diagnosis" heading in bold: the last line at the margin
            // with that text (the rows under it are indented).
            let heading = format!("\n{}\n", Diagnosis::heading(lang));
            match rest
                .rfind(&heading)
                .filter(|_| explanation.diagnoses().is_some())
            {
                Some(at) => {
                    write!(out.w, "{}", &rest[..=at])?;
                    writeln!(out.w, "{}", out.style.bold(Diagnosis::heading(lang)))?;
                    write!(out.w, "{}", &rest[at + heading.len()..])?;
                }
                None => out.w.write_all(rest.as_bytes())?,
            }
        }
    }
    Ok(Outcome::Success)
}
