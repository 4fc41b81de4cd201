//! The identification through the public API: properties on arbitrary
//! replies (never a panic, bounds and thresholds hold), and the fingerprint
//! table as documented.

mod fuzz_checks;

use ftp_reply::command::Command;
use ftp_reply::diagnosis::Server;
use ftp_reply::identify::{Confidence, Fingerprint, ServerIdentifier, Strength};
use ftp_reply::{Reply, ReplyCode};
use proptest::prelude::*;

/// Lines made of fingerprint words, so that properties reach the matches.
fn line() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "vsFTPd",
        "3.0.3",
        "-",
        "secure,",
        "fast,",
        "stable",
        "End",
        "FEAT.",
        "Features",
        "supported:",
        "UTF8",
        "EPRT",
        "IDLE",
        "MDTM",
        "SIZE",
        "MFMT",
        "REST",
        "STREAM",
        "Powered",
        "by",
        "libunftp:",
        "0.24.0",
        "Zzz...",
        "END",
        "(vsFTPd",
        "3.0.5)",
        "{v}",
        "{*}",
        "pyftpdlib",
        "ready.",
        "ProFTPD",
        "Server",
        "(x)",
        "[1.2.3.4]",
        "\u{e9}",
    ]);
    prop::collection::vec(words, 0..8).prop_map(|w| w.join(" "))
}

fn reply() -> impl Strategy<Value = (u16, Vec<String>)> {
    let code = prop::sample::select(vec![
        150u16, 200, 211, 214, 215, 220, 226, 230, 331, 500, 550,
    ]);
    (code, prop::collection::vec(line(), 1..6))
}

proptest! {
    #[test]
    fn arbitrary_replies_keep_the_invariants(
        session in prop::collection::vec((reply(), any::<Option<u8>>()), 0..30)
    ) {
        let commands: Vec<Command> = Command::all().collect();
        let mut id = ServerIdentifier::new();
        for ((code, lines), pick) in &session {
            let code = ReplyCode::new(*code).unwrap();
            let n = lines.len();
            let raw: Vec<String> = lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    if i + 1 == n {
                        format!("{} {l}", code)
                    } else if i == 0 {
                        format!("{}-{l}", code)
                    } else {
                        format!(" {l}")
                    }
                })
                .collect();
            let command = pick.map(|p| commands[usize::from(p) % commands.len()]);
            id.observe_lines(command, code, raw.iter().map(String::as_bytes));
            // The same reply through `Reply` gives the same result.
            let text = raw.join("\r\n") + "\r\n";
            let parsed = Reply::parse(text.as_bytes()).unwrap();
            let mut again = id.clone();
            again.observe(command, &parsed);
            prop_assert_eq!(again.best().map(|b| b.score()), id.best().map(|b| b.score()));
        }
        let input: Vec<u8> = session
            .iter()
            .flat_map(|((code, lines), _)| format!("{code} {}\r\n", lines.join(" ")).into_bytes())
            .collect();
        fuzz_checks::identify(&input);
        if let Some(best) = id.best() {
            prop_assert!(best.score() >= 60 && best.score() - best.runner_up() >= 40);
            prop_assert!(best.confidence() != Confidence::Certain
                || best.evidence().any(|e| e.fingerprint().strength() == Strength::Names));
        }
    }
}

#[test]
fn every_fingerprint_cites_a_source_and_a_known_server() {
    let all = Fingerprint::all();
    assert!(all.len() >= 90, "{}", all.len());
    for server in [
        Server::Vsftpd,
        Server::Proftpd,
        Server::PureFtpd,
        Server::Pyftpdlib,
        Server::Libunftp,
    ] {
        let n = all.iter().filter(|f| f.server() == server).count();
        assert!(n >= 10, "{server}: {n} fingerprints");
    }
    for f in all {
        assert!(f.source().len() > 10, "{}", f.id());
        assert!(
            f.pattern().is_some() || f.feature_order().is_some() || f.id().contains("greeting")
        );
    }
}

#[test]
fn a_generic_session_names_nobody() {
    let mut id = ServerIdentifier::new();
    for (c, r) in [
        (None, "220 Service ready\r\n"),
        (
            Some(Command::User),
            "331 User name okay, need password.\r\n",
        ),
        (Some(Command::Pass), "530 Not logged in.\r\n"),
        (Some(Command::Syst), "215 UNIX Type: L8\r\n"),
        (
            Some(Command::Quit),
            "221 Service closing control connection.\r\n",
        ),
    ] {
        id.observe(c, &Reply::parse(r.as_bytes()).unwrap());
    }
    assert!(id.best().is_none());
    assert_eq!(id.replies_observed(), 5);
}

#[test]
fn filezilla_server_names_itself_in_syst() {
    let mut id = ServerIdentifier::new();
    id.observe(
        Some(Command::Syst),
        &Reply::parse(b"215 UNIX emulated by FileZilla.\r\n").unwrap(),
    );
    let best = id.best().unwrap();
    assert_eq!(best.server(), Server::FilezillaServer);
    assert_eq!(best.confidence(), Confidence::Certain);
    assert!(best.version().is_none());
}

#[cfg(feature = "serde")]
#[test]
fn identification_serializes_with_its_evidence() {
    let mut id = ServerIdentifier::new();
    id.observe(
        Some(Command::Stat),
        &Reply::parse(
            b"211-FTP server status:\r\n     vsFTPd 3.0.3 - secure, fast, stable\r\n211 End of status\r\n",
        )
        .unwrap(),
    );
    let json = serde_json::to_value(id.best().unwrap()).unwrap();
    assert_eq!(json["server"], "vsftpd");
    assert_eq!(json["version"], "3.0.3");
    assert_eq!(json["confidence"], "certain");
    assert_eq!(json["score"], 100);
    assert_eq!(json["runner_up"], 0);
    let clue = &json["evidence"][0];
    assert_eq!(clue["id"], "vsftpd-stat-version");
    assert_eq!(clue["kind"], "status");
    assert_eq!(clue["strength"], "names");
    assert_eq!(clue["code"], 211);
    assert_eq!(clue["command"], "STAT");
    assert_eq!(clue["version"], "3.0.3");
    assert!(clue["source"].as_str().unwrap().contains("postlogin.c"));
}
