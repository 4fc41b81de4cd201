//! `ReplyCode` parsing and knowledge-base lookup, each beside baselines in the same group.
//!
//! Run with `cargo bench --bench code`. Ratios are reported in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ftp_reply::{ReplyCode, ReplyInfo};

/// Real first lines of replies, as vsftpd, ProFTPD and pyftpdlib send them.
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
    "125 Data connection already open; Transfer starting.\r\n",
    "530 Login incorrect.\r\n",
];

/// The sum of the codes of `LINES`: every variant must find all of them.
const EXPECTED_SUM: u32 = 220 + 331 + 230 + 257 + 227 + 150 + 226 + 550 + 211 + 421 + 125 + 530;

/// The simplest parser: the first three bytes as a number, range-checked.
/// It accepts some lines `ReplyCode::parse` rejects (e.g. `"+12 x"`, `"1234"`),
/// never the other way round.
fn naive(line: &str) -> Option<u16> {
    let n: u16 = line.get(..3)?.parse().ok()?;
    (100..700).contains(&n).then_some(n)
}

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Elements(LINES.len() as u64));
    g.bench_function("ftp_reply ReplyCode::parse", |b| {
        b.iter(|| {
            let mut sum = 0u32;
            for line in black_box(LINES) {
                sum += u32::from(ReplyCode::parse(line).unwrap().as_u16());
            }
            assert_eq!(sum, EXPECTED_SUM);
            sum
        });
    });
    g.bench_function("naive line[..3].parse::<u16>()", |b| {
        b.iter(|| {
            let mut sum = 0u32;
            for line in black_box(LINES) {
                sum += u32::from(naive(line).unwrap());
            }
            assert_eq!(sum, EXPECTED_SUM);
            sum
        });
    });
    g.bench_function("http::StatusCode::from_bytes", |b| {
        b.iter(|| {
            let mut sum = 0u32;
            for line in black_box(LINES) {
                sum += u32::from(
                    http::StatusCode::from_bytes(&line.as_bytes()[..3])
                        .unwrap()
                        .as_u16(),
                );
            }
            assert_eq!(sum, EXPECTED_SUM);
            sum
        });
    });
    g.finish();
}

/// Baseline 1: a `match` from code to index in `ReplyInfo::all()`.
fn match_index(code: u16) -> Option<usize> {
    Some(match code {
        110 => 0,
        120 => 1,
        125 => 2,
        150 => 3,
        200 => 4,
        202 => 5,
        211 => 6,
        212 => 7,
        213 => 8,
        214 => 9,
        215 => 10,
        220 => 11,
        221 => 12,
        225 => 13,
        226 => 14,
        227 => 15,
        228 => 16,
        229 => 17,
        230 => 18,
        231 => 19,
        232 => 20,
        234 => 21,
        235 => 22,
        250 => 23,
        257 => 24,
        331 => 25,
        332 => 26,
        334 => 27,
        335 => 28,
        336 => 29,
        350 => 30,
        421 => 31,
        425 => 32,
        426 => 33,
        430 => 34,
        431 => 35,
        434 => 36,
        450 => 37,
        451 => 38,
        452 => 39,
        500 => 40,
        501 => 41,
        502 => 42,
        503 => 43,
        504 => 44,
        521 => 45,
        522 => 46,
        530 => 47,
        532 => 48,
        533 => 49,
        534 => 50,
        535 => 51,
        536 => 52,
        537 => 53,
        550 => 54,
        551 => 55,
        552 => 56,
        553 => 57,
        554 => 58,
        555 => 59,
        631 => 60,
        632 => 61,
        633 => 62,
        _ => return None,
    })
}

fn lookup(c: &mut Criterion) {
    let all = ReplyInfo::all();
    // The match above must describe the same table, or the comparison is meaningless.
    for (i, info) in all.iter().enumerate() {
        assert_eq!(match_index(info.code().as_u16()), Some(i));
    }
    // Baseline 2: a dense array indexed by `code - 100`.
    let mut dense = [None::<&'static ReplyInfo>; 600];
    for info in all {
        dense[usize::from(info.code().as_u16() - 100)] = Some(info);
    }
    let known: Vec<ReplyCode> = all.iter().map(ReplyInfo::code).collect();
    let unknown: Vec<ReplyCode> = (100..700)
        .filter_map(|n| ReplyCode::new(n).ok())
        .filter(|c| c.info().is_none())
        .step_by(8)
        .take(known.len())
        .collect();

    for (name, codes) in [("known", &known), ("unknown", &unknown)] {
        let mut g = c.benchmark_group(format!("lookup/{name}"));
        g.throughput(Throughput::Elements(codes.len() as u64));
        let expect = codes.iter().filter(|c| c.info().is_some()).count();
        g.bench_function("ftp_reply info() (phf)", |b| {
            b.iter(|| {
                let n = black_box(codes)
                    .iter()
                    .filter(|c| c.info().is_some())
                    .count();
                assert_eq!(n, expect);
                n
            });
        });
        g.bench_function("match on the code", |b| {
            b.iter(|| {
                let n = black_box(codes)
                    .iter()
                    .filter(|c| match_index(c.as_u16()).map(|i| &all[i]).is_some())
                    .count();
                assert_eq!(n, expect);
                n
            });
        });
        g.bench_function("dense array [code - 100]", |b| {
            b.iter(|| {
                let n = black_box(codes)
                    .iter()
                    .filter(|c| dense[usize::from(c.as_u16() - 100)].is_some())
                    .count();
                assert_eq!(n, expect);
                n
            });
        });
        g.finish();
    }
}

criterion_group!(benches, parse, lookup);
criterion_main!(benches);
