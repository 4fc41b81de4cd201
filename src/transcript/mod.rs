//! Whole sessions explained: an FTP client's or server's log in, an
//! annotated, diagnosed timeline and a verdict out.
//!
//! [`Analyzer`] reads a log line by line (sans-IO, bounded memory), pairs
//! every command with its replies using the crate's [`Exchange`] checker and
//! command table, frames multi-line replies with the [`ReplyDecoder`]
//! whatever the log's wrapping, and emits [`Event`]s as soon as they are
//! known: commands (passwords redacted), replies with what they answer,
//! their explanation and the diagnosis of negative replies (preferring the
//! server that the greeting names), and [`Finding`]s: an unexpected code, a
//! reply that belongs to an earlier command (desync), a missing final reply
//! after a 1yz, a reply with no command, a 421 close, a passive address
//! unreachable behind NAT, long silences when the log has timestamps.
//! [`Analyzer::verdict`] then says whether the session succeeded and, if
//! not, which exchange failed, why and how to fix it. [`Renderer`] writes
//! all that as text or Markdown in any [`Lang`](crate::Lang); with the
//! `serde` feature, [`Event::localized`] and [`Verdict::localized`] give
//! JSON.
//!
//! # Formats
//!
//! Each parser was written against the tool's own source or output:
//!
//! | [`Format`] | sample | checked against |
//! |---|---|---|
//! | `Filezilla` | `Command:\tUSER bob` / `2024-05-01 10:00:00 4242 1 Response: 230 OK` | FileZilla 3 `src/interface/StatusView.cpp` (message log: `HH:MM:SS\t`, prefix, tab) and `src/engine/logging.cpp` (`LogToFile`: `"%s %u %u %s %s"`), storj-thirdparty/FileZilla |
//! | `Winscp` | `> 2024-01-15 09:30:01.123 USER bob` | `WinSCP` `source/core/SessionInfo.cpp`, `TSessionLog::DoAddToSelf` and `LogLineMarks = "<>!.*"`, winscp/winscp |
//! | `Vsftpd` | `Tue Dec  1 21:47:18 2026 [pid 15397] [ftp] FTP response: Client "127.0.0.1", "230 Login successful."` | vsftpd 3.0.3-13+b2 (Debian 12) run with `log_ftp_protocol=YES` |
//! | `Pyftpdlib` | `[D 2026-12-01 21:47:01] 127.0.0.1:35340-[] -> 220 pyftpdlib 2.2.0 ready.` | pyftpdlib 2.2.0 run with `-D` and under `logging.basicConfig` |
//! | `Ftplib` | `*cmd* 'USER anonymous'` / `*resp* '211-Features:\n EPRT\n211 End'` | `CPython` 3.11 `Lib/ftplib.py` (`putcmd`, `getresp`, `sanitize`), run here |
//! | `Lftp` | `---> FEAT` / `<--- 211 End` | lftp 4.9.2 (Debian 12) run with `-d` |
//! | `Plain` | `C: USER bob` / `S: 331 Password` (or `>` / `<`) | RFC usage and `tests/data/servers/` |
//! | `Curl` | `> USER bob` / `< 331 Password` / `* Connected to ...` | curl 7.88.1 (Debian 12) run with `-v` |
//!
//! # Example
//!
//! ```
//! use ftp_reply::Lang;
//! use ftp_reply::transcript::{Analyzer, Format, Outcome, Renderer, Style};
//!
//! let log = "\
//! Status:\tConnecting to 203.0.113.5:21...
//! Response:\t220 (vsFTPd 3.0.3)
//! Command:\tUSER alice
//! Response:\t331 Please specify the password.
//! Command:\tPASS hunter2
//! Response:\t230 Login successful.
//! Command:\tPASV
//! Response:\t227 Entering Passive Mode (192,168,1,20,195,80).
//! Command:\tLIST
//! Response:\t425 Failed to establish connection.
//! ";
//! let mut analyzer = Analyzer::new();
//! analyzer.feed(log.as_bytes())?;
//! analyzer.finish()?;
//! assert_eq!(analyzer.format(), Some(Format::Filezilla));
//!
//! let mut out = String::new();
//! let mut renderer = Renderer::new(Lang::En, Style::Text);
//! while let Some(event) = analyzer.next_event() {
//!     renderer.event(&event, &mut out).unwrap();
//! }
//! let verdict = analyzer.verdict();
//! renderer.verdict(&verdict, &mut out).unwrap();
//! assert_eq!(verdict.outcome, Outcome::Failed);
//! assert!(out.contains("192.168.1.20, a private address"));
//! assert!(out.contains("The session failed at line 10: LIST got 425"));
//! assert!(out.contains("pasv_address"));
//! assert!(!out.contains("hunter2"));
//! # Ok::<(), ftp_reply::transcript::TranscriptError>(())
//! ```
//!
//! [`Exchange`]: crate::command::Exchange
//! [`ReplyDecoder`]: crate::ReplyDecoder

mod analyzer;
mod event;
mod format;
mod formats;
#[cfg(feature = "serde")]
mod json;
mod render;
mod time;

pub use analyzer::{Analyzer, DETECT_LINES, MAX_SESSIONS, TranscriptError};
pub use event::{Event, EventKind, Failure, FailureKind, Finding, Outcome, ReplyEvent, Verdict};
pub use format::Format;
#[cfg(feature = "serde")]
pub use json::{LocalizedEvent, LocalizedVerdict};
pub use render::{Renderer, Style};
pub use time::Timestamp;
