//! Server identification without the banner: each real server runs with a
//! neutral greeting (vsftpd `banner_file`, ProFTPD `DisplayConnect` plus
//! `ServerIdent off`, Pure-FTPd `--fortunesfile`, pyftpdlib
//! `handler.banner`, libunftp's `greeting`), and a short session feeds a
//! `ServerIdentifier`. Each must still be named; the login alone must not
//! be enough.

use std::time::Duration;

use ftp_reply::command::Command;
use ftp_reply::diagnosis::Server as Known;
use ftp_reply::identify::{Confidence, ServerIdentifier};

use crate::harness::{PASSWORD, Server, require_hidden};
use crate::wire::Control;

const WAIT: Duration = Duration::from_secs(10);

/// Sends `line` and observes every reply until a final one (not 1xx).
fn exchange(ctl: &mut Control, id: &mut ServerIdentifier, line: &str, log: &mut String) {
    ctl.send_raw(format!("{line}\r\n").as_bytes()).unwrap();
    let command = Command::from_verb(line.split(' ').next().unwrap_or_default());
    loop {
        let reply = ctl
            .read_reply(WAIT)
            .unwrap_or_else(|e| panic!("{line}: {e}"));
        log.push_str(&format!(
            "{line} -> {}\n",
            reply.lines().next().unwrap_or_default()
        ));
        id.observe(Some(command), &reply);
        if !reply.code().is_preliminary() {
            break;
        }
    }
}

struct Result {
    after_login: Option<Known>,
    named: Option<(Known, Option<String>, Confidence, u16)>,
    log: String,
}

fn session(server: Server) -> Option<Result> {
    let srv = require_hidden(server)?;
    let mut ctl = Control::connect(srv.addr()).unwrap();
    let mut id = ServerIdentifier::new();
    let mut log = String::new();
    let greeting = ctl.read_reply(WAIT).unwrap();
    let text = greeting.text().into_owned();
    for product in ["ProFTPD", "vsFTPd", "Pure-FTPd", "pyftpdlib", "libunftp"] {
        assert!(
            !text.contains(product),
            "{server}: the greeting still names the product: {text:?}"
        );
    }
    log.push_str(&format!("greeting: {text:?}\n"));
    id.observe(None, &greeting);
    let user = server.user();
    exchange(&mut ctl, &mut id, &format!("USER {user}"), &mut log);
    exchange(&mut ctl, &mut id, &format!("PASS {PASSWORD}"), &mut log);
    let after_login = id.best().map(|b| b.server());
    for line in [
        "SYST", "FEAT", "HELP", "STAT", "TYPE Z", "XYZZY", "NOOP", "QUIT",
    ] {
        exchange(&mut ctl, &mut id, line, &mut log);
    }
    let named = id.best().map(|b| {
        (
            b.server(),
            b.version().map(ToString::to_string),
            b.confidence(),
            b.score(),
        )
    });
    for e in id.evidence() {
        log.push_str(&format!(
            "  clue {} ({:?}, {})\n",
            e.fingerprint().id(),
            e.fingerprint().strength(),
            e.fingerprint().kind()
        ));
    }
    Some(Result {
        after_login,
        named,
        log,
    })
}

/// `login`: what the login replies alone name (vsftpd's, pyftpdlib's and
/// ProFTPD's hold one clue at most; Pure-FTPd's and libunftp's two
/// server-specific wordings).
fn check(
    server: Server,
    want: Known,
    version: Option<&str>,
    confidence: Confidence,
    login: Option<Known>,
) {
    let Some(r) = session(server) else { return };
    println!("{server}:\n{}", r.log);
    assert_eq!(
        r.after_login, login,
        "{server}: named after the login\n{}",
        r.log
    );
    let (named, v, c, score) = r
        .named
        .unwrap_or_else(|| panic!("{server}: not named\n{}", r.log));
    println!("{server}: named {named}, version {v:?}, confidence {c:?}, score {score}");
    assert_eq!(named, want, "{}", r.log);
    assert_eq!(v.as_deref(), version, "{}", r.log);
    assert_eq!(c, confidence, "{}", r.log);
}

#[test]
fn identify_pyftpdlib_without_banner() {
    check(
        Server::Pyftpdlib,
        Known::Pyftpdlib,
        None,
        Confidence::High,
        None,
    );
}

#[test]
fn identify_vsftpd_without_banner() {
    check(
        Server::Vsftpd,
        Known::Vsftpd,
        Some("3.0.3"),
        Confidence::Certain,
        None,
    );
}

#[test]
fn identify_proftpd_without_banner() {
    check(
        Server::Proftpd,
        Known::Proftpd,
        None,
        Confidence::High,
        None,
    );
}

#[test]
fn identify_pure_ftpd_without_banner() {
    check(
        Server::PureFtpd,
        Known::PureFtpd,
        None,
        Confidence::Certain,
        Some(Known::PureFtpd),
    );
}

#[test]
fn identify_libunftp_without_banner() {
    check(
        Server::Libunftp,
        Known::Libunftp,
        Some("0.24.0"),
        Confidence::Certain,
        Some(Known::Libunftp),
    );
}
