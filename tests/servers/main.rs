//! Integration tests against real FTP servers started on 127.0.0.1 by the
//! tests themselves: pyftpdlib, vsftpd, proftpd and pure-ftpd.
//!
//! See `tests/servers/README.md` for how the servers are installed
//! (`.ci/install-servers.sh`), configured and stopped, and for what the
//! tests check. A server that is not installed is skipped with a loud
//! message, unless `CI` is set: then it is a failure.

#[cfg(feature = "tokio")]
mod codec;
mod expect;
mod harness;
mod identify;
mod interop;
mod localized;
mod session;
mod unftp;
mod wire;

use std::fs;
use std::path::Path;

use harness::{Server, require};

fn run(server: Server) {
    let Some(srv) = require(server) else { return };
    let outcome = session::run_script(&srv);
    let mut report = outcome.report();
    let unobserved = expect::unobserved(server, &outcome.deviations);
    if !unobserved.is_empty() {
        report.push_str(&format!("listed deviations not observed: {unobserved:?}\n"));
    }
    let undiagnosed = expect::undiagnosed(server, &outcome.negatives);
    println!("{report}");
    if server == Server::Libunftp {
        // Issue 16: the table does not cover libunftp, so none of its
        // replies may be diagnosed as if the text proved a known server.
        for (verb, line, ids) in &outcome.negatives {
            for id in ids {
                let row = ftp_reply::diagnosis::Diagnosis::all()
                    .iter()
                    .find(|d| d.id() == *id)
                    .unwrap();
                assert!(
                    !row.is_server_specific(),
                    "libunftp {verb}: {line:?} diagnosed as {id}, as if it proved {}",
                    row.server()
                );
            }
        }
    }
    assert!(
        undiagnosed.is_empty(),
        "{server}: negative replies without a diagnosis (add rows to src/kb/data/diagnoses.toml, or list them in expect::NOT_YET_DIAGNOSED): {undiagnosed:#?}"
    );
    // Reports and transcripts for people (and the closing note).
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("servers");
    let _ = fs::create_dir_all(&out);
    let _ = fs::write(out.join(format!("{server}.report.txt")), &report);
    let _ = fs::write(
        out.join(format!("{server}.transcript.txt")),
        &outcome.transcript,
    );
    if std::env::var_os("FTP_REPLY_BLESS").is_some() {
        let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/servers");
        fs::create_dir_all(&golden).unwrap();
        fs::write(
            golden.join(format!("{server}-{}.txt", outcome.version)),
            &outcome.transcript,
        )
        .unwrap();
    }
    assert!(
        outcome.failures.is_empty(),
        "{server} {} (control port {}, passive ports {:?}): {} failure(s)\n{report}\n--- transcript ---\n{}\n--- server logs ---\n{}",
        outcome.version,
        srv.port,
        srv.passive,
        outcome.failures.len(),
        outcome.transcript,
        srv.logs()
    );
}

#[test]
fn pyftpdlib() {
    run(Server::Pyftpdlib);
}

#[test]
fn vsftpd() {
    run(Server::Vsftpd);
}

#[test]
fn proftpd() {
    run(Server::Proftpd);
}

#[test]
fn pure_ftpd() {
    run(Server::PureFtpd);
}

#[test]
fn libunftp() {
    run(Server::Libunftp);
}

/// The stored transcripts (tests/data/servers/) decode without error: every
/// connection's server side, with the crate's decoder.
#[test]
fn golden_transcripts_decode() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/servers");
    let mut files = 0;
    for entry in fs::read_dir(&dir).expect("tests/data/servers") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        files += 1;
        let text = fs::read_to_string(&path).unwrap();
        for (n, connection) in text.split("--- connection closed ---\n").enumerate() {
            let mut decoder = ftp_reply::ReplyDecoder::new();
            for line in connection.lines().filter_map(|l| l.strip_prefix("S: ")) {
                decoder.feed(line.as_bytes());
                decoder.feed(b"\r\n");
            }
            let mut replies = 0;
            while let Some(reply) = decoder
                .next_reply()
                .unwrap_or_else(|e| panic!("{} connection {n}: {e}", path.display()))
            {
                assert!(reply.code().as_u16() >= 100);
                replies += 1;
            }
            decoder
                .finish()
                .unwrap_or_else(|e| panic!("{} connection {n}: {e}", path.display()));
            assert!(
                replies > 0 || connection.trim().is_empty(),
                "{}",
                path.display()
            );
        }
    }
    assert!(files >= 5, "expected the transcripts of five servers");
}
