//! Real server captures (see tests/data/README.md) decode to the expected replies.

use ftp_reply::{Framing, Reply, ReplyDecoder};

const CAPTURES: &[&str] = &["pyftpdlib-2.2.0", "proftpd-1.3.8", "vsftpd-3.0.3"];

fn data(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn to_json(reply: &Reply) -> serde_json::Value {
    serde_json::json!({ "code": reply.code().as_u16(), "lines": reply.lines().collect::<Vec<_>>() })
}

fn expected(name: &str) -> Vec<serde_json::Value> {
    String::from_utf8(data(&format!("{name}.expected.jsonl")))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn decode(framing: Framing, input: &[u8], chunk: usize) -> Vec<Reply> {
    let mut decoder = ReplyDecoder::new().with_framing(framing);
    let mut replies = Vec::new();
    for piece in input.chunks(chunk) {
        decoder.feed(piece);
        while let Some(reply) = decoder.next_reply().unwrap() {
            replies.push(reply);
        }
    }
    decoder.finish().unwrap();
    replies
}

#[test]
fn captures_decode_as_expected() {
    for name in CAPTURES {
        let input = data(&format!("{name}.bin"));
        let expected = expected(name);
        assert!(expected.len() >= 14, "{name}");
        for framing in [Framing::Strict, Framing::Lenient] {
            for chunk in [1, 3, 10, 100, input.len()] {
                let replies = decode(framing, &input, chunk);
                let json: Vec<_> = replies.iter().map(to_json).collect();
                assert_eq!(json, expected, "{name}, {framing:?}, chunks of {chunk}");
            }
        }
        // Each reply parses alone and writes back the bytes it came from.
        let replies = decode(Framing::Strict, &input, input.len());
        let mut rewritten = Vec::new();
        for reply in &replies {
            let bytes = reply.to_bytes();
            assert_eq!(&Reply::parse(&bytes).unwrap(), reply);
            rewritten.extend_from_slice(&bytes);
        }
        assert_eq!(rewritten, input, "{name}: captures use CRLF and no Telnet");
    }
}

#[test]
fn feat_lists_from_captures() {
    for name in CAPTURES {
        let input = data(&format!("{name}.bin"));
        let feat = decode(Framing::Strict, &input, input.len())
            .into_iter()
            .find(|r| r.code() == 211 && r.lines().next().unwrap().starts_with("211-Feat"))
            .unwrap();
        let features: Vec<String> = feat
            .text_lines()
            .skip(1)
            .take(feat.line_count() - 2)
            .map(|l| l.trim().to_owned())
            .collect();
        assert!(features.iter().any(|f| f == "EPSV"), "{name}: {features:?}");
        assert!(
            features
                .iter()
                .all(|f| !f.is_empty() && !f.starts_with("211"))
        );
    }
}
