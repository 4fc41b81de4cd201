//! The bodies of the transcript benchmark, shared by `benches/transcript.rs`
//! (criterion) and `benches/callgrind.rs` (instruction counts).

#![allow(dead_code)]

use std::hint::black_box;

use ftp_reply::transcript::{Analyzer, Format};

/// One FileZilla session (message log with timestamps): login, FEAT, a
/// listing, a download, a failed upload, a probe that fails, QUIT.
const SESSION: &str = "\
10:00:00\tStatus:\tConnecting to 192.0.2.10:21...
10:00:00\tStatus:\tConnection established, waiting for welcome message...
10:00:00\tResponse:\t220 (vsFTPd 3.0.3)
10:00:00\tCommand:\tAUTH TLS
10:00:00\tResponse:\t530 Please login with USER and PASS.
10:00:00\tCommand:\tUSER alice
10:00:00\tResponse:\t331 Please specify the password.
10:00:00\tCommand:\tPASS ********
10:00:00\tResponse:\t230 Login successful.
10:00:00\tCommand:\tSYST
10:00:00\tResponse:\t215 UNIX Type: L8
10:00:00\tCommand:\tFEAT
10:00:00\tResponse:\t211-Features:
10:00:00\tResponse:\t EPRT
10:00:00\tResponse:\t EPSV
10:00:00\tResponse:\t MDTM
10:00:00\tResponse:\t PASV
10:00:00\tResponse:\t REST STREAM
10:00:00\tResponse:\t SIZE
10:00:00\tResponse:\t TVFS
10:00:00\tResponse:\t211 End
10:00:00\tCommand:\tPWD
10:00:00\tResponse:\t257 \"/home/alice\" is the current directory
10:00:00\tStatus:\tRetrieving directory listing...
10:00:00\tCommand:\tTYPE I
10:00:00\tResponse:\t200 Switching to Binary mode.
10:00:00\tCommand:\tPASV
10:00:00\tResponse:\t227 Entering Passive Mode (192,0,2,10,156,64).
10:00:00\tCommand:\tLIST
10:00:00\tResponse:\t150 Here comes the directory listing.
10:00:00\tResponse:\t226 Directory send OK.
10:00:00\tStatus:\tDirectory listing of \"/home/alice\" successful
10:00:01\tCommand:\tSIZE report.pdf
10:00:01\tResponse:\t550 Could not get file size.
10:00:01\tCommand:\tPASV
10:00:01\tResponse:\t227 Entering Passive Mode (192,0,2,10,156,65).
10:00:01\tCommand:\tRETR report.pdf
10:00:01\tResponse:\t150 Opening BINARY mode data connection for report.pdf (48213 bytes).
10:00:01\tResponse:\t226 Transfer complete.
10:00:01\tCommand:\tPASV
10:00:01\tResponse:\t227 Entering Passive Mode (192,0,2,10,156,66).
10:00:01\tCommand:\tSTOR upload.bin
10:00:01\tResponse:\t553 Could not create file.
10:00:01\tError:\tCritical file transfer error
10:00:02\tCommand:\tQUIT
10:00:02\tResponse:\t221 Goodbye.
10:00:02\tStatus:\tDisconnected from server
";

/// About `mib` MiB of log: [`SESSION`] repeated.
pub fn log(mib: usize) -> Vec<u8> {
    let n = mib * 1024 * 1024 / SESSION.len() + 1;
    SESSION.as_bytes().repeat(n)
}

/// The analysis, fed in 64 KiB chunks, every event taken; returns the event count.
pub fn analyze(bytes: &[u8]) -> usize {
    let mut a = Analyzer::new().with_format(Format::Filezilla);
    let mut events = 0;
    for chunk in bytes.chunks(64 * 1024) {
        a.feed(chunk).unwrap();
        while let Some(e) = a.next_event() {
            black_box(&e);
            events += 1;
        }
    }
    a.finish().unwrap();
    while let Some(e) = a.next_event() {
        black_box(&e);
        events += 1;
    }
    events
}

/// The baseline: only split the same bytes into lines (memchr), touching each.
pub fn split_lines(bytes: &[u8]) -> usize {
    let mut lines = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes) {
        black_box(&bytes[start..end]);
        start = end + 1;
        lines += 1;
    }
    lines
}
