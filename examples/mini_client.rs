//! A small blocking FTP client over `std::net::TcpStream` that leaves all
//! reply handling and command writing to `ftp-reply`.
//!
//! ```sh
//! cargo run --example mini_client -- ftp://user:pass@127.0.0.1:2121/
//! cargo run --example mini_client -- ftp://127.0.0.1:2121/pub/file.txt   # anonymous
//! ```
//!
//! The session: the greeting, USER and PASS (anonymous without a user in
//! the URL), FEAT, PWD, TYPE I, EPSV (PASV if the server refuses it; the
//! data connection goes to the control connection's host, whatever host a
//! 227 names: `PassivePolicy::UseControlHost`), LIST of the URL's
//! directory, SIZE and MDTM of the URL's file (or of the first file the
//! listing shows), QUIT. Every command is a `CommandLine` (a CR, LF or NUL
//! in the URL's path cannot sneak in another command); every exchange is
//! checked with `Exchange` and its replies read with `ReplyReader::read_for`;
//! every payload (257, 229/227, 211, 213) is read with the crate's parsers.
//!
//! Exit status: 0 on success, 1 when the server refuses a command or the
//! connection fails, 2 on a bad URL. A closed standard output (`| head`)
//! ends the program quietly.

use std::fmt;
use std::io::{self, BufReader, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream, ToSocketAddrs};
use std::process::ExitCode;
use std::time::Duration;

use ftp_reply::command::{Command, CommandLine};
use ftp_reply::command::{Exchange, Verdict};
use ftp_reply::payload::{DataEndpoint, PassivePolicy};
use ftp_reply::{Reply, ReplyError, ReplyReader};

/// How to call the program.
const USAGE: &str = "usage: mini_client ftp://[user[:password]@]host[:port][/path]";

/// Prints to standard error; a closed standard error is ignored (where
/// `eprintln!` would panic).
macro_rules! complain {
    ($($arg:tt)*) => {
        let _ = writeln!(io::stderr(), $($arg)*);
    };
}

/// Deadline for every read and write, on both connections.
const TIMEOUT: Duration = Duration::from_secs(15);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url] = args.as_slice() else {
        complain!("{USAGE}");
        return ExitCode::from(2);
    };
    let url = match Url::parse(url) {
        Ok(u) => u,
        Err(e) => {
            complain!("mini_client: bad URL {url:?}: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut out = io::stdout().lock();
    match run(&url, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        // Standard output was closed (`| head`): stop quietly.
        Err(Error::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = out.flush();
            complain!("mini_client: {e}");
            ExitCode::from(1)
        }
    }
}

/// Why the session stopped.
#[derive(Debug)]
enum Error {
    /// Writing to standard output failed.
    Output(io::Error),
    /// The network, the server, or what it said.
    Session(Box<dyn std::error::Error>),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Output(e) => write!(f, "standard output: {e}"),
            Error::Session(e) => e.fmt(f),
        }
    }
}

/// Anything but a write to standard output is a session error.
impl<E: Into<Box<dyn std::error::Error>>> From<E> for Error {
    fn from(e: E) -> Self {
        Error::Session(e.into())
    }
}

/// Prints a line to `out`; a failure is [`Error::Output`].
macro_rules! say {
    ($out:expr, $($arg:tt)*) => {
        writeln!($out, $($arg)*).map_err(Error::Output)?
    };
}

/// An `ftp://` URL, parsed by hand (RFC 1738 §3.1 and §3.2): user and
/// password percent-decoded, the path percent-decoded and split into the
/// directory and the file name.
struct Url {
    user: String,
    password: String,
    host: String,
    port: u16,
    /// The directory to list (`None`: the login directory).
    dir: Option<String>,
    /// The file to ask SIZE and MDTM about (the whole path).
    file: Option<String>,
}

impl Url {
    fn parse(s: &str) -> Result<Url, String> {
        let rest = s
            .get(..6)
            .filter(|scheme| scheme.eq_ignore_ascii_case("ftp://"))
            .map(|_| &s[6..])
            .ok_or("it must start with ftp://")?;
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let (userinfo, hostport) = match authority.rfind('@') {
            Some(at) => (Some(&authority[..at]), &authority[at + 1..]),
            None => (None, authority),
        };
        let (user, password) = match userinfo {
            None => ("anonymous".to_owned(), "mini_client@example.org".to_owned()),
            Some(info) => {
                let (u, p) = info.split_once(':').unwrap_or((info, ""));
                if u.is_empty() {
                    return Err("the user name before '@' is empty".into());
                }
                (decode(u, "the user name")?, decode(p, "the password")?)
            }
        };
        let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
            let (h, after) = v6
                .split_once(']')
                .ok_or("an IPv6 address needs its closing ']'")?;
            (h, after)
        } else {
            hostport.split_at(hostport.find(':').unwrap_or(hostport.len()))
        };
        if host.is_empty() {
            return Err("no host".into());
        }
        let port = match port {
            "" => 21,
            p => {
                let digits = p
                    .strip_prefix(':')
                    .ok_or_else(|| format!("{p:?} after the host: expected ':' and a port"))?;
                digits
                    .parse::<u16>()
                    .ok()
                    .filter(|&p| p != 0)
                    .ok_or_else(|| format!("the port {digits:?} is not a number from 1 to 65535"))?
            }
        };
        let path = decode(path.strip_prefix('/').unwrap_or(path), "the path")?;
        // What goes into a command must make a valid command line: a CR,
        // LF or NUL (`%0D`, `%0A`, `%00`) would smuggle in another command.
        for (what, text) in [
            ("the user name", &user),
            ("the password", &password),
            ("the path", &path),
        ] {
            CommandLine::new(Command::User, Some(text))
                .map_err(|e| format!("{what}: {}", e.kind()))?;
        }
        let (dir, file) = match path.rsplit_once('/') {
            _ if path.is_empty() => (None, None),
            Some((d, "")) => (Some(d.to_owned()), None),
            Some((d, _)) => (Some(d.to_owned()), Some(path.clone())),
            None => (None, Some(path.clone())),
        };
        Ok(Url {
            user,
            password,
            host: host.to_owned(),
            port,
            dir: dir.filter(|d| !d.is_empty()),
            file,
        })
    }
}

/// Percent-decodes `s` (RFC 3986 §2.1); the result must be UTF-8.
fn decode(s: &str, what: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| format!("{what} has a '%' not followed by two hex digits"))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| format!("{what} is not UTF-8 once decoded"))
}

/// The control connection.
struct Control<'o, O> {
    replies: ReplyReader<BufReader<TcpStream>>,
    /// The server's address: passive data connections go there.
    peer: IpAddr,
    out: &'o mut O,
}

impl<O: Write> Control<'_, O> {
    /// Prints a reply, and the checker's verdict when it is not the
    /// expected one.
    fn show(&mut self, reply: &Reply, verdict: Verdict) -> Result<(), Error> {
        for line in reply.lines() {
            say!(self.out, "< {line}");
        }
        match verdict {
            Verdict::Expected(_) => {}
            Verdict::Lenient(_, rule) => {
                say!(self.out, "  (not in the RFC tables; accepted: {rule})")
            }
            Verdict::Unexpected(problem) => say!(self.out, "  (unexpected reply: {problem})"),
            _ => say!(self.out, "  ({verdict:?})"),
        }
        Ok(())
    }

    /// Sends `line` (printed redacted: `PASS ****`).
    fn send(&mut self, line: &CommandLine<'_>) -> Result<(), Error> {
        say!(self.out, "> {line}");
        line.write_to(self.replies.get_mut().get_mut())?;
        Ok(())
    }

    /// Reads the replies of `exchange` up to the final one, or up to a 1yz
    /// when `stop_at_preliminary` (a transfer: the data comes next).
    fn read(&mut self, exchange: &mut Exchange, stop_at_preliminary: bool) -> Result<Reply, Error> {
        loop {
            let next = self.replies.read_for(exchange).next();
            let (reply, verdict) = next.ok_or("no reply awaited")??;
            self.show(&reply, verdict)?;
            if exchange.is_complete() || (stop_at_preliminary && reply.code().is_preliminary()) {
                return Ok(reply);
            }
        }
    }

    /// Sends `line` and returns its final reply, or the error the server
    /// refused it with.
    fn command(&mut self, line: CommandLine<'_>) -> Result<Reply, Error> {
        self.send(&line)?;
        let mut exchange = Exchange::new(line.command());
        let reply = self.read(&mut exchange, false)?;
        Ok(reply.into_result_for(&line)?)
    }

    /// Opens a passive data connection: EPSV, or PASV if EPSV is refused.
    fn passive(&mut self) -> Result<TcpStream, Error> {
        let mut reply = self.command(CommandLine::new(Command::Epsv, None)?);
        let mut sent = Command::Epsv;
        if let Err(e) = &reply {
            say!(self.out, "  (EPSV failed: {e}; trying PASV)");
            reply = self.command(CommandLine::new(Command::Pasv, None)?);
            sent = Command::Pasv;
        }
        let reply = reply?;
        let parsed = reply.data_endpoint(sent)?;
        for quirk in parsed.quirks.iter() {
            say!(self.out, "  (tolerated: {quirk:?})");
        }
        let endpoint: DataEndpoint = parsed.value;
        if let Some(advertised) = endpoint.address() {
            say!(
                self.out,
                "  (the server names {advertised}: {:?})",
                endpoint.verdict(self.peer)
            );
        }
        let addr = endpoint.connect_to(self.peer, PassivePolicy::UseControlHost)?;
        say!(self.out, "  (data connection to {addr})");
        let data = TcpStream::connect_timeout(&addr, TIMEOUT)
            .map_err(|e| format!("data connection to {addr}: {e}"))?;
        data.set_read_timeout(Some(TIMEOUT))?;
        Ok(data)
    }

    /// Opens a data connection, sends `line`, reads the data, and returns it.
    fn download(&mut self, line: CommandLine<'_>) -> Result<Vec<u8>, Error> {
        let mut data = self.passive()?;
        self.send(&line)?;
        let mut exchange = Exchange::new(line.command());
        let first = self.read(&mut exchange, true)?.into_result_for(&line)?;
        let mut bytes = Vec::new();
        if first.code().is_preliminary() {
            data.read_to_end(&mut bytes)?;
            drop(data);
            self.read(&mut exchange, false)?.into_result_for(&line)?;
        }
        Ok(bytes)
    }
}

fn run<O: Write>(url: &Url, out: &mut O) -> Result<(), Error> {
    let addr: SocketAddr = (url.host.as_str(), url.port)
        .to_socket_addrs()
        .map_err(|e| format!("{}: {e}", url.host))?
        .next()
        .ok_or_else(|| format!("{}: no address", url.host))?;
    say!(out, "connecting to {addr}");
    let stream = TcpStream::connect_timeout(&addr, TIMEOUT)
        .map_err(|e| format!("connecting to {addr}: {e}"))?;
    stream.set_read_timeout(Some(TIMEOUT))?;
    stream.set_write_timeout(Some(TIMEOUT))?;
    let mut c = Control {
        peer: stream.peer_addr()?.ip(),
        replies: ReplyReader::new(BufReader::new(stream)),
        out,
    };

    let mut greeting = Exchange::greeting();
    c.read(&mut greeting, false)?.into_result()?;
    let result = session(&mut c, url);
    if let Err(Error::Session(e)) = &result {
        if e.is::<ReplyError>() {
            // The server refused a command, and the connection is fine:
            // say goodbye before leaving.
            let _ = c.command(CommandLine::new(Command::Quit, None)?);
        }
    }
    result
}

/// The session after the greeting.
fn session<O: Write>(c: &mut Control<'_, O>, url: &Url) -> Result<(), Error> {
    let user = c.command(CommandLine::new(Command::User, Some(&url.user))?)?;
    if user.code().is_intermediate() {
        c.command(CommandLine::new(Command::Pass, Some(&url.password))?)?;
    }

    match c.command(CommandLine::new(Command::Feat, None)?) {
        Ok(feat) => {
            let features = feat.features()?;
            let names: Vec<String> = features
                .value
                .iter()
                .map(|f| String::from_utf8_lossy(f.name()).into_owned())
                .collect();
            say!(c.out, "  features: {}", names.join(" "));
        }
        // FEAT is optional (RFC 2389 §3): a server may not know it.
        Err(e) => say!(c.out, "  (no FEAT: {e})"),
    }

    let pwd = c.command(CommandLine::new(Command::Pwd, None)?)?;
    let path = pwd.pathname()?;
    say!(
        c.out,
        "  working directory: {}",
        path.value.to_string_lossy()
    );

    c.command(CommandLine::new(Command::Type, Some("I"))?)?;
    let listing = c.download(CommandLine::new(Command::List, url.dir.as_deref())?)?;
    let listing = String::from_utf8_lossy(&listing);
    for line in listing.lines() {
        say!(c.out, "  | {line}");
    }

    // The URL's file, or the first plain file of a Unix-style listing.
    let file = url.file.clone().or_else(|| {
        let name = listing
            .lines()
            .find(|l| l.starts_with('-'))
            .and_then(|l| l.split_whitespace().nth(8))?;
        Some(match &url.dir {
            Some(d) => format!("{d}/{name}"),
            None => name.to_owned(),
        })
    });
    if let Some(file) = &file {
        let size = c.command(CommandLine::new(Command::Size, Some(file))?)?;
        say!(c.out, "  size: {} bytes", size.size()?.value);
        let mdtm = c.command(CommandLine::new(Command::Mdtm, Some(file))?)?;
        let time = mdtm.modification_time()?.value;
        say!(
            c.out,
            "  modified: {time} (Unix time {})",
            time.unix_seconds()
        );
    } else {
        say!(c.out, "  (no file to ask SIZE and MDTM about)");
    }

    c.command(CommandLine::new(Command::Quit, None)?)?;
    Ok(())
}
