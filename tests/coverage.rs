//! Diagnosis coverage by construction: every negative reply (4yz, 5yz, 6yz)
//! that a server's source can send, as extracted by
//! `tools/extract_server_texts.py` into `tests/data/server-texts/`, must get a
//! diagnosis row of that server, unless `excluded.tsv` lists it with a
//! reason; and no row may claim another server's text unless that server
//! sends the very same text (or `overlaps.tsv` lists the pair with a reason).
//!
//! `cargo test --test coverage -- --nocapture` prints the figure per server
//! and version.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ftp_reply::ReplyCode;
use ftp_reply::diagnosis::{Diagnosis, Server, diagnose_line_str, diagnose_str};

/// One extracted reply: code and text in pattern syntax.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Text {
    code: u16,
    text: String,
    source: String,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/server-texts")
}

/// `vsftpd-3.0.3` -> vsftpd; `filezilla-server-1.9.4` -> FileZilla Server.
fn server_of(stem: &str) -> Server {
    let name = stem.rsplit_once('-').map_or(stem, |(n, _)| n);
    name.parse()
        .unwrap_or_else(|_| panic!("{stem}: no server named {name:?}"))
}

/// Every `*.tsv` extraction (not the exclusion lists), by file stem.
fn extractions() -> BTreeMap<String, Vec<Text>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if path.extension().is_none_or(|e| e != "tsv") || stem == "excluded" || stem == "overlaps" {
            continue;
        }
        let body = std::fs::read_to_string(&path).unwrap();
        let mut rows = Vec::new();
        for (n, line) in body.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                f.len(),
                3,
                "{}:{}: expected code, text, source",
                path.display(),
                n + 1
            );
            rows.push(Text {
                code: f[0]
                    .parse()
                    .unwrap_or_else(|_| panic!("{}:{}: bad code", path.display(), n + 1)),
                text: f[1].to_owned(),
                source: f[2].to_owned(),
            });
        }
        assert!(!rows.is_empty(), "{} is empty", path.display());
        out.insert(stem, rows);
    }
    assert!(out.len() >= 6, "extractions missing: {:?}", out.keys());
    out
}

/// `stem TAB code TAB text TAB reason` lines of a list file; `*` as stem
/// means every version of the server named in the reason's row.
fn list(name: &str, fields: usize) -> Vec<Vec<String>> {
    let path = dir().join(name);
    let body = std::fs::read_to_string(&path).unwrap();
    let mut out = Vec::new();
    for (n, line) in body.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<String> = line.split('\t').map(str::to_owned).collect();
        assert_eq!(
            f.len(),
            fields,
            "{name}:{}: expected {fields} tab-separated fields",
            n + 1
        );
        assert!(
            !f[fields - 1].trim().is_empty(),
            "{name}:{}: no reason",
            n + 1
        );
        out.push(f);
    }
    out
}

/// Concrete reply texts for a pattern text: `{*}` -> `x`, then `{*}` -> `1`
/// (a run-time value is often a number), `{n}` -> `1`, `{{` -> `{`.
fn instances(pattern: &str) -> [String; 2] {
    ["x", "1"].map(|any| {
        pattern
            .replace("{*}", "\u{1}")
            .replace("{n}", "1")
            .replace("{{", "{")
            .replace('\u{1}', any)
    })
}

fn negative(code: u16) -> bool {
    (400..700).contains(&code)
}

#[test]
fn every_negative_text_has_a_row_of_its_own_server() {
    let all = extractions();
    let lines = list("excluded.tsv", 4);
    let excluded: BTreeSet<(String, u16, String)> = lines
        .iter()
        .map(|f| (f[0].clone(), f[1].parse().unwrap(), f[2].clone()))
        .collect();
    // Lines whose reason says why the text cannot be sent (or needs no row of
    // its own), as opposed to "not yet covered".
    let left_out: BTreeSet<(String, u16, String)> = lines
        .iter()
        .filter(|f| f[3].starts_with("left out"))
        .map(|f| (f[0].clone(), f[1].parse().unwrap(), f[2].clone()))
        .collect();
    let mut used = BTreeSet::new();
    let mut missing = String::new();
    let mut report = String::new();
    for (stem, texts) in &all {
        let server = server_of(stem);
        let distinct: BTreeSet<(u16, String)> = texts
            .iter()
            .filter(|t| negative(t.code))
            .map(|t| (t.code, t.text.clone()))
            .collect();
        let mut covered = 0;
        let mut reasoned = 0;
        for (code, text) in &distinct {
            let code_v = ReplyCode::new(*code).unwrap();
            let own = instances(text)
                .iter()
                .any(|t| diagnose_str(code_v, t).any(|d| d.server() == server));
            let key = (stem.clone(), *code, text.clone());
            if own {
                covered += 1;
                assert!(
                    !excluded.contains(&key),
                    "excluded.tsv lists {stem} {code} {text:?}, which now has a row: remove the line"
                );
            } else if excluded.contains(&key) {
                if left_out.contains(&key) {
                    reasoned += 1;
                }
                used.insert(key);
            } else {
                writeln!(missing, "{stem}\t{code}\t{text}\tnot yet covered").unwrap();
            }
        }
        let pct = 100.0 * f64::from(covered) / distinct.len() as f64;
        let sendable = distinct.len() - reasoned;
        let pct_sendable = 100.0 * f64::from(covered) / sendable as f64;
        writeln!(
            report,
            "{stem:28} {covered:4} of {:4} distinct negative texts diagnosed as {server} ({pct:.1} %); \
             {reasoned:3} left out with a reason, {covered:4} of the other {sendable:4} ({pct_sendable:.1} %)",
            distinct.len()
        )
        .unwrap();
    }
    println!("{report}");
    assert!(
        missing.is_empty(),
        "texts with no row of their own server; add rows, or these lines to excluded.tsv:\n{missing}"
    );
    let stale: Vec<_> = excluded.difference(&used).collect();
    assert!(
        stale.is_empty(),
        "excluded.tsv lines that match no extracted text: {stale:?}"
    );
}

#[test]
fn no_row_claims_another_servers_text() {
    let all = extractions();
    // Texts each server sends, for the "identical text" rule.
    let mut sent: BTreeMap<Server, BTreeSet<(u16, String)>> = BTreeMap::new();
    for (stem, texts) in &all {
        let s = sent.entry(server_of(stem)).or_default();
        for t in texts {
            s.insert((t.code, t.text.to_lowercase()));
        }
    }
    let allowed: BTreeSet<(String, String, u16, String)> = list("overlaps.tsv", 5)
        .into_iter()
        .map(|f| {
            (
                f[0].clone(),
                f[1].clone(),
                f[2].parse().unwrap(),
                f[3].clone(),
            )
        })
        .collect();
    let mut used = BTreeSet::new();
    let mut wrong = String::new();
    for (stem, texts) in &all {
        let server = server_of(stem);
        let distinct: BTreeSet<(u16, &str)> = texts
            .iter()
            .filter(|t| negative(t.code))
            .map(|t| (t.code, t.text.as_str()))
            .collect();
        for (code, text) in distinct {
            let [a, b] = instances(text);
            let code_v = ReplyCode::new(code).unwrap();
            let mut rows: Vec<_> = diagnose_str(code_v, &a)
                .chain(diagnose_str(code_v, &b))
                .collect();
            rows.sort_by_key(|d| d.id());
            rows.dedup_by_key(|d| d.id());
            for d in rows {
                if d.server() == server
                    || sent
                        .get(&d.server())
                        .is_some_and(|s| s.contains(&(code, text.to_lowercase())))
                {
                    continue;
                }
                let key = (d.id().to_owned(), stem.clone(), code, text.to_owned());
                if allowed.contains(&key) {
                    used.insert(key);
                } else {
                    writeln!(wrong, "{}\t{stem}\t{code}\t{text}\tnot yet fixed", d.id()).unwrap();
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "rows whose pattern matches another server's unrelated text; narrow them, or list in overlaps.tsv:\n{wrong}"
    );
    let stale: Vec<_> = allowed.difference(&used).collect();
    assert!(
        stale.is_empty(),
        "overlaps.tsv lines that no longer apply: {stale:?}"
    );
}

#[test]
fn extractions_are_well_formed() {
    for (stem, texts) in extractions() {
        let _ = server_of(&stem);
        for t in &texts {
            assert!((100..700).contains(&t.code), "{stem}: code {}", t.code);
            assert_eq!(
                t.text.trim(),
                t.text,
                "{stem}: {:?} has surrounding spaces",
                t.text
            );
            assert!(!t.source.is_empty(), "{stem}: {:?} has no source", t.text);
        }
    }
}

/// Texts of servers the table does not cover: extractions under
/// `reference/` (libunftp), and the negative single-line replies of session
/// transcripts (`reference/*.session.txt`, `tests/data/servers/libunftp-*.txt`).
fn reference_texts() -> Vec<(String, Text)> {
    let mut out = Vec::new();
    let mut sessions: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(dir().join("reference")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.ends_with(".session.txt") {
            sessions.push(path);
        } else if name.ends_with(".tsv") {
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                if line.starts_with('#') || line.is_empty() {
                    continue;
                }
                let f: Vec<&str> = line.split('\t').collect();
                out.push((
                    name.clone(),
                    Text {
                        code: f[0].parse().unwrap(),
                        text: f[1].to_owned(),
                        source: f[2].to_owned(),
                    },
                ));
            }
        }
    }
    let servers = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/servers");
    for entry in std::fs::read_dir(servers).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("libunftp-")
        {
            sessions.push(path);
        }
    }
    assert!(
        sessions.len() >= 2,
        "need the libunftp and inetutils transcripts"
    );
    for path in sessions {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let Some(reply) = line.strip_prefix("S: ") else {
                continue;
            };
            let Ok(code) = ReplyCode::parse_str(reply) else {
                continue;
            };
            if reply.as_bytes().get(3) != Some(&b' ') {
                continue;
            }
            // Literal text: escape the pattern syntax.
            let text = reply[4..].trim().replace('{', "{{");
            out.push((
                name.clone(),
                Text {
                    code: code.as_u16(),
                    text,
                    source: name.clone(),
                },
            ));
        }
    }
    out
}

/// Whether `row` matches a text that a server other than its own sends.
fn matches_foreign_text(
    row: &Diagnosis,
    all: &BTreeMap<String, Vec<Text>>,
    reference: &[(String, Text)],
) -> Option<String> {
    let code = row.code().as_u16();
    let hit = |t: &Text| t.code == code && instances(&t.text).iter().any(|i| row.matches(i));
    for (stem, texts) in all {
        if server_of(stem) != row.server() {
            if let Some(t) = texts.iter().find(|t| hit(t)) {
                return Some(format!("{stem} {} {}", t.code, t.text));
            }
        }
    }
    reference
        .iter()
        .find(|(_, t)| hit(t))
        .map(|(n, t)| format!("{n} {} {}", t.code, t.text))
}

#[test]
fn server_specific_column_matches_the_extracted_texts() {
    let all = extractions();
    let reference = reference_texts();
    let mut wrong = String::new();
    let mut shared = 0;
    for row in Diagnosis::all() {
        let foreign = matches_foreign_text(row, &all, &reference);
        shared += usize::from(foreign.is_some());
        match (&foreign, row.is_server_specific()) {
            (Some(t), true) => writeln!(
                wrong,
                "{}: add `server_specific = false` (matches {t})",
                row.id()
            )
            .unwrap(),
            (None, false) => writeln!(
                wrong,
                "{}: remove `server_specific = false` (matches no other server's text)",
                row.id()
            )
            .unwrap(),
            _ => {}
        }
    }
    println!(
        "{shared} of {} rows match another server's text (server_specific = false)",
        Diagnosis::all().len()
    );
    assert!(
        wrong.is_empty(),
        "diagnoses.toml server_specific is out of date:\n{wrong}"
    );
}

#[test]
fn unknown_servers_are_never_claimed_as_a_known_one() {
    // libunftp (tests/servers runs it in process) and GNU inetutils ftpd 2.4,
    // captured for this test: the table covers neither.
    let mut seen = 0;
    for (name, t) in reference_texts()
        .iter()
        .filter(|(n, _)| n.ends_with(".txt"))
    {
        let line = format!("{} {}", t.code, t.text.replace("{{", "{"));
        for d in diagnose_line_str(&line).unwrap() {
            seen += 1;
            assert!(
                !d.is_server_specific(),
                "{name}: {line:?} gets {} as if the text proved {}",
                d.id(),
                d.server()
            );
        }
    }
    println!("{seen} diagnoses of libunftp/inetutils replies, none claims a known server");
    assert!(
        seen > 0,
        "the transcripts should share some texts with known servers"
    );
}
