//! Bad input, closed pipes and colour: exit statuses and what goes where.

mod common;

use std::io::Read;
use std::process::Stdio;

use common::{command, run, run_into_closed_pipe, run_with};

#[test]
fn bad_arguments_exit_2_with_one_line_on_stderr() {
    let cases: &[(&[&str], &str)] = &[
        (&[], "a subcommand is needed"),
        (&["nope"], "unrecognized subcommand 'nope'"),
        (&["explain"], "required arguments were not provided"),
        (
            &["explain", "42"],
            "\"42\" is not a reply code or reply line",
        ),
        (&["explain", "7xx oops"], "is not a reply code"),
        (
            &["explain", "421", "--json"],
            "unexpected argument '--json'",
        ),
        (&["compare", "425"], "required arguments were not provided"),
        (&["compare", "425", "4260"], "\"4260\" is not a reply code"),
        (&["diagnose", "hello"], "\"hello\" is not a reply line"),
        (
            &["diagnose", "530 x", "--server", "ftpd9"],
            "unknown server \"ftpd9\" (known: ",
        ),
        (&["codes", "--category", "9"], "unknown category \"9\""),
        (
            &["codes", "--lang", "de"],
            "unknown language \"de\" (known: en, es, fr)",
        ),
        (
            &["transcript", "--log-format", "ftpd"],
            "unknown log format \"ftpd\" (known: filezilla, ",
        ),
        (
            &["--format", "xml", "codes"],
            "invalid value 'xml' for '--format",
        ),
        (
            &["codes", "--color", "sometimes"],
            "invalid value 'sometimes' for '--color",
        ),
        (
            &["decode", "/nonexistent/session.log"],
            "cannot read /nonexistent/session.log: ",
        ),
        (&["decode", "/"], "cannot read /: "),
        (&["generate", "completions", "tcsh"], "invalid value 'tcsh'"),
    ];
    for (args, message) in cases {
        let out = run(args);
        let stderr = out.usage_error();
        assert!(stderr.contains(message), "{args:?}: {stderr:?}");
    }
}

#[test]
fn bad_arguments_are_reported_before_reading_stdin() {
    let out = run_with(&["decode", "--frobnicate"], b"220 Ready\r\n", &[]);
    out.usage_error();
}

/// Every subcommand, its output going into a pipe whose reader has gone
/// (`ftp-reply codes | head -3`): no panic, nothing on stderr, status 0.
#[test]
fn a_closed_stdout_pipe_ends_quietly() {
    let cases: &[&[&str]] = &[
        &["codes"],
        &["explain", "150"],
        &["explain", "150", "--format", "json"],
        &["compare", "150", "421"],
        &["diagnose", "530 Login incorrect."],
        &["decode"],
        &["generate", "man"],
        &["--help"],
    ];
    for args in cases {
        let (stderr, status) = run_into_closed_pipe(args, b"220 Ready\r\n");
        assert_eq!(stderr, "", "{args:?}");
        assert_eq!(status, Some(0), "{args:?}");
    }
}

#[test]
fn the_head_of_a_long_output_is_complete() {
    // The reader takes a few lines and leaves; the lines it got are whole.
    let mut child = command(&["codes"]).stdout(Stdio::piped()).spawn().unwrap();
    let mut first = [0; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert!(status.success());
    assert!(first.starts_with(b"110  Restart Marker Reply"));
}

const EVERY_SUBCOMMAND: &[&[&str]] = &[
    &["explain", "421 Too many connections (8) from this IP"],
    &["compare", "425", "426"],
    &["diagnose", "530 Login incorrect."],
    &["codes"],
    &["decode", "--format", "text"],
];

const STREAM: &[u8] = b"220 Ready\r\nHELLO\r\n530 Login incorrect.\r\n";

#[test]
fn color_never_and_pipes_are_free_of_escape_codes() {
    for args in EVERY_SUBCOMMAND {
        for color in [&["--color", "never"][..], &[]] {
            let args: Vec<&str> = args.iter().chain(color).copied().collect();
            let out = run_with(&args, STREAM, &[]);
            assert!(!out.stdout.is_empty(), "{args:?}");
            assert!(!out.stdout.contains(&0x1b), "{args:?}: {}", out.out());
        }
    }
}

#[test]
fn color_always_colours_text_even_with_no_color() {
    for args in EVERY_SUBCOMMAND {
        let args: Vec<&str> = args.iter().chain(&["--color", "always"]).copied().collect();
        for env in [&[][..], &[("NO_COLOR", "1")]] {
            let out = run_with(&args, STREAM, env);
            assert!(out.out().contains("\x1b["), "{args:?} {env:?}");
            assert!(out.out().contains("\x1b[0m"), "{args:?}");
        }
    }
    // Markdown and JSON are never coloured.
    for format in ["markdown", "json"] {
        let out = run(&["explain", "421", "--color", "always", "--format", format]);
        assert!(!out.stdout.contains(&0x1b), "{format}");
    }
}
