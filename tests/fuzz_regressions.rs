//! Replays saved fuzz inputs on stable Rust: `fuzz/regressions/<target>/*`
//! (committed: inputs that once failed, and a few seeds) and, when present
//! locally, `fuzz/corpus/<target>/*` (not committed). CI runs this; it does
//! not run the fuzzer.

mod fuzz_checks;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for dir in ["regressions", "corpus"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_file() {
                let input = std::fs::read(&path).unwrap();
                let result = std::panic::catch_unwind(|| check(&input));
                assert!(result.is_ok(), "fuzz input {} fails", path.display());
                count += 1;
            }
        }
    }
    count
}

#[test]
fn decoder_regressions() {
    let n = replay("decoder", fuzz_checks::decoder);
    // The crate is also packaged without fuzz/; then there is nothing to replay.
    if Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .exists()
    {
        assert!(n > 0, "no decoder inputs found");
    }
}

#[test]
fn reply_parse_regressions() {
    let n = replay("reply_parse", fuzz_checks::reply_parse);
    if Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .exists()
    {
        assert!(n > 0, "no reply_parse inputs found");
    }
}

#[test]
fn identify_regressions() {
    let n = replay("identify", fuzz_checks::identify);
    if Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .exists()
    {
        assert!(n > 0, "no identify inputs found");
    }
}

#[test]
fn checks_hold_on_small_inputs() {
    for input in [
        &b""[..],
        b"\x00",
        b"\x03\x01\x01\x01\x01211-a\r\n b\r\n211 c\r\n",
        b"\xff\x02\x03\x04\x05\xff\xfa\xff\xff\r\n550 x\xff\r\n",
    ] {
        fuzz_checks::decoder(input);
        fuzz_checks::reply_parse(input);
        fuzz_checks::identify(input);
    }
}
