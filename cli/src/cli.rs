//! The command line, as clap sees it: subcommands, common options and their
//! help. Completions and the man page are generated from this definition.

// The doc comments below are the help text users read: no Markdown backticks.
#![allow(clippy::doc_markdown)]

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use ftp_reply::diagnosis::Server;
use ftp_reply::transcript::Format as LogFormat;
use ftp_reply::{Category, Lang};

/// The exit statuses, shown at the end of `--help` and in the man page.
pub const EXIT_STATUS: &str = "\
Exit status:
  0  success
  1  a negative finding: diagnose found no known server text, decode met an
     invalid reply stream, transcript read a session that failed
  2  bad input or usage: an unknown option, a malformed code, an unreadable file,
     a log in no known format";

/// Explain, compare, decode and diagnose FTP server replies, and explain session logs.
///
/// Everything it prints comes from the ftp-reply library's knowledge base:
/// every reply code that an RFC defines (and the common non-standard ones),
/// with what it means, when you see it and how to resolve it, and the texts
/// that real servers send with their cause and fix.
#[derive(Debug, Parser)]
#[command(name = "ftp-reply", version, after_help = EXIT_STATUS, max_term_width = 100)]
pub struct Cli {
    /// Options that every subcommand takes.
    #[command(flatten)]
    pub common: Common,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options that every subcommand takes, before or after its name.
#[derive(Debug, Args)]
pub struct Common {
    /// Language of the output, such as en or fr [default: from LC_ALL, LC_MESSAGES or LANG, else en]
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Output format [default: text; json for decode]
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<OutputFormat>,
    /// When to colour text output: auto colours only on a terminal, and not when NO_COLOR is set
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Everything known about a reply code, or about a whole reply line with its diagnosis
    #[command(after_help = EXIT_STATUS)]
    Explain {
        /// A code such as 421, or a reply line such as "421 Too many connections (8) from this IP"
        /// (unquoted words are joined with spaces)
        #[arg(value_name = "CODE | \"REPLY LINE\"", required = true, num_args = 1..)]
        target: Vec<String>,
    },
    /// The key differences between two reply codes, and how to tell them apart
    #[command(after_help = EXIT_STATUS)]
    Compare {
        /// The first code
        #[arg(value_name = "A")]
        a: String,
        /// The second code
        #[arg(value_name = "B")]
        b: String,
    },
    /// Decode the bytes of a control connection into replies (by default JSON, one object per line)
    ///
    /// Each reply is printed as {"code":211,"lines":[...]}, its lines as received without their
    /// line end (invalid UTF-8 replaced). Each error, including a reply left incomplete at the
    /// end, is printed as {"error":"...","offset":N} with the byte offset in the stream, and
    /// decoding goes on at the next line.
    #[command(after_help = EXIT_STATUS)]
    Decode {
        /// The file to read [default: standard input; "-" also means standard input]
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Accept a multi-line reply closed by another code (glFTPd and others); see
        /// ftp_reply::Framing::Lenient
        #[arg(long)]
        lenient: bool,
    },
    /// What the server meant by a reply line: its own cause and fix
    #[command(after_help = EXIT_STATUS)]
    Diagnose {
        /// A whole reply line, such as "500 OOPS: vsftpd: refusing to run with writable root
        /// inside chroot()" (unquoted words are joined with spaces)
        #[arg(value_name = "REPLY LINE", required = true, num_args = 1..)]
        line: Vec<String>,
        /// Put this server's diagnoses first (vsftpd, proftpd, pure-ftpd, ...)
        #[arg(long, value_name = "NAME", value_parser = parse_server)]
        server: Option<Server>,
    },
    /// Explain a whole session log: every command and reply annotated, then the verdict
    ///
    /// Reads a client's or server's session log: FileZilla (message log or debug file), WinSCP,
    /// vsftpd with log_ftp_protocol, pyftpdlib's debug log, Python ftplib's debug output,
    /// lftp -d, curl -v, or a plain C:/S: transcript. The format is recognised from the first
    /// lines unless --log-format names it. Passwords are shown as ****. The verdict says whether
    /// the session succeeded and, if not, where it failed, why and how to fix it. JSON is one
    /// object per line: each event, then the verdict. Exit status 0 when the session
    /// succeeded, 1 when it failed, 2 when the log is in no known format.
    #[command(after_help = EXIT_STATUS)]
    Transcript {
        /// The log to read [default: standard input; "-" also means standard input]
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Read the log in this format instead of recognising it: filezilla, winscp, vsftpd,
        /// pyftpdlib, ftplib, lftp, plain or curl
        #[arg(long, value_name = "ID", value_parser = parse_log_format)]
        log_format: Option<LogFormat>,
    },
    /// Every known reply code, one line each: code, title, category
    #[command(after_help = EXIT_STATUS)]
    Codes {
        /// Only this category: its digit (4), its class (4xx) or its name
        /// (transient-negative-completion); repeat for several
        #[arg(long, value_name = "CATEGORY", value_parser = parse_category)]
        category: Vec<Category>,
    },
    /// Shell completions and man pages, generated from this command line
    #[command(hide = true)]
    Generate {
        /// What to generate.
        #[command(subcommand)]
        what: Generate,
    },
}

/// What `ftp-reply generate` writes.
#[derive(Debug, Subcommand)]
pub enum Generate {
    /// The completion script for a shell, on standard output
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The man page of ftp-reply on standard output, or every page (one per subcommand) into DIR
    Man {
        /// Write ftp-reply.1, ftp-reply-explain.1, ... into this directory
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Plain text
    Text,
    /// Markdown (CommonMark)
    Markdown,
    /// JSON
    Json,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set
    Auto,
    /// Always colour text output
    Always,
    /// Never colour
    Never,
}

/// `--lang`, through the library's `FromStr`, so that a new language needs
/// no change here; the error lists the languages of the data (`Lang::ALL`).
fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse().map_err(|_| {
        format!(
            "unknown language {s:?} (known: {})",
            Lang::ALL.map(Lang::code).join(", ")
        )
    })
}

/// `--server`, through the library's `FromStr`; the error lists the servers
/// that the diagnosis table knows.
fn parse_server(s: &str) -> Result<Server, String> {
    s.parse().map_err(|_| {
        let mut known: Vec<&str> = ftp_reply::diagnosis::Diagnosis::all()
            .iter()
            .map(|d| d.server().id())
            .collect();
        known.sort_unstable();
        known.dedup();
        format!("unknown server {s:?} (known: {})", known.join(", "))
    })
}

/// `--log-format`: a format's id (`Format::id`, in any case); the error
/// lists every id.
fn parse_log_format(s: &str) -> Result<LogFormat, String> {
    LogFormat::all()
        .find(|f| f.id().eq_ignore_ascii_case(s.trim()))
        .ok_or_else(|| {
            let ids: Vec<&str> = LogFormat::all().map(LogFormat::id).collect();
            format!("unknown log format {s:?} (known: {})", ids.join(", "))
        })
}

/// `--category`: a digit (`4`), a class (`4xx`) or a name in any case, with
/// spaces, hyphens or underscores between the words.
fn parse_category(s: &str) -> Result<Category, String> {
    let t = s.trim();
    let digits = t
        .strip_suffix("xx")
        .or_else(|| t.strip_suffix("XX"))
        .unwrap_or(t);
    if let [d @ b'0'..=b'9'] = digits.as_bytes() {
        if let Some(c) = Category::from_digit(d - b'0') {
            return Ok(c);
        }
    }
    t.replace(['-', '_'], " ")
        .parse()
        .map_err(|_| format!("unknown category {s:?} (1 to 6, 1xx to 6xx, or a name such as permanent-negative-completion)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn categories_parse_in_every_spelling() {
        for s in [
            "4",
            "4xx",
            "4XX",
            "transient negative completion",
            "Transient-Negative-Completion",
        ] {
            assert_eq!(
                parse_category(s),
                Ok(Category::TransientNegativeCompletion),
                "{s}"
            );
        }
        assert_eq!(parse_category("6xx"), Ok(Category::Protected));
        for bad in ["0", "7xx", "", "negative", "44"] {
            assert!(parse_category(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bad_lang_lists_every_language_of_the_data() {
        assert_eq!(parse_lang("FR"), Ok("fr".parse().unwrap()));
        let err = parse_lang("xx").unwrap_err();
        for lang in Lang::ALL {
            assert!(err.contains(lang.code()), "{err}");
        }
    }

    #[test]
    fn log_formats_by_id() {
        for f in LogFormat::all() {
            assert_eq!(parse_log_format(&f.id().to_uppercase()), Ok(f));
        }
        let err = parse_log_format("ftpd.log").unwrap_err();
        for f in LogFormat::all() {
            assert!(err.contains(f.id()), "{err}");
        }
    }

    #[test]
    fn bad_server_lists_the_known_ones() {
        assert_eq!(parse_server("PROFTPD"), Ok(Server::Proftpd));
        let err = parse_server("ftpd9").unwrap_err();
        assert!(err.contains("vsftpd") && err.contains("pure-ftpd"), "{err}");
    }
}
