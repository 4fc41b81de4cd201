//! FTP server replies, understood: codes, framing, payloads, meanings and
//! diagnoses, in English, French and Spanish.
//!
//! An FTP server answers every command with a reply: a three-digit code and
//! some text, sometimes over several lines (RFC 959 §4.2). `ftp-reply` gives
//! clients, servers, log analysers and support desks one exact model of those
//! replies, each fact read in an RFC or in a server's own source:
//!
//! - **codes**: [`ReplyCode`], a `Copy` type for any well-formed code (100 to
//!   699), its [`Category`] and [`FunctionGroup`], the predicates a client
//!   needs and a named constant for every known code;
//! - **meanings**: a knowledge base compiled into a perfect-hash table, with
//!   every code that RFC 959, 1123, 1639, 2228, 2389, 2428, 2640, 3659, 4217
//!   and 7151 define and the common non-standard ones: title, the RFC's
//!   wording, description, when it is seen, how to resolve it, sources
//!   ([`ReplyInfo`]), and what a client should do next ([`RetryAdvice`]);
//! - **comparisons**: how two codes differ, as data and as a page ([`diff`]);
//! - **framing**: [`Reply::parse`] for one reply, and for a stream the sans-IO
//!   [`ReplyDecoder`] and the [`ReplyReader`] over any `BufRead`, with limits a
//!   hostile server cannot get past;
//! - **payloads**: the PASV, EPSV and LPSV addresses, the PWD and MKD paths,
//!   SIZE, MDTM, FEAT, MLST, SYST and REST replies ([`payload`]);
//! - **commands**: the replies each command may get (RFC 959 §5.4 and the
//!   extensions), a sans-IO checker of an exchange ([`Exchange`](command::Exchange))
//!   and command lines that cannot smuggle a second command ([`command`]);
//! - **diagnosis**: from the text of a reply to that server's cause and fix,
//!   for vsftpd, ProFTPD, Pure-FTPd, pyftpdlib, FileZilla Server and IIS
//!   ([`diagnosis`]), and the server's name when its banner hides it
//!   ([`identify`]);
//! - **session logs**: a FileZilla, WinSCP, curl, lftp, ftplib, vsftpd or
//!   pyftpdlib log explained line by line, with a verdict ([`transcript`]).
//!
//! The crate root holds the reply model: codes and what they mean, replies
//! and how to read them. Each other capability is a module that alone holds
//! its items: [`command`], [`payload`], [`diagnosis`], [`diff`],
//! [`identify`], [`transcript`]. Every sentence exists in every [`Lang`]; a
//! language is a set of data files (`TRANSLATING.md`).
//!
//! It is **not** an FTP client or server: it opens no connection and does no
//! I/O of its own ([`ReplyReader`] reads the `BufRead` you give it). It does
//! not guess: a text that no known server sends gets no diagnosis, and a
//! banner that names nothing identifies nobody.
//!
//! # Example: parse a reply
//!
//! A reply line's code, then a whole reply, single or multi-line. Bad input is
//! an error that says what is wrong and where, never a panic.
//!
//! ```rust
//! use ftp_reply::{Category, Reply, ReplyCode};
//!
//! let code = ReplyCode::parse_str("150 Opening BINARY mode data connection for file.txt\r\n")?;
//! assert_eq!(code, ReplyCode::FILE_STATUS_OK);
//! assert_eq!(code.category(), Category::PositivePreliminary);
//! assert!(code.more_replies_follow());
//!
//! let feat = Reply::parse(b"211-Features:\r\n MDTM\r\n SIZE\r\n211 End\r\n")?;
//! assert_eq!((feat.code(), feat.line_count()), (ReplyCode::SYSTEM_STATUS, 4));
//! assert_eq!(feat.text(), "Features:\n MDTM\n SIZE\nEnd");
//!
//! let err = ReplyCode::parse_str("42 oops").unwrap_err();
//! assert_eq!(err.to_string(), "invalid reply line at byte 2: expected an ASCII digit, found a space");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: explain a code
//!
//! What the knowledge base knows about `421`, in French, and the advice for a
//! client as data; the whole explanation as a page in text or Markdown (with
//! `serde`, as JSON too). A code that no document defines still has the
//! meaning of its digits.
//!
//! ```rust
//! use ftp_reply::diff::Format;
//! use ftp_reply::{Category, FunctionGroup, Lang, ReplyCode, RetryAdvice};
//!
//! let code: ReplyCode = "421".parse()?;
//! let info = code.info().expect("RFC 959 defines 421");
//! assert_eq!(info.title(Lang::Fr), "Service non disponible");
//! assert!(code.closes_control_connection());
//! assert_eq!(code.retry_advice(), RetryAdvice::ReconnectLater);
//! let page = code.explain(Lang::Fr).render(Format::Markdown).to_string();
//! assert!(page.starts_with("# 421 Service non disponible\n")); // then category, RFC wording, fix, sources
//!
//! let unknown = ReplyCode::new(459)?;
//! assert!(unknown.info().is_none());
//! assert_eq!(unknown.category(), Category::TransientNegativeCompletion);
//! assert_eq!(unknown.function(), FunctionGroup::FileSystem);
//! assert_eq!(unknown.retry_advice(), RetryAdvice::RetryLater);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: compare two codes
//!
//! [`Diff::new`](diff::Diff::new) lists how two codes differ as typed data
//! ([`Difference`](diff::Difference)), and renders the comparison as a page in
//! any language. Pairs that people often
//! confuse (425/426, 450/550...) carry a note on which to send or how to react.
//!
//! ```rust
//! use ftp_reply::diff::{Diff, Difference, Format};
//! use ftp_reply::{Lang, ReplyCode};
//!
//! let d = Diff::new(ReplyCode::CANT_OPEN_DATA_CONNECTION, ReplyCode::CONNECTION_CLOSED_TRANSFER_ABORTED);
//! assert!(d.differences().any(|x| matches!(x, Difference::NextStep { .. })));
//! for difference in d.differences() {
//!     println!("{}", difference.describe(d.a(), d.b(), Lang::En));
//! }
//! let page = d.render(Lang::Es, Format::Markdown).to_string();
//! assert!(page.starts_with("# FTP 425"));
//! ```
//!
//! # Example: decode a stream
//!
//! [`ReplyDecoder`] is sans-IO: feed it bytes as they arrive, in any chunks,
//! and take complete replies. It cannot be made to buffer past its
//! [`Limits`], and after an error it goes on with the next line.
//! [`ReplyReader`] does the same on a `BufRead`.
//!
//! ```rust
//! use ftp_reply::{DecodeErrorKind, Limits, ReplyDecoder};
//!
//! let mut decoder = ReplyDecoder::new().with_limits(Limits::default().with_max_line_len(4096));
//! decoder.feed(b"220-Welcome\r\n220 Ready\r\n211-Feat");
//! decoder.feed(b"ures:\r\n MDTM\r\n211 End\r\n550 ");
//! decoder.feed(&[b'x'; 5000]); // a line far over the limit...
//! decoder.feed(b"\r\n221 Goodbye.\r\n");
//!
//! let greeting = decoder.next_reply()?.expect("a complete reply");
//! assert_eq!((greeting.code().as_u16(), greeting.text().as_ref()), (220, "Welcome\nReady"));
//! let feat = decoder.next_reply()?.expect("a complete reply");
//! assert_eq!(feat.lines().collect::<Vec<_>>(), ["211-Features:", " MDTM", "211 End"]);
//! let err = decoder.next_reply().unwrap_err();
//! assert_eq!(err.kind(), DecodeErrorKind::LineTooLong { limit: 4096 });
//! // ...is skipped without being buffered, and decoding goes on.
//! assert_eq!(decoder.next_reply()?.expect("a complete reply").code(), 221);
//! assert!(decoder.next_reply()?.is_none()); // needs more bytes
//! decoder.finish()?; // nothing left half-way
//! # Ok::<(), ftp_reply::DecodeError>(())
//! ```
//!
//! # Example: read a payload
//!
//! [`Reply`] reads what clients act on, each by its RFC, tolerant of what real
//! servers send and saying what it tolerated ([`Quirk`](payload::Quirk)): here EPSV with a PASV
//! fallback behind NAT, PWD, FEAT and MLST. The parsers borrow from the reply
//! and also work on bare lines without `alloc` ([`payload`]).
//!
//! ```rust
//! use std::net::IpAddr;
//! use ftp_reply::Reply;
//! use ftp_reply::command::Command;
//! use ftp_reply::payload::{NatVerdict, PassivePolicy, Quirk};
//!
//! let server: IpAddr = "93.184.215.14".parse()?; // the control connection's peer
//! // This server answers EPSV with a 227 and a private address.
//! let epsv = Reply::parse(b"227 Entering Passive Mode (10,0,0,5,156,64).\r\n")?;
//! let endpoint = epsv.data_endpoint(Command::Epsv)?;
//! assert!(endpoint.quirks.contains(Quirk::WrongReplyForCommand));
//! assert_eq!(endpoint.value.verdict(server), NatVerdict::Unroutable);
//! // Connect to the server's own host instead, as curl and ftplib do (the default policy).
//! let data = endpoint.value.connect_to(server, PassivePolicy::default())?;
//! assert_eq!(data.to_string(), "93.184.215.14:40000");
//!
//! let pwd = Reply::parse(b"257 \"/srv/caf\xe9 \"\"q\"\"\" is the current directory\r\n")?;
//! let path = pwd.pathname()?.value;
//! assert_eq!(path.to_bytes(), &b"/srv/caf\xe9 \"q\""[..]); // `""` un-doubled, Latin-1 kept
//!
//! let feat = Reply::parse(b"211-Features:\r\n MLST type*;size*;modify;\r\n EPSV\r\n211 End\r\n")?;
//! let features = feat.features()?.value;
//! assert!(features.has("epsv") && !features.has("End"));
//! assert_eq!(features.mlst_facts().unwrap().filter(|f| f.marked).count(), 2);
//!
//! let mlst = Reply::parse(b"250-Listing\r\n type=file;size=4096;modify=20240501101500; notes.txt\r\n250 End\r\n")?;
//! let entry = mlst.mlst_entry()?.value;
//! assert_eq!((entry.path(), entry.size()), (&b"notes.txt"[..], Some(4096)));
//! assert_eq!(entry.modify().unwrap().year(), 2024);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: check an exchange
//!
//! The replies each command may get are data; an [`Exchange`](command::Exchange)
//! checks them one by one, and [`ReplyReader::read_for`] reads one command's
//! replies up to the final one. [`CommandLine`] refuses a
//! CR, LF or NUL in an argument and shows
//! `PASS ****` in logs; [`Reply::into_result_for`] turns a 4yz or 5yz into a
//! [`ReplyError`] that names the command. `examples/mini_client.rs` is a whole
//! client.
//!
//! ```rust
//! use ftp_reply::command::{Command, CommandLine, Exchange, Role, Verdict};
//! use ftp_reply::{ReplyCode, ReplyReader};
//!
//! assert_eq!(Command::Retr.expects(ReplyCode::FILE_STATUS_OK), Some(Role::Preliminary));
//! let mut retr = Exchange::new(Command::Retr);
//! assert!(matches!(retr.push(ReplyCode::FILE_STATUS_OK), Verdict::Expected(Role::Preliminary)));
//! retr.push(ReplyCode::CLOSING_DATA_CONNECTION);
//! assert!(retr.is_complete() && retr.is_clean());
//!
//! // A session: what the server sends (in a real client, a BufReader<TcpStream>)...
//! let mut replies = ReplyReader::new(&b"220 Ready\r\n331 Password?\r\n230 Logged in\r\n550 No such directory\r\n"[..]);
//! let mut sent = Vec::new(); // ...and the control connection's write half.
//! replies.read_for(&mut Exchange::greeting()).final_reply()?.into_result()?;
//! for line in [
//!     CommandLine::new(Command::User, Some("alice"))?,
//!     CommandLine::new(Command::Pass, Some("s3cret"))?,
//!     CommandLine::new(Command::Cwd, Some("/nope"))?,
//! ] {
//!     line.write_to(&mut sent)?;
//!     let mut exchange = Exchange::new(line.command());
//!     let reply = replies.read_for(&mut exchange).final_reply()?;
//!     assert!(exchange.is_clean());
//!     if let Err(err) = reply.into_result_for(&line) {
//!         assert_eq!(err.to_string(), "CWD /nope: 550 No such directory");
//!     }
//! }
//! assert_eq!(sent, b"USER alice\r\nPASS s3cret\r\nCWD /nope\r\n");
//! assert!(CommandLine::new(Command::Retr, Some("x\r\nDELE y")).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: diagnose a reply
//!
//! The code says what class of thing went wrong; the text says what happened.
//! The diagnosis table holds the texts that known servers send, each read in
//! that server's source, with the cause and the fix. Nothing matches, nothing
//! is returned.
//!
//! ```rust
//! use ftp_reply::Lang;
//! use ftp_reply::diagnosis::{Server, diagnose_line_str};
//!
//! let line = "500 OOPS: vsftpd: refusing to run with writable root inside chroot()";
//! let d = diagnose_line_str(line)?.next().expect("a known vsftpd failure");
//! assert_eq!(d.server(), Server::Vsftpd);
//! assert!(d.fix(Lang::En).contains("allow_writeable_chroot=YES"));
//! println!("{}", d.cause(Lang::Fr)); // what happened, in French
//!
//! assert_eq!(diagnose_line_str("550 Something no server says")?.count(), 0);
//! # Ok::<(), ftp_reply::ParseError>(())
//! ```
//!
//! # Example: identify a server
//!
//! Admins hide the banner; the rest of the session still gives the server
//! away. [`identify::ServerIdentifier`] weighs the wording of every reply
//! against fingerprints read in each server's source, and names a server only
//! past a documented threshold, with the evidence.
//!
//! ```rust
//! use ftp_reply::Reply;
//! use ftp_reply::command::Command;
//! use ftp_reply::diagnosis::Server;
//! use ftp_reply::identify::{Confidence, ServerIdentifier};
//!
//! let mut id = ServerIdentifier::new();
//! id.observe(None, &Reply::parse(b"220 Welcome\r\n")?);
//! id.observe(Some(Command::Pass), &Reply::parse(b"530 Login incorrect.\r\n")?);
//! assert!(id.best().is_none()); // too little evidence
//! id.observe(Some(Command::Help), &Reply::parse(
//!     b"214-Help:\r\nPowered by libunftp: 0.24.0\r\n214 View the docs at: https://unftp.rs/\r\n")?);
//! let best = id.best().expect("HELP names the server");
//! assert_eq!((best.server(), best.confidence()), (Server::Libunftp, Confidence::Certain));
//! assert_eq!(best.version().unwrap().as_str(), "0.24.0");
//! # Ok::<(), ftp_reply::DecodeError>(())
//! ```
//!
//! # Example: explain a session log
//!
//! [`transcript::Analyzer`] reads a client's or server's log (the format is
//! detected), pairs every command with its replies, explains and diagnoses
//! them, and says whether the session succeeded and, if not, where and why.
//!
//! ```rust
//! use ftp_reply::Lang;
//! use ftp_reply::transcript::{Analyzer, Format, Outcome, Renderer, Style};
//!
//! let log = "\
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
//! let (mut renderer, mut out) = (Renderer::new(Lang::En, Style::Text), String::new());
//! while let Some(event) = analyzer.next_event() {
//!     renderer.event(&event, &mut out)?;
//! }
//! let verdict = analyzer.verdict();
//! renderer.verdict(&verdict, &mut out)?;
//! assert_eq!(verdict.outcome, Outcome::Failed);
//! assert!(out.contains("The session failed at line 9: LIST got 425"));
//! assert!(out.contains("pasv_address") && !out.contains("hunter2"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: choose a language
//!
//! Every title, explanation, page and diagnosis takes a [`Lang`]. Languages are
//! data: the build script makes one variant per set of files in `src/kb/data/`,
//! so `Lang` is `#[non_exhaustive]` and grows with each translation.
//!
//! ```rust
//! use ftp_reply::{Lang, ReplyCode};
//!
//! assert_eq!(Lang::from_locale("es_MX.UTF-8"), Lang::Es); // from LC_ALL, LC_MESSAGES or LANG
//! assert_eq!(Lang::negotiate("de-CH, fr;q=0.8, en;q=0.5"), Lang::Fr); // an Accept-Language list
//! assert_eq!(Lang::from_locale("C"), Lang::En);
//! let info = ReplyCode::SERVICE_NOT_AVAILABLE.info().unwrap();
//! let titles: Vec<_> = Lang::ALL.iter().map(|&lang| info.title(lang)).collect();
//! assert_eq!(titles, ["Service Not Available", "Servicio no disponible", "Service non disponible"]); // English first, then by code
//! ```
//!
//! # Crate features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `std` | yes | implies `alloc`; [`ReplyReader`], `std::error::Error` and `std::io` adapters |
//! | `alloc` | via `std` | what needs an allocator: [`Reply`], [`ReplyDecoder`], [`transcript`], `Source::url` |
//! | `serde` | no | `Serialize` for codes (as numbers; `Deserialize` too, range-checked) and categories, and JSON views of knowledge-base entries, explanations, diagnoses, diffs and transcript events |
//! | `tokio` | no | implies `std`; `ReplyCodec`, a `tokio_util::codec` decoder of replies and encoder of command lines, for `Framed::new(stream, ReplyCodec::new())` (adds `tokio-util` with only its `codec` feature, and `bytes`; no runtime) |
//!
//! Without default features the crate is `#![no_std]` and keeps
//! [`ReplyCode`], the knowledge base, the categories, the command table,
//! diagnosis, identification and the line-based payload parsers.
//!
//! # Minimum supported Rust version
//!
//! Rust 1.85 (edition 2024). Raising it is a minor-version change.
//!
//! # Testing
//!
//! - **Real servers**: `tests/servers/` starts pyftpdlib, vsftpd, ProFTPD,
//!   Pure-FTPd and libunftp on 127.0.0.1 and runs a session against each with
//!   the crate's own decoder, checker, payload parsers (every data connection
//!   opens on the port they read), diagnosis and identification; with `tokio`,
//!   a second session runs over `Framed<TcpStream, ReplyCodec>`.
//!   `tests/transcript_tools.rs` records logs with the real `curl -v`,
//!   `lftp -d` and ftplib and analyses them.
//! - **Properties** (proptest): parsing never panics and round-trips every
//!   valid code; any chunking of a stream decodes as one-shot parsing does;
//!   every payload written the ways servers write it parses back to itself; a
//!   command line either refuses its CR, LF or NUL at the right byte or writes
//!   one line that parses back to it.
//! - **Fuzzing**: the cargo-fuzz targets under `fuzz/` (nightly) have their
//!   findings and seeds replayed by a normal test on stable.
//! - **Coverage by construction**: every negative reply that a server's
//!   source can send, extracted into `tests/data/server-texts/`, must have a
//!   diagnosis of that server or a written reason for its absence
//!   (`tests/coverage.rs`); the build script refuses a language file with a
//!   missing, empty or untranslated entry.
//! - Every example in these docs and in the README is a test; allocation
//!   counts are asserted with a counting allocator, never timings.
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::pedantic)]
#![allow(clippy::module_name_repetitions, clippy::too_many_lines)]

#[cfg(feature = "alloc")]
extern crate alloc;

mod category;
mod code;
pub mod command;
pub mod diagnosis;
pub mod diff;
mod error;
mod explain;
mod grammar;
pub mod identify;
mod kb;
mod lang;
mod page;
pub mod payload;

pub use category::{Category, FunctionGroup};
pub use code::ReplyCode;
pub use error::{
    InvalidCodeError, InvalidCodeErrorKind, ParseError, ParseErrorKind, UnknownNameError,
};
pub use explain::{Explanation, RenderedExplanation};
pub use kb::{DataConnection, LocalizedInfo, Meaning, ReplyInfo, RetryAdvice, Source, Spec};
pub use lang::{Lang, Text};

// Inside the crate the capability types keep short paths; their one public
// path is their module's (`command::Command`, `diagnosis::Server`...).
pub(crate) use command::{Command, CommandSet};
pub(crate) use diagnosis::Server;
#[cfg(feature = "alloc")]
pub(crate) use {command::CommandLine, diagnosis::Diagnosis};

#[cfg(feature = "alloc")]
mod decoder;
#[cfg(feature = "std")]
mod io;
#[cfg(feature = "alloc")]
mod reply;
#[cfg(feature = "alloc")]
mod reply_ref;
#[cfg(feature = "alloc")]
pub use decoder::{DecodeError, DecodeErrorKind, Framing, Limits, ReplyDecoder};
#[cfg(feature = "std")]
pub use io::{ReadError, ReplyReader};
#[cfg(feature = "alloc")]
pub use reply::Reply;
#[cfg(feature = "alloc")]
pub use reply_ref::{RawLines, ReplyRef};

// Session logs explained (issue 12).
#[cfg(feature = "alloc")]
pub mod transcript;

// The README's Rust examples are these crate docs' (tests/readme.rs), and
// are tested here as doctests.

// The client loop (issue 17): the replies of one command, refused commands
// as errors, the tokio codec.
#[cfg(feature = "std")]
pub use io::ExchangeReplies;
#[cfg(feature = "alloc")]
mod reply_error;
#[cfg(feature = "alloc")]
pub use reply_error::ReplyError;
#[cfg(feature = "tokio")]
mod codec;
#[cfg(feature = "tokio")]
pub use codec::ReplyCodec;
