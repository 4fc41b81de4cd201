//! Rendering events and verdicts as text or Markdown, in any [`Lang`].

use core::fmt::{self, Write};

use super::Format;
use super::event::{Event, EventKind, Failure, FailureKind, Finding, Outcome, Verdict};
use super::labels::{Labels, fill};
use crate::command::{Command, Problem};
use crate::{Lang, ReplyCode};

/// A rendering style for [`Renderer`]. JSON is the `serde` feature's
/// `Serialize` of [`Event::localized`] and [`Verdict::localized`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, strum::Display, strum::EnumString)]
#[strum(
    serialize_all = "lowercase",
    ascii_case_insensitive,
    parse_err_ty = crate::UnknownName,
    parse_err_fn = crate::UnknownName::style
)]
#[non_exhaustive]
pub enum Style {
    /// Plain text: one line per log line, annotations indented under it.
    #[default]
    Text,
    /// Markdown (`CommonMark`): a list, annotations nested.
    Markdown,
}

/// Writes an annotated timeline: a header, each [`Event`] as it comes, the
/// [`Verdict`] at the end.
///
/// ```
/// use ftp_reply::Lang;
/// use ftp_reply::transcript::{Analyzer, Renderer, Style};
///
/// let mut a = Analyzer::new();
/// a.feed(b"S: 220 Ready\nC: RETR missing.txt\nS: 550 Failed to open file.\nC: QUIT\nS: 221 Bye\n")?;
/// a.finish()?;
/// let mut r = Renderer::new(Lang::En, Style::Text);
/// let mut out = String::new();
/// r.header(a.format().unwrap(), &mut out).unwrap();
/// while let Some(e) = a.next_event() {
///     r.event(&e, &mut out).unwrap();
/// }
/// r.verdict(&a.verdict(), &mut out).unwrap();
/// assert!(out.contains("    3 < 550 Failed to open file."));
/// assert!(out.contains("The session failed at line 3: RETR got 550"));
/// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Renderer {
    lang: Lang,
    style: Style,
}

impl Renderer {
    /// A renderer in `lang` and `style`.
    #[must_use]
    pub const fn new(lang: Lang, style: Style) -> Self {
        Self { lang, style }
    }

    fn l(&self) -> &'static Labels {
        Labels::get(self.lang)
    }

    /// The title and the log's format.
    ///
    /// # Errors
    ///
    /// Only those of `out`.
    pub fn header(&self, format: Format, out: &mut dyn Write) -> fmt::Result {
        let l = self.l();
        match self.style {
            Style::Text => {
                writeln!(out, "{}", l.title)?;
                for _ in l.title.chars() {
                    out.write_char('=')?;
                }
                out.write_char('\n')?;
            }
            Style::Markdown => writeln!(out, "# {}\n", l.title)?,
        }
        fill(out, l.format_line, &[("format", &format)])?;
        out.write_str("\n\n")
    }

    /// One event: a log line (command, reply, message) or an annotation.
    ///
    /// # Errors
    ///
    /// Only those of `out`.
    pub fn event(&mut self, e: &Event, out: &mut dyn Write) -> fmt::Result {
        let l = self.l();
        let lang = self.lang;
        let tag = SessionTag(e.session);
        match &e.kind {
            EventKind::Command { text, .. } => self.line(out, e.line, &tag, '>', &[text]),
            EventKind::Reply(r) => {
                let lines: alloc::vec::Vec<_> = r.reply.lines().collect();
                let refs: alloc::vec::Vec<&str> = lines.iter().map(AsRef::as_ref).collect();
                self.line(out, e.line, &tag, '<', &refs)?;
                let code = r.reply.code();
                let title = code
                    .info()
                    .map_or_else(|| code.category().name(lang), |i| i.title(lang));
                let mut note = alloc::string::String::new();
                write!(note, "{code} {title}")?;
                if let Some((c, line)) = r.answers {
                    note.push_str(" — ");
                    fill(&mut note, l.answers, &[("command", &c), ("line", &line)])?;
                }
                self.note(out, '=', &note)?;
                for d in &r.diagnoses {
                    let mut s = alloc::string::String::new();
                    fill(
                        &mut s,
                        l.diagnosis,
                        &[
                            ("server", &d.server()),
                            ("cause", &d.cause(lang)),
                            ("fix", &d.fix(lang)),
                        ],
                    )?;
                    self.note(out, '=', &s)?;
                }
                Ok(())
            }
            EventKind::Info { text } => self.line(out, e.line, &tag, '*', &[text]),
            EventKind::ClientError { text } => {
                let mut s = alloc::string::String::new();
                fill(&mut s, l.client_error, &[("text", text)])?;
                self.line(out, e.line, &tag, '!', &[&s])
            }
            EventKind::ServerIdentified(server) => {
                let mut s = alloc::string::String::new();
                fill(&mut s, l.server_identified, &[("server", server)])?;
                self.note(out, '=', &s)
            }
            EventKind::Finding(f) => {
                let mut s = alloc::string::String::new();
                finding(l, f, e.line, &mut s)?;
                self.note(out, '!', &s)
            }
        }
    }

    fn line(
        &self,
        out: &mut dyn Write,
        no: u64,
        tag: &SessionTag,
        mark: char,
        lines: &[&str],
    ) -> fmt::Result {
        for (i, text) in lines.iter().enumerate() {
            match (self.style, i) {
                (Style::Text, 0) => writeln!(out, "{no:>5}{tag} {mark} {text}")?,
                (Style::Text, _) => writeln!(out, "     {tag}   {text}")?,
                (Style::Markdown, 0) => writeln!(out, "- `{no}`{tag} `{mark} {}`", Code(text))?,
                (Style::Markdown, _) => writeln!(out, "  `  {}`", Code(text))?,
            }
        }
        Ok(())
    }

    fn note(&self, out: &mut dyn Write, mark: char, text: &str) -> fmt::Result {
        match self.style {
            Style::Text => writeln!(out, "        {mark} {text}"),
            Style::Markdown if mark == '!' => writeln!(out, "  - **{text}**"),
            Style::Markdown => writeln!(out, "  - {text}"),
        }
    }

    /// The verdict: one paragraph (what failed, the cause and the fix), then
    /// the counts.
    ///
    /// # Errors
    ///
    /// Only those of `out`.
    pub fn verdict(&self, v: &Verdict, out: &mut dyn Write) -> fmt::Result {
        let l = self.l();
        match self.style {
            Style::Text => writeln!(
                out,
                "\n{}\n{}",
                l.verdict,
                "-".repeat(l.verdict.chars().count())
            )?,
            Style::Markdown => writeln!(out, "\n## {}\n", l.verdict)?,
        }
        paragraph(self.lang, v, out)?;
        out.write_str("\n\n")?;
        fill(
            out,
            l.summary,
            &[
                ("lines", &v.lines),
                ("commands", &v.commands),
                ("replies", &v.replies),
                ("findings", &v.findings),
            ],
        )?;
        out.write_char('\n')
    }
}

/// The verdict paragraph alone.
pub(crate) fn paragraph(lang: Lang, v: &Verdict, out: &mut dyn Write) -> fmt::Result {
    let l = Labels::get(lang);
    match (v.outcome, &v.failure) {
        (Outcome::Failed, Some(f)) => failure(lang, f, out),
        (Outcome::Empty, _) => out.write_str(l.verdict_empty),
        _ => fill(out, l.verdict_ok, &[("commands", &v.commands)]),
    }
}

fn failure(lang: Lang, f: &Failure, out: &mut dyn Write) -> fmt::Result {
    let l = Labels::get(lang);
    let command = CommandName(f.command, l);
    let code = CodeOr(f.code);
    let latest = CommandName(f.latest, l);
    let title = f.code.map_or("", |c| {
        c.info()
            .map_or_else(|| c.category().name(lang), |i| i.title(lang))
    });
    let slots: [(&str, &dyn fmt::Display); 6] = [
        ("line", &f.line),
        ("command", &command),
        ("code", &code),
        ("title", &title),
        ("text", &f.text),
        ("latest", &latest),
    ];
    let template = match f.kind {
        FailureKind::Reply => l.verdict_failed_reply,
        FailureKind::MissingFinal => l.verdict_failed_missing_final,
        FailureKind::NoReply => l.verdict_failed_no_reply,
        FailureKind::Desync => l.verdict_failed_desync,
        FailureKind::Client => l.verdict_failed_client,
    };
    fill(out, template, &slots)?;
    let (cause, fix): (&str, &str) = if f.behind_nat {
        (l.cause_nat, l.fix_nat)
    } else {
        match f.kind {
            FailureKind::Reply => match (f.diagnosis, f.code.and_then(ReplyCode::info)) {
                (Some(d), _) => (d.cause(lang), d.fix(lang)),
                (None, Some(i)) => (
                    first_sentence(i.description(lang)),
                    first_sentence(i.remediation(lang)),
                ),
                (None, None) => (l.cause_unknown_code, l.fix_unknown_code),
            },
            FailureKind::MissingFinal => (l.cause_missing_final, l.fix_missing_final),
            FailureKind::NoReply => (l.cause_no_reply, l.fix_no_reply),
            FailureKind::Desync => (l.cause_desync, l.fix_desync),
            FailureKind::Client => (l.cause_client, l.fix_client),
        }
    };
    write!(out, " {} {cause} {} {fix}", l.cause, l.fix)
}

/// The first sentence of a knowledge-base paragraph: up to the first period
/// followed by a space and a capital letter.
fn first_sentence(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(p) = s[i..].find(". ") {
        let at = i + p;
        if b.get(at + 2).is_some_and(u8::is_ascii_uppercase) {
            return &s[..=at];
        }
        i = at + 2;
    }
    s
}

/// One finding's sentence.
#[allow(clippy::many_single_char_names)]
pub(crate) fn finding(
    l: &'static Labels,
    f: &Finding,
    line: u64,
    out: &mut dyn Write,
) -> fmt::Result {
    let _ = line;
    match f {
        Finding::Unexpected {
            command,
            code,
            problem,
        } => {
            let t = match problem {
                Problem::AfterFinalReply => l.finding_after_final,
                Problem::SecondPreliminary => l.finding_second_preliminary,
                Problem::RestartMarkerBeforePreliminary => l.finding_marker_first,
                _ => l.finding_unexpected,
            };
            fill(
                out,
                t,
                &[("command", &CommandName(*command, l)), ("code", code)],
            )
        }
        Finding::Lenient {
            command,
            code,
            rule,
        } => fill(
            out,
            l.finding_lenient,
            &[
                ("command", &CommandName(*command, l)),
                ("code", code),
                ("rule", rule),
            ],
        ),
        Finding::LateReply {
            code,
            answers,
            answers_line,
            latest,
        } => fill(
            out,
            l.finding_late_reply,
            &[
                ("code", code),
                ("answers", answers),
                ("line", answers_line),
                ("latest", latest),
            ],
        ),
        Finding::MissingFinal {
            command,
            command_line,
            preliminary,
        } => fill(
            out,
            l.finding_missing_final,
            &[
                ("command", command),
                ("line", command_line),
                ("code", preliminary),
            ],
        ),
        Finding::NoReply {
            command,
            command_line,
        } => fill(
            out,
            l.finding_no_reply,
            &[("command", command), ("line", command_line)],
        ),
        Finding::Unsolicited { code } => fill(out, l.finding_unsolicited, &[("code", code)]),
        Finding::ClosedBy421 => out.write_str(l.finding_closed_421),
        Finding::TimeGap {
            seconds,
            waiting: Some(c),
        } => fill(
            out,
            l.finding_gap_server,
            &[("seconds", seconds), ("command", c)],
        ),
        Finding::TimeGap {
            seconds,
            waiting: None,
        } => fill(out, l.finding_gap_client, &[("seconds", seconds)]),
        Finding::PrivatePassiveAddress {
            address: [a, b, c, d],
        } => {
            let addr = alloc::format!("{a}.{b}.{c}.{d}");
            fill(out, l.finding_private_passive, &[("address", &addr)])
        }
        Finding::BadReply { reason } => fill(out, l.finding_bad_reply, &[("reason", reason)]),
        Finding::BadCommand { reason } => fill(out, l.finding_bad_command, &[("reason", reason)]),
        Finding::LineTooLong { limit } => fill(out, l.finding_line_too_long, &[("limit", limit)]),
        Finding::OtherFormat { other, format } => fill(
            out,
            l.finding_other_format,
            &[("other", other), ("format", format)],
        ),
        Finding::NotUtf8 => out.write_str(l.finding_not_utf8),
        Finding::TooManySessions { limit } => {
            fill(out, l.finding_too_many_sessions, &[("limit", limit)])
        }
    }
}

struct SessionTag(u32);

impl fmt::Display for SessionTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 > 1 {
            write!(f, " #{}", self.0)
        } else {
            Ok(())
        }
    }
}

struct CommandName(Option<Command>, &'static Labels);

impl fmt::Display for CommandName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(c) => f.write_str(c.verb()),
            None => f.write_str(self.1.no_command),
        }
    }
}

struct CodeOr(Option<ReplyCode>);

impl fmt::Display for CodeOr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(c) => write!(f, "{c}"),
            None => Ok(()),
        }
    }
}

/// Text inside a Markdown code span: backticks would end it.
struct Code<'a>(&'a str);

impl fmt::Display for Code<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            f.write_char(if c == '`' { '\'' } else { c })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentences() {
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(first_sentence("See e.g. this. Next"), "See e.g. this.");
        assert_eq!(first_sentence("No period"), "No period");
    }
}
