//! Unit tests of the decoder (through its public calls).

use super::*;
use crate::{ParseErrorKind, Reply, ReplyCode};
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

/// Decodes `input` fed in one chunk, then at end of stream; replies as
/// lossy lines, errors as (kind, offset).
fn run(
    decoder: &mut ReplyDecoder,
    input: &[u8],
) -> Vec<Result<Vec<String>, (DecodeErrorKind, u64)>> {
    decoder.feed(input);
    let mut out = Vec::new();
    loop {
        match decoder.next_reply() {
            Ok(Some(r)) => {
                out.push(Ok(r.lines().map(alloc::borrow::Cow::into_owned).collect()));
            }
            Ok(None) => break,
            Err(e) => out.push(Err((e.kind(), e.offset()))),
        }
    }
    if let Err(e) = decoder.finish() {
        out.push(Err((e.kind(), e.offset())));
    }
    out
}

fn strict(input: &[u8]) -> Vec<Result<Vec<String>, (DecodeErrorKind, u64)>> {
    run(&mut ReplyDecoder::new(), input)
}

#[allow(clippy::unnecessary_wraps)] // compared with results
fn ok(lines: &[&str]) -> Result<Vec<String>, (DecodeErrorKind, u64)> {
    Ok(lines.iter().map(|&l| l.into()).collect())
}

fn code(n: u16) -> ReplyCode {
    ReplyCode::new(n).unwrap()
}

#[test]
fn line_ends() {
    assert_eq!(
        strict(b"200 a\n200 b\r\n"),
        [ok(&["200 a"]), ok(&["200 b"])]
    );
    // A CR elsewhere is text; only the one before LF goes.
    assert_eq!(strict(b"200 a\rb\r\r\n"), [ok(&["200 a\rb\r"])]);
    // CR alone at the end of the stream: the line has no end.
    assert_eq!(
        strict(b"200 a\r"),
        [Err((
            DecodeErrorKind::Incomplete {
                code: Some(code(200)),
                lines: 0
            },
            0
        ))]
    );
}

#[test]
fn telnet_sequences() {
    // IAC IAC is 0xFF; commands and negotiations vanish; IAC + text byte stays.
    let r =
        Reply::parse(b"220 a\xff\xffb\xff\xf1c\xff\xfb\x01d\xff\xfe\x03e\xff\x41f\r\n").unwrap();
    assert_eq!(r.raw_lines().next().unwrap(), b"220 a\xffbcde\xff\x41f");
    // Subnegotiation is removed up to IAC SE...
    let r = Reply::parse(b"220 a\xff\xfa\x18\x01xyz\xff\xf0b\r\n").unwrap();
    assert_eq!(r.raw_lines().next().unwrap(), b"220 ab");
    // ...or up to the end of the line.
    assert_eq!(
        strict(b"220 a\xff\xfa\x18zzz\r\n200 b\r\n"),
        [ok(&["220 a"]), ok(&["200 b"])]
    );
    // IAC before the line end is text; a negotiation cut by the line end is dropped.
    let r = Reply::parse(b"220-a\xff\r\n220 b\xff\xfd\n").unwrap();
    let lines: Vec<&[u8]> = r.raw_lines().collect();
    assert_eq!(lines, [&b"220-a\xff"[..], b"220 b"]);
    // Telnet before the code: the code is read from the text.
    assert_eq!(strict(b"\xff\xfb\x01220 Hi\r\n"), [ok(&["220 Hi"])]);
}

#[test]
fn telnet_split_across_chunks() {
    let input = b"220 a\xff\xffb\xff\xfb\x01c\xff\xfa\x01\x02\xff\xf0d\xff\r\n";
    let whole = Reply::parse(input).unwrap();
    for cut in 0..=input.len() {
        let mut d = ReplyDecoder::new();
        d.feed(&input[..cut]);
        let mut got = d.next_reply().unwrap();
        d.feed(&input[cut..]);
        if got.is_none() {
            got = d.next_reply().unwrap();
        }
        assert_eq!(got.as_ref(), Some(&whole), "cut at {cut}");
    }
}

#[test]
fn malformed_first_lines() {
    use ParseErrorKind as P;
    let cases: &[(&[u8], ParseErrorKind, u64)] = &[
        (b"\r\n", P::Empty, 0),
        (b"\n", P::Empty, 0),
        (b"22\r\n", P::TooShort { len: 2 }, 2),
        (b"2x0 a\r\n", P::NotADigit { found: b'x' }, 1),
        (b"720 a\r\n", P::InvalidFirstDigit { digit: 7 }, 0),
        (b"220x\r\n", P::InvalidSeparator { found: b'x' }, 3),
        (b"220\rx\r\n", P::InvalidSeparator { found: b'\r' }, 3),
        (b"\xff\xf1220_\r\n", P::InvalidSeparator { found: b'_' }, 5),
        (b" 220 a\r\n", P::NotADigit { found: b' ' }, 0),
    ];
    for &(input, kind, offset) in cases {
        let mut d = ReplyDecoder::new();
        let mut stream = b"200 ok\r\n".to_vec();
        stream.extend_from_slice(input);
        stream.extend_from_slice(b"201 ok\r\n");
        assert_eq!(
            run(&mut d, &stream),
            [
                ok(&["200 ok"]),
                Err((DecodeErrorKind::InvalidLine(kind), offset + 8)),
                ok(&["201 ok"])
            ],
            "{:?}",
            String::from_utf8_lossy(input)
        );
    }
    // Bare code lines are fine.
    assert_eq!(strict(b"220\r\n221\n"), [ok(&["220"]), ok(&["221"])]);
}

#[test]
fn inner_lines_may_be_anything() {
    let input = b"211-a\r\n\r\n211-b\r\n211x\r\n21\r\n999 no\r\n 211 c\r\n\xff\xf1\r\n211 end\r\n";
    let got = strict(input);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].as_ref().unwrap().len(), 9);
}

#[test]
fn line_limit_is_exact() {
    let limits = Limits::new().with_max_line_len(10);
    // 8 bytes + CRLF = 10: fine.
    assert_eq!(
        run(
            &mut ReplyDecoder::new().with_limits(limits),
            b"200 abcd\r\n"
        ),
        [ok(&["200 abcd"])]
    );
    assert_eq!(
        run(&mut ReplyDecoder::new().with_limits(limits), b"200 abcde\n"),
        [ok(&["200 abcde"])]
    );
    // 11 bytes: over, on the LF itself or before.
    for input in [&b"200 abcde\r\n"[..], b"200 abcdefghijk\r\n"] {
        let mut stream = input.to_vec();
        stream.extend_from_slice(b"201 ok\r\n");
        assert_eq!(
            run(&mut ReplyDecoder::new().with_limits(limits), &stream),
            [
                Err((DecodeErrorKind::LineTooLong { limit: 10 }, 0)),
                ok(&["201 ok"])
            ]
        );
    }
}

#[test]
fn over_limit_multiline_reply_is_skipped_to_its_end() {
    let limits = Limits::new().with_max_line_len(12);
    let input = b"211-Features:\r\n 211 x\r\n MDTM is here and long\r\n211-AUTH TLS\r\n211 End\r\n200 next\r\n";
    assert_eq!(
        run(&mut ReplyDecoder::new().with_limits(limits), input),
        [
            Err((DecodeErrorKind::LineTooLong { limit: 12 }, 0)),
            ok(&["200 next"])
        ]
    );
    // The long line is the last line: nothing more to skip.
    let input = b"211-a\r\n211 this last line is long\r\n200 next\r\n";
    assert_eq!(
        run(&mut ReplyDecoder::new().with_limits(limits), input),
        [
            Err((DecodeErrorKind::LineTooLong { limit: 12 }, 7)),
            ok(&["200 next"])
        ]
    );
}

#[test]
fn too_many_lines() {
    let limits = Limits::new().with_max_lines(3);
    let mut d = ReplyDecoder::new().with_limits(limits);
    assert_eq!(
        run(&mut d, b"211-a\r\n b\r\n211 c\r\n"),
        [ok(&["211-a", " b", "211 c"])]
    );
    let input = b"211-a\r\n b\r\n c\r\n d\r\n211 e\r\n200 ok\r\n";
    assert_eq!(
        run(&mut d, input),
        [
            Err((DecodeErrorKind::TooManyLines { limit: 3 }, 18 + 15)),
            ok(&["200 ok"])
        ]
    );
    // Over the limit on the last line.
    let input = b"211-a\r\n b\r\n c\r\n211 e\r\n200 ok\r\n";
    let mut d = ReplyDecoder::new().with_limits(limits);
    assert_eq!(
        run(&mut d, input),
        [
            Err((DecodeErrorKind::TooManyLines { limit: 3 }, 15)),
            ok(&["200 ok"])
        ]
    );
}

#[test]
fn reply_byte_limit() {
    // "211-a\n b\n211 c\n" is 15 bytes held.
    let input = b"211-a\r\n b\r\n211 c\r\n";
    let mut d = ReplyDecoder::new().with_limits(Limits::new().with_max_reply_bytes(15));
    assert_eq!(run(&mut d, input), [ok(&["211-a", " b", "211 c"])]);
    let mut d = ReplyDecoder::new().with_limits(Limits::new().with_max_reply_bytes(14));
    let mut stream = input.to_vec();
    stream.extend_from_slice(b"200 ok\r\n");
    assert_eq!(
        run(&mut d, &stream),
        [
            Err((DecodeErrorKind::ReplyTooLong { limit: 14 }, 11)),
            ok(&["200 ok"])
        ]
    );
    // Zero: nothing fits.
    let mut d = ReplyDecoder::new().with_limits(Limits::new().with_max_reply_bytes(0));
    assert_eq!(
        run(&mut d, b"200 ok\r\n\r\n"),
        [
            Err((DecodeErrorKind::ReplyTooLong { limit: 0 }, 0)),
            Err((DecodeErrorKind::InvalidLine(ParseErrorKind::Empty), 8))
        ]
    );
}

#[test]
fn hostile_line_stays_bounded() {
    let limits = Limits::new()
        .with_max_line_len(1024)
        .with_max_reply_bytes(4096);
    let mut d = ReplyDecoder::new().with_limits(limits);
    d.feed(b"220 ");
    assert!(d.next_reply().unwrap().is_none());
    let chunk = vec![b'A'; 1000];
    let mut errors = 0;
    for _ in 0..1000 {
        d.feed(&chunk);
        loop {
            match d.next_reply() {
                Ok(None) => break,
                Ok(Some(r)) => panic!("unexpected reply {r:?}"),
                Err(e) => {
                    assert_eq!(e.kind(), DecodeErrorKind::LineTooLong { limit: 1024 });
                    errors += 1;
                }
            }
        }
        assert!(d.buffered_len() <= 4096);
        assert!(d.core.buf_capacity() <= 4096);
    }
    assert_eq!(errors, 1);
    d.feed(b"\r\n221 bye\r\n");
    assert_eq!(d.next_reply().unwrap().unwrap().code(), 221);
}

#[test]
fn hostile_multiline_reply_stays_bounded() {
    let limits = Limits::new().with_max_lines(10);
    let mut d = ReplyDecoder::new().with_limits(limits);
    d.feed(b"211-start\r\n");
    let mut errors = 0;
    for _ in 0..10_000 {
        d.feed(b"211-again\r\n");
        while let Some(r) = d.next_reply().transpose() {
            assert_eq!(
                r.unwrap_err().kind(),
                DecodeErrorKind::TooManyLines { limit: 10 }
            );
            errors += 1;
        }
        assert!(d.buffered_len() <= 110);
    }
    assert_eq!(errors, 1);
    d.feed(b"211 end\r\n200 ok\r\n");
    assert_eq!(d.next_reply().unwrap().unwrap().code(), 200);
}

#[test]
fn finish_reports_partial_replies() {
    let mut d = ReplyDecoder::new();
    d.feed(b"200 ok\r\n220-Hi\r\n220 Rea");
    // Not drained: finish defers to next_reply.
    assert_eq!(d.finish(), Ok(()));
    assert_eq!(d.next_reply().unwrap().unwrap().code(), 200);
    let e = d.next_reply().unwrap_err();
    assert_eq!(
        e.kind(),
        DecodeErrorKind::Incomplete {
            code: Some(code(220)),
            lines: 1
        }
    );
    assert_eq!(e.offset(), 8);
    assert_eq!(d.next_reply(), Ok(None));
    assert_eq!(d.finish(), Ok(()));
    // A partial first line without a code yet.
    let mut d = ReplyDecoder::new();
    d.feed(b"2");
    assert_eq!(d.next_reply(), Ok(None));
    assert_eq!(
        d.finish().unwrap_err().kind(),
        DecodeErrorKind::Incomplete {
            code: None,
            lines: 0
        }
    );
    // Telnet noise alone is no reply.
    let mut d = ReplyDecoder::new();
    d.feed(b"\xff\xf1");
    assert_eq!(d.next_reply(), Ok(None));
    assert_eq!(d.finish(), Ok(()));
    // While skipping after an error, the end of input is not reported again.
    let mut d = ReplyDecoder::new().with_limits(Limits::new().with_max_line_len(8));
    d.feed(b"211-abcdefghij\r\n more");
    assert!(d.next_reply().is_err());
    assert_eq!(d.next_reply(), Ok(None));
    assert_eq!(d.finish(), Ok(()));
    // Feeding after finish starts afresh, offsets go on.
    d.feed(b"200 ok\r\n");
    let r = d.next_reply().unwrap().unwrap();
    assert_eq!(r.code(), 200);
    assert_eq!(d.offset(), 29);
}

#[test]
fn framing_modes() {
    let glftpd = b"553-\r\n553- Directory excluded (precheck).\r\n150 Opening BINARY mode data connection for x using SSL/TLS.\r\n";
    let strict_out = run(&mut ReplyDecoder::new(), glftpd);
    assert!(matches!(
        strict_out[..],
        [Err((DecodeErrorKind::Incomplete { lines: 3, .. }, 0))]
    ));
    let lenient = run(
        &mut ReplyDecoder::new().with_framing(Framing::Lenient),
        glftpd,
    );
    assert_eq!(lenient.len(), 1);
    // Lenient: an invalid code with a space is not a last line.
    let input = b"211-a\r\n999 b\r\n000 c\r\n211 d\r\n";
    let lenient = run(
        &mut ReplyDecoder::new().with_framing(Framing::Lenient),
        input,
    );
    assert_eq!(lenient, [ok(&["211-a", "999 b", "000 c", "211 d"])]);
}

#[test]
fn borrowed_and_owned_replies_agree() {
    let input = b"211-Features:\r\n MDTM\r\n211 End\r\n550 caf\xe9\r\n200 ok\r\n";
    let mut a = ReplyDecoder::new();
    let mut b = ReplyDecoder::new();
    a.feed(input);
    b.feed(input);
    let mut n = 0;
    while let Some(owned) = a.next_reply().unwrap() {
        let view = b.next_reply_ref().unwrap().unwrap();
        assert_eq!(view, owned);
        assert_eq!(view.to_owned(), owned);
        assert_eq!(owned.view(), view);
        n += 1;
    }
    assert_eq!(n, 3);
    assert_eq!(b.next_reply_ref(), Ok(None));
    // A reply lent out is not counted as buffered.
    b.feed(b"220 x\r\n");
    assert!(b.next_reply_ref().unwrap().is_some());
    assert_eq!(b.buffered_len(), 0);
}

#[test]
fn reset_and_accessors() {
    let mut d = ReplyDecoder::new()
        .with_limits(Limits::new().with_max_lines(2))
        .with_framing(Framing::Lenient);
    d.feed(b"211-x");
    assert_eq!(d.next_reply(), Ok(None));
    d.reset();
    assert_eq!(d.offset(), 0);
    assert_eq!(d.limits().max_lines(), 2);
    assert_eq!(d.framing(), Framing::Lenient);
    assert_eq!(d.finish(), Ok(()));
}

/// The whole-line fast path (input fed at once) and the general path
/// (one byte at a time) agree, errors and offsets included, under tight
/// limits and on bytes biased towards what matters to the decoder.
#[test]
fn fast_path_agrees_with_byte_at_a_time() {
    const ALPHABET: &[u8] = b"0122345-  \r\r\n\n\n\xff\xff\xfb\xfa\xf0\xf1a";
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20_000 {
        let len = usize::try_from(next() % 120).unwrap();
        let input: Vec<u8> = (0..len)
            .map(|_| {
                let r = next();
                if r % 4 == 0 {
                    // Well-formed line starts are common.
                    [b"211-", b"211 ", b"200 ", b"\r\n22"][usize::try_from(r / 4 % 4).unwrap()]
                        [usize::try_from(r / 16 % 4).unwrap()]
                } else {
                    ALPHABET[usize::try_from(r / 4 % ALPHABET.len() as u64).unwrap()]
                }
            })
            .collect();
        let limits = Limits::new()
            .with_max_line_len(usize::try_from(next() % 24).unwrap())
            .with_max_lines(usize::try_from(next() % 5).unwrap())
            .with_max_reply_bytes(usize::try_from(next() % 40).unwrap());
        let framing = if next() % 2 == 0 {
            Framing::Strict
        } else {
            Framing::Lenient
        };
        for limits in [limits, Limits::new()] {
            let whole = run(
                &mut ReplyDecoder::new()
                    .with_limits(limits)
                    .with_framing(framing),
                &input,
            );
            let mut d = ReplyDecoder::new()
                .with_limits(limits)
                .with_framing(framing);
            let mut bytes = Vec::new();
            for &b in &input {
                d.feed(&[b]);
                while let Some(r) = d.next_reply().transpose() {
                    bytes.push(
                        r.map(|r| r.lines().map(alloc::borrow::Cow::into_owned).collect())
                            .map_err(|e| (e.kind(), e.offset())),
                    );
                }
            }
            if let Err(e) = d.finish() {
                bytes.push(Err((e.kind(), e.offset())));
            }
            assert_eq!(whole, bytes, "{input:?} {limits:?} {framing:?}");
            // The borrowed path, which leaves incomplete lines for later.
            let mut d = ReplyDecoder::new()
                .with_limits(limits)
                .with_framing(framing);
            let mut lent = Vec::new();
            for &b in &input {
                d.feed(&[b]);
                while let Some(r) = d.next_reply_ref().transpose() {
                    lent.push(
                        r.map(|r| r.lines().map(alloc::borrow::Cow::into_owned).collect())
                            .map_err(|e| (e.kind(), e.offset())),
                    );
                }
                assert!(d.buffered_len() <= limits.max_reply_bytes());
            }
            if let Err(e) = d.finish() {
                lent.push(Err((e.kind(), e.offset())));
            }
            assert_eq!(d.next_reply_ref(), Ok(None));
            assert_eq!(whole, lent, "borrowed: {input:?} {limits:?} {framing:?}");
        }
    }
}

#[test]
fn error_messages() {
    let e = DecodeError::new(DecodeErrorKind::LineTooLong { limit: 16384 }, 42);
    assert_eq!(
        e.to_string(),
        "invalid reply stream at byte 42: the line is longer than the limit of 16384 bytes"
    );
    let e = DecodeError::new(
        DecodeErrorKind::Incomplete {
            code: None,
            lines: 0,
        },
        0,
    );
    assert_eq!(
        e.to_string(),
        "invalid reply stream at byte 0: the input ended in the middle of a reply (code not received, 0 complete line(s))"
    );
    assert_eq!(
        DecodeErrorKind::TooManyLines { limit: 3 }.to_string(),
        "the reply has more lines than the limit of 3"
    );
    assert_eq!(
        DecodeErrorKind::ReplyTooLong { limit: 3 }.to_string(),
        "the reply is longer than the limit of 3 bytes"
    );
}
