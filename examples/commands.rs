//! Lists the commands that may get a reply code, or the replies a command may get.
//!
//! ```sh
//! cargo run --example commands -- 150
//! cargo run --example commands -- RETR
//! ```

use std::io::{self, Write};
use std::process::ExitCode;

use ftp_reply::command::{Command, greeting_expects};
use ftp_reply::{Lang, ReplyCode};

fn main() -> ExitCode {
    let Some(arg) = std::env::args().nth(1) else {
        eprintln!("usage: commands <reply code | command verb>");
        return ExitCode::from(2);
    };
    match list(&arg, &mut io::stdout().lock()) {
        Ok(status) => status,
        // A closed pipe (`... | head -1`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("commands: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}

fn list(arg: &str, out: &mut impl Write) -> io::Result<ExitCode> {
    if let Ok(code) = arg.parse::<ReplyCode>() {
        writeln!(out, "Commands that may get {code}:")?;
        for (command, role) in code.commands() {
            writeln!(out, "  {command:<5} {}", role.describe(Lang::En))?;
        }
        if let Some(role) = greeting_expects(code) {
            writeln!(out, "  (connection greeting) {}", role.describe(Lang::En))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let command = Command::from_verb(arg);
    if !command.is_known() {
        eprintln!("{arg}: neither a reply code nor a known command");
        return Ok(ExitCode::from(1));
    }
    let defined = command
        .defined_in()
        .map(|s| s.to_string())
        .unwrap_or_default();
    writeln!(out, "{command} (defined in {defined}) may get:")?;
    for e in command.expected_replies() {
        let sources: Vec<String> = e.sources().iter().map(ToString::to_string).collect();
        writeln!(
            out,
            "  {} {:<24} {}",
            e.code(),
            e.role(),
            sources.join(", ")
        )?;
    }
    for note in command.notes(Lang::En) {
        writeln!(out, "  note: {note}")?;
    }
    for note in command.server_notes() {
        writeln!(out, "  servers: {note}")?;
    }
    Ok(ExitCode::SUCCESS)
}
