//! ProFTPD speaking French, live (issue 16 §3/§4): `LangEngine on`,
//! `LangDefault fr_FR`, `LangPath` on the catalogues unpacked from Debian's
//! proftpd-core, `ServerIdent off` and a neutral `DisplayConnect` banner, so
//! nothing in the greeting names the product. A short session with failing
//! commands; then the crate must name ProFTPD from the replies (not from the
//! greeting), diagnose its negative replies as ProFTPD's, and let no other
//! server claim them. `tests/data/servers/*.fr_FR.txt` is the same setup,
//! recorded; `src/identify/tests.rs` holds the unit tests on it.

use std::time::{Duration, Instant};

use ftp_reply::command::Command;
use ftp_reply::diagnosis::{Server as Known, diagnose_line_str};
use ftp_reply::identify::ServerIdentifier;

use crate::harness::{PASSWORD, require_proftpd_lang};
use crate::wire::Control;

/// Long enough for the reply to a wrong password, which servers delay.
const WAIT: Duration = Duration::from_secs(10);

/// glibc 2.36's French strerror(ENOENT) (libc-l10n, po/fr.po), which ProFTPD
/// appends to its 550 replies.
const ENOENT_FR: &str = "Aucun fichier ou dossier de ce type";

/// Sends `line`, feeds every reply up to the final one to each identifier,
/// and returns the final reply's first line (code included).
fn exchange(
    ctl: &mut Control,
    ids: &mut [&mut ServerIdentifier],
    line: &str,
    log: &mut String,
) -> String {
    ctl.send_raw(format!("{line}\r\n").as_bytes()).unwrap();
    let command = Command::from_verb(line.split(' ').next().unwrap_or_default());
    loop {
        let reply = ctl
            .read_reply(WAIT)
            .unwrap_or_else(|e| panic!("{line}: {e}\n{log}"));
        let first = reply.lines().next().unwrap_or_default().to_string();
        log.push_str(&format!("C: {line}\nS: {first}\n"));
        for id in ids.iter_mut() {
            id.observe(Some(command), &reply);
        }
        if !reply.code().is_preliminary() {
            return first;
        }
    }
}

#[test]
fn proftpd_in_french() {
    let started = Instant::now();
    let Some(srv) = require_proftpd_lang("fr_FR") else {
        return;
    };
    let mut ctl = Control::connect(srv.addr()).unwrap();
    // `id` never sees the greeting; `whole` sees the whole session.
    let mut id = ServerIdentifier::new();
    let mut whole = ServerIdentifier::new();
    let mut log = String::new();

    let greeting = ctl.read_reply(WAIT).unwrap();
    let text = greeting.text().into_owned();
    log.push_str(&format!("S: {} {text:?}\n", greeting.code()));
    assert!(
        !text.contains("ProFTPD"),
        "the greeting names the product: {text:?}"
    );
    whole.observe(None, &greeting);
    assert!(
        whole.best().is_none(),
        "named from the greeting alone: {text:?}"
    );

    let mut negatives = Vec::new();
    let script = [
        "USER test".to_owned(),
        "PASS wrong-password".to_owned(),
        "USER test".to_owned(),
        format!("PASS {PASSWORD}"),
        "CWD /no/such/directory".to_owned(),
        // ProFTPD refuses SIZE in ASCII mode before it looks at the file.
        "SIZE missing.txt".to_owned(),
        "TYPE I".to_owned(),
        "SIZE missing.txt".to_owned(),
        "MDTM missing.txt".to_owned(),
        "DELE missing.txt".to_owned(),
        "XYZZY".to_owned(),
        "TYPE Z".to_owned(),
        "MKD".to_owned(),
        "NOOP".to_owned(),
        "QUIT".to_owned(),
    ];
    for line in &script {
        let reply = exchange(&mut ctl, &mut [&mut id, &mut whole], line, &mut log);
        if reply.starts_with(['4', '5']) {
            negatives.push((line.clone(), reply));
        }
    }
    print!("{log}");

    // The server really speaks French: its own catalogue (mod_lang) and
    // glibc's strerror(3) in the session's LC_MESSAGES. (The last reply to
    // `verb`: SIZE is sent twice.)
    let said = |verb: &str| {
        negatives
            .iter()
            .rev()
            .find(|(l, _)| l.starts_with(verb))
            .map(|(_, r)| r.as_str())
            .unwrap_or_else(|| panic!("{verb}: no negative reply\n{log}"))
    };
    assert!(
        said("PASS").starts_with("530 Authentification incorrecte"),
        "{log}"
    );
    assert!(said("XYZZY").contains("non comprise"), "{log}");
    for verb in ["CWD", "SIZE", "MDTM", "DELE"] {
        let reply = said(verb);
        assert!(
            reply.starts_with("550 ") && reply.ends_with(ENOENT_FR),
            "{verb}: not glibc's French strerror(ENOENT) (is Debian's libc-l10n installed? \
             .ci/install-servers.sh installs it): {reply:?}\n{log}"
        );
    }

    // (a) ProFTPD is named from the replies: by an identifier that never
    // saw the greeting, and by one that saw it (whose greeting alone named
    // nothing, above).
    for (what, ident) in [("without the greeting", &id), ("whole session", &whole)] {
        let best = ident
            .best()
            .unwrap_or_else(|| panic!("{what}: not named\n{log}"));
        println!(
            "{what}: named {} (confidence {:?}, score {}, runner-up {})",
            best.server(),
            best.confidence(),
            best.score(),
            best.runner_up()
        );
        for e in ident.evidence() {
            println!(
                "  clue {} ({}, {:?}, {}, after {:?})",
                e.fingerprint().id(),
                e.server(),
                e.fingerprint().strength(),
                e.fingerprint().kind(),
                e.command().map(|c| c.to_string())
            );
        }
        assert_eq!(best.server(), Known::Proftpd, "{what}\n{log}");
    }

    // (b) every negative reply gets a ProFTPD diagnosis; (c) none is claimed
    // by another server as proof of that server.
    let mut missing = Vec::new();
    for (line, reply) in &negatives {
        let diagnoses: Vec<_> = diagnose_line_str(reply).unwrap().collect();
        let ids: Vec<_> = diagnoses
            .iter()
            .map(|d| {
                format!(
                    "{} ({}{})",
                    d.id(),
                    d.server(),
                    if d.is_server_specific() {
                        ", specific"
                    } else {
                        ""
                    }
                )
            })
            .collect();
        println!("{line:<24} {reply:?}\n  -> {ids:?}");
        for d in &diagnoses {
            assert!(
                d.server() == Known::Proftpd || !d.is_server_specific(),
                "{line}: {reply:?} diagnosed as {}, as if it proved {}",
                d.id(),
                d.server()
            );
        }
        if !diagnoses.iter().any(|d| d.server() == Known::Proftpd) {
            missing.push((line.clone(), reply.clone()));
        }
    }
    assert!(
        missing.is_empty(),
        "negative replies without a ProFTPD diagnosis: {missing:#?}"
    );
    println!("proftpd_in_french: {:?}", started.elapsed());
}
