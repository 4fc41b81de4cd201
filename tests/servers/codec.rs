//! The `tokio` feature against real servers: a session over
//! `Framed<TcpStream, ReplyCodec>`, each exchange checked with the crate's
//! `Exchange`, commands sent as `CommandLine`s through the codec's encoder.

use std::time::Duration;

use ftp_reply::command::Exchange;
use ftp_reply::command::{Command, CommandLine};
use ftp_reply::payload::PassivePolicy;
use ftp_reply::{ReadError, Reply, ReplyCodec};
use futures_util::{SinkExt, StreamExt};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_util::codec::Framed;

use crate::harness::{PASSWORD, RunningServer, Server, require};

/// Deadline for one reply or one data transfer.
const DEADLINE: Duration = Duration::from_secs(10);

type Control = Framed<TcpStream, ReplyCodec>;

/// The next reply, within the deadline.
async fn next_reply(control: &mut Control) -> Result<Reply, String> {
    match timeout(DEADLINE, control.next()).await {
        Err(_) => Err("timeout".into()),
        Ok(None) => Err("the connection closed".into()),
        Ok(Some(Err(e))) => Err(format!("read error: {e}")),
        Ok(Some(Ok(reply))) => Ok(reply),
    }
}

/// Reads the replies of `exchange` until it is complete; fails on a reply
/// the checker does not accept.
async fn replies(control: &mut Control, exchange: &mut Exchange) -> Result<Vec<Reply>, String> {
    let mut out = Vec::new();
    while !exchange.is_complete() {
        let reply = next_reply(control).await?;
        let verdict = exchange.push(reply.code());
        if !verdict.is_acceptable() {
            return Err(format!(
                "{:?}: unexpected {verdict:?}: {reply}",
                exchange.command()
            ));
        }
        let preliminary = reply.code().is_preliminary();
        out.push(reply);
        if preliminary {
            // The caller reads the data connection first.
            break;
        }
    }
    Ok(out)
}

/// Sends `line` and reads its replies up to the final one (or the 1yz).
async fn command(control: &mut Control, line: CommandLine<'_>) -> Result<Vec<Reply>, String> {
    timeout(DEADLINE, control.send(line))
        .await
        .map_err(|_| format!("{line}: send timeout"))?
        .map_err(|e| format!("{line}: send: {e}"))?;
    let mut exchange = Exchange::new(line.command());
    replies(control, &mut exchange)
        .await
        .map_err(|e| format!("{line}: {e}"))
}

fn line(command: Command, argument: Option<&str>) -> CommandLine<'_> {
    CommandLine::new(command, argument).expect("a valid command line")
}

/// The code of the last reply.
fn last(replies: &[Reply]) -> u16 {
    replies.last().map_or(0, |r| r.code().as_u16())
}

/// The file the session uploads.
const DATA: &[u8] = b"uploaded through ReplyCodec\r\n";

/// EPSV, then `line` over the data connection (sending `upload`, or
/// reading until the server closes it); returns the bytes read.
async fn transfer(
    srv: &RunningServer,
    control: &mut Control,
    line: CommandLine<'_>,
    upload: Option<&[u8]>,
) -> Result<Vec<u8>, String> {
    let r = command(control, CommandLine::new(Command::Epsv, None).unwrap()).await?;
    let epsv = r.last().ok_or("EPSV: no reply")?;
    // The crate's parser gives the port; the host is the control
    // connection's (`PassivePolicy::UseControlHost`).
    let endpoint = epsv
        .data_endpoint(Command::Epsv)
        .map_err(|e| format!("EPSV: {e}: {epsv}"))?
        .value;
    let addr = endpoint
        .connect_to(srv.addr().ip(), PassivePolicy::UseControlHost)
        .map_err(|v| format!("EPSV: {v:?}"))?;
    let mut data = TcpStream::connect(addr)
        .await
        .map_err(|e| format!("data connection to {addr}: {e}"))?;
    let mut exchange = Exchange::new(line.command());
    control
        .send(line)
        .await
        .map_err(|e| format!("{line}: send: {e}"))?;
    let first = replies(control, &mut exchange).await?;
    if !first.last().is_some_and(|r| r.code().is_preliminary()) {
        return Err(format!("{line}: {first:?}"));
    }
    let mut received = Vec::new();
    let io = async {
        if let Some(bytes) = upload {
            data.write_all(bytes).await?;
            data.shutdown().await
        } else {
            data.read_to_end(&mut received).await.map(drop)
        }
    };
    timeout(DEADLINE, io)
        .await
        .map_err(|_| format!("{line}: data timeout"))?
        .map_err(|e| format!("{line}: data: {e}"))?;
    drop(data);
    let rest = replies(control, &mut exchange).await?;
    if !exchange.is_complete() || !matches!(last(&rest), 226 | 250) {
        return Err(format!("{line}: {rest:?}"));
    }
    Ok(received)
}

async fn session(srv: &RunningServer) -> Result<Vec<String>, String> {
    let mut log = Vec::new();
    let stream = TcpStream::connect(srv.addr())
        .await
        .map_err(|e| format!("connect: {e}"))?;
    let mut control = Framed::new(stream, ReplyCodec::new());

    let mut greeting = Exchange::greeting();
    let r = replies(&mut control, &mut greeting).await?;
    if last(&r) != 220 || !greeting.is_complete() {
        return Err(format!("greeting: {r:?}"));
    }
    // The banner, as the server frames it (libunftp sends one line).
    log.push(format!("greeting: {} line(s)", r[r.len() - 1].line_count()));

    let user = srv.server.user();
    let r = command(&mut control, line(Command::User, Some(user))).await?;
    if last(&r) != 331 {
        return Err(format!("USER: {r:?}"));
    }
    let r = command(&mut control, line(Command::Pass, Some(PASSWORD))).await?;
    if last(&r) != 230 {
        return Err(format!("PASS: {r:?}"));
    }
    let r = command(&mut control, line(Command::Feat, None)).await?;
    if last(&r) != 211 {
        return Err(format!("FEAT: {r:?}"));
    }
    log.push(format!("FEAT: {} line(s)", r[0].line_count()));
    let r = command(&mut control, line(Command::Pwd, None)).await?;
    if last(&r) != 257 {
        return Err(format!("PWD: {r:?}"));
    }
    let pwd = r[0].pathname().map_err(|e| format!("PWD: {e}: {}", r[0]))?;
    log.push(format!("PWD: {}", pwd.value.to_string_lossy()));

    // STOR then LIST over EPSV: the 150, the data, then the 226 after it.
    transfer(
        srv,
        &mut control,
        line(Command::Stor, Some("codec.txt")),
        Some(DATA),
    )
    .await?;
    let listing = transfer(srv, &mut control, line(Command::List, None), None).await?;
    if !String::from_utf8_lossy(&listing).contains("codec.txt") {
        return Err(format!("LIST: {:?}", String::from_utf8_lossy(&listing)));
    }
    log.push(format!(
        "STOR and LIST over EPSV: {} bytes listed",
        listing.len()
    ));

    // An unknown command with a 2,000-byte argument still gives one reply.
    let long = "a".repeat(2_000);
    let r = command(
        &mut control,
        CommandLine::from_verb("XYZZY", Some(&long)).expect("a valid command line"),
    )
    .await?;
    if !r.last().is_some_and(|r| r.code().is_negative()) {
        return Err(format!("XYZZY: {r:?}"));
    }

    let r = command(&mut control, line(Command::Quit, None)).await?;
    if last(&r) != 221 {
        return Err(format!("QUIT: {r:?}"));
    }
    // After 221 the server closes: the stream ends cleanly, between replies.
    match timeout(DEADLINE, control.next()).await {
        Ok(None) => {}
        Ok(Some(Err(ReadError::Io(e)))) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
        other => return Err(format!("after QUIT: {other:?}")),
    }
    log.push(format!(
        "decoded {} bytes of replies",
        control.codec().decoder().offset()
    ));
    Ok(log)
}

fn run(server: Server) {
    let Some(srv) = require(server) else { return };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    match rt.block_on(session(&srv)) {
        Ok(log) => println!("{server} over ReplyCodec: {}", log.join("; ")),
        Err(e) => panic!(
            "{server} over ReplyCodec: {e}\n--- server logs ---\n{}",
            srv.logs()
        ),
    }
}

#[test]
fn codec_pyftpdlib() {
    run(Server::Pyftpdlib);
}

#[test]
fn codec_libunftp() {
    run(Server::Libunftp);
}

#[test]
fn codec_vsftpd() {
    run(Server::Vsftpd);
}

#[test]
fn codec_proftpd() {
    run(Server::Proftpd);
}

#[test]
fn codec_pure_ftpd() {
    run(Server::PureFtpd);
}
