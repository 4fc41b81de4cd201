//! `ReplyCode` parsing and knowledge-base lookup, each beside a baseline in the same group.
//!
//! Run with `cargo bench --bench code`. Results are reported as ratios in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ftp_reply::ReplyCode;

/// Real first lines of replies, as servers send them.
const LINES: &[&str] = &[
    "220 (vsFTPd 3.0.3)\r\n",
    "331 Please specify the password.\r\n",
    "230 Login successful.\r\n",
    "257 \"/home/ftp\" is the current directory\r\n",
    "227 Entering Passive Mode (127,0,0,1,195,80).\r\n",
    "150 Here comes the directory listing.\r\n",
    "226 Directory send OK.\r\n",
    "550 Failed to open file.\r\n",
    "211-Features:\r\n",
    "421 Timeout.\r\n",
];

/// The simplest parser that rejects the same things as `ReplyCode::parse`
/// would for these lines: the first three bytes as a number in 100..=699.
fn naive(line: &str) -> Option<u16> {
    let n: u16 = line.get(..3)?.parse().ok()?;
    (100..700).contains(&n).then_some(n)
}

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Elements(LINES.len() as u64));
    g.bench_function("ReplyCode::parse", |b| {
        b.iter(|| {
            let mut sum = 0u32;
            for line in black_box(LINES) {
                sum += u32::from(ReplyCode::parse(line).unwrap().as_u16());
            }
            sum
        });
    });
    g.bench_function("naive line[..3].parse::<u16>()", |b| {
        b.iter(|| {
            let mut sum = 0u32;
            for line in black_box(LINES) {
                sum += u32::from(naive(line).unwrap());
            }
            sum
        });
    });
    g.finish();
}

fn lookup(c: &mut Criterion) {
    let codes: Vec<ReplyCode> = LINES.iter().map(|l| ReplyCode::parse(l).unwrap()).collect();
    let mut g = c.benchmark_group("lookup");
    g.throughput(Throughput::Elements(codes.len() as u64));
    g.bench_function("ReplyCode::info (phf)", |b| {
        b.iter(|| {
            black_box(&codes)
                .iter()
                .filter(|c| c.info().is_some())
                .count()
        });
    });
    g.finish();
}

criterion_group!(benches, parse, lookup);
criterion_main!(benches);
