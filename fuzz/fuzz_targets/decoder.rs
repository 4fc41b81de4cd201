//! Fuzzes `ReplyDecoder` (`next_reply` and the borrowed `next_reply_ref`)
//! with fuzzed limits, framing and chunk sizes; the
//! checks are in `tests/fuzz_checks/mod.rs`, shared with the stable replay
//! of `fuzz/regressions/` (`tests/fuzz_regressions.rs`).
#![no_main]

#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|input: &[u8]| checks::decoder(input));
