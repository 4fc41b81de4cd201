//! `ReplyDecoder` throughput on a realistic control-connection stream, beside
//! two baselines in the same group and on the same bytes:
//!
//! - a `memchr` scan that only finds the line ends (the practical limit);
//! - a `BufRead` loop that allocates a buffer per line and checks the 4th byte,
//!   as most clients do. It uses `read_until` rather than `read_line`, because
//!   the captures hold Latin-1 bytes that `read_line` rejects; skipping the
//!   UTF-8 check only makes this baseline faster.
//!
//! Run with `cargo bench --bench decode`.

use std::hint::black_box;
use std::io::BufRead;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ftp_reply::ReplyDecoder;

/// Real sessions (tests/data/*.bin) repeated, then a large multi-line STAT listing.
fn streams() -> Vec<(&'static str, Vec<u8>, usize)> {
    let captures: [&[u8]; 3] = [
        include_bytes!("../tests/data/vsftpd-3.0.3.bin"),
        include_bytes!("../tests/data/proftpd-1.3.8.bin"),
        include_bytes!("../tests/data/pyftpdlib-2.2.0.bin"),
    ];
    let mut session = Vec::new();
    while session.len() < 1 << 20 {
        for c in captures {
            session.extend_from_slice(c);
        }
    }
    let replies = count_replies(&session);

    let mut listing = b"213-Status of /srv/ftp:\r\n".to_vec();
    // 3,000 lines, about 200 KB: within the default limits (4,096 lines, 256 KiB).
    for i in 0..3_000 {
        listing.extend_from_slice(
            format!(
                "-rw-r--r--    1 ftp      ftp        {:>8} Jan 01 12:00 file{i:05}.dat\r\n",
                i * 37
            )
            .as_bytes(),
        );
    }
    listing.extend_from_slice(b"213 End of status\r\n");
    vec![
        ("session (1 MiB)", session, replies),
        ("STAT listing (3,000 lines)", listing, 1),
    ]
}

fn count_replies(bytes: &[u8]) -> usize {
    let mut d = ReplyDecoder::new();
    d.feed(bytes);
    let mut n = 0;
    while let Some(_reply) = d.next_reply().expect("the captures decode") {
        n += 1;
    }
    d.finish().expect("no partial reply at the end");
    n
}

fn decode(c: &mut Criterion) {
    for (name, bytes, replies) in streams() {
        let mut g = c.benchmark_group(format!("decode/{name}"));
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function("ftp_reply ReplyDecoder (4 KiB reads)", |b| {
            b.iter(|| {
                let mut d = ReplyDecoder::new();
                let mut n = 0;
                for chunk in black_box(&bytes).chunks(4096) {
                    d.feed(chunk);
                    while let Some(reply) = d.next_reply().unwrap() {
                        black_box(&reply);
                        n += 1;
                    }
                }
                assert_eq!(n, replies);
                n
            });
        });
        g.bench_function("baseline: memchr line-end scan", |b| {
            b.iter(|| {
                // Visit every line end (not `count()`, which skips the per-line step).
                let mut n = 0usize;
                for pos in memchr::memchr_iter(b'\n', black_box(&bytes)) {
                    n += 1;
                    black_box(pos);
                }
                assert!(n >= replies);
                n
            });
        });
        g.bench_function("baseline: BufRead line loop, a Vec per line", |b| {
            b.iter(|| {
                let mut r = std::io::BufReader::with_capacity(4096, black_box(&bytes[..]));
                let mut finals = 0;
                loop {
                    let mut line = Vec::new();
                    if r.read_until(b'\n', &mut line).unwrap() == 0 {
                        break;
                    }
                    if line.get(3) == Some(&b' ') {
                        finals += 1;
                    }
                }
                black_box(finals)
            });
        });
        g.finish();
    }
}

criterion_group!(benches, decode);
criterion_main!(benches);
