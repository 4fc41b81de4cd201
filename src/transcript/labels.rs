//! Every human phrase of the transcript rendering, per language, with a
//! tiny renderer for their `{slot}`s.
//!
//! One struct of templates, one const per language. A template's `{name}`
//! slots are filled by [`fill`]; `{{` is a literal `{`. Nothing else of the
//! module holds words a user reads, so these move to data files as they are.

use core::fmt;

use crate::Lang;

/// The phrases of one language.
pub(crate) struct Labels {
    pub(crate) title: &'static str,
    pub(crate) format_line: &'static str,
    pub(crate) server_identified: &'static str,
    pub(crate) answers: &'static str,
    pub(crate) diagnosis: &'static str,
    pub(crate) client_error: &'static str,
    pub(crate) finding_unexpected: &'static str,
    pub(crate) finding_after_final: &'static str,
    pub(crate) finding_second_preliminary: &'static str,
    pub(crate) finding_marker_first: &'static str,
    pub(crate) finding_lenient: &'static str,
    pub(crate) finding_late_reply: &'static str,
    pub(crate) finding_missing_final: &'static str,
    pub(crate) finding_no_reply: &'static str,
    pub(crate) finding_unsolicited: &'static str,
    pub(crate) finding_closed_421: &'static str,
    pub(crate) finding_gap_server: &'static str,
    pub(crate) finding_gap_client: &'static str,
    pub(crate) finding_private_passive: &'static str,
    pub(crate) finding_bad_reply: &'static str,
    pub(crate) finding_bad_command: &'static str,
    pub(crate) finding_line_too_long: &'static str,
    pub(crate) finding_other_format: &'static str,
    pub(crate) finding_too_many_sessions: &'static str,
    pub(crate) finding_not_utf8: &'static str,
    pub(crate) verdict: &'static str,
    pub(crate) verdict_ok: &'static str,
    pub(crate) verdict_empty: &'static str,
    pub(crate) verdict_failed_reply: &'static str,
    pub(crate) verdict_failed_missing_final: &'static str,
    pub(crate) verdict_failed_no_reply: &'static str,
    pub(crate) verdict_failed_desync: &'static str,
    pub(crate) verdict_failed_client: &'static str,
    pub(crate) cause: &'static str,
    pub(crate) fix: &'static str,
    pub(crate) cause_missing_final: &'static str,
    pub(crate) fix_missing_final: &'static str,
    pub(crate) cause_no_reply: &'static str,
    pub(crate) fix_no_reply: &'static str,
    pub(crate) cause_desync: &'static str,
    pub(crate) fix_desync: &'static str,
    pub(crate) cause_nat: &'static str,
    pub(crate) fix_nat: &'static str,
    pub(crate) cause_client: &'static str,
    pub(crate) fix_client: &'static str,
    pub(crate) cause_unknown_code: &'static str,
    pub(crate) fix_unknown_code: &'static str,
    pub(crate) summary: &'static str,
    pub(crate) no_command: &'static str,
}

impl Labels {
    pub(crate) const fn get(lang: Lang) -> &'static Labels {
        match lang {
            Lang::Fr => &FR,
            // TEMPORARY (merge of `lang`): Spanish transcript labels are not
            // written yet; they move into src/kb/data with the other phrases.
            _ => &EN,
        }
    }
}

const EN: Labels = Labels {
    title: "FTP session analysis",
    format_line: "Log format: {format}",
    server_identified: "server identified from the greeting: {server}",
    answers: "answers {command} (line {line})",
    diagnosis: "{server} says so when: {cause} Fix: {fix}",
    client_error: "the client reported an error: {text}",
    finding_unexpected: "{command} got {code}, which the RFCs do not list for it",
    finding_after_final: "{code} came after {command} had its final reply: it answers no command, or the server answered twice",
    finding_second_preliminary: "{command} got a second preliminary reply, {code}",
    finding_marker_first: "{command} got the restart marker {code} before the reply that opens the transfer",
    finding_lenient: "{command} got {code}: not what the RFCs list, but servers do it (rule {rule})",
    finding_late_reply: "{code} answers {answers} (line {line}), not {latest} sent after it: a client that reads it as the reply to {latest} is out of step from here on",
    finding_missing_final: "{command} (line {line}) got {code} but never its final reply",
    finding_no_reply: "{command} (line {line}) got no reply",
    finding_unsolicited: "{code} answers no command",
    finding_closed_421: "the server closed the control connection with 421",
    finding_gap_server: "{seconds} s passed with nothing from the server while {command} waited for its reply",
    finding_gap_client: "{seconds} s passed before the client's next command",
    finding_private_passive: "the passive reply gives {address}, a private address: a client outside the server's network cannot reach it",
    finding_bad_reply: "not a valid reply: {reason}",
    finding_bad_command: "not a valid command: {reason}",
    finding_line_too_long: "the line is longer than {limit} bytes and was skipped",
    finding_other_format: "this line is in the {other} format, not {format}: the log mixes formats",
    finding_too_many_sessions: "more than {limit} sessions at once: the lines of a new one are skipped",
    finding_not_utf8: "the line is not valid UTF-8; invalid bytes are shown as \u{FFFD}",
    verdict: "Verdict",
    verdict_ok: "The session succeeded: {commands} commands, each with its final reply, and no failure left unresolved.",
    verdict_empty: "The log holds no FTP command or reply: there is nothing to judge.",
    verdict_failed_reply: "The session failed at line {line}: {command} got {code} ({title}): \"{text}\".",
    verdict_failed_missing_final: "The session failed at line {line}: {command} got {code}, then never its final reply.",
    verdict_failed_no_reply: "The session failed at line {line}: {command} got no reply at all.",
    verdict_failed_desync: "The session failed at line {line}: {code} arrived after {latest} was sent but answers {command}, sent earlier.",
    verdict_failed_client: "The session failed at line {line}: the client reported \"{text}\".",
    cause: "Cause:",
    fix: "Fix:",
    cause_missing_final: "the transfer started but the server never confirmed its end: the data connection stalled, or a firewall or NAT dropped it, or the log stops early.",
    fix_missing_final: "check that the data connection gets through (the passive port range open on the server's firewall), then retry with a longer client timeout.",
    cause_no_reply: "the server, or something between it and the client, stopped answering.",
    fix_no_reply: "check the network path and the server's state, then retry; a firewall that inspects FTP may be holding the command.",
    cause_desync: "the client did not wait for every reply of a transfer (the final 2xx after a 1xx) before sending its next command, so it reads each later reply against the wrong command.",
    fix_desync: "make the client read the final reply of every transfer before the next command; with an FTP library, upgrade it or report the bug with this log.",
    cause_nat: "the server announced a private address in its passive reply; the client cannot open the data connection to it from outside.",
    fix_nat: "give the server its public address for passive mode (vsftpd pasv_address, ProFTPD MasqueradeAddress, Pure-FTPd -P) and open its passive port range, or let the client use the control connection's address instead.",
    cause_client: "the client gave up; its message says why.",
    fix_client: "read the client's message and the lines just before it.",
    cause_unknown_code: "no RFC defines this code; its first digit says the command failed.",
    fix_unknown_code: "look the text up in the server's documentation.",
    summary: "{lines} lines read, {commands} commands, {replies} replies, {findings} findings.",
    no_command: "the connection",
};

const FR: Labels = Labels {
    title: "Analyse de la session FTP",
    format_line: "Format du journal : {format}",
    server_identified: "serveur reconnu d'après la bannière : {server}",
    answers: "répond à {command} (ligne {line})",
    diagnosis: "{server} renvoie cela quand : {cause} Correction : {fix}",
    client_error: "le client signale une erreur : {text}",
    finding_unexpected: "{command} a reçu {code}, que les RFC ne prévoient pas pour cette commande",
    finding_after_final: "{code} est arrivé alors que {command} avait déjà sa réponse finale : il ne répond à aucune commande, ou le serveur a répondu deux fois",
    finding_second_preliminary: "{command} a reçu une deuxième réponse préliminaire, {code}",
    finding_marker_first: "{command} a reçu le marqueur de reprise {code} avant la réponse qui ouvre le transfert",
    finding_lenient: "{command} a reçu {code} : les RFC ne le prévoient pas, mais les serveurs le font (règle {rule})",
    finding_late_reply: "{code} répond à {answers} (ligne {line}), pas à {latest} envoyé ensuite : un client qui le prend pour la réponse à {latest} est décalé à partir d'ici",
    finding_missing_final: "{command} (ligne {line}) a reçu {code} mais jamais sa réponse finale",
    finding_no_reply: "{command} (ligne {line}) n'a reçu aucune réponse",
    finding_unsolicited: "{code} ne répond à aucune commande",
    finding_closed_421: "le serveur a fermé la connexion de contrôle avec un 421",
    finding_gap_server: "{seconds} s sans rien du serveur alors que {command} attendait sa réponse",
    finding_gap_client: "{seconds} s avant la commande suivante du client",
    finding_private_passive: "la réponse passive donne {address}, une adresse privée : un client hors du réseau du serveur ne peut pas la joindre",
    finding_bad_reply: "réponse invalide : {reason}",
    finding_bad_command: "commande invalide : {reason}",
    finding_line_too_long: "la ligne dépasse {limit} octets ; elle est ignorée",
    finding_other_format: "cette ligne est au format {other}, pas {format} : le journal mélange plusieurs formats",
    finding_too_many_sessions: "plus de {limit} sessions à la fois : les lignes d'une nouvelle session sont ignorées",
    finding_not_utf8: "la ligne n'est pas en UTF-8 valide ; les octets invalides s'affichent \u{FFFD}",
    verdict: "Verdict",
    verdict_ok: "La session s'est bien passée : {commands} commandes, chacune avec sa réponse finale, et aucun échec resté sans suite.",
    verdict_empty: "Le journal ne contient aucune commande ni réponse FTP : rien à juger.",
    verdict_failed_reply: "La session a échoué ligne {line} : {command} a reçu {code} ({title}) : « {text} ».",
    verdict_failed_missing_final: "La session a échoué ligne {line} : {command} a reçu {code}, puis jamais sa réponse finale.",
    verdict_failed_no_reply: "La session a échoué ligne {line} : {command} n'a reçu aucune réponse.",
    verdict_failed_desync: "La session a échoué ligne {line} : {code} est arrivé après l'envoi de {latest} mais répond à {command}, envoyé avant.",
    verdict_failed_client: "La session a échoué ligne {line} : le client signale « {text} ».",
    cause: "Cause :",
    fix: "Correction :",
    cause_missing_final: "le transfert a démarré mais le serveur n'en a jamais confirmé la fin : la connexion de données s'est bloquée, un pare-feu ou le NAT l'a coupée, ou le journal s'arrête trop tôt.",
    fix_missing_final: "vérifiez que la connexion de données passe (plage de ports passifs ouverte sur le pare-feu du serveur), puis relancez avec un délai d'attente plus long côté client.",
    cause_no_reply: "le serveur, ou un équipement entre lui et le client, a cessé de répondre.",
    fix_no_reply: "vérifiez le réseau et l'état du serveur, puis relancez ; un pare-feu qui inspecte le FTP peut retenir la commande.",
    cause_desync: "le client n'a pas attendu toutes les réponses d'un transfert (le 2xx final après le 1xx) avant d'envoyer la commande suivante : il lit chaque réponse suivante comme celle de la mauvaise commande.",
    fix_desync: "faites lire au client la réponse finale de chaque transfert avant la commande suivante ; avec une bibliothèque FTP, mettez-la à jour ou signalez le bogue avec ce journal.",
    cause_nat: "le serveur annonce une adresse privée dans sa réponse passive ; de l'extérieur, le client ne peut pas y ouvrir la connexion de données.",
    fix_nat: "indiquez au serveur son adresse publique pour le mode passif (pasv_address pour vsftpd, MasqueradeAddress pour ProFTPD, -P pour Pure-FTPd) et ouvrez sa plage de ports passifs, ou réglez le client pour qu'il reprenne l'adresse de la connexion de contrôle.",
    cause_client: "le client a abandonné ; son message dit pourquoi.",
    fix_client: "lisez le message du client et les lignes qui le précèdent.",
    cause_unknown_code: "aucune RFC ne définit ce code ; son premier chiffre indique que la commande a échoué.",
    fix_unknown_code: "cherchez le texte dans la documentation du serveur.",
    summary: "{lines} lignes lues, {commands} commandes, {replies} réponses, {findings} constats.",
    no_command: "la connexion",
};

/// Writes `template` with each `{name}` replaced by the matching value of
/// `slots`; an unknown slot is written as is.
pub(crate) fn fill(
    out: &mut dyn fmt::Write,
    template: &str,
    slots: &[(&str, &dyn fmt::Display)],
) -> fmt::Result {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.write_str(&rest[..open])?;
        let after = &rest[open + 1..];
        if let Some(r) = after.strip_prefix('{') {
            out.write_char('{')?;
            rest = r;
            continue;
        }
        if let Some(close) = after.find('}') {
            let name = &after[..close];
            match slots.iter().find(|(n, _)| *n == name) {
                Some((_, v)) => write!(out, "{v}")?,
                None => write!(out, "{{{name}}}")?,
            }
            rest = &after[close + 1..];
        } else {
            out.write_str(&rest[open..])?;
            rest = "";
        }
    }
    out.write_str(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    fn slots_of(t: &str) -> alloc::vec::Vec<&str> {
        let mut v = alloc::vec::Vec::new();
        let mut rest = t;
        while let Some(o) = rest.find('{') {
            let c = rest[o..].find('}').unwrap() + o;
            v.push(&rest[o + 1..c]);
            rest = &rest[c + 1..];
        }
        v.sort_unstable();
        v
    }

    #[test]
    fn fills_slots() {
        let mut s = String::new();
        fill(
            &mut s,
            "{command} got {code} {{x}",
            &[("command", &"PWD"), ("code", &226)],
        )
        .unwrap();
        assert_eq!(s, "PWD got 226 {x}");
        let mut s = String::new();
        fill(&mut s, "{missing} {open", &[]).unwrap();
        assert_eq!(s, "{missing} {open");
    }

    /// Both languages use the same slots in every template, so no value is
    /// lost in translation.
    #[test]
    fn languages_agree_on_slots() {
        macro_rules! check {
            ($($f:ident),*) => {$(
                assert_eq!(slots_of(EN.$f), slots_of(FR.$f), stringify!($f));
                assert!(!FR.$f.is_empty() && !EN.$f.is_empty());
            )*};
        }
        check!(
            title,
            format_line,
            server_identified,
            answers,
            diagnosis,
            client_error,
            finding_unexpected,
            finding_after_final,
            finding_second_preliminary,
            finding_marker_first,
            finding_lenient,
            finding_late_reply,
            finding_missing_final,
            finding_no_reply,
            finding_unsolicited,
            finding_closed_421,
            finding_gap_server,
            finding_gap_client,
            finding_private_passive,
            finding_bad_reply,
            finding_bad_command,
            finding_line_too_long,
            finding_other_format,
            finding_too_many_sessions,
            finding_not_utf8,
            verdict,
            verdict_ok,
            verdict_empty,
            verdict_failed_reply,
            verdict_failed_missing_final,
            verdict_failed_no_reply,
            verdict_failed_desync,
            verdict_failed_client,
            cause,
            fix,
            cause_missing_final,
            fix_missing_final,
            cause_no_reply,
            fix_no_reply,
            cause_desync,
            fix_desync,
            cause_nat,
            fix_nat,
            cause_client,
            fix_client,
            cause_unknown_code,
            fix_unknown_code,
            summary,
            no_command
        );
    }
}
