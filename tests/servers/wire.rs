//! The control connection: sending command lines, reading replies with a
//! deadline, and checking exchanges.
//!
//! Reading replies goes through [`Control::read_reply`] and checking an
//! exchange through [`check_exchange`]: these are the only two places that
//! use the crate's decoder and exchange checker.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use ftp_reply::ReplyCode;

// ---------------------------------------------------------------------------
// PLACEHOLDER until the `decoder` branch lands: a strict RFC 959 §4.2 framer
// with the shape of `ftp_reply::ReplyDecoder` (feed / next_reply).
// ---------------------------------------------------------------------------

/// A decoded reply: its code and its lines as received (without line ends).
#[derive(Clone, Debug)]
pub struct Reply {
    code: ReplyCode,
    lines: Vec<Vec<u8>>,
}

#[derive(Default)]
struct Decoder {
    buf: Vec<u8>,
    open: Option<(ReplyCode, Vec<Vec<u8>>)>,
}

impl Decoder {
    fn feed(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    fn next_reply(&mut self) -> Result<Option<Reply>, String> {
        loop {
            let Some(nl) = self.buf.iter().position(|&b| b == b'\n') else {
                return Ok(None);
            };
            let mut line: Vec<u8> = self.buf.drain(..=nl).collect();
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            if let Some((code, lines)) = self.open.as_mut() {
                let ends = line.len() >= 3
                    && line[..3] == *code.to_string().as_bytes()
                    && (line.len() == 3 || line[3] == b' ');
                lines.push(line);
                if ends {
                    let (code, lines) = self.open.take().unwrap();
                    return Ok(Some(Reply { code, lines }));
                }
                continue;
            }
            let code = ReplyCode::from_bytes(line.get(..3).unwrap_or(&line))
                .map_err(|e| format!("{e} in line {:?}", String::from_utf8_lossy(&line)))?;
            match line.get(3) {
                None | Some(b' ') => {
                    return Ok(Some(Reply {
                        code,
                        lines: vec![line],
                    }));
                }
                Some(b'-') => self.open = Some((code, vec![line])),
                Some(&other) => {
                    return Err(format!(
                        "code followed by {:?} in line {:?}",
                        char::from(other),
                        String::from_utf8_lossy(&line)
                    ));
                }
            }
        }
    }

    fn pending(&self) -> bool {
        !self.buf.is_empty() || self.open.is_some()
    }
}

fn code_of(reply: &Reply) -> ReplyCode {
    reply.code
}

fn lines_of(reply: &Reply) -> Vec<String> {
    reply
        .lines
        .iter()
        .map(|l| String::from_utf8_lossy(l).into_owned())
        .collect()
}

// ---------------------------------------------------------------------------
// PLACEHOLDER until the `commands` branch lands: RFC 959 §5.4 (and RFC 2389,
// 2428, 3659) for the commands of the scripted session.
// ---------------------------------------------------------------------------

/// What the exchange checker says about one command and its replies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// A final reply arrived (after any 1xx).
    pub complete: bool,
    /// Replies the RFCs do not allow for this command.
    pub unexpected: Vec<ReplyCode>,
}

/// Checks the replies that followed `command_line` (`None`: the greeting).
pub fn check_exchange(command_line: Option<&str>, codes: &[ReplyCode]) -> Verdict {
    let verb = command_line
        .map(|l| l.split(' ').next().unwrap_or("").to_ascii_uppercase())
        .unwrap_or_default();
    let allowed: &[u16] = match verb.as_str() {
        "" => &[120, 220, 421],
        "USER" => &[230, 530, 500, 501, 421, 331, 332],
        "PASS" => &[230, 202, 530, 500, 501, 503, 421, 332],
        "CWD" => &[250, 500, 501, 502, 421, 530, 550],
        "QUIT" => &[221, 500],
        "TYPE" => &[200, 500, 501, 504, 421, 530],
        "PASV" => &[227, 500, 501, 502, 421, 530],
        "EPSV" => &[229, 500, 501, 502, 421, 530, 522],
        "RETR" => &[
            125, 150, 110, 226, 250, 425, 426, 451, 450, 550, 500, 501, 421, 530,
        ],
        "STOR" => &[
            125, 150, 110, 226, 250, 425, 426, 451, 551, 552, 532, 450, 452, 553, 500, 501, 421,
            530,
        ],
        "LIST" => &[
            125, 150, 226, 250, 425, 426, 451, 450, 500, 501, 502, 421, 530,
        ],
        "MKD" => &[257, 500, 501, 502, 421, 530, 550],
        "PWD" => &[257, 500, 501, 502, 421, 550],
        "SYST" => &[215, 500, 501, 502, 421],
        "STAT" => &[211, 212, 213, 450, 500, 501, 502, 421, 530],
        "HELP" => &[211, 214, 500, 501, 502, 421],
        "NOOP" => &[200, 500, 421],
        "ABOR" => &[225, 226, 500, 501, 502, 421],
        "FEAT" => &[211, 500, 502],
        "SIZE" | "MDTM" => &[213, 550, 500, 501, 502, 503, 504, 421, 530],
        "MLST" => &[250, 550, 500, 501, 502, 503, 504, 421, 530],
        _ => &[500, 501, 502, 504, 421, 530],
    };
    let unexpected = codes
        .iter()
        .copied()
        .filter(|c| !allowed.contains(&c.as_u16()))
        .collect();
    Verdict {
        complete: codes.last().is_some_and(|c| !c.is_preliminary()),
        unexpected,
    }
}

// ---------------------------------------------------------------------------

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
    Decode(String),
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
    decoder: Decoder,
    pub transcript: Vec<Line>,
}

impl Control {
    pub fn connect(addr: SocketAddr) -> io::Result<Control> {
        let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
        stream.set_write_timeout(Some(Duration::from_secs(5)))?;
        Ok(Control {
            stream,
            decoder: Decoder::default(),
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
                    partial: self.decoder.pending(),
                });
            }
            self.stream
                .set_read_timeout(Some(left))
                .map_err(ReadError::Io)?;
            match self.stream.read(&mut chunk) {
                Ok(0) => {
                    return Err(ReadError::Closed {
                        partial: self.decoder.pending(),
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
                        partial: self.decoder.pending(),
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
                        partial: self.decoder.pending(),
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
}

impl From<&Reply> for Seen {
    fn from(r: &Reply) -> Seen {
        Seen {
            code: code_of(r),
            lines: lines_of(r),
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
