//! The two page layouts shared by [`Explanation`](crate::Explanation) and
//! [`Diagnosis`](crate::Diagnosis): plain text and Markdown.
//!
//! A renderer walks its data once and says what each piece is (a title, a
//! `Label: value` line, a heading, a paragraph, a list item); [`Page`] writes
//! it in the chosen [`Format`]:
//!
//! - plain text: what `ReplyCode::explain` has always printed, labels at the
//!   margin, section bodies and list items indented by two spaces, blank
//!   lines only where the renderer asks for a [`gap`](Page::gap);
//! - Markdown (`CommonMark`): one block per piece, a blank line between
//!   blocks (none between the items of one list), the data's texts escaped
//!   so that no `*`, `_`, `` ` ``, `[`, `<` or `#` of theirs starts Markdown
//!   syntax. The page ends with a single line end.
//!
//! Every word comes from the caller (the data files); this file adds only
//! layout.

use core::fmt::{self, Write as _};

use crate::Lang;
use crate::diff::Format;

/// A page being written in one [`Format`] and [`Lang`].
pub(crate) struct Page<'a, 'b> {
    f: &'a mut fmt::Formatter<'b>,
    format: Format,
    colon: &'static str,
    /// Plain text: written before every line (a section nested in another).
    indent: &'static str,
    /// Markdown: a block is written, so the next one needs a blank line first.
    started: bool,
    /// Markdown: the last block was a list item.
    in_list: bool,
}

impl<'a, 'b> Page<'a, 'b> {
    pub(crate) fn new(f: &'a mut fmt::Formatter<'b>, format: Format, lang: Lang) -> Self {
        Self {
            f,
            format,
            colon: lang.phrases().typography_colon,
            indent: "",
            started: false,
            in_list: false,
        }
    }

    /// Plain text: indents every following line by `indent`.
    pub(crate) fn set_indent(&mut self, indent: &'static str) {
        self.indent = indent;
    }

    /// Starts a Markdown block (`list`: a list item), with the blank line
    /// that separates it from the previous one.
    fn block(&mut self, list: bool) -> fmt::Result {
        if self.started && !(list && self.in_list) {
            self.f.write_str("\n")?;
        }
        self.started = true;
        self.in_list = list;
        Ok(())
    }

    /// The page title: `421 Service Not Available`.
    pub(crate) fn title(&mut self, text: &dyn fmt::Display) -> fmt::Result {
        match self.format {
            Format::Markdown => {
                self.block(false)?;
                writeln!(self.f, "# {}", Escaped(text))
            }
            Format::Text => writeln!(self.f, "{}{text}", self.indent),
        }
    }

    /// A blank line in plain text; nothing in Markdown, whose blocks are
    /// separated anyway.
    pub(crate) fn gap(&mut self) -> fmt::Result {
        match self.format {
            Format::Markdown => Ok(()),
            Format::Text => self.f.write_str("\n"),
        }
    }

    /// `Label: value` (the colon of the language's typography); in Markdown
    /// the label and its colon in bold.
    pub(crate) fn label(&mut self, label: &str, value: &dyn fmt::Display) -> fmt::Result {
        match self.format {
            Format::Markdown => {
                self.block(false)?;
                let colon = self.colon.strip_suffix(' ').unwrap_or(self.colon);
                writeln!(
                    self.f,
                    "**{}{}** {}",
                    Escaped(&label),
                    Escaped(&colon),
                    Escaped(value)
                )
            }
            Format::Text => writeln!(self.f, "{}{label}{}{value}", self.indent, self.colon),
        }
    }

    /// A paragraph at the margin.
    pub(crate) fn paragraph(&mut self, text: &dyn fmt::Display) -> fmt::Result {
        match self.format {
            Format::Markdown => {
                self.block(false)?;
                writeln!(self.f, "{}", Escaped(text))
            }
            Format::Text => writeln!(self.f, "{}{text}", self.indent),
        }
    }

    /// A paragraph under a heading or a label: indented in plain text.
    pub(crate) fn body(&mut self, text: &dyn fmt::Display) -> fmt::Result {
        match self.format {
            Format::Markdown => self.paragraph(text),
            Format::Text => writeln!(self.f, "{}  {text}", self.indent),
        }
    }

    /// A section heading (level 2 in Markdown).
    pub(crate) fn heading(&mut self, text: &str) -> fmt::Result {
        match self.format {
            Format::Markdown => {
                self.block(false)?;
                writeln!(self.f, "## {}", Escaped(&text))
            }
            Format::Text => writeln!(self.f, "{}{text}", self.indent),
        }
    }

    /// An item of a bulleted list.
    pub(crate) fn item(&mut self, text: &dyn fmt::Display) -> fmt::Result {
        match self.format {
            Format::Markdown => {
                self.block(true)?;
                writeln!(self.f, "- {}", Escaped(text))
            }
            Format::Text => writeln!(self.f, "{}  - {text}", self.indent),
        }
    }

    /// Item `n` of a numbered list, with an optional paragraph under it.
    pub(crate) fn numbered(
        &mut self,
        n: usize,
        text: &dyn fmt::Display,
        under: Option<&dyn fmt::Display>,
    ) -> fmt::Result {
        match self.format {
            Format::Markdown => {
                self.block(false)?;
                writeln!(self.f, "{n}. {}", Escaped(text))?;
                if let Some(under) = under {
                    self.block(false)?;
                    // Indented to the item's text, so the paragraph stays inside the item.
                    let width = if n < 10 { 3 } else { 4 };
                    writeln!(self.f, "{:width$}{}", "", Escaped(under))?;
                }
                Ok(())
            }
            Format::Text => {
                writeln!(self.f, "{}  {n}. {text}", self.indent)?;
                match under {
                    Some(under) => writeln!(self.f, "{}     {under}", self.indent),
                    None => Ok(()),
                }
            }
        }
    }
}

/// Text with the characters that would start Markdown syntax inside a line
/// escaped by a backslash.
pub(crate) struct Escaped<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: fmt::Display + ?Sized> fmt::Display for Escaped<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(Escaper(f), "{}", self.0)
    }
}

/// Passes text on, a backslash before each character of Markdown syntax.
struct Escaper<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl fmt::Write for Escaper<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut rest = s;
        while let Some(i) = rest.find(['\\', '*', '_', '`', '[', ']', '<', '>', '#']) {
            self.0.write_str(&rest[..i])?;
            self.0.write_str("\\")?;
            self.0.write_str(&rest[i..=i])?;
            rest = &rest[i + 1..];
        }
        self.0.write_str(rest)
    }
}

#[cfg(all(test, feature = "alloc"))]
mod tests {
    use alloc::string::{String, ToString};

    use super::*;

    /// Writes the same pieces in `format`.
    struct Sample(Format);

    impl fmt::Display for Sample {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let mut p = Page::new(f, self.0, Lang::En);
            p.title(&"421 *Title*")?;
            p.gap()?;
            p.label("Category", &"4xx [x]")?;
            p.body(&"The meaning.")?;
            p.gap()?;
            p.heading("Description")?;
            p.body(&"a_b <c> #1 `d` \\")?;
            p.gap()?;
            p.heading("List")?;
            p.item(&"one")?;
            p.item(&"two")?;
            p.numbered(1, &"first", Some(&"under it"))?;
            p.numbered(12, &"twelfth", Some(&"deeper"))?;
            p.paragraph(&"end")
        }
    }

    #[test]
    fn text_layout() {
        assert_eq!(
            Sample(Format::Text).to_string(),
            "421 *Title*\n\nCategory: 4xx [x]\n  The meaning.\n\nDescription\n  a_b <c> #1 `d` \\\n\n\
             List\n  - one\n  - two\n  1. first\n     under it\n  12. twelfth\n     deeper\nend\n"
        );
    }

    #[test]
    fn markdown_blocks_lists_and_escapes() {
        assert_eq!(
            Sample(Format::Markdown).to_string(),
            "# 421 \\*Title\\*\n\n**Category:** 4xx \\[x\\]\n\nThe meaning.\n\n## Description\n\n\
             a\\_b \\<c\\> \\#1 \\`d\\` \\\\\n\n## List\n\n- one\n- two\n\n1. first\n\n   under it\n\n\
             12. twelfth\n\n    deeper\n\nend\n"
        );
    }

    #[test]
    fn markdown_label_keeps_the_french_space_before_the_colon() {
        struct Fr;
        impl fmt::Display for Fr {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let fr = "fr".parse::<Lang>().map_err(|_| fmt::Error)?;
                let mut p = Page::new(f, Format::Markdown, fr);
                p.label("Serveur", &"vsftpd")?;
                p.set_indent("  ");
                p.label("Cause", &"x")
            }
        }
        let mut s = String::new();
        write!(s, "{Fr}").unwrap();
        assert_eq!(s, "**Serveur :** vsftpd\n\n**Cause :** x\n");
    }
}
