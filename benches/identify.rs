//! Identification cost on the five recorded sessions of
//! `tests/data/servers/` (every reply, with the command it answers), beside
//! two baselines on the same replies in the same group: the banner-only
//! `Reply::identify_server` run on every reply (what a caller had before), and decoding the same bytes with `ReplyDecoder` (so the cost of
//! identification can be read against the cost of reading the replies at
//! all). Every body checks its result.
//!
//! `cargo bench --bench identify` runs criterion; `identify --callgrind
//! <case> N` runs one body N times for `valgrind --tool=callgrind` (cases:
//! `none`, `ours`, `banner`, `decode`; see BENCHMARKS.md).

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use ftp_reply::command::Command;
use ftp_reply::diagnosis::Server;
use ftp_reply::identify::ServerIdentifier;
use ftp_reply::{Reply, ReplyDecoder};

const SESSIONS: [(&str, Server); 5] = [
    (
        include_str!("../tests/data/servers/vsftpd-3.0.3-13+b2.txt"),
        Server::Vsftpd,
    ),
    (
        include_str!("../tests/data/servers/proftpd-1.3.8+dfsg-4+deb12u5.txt"),
        Server::Proftpd,
    ),
    (
        include_str!("../tests/data/servers/pure-ftpd-1.0.50-2.1+b2.txt"),
        Server::PureFtpd,
    ),
    (
        include_str!("../tests/data/servers/pyftpdlib-2.2.0.txt"),
        Server::Pyftpdlib,
    ),
    (
        include_str!("../tests/data/servers/libunftp-0.24.0.txt"),
        Server::Libunftp,
    ),
];

struct Session {
    server: Server,
    bytes: Vec<u8>,
    replies: Vec<(Option<Command>, Reply)>,
}

fn sessions() -> Vec<Session> {
    SESSIONS
        .iter()
        .map(|(text, server)| {
            let mut bytes = Vec::new();
            let mut replies = Vec::new();
            let mut decoder = ReplyDecoder::new();
            let mut command = None;
            for line in text.lines() {
                if line.starts_with("--- connection closed") {
                    command = None;
                } else if let Some(c) = line.strip_prefix("C: ") {
                    let verb = c
                        .trim_start_matches('\u{FFFD}')
                        .split(' ')
                        .next()
                        .unwrap_or("");
                    command = Some(Command::from_verb(verb));
                } else if let Some(s) = line.strip_prefix("S: ") {
                    for part in [s.as_bytes(), b"\r\n"] {
                        bytes.extend_from_slice(part);
                        decoder.feed(part);
                    }
                    while let Some(r) = decoder.next_reply().unwrap() {
                        replies.push((command, r));
                    }
                }
            }
            Session {
                server: *server,
                bytes,
                replies,
            }
        })
        .collect()
}

/// Our identification: one identifier per session, every reply observed.
fn ours(sessions: &[Session]) -> usize {
    let mut named = 0;
    for s in sessions {
        let mut id = ServerIdentifier::new();
        for (command, reply) in &s.replies {
            id.observe(*command, reply);
        }
        assert_eq!(id.best().map(|b| b.server()), Some(s.server));
        named += 1;
    }
    named
}

/// Baseline: the banner-only identification (`Reply::identify_server`, the
/// diagnosis table's banner rows on every line) run on every reply.
fn banner(sessions: &[Session]) -> usize {
    let mut named = 0;
    for s in sessions {
        for (_, reply) in &s.replies {
            named += usize::from(reply.identify_server().is_some());
        }
    }
    assert_eq!(
        named, 3,
        "ProFTPD's greeting, in its three recorded connections"
    );
    named
}

/// Baseline: decoding the same bytes.
fn decode(sessions: &[Session]) -> usize {
    let mut n = 0;
    for s in sessions {
        let mut d = ReplyDecoder::new();
        d.feed(&s.bytes);
        while let Some(r) = d.next_reply().unwrap() {
            n += usize::from(r.code().as_u16() > 0);
        }
        assert_eq!(n % 1_000_000, n);
    }
    assert_eq!(n, sessions.iter().map(|s| s.replies.len()).sum::<usize>());
    n
}

fn main() {
    let sessions = sessions();
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() == Some("--callgrind") {
        let case = args.next().unwrap_or_default();
        let n: usize = args
            .next()
            .map_or(100, |s| s.parse().expect("N is a number"));
        for _ in 0..n {
            black_box(match case.as_str() {
                "none" => 0,
                "ours" => ours(&sessions),
                "banner" => banner(&sessions),
                "decode" => decode(&sessions),
                other => panic!("unknown case {other:?}"),
            });
        }
        return;
    }
    let replies: usize = sessions.iter().map(|s| s.replies.len()).sum();
    let mut c = Criterion::default().configure_from_args();
    let mut g = c.benchmark_group("identify/five-sessions");
    g.throughput(Throughput::Elements(replies as u64));
    g.bench_function("ftp_reply ServerIdentifier (every reply)", |b| {
        b.iter(|| ours(black_box(&sessions)));
    });
    g.bench_function("baseline: Reply::identify_server on every reply", |b| {
        b.iter(|| banner(black_box(&sessions)));
    });
    g.bench_function("baseline: ReplyDecoder on the same bytes", |b| {
        b.iter(|| decode(black_box(&sessions)));
    });
    g.finish();
    c.final_summary();
}
