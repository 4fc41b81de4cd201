//! Passwords never leave the analysis.

use alloc::string::String;

use crate::command::{Command, CommandLine};

/// The command line as the analysis shows it: the argument of `PASS`, `ACCT`
/// and `ADAT` replaced by `****`, everything else as logged.
///
/// The one place where command lines become text; it can later give way to
/// a redacted `Display` of [`CommandLine`].
pub(crate) fn redacted(line: &CommandLine<'_>) -> String {
    match line.command() {
        Command::Pass | Command::Acct | Command::Adat if line.argument().is_some() => {
            let mut s = String::with_capacity(line.verb().len() + 5);
            s.push_str(line.verb());
            s.push_str(" ****");
            s
        }
        _ => {
            // As `CommandLine`'s `Display`, without the formatting machinery.
            let arg = line.argument();
            let mut s = String::with_capacity(line.verb().len() + arg.map_or(0, |a| a.len() + 1));
            s.push_str(line.verb());
            if let Some(a) = arg {
                s.push(' ');
                s.push_str(a);
            }
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_secrets_only() {
        let r = |s| redacted(&Command::parse_line(s).unwrap());
        assert_eq!(r("PASS hunter2"), "PASS ****");
        assert_eq!(r("pass  two words"), "pass ****");
        assert_eq!(r("ACCT acme"), "ACCT ****");
        assert_eq!(r("ADAT c2VjcmV0"), "ADAT ****");
        assert_eq!(r("PASS"), "PASS");
        assert_eq!(r("USER bob"), "USER bob");
        assert_eq!(r("cwd  /a b "), "cwd  /a b ");
        assert_eq!(r("NOOP"), "NOOP");
    }
}
