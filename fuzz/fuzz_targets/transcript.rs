//! Fuzzes the transcript analysis (`ftp_reply::transcript::Analyzer`) with a
//! fuzzed format choice and chunk size; the checks are in
//! `tests/fuzz_checks/mod.rs`, shared with the stable replay of
//! `fuzz/regressions/transcript/` (`tests/fuzz_regressions.rs`).
#![no_main]

#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|input: &[u8]| checks::transcript(input));
