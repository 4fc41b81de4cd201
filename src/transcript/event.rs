//! What the analysis emits: [`Event`]s, their [`Finding`]s, and the session
//! [`Verdict`].

use alloc::string::String;
use alloc::vec::Vec;

use super::{Format, Timestamp};
use crate::command::{Command, Leniency, Problem, Verdict as ReplyVerdict};
use crate::{Diagnosis, Reply, ReplyCode, Server};

/// One thing the analysis learnt, tied to a line of the log.
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
    #[must_use]
    pub fn succeeded(&self) -> bool {
        self.outcome == Outcome::Succeeded
    }
}
