//! `diff` + render of 150 vs 421 into a reused `String`, beside the simplest
//! baseline: copying the two entries' texts into the same `String`.
//!
//! Run with `cargo bench --bench render`.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ftp_reply::{Format, Lang, ReplyCode, diff};

fn render(c: &mut Criterion) {
    let (a, b) = (ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
    let mut g = c.benchmark_group("render 150 vs 421");
    let mut buf = String::with_capacity(16 * 1024);
    for (name, format) in [("text", Format::Text), ("markdown", Format::Markdown)] {
        g.bench_function(format!("ftp_reply diff+render {name}"), |bench| {
            bench.iter(|| {
                buf.clear();
                diff(black_box(a), black_box(b))
                    .write_to(&mut buf, Lang::En, format)
                    .unwrap();
                assert!(buf.len() > 3000);
                buf.len()
            });
        });
    }
    g.bench_function("baseline: concatenate both entries' texts", |bench| {
        bench.iter(|| {
            buf.clear();
            for code in [black_box(a), black_box(b)] {
                let i = code.info().unwrap();
                for t in [
                    i.title(Lang::En),
                    i.description(Lang::En),
                    i.when_seen(Lang::En),
                    i.remediation(Lang::En),
                ] {
                    writeln!(buf, "{t}").unwrap();
                }
            }
            assert!(buf.len() > 1000);
            buf.len()
        });
    });
    g.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
