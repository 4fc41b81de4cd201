//! `ftp-reply transcript [FILE]`: a whole session log explained, over the
//! library's `transcript` module (as `examples/transcript.rs` drives it):
//! the annotated timeline as it is read, then the verdict.
//!
//! The log is read in 64 KiB chunks and every event is written as soon as
//! the analyser knows it, so memory stays bounded by the analyser's limits
//! however long the log.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;

use ftp_reply::Lang;
use ftp_reply::transcript::{
    Analyzer, Event, EventKind, Format, Outcome, Renderer, Style, TranscriptError, Verdict,
};

use crate::cli::OutputFormat;
use crate::output::{Out, json_line};
use crate::{Failure, Outcome as Exit};

/// Explains the log in `file` (standard input for `None` or `-`), in
/// `log_format` when given, else in the format recognised from its first
/// lines. A session that failed is a negative finding. A log without a
/// single command or reply (in no known format, or not in the forced one)
/// is bad input, and nothing is written on standard output.
pub fn run(
    out: &mut Out,
    format: OutputFormat,
    file: Option<&Path>,
    log_format: Option<Format>,
) -> Result<Exit, Failure> {
    let name = file.unwrap_or(Path::new("-"));
    let mut input: Box<dyn Read> = match file {
        Some(p) if p.as_os_str() != "-" => {
            Box::new(File::open(p).map_err(|e| Failure::input(p, &e))?)
        }
        _ => Box::new(io::stdin().lock()),
    };
    let mut analyzer = log_format.map_or_else(Analyzer::new, |f| Analyzer::new().with_format(f));
    let mut page = Page::new(out.lang, format);
    let mut chunk = vec![0; 64 * 1024];
    loop {
        let n = match input.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Failure::input(name, &e)),
        };
        analyzer.feed(&chunk[..n]).map_err(unknown)?;
        page.drain(out, &mut analyzer)?;
    }
    analyzer.finish().map_err(unknown)?;
    page.drain(out, &mut analyzer)?;
    let verdict = analyzer.verdict();
    if verdict.outcome == Outcome::Empty && !page.live {
        return Err(match log_format {
            Some(f) => Failure::Usage(format!(
                "{} holds no FTP command or reply in the {} format ({f}); without --log-format the format is recognised from the first lines",
                name.display(),
                f.id(),
            )),
            // An empty log, or one whose few lines no format reads.
            None => unknown(TranscriptError::UnknownFormat),
        });
    }
    page.verdict(out, &analyzer, &verdict)?;
    Ok(if verdict.succeeded() {
        Exit::Success
    } else {
        Exit::Negative
    })
}

/// The error of a log in no known format, naming every format tried.
fn unknown(e: TranscriptError) -> Failure {
    let tried: Vec<&str> = Format::all().map(Format::id).collect();
    let message = e.to_string();
    // The library's message already lists the formats; say them here only
    // if it stops doing so.
    if tried.iter().all(|id| message.contains(id)) {
        Failure::Usage(message)
    } else {
        Failure::Usage(format!("{message} (tried: {})", tried.join(", ")))
    }
}

/// How many events are held back, at most, before the first command or
/// reply: a log in the wrong forced format then writes nothing.
const HOLD: usize = 64;

/// What is written so far: the renderer (text, Markdown) or JSON lines.
struct Page {
    lang: Lang,
    /// `None` for JSON.
    renderer: Option<Renderer>,
    /// Whether the header and events are being written; until the first
    /// command or reply (or `HOLD` events), they wait in `held`.
    live: bool,
    held: Vec<Event>,
    buf: String,
}

impl Page {
    fn new(lang: Lang, format: OutputFormat) -> Self {
        let style = match format {
            OutputFormat::Text => Some(Style::Text),
            OutputFormat::Markdown => Some(Style::Markdown),
            OutputFormat::Json => None,
        };
        Self {
            lang,
            renderer: style.map(|s| Renderer::new(lang, s)),
            live: false,
            held: Vec::new(),
            buf: String::new(),
        }
    }

    /// Writes every event ready (after the header, once the log has shown
    /// a command or reply).
    fn drain(&mut self, out: &mut Out, analyzer: &mut Analyzer) -> io::Result<()> {
        while let Some(event) = analyzer.next_event() {
            if !self.live {
                let exchange =
                    matches!(event.kind, EventKind::Command { .. } | EventKind::Reply(_));
                self.held.push(event);
                if exchange || self.held.len() >= HOLD {
                    self.go_live(out, analyzer.format())?;
                }
                continue;
            }
            self.event(out, &event)?;
        }
        Ok(())
    }

    /// Writes the header and the events held back.
    fn go_live(&mut self, out: &mut Out, format: Option<Format>) -> io::Result<()> {
        self.live = true;
        self.header(out, format.unwrap_or(Format::Plain))?;
        for event in std::mem::take(&mut self.held) {
            self.event(out, &event)?;
        }
        Ok(())
    }

    fn header(&mut self, out: &mut Out, format: Format) -> io::Result<()> {
        let Some(r) = &self.renderer else {
            return Ok(());
        };
        self.buf.clear();
        r.header(format, &mut self.buf).map_err(io::Error::other)?;
        let (title, rest) = self.buf.split_once('\n').unwrap_or((&self.buf, ""));
        writeln!(out.w, "{}", out.style.bold(title))?;
        out.w.write_all(rest.as_bytes())
    }

    fn event(&mut self, out: &mut Out, event: &Event) -> io::Result<()> {
        let Some(r) = &mut self.renderer else {
            return json_line(&mut out.w, &event.localized(self.lang));
        };
        self.buf.clear();
        r.event(event, &mut self.buf).map_err(io::Error::other)?;
        let style = out.style;
        match &event.kind {
            // The reply's own lines in the colour of its category, the
            // notes under them (title, diagnoses) as they are.
            EventKind::Reply(reply) => {
                let lines = reply.reply.lines().count();
                let category = reply.reply.code().category();
                for (i, line) in self.buf.lines().enumerate() {
                    if i < lines {
                        writeln!(out.w, "{}", style.category(category, line))?;
                    } else {
                        writeln!(out.w, "{line}")?;
                    }
                }
                Ok(())
            }
            EventKind::Finding(_) | EventKind::ClientError { .. } => {
                for line in self.buf.lines() {
                    writeln!(out.w, "{}", style.error(line))?;
                }
                Ok(())
            }
            _ => out.w.write_all(self.buf.as_bytes()),
        }
    }

    fn verdict(&mut self, out: &mut Out, analyzer: &Analyzer, verdict: &Verdict) -> io::Result<()> {
        if !self.live {
            self.go_live(out, analyzer.format())?;
        }
        let Some(r) = &self.renderer else {
            return json_line(&mut out.w, &verdict.localized(self.lang));
        };
        self.buf.clear();
        r.verdict(verdict, &mut self.buf)
            .map_err(io::Error::other)?;
        // Text: the heading and its underline in bold, the paragraph in
        // green or red, the counts as they are. (Only text is coloured.)
        let style = out.style;
        let mut seen = 0;
        for line in self.buf.lines() {
            if line.is_empty() {
                writeln!(out.w)?;
                continue;
            }
            seen += 1;
            match seen {
                1 | 2 => writeln!(out.w, "{}", style.bold(line))?,
                3 if verdict.succeeded() => writeln!(out.w, "{}", style.success(line))?,
                3 => writeln!(out.w, "{}", style.error(line))?,
                _ => writeln!(out.w, "{line}")?,
            }
        }
        Ok(())
    }
}
