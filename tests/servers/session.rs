//! The scripted session run against every server, and what it records.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

use ftp_reply::ReplyCode;
use ftp_reply::command::Command;
use ftp_reply::payload::{NatVerdict, Parsed, PassivePolicy, PayloadError, Quirk};

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
    /// What the crate's payload parsers read from the replies, per verb,
    /// with the quirks they tolerated: (verb, value, quirks).
    pub payloads: Vec<(String, String, Vec<Quirk>)>,
}

/// What the server's FEAT reply lists, as the crate's parser reads it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Feat {
    pub size: bool,
    pub mdtm: bool,
    pub mlst: bool,
    /// `size` and `type` are active MLST facts (`size*;type*;`).
    pub mlst_size: bool,
    pub mlst_type: bool,
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
                payloads: Vec::new(),
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

    /// Records what a payload parser read, or fails with its error.
    pub fn payload<T>(
        &mut self,
        verb: &str,
        seen: &Seen,
        parsed: Result<Parsed<T>, PayloadError>,
        show: impl FnOnce(&T) -> String,
    ) -> Option<T> {
        match parsed {
            Ok(p) => {
                let quirks: Vec<Quirk> = p.quirks.iter().collect();
                self.out
                    .payloads
                    .push((verb.to_owned(), show(&p.value), quirks));
                Some(p.value)
            }
            Err(e) => {
                self.fail(format!(
                    "{verb}: the crate's parser cannot read {:?}: {e}",
                    seen.lines
                ));
                None
            }
        }
    }

    /// Opens a passive data connection with PASV or EPSV, to the port the
    /// crate's parser reads from the reply (`Reply::data_endpoint`), on the
    /// control connection's host (`PassivePolicy::UseControlHost`).
    fn passive(&mut self, epsv: bool) -> Option<TcpStream> {
        let (sent, verb) = if epsv {
            (Command::Epsv, "EPSV")
        } else {
            (Command::Pasv, "PASV")
        };
        let r = self.cmd(verb);
        let seen = r.last()?.clone();
        if !seen.code.is_positive_completion() {
            return None;
        }
        let endpoint = self.payload(verb, &seen, seen.reply.data_endpoint(sent), |e| {
            format!("{e:?}")
        })?;
        let peer = self.srv.addr().ip();
        // The servers listen on 127.0.0.1 only: a 227 must name it.
        let verdict = endpoint.verdict(peer);
        if verdict != NatVerdict::Same {
            self.fail(format!(
                "{verb}: the reply names another host ({verdict:?}): {:?}",
                seen.lines
            ));
        }
        let addr = match endpoint.connect_to(peer, PassivePolicy::UseControlHost) {
            Ok(addr) => addr,
            Err(v) => {
                self.fail(format!("{verb}: no address to connect to ({v:?})"));
                return None;
            }
        };
        // Every server is configured with this passive port range.
        let (low, high) = self.srv.passive;
        if !(low..=high).contains(&addr.port()) {
            self.fail(format!(
                "{verb}: port {} outside the configured passive range {low}-{high}: {:?}",
                addr.port(),
                seen.lines
            ));
        }
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

    /// Reads the FEAT reply with the crate's parser.
    pub fn features(&mut self, replies: &[Seen]) -> Feat {
        let Some(seen) = replies.last().filter(|x| x.code == 211).cloned() else {
            return Feat::default();
        };
        let features = self.payload("FEAT", &seen, seen.reply.features(), |f| {
            f.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        });
        let Some(f) = features else {
            return Feat::default();
        };
        let active = |fact: &str| {
            f.mlst_facts().is_some_and(|mut l| {
                l.any(|m| m.marked && m.name_str().is_some_and(|n| n.eq_ignore_ascii_case(fact)))
            })
        };
        Feat {
            size: f.has("SIZE"),
            mdtm: f.has("MDTM"),
            mlst: f.has("MLST"),
            mlst_size: active("size"),
            mlst_type: active("type"),
        }
    }

    /// Reads a 257 reply's path with the crate's parser and checks it with
    /// `ok` (`expected` says what it wants); returns the path.
    pub fn check_pathname(
        &mut self,
        what: &str,
        replies: &[Seen],
        expected: &str,
        ok: impl FnOnce(&str) -> bool,
    ) -> Option<String> {
        let seen = replies.last().filter(|x| x.code == 257).cloned()?;
        let path = self.payload(what, &seen, seen.reply.pathname(), |p| {
            p.to_string_lossy().into_owned()
        })?;
        let path = path.to_string_lossy().into_owned();
        if !ok(&path) {
            self.fail(format!(
                "{what}: the parser read the path {path:?}, expected {expected}"
            ));
        }
        Some(path)
    }

    pub fn finish(mut self) -> Outcome {
        self.close_control();
        self.out
    }

    pub fn is_connected(&self) -> bool {
        self.ctrl.is_some()
    }
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
    // What FEAT lists decides what the session expects of SIZE, MDTM and
    // MLST below.
    let feat = s.features(&r);
    let r = s.cmd("HELP");
    s.expect_code("HELP", &r, &[211, 214]);
    let r = s.cmd("STAT");
    s.expect_code("STAT", &r, &[211]);
    let r = s.cmd("PWD");
    s.expect_code("PWD", &r, &[257]);
    let cwd = s.check_pathname("PWD", &r, "an absolute path", |p| p.starts_with('/'));
    let r = s.cmd("CWD /no/such/directory");
    s.expect_code("CWD missing", &r, &[550]);
    let r = s.cmd("MKD newdir");
    s.expect_code("MKD", &r, &[257]);
    // MKD's 257 names the new directory, relative (pure-ftpd) or absolute:
    // then under the directory PWD gave.
    let under_cwd = cwd.map(|c| format!("{}/newdir", c.trim_end_matches('/')));
    s.check_pathname("MKD", &r, "newdir, or it under PWD's path", |p| {
        p == "newdir" || under_cwd.as_deref() == Some(p)
    });
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
    // SIZE, MDTM and MLST of the file stored over PASV, read with the
    // crate's parsers; a server that lists the feature in FEAT must
    // implement it.
    let r = s.cmd("SIZE pasv.txt");
    s.expect_code(
        "SIZE",
        &r,
        if feat.size { &[213] } else { &[213, 500, 502] },
    );
    if let Some(seen) = r.last().filter(|x| x.code == 213) {
        let size = s.payload("SIZE", seen, seen.reply.size(), u64::to_string);
        if size.is_some_and(|n| n != PAYLOAD.len() as u64) {
            s.fail(format!(
                "SIZE: the parser read {size:?}, stored {} bytes",
                PAYLOAD.len()
            ));
        }
    }
    let r = s.cmd("MDTM pasv.txt");
    s.expect_code(
        "MDTM",
        &r,
        if feat.mdtm { &[213] } else { &[213, 500, 502] },
    );
    let mdtm = r
        .last()
        .filter(|x| x.code == 213)
        .cloned()
        .and_then(|seen| {
            s.payload(
                "MDTM",
                &seen,
                seen.reply.modification_time(),
                ToString::to_string,
            )
        });
    if let Some(t) = mdtm {
        // Stored a moment ago (the servers report UTC).
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        if (t.unix_seconds() - now).abs() > 86_400 {
            s.fail(format!(
                "MDTM: the parser read {t}, more than a day from now"
            ));
        }
    }
    let r = s.cmd("MLST pasv.txt");
    s.expect_code(
        "MLST",
        &r,
        if feat.mlst { &[250] } else { &[250, 500, 502] },
    );
    if let Some(seen) = r.last().filter(|x| x.code == 250).cloned() {
        let entry = s.payload("MLST", &seen, seen.reply.mlst_entry(), |e| {
            format!(
                "{} type={:?} size={:?} modify={:?}",
                String::from_utf8_lossy(e.path()),
                e.kind().map(String::from_utf8_lossy),
                e.size(),
                e.modify().map(|t| t.to_string())
            )
        });
        if let Some(e) = entry {
            if !e.path().ends_with(b"pasv.txt") {
                s.fail(format!(
                    "MLST: path {:?}",
                    String::from_utf8_lossy(e.path())
                ));
            }
            // The facts a server lists as active in FEAT are there.
            if feat.mlst_size && e.size() != Some(PAYLOAD.len() as u64) {
                s.fail(format!(
                    "MLST: size fact {:?}, stored {}",
                    e.size(),
                    PAYLOAD.len()
                ));
            }
            if feat.mlst_type && !e.kind().is_some_and(|k| k.eq_ignore_ascii_case(b"file")) {
                s.fail(format!(
                    "MLST: type fact {:?}",
                    e.kind().map(String::from_utf8_lossy)
                ));
            }
            // MDTM and MLST's modify fact tell the same time.
            if let (Some(m), Some(t)) = (e.modify(), mdtm) {
                if m.unix_seconds() != t.unix_seconds() {
                    s.fail(format!("MLST modify {m} but MDTM {t}"));
                }
            }
        }
    }
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
            s.check_pathname("anonymous PWD", &r, "/ (chrooted)", |p| p == "/");
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
        let _ = writeln!(
            out,
            "payloads read by the crate's parsers ({}):",
            self.payloads.len()
        );
        for (verb, value, quirks) in &self.payloads {
            let quirks = if quirks.is_empty() {
                String::new()
            } else {
                format!(" (quirks: {quirks:?})")
            };
            let _ = writeln!(out, "  {verb}: {value}{quirks}");
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
