//! The diff page (plain text and Markdown) and the sentences of each
//! difference, written from the templates of `ui.<lang>.toml` without
//! allocating.

#![allow(clippy::many_single_char_names)]

use core::fmt;

use super::{Axis, Diff, Format, Outcome, Persistence, Stage, Standing};
use crate::lang::{Field, Fill, List, Subject, Template};
use crate::{CommandSet, Lang, ReplyCode, ReplyInfo};

/// A sentence describing one [`Difference`](super::Difference); see
/// [`Difference::describe`](super::Difference::describe).
///
/// ```
/// use ftp_reply::{Lang, ReplyCode};
/// use ftp_reply::diff::Diff;
///
/// let d = Diff::new(ReplyCode::CANT_OPEN_DATA_CONNECTION, ReplyCode::CONNECTION_CLOSED_TRANSFER_ABORTED);
/// let first = d.differences().next().unwrap();
/// assert_eq!(
///     first.describe(d.a(), d.b(), Lang::Fr).to_string(),
///     "Avec 425, la connexion de données n'a pas pu être ouverte ; avec 426, la connexion de données a été fermée et le transfert interrompu."
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub(super) axis: Axis,
    pub(super) a: ReplyCode,
    pub(super) b: ReplyCode,
    pub(super) lang: Lang,
}

impl fmt::Display for Sentence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.lang.phrases();
        let t = match self.axis {
            Axis::Category { .. } => p.diff_sentence_category,
            Axis::Stage { .. } => p.diff_sentence_stage,
            Axis::Outcome { .. } => p.diff_sentence_outcome,
            Axis::Persistence { .. } => p.diff_sentence_persistence,
            Axis::Function { .. } => p.diff_sentence_function,
            Axis::ControlConnection { .. } => p.diff_sentence_control_connection,
            Axis::DataConnection { .. } => p.diff_sentence_data_connection,
            Axis::NextStep { .. } => p.diff_sentence_next_step,
            Axis::Commands { .. } => p.diff_sentence_commands,
            Axis::Standing { .. } => p.diff_sentence_standing,
        };
        let ctx = Pair {
            a: self.a,
            b: self.b,
            lang: self.lang,
            difference: Some(self.axis),
        };
        t.write(f, &ctx)
    }
}

/// The values of two codes for the slots of a two-code template
/// (`{a}`, `{b.title}`, `{a.stage}` ...). A value that the difference being
/// described holds comes from it; any other from the code.
#[derive(Clone, Copy)]
pub(super) struct Pair {
    pub(super) a: ReplyCode,
    pub(super) b: ReplyCode,
    pub(super) lang: Lang,
    pub(super) difference: Option<Axis>,
}

impl Pair {
    pub(super) fn new(d: Diff, lang: Lang) -> Self {
        Self {
            a: d.a,
            b: d.b,
            lang,
            difference: None,
        }
    }
}

impl Fill for Pair {
    fn fill(&self, w: &mut dyn fmt::Write, subject: Subject, field: Field) -> fmt::Result {
        let first = match subject {
            Subject::A => true,
            Subject::B => false,
            Subject::None | Subject::Other => return Ok(()),
        };
        let code = if first { self.a } else { self.b };
        let lang = self.lang;
        let p = lang.phrases();
        let category = match self.difference {
            Some(Axis::Category { a, b }) => pick(first, a, b),
            _ => code.category(),
        };
        match field {
            Field::Code => write!(w, "{code}"),
            Field::Title => w.write_str(
                code.info()
                    .map_or(p.explain_unknown_title, |i| i.title(lang)),
            ),
            Field::Named => write!(w, "{}", Named(code, lang)),
            Field::Paren => write!(w, "{}", Parenthesized(code, lang)),
            Field::Digit => write!(w, "{}", category.digit()),
            Field::Category => w.write_str(category.name(lang)),
            Field::CategoryInline => w.write_str(category.inline(lang)),
            Field::CategoryPlural => w.write_str(category.plural(lang)),
            Field::Meaning => w.write_str(category.meaning(lang)),
            Field::MeaningInline => w.write_str(category.meaning_inline(lang)),
            Field::Group => w.write_str(
                match self.difference {
                    Some(Axis::Function { a, b }) => pick(first, a, b),
                    _ => code.function(),
                }
                .name(lang),
            ),
            Field::GroupDigit => write!(w, "{}", code.digits()[1]),
            Field::Stage => w.write_str(
                match self.difference {
                    Some(Axis::Stage { a, b }) => pick(first, a, b),
                    _ => Stage::of(code),
                }
                .phrase(lang),
            ),
            Field::Outcome => w.write_str(
                match self.difference {
                    Some(Axis::Outcome { a, b }) => pick(first, a, b),
                    _ => Outcome::of(code),
                }
                .phrase(lang),
            ),
            Field::Persistence => match self.difference {
                Some(Axis::Persistence { a, b }) => Some(pick(first, a, b)),
                _ => Persistence::of(code),
            }
            .map_or(Ok(()), |x| w.write_str(x.phrase(lang))),
            Field::Control => {
                let closes = match self.difference {
                    Some(Axis::ControlConnection { a, b }) => pick(first, a, b),
                    _ => code.closes_control_connection(),
                };
                w.write_str(control_label(closes, lang))
            }
            Field::Data => match self.difference {
                Some(Axis::DataConnection { a, b }) => Some(pick(first, a, b)),
                _ => code.info().map(ReplyInfo::data_connection),
            }
            .map_or(Ok(()), |x| w.write_str(x.describe(lang))),
            Field::Advice => w.write_str(
                match self.difference {
                    Some(Axis::NextStep { a, b }) => pick(first, a, b),
                    _ => code.retry_advice(),
                }
                .describe(lang),
            ),
            Field::Standing => w.write_str(
                match self.difference {
                    Some(Axis::Standing { a, b }) => pick(first, a, b),
                    _ => Standing::of(code),
                }
                .phrase(lang),
            ),
            Field::Commands => {
                let set = match self.difference {
                    Some(Axis::Commands { a, b }) => pick(first, a, b),
                    _ => CommandSet::producing(code),
                };
                write_commands(w, code, set, lang)
            }
            Field::ClientStep => {
                let t = if code.closes_control_connection() {
                    p.guidance_client_step_closes
                } else {
                    p.guidance_client_step
                };
                t.write(w, &Step(code, lang))
            }
            // The fields of other templates (`{list}`, `{end}`, the transcript's).
            _ => Ok(()),
        }
    }
}

/// `a` for the first code, `b` for the second.
fn pick<T>(first: bool, a: T, b: T) -> T {
    if first { a } else { b }
}

/// "the server closes the control connection" or "... stays open".
pub(super) const fn control_label(closes: bool, lang: Lang) -> &'static str {
    let p = lang.phrases();
    if closes {
        p.explain_closes_control
    } else {
        p.explain_keeps_control
    }
}

/// Above this many commands, a list reads as "almost any command".
const MANY_COMMANDS: usize = 16;

/// "150 can answer RETR, STOR and LIST" (`diff.commands.*`).
fn write_commands(
    w: &mut dyn fmt::Write,
    code: ReplyCode,
    set: CommandSet,
    lang: Lang,
) -> fmt::Result {
    let p = lang.phrases();
    let t = match (set.has_greeting(), set.len()) {
        (false, 0) => p.diff_commands_none,
        (true, 0) => p.diff_commands_greeting,
        (true, _) => p.diff_commands_greeting_and,
        (false, _) => p.diff_commands_answer,
    };
    t.write(w, &Commands(code, set, lang))
}

struct Commands(ReplyCode, CommandSet, Lang);

impl Fill for Commands {
    fn fill(&self, w: &mut dyn fmt::Write, subject: Subject, field: Field) -> fmt::Result {
        let (code, set, lang) = (self.0, self.1, self.2);
        match (subject, field) {
            (Subject::None, Field::Code) => write!(w, "{code}"),
            (Subject::None, Field::N) => write!(w, "{}", set.len()),
            (Subject::None, Field::List) if set.len() > MANY_COMMANDS => {
                lang.phrases().diff_commands_many.write(w, self)
            }
            (Subject::None, Field::List) => {
                write!(w, "{}", List(set.iter().map(crate::Command::verb), lang))
            }
            _ => Ok(()),
        }
    }
}

/// One code and its retry advice (`guidance.client.step`).
struct Step(ReplyCode, Lang);

impl Fill for Step {
    fn fill(&self, w: &mut dyn fmt::Write, subject: Subject, field: Field) -> fmt::Result {
        match (subject, field) {
            (Subject::None, Field::Code) => write!(w, "{}", self.0),
            (Subject::None, Field::Advice) => w.write_str(self.0.retry_advice().describe(self.1)),
            _ => Ok(()),
        }
    }
}

/// `150 File Status OK`, or the bare code when no document defines it.
struct Named(ReplyCode, Lang);

impl fmt::Display for Named {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.info() {
            Some(i) => write!(f, "{} {}", self.0, i.title(self.1)),
            None => write!(f, "{}", self.0),
        }
    }
}

/// `150 (File Status OK)`, or the bare code.
struct Parenthesized(ReplyCode, Lang);

impl fmt::Display for Parenthesized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.info() {
            Some(i) => write!(f, "{} ({})", self.0, i.title(self.1)),
            None => write!(f, "{}", self.0),
        }
    }
}

/// Guidance for a server author choosing between two codes, built from the data.
pub(super) struct ServerGuidance(pub(super) ReplyCode, pub(super) ReplyCode, pub(super) Lang);

impl fmt::Display for ServerGuidance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, lang) = (self.0, self.1, self.2);
        let p = lang.phrases();
        // An undefined code: point to the defined codes with the same first two digits.
        for (code, other) in [(a, b), (b, a)] {
            if code.info().is_none() {
                return p
                    .guidance_server_undefined
                    .write(f, &Undefined { code, other, lang });
            }
        }
        let t = if a.retry_advice() == b.retry_advice() {
            p.guidance_server_same_advice
        } else {
            p.guidance_server_different_advice
        };
        t.write(
            f,
            &Pair {
                a,
                b,
                lang,
                difference: None,
            },
        )
    }
}

/// Server guidance when `code` is undefined (`guidance.server.undefined`).
struct Undefined {
    code: ReplyCode,
    other: ReplyCode,
    lang: Lang,
}

impl Undefined {
    fn siblings(&self) -> impl Iterator<Item = ReplyCode> + Clone + use<> {
        let prefix = [self.code.digits()[0], self.code.digits()[1]];
        ReplyInfo::all()
            .iter()
            .filter(move |i| i.code().digits()[..2] == prefix && i.is_standard())
            .map(ReplyInfo::code)
    }
}

impl Fill for Undefined {
    fn fill(&self, w: &mut dyn fmt::Write, subject: Subject, field: Field) -> fmt::Result {
        let p = self.lang.phrases();
        match (subject, field) {
            (Subject::None, Field::Code) => write!(w, "{}", self.code),
            (Subject::Other, Field::Code) => write!(w, "{}", self.other),
            (Subject::Other, Field::Paren) => write!(w, "{}", Parenthesized(self.other, self.lang)),
            (Subject::None, Field::Siblings) if self.siblings().next().is_some() => {
                p.guidance_server_siblings.write(w, self)
            }
            (Subject::None, Field::List) => {
                // Every sibling, separated by `typography.list_sep` (no "and").
                for (i, c) in self.siblings().enumerate() {
                    if i > 0 {
                        w.write_str(p.typography_list_sep)?;
                    }
                    write!(w, "{c}")?;
                }
                Ok(())
            }
            (Subject::None, Field::End) => {
                let t = if self.other.info().is_some() {
                    p.guidance_server_other_defined
                } else {
                    p.guidance_server_other_undefined
                };
                t.write(w, self)
            }
            _ => Ok(()),
        }
    }
}

/// Guidance for a client reacting to either code, built from the data.
pub(super) struct ClientGuidance(pub(super) ReplyCode, pub(super) ReplyCode, pub(super) Lang);

impl fmt::Display for ClientGuidance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, lang) = (self.0, self.1, self.2);
        lang.phrases().guidance_client_both.write(
            f,
            &Pair {
                a,
                b,
                lang,
                difference: None,
            },
        )
    }
}

/// A [`Diff`] page ready to print; see [`Diff::render`].
///
/// ```
/// use ftp_reply::{Lang, ReplyCode};
/// use ftp_reply::diff::{Diff, Format};
///
/// let d = Diff::new(ReplyCode::CANT_OPEN_DATA_CONNECTION, ReplyCode::CONNECTION_CLOSED_TRANSFER_ABORTED);
/// let page = d.render(Lang::En, Format::Markdown).to_string();
/// assert!(page.starts_with("# FTP 425 Can't Open Data Connection vs 426 Connection Closed, Transfer Aborted\n\n"));
/// assert!(page.contains("are both 4xx Transient Negative Completion replies"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rendered {
    pub(super) diff: Diff,
    pub(super) lang: Lang,
    pub(super) format: Format,
}

/// Counts the characters written (to underline a heading without allocating).
struct CharCounter(usize);

impl fmt::Write for CharCounter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.chars().count();
        Ok(())
    }
}

impl Diff {
    /// The page's title line (`FTP 150 File Status OK vs 421 Service Not
    /// Available`), without a line end.
    pub(super) fn write_title(&self, f: &mut fmt::Formatter<'_>, lang: Lang) -> fmt::Result {
        let p = lang.phrases();
        let title = if self.is_same() {
            p.diff_title_same
        } else {
            p.diff_title_pair
        };
        write!(f, "{}", title.with(&Pair::new(*self, lang)))
    }
}

impl Rendered {
    fn pair(&self) -> Pair {
        Pair::new(self.diff, self.lang)
    }

    fn heading(
        &self,
        f: &mut fmt::Formatter<'_>,
        level: usize,
        text: &dyn fmt::Display,
    ) -> fmt::Result {
        match self.format {
            Format::Markdown => {
                for _ in 0..level {
                    f.write_str("#")?;
                }
                writeln!(f, " {text}")?;
                writeln!(f)
            }
            Format::Text => {
                let mut counter = CharCounter(0);
                fmt::write(&mut counter, format_args!("{text}"))?;
                writeln!(f, "{text}")?;
                let under = match level {
                    1 => "=",
                    2 => "-",
                    _ => "",
                };
                if !under.is_empty() {
                    for _ in 0..counter.0 {
                        f.write_str(under)?;
                    }
                    writeln!(f)?;
                }
                writeln!(f)
            }
        }
    }

    fn paragraph(&self, f: &mut fmt::Formatter<'_>, text: &dyn fmt::Display) -> fmt::Result {
        writeln!(f, "{text}")?;
        writeln!(f)
    }

    /// The summary paragraph (`diff.summary.*`).
    pub(super) fn summary(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.lang.phrases();
        let (a, b) = (self.diff.a, self.diff.b);
        let t: Template = if self.diff.is_same() {
            p.diff_summary_same
        } else if a.category() == b.category() {
            p.diff_summary_same_category
        } else {
            p.diff_summary_different
        };
        t.write(f, &self.pair())?;
        writeln!(f)
    }

    fn code_section(&self, f: &mut fmt::Formatter<'_>, code: ReplyCode) -> fmt::Result {
        let lang = self.lang;
        let p = lang.phrases();
        self.heading(f, 2, &Named(code, lang))?;
        let Some(info) = code.info() else {
            self.paragraph(f, &p.explain_unknown_code)?;
            return self.paragraph(f, &code.category().meaning(lang));
        };
        if !info.is_standard() {
            self.paragraph(f, &p.explain_nonstandard)?;
        }
        for (heading, body) in [
            (p.explain_description, info.description(lang)),
            (p.explain_when_seen, info.when_seen(lang)),
            (p.explain_remediation, info.remediation(lang)),
        ] {
            self.heading(f, 3, &heading)?;
            self.paragraph(f, &body)?;
        }
        Ok(())
    }

    fn differences(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, lang) = (self.diff.a, self.diff.b, self.lang);
        let p = lang.phrases();
        self.heading(f, 2, &p.diff_key_differences)?;
        let mut n = 0;
        for d in self.diff.axes() {
            n += 1;
            writeln!(f, "{n}. {}", d.describe(a, b, lang))?;
        }
        if n == 0 {
            writeln!(f, "{}", p.diff_no_differences)?;
        }
        writeln!(f)
    }

    /// "When to use which": the pair's hand-written guidance, or guidance
    /// built from the data.
    fn when_to_use(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, lang) = (self.diff.a, self.diff.b, self.lang);
        let p = lang.phrases();
        self.heading(f, 2, &p.diff_when_to_use)?;
        if self.diff.is_same() {
            return self.paragraph(f, &p.diff_same_code);
        }
        let (server, client): (&dyn fmt::Display, &dyn fmt::Display) = match self.diff.note() {
            Some(note) => (&note.server(lang), &note.client(lang)),
            None => (&ServerGuidance(a, b, lang), &ClientGuidance(a, b, lang)),
        };
        self.heading(f, 3, &p.diff_for_server)?;
        self.paragraph(f, server)?;
        self.heading(f, 3, &p.diff_for_client)?;
        self.paragraph(f, client)
    }

    fn sources(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.lang.phrases();
        let c = p.typography_colon;
        self.heading(f, 2, &p.diff_learn_more)?;
        let codes: &[ReplyCode] = if self.diff.is_same() {
            &[self.diff.a]
        } else {
            &[self.diff.a, self.diff.b]
        };
        for &code in codes {
            write!(f, "- {code}{c}")?;
            match code.info() {
                None => f.write_str(p.explain_unknown_title)?,
                Some(info) => {
                    for (i, s) in info.sources().iter().enumerate() {
                        if i > 0 {
                            f.write_str(p.typography_list_sep)?;
                        }
                        match (self.format, s.spec()) {
                            (Format::Markdown, crate::Spec::Rfc(_)) => {
                                write!(f, "[{s}](")?;
                                s.write_url(f).unwrap_or(Ok(()))?;
                                f.write_str(")")?;
                            }
                            _ => write!(f, "{s}")?,
                        }
                    }
                }
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, lang) = (self.diff.a, self.diff.b, self.lang);
        let p = lang.phrases();
        let title = if a == b {
            p.diff_title_same
        } else {
            p.diff_title_pair
        };
        let pair = self.pair();
        self.heading(f, 1, &title.with(&pair))?;
        self.summary(f)?;
        writeln!(f)?;
        self.code_section(f, a)?;
        if !self.diff.is_same() {
            self.code_section(f, b)?;
        }
        self.differences(f)?;
        if let Some(note) = self.diff.note() {
            self.heading(f, 2, &p.diff_how_they_differ)?;
            self.paragraph(f, &note.note(lang))?;
        }
        self.when_to_use(f)?;
        self.sources(f)
    }
}
