//! The control connection: sending command lines, reading replies with a
//! deadline, and checking exchanges.
//!
//! Reading replies goes through [`Control::read_reply`], which feeds the
//! crate's sans-IO [`ReplyDecoder`] (strict RFC 959 framing, default
//! limits), and checking an exchange through [`check_exchange`], which runs
//! the crate's [`Exchange`] checker.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use ftp_reply::ReplyCode;

use ftp_reply::command::{Command, CommandLine};
use ftp_reply::command::{Exchange, Leniency};
use ftp_reply::{Reply, ReplyDecoder};

fn code_of(reply: &Reply) -> ReplyCode {
    reply.code()
}

fn lines_of(reply: &Reply) -> Vec<String> {
    reply.lines().map(std::borrow::Cow::into_owned).collect()
}

/// What the crate's exchange checker says about one command and its
/// replies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// A final reply arrived (after any 1xx).
    pub complete: bool,
    /// Replies the checker rejects for this command, and why.
    pub unexpected: Vec<(ReplyCode, String)>,
    /// Replies the RFC tables do not list but the checker accepts under one
    /// of its documented leniency rules.
    pub lenient: Vec<(ReplyCode, Leniency)>,
}

/// The command a line sends (`Command::Other` for a verb the crate does not
/// know).
pub fn command_of(line: &str) -> Command {
    CommandLine::parse_str(line).map_or_else(
        |_| Command::from_verb(line.split(' ').next().unwrap_or("")),
        |l| l.command(),
    )
}

/// Checks the replies that followed `command_line` (`None`: the greeting)
/// with the crate's sans-IO exchange checker.
pub fn check_exchange(command_line: Option<&str>, codes: &[ReplyCode]) -> Verdict {
    let mut exchange =
        command_line.map_or_else(Exchange::greeting, |l| Exchange::new(command_of(l)));
    let mut unexpected = Vec::new();
    let mut lenient = Vec::new();
    for &code in codes {
        let verdict = exchange.push(code);
        if let Some(problem) = verdict.problem() {
            unexpected.push((code, problem.to_string()));
        }
        if let Some(leniency) = verdict.leniency() {
            lenient.push((code, leniency));
        }
    }
    Verdict {
        complete: exchange.is_complete(),
        unexpected,
        lenient,
    }
}

/// Why no reply could be read.
#[derive(Debug)]
pub enum ReadError {
    /// Nothing complete arrived before the deadline (`partial`: some bytes of
    /// a reply did).
    Timeout {
        partial: bool,
    },
    /// The server closed the connection.
    Closed {
        partial: bool,
    },
    /// The decoder rejected what arrived.
    Decode(ftp_reply::DecodeError),
    Io(io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Timeout { partial } => write!(f, "timeout (partial reply: {partial})"),
            ReadError::Closed { partial } => {
                write!(f, "connection closed (partial reply: {partial})")
            }
            ReadError::Decode(e) => write!(f, "decode error: {e}"),
            ReadError::Io(e) => write!(f, "I/O error: {e}"),
        }
    }
}

/// One line of a transcript.
#[derive(Clone, Debug)]
pub enum Line {
    Client(Vec<u8>),
    Server(Vec<u8>),
}

/// A control connection with a transcript of every byte.
pub struct Control {
    stream: TcpStream,
    decoder: ReplyDecoder,
    pub transcript: Vec<Line>,
}

impl Control {
    pub fn connect(addr: SocketAddr) -> io::Result<Control> {
        let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
        stream.set_write_timeout(Some(Duration::from_secs(5)))?;
        Ok(Control {
            stream,
            decoder: ReplyDecoder::new(),
            transcript: Vec::new(),
        })
    }

    /// Sends bytes as they are.
    pub fn send_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.transcript.push(Line::Client(bytes.to_vec()));
        self.stream.write_all(bytes)
    }

    /// Reads the next reply, waiting at most `timeout`.
    pub fn read_reply(&mut self, timeout: Duration) -> Result<Reply, ReadError> {
        let deadline = Instant::now() + timeout;
        let mut chunk = [0u8; 4096];
        loop {
            match self.decoder.next_reply() {
                Ok(Some(reply)) => return Ok(reply),
                Ok(None) => {}
                Err(e) => return Err(ReadError::Decode(e)),
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(ReadError::Timeout {
                    partial: self.decoder.buffered_len() > 0,
                });
            }
            self.stream
                .set_read_timeout(Some(left))
                .map_err(ReadError::Io)?;
            match self.stream.read(&mut chunk) {
                Ok(0) => {
                    return Err(ReadError::Closed {
                        partial: self.decoder.buffered_len() > 0,
                    });
                }
                Ok(n) => {
                    self.transcript.push(Line::Server(chunk[..n].to_vec()));
                    self.decoder.feed(&chunk[..n]);
                }
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    return Err(ReadError::Timeout {
                        partial: self.decoder.buffered_len() > 0,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::ConnectionReset | io::ErrorKind::BrokenPipe
                    ) =>
                {
                    return Err(ReadError::Closed {
                        partial: self.decoder.buffered_len() > 0,
                    });
                }
                Err(e) => return Err(ReadError::Io(e)),
            }
        }
    }
}

/// A reply reduced to what the tests look at.
#[derive(Clone, Debug)]
pub struct Seen {
    pub code: ReplyCode,
    pub lines: Vec<String>,
    /// Ids of the diagnosis rows that match the reply (`Reply::diagnose`).
    pub diagnoses: Vec<&'static str>,
    /// The reply itself, for the crate's payload parsers.
    pub reply: Reply,
}

impl From<&Reply> for Seen {
    fn from(r: &Reply) -> Seen {
        Seen {
            code: code_of(r),
            lines: lines_of(r),
            diagnoses: r.diagnose().map(|d| d.id()).collect(),
            reply: r.clone(),
        }
    }
}

/// Renders the transcript: `C: ` and `S: ` lines, bytes as received
/// (non-UTF-8 lossy), passwords masked.
pub fn render_transcript(lines: &[Line], password: &str) -> String {
    let mut out = String::new();
    let mut server = Vec::new();
    let flush = |server: &mut Vec<u8>, out: &mut String| {
        for l in String::from_utf8_lossy(server).split_inclusive('\n') {
            out.push_str("S: ");
            out.push_str(l.trim_end_matches(['\r', '\n']));
            out.push('\n');
        }
        server.clear();
    };
    for line in lines {
        match line {
            Line::Server(b) => server.extend_from_slice(b),
            Line::Client(b) => {
                flush(&mut server, &mut out);
                let text = String::from_utf8_lossy(b).replace(password, "********");
                let text = text.trim_end_matches(['\r', '\n']);
                let text = if text.len() > 120 {
                    format!("{}... ({} bytes)", &text[..60], b.len())
                } else {
                    text.escape_debug().to_string()
                };
                out.push_str("C: ");
                out.push_str(&text);
                out.push('\n');
            }
        }
    }
    flush(&mut server, &mut out);
    out
}
