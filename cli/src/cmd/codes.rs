//! `ftp-reply codes [--category CAT]...`: every code in the knowledge base,
//! one line each.

use std::io::Write;

use ftp_reply::{Category, ReplyInfo};
use serde::Serialize;

use crate::cli::OutputFormat;
use crate::output::{Out, json_line};
use crate::{Failure, Outcome};

/// One line of `codes --format json`, its keys in this order.
#[derive(Serialize)]
struct Row {
    code: u16,
    title: &'static str,
    category: &'static str,
    category_digit: u8,
    standard: bool,
}

/// Lists the known codes in order, those of `categories` only when any are given.
pub fn run(
    out: &mut Out,
    format: OutputFormat,
    categories: &[Category],
) -> Result<Outcome, Failure> {
    let lang = out.lang;
    let rows: Vec<&ReplyInfo> = ReplyInfo::all()
        .iter()
        .filter(|i| categories.is_empty() || categories.contains(&i.category()))
        .collect();
    let width = rows
        .iter()
        .map(|i| i.title(lang).chars().count())
        .max()
        .unwrap_or(0);
    for info in rows {
        let (code, title, category) = (info.code(), info.title(lang), info.category());
        match format {
            OutputFormat::Text => {
                let pad = width - title.chars().count();
                writeln!(
                    out.w,
                    "{}  {title}{:pad$}  {}xx {}",
                    out.style.category(category, &code.to_string()),
                    "",
                    category.digit(),
                    category.name(lang),
                )?;
            }
            OutputFormat::Markdown => writeln!(
                out.w,
                "- **{code}** {title} ({}xx {})",
                category.digit(),
                category.name(lang)
            )?,
            OutputFormat::Json => json_line(
                &mut out.w,
                &Row {
                    code: code.as_u16(),
                    title,
                    category: category.name(lang),
                    category_digit: category.digit(),
                    standard: info.is_standard(),
                },
            )?,
        }
    }
    Ok(Outcome::Success)
}
