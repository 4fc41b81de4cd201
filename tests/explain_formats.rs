//! The pages of `Explanation` and `Diagnosis` in every format and language:
//! the JSON schema documented on `Explanation` and `LocalizedDiagnosis` (the
//! keys of the docs' tables, parsed back with `serde_json`), and the Markdown
//! page, which must say exactly what the plain-text page says.

use ftp_reply::diagnosis::{Diagnosis, diagnose_line_str as diagnose_line};
use ftp_reply::diff::Format;
use ftp_reply::{Lang, ReplyCode, ReplyInfo};

/// Every code the knowledge base defines, and a few that nothing defines.
fn codes() -> Vec<ReplyCode> {
    let mut codes: Vec<ReplyCode> = ReplyInfo::all().iter().map(ReplyInfo::code).collect();
    codes.extend([199, 299, 399, 459, 599, 609].map(|n| ReplyCode::new(n).unwrap()));
    codes
}

/// Reply lines and what the table finds for them: one server-specific row,
/// a text several servers send, a text nobody sends.
fn lines() -> Vec<(&'static str, Vec<&'static Diagnosis>)> {
    [
        "500 OOPS: vsftpd: refusing to run with writable root inside chroot()",
        "530 Login incorrect.",
        "421 Too many connections (8) from this IP",
        "550 Something no server says",
    ]
    .into_iter()
    .map(|l| (l, diagnose_line(l).unwrap().collect()))
    .collect()
}

/// The plain-text page without its layout: the non-empty lines, trimmed.
fn text_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The Markdown page read back as the plain-text lines it must contain:
/// heading marks and the bold of a leading label dropped, every escape
/// undone. Panics on a backslash that escapes nothing, or on a character
/// that would start Markdown syntax left unescaped.
fn markdown_lines(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in md.lines().map(str::trim_start).filter(|l| !l.is_empty()) {
        let line = line
            .strip_prefix("## ")
            .or_else(|| line.strip_prefix("# "))
            .unwrap_or(line);
        let line = match line.strip_prefix("**") {
            Some(rest) => {
                let end = rest.find("** ").expect("a bold label ends with `** `");
                format!("{} {}", &rest[..end], &rest[end + 3..])
            }
            None => line.to_owned(),
        };
        let mut plain = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    let next = chars.next().expect("a backslash escapes a character");
                    assert!("\\*_`[]<>#".contains(next), "needless escape in {line:?}");
                    plain.push(next);
                }
                '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                    panic!("unescaped {c:?} in {line:?}")
                }
                _ => plain.push(c),
            }
        }
        out.push(plain);
    }
    out
}

#[test]
fn markdown_says_what_the_text_says_for_every_code_and_language() {
    let lines = lines();
    for lang in Lang::ALL {
        for code in codes() {
            let e = code.explain(lang);
            let md = e.render(Format::Markdown).to_string();
            assert_eq!(
                markdown_lines(&md),
                text_lines(&e.to_string()),
                "{code} {lang}"
            );
            assert!(md.starts_with("# ") && md.ends_with('\n') && !md.ends_with("\n\n"));
            assert_eq!(e.render(Format::Text).to_string(), e.to_string());
        }
        for (line, found) in &lines {
            let code = ReplyCode::parse_str(line).unwrap();
            let e = code.explain(lang).with_diagnoses(found);
            let md = e.render(Format::Markdown).to_string();
            assert_eq!(
                markdown_lines(&md),
                text_lines(&e.to_string()),
                "{line} {lang}"
            );
            for d in found {
                let one = d.render(lang, Format::Markdown).to_string();
                assert_eq!(
                    markdown_lines(&one),
                    text_lines(&d.render(lang, Format::Text).to_string())
                );
                assert!(md.contains(&one), "{line} {lang}: {one}");
            }
        }
    }
}

#[test]
fn markdown_headings_and_labels_in_each_language() {
    let fr: Lang = "fr".parse().unwrap();
    let es: Lang = "es".parse().unwrap();
    let line = "530 This FTP server is anonymous only.";
    let found: Vec<_> = diagnose_line(line).unwrap().collect();
    let page = |lang| {
        ReplyCode::NOT_LOGGED_IN
            .explain(lang)
            .with_diagnoses(&found)
            .render(Format::Markdown)
            .to_string()
    };
    let cases = [
        (
            page(Lang::En),
            [
                "# 530 Not Logged In\n\n**Category:** 5xx Permanent Negative Completion\n\n",
                "\n\n## Description\n\n",
                "\n\n## For a client\n\n- this is the last reply to the command\n- ",
                "\n\n## Diagnosis\n\n**Server:** vsftpd\n\n**Cause:** ",
            ],
        ),
        (
            page(fr),
            [
                "# 530 Non connecté\n\n**Catégorie :** 5xx ",
                "\n\n## Quand vous le voyez\n\n",
                "\n\n## Pour un client\n\n- c'est la dernière réponse à la commande\n- ",
                "\n\n**Serveur :** vsftpd\n\n**Cause :** ",
            ],
        ),
        (
            page(es),
            [
                "**Categoría:** 5xx ",
                "\n\n## Descripción\n\n",
                "\n\n**Fuentes:** RFC 959",
                "\n\n**Servidor:** vsftpd\n\n**Causa:** ",
            ],
        ),
    ];
    for (md, parts) in cases {
        for part in parts {
            assert!(md.contains(part), "{part:?} not in\n{md}");
        }
    }
    // A line that no server sends: the section says so.
    let none = ReplyCode::SERVICE_NOT_AVAILABLE
        .explain(es)
        .with_diagnoses(&[])
        .render(Format::Markdown)
        .to_string();
    assert!(
        none.ends_with(
            "\n\n## Diagnóstico\n\nNingún texto de servidor conocido coincide con esta respuesta.\n"
        ),
        "{none}"
    );
}

#[test]
fn markdown_meanings_are_a_numbered_list_with_their_context_inside() {
    let md = ReplyCode::new(232)
        .unwrap()
        .explain(Lang::En)
        .render(Format::Markdown)
        .to_string();
    let at = md.find("\n## Meanings\n\n1. RFC 2228").expect(&md);
    let section = &md[at..md[at + 1..].find("\n## ").map_or(md.len(), |n| n + at + 1)];
    assert!(
        section.contains(" (USER)\n\n   RFC 2228 meaning: "),
        "{section}"
    );
    assert!(section.contains("\n\n2. RFC 542 "), "{section}");
}

#[cfg(feature = "serde")]
/// The keys of a schema table in a source file's docs: the first column of
/// rows that follow the line `| key | value |`.
fn documented_keys(source: &str, after: &str) -> Vec<String> {
    let start = source.find(after).expect("the schema's section");
    let table = &source[start..];
    let table = &table[table.find("/// | key | value |").expect("a key table")..];
    table
        .lines()
        .skip(2)
        .map_while(|l| l.trim_start().strip_prefix("/// | `"))
        .map(|l| l[..l.find('`').unwrap()].to_owned())
        .collect()
}

#[cfg(feature = "serde")]
fn keys(v: &serde_json::Value) -> Vec<String> {
    v.as_object().expect("an object").keys().cloned().collect()
}

#[cfg(feature = "serde")]
#[test]
fn json_keys_are_the_documented_ones_for_every_code_and_language() {
    let explanation_keys = documented_keys(include_str!("../src/explain.rs"), "# JSON");
    let diagnosis_keys = documented_keys(
        include_str!("../src/diagnosis/json.rs"),
        "with its cause and fix in one language",
    );
    assert_eq!(explanation_keys.len(), 21, "{explanation_keys:?}");
    assert_eq!(diagnosis_keys.len(), 8, "{diagnosis_keys:?}");
    let lines = lines();
    for lang in Lang::ALL {
        for code in codes() {
            let text = serde_json::to_string(&code.explain(lang)).unwrap();
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(keys(&v), explanation_keys, "{code} {lang}");
            // The order written is the documented (alphabetical) one.
            let mut sorted = explanation_keys.clone();
            sorted.sort();
            assert_eq!(sorted, explanation_keys);
            let info = code.info();
            assert_eq!(v["code"], code.as_u16());
            assert_eq!(v["lang"], lang.code());
            assert_eq!(v["category"], code.category().name(lang));
            assert_eq!(v["title"], serde_json::json!(info.map(|i| i.title(lang))));
            assert_eq!(
                v["standard"],
                serde_json::json!(info.map(ReplyInfo::is_standard))
            );
            assert_eq!(v["next_step"], code.retry_advice().describe(lang));
            assert_eq!(v["diagnosis"], serde_json::json!([]));
            let related: Vec<u16> = info
                .map_or(&[][..], ReplyInfo::related)
                .iter()
                .map(|r| r.as_u16())
                .collect();
            assert_eq!(v["related"], serde_json::json!(related));
            for c in v["commands"].as_array().unwrap() {
                assert_eq!(keys(c), ["command", "role"]);
            }
            let meanings = v["meanings"].as_array().unwrap();
            assert_eq!(meanings.len(), info.map_or(0, |i| i.meanings().len()));
            for m in meanings {
                assert_eq!(keys(m), ["commands", "context", "source", "wording"]);
            }
        }
        for (line, found) in &lines {
            let code = ReplyCode::parse_str(line).unwrap();
            let v = serde_json::to_value(code.explain(lang).with_diagnoses(found)).unwrap();
            let got = v["diagnosis"].as_array().unwrap();
            assert_eq!(got.len(), found.len(), "{line}");
            for (j, d) in got.iter().zip(found) {
                assert_eq!(keys(j), diagnosis_keys, "{line}");
                assert_eq!(j["id"], d.id());
                assert_eq!(j["server"], d.server().to_string());
                assert_eq!(j["server_id"], d.server().id());
                assert_eq!(j["server_specific"], d.is_server_specific());
                assert_eq!(j["cause"], d.cause(lang));
                assert_eq!(j["fix"], d.fix(lang));
                assert_eq!(j["source"], d.source());
                assert_eq!(j["pattern"], d.pattern());
            }
        }
    }
    // The three kinds of line: one proven server, a shared text, nothing.
    assert!(lines[0].1[0].is_server_specific());
    assert!(lines[1].1.len() > 1 && lines[1].1.iter().all(|d| !d.is_server_specific()));
    assert!(lines[3].1.is_empty());
}
