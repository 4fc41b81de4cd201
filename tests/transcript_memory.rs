//! The analysis keeps no timeline: feeding 20 times more log does not raise
//! its peak memory (a counting global allocator measures the live bytes).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use ftp_reply::transcript::{Analyzer, Format};

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

// The only unsafe code: a global allocator must be `unsafe impl`; it forwards to `System`.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live =
            LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed) + layout.size() as isize;
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// One session with a login failure, a transfer, a refused upload, and a
/// transfer that never ends: every kind of state the analysis keeps.
const SESSION: &[u8] = b"\
Status:\tConnecting to 192.0.2.10:21...
Response:\t220 (vsFTPd 3.0.3)
Command:\tUSER alice
Response:\t331 Please specify the password.
Command:\tPASS ********
Response:\t530 Login incorrect.
Command:\tUSER alice
Response:\t331 Please specify the password.
Command:\tPASS ********
Response:\t230 Login successful.
Command:\tFEAT
Response:\t211-Features:
Response:\t EPSV
Response:\t211 End
Command:\tPASV
Response:\t227 Entering Passive Mode (10,0,0,1,156,64).
Command:\tRETR a
Response:\t150 Opening BINARY mode data connection.
Response:\t226 Transfer complete.
Command:\tSTOR b
Response:\t553 Could not create file.
Command:\tRETR c
Response:\t150 Opening BINARY mode data connection.
Error:\tConnection timed out after 20 seconds of inactivity
";

fn run(a: &mut Analyzer, sessions: usize) -> usize {
    let mut events = 0;
    for _ in 0..sessions {
        a.feed(SESSION).unwrap();
        while let Some(e) = a.next_event() {
            std::hint::black_box(&e);
            events += 1;
        }
    }
    events
}

#[test]
fn memory_does_not_grow_with_the_log() {
    let mut a = Analyzer::new().with_format(Format::Filezilla);
    run(&mut a, 200); // warm up: every buffer at its working size
    PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
    run(&mut a, 1_000);
    let peak_short = PEAK.load(Ordering::Relaxed);
    PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
    let events = run(&mut a, 20_000);
    let peak_long = PEAK.load(Ordering::Relaxed);
    assert!(events > 20_000 * 20);
    assert!(
        peak_long <= peak_short + 1024,
        "peak grew from {peak_short} to {peak_long} bytes"
    );
    assert!(peak_long < 1 << 20, "peak {peak_long} bytes");
    a.finish().unwrap();
    assert_eq!(a.verdict().lines, 21_200 * 24);
}
