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
fn payload_regressions() {
    let n = replay("payload", fuzz_checks::payload);
    if Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .exists()
    {
        assert!(n > 0, "no payload inputs found");
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
        fuzz_checks::payload(input);
    }
}

#[test]
fn transcript_regressions() {
    let n = replay("transcript", fuzz_checks::transcript);
    if Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .exists()
    {
        assert!(n > 0, "no transcript inputs found");
    }
}

/// On stable, a few thousand deterministic mutations of the transcript seeds
/// (byte flips, cuts, splices of two seeds) through the same checks. Not a
/// substitute for the fuzzer (which was not run for this target yet).
#[test]
fn transcript_mutations_hold() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/transcript");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let seeds: Vec<Vec<u8>> = entries
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    let mut state = 0x9e37_79b9_u32;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state as usize
    };
    for _ in 0..3000 {
        let mut input = seeds[next() % seeds.len()].clone();
        match next() % 4 {
            0 => {
                for _ in 0..4 {
                    let i = next() % input.len().max(1);
                    if let Some(b) = input.get_mut(i) {
                        *b = next() as u8;
                    }
                }
            }
            1 => input.truncate(next() % (input.len() + 1)),
            2 => {
                let other = &seeds[next() % seeds.len()];
                let cut = next() % (input.len() + 1);
                input.truncate(cut);
                input.extend_from_slice(&other[next() % (other.len() + 1)..]);
            }
            _ => {
                if input.len() > 2 {
                    input[0] = next() as u8;
                    input[1] = next() as u8;
                }
            }
        }
        fuzz_checks::transcript(&input);
    }
}
