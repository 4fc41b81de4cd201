//! [`Explanation`]: everything the crate knows about one code, as text.

use core::fmt;

use crate::{Lang, ReplyCode};

/// A printable explanation of a reply code in one language: title, category,
/// function group, the RFC wording, description, when it is seen, how to
/// resolve it, client advice and sources.
///
/// Made by [`ReplyCode::explain`]. It implements `Display` and writes straight
/// into the formatter, without allocating.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Explanation {
    code: ReplyCode,
    lang: Lang,
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
    pub const fn explain(self, lang: Lang) -> Explanation {
        Explanation { code: self, lang }
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = self.lang;
        let l = lang.phrases();
        let c = l.typography_colon;
        let code = self.code;
        let category = code.category();
        let info = code.info();
        match info {
            Some(info) => writeln!(f, "{code} {}", info.title(lang))?,
            None => writeln!(f, "{code} {}", l.explain_unknown_title)?,
        }
        writeln!(f)?;
        writeln!(
            f,
            "{}{c}{}xx {}",
            l.explain_category,
            category.digit(),
            category.name(lang)
        )?;
        writeln!(f, "  {}", category.meaning(lang))?;
        writeln!(
            f,
            "{}{c}x{}x {}",
            l.explain_function,
            code.digits()[1],
            code.function().name(lang)
        )?;
        let Some(info) = info else {
            writeln!(f)?;
            writeln!(f, "{}", l.explain_unknown_code)?;
            writeln!(
                f,
                "{}{c}{}",
                l.explain_next_step,
                code.retry_advice().describe(lang)
            )?;
            return Ok(());
        };
        if !info.is_standard() {
            writeln!(f, "{}", l.explain_nonstandard)?;
        }
        writeln!(f)?;
        writeln!(f, "{}{c}\"{}\"", l.explain_rfc_wording, info.rfc_wording())?;
        for (heading, body) in [
            (l.explain_description, info.description(lang)),
            (l.explain_when_seen, info.when_seen(lang)),
            (l.explain_remediation, info.remediation(lang)),
        ] {
            writeln!(f)?;
            writeln!(f, "{heading}")?;
            writeln!(f, "  {body}")?;
        }
        write_commands(f, code, lang)?;
        if info.meanings().len() > 1 {
            writeln!(f)?;
            writeln!(f, "{}", l.explain_meanings)?;
            for (i, m) in info.meanings().iter().enumerate() {
                write!(f, "  {}. {} \"{}\"", i + 1, m.source(), m.wording())?;
                if !m.commands().is_empty() {
                    write!(f, " (")?;
                    for (j, cmd) in m.commands().iter().enumerate() {
                        if j > 0 {
                            f.write_str(l.typography_list_sep)?;
                        }
                        f.write_str(cmd)?;
                    }
                    write!(f, ")")?;
                }
                writeln!(f)?;
                if let Some(ctx) = m.context(lang) {
                    writeln!(f, "     {ctx}")?;
                }
            }
        }
        writeln!(f)?;
        writeln!(f, "{}", l.explain_client_advice)?;
        let more = if code.more_replies_follow() {
            l.explain_more_replies
        } else {
            l.explain_final_reply
        };
        writeln!(f, "  - {more}")?;
        let control = if info.closes_control_connection() {
            l.explain_closes_control
        } else {
            l.explain_keeps_control
        };
        writeln!(f, "  - {control}")?;
        writeln!(
            f,
            "  - {}{c}{}",
            l.explain_data_connection,
            info.data_connection().describe(lang)
        )?;
        writeln!(
            f,
            "  - {}{c}{}",
            l.explain_next_step,
            info.retry_advice().describe(lang)
        )?;
        writeln!(f)?;
        write!(f, "{}{c}", l.explain_sources)?;
        for (i, s) in info.sources().iter().enumerate() {
            if i > 0 {
                f.write_str(l.typography_list_sep)?;
            }
            write!(f, "{s}")?;
        }
        writeln!(f)?;
        if !info.related().is_empty() {
            write!(f, "{}{c}", l.explain_related)?;
            for (i, r) in info.related().iter().enumerate() {
                if i > 0 {
                    f.write_str(l.typography_list_sep)?;
                }
                match r.info() {
                    Some(ri) => write!(f, "{r} {}", ri.title(lang))?,
                    None => write!(f, "{r}")?,
                }
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// The commands that may get `code`, grouped by role, aliases left out.
fn write_commands(f: &mut fmt::Formatter<'_>, code: ReplyCode, lang: Lang) -> fmt::Result {
    use crate::command::{Role, greeting_expects};

    let l = lang.phrases();
    let c = l.typography_colon;
    let greeting = greeting_expects(code);
    if code.commands().next().is_none() && greeting.is_none() {
        return Ok(());
    }
    writeln!(f)?;
    writeln!(f, "{}", l.explain_commands)?;
    for role in [
        Role::Preliminary,
        Role::RestartMarker,
        Role::Intermediate,
        Role::Success,
        Role::Error,
        Role::ErrorAfterPreliminary,
        Role::Protected,
    ] {
        let mut cmds = code
            .commands()
            .filter(|(cmd, r)| *r == role && cmd.alias_of().is_none());
        let at_greeting = greeting == Some(role);
        let Some((first, _)) = cmds.next() else {
            if at_greeting {
                writeln!(f, "  - {}{c}{}", role.list_label(lang), l.explain_greeting)?;
            }
            continue;
        };
        write!(f, "  - {}{c}", role.list_label(lang))?;
        if at_greeting {
            write!(f, "{}{}", l.explain_greeting, l.typography_list_sep)?;
        }
        f.write_str(first.verb())?;
        for (cmd, _) in cmds {
            write!(f, "{}{}", l.typography_list_sep, cmd.verb())?;
        }
        writeln!(f)?;
    }
    Ok(())
}
