//! `CommandLine` as a client builds it: no argument can smuggle a second
//! command in, what is written parses back to what was built, and secrets
//! never reach `Display` or `Debug`.

use ftp_reply::command::{Command, CommandLine, CommandParseErrorKind};
use proptest::prelude::*;

fn command() -> impl Strategy<Value = Command> {
    let all: Vec<Command> = Command::all().filter(|c| *c != Command::Other).collect();
    proptest::sample::select(all)
}

/// Arguments that often hold CR, LF, NUL, spaces and non-ASCII text.
fn argument() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just('\r'),
            Just('\n'),
            Just('\0'),
            Just(' '),
            Just('é'),
            any::<char>(),
            proptest::char::range('a', 'z'),
        ],
        0..24,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #[test]
    fn injection_is_refused_and_the_rest_round_trips(c in command(), arg in argument()) {
        let verb = c.verb();
        match arg.bytes().position(|b| matches!(b, b'\r' | b'\n' | 0)) {
            Some(i) => {
                let err = CommandLine::new(c, Some(&arg)).unwrap_err();
                let kind = if arg.as_bytes()[i] == 0 {
                    CommandParseErrorKind::Nul
                } else {
                    CommandParseErrorKind::LineBreak
                };
                prop_assert_eq!((err.kind(), err.offset()), (kind, verb.len() + 1 + i));
            }
            None => {
                let line = CommandLine::new(c, Some(&arg)).unwrap();
                let wire = line.to_bytes();
                prop_assert_eq!(wire.len(), line.wire_len());
                prop_assert!(wire.ends_with(b"\r\n"));
                // Exactly one line: the only LF is the last byte.
                prop_assert_eq!(wire.iter().filter(|&&b| b == b'\n').count(), 1);
                let text = std::str::from_utf8(&wire).unwrap();
                let back = CommandLine::parse_str(text).unwrap();
                prop_assert_eq!(back, line);
                prop_assert_eq!(back.command(), c);
                prop_assert_eq!(back.argument(), Some(arg.as_str()).filter(|a| !a.is_empty()));
                let mut written = Vec::new();
                line.write_to(&mut written).unwrap();
                prop_assert_eq!(written, wire);
            }
        }
    }

    #[test]
    fn secrets_stay_out_of_logs(secret in "[^\r\n\0]{1,20}") {
        for c in [Command::Pass, Command::Acct, Command::Adat] {
            let line = CommandLine::new(c, Some(&secret)).unwrap();
            prop_assert_eq!(line.to_string(), format!("{} ****", c.verb()));
            let debug = format!("{line:?}");
            prop_assert!(debug.ends_with("argument: Some(\"****\") }"), "{}", debug);
            prop_assert_eq!(line.argument(), Some(secret.as_str()));
        }
    }
}

#[test]
fn every_known_command_builds_without_argument() {
    for c in Command::all().filter(|c| *c != Command::Other) {
        let line = CommandLine::new(c, None).unwrap();
        assert_eq!(line.to_string(), c.verb());
        assert_eq!(line.to_bytes(), format!("{}\r\n", c.verb()).as_bytes());
    }
}
