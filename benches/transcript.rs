//! `transcript::Analyzer` throughput on a ~100 MiB FileZilla log, beside a
//! baseline that only splits the same bytes into lines (memchr), in the same
//! group. Run with `cargo bench --bench transcript`.

#[path = "transcript_common/mod.rs"]
mod transcript_common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn transcript(c: &mut Criterion) {
    let log = transcript_common::log(100);
    let lines = transcript_common::split_lines(&log);
    let mut g = c.benchmark_group("transcript/filezilla-100MiB");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(log.len() as u64));
    g.bench_function(
        "ftp_reply transcript::Analyzer (64 KiB feeds, every event taken)",
        |b| {
            b.iter(|| assert!(transcript_common::analyze(&log) > lines / 2));
        },
    );
    g.bench_function("baseline: memchr line split", |b| {
        b.iter(|| assert_eq!(transcript_common::split_lines(&log), lines));
    });
    g.finish();
}

criterion_group!(benches, transcript);
criterion_main!(benches);
