//! The scripted session run against every server, and what it records.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use ftp_reply::ReplyCode;

use crate::expect::{self, Kind, Known};
use crate::harness::{PASSWORD, RunningServer};
use crate::wire::{Control, ReadError, Seen, check_exchange, render_transcript};

/// Deadline for an ordinary reply.
const REPLY: Duration = Duration::from_secs(5);
/// Deadline where a server is known to stay silent (probes of misbehaviour).
const PROBE: Duration = Duration::from_secs(2);
/// Deadline for the reply to a wrong password: servers delay it on purpose
/// (pure-ftpd sleeps a random time of up to 3 s plus 3 s per failure).
const FAILED_LOGIN: Duration = Duration::from_secs(10);
/// Deadline for a whole data transfer.
const DATA: Duration = Duration::from_secs(5);

/// The file the session uploads and downloads again.
const PAYLOAD: &[u8] = b"ftp-reply real-server test payload\r\nsecond line\r\n";

/// One command and what came back.
#[derive(Debug)]
pub struct Exchange {
    /// `None` for the greeting.
    pub command: Option<String>,
    pub replies: Vec<Seen>,
    pub error: Option<String>,
}

/// A deviation the session saw.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Observed {
    pub kind: Kind,
    /// Upper-case verb, or `<greeting>`.
    pub verb: String,
    pub code: Option<u16>,
    pub detail: String,
}

/// Everything a session against one server recorded.
pub struct Outcome {
    pub server: String,
    pub version: String,
    pub exchanges: Vec<Exchange>,
    pub codes: BTreeMap<u16, BTreeSet<String>>,
    pub deviations: Vec<(Observed, Option<&'static Known>)>,
    /// Replies the RFC tables do not list for their command but the
    /// checker accepts under a documented leniency rule: (verb, code, rule).
    pub leniencies: BTreeSet<(String, u16, String)>,
    pub failures: Vec<String>,
    pub transcript: String,
    /// Negative replies (4xx, 5xx): (verb, first line, diagnosis ids).
    pub negatives: Vec<(String, String, Vec<&'static str>)>,
}

pub struct Session<'a> {
    srv: &'a RunningServer,
    ctrl: Option<Control>,
    out: Outcome,
}

fn verb_of(command: Option<&str>) -> String {
    command.map_or_else(
        || "<greeting>".to_owned(),
        |c| c.split(' ').next().unwrap_or("").to_ascii_uppercase(),
    )
}

fn short(line: &str) -> String {
    if line.len() > 60 {
        let head: String = line.chars().take(40).collect();
        format!("{head}... ({} bytes)", line.len())
    } else {
        line.to_owned()
    }
}

impl<'a> Session<'a> {
    pub fn new(srv: &'a RunningServer) -> Session<'a> {
        Session {
            srv,
            ctrl: None,
            out: Outcome {
                server: srv.server.name().to_owned(),
                version: srv.version.clone(),
                exchanges: Vec::new(),
                codes: BTreeMap::new(),
                deviations: Vec::new(),
                leniencies: BTreeSet::new(),
                failures: Vec::new(),
                transcript: String::new(),
                negatives: Vec::new(),
            },
        }
    }

    fn fail(&mut self, msg: String) {
        self.out.failures.push(msg);
    }

    /// Records a deviation; it is a failure unless the test lists it for
    /// this server.
    pub fn deviate(&mut self, kind: Kind, verb: &str, code: Option<u16>, detail: String) {
        let obs = Observed {
            kind,
            verb: verb.to_owned(),
            code,
            detail,
        };
        let known = expect::known(self.srv.server, &obs);
        if known.is_none() {
            self.fail(format!(
                "unlisted deviation: {:?} {} {:?}: {}",
                obs.kind, obs.verb, obs.code, obs.detail
            ));
        }
        self.out.deviations.push((obs, known));
    }

    fn close_control(&mut self) {
        if let Some(ctrl) = self.ctrl.take() {
            self.out
                .transcript
                .push_str(&render_transcript(&ctrl.transcript, PASSWORD));
            self.out.transcript.push_str("--- connection closed ---\n");
        }
    }

    /// Opens a new control connection and reads the greeting.
    pub fn connect(&mut self) -> bool {
        self.close_control();
        match Control::connect(self.srv.addr()) {
            Ok(c) => self.ctrl = Some(c),
            Err(e) => {
                self.fail(format!("connect to {}: {e}", self.srv.addr()));
                return false;
            }
        }
        let replies = self.read_until_final(None, REPLY);
        replies.last().is_some_and(|r| r.code.as_u16() == 220)
    }

    /// Checks one reply: known code, noted per server.
    fn note_reply(&mut self, verb: &str, seen: &Seen) {
        let code = seen.code.as_u16();
        // RFC 959 §4.2: "If an intermediary line begins with a 3-digit
        // number, the Server must pad the front to avoid confusion."
        if let [_, inner @ .., _] = seen.lines.as_slice() {
            let prefix = format!("{code}-");
            if let Some(bad) = inner.iter().find(|l| {
                l.len() >= 3
                    && l.as_bytes()[..3].iter().all(u8::is_ascii_digit)
                    && !l.starts_with(&prefix)
            }) {
                self.deviate(
                    Kind::UnpaddedDigits,
                    verb,
                    Some(code),
                    format!("inner line of a {code} reply starts with digits, unpadded: {bad:?}"),
                );
            }
        }
        if seen.code.is_negative()
            && seen.lines.len() > 1
            && seen.lines.last().is_some_and(|l| l.contains(" is now "))
        {
            self.deviate(
                Kind::Contradictory,
                verb,
                Some(code),
                format!(
                    "negative reply ending with a success message: {:?}",
                    seen.lines
                ),
            );
        }
        if seen.code.is_negative() {
            let first = seen.lines.first().cloned().unwrap_or_default();
            self.out
                .negatives
                .push((verb.to_owned(), first, seen.diagnoses.clone()));
        }
        self.out
            .codes
            .entry(code)
            .or_default()
            .insert(verb.to_owned());
        if seen.code.info().is_none() {
            self.deviate(
                Kind::NonStandardCode,
                verb,
                Some(code),
                format!("{code} is not in the knowledge base: {:?}", seen.lines),
            );
        }
    }

    /// Reads replies until a final one (or an error), records the exchange
    /// and checks it.
    fn read_until_final(&mut self, command: Option<&str>, timeout: Duration) -> Vec<Seen> {
        let mut replies: Vec<Seen> = Vec::new();
        let error = loop {
            let Some(ctrl) = self.ctrl.as_mut() else {
                break Some(ReadError::Closed { partial: false });
            };
            match ctrl.read_reply(timeout) {
                Ok(r) => {
                    let seen = Seen::from(&r);
                    let fin = !seen.code.is_preliminary();
                    replies.push(seen);
                    if fin {
                        break None;
                    }
                }
                Err(e) => break Some(e),
            }
        };
        self.record(command, replies.clone(), error);
        replies
    }

    fn record(&mut self, command: Option<&str>, replies: Vec<Seen>, error: Option<ReadError>) {
        let verb = verb_of(command);
        for r in &replies {
            self.note_reply(&verb, r);
        }
        let codes: Vec<ReplyCode> = replies.iter().map(|r| r.code).collect();
        if let Some(e) = &error {
            let kind = match (e, replies.is_empty()) {
                (ReadError::Decode(_), _) => Kind::Undecodable,
                (ReadError::Timeout { .. }, true) => Kind::NoReply,
                (ReadError::Timeout { .. }, false) => Kind::NoFinalReply,
                (ReadError::Closed { .. }, _) => Kind::Closed,
                (ReadError::Io(_), _) => Kind::Closed,
            };
            let code = codes.last().map(|c| c.as_u16());
            self.deviate(
                kind,
                &verb,
                code,
                format!("after {}: {e}", short(command.unwrap_or("connect"))),
            );
            if matches!(e, ReadError::Closed { .. } | ReadError::Io(_)) {
                self.close_control();
            }
        } else {
            let verdict = check_exchange(command, &codes);
            for (c, problem) in &verdict.unexpected {
                let lines = replies
                    .iter()
                    .find(|r| r.code == *c)
                    .map(|r| r.lines.clone())
                    .unwrap_or_default();
                self.deviate(
                    Kind::UnexpectedCode,
                    &verb,
                    Some(c.as_u16()),
                    format!(
                        "{c} after {} ({problem}): {lines:?}",
                        short(command.unwrap_or("connect"))
                    ),
                );
            }
            for (c, leniency) in &verdict.lenient {
                self.out
                    .leniencies
                    .insert((verb.clone(), c.as_u16(), leniency.to_string()));
            }
            if !verdict.complete {
                self.fail(format!("checker: exchange {verb} {codes:?} not complete"));
            }
        }
        self.out.exchanges.push(Exchange {
            command: command.map(str::to_owned),
            replies,
            error: error.map(|e| e.to_string()),
        });
    }

    /// Sends a command and reads up to its final reply.
    pub fn cmd(&mut self, line: &str) -> Vec<Seen> {
        self.cmd_timeout(line, REPLY)
    }

    pub fn cmd_timeout(&mut self, line: &str, timeout: Duration) -> Vec<Seen> {
        if !self.send(line.as_bytes(), line) {
            return Vec::new();
        }
        self.read_until_final(Some(line), timeout)
    }

    fn send(&mut self, bytes: &[u8], line: &str) -> bool {
        let Some(ctrl) = self.ctrl.as_mut() else {
            self.fail(format!("{}: no control connection", short(line)));
            return false;
        };
        let mut b = bytes.to_vec();
        b.extend_from_slice(b"\r\n");
        if let Err(e) = ctrl.send_raw(&b) {
            let verb = verb_of(Some(line));
            self.deviate(
                Kind::Closed,
                &verb,
                None,
                format!("sending {}: {e}", short(line)),
            );
            self.close_control();
            return false;
        }
        true
    }

    pub fn last_code(replies: &[Seen]) -> Option<u16> {
        replies.last().map(|r| r.code.as_u16())
    }

    /// USER and PASS; returns whether the login succeeded.
    pub fn login(&mut self, user: &str, password: &str) -> bool {
        let r = self.cmd(&format!("USER {user}"));
        match Self::last_code(&r) {
            Some(230) => return true,
            Some(331 | 332) => {}
            _ => return false,
        }
        let r = self.cmd(&format!("PASS {password}"));
        Self::last_code(&r) == Some(230)
    }

    /// Opens a passive data connection with PASV or EPSV.
    fn passive(&mut self, epsv: bool) -> Option<TcpStream> {
        let r = self.cmd(if epsv { "EPSV" } else { "PASV" });
        let reply = r.last()?;
        let text = reply.lines.join("\n");
        let port = if epsv {
            parse_229(&text)
        } else {
            parse_227(&text)
        };
        let Some(port) = port else {
            if reply.code.is_positive_completion() {
                self.fail(format!("cannot parse the data port from {text:?}"));
            }
            return None;
        };
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        match TcpStream::connect_timeout(&addr, Duration::from_secs(5)) {
            Ok(s) => {
                let _ = s.set_read_timeout(Some(DATA));
                let _ = s.set_write_timeout(Some(DATA));
                Some(s)
            }
            Err(e) => {
                self.fail(format!("data connection to {addr}: {e}"));
                None
            }
        }
    }

    /// PASV/EPSV, then `line` (LIST, RETR or STOR) over the data connection.
    /// Returns the replies and the bytes received.
    pub fn transfer(
        &mut self,
        epsv: bool,
        line: &str,
        upload: Option<&[u8]>,
    ) -> (Vec<Seen>, Vec<u8>) {
        let Some(mut data) = self.passive(epsv) else {
            return (Vec::new(), Vec::new());
        };
        if !self.send(line.as_bytes(), line) {
            return (Vec::new(), Vec::new());
        }
        // The preliminary reply (or an immediate final one).
        let mut replies = Vec::new();
        let first = self.ctrl.as_mut().map(|c| c.read_reply(REPLY));
        match first {
            Some(Ok(r)) => replies.push(Seen::from(&r)),
            Some(Err(e)) => {
                self.record(Some(line), replies, Some(e));
                return (Vec::new(), Vec::new());
            }
            None => return (Vec::new(), Vec::new()),
        }
        let mut received = Vec::new();
        if replies[0].code.is_preliminary() {
            let started = Instant::now();
            if let Some(bytes) = upload {
                if let Err(e) = data.write_all(bytes) {
                    self.fail(format!("{line}: writing the data connection: {e}"));
                }
                let _ = data.shutdown(Shutdown::Write);
                drop(data);
            } else {
                let mut chunk = [0u8; 8192];
                loop {
                    match data.read(&mut chunk) {
                        Ok(0) => break,
                        Ok(n) => received.extend_from_slice(&chunk[..n]),
                        Err(e) => {
                            self.fail(format!("{line}: reading the data connection: {e}"));
                            break;
                        }
                    }
                    if started.elapsed() > DATA {
                        self.fail(format!(
                            "{line}: data connection did not end within {DATA:?}"
                        ));
                        break;
                    }
                }
                drop(data);
            }
            let rest = self.ctrl.as_mut().map(|c| c.read_reply(REPLY));
            match rest {
                Some(Ok(r)) => replies.push(Seen::from(&r)),
                Some(Err(e)) => {
                    self.record(Some(line), replies.clone(), Some(e));
                    return (replies, received);
                }
                None => {}
            }
        }
        self.record(Some(line), replies.clone(), None);
        (replies, received)
    }

    /// Sends raw bytes then `line` (for Telnet IP/DM before ABOR).
    pub fn cmd_with_prefix(&mut self, prefix: &[u8], line: &str, timeout: Duration) -> Vec<Seen> {
        let mut bytes = prefix.to_vec();
        bytes.extend_from_slice(line.as_bytes());
        if !self.send(&bytes, line) {
            return Vec::new();
        }
        self.read_until_final(Some(line), timeout)
    }

    pub fn expect_code(&mut self, what: &str, replies: &[Seen], want: &[u16]) {
        let got = Self::last_code(replies);
        if !got.is_some_and(|c| want.contains(&c)) {
            self.fail(format!(
                "{what}: expected a final reply in {want:?}, got {got:?}"
            ));
        }
    }

    pub fn finish(mut self) -> Outcome {
        self.close_control();
        self.out
    }

    pub fn is_connected(&self) -> bool {
        self.ctrl.is_some()
    }
}

/// Port of a 227 reply: the last two of six comma-separated numbers
/// `h1,h2,h3,h4,p1,p2` (RFC 959 leaves the surrounding text free).
pub fn parse_227(text: &str) -> Option<u16> {
    let body = text.get(4..)?;
    body.split(|c: char| !c.is_ascii_digit() && c != ',')
        .find_map(|token| {
            let nums: Vec<u16> = token
                .split(',')
                .map(str::parse)
                .collect::<Result<_, _>>()
                .ok()?;
            (nums.len() == 6 && nums.iter().all(|&n| n <= 255)).then(|| nums[4] * 256 + nums[5])
        })
}

/// Port of a 229 reply: `(|||port|)`.
pub fn parse_229(text: &str) -> Option<u16> {
    let open = text.find("(|||")?;
    let rest = &text[open + 4..];
    let end = rest.find('|')?;
    rest[..end].parse().ok()
}

/// The scripted session of issue 7, then an anonymous session, then probes
/// of known misbehaviour on a fresh connection.
pub fn run_script(srv: &RunningServer) -> Outcome {
    let user = srv.server.user();
    let mut s = Session::new(srv);
    if !s.connect() {
        s.fail("no 220 greeting".into());
        return s.finish();
    }
    // Wrong password, then the right one.
    let r = s.cmd(&format!("USER {user}"));
    s.expect_code("USER", &r, &[331]);
    let r = s.cmd_timeout("PASS wrong-password", FAILED_LOGIN);
    s.expect_code("PASS (wrong)", &r, &[530]);
    if !s.is_connected() {
        // Some servers hang up after a failed login (a deviation recorded
        // above): log in on a new connection.
        s.connect();
    }
    if !s.login(user, PASSWORD) {
        s.fail(format!("login as {user} failed"));
        return s.finish();
    }
    let r = s.cmd("SYST");
    s.expect_code("SYST", &r, &[215]);
    let r = s.cmd("FEAT");
    s.expect_code("FEAT", &r, &[211]);
    let r = s.cmd("HELP");
    s.expect_code("HELP", &r, &[211, 214]);
    let r = s.cmd("STAT");
    s.expect_code("STAT", &r, &[211]);
    let r = s.cmd("PWD");
    s.expect_code("PWD", &r, &[257]);
    let r = s.cmd("CWD /no/such/directory");
    s.expect_code("CWD missing", &r, &[550]);
    let r = s.cmd("MKD newdir");
    s.expect_code("MKD", &r, &[257]);
    let r = s.cmd("TYPE I");
    s.expect_code("TYPE I", &r, &[200]);
    let r = s.cmd("TYPE Z");
    if Session::last_code(&r) == Some(200) {
        s.deviate(
            Kind::AcceptedInvalid,
            "TYPE",
            Some(200),
            "TYPE Z (no such type) answered 200".into(),
        );
    } else {
        s.expect_code("TYPE Z", &r, &[500, 501, 504]);
    }
    let r = s.cmd("TYPE I");
    s.expect_code("TYPE I again", &r, &[200]);

    for (epsv, name) in [(false, "pasv.txt"), (true, "epsv.txt")] {
        let mode = if epsv { "EPSV" } else { "PASV" };
        let (r, _) = s.transfer(epsv, &format!("STOR {name}"), Some(PAYLOAD));
        s.expect_code(&format!("{mode} STOR"), &r, &[226, 250]);
        let (r, got) = s.transfer(epsv, &format!("RETR {name}"), None);
        s.expect_code(&format!("{mode} RETR"), &r, &[226, 250]);
        if got != PAYLOAD {
            s.fail(format!("{mode} RETR returned {got:?}, stored {PAYLOAD:?}"));
        }
        let (r, listing) = s.transfer(epsv, "LIST", None);
        s.expect_code(&format!("{mode} LIST"), &r, &[226, 250]);
        if !String::from_utf8_lossy(&listing).contains(name) {
            s.fail(format!(
                "{mode} LIST does not show {name}: {:?}",
                String::from_utf8_lossy(&listing)
            ));
        }
    }
    let (r, _) = s.transfer(false, "RETR no-such-file.txt", None);
    s.expect_code("RETR missing", &r, &[550]);
    let r = s.cmd("SIZE pasv.txt");
    s.expect_code("SIZE", &r, &[213]);
    if let Some(last) = r.last()
        && last.code == 213
        && last.lines.last().and_then(|l| l.get(4..)) != Some(&PAYLOAD.len().to_string())
    {
        s.fail(format!(
            "SIZE: expected {}, got {:?}",
            PAYLOAD.len(),
            last.lines
        ));
    }
    let r = s.cmd("MDTM pasv.txt");
    s.expect_code("MDTM", &r, &[213]);
    let r = s.cmd("MLST pasv.txt");
    s.expect_code("MLST", &r, &[250, 500, 502]);
    let r = s.cmd("XYZZY");
    s.expect_code("unknown command", &r, &[500, 502]);
    let r = s.cmd("MKD");
    s.expect_code("MKD without argument", &r, &[500, 501, 550]);
    let long = format!("CWD {}", "a".repeat(2_000 - 4));
    let r = s.cmd(&long);
    if s.is_connected() {
        // (A hang-up is recorded as a deviation by `cmd`.)
        s.expect_code("2,000-byte command line", &r, &[500, 501, 550]);
    }
    if !s.is_connected() {
        // The server hung up (a deviation recorded above): QUIT on a new
        // connection.
        s.connect();
        s.login(user, PASSWORD);
    }
    let r = s.cmd("QUIT");
    s.expect_code("QUIT", &r, &[221]);

    // Anonymous.
    if s.connect() {
        if s.login("anonymous", "guest@example.org") {
            let r = s.cmd("PWD");
            s.expect_code("anonymous PWD", &r, &[257]);
            let (r, _) = s.transfer(true, "LIST", None);
            s.expect_code("anonymous LIST", &r, &[226, 250]);
        } else {
            s.fail("anonymous login failed".into());
        }
        s.cmd("QUIT");
    }

    // Misbehaviour probes on a fresh connection.
    if s.connect() && s.login(user, PASSWORD) {
        // A data command with neither PASV nor PORT before it.
        s.cmd_timeout("LIST", PROBE);
        if s.is_connected() {
            s.cmd_timeout("NOOP", PROBE);
        }
        if s.is_connected() {
            // ABOR preceded by Telnet IP (IAC 244) and DM (IAC 242), sent
            // in band (std cannot send TCP urgent data).
            let r = s.cmd_with_prefix(&[0xFF, 0xF4, 0xFF, 0xF2], "ABOR", PROBE);
            if let Some(code @ (500 | 501)) = Session::last_code(&r) {
                s.deviate(
                    Kind::TelnetNotUnderstood,
                    "ABOR",
                    Some(code),
                    format!(
                        "IAC IP IAC DM ABOR answered {:?}",
                        r.last().map(|x| &x.lines)
                    ),
                );
            }
        }
        if s.is_connected() {
            s.cmd_timeout("QUIT", PROBE);
        }
    }
    s.finish()
}

impl Outcome {
    /// A readable summary: codes seen (with the verbs that got them) and
    /// deviations.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "== {} {} ==", self.server, self.version);
        let codes: Vec<String> = self.codes.keys().map(u16::to_string).collect();
        let _ = writeln!(out, "distinct codes ({}): {}", codes.len(), codes.join(" "));
        for (code, verbs) in &self.codes {
            let verbs: Vec<&str> = verbs.iter().map(String::as_str).collect();
            let _ = writeln!(out, "  {code}: {}", verbs.join(" "));
        }
        let replies: usize = self.exchanges.iter().map(|e| e.replies.len()).sum();
        let errors = self.exchanges.iter().filter(|e| e.error.is_some()).count();
        let commands = self
            .exchanges
            .iter()
            .filter(|e| e.command.is_some())
            .count();
        let _ = writeln!(
            out,
            "exchanges: {} ({commands} commands), replies: {replies}, read errors: {errors}",
            self.exchanges.len()
        );
        let _ = writeln!(
            out,
            "accepted by the checker's leniency rules ({}):",
            self.leniencies.len()
        );
        for (verb, code, rule) in &self.leniencies {
            let _ = writeln!(out, "  {code} after {verb}: {rule}");
        }
        let diagnosed = self.negatives.iter().filter(|n| !n.2.is_empty()).count();
        let _ = writeln!(
            out,
            "negative replies diagnosed: {diagnosed} of {}",
            self.negatives.len()
        );
        for (verb, line, ids) in &self.negatives {
            let ids = if ids.is_empty() {
                "NOT DIAGNOSED".to_owned()
            } else {
                ids.join(", ")
            };
            let _ = writeln!(out, "  {verb}: {line:?} -> {ids}");
        }
        let _ = writeln!(out, "deviations ({}):", self.deviations.len());
        for (d, known) in &self.deviations {
            let _ = writeln!(
                out,
                "  [{}] {:?} {} {}: {}",
                known.map_or("UNLISTED", |k| k.name),
                d.kind,
                d.verb,
                d.code.map_or_else(|| "-".to_owned(), |c| c.to_string()),
                d.detail
            );
        }
        let mut named: Vec<&Known> = self.deviations.iter().filter_map(|(_, k)| *k).collect();
        named.sort_by_key(|k| k.name);
        named.dedup_by_key(|k| k.name);
        for k in named {
            let _ = writeln!(out, "  {}: {}", k.name, k.note);
        }
        if !self.failures.is_empty() {
            let _ = writeln!(out, "failures ({}):", self.failures.len());
            for f in &self.failures {
                let _ = writeln!(out, "  {f}");
            }
        }
        out
    }
}
