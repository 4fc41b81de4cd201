//! Property tests: chunking never changes what the decoder returns, arbitrary
//! bytes never panic nor grow memory past the limits, and writing a reply
//! then parsing it gives it back.

use ftp_reply::{DecodeError, Framing, Limits, ReadError, Reply, ReplyDecoder, ReplyReader};
use proptest::prelude::*;

/// Bytes biased towards what matters to the decoder.
fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        4 => any::<u8>(),
        2 => prop::sample::select(&b"0123456789"[..]),
        1 => prop::sample::select(&b" -\r\n"[..]),
        1 => prop::sample::select(&[0xFF_u8, 0xFE, 0xFB, 0xFA, 0xF0, 0xF1][..]),
    ]
}

/// Text of one line: no LF.
fn line_text() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(byte().prop_filter("no LF", |&b| b != b'\n'), 0..24)
}

/// One valid reply: its code, its decoded lines, and a wire form.
#[derive(Debug, Clone)]
struct Spec {
    code: u16,
    lines: Vec<Vec<u8>>,
    wire: Vec<u8>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        100_u16..=699,
        line_text(),
        prop::option::of(prop::collection::vec(line_text(), 0..5)),
        prop::option::of(line_text()),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(code, first, inner, last, lf_only, telnet)| {
            let digits = code.to_string().into_bytes();
            let mut lines = Vec::new();
            let with_text = |sep: u8, text: Option<Vec<u8>>| {
                let mut line = digits.clone();
                if let Some(text) = text {
                    line.push(sep);
                    line.extend(text);
                }
                line
            };
            match inner {
                None => lines.push(with_text(b' ', Some(first).filter(|t| !t.is_empty()))),
                Some(inner) => {
                    lines.push(with_text(b'-', Some(first)));
                    for mut line in inner {
                        // Never a last line, under either framing.
                        if line.len() >= 3
                            && line[..3].iter().all(u8::is_ascii_digit)
                            && line.get(3).is_none_or(|&b| b == b' ' || b == b'\r')
                        {
                            line.insert(0, b' ');
                        }
                        lines.push(line);
                    }
                    lines.push(with_text(b' ', last));
                }
            }
            let mut wire = Vec::new();
            for line in &lines {
                if telnet {
                    wire.extend_from_slice(b"\xff\xfb\x01\xff\xf1"); // IAC WILL ECHO, IAC NOP
                }
                for &b in line {
                    wire.push(b);
                    if b == 0xFF {
                        wire.push(0xFF);
                    }
                }
                let crlf = !lf_only || line.last() == Some(&b'\r');
                wire.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
            }
            Spec { code, lines, wire }
        })
}

/// Cut points for `len` bytes from arbitrary sizes.
fn chunks(input: &[u8], sizes: &[usize]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = input;
    let mut i = 0;
    while !rest.is_empty() {
        let n = if sizes.is_empty() {
            rest.len()
        } else {
            sizes[i % sizes.len()].clamp(1, rest.len())
        };
        out.push(rest[..n].to_vec());
        rest = &rest[n..];
        i += 1;
    }
    out
}

/// Everything the decoder returns for `input` fed in these chunks,
/// checking the memory bound after each drain.
fn decode_all(mut decoder: ReplyDecoder, pieces: &[Vec<u8>]) -> Vec<Result<Reply, DecodeError>> {
    let limit = decoder.limits().max_reply_bytes();
    let mut out = Vec::new();
    for piece in pieces {
        decoder.feed(piece);
        while let Some(result) = decoder.next_reply().transpose() {
            out.push(result);
        }
        assert!(
            decoder.buffered_len() <= limit,
            "{} > {limit}",
            decoder.buffered_len()
        );
    }
    if let Err(e) = decoder.finish() {
        out.push(Err(e));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Valid replies, serialized and cut anywhere: the decoder returns exactly
    /// what one-shot parsing of each reply returns, and the lines of the spec.
    #[test]
    fn any_chunking_equals_one_shot(
        specs in prop::collection::vec(spec(), 1..6),
        sizes in prop::collection::vec(1_usize..40, 0..8),
        lenient in any::<bool>(),
    ) {
        let framing = if lenient { Framing::Lenient } else { Framing::Strict };
        let mut stream = Vec::new();
        let mut expected = Vec::new();
        for spec in &specs {
            let reply = Reply::parse_with(&spec.wire, framing).unwrap();
            prop_assert_eq!(reply.code(), spec.code);
            prop_assert_eq!(reply.raw_lines().map(<[u8]>::to_vec).collect::<Vec<_>>(), spec.lines.clone());
            expected.push(reply);
            stream.extend_from_slice(&spec.wire);
        }
        let got = decode_all(ReplyDecoder::new().with_framing(framing), &chunks(&stream, &sizes));
        let got: Vec<Reply> = got.into_iter().collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(&got, &expected);

        // The same through ReplyReader on a small BufReader.
        let capacity = sizes.first().copied().unwrap_or(8);
        let reader = ReplyReader::new(std::io::BufReader::with_capacity(capacity, &stream[..]))
            .with_decoder(ReplyDecoder::new().with_framing(framing));
        let read: Vec<Reply> = reader.collect::<Result<_, ReadError>>().unwrap();
        prop_assert_eq!(read, expected);
    }

    /// Arbitrary bytes with small limits: no panic, memory within the limits
    /// (checked in decode_all), and the chunking changes nothing, errors included.
    #[test]
    fn arbitrary_bytes_are_chunking_independent(
        input in prop::collection::vec(byte(), 0..400),
        sizes in prop::collection::vec(1_usize..20, 1..6),
        max_line_len in 0_usize..40,
        max_lines in 0_usize..6,
        max_reply_bytes in 0_usize..80,
        lenient in any::<bool>(),
    ) {
        let framing = if lenient { Framing::Lenient } else { Framing::Strict };
        let limits = Limits::default()
            .with_max_line_len(max_line_len)
            .with_max_lines(max_lines)
            .with_max_reply_bytes(max_reply_bytes);
        let new = || ReplyDecoder::new().with_limits(limits).with_framing(framing);
        let whole = decode_all(new(), std::slice::from_ref(&input));
        let chunked = decode_all(new(), &chunks(&input, &sizes));
        prop_assert_eq!(&chunked, &whole);
        for reply in whole.iter().flatten() {
            prop_assert!(reply.line_count() <= max_lines);
            prop_assert!(reply.raw_lines().map(|l| l.len() + 1).sum::<usize>() <= max_reply_bytes);
        }
        // Default limits, one byte at a time.
        let one = decode_all(ReplyDecoder::new().with_framing(framing), &chunks(&input, &[1]));
        prop_assert_eq!(one, decode_all(ReplyDecoder::new().with_framing(framing), std::slice::from_ref(&input)));
        // One-shot parsing never panics either.
        let _ = Reply::parse_with(&input, framing);
    }

    /// Display (UTF-8 text) and to_bytes (any bytes) then parse give the reply back.
    #[test]
    fn write_then_parse_round_trips(spec in spec(), lenient in any::<bool>()) {
        let framing = if lenient { Framing::Lenient } else { Framing::Strict };
        let reply = Reply::parse_with(&spec.wire, framing).unwrap();
        prop_assert_eq!(&Reply::parse_with(&reply.to_bytes(), framing).unwrap(), &reply);
        let text = reply.to_string();
        let again = Reply::parse_with(text.as_bytes(), framing).unwrap();
        if reply.raw_lines().all(|l| std::str::from_utf8(l).is_ok()) {
            prop_assert_eq!(&again, &reply);
        } else {
            prop_assert_eq!(again.line_count(), reply.line_count());
            prop_assert_eq!(again.code(), reply.code());
        }
        // Display writes the lossy lines.
        let lines: Vec<String> = reply.lines().map(|l| l.into_owned()).collect();
        prop_assert_eq!(text, lines.iter().map(|l| format!("{l}\r\n")).collect::<String>());
    }
}
