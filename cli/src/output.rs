//! Where output goes and how it looks: a buffered standard output, the
//! resolved language and format, and colour (ANSI SGR, text format only).

use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};

use ftp_reply::{Category, Lang};

use crate::cli::{ColorChoice, Common, OutputFormat};

/// Everything a subcommand needs to print: the writer and the resolved
/// common options.
pub struct Out {
    /// Standard output, buffered. Errors (a closed pipe among them) go up
    /// to `main` through `?`.
    pub w: BufWriter<StdoutLock<'static>>,
    /// The language of the output.
    pub lang: Lang,
    /// Colour escapes, or none.
    pub style: Style,
}

impl Out {
    /// Resolves the common options against the environment.
    pub fn new(common: &Common) -> Self {
        let stdout = io::stdout();
        let terminal = stdout.is_terminal();
        let lang = common.lang.unwrap_or_else(crate::locale::lang_from_env);
        let text = matches!(common.format, None | Some(OutputFormat::Text));
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var_os("TERM").is_some_and(|v| v == "dumb");
        Self {
            w: BufWriter::new(stdout.lock()),
            lang,
            style: Style {
                on: text && color_wanted(common.color, terminal, no_color, dumb),
            },
        }
    }
}

/// Whether to colour: `always` and `never` win; `auto` colours a terminal
/// unless `NO_COLOR` is set to a non-empty value (<https://no-color.org>)
/// or `TERM` is `dumb`.
pub fn color_wanted(choice: ColorChoice, terminal: bool, no_color: bool, dumb: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && !no_color && !dumb,
    }
}

/// Colour escapes, written only when `on`.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    on: bool,
}

impl Style {
    /// `text` in bold.
    pub fn bold(self, text: &str) -> Painted<'_> {
        self.paint("1", text)
    }

    /// `text` in the colour of a category: green for success, cyan for
    /// preliminary and intermediate, yellow for transient, red for permanent
    /// failures, magenta for protected replies.
    pub fn category(self, category: Category, text: &str) -> Painted<'_> {
        let sgr = match category {
            Category::PositiveCompletion => "32",
            Category::TransientNegativeCompletion => "33",
            Category::PermanentNegativeCompletion => "31",
            Category::Protected => "35",
            _ => "36",
        };
        self.paint(sgr, text)
    }

    /// `text` in green, for a good outcome (a session that succeeded).
    pub fn success(self, text: &str) -> Painted<'_> {
        self.paint("32", text)
    }

    /// `text` in red, for errors found in the input.
    pub fn error(self, text: &str) -> Painted<'_> {
        self.paint("31", text)
    }

    fn paint<'a>(self, sgr: &'static str, text: &'a str) -> Painted<'a> {
        Painted {
            sgr: if self.on { Some(sgr) } else { None },
            text,
        }
    }
}

/// Text with its escape sequence, ready for `write!`.
pub struct Painted<'a> {
    sgr: Option<&'static str>,
    text: &'a str,
}

impl std::fmt::Display for Painted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.sgr {
            Some(sgr) => write!(f, "\x1b[{sgr}m{}\x1b[0m", self.text),
            None => f.write_str(self.text),
        }
    }
}

/// Escapes the characters that would start Markdown syntax inside a line
/// (the `decode` list; explanations and diagnoses come escaped from the library).
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Writes `value` as one line of JSON.
pub fn json_line(w: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *w, value)?;
    w.write_all(b"\n")
}

/// Writes `value` as indented JSON.
pub fn json_pretty(w: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value)?;
    w.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_follows_choice_terminal_and_no_color() {
        use ColorChoice::{Always, Auto, Never};
        assert!(color_wanted(Auto, true, false, false));
        assert!(!color_wanted(Auto, false, false, false));
        assert!(!color_wanted(Auto, true, true, false));
        assert!(!color_wanted(Auto, true, false, true));
        assert!(color_wanted(Always, false, true, true));
        assert!(!color_wanted(Never, true, false, false));
    }

    #[test]
    fn markdown_escape_backslashes_syntax_characters() {
        assert_eq!(
            markdown_escape("a_b *c* [d] <e> #f `g` \\"),
            "a\\_b \\*c\\* \\[d\\] \\<e\\> \\#f \\`g\\` \\\\"
        );
        assert_eq!(markdown_escape("plain: text."), "plain: text.");
    }

    #[test]
    fn painting_off_writes_the_text_alone() {
        let off = Style { on: false };
        assert_eq!(off.bold("x").to_string(), "x");
        let on = Style { on: true };
        assert_eq!(on.bold("x").to_string(), "\x1b[1mx\x1b[0m");
    }
}
