//! Runs the built `ftp-reply` binary with a controlled environment.
#![allow(dead_code)] // each test file uses part of it

use std::io::{Read, Write};
use std::process::{Command, Stdio};

/// What one run printed and how it ended.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    /// Standard output as UTF-8 (the tool writes UTF-8 only).
    pub fn out(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("stdout is UTF-8")
    }

    /// Asserts exit status 0 and an empty stderr; returns stdout.
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, Some(0), "stderr: {}", self.stderr);
        assert_eq!(self.stderr, "");
        self.out()
    }

    /// Asserts a usage error: exit 2, nothing on stdout, one line on stderr.
    pub fn usage_error(&self) -> &str {
        assert_eq!(self.code, Some(2), "stdout: {}", self.out());
        assert!(self.stdout.is_empty(), "stdout: {}", self.out());
        assert!(self.stderr.starts_with("ftp-reply: "), "{:?}", self.stderr);
        assert_eq!(self.stderr.lines().count(), 1, "{:?}", self.stderr);
        assert!(!self.stderr.contains("panicked"), "{:?}", self.stderr);
        &self.stderr
    }
}

/// The binary, with no locale, colour or backtrace variables inherited.
pub fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ftp-reply"));
    cmd.args(args);
    for var in [
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "NO_COLOR",
        "TERM",
        "RUST_BACKTRACE",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// Runs with `stdin` as standard input and `env` added.
pub fn run_with(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Run {
    let mut cmd = command(args);
    cmd.envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    let mut input = child.stdin.take().expect("piped stdin");
    // The tool may exit before reading everything (bad arguments): ignore EPIPE.
    let _ = input.write_all(stdin);
    drop(input);
    let output = child.wait_with_output().expect("the binary ends");
    Run {
        code: output.status.code(),
        stdout: output.stdout,
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs with an empty standard input.
pub fn run(args: &[&str]) -> Run {
    run_with(args, b"", &[])
}

/// A fresh directory under the system temporary directory.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ftp-reply-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs the tool with `args`, `stdin` as its input and the read end of its
/// stdout closed before it writes anything (its first write fails with
/// EPIPE, whatever the timing); returns what it wrote on stderr and its exit
/// status.
pub fn run_into_closed_pipe(args: &[&str], stdin: &[u8]) -> (String, Option<i32>) {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut input = child.stdin.take().unwrap();
    let _ = input.write_all(stdin);
    drop(input);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (stderr, child.wait().unwrap().code())
}
