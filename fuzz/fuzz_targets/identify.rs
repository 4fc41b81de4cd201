//! Fuzzes `identify::ServerIdentifier` on arbitrary reply streams; the
//! checks are in `tests/fuzz_checks/identify.rs`, shared with the stable
//! replay of `fuzz/regressions/`.
#![no_main]

#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|input: &[u8]| checks::identify(input));
