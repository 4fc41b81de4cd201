//! Instruction counts, steadier than time on a shared machine: runs one
//! benchmark body (from `benches/common/mod.rs`, the same bodies criterion
//! times) `N` times, for `valgrind --tool=callgrind`. See BENCHMARKS.md for
//! the commands.
//!
//! `callgrind <case> [N]`; the case `none` does the set-up only, so that
//! (count(case) - count(none)) / N is the cost of one pass (`diagnose-none`
//! and `transcript-none` for the cases with their own set-up).

mod common;
#[path = "transcript_common/mod.rs"]
mod transcript_common;

use std::hint::black_box;

use common::Lookup;
use ftp_reply::diff::Format;

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_default();
    let n: usize = args
        .next()
        .map_or(1000, |s| s.parse().expect("N is a number"));
    let lookup = Lookup::new();
    let streams = common::streams();
    let (session, listing) = (&streams[0].1, &streams[1].1);
    let mut buf = String::with_capacity(16 * 1024);
    // Transcript cases: 1 MiB of FileZilla log per pass.
    let log = if case.starts_with("transcript-") {
        transcript_common::log(1)
    } else {
        Vec::new()
    };
    let payload = common::payload::Inputs::new();
    let diagnosis = if case.starts_with("diagnose-") {
        Some(common::diagnosis::Inputs::new())
    } else {
        None
    };
    for _ in 0..n {
        let r = match case.as_str() {
            "none" => 0,
            "parse-ours" => common::parse_ours() as usize,
            "parse-naive" => common::parse_naive() as usize,
            "parse-http" => common::parse_http() as usize,
            "lookup-known-phf" => Lookup::phf(&lookup.known),
            "lookup-known-match" => Lookup::by_match(&lookup.known),
            "lookup-known-dense" => lookup.by_dense(&lookup.known),
            "lookup-unknown-phf" => Lookup::phf(&lookup.unknown),
            "lookup-unknown-match" => Lookup::by_match(&lookup.unknown),
            "lookup-unknown-dense" => lookup.by_dense(&lookup.unknown),
            "decode-session-ours" => common::decode_ours(session),
            "decode-session-memchr" => common::decode_memchr(session),
            "decode-session-readloop" => common::decode_read_loop(session),
            "decode-listing-ours" => common::decode_ours(listing),
            "decode-listing-memchr" => common::decode_memchr(listing),
            "decode-listing-readloop" => common::decode_read_loop(listing),
            // Issue 18: borrowed path, text, small feeds.
            "decode-session-ref" => common::decode_ref(session, 4096),
            "decode-session-ref64" => common::decode_ref(session, 64),
            "decode-session-ref1" => common::decode_ref(session, 1),
            "decode-session-count" => common::decode_memchr_count(session),
            "decode-session-lines-ours" => common::decode_lines_ours(session),
            "decode-session-lines-ref" => common::decode_lines_ref(session),
            "decode-session-readline" => common::read_line_loop(session),
            "decode-listing-ref" => common::decode_ref(listing, 4096),
            "decode-listing-ref64" => common::decode_ref(listing, 64),
            "decode-listing-ref1" => common::decode_ref(listing, 1),
            "decode-listing-count" => common::decode_memchr_count(listing),
            "decode-listing-lines-ours" => common::decode_lines_ours(listing),
            "decode-listing-lines-ref" => common::decode_lines_ref(listing),
            "decode-listing-readline" => common::read_line_loop(listing),
            "render-text" => common::render_ours(&mut buf, Format::Text),
            "render-markdown" => common::render_ours(&mut buf, Format::Markdown),
            "render-baseline" => common::render_baseline(&mut buf),
            "transcript-ours" => transcript_common::analyze(&log),
            "transcript-split" => transcript_common::split_lines(&log),
            "transcript-none" => log.len(),
            "payload-pasv-ours" => common::payload::pasv_ours(&payload) as usize,
            "payload-pasv-regex" => common::payload::pasv_regex(&payload) as usize,
            "payload-pasv-split" => common::payload::pasv_split(&payload) as usize,
            "payload-pwd-ours" => common::payload::pwd_ours(&payload),
            "payload-pwd-regex" => common::payload::pwd_regex(&payload),
            "payload-pwd-split" => common::payload::pwd_split(&payload),
            "payload-feat-ours" => common::payload::feat_ours(&payload),
            "payload-feat-regex" => common::payload::feat_regex(&payload),
            "payload-feat-split" => common::payload::feat_split(&payload),
            "diagnose-ours" => common::diagnosis::ours(diagnosis.as_ref().unwrap()),
            "diagnose-scan" => common::diagnosis::scan(diagnosis.as_ref().unwrap()),
            "diagnose-none" => diagnosis.as_ref().map_or(0, |d| d.texts.len()),
            other => panic!("unknown case {other:?}"),
        };
        black_box(r);
    }
}
