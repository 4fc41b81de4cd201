//! Explains an FTP session log: the annotated timeline, then the verdict.
//!
//! ```text
//! cargo run --example transcript -- [FILE] [--lang en|fr|es|...] [--format text|markdown|json]
//! ```
//!
//! Reads FILE (standard input without one) in 64 KiB chunks, so memory stays
//! bounded however long the log. Exit status: 0 when the session succeeded,
//! 1 when it failed (or the log holds no exchange), 2 on bad arguments or a
//! log in no known format. `--format json` (needs `--features serde`) writes
//! one JSON object per line: each event, then the verdict. Output into a
//! closed pipe (`... | head -3`) ends quietly, with status 0.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use ftp_reply::Lang;
use ftp_reply::transcript::{Analyzer, Event, Format, Renderer, Style, TranscriptError, Verdict};

enum Output {
    Page(Style),
    Json,
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("transcript: {msg}");
    eprintln!(
        "usage: transcript [FILE] [--lang {}] [--format text|markdown|json]",
        lang_codes("|")
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut file = None;
    let mut lang = Lang::default();
    let mut output = Output::Page(Style::Text);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => match args.next().map(|v| v.parse::<Lang>()) {
                Some(Ok(l)) => lang = l,
                _ => return usage(&format!("--lang takes {}", lang_codes(", "))),
            },
            "--format" => match args.next().as_deref() {
                Some("json") => output = Output::Json,
                Some(v) => match v.parse::<Style>() {
                    Ok(s) => output = Output::Page(s),
                    Err(_) => return usage("--format takes text, markdown or json"),
                },
                None => return usage("--format takes text, markdown or json"),
            },
            "-h" | "--help" => return usage("explains an FTP session log"),
            _ if a.starts_with('-') && a != "-" => return usage(&format!("unknown option {a}")),
            _ if file.is_none() => file = Some(a),
            _ => return usage("only one FILE"),
        }
    }
    #[cfg(not(feature = "serde"))]
    if matches!(output, Output::Json) {
        return usage(
            "--format json needs the serde feature (cargo run --features serde --example transcript)",
        );
    }
    let mut input: Box<dyn Read> = match file.as_deref() {
        None | Some("-") => Box::new(io::stdin().lock()),
        Some(path) => match std::fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return usage(&format!("{path}: {e}")),
        },
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut analyzer = Analyzer::new();
    let mut printer = Printer {
        renderer: match output {
            Output::Page(style) => Some(Renderer::new(lang, style)),
            Output::Json => None,
        },
        lang,
        header_done: false,
        page: String::new(),
    };
    let mut buf = vec![0u8; 64 * 1024];
    // One path for every chunk and for the end of the input: feed (or
    // finish), then print the events that are ready.
    loop {
        let n = match input.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return usage(&format!("read error: {e}")),
        };
        let fed = if n == 0 {
            analyzer.finish()
        } else {
            analyzer.feed(&buf[..n])
        };
        if let Err(e) = fed {
            return unknown(e);
        }
        if let Err(e) = printer.drain(&mut analyzer, &mut out) {
            return write_failed(&e);
        }
        if n == 0 {
            break;
        }
    }
    let verdict = analyzer.verdict();
    if let Err(e) = printer.verdict(&analyzer, &verdict, &mut out) {
        return write_failed(&e);
    }
    if verdict.succeeded() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// A closed pipe (`... | head -3`) is the reader's choice: end quietly.
/// Any other write error is reported, with status 2.
fn write_failed(e: &io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("transcript: cannot write the output: {e}");
    ExitCode::from(2)
}

/// The language codes, from the data: `en, fr, ...`.
fn lang_codes(sep: &str) -> String {
    Lang::ALL.map(Lang::code).join(sep)
}

fn unknown(e: TranscriptError) -> ExitCode {
    let tried: Vec<&str> = Format::all().map(Format::id).collect();
    eprintln!("transcript: {e}");
    eprintln!("formats tried: {}", tried.join(", "));
    ExitCode::from(2)
}

/// Where the events go: the page renderer (none for JSON), with what it has
/// written so far.
struct Printer {
    renderer: Option<Renderer>,
    lang: Lang,
    header_done: bool,
    page: String,
}

impl Printer {
    /// Writes every event that `analyzer` has ready (the header first, once
    /// the log's format is known).
    fn drain(&mut self, analyzer: &mut Analyzer, out: &mut impl Write) -> io::Result<()> {
        self.page.clear();
        match self.renderer.as_mut() {
            Some(r) => {
                if let (false, Some(f)) = (self.header_done, analyzer.format()) {
                    let _ = r.header(f, &mut self.page);
                    self.header_done = true;
                }
                while let Some(e) = analyzer.next_event() {
                    let _ = r.event(&e, &mut self.page);
                }
            }
            None => {
                while let Some(e) = analyzer.next_event() {
                    json_event(&mut self.page, &e, self.lang);
                }
            }
        }
        out.write_all(self.page.as_bytes())
    }

    /// Writes the verdict (after the header, if no event wrote it) and flushes.
    fn verdict(
        &mut self,
        analyzer: &Analyzer,
        verdict: &Verdict,
        out: &mut impl Write,
    ) -> io::Result<()> {
        self.page.clear();
        match &self.renderer {
            Some(r) => {
                if !self.header_done {
                    let format = analyzer.format().unwrap_or(Format::Plain);
                    let _ = r.header(format, &mut self.page);
                }
                let _ = r.verdict(verdict, &mut self.page);
            }
            None => json_line(&mut self.page, verdict, self.lang),
        }
        out.write_all(self.page.as_bytes())?;
        out.flush()
    }
}

#[cfg(feature = "serde")]
fn json_event(page: &mut String, e: &Event, lang: Lang) {
    page.push_str(&serde_json::to_string(&e.localized(lang)).expect("events serialize"));
    page.push('\n');
}

#[cfg(feature = "serde")]
fn json_line(page: &mut String, v: &Verdict, lang: Lang) {
    page.push_str(&serde_json::to_string(&v.localized(lang)).expect("verdicts serialize"));
    page.push('\n');
}

#[cfg(not(feature = "serde"))]
fn json_event(_: &mut String, _: &Event, _: Lang) {}

#[cfg(not(feature = "serde"))]
fn json_line(_: &mut String, _: &Verdict, _: Lang) {}
