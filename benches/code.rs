//! `ReplyCode` parsing and knowledge-base lookup, each beside baselines in the same group.
//!
//! Run with `cargo bench --bench code`. Ratios are reported in BENCHMARKS.md.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use common::{LINES, Lookup};

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Elements(LINES.len() as u64));
    g.bench_function("ftp_reply ReplyCode::parse", |b| b.iter(common::parse_ours));
    g.bench_function("naive line[..3].parse::<u16>()", |b| {
        b.iter(common::parse_naive);
    });
    g.bench_function("http::StatusCode::from_bytes", |b| {
        b.iter(common::parse_http);
    });
    g.finish();
}

fn lookup(c: &mut Criterion) {
    let l = Lookup::new();
    for (name, codes) in [("known", &l.known), ("unknown", &l.unknown)] {
        let mut g = c.benchmark_group(format!("lookup/{name}"));
        g.throughput(Throughput::Elements(codes.len() as u64));
        let expect = Lookup::phf(codes);
        g.bench_function("ftp_reply info() (phf)", |b| {
            b.iter(|| assert_eq!(Lookup::phf(codes), expect));
        });
        g.bench_function("match on the code", |b| {
            b.iter(|| assert_eq!(Lookup::by_match(codes), expect));
        });
        g.bench_function("dense array [code - 100]", |b| {
            b.iter(|| assert_eq!(l.by_dense(codes), expect));
        });
        g.finish();
    }
}

criterion_group!(benches, parse, lookup);
criterion_main!(benches);
