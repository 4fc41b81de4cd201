//! The diagnosis table through the public API.

use std::collections::BTreeSet;

use ftp_reply::diagnosis::{
    Diagnosis, Server, diagnose_line_str, diagnose_str, identify_server_str,
};
use ftp_reply::{Lang, ReplyCode};

fn split(example: &str) -> (ReplyCode, &str) {
    let code = ReplyCode::parse_str(example).unwrap_or_else(|e| panic!("{example:?}: {e}"));
    (code, example.get(4..).unwrap_or(""))
}

#[test]
fn every_example_matches_its_own_row_and_only_declared_overlaps() {
    let all = Diagnosis::all();
    let ids: BTreeSet<&str> = all.iter().map(Diagnosis::id).collect();
    assert_eq!(ids.len(), all.len(), "duplicate ids");
    for row in all {
        let (code, text) = split(row.example());
        assert_eq!(code, row.code(), "{}", row.id());
        assert!(
            row.matches(text),
            "{}: example does not match {:?}",
            row.id(),
            row.pattern()
        );
        let found: BTreeSet<&str> = diagnose_str(code, text)
            .map(Diagnosis::id)
            .filter(|&id| id != row.id())
            .collect();
        let declared: BTreeSet<&str> = row.overlaps().iter().copied().collect();
        assert_eq!(found, declared, "{}: overlapping rows", row.id());
        assert!(diagnose_str(code, text).any(|d| d.id() == row.id()));
        for o in row.overlaps() {
            assert!(ids.contains(o), "{}: unknown overlap {o}", row.id());
        }
    }
}

#[test]
fn every_row_has_prose_in_both_languages_and_a_source() {
    for row in Diagnosis::all() {
        for lang in Lang::all() {
            assert!(!row.cause(lang).trim().is_empty(), "{}", row.id());
            assert!(!row.fix(lang).trim().is_empty(), "{}", row.id());
        }
        for other in Lang::ALL.into_iter().filter(|&l| l != Lang::default()) {
            assert_ne!(
                row.cause(Lang::default()),
                row.cause(other),
                "{} {other}",
                row.id()
            );
            assert_ne!(
                row.fix(Lang::default()),
                row.fix(other),
                "{} {other}",
                row.id()
            );
        }
        assert!(!row.source().is_empty(), "{}", row.id());
        assert!(row.id().starts_with(row.server().id()), "{}", row.id());
        if row.is_banner() {
            assert_eq!(row.code(), 220, "{}", row.id());
        }
    }
}

#[test]
fn rows_are_ordered_by_code_then_specificity() {
    let all = Diagnosis::all();
    for w in all.windows(2) {
        assert!(w[0].code() <= w[1].code());
    }
}

#[test]
fn the_issue_examples() {
    let d: Vec<_> = diagnose_line_str("421 Too many connections (8) from this IP")
        .unwrap()
        .collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].server(), Server::PureFtpd);
    let d: Vec<_> =
        diagnose_line_str("500 OOPS: vsftpd: refusing to run with writable root inside chroot()")
            .unwrap()
            .collect();
    assert_eq!(d[0].id(), "vsftpd-writable-chroot");
    assert!(d[0].fix(Lang::En).contains("allow_writeable_chroot"));
    assert!(d[0].fix(Lang::Fr).contains("allow_writeable_chroot"));
    // The catch-all OOPS row comes after the specific one.
    assert!(d.len() >= 2 && d.last().unwrap().pattern().len() < d[0].pattern().len());
}

#[test]
fn review_corrections_of_issue_16() {
    let first = |line: &str| diagnose_line_str(line).unwrap().next().map(Diagnosis::id);
    // mod_core.c core_port: 500 for a refused address or port, 501 for a malformed argument.
    assert_eq!(
        first("500 Illegal PORT command"),
        Some("proftpd-illegal-port")
    );
    assert_eq!(
        first("501 Illegal PORT command"),
        Some("proftpd-illegal-port-syntax")
    );
    // mod_tls: EPERM on the data connection is a TLS refusal, not a firewall problem.
    let d = diagnose_line_str("425 Unable to build data connection: Operation not permitted")
        .unwrap()
        .next()
        .unwrap();
    assert_eq!(d.id(), "proftpd-data-tls-rejected");
    assert!(d.fix(Lang::En).contains("NoSessionReuseRequired"));
    assert!(d.fix(Lang::Fr).contains("NoSessionReuseRequired"));
    // ProFTPD's strerror() in the system locale (glibc 2.36 catalogues).
    for line in [
        "550 /x: Aucun fichier ou dossier de ce type",
        "550 /x: Datei oder Verzeichnis nicht gefunden",
        "550 /x: No existe el fichero o el directorio",
        "550 /x: File o directory non esistente",
        "550 /x: Нет такого файла или каталога",
    ] {
        let d = diagnose_line_str(line).unwrap().next().unwrap();
        assert_eq!(d.server(), Server::Proftpd, "{line}");
        assert!(d.id().starts_with("proftpd-no-such-file-"), "{line}");
    }
}

#[test]
fn nothing_matches_means_no_diagnosis() {
    assert_eq!(
        diagnose_line_str("550 Nobody says this").unwrap().count(),
        0
    );
    assert_eq!(
        diagnose_str(ReplyCode::new(299).unwrap(), "anything").count(),
        0
    );
    assert!(diagnose_line_str("oops").is_err());
}

#[test]
fn banners_identify_servers_and_preference_reorders() {
    let banners: BTreeSet<Server> = Diagnosis::all()
        .iter()
        .filter(|d| d.is_banner())
        .map(Diagnosis::server)
        .collect();
    for s in [
        Server::Vsftpd,
        Server::Proftpd,
        Server::PureFtpd,
        Server::Pyftpdlib,
        Server::FilezillaServer,
        Server::Iis,
    ] {
        assert!(banners.contains(&s), "no banner row for {s}");
    }
    for row in Diagnosis::all().iter().filter(|d| d.is_banner()) {
        assert_eq!(
            identify_server_str(row.example()),
            Some(row.server()),
            "{}",
            row.id()
        );
    }
    let code = ReplyCode::NOT_LOGGED_IN;
    let servers: Vec<Server> = diagnose_str(code, "Login incorrect.")
        .map(Diagnosis::server)
        .collect();
    assert!(servers.len() >= 2, "{servers:?}");
    for s in &servers {
        let first = diagnose_str(code, "Login incorrect.")
            .prefer(*s)
            .next()
            .unwrap();
        assert_eq!(first.server(), *s);
        assert_eq!(
            diagnose_str(code, "Login incorrect.").prefer(*s).count(),
            servers.len()
        );
    }
}
