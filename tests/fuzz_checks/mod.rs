//! The invariants the fuzz targets check, shared with `tests/fuzz_regressions.rs`
//! (which replays saved inputs on stable) and `fuzz/fuzz_targets/*.rs`.

#![allow(dead_code)] // each fuzz target uses one of the checks

mod identify;

/// The `identify` target: see `identify.rs`.
pub fn identify(input: &[u8]) {
    identify::run(input);
}

use ftp_reply::{DecodeError, Framing, Limits, Reply, ReplyDecoder};

/// Feeds `data` in chunks of the sizes in `sizes` (cycled; all at once if
/// empty), draining after each; checks the memory bound; then finishes.
fn decode(decoder: ReplyDecoder, data: &[u8], sizes: &[u8]) -> Vec<Result<Reply, DecodeError>> {
    decode_with(decoder, data, sizes, false)
}

/// Like [`decode`], through `next_reply_ref` when `borrowed`, checking
/// that each view and its owned copy agree on every accessor.
fn decode_with(
    mut decoder: ReplyDecoder,
    data: &[u8],
    sizes: &[u8],
    borrowed: bool,
) -> Vec<Result<Reply, DecodeError>> {
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
        if borrowed {
            while let Some(result) = decoder.next_reply_ref().transpose() {
                out.push(result.map(|view| {
                    let owned = view.to_owned();
                    assert_eq!(owned, view);
                    assert_eq!(owned.view(), view);
                    assert!(view.lines().eq(owned.lines()));
                    assert!(view.text_lines().rev().eq(owned.text_lines().rev()));
                    assert!(view.raw_text_lines().eq(owned.raw_text_lines()));
                    assert_eq!(view.text(), owned.text());
                    assert_eq!(view.opening_code(), owned.opening_code());
                    assert_eq!(view.to_bytes(), owned.to_bytes());
                    assert!(view.diagnose().eq(owned.diagnose()));
                    owned
                }));
            }
        } else {
            while let Some(result) = decoder.next_reply().transpose() {
                out.push(result);
            }
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
    let new = || {
        ReplyDecoder::new()
            .with_limits(limits)
            .with_framing(framing)
    };
    let chunked = decode(new(), data, sizes);
    let whole = decode(new(), data, &[]);
    assert_eq!(chunked, whole);
    // The borrowed path gives the same replies and errors.
    assert_eq!(decode_with(new(), data, sizes, true), whole);
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

// --- transcript (issue 12) ----------------------------------------------------

/// The transcript analysis: byte 0 picks the format (auto-detection or one of
/// them), byte 1 the chunk size, the rest is the log. Never panics; events
/// point at lines that were read; the renderings work in every language and
/// style; a `PASS` argument never reaches a rendering.
pub fn transcript(input: &[u8]) {
    use ftp_reply::Lang;
    use ftp_reply::transcript::{Analyzer, EventKind, Format, Renderer, Style};

    let (Some(&pick), Some(&size)) = (input.first(), input.get(1)) else {
        return;
    };
    let log = &input[2..];
    let mut a = match Format::all().nth(usize::from(pick) % 9) {
        Some(f) => Analyzer::new().with_format(f),
        None => Analyzer::new(),
    };
    let mut renderers = [
        Renderer::new(Lang::En, Style::Text),
        Renderer::new(Lang::Fr, Style::Markdown),
    ];
    let mut out = String::new();
    let mut events = Vec::new();
    let mut ok = true;
    for chunk in log.chunks(usize::from(size).max(1)) {
        if a.feed(chunk).is_err() {
            ok = false;
            break;
        }
        events.extend(std::iter::from_fn(|| a.next_event()));
    }
    ok = ok && a.finish().is_ok();
    events.extend(std::iter::from_fn(|| a.next_event()));
    let v = a.verdict();
    for e in &events {
        assert!(e.line <= v.lines, "event at line {} of {}", e.line, v.lines);
        if let EventKind::Command { text, .. } = &e.kind {
            let upper = text.to_ascii_uppercase();
            if upper.starts_with("PASS ")
                || upper.starts_with("ACCT ")
                || upper.starts_with("ADAT ")
            {
                assert!(text.ends_with(" ****"), "unredacted: {text:?}");
            }
        }
        for r in &mut renderers {
            r.event(e, &mut out).unwrap();
        }
    }
    for r in &renderers {
        r.verdict(&v, &mut out).unwrap();
    }
    if ok {
        let lines = log.split(|&b| b == b'\n').count() as u64
            - u64::from(log.ends_with(b"\n") || log.is_empty());
        assert_eq!(v.lines, lines);
    }
}

// ---- payload parsers (issue 17) ----

use ftp_reply::ReplyCode;
use ftp_reply::command::Command;
use ftp_reply::payload::{self, MlstEntry};
use ftp_reply::payload::{PayloadError, Timestamp};

/// Checks that an error points inside the reply: a line that exists, an
/// offset at most its length.
fn located(e: &PayloadError, lines: &[&[u8]]) {
    assert!(e.line() < lines.len().max(1), "{e}: {} lines", lines.len());
    let len = lines.get(e.line()).map_or(0, |l| l.len());
    assert!(e.offset() <= len, "{e}: line of {len} bytes");
}

fn code(n: u16) -> ReplyCode {
    ReplyCode::new(n).unwrap()
}

/// Runs every line-based parser on `lines`, each with its own code, and
/// checks what comes out.
fn all_parsers(lines: &[&[u8]]) {
    let it = || lines.iter().copied();
    macro_rules! check {
        ($result:expr, |$v:ident| $body:expr) => {
            match $result {
                Ok(parsed) => {
                    let $v = parsed.value;
                    assert!(parsed.quirks.len() <= ftp_reply::payload::Quirk::ALL.len());
                    $body;
                }
                Err(e) => located(&e, lines),
            }
        };
    }
    check!(payload::passive_address(code(227), it()), |a| {
        // Written back the RFC 959 way, it parses to itself with no quirk.
        let [h1, h2, h3, h4] = a.ip().octets();
        let line = format!(
            "227 Entering Passive Mode ({h1},{h2},{h3},{h4},{},{})",
            a.port() >> 8,
            a.port() & 255
        );
        let again = payload::passive_address(code(227), [line.as_bytes()]).unwrap();
        assert_eq!((again.value, again.quirks.is_empty()), (a, true));
    });
    check!(
        payload::long_passive_address(code(228), it()),
        |a| assert_ne!(a.port(), 0)
    );
    check!(payload::extended_passive_port(code(229), it()), |p| {
        assert_ne!(p, 0);
        let line = format!("229 Entering Extended Passive Mode (|||{p}|)");
        assert_eq!(
            payload::extended_passive_port(code(229), [line.as_bytes()])
                .unwrap()
                .strict(),
            Ok(p)
        );
    });
    for sent in [Command::Pasv, Command::Epsv, Command::Lpsv, Command::List] {
        for n in [227, 228, 229] {
            check!(payload::data_endpoint(sent, code(n), it()), |e| {
                let peer = std::net::IpAddr::from([93, 184, 215, 14]);
                for policy in [
                    ftp_reply::payload::PassivePolicy::UseControlHost,
                    ftp_reply::payload::PassivePolicy::TrustServer,
                    ftp_reply::payload::PassivePolicy::RefuseMismatch,
                ] {
                    if let Ok(to) = e.connect_to(peer, policy) {
                        assert_eq!(to.port(), e.port());
                    }
                }
            });
        }
    }
    check!(payload::pathname(code(257), it()), |p| {
        let bytes: Vec<u8> = p.bytes().collect();
        assert_eq!(bytes.len(), p.len());
        assert!(!bytes.iter().any(|&b| b == b'\r' || b == b'\n' || b == 0));
        assert_eq!(p.to_bytes().as_ref(), &bytes[..]);
        // Quoted back per RFC 959 Appendix II, it parses to itself.
        let mut line = b"257 \"".to_vec();
        for &b in &bytes {
            line.push(b);
            if b == b'"' {
                line.push(b'"');
            }
        }
        line.extend_from_slice(b"\" is current");
        let again = payload::pathname(code(257), [&line[..]]).unwrap();
        assert_eq!(again.value.bytes().collect::<Vec<_>>(), bytes);
        let _ = p.to_string();
    });
    check!(payload::size(code(213), it()), |n| {
        let line = format!("213 {n}");
        assert_eq!(
            payload::size(code(213), [line.as_bytes()])
                .unwrap()
                .strict(),
            Ok(n)
        );
    });
    check!(payload::modification_time(code(213), it()), |t| {
        let tv = format!(
            "{:04}{:02}{:02}{:02}{:02}{:02}.{:09}",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
            t.nanosecond()
        );
        assert_eq!(Timestamp::from_time_val(tv.as_bytes()), Ok(t));
    });
    check!(payload::features(code(211), it()), |f| {
        assert_eq!(f.iter().count(), f.len());
        for feature in &f {
            assert!(!feature.name().is_empty());
            assert!(!feature.name().contains(&b' '));
            assert!(
                f.has(&String::from_utf8_lossy(feature.name()))
                    || std::str::from_utf8(feature.name()).is_err()
            );
            let _ = (
                feature.marked_params().count(),
                feature.words().count(),
                feature.to_string(),
            );
        }
        let _ = (
            f.mlst_facts().map(Iterator::count),
            f.languages().map(Iterator::count),
            f.has_rest_stream(),
        );
    });
    check!(payload::transfer_size_hint(code(150), it()), |n| {
        if let Some(n) = n {
            let line = format!("150 Opening BINARY mode data connection for f ({n} bytes).");
            assert_eq!(
                payload::transfer_size_hint(code(150), [line.as_bytes()])
                    .unwrap()
                    .strict(),
                Ok(Some(n))
            );
        }
    });
    check!(payload::restart_offset(code(350), it()), |n| {
        if let Some(n) = n {
            let line =
                format!("350 Restarting at {n}. Send STORE or RETRIEVE to initiate transfer");
            assert_eq!(
                payload::restart_offset(code(350), [line.as_bytes()])
                    .unwrap()
                    .value,
                Some(n)
            );
        }
    });
    check!(payload::restart_marker(code(110), it()), |m| assert!(
        !m.user().is_empty() && !m.server().is_empty()
    ));
    check!(payload::ready_in_minutes(code(120), it()), |n| {
        let line = format!("120 Service ready in {n} minutes.");
        assert_eq!(
            payload::ready_in_minutes(code(120), [line.as_bytes()])
                .unwrap()
                .strict(),
            Ok(n)
        );
    });
    check!(payload::system_type(code(215), it()), |s| assert!(
        !s.name().is_empty()
    ));
    check!(payload::mlst_entry(code(250), it()), |e| {
        assert!(!e.path().is_empty());
        let _ = (e.facts().count(), e.size(), e.modify(), e.kind());
    });
    for line in lines {
        if let Ok(e) = MlstEntry::parse(line) {
            assert!(!e.value.path().is_empty());
            for fact in e.value.facts() {
                assert!(
                    e.value.fact(&String::from_utf8_lossy(fact.name)).is_some()
                        || std::str::from_utf8(fact.name).is_err()
                );
            }
        }
    }
}

/// The `payload` target: every payload parser on the input's lines, and
/// every `Reply` method on the input parsed as a reply. No panic, errors
/// located inside the reply, and values written back the RFC way parse to
/// themselves with no quirk.
pub fn payload(input: &[u8]) {
    let lines: Vec<&[u8]> = input
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .collect();
    all_parsers(&lines);
    for framing in [Framing::Strict, Framing::Lenient] {
        let Ok(reply) = Reply::parse_with(input, framing) else {
            continue;
        };
        let raw: Vec<&[u8]> = reply.raw_lines().collect();
        for e in [
            reply.passive_address().err(),
            reply.long_passive_address().err(),
            reply.extended_passive_port().err(),
            reply.data_endpoint(Command::Epsv).err(),
            reply.pathname().err(),
            reply.size().err(),
            reply.modification_time().err(),
            reply.features().err(),
            reply.transfer_size_hint().err(),
            reply.restart_offset().err(),
            reply.restart_marker().err(),
            reply.ready_in_minutes().err(),
            reply.system_type().err(),
            reply.mlst_entry().err(),
        ]
        .into_iter()
        .flatten()
        {
            located(&e, &raw);
        }
    }
}
