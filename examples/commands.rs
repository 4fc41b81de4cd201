//! Lists the commands that may get a reply code, or the replies a command may get.
//!
//! ```sh
//! cargo run --example commands -- 150
//! cargo run --example commands -- RETR
//! ```

use ftp_reply::command::{Command, commands_producing, greeting_expects};
use ftp_reply::{Lang, ReplyCode};

fn main() {
    let Some(arg) = std::env::args().nth(1) else {
        eprintln!("usage: commands <reply code | command verb>");
        std::process::exit(2);
    };
    if let Ok(code) = arg.parse::<ReplyCode>() {
        println!("Commands that may get {code}:");
        for (command, role) in commands_producing(code) {
            println!("  {command:<5} {}", role.describe(Lang::En));
        }
        if let Some(role) = greeting_expects(code) {
            println!("  (connection greeting) {}", role.describe(Lang::En));
        }
        return;
    }
    let command = Command::from_verb(&arg);
    if !command.is_known() {
        eprintln!("{arg}: neither a reply code nor a known command");
        std::process::exit(1);
    }
    let defined = command
        .defined_in()
        .map(|s| s.to_string())
        .unwrap_or_default();
    println!("{command} (defined in {defined}) may get:");
    for e in command.expected_replies() {
        let sources: Vec<String> = e.sources().iter().map(ToString::to_string).collect();
        println!("  {} {:<24} {}", e.code(), e.role(), sources.join(", "));
    }
    for note in command.notes() {
        println!("  note: {note}");
    }
    for note in command.server_notes() {
        println!("  servers: {note}");
    }
}
