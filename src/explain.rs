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
/// let text = ReplyCode::SERVICE_NOT_AVAILABLE.explain(Lang::En).to_string();
/// assert!(text.starts_with("421 Service Not Available\n"));
/// assert!(text.contains("Category: 4xx Transient Negative Completion"));
///
/// // A well-formed code that no document defines still gets its category.
/// let text = ReplyCode::new(299).unwrap().explain(Lang::Fr).to_string();
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
    /// println!("{}", ReplyCode::FILE_STATUS_OK.explain(Lang::Fr));
    /// ```
    #[must_use]
    pub const fn explain(self, lang: Lang) -> Explanation {
        Explanation { code: self, lang }
    }
}

/// Headings and fixed phrases, per language.
pub(crate) struct Labels {
    pub(crate) unknown_title: &'static str,
    pub(crate) category: &'static str,
    pub(crate) function: &'static str,
    pub(crate) nonstandard: &'static str,
    pub(crate) rfc_wording: &'static str,
    pub(crate) description: &'static str,
    pub(crate) when_seen: &'static str,
    pub(crate) remediation: &'static str,
    pub(crate) client_advice: &'static str,
    pub(crate) next_step: &'static str,
    pub(crate) more_replies: &'static str,
    pub(crate) final_reply: &'static str,
    pub(crate) closes_control: &'static str,
    pub(crate) keeps_control: &'static str,
    pub(crate) data_connection: &'static str,
    pub(crate) meanings: &'static str,
    pub(crate) sources: &'static str,
    pub(crate) related: &'static str,
    pub(crate) commands: &'static str,
    pub(crate) greeting: &'static str,
    pub(crate) unknown_code: &'static str,
}

impl Labels {
    pub(crate) const fn get(lang: Lang) -> &'static Labels {
        match lang {
            Lang::En => &EN,
            Lang::Fr => &FR,
        }
    }
}

const EN: Labels = Labels {
    unknown_title: "(no document defines this code)",
    category: "Category",
    function: "Function group",
    nonstandard: "Not defined by any RFC: some servers and clients use it, but a compliant server sends a standard code instead.",
    rfc_wording: "RFC wording",
    description: "Description",
    when_seen: "When you see it",
    remediation: "How to resolve it",
    client_advice: "For a client",
    next_step: "Next step",
    more_replies: "another reply to the same command follows",
    final_reply: "this is the last reply to the command",
    closes_control: "the server closes the control connection",
    keeps_control: "the control connection stays open",
    data_connection: "Data connection",
    meanings: "Meanings",
    sources: "Sources",
    related: "Related codes",
    commands: "Commands that may get this reply (RFC tables)",
    greeting: "the connection greeting",
    unknown_code: "No RFC or common server defines this code; its first two digits still give its category and function group.",
};

const FR: Labels = Labels {
    unknown_title: "(aucun document ne définit ce code)",
    category: "Catégorie",
    function: "Groupe fonctionnel",
    nonstandard: "Aucune RFC ne définit ce code : certains serveurs et clients l'emploient, mais un serveur conforme envoie un code standard à la place.",
    rfc_wording: "Libellé de la RFC",
    description: "Description",
    when_seen: "Quand vous le voyez",
    remediation: "Comment résoudre",
    client_advice: "Pour un client",
    next_step: "Étape suivante",
    more_replies: "une autre réponse à la même commande va suivre",
    final_reply: "c'est la dernière réponse à la commande",
    closes_control: "le serveur ferme la connexion de contrôle",
    keeps_control: "la connexion de contrôle reste ouverte",
    data_connection: "Connexion de données",
    meanings: "Significations",
    sources: "Sources",
    related: "Codes liés",
    commands: "Commandes qui peuvent recevoir cette réponse (tables des RFC)",
    greeting: "l'ouverture de la connexion",
    unknown_code: "Aucune RFC ni aucun serveur courant ne définit ce code ; ses deux premiers chiffres donnent tout de même sa catégorie et son groupe fonctionnel.",
};

/// `: ` in English, ` : ` in French (French typography puts a space before the colon).
pub(crate) const fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Fr => " : ",
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = self.lang;
        let l = Labels::get(lang);
        let c = colon(lang);
        let code = self.code;
        let category = code.category();
        let info = code.info();
        match info {
            Some(info) => writeln!(f, "{code} {}", info.title(lang))?,
            None => writeln!(f, "{code} {}", l.unknown_title)?,
        }
        writeln!(f)?;
        writeln!(
            f,
            "{}{c}{}xx {}",
            l.category,
            category.digit(),
            category.name(lang)
        )?;
        writeln!(f, "  {}", category.meaning(lang))?;
        writeln!(
            f,
            "{}{c}x{}x {}",
            l.function,
            code.digits()[1],
            code.function().name(lang)
        )?;
        let Some(info) = info else {
            writeln!(f)?;
            writeln!(f, "{}", l.unknown_code)?;
            writeln!(
                f,
                "{}{c}{}",
                l.next_step,
                code.retry_advice().describe(lang)
            )?;
            return Ok(());
        };
        if !info.is_standard() {
            writeln!(f, "{}", l.nonstandard)?;
        }
        writeln!(f)?;
        writeln!(f, "{}{c}\"{}\"", l.rfc_wording, info.rfc_wording())?;
        for (heading, body) in [
            (l.description, info.description(lang)),
            (l.when_seen, info.when_seen(lang)),
            (l.remediation, info.remediation(lang)),
        ] {
            writeln!(f)?;
            writeln!(f, "{heading}")?;
            writeln!(f, "  {body}")?;
        }
        write_commands(f, code, lang)?;
        if info.meanings().len() > 1 {
            writeln!(f)?;
            writeln!(f, "{}", l.meanings)?;
            for (i, m) in info.meanings().iter().enumerate() {
                write!(f, "  {}. {} \"{}\"", i + 1, m.source(), m.wording())?;
                if !m.commands().is_empty() {
                    write!(f, " (")?;
                    for (j, cmd) in m.commands().iter().enumerate() {
                        if j > 0 {
                            f.write_str(", ")?;
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
        writeln!(f, "{}", l.client_advice)?;
        let more = if code.more_replies_follow() {
            l.more_replies
        } else {
            l.final_reply
        };
        writeln!(f, "  - {more}")?;
        let control = if info.closes_control_connection() {
            l.closes_control
        } else {
            l.keeps_control
        };
        writeln!(f, "  - {control}")?;
        writeln!(
            f,
            "  - {}{c}{}",
            l.data_connection,
            info.data_connection().describe(lang)
        )?;
        writeln!(
            f,
            "  - {}{c}{}",
            l.next_step,
            info.retry_advice().describe(lang)
        )?;
        writeln!(f)?;
        write!(f, "{}{c}", l.sources)?;
        for (i, s) in info.sources().iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{s}")?;
        }
        writeln!(f)?;
        if !info.related().is_empty() {
            write!(f, "{}{c}", l.related)?;
            for (i, r) in info.related().iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
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
    use crate::command::{Role, commands_producing, greeting_expects};

    let l = Labels::get(lang);
    let c = colon(lang);
    let greeting = greeting_expects(code);
    if commands_producing(code).next().is_none() && greeting.is_none() {
        return Ok(());
    }
    writeln!(f)?;
    writeln!(f, "{}", l.commands)?;
    for role in [
        Role::Preliminary,
        Role::RestartMarker,
        Role::Intermediate,
        Role::Success,
        Role::Error,
        Role::ErrorAfterPreliminary,
        Role::Protected,
    ] {
        let mut cmds =
            commands_producing(code).filter(|(cmd, r)| *r == role && cmd.alias_of().is_none());
        let at_greeting = greeting == Some(role);
        let Some((first, _)) = cmds.next() else {
            if at_greeting {
                writeln!(f, "  - {}{c}{}", role_name(role, lang), l.greeting)?;
            }
            continue;
        };
        write!(f, "  - {}{c}", role_name(role, lang))?;
        if at_greeting {
            write!(f, "{}, ", l.greeting)?;
        }
        f.write_str(first.verb())?;
        for (cmd, _) in cmds {
            write!(f, ", {}", cmd.verb())?;
        }
        writeln!(f)?;
    }
    Ok(())
}

/// A short name for a role, as a list label.
const fn role_name(role: crate::command::Role, lang: Lang) -> &'static str {
    use crate::command::Role;
    match (role, lang) {
        (Role::Preliminary, Lang::En) => "as a preliminary reply",
        (Role::RestartMarker, Lang::En) => "as a restart marker",
        (Role::Intermediate, Lang::En) => "as an intermediate reply",
        (Role::Success, Lang::En) => "as the success reply",
        (Role::Error, Lang::En) => "as an error, instead of any preliminary reply",
        (Role::ErrorAfterPreliminary, Lang::En) => "as an error after the preliminary reply",
        (Role::Preliminary, Lang::Fr) => "comme réponse préliminaire",
        (Role::RestartMarker, Lang::Fr) => "comme marqueur de reprise",
        (Role::Intermediate, Lang::Fr) => "comme réponse intermédiaire",
        (Role::Success, Lang::Fr) => "comme réponse de succès",
        (Role::Error, Lang::Fr) => "comme erreur, sans réponse préliminaire",
        (Role::ErrorAfterPreliminary, Lang::Fr) => "comme erreur après la réponse préliminaire",
        (_, Lang::En) => "as a protected reply",
        (_, Lang::Fr) => "comme réponse protégée",
    }
}
