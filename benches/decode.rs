//! `ReplyDecoder` throughput on a realistic control-connection stream, beside
//! two baselines in the same group and on the same bytes: a `memchr` scan that
//! only finds the line ends (the practical limit), and a `BufRead` loop that
//! allocates a buffer per line and checks the 4th byte, as most clients do
//! (see `benches/common/mod.rs`).
//!
//! Run with `cargo bench --bench decode`.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn decode(c: &mut Criterion) {
    for (name, bytes, replies) in common::streams() {
        let mut g = c.benchmark_group(format!("decode/{name}"));
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function("ftp_reply ReplyDecoder (4 KiB reads)", |b| {
            b.iter(|| assert_eq!(common::decode_ours(&bytes), replies));
        });
        g.bench_function("baseline: memchr line-end scan", |b| {
            b.iter(|| assert!(common::decode_memchr(&bytes) >= replies));
        });
        g.bench_function("baseline: BufRead line loop, a Vec per line", |b| {
            b.iter(|| assert!(common::decode_read_loop(&bytes) >= replies));
        });
        // Issue 18: the borrowed path, lines as text, small feeds.
        g.bench_function("ftp_reply next_reply_ref (4 KiB reads)", |b| {
            b.iter(|| assert_eq!(common::decode_ref(&bytes, 4096), replies));
        });
        g.bench_function("ftp_reply next_reply_ref (64-byte reads)", |b| {
            b.iter(|| assert_eq!(common::decode_ref(&bytes, 64), replies));
        });
        g.bench_function("ftp_reply next_reply_ref (1-byte reads)", |b| {
            b.iter(|| assert_eq!(common::decode_ref(&bytes, 1), replies));
        });
        g.bench_function("baseline: memchr_iter count", |b| {
            b.iter(|| assert!(common::decode_memchr_count(&bytes) >= replies));
        });
        let text = common::read_line_loop(&bytes);
        g.bench_function("ftp_reply next_reply + every line as text", |b| {
            b.iter(|| assert_eq!(common::decode_lines_ours(&bytes), text));
        });
        g.bench_function("ftp_reply next_reply_ref + every line as &str", |b| {
            b.iter(|| assert_eq!(common::decode_lines_ref(&bytes), text));
        });
        g.bench_function("baseline: read_line loop, a String per line", |b| {
            b.iter(|| assert_eq!(common::read_line_loop(&bytes), text));
        });
        g.finish();
    }
}

criterion_group!(benches, decode);
criterion_main!(benches);
