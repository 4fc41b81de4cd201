//! `ftp-reply transcript`: the session logs of `tests/data/transcripts/`,
//! compared with the library's own rendering (its golden files and its
//! `Renderer`), exit statuses, bad input and closed pipes.

mod common;

use std::path::{Path, PathBuf};

use common::{run, run_into_closed_pipe, run_with, temp_dir};
use ftp_reply::transcript::{Analyzer, Format, Renderer, Style};
use ftp_reply::{Lang, ReplyCode};
use serde_json::Value;

fn log(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data/transcripts")
        .join(name)
}

fn path(name: &str) -> String {
    log(name).to_str().expect("UTF-8 path").to_owned()
}

fn golden(name: &str) -> String {
    std::fs::read_to_string(log(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// What the library's `Renderer` writes for `bytes`, as the tool should.
fn rendered(bytes: &[u8], lang: Lang, style: Style) -> String {
    let mut a = Analyzer::new();
    a.feed(bytes).unwrap();
    a.finish().unwrap();
    let mut r = Renderer::new(lang, style);
    let mut out = String::new();
    r.header(a.format().unwrap(), &mut out).unwrap();
    while let Some(e) = a.next_event() {
        r.event(&e, &mut out).unwrap();
    }
    r.verdict(&a.verdict(), &mut out).unwrap();
    out
}

const OK: &str = "curl-ok.log";
const FAILED: &str = "filezilla-530-login.log";

#[test]
fn a_session_that_succeeded_exits_0() {
    let out = run(&["transcript", &path(OK)]);
    assert_eq!(out.ok(), golden("curl-ok.log.expected.txt"));
    assert!(out.out().contains("The session succeeded"), "{}", out.out());
}

#[test]
fn a_session_that_failed_exits_1_with_the_whole_page() {
    let out = run(&["transcript", &path(FAILED)]);
    assert_eq!(out.code, Some(1), "stderr: {}", out.stderr);
    assert_eq!(out.stderr, "");
    assert_eq!(out.out(), golden("filezilla-530-login.log.expected.txt"));
    assert!(
        out.out()
            .contains("The session failed at line 13: PASS got 530"),
        "{}",
        out.out()
    );
}

#[test]
fn standard_input_is_the_default_and_dash_means_it_too() {
    let bytes = std::fs::read(log(FAILED)).unwrap();
    let expected = golden("filezilla-530-login.log.expected.txt");
    for args in [&["transcript"][..], &["transcript", "-"]] {
        let out = run_with(args, &bytes, &[]);
        assert_eq!(out.code, Some(1), "{args:?}: {}", out.stderr);
        assert_eq!(out.out(), expected, "{args:?}");
    }
    let ok = run_with(&["transcript"], &std::fs::read(log(OK)).unwrap(), &[]);
    assert_eq!(ok.ok(), golden("curl-ok.log.expected.txt"));
}

#[test]
fn every_format_flag() {
    // Text is the default; Markdown and JSON lines are the library's own.
    let text = run(&["transcript", &path(FAILED), "--format", "text"]);
    assert_eq!(text.out(), golden("filezilla-530-login.log.expected.txt"));
    let md = run(&["transcript", &path(FAILED), "--format", "markdown"]);
    assert_eq!(md.code, Some(1));
    assert_eq!(md.out(), golden("filezilla-530-login.log.expected.md"));
    let json = run(&[
        "transcript",
        &path("filezilla-425-nat.log"),
        "--format",
        "json",
    ]);
    assert_eq!(json.code, Some(1), "{}", json.stderr);
    assert_eq!(json.out(), golden("filezilla-425-nat.log.expected.jsonl"));
    let lines: Vec<Value> = json
        .out()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let last = lines.last().unwrap();
    assert_eq!(last["type"], "verdict");
    assert_eq!(last["outcome"], "failed");
    assert_eq!(last["code"], 425);
    // The succeeding log in JSON: the verdict says so, exit 0.
    let ok = run(&["transcript", &path(OK), "--format", "json"]);
    let last: Value = serde_json::from_str(ok.ok().lines().last().unwrap()).unwrap();
    assert_eq!(last["outcome"], "succeeded");
}

#[test]
fn languages() {
    let fr = run(&["transcript", &path(FAILED), "--lang", "fr"]);
    assert_eq!(fr.code, Some(1));
    assert_eq!(fr.out(), golden("filezilla-530-login.log.expected.fr.txt"));
    // From the locale, as every subcommand.
    let env = run_with(
        &["transcript", &path(FAILED)],
        b"",
        &[("LANG", "fr_FR.UTF-8")],
    );
    assert_eq!(env.out(), fr.out());

    let es: Lang = "es".parse().unwrap();
    let out = run(&["transcript", &path(FAILED), "--lang", "es"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    let bytes = std::fs::read(log(FAILED)).unwrap();
    assert_eq!(out.out(), rendered(&bytes, es, Style::Text));
    // What the data holds in Spanish shows: the 530's title, not the English one.
    let title = ReplyCode::NOT_LOGGED_IN.info().unwrap().title(es);
    assert_ne!(
        title,
        ReplyCode::NOT_LOGGED_IN.info().unwrap().title(Lang::En)
    );
    assert!(out.out().contains(title), "{}", out.out());
}

#[test]
fn log_format_forces_a_format() {
    // curl's `> ` / `< ` lines are also a plain transcript.
    let plain = run(&["transcript", &path(OK), "--log-format", "plain"]);
    let text = plain.ok();
    assert!(text.contains("Log format: plain\n"), "{text}");
    assert!(text.contains("The session succeeded"), "{text}");
    let curl = run(&["transcript", &path(OK), "--log-format", "CURL"]);
    assert_eq!(curl.ok(), golden("curl-ok.log.expected.txt"));
    // A format that reads nothing of the log: bad input, not a verdict.
    let wrong = run(&["transcript", &path(OK), "--log-format", "filezilla"]);
    let stderr = wrong.usage_error();
    assert!(
        stderr.contains("no FTP command or reply in the filezilla format"),
        "{stderr}"
    );
    let bad = run(&["transcript", &path(OK), "--log-format", "ftpd"]);
    let stderr = bad.usage_error();
    assert!(stderr.contains("unknown log format \"ftpd\""), "{stderr}");
    for f in Format::all() {
        assert!(stderr.contains(f.id()), "{stderr}");
    }
}

#[test]
fn a_log_in_no_known_format_exits_2_naming_the_formats_tried() {
    let dir = temp_dir("transcript-unknown");
    let file = dir.join("notes.txt");
    std::fs::write(&file, "Dear support,\nthe upload failed again.\n").unwrap();
    let cases: [(Vec<&str>, &[u8]); 3] = [
        (vec!["transcript", file.to_str().unwrap()], b""),
        (vec!["transcript"], b"hello\nworld\n"),
        (vec!["transcript"], b""),
    ];
    for (args, stdin) in cases {
        let out = run_with(&args, stdin, &[]);
        let stderr = out.usage_error();
        assert!(stderr.contains("no known format"), "{stderr}");
        for f in Format::all() {
            assert!(
                stderr.contains(f.id()),
                "{args:?}: {} missing: {stderr}",
                f.id()
            );
        }
    }
    let missing = run(&["transcript", "/nonexistent/session.log"]);
    assert!(
        missing
            .usage_error()
            .contains("cannot read /nonexistent/session.log: ")
    );
}

#[test]
fn non_utf8_bytes_in_the_log() {
    let log = b"S: 220 Ready\nC: USER bob\nS: 331 Password?\nC: PASS x\nS: 230 Hi\nC: RETR caf\xe9.txt\nS: 550 caf\xe9.txt: No such file or directory.\n";
    let out = run_with(&["transcript"], log, &[]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert_eq!(out.stderr, "");
    // The output is UTF-8 (`out()` checks it), invalid bytes replaced.
    let text = out.out();
    assert!(text.contains("RETR caf\u{FFFD}.txt"), "{text}");
    assert!(text.contains("not valid UTF-8"), "{text}");
    assert_eq!(text, rendered(log, Lang::En, Style::Text));
    let json = run_with(&["transcript", "--format", "json"], log, &[]);
    assert_eq!(json.code, Some(1));
    for line in json.out().lines() {
        let _: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
    }
}

#[test]
fn a_closed_stdout_pipe_ends_quietly() {
    for (name, format) in [(OK, "text"), (FAILED, "text"), (FAILED, "json")] {
        let (stderr, status) = run_into_closed_pipe(
            &["transcript", "--format", format],
            &std::fs::read(log(name)).unwrap(),
        );
        assert_eq!(stderr, "", "{name} {format}");
        assert_eq!(status, Some(0), "{name} {format}");
    }
}

#[test]
fn colour_only_when_asked_and_only_in_text() {
    for args in [
        &["transcript", "--color", "never"][..],
        &["transcript"],
        &["transcript", "--color", "always", "--format", "markdown"],
        &["transcript", "--color", "always", "--format", "json"],
    ] {
        let mut args = args.to_vec();
        let file = path(FAILED);
        args.push(&file);
        let out = run(&args);
        assert!(!out.stdout.is_empty(), "{args:?}");
        assert!(!out.stdout.contains(&0x1b), "{args:?}");
    }
    let file = path(FAILED);
    let out = run_with(
        &["transcript", &file, "--color", "always"],
        b"",
        &[("NO_COLOR", "1")],
    );
    assert_eq!(out.code, Some(1));
    let text = out.out();
    // The failing paragraph in red, the 530 reply line in the colour of 5xx.
    assert!(
        text.contains("\x1b[31mThe session failed at line 13"),
        "{text}"
    );
    assert!(
        text.contains("\x1b[31m   13 < 530 Login incorrect.\x1b[0m"),
        "{text}"
    );
    // Without the escapes, the same page.
    let plain: String = strip_escapes(text);
    assert_eq!(plain, golden("filezilla-530-login.log.expected.txt"));
}

fn strip_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('\x1b') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('m').expect("SGR ends with m");
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn help_and_man_page_document_it() {
    let help = run(&["transcript", "--help"]);
    let text = help.ok();
    assert!(text.contains("--log-format <ID>"), "{text}");
    assert!(text.contains("a session that failed"), "{text}");
    let top = run(&["--help"]);
    assert!(top.ok().contains("transcript"), "{}", top.out());
    let man = run(&["generate", "man"]);
    assert!(man.ok().contains("transcript"), "{}", man.out());
    let dir = temp_dir("transcript-man");
    run(&["generate", "man", "--dir", dir.to_str().unwrap()]).ok();
    let page = std::fs::read_to_string(dir.join("ftp-reply-transcript.1")).unwrap();
    assert!(page.contains("log\\-format"), "{page}");
    assert!(page.contains("a session that failed"), "{page}");
}
