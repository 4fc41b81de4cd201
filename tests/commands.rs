//! The command table and the exchange checker, through the public API only.

use std::collections::BTreeSet;

use ftp_reply::command::{
    Command, CommandLine, Exchange, Leniency, Problem, Role, Verdict, greeting_expects,
    greeting_replies,
};
use ftp_reply::{ReplyCode, ReplyInfo};

fn code(n: u16) -> ReplyCode {
    ReplyCode::new(n).unwrap()
}

// ------------------------------------------------------------------ the table

#[test]
fn every_row_uses_a_code_of_the_knowledge_base() {
    for c in Command::all() {
        for e in c.expected_replies() {
            assert!(e.code().info().is_some(), "{c}: {} has no entry", e.code());
        }
    }
    for e in greeting_replies() {
        assert!(e.code().info().is_some());
    }
}

#[test]
fn every_code_some_command_produces_is_reachable() {
    // Every code in a command row is found again from the code's side.
    for c in Command::all() {
        for e in c.expected_replies() {
            assert!(
                e.code().commands().any(|(p, r)| p == c && r == e.role()),
                "{c} {} {:?}",
                e.code(),
                e.role()
            );
            assert_eq!(e.code().commands().count(), e.code().commands().count());
        }
    }
}

#[test]
fn knowledge_base_codes_reached_by_some_command() {
    // The knowledge-base codes no command row produces: the greeting's 120,
    // and the codes that are not RFC replies to a command.
    let produced: BTreeSet<u16> = Command::all()
        .flat_map(|c| c.expected_replies().iter().map(|e| e.code().as_u16()))
        .chain(greeting_replies().iter().map(|e| e.code().as_u16()))
        .collect();
    let unreached: Vec<u16> = ReplyInfo::all()
        .iter()
        .map(|i| i.code().as_u16())
        .filter(|c| !produced.contains(c))
        .collect();
    // Only non-standard codes (231, 430, 434...) may be unreached.
    for c in &unreached {
        let info = code(*c).info().unwrap();
        assert!(
            !info.is_standard(),
            "standard code {c} is produced by no command"
        );
    }
    for info in ReplyInfo::all().iter().filter(|i| i.is_standard()) {
        assert!(produced.contains(&info.code().as_u16()), "{}", info.code());
    }
}

#[test]
fn covers_every_command_of_the_issue() {
    let verbs = [
        "USER", "PASS", "ACCT", "CWD", "CDUP", "SMNT", "REIN", "QUIT", "PORT", "PASV", "TYPE",
        "STRU", "MODE", "RETR", "STOR", "STOU", "APPE", "ALLO", "REST", "RNFR", "RNTO", "ABOR",
        "DELE", "RMD", "MKD", "PWD", "LIST", "NLST", "SITE", "SYST", "STAT", "HELP", "NOOP",
        "LPRT", "LPSV", "AUTH", "ADAT", "PROT", "PBSZ", "CCC", "MIC", "CONF", "ENC", "FEAT",
        "OPTS", "EPRT", "EPSV", "LANG", "SIZE", "MDTM", "MLST", "MLSD", "HOST", "XCWD", "XMKD",
        "XPWD", "XRMD", "XCUP",
    ];
    for v in verbs {
        let c = Command::from_verb(v);
        assert!(c.is_known(), "{v}");
        assert!(!c.expected_replies().is_empty(), "{v}");
        assert!(c.defined_in().is_some(), "{v}");
    }
    assert_eq!(Command::all().count(), verbs.len());
}

/// RFC 959 §5.4, row by row: (command, preliminary, success, intermediate,
/// error, error after the preliminary), with the "(110)" of STOR, STOU, RETR
/// and APPE as a restart marker.
#[allow(clippy::type_complexity)]
const RFC959_5_4: &[(&str, &[u16], &[u16], &[u16], &[u16], &[u16])] = &[
    ("USER", &[], &[230], &[331, 332], &[530, 500, 501, 421], &[]),
    (
        "PASS",
        &[],
        &[230, 202],
        &[332],
        &[530, 500, 501, 503, 421],
        &[],
    ),
    (
        "ACCT",
        &[],
        &[230, 202],
        &[],
        &[530, 500, 501, 503, 421],
        &[],
    ),
    (
        "CWD",
        &[],
        &[250],
        &[],
        &[500, 501, 502, 421, 530, 550],
        &[],
    ),
    (
        "CDUP",
        &[],
        &[200],
        &[],
        &[500, 501, 502, 421, 530, 550],
        &[],
    ),
    (
        "SMNT",
        &[],
        &[202, 250],
        &[],
        &[500, 501, 502, 421, 530, 550],
        &[],
    ),
    ("REIN", &[120], &[220], &[], &[421, 500, 502], &[]),
    ("QUIT", &[], &[221], &[], &[500], &[]),
    ("PORT", &[], &[200], &[], &[500, 501, 421, 530], &[]),
    ("PASV", &[], &[227], &[], &[500, 501, 502, 421, 530], &[]),
    ("MODE", &[], &[200], &[], &[500, 501, 504, 421, 530], &[]),
    ("TYPE", &[], &[200], &[], &[500, 501, 504, 421, 530], &[]),
    ("STRU", &[], &[200], &[], &[500, 501, 504, 421, 530], &[]),
    (
        "ALLO",
        &[],
        &[200, 202],
        &[],
        &[500, 501, 504, 421, 530],
        &[],
    ),
    ("REST", &[], &[], &[350], &[500, 501, 502, 421, 530], &[]),
    (
        "STOR",
        &[125, 150],
        &[226, 250],
        &[],
        &[532, 450, 452, 553, 500, 501, 421, 530],
        &[425, 426, 451, 551, 552],
    ),
    (
        "STOU",
        &[125, 150],
        &[226, 250],
        &[],
        &[532, 450, 452, 553, 500, 501, 421, 530],
        &[425, 426, 451, 551, 552],
    ),
    (
        "RETR",
        &[125, 150],
        &[226, 250],
        &[],
        &[450, 550, 500, 501, 421, 530],
        &[425, 426, 451],
    ),
    (
        "LIST",
        &[125, 150],
        &[226, 250],
        &[],
        &[450, 500, 501, 502, 421, 530],
        &[425, 426, 451],
    ),
    (
        "NLST",
        &[125, 150],
        &[226, 250],
        &[],
        &[450, 500, 501, 502, 421, 530],
        &[425, 426, 451],
    ),
    (
        "APPE",
        &[125, 150],
        &[226, 250],
        &[],
        &[532, 450, 550, 452, 553, 500, 501, 502, 421, 530],
        &[425, 426, 451, 551, 552],
    ),
    (
        "RNFR",
        &[],
        &[],
        &[350],
        &[450, 550, 500, 501, 502, 421, 530],
        &[],
    ),
    (
        "RNTO",
        &[],
        &[250],
        &[],
        &[532, 553, 500, 501, 502, 503, 421, 530],
        &[],
    ),
    (
        "DELE",
        &[],
        &[250],
        &[],
        &[450, 550, 500, 501, 502, 421, 530],
        &[],
    ),
    (
        "RMD",
        &[],
        &[250],
        &[],
        &[500, 501, 502, 421, 530, 550],
        &[],
    ),
    (
        "MKD",
        &[],
        &[257],
        &[],
        &[500, 501, 502, 421, 530, 550],
        &[],
    ),
    ("PWD", &[], &[257], &[], &[500, 501, 502, 421, 550], &[]),
    ("ABOR", &[], &[225, 226], &[], &[500, 501, 502, 421], &[]),
    ("SYST", &[], &[215], &[], &[500, 501, 502, 421], &[]),
    (
        "STAT",
        &[],
        &[211, 212, 213],
        &[],
        &[450, 500, 501, 502, 421, 530],
        &[],
    ),
    ("HELP", &[], &[211, 214], &[], &[500, 501, 502, 421], &[]),
    ("SITE", &[], &[200, 202], &[], &[500, 501, 530], &[]),
    ("NOOP", &[], &[200], &[], &[500, 421], &[]),
];

fn has(c: Command, n: u16, role: Role) -> bool {
    c.expected_replies().iter().any(|e| {
        e.code() == n
            && e.role() == role
            && e.sources().iter().any(|s| s.to_string() == "RFC 959 §5.4")
    })
}

#[test]
fn rfc_959_section_5_4_table() {
    for &(verb, pre, ok, mid, err, late) in RFC959_5_4 {
        let c = Command::from_verb(verb);
        for (codes, role) in [
            (pre, Role::Preliminary),
            (ok, Role::Success),
            (mid, Role::Intermediate),
            (err, Role::Error),
            (late, Role::ErrorAfterPreliminary),
        ] {
            for &n in codes {
                assert!(has(c, n, role), "{verb} {n} {role}");
            }
        }
        // And nothing else from RFC 959 §5.4.
        let listed = c
            .expected_replies()
            .iter()
            .filter(|e| e.sources().iter().any(|s| s.to_string() == "RFC 959 §5.4"))
            .count();
        let restart = usize::from(["STOR", "STOU", "RETR", "APPE"].contains(&verb));
        assert_eq!(
            listed,
            pre.len() + ok.len() + mid.len() + err.len() + late.len() + restart,
            "{verb}"
        );
    }
    assert_eq!(RFC959_5_4.len(), 33);
}

#[test]
fn retr_may_get_the_rfc_959_replies() {
    for n in [
        125, 150, 110, 226, 250, 425, 426, 451, 450, 550, 500, 501, 421, 530,
    ] {
        assert!(Command::Retr.expects(code(n)).is_some(), "{n}");
    }
    assert_eq!(Command::Retr.expects(code(110)), Some(Role::RestartMarker));
    assert_eq!(
        Command::Retr.expects(code(426)),
        Some(Role::ErrorAfterPreliminary)
    );
    assert_eq!(Command::Retr.expects(code(257)), None);
}

#[test]
fn extension_rows() {
    let role = |v: &str, n| Command::from_verb(v).expects(code(n));
    assert_eq!(role("AUTH", 234), Some(Role::Success));
    assert_eq!(role("AUTH", 334), Some(Role::Intermediate));
    assert_eq!(role("ADAT", 335), Some(Role::Intermediate));
    assert_eq!(role("PROT", 536), Some(Role::Error));
    assert_eq!(role("CCC", 533), Some(Role::Error));
    assert_eq!(role("MIC", 537), Some(Role::Error));
    assert_eq!(role("ENC", 632), Some(Role::Protected));
    assert_eq!(role("USER", 232), Some(Role::Success));
    assert_eq!(role("USER", 336), Some(Role::Intermediate));
    assert_eq!(role("FEAT", 211), Some(Role::Success));
    assert_eq!(role("OPTS", 451), Some(Role::Error));
    assert_eq!(role("EPSV", 229), Some(Role::Success));
    assert_eq!(role("EPRT", 522), Some(Role::Error));
    assert_eq!(role("LPSV", 228), Some(Role::Success));
    assert_eq!(role("LPRT", 521), Some(Role::Error));
    assert_eq!(role("LANG", 504), Some(Role::Error));
    assert_eq!(role("SIZE", 213), Some(Role::Success));
    assert_eq!(role("MDTM", 550), Some(Role::Error));
    assert_eq!(role("MLST", 250), Some(Role::Success));
    assert_eq!(role("MLSD", 150), Some(Role::Preliminary));
    assert_eq!(role("MLSD", 125), None);
    assert_eq!(role("HOST", 220), Some(Role::Success));
    assert_eq!(role("HOST", 503), Some(Role::Error));
    assert_eq!(role("STOR", 521), Some(Role::Error));
    assert_eq!(role("RETR", 554), Some(Role::Error));
    assert_eq!(role("APPE", 555), Some(Role::Error));
    assert_eq!(role("XMKD", 257), Some(Role::Success));
    assert_eq!(greeting_expects(code(120)), Some(Role::Preliminary));
}

#[test]
fn commands_producing_150_and_220() {
    let verbs = |n| {
        code(n)
            .commands()
            .map(|(c, _)| c.verb())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        verbs(150),
        ["RETR", "STOR", "STOU", "APPE", "LIST", "NLST", "MLSD"]
    );
    assert_eq!(verbs(220), ["REIN", "HOST"]);
    assert_eq!(verbs(631), ["MIC", "CONF", "ENC"]);
    let both: Vec<_> = code(522)
        .commands()
        .filter(|(c, _)| *c == Command::Stor)
        .collect();
    assert_eq!(
        both,
        [
            (Command::Stor, Role::ErrorAfterPreliminary),
            (Command::Stor, Role::Error)
        ]
    );
}

#[test]
fn every_known_command_checks_its_own_rows() {
    // A 1yz then each listed completion; each listed immediate reply alone.
    for c in Command::all() {
        for e in c.expected_replies() {
            let mut ex = Exchange::new(c);
            match e.role() {
                Role::Preliminary | Role::Protected => {
                    assert_eq!(
                        ex.push(e.code()),
                        Verdict::Expected(e.role()),
                        "{c} {}",
                        e.code()
                    );
                    assert!(!ex.is_complete());
                }
                Role::RestartMarker => {
                    ex.push(code(150));
                    assert_eq!(ex.push(e.code()), Verdict::Expected(e.role()));
                }
                Role::Success if c.completes_after_preliminary() => {
                    ex.push(code(150));
                    assert_eq!(ex.push(e.code()), Verdict::Expected(Role::Success), "{c}");
                }
                Role::ErrorAfterPreliminary => {
                    ex.push(code(150));
                    assert_eq!(
                        ex.push(e.code()),
                        Verdict::Expected(e.role()),
                        "{c} {}",
                        e.code()
                    );
                }
                _ => {
                    assert_eq!(
                        ex.push(e.code()),
                        Verdict::Expected(e.role()),
                        "{c} {}",
                        e.code()
                    );
                    assert!(ex.is_complete());
                }
            }
        }
    }
}

#[test]
fn abor_with_the_426_given_to_the_transfer_is_clean() {
    let retr = Exchange::check(Command::Retr, [code(150), code(426)]);
    let abor = Exchange::check(Command::Abor, [code(226)]);
    assert!(retr.is_clean() && retr.is_complete());
    assert!(abor.is_clean() && abor.is_complete());
}

// ------------------------------------------------------------------ real servers

/// One command (or the greeting) of a transcript, its reply codes, and the
/// findings the transcript says the checker must report.
struct Step {
    line: usize,
    command: Option<Command>,
    text: String,
    codes: Vec<ReplyCode>,
    expect: Vec<String>,
}

/// Parses a transcript: `> command`, `< reply line` (multi-line replies kept
/// whole), `= finding` (what the checker must report for the step above:
/// `lenient <rule> <code>`, `unexpected <problem> <code>` or `incomplete`),
/// and `#` comments.
fn parse_transcript(text: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut open: Option<String> = None; // the code of an unfinished multi-line reply
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        if raw.is_empty() || raw.starts_with('#') {
            continue;
        }
        let (tag, rest) = raw.split_at(2);
        match tag {
            "> " => {
                assert!(
                    open.is_none(),
                    "line {n}: command inside a multi-line reply"
                );
                let command = if rest == "(greeting)" {
                    None
                } else {
                    Some(CommandLine::parse_str(rest).unwrap().command())
                };
                steps.push(Step {
                    line: n,
                    command,
                    text: rest.to_owned(),
                    codes: Vec::new(),
                    expect: Vec::new(),
                });
            }
            "< " => {
                let step = steps.last_mut().expect("reply before any command");
                if let Some(c) = &open {
                    if rest.starts_with(&format!("{c} ")) || rest == c {
                        open = None;
                    }
                    continue;
                }
                let code = ReplyCode::parse_str(rest).unwrap_or_else(|e| panic!("line {n}: {e}"));
                step.codes.push(code);
                if rest.as_bytes().get(3) == Some(&b'-') {
                    open = Some(rest[..3].to_owned());
                }
            }
            "= " => steps.last_mut().unwrap().expect.push(rest.to_owned()),
            _ => panic!("line {n}: unknown line {raw:?}"),
        }
    }
    assert!(open.is_none(), "transcript ends inside a multi-line reply");
    steps
}

fn findings(step: &Step) -> Vec<String> {
    let mut ex = match step.command {
        Some(c) => Exchange::new(c),
        None => Exchange::greeting(),
    };
    let mut out = Vec::new();
    for &c in &step.codes {
        match ex.push(c) {
            Verdict::Expected(_) => {}
            Verdict::Lenient(_, rule) => out.push(format!("lenient {rule} {c}")),
            Verdict::Unexpected(p) => out.push(format!("unexpected {p} {c}")),
            v => panic!("new verdict {v:?}"),
        }
    }
    if !ex.is_complete() {
        out.push("incomplete".to_owned());
    }
    out
}

fn check_transcript(name: &str, text: &str) -> usize {
    let steps = parse_transcript(text);
    let mut bad = Vec::new();
    for s in &steps {
        let got = findings(s);
        if got != s.expect {
            bad.push(format!(
                "{name}:{} {}: checker says {got:?}, transcript says {:?}",
                s.line, s.text, s.expect
            ));
        }
    }
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
    steps.len()
}

#[test]
fn vsftpd_transcript() {
    let n = check_transcript("vsftpd.txt", include_str!("data/commands/vsftpd.txt"));
    assert!(n > 100);
}

#[test]
fn pyftpdlib_transcript() {
    let n = check_transcript("pyftpdlib.txt", include_str!("data/commands/pyftpdlib.txt"));
    assert!(n > 100);
}

#[test]
fn transcript_parser_keeps_multi_line_replies_whole() {
    let steps = parse_transcript(
        "> FEAT\n< 211-Features:\n<  SIZE\n<  211 not the end\n< 211 End\n> NOOP\n< 200 ok\n",
    );
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0].codes, [code(211)]);
    assert_eq!(steps[1].codes, [code(200)]);
}

#[test]
fn leniency_and_problem_names_are_stable() {
    assert_eq!(
        Leniency::AbortedTransferReply.to_string(),
        "aborted_transfer_reply"
    );
    assert_eq!(Problem::NotListed.to_string(), "not_listed");
}

#[test]
fn command_notes_exist_in_every_language() {
    use ftp_reply::Lang;
    use ftp_reply::command::greeting_notes;
    let en = Lang::default();
    let mut with_notes = 0;
    for c in Command::all() {
        with_notes += usize::from(!c.notes(Lang::En).is_empty());
        for lang in Lang::ALL {
            let notes = c.notes(lang);
            assert_eq!(notes.len(), c.notes(Lang::En).len(), "{c} {lang}");
            for (n, e) in notes.iter().zip(c.notes(Lang::En)) {
                assert!(!n.trim().is_empty(), "{c} {lang}");
                if lang != en {
                    assert_ne!(n, e, "{c} {lang}: the note is the English one");
                }
            }
        }
    }
    assert!(with_notes > 30, "{with_notes}");
    for lang in Lang::ALL {
        assert_eq!(greeting_notes(lang).len(), greeting_notes(Lang::En).len());
    }
}
