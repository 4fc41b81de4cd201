//! `diff(a, b)` through the public API: every pair, both languages, every format.

use std::collections::BTreeSet;

use ftp_reply::{Difference, Format, Lang, PairNote, ReplyCode, ReplyInfo, diff};
use strum::IntoEnumIterator;

/// Common English words that must not appear in French text. Command names,
/// code numbers, product names and configuration directives are allowed.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "when",
    "while",
    "with",
    "without",
    "file",
    "files",
    "server",
    "data",
    "connection",
    "login",
    "error",
    "reply",
    "replies",
    "is",
    "are",
    "not",
    "this",
    "that",
    "send",
    "after",
    "before",
    "retry",
    "of",
    "to",
    "for",
    "from",
    "what",
    "which",
    "how",
    "use",
    "user",
    "password",
    "directory",
    "command",
    "transfer",
    "failed",
    "closing",
    "open",
    "if",
    "then",
    "or",
    "be",
    "can",
    "will",
    "no",
    "yes",
    "it",
    "by",
    "see",
];

/// Words that legitimately appear twice in a row.
const DOUBLES_OK: &[&str] = &["vous", "nous"];

fn words(text: &str) -> impl Iterator<Item = &str> {
    // Directive names such as chroot_local_user stay one token, and are skipped.
    text.split(|c: char| !c.is_alphanumeric() && c != '_' && c != '\'' && c != '’')
        .filter(|w| !w.is_empty() && !w.contains('_'))
}

fn check_page(text: &str, context: &str, lang: Lang) {
    assert!(
        !text.contains('{') && !text.contains('}'),
        "{context}: template leftover"
    );
    assert!(!text.contains("TODO"), "{context}: placeholder");
    for line in text.lines() {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        for pair in tokens.windows(2) {
            let (x, y) = (pair[0].to_lowercase(), pair[1].to_lowercase());
            if x == y && x.chars().all(char::is_alphabetic) && !DOUBLES_OK.contains(&x.as_str()) {
                panic!("{context}: doubled word {:?} in {line:?}", pair[0]);
            }
        }
    }
    // Source titles (in "En savoir plus") are citations, kept in their own language.
    let prose = text.split("En savoir plus").next().unwrap_or(text);
    for w in words(prose) {
        let lw = w.to_lowercase();
        if lang == Lang::Fr {
            // Compare lower-case words, but keep tokens such as RETR or ProFTPD.
            let is_name = (w.chars().count() >= 2 && w == w.to_uppercase())
                || w.chars().skip(1).any(char::is_uppercase);
            if !is_name && ENGLISH.contains(&lw.as_str()) {
                panic!("{context}: English word {w:?} in French text");
            }
        }
    }
}

fn all_codes() -> Vec<ReplyCode> {
    let mut codes: Vec<ReplyCode> = ReplyInfo::all().iter().map(ReplyInfo::code).collect();
    // Codes no document defines are compared too.
    codes.extend([199, 299, 459, 590, 600].map(|n| ReplyCode::new(n).unwrap()));
    codes
}

#[test]
fn every_pair_renders_in_every_language_and_format() {
    let codes = all_codes();
    let mut page = String::new();
    for &a in &codes {
        for &b in &codes {
            let d = diff(a, b);
            for lang in Lang::iter() {
                for format in Format::iter() {
                    page.clear();
                    d.write_to(&mut page, lang, format).unwrap();
                    assert!(page.contains(&a.to_string()) && page.contains(&b.to_string()));
                    // Spot-check the words of a sample of pages (every page is checked for
                    // template leftovers).
                    if (a.as_u16() + b.as_u16()) % 7 == 0 || a == b || d.note().is_some() {
                        check_page(&page, &format!("{a} vs {b} {lang} {format}"), lang);
                    } else {
                        assert!(!page.contains('{') && !page.contains('}'));
                    }
                }
            }
        }
    }
}

#[test]
fn diff_mirrors() {
    let codes = all_codes();
    for &a in &codes {
        for &b in &codes {
            let ab: Vec<Difference> = diff(a, b).differences().collect();
            let ba: Vec<Difference> = diff(b, a).differences().map(Difference::mirrored).collect();
            assert_eq!(ab, ba, "{a} vs {b}");
            assert_eq!(diff(a, b).note(), diff(b, a).note());
            assert_eq!(diff(a, b).is_same(), a == b);
        }
    }
}

#[test]
fn same_code_has_no_differences_and_says_so() {
    for &a in &all_codes() {
        let d = diff(a, a);
        assert_eq!(d.differences().count(), 0);
        let en = d.render(Lang::En, Format::Text).to_string();
        assert!(en.contains("There are no differences"), "{en}");
        let fr = d.render(Lang::Fr, Format::Text).to_string();
        assert!(fr.contains("Aucune différence"), "{fr}");
    }
}

#[test]
fn every_axis_is_found() {
    let axes = |a: u16, b: u16| -> BTreeSet<&'static str> {
        diff(ReplyCode::new(a).unwrap(), ReplyCode::new(b).unwrap())
            .differences()
            .map(|d| d.axis())
            .collect()
    };
    assert_eq!(
        axes(150, 421),
        [
            "category",
            "stage",
            "outcome",
            "function",
            "control_connection",
            "data_connection",
            "next_step",
            "commands"
        ]
        .into_iter()
        .collect()
    );
    assert_eq!(
        axes(451, 551),
        ["category", "persistence", "next_step", "commands"]
            .into_iter()
            .collect()
    );
    assert!(axes(451, 551).contains("persistence"));
    assert!(axes(430, 530).contains("standing"));
    assert!(axes(530, 599).contains("standing"));
    assert!(
        !axes(530, 599).contains("control_connection"),
        "unknown codes have no connection facts"
    );
    // The commands of 227 (PASV) and 229 (EPSV) differ.
    let pasv = diff(
        ReplyCode::ENTERING_PASSIVE_MODE,
        ReplyCode::new(229).unwrap(),
    );
    assert!(pasv.differences().any(|d| d.axis() == "commands"));
    assert!(
        pasv.render(Lang::En, Format::Text)
            .to_string()
            .contains("227 can answer PASV; 229 can answer EPSV.")
    );
    assert_eq!(
        axes(425, 426),
        ["data_connection", "next_step"].into_iter().collect()
    );
}

#[test]
fn commonly_confused_pairs_have_notes() {
    let pairs = [
        (125, 150),
        (226, 250),
        (331, 332),
        (421, 450),
        (425, 426),
        (450, 550),
        (451, 551),
        (500, 501),
        (500, 502),
        (500, 504),
        (501, 502),
        (501, 504),
        (502, 504),
        (530, 532),
        (550, 553),
        (452, 552),
        (227, 229),
    ];
    for (a, b) in pairs {
        let (a, b) = (ReplyCode::new(a).unwrap(), ReplyCode::new(b).unwrap());
        let note = PairNote::get(a, b).unwrap_or_else(|| panic!("no note for {a}/{b}"));
        for lang in Lang::iter() {
            assert!(!note.note(lang).is_empty() && !note.server(lang).is_empty());
            let page = diff(b, a).render(lang, Format::Markdown).to_string();
            assert!(page.contains(note.note(lang)));
            assert!(page.contains(note.client(lang)));
        }
        assert_ne!(note.note(Lang::En), note.note(Lang::Fr));
    }
    for (a, b, _) in PairNote::all() {
        assert!(a < b && a.info().is_some() && b.info().is_some());
    }
}

/// The seed page, 150 vs 421, kept as reviewed snapshots in every format and language.
#[test]
fn snapshots_150_vs_421() {
    let d = diff(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
    let mut outputs = vec![
        (
            "150-421.en.txt",
            d.render(Lang::En, Format::Text).to_string(),
        ),
        (
            "150-421.fr.txt",
            d.render(Lang::Fr, Format::Text).to_string(),
        ),
        (
            "150-421.en.md",
            d.render(Lang::En, Format::Markdown).to_string(),
        ),
        (
            "150-421.fr.md",
            d.render(Lang::Fr, Format::Markdown).to_string(),
        ),
    ];
    #[cfg(feature = "serde")]
    for lang in Lang::iter() {
        let json = serde_json::to_string_pretty(&d.localized(lang)).unwrap() + "\n";
        outputs.push((
            if lang == Lang::En {
                "150-421.en.json"
            } else {
                "150-421.fr.json"
            },
            json,
        ));
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let bless = std::env::var_os("FTP_REPLY_BLESS").is_some();
    for (name, got) in outputs {
        let path = dir.join(name);
        if bless {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run with FTP_REPLY_BLESS=1 to create it)",
                path.display()
            )
        });
        assert!(
            got == want,
            "{name} changed; review the new output and run with FTP_REPLY_BLESS=1 to accept it:\n{got}"
        );
    }
}
