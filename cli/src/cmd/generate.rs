//! `ftp-reply generate completions <SHELL>` and `ftp-reply generate man
//! [--dir DIR]` (hidden): both from the clap definition in `crate::cli`, so
//! they never drift from `--help`. The exit statuses appear in the man
//! page's EXTRA section, from the same text as `--help`.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, Generate};
use crate::output::Out;
use crate::{Failure, Outcome};

/// Writes what `what` asks for.
pub fn run(out: &mut Out, what: &Generate) -> Result<Outcome, Failure> {
    let mut cmd = Cli::command();
    match what {
        Generate::Completions { shell } => {
            clap_complete::generate(*shell, &mut cmd, "ftp-reply", &mut out.w);
        }
        Generate::Man { dir: None } => clap_mangen::Man::new(cmd).render(&mut out.w)?,
        Generate::Man { dir: Some(dir) } => {
            clap_mangen::generate_to(cmd, dir).map_err(|e| Failure::output(dir, &e))?;
            writeln!(out.w, "{}", dir.display())?;
        }
    }
    Ok(Outcome::Success)
}
