//! Allocation counts, measured with a counting global allocator (not with timings).
//!
//! Each thread counts its own allocations, so tests running in parallel and the
//! test harness do not disturb the counts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;

use ftp_reply::diagnosis::diagnose_line_str;
use ftp_reply::diff::{Diff, Format};
use ftp_reply::{Lang, ReplyCode, ReplyDecoder, ReplyInfo};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn bump() {
    // `try_with`: the thread-local may already be gone while a thread exits.
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
}

// SAFETY: forwards to the system allocator; only counts calls.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn count<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let out = f();
    (out, ALLOCATIONS.with(Cell::get) - before)
}

#[test]
fn the_counter_counts() {
    let (v, n) = count(|| std::hint::black_box(vec![1u8; 10]));
    assert_eq!((v.len(), n), (10, 1));
    let (s, n) = count(|| {
        Diff::new(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE).to_string()
    });
    assert!(n >= 1 && !s.is_empty(), "a fresh String must grow");
}

#[test]
fn parsing_and_lookup_never_allocate() {
    let ((), n) = count(|| {
        for n in 100..700 {
            let code = ReplyCode::new(n).unwrap();
            std::hint::black_box(code.info());
            std::hint::black_box(ReplyCode::parse_str("421 Service not available\r\n").unwrap());
        }
    });
    assert_eq!(n, 0);
}

#[test]
fn rendering_a_diff_into_a_reused_string_allocates_nothing() {
    let d = Diff::new(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
    let mut buf = String::new();
    for format in [Format::Text, Format::Markdown] {
        for lang in Lang::ALL {
            // First render grows the buffer; the next ones reuse it.
            buf.clear();
            write!(buf, "{}", d.render(lang, format)).unwrap();
            let len = buf.len();
            let ((), n) = count(|| {
                buf.clear();
                write!(buf, "{}", d.render(lang, format)).unwrap();
            });
            assert_eq!(buf.len(), len);
            assert_eq!(n, 0, "{lang} {format}: {n} allocations per render");
        }
    }
}

#[test]
fn explaining_and_diagnosing_allocate_nothing() {
    let mut buf = String::with_capacity(64 * 1024);
    let ((), n) = count(|| {
        for info in ReplyInfo::all() {
            buf.clear();
            use std::fmt::Write;
            write!(buf, "{}", info.code().explain(Lang::Fr)).unwrap();
        }
        let line = "500 OOPS: vsftpd: refusing to run with writable root inside chroot()";
        assert!(diagnose_line_str(line).unwrap().count() >= 1);
    });
    assert_eq!(n, 0);
}

/// The recorded sessions, back to back, four times.
fn sessions() -> Vec<u8> {
    let mut stream = Vec::new();
    for name in ["vsftpd-3.0.3", "proftpd-1.3.8", "pyftpdlib-2.2.0"] {
        let path = format!("{}/tests/data/{name}.bin", env!("CARGO_MANIFEST_DIR"));
        stream.extend_from_slice(&std::fs::read(path).unwrap());
    }
    stream.repeat(4)
}

#[test]
fn owned_replies_allocate_once_per_reply() {
    // Fed in 4 KiB reads.
    let stream = sessions();
    let mut decoder = ReplyDecoder::new();
    // Warm-up: the first pass may allocate the input buffer and grow the
    // buffers of the reply in progress.
    for chunk in stream.chunks(4096) {
        decoder.feed(chunk);
        while decoder.next_reply().unwrap().is_some() {}
    }
    let (mut replies, mut multiline, mut allocations) = (0, 0, 0);
    for chunk in stream.chunks(4096) {
        let ((n, m), a) = count(|| {
            decoder.feed(chunk);
            let (mut n, mut m) = (0, 0);
            // Each reply is dropped here, inside the count.
            while let Some(reply) = decoder.next_reply().unwrap() {
                m += usize::from(reply.is_multiline());
                std::hint::black_box(&reply);
                n += 1;
            }
            (n, m)
        });
        assert!(
            a <= n,
            "{a} allocations for {n} replies ({m} multi-line) in one read"
        );
        replies += n;
        multiline += m;
        allocations += a;
    }
    decoder.finish().unwrap();
    assert!(replies >= 150, "{replies} replies");
    assert!(multiline >= 10, "{multiline} multi-line replies");
    assert!(
        allocations <= replies,
        "{allocations} allocations for {replies} replies"
    );
}

#[test]
fn borrowed_replies_allocate_nothing() {
    let stream = sessions();
    for chunk_len in [4096, 64, 1] {
        let mut decoder = ReplyDecoder::new();
        let read = |decoder: &mut ReplyDecoder| {
            let (mut replies, mut bytes) = (0, 0);
            for chunk in stream.chunks(chunk_len) {
                decoder.feed(chunk);
                while let Some(reply) = decoder.next_reply_ref().unwrap() {
                    // Read every line as text, as a client does next.
                    for line in reply.text_lines() {
                        bytes += line.len();
                    }
                    std::hint::black_box(reply.opening_code());
                    replies += 1;
                }
            }
            (replies, bytes)
        };
        // Warm-up: the buffers grow to the largest reply.
        let warm = read(&mut decoder);
        let (again, n) = count(|| read(&mut decoder));
        assert_eq!(warm, again);
        assert!(again.0 >= 150, "{again:?}");
        assert_eq!(
            n, 0,
            "{n} allocations for {} replies in {chunk_len}-byte reads",
            again.0
        );
    }
}

// --- identification (issue 16 §3) ---

#[test]
fn identifying_a_server_allocates_nothing() {
    use ftp_reply::command::Command;
    use ftp_reply::identify::ServerIdentifier;
    type Observed<'a> = (Option<Command>, &'a [&'a [u8]], u16);
    let replies: [Observed<'_>; 3] = [
        (None, &[b"220 Welcome"], 220),
        (
            Some(Command::Feat),
            &[b"211-Features supported:", b" EPRT", b"211 End FEAT."],
            211,
        ),
        (
            Some(Command::Stat),
            &[
                b"211-FTP server status:",
                b"     vsFTPd 3.0.3 - secure, fast, stable",
                b"211 End of status",
            ],
            211,
        ),
    ];
    let (named, n) = count(|| {
        let mut id = ServerIdentifier::new();
        for (command, lines, code) in replies {
            id.observe_lines(
                command,
                ReplyCode::new(code).unwrap(),
                lines.iter().copied(),
            );
        }
        let best = id.best().map(|b| (b.server(), b.evidence().count()));
        std::hint::black_box(best)
    });
    assert_eq!(n, 0);
    assert!(named.is_some());
}

// ---- payload parsers (issue 17) ----

#[test]
fn payload_parsers_allocate_nothing() {
    use ftp_reply::Reply;
    use ftp_reply::command::Command;
    use ftp_reply::payload::MlstEntry;

    let replies: Vec<Reply> = [
        &b"227 Entering Passive Mode (192,168,1,2,4,1).\r\n"[..],
        b"227-listen socket created\r\n227 (127,0,0,1,154,21)\r\n",
        b"228 Entering Long Passive Mode (6,16,32,1,13,184,0,0,0,0,0,0,0,0,0,0,0,1,2,4,1)\r\n",
        b"229 Entering Extended Passive Mode (|||6446|)\r\n",
        b"257 \"/usr/dm/foo\"\"bar\" directory created.\r\n",
        b"213 19980615100045.014\r\n",
        b"213 1234\r\n",
        b"211-Features:\r\n MDTM\r\n211-MLST type*;size*;modify*;\r\n LANG EN*;FR\r\n AUTH TLS\r\n REST STREAM\r\n211 End\r\n",
        b"150 Opening BINARY mode data connection for a (1234 bytes).\r\n",
        b"350 Restarting at 1234. Send STORE or RETRIEVE to initiate transfer\r\n",
        b"110 MARK 1 = 2\r\n",
        b"120 Service ready in 5 minutes.\r\n",
        b"215 UNIX Type: L8\r\n",
        b"250-Listing /\r\n type=dir;modify=20240229130509;perm=el; /\r\n250 End\r\n",
        b"550 Nope\r\n",
    ]
    .iter()
    .map(|b| Reply::parse(b).unwrap())
    .collect();
    let mlsd = b"type=file;size=1830;modify=20240229130509;UNIX.mode=0644; notes one.txt\r\n";
    let mut sink = 0usize;
    let ((), n) = count(|| {
        for r in &replies {
            let b = std::hint::black_box(r);
            sink += b
                .passive_address()
                .map_or(0, |p| usize::from(p.value.port()));
            sink += b
                .long_passive_address()
                .map_or(0, |p| usize::from(p.value.port()));
            sink += b
                .extended_passive_port()
                .map_or(0, |p| usize::from(p.value));
            sink += b
                .data_endpoint(Command::Epsv)
                .map_or(0, |p| usize::from(p.value.port()));
            if let Ok(p) = b.pathname() {
                sink += p.value.len() + p.value.chunks().count() + p.value.bytes().count();
            }
            sink += b.size().map_or(0, |p| p.value as usize);
            sink += b
                .modification_time()
                .map_or(0, |p| p.value.unix_seconds() as usize);
            if let Ok(f) = b.features() {
                let f = f.value;
                sink += f.len() + usize::from(f.has("mdtm")) + usize::from(f.has_rest_stream());
                sink += f.mlst_facts().map_or(0, Iterator::count);
                sink += f.languages().map_or(0, Iterator::count);
                sink += f.auth_mechanisms().map_or(0, Iterator::count);
            }
            sink += b
                .transfer_size_hint()
                .map_or(0, |p| p.value.unwrap_or(0) as usize);
            sink += b
                .restart_offset()
                .map_or(0, |p| p.value.unwrap_or(0) as usize);
            sink += b.restart_marker().map_or(0, |p| p.value.user().len());
            sink += b.ready_in_minutes().map_or(0, |p| p.value as usize);
            sink += b.system_type().map_or(0, |p| p.value.name().len());
            if let Ok(e) = b.mlst_entry() {
                sink += e.value.facts().count() + e.value.path().len();
            }
        }
        let e = MlstEntry::parse(std::hint::black_box(mlsd)).unwrap().value;
        sink += e.facts().count() + e.size().unwrap() as usize + e.modify().unwrap().day() as usize;
    });
    assert_eq!(n, 0, "the payload parsers allocated {n} times");
    assert!(sink > 0);
}

// Session analysis (issue 12): the transcript phrases are templates written
// straight into the output.

/// A writer that only counts bytes: any allocation is the renderer's own.
#[cfg(feature = "alloc")]
struct Sink(usize);

#[cfg(feature = "alloc")]
impl std::fmt::Write for Sink {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

#[cfg(feature = "alloc")]
#[test]
fn rendering_a_transcript_allocates_nothing() {
    use ftp_reply::transcript::{Analyzer, Renderer, Style};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/transcripts");
    for name in [
        "filezilla-425-nat.log",
        "filezilla-530-login.log",
        "plain-desync-226.txt",
        "filezilla-150-no-final.log",
    ] {
        let mut a = Analyzer::new();
        a.feed(&std::fs::read(dir.join(name)).unwrap()).unwrap();
        a.finish().unwrap();
        let events: Vec<_> = std::iter::from_fn(|| a.next_event()).collect();
        let verdict = a.verdict();
        for style in [Style::Text, Style::Markdown] {
            for lang in Lang::ALL {
                let mut r = Renderer::new(lang, style);
                let mut sink = Sink(0);
                let ((), n) = count(|| {
                    r.header(a.format().unwrap(), &mut sink).unwrap();
                    for e in &events {
                        r.event(e, &mut sink).unwrap();
                    }
                    r.verdict(&verdict, &mut sink).unwrap();
                });
                assert_eq!(n, 0, "{name} in {lang} ({style}) allocated {n} times");
                assert!(sink.0 > 1000, "{name}: {}", sink.0);
            }
        }
    }
}
