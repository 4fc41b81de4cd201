//! Rendering events and verdicts as text or Markdown, in any [`Lang`].

use core::fmt::{self, Write};

use super::Format;
use super::event::{Event, EventKind, Failure, FailureKind, Finding, Outcome, Verdict};
use crate::command::{Command, Problem};
use crate::lang::{Field, Phrases, Template, Values};
use crate::{Lang, ReplyCode};

/// A rendering style for [`Renderer`]. JSON is the `serde` feature's
/// `Serialize` of [`Event::localized`] and [`Verdict::localized`].
///
/// ```
/// use ftp_reply::transcript::Style;
/// assert_eq!("Markdown".parse::<Style>(), Ok(Style::Markdown));
/// assert_eq!(Style::default().to_string(), "text");
/// assert!("html".parse::<Style>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, strum::Display, strum::EnumString)]
#[strum(
    serialize_all = "lowercase",
    ascii_case_insensitive,
    parse_err_ty = crate::UnknownNameError,
    parse_err_fn = crate::UnknownNameError::style
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
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::transcript::{Format, Renderer, Style};
    /// let mut out = String::new();
    /// Renderer::new(Lang::Fr, Style::Markdown).header(Format::Plain, &mut out)?;
    /// assert_eq!(out, "# Analyse de la session FTP\n\nFormat du journal : plain\n\n");
    /// # Ok::<(), std::fmt::Error>(())
    /// ```
    #[must_use]
    pub const fn new(lang: Lang, style: Style) -> Self {
        Self { lang, style }
    }

    fn l(&self) -> &'static Phrases {
        self.lang.phrases()
    }

    /// The title and the log's format.
    ///
    /// # Errors
    ///
    /// Only those of `out`.
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::transcript::{Format, Renderer, Style};
    /// let mut out = String::new();
    /// Renderer::new(Lang::En, Style::Text).header(Format::Lftp, &mut out)?;
    /// assert!(out.ends_with("lftp\n\n"));
    /// # Ok::<(), std::fmt::Error>(())
    /// ```
    pub fn header(&self, format: Format, out: &mut dyn Write) -> fmt::Result {
        let l = self.l();
        match self.style {
            Style::Text => {
                writeln!(out, "{}", l.transcript_title)?;
                for _ in l.transcript_title.chars() {
                    out.write_char('=')?;
                }
                out.write_char('\n')?;
            }
            Style::Markdown => writeln!(out, "# {}\n", l.transcript_title)?,
        }
        fill(out, l.transcript_format_line, &[(Field::Format, &format)])?;
        out.write_str("\n\n")
    }

    /// One event: a log line (command, reply, message) or an annotation.
    ///
    /// # Errors
    ///
    /// Only those of `out`.
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::transcript::{Analyzer, Renderer, Style};
    /// let mut analyzer = Analyzer::new();
    /// analyzer.feed(b"S: 220 Ready\n")?;
    /// analyzer.finish()?;
    /// let (mut text, mut markdown) = (String::new(), String::new());
    /// let event = analyzer.next_event().unwrap();
    /// Renderer::new(Lang::Fr, Style::Text).event(&event, &mut text).unwrap();
    /// Renderer::new(Lang::Fr, Style::Markdown).event(&event, &mut markdown).unwrap();
    /// assert_eq!(text, "    1 < 220 Ready\n        = 220 Service prêt pour un nouvel utilisateur\n");
    /// assert_eq!(markdown, "- `1` `< 220 Ready`\n  - 220 Service prêt pour un nouvel utilisateur\n");
    /// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
    /// ```
    pub fn event(&mut self, e: &Event, out: &mut dyn Write) -> fmt::Result {
        let l = self.l();
        let lang = self.lang;
        let tag = SessionTag(e.session);
        match &e.kind {
            EventKind::Command { text, .. } => {
                self.line(out, e.line, &tag, '>', core::iter::once(text))
            }
            EventKind::Reply(r) => {
                self.line(out, e.line, &tag, '<', r.reply.lines())?;
                let code = r.reply.code();
                let title = code
                    .info()
                    .map_or_else(|| code.category().name(lang), |i| i.title(lang));
                let note = Show(|w: &mut dyn Write| {
                    write!(w, "{code} {title}")?;
                    if let Some((c, line)) = r.answers {
                        w.write_str(" — ")?;
                        fill(
                            w,
                            l.transcript_answers,
                            &[(Field::Command, &c), (Field::Line, &line)],
                        )?;
                    }
                    Ok(())
                });
                self.note(out, '=', &note)?;
                for d in &r.diagnoses {
                    let note = Show(|w: &mut dyn Write| {
                        fill(
                            w,
                            l.transcript_diagnosis,
                            &[
                                (Field::Server, &d.server()),
                                (Field::Cause, &d.cause(lang)),
                                (Field::Fix, &d.fix(lang)),
                            ],
                        )
                    });
                    self.note(out, '=', &note)?;
                }
                Ok(())
            }
            EventKind::Info { text } => self.line(out, e.line, &tag, '*', core::iter::once(text)),
            EventKind::ClientError { text } => {
                let s = Show(|w: &mut dyn Write| {
                    fill(w, l.transcript_client_error, &[(Field::Text, text)])
                });
                self.line(out, e.line, &tag, '!', core::iter::once(s))
            }
            EventKind::ServerIdentified(server) => {
                let s = Show(|w: &mut dyn Write| {
                    fill(
                        w,
                        l.transcript_server_identified,
                        &[(Field::Server, server)],
                    )
                });
                self.note(out, '=', &s)
            }
            EventKind::Finding(f) => {
                let s = Show(|w: &mut dyn Write| finding(lang, f, e.line, w));
                self.note(out, '!', &s)
            }
        }
    }

    fn line<T: fmt::Display>(
        &self,
        out: &mut dyn Write,
        no: u64,
        tag: &SessionTag,
        mark: char,
        lines: impl Iterator<Item = T>,
    ) -> fmt::Result {
        for (i, text) in lines.enumerate() {
            match (self.style, i) {
                (Style::Text, 0) => writeln!(out, "{no:>5}{tag} {mark} {text}")?,
                (Style::Text, _) => writeln!(out, "     {tag}   {text}")?,
                (Style::Markdown, 0) => writeln!(out, "- `{no}`{tag} `{mark} {}`", Code(text))?,
                (Style::Markdown, _) => writeln!(out, "  `  {}`", Code(text))?,
            }
        }
        Ok(())
    }

    fn note(&self, out: &mut dyn Write, mark: char, text: &dyn fmt::Display) -> fmt::Result {
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
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::transcript::{Analyzer, Renderer, Style};
    /// let mut analyzer = Analyzer::new();
    /// analyzer.feed(b"S: 220 Ready\nC: QUIT\nS: 221 Bye\n")?;
    /// analyzer.finish()?;
    /// let mut out = String::new();
    /// Renderer::new(Lang::Fr, Style::Text).verdict(&analyzer.verdict(), &mut out).unwrap();
    /// assert!(out.starts_with("\nVerdict\n-------\n"));
    /// assert!(out.ends_with("3 lignes lues, 1 commandes, 2 réponses, 0 constats.\n"));
    /// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
    /// ```
    pub fn verdict(&self, v: &Verdict, out: &mut dyn Write) -> fmt::Result {
        let l = self.l();
        match self.style {
            Style::Text => {
                writeln!(out, "\n{}", l.transcript_verdict_heading)?;
                for _ in l.transcript_verdict_heading.chars() {
                    out.write_char('-')?;
                }
                out.write_char('\n')?;
            }
            Style::Markdown => writeln!(out, "\n## {}\n", l.transcript_verdict_heading)?,
        }
        paragraph(self.lang, v, out)?;
        out.write_str("\n\n")?;
        fill(
            out,
            l.transcript_summary,
            &[
                (Field::Lines, &v.lines),
                (Field::Commands, &v.commands),
                (Field::Replies, &v.replies),
                (Field::Findings, &v.findings),
            ],
        )?;
        out.write_char('\n')
    }
}

/// The verdict paragraph alone.
pub(crate) fn paragraph(lang: Lang, v: &Verdict, out: &mut dyn Write) -> fmt::Result {
    let l = lang.phrases();
    match (v.outcome, &v.failure) {
        (Outcome::Failed, Some(f)) => failure(lang, f, out),
        (Outcome::Empty, _) => out.write_str(l.transcript_verdict_empty),
        _ => fill(
            out,
            l.transcript_verdict_ok,
            &[(Field::Commands, &v.commands)],
        ),
    }
}

fn failure(lang: Lang, f: &Failure, out: &mut dyn Write) -> fmt::Result {
    let l = lang.phrases();
    let command = CommandName(f.command, lang);
    let code = CodeOr(f.code);
    let latest = CommandName(f.latest, lang);
    let title = f.code.map_or("", |c| {
        c.info()
            .map_or_else(|| c.category().name(lang), |i| i.title(lang))
    });
    let slots: [(Field, &dyn fmt::Display); 6] = [
        (Field::Line, &f.line),
        (Field::Command, &command),
        (Field::Code, &code),
        (Field::Title, &title),
        (Field::Text, &f.text),
        (Field::Latest, &latest),
    ];
    let template = match f.kind {
        FailureKind::Reply => l.transcript_verdict_failed_reply,
        FailureKind::MissingFinal => l.transcript_verdict_failed_missing_final,
        FailureKind::NoReply => l.transcript_verdict_failed_no_reply,
        FailureKind::Desync => l.transcript_verdict_failed_desync,
        FailureKind::Client => l.transcript_verdict_failed_client,
    };
    fill(out, template, &slots)?;
    let (cause, fix): (&str, &str) = if f.behind_nat {
        (l.transcript_cause_nat, l.transcript_fix_nat)
    } else {
        match f.kind {
            FailureKind::Reply => match (f.diagnosis, f.code.and_then(ReplyCode::info)) {
                (Some(d), _) => (d.cause(lang), d.fix(lang)),
                (None, Some(i)) => (
                    first_sentence(i.description(lang)),
                    first_sentence(i.remediation(lang)),
                ),
                (None, None) => (
                    l.transcript_cause_unknown_code,
                    l.transcript_fix_unknown_code,
                ),
            },
            FailureKind::MissingFinal => (
                l.transcript_cause_missing_final,
                l.transcript_fix_missing_final,
            ),
            FailureKind::NoReply => (l.transcript_cause_no_reply, l.transcript_fix_no_reply),
            FailureKind::Desync => (l.transcript_cause_desync, l.transcript_fix_desync),
            FailureKind::Client => (l.transcript_cause_client, l.transcript_fix_client),
        }
    };
    write!(
        out,
        " {} {cause} {} {fix}",
        l.transcript_verdict_cause, l.transcript_verdict_fix
    )
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
pub(crate) fn finding(lang: Lang, f: &Finding, line: u64, out: &mut dyn Write) -> fmt::Result {
    let _ = line;
    let l = lang.phrases();
    match f {
        Finding::Unexpected {
            command,
            code,
            problem,
        } => {
            let t = match problem {
                Problem::AfterFinalReply => l.transcript_finding_after_final,
                Problem::SecondPreliminary => l.transcript_finding_second_preliminary,
                Problem::RestartMarkerBeforePreliminary => l.transcript_finding_marker_first,
                _ => l.transcript_finding_unexpected,
            };
            fill(
                out,
                t,
                &[
                    (Field::Command, &CommandName(*command, lang)),
                    (Field::Code, code),
                ],
            )
        }
        Finding::Lenient {
            command,
            code,
            rule,
        } => fill(
            out,
            l.transcript_finding_lenient,
            &[
                (Field::Command, &CommandName(*command, lang)),
                (Field::Code, code),
                (Field::Rule, rule),
            ],
        ),
        Finding::LateReply {
            code,
            answers,
            answers_line,
            latest,
        } => fill(
            out,
            l.transcript_finding_late_reply,
            &[
                (Field::Code, code),
                (Field::Answers, answers),
                (Field::Line, answers_line),
                (Field::Latest, latest),
            ],
        ),
        Finding::MissingFinal {
            command,
            command_line,
            preliminary,
        } => fill(
            out,
            l.transcript_finding_missing_final,
            &[
                (Field::Command, command),
                (Field::Line, command_line),
                (Field::Code, preliminary),
            ],
        ),
        Finding::NoReply {
            command,
            command_line,
        } => fill(
            out,
            l.transcript_finding_no_reply,
            &[(Field::Command, command), (Field::Line, command_line)],
        ),
        Finding::Unsolicited { code } => fill(
            out,
            l.transcript_finding_unsolicited,
            &[(Field::Code, code)],
        ),
        Finding::ClosedBy421 => out.write_str(l.transcript_finding_closed_421),
        Finding::TimeGap {
            seconds,
            waiting: Some(c),
        } => fill(
            out,
            l.transcript_finding_gap_server,
            &[(Field::Seconds, seconds), (Field::Command, c)],
        ),
        Finding::TimeGap {
            seconds,
            waiting: None,
        } => fill(
            out,
            l.transcript_finding_gap_client,
            &[(Field::Seconds, seconds)],
        ),
        Finding::PrivatePassiveAddress { address } => fill(
            out,
            l.transcript_finding_private_passive,
            &[(Field::Address, &Ipv4(*address))],
        ),
        Finding::BadReply { reason } => fill(
            out,
            l.transcript_finding_bad_reply,
            &[(Field::Reason, reason)],
        ),
        Finding::BadCommand { reason } => fill(
            out,
            l.transcript_finding_bad_command,
            &[(Field::Reason, reason)],
        ),
        Finding::LineTooLong { limit } => fill(
            out,
            l.transcript_finding_line_too_long,
            &[(Field::Limit, limit)],
        ),
        Finding::OtherFormat { other, format } => fill(
            out,
            l.transcript_finding_other_format,
            &[(Field::OtherFormat, other), (Field::Format, format)],
        ),
        Finding::NotUtf8 => out.write_str(l.transcript_finding_not_utf8),
        Finding::TooManySessions { limit } => fill(
            out,
            l.transcript_finding_too_many_sessions,
            &[(Field::Limit, limit)],
        ),
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

/// Writes `template` with its slots filled from `values`, straight into
/// `out` (no allocation).
fn fill(
    out: &mut dyn Write,
    template: Template,
    values: &[(Field, &dyn fmt::Display)],
) -> fmt::Result {
    template.write(out, &Values(values))
}

/// A command's verb, or `transcript.no_command` for the greeting.
struct CommandName(Option<Command>, Lang);

impl fmt::Display for CommandName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(c) => f.write_str(c.verb()),
            None => f.write_str(self.1.phrases().transcript_no_command),
        }
    }
}

/// An IPv4 address in dotted form, written without allocating.
struct Ipv4([u8; 4]);

impl fmt::Display for Ipv4 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = self.0;
        write!(f, "{}.{}.{}.{}", o[0], o[1], o[2], o[3])
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

/// Text inside a Markdown code span: backticks would end it, so they are
/// written as `'`.
struct Code<T>(T);

impl<T: fmt::Display> fmt::Display for Code<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(NoBacktick(f), "{}", self.0)
    }
}

/// A writer that turns every backtick into `'`.
struct NoBacktick<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl Write for NoBacktick<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for part in s.split_inclusive('`') {
            match part.strip_suffix('`') {
                Some(p) => {
                    self.0.write_str(p)?;
                    self.0.write_char('\'')?;
                }
                None => self.0.write_str(part)?,
            }
        }
        Ok(())
    }
}

/// Whatever a closure writes, as a `Display` value (no intermediate string).
struct Show<F>(F);

impl<F: Fn(&mut dyn Write) -> fmt::Result> fmt::Display for Show<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
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
