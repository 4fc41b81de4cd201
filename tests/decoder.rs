//! The decoder and `Reply::parse` against the server behaviours of issue 4,
//! in both framing modes, through the public API only.

use ftp_reply::{
    DecodeError, DecodeErrorKind, Framing, Limits, ParseErrorKind, ReadError, Reply, ReplyCode,
    ReplyDecoder, ReplyReader,
};

/// What decoding a stream produced: a reply's code and lines, or an error.
#[derive(Debug, PartialEq)]
enum Out {
    Reply(u16, Vec<String>),
    Error(DecodeErrorKind, u64),
}

fn reply(code: u16, lines: &[&str]) -> Out {
    Out::Reply(code, lines.iter().map(|&l| l.to_owned()).collect())
}

fn out_of(result: Result<Reply, DecodeError>) -> Out {
    match result {
        Ok(r) => Out::Reply(
            r.code().as_u16(),
            r.lines().map(|l| l.into_owned()).collect(),
        ),
        Err(e) => Out::Error(e.kind(), e.offset()),
    }
}

/// Feeds `input` in chunks of `chunk` bytes, draining after each, then finishes.
fn decode_chunked(mut decoder: ReplyDecoder, input: &[u8], chunk: usize) -> Vec<Out> {
    let mut out = Vec::new();
    for piece in input.chunks(chunk.max(1)) {
        decoder.feed(piece);
        while let Some(result) = decoder.next_reply().transpose() {
            out.push(out_of(result));
        }
    }
    if let Err(e) = decoder.finish() {
        out.push(out_of(Err(e)));
    }
    out
}

/// Decodes `input` in many chunkings and checks they all agree.
fn decode(framing: Framing, input: &[u8]) -> Vec<Out> {
    let whole = decode_chunked(
        ReplyDecoder::new().with_framing(framing),
        input,
        input.len(),
    );
    for chunk in [1, 2, 3, 5, 7, 64] {
        assert_eq!(
            decode_chunked(ReplyDecoder::new().with_framing(framing), input, chunk),
            whole,
            "chunks of {chunk}"
        );
    }
    whole
}

fn code(n: u16) -> ReplyCode {
    ReplyCode::new(n).unwrap()
}

#[test]
fn rfc959_multiline_example() {
    // RFC 959 §4.2.
    let input = b"123-First line\r\nSecond line\r\n  234 A line beginning with numbers\r\n123 The last line\r\n";
    let expected = reply(
        123,
        &[
            "123-First line",
            "Second line",
            "  234 A line beginning with numbers",
            "123 The last line",
        ],
    );
    assert_eq!(decode(Framing::Strict, input), [expected]);
    // "  234 " starts with spaces: lenient framing agrees.
    let lenient = decode(Framing::Lenient, input);
    assert_eq!(lenient.len(), 1);
    let r = Reply::parse(input).unwrap();
    assert_eq!(r.to_string().as_bytes(), input);
}

#[test]
fn proftpd_feat_with_code_on_every_line() {
    // proftpd/proftpd#1085 (and veeso/suppaftp#108): `211-` on every FEAT line.
    // The PWD reply after it must not swallow the rest of FEAT.
    let input = b"211-Features:\r\n211-AUTH TLS\r\n211-CCC\r\n211-CLNT\r\n211-EPRT\r\n211-PROT\r\n\
211-REST STREAM\r\n211-SIZE\r\n211-SSCN\r\n211-TVFS\r\n211-UTF8\r\n211 End\r\n257 \"/\" is the current directory\r\n";
    for framing in [Framing::Strict, Framing::Lenient] {
        let out = decode(framing, input);
        assert_eq!(out.len(), 2, "{framing:?}");
        let Out::Reply(211, lines) = &out[0] else {
            panic!("{out:?}")
        };
        assert_eq!(lines.len(), 12);
        assert_eq!(out[1], reply(257, &["257 \"/\" is the current directory"]));
    }
    let feat = Reply::parse(&input[..input.len() - 35]).unwrap();
    let features: Vec<_> = feat.text_lines().skip(1).take(10).collect();
    assert_eq!(
        features,
        [
            "AUTH TLS",
            "CCC",
            "CLNT",
            "EPRT",
            "PROT",
            "REST STREAM",
            "SIZE",
            "SSCN",
            "TVFS",
            "UTF8"
        ]
    );
}

#[test]
fn glftpd_mismatched_last_line() {
    // veeso/suppaftp#168: glftpd answered STOR like this.
    let input = b"553-\r\n553- Directory excluded (precheck).\r\n150 Opening BINARY mode data connection for x using SSL/TLS.\r\n";
    // Strict: the reply never ends; at the end of input that is reported.
    assert_eq!(
        decode(Framing::Strict, input),
        [Out::Error(
            DecodeErrorKind::Incomplete {
                code: Some(code(553)),
                lines: 3
            },
            0
        )]
    );
    // Lenient: one reply whose code is 150.
    let lines = [
        "553-",
        "553- Directory excluded (precheck).",
        "150 Opening BINARY mode data connection for x using SSL/TLS.",
    ];
    assert_eq!(decode(Framing::Lenient, input), [reply(150, &lines)]);
    let r = Reply::parse_with(input, Framing::Lenient).unwrap();
    assert_eq!((r.opening_code(), r.code()), (code(553), code(150)));
    assert!(r.code().is_preliminary());
}

#[test]
fn cyberduck_mlst_with_550_inner_line() {
    // iterate-ch/cyberduck#15892 / #16622: an MLST reply with a bare `550` inside.
    let input = b"250- List\r\n550\r\n250 End of List\r\n";
    // Strict (RFC 959, what the fix turned on): one 250 reply.
    assert_eq!(
        decode(Framing::Strict, input),
        [reply(250, &["250- List", "550", "250 End of List"])]
    );
    // Lenient: `550` ends the reply, and `250 End of List` becomes a reply of
    // its own: the client is out of step. This is why Strict is the default.
    assert_eq!(
        decode(Framing::Lenient, input),
        [
            reply(550, &["250- List", "550"]),
            reply(250, &["250 End of List"])
        ]
    );
}

#[test]
fn funet_426_closed_by_226() {
    // Apache Commons Net, comment on lenientCheck: ftp.funet.fi sent 226 as the
    // last line of a 426 multi-line reply (the text here is ours).
    let input = b"426-Connection closed; transfer aborted.\r\n426-Data connection lost.\r\n226 Abort successful\r\n221 Goodbye.\r\n";
    // Strict: the 226 and 221 lines are inner lines of a 426 reply still open.
    assert_eq!(
        decode(Framing::Strict, input),
        [Out::Error(
            DecodeErrorKind::Incomplete {
                code: Some(code(426)),
                lines: 4
            },
            0
        )]
    );
    let lenient = decode(Framing::Lenient, input);
    assert_eq!(lenient.len(), 2);
    assert!(matches!(&lenient[0], Out::Reply(226, lines) if lines.len() == 3));
    assert_eq!(lenient[1], reply(221, &["221 Goodbye."]));
}

#[test]
fn several_replies_in_one_chunk_and_bare_lf() {
    let input = b"220-Welcome\n220 Ready\n331 Password?\r\n230 OK\r\n";
    assert_eq!(
        decode(Framing::Strict, input),
        [
            reply(220, &["220-Welcome", "220 Ready"]),
            reply(331, &["331 Password?"]),
            reply(230, &["230 OK"])
        ]
    );
}

#[test]
fn errors_resume_at_the_next_line() {
    let input = b"hello\r\n200 OK\r\n20\r\n2000 x\r\n\r\n221 Bye\r\n";
    assert_eq!(
        decode(Framing::Strict, input),
        [
            Out::Error(
                DecodeErrorKind::InvalidLine(ParseErrorKind::NotADigit { found: b'h' }),
                0
            ),
            reply(200, &["200 OK"]),
            Out::Error(
                DecodeErrorKind::InvalidLine(ParseErrorKind::TooShort { len: 2 }),
                17
            ),
            Out::Error(
                DecodeErrorKind::InvalidLine(ParseErrorKind::InvalidSeparator { found: b'0' }),
                22
            ),
            Out::Error(DecodeErrorKind::InvalidLine(ParseErrorKind::Empty), 27),
            reply(221, &["221 Bye"]),
        ]
    );
}

#[test]
fn telnet_in_a_stream() {
    // IAC DO, IAC WILL before the greeting, IAC IAC and an undoubled 0xFF in text.
    let input = b"\xff\xfd\x03\xff\xfb\x01220 Ready\r\n550 caf\xe9\xff\xff.txt: No such file\r\n550 x\xffy\r\n";
    let out = decode(Framing::Strict, input);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0], reply(220, &["220 Ready"]));
    let r = Reply::parse(b"550 caf\xe9\xff\xff.txt: No such file\r\n").unwrap();
    assert_eq!(
        r.raw_lines().next().unwrap(),
        b"550 caf\xe9\xff.txt: No such file"
    );
    let r = Reply::parse(b"550 x\xffy\r\n").unwrap();
    assert_eq!(r.raw_lines().next().unwrap(), b"550 x\xffy");
}

#[test]
fn limits_errors_say_which_limit() {
    let limits = Limits::default()
        .with_max_line_len(64)
        .with_max_lines(3)
        .with_max_reply_bytes(100);
    let mut input = Vec::new();
    input.extend_from_slice(b"220 ");
    input.extend_from_slice(&[b'x'; 100]);
    input.extend_from_slice(b"\r\n211-a\r\n b\r\n c\r\n211 d\r\n");
    for _ in 0..4 {
        input.extend_from_slice(b"214-0123456789012345678901234567890123456789\r\n");
    }
    input.extend_from_slice(b"214 end\r\n200 OK\r\n");
    let out = decode_chunked(ReplyDecoder::new().with_limits(limits), &input, 9);
    assert_eq!(
        out,
        [
            Out::Error(DecodeErrorKind::LineTooLong { limit: 64 }, 0),
            // The fourth line, `211 d`, starts at 106 + 7 + 4 + 4.
            Out::Error(DecodeErrorKind::TooManyLines { limit: 3 }, 121),
            // Two 214 lines hold 2 * 45 bytes; the third starts at 128 + 2 * 46.
            Out::Error(DecodeErrorKind::ReplyTooLong { limit: 100 }, 220),
            reply(200, &["200 OK"]),
        ]
    );
    let mut d = ReplyDecoder::new().with_limits(limits);
    d.feed(&input);
    let e = d.next_reply().unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid reply stream at byte 0: the line is longer than the limit of 64 bytes"
    );
}

#[test]
fn reader_matches_decoder() {
    let input: &[u8] = b"220 Ready\r\nbad\r\n211-a\r\n b\r\n211 c\r\n226-cut";
    for capacity in [1, 2, 5, 4096] {
        let reader = ReplyReader::new(std::io::BufReader::with_capacity(capacity, input));
        let mut out = Vec::new();
        for result in reader {
            match result {
                Ok(r) => out.push(out_of(Ok(r))),
                Err(ReadError::Decode(e) | ReadError::Incomplete(e)) => out.push(out_of(Err(e))),
                Err(e) => panic!("{e}"),
            }
        }
        assert_eq!(out, decode(Framing::Strict, input), "capacity {capacity}");
    }
}

#[test]
fn reader_leaves_bytes_after_the_reply() {
    use std::io::BufRead;
    let mut reader = ReplyReader::new(std::io::BufReader::new(
        &b"234 Proceed with negotiation.\r\nTLS..."[..],
    ));
    assert_eq!(reader.read_reply().unwrap().code(), 234);
    assert_eq!(reader.get_mut().fill_buf().unwrap(), b"TLS...");
}

/// The payload readers and the diagnosis give the same answers on a reply
/// lent by `next_reply_ref` as on its owned copy.
#[test]
fn borrowed_replies_have_the_payload_readers() {
    let input = b"227 Entering Passive Mode (10,0,0,5,156,64).\r\n257 \"/home/a\" is cwd\r\n213 1234\r\n229 Entering Extended Passive Mode (|||6446|)\r\n530 This FTP server is anonymous only.\r\n";
    let mut lent = ftp_reply::ReplyDecoder::new();
    let mut owned = ftp_reply::ReplyDecoder::new();
    lent.feed(input);
    owned.feed(input);
    let mut n = 0;
    while let Some(reply) = lent.next_reply_ref().unwrap() {
        let copy = owned.next_reply().unwrap().unwrap();
        assert_eq!(reply.passive_address(), copy.passive_address());
        assert_eq!(reply.extended_passive_port(), copy.extended_passive_port());
        assert_eq!(reply.size(), copy.size());
        assert_eq!(
            reply.pathname().map(|p| p.value.to_string()),
            copy.pathname().map(|p| p.value.to_string())
        );
        assert!(reply.diagnose().eq(copy.diagnose()));
        n += 1;
    }
    assert_eq!(n, 5);
}

/// A decoder that `next_reply_ref` left holding the start of a line can be
/// handed to a `ReplyReader`, which decodes that start first.
#[test]
fn a_reader_takes_over_a_decoder_holding_a_line_start() {
    let mut decoder = ftp_reply::ReplyDecoder::new();
    decoder.feed(b"220 Rea");
    assert!(decoder.next_reply_ref().unwrap().is_none());
    assert_eq!(decoder.buffered_len(), 7);
    let mut reader = ftp_reply::ReplyReader::new(&b"dy\r\n221 Bye\r\n"[..]).with_decoder(decoder);
    assert_eq!(reader.read_reply().unwrap().text(), "Ready");
    assert_eq!(reader.read_reply().unwrap().code(), 221);
    assert!(matches!(
        reader.read_reply(),
        Err(ftp_reply::ReadError::Eof)
    ));
    // And `finish` reports such a start as an incomplete reply.
    let mut decoder = ftp_reply::ReplyDecoder::new();
    decoder.feed(b"220 Rea");
    assert!(decoder.next_reply_ref().unwrap().is_none());
    assert!(decoder.finish().unwrap_err().is_incomplete());
}
