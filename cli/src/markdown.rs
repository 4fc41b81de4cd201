//! Markdown from the library's plain-text layout.
//!
//! The library renders explanations and diagnoses as plain text only (the
//! diff page has its own Markdown). Their layout is regular: a title line,
//! `Label: value` lines at the margin, section headings at the margin
//! followed by indented lines, indented `- ` items. This turns that layout
//! into CommonMark without knowing any label, so it works in every language.
//! It belongs in the library as a Markdown renderer for `Explanation`; until
//! then it lives here.

use std::fmt::Write as _;

/// Converts text laid out as described above. With `title`, the first
/// non-empty line becomes a level-`title` heading.
pub fn from_text(text: &str, title: Option<usize>) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    let mut title = title;
    let mut in_list = false;
    for (i, line) in lines.iter().enumerate() {
        let body = line.trim_start();
        if body.is_empty() {
            continue;
        }
        let indented = body.len() < line.len();
        let item = body.strip_prefix("- ");
        if in_list && item.is_none() {
            out.push('\n');
        }
        in_list = item.is_some();
        if let Some(item) = item {
            let _ = writeln!(out, "- {}", escape(item));
            continue;
        }
        if let Some(level) = title.take() {
            let _ = writeln!(out, "{} {}\n", "#".repeat(level), escape(body));
            continue;
        }
        let next_indented = lines
            .get(i + 1)
            .is_some_and(|n| n.starts_with(' ') && !n.trim().is_empty());
        // Indented prose may hold a colon early: only short labels count there.
        if let Some((label, value)) = split_label(body, if indented { 24 } else { 40 }) {
            let _ = writeln!(out, "**{}** {}\n", escape(label), escape(value));
            continue;
        }
        if !indented && next_indented {
            let _ = writeln!(out, "## {}\n", escape(body));
            continue;
        }
        let _ = writeln!(out, "{}\n", escape(body));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `Label: value` (or the French `Label : value`) with a label of at most
/// `max` characters and something after it; the label keeps its colon.
fn split_label(line: &str, max: usize) -> Option<(&str, &str)> {
    let colon = line.find(": ")?;
    let label = &line[..=colon];
    let value = line[colon + 2..].trim();
    (label.chars().count() <= max && !value.is_empty()).then_some((label, value))
}

/// Escapes the characters that would start Markdown syntax inside a line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_becomes_markdown() {
        let text = "421 Title\n\nCategory: 4xx Transient\n  The meaning.\n\nDescription\n  Some *text*.\n\nFor a client\n  - one\n  - two\nSources: RFC 959\n";
        assert_eq!(
            from_text(text, Some(1)),
            "# 421 Title\n\n**Category:** 4xx Transient\n\nThe meaning.\n\n## Description\n\nSome \\*text\\*.\n\n## For a client\n\n- one\n- two\n\n**Sources:** RFC 959\n"
        );
    }

    #[test]
    fn french_labels_keep_their_space() {
        assert_eq!(
            from_text("Serveur : vsftpd\n", None),
            "**Serveur :** vsftpd\n"
        );
    }
}
