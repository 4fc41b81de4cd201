//! `diff` + render of 150 vs 421 into a reused `String`, beside the simplest
//! baseline: copying the two entries' texts into the same `String`.
//!
//! Run with `cargo bench --bench render`.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use ftp_reply::diff::Format;

fn render(c: &mut Criterion) {
    let mut g = c.benchmark_group("render 150 vs 421");
    let mut buf = String::with_capacity(16 * 1024);
    for (name, format) in [("text", Format::Text), ("markdown", Format::Markdown)] {
        g.bench_function(format!("ftp_reply diff+render {name}"), |b| {
            b.iter(|| common::render_ours(&mut buf, format));
        });
    }
    g.bench_function("baseline: concatenate both entries' texts", |b| {
        b.iter(|| common::render_baseline(&mut buf));
    });
    g.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
