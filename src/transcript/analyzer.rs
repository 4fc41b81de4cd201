//! [`Analyzer`]: log lines in, [`Event`]s out, and a [`Verdict`].

use alloc::collections::VecDeque;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::event::{Event, EventKind, Failure, FailureKind, Finding, Outcome, ReplyEvent, Verdict};
use super::formats::{Kind, Parsed};
use super::{Format, Timestamp};
use crate::command::{Command, Exchange, Verdict as ReplyVerdict};
use crate::{
    Category, Diagnosis, Framing, Limits, Reply, ReplyCode, ReplyDecoder, Server,
    diagnosis::identify_server_str,
};

/// How many lines [`Analyzer`] keeps to recognise the format, at most.
pub const DETECT_LINES: usize = 64;
/// How many sessions (connections) are followed at once.
pub const MAX_SESSIONS: usize = 64;
/// How many commands of one session may wait for replies at once.
const MAX_OPEN: usize = 8;
/// How many unrecovered failures are remembered for the verdict.
const MAX_FAILURES: usize = 16;
/// How many [`Finding::OtherFormat`] are reported (the rest are counted).
const MAX_OTHER_FORMAT: u32 = 10;
/// The longest reply text kept in a [`Failure`].
const MAX_TEXT: usize = 200;

/// The error of a log that is in no known format.
///
/// ```
/// use ftp_reply::transcript::{Analyzer, TranscriptError};
///
/// let mut analyzer = Analyzer::new();
/// analyzer.feed(b"Dear diary,\ntoday I did not use FTP.\n").unwrap(); // still looking
/// assert_eq!(analyzer.finish(), Err(TranscriptError::UnknownFormat));
/// assert!(TranscriptError::UnknownFormat.to_string().starts_with("the log is in no known format"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum TranscriptError {
    /// No format reads a command or reply in the first lines.
    #[error(
        "the log is in no known format (tried: filezilla, winscp, vsftpd, pyftpdlib, ftplib, lftp, plain, curl)"
    )]
    UnknownFormat,
}

/// A sans-IO session analyser: feed it a log, take [`Event`]s as they are
/// known, then ask for the [`Verdict`].
///
/// Lines go in with [`push_line`](Self::push_line) (one line, without or
/// with its line end) or [`feed`](Self::feed) (bytes in any chunks). Take
/// the events with [`next_event`](Self::next_event) after each call: the
/// analyser keeps no timeline, only the state of the open exchanges, so its
/// memory is bounded by its [`Limits`] (per session: one reply being framed,
/// at most 8 commands waiting) and by [`MAX_SESSIONS`], however long the log.
/// Call [`finish`](Self::finish) at the end: it reports the replies that
/// never came.
///
/// Without a [`Format`] given, the first lines are kept (at most
/// [`DETECT_LINES`]) until [`Format::detect`] recognises one.
///
/// # Example
///
/// ```
/// use ftp_reply::transcript::{Analyzer, EventKind, Finding, Outcome};
///
/// let log = "\
/// Status:\tConnecting to 192.0.2.7:21...
/// Response:\t220 (vsFTPd 3.0.5)
/// Command:\tUSER alice
/// Response:\t331 Please specify the password.
/// Command:\tPASS secret
/// Response:\t530 Login incorrect.
/// ";
/// let mut a = Analyzer::new();
/// a.feed(log.as_bytes())?;
/// a.finish()?;
/// let mut texts = Vec::new();
/// while let Some(ev) = a.next_event() {
///     if let EventKind::Command { text, .. } = &ev.kind {
///         texts.push(text.clone());
///     }
/// }
/// assert_eq!(texts, ["USER alice", "PASS ****"]);
/// let verdict = a.verdict();
/// assert_eq!(verdict.outcome, Outcome::Failed);
/// assert_eq!(verdict.failure.unwrap().line, 6);
/// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
/// ```
#[derive(Debug)]
pub struct Analyzer {
    format: Option<Format>,
    limits: Limits,
    framing: Framing,
    gap_millis: i64,
    /// Lines kept until the format is known.
    pending: Vec<Vec<u8>>,
    /// `feed`: the line being assembled, and whether it went over the limit.
    partial: Vec<u8>,
    overflow: bool,
    line: u64,
    sessions: Vec<Session>,
    next_session: u32,
    events: VecDeque<Event>,
    tracker: Tracker,
    commands: u64,
    replies: u64,
    findings: u64,
    other_format: u32,
    /// The name and id of the last session closed, for the tool's messages
    /// that follow its end.
    last_closed: Option<(String, u32)>,
    error: Option<TranscriptError>,
    finished: bool,
    /// A reply line and its CRLF, as fed to a decoder (reused).
    scratch: Vec<u8>,
    /// The command texts of finished exchanges, reused for the next ones.
    spare: Vec<String>,
}

#[derive(Debug)]
struct Session {
    key: String,
    id: u32,
    decoder: ReplyDecoder,
    /// Line and time of the first line of the reply being framed.
    reply_start: Option<(u64, Option<Timestamp>)>,
    open: VecDeque<Open>,
    /// Whether anything was seen yet (the greeting is expected first).
    started: bool,
    server: Option<Server>,
    last_time: Option<Timestamp>,
    nat: Option<[u8; 4]>,
    last_active: u64,
    /// A 421 closed it: it ends once the current line is done.
    closed: bool,
}

#[derive(Debug, Clone)]
struct Open {
    ex: Exchange,
    /// `None` for the greeting.
    command: Option<Command>,
    text: String,
    line: u64,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// An analyser that recognises the format from the first lines, with the
    /// default [`Limits`] and a 30-second gap threshold.
    ///
    /// ```
    /// use ftp_reply::transcript::{Analyzer, Format};
    /// let mut analyzer = Analyzer::new();
    /// assert_eq!(analyzer.format(), None);
    /// analyzer.push_line(b"> USER bob")?;
    /// analyzer.push_line(b"< 331 Password required")?;
    /// analyzer.finish()?;
    /// assert_eq!(analyzer.format(), Some(Format::Plain));
    /// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self {
            format: None,
            limits: Limits::default(),
            framing: Framing::Strict,
            gap_millis: 30_000,
            pending: Vec::new(),
            partial: Vec::new(),
            overflow: false,
            line: 0,
            sessions: Vec::new(),
            next_session: 1,
            events: VecDeque::new(),
            tracker: Tracker::default(),
            commands: 0,
            replies: 0,
            findings: 0,
            other_format: 0,
            last_closed: None,
            error: None,
            finished: false,
            scratch: Vec::new(),
            spare: Vec::new(),
        }
    }

    /// Fixes the log format: the analyser reads the log as `format` instead of
    /// recognising it from the first lines.
    ///
    /// ```
    /// use ftp_reply::transcript::{Analyzer, Format};
    /// let mut a = Analyzer::new().with_format(Format::Plain);
    /// a.push_line(b"S: 220 Ready")?;
    /// assert_eq!(a.format(), Some(Format::Plain));
    /// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
    /// ```
    #[must_use]
    pub fn with_format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }

    /// Sets the limits: the longest line read (longer ones are skipped with
    /// [`Finding::LineTooLong`]) and the reply decoder's limits.
    ///
    /// ```
    /// use ftp_reply::Limits;
    /// use ftp_reply::transcript::{Analyzer, EventKind, Finding};
    /// let mut analyzer = Analyzer::new().with_limits(Limits::default().with_max_line_len(64));
    /// analyzer.feed(b"S: 220 Ready\nS: 200 ")?;
    /// analyzer.feed(&[b'x'; 100])?;
    /// analyzer.feed(b"\n")?;
    /// analyzer.finish()?;
    /// let kinds: Vec<_> = std::iter::from_fn(|| analyzer.next_event()).map(|e| e.kind).collect();
    /// assert!(kinds.contains(&EventKind::Finding(Finding::LineTooLong { limit: 64 })));
    /// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
    /// ```
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Sets the multi-line framing rule of the decoder (default: strict, RFC 959 §4.2).
    ///
    /// ```
    /// use ftp_reply::Framing;
    /// use ftp_reply::transcript::{Analyzer, EventKind};
    /// // A multi-line reply closed with another code: an error when strict.
    /// let log = b"S: 220 Ready\nC: STAT\nS: 211-Status\nS: 212 End\n";
    /// let replies = |mut analyzer: Analyzer| {
    ///     analyzer.feed(log).and_then(|()| analyzer.finish()).unwrap();
    ///     std::iter::from_fn(|| analyzer.next_event()).filter(|e| matches!(e.kind, EventKind::Reply(_))).count()
    /// };
    /// assert_eq!(replies(Analyzer::new().with_framing(Framing::Lenient)), 2);
    /// assert_eq!(replies(Analyzer::new()), 1);
    /// ```
    #[must_use]
    pub fn with_framing(mut self, framing: Framing) -> Self {
        self.framing = framing;
        self
    }

    /// Sets the silence, in seconds, from which [`Finding::TimeGap`] is reported (default 30).
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// use ftp_reply::transcript::{Analyzer, EventKind, Finding};
    /// let log = b"> 2024-01-15 09:30:01.123 LIST\n< 2024-01-15 09:30:13.500 150 Opening\n";
    /// let gaps = |mut analyzer: Analyzer| {
    ///     analyzer.feed(log).and_then(|()| analyzer.finish()).unwrap();
    ///     std::iter::from_fn(|| analyzer.next_event())
    ///         .filter_map(|e| match e.kind { EventKind::Finding(f @ Finding::TimeGap { .. }) => Some(f), _ => None })
    ///         .collect::<Vec<_>>()
    /// };
    /// assert!(gaps(Analyzer::new()).is_empty()); // 12 s: under the default 30 s
    /// assert_eq!(gaps(Analyzer::new().with_gap_threshold(10)), [Finding::TimeGap { seconds: 12, waiting: Some(Command::List) }]);
    /// ```
    #[must_use]
    pub fn with_gap_threshold(mut self, seconds: u32) -> Self {
        self.gap_millis = i64::from(seconds) * 1000;
        self
    }

    /// The log's format, once known.
    ///
    /// ```
    /// use ftp_reply::transcript::{Analyzer, Format};
    /// let mut analyzer = Analyzer::new();
    /// analyzer.feed(b"---> USER bob\n<--- 331 Password required\n")?;
    /// analyzer.finish()?;
    /// assert_eq!(analyzer.format(), Some(Format::Lftp));
    /// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
    /// ```
    #[must_use]
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// The next event, in log order, or `None` until more lines come.
    ///
    /// ```
    /// use ftp_reply::transcript::{Analyzer, EventKind};
    /// let mut analyzer = Analyzer::new();
    /// analyzer.feed(b"S: 220 Ready\nC: NOOP\n")?;
    /// analyzer.finish()?;
    /// let first = analyzer.next_event().unwrap();
    /// assert_eq!(first.line, 1);
    /// assert!(matches!(first.kind, EventKind::Reply(_)));
    /// while analyzer.next_event().is_some() {}
    /// assert!(analyzer.next_event().is_none());
    /// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
    /// ```
    pub fn next_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// Reads bytes of the log, in any chunks; lines end with `\n` (a `\r`
    /// before it is dropped). A line longer than the limit is skipped as it
    /// streams by, never buffered whole.
    ///
    /// # Errors
    ///
    /// [`TranscriptError::UnknownFormat`] when the first lines are in no known format.
    ///
    /// ```
    /// use ftp_reply::transcript::Analyzer;
    /// let log = b"S: 220 Ready\r\nC: QUIT\r\nS: 221 Bye\r\n";
    /// let mut analyzer = Analyzer::new();
    /// for chunk in log.chunks(5) {
    ///     analyzer.feed(chunk)?; // chunks need not end at line ends
    /// }
    /// analyzer.finish()?;
    /// assert_eq!((analyzer.verdict().lines, analyzer.verdict().replies), (3, 2));
    /// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
    /// ```
    pub fn feed(&mut self, mut bytes: &[u8]) -> Result<(), TranscriptError> {
        while !bytes.is_empty() {
            let (chunk, end) = match memchr::memchr(b'\n', bytes) {
                Some(i) => (&bytes[..i], Some(i + 1)),
                None => (bytes, None),
            };
            if let (Some(e), true, false) = (end, self.partial.is_empty(), self.overflow) {
                // A whole line in this chunk: read it where it is, no copy.
                bytes = &bytes[e..];
                if chunk.len() > self.limits.max_line_len() {
                    self.line += 1;
                    self.too_long();
                } else {
                    self.push_line(chunk)?;
                }
                continue;
            }
            if !self.overflow {
                if self.partial.len() + chunk.len() > self.limits.max_line_len() {
                    self.overflow = true;
                    self.partial.clear();
                } else {
                    self.partial.extend_from_slice(chunk);
                }
            }
            match end {
                Some(e) => {
                    bytes = &bytes[e..];
                    if self.overflow {
                        self.overflow = false;
                        self.line += 1;
                        self.too_long();
                    } else {
                        let line = core::mem::take(&mut self.partial);
                        let r = self.push_line(&line);
                        self.partial = line;
                        self.partial.clear();
                        r?;
                    }
                }
                None => bytes = &[],
            }
        }
        self.error.map_or(Ok(()), Err)
    }

    /// Reads one line of the log (a trailing `\r\n` or `\n` is ignored).
    ///
    /// # Errors
    ///
    /// [`TranscriptError::UnknownFormat`] when the first lines are in no known format.
    ///
    /// ```
    /// use ftp_reply::transcript::Analyzer;
    /// let mut analyzer = Analyzer::new();
    /// analyzer.push_line(b"S: 220 Ready\r\n")?;
    /// analyzer.push_line(b"C: QUIT")?;
    /// analyzer.push_line(b"S: 221 Bye\n")?;
    /// analyzer.finish()?;
    /// assert!(analyzer.verdict().succeeded());
    /// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
    /// ```
    pub fn push_line(&mut self, line: &[u8]) -> Result<(), TranscriptError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        self.line += 1;
        if line.len() > self.limits.max_line_len() {
            self.too_long();
            return Ok(());
        }
        if self.format.is_none() {
            self.pending.push(line.to_vec());
            if self.pending.len() >= 16 || self.pending.len() >= DETECT_LINES {
                self.detect(self.pending.len() >= DETECT_LINES)?;
            }
            return Ok(());
        }
        self.process(self.line, line);
        Ok(())
    }

    /// Ends the log: frames what is left, reports every command still waiting
    /// for its reply ([`Finding::MissingFinal`], [`Finding::NoReply`]).
    ///
    /// # Errors
    ///
    /// [`TranscriptError::UnknownFormat`] when no line was in a known format.
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// use ftp_reply::transcript::{Analyzer, EventKind, Finding};
    /// let mut analyzer = Analyzer::new();
    /// analyzer.feed(b"S: 220 Ready\nC: NOOP\n")?;
    /// while analyzer.next_event().is_some() {}
    /// analyzer.finish()?; // the log ends: NOOP never got its reply
    /// let last = std::iter::from_fn(|| analyzer.next_event()).last().unwrap();
    /// assert_eq!(last.kind, EventKind::Finding(Finding::NoReply { command: Command::Noop, command_line: 2 }));
    /// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
    /// ```
    pub fn finish(&mut self) -> Result<(), TranscriptError> {
        if self.finished {
            return self.error.map_or(Ok(()), Err);
        }
        if !self.partial.is_empty() && !self.overflow {
            let line = core::mem::take(&mut self.partial);
            self.push_line(&line)?;
        }
        if self.format.is_none() {
            self.detect(true)?;
        }
        self.finished = true;
        while !self.sessions.is_empty() {
            self.close_session(0);
        }
        Ok(())
    }

    /// The verdict on what was read so far (call [`finish`](Self::finish) first
    /// for the whole log).
    ///
    /// ```
    /// use ftp_reply::transcript::{Analyzer, Outcome};
    /// let verdict = |retry: &str| {
    ///     let mut analyzer = Analyzer::new();
    ///     let log = format!("S: 220 Ready\nC: RETR a\nS: 450 Busy\nC: {retry}\nS: 150 Opening\nS: 226 Done\n");
    ///     analyzer.feed(log.as_bytes()).and_then(|()| analyzer.finish()).unwrap();
    ///     analyzer.verdict()
    /// };
    /// // A failure is recovered when the same command line later succeeds...
    /// assert_eq!(verdict("RETR a").outcome, Outcome::Succeeded);
    /// // ...not by another file.
    /// let other = verdict("RETR b");
    /// assert_eq!((other.outcome, other.failure.unwrap().line), (Outcome::Failed, 3));
    /// ```
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        let failure = self
            .tracker
            .unresolved
            .first()
            .or(self.tracker.last_failed.as_ref())
            .or(self.tracker.client_error.as_ref())
            .cloned();
        let outcome = if failure.is_some() {
            Outcome::Failed
        } else if self.commands == 0 && self.replies == 0 {
            Outcome::Empty
        } else {
            Outcome::Succeeded
        };
        Verdict {
            outcome,
            failure,
            lines: self.line,
            commands: self.commands,
            replies: self.replies,
            findings: self.findings,
        }
    }

    fn too_long(&mut self) {
        let limit = self.limits.max_line_len();
        self.emit(
            self.line,
            0,
            None,
            EventKind::Finding(Finding::LineTooLong { limit }),
        );
    }

    fn detect(&mut self, last_chance: bool) -> Result<(), TranscriptError> {
        let found = Format::detect(
            self.pending
                .iter()
                .map(|l| core::str::from_utf8(l).unwrap_or("")),
        );
        let Some(format) = found else {
            if last_chance {
                if self
                    .pending
                    .iter()
                    .all(|l| l.iter().all(u8::is_ascii_whitespace))
                {
                    // An empty log: nothing to judge, but no error either.
                    self.format = Some(Format::Plain);
                    self.pending.clear();
                    return Ok(());
                }
                self.error = Some(TranscriptError::UnknownFormat);
                return Err(TranscriptError::UnknownFormat);
            }
            return Ok(());
        };
        self.format = Some(format);
        let pending = core::mem::take(&mut self.pending);
        let first = self.line + 1 - pending.len() as u64;
        for (i, l) in pending.iter().enumerate() {
            self.process(first + i as u64, l);
        }
        Ok(())
    }

    fn emit(&mut self, line: u64, session: u32, time: Option<Timestamp>, kind: EventKind) {
        if matches!(kind, EventKind::Finding(_)) {
            self.findings += 1;
        }
        self.events.push_back(Event {
            line,
            session,
            time,
            kind,
        });
    }

    fn process(&mut self, no: u64, raw: &[u8]) {
        let Some(format) = self.format else { return };
        let (text, lossy) = match core::str::from_utf8(raw) {
            Ok(s) => (alloc::borrow::Cow::Borrowed(s), false),
            Err(_) => (String::from_utf8_lossy(raw), true),
        };
        let Some(parsed) = format.parse(&text) else {
            if self.other_format < MAX_OTHER_FORMAT {
                if let Some(other) = Format::all().find(|f| *f != format && f.claims(&text)) {
                    self.other_format += 1;
                    self.emit(
                        no,
                        0,
                        None,
                        EventKind::Finding(Finding::OtherFormat { other, format }),
                    );
                }
            }
            return;
        };
        if parsed.kind == Kind::Skip {
            return;
        }
        let key = parsed.session.unwrap_or("");
        if matches!(parsed.kind, Kind::Info | Kind::Error | Kind::Close)
            && !self.sessions.iter().any(|s| s.key == key)
        {
            // A message after its session ended: no new session for it.
            let sid = self
                .last_closed
                .as_ref()
                .filter(|(k, _)| k == key)
                .map_or(0, |(_, id)| *id);
            let text = parsed.text.into_owned();
            match parsed.kind {
                Kind::Info => self.emit(no, sid, parsed.time, EventKind::Info { text }),
                Kind::Error => self.emit(no, sid, parsed.time, EventKind::ClientError { text }),
                _ => {}
            }
            return;
        }
        let Some(si) = self.session_for(no, &parsed) else {
            return;
        };
        let sid = self.sessions[si].id;
        if lossy {
            self.emit(no, sid, parsed.time, EventKind::Finding(Finding::NotUtf8));
        }
        let time = parsed.time;
        if matches!(parsed.kind, Kind::Command | Kind::Reply | Kind::Error) {
            self.check_gap(si, no, time);
        }
        self.sessions[si].last_active = no;
        match parsed.kind {
            Kind::Command => self.command(si, no, time, &parsed.text),
            Kind::Reply => {
                for l in parsed.text.split('\n') {
                    self.reply_line(si, no, time, l.strip_suffix('\r').unwrap_or(l));
                }
            }
            Kind::Info | Kind::Open => self.emit(
                no,
                sid,
                time,
                EventKind::Info {
                    text: parsed.text.into_owned(),
                },
            ),
            Kind::Error => {
                let text: String = parsed.text.into_owned();
                let s = &self.sessions[si];
                if self.tracker.client_error.is_none() {
                    self.tracker.client_error = Some(Failure {
                        kind: FailureKind::Client,
                        line: no,
                        session: sid,
                        command: s.open.front().and_then(|o| o.command),
                        command_text: s.open.front().map(|o| o.text.clone()).unwrap_or_default(),
                        code: None,
                        text: clip(&text),
                        diagnosis: None,
                        latest: None,
                        behind_nat: s.nat.is_some(),
                    });
                }
                self.emit(no, sid, time, EventKind::ClientError { text });
            }
            Kind::Close => self.close_session(si),
            Kind::Skip => {}
        }
    }

    /// The index of the session of this line, made if needed; `None` when
    /// over [`MAX_SESSIONS`].
    fn session_for(&mut self, no: u64, p: &Parsed<'_>) -> Option<usize> {
        let key = p.session.unwrap_or("");
        let found = self.sessions.iter().position(|s| s.key == key);
        match (found, p.kind) {
            (Some(i), Kind::Open) if self.sessions[i].started => {
                // A new connection under the same name.
                self.close_session(i);
            }
            (Some(i), _) => return Some(i),
            (None, Kind::Close) => return None,
            _ => {}
        }
        if p.kind != Kind::Open && self.format == Some(Format::Vsftpd) {
            // vsftpd goes on in another process after USER/PASS: the session
            // whose login waits continues under the new pid.
            if let Some(i) = self.sessions.iter().position(|s| {
                s.open
                    .front()
                    .is_some_and(|o| matches!(o.command, Some(Command::User | Command::Pass)))
            }) {
                self.sessions[i].key = key.to_string();
                return Some(i);
            }
        }
        if self.sessions.len() >= MAX_SESSIONS {
            let limit = MAX_SESSIONS;
            self.emit(
                no,
                0,
                p.time,
                EventKind::Finding(Finding::TooManySessions { limit }),
            );
            return None;
        }
        let id = self.next_session;
        self.next_session += 1;
        self.sessions.push(Session {
            key: key.to_string(),
            id,
            decoder: ReplyDecoder::new()
                .with_limits(self.limits)
                .with_framing(self.framing),
            reply_start: None,
            open: VecDeque::new(),
            started: false,
            server: None,
            last_time: None,
            nat: None,
            last_active: no,
            closed: false,
        });
        Some(self.sessions.len() - 1)
    }

    fn check_gap(&mut self, si: usize, no: u64, time: Option<Timestamp>) {
        let Some(t) = time else { return };
        let s = &mut self.sessions[si];
        let last = s.last_time.replace(t);
        let Some(d) = last.and_then(|l| t.millis_since(l)) else {
            return;
        };
        if d >= self.gap_millis {
            let waiting = s
                .open
                .front()
                .filter(|o| !o.ex.is_complete())
                .and_then(|o| o.command);
            let sid = s.id;
            #[allow(clippy::cast_sign_loss)]
            let seconds = (d / 1000) as u64;
            self.emit(
                no,
                sid,
                time,
                EventKind::Finding(Finding::TimeGap { seconds, waiting }),
            );
        }
    }

    fn command(&mut self, si: usize, no: u64, time: Option<Timestamp>, text: &str) {
        let sid = self.sessions[si].id;
        let line = match crate::CommandLine::parse_str(text) {
            Ok(l) => l,
            Err(e) => {
                let reason = e.kind().to_string();
                self.emit(
                    no,
                    sid,
                    time,
                    EventKind::Finding(Finding::BadCommand { reason }),
                );
                return;
            }
        };
        self.commands += 1;
        let command = line.command();
        // `CommandLine`'s `Display` shows `PASS ****` (also ACCT, ADAT):
        // passwords never leave the analysis.
        let shown = line.to_string();
        let s = &mut self.sessions[si];
        if !s.started {
            // The log starts after the greeting.
            s.started = true;
        }
        // A greeting still waiting when the client speaks was not logged.
        if s.open
            .front()
            .is_some_and(|o| o.command.is_none() && o.ex.replies() == 0)
        {
            s.open.pop_front();
        }
        let dropped = if s.open.len() >= MAX_OPEN {
            s.open.pop_front()
        } else {
            None
        };
        let mut text = self.spare.pop().unwrap_or_default();
        text.clear();
        text.push_str(&shown);
        s.open.push_back(Open {
            ex: Exchange::new(command),
            command: Some(command),
            text,
            line: no,
        });
        if let Some(o) = dropped {
            self.unanswered(si, time, &o);
        }
        self.emit(
            no,
            sid,
            time,
            EventKind::Command {
                command,
                text: shown,
            },
        );
    }

    fn reply_line(&mut self, si: usize, no: u64, time: Option<Timestamp>, line: &str) {
        let s = &mut self.sessions[si];
        if !s.started {
            s.started = true;
            s.open.push_back(Open {
                ex: Exchange::greeting(),
                command: None,
                text: String::new(),
                line: no,
            });
        }
        if s.decoder.buffered_len() == 0 || s.reply_start.is_none() {
            s.reply_start = Some((no, time));
        }
        self.scratch.clear();
        self.scratch.extend_from_slice(line.as_bytes());
        self.scratch.extend_from_slice(b"\r\n");
        s.decoder.feed(&self.scratch);
        loop {
            let s = &mut self.sessions[si];
            let sid = s.id;
            match s.decoder.next_reply_ref() {
                Ok(Some(reply)) => {
                    let reply = reply.to_owned();
                    let (start, t) = s.reply_start.take().unwrap_or((no, time));
                    if s.decoder.buffered_len() > 0 {
                        s.reply_start = Some((no, time));
                    }
                    self.reply(si, start, t, reply);
                    if self.sessions[si].closed {
                        self.close_session(si);
                        return;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    s.reply_start = None;
                    let reason = e.kind().to_string();
                    self.emit(
                        no,
                        sid,
                        time,
                        EventKind::Finding(Finding::BadReply { reason }),
                    );
                }
            }
        }
    }

    fn reply(&mut self, si: usize, no: u64, time: Option<Timestamp>, reply: Reply) {
        self.replies += 1;
        let code = reply.code();
        let mut findings: Vec<Finding> = Vec::new();
        let s = &mut self.sessions[si];
        let sid = s.id;
        // A reply the first waiting command cannot take but the next one can:
        // the first got none.
        let mut skipped = None;
        if s.open.len() > 1 {
            let mut first = s.open[0].ex;
            let mut second = s.open[1].ex;
            if !first.push(code).is_acceptable() && second.push(code).is_acceptable() {
                skipped = s.open.pop_front();
            }
        }
        if let Some(o) = skipped {
            self.unanswered(si, time, &o);
        }
        let s = &mut self.sessions[si];
        let negative = matches!(
            code.category(),
            Category::TransientNegativeCompletion | Category::PermanentNegativeCompletion
        );
        let diagnoses: Vec<&'static Diagnosis> = if negative {
            let found = reply.diagnose();
            match s.server {
                Some(server) => found.prefer(server).take(3).collect(),
                None => found.take(3).collect(),
            }
        } else {
            Vec::new()
        };
        let mut identified = None;
        let mut done = None;
        let (answers, verdict, is_final) = if let Some(o) = s.open.front_mut() {
            let v = o.ex.push(code);
            match v {
                ReplyVerdict::Unexpected(problem) => {
                    findings.push(Finding::Unexpected {
                        command: o.command,
                        code,
                        problem,
                    });
                }
                ReplyVerdict::Lenient(_, rule) => {
                    findings.push(Finding::Lenient {
                        command: o.command,
                        code,
                        rule,
                    });
                }
                _ => {}
            }
            let answers = o.command.map(|c| (c, o.line));
            let is_final = o.ex.is_complete();
            if o.command.is_none() && code == 220 {
                identified = reply.lines().find_map(|l| identify_server_str(&l));
            }
            let latest_cmd = s.open.back().and_then(|o| o.command);
            let late = s.open.len() > 1
                && s.open[0].ex.replies() > 1
                && s.open[0].command.is_some()
                && !matches!(latest_cmd, Some(Command::Abor | Command::Stat));
            if late {
                let (answers_cmd, answers_line) =
                    (s.open[0].command.unwrap_or(Command::Other), s.open[0].line);
                let latest = s
                    .open
                    .back()
                    .and_then(|o| o.command)
                    .unwrap_or(Command::Other);
                findings.push(Finding::LateReply {
                    code,
                    answers: answers_cmd,
                    answers_line,
                    latest,
                });
                self.tracker.fail(Failure {
                    kind: FailureKind::Desync,
                    line: no,
                    session: sid,
                    command: Some(answers_cmd),
                    command_text: s.open[0].text.clone(),
                    code: Some(code),
                    text: last_text(&reply),
                    diagnosis: None,
                    latest: Some(latest),
                    behind_nat: false,
                });
            }
            if is_final {
                done = s.open.pop_front();
            }
            (answers, Some(v), is_final)
        } else {
            findings.push(if code == 421 {
                Finding::ClosedBy421
            } else {
                Finding::Unsolicited { code }
            });
            (None, None, true)
        };
        if code == 227 {
            let last = reply.lines().last();
            let last = last
                .as_deref()
                .map_or("", |l| l.get(4..).unwrap_or_default().trim());
            if let Some(a) = passive_address(last) {
                if is_private(a) {
                    s.nat = Some(a);
                    findings.push(Finding::PrivatePassiveAddress { address: a });
                }
            }
        }
        if code == 421 && answers.is_some() {
            findings.push(Finding::ClosedBy421);
        }
        if let Some(server) = identified {
            s.server = Some(server);
        }
        let behind_nat = s.nat.is_some() && matches!(code.as_u16(), 425 | 426);
        let command_text = done.as_ref().map_or("", |o| o.text.as_str());
        let done_command = done.as_ref().and_then(|o| o.command);
        if is_final {
            let failure = negative.then(|| Failure {
                kind: FailureKind::Reply,
                line: no,
                session: sid,
                command: done_command,
                command_text: command_text.to_string(),
                code: Some(code),
                text: last_text(&reply),
                diagnosis: diagnoses.first().copied(),
                latest: None,
                behind_nat,
            });
            self.tracker
                .exchange_done(done_command, command_text, code, failure);
        }
        if let Some(o) = done {
            if self.spare.len() < MAX_OPEN {
                self.spare.push(o.text);
            }
        }
        self.emit(
            no,
            sid,
            time,
            EventKind::Reply(ReplyEvent {
                reply,
                answers,
                verdict,
                diagnoses,
                is_final,
            }),
        );
        if let Some(server) = identified {
            self.emit(no, sid, time, EventKind::ServerIdentified(server));
        }
        for f in findings {
            self.emit(no, sid, time, EventKind::Finding(f));
        }
        if code == 421 {
            self.sessions[si].closed = true;
        }
    }

    /// Reports a command that never got its (final) reply.
    fn unanswered(&mut self, si: usize, time: Option<Timestamp>, o: &Open) {
        let s = &self.sessions[si];
        let (sid, nat) = (s.id, s.nat.is_some());
        let Some(command) = o.command else { return };
        let (finding, kind) = match o.ex.preliminary() {
            Some(preliminary) => (
                Finding::MissingFinal {
                    command,
                    command_line: o.line,
                    preliminary,
                },
                FailureKind::MissingFinal,
            ),
            None => (
                Finding::NoReply {
                    command,
                    command_line: o.line,
                },
                FailureKind::NoReply,
            ),
        };
        if command != Command::Quit {
            self.tracker.fail(Failure {
                kind,
                line: o.line,
                session: sid,
                command: Some(command),
                command_text: o.text.clone(),
                code: o.ex.preliminary(),
                text: String::new(),
                diagnosis: None,
                latest: None,
                behind_nat: nat,
            });
        }
        let line = self.line;
        self.emit(line, sid, time, EventKind::Finding(finding));
    }

    /// Ends session `si`: what its decoder holds is incomplete, what waits
    /// never got answered.
    fn close_session(&mut self, si: usize) {
        let s = &mut self.sessions[si];
        let sid = s.id;
        let time = s.last_time;
        if let Err(e) = s.decoder.finish() {
            let line = s.reply_start.map_or(self.line, |(l, _)| l);
            let reason = e.kind().to_string();
            self.emit(
                line,
                sid,
                time,
                EventKind::Finding(Finding::BadReply { reason }),
            );
        }
        let open: Vec<Open> = self.sessions[si].open.drain(..).collect();
        for o in &open {
            self.unanswered(si, time, o);
        }
        let s = self.sessions.remove(si);
        self.last_closed = Some((s.key, s.id));
    }
}

/// The verdict's memory: failures not recovered yet, the last exchange's
/// failure, the client's first error.
#[derive(Debug, Default)]
struct Tracker {
    unresolved: Vec<Failure>,
    /// [`command_bit`] of the commands of the unresolved reply failures:
    /// most exchanges can recover none, and this says so without a walk.
    reply_commands: u64,
    last_failed: Option<Failure>,
    client_error: Option<Failure>,
}

impl Tracker {
    fn fail(&mut self, f: Failure) {
        if self.unresolved.len() < MAX_FAILURES {
            if f.kind == FailureKind::Reply {
                self.reply_commands |= command_bit(f.command);
            }
            self.unresolved.push(f);
        }
    }

    fn exchange_done(
        &mut self,
        command: Option<Command>,
        text: &str,
        code: ReplyCode,
        failure: Option<Failure>,
    ) {
        if let Some(f) = failure {
            if !command.is_some_and(is_probe) && self.unresolved.len() < MAX_FAILURES {
                self.fail(f.clone());
            }
            self.last_failed = Some(f);
            return;
        }
        let login =
            matches!(command, Some(Command::User | Command::Pass | Command::Acct)) && code == 230;
        if self.unresolved.is_empty() || (!login && self.reply_commands & command_bit(command) == 0)
        {
            self.succeeded(command);
            return;
        }
        let recovered = |f: &Failure| {
            let same = f.kind == FailureKind::Reply
                && f.command == command
                && f.command_text.eq_ignore_ascii_case(text);
            let logged_in = login
                && matches!(
                    f.command,
                    Some(Command::User | Command::Pass | Command::Acct)
                );
            same || logged_in
        };
        // Mostly nothing recovers: look before moving anything.
        if self.unresolved.iter().any(recovered) {
            self.unresolved.retain(|f| !recovered(f));
            self.reply_commands = self
                .unresolved
                .iter()
                .filter(|f| f.kind == FailureKind::Reply)
                .fold(0, |m, f| m | command_bit(f.command));
        }
        self.succeeded(command);
    }

    /// A successful exchange: the last exchange did not fail.
    fn succeeded(&mut self, command: Option<Command>) {
        if !matches!(
            command,
            Some(Command::Quit | Command::Noop | Command::Abor) | None
        ) {
            self.last_failed = None;
        }
    }
}

/// One bit for a command (shared by several: a filter, not a set).
fn command_bit(c: Option<Command>) -> u64 {
    c.map_or(1, |c| 2 << (c as u64 % 63))
}

/// Commands whose failure clients expect and work around (feature probes,
/// optional settings): a failure there only fails the session when nothing
/// succeeds after it.
fn is_probe(c: Command) -> bool {
    matches!(
        c.verb(),
        "FEAT"
            | "SYST"
            | "SIZE"
            | "MDTM"
            | "OPTS"
            | "HELP"
            | "SITE"
            | "AUTH"
            | "PBSZ"
            | "PROT"
            | "EPSV"
            | "EPRT"
            | "MLST"
            | "STAT"
            | "NOOP"
            | "MODE"
            | "ALLO"
            | "HOST"
            | "LANG"
            | "OTHER"
    )
}

/// The text of a reply's last line, after the code, clipped.
fn last_text(reply: &Reply) -> String {
    let last = reply.lines().last();
    clip(
        last.as_deref()
            .map_or("", |l| l.get(4..).unwrap_or_default().trim()),
    )
}

fn clip(s: &str) -> String {
    if s.len() <= MAX_TEXT {
        return s.to_string();
    }
    let mut end = MAX_TEXT;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let mut t = s[..end].to_string();
    t.push('…');
    t
}

/// The host of a 227 reply's `h1,h2,h3,h4,p1,p2` (RFC 959 §4.1.2, found
/// anywhere in the text, as clients do).
fn passive_address(text: &str) -> Option<[u8; 4]> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let nums: Vec<&str> = text[start..]
        .split(|c: char| !c.is_ascii_digit())
        .take(6)
        .collect();
    if nums.len() < 6 {
        return None;
    }
    let mut a = [0u8; 4];
    for (i, n) in nums[..4].iter().enumerate() {
        a[i] = n.parse().ok()?;
    }
    Some(a)
}

/// RFC 1918 private ranges and RFC 6598 shared address space.
fn is_private(a: [u8; 4]) -> bool {
    matches!(a, [10, ..] | [192, 168, ..])
        || (a[0] == 172 && (16..32).contains(&a[1]))
        || (a[0] == 100 && (64..128).contains(&a[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(format: Option<Format>, log: &str) -> (Vec<Event>, Verdict) {
        let mut a = format.map_or_else(Analyzer::new, |f| Analyzer::new().with_format(f));
        a.feed(log.as_bytes()).unwrap();
        a.finish().unwrap();
        let mut v = Vec::new();
        while let Some(e) = a.next_event() {
            v.push(e);
        }
        (v, a.verdict())
    }

    fn findings(ev: &[Event]) -> Vec<Finding> {
        ev.iter()
            .filter_map(|e| match &e.kind {
                EventKind::Finding(f) => Some(f.clone()),
                _ => None,
            })
            .collect()
    }

    /// The text of every command event is the redacted command line: the
    /// argument of PASS, ACCT and ADAT never appears, everything else is as
    /// logged.
    #[test]
    fn commands_shown_redacted() {
        let shown = |line: &str| {
            let (ev, _) = run(Some(Format::Plain), &alloc::format!("C: {line}\n"));
            ev.iter()
                .find_map(|e| match &e.kind {
                    EventKind::Command { text, .. } => Some(text.clone()),
                    _ => None,
                })
                .unwrap()
        };
        assert_eq!(shown("PASS hunter2"), "PASS ****");
        assert_eq!(shown("pass  two words"), "pass ****");
        assert_eq!(shown("ACCT acme"), "ACCT ****");
        assert_eq!(shown("ADAT c2VjcmV0"), "ADAT ****");
        assert_eq!(shown("PASS"), "PASS");
        assert_eq!(shown("USER bob"), "USER bob");
        assert_eq!(shown("cwd  /a b"), "cwd  /a b");
        assert_eq!(shown("NOOP"), "NOOP");
    }

    #[test]
    fn passive_addresses() {
        assert_eq!(
            passive_address("Entering Passive Mode (10,0,0,5,195,80)."),
            Some([10, 0, 0, 5])
        );
        assert_eq!(passive_address("=192,168,1,2,4,1"), Some([192, 168, 1, 2]));
        assert_eq!(passive_address("Entering Passive Mode"), None);
        assert_eq!(passive_address("(300,1,1,1,1,1)"), None);
        assert!(
            is_private([172, 20, 0, 1])
                && !is_private([172, 32, 0, 1])
                && !is_private([127, 0, 0, 1])
        );
    }

    #[test]
    fn desync_after_multiline_226() {
        let log = "S: 220 hi\nC: STOR a\nS: 150 go\nC: PWD\nS: 226-Transfer done\nS: 226 Bye stats\nS: 257 \"/\"\n";
        let (ev, v) = run(None, log);
        let f = findings(&ev);
        assert!(
            f.iter().any(|f| matches!(
                f,
                Finding::LateReply {
                    answers: Command::Stor,
                    latest: Command::Pwd,
                    ..
                }
            )),
            "{f:?}"
        );
        assert_eq!(v.failure.unwrap().kind, FailureKind::Desync);
    }

    #[test]
    fn missing_final_after_150() {
        let (ev, v) = run(None, "S: 220 hi\nC: RETR a\nS: 150 Opening\n");
        assert!(findings(&ev).iter().any(|f| matches!(
            f,
            Finding::MissingFinal {
                command: Command::Retr,
                ..
            }
        )));
        assert_eq!(v.failure.unwrap().kind, FailureKind::MissingFinal);
    }

    #[test]
    fn probes_recovered_and_login_retry() {
        let log = "S: 220 hi\nC: USER a\nS: 331 p\nC: PASS x\nS: 530 no\nC: USER a\nS: 331 p\nC: PASS y\nS: 230 ok\nC: SIZE f\nS: 550 no\nC: RETR f\nS: 150 go\nS: 226 ok\nC: QUIT\nS: 221 bye\n";
        let (_, v) = run(None, log);
        assert_eq!(v.outcome, Outcome::Succeeded, "{v:?}");
        assert_eq!(v.commands, 7);
    }

    #[test]
    fn unsolicited_421_closes() {
        let (ev, v) = run(None, "S: 220 hi\nC: NOOP\nS: 200 ok\nS: 421 Timeout.\n");
        assert!(findings(&ev).contains(&Finding::ClosedBy421));
        let f = v.failure.unwrap();
        assert_eq!((f.code.unwrap().as_u16(), f.command), (421, None));
    }

    #[test]
    fn long_lines_and_garbage() {
        let mut a = Analyzer::new()
            .with_format(Format::Plain)
            .with_limits(Limits::default().with_max_line_len(64));
        a.feed(b"S: 220 hi\nS: ").unwrap();
        a.feed(&[b'x'; 1000]).unwrap();
        a.feed(b"\nC: \xff\xfe\nS: 2x0 bad\n").unwrap();
        a.finish().unwrap();
        let mut kinds = Vec::new();
        while let Some(e) = a.next_event() {
            if let EventKind::Finding(f) = e.kind {
                kinds.push((e.line, f));
            }
        }
        assert!(
            kinds.contains(&(2, Finding::LineTooLong { limit: 64 })),
            "{kinds:?}"
        );
        assert!(kinds.iter().any(|(l, f)| *l == 3 && *f == Finding::NotUtf8));
        assert!(
            kinds
                .iter()
                .any(|(l, f)| *l == 4 && matches!(f, Finding::BadReply { .. }))
        );
    }

    #[test]
    fn unknown_format_is_an_error() {
        let mut a = Analyzer::new();
        for _ in 0..DETECT_LINES - 1 {
            a.push_line(b"just some words").unwrap();
        }
        assert_eq!(
            a.push_line(b"more words"),
            Err(TranscriptError::UnknownFormat)
        );
        assert_eq!(a.finish(), Err(TranscriptError::UnknownFormat));
    }
}
