//! Starting and stopping real FTP servers on 127.0.0.1.
//!
//! Each server runs as a child process in the foreground, in its own process
//! group, with a config file and a root directory that this module writes
//! into a fresh temporary directory. [`RunningServer`] is a drop guard: it
//! kills the whole process group and removes the directory, also when the
//! test panics.
//!
//! Where the binaries come from (see `.ci/install-servers.sh`):
//! - pyftpdlib: `python3 -m pyftpdlib` importable (pip, pinned);
//! - vsftpd: `/usr/sbin/vsftpd` (Debian package, installed normally), with
//!   the system account `ftpreply` and the PAM service `ftp-reply-test` that
//!   the install script creates;
//! - proftpd, pure-ftpd: unpacked from Debian's packages into
//!   `target/ftp-servers/root` (or `$FTP_SERVERS_DIR/root`), run with
//!   `LD_LIBRARY_PATH` pointing at the libraries unpacked beside them.

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::os::unix::fs::{PermissionsExt, chown};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// The password of every test user (and the `ftpreply` system account).
pub const PASSWORD: &str = "ftp-reply-secret";
/// SHA-512 crypt(3) hash of [`PASSWORD`], for proftpd's `AuthUserFile` and
/// pure-ftpd's puredb.
const PASSWORD_HASH: &str = "$6$ftpreplysalt$gjbzYTGzo.kwEsww09zCebiqxggiofBF5uDtWOuFIwLCYYNtMop3CUq/CEQmanPjOTuzGBhxFZy7/kIIrdUK/.";
/// uid/gid the virtual users of proftpd and pure-ftpd map to.
const NOBODY: u32 = 65534;
/// A multi-line login banner, with a long line and a line that starts with
/// digits, that every server is configured to send (servers differ in how
/// they frame it).
pub const BANNER: &str = "ftp-reply test banner, first line\n\
    123 this line starts with digits\n\
    a long line: lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat duis aute irure dolor in reprehenderit\n\
    last banner line";

/// How long a server may take to answer on its port.
const STARTUP: Duration = Duration::from_secs(15);

/// The servers the tests know how to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Server {
    Pyftpdlib,
    Vsftpd,
    Proftpd,
    PureFtpd,
    /// In process (`tests/servers/unftp.rs`).
    Libunftp,
}

impl Server {
    pub const fn name(self) -> &'static str {
        match self {
            Server::Pyftpdlib => "pyftpdlib",
            Server::Vsftpd => "vsftpd",
            Server::Proftpd => "proftpd",
            Server::PureFtpd => "pure-ftpd",
            Server::Libunftp => "libunftp",
        }
    }

    /// The local (non-anonymous) test account.
    pub const fn user(self) -> &'static str {
        match self {
            // vsftpd only knows system accounts (through PAM).
            Server::Vsftpd => "ftpreply",
            _ => "test",
        }
    }
}

impl fmt::Display for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Folder that `.ci/install-servers.sh` unpacks into.
pub fn servers_dir() -> PathBuf {
    std::env::var_os("FTP_SERVERS_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ftp-servers"),
        PathBuf::from,
    )
}

fn unpacked_root() -> PathBuf {
    servers_dir().join("root")
}

fn unpacked_lib_path() -> String {
    let root = unpacked_root();
    let arch = std::env::consts::ARCH;
    [
        root.join(format!("usr/lib/{arch}-linux-gnu")),
        root.join(format!("lib/{arch}-linux-gnu")),
    ]
    .iter()
    .filter(|p| p.is_dir())
    .map(|p| p.display().to_string())
    .collect::<Vec<_>>()
    .join(":")
}

/// Why a server cannot run here.
#[derive(Debug)]
pub struct Unavailable(pub String);

/// Returns the server ready to use, or `None` after a loud message when it
/// is not installed on a developer's machine. Panics when `CI` is set: CI
/// must never pass by skipping.
pub fn require(server: Server) -> Option<RunningServer> {
    require_with(server, true)
}

/// [`require`], with or without the multi-line [`BANNER`].
pub fn require_with(server: Server, banner: bool) -> Option<RunningServer> {
    require_opts(server, banner, false, None)
}

/// [`require`] with the short neutral banner and the product's name hidden
/// from the greeting too (ProFTPD: `ServerIdent off`; the other servers'
/// greetings are the neutral text already), for the identification tests.
pub fn require_hidden(server: Server) -> Option<RunningServer> {
    require_opts(server, false, true, None)
}

/// [`require_hidden`] for ProFTPD speaking `lang` (a POSIX locale name such
/// as `fr_FR`): `LangEngine on`, `LangDefault <lang>` and `LangPath` on the
/// unpacked catalogues (mod_lang, ProFTPD 1.3.8: doc/modules/mod_lang.html).
/// Unavailable (a skip, or a failure with `CI` set) when the catalogue
/// `<lang>/LC_MESSAGES/proftpd.mo` or the locale `<lang>.UTF-8` is missing.
pub fn require_proftpd_lang(lang: &'static str) -> Option<RunningServer> {
    require_opts(Server::Proftpd, false, true, Some(lang))
}

fn require_opts(
    server: Server,
    banner: bool,
    hide_ident: bool,
    lang: Option<&'static str>,
) -> Option<RunningServer> {
    match RunningServer::start(server, banner, hide_ident, lang) {
        Ok(s) => Some(s),
        Err(Unavailable(why)) => {
            if std::env::var_os("CI").is_some() {
                panic!("{server} is required in CI (CI is set) but unavailable: {why}");
            }
            // Straight to the process's stderr: libtest captures `eprintln!`
            // of passing tests, and a skip must not go unseen.
            let bang = "!".repeat(74);
            let msg = format!(
                "\n{bang}\n!!! SKIPPED: real-server test for {server}: {why}\n\
                 !!! Run `bash .ci/install-servers.sh` as root to install the servers.\n\
                 !!! (With CI set this is a failure, not a skip.)\n{bang}\n"
            );
            let _ = std::io::Write::write_all(&mut std::io::stderr(), msg.as_bytes());
            None
        }
    }
}

/// A temporary directory removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> io::Result<TempDir> {
        static N: AtomicU32 = AtomicU32::new(0);
        // /tmp rather than the target folder: the servers' unprivileged users
        // must be able to reach their home directories, and a clone under
        // /root would not let them.
        let path = std::env::temp_dir().join(format!(
            "ftp-reply-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir(&path)?;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755))?;
        Ok(TempDir(path))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Picks a free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("bind 127.0.0.1:0")
}

/// Finds `n` consecutive free ports on 127.0.0.1 for passive data
/// connections.
pub fn free_port_range(n: u16) -> (u16, u16) {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let seed = std::process::id().wrapping_mul(7919);
    for attempt in 0..200u32 {
        let slot = (seed + NEXT.fetch_add(1, Ordering::Relaxed) + attempt) % 1000;
        let lo = 40_000 + u16::try_from(slot).unwrap() * 20;
        let hi = lo + n - 1;
        let all_free = (lo..=hi).all(|p| TcpListener::bind((Ipv4Addr::LOCALHOST, p)).is_ok());
        if all_free {
            return (lo, hi);
        }
    }
    panic!("no free range of {n} ports on 127.0.0.1");
}

/// A server process and its files. Dropping it stops the server (the whole
/// process group) and removes the files.
pub struct RunningServer {
    pub server: Server,
    pub version: String,
    pub port: u16,
    pub passive: (u16, u16),
    child: Option<Child>,
    inproc: Option<crate::unftp::InProcess>,
    dir: TempDir,
}

impl RunningServer {
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from((Ipv4Addr::LOCALHOST, self.port))
    }

    /// The server's own log output so far (stdout, stderr and log files).
    pub fn logs(&self) -> String {
        let mut out = String::new();
        if let Ok(entries) = fs::read_dir(self.dir.path()) {
            let mut names: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            names.sort();
            for p in names {
                if p.extension().is_some_and(|e| e == "log") {
                    let text = fs::read(&p).unwrap_or_default();
                    out.push_str(&format!(
                        "--- {} ---\n{}\n",
                        p.display(),
                        String::from_utf8_lossy(&text)
                    ));
                }
            }
        }
        out
    }

    /// Starts `server` with the multi-line [`BANNER`] or a short neutral one;
    /// `hide_ident` also hides the product's name where the banner text alone
    /// does not (ProFTPD's `ServerIdent`); `lang` makes ProFTPD speak that
    /// language (see [`require_proftpd_lang`]; other servers ignore it).
    pub fn start(
        server: Server,
        banner: bool,
        hide_ident: bool,
        lang: Option<&'static str>,
    ) -> Result<RunningServer, Unavailable> {
        let dir = TempDir::new(server.name()).map_err(|e| Unavailable(format!("temp dir: {e}")))?;
        let port = free_port();
        let passive = free_port_range(10);
        let d = dir.path().to_path_buf();
        let home = d.join("home");
        let anon = d.join("anon");
        for p in [&home, &anon] {
            fs::create_dir(p).unwrap();
            fs::set_permissions(p, fs::Permissions::from_mode(0o755)).unwrap();
        }
        fs::write(anon.join("welcome.txt"), b"anonymous read-only file\n").unwrap();
        let banner_text = if banner {
            BANNER
        } else {
            "ftp-reply test server"
        };
        write(&d.join("banner.txt"), &format!("{banner_text}\n"));
        if server == Server::Libunftp {
            let inproc =
                crate::unftp::InProcess::start(home, port, passive).map_err(Unavailable)?;
            let mut running = RunningServer {
                server,
                version: lock_version("libunftp"),
                port,
                passive,
                child: None,
                inproc: Some(inproc),
                dir,
            };
            running.wait_ready()?;
            return Ok(running);
        }
        let (mut cmd, version) = match server {
            Server::Libunftp => unreachable!("in process"),
            Server::Pyftpdlib => pyftpdlib(&d, port, passive)?,
            Server::Vsftpd => vsftpd(&d, port, passive)?,
            Server::Proftpd => proftpd(&d, port, passive, hide_ident, lang)?,
            Server::PureFtpd => pure_ftpd(&d, port, passive)?,
        };
        let stdout = fs::File::create(d.join("stdout.log")).unwrap();
        let stderr = fs::File::create(d.join("stderr.log")).unwrap();
        cmd.stdin(Stdio::null())
            .stdout(stdout)
            .stderr(stderr)
            .current_dir(&d)
            .process_group(0);
        let child = cmd
            .spawn()
            .map_err(|e| Unavailable(format!("cannot start {cmd:?}: {e}")))?;
        let mut running = RunningServer {
            server,
            version,
            port,
            passive,
            child: Some(child),
            inproc: None,
            dir,
        };
        running.wait_ready()?;
        Ok(running)
    }

    fn wait_ready(&mut self) -> Result<(), Unavailable> {
        let deadline = Instant::now() + STARTUP;
        loop {
            if let Some(child) = self.child.as_mut()
                && let Ok(Some(status)) = child.try_wait()
            {
                return Err(Unavailable(format!(
                    "{} exited during startup with {status}\n{}",
                    self.server,
                    self.logs()
                )));
            }
            if let Ok(mut s) = TcpStream::connect_timeout(&self.addr(), Duration::from_millis(200))
            {
                // Wait for the first byte of the greeting: the port answers.
                let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
                let mut b = [0u8; 1];
                if matches!(s.read(&mut b), Ok(1)) {
                    return Ok(());
                }
            }
            if Instant::now() > deadline {
                panic!(
                    "{} did not answer on {} within {STARTUP:?}\n{}",
                    self.server,
                    self.addr(),
                    self.logs()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // The server runs in its own process group (process_group(0)), so
            // its group id is its pid: kill it and every session it forked.
            let pgid = child.id();
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{pgid}")])
                .stderr(Stdio::null())
                .status();
            let _ = child.kill();
            let _ = child.wait();
        }
        // Stops the in-process server and joins its thread.
        self.inproc = None;
        // self.dir drops after this and removes the files.
    }
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

fn is_root() -> bool {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

fn need_root(server: Server) -> Result<(), Unavailable> {
    if is_root() {
        Ok(())
    } else {
        Err(Unavailable(format!(
            "{server} tests need root (to switch to the test users)"
        )))
    }
}

/// uid and gid of a system account, from /etc/passwd.
fn passwd_ids(user: &str) -> Option<(u32, u32)> {
    let text = fs::read_to_string("/etc/passwd").ok()?;
    text.lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        if f.len() >= 4 && f[0] == user {
            Some((f[2].parse().ok()?, f[3].parse().ok()?))
        } else {
            None
        }
    })
}

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stdin(Stdio::null()).output().ok()?;
    let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
    s.push_str(&String::from_utf8_lossy(&out.stderr));
    Some(s.trim().to_owned())
}

/// Version of a dev-dependency, from Cargo.lock.
fn lock_version(package: &str) -> String {
    let lock = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"))
        .unwrap_or_default();
    let needle = format!("name = \"{package}\"\nversion = \"");
    lock.find(&needle)
        .and_then(|i| {
            lock[i + needle.len()..]
                .split('"')
                .next()
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Debian version of an unpacked package, from the install script's stamp.
fn unpacked_version(package: &str) -> String {
    fs::read_to_string(servers_dir().join("unpacked.stamp"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(&format!("{package}=")).map(str::to_owned))
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn pyftpdlib(d: &Path, port: u16, (lo, hi): (u16, u16)) -> Result<(Command, String), Unavailable> {
    let version =
        output(Command::new("python3").args(["-c", "import pyftpdlib; print(pyftpdlib.__ver__)"]))
            .filter(|v| !v.is_empty() && !v.contains("Error"))
            .ok_or_else(|| Unavailable("python3 cannot import pyftpdlib".into()))?;
    let script = d.join("server.py");
    write(
        &script,
        &format!(
            r#"import logging, sys
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer
a = DummyAuthorizer()
a.add_user("test", {PASSWORD:?}, {home:?}, perm="elradfmwMT")
a.add_anonymous({anon:?})
class H(FTPHandler):
    authorizer = a
    passive_ports = range({lo}, {hi} + 1)
    auth_failed_timeout = 0.2
    banner = open({banner:?}).read().rstrip("\n")
logging.basicConfig(filename={log:?}, level=logging.INFO)
FTPServer(("127.0.0.1", {port}), H).serve_forever()
"#,
            home = d.join("home").display().to_string(),
            anon = d.join("anon").display().to_string(),
            log = d.join("pyftpdlib.log").display().to_string(),
            banner = d.join("banner.txt").display().to_string(),
        ),
    );
    let mut cmd = Command::new("python3");
    cmd.arg(script);
    Ok((cmd, version))
}

fn vsftpd(d: &Path, port: u16, (lo, hi): (u16, u16)) -> Result<(Command, String), Unavailable> {
    let bin = Path::new("/usr/sbin/vsftpd");
    if !bin.exists() {
        return Err(Unavailable(format!("{} not found", bin.display())));
    }
    need_root(Server::Vsftpd)?;
    let (uid, gid) = passwd_ids("ftpreply").ok_or_else(|| {
        Unavailable("system account `ftpreply` missing (made by .ci/install-servers.sh)".into())
    })?;
    if !Path::new("/etc/pam.d/ftp-reply-test").exists() {
        return Err(Unavailable(
            "PAM service /etc/pam.d/ftp-reply-test missing (made by .ci/install-servers.sh)".into(),
        ));
    }
    let version = output(Command::new("dpkg-query").args(["-W", "-f=${Version}", "vsftpd"]))
        .unwrap_or_else(|| "unknown".into());
    let home = d.join("home");
    chown(&home, Some(uid), Some(gid)).unwrap();
    let empty = d.join("empty");
    fs::create_dir(&empty).unwrap();
    fs::set_permissions(&empty, fs::Permissions::from_mode(0o755)).unwrap();
    let conf = d.join("vsftpd.conf");
    write(
        &conf,
        &format!(
            "listen=YES\nlisten_ipv6=NO\nlisten_address=127.0.0.1\nlisten_port={port}\nbackground=NO\n\
             anonymous_enable=YES\nanon_root={anon}\nno_anon_password=NO\n\
             local_enable=YES\nwrite_enable=YES\nlocal_root={home}\nlocal_umask=022\n\
             pam_service_name=ftp-reply-test\nuserlist_enable=NO\ntcp_wrappers=NO\n\
             pasv_enable=YES\npasv_min_port={lo}\npasv_max_port={hi}\npasv_address=127.0.0.1\n\
             connect_from_port_20=NO\nsecure_chroot_dir={empty}\nseccomp_sandbox=NO\n\
             isolate=NO\nisolate_network=NO\nuse_localtime=NO\nxferlog_enable=YES\n\
             vsftpd_log_file={log}\nlog_ftp_protocol=YES\ndelay_failed_login=0\n\
             banner_file={banner}\n",
            anon = d.join("anon").display(),
            home = home.display(),
            empty = empty.display(),
            log = d.join("vsftpd.log").display(),
            banner = d.join("banner.txt").display(),
        ),
    );
    let mut cmd = Command::new(bin);
    cmd.arg(conf);
    Ok((cmd, version))
}

fn proftpd(
    d: &Path,
    port: u16,
    (lo, hi): (u16, u16),
    hide_ident: bool,
    lang: Option<&str>,
) -> Result<(Command, String), Unavailable> {
    let bin = unpacked_root().join("usr/sbin/proftpd");
    if !bin.exists() {
        return Err(Unavailable(format!("{} not found", bin.display())));
    }
    need_root(Server::Proftpd)?;
    let lang_conf = match lang {
        None => String::new(),
        Some(lang) => proftpd_lang(lang)?,
    };
    let version = unpacked_version("proftpd-core");
    let home = d.join("home");
    chown(&home, Some(NOBODY), Some(NOBODY)).unwrap();
    let passwd = d.join("ftpd.passwd");
    write(
        &passwd,
        &format!(
            "test:{PASSWORD_HASH}:{NOBODY}:{NOBODY}:test user:{home}:/bin/sh\n\
             ftp:*:{NOBODY}:{NOBODY}:anonymous:{anon}:/bin/sh\n\
             nobody:*:{NOBODY}:{NOBODY}:nobody:/nonexistent:/bin/false\n",
            home = home.display(),
            anon = d.join("anon").display(),
        ),
    );
    let group = d.join("ftpd.group");
    write(&group, &format!("nogroup:x:{NOBODY}:\n"));
    for p in [&passwd, &group] {
        fs::set_permissions(p, fs::Permissions::from_mode(0o600)).unwrap();
    }
    let conf = d.join("proftpd.conf");
    write(
        &conf,
        &format!(
            r#"ServerType standalone
ServerName "ftp-reply test proftpd"
DefaultServer on
DefaultAddress 127.0.0.1
SocketBindTight on
UseIPv6 off
Port {port}
PassivePorts {lo} {hi}
User nobody
Group nogroup
UseReverseDNS off
WtmpLog off
RequireValidShell off
UseFtpUsers off
AuthPAM off
AuthOrder mod_auth_file.c
AuthUserFile {passwd}
AuthGroupFile {group}
PidFile {dir}/proftpd.pid
ScoreboardFile {dir}/proftpd.scoreboard
DelayEngine off
ControlsEngine off
SystemLog {dir}/proftpd.log
TransferLog {dir}/xfer.log
AllowOverwrite on
Umask 022
DisplayConnect {dir}/banner.txt
{ident}{lang_conf}<Anonymous {anon}>
  User ftp
  Group nogroup
  UserAlias anonymous ftp
  RequireValidShell off
  <Limit WRITE>
    DenyAll
  </Limit>
</Anonymous>
"#,
            passwd = passwd.display(),
            group = group.display(),
            dir = d.display(),
            anon = d.join("anon").display(),
            ident = if hide_ident { "ServerIdent off\n" } else { "" },
        ),
    );
    let mut cmd = Command::new(bin);
    cmd.args(["-n", "-c"])
        .arg(conf)
        .env("LD_LIBRARY_PATH", unpacked_lib_path());
    Ok((cmd, version))
}

/// The mod_lang directives for `lang`, once its catalogue and its locale are
/// known to be there.
///
/// mod_lang (ProFTPD 1.3.8, modules/mod_lang.c): `LangPath` is handed to
/// bindtextdomain("proftpd", ..) (default /usr/share/locale, the path built
/// into Debian's binary, not where the package is unpacked here), and each
/// session sets `LC_MESSAGES` to `LangDefault` with setlocale(3), so that
/// locale must exist (`locale -a`) for the catalogue to be used, and glibc's
/// strerror(3), which ProFTPD puts in its 550 replies, then speaks it too
/// (through libc's own catalogue, Debian's libc-l10n).
fn proftpd_lang(lang: &str) -> Result<String, Unavailable> {
    let locales = unpacked_root().join("usr/share/locale");
    let mo = locales.join(lang).join("LC_MESSAGES/proftpd.mo");
    if !mo.is_file() {
        return Err(Unavailable(format!(
            "ProFTPD's {lang} catalogue {} not found",
            mo.display()
        )));
    }
    // `locale -a` spells UTF-8 locales `fr_FR.utf8`.
    let have = output(Command::new("locale").arg("-a")).unwrap_or_default();
    let want = format!("{lang}.utf8");
    if !have.lines().any(|l| {
        l.trim().eq_ignore_ascii_case(&want)
            || l.trim().eq_ignore_ascii_case(&format!("{lang}.UTF-8"))
    }) {
        return Err(Unavailable(format!(
            "the locale {lang}.UTF-8 is not installed (`locale -a` does not list it; \
             .ci/install-servers.sh generates it with localedef)"
        )));
    }
    Ok(format!(
        "LangEngine on\nLangPath {}\nLangDefault {lang}\n",
        locales.display()
    ))
}

fn pure_ftpd(d: &Path, port: u16, (lo, hi): (u16, u16)) -> Result<(Command, String), Unavailable> {
    let bin = unpacked_root().join("usr/sbin/pure-ftpd");
    let pure_pw = unpacked_root().join("usr/bin/pure-pw");
    for b in [&bin, &pure_pw] {
        if !b.exists() {
            return Err(Unavailable(format!("{} not found", b.display())));
        }
    }
    need_root(Server::PureFtpd)?;
    let version = unpacked_version("pure-ftpd");
    let home = d.join("home");
    chown(&home, Some(NOBODY), Some(NOBODY)).unwrap();
    // puredb virtual user: the text file pure-pw reads (18 fields), then the
    // database pure-ftpd reads.
    let passwd = d.join("pureftpd.passwd");
    write(
        &passwd,
        &format!(
            "test:{PASSWORD_HASH}:{NOBODY}:{NOBODY}::{}::::::::::::\n",
            home.display()
        ),
    );
    let pdb = d.join("pureftpd.pdb");
    let status = Command::new(&pure_pw)
        .arg("mkdb")
        .arg(&pdb)
        .arg("-f")
        .arg(&passwd)
        .env("LD_LIBRARY_PATH", unpacked_lib_path())
        .stdin(Stdio::null())
        .status()
        .map_err(|e| Unavailable(format!("pure-pw: {e}")))?;
    assert!(status.success(), "pure-pw mkdb failed: {status}");
    let mut cmd = Command::new(bin);
    cmd.arg(format!("--bind=127.0.0.1,{port}"))
        .arg(format!("--passiveportrange={lo}:{hi}"))
        .arg("--forcepassiveip=127.0.0.1")
        .arg(format!("--login=puredb:{}", pdb.display()))
        .arg("--dontresolve")
        .arg("--anonymouscantupload")
        .arg(format!("--pidfile={}", d.join("pure-ftpd.pid").display()))
        .arg(format!("--altlog=clf:{}", d.join("xfer.log").display()))
        .arg("--verboselog")
        .arg(format!("--fortunesfile={}", d.join("banner.txt").display()))
        .env("LD_LIBRARY_PATH", unpacked_lib_path());
    Ok((cmd, version))
}
