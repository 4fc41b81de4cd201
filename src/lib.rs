//! FTP reply codes, understood.
//!
//! An FTP server answers every command with a reply: a three-digit code and
//! some text, sometimes over several lines (RFC 959 §4.2). `ftp-reply` gives
//! clients, servers, log analysers and support desks one exact, documented
//! model of those codes:
//!
//! - [`ReplyCode`], a small `Copy` type for any well-formed code (100 to 699),
//!   with its [`Category`] (first digit) and [`FunctionGroup`] (second digit),
//!   the predicates a client needs, and a named constant for every known code;
//! - a knowledge base compiled into a perfect-hash table: for every code an
//!   FTP RFC defines (RFC 959, 1123, 1639, 2228, 2389, 2428, 2640, 3659, 4217,
//!   7151) and the common non-standard ones, a title, the RFC's wording, a
//!   description, when you see it, how to resolve it and where it is defined,
//!   in English, French and Spanish ([`ReplyInfo`], [`Lang`]; a language is
//!   a set of data files, see `TRANSLATING.md`);
//! - client advice as data: whether a reply closes the control connection,
//!   whether more replies follow, what to do next ([`RetryAdvice`]);
//! - [`diff`]: the key differences between two codes, as typed data and as a
//!   page in plain text, Markdown or JSON, in every language.
//!
//! It is not an FTP client or server and does no I/O.
//!
//! # Example: parse a reply line
//!
//! ```
//! use ftp_reply::{Category, ReplyCode};
//!
//! let code = ReplyCode::parse_str("150 Opening BINARY mode data connection for file.txt\r\n")?;
//! assert_eq!(code, ReplyCode::FILE_STATUS_OK);
//! assert_eq!(code.category(), Category::PositivePreliminary);
//! assert!(code.more_replies_follow());
//!
//! // Malformed lines are errors that say what is wrong, and where.
//! let err = ReplyCode::parse_str("42 oops").unwrap_err();
//! assert_eq!(err.to_string(), "invalid reply line at byte 2: expected an ASCII digit, found a space");
//! # Ok::<(), ftp_reply::ParseError>(())
//! ```
//!
//! # Example: explain 421 in French
//!
//! ```
//! use ftp_reply::{Lang, ReplyCode, RetryAdvice};
//!
//! let code: ReplyCode = "421".parse()?;
//! let info = code.info().expect("421 is defined by RFC 959");
//! assert_eq!(info.title(Lang::Fr), "Service non disponible");
//! assert!(code.closes_control_connection());
//! assert_eq!(code.retry_advice(), RetryAdvice::ReconnectLater);
//! println!("{}\n{}", info.description(Lang::Fr), info.remediation(Lang::Fr));
//! # Ok::<(), ftp_reply::ParseError>(())
//! ```
//!
//! # Example: diff 150 vs 421
//!
//! ```
//! use ftp_reply::{Lang, ReplyCode};
//! use ftp_reply::diff::{Diff, Difference, Format};
//!
//! let d = Diff::new(ReplyCode::FILE_STATUS_OK, ReplyCode::SERVICE_NOT_AVAILABLE);
//! assert!(d.differences().any(|x| x == Difference::ControlConnection { a: false, b: true }));
//! let page = d.render(Lang::En, Format::Text).to_string();
//! assert!(page.contains("1. 150 is a 1xx Positive Preliminary reply and 421 a 4xx Transient Negative Completion reply."));
//! ```
//!
//! # Example: a code no document defines
//!
//! ```
//! use ftp_reply::{Category, FunctionGroup, ReplyCode, RetryAdvice};
//!
//! let code = ReplyCode::new(459)?;
//! assert!(code.info().is_none());
//! assert_eq!(code.category(), Category::TransientNegativeCompletion);
//! assert_eq!(code.function(), FunctionGroup::FileSystem);
//! assert_eq!(code.retry_advice(), RetryAdvice::RetryLater);
//! # Ok::<(), ftp_reply::InvalidCodeError>(())
//! ```
//!
//! # Example: decode a stream with limits
//!
//! [`ReplyDecoder`] is sans-IO: feed it bytes as they arrive, in any
//! chunks, and take complete replies. A hostile server cannot make it
//! buffer past its [`Limits`]; after an error it goes on with the next line.
//! [`ReplyReader`] does the same on any `std::io::BufRead`.
//!
//! ```
//! use ftp_reply::{DecodeErrorKind, Framing, Limits, ReplyDecoder};
//!
//! let limits = Limits::default().with_max_line_len(4096).with_max_lines(256);
//! let mut decoder = ReplyDecoder::new().with_limits(limits).with_framing(Framing::Strict);
//! decoder.feed(b"220-Welcome\r\n220 Ready\r\n211-Feat");
//! decoder.feed(b"ures:\r\n MDTM\r\n211 End\r\n");
//! decoder.feed(b"550 ");
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
//! # Example: what the reply says
//!
//! [`Reply`] reads the payloads clients act on, each by its RFC, tolerant
//! of what real servers send and saying what it tolerated ([`Quirk`](payload::Quirk)); see
//! [`payload`] for the list. A client's EPSV with PASV fallback, and PWD:
//!
//! ```
//! use std::net::IpAddr;
//! use ftp_reply::Reply;
//! use ftp_reply::command::Command;
//! use ftp_reply::payload::PassivePolicy;
//!
//! let server: IpAddr = "93.184.215.14".parse()?; // the control connection's peer
//! let epsv = Reply::parse(b"500 EPSV not understood\r\n")?;
//! let data = match epsv.data_endpoint(Command::Epsv) {
//!     Ok(parsed) => parsed.value,
//!     Err(_) => {
//!         let pasv = Reply::parse(b"227 Entering Passive Mode (192,168,1,20,195,80).\r\n")?;
//!         pasv.data_endpoint(Command::Pasv)?.value
//!     }
//! };
//! // The server named a private host: connect to its own host (the default policy).
//! assert_eq!(data.connect_to(server, PassivePolicy::default())?.to_string(), "93.184.215.14:50000");
//!
//! let pwd = Reply::parse(b"257 \"/srv/caf\xe9\" is the current directory\r\n")?;
//! let path = pwd.pathname()?.value;
//! assert_eq!(path.as_bytes(), Some(&b"/srv/caf\xe9"[..])); // Latin-1 kept as is
//! assert_eq!(path.to_string(), "/srv/caf\u{FFFD}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: a client loop
//!
//! Each command is a [`CommandLine`] (a CR, LF or NUL in its argument is
//! refused; `Display` shows `PASS ****`); its replies are read with
//! [`ReplyReader::read_for`], each checked by an [`Exchange`](command::Exchange), up to the final
//! one; [`Reply::into_result_for`] turns a 4yz or 5yz into a [`ReplyError`]
//! naming the command. `examples/mini_client.rs` is a whole client.
//!
//! ```
//! use ftp_reply::ReplyReader;
//! use ftp_reply::command::{Command, CommandLine, Exchange};
//!
//! // What the server sends; in a real client, a BufReader<TcpStream>.
//! let server: &[u8] = b"220 Ready\r\n331 Password?\r\n230 Logged in\r\n550 No such directory\r\n";
//! let mut replies = ReplyReader::new(server);
//! // The control connection's write half; in a real client, the TcpStream
//! // (`replies.get_mut().get_mut()`, see `ReplyReader::get_mut`).
//! let mut sent = Vec::new();
//!
//! let mut greeting = Exchange::greeting();
//! replies.read_for(&mut greeting).final_reply()?.into_result()?;
//!
//! for line in [
//!     CommandLine::new(Command::User, Some("alice"))?,
//!     CommandLine::new(Command::Pass, Some("s3cret"))?,
//! ] {
//!     line.write_to(&mut sent)?;
//!     let mut exchange = Exchange::new(line.command());
//!     let reply = replies.read_for(&mut exchange).final_reply()?.into_result_for(&line)?;
//!     println!("{line} -> {}", reply.code()); // logs show "PASS ****"
//!     assert!(exchange.is_clean());
//! }
//!
//! // A refusal is an error that names the command, the code and the text.
//! let cwd = CommandLine::new(Command::Cwd, Some("/nope"))?;
//! cwd.write_to(&mut sent)?;
//! let mut exchange = Exchange::new(cwd.command());
//! let err = replies.read_for(&mut exchange).final_reply()?.into_result_for(&cwd).unwrap_err();
//! assert_eq!(err.to_string(), "CWD /nope: 550 No such directory");
//! assert_eq!(sent, b"USER alice\r\nPASS s3cret\r\nCWD /nope\r\n");
//!
//! // A file name cannot smuggle in a second command.
//! assert!(CommandLine::new(Command::Retr, Some("x\r\nDELE y")).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! - `std` (default): implies `alloc`; adds what needs the standard library.
//! - `alloc`: what needs an allocator, such as [`Source::url`], [`Reply`]
//!   and [`ReplyDecoder`]; `std` adds [`ReplyReader`].
//! - `serde`: `Serialize` for codes (as numbers, `Deserialize` too, checked),
//!   categories and knowledge-base entries.
//! - `tokio`: implies `std`; adds `ReplyCodec`, a `tokio_util::codec`
//!   decoder of replies and encoder of command lines for
//!   `Framed::new(stream, ReplyCodec::new())` (dependencies `tokio-util`,
//!   codec only, and `bytes`; no runtime).
//!
//! Without default features the crate is `#![no_std]` and still has
//! [`ReplyCode`], the knowledge base, the categories and the line-based
//! payload parsers of [`payload`].
//!
//! # Minimum supported Rust version
//!
//! Rust 1.85 (edition 2024).
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

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

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
