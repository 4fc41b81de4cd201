//! What the analysis emits: [`Event`]s, their [`Finding`]s, and the session
//! [`Verdict`].

use alloc::string::String;
use alloc::vec::Vec;

use super::{Format, Timestamp};
use crate::command::{Command, Leniency, Problem, Verdict as ReplyVerdict};
use crate::{Diagnosis, Reply, ReplyCode, Server};

/// One thing the analysis learnt, tied to a line of the log.
///
/// # Example
///
/// ```
/// use ftp_reply::command::Command;
/// use ftp_reply::diagnosis::Server;
/// use ftp_reply::transcript::{Analyzer, EventKind};
///
/// let mut analyzer = Analyzer::new();
/// analyzer.feed(b"S: 220 (vsFTPd 3.0.3)\nC: USER bob\nS: 331 Please specify the password.\n")?;
/// analyzer.finish()?;
/// let events: Vec<_> = std::iter::from_fn(|| analyzer.next_event()).collect();
/// assert!(events.iter().all(|e| e.session == 1 && e.time.is_none()));
/// assert!(events.iter().any(|e| e.kind == EventKind::ServerIdentified(Server::Vsftpd)));
/// let user = events.iter().find(|e| matches!(e.kind, EventKind::Command { .. })).unwrap();
/// assert_eq!(user.line, 2);
/// assert_eq!(user.kind, EventKind::Command { command: Command::User, text: "USER bob".into() });
/// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The 1-based number of the log line (the first line, for a multi-line reply).
    pub line: u64,
    /// The session (connection) it belongs to, numbered from 1 in order of appearance.
    pub session: u32,
    /// The line's timestamp, when the log has them.
    pub time: Option<Timestamp>,
    /// What happened.
    pub kind: EventKind,
}

/// What an [`Event`] says.
///
/// # Example
///
/// A password never reaches an event; a client's own messages do.
///
/// ```
/// use ftp_reply::command::Command;
/// use ftp_reply::transcript::{Analyzer, EventKind};
///
/// let mut analyzer = Analyzer::new();
/// analyzer.feed(b"Status:\tConnecting to 203.0.113.5:21...\nResponse:\t220 Ready\nCommand:\tPASS hunter2\n")?;
/// analyzer.finish()?;
/// let kinds: Vec<_> = std::iter::from_fn(|| analyzer.next_event()).map(|e| e.kind).collect();
/// assert_eq!(kinds[0], EventKind::Info { text: "Connecting to 203.0.113.5:21...".into() });
/// assert!(matches!(&kinds[1], EventKind::Reply(r) if r.reply.code() == 220));
/// assert!(kinds.contains(&EventKind::Command { command: Command::Pass, text: "PASS ****".into() }));
/// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventKind {
    /// A command the client sent. `text` is the line with any password
    /// (`PASS`, `ACCT`, `ADAT` argument) replaced by `****`.
    Command {
        /// The command ([`Command::Other`] for a verb the crate does not know).
        command: Command,
        /// The command line, redacted.
        text: String,
    },
    /// A complete reply, framed by the crate's decoder.
    Reply(ReplyEvent),
    /// A message of the tool that wrote the log (status, information).
    Info {
        /// The message.
        text: String,
    },
    /// An error the tool that wrote the log reported.
    ClientError {
        /// The message.
        text: String,
    },
    /// The 220 greeting named a server the diagnosis table knows.
    ServerIdentified(Server),
    /// Something wrong or worth knowing.
    Finding(Finding),
}

/// A reply and what it answers.
///
/// # Example
///
/// ```
/// use ftp_reply::command::Command;
/// use ftp_reply::diagnosis::Server;
/// use ftp_reply::transcript::{Analyzer, EventKind};
///
/// let mut analyzer = Analyzer::new();
/// analyzer.feed(b"S: 220 (vsFTPd 3.0.3)\nC: RETR a.txt\nS: 150 Here comes the file\nS: 550 Failed to open file.\n")?;
/// analyzer.finish()?;
/// let replies: Vec<_> = std::iter::from_fn(|| analyzer.next_event())
///     .filter_map(|e| match e.kind { EventKind::Reply(r) => Some(r), _ => None })
///     .collect();
/// assert_eq!(replies[0].answers, None); // the greeting
/// assert_eq!(replies[1].answers, Some((Command::Retr, 2)));
/// assert!(!replies[1].is_final && replies[2].is_final);
/// assert!(replies[1].diagnoses.is_empty()); // only negative replies are diagnosed
/// assert_eq!(replies[2].reply.code(), 550);
/// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyEvent {
    /// The reply, every line as logged.
    pub reply: Reply,
    /// The command it answers and that command's line, or `None` for the
    /// greeting or a reply with no command.
    pub answers: Option<(Command, u64)>,
    /// What the command table thinks of it, when it answers something.
    pub verdict: Option<ReplyVerdict>,
    /// For a negative reply (4yz, 5yz): the diagnoses of its text, the
    /// identified server's first (at most 3).
    pub diagnoses: Vec<&'static Diagnosis>,
    /// Whether this reply ends its exchange.
    pub is_final: bool,
}

/// A finding of the analysis.
///
/// # Example
///
/// ```
/// use ftp_reply::ReplyCode;
/// use ftp_reply::command::Command;
/// use ftp_reply::transcript::{Analyzer, EventKind, Finding};
///
/// let mut analyzer = Analyzer::new();
/// analyzer.feed(b"S: 220 Ready\nC: PASV\nS: 227 Entering Passive Mode (10,1,2,3,4,5)\nC: LIST\nS: 150 Here it comes\n")?;
/// analyzer.finish()?;
/// let findings: Vec<_> = std::iter::from_fn(|| analyzer.next_event())
///     .filter_map(|e| match e.kind { EventKind::Finding(f) => Some(f), _ => None })
///     .collect();
/// assert!(findings.contains(&Finding::PrivatePassiveAddress { address: [10, 1, 2, 3] }));
/// assert!(findings.contains(&Finding::MissingFinal {
///     command: Command::List,
///     command_line: 4,
///     preliminary: ReplyCode::FILE_STATUS_OK,
/// }));
/// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Finding {
    /// The command table does not accept this reply to this command.
    Unexpected {
        /// The command (`None` for the greeting).
        command: Option<Command>,
        /// The reply's code.
        code: ReplyCode,
        /// What is wrong.
        problem: Problem,
    },
    /// Not what the RFCs list, but a rule of servers' practice accepts it.
    Lenient {
        /// The command (`None` for the greeting).
        command: Option<Command>,
        /// The reply's code.
        code: ReplyCode,
        /// The rule.
        rule: Leniency,
    },
    /// A reply that answers an earlier command than the last one sent: the
    /// desync of clients that read it as the last command's reply.
    LateReply {
        /// The reply's code.
        code: ReplyCode,
        /// The command it answers.
        answers: Command,
        /// That command's line.
        answers_line: u64,
        /// The command sent after it.
        latest: Command,
    },
    /// A 1yz reply and then no final reply before the log or connection ended.
    MissingFinal {
        /// The command.
        command: Command,
        /// Its line.
        command_line: u64,
        /// The 1yz it got.
        preliminary: ReplyCode,
    },
    /// A command that got no reply at all.
    NoReply {
        /// The command.
        command: Command,
        /// Its line.
        command_line: u64,
    },
    /// A reply while no command waited for one.
    Unsolicited {
        /// The reply's code.
        code: ReplyCode,
    },
    /// The server closed the control connection with 421.
    ClosedBy421,
    /// A long silence between two lines of the session.
    TimeGap {
        /// Its length, in whole seconds.
        seconds: u64,
        /// The command waiting for its reply, or `None` when the client was
        /// the one to speak next.
        waiting: Option<Command>,
    },
    /// A 227 reply whose address is private (RFC 1918) or loopback-free
    /// link-local: unreachable through NAT.
    PrivatePassiveAddress {
        /// The address.
        address: [u8; 4],
    },
    /// A line meant as a reply that the decoder rejects.
    BadReply {
        /// The decoder's message.
        reason: String,
    },
    /// A line meant as a command that does not parse.
    BadCommand {
        /// The parser's message.
        reason: String,
    },
    /// A line over the length limit, skipped.
    LineTooLong {
        /// The limit in force.
        limit: usize,
    },
    /// A line of another known format than the log's.
    OtherFormat {
        /// That format.
        other: Format,
        /// The log's format.
        format: Format,
    },
    /// A line that is not UTF-8 (shown with U+FFFD).
    NotUtf8,
    /// More sessions at once than the analysis keeps; the line is skipped.
    TooManySessions {
        /// The limit.
        limit: usize,
    },
}

/// How the session went, overall.
///
/// # Example
///
/// ```
/// use ftp_reply::transcript::{Analyzer, Outcome};
///
/// let outcome = |log: &[u8]| {
///     let mut analyzer = Analyzer::new();
///     analyzer.feed(log).and_then(|()| analyzer.finish()).unwrap();
///     analyzer.verdict().outcome
/// };
/// assert_eq!(outcome(b""), Outcome::Empty);
/// assert_eq!(outcome(b"S: 220 Ready\nC: QUIT\nS: 221 Bye\n"), Outcome::Succeeded);
/// assert_eq!(outcome(b"S: 220 Ready\nC: CWD /x\nS: 550 No such directory\n"), Outcome::Failed);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Outcome {
    /// Every failure was recovered and the last exchange succeeded.
    Succeeded,
    /// See [`Verdict::failure`].
    Failed,
    /// No command or reply in the log.
    Empty,
}

/// Why the session failed.
///
/// # Example
///
/// ```
/// use ftp_reply::transcript::{Analyzer, FailureKind};
///
/// let failure = |log: &[u8]| {
///     let mut analyzer = Analyzer::new();
///     analyzer.feed(log).and_then(|()| analyzer.finish()).unwrap();
///     analyzer.verdict().failure.map(|f| f.kind)
/// };
/// assert_eq!(failure(b"S: 220 Ready\nC: DELE x\nS: 550 Permission denied\n"), Some(FailureKind::Reply));
/// assert_eq!(failure(b"S: 220 Ready\nC: RETR x\nS: 150 Opening\n"), Some(FailureKind::MissingFinal));
/// assert_eq!(failure(b"S: 220 Ready\nC: NOOP\n"), Some(FailureKind::NoReply));
/// assert_eq!(failure(b"S: 220 Ready\nC: NOOP\nS: 200 OK\n"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FailureKind {
    /// A negative final reply that nothing recovered.
    Reply,
    /// A 1yz with no final reply.
    MissingFinal,
    /// A command with no reply.
    NoReply,
    /// A reply read out of step ([`Finding::LateReply`]).
    Desync,
    /// An error the client reported, with no failing reply to explain it.
    Client,
}

/// The exchange where the session failed.
///
/// # Example
///
/// ```
/// use ftp_reply::command::Command;
/// use ftp_reply::diagnosis::Server;
/// use ftp_reply::transcript::{Analyzer, FailureKind};
///
/// let mut analyzer = Analyzer::new();
/// analyzer.feed(b"S: 220 (vsFTPd 3.0.3)\nC: USER bob\nS: 331 Please specify the password.\nC: PASS x\nS: 530 Login incorrect.\n")?;
/// analyzer.finish()?;
/// let failure = analyzer.verdict().failure.expect("the login failed");
/// assert_eq!((failure.kind, failure.line, failure.session), (FailureKind::Reply, 5, 1));
/// assert_eq!((failure.command, failure.command_text.as_str()), (Some(Command::Pass), "PASS ****"));
/// assert_eq!((failure.code.unwrap().as_u16(), failure.text.as_str()), (530, "Login incorrect."));
/// assert_eq!(failure.diagnosis.map(|d| d.server()), Some(Server::Vsftpd));
/// assert!(!failure.behind_nat && failure.latest.is_none());
/// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Why.
    pub kind: FailureKind,
    /// The line of the failing reply (or of the command, or of the error).
    pub line: u64,
    /// The session.
    pub session: u32,
    /// The command, when there is one.
    pub command: Option<Command>,
    /// The command line, redacted.
    pub command_text: String,
    /// The reply's code (the 1yz for [`FailureKind::MissingFinal`]).
    pub code: Option<ReplyCode>,
    /// The reply's last line text (after the code), or the client's message;
    /// at most 200 bytes.
    pub text: String,
    /// The best diagnosis of the reply's text.
    pub diagnosis: Option<&'static Diagnosis>,
    /// For [`FailureKind::Desync`], the command sent after the one answered.
    pub latest: Option<Command>,
    /// Whether the session's passive reply announced a private address
    /// before this failure of a data transfer.
    pub behind_nat: bool,
}

/// The verdict on a whole log; see [`Analyzer::verdict`](super::Analyzer::verdict).
///
/// # Example
///
/// ```
/// use ftp_reply::transcript::{Analyzer, Outcome};
///
/// let mut analyzer = Analyzer::new();
/// analyzer.feed(b"S: 220 Ready\nC: NOOP\nS: 200 OK\nC: QUIT\nS: 221 Bye\n")?;
/// analyzer.finish()?;
/// let verdict = analyzer.verdict();
/// assert!(verdict.succeeded() && verdict.failure.is_none());
/// assert_eq!((verdict.lines, verdict.commands, verdict.replies, verdict.findings), (5, 2, 3, 0));
/// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// How it went.
    pub outcome: Outcome,
    /// The first failure that nothing recovered, when [`Outcome::Failed`].
    pub failure: Option<Failure>,
    /// Lines read.
    pub lines: u64,
    /// Commands seen.
    pub commands: u64,
    /// Replies seen.
    pub replies: u64,
    /// Findings emitted.
    pub findings: u64,
}

impl Verdict {
    /// `true` for [`Outcome::Succeeded`].
    ///
    /// ```
    /// use ftp_reply::transcript::Analyzer;
    ///
    /// let mut analyzer = Analyzer::new();
    /// analyzer.feed(b"S: 220 Ready\nC: CWD /x\nS: 550 No such directory\n")?;
    /// analyzer.finish()?;
    /// assert!(!analyzer.verdict().succeeded());
    /// # Ok::<(), ftp_reply::transcript::TranscriptError>(())
    /// ```
    #[must_use]
    pub fn succeeded(&self) -> bool {
        self.outcome == Outcome::Succeeded
    }
}
