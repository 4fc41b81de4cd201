//! The invariants the fuzz targets check, shared with `tests/fuzz_regressions.rs`
//! (which replays saved inputs on stable) and `fuzz/fuzz_targets/*.rs`.

#![allow(dead_code)] // each fuzz target uses one of the checks

mod identify;
pub use identify::identify;

use ftp_reply::{DecodeError, Framing, Limits, Reply, ReplyDecoder};

/// Feeds `data` in chunks of the sizes in `sizes` (cycled; all at once if
/// empty), draining after each; checks the memory bound; then finishes.
fn decode(mut decoder: ReplyDecoder, data: &[u8], sizes: &[u8]) -> Vec<Result<Reply, DecodeError>> {
    let limit = decoder.limits().max_reply_bytes();
    let mut out = Vec::new();
    let mut rest = data;
    let mut i = 0;
    while !rest.is_empty() {
        let n = if sizes.is_empty() {
            rest.len()
        } else {
            usize::from(sizes[i % sizes.len()]).clamp(1, rest.len())
        };
        decoder.feed(&rest[..n]);
        rest = &rest[n..];
        i += 1;
        while let Some(result) = decoder.next_reply().transpose() {
            out.push(result);
        }
        assert!(
            decoder.buffered_len() <= limit,
            "{} bytes held, limit {limit}",
            decoder.buffered_len()
        );
    }
    if let Err(e) = decoder.finish() {
        out.push(Err(e));
    }
    assert_eq!(decoder.next_reply(), Ok(None));
    out
}

/// The `decoder` target. Byte 0 picks the framing and the limits, bytes
/// 1..5 are chunk sizes, the rest is the stream. Beyond "no panic": memory
/// stays within the limits, replies respect them, chunking changes nothing
/// (errors included), and replies written back parse to themselves.
pub fn decoder(input: &[u8]) {
    let Some((&control, rest)) = input.split_first() else {
        return;
    };
    let (sizes, data) = rest.split_at(rest.len().min(4));
    let framing = if control & 1 == 0 {
        Framing::Strict
    } else {
        Framing::Lenient
    };
    let limits = if control & 2 == 0 {
        Limits::default()
    } else {
        Limits::default()
            .with_max_line_len(usize::from(control >> 2 & 7) * 6)
            .with_max_lines(usize::from(control >> 5))
            .with_max_reply_bytes(usize::from(control >> 2) * 3)
    };
    let new = || ReplyDecoder::with_limits(limits).framing(framing);
    let chunked = decode(new(), data, sizes);
    let whole = decode(new(), data, &[]);
    assert_eq!(chunked, whole);
    for reply in whole.iter().flatten() {
        assert!(reply.line_count() <= limits.max_lines());
        assert!(reply.raw_lines().map(|l| l.len() + 1).sum::<usize>() <= limits.max_reply_bytes());
        assert_eq!(
            &Reply::parse_with(&reply.to_bytes(), framing).unwrap(),
            reply
        );
    }
}

/// The `reply_parse` target: no panic, consistent views, and a parsed reply
/// written back (`to_bytes`; `Display` for UTF-8 text) parses to itself.
pub fn reply_parse(input: &[u8]) {
    for framing in [Framing::Strict, Framing::Lenient] {
        let Ok(reply) = Reply::parse_with(input, framing) else {
            continue;
        };
        assert!(reply.line_count() >= 1);
        assert_eq!(reply.is_multiline(), reply.line_count() > 1);
        assert_eq!(reply.text_lines().count(), reply.line_count());
        assert_eq!(reply.raw_lines().rev().count(), reply.line_count());
        let _ = reply.text();
        assert_eq!(
            &Reply::parse_with(&reply.to_bytes(), framing).unwrap(),
            &reply
        );
        if reply.raw_lines().all(|l| std::str::from_utf8(l).is_ok()) {
            assert_eq!(
                &Reply::parse_with(reply.to_string().as_bytes(), framing).unwrap(),
                &reply
            );
        }
    }
}
