//! `ftp-reply compare <A> <B>`: the diff page of the library.

use std::io::Write;

use ftp_reply::ReplyCode;
use ftp_reply::diff::{Diff, Format};

use crate::cli::OutputFormat;
use crate::output::{Out, json_pretty};
use crate::{Failure, Outcome};

/// Compares two codes: the page as text or Markdown, or the library's
/// `LocalizedDiff` as JSON.
pub fn run(out: &mut Out, format: OutputFormat, a: &str, b: &str) -> Result<Outcome, Failure> {
    let d = Diff::new(code(a)?, code(b)?);
    let lang = out.lang;
    match format {
        OutputFormat::Json => json_pretty(&mut out.w, &d.localized(lang))?,
        OutputFormat::Markdown => write!(out.w, "{}", d.render(lang, Format::Markdown))?,
        OutputFormat::Text => {
            let page = d.render(lang, Format::Text).to_string();
            let (title, rest) = page.split_once('\n').unwrap_or((&page, ""));
            writeln!(out.w, "{}", out.style.bold(title))?;
            out.w.write_all(rest.as_bytes())?;
        }
    }
    Ok(Outcome::Success)
}

fn code(arg: &str) -> Result<ReplyCode, Failure> {
    ReplyCode::parse_str(arg.trim())
        .map_err(|e| Failure::Usage(format!("{arg:?} is not a reply code: {e}")))
}
