//! Unit tests on the recorded sessions of `tests/data/servers/`, with their
//! greetings replaced by a neutral text, and negative tests.

use alloc::vec::Vec;

use super::{Confidence, Fingerprint, MAX_EVIDENCE, ServerIdentifier, Strength};
use crate::command::Command;
use crate::{Reply, ReplyCode, ReplyDecoder, Server};

const VSFTPD: &str = include_str!("../../tests/data/servers/vsftpd-3.0.3-13+b2.txt");
const PROFTPD: &str = include_str!("../../tests/data/servers/proftpd-1.3.8+dfsg-4+deb12u5.txt");
const PURE_FTPD: &str = include_str!("../../tests/data/servers/pure-ftpd-1.0.50-2.1+b2.txt");
const PYFTPDLIB: &str = include_str!("../../tests/data/servers/pyftpdlib-2.2.0.txt");
const LIBUNFTP: &str = include_str!("../../tests/data/servers/libunftp-0.24.0.txt");

const PROFTPD_FR: &str =
    include_str!("../../tests/data/servers/proftpd-1.3.8+dfsg-4+deb12u5.fr_FR.txt");
const PROFTPD_ES: &str =
    include_str!("../../tests/data/servers/proftpd-1.3.8+dfsg-4+deb12u5.es_ES.txt");

/// ProFTPD speaking French and Spanish (`LangDefault`), `ServerIdent off`.
const LOCALIZED_CAPTURES: [(&str, &str, Server); 2] = [
    (
        "proftpd-1.3.8+dfsg-4+deb12u5.fr_FR.txt",
        PROFTPD_FR,
        Server::Proftpd,
    ),
    (
        "proftpd-1.3.8+dfsg-4+deb12u5.es_ES.txt",
        PROFTPD_ES,
        Server::Proftpd,
    ),
];

const CAPTURES: [(&str, &str, Server); 5] = [
    ("vsftpd-3.0.3-13+b2.txt", VSFTPD, Server::Vsftpd),
    ("proftpd-1.3.8+dfsg-4+deb12u5.txt", PROFTPD, Server::Proftpd),
    ("pure-ftpd-1.0.50-2.1+b2.txt", PURE_FTPD, Server::PureFtpd),
    ("pyftpdlib-2.2.0.txt", PYFTPDLIB, Server::Pyftpdlib),
    ("libunftp-0.24.0.txt", LIBUNFTP, Server::Libunftp),
];

/// The replies of a recorded session (every connection), each with the
/// command it answers (`None` for greetings).
fn replies(transcript: &str) -> Vec<(Option<Command>, Reply)> {
    let mut out = Vec::new();
    for connection in transcript.split("--- connection closed ---\n") {
        let mut decoder = ReplyDecoder::new();
        let mut command = None;
        for line in connection.lines() {
            if let Some(c) = line.strip_prefix("C: ") {
                // The Telnet IP/DM bytes before ABOR show as U+FFFD.
                let verb = c.trim_start_matches('\u{FFFD}');
                let verb = verb.split(' ').next().unwrap_or_default();
                command = Some(Command::from_verb(verb));
            } else if let Some(s) = line.strip_prefix("S: ") {
                decoder.feed(s.as_bytes());
                decoder.feed(b"\r\n");
                while let Some(reply) = decoder.next_reply().expect("recorded replies decode") {
                    out.push((command, reply));
                }
            }
        }
    }
    out
}

/// The session with every greeting replaced by a neutral one.
fn neutral(transcript: &str) -> Vec<(Option<Command>, Reply)> {
    replies(transcript)
        .into_iter()
        .map(|(c, r)| {
            if c.is_none() {
                (
                    c,
                    Reply::parse(b"220 Welcome to the file service\r\n").unwrap(),
                )
            } else {
                (c, r)
            }
        })
        .collect()
}

fn identify(session: &[(Option<Command>, Reply)]) -> ServerIdentifier {
    let mut id = ServerIdentifier::new();
    for (command, reply) in session {
        id.observe(*command, reply);
    }
    id
}

#[test]
fn recorded_sessions_without_banner_are_named() {
    let want = [
        (Server::Vsftpd, Some("3.0.3"), Confidence::Certain),
        (Server::Proftpd, None, Confidence::High),
        (Server::PureFtpd, None, Confidence::Certain),
        (Server::Pyftpdlib, None, Confidence::High),
        (Server::Libunftp, Some("0.24.0"), Confidence::Certain),
    ];
    for ((name, text, server), (s, version, confidence)) in CAPTURES.iter().zip(want) {
        assert_eq!(*server, s);
        let id = identify(&neutral(text));
        let best = id.best().unwrap_or_else(|| panic!("{name}: not named"));
        assert_eq!(best.server(), *server, "{name}");
        assert_eq!(
            best.version().map(super::ServerVersion::as_str),
            version,
            "{name}"
        );
        assert_eq!(
            best.confidence(),
            confidence,
            "{name}: score {}",
            best.score()
        );
        assert_eq!(best.runner_up(), 0, "{name}: another server scored");
        assert!(best.evidence().count() >= 3, "{name}");
    }
}

/// No fingerprint of one server fires on another server's recorded session:
/// every clue seen in a session points at the server that sent it.
#[test]
fn no_clue_points_at_the_wrong_server() {
    for (name, text, server) in CAPTURES.into_iter().chain(LOCALIZED_CAPTURES) {
        let id = identify(&replies(text));
        for e in id.evidence() {
            assert_eq!(e.server(), server, "{name}: {} fired", e.fingerprint().id());
        }
    }
}

/// Each fingerprint whose source cites a recorded session fires on it, so
/// the citation is checked.
#[test]
fn cited_sessions_show_their_fingerprints() {
    let mut missing = Vec::new();
    for fp in Fingerprint::all() {
        let Some((_, file)) = fp.source().split_once("seen in tests/data/servers/") else {
            continue;
        };
        let (_, text, server) = CAPTURES
            .iter()
            .chain(&LOCALIZED_CAPTURES)
            .find(|(name, ..)| *name == file)
            .unwrap_or_else(|| panic!("{}: no capture {file}", fp.id()));
        assert_eq!(fp.server(), *server, "{}", fp.id());
        let id = identify(&replies(text));
        assert_eq!(id.evidence_dropped(), 0);
        if !id.evidence().any(|e| e.fingerprint().id() == fp.id()) {
            missing.push(fp.id());
        }
    }
    assert!(
        missing.is_empty(),
        "cited sessions that do not show them: {missing:?}"
    );
}

/// A ProFTPD that speaks French or Spanish, its banner hidden, is still
/// named; and from its translated texts alone (the replies that an English
/// fingerprint or a language-neutral one recognises left out: FEAT, the
/// untranslated 501/504 and MLST).
#[test]
fn localized_proftpd_without_banner_is_named() {
    for (name, text, _) in LOCALIZED_CAPTURES {
        let session = neutral(text);
        let whole = identify(&session);
        let best = whole.best().unwrap_or_else(|| panic!("{name}: not named"));
        assert_eq!(best.server(), Server::Proftpd, "{name}");
        assert_eq!(best.runner_up(), 0, "{name}");
        assert_eq!(
            best.confidence(),
            Confidence::High,
            "{name}: {}",
            best.score()
        );

        let translated: Vec<_> = session
            .into_iter()
            .filter(|(c, _)| {
                matches!(
                    c,
                    None | Some(
                        Command::User
                            | Command::Pass
                            | Command::Help
                            | Command::Stat
                            | Command::Noop
                    )
                )
            })
            .collect();
        let id = identify(&translated);
        let best = id
            .best()
            .unwrap_or_else(|| panic!("{name}: not named from its translations"));
        assert_eq!(best.server(), Server::Proftpd, "{name}");
        let lang = if name.contains(".fr_FR.") {
            "-fr-"
        } else {
            "-es-"
        };
        assert!(best.evidence().count() >= 3, "{name}");
        for e in best.evidence() {
            assert!(
                e.fingerprint().id().contains(lang),
                "{name}: {} fired",
                e.fingerprint().id()
            );
        }
    }
    // The same replies in English name ProFTPD too: the translations are
    // the same clues, not extra weight.
    let english: Vec<_> = neutral(PROFTPD)
        .into_iter()
        .filter(|(c, _)| {
            matches!(
                c,
                None | Some(Command::Help | Command::Stat | Command::Noop)
            )
        })
        .collect();
    let fr: Vec<_> = neutral(PROFTPD_FR)
        .into_iter()
        .filter(|(c, _)| {
            matches!(
                c,
                None | Some(Command::Help | Command::Stat | Command::Noop)
            )
        })
        .collect();
    assert_eq!(
        identify(&english).score(Server::Proftpd),
        identify(&fr).score(Server::Proftpd)
    );
}

/// A German Pure-FTPd (`./configure --with-language=german`), banner hidden:
/// the texts of Pure-FTPd 1.0.54 `src/messages_de.h`, composed as
/// `src/ftpd.c` composes them.
#[test]
fn localized_pure_ftpd_without_banner_is_named() {
    let mut id = ServerIdentifier::new();
    for (c, r) in [
        (None, "220 Welcome to the file service\r\n"),
        (
            Some(Command::User),
            "331 Benutzer test gefunden. Passwort erforderlich.\r\n",
        ),
        (
            Some(Command::Pass),
            "530 Authentifizierung fehlgeschlagen.\r\n",
        ),
        (Some(Command::Pass), "230 Aktuelles Verzeichnis ist /.\r\n"),
        (
            Some(Command::Mkd),
            "257 \"neu\" : Das Verzeichnis wurde erfolgreich angelegt.\r\n",
        ),
        (Some(Command::Other), "500 Unbekannter Befehl.\r\n"),
    ] {
        id.observe(c, &reply(r));
    }
    let best = id.best().expect("named from the German texts");
    assert_eq!(best.server(), Server::PureFtpd);
    assert_eq!(best.confidence(), Confidence::High);
    assert!(
        best.evidence()
            .all(|e| e.fingerprint().id().starts_with("pure-ftpd-de-"))
    );
}

/// Translated texts that several servers send, or that say too little,
/// name nobody, like their English originals.
#[test]
fn generic_localized_texts_name_nobody() {
    let mut id = ServerIdentifier::new();
    for (c, r) in [
        (None, "220 Serveur FTP prêt\r\n"),
        (Some(Command::User), "331 Mot de passe requis pour test\r\n"),
        (Some(Command::Pass), "530 Authentification incorrecte.\r\n"),
        (Some(Command::Syst), "215 UNIX Type: L8\r\n"),
        (Some(Command::Type), "200 Type paramétré à I\r\n"),
        (
            Some(Command::Cwd),
            "550 /x: Aucun fichier ou dossier de ce type\r\n",
        ),
        (
            Some(Command::Retr),
            "550 /x: Datei oder Verzeichnis nicht gefunden\r\n",
        ),
        (Some(Command::Quit), "221 Au revoir.\r\n"),
    ] {
        id.observe(c, &reply(r));
    }
    assert!(id.best().is_none());
    assert_eq!(
        id.evidence().count(),
        0,
        "{:?}",
        id.evidence().collect::<Vec<_>>()
    );
    // One translated clue, however telltale, is one clue.
    let mut id = ServerIdentifier::new();
    id.observe(
        Some(Command::Noop),
        &reply("200 Commande NOOP exécutée avec succès\r\n"),
    );
    id.observe(
        Some(Command::Noop),
        &reply("200 Commande NOOP exécutée avec succès\r\n"),
    );
    assert_eq!(id.score(Server::Proftpd), 20);
    assert!(id.best().is_none());
}

#[test]
fn the_table_is_well_formed() {
    let all = Fingerprint::all();
    assert!(all.len() < 64 * super::fingerprints::SEEN_WORDS + 1);
    for (i, a) in all.iter().enumerate() {
        assert!(!a.source().is_empty(), "{}", a.id());
        assert!(ReplyCode::new(a.code).is_ok(), "{}", a.id());
        assert!(
            a.id().starts_with(a.server().id()),
            "{}: id names its server",
            a.id()
        );
        for b in &all[i + 1..] {
            assert_ne!(a.id(), b.id());
        }
        if let Some(p) = a.pattern() {
            assert!(
                !p.is_empty() && p.trim() == p,
                "{}: trimmed, non-empty pattern",
                a.id()
            );
        }
    }
}

#[test]
fn recorded_banners_are_named_too() {
    // With their own greetings (which hide the product in these recordings
    // except ProFTPD's ServerIdent line), the result is the same server.
    for (name, text, server) in CAPTURES {
        let best = identify(&replies(text)).best().map(|b| b.server());
        assert_eq!(best, Some(server), "{name}");
    }
    let id = identify(&replies(PROFTPD));
    assert_eq!(id.best().unwrap().confidence(), Confidence::Certain);
}

fn reply(s: &str) -> Reply {
    Reply::parse(s.as_bytes()).unwrap()
}

#[test]
fn too_little_evidence_names_nobody() {
    // Texts several servers send.
    let mut id = ServerIdentifier::new();
    for (c, r) in [
        (None, "220 FTP server ready.\r\n"),
        (Some(Command::User), "331 Password required\r\n"),
        (Some(Command::Pass), "530 Login incorrect.\r\n"),
        (Some(Command::Pass), "230 Login successful.\r\n"),
        (Some(Command::Syst), "215 UNIX Type: L8\r\n"),
        (
            Some(Command::Feat),
            "211-Features:\r\n EPSV\r\n MDTM\r\n211 End\r\n",
        ),
        (Some(Command::Type), "200 Type set to I\r\n"),
        (Some(Command::Cwd), "550 /x: No such file or directory\r\n"),
        (Some(Command::Quit), "221 Goodbye.\r\n"),
    ] {
        id.observe(c, &reply(r));
    }
    assert!(id.best().is_none());
    assert_eq!(
        id.evidence().count(),
        0,
        "{:?}",
        id.evidence().collect::<Vec<_>>()
    );

    // One strong clue, however often repeated.
    let mut id = ServerIdentifier::new();
    for _ in 0..5 {
        id.observe(
            Some(Command::User),
            &reply("331 Please specify the password.\r\n"),
        );
    }
    assert_eq!(id.score(Server::Vsftpd), 40);
    assert!(id.best().is_none());

    // A real session cut after the login: vsftpd's prompt is its only clue.
    let login: Vec<_> = neutral(VSFTPD).into_iter().take(5).collect();
    assert!(identify(&login).best().is_none());

    // One telltale reply is one clue.
    let mut id = ServerIdentifier::new();
    id.observe(
        Some(Command::Feat),
        &reply("211-Features supported:\r\n MLST type*;perm*;size*;modify*;unique*;unix.mode;unix.uid;unix.gid;\r\n211 End FEAT.\r\n"),
    );
    assert_eq!(id.score(Server::Pyftpdlib), 40);
    assert_eq!(id.evidence().count(), 3);
    assert!(id.best().is_none());
}

#[test]
fn conflicting_evidence_names_nobody() {
    let mut id = ServerIdentifier::new();
    id.observe(None, &reply("220 (vsFTPd 3.0.3)\r\n"));
    id.observe(
        Some(Command::Help),
        &reply("214-Help:\r\nPowered by libunftp: 0.24.0\r\n214 View the docs at: https://unftp.rs/\r\n"),
    );
    assert_eq!(id.score(Server::Vsftpd), 100);
    assert_eq!(id.score(Server::Libunftp), 100);
    assert!(id.best().is_none());
}

#[test]
fn a_lying_banner_is_outvoted_by_the_wording() {
    let mut session = neutral(PROFTPD);
    session[0].1 = reply("220 (vsFTPd 3.0.3)\r\n");
    let id = identify(&session);
    let best = id.best().expect("ProFTPD's wording outweighs one banner");
    assert_eq!(best.server(), Server::Proftpd);
    assert_eq!(best.runner_up(), 100);
    assert_eq!(best.confidence(), Confidence::High);
    assert!(best.evidence().all(|e| e.server() == Server::Proftpd));
}

#[test]
fn versions_come_from_the_clues_that_show_them() {
    let mut id = ServerIdentifier::new();
    id.observe(
        Some(Command::Other),
        &reply("200 name=ProFTPD;version=1.3.8rc4;casesensitive=1;\r\n"),
    );
    let best = id.best().unwrap();
    assert_eq!(
        (best.server(), best.confidence()),
        (Server::Proftpd, Confidence::Certain)
    );
    assert_eq!(best.version().unwrap(), &"1.3.8rc4");

    let mut id = ServerIdentifier::new();
    id.observe(
        None,
        &reply("220-FileZilla Server 1.9.4\r\n220 Please visit https://filezilla-project.org/\r\n"),
    );
    assert_eq!(id.best().unwrap().version().unwrap().as_str(), "1.9.4");

    // Too long a version is not kept; the server is still named.
    let mut id = ServerIdentifier::new();
    id.observe(
        None,
        &reply("220 pyftpdlib 1234567890.1234567890.1234567890 ready.\r\n"),
    );
    let best = id.best().unwrap();
    assert_eq!(best.server(), Server::Pyftpdlib);
    assert!(best.version().is_none());
}

#[test]
fn the_command_filters_only_when_given() {
    let help = "214-The following commands are recognized.\r\n ABOR\r\n214 Help OK.\r\n";
    let mut id = ServerIdentifier::new();
    id.observe(Some(Command::Stat), &reply(help));
    assert_eq!(
        id.score(Server::Vsftpd),
        0,
        "HELP's wording does not count as STAT's reply"
    );
    id.observe(None, &reply(help));
    assert_eq!(id.score(Server::Vsftpd), 40);
}

#[test]
fn evidence_is_bounded() {
    let mut id = ServerIdentifier::new();
    let mut replies_fed = 0;
    let mut distinct = 0;
    for (_, capture, _) in CAPTURES {
        distinct += identify(&replies(capture)).evidence().count();
        for (c, r) in replies(capture) {
            id.observe(c, &r);
            replies_fed += 1;
        }
    }
    assert!(
        distinct > MAX_EVIDENCE,
        "the test must overflow the evidence"
    );
    assert_eq!(id.evidence().count(), MAX_EVIDENCE);
    assert_eq!(
        id.evidence().count() + usize::try_from(id.evidence_dropped()).unwrap(),
        distinct
    );
    assert_eq!(id.replies_observed(), replies_fed);
}

#[test]
fn labels_exist_in_every_language() {
    use crate::Lang;
    for lang in Lang::ALL {
        for s in [Strength::Weak, Strength::Strong, Strength::Names] {
            assert!(!s.label(lang).is_empty());
        }
        for c in [Confidence::Likely, Confidence::High, Confidence::Certain] {
            assert!(!c.label(lang).is_empty());
        }
        if lang != Lang::En {
            for fp in Fingerprint::all() {
                assert_ne!(fp.kind().label(Lang::En), fp.kind().label(lang));
            }
        }
    }
}

/// The diagnosis table's examples are texts each server sends, read in its
/// source: no fingerprint of another server may fire on them.
#[test]
fn diagnosis_examples_point_at_their_own_server_only() {
    let mut wrong = Vec::new();
    let mut fired = 0;
    for row in crate::Diagnosis::all() {
        let Ok(reply) = Reply::parse(row.example().as_bytes()) else {
            continue;
        };
        let mut id = ServerIdentifier::new();
        id.observe(None, &reply);
        fired += usize::from(id.evidence().next().is_some());
        for e in id.evidence() {
            if e.server() != row.server() {
                wrong.push((row.id(), e.fingerprint().id()));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert!(
        fired >= 40,
        "only {fired} examples show a fingerprint: the test checks little"
    );
}
