//! The payload parsers (`passive_address`, `pathname`, `features`) beside a
//! regex-based parse (suppaftp 12.2.1's `PASV_PORT_RE`; regexes of the same
//! kind for 257 and FEAT) and a naive split-based parse (suppaftp's `pwd`
//! and `parse_features` splits), on the same replies, each checking its
//! result (see `benches/common/payload.rs`).
//!
//! Run with `cargo bench --bench payload`.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};

use common::payload::{self as p, Inputs};

fn payload(c: &mut Criterion) {
    let i = Inputs::new();
    type Body = fn(&Inputs) -> u64;
    let cases: [(&str, [(&str, Body); 3]); 3] = [
        (
            "passive_address (227, 4 replies)",
            [
                ("ftp_reply passive_address", p::pasv_ours),
                ("baseline: suppaftp regex", p::pasv_regex),
                ("baseline: split at ( , )", p::pasv_split),
            ],
        ),
        (
            "pathname (257, 4 replies)",
            [
                ("ftp_reply pathname", |i| p::pwd_ours(i) as u64),
                ("baseline: regex", |i| p::pwd_regex(i) as u64),
                ("baseline: suppaftp find/rfind", |i| p::pwd_split(i) as u64),
            ],
        ),
        (
            "features (211, 3 replies)",
            [
                ("ftp_reply features", |i| p::feat_ours(i) as u64),
                ("baseline: regex per line", |i| p::feat_regex(i) as u64),
                ("baseline: suppaftp split", |i| p::feat_split(i) as u64),
            ],
        ),
    ];
    for (group, bodies) in cases {
        let want = bodies[0].1(&i);
        let mut g = c.benchmark_group(format!("payload/{group}"));
        for (name, body) in bodies {
            assert_eq!(body(&i), want, "{name}");
            g.bench_function(name, |b| {
                b.iter(|| assert_eq!(body(std::hint::black_box(&i)), want))
            });
        }
        g.finish();
    }
}

criterion_group!(benches, payload);
criterion_main!(benches);
