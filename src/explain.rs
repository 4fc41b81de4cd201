//! [`Explanation`]: everything the crate knows about one code, as plain
//! text or Markdown (and, with the `serde` feature, JSON: `json.rs`).

use core::fmt;

use crate::command::Role;
use crate::diagnosis::Diagnosis;
use crate::diff::Format;
use crate::page::Page;
use crate::{Lang, Meaning, ReplyCode, Source};

/// A printable explanation of a reply code in one language: title, category,
/// function group, the RFC wording, description, when it is seen, how to
/// resolve it, the commands that get it, client advice and sources, and
/// optionally the diagnosis of a reply's text
/// ([`with_diagnoses`](Self::with_diagnoses)).
///
/// Made by [`ReplyCode::explain`]. `Display` prints plain text;
/// [`render`](Self::render) takes a [`Format`] (plain text or Markdown), as
/// [`Diff::render`](crate::diff::Diff::render) does. Both write straight into
/// the formatter, without allocating. With the
/// `serde` feature an explanation serializes to the JSON object described
/// below; it carries its language, so it needs no `localized` view.
///
/// # Example
///
/// ```
/// use ftp_reply::{Lang, ReplyCode};
///
/// let text = ReplyCode::SERVICE_NOT_AVAILABLE.explain(Lang::default()).to_string();
/// assert!(text.starts_with("421 Service Not Available\n"));
/// assert!(text.contains("Category: 4xx Transient Negative Completion"));
///
/// // A well-formed code that no document defines still gets its category.
/// let text = ReplyCode::new(299).unwrap().explain("fr".parse::<Lang>().unwrap()).to_string();
/// assert!(text.contains("Réponse positive d'achèvement"));
/// ```
///
/// # JSON (the `serde` feature)
///
/// One object; its keys come in this (alphabetical) order, every key is
/// always present, and texts are in the explanation's language:
///
/// | key | value |
/// |---|---|
/// | `category` | the category's name (`"Transient Negative Completion"`) |
/// | `category_meaning` | what the category means, one sentence |
/// | `closes_control_connection` | `true` when the server closes the control connection after this reply |
/// | `code` | the code, a number |
/// | `commands` | the commands that may get this code (aliases left out), each `{"command": "USER", "role": "..."}`, `role` a phrase in the language |
/// | `data_connection` | the effect on the data connection, an id (`"unaffected"`, ...), or `null` for a code no document defines |
/// | `description` | what the code means, or `null` for a code no document defines |
/// | `diagnosis` | the diagnoses given to [`with_diagnoses`](Self::with_diagnoses) (`[]` without), each the object of [`Diagnosis::localized`] |
/// | `function` | the name of the function group (second digit) |
/// | `lang` | the language code (`"en"`) |
/// | `meanings` | every meaning the documents give the code, each `{"commands": [...], "context": text or null, "source": "RFC 959 §4.2", "wording": "..."}`; `[]` for an undefined code |
/// | `more_replies_follow` | `true` for a preliminary (1xx) reply |
/// | `next_step` | what a client should do next, a phrase in the language |
/// | `related` | related codes, numbers |
/// | `remediation` | how to resolve it, or `null` |
/// | `retry_advice` | what a client should do next, an id (`"reconnect_later"`, ...) |
/// | `rfc_wording` | the RFC's wording of the reply text, or `null` |
/// | `sources` | the documents that define the code (`"RFC 959 §4.2.1"`, ...) |
/// | `standard` | `true` when an RFC defines the code, `false` when only servers use it, `null` when nothing defines it |
/// | `title` | the code's title, or `null` for a code no document defines |
/// | `when_seen` | when servers send it, or `null` |
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use ftp_reply::{Lang, ReplyCode};
/// use ftp_reply::diagnosis::diagnose_line_str as diagnose_line;
///
/// let line = "530 This FTP server is anonymous only.";
/// let found: Vec<_> = diagnose_line(line)?.collect();
/// let e = ReplyCode::NOT_LOGGED_IN.explain(Lang::Fr).with_diagnoses(&found);
/// let json = serde_json::to_value(e).unwrap();
/// assert_eq!(json["code"], 530);
/// assert_eq!(json["lang"], "fr");
/// assert_eq!(json["diagnosis"][0]["server_id"], "vsftpd");
/// assert_eq!(json["diagnosis"][0]["server_specific"], true);
/// # }
/// # Ok::<(), ftp_reply::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Explanation<'a> {
    code: ReplyCode,
    lang: Lang,
    diagnoses: Option<&'a [&'a Diagnosis]>,
}

impl ReplyCode {
    /// Everything known about this code in `lang`, ready to print.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// for lang in Lang::ALL {
    ///     println!("{}", ReplyCode::FILE_STATUS_OK.explain(lang));
    /// }
    /// ```
    #[must_use]
    pub const fn explain(self, lang: Lang) -> Explanation<'static> {
        Explanation {
            code: self,
            lang,
            diagnoses: None,
        }
    }
}

impl fmt::Display for Explanation<'_> {
    /// Plain text; see [`Explanation::render`] for Markdown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_page(&mut Page::new(f, Format::Text, self.lang))
    }
}

impl<'a> Explanation<'a> {
    /// The code explained.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// assert_eq!(ReplyCode::FILE_STATUS_OK.explain(Lang::En).code(), ReplyCode::FILE_STATUS_OK);
    /// ```
    #[must_use]
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The language of the explanation.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// assert_eq!(ReplyCode::FILE_STATUS_OK.explain(Lang::Es).lang(), Lang::Es);
    /// ```
    #[must_use]
    pub const fn lang(&self) -> Lang {
        self.lang
    }

    /// The same explanation followed by a "Diagnosis" section: what the
    /// server that sent a reply's text meant (see [`diagnose_line`](crate::diagnosis::diagnose_line)).
    /// An empty slice gives the section with a sentence saying that no
    /// known server text matches; without this call there is no section.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// use ftp_reply::diagnosis::{Diagnosis, diagnose_line_str as diagnose_line};
    ///
    /// let line = "421 Too many connections (8) from this IP";
    /// let found: Vec<&Diagnosis> = diagnose_line(line)?.collect();
    /// let text = ReplyCode::parse_str(line)?.explain(Lang::En).with_diagnoses(&found).to_string();
    /// assert!(text.contains("\nDiagnosis\n  Server: Pure-FTPd\n"));
    ///
    /// let none = ReplyCode::SERVICE_NOT_AVAILABLE.explain(Lang::En).with_diagnoses(&[]).to_string();
    /// assert!(none.ends_with("Diagnosis\n  No known server text matches this reply.\n"));
    /// # Ok::<(), ftp_reply::ParseError>(())
    /// ```
    #[must_use]
    pub const fn with_diagnoses<'b>(self, diagnoses: &'b [&'b Diagnosis]) -> Explanation<'b> {
        Explanation {
            code: self.code,
            lang: self.lang,
            diagnoses: Some(diagnoses),
        }
    }

    /// The diagnoses given to [`with_diagnoses`](Self::with_diagnoses), if any.
    ///
    /// ```
    /// use ftp_reply::{Lang, ReplyCode};
    /// assert!(ReplyCode::FILE_STATUS_OK.explain(Lang::En).diagnoses().is_none());
    /// ```
    #[must_use]
    pub const fn diagnoses(&self) -> Option<&'a [&'a Diagnosis]> {
        self.diagnoses
    }

    /// The explanation ready to print in `format`: [`Format::Text`] is what
    /// `Display` of the explanation prints, [`Format::Markdown`] the same
    /// page in `CommonMark` (a level-1 title, a level-2 heading per section,
    /// labels in bold, the data's texts escaped).
    ///
    /// ```
    /// use ftp_reply::diff::Format;
    /// use ftp_reply::{Lang, ReplyCode};
    ///
    /// let md = ReplyCode::SERVICE_NOT_AVAILABLE.explain(Lang::En).render(Format::Markdown).to_string();
    /// assert!(md.starts_with("# 421 Service Not Available\n\n**Category:** 4xx Transient Negative Completion\n"));
    /// assert!(md.contains("\n## Description\n"));
    ///
    /// let es = ReplyCode::SERVICE_NOT_AVAILABLE.explain(Lang::Es).render(Format::Markdown).to_string();
    /// assert!(es.contains("**Categoría:** 4xx"));
    /// ```
    #[must_use]
    pub const fn render(&self, format: Format) -> RenderedExplanation<'a> {
        RenderedExplanation {
            explanation: *self,
            format,
        }
    }

    /// Writes every piece of the explanation on `page`.
    fn write_page(&self, page: &mut Page<'_, '_>) -> fmt::Result {
        let lang = self.lang;
        let l = lang.phrases();
        let c = l.typography_colon;
        let code = self.code;
        let category = code.category();
        let info = code.info();
        let title = info.map_or(l.explain_unknown_title, |i| i.title(lang));
        page.title(&format_args!("{code} {title}"))?;
        page.gap()?;
        page.label(
            l.explain_category,
            &format_args!("{}xx {}", category.digit(), category.name(lang)),
        )?;
        page.body(&category.meaning(lang))?;
        page.label(
            l.explain_function,
            &format_args!("x{}x {}", code.digits()[1], code.function().name(lang)),
        )?;
        let Some(info) = info else {
            page.gap()?;
            page.paragraph(&l.explain_unknown_code)?;
            page.label(l.explain_next_step, &code.retry_advice().describe(lang))?;
            return self.write_diagnoses(page);
        };
        if !info.is_standard() {
            page.paragraph(&l.explain_nonstandard)?;
        }
        page.gap()?;
        page.label(
            l.explain_rfc_wording,
            &format_args!("\"{}\"", info.rfc_wording()),
        )?;
        for (heading, body) in [
            (l.explain_description, info.description(lang)),
            (l.explain_when_seen, info.when_seen(lang)),
            (l.explain_remediation, info.remediation(lang)),
        ] {
            page.gap()?;
            page.heading(heading)?;
            page.body(&body)?;
        }
        write_commands(page, code, lang)?;
        if info.meanings().len() > 1 {
            page.gap()?;
            page.heading(l.explain_meanings)?;
            for (i, m) in info.meanings().iter().enumerate() {
                let under = m.context(lang);
                page.numbered(
                    i + 1,
                    &MeaningLine(m, lang),
                    under.as_ref().map(|u| u as &dyn fmt::Display),
                )?;
            }
        }
        page.gap()?;
        page.heading(l.explain_client_advice)?;
        let more = if code.more_replies_follow() {
            l.explain_more_replies
        } else {
            l.explain_final_reply
        };
        page.item(&more)?;
        let control = if info.closes_control_connection() {
            l.explain_closes_control
        } else {
            l.explain_keeps_control
        };
        page.item(&control)?;
        page.item(&format_args!(
            "{}{c}{}",
            l.explain_data_connection,
            info.data_connection().describe(lang)
        ))?;
        page.item(&format_args!(
            "{}{c}{}",
            l.explain_next_step,
            info.retry_advice().describe(lang)
        ))?;
        page.gap()?;
        page.label(l.explain_sources, &Listed(info.sources(), lang))?;
        if !info.related().is_empty() {
            page.label(l.explain_related, &Related(info.related(), lang))?;
        }
        self.write_diagnoses(page)
    }

    /// The "Diagnosis" section, when [`with_diagnoses`](Self::with_diagnoses) set one.
    fn write_diagnoses(&self, page: &mut Page<'_, '_>) -> fmt::Result {
        let Some(diagnoses) = self.diagnoses else {
            return Ok(());
        };
        let lang = self.lang;
        page.gap()?;
        page.heading(Diagnosis::heading(lang))?;
        page.set_indent("  ");
        if diagnoses.is_empty() {
            page.paragraph(&Diagnosis::none_found(lang))?;
        }
        for (i, d) in diagnoses.iter().enumerate() {
            if i > 0 {
                page.gap()?;
            }
            d.write_page(page, lang)?;
        }
        page.set_indent("");
        Ok(())
    }
}

/// An [`Explanation`] ready to print in one [`Format`]; see [`Explanation::render`].
///
/// ```
/// use ftp_reply::diff::Format;
/// use ftp_reply::{Lang, ReplyCode};
///
/// let e = ReplyCode::FILE_UNAVAILABLE.explain(Lang::En);
/// assert_eq!(e.render(Format::Text).to_string(), e.to_string());
/// let md = e.render(Format::Markdown).to_string();
/// assert!(md.starts_with("# 550 File Unavailable\n\n"));
/// assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderedExplanation<'a> {
    explanation: Explanation<'a>,
    format: Format,
}

impl fmt::Display for RenderedExplanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.explanation;
        e.write_page(&mut Page::new(f, self.format, e.lang))
    }
}

/// `RFC 959 §4.2 "wording" (CMD, CMD)`: one meaning of a code.
struct MeaningLine<'a>(&'a Meaning, Lang);

impl fmt::Display for MeaningLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (m, l) = (self.0, self.1.phrases());
        write!(f, "{} \"{}\"", m.source(), m.wording())?;
        if !m.commands().is_empty() {
            f.write_str(" (")?;
            for (j, cmd) in m.commands().iter().enumerate() {
                if j > 0 {
                    f.write_str(l.typography_list_sep)?;
                }
                f.write_str(cmd)?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// Sources separated by `typography.list_sep`.
struct Listed<'a>(&'a [Source], Lang);

impl fmt::Display for Listed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(self.1.phrases().typography_list_sep)?;
            }
            write!(f, "{s}")?;
        }
        Ok(())
    }
}

/// Related codes with their titles, separated by `typography.list_sep`.
struct Related<'a>(&'a [ReplyCode], Lang);

impl fmt::Display for Related<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = self.1;
        for (i, r) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(lang.phrases().typography_list_sep)?;
            }
            match r.info() {
                Some(ri) => write!(f, "{r} {}", ri.title(lang))?,
                None => write!(f, "{r}")?,
            }
        }
        Ok(())
    }
}

/// The commands that may get `code`, grouped by role, aliases left out.
fn write_commands(page: &mut Page<'_, '_>, code: ReplyCode, lang: Lang) -> fmt::Result {
    use crate::command::greeting_expects;

    let l = lang.phrases();
    let greeting = greeting_expects(code);
    if code.commands().next().is_none() && greeting.is_none() {
        return Ok(());
    }
    page.gap()?;
    page.heading(l.explain_commands)?;
    for role in [
        Role::Preliminary,
        Role::RestartMarker,
        Role::Intermediate,
        Role::Success,
        Role::Error,
        Role::ErrorAfterPreliminary,
        Role::Protected,
    ] {
        let at_greeting = greeting == Some(role);
        let cmds = RoleCommands {
            code,
            role,
            greeting: at_greeting,
            lang,
        };
        if cmds.is_empty() {
            continue;
        }
        page.item(&format_args!(
            "{}{}{}",
            role.list_label(lang),
            l.typography_colon,
            cmds
        ))?;
    }
    Ok(())
}

/// The commands that get `code` in `role` (and the greeting, when it does):
/// `the connection greeting, USER, PASS`.
struct RoleCommands {
    code: ReplyCode,
    role: Role,
    greeting: bool,
    lang: Lang,
}

impl RoleCommands {
    fn verbs(&self) -> impl Iterator<Item = &'static str> + use<> {
        let role = self.role;
        self.code
            .commands()
            .filter(move |(cmd, r)| *r == role && cmd.alias_of().is_none())
            .map(|(cmd, _)| cmd.verb())
    }

    fn is_empty(&self) -> bool {
        !self.greeting && self.verbs().next().is_none()
    }
}

impl fmt::Display for RoleCommands {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = self.lang.phrases();
        let mut first = true;
        if self.greeting {
            f.write_str(l.explain_greeting)?;
            first = false;
        }
        for verb in self.verbs() {
            if !first {
                f.write_str(l.typography_list_sep)?;
            }
            f.write_str(verb)?;
            first = false;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
mod json;
