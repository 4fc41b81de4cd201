//! `Diff::new(a, b)` through the public API: every pair, every language, every format.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use ftp_reply::diff::{Diff, Difference, Format, PairNote};
use ftp_reply::{Lang, ReplyCode, ReplyInfo};

/// Common English words that must not appear in each language's pages, from
/// `tests/data/english_words.toml` (one list per language code). Command
/// names, code numbers, product names and configuration directives are allowed.
fn english_words(lang: Lang) -> Vec<String> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/english_words.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    // A tiny reader for `code = ["word", ...]` lines: enough for this file.
    for line in text.lines() {
        let Some((code, list)) = line.split_once('=') else {
            continue;
        };
        if code.trim() == lang.code() {
            return list
                .trim()
                .trim_start_matches('[')
                .trim_end_matches(']')
                .split(',')
                .map(|w| w.trim().trim_matches('"').to_owned())
                .filter(|w| !w.is_empty())
                .collect();
        }
    }
    assert!(
        lang == Lang::default(),
        "{}: no list of English words for {lang}; add one (see TRANSLATING.md)",
        path.display()
    );
    Vec::new()
}

/// Words that legitimately appear twice in a row.
const DOUBLES_OK: &[&str] = &["vous", "nous"];

/// The page up to its last heading ("Learn more", whose source titles are
/// citations kept in their own language).
fn before_last_heading(text: &str) -> &str {
    let lines: Vec<&str> = text.lines().collect();
    let mut cut = text.len();
    for (i, pair) in lines.windows(2).enumerate() {
        let underline = !pair[1].is_empty() && pair[1].chars().all(|c| c == '-');
        if underline || pair[1].starts_with("## ") {
            let at = if underline { i } else { i + 1 };
            cut = lines[..at].iter().map(|l| l.len() + 1).sum();
        }
    }
    &text[..cut.min(text.len())]
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    // Directive names such as chroot_local_user stay one token, and are skipped.
    text.split(|c: char| !c.is_alphanumeric() && c != '_' && c != '\'' && c != '’')
        .filter(|w| !w.is_empty() && !w.contains('_'))
}

fn check_page(text: &str, context: &str, lang: Lang, english: &[String]) {
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
    // Source titles (in "Learn more") are citations, kept in their own language,
    // and so are the server texts that the prose quotes ("421 Timeout.", `257 "/a"`).
    let prose = before_last_heading(text);
    let no_code: String = prose.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let unquoted: String = no_code.split('"').step_by(2).collect::<Vec<_>>().join(" ");
    for w in words(&unquoted) {
        let lw = w.to_lowercase();
        // Compare lower-case words, but keep tokens such as RETR or ProFTPD.
        let is_name = (w.chars().count() >= 2 && w == w.to_uppercase())
            || w.chars().skip(1).any(char::is_uppercase);
        if !is_name && english.contains(&lw) {
            panic!(
                "{context}: English word {w:?} in {} text",
                lang.english_name()
            );
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
    let english: Vec<Vec<String>> = Lang::ALL.iter().map(|&l| english_words(l)).collect();
    let mut page = String::new();
    for &a in &codes {
        for &b in &codes {
            let d = Diff::new(a, b);
            for (lang, english) in Lang::ALL.into_iter().zip(&english) {
                for format in Format::ALL {
                    page.clear();
                    write!(page, "{}", d.render(lang, format)).unwrap();
                    assert!(page.contains(&a.to_string()) && page.contains(&b.to_string()));
                    // Spot-check the words of a sample of pages (every page is checked for
                    // template leftovers).
                    if (a.as_u16() + b.as_u16()) % 7 == 0 || a == b || d.note().is_some() {
                        check_page(&page, &format!("{a} vs {b} {lang} {format}"), lang, english);
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
            let ab: Vec<Difference> = Diff::new(a, b).differences().collect();
            let ba: Vec<Difference> = Diff::new(b, a)
                .differences()
                .map(Difference::mirrored)
                .collect();
            assert_eq!(ab, ba, "{a} vs {b}");
            assert_eq!(Diff::new(a, b).note(), Diff::new(b, a).note());
            assert_eq!(Diff::new(a, b).is_same(), a == b);
        }
    }
}

#[test]
fn same_code_has_no_differences_and_says_so() {
    for &a in &all_codes() {
        let d = Diff::new(a, a);
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
        Diff::new(ReplyCode::new(a).unwrap(), ReplyCode::new(b).unwrap())
            .differences()
            .map(|d| d.axis())
            .collect()
    };
    assert_eq!(
        axes(150, 421),
        [
            "category",
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
        ["category", "next_step", "commands"].into_iter().collect()
    );
    // What the first digit implies is not a typed difference of its own, but
    // the page still says it (the stage, outcome and persistence sentences).
    let page = |a: u16, b: u16| {
        Diff::new(ReplyCode::new(a).unwrap(), ReplyCode::new(b).unwrap())
            .render(Lang::En, Format::Text)
            .to_string()
    };
    assert!(page(451, 551).contains("451 signals a temporary failure"));
    assert!(page(150, 421).contains("After 150, another reply to the same command follows"));
    assert!(page(150, 421).contains("150 reports success so far, while 421 reports a failure."));
    assert!(axes(430, 530).contains("standing"));
    assert!(axes(530, 599).contains("standing"));
    assert!(
        !axes(530, 599).contains("control_connection"),
        "unknown codes have no connection facts"
    );
    // The commands of 227 (PASV) and 229 (EPSV) differ.
    let pasv = Diff::new(
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
        for lang in Lang::all() {
            assert!(!note.note(lang).is_empty() && !note.server(lang).is_empty());
            let page = Diff::new(b, a).render(lang, Format::Markdown).to_string();
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
    let d = Diff::new(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
    let mut outputs = Vec::new();
    for lang in Lang::ALL {
        for (format, ext) in [(Format::Text, "txt"), (Format::Markdown, "md")] {
            outputs.push((
                format!("150-421.{lang}.{ext}"),
                d.render(lang, format).to_string(),
            ));
        }
        #[cfg(feature = "serde")]
        outputs.push((
            format!("150-421.{lang}.json"),
            serde_json::to_string_pretty(&d.localized(lang)).unwrap() + "\n",
        ));
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let bless = std::env::var_os("FTP_REPLY_BLESS").is_some();
    for (name, got) in outputs {
        let path = dir.join(&name);
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
