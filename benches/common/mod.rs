//! The bodies the benchmarks time, shared by the criterion benches and by the
//! instruction-count driver (`benches/callgrind.rs`), so that both measure
//! exactly the same code. Each function does one full pass over its input and
//! checks its result, so that no variant can win by doing less.
#![allow(dead_code)] // each bench uses a part

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::BufRead;

use ftp_reply::diff::{Diff, Format};
use ftp_reply::{Lang, ReplyCode, ReplyDecoder, ReplyInfo};

/// Real first lines of replies, as vsftpd, ProFTPD and pyftpdlib send them.
pub const LINES: &[&str] = &[
    "220 (vsFTPd 3.0.3)\r\n",
    "331 Please specify the password.\r\n",
    "230 Login successful.\r\n",
    "257 \"/home/ftp\" is the current directory\r\n",
    "227 Entering Passive Mode (127,0,0,1,195,80).\r\n",
    "150 Here comes the directory listing.\r\n",
    "226 Directory send OK.\r\n",
    "550 Failed to open file.\r\n",
    "211-Features:\r\n",
    "421 Timeout.\r\n",
    "125 Data connection already open; Transfer starting.\r\n",
    "530 Login incorrect.\r\n",
];

/// The sum of the codes of `LINES`: every variant must find all of them.
pub const EXPECTED_SUM: u32 = 220 + 331 + 230 + 257 + 227 + 150 + 226 + 550 + 211 + 421 + 125 + 530;

/// The simplest parser: the first three bytes as a number, range-checked.
/// It accepts some lines `ReplyCode::parse` rejects (e.g. `"+12 x"`, `"1234"`),
/// never the other way round.
pub fn naive(line: &str) -> Option<u16> {
    let n: u16 = line.get(..3)?.parse().ok()?;
    (100..700).contains(&n).then_some(n)
}

/// `ReplyCode::parse` on every line of [`LINES`].
pub fn parse_ours() -> u32 {
    let mut sum = 0u32;
    for line in black_box(LINES) {
        sum += u32::from(ReplyCode::parse_str(line).unwrap().as_u16());
    }
    assert_eq!(sum, EXPECTED_SUM);
    sum
}

/// [`naive`] on every line of [`LINES`].
pub fn parse_naive() -> u32 {
    let mut sum = 0u32;
    for line in black_box(LINES) {
        sum += u32::from(naive(line).unwrap());
    }
    assert_eq!(sum, EXPECTED_SUM);
    sum
}

/// `http::StatusCode::from_bytes` on the first three bytes of every line of [`LINES`].
pub fn parse_http() -> u32 {
    let mut sum = 0u32;
    for line in black_box(LINES) {
        sum += u32::from(
            http::StatusCode::from_bytes(&line.as_bytes()[..3])
                .unwrap()
                .as_u16(),
        );
    }
    assert_eq!(sum, EXPECTED_SUM);
    sum
}

/// Baseline 1: a `match` from code to index in `ReplyInfo::all()`.
pub fn match_index(code: u16) -> Option<usize> {
    Some(match code {
        110 => 0,
        120 => 1,
        125 => 2,
        150 => 3,
        200 => 4,
        202 => 5,
        211 => 6,
        212 => 7,
        213 => 8,
        214 => 9,
        215 => 10,
        220 => 11,
        221 => 12,
        225 => 13,
        226 => 14,
        227 => 15,
        228 => 16,
        229 => 17,
        230 => 18,
        231 => 19,
        232 => 20,
        234 => 21,
        235 => 22,
        250 => 23,
        257 => 24,
        331 => 25,
        332 => 26,
        334 => 27,
        335 => 28,
        336 => 29,
        350 => 30,
        421 => 31,
        425 => 32,
        426 => 33,
        430 => 34,
        431 => 35,
        434 => 36,
        450 => 37,
        451 => 38,
        452 => 39,
        500 => 40,
        501 => 41,
        502 => 42,
        503 => 43,
        504 => 44,
        521 => 45,
        522 => 46,
        530 => 47,
        532 => 48,
        533 => 49,
        534 => 50,
        535 => 51,
        536 => 52,
        537 => 53,
        550 => 54,
        551 => 55,
        552 => 56,
        553 => 57,
        554 => 58,
        555 => 59,
        631 => 60,
        632 => 61,
        633 => 62,
        _ => return None,
    })
}

/// The three lookup tables compared, and the codes to look up.
pub struct Lookup {
    /// Baseline 2: a dense array indexed by `code - 100`.
    pub dense: [Option<&'static ReplyInfo>; 600],
    /// Every code of the knowledge base.
    pub known: Vec<ReplyCode>,
    /// As many well-formed codes that have no entry.
    pub unknown: Vec<ReplyCode>,
}

impl Lookup {
    pub fn new() -> Self {
        let all = ReplyInfo::all();
        // The match must describe the same table, or the comparison is meaningless.
        for (i, info) in all.iter().enumerate() {
            assert_eq!(match_index(info.code().as_u16()), Some(i));
        }
        let mut dense = [None::<&'static ReplyInfo>; 600];
        for info in all {
            dense[usize::from(info.code().as_u16() - 100)] = Some(info);
        }
        let known: Vec<ReplyCode> = all.iter().map(ReplyInfo::code).collect();
        let unknown: Vec<ReplyCode> = (100..700)
            .filter_map(|n| ReplyCode::new(n).ok())
            .filter(|c| c.info().is_none())
            .step_by(8)
            .take(known.len())
            .collect();
        Lookup {
            dense,
            known,
            unknown,
        }
    }

    pub fn phf(codes: &[ReplyCode]) -> usize {
        black_box(codes)
            .iter()
            .filter(|c| c.info().is_some())
            .count()
    }

    pub fn by_match(codes: &[ReplyCode]) -> usize {
        let all = ReplyInfo::all();
        black_box(codes)
            .iter()
            .filter(|c| match_index(c.as_u16()).map(|i| &all[i]).is_some())
            .count()
    }

    pub fn by_dense(&self, codes: &[ReplyCode]) -> usize {
        black_box(codes)
            .iter()
            .filter(|c| self.dense[usize::from(c.as_u16() - 100)].is_some())
            .count()
    }
}

/// Real sessions (tests/data/*.bin) repeated, then a large multi-line STAT listing.
pub fn streams() -> Vec<(&'static str, Vec<u8>, usize)> {
    let captures: [&[u8]; 3] = [
        include_bytes!("../../tests/data/vsftpd-3.0.3.bin"),
        include_bytes!("../../tests/data/proftpd-1.3.8.bin"),
        include_bytes!("../../tests/data/pyftpdlib-2.2.0.bin"),
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

pub fn count_replies(bytes: &[u8]) -> usize {
    let mut d = ReplyDecoder::new();
    d.feed(bytes);
    let mut n = 0;
    while let Some(_reply) = d.next_reply().expect("the captures decode") {
        n += 1;
    }
    d.finish().expect("no partial reply at the end");
    n
}

/// The decoder, fed 4 KiB at a time; returns the number of replies.
pub fn decode_ours(bytes: &[u8]) -> usize {
    let mut d = ReplyDecoder::new();
    let mut n = 0;
    for chunk in black_box(bytes).chunks(4096) {
        d.feed(chunk);
        while let Some(reply) = d.next_reply().unwrap() {
            black_box(&reply);
            n += 1;
        }
    }
    n
}

/// The decoder, fed `chunk` bytes at a time, borrowing each reply
/// (`next_reply_ref`); returns the number of replies.
pub fn decode_ref(bytes: &[u8], chunk: usize) -> usize {
    let mut d = ReplyDecoder::new();
    let mut n = 0;
    for chunk in black_box(bytes).chunks(chunk) {
        d.feed(chunk);
        while let Some(reply) = d.next_reply_ref().unwrap() {
            black_box(reply);
            n += 1;
        }
    }
    n
}

/// The owned decoder, fed 4 KiB at a time, reading every line of every
/// reply as text; returns the bytes of text read.
pub fn decode_lines_ours(bytes: &[u8]) -> usize {
    let mut d = ReplyDecoder::new();
    let mut len = 0;
    for chunk in black_box(bytes).chunks(4096) {
        d.feed(chunk);
        while let Some(reply) = d.next_reply().unwrap() {
            for line in reply.lines() {
                len += black_box(&*line).len();
            }
        }
    }
    len
}

/// The borrowing decoder, fed 4 KiB at a time, reading every line of every
/// reply as `&str`; returns the bytes of text read.
pub fn decode_lines_ref(bytes: &[u8]) -> usize {
    let mut d = ReplyDecoder::new();
    let mut len = 0;
    for chunk in black_box(bytes).chunks(4096) {
        d.feed(chunk);
        while let Some(reply) = d.next_reply_ref().unwrap() {
            for line in reply.lines() {
                len += black_box(&*line).len();
            }
        }
    }
    len
}

/// Baseline: a `BufRead::read_line` loop with a new `String` per line, as a
/// naive client reads replies; returns the bytes of text read (line ends
/// excluded, as the decoder's lines are).
pub fn read_line_loop(bytes: &[u8]) -> usize {
    let mut r = std::io::BufReader::with_capacity(4096, black_box(bytes));
    let mut len = 0;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).unwrap() == 0 {
            break;
        }
        let text = line.strip_suffix('\n').unwrap_or(&line);
        let text = text.strip_suffix('\r').unwrap_or(text);
        len += black_box(text).len();
    }
    len
}

/// Baseline: count the line ends with `memchr_iter(..).count()`, memchr's
/// vectorised count (the physical limit: one pass, nothing per line).
pub fn decode_memchr_count(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', black_box(bytes)).count()
}

/// Baseline: visit every line end with memchr (not `count()`, which skips
/// the per-line step).
pub fn decode_memchr(bytes: &[u8]) -> usize {
    let mut n = 0usize;
    for pos in memchr::memchr_iter(b'\n', black_box(bytes)) {
        n += 1;
        black_box(pos);
    }
    n
}

/// Baseline: a `BufRead` loop with a new `Vec` per line, checking the 4th
/// byte. `read_until` rather than `read_line`, because the captures hold
/// Latin-1 bytes that `read_line` rejects; skipping the UTF-8 check only
/// makes this baseline faster.
pub fn decode_read_loop(bytes: &[u8]) -> usize {
    let mut r = std::io::BufReader::with_capacity(4096, black_box(bytes));
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
    finals
}

/// `diff` + render of 150 vs 421 into `buf` (cleared first).
pub fn render_ours(buf: &mut String, format: Format) -> usize {
    buf.clear();
    let d = Diff::new(
        black_box(ReplyCode::FILE_STATUS_OK),
        black_box(ReplyCode::SERVICE_NOT_AVAILABLE),
    );
    write!(buf, "{}", d.render(Lang::En, format)).unwrap();
    assert!(buf.len() > 3000);
    buf.len()
}

/// Baseline: copy the two entries' four texts into `buf` (cleared first).
pub fn render_baseline(buf: &mut String) -> usize {
    buf.clear();
    for code in [
        black_box(ReplyCode::FILE_STATUS_OK),
        black_box(ReplyCode::SERVICE_NOT_AVAILABLE),
    ] {
        let i = code.info().unwrap();
        for t in [
            i.title(Lang::En),
            i.description(Lang::En),
            i.when_seen(Lang::En),
            i.remediation(Lang::En),
        ] {
            writeln!(buf, "{t}").unwrap();
        }
    }
    assert!(buf.len() > 1000);
    buf.len()
}

pub mod diagnosis;
pub mod payload;
