//! The line-end searcher of the fast path.

use super::telnet::IAC;

/// Finds the next LF or IAC, like `memchr::memchr2`. On `x86_64`, the SSE2
/// searcher (part of the baseline) is built once per call of
/// [`Core::whole_lines`] and used directly: lines are short, and going through
/// `memchr2`'s run-time dispatch for each of them costs more than the search.
#[derive(Clone, Copy)]
pub(super) struct LineEndFinder {
    #[cfg(target_arch = "x86_64")]
    sse2: Option<memchr::arch::x86_64::sse2::memchr::Two>,
}

impl LineEndFinder {
    pub(super) fn new() -> Self {
        Self {
            #[cfg(target_arch = "x86_64")]
            sse2: memchr::arch::x86_64::sse2::memchr::Two::new(b'\n', IAC),
        }
    }

    pub(super) fn find(self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(sse2) = self.sse2 {
            return sse2.find(haystack);
        }
        memchr::memchr2(b'\n', IAC, haystack)
    }
}
