//! One parser per log format: each turns one log line into a [`Parsed`]
//! entry, or `None` when the line is not of its format.

use alloc::borrow::Cow;

use super::Timestamp;

pub(crate) mod curl;
pub(crate) mod filezilla;
pub(crate) mod ftplib;
pub(crate) mod lftp;
pub(crate) mod plain;
pub(crate) mod pyftpdlib;
pub(crate) mod vsftpd;
pub(crate) mod winscp;

/// What a log line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A command the client sent.
    Command,
    /// Reply lines the server sent (one, or several joined by `\n`).
    Reply,
    /// A status or debug message of the tool.
    Info,
    /// An error the tool reported.
    Error,
    /// A new control connection starts.
    Open,
    /// The control connection ended.
    Close,
    /// A line of the format that carries nothing for the analysis.
    Skip,
}

/// One log line, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed<'a> {
    pub(crate) kind: Kind,
    pub(crate) text: Cow<'a, str>,
    pub(crate) time: Option<Timestamp>,
    /// The connection the line belongs to, when the log interleaves several.
    pub(crate) session: Option<&'a str>,
}

impl<'a> Parsed<'a> {
    pub(crate) fn new(kind: Kind, text: &'a str) -> Self {
        Self {
            kind,
            text: Cow::Borrowed(text),
            time: None,
            session: None,
        }
    }
    pub(crate) fn at(mut self, time: Option<Timestamp>) -> Self {
        self.time = time;
        self
    }
    pub(crate) fn session(mut self, session: &'a str) -> Self {
        self.session = Some(session);
        self
    }
}
