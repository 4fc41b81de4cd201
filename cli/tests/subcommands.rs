//! Every subcommand in every format, against the library's own output.

mod common;

use common::{run, run_with, temp_dir};
use ftp_reply::diff::{Diff, Format};
use ftp_reply::{Category, Lang, ReplyCode, ReplyInfo};
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn explain_text_is_the_library_explanation() {
    let out = run(&["explain", "421"]);
    assert_eq!(
        out.ok(),
        ReplyCode::SERVICE_NOT_AVAILABLE
            .explain(Lang::En)
            .to_string()
    );
    let fr = run(&["explain", "421", "--lang", "fr"]);
    assert!(
        fr.ok().starts_with("421 Service non disponible\n"),
        "{}",
        fr.out()
    );
}

#[test]
fn explain_a_reply_line_adds_its_diagnosis() {
    let out = run(&["explain", "421 Too many connections (8) from this IP"]);
    let text = out.ok();
    assert!(
        text.contains("\nDiagnosis\n  Server: Pure-FTPd\n"),
        "{text}"
    );
    // Unquoted words are joined into the same line.
    let joined = run(&[
        "explain",
        "421",
        "Too",
        "many",
        "connections",
        "(8)",
        "from",
        "this",
        "IP",
    ]);
    assert_eq!(joined.ok(), text);
    let none = run(&["explain", "421 Something no server says", "--lang", "fr"]);
    assert!(
        none.ok().contains("\nDiagnostic\n  Aucun texte connu"),
        "{}",
        none.out()
    );
}

#[test]
fn explain_markdown_and_json() {
    let md = run(&["explain", "530 Login incorrect.", "--format", "markdown"]);
    let md = md.ok();
    assert!(
        md.starts_with("# 530 Not Logged In\n\n**Category:** 5xx"),
        "{md}"
    );
    assert!(md.contains("\n## Description\n"), "{md}");
    assert!(md.contains("\n## Diagnosis\n"), "{md}");
    let j = run(&[
        "explain",
        "530 Login incorrect.",
        "--format",
        "json",
        "--lang",
        "fr",
    ]);
    let v = json(j.ok());
    assert_eq!(v["code"], 530);
    assert_eq!(v["lang"], "fr");
    assert_eq!(
        v["title"],
        ReplyCode::NOT_LOGGED_IN.info().unwrap().title(Lang::Fr)
    );
    assert!(
        v["diagnosis"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["server_id"] == "vsftpd")
    );
    // Several servers send "530 Login incorrect.": no row may claim it proves one.
    assert!(
        v["diagnosis"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["server_specific"] == false)
    );
    let vsftpd = json(
        run(&[
            "explain",
            "500 OOPS: vsftpd: refusing to run with writable root inside chroot()",
            "--format",
            "json",
        ])
        .ok(),
    );
    assert_eq!(vsftpd["diagnosis"][0]["server_specific"], true);
    // A well-formed code that nothing defines still has its category.
    let unknown = json(run(&["explain", "299", "--format", "json"]).ok());
    assert_eq!(unknown["title"], Value::Null);
    assert_eq!(unknown["category"], "Positive Completion");
}

#[test]
fn locale_variables_choose_the_default_language() {
    let fr = run_with(&["explain", "421"], b"", &[("LANG", "fr_FR.UTF-8")]);
    assert!(fr.ok().starts_with("421 Service non disponible"));
    // LC_ALL wins over LANG, and C means English.
    let c = run_with(
        &["explain", "421"],
        b"",
        &[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "C")],
    );
    assert!(c.ok().starts_with("421 Service Not Available"));
    let messages = run_with(
        &["explain", "421"],
        b"",
        &[("LANG", "en_US"), ("LC_MESSAGES", "fr_CA")],
    );
    assert!(messages.ok().starts_with("421 Service non disponible"));
    // --lang wins over the environment.
    let en = run_with(
        &["explain", "421", "--lang", "en"],
        b"",
        &[("LC_ALL", "fr_FR")],
    );
    assert!(en.ok().starts_with("421 Service Not Available"));
    // Any language of the data, through the library's `Lang::from_locale`;
    // an empty variable counts as unset.
    let es: Lang = "es".parse().unwrap();
    let spanish = run_with(
        &["explain", "421"],
        b"",
        &[("LC_ALL", ""), ("LANG", "es_ES.UTF-8")],
    );
    assert_eq!(
        spanish.ok(),
        ReplyCode::SERVICE_NOT_AVAILABLE.explain(es).to_string()
    );
}

#[test]
fn compare_prints_the_diff_page() {
    let (a, b) = (ReplyCode::new(425).unwrap(), ReplyCode::new(426).unwrap());
    for (lang, name) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
        for (format, fname) in [(Format::Text, "text"), (Format::Markdown, "markdown")] {
            let out = run(&["compare", "425", "426", "--lang", name, "--format", fname]);
            assert_eq!(
                out.ok(),
                Diff::new(a, b).render(lang, format).to_string(),
                "{name} {fname}"
            );
        }
    }
    let out = run(&["compare", "150", "421", "--format", "json", "--lang", "fr"]);
    let d = Diff::new(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
    let expected = serde_json::to_string_pretty(&d.localized(Lang::Fr)).unwrap() + "\n";
    assert_eq!(out.ok(), expected);
    assert_eq!(json(out.out())["a"]["code"], 150);
}

const STREAM: &[u8] = b"220 (vsFTPd 3.0.3)\r\n211-Features:\r\n EPSV\r\n211 End\r\n";

#[test]
fn decode_prints_one_json_object_per_reply() {
    let out = run_with(&["decode"], STREAM, &[]);
    let lines: Vec<Value> = out.ok().lines().map(json).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["code"], 220);
    assert_eq!(
        lines[1]["lines"],
        serde_json::json!(["211-Features:", " EPSV", "211 End"])
    );
    // "-" is standard input too, and a file gives the same output.
    assert_eq!(run_with(&["decode", "-"], STREAM, &[]).ok(), out.out());
    let dir = temp_dir("decode");
    let path = dir.join("session.bin");
    std::fs::write(&path, STREAM).unwrap();
    assert_eq!(run(&["decode", path.to_str().unwrap()]).ok(), out.out());
}

#[test]
fn decode_errors_are_json_objects_with_their_offset() {
    let out = run_with(&["decode"], b"220 Ready\r\nHELLO\r\n230 OK\r\n150-", &[]);
    assert_eq!(out.code, Some(1), "an invalid stream is a negative finding");
    assert_eq!(out.stderr, "");
    let lines: Vec<Value> = out.out().lines().map(json).collect();
    assert_eq!(lines.len(), 4, "{}", out.out());
    assert_eq!(lines[1]["offset"], 11);
    assert!(lines[1]["error"].as_str().unwrap().contains("at byte 11"));
    assert_eq!(lines[2]["code"], 230, "decoding goes on after an error");
    assert!(
        lines[3]["error"]
            .as_str()
            .unwrap()
            .contains("ended in the middle")
    );
}

#[test]
fn decode_a_file_that_is_not_utf8() {
    let dir = temp_dir("latin1");
    let path = dir.join("latin1.log");
    std::fs::write(&path, b"550 Fichier \xe9trange: \xff\xfe\xfd\r\n226 ok\r\n").unwrap();
    let out = run(&["decode", path.to_str().unwrap()]);
    let lines: Vec<Value> = out.ok().lines().map(json).collect();
    assert_eq!(lines[0]["code"], 550);
    assert!(lines[0]["lines"][0].as_str().unwrap().contains('\u{FFFD}'));
    assert_eq!(lines[1]["code"], 226);
    let text = run(&["decode", path.to_str().unwrap(), "--format", "text"]);
    assert!(
        text.ok().starts_with("550 Fichier \u{FFFD}trange"),
        "{}",
        text.out()
    );
}

#[cfg(unix)]
#[test]
fn decode_a_file_whose_name_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("name");
    let path = dir.join(std::ffi::OsStr::from_bytes(b"caf\xe9.log"));
    std::fs::write(&path, STREAM).unwrap();
    let out = common::command(&["decode"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn decode_text_and_markdown() {
    let text = run_with(&["decode", "--format", "text"], STREAM, &[]);
    assert_eq!(
        text.ok(),
        "220 (vsFTPd 3.0.3)\n211-Features:\n EPSV\n211 End\n"
    );
    let md = run_with(&["decode", "--format", "markdown"], STREAM, &[]);
    assert!(
        md.ok()
            .starts_with("- **220** Service Ready for New User\n"),
        "{}",
        md.out()
    );
    assert!(
        md.out()
            .contains("  ````text\n  211-Features:\n   EPSV\n  211 End\n  ````\n")
    );
}

#[test]
fn decode_lenient_accepts_another_closing_code() {
    let glftpd = b"200-Hello\r\n230 Closed by another code\r\n";
    let strict = run_with(&["decode"], glftpd, &[]);
    assert_eq!(strict.code, Some(1));
    let lenient = run_with(&["decode", "--lenient"], glftpd, &[]);
    assert_eq!(lenient.ok().lines().count(), 1, "{}", lenient.out());
}

#[test]
fn diagnose_finds_the_server_cause_and_fix() {
    let line = "500 OOPS: vsftpd: refusing to run with writable root inside chroot()";
    let out = run(&["diagnose", line]);
    let text = out.ok();
    assert!(text.starts_with("Server: vsftpd\n"), "{text}");
    assert!(text.contains("allow_writeable_chroot"), "{text}");
    let md = run(&["diagnose", line, "--format", "markdown"]);
    assert!(md.ok().starts_with("**Server:** vsftpd\n"), "{}", md.out());
    let v = json(run(&["diagnose", line, "--format", "json", "--lang", "fr"]).ok());
    assert_eq!(v[0]["id"], "vsftpd-writable-chroot");
}

#[test]
fn diagnose_prefers_the_named_server() {
    let first = |server: &str| {
        let v = json(
            run(&[
                "diagnose",
                "530 Login incorrect.",
                "--server",
                server,
                "--format",
                "json",
            ])
            .ok(),
        );
        v[0]["server_id"].as_str().unwrap().to_owned()
    };
    assert_eq!(first("proftpd"), "proftpd");
    assert_eq!(first("vsftpd"), "vsftpd");
}

#[test]
fn diagnose_without_a_match_is_a_negative_finding() {
    let out = run(&["diagnose", "550 Nothing a server says"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(out.out(), "No known server text matches this reply.\n");
    let j = run(&["diagnose", "550 Nothing a server says", "--format", "json"]);
    assert_eq!(j.code, Some(1));
    assert_eq!(json(j.out()), serde_json::json!([]));
}

#[test]
fn codes_lists_the_whole_knowledge_base() {
    let out = run(&["codes"]);
    let lines: Vec<&str> = out.ok().lines().collect();
    assert_eq!(lines.len(), ReplyInfo::all().len());
    for (line, info) in lines.iter().zip(ReplyInfo::all()) {
        assert!(
            line.starts_with(&format!("{}  {}", info.code(), info.title(Lang::En))),
            "{line}"
        );
        assert!(line.ends_with(info.category().name(Lang::En)), "{line}");
    }
    let json_lines: Vec<Value> = run(&["codes", "--format", "json"])
        .ok()
        .lines()
        .map(json)
        .collect();
    assert_eq!(json_lines.len(), ReplyInfo::all().len());
    assert_eq!(json_lines[0]["code"], ReplyInfo::all()[0].code().as_u16());
    let md = run(&["codes", "--format", "markdown", "--lang", "fr"]);
    assert!(
        md.ok().lines().all(|l| l.starts_with("- **")),
        "{}",
        md.out()
    );
    assert!(md.out().contains("Service non disponible"));
}

#[test]
fn codes_filtered_by_category() {
    let negative = run(&[
        "codes",
        "--category",
        "4xx",
        "--category",
        "permanent-negative-completion",
    ]);
    let lines: Vec<&str> = negative.ok().lines().collect();
    let expected = ReplyInfo::all()
        .iter()
        .filter(|i| {
            matches!(
                i.category(),
                Category::TransientNegativeCompletion | Category::PermanentNegativeCompletion
            )
        })
        .count();
    assert_eq!(lines.len(), expected);
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with('4') || l.starts_with('5'))
    );
    assert!(lines.iter().any(|l| l.starts_with('4')) && lines.iter().any(|l| l.starts_with('5')));
}

#[test]
fn completions_and_man_pages() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(&["generate", "completions", shell]);
        assert!(out.ok().contains("ftp-reply"), "{shell}");
        assert!(out.out().contains("diagnose"), "{shell}");
    }
    let man = run(&["generate", "man"]);
    let man = man.ok();
    assert!(
        man.starts_with(".ie \\n(.g .ds Aq \\(aq") || man.contains(".TH ftp-reply 1"),
        "{man}"
    );
    assert!(
        man.contains("Exit status"),
        "the exit statuses are in the man page"
    );
    let dir = temp_dir("man");
    run(&["generate", "man", "--dir", dir.to_str().unwrap()]).ok();
    for page in [
        "ftp-reply.1",
        "ftp-reply-explain.1",
        "ftp-reply-decode.1",
        "ftp-reply-codes.1",
    ] {
        assert!(dir.join(page).is_file(), "{page}");
    }
    assert!(
        !dir.join("ftp-reply-generate.1").exists(),
        "generate is hidden"
    );
}

#[test]
fn help_documents_the_exit_statuses() {
    let help = run(&["--help"]);
    let help = help.ok();
    for status in [
        "0  success",
        "1  a negative finding",
        "2  bad input or usage",
    ] {
        assert!(help.contains(status), "{help}");
    }
    assert!(run(&["decode", "--help"]).ok().contains("Exit status"));
    assert!(!help.contains("generate"), "generate is hidden");
}
