//! `ftp-reply`: explain, compare, decode and diagnose FTP server replies
//! from the command line, explain whole session logs, and list every known
//! reply code.
//!
//! Each subcommand is a thin layer over the `ftp-reply` library
//! (`crate::cmd`); the command line itself is in `crate::cli`. Errors are one
//! line on standard error; output into a closed pipe ends quietly.
//!
//! Exit status: 0 success, 1 a negative finding, 2 bad input or usage (see
//! [`cli::EXIT_STATUS`]).

mod cli;
mod cmd;
mod locale;
mod output;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use crate::cli::{Cli, Command, OutputFormat};
use crate::output::Out;

/// How a subcommand ended, when it could do its job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit status 0.
    Success,
    /// Exit status 1: the input was understood and the answer is negative
    /// (no diagnosis matches, an invalid reply stream, a session that failed).
    Negative,
}

/// Why a subcommand could not do its job.
#[derive(Debug)]
pub enum Failure {
    /// Bad input or usage (exit status 2), with its one-line message.
    Usage(String),
    /// Writing the output failed; a closed pipe ends quietly.
    Io(io::Error),
}

impl Failure {
    /// An input file that cannot be opened or read.
    #[must_use]
    pub fn input(path: &Path, error: &io::Error) -> Self {
        Self::Usage(format!("cannot read {}: {error}", path.display()))
    }

    /// An output file or directory that cannot be written.
    #[must_use]
    pub fn output(path: &Path, error: &io::Error) -> Self {
        Self::Usage(format!("cannot write into {}: {error}", path.display()))
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Self::Io(e)
    }
}

fn main() -> ExitCode {
    // A bug must still end in one line, not a backtrace: say where, once.
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("panic");
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = message.replace('\n', " ");
        let _ = writeln!(
            io::stderr(),
            "ftp-reply: internal error{place}, please report it: {message}"
        );
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let mut out = Out::new(&cli.common);
    let result = run(&mut out, &cli).and_then(|outcome| {
        out.w.flush()?;
        Ok(outcome)
    });
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Negative) => ExitCode::from(1),
        // `ftp-reply codes | head -3`: the reader has all it wanted.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => fail(&format!("cannot write the output: {e}")),
        Err(Failure::Usage(message)) => fail(&message),
    }
}

/// Runs the subcommand.
fn run(out: &mut Out, cli: &Cli) -> Result<Outcome, Failure> {
    let format = cli.common.format;
    let text_default = format.unwrap_or(OutputFormat::Text);
    match &cli.command {
        Command::Explain { target } => cmd::explain::run(out, text_default, &target.join(" ")),
        Command::Compare { a, b } => cmd::compare::run(out, text_default, a, b),
        Command::Decode { file, lenient } => cmd::decode::run(
            out,
            format.unwrap_or(OutputFormat::Json),
            file.as_deref(),
            *lenient,
        ),
        Command::Diagnose { line, server } => {
            cmd::diagnose::run(out, text_default, &line.join(" "), *server)
        }
        Command::Transcript { file, log_format } => {
            cmd::transcript::run(out, text_default, file.as_deref(), *log_format)
        }
        Command::Codes { category } => cmd::codes::run(out, text_default, category),
        Command::Generate { what } => cmd::generate::run(out, what),
    }
}

/// One line on standard error, exit status 2.
fn fail(message: &str) -> ExitCode {
    // Nothing more to do if standard error is closed too.
    let _ = writeln!(io::stderr(), "ftp-reply: {message}");
    ExitCode::from(2)
}

/// Help and version go to standard output (exit 0); a usage error becomes
/// one line on standard error (exit 2), from clap's message and its hint.
fn clap_exit(e: &clap::Error) -> ExitCode {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        // A closed pipe (`ftp-reply --help | head -1`) is not an error.
        let _ = write!(io::stdout(), "{}", e.render());
        return ExitCode::SUCCESS;
    }
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand
    ) {
        let names: Vec<String> = <Cli as clap::CommandFactory>::command()
            .get_subcommands()
            .filter(|c| !c.is_hide_set())
            .map(|c| c.get_name().to_owned())
            .collect();
        return fail(&format!(
            "a subcommand is needed: {}; for more information, try '--help'",
            names.join(", ")
        ));
    }
    let rendered = e.render().to_string();
    // The first paragraph is the message ("... not provided:" continues on
    // the next lines); tips and usage follow after a blank line.
    let first: Vec<&str> = rendered
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let first = first.join(" ");
    let first = first.strip_prefix("error: ").unwrap_or(&first);
    let hint = rendered
        .lines()
        .last()
        .and_then(|l| l.strip_prefix("For more information, try "))
        .map(|h| format!("; for more information, try {}", h.trim_end_matches('.')))
        .unwrap_or_default();
    fail(&format!("{first}{hint}"))
}
