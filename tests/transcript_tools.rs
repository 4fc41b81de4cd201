//! Logs made here, by the real tools against real servers, then analysed:
//! `curl -v` and `lftp -d` (Debian's), Python's ftplib with
//! `set_debuglevel(2)`, all against pyftpdlib, whose own debug log is
//! analysed too; and vsftpd's `log_ftp_protocol=YES` log of two interleaved
//! ftplib sessions. `.ci/install-servers.sh` installs the tools and servers;
//! a missing one is skipped with a message on stderr.

use std::fs;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use ftp_reply::command::Command as Ftp;
use ftp_reply::transcript::{Analyzer, Event, EventKind, FailureKind, Format, Outcome, Verdict};

const PASSWORD: &str = "tool-secret-42";

fn skip(what: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "transcript_tools: skipped: {what}");
}

fn have(cmd: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {cmd}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_port(port: u16) {
    let start = Instant::now();
    while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "server on port {port} did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

struct Dir(PathBuf);

impl Dir {
    fn new(tag: &str) -> Self {
        let p =
            std::env::temp_dir().join(format!("ftp-reply-transcript-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&p);
        fs::create_dir_all(p.join("root")).unwrap();
        fs::write(p.join("root/hello.txt"), "hello\n").unwrap();
        Self(p)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

struct Kill(Child);

impl Drop for Kill {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn analyze(log: &[u8]) -> (Option<Format>, Vec<Event>, Verdict) {
    let mut a = Analyzer::new();
    a.feed(log)
        .unwrap_or_else(|e| panic!("{e}:\n{}", String::from_utf8_lossy(log)));
    a.finish().unwrap();
    let events = std::iter::from_fn(|| a.next_event()).collect();
    (a.format(), events, a.verdict())
}

fn no_secret(events: &[Event]) {
    for e in events {
        assert!(
            !format!("{e:?}").contains(PASSWORD),
            "password repeated: {e:?}"
        );
    }
}

fn failed_at(v: &Verdict, command: Ftp, code: u16) {
    let f = v
        .failure
        .as_ref()
        .unwrap_or_else(|| panic!("no failure: {v:?}"));
    assert_eq!(
        (f.kind, f.command, f.code.map(|c| c.as_u16())),
        (FailureKind::Reply, Some(command), Some(code)),
        "{v:?}"
    );
}

const PYFTPDLIB: &str = r#"
import logging, sys
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer
from pyftpdlib.log import config_logging
a = DummyAuthorizer()
a.add_user("user", sys.argv[3], sys.argv[2], perm="elr")
h = FTPHandler
h.authorizer = a
h.auth_failed_timeout = 0
config_logging(level=logging.DEBUG)
FTPServer(("127.0.0.1", int(sys.argv[1])), h).serve_forever()
"#;

const FTPLIB: &str = r#"
import ftplib, io, sys
f = ftplib.FTP()
f.set_debuglevel(2)
f.connect("127.0.0.1", int(sys.argv[1]))
f.login(sys.argv[2], sys.argv[3])
f.sendcmd("FEAT")
f.retrbinary("RETR hello.txt", io.BytesIO().write)
try:
    f.storbinary("STOR denied.txt", io.BytesIO(b"x"))
except ftplib.error_perm as e:
    print("error:", e)
f.quit()
"#;

#[test]
fn tools_against_pyftpdlib() {
    if !Command::new("python3")
        .args(["-c", "import pyftpdlib"])
        .status()
        .is_ok_and(|s| s.success())
    {
        return skip("pyftpdlib not importable (bash .ci/install-servers.sh)");
    }
    let dir = Dir::new("pyftpdlib");
    let port = free_port();
    let server_log = fs::File::create(dir.0.join("server.log")).unwrap();
    let server = Kill(
        Command::new("python3")
            .args([
                "-c",
                PYFTPDLIB,
                &port.to_string(),
                dir.0.join("root").to_str().unwrap(),
                PASSWORD,
            ])
            .stdout(Stdio::null())
            .stderr(server_log)
            .spawn()
            .unwrap(),
    );
    wait_port(port);
    let url = |path: &str| format!("ftp://127.0.0.1:{port}/{path}");
    let userpass = format!("user:{PASSWORD}");

    // curl -v: a download, then a missing file.
    if have("curl") {
        let ok = Command::new("curl")
            .args([
                "-v",
                "-s",
                "-o",
                "/dev/null",
                "-u",
                &userpass,
                &url("hello.txt"),
            ])
            .output()
            .unwrap();
        let (f, ev, v) = analyze(&ok.stderr);
        assert_eq!(f, Some(Format::Curl));
        assert_eq!(v.outcome, Outcome::Succeeded, "{v:?}");
        assert!(ev.iter().any(|e| matches!(
            e.kind,
            EventKind::Command {
                command: Ftp::Retr,
                ..
            }
        )));
        no_secret(&ev);
        let missing = Command::new("curl")
            .args([
                "-v",
                "-s",
                "-o",
                "/dev/null",
                "-u",
                &userpass,
                &url("nosuch.txt"),
            ])
            .output()
            .unwrap();
        let (_, ev, v) = analyze(&missing.stderr);
        assert_eq!(missing.status.code(), Some(78));
        failed_at(&v, Ftp::Size, 550);
        no_secret(&ev);
    } else {
        skip("curl not installed");
    }

    // lftp -d: a listing, a download, a missing file.
    if have("lftp") {
        let out = Command::new("lftp")
            .args(["-d", "-u", &format!("user,{PASSWORD}"), "-p", &port.to_string(), "-e",
                "set ftp:ssl-allow no; ls; get hello.txt -o /dev/null; get nosuch.txt -o /dev/null; quit", "127.0.0.1"])
            .output()
            .unwrap();
        let mut log = out.stdout.clone();
        log.extend_from_slice(&out.stderr);
        let (f, ev, v) = analyze(&log);
        assert_eq!(f, Some(Format::Lftp));
        failed_at(&v, Ftp::Retr, 550);
        no_secret(&ev);
    } else {
        skip("lftp not installed");
    }

    // Python ftplib, debug level 2: STOR refused (read-only user).
    let out = Command::new("python3")
        .args(["-c", FTPLIB, &port.to_string(), "user", PASSWORD])
        .output()
        .unwrap();
    let (f, ev, v) = analyze(&out.stdout);
    assert_eq!(f, Some(Format::Ftplib));
    failed_at(&v, Ftp::Stor, 550);
    // The FEAT reply came as one *resp* with \n escapes: framed as one reply.
    assert!(ev.iter().any(|e| matches!(&e.kind, EventKind::Reply(r) if r.reply.code() == 211 && r.reply.line_count() > 2)));
    no_secret(&ev);

    drop(server);
    // pyftpdlib's own debug log of all those sessions.
    let log = fs::read(dir.0.join("server.log")).unwrap();
    let (f, ev, v) = analyze(&log);
    assert_eq!(f, Some(Format::Pyftpdlib));
    assert!(v.commands > 10, "{v:?}");
    assert!(ev.iter().any(|e| e.session > 1), "sessions told apart");
    assert_eq!(
        v.failure.as_ref().map(|f| f.code.map(|c| c.as_u16())),
        Some(Some(550)),
        "{v:?}"
    );
    no_secret(&ev);
}

#[test]
fn vsftpd_protocol_log() {
    let bin = Path::new("/usr/sbin/vsftpd");
    if !bin.exists() {
        return skip("/usr/sbin/vsftpd not installed");
    }
    let uid = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !uid.unwrap_or(false) {
        return skip("vsftpd needs root");
    }
    let dir = Dir::new("vsftpd");
    let anon = dir.0.join("root");
    let empty = dir.0.join("empty");
    fs::create_dir_all(&empty).unwrap();
    let port = free_port();
    let conf = dir.0.join("vsftpd.conf");
    let log = dir.0.join("vsftpd.log");
    fs::write(
        &conf,
        format!(
            "listen=YES\nlisten_ipv6=NO\nlisten_address=127.0.0.1\nlisten_port={port}\nbackground=NO\n\
             anonymous_enable=YES\nanon_root={anon}\nno_anon_password=YES\nlocal_enable=NO\n\
             pasv_enable=YES\npasv_address=127.0.0.1\nconnect_from_port_20=NO\nsecure_chroot_dir={empty}\n\
             seccomp_sandbox=NO\nisolate=NO\nisolate_network=NO\nuse_localtime=NO\ntcp_wrappers=NO\n\
             xferlog_enable=YES\nvsftpd_log_file={log}\nlog_ftp_protocol=YES\n",
            anon = anon.display(),
            empty = empty.display(),
            log = log.display()
        ),
    )
    .unwrap();
    // vsftpd refuses an anonymous root writable by the ftp user.
    Command::new("chmod")
        .args(["555", anon.to_str().unwrap()])
        .status()
        .unwrap();
    let server = Kill(
        Command::new(bin)
            .arg(&conf)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_port(port);
    let script = r#"
import ftplib, sys
p = int(sys.argv[1])
a = ftplib.FTP(); a.connect("127.0.0.1", p); a.login()
b = ftplib.FTP(); b.connect("127.0.0.1", p); b.login()
a.sendcmd("FEAT"); b.pwd()
try: b.retrbinary("RETR nosuch.txt", print)
except ftplib.error_perm: pass
a.quit(); b.quit()
"#;
    let out = Command::new("python3")
        .args(["-c", script, &port.to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::thread::sleep(Duration::from_millis(300));
    drop(server);
    let bytes = fs::read(&log).unwrap();
    if std::env::var_os("TRANSCRIPT_TOOLS_DUMP").is_some() {
        eprintln!("{}", String::from_utf8_lossy(&bytes));
    }
    let (f, ev, v) = analyze(&bytes);
    assert_eq!(f, Some(Format::Vsftpd));
    // Two sessions with commands (besides the port probe's), each going on
    // across vsftpd's change of process at login.
    let sessions: std::collections::BTreeSet<u32> = ev
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Command { .. }))
        .map(|e| e.session)
        .collect();
    assert_eq!(sessions.len(), 2, "{ev:#?}");
    for s in &sessions {
        let verbs: Vec<Ftp> = ev
            .iter()
            .filter(|e| e.session == *s)
            .filter_map(|e| match e.kind {
                EventKind::Command { command, .. } => Some(command),
                _ => None,
            })
            .collect();
        assert_eq!(verbs.first(), Some(&Ftp::User));
        assert_eq!(verbs.last(), Some(&Ftp::Quit));
    }
    // FEAT's continuation lines (logged with "??" for their CRLF) framed into one reply.
    assert!(ev.iter().any(|e| matches!(&e.kind, EventKind::Reply(r) if r.reply.code() == 211 && r.reply.line_count() > 3)));
    assert!(
        !ev.iter().any(|e| matches!(
            e.kind,
            EventKind::Finding(ftp_reply::transcript::Finding::NoReply { .. })
        )),
        "{ev:#?}"
    );
    failed_at(&v, Ftp::Retr, 550);
    assert!(
        v.failure
            .unwrap()
            .diagnosis
            .is_some_and(|d| d.id().starts_with("vsftpd"))
    );
}
