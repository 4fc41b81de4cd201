//! A client built on `suppaftp` turns its error replies into a
//! [`ftp_reply::ReplyCode`] and explains them.
//!
//! ```text
//! cargo run --example suppaftp_errors                        # starts pyftpdlib itself
//! cargo run --example suppaftp_errors -- ftp://user:password@127.0.0.1:2121/
//! cargo run --example suppaftp_errors -- ftp://127.0.0.1:2121/   # anonymous
//! ```
//!
//! Without an argument the example starts a throw-away pyftpdlib server on
//! 127.0.0.1 (`python3 -m pyftpdlib`; install it with
//! `pip install pyftpdlib` or `bash .ci/install-servers.sh`) and stops it at
//! the end. With a URL it talks to that server instead (plain FTP only). It
//! then provokes a few errors (wrong password, missing directory, missing
//! file, unknown command) and prints, for each, the code and its explanation
//! from the knowledge base in English and French.
//!
//! Why not use `suppaftp`'s own `Response::status`? It is a closed enum that
//! maps every code it does not list to `Status::Unknown` (0), and suppaftp
//! ends a reply at any line that starts with three digits and a space. The
//! raw reply is kept in `Response::body`, so the example decodes that with
//! [`ftp_reply::Reply`].

use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use ftp_reply::{Framing, Lang, Reply, ReplyCode};
use suppaftp::{FtpError, FtpStream};

const TIMEOUT: Duration = Duration::from_secs(5);

/// The code of the reply inside a suppaftp error, if there is one.
fn reply_of(err: &FtpError) -> Option<Reply> {
    let FtpError::UnexpectedResponse(response) = err else {
        return None;
    };
    Reply::parse(&response.body)
        .or_else(|_| Reply::parse_with(&response.body, Framing::Lenient))
        .ok()
}

fn reply_code(err: &FtpError) -> Option<ReplyCode> {
    let FtpError::UnexpectedResponse(response) = err else {
        return None;
    };
    // The whole reply as received, RFC 959 framing first; suppaftp's own
    // (lenient) framing may have cut it where another code started a line.
    Reply::parse(&response.body)
        .or_else(|_| Reply::parse_with(&response.body, Framing::Lenient))
        .map(|reply| reply.code())
        .ok()
        .or_else(|| ReplyCode::parse(&response.body).ok())
}

/// Prints what a support desk would want to know about an error.
fn explain(what: &str, err: &FtpError) {
    let mut text = format!("== {what}\n   suppaftp says: {err}\n");
    let Some(code) = reply_code(err) else {
        text.push_str("   (no FTP reply in this error)\n");
        return say(&text);
    };
    let _ = writeln!(text, "   reply code:    {code} ({:?})", code.category());
    match code.info() {
        Some(info) => {
            for lang in Lang::ALL {
                let _ = writeln!(text, "   [{lang:?}] {}", info.title(lang));
                let _ = writeln!(text, "        {}", info.description(lang));
                let _ = writeln!(text, "        what to do: {}", info.remediation(lang));
            }
        }
        None => {
            let _ = writeln!(
                text,
                "   {code} is not defined by any FTP document the crate knows"
            );
        }
    }
    // What this server's text says, beyond the code.
    if let Some(reply) = reply_of(err) {
        for d in reply.diagnose() {
            let _ = writeln!(text, "   diagnosis ({}): {}", d.server(), d.cause(Lang::En));
            let _ = writeln!(text, "        fix: {}", d.fix(Lang::En));
        }
    }
    say(&text);
}

/// Writes `text` to standard output. Unlike `println!`, a closed pipe
/// (`... | head -3`) does not panic: the output is dropped and the example
/// still ends cleanly, stopping the server it started.
fn say(text: &str) {
    let _ = io::stdout().write_all(text.as_bytes());
}

/// `ftp://[user[:password]@]host[:port][/]` → (address, user, password).
fn parse_url(url: &str) -> Result<(SocketAddr, String, String), String> {
    let rest = url
        .strip_prefix("ftp://")
        .ok_or("the URL must start with ftp://")?;
    let rest = rest.trim_end_matches('/');
    let (auth, host) = rest
        .rsplit_once('@')
        .map_or((None, rest), |(a, h)| (Some(a), h));
    let (user, password) = match auth {
        Some(a) => a
            .split_once(':')
            .map_or((a.to_owned(), String::new()), |(u, p)| {
                (u.to_owned(), p.to_owned())
            }),
        None => ("anonymous".to_owned(), "guest@example.org".to_owned()),
    };
    let host = if host.contains(':') {
        host.to_owned()
    } else {
        format!("{host}:21")
    };
    let addr = host
        .to_socket_addrs()
        .map_err(|e| format!("{host}: {e}"))?
        .next()
        .ok_or_else(|| format!("{host}: no address"))?;
    Ok((addr, user, password))
}

/// A pyftpdlib server started for the example, stopped on drop.
struct LocalServer {
    child: Child,
    dir: std::path::PathBuf,
}

impl Drop for LocalServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn start_pyftpdlib() -> Result<(LocalServer, SocketAddr), String> {
    let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let dir = std::env::temp_dir().join(format!("ftp-reply-example-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let child = Command::new("python3")
        .args([
            "-m",
            "pyftpdlib",
            "-i",
            "127.0.0.1",
            "-p",
            &port.to_string(),
            "-u",
            "demo",
            "-P",
            "demo-password",
            "-d",
        ])
        .arg(&dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start python3 -m pyftpdlib: {e}"))?;
    let server = LocalServer { child, dir };
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
        if Instant::now() > deadline {
            return Err("pyftpdlib did not start (is it installed? pip install pyftpdlib)".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok((server, addr))
}

fn connect(addr: SocketAddr) -> Result<FtpStream, FtpError> {
    let stream = TcpStream::connect_timeout(&addr, TIMEOUT).map_err(FtpError::ConnectionError)?;
    stream
        .set_read_timeout(Some(TIMEOUT))
        .map_err(FtpError::ConnectionError)?;
    FtpStream::connect_with_stream(stream)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (_server, addr, user, password) = match std::env::args().nth(1) {
        Some(url) => {
            let (addr, user, password) = parse_url(&url)?;
            (None, addr, user, password)
        }
        None => {
            let (server, addr) = start_pyftpdlib()?;
            say(&format!("started pyftpdlib on {addr}\n"));
            (
                Some(server),
                addr,
                "demo".to_owned(),
                "demo-password".to_owned(),
            )
        }
    };

    let mut ftp = connect(addr)?;
    if let Err(err) = ftp.login(user.as_str(), "certainly-not-the-password") {
        explain("login with a wrong password", &err);
        // Some servers hang up after a failed login.
        ftp = connect(addr)?;
    }
    if let Err(err) = ftp.login(&user, &password) {
        explain("login", &err);
        return Err(err.into());
    }
    if let Err(err) = ftp.cwd("/no/such/directory") {
        explain("CWD to a missing directory", &err);
    }
    if let Err(err) = ftp.retr_as_buffer("no-such-file.txt") {
        explain("RETR of a missing file", &err);
    }
    if let Err(err) = ftp.custom_command("XYZZY", &[suppaftp::Status::CommandOk]) {
        explain("an unknown command", &err);
    }
    ftp.quit()?;
    Ok(())
}
