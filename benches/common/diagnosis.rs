//! Diagnosis bodies: every example of the table, and the same texts with a
//! word in front (which most rows must reject), looked up with `diagnose`;
//! beside a baseline that scans every row of the table with the public
//! `Diagnosis::matches`, as a caller without the crate's index would.

use ftp_reply::ReplyCode;
use ftp_reply::diagnosis::{Diagnosis, diagnose_str};

/// The lookups of one pass, and how many rows they must return.
pub struct Inputs {
    pub texts: Vec<(ReplyCode, String)>,
    pub expected: usize,
}

impl Inputs {
    pub fn new() -> Self {
        let mut texts = Vec::new();
        for row in Diagnosis::all() {
            let example = row.example();
            let code = ReplyCode::new(example[..3].parse().unwrap()).unwrap();
            let text = example.get(4..).unwrap_or_default().to_owned();
            texts.push((code, format!("zz {text}")));
            texts.push((code, text));
        }
        let expected = scan_count(&texts);
        assert!(
            expected >= Diagnosis::all().len(),
            "every example finds its row"
        );
        Self { texts, expected }
    }
}

fn scan_count(texts: &[(ReplyCode, String)]) -> usize {
    texts
        .iter()
        .map(|(code, text)| {
            Diagnosis::all()
                .iter()
                .filter(|d| d.code() == *code && d.matches(text))
                .count()
        })
        .sum()
}

/// `diagnose` on every text.
pub fn ours(inputs: &Inputs) -> usize {
    let n = inputs
        .texts
        .iter()
        .map(|(code, text)| diagnose_str(*code, text).count())
        .sum();
    assert_eq!(n, inputs.expected);
    n
}

/// Every row of the table tried on every text.
pub fn scan(inputs: &Inputs) -> usize {
    let n = scan_count(&inputs.texts);
    assert_eq!(n, inputs.expected);
    n
}
