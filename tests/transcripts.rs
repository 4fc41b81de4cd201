//! The transcript analysis against logs made by real tools and servers, the
//! failure stories, malformed input, and golden renderings
//! (`tests/data/transcripts/*.expected.*`; `FTP_REPLY_BLESS=1` rewrites them).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use ftp_reply::command::Command;
use ftp_reply::transcript::{
    Analyzer, Event, EventKind, FailureKind, Finding, Format, Outcome, Renderer, Style,
    TranscriptError, Verdict,
};
use ftp_reply::{Lang, Limits};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/transcripts")
}

fn analyze(bytes: &[u8]) -> (Option<Format>, Vec<Event>, Verdict) {
    let mut a = Analyzer::new();
    let mut events = Vec::new();
    // Odd chunk sizes: lines cut anywhere.
    for chunk in bytes.chunks(37) {
        a.feed(chunk).expect("a known format");
        events.extend(std::iter::from_fn(|| a.next_event()));
    }
    a.finish().expect("a known format");
    events.extend(std::iter::from_fn(|| a.next_event()));
    (a.format(), events, a.verdict())
}

fn render(bytes: &[u8], lang: Lang, style: Style) -> String {
    let (format, events, verdict) = analyze(bytes);
    let mut r = Renderer::new(lang, style);
    let mut out = String::new();
    r.header(format.unwrap(), &mut out).unwrap();
    for e in &events {
        r.event(e, &mut out).unwrap();
    }
    r.verdict(&verdict, &mut out).unwrap();
    out
}

fn logs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_str().unwrap();
            (n.ends_with(".log") || n.ends_with(".txt")) && !n.contains(".expected.")
        })
        .collect();
    v.sort();
    v
}

fn golden(path: &Path, actual: &str) {
    if std::env::var_os("FTP_REPLY_BLESS").is_some() {
        fs::write(path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (FTP_REPLY_BLESS=1 writes it)", path.display()));
    assert_eq!(
        actual,
        expected,
        "{} differs (FTP_REPLY_BLESS=1 rewrites it)",
        path.display()
    );
}

#[test]
fn golden_text_renderings() {
    for log in logs() {
        let bytes = fs::read(&log).unwrap();
        let name = log.file_name().unwrap().to_str().unwrap();
        golden(
            &dir().join(format!("{name}.expected.txt")),
            &render(&bytes, Lang::En, Style::Text),
        );
    }
}

#[test]
fn golden_french_and_markdown() {
    for name in [
        "filezilla-530-login.log",
        "filezilla-425-nat.log",
        "plain-desync-226.txt",
    ] {
        let bytes = fs::read(dir().join(name)).unwrap();
        golden(
            &dir().join(format!("{name}.expected.fr.txt")),
            &render(&bytes, Lang::Fr, Style::Text),
        );
        golden(
            &dir().join(format!("{name}.expected.md")),
            &render(&bytes, Lang::En, Style::Markdown),
        );
    }
}

/// Spanish: the whole timeline and verdict of two failure stories (NAT and
/// desync), so that every transcript phrase they use is reviewed in context.
#[test]
fn golden_spanish() {
    let es: Lang = "es".parse().unwrap();
    for name in ["filezilla-425-nat.log", "plain-desync-226.txt"] {
        let bytes = fs::read(dir().join(name)).unwrap();
        golden(
            &dir().join(format!("{name}.expected.es.txt")),
            &render(&bytes, es, Style::Text),
        );
    }
}

#[cfg(feature = "serde")]
#[test]
fn golden_json() {
    for name in ["filezilla-425-nat.log", "ftplib-550.log"] {
        let bytes = fs::read(dir().join(name)).unwrap();
        let (_, events, verdict) = analyze(&bytes);
        let mut out = String::new();
        for e in &events {
            writeln!(
                out,
                "{}",
                serde_json::to_string(&e.localized(Lang::En)).unwrap()
            )
            .unwrap();
        }
        writeln!(
            out,
            "{}",
            serde_json::to_string(&verdict.localized(Lang::En)).unwrap()
        )
        .unwrap();
        for line in out.lines() {
            let _: serde_json::Value = serde_json::from_str(line).unwrap();
        }
        golden(&dir().join(format!("{name}.expected.jsonl")), &out);
    }
}

/// Every log: its format, its outcome, and where and why it failed.
#[test]
fn verdicts() {
    use FailureKind as K;
    type Expected = Option<(K, u64, Option<u16>, Option<Command>)>;
    let table: &[(&str, Format, Expected)] = &[
        (
            "curl-530.log",
            Format::Curl,
            Some((K::Reply, 7, Some(530), Some(Command::Pass))),
        ),
        (
            "curl-550.log",
            Format::Curl,
            Some((K::Reply, 22, Some(550), Some(Command::Size))),
        ),
        ("curl-ok.log", Format::Curl, None),
        (
            "filezilla-150-no-final.log",
            Format::Filezilla,
            Some((K::MissingFinal, 9, Some(150), Some(Command::Retr))),
        ),
        (
            "filezilla-421-idle.log",
            Format::Filezilla,
            Some((K::Reply, 9, Some(421), None)),
        ),
        (
            "filezilla-425-nat.log",
            Format::Filezilla,
            Some((K::Reply, 17, Some(425), Some(Command::List))),
        ),
        (
            "filezilla-530-login.log",
            Format::Filezilla,
            Some((K::Reply, 13, Some(530), Some(Command::Pass))),
        ),
        (
            "filezilla-553-stor.log",
            Format::Filezilla,
            Some((K::Reply, 15, Some(553), Some(Command::Stor))),
        ),
        (
            "ftplib-550.log",
            Format::Ftplib,
            Some((K::Reply, 54, Some(550), Some(Command::Stor))),
        ),
        (
            "lftp-550.log",
            Format::Lftp,
            Some((K::Reply, 65, Some(550), Some(Command::Retr))),
        ),
        (
            "plain-522-tls-reuse.txt",
            Format::Plain,
            Some((K::Reply, 18, Some(522), Some(Command::List))),
        ),
        (
            "plain-desync-226.txt",
            Format::Plain,
            Some((K::Desync, 13, Some(226), Some(Command::Stor))),
        ),
        (
            "pyftpdlib-debug.log",
            Format::Pyftpdlib,
            Some((K::Reply, 43, Some(550), Some(Command::Stor))),
        ),
        (
            "vsftpd-protocol.log",
            Format::Vsftpd,
            Some((K::Reply, 24, Some(550), Some(Command::Cwd))),
        ),
        (
            "winscp-550-retr.log",
            Format::Winscp,
            Some((K::Reply, 12, Some(550), Some(Command::Retr))),
        ),
    ];
    assert_eq!(table.len(), logs().len(), "every log is in the table");
    for (name, format, expected) in table {
        let (f, _, v) = analyze(&fs::read(dir().join(name)).unwrap());
        assert_eq!(f, Some(*format), "{name}");
        match expected {
            None => assert_eq!(v.outcome, Outcome::Succeeded, "{name}: {v:?}"),
            Some((kind, line, code, command)) => {
                let fl = v
                    .failure
                    .as_ref()
                    .unwrap_or_else(|| panic!("{name}: {v:?}"));
                assert_eq!(
                    (fl.kind, fl.line, fl.code.map(|c| c.as_u16()), fl.command),
                    (*kind, *line, *code, *command),
                    "{name}"
                );
            }
        }
    }
}

#[test]
fn stories_name_cause_and_fix() {
    let page = |n| render(&fs::read(dir().join(n)).unwrap(), Lang::En, Style::Text);
    assert!(page("filezilla-425-nat.log").contains("pasv_address"));
    assert!(page("filezilla-425-nat.log").contains("10.0.4.17, a private address"));
    assert!(page("plain-522-tls-reuse.txt").contains("require_ssl_reuse"));
    assert!(page("filezilla-421-idle.log").contains("idle_session_timeout"));
    assert!(
        page("filezilla-421-idle.log").contains("300 s passed before the client's next command")
    );
    assert!(page("filezilla-530-login.log").contains("vsftpd rejected the USER/PASS pair"));
    assert!(
        page("plain-desync-226.txt").contains("226 answers STOR (line 10), not PWD sent after it")
    );
    assert!(
        page("filezilla-150-no-final.log")
            .contains("RETR (line 9) got 150 but never its final reply")
    );
    let fr = render(
        &fs::read(dir().join("filezilla-425-nat.log")).unwrap(),
        Lang::Fr,
        Style::Text,
    );
    assert!(fr.contains("La session a échoué ligne 17"));
}

#[test]
fn passwords_never_repeated() {
    for log in logs() {
        let bytes = fs::read(&log).unwrap();
        for secret in ["secret12", "hunter2", "s3cr3t-pass"] {
            for style in [Style::Text, Style::Markdown] {
                for lang in Lang::ALL {
                    let out = render(&bytes, lang, style);
                    assert!(
                        !out.contains(secret),
                        "{} repeats a password",
                        log.display()
                    );
                }
            }
        }
    }
    // The logs do hold them in clear.
    assert!(
        fs::read_to_string(dir().join("curl-ok.log"))
            .unwrap()
            .contains("PASS secret12")
    );
}

/// The five real servers' recorded sessions (`tests/data/servers/`, already
/// in the plain format): every negative reply gets its diagnosis (libunftp's
/// texts are not in the table yet), and every reply the checker rejects is
/// reported.
#[test]
fn recorded_server_sessions() {
    let servers = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/servers");
    let mut names: Vec<_> = fs::read_dir(&servers)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    // Five servers, and ProFTPD again in French and Spanish.
    assert_eq!(names.len(), 7);
    for path in names {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let (format, events, _) = analyze(&fs::read(&path).unwrap());
        assert_eq!(format, Some(Format::Plain), "{name}");
        let mut negative = 0;
        let mut undiagnosed = Vec::new();
        let mut unexpected = 0;
        let mut reported = 0;
        for e in &events {
            match &e.kind {
                EventKind::Reply(r) => {
                    let c = r.reply.code().as_u16();
                    if (400..600).contains(&c) {
                        negative += 1;
                        if r.diagnoses.is_empty() {
                            undiagnosed.push((e.line, c));
                        }
                    }
                    if r.verdict.is_some_and(|v| !v.is_acceptable()) {
                        unexpected += 1;
                    }
                }
                EventKind::Finding(Finding::Unexpected { .. }) => reported += 1,
                _ => {}
            }
        }
        assert!(negative > 0, "{name}");
        assert_eq!(
            unexpected, reported,
            "{name}: every rejected reply is a finding"
        );
        if name.starts_with("libunftp") {
            assert!(undiagnosed.len() <= 5, "{name}: {undiagnosed:?}");
        } else if name.contains(".fr_FR.") || name.contains(".es_ES.") {
            // ProFTPD's own catalogue wordings (`530 Login incorrecto`, `500
            // No entiendo XYZZY` ...) are not all in the table yet; its
            // system errors, in glibc's wording, are.
            assert!(undiagnosed.len() <= 4, "{name}: {undiagnosed:?}");
        } else {
            assert!(
                undiagnosed.is_empty(),
                "{name}: negative replies without a diagnosis: {undiagnosed:?}"
            );
        }
    }
}

#[test]
fn malformed_input() {
    // Binary garbage: a clear error, never a panic.
    let mut state = 0x2545_f491_u32;
    let garbage: Vec<u8> = (0..100_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state.to_le_bytes()[0]
        })
        .collect();
    let mut a = Analyzer::new();
    let r = a.feed(&garbage).and_then(|()| a.finish());
    assert_eq!(r, Err(TranscriptError::UnknownFormat));
    assert!(
        r.unwrap_err()
            .to_string()
            .contains("tried: filezilla, winscp")
    );

    // A 10 MB line between good ones: skipped with its line number.
    let mut log = b"C: NOOP\nS: 200 ".to_vec();
    log.extend(std::iter::repeat_n(b'x', 10 << 20));
    log.extend_from_slice(b"\nS: 200 OK\nC: QUIT\nS: 221 Bye\n");
    let (_, events, v) = analyze(&log);
    let too_long: Vec<u64> = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Finding(Finding::LineTooLong { .. })))
        .map(|e| e.line)
        .collect();
    assert_eq!(too_long, [2]);
    assert_eq!(v.outcome, Outcome::Succeeded);

    // Truncated lines: a reply cut in its code, a multi-line reply never ended.
    let (_, events, _) = analyze(b"S: 220 hi\nC: FEAT\nS: 21\nC: STAT\nS: 211-status\nS:  more\n");
    let bad: Vec<u64> = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Finding(Finding::BadReply { .. })))
        .map(|e| e.line)
        .collect();
    assert_eq!(bad, [3, 5], "{events:#?}");

    // A log that mixes formats.
    let (_, events, _) = analyze(
        b"Response:\t220 hi\nCommand:\tNOOP\n---> NOOP\n*resp* '200 ok'\nResponse:\t200 OK\n",
    );
    let other: Vec<(u64, Format)> = events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Finding(Finding::OtherFormat { other, .. }) => Some((e.line, other)),
            _ => None,
        })
        .collect();
    assert_eq!(other, [(3, Format::Lftp), (4, Format::Ftplib)]);

    // Commands that do not parse.
    let (_, events, _) = analyze(b"S: 220 hi\nC: RE-TR x\n");
    assert!(
        events.iter().any(
            |e| e.line == 2 && matches!(e.kind, EventKind::Finding(Finding::BadCommand { .. }))
        )
    );
}

#[test]
fn empty_log() {
    let mut a = Analyzer::new();
    a.finish().unwrap();
    assert_eq!(a.verdict().outcome, Outcome::Empty);
}

#[test]
fn small_limits_hold() {
    let mut a =
        Analyzer::new().with_limits(Limits::default().with_max_line_len(128).with_max_lines(4));
    let mut log = String::from("S: 220 hi\nC: HELP\n");
    for i in 0..10 {
        writeln!(log, "S: 214-line {i}").unwrap();
    }
    log.push_str("S: 214 end\n");
    a.feed(log.as_bytes()).unwrap();
    a.finish().unwrap();
    let events: Vec<Event> = std::iter::from_fn(|| a.next_event()).collect();
    assert!(events.iter().any(|e| matches!(&e.kind, EventKind::Finding(Finding::BadReply { reason }) if reason.contains("more lines than the limit of 4"))));
}
