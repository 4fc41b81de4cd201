//! What each server is known to do that the RFC tables do not say: the named
//! deviations and the non-standard codes. A deviation the session observes
//! that is not listed here fails the test; a listed one that is not observed
//! is reported (server versions move) but does not fail.

use crate::harness::Server;
use crate::session::Observed;

/// The kinds of deviation the session can observe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A code the knowledge base does not have.
    NonStandardCode,
    /// A code the exchange checker does not accept for the command.
    UnexpectedCode,
    /// No reply at all before the deadline.
    NoReply,
    /// A preliminary (1xx) reply and no final reply before the deadline.
    NoFinalReply,
    /// The server closed the connection instead of (or after) replying.
    Closed,
    /// Bytes the decoder rejects (for example unframed banner text).
    Undecodable,
    /// An inner line of a multi-line reply starts with three digits without
    /// the padding RFC 959 §4.2 requires ("the Server must pad the front"):
    /// a client that ends replies at any `DDD ` line (curl, suppaftp,
    /// `Framing::Lenient`) splits the reply there.
    UnpaddedDigits,
    /// A command the RFC says must fail (an unknown TYPE) was accepted.
    AcceptedInvalid,
    /// Telnet IP and DM before a command (RFC 959 §4.1.3, ABOR) made the
    /// server reject the command line.
    TelnetNotUnderstood,
    /// A negative multi-line reply whose last line says the opposite of its
    /// first (for example that the change was made after all).
    Contradictory,
}

/// A deviation a server is known for.
pub struct Known {
    pub server: Server,
    /// The deviation's name, used in reports.
    pub name: &'static str,
    pub kind: Kind,
    /// Upper-case verb, or `<greeting>`.
    pub verb: &'static str,
    /// The code concerned, or `None` for any.
    pub code: Option<u16>,
    /// What the server does, and what the RFC says.
    pub note: &'static str,
}

/// Every deviation the tests know of, per server.
pub const KNOWN: &[Known] = &[
    Known {
        server: Server::Libunftp,
        name: "libunftp-no-telnet-ip-dm",
        kind: Kind::TelnetNotUnderstood,
        verb: "ABOR",
        code: Some(500),
        note: "ABOR preceded by Telnet IP and DM (IAC 244 IAC 242, in band, as RFC 959 §4.1.3 \
               asks of clients): libunftp reads the bytes as part of the command and answers \
               '500 Invalid UTF8 in command' instead of 225/226.",
    },
    Known {
        server: Server::Libunftp,
        name: "libunftp-hangs-up-after-invalid-utf8",
        kind: Kind::Closed,
        verb: "QUIT",
        code: None,
        note: "after its '500 Invalid UTF8 in command' libunftp closes the control connection: \
               the next command (QUIT) gets no reply.",
    },
    Known {
        server: Server::Libunftp,
        name: "libunftp-accepts-unknown-type",
        kind: Kind::AcceptedInvalid,
        verb: "TYPE",
        code: Some(200),
        note: "TYPE Z (no such representation type) is answered '200 Always in binary mode': \
               libunftp ignores TYPE. RFC 959 §5.4 lists 504 (or 501) for an unsupported \
               parameter.",
    },
    Known {
        server: Server::Libunftp,
        name: "libunftp-hangs-up-on-long-line",
        kind: Kind::Closed,
        verb: "CWD",
        code: None,
        note: "a 2,000-byte command line: libunftp closes the control connection without a \
               reply (its codec refuses lines over its limit). RFC 959 has no line limit; \
               servers usually answer 500 (pyftpdlib, proftpd answer per command).",
    },
    Known {
        server: Server::Pyftpdlib,
        name: "pyftpdlib-unframed-banner",
        kind: Kind::UnpaddedDigits,
        verb: "<greeting>",
        code: Some(220),
        note: "a multi-line banner is sent with '220-' on its first line only; the other lines \
               go out as they are, so a banner line that starts with digits ('123 this line...') \
               is not padded as RFC 959 §4.2 requires. Strict framing reads the reply whole; \
               lenient framing ends it at that line and then fails on the rest.",
    },
    Known {
        server: Server::Pyftpdlib,
        name: "pyftpdlib-150-without-data-connection",
        kind: Kind::NoFinalReply,
        verb: "LIST",
        code: Some(150),
        note: "LIST with neither PASV nor PORT before it: pyftpdlib answers 150 and then waits \
               for a data connection that cannot come, and never sends a final reply (the \
               following NOOP is answered; ABOR then says 225 'No transfer to abort'). \
               RFC 959 §5.4 expects 425 at once.",
    },
    Known {
        server: Server::PureFtpd,
        name: "pure-ftpd-no-reply-to-abor-after-ip-dm",
        kind: Kind::NoReply,
        verb: "ABOR",
        code: None,
        note: "ABOR preceded by Telnet IP and DM (sent in band) with no transfer in progress: \
               pure-ftpd sends no reply at all; the next command is answered normally. RFC 959 \
               §5.4 expects 225 or 226.",
    },
    Known {
        server: Server::PureFtpd,
        name: "pure-ftpd-contradictory-504",
        kind: Kind::Contradictory,
        verb: "TYPE",
        code: Some(504),
        note: "TYPE Z: '504-Unknown TYPE: Z' then '504 TYPE is now 8-bit binary': the first line \
               refuses, the last line reports a type change (the type is unchanged).",
    },
];

/// The name of the listed deviation that `obs` matches, if any.
pub fn known(server: Server, obs: &Observed) -> Option<&'static Known> {
    KNOWN.iter().find(|k| {
        k.server == server
            && k.kind == obs.kind
            && k.verb == obs.verb
            && (k.code.is_none() || k.code == obs.code)
    })
}

/// Listed deviations of `server` that the session did not observe.
pub fn unobserved(
    server: Server,
    seen: &[(Observed, Option<&'static Known>)],
) -> Vec<&'static str> {
    KNOWN
        .iter()
        .filter(|k| {
            k.server == server
                && !seen
                    .iter()
                    .any(|(_, n)| n.is_some_and(|n| n.name == k.name))
        })
        .map(|k| k.name)
        .collect()
}

/// Negative replies the diagnosis table does not cover yet, per server: the
/// first line of the reply as the server sends it. Every other negative reply
/// the sessions receive must get a diagnosis (`Reply::diagnose`), or the test
/// fails. libunftp is a library embedded by many servers, not a deployed
/// server of its own, so its texts are not in the table yet.
pub const NOT_YET_DIAGNOSED: &[(Server, &str)] = &[
    (Server::Libunftp, "530 Authentication failed"),
    (Server::Libunftp, "500 Command not implemented"),
    (Server::Libunftp, "501 Invalid Parameter"),
    (Server::Libunftp, "425 No data connection established"),
    (Server::Libunftp, "500 Invalid UTF8 in command"),
];

/// The negative replies (verb, first line) that got no diagnosis and are not
/// listed in [`NOT_YET_DIAGNOSED`].
pub fn undiagnosed(
    server: Server,
    negatives: &[(String, String, Vec<&'static str>)],
) -> Vec<String> {
    negatives
        .iter()
        .filter(|(_, line, ids)| {
            ids.is_empty()
                && !NOT_YET_DIAGNOSED
                    .iter()
                    .any(|(s, l)| *s == server && l == line)
        })
        .map(|(verb, line, _)| format!("{verb}: {line:?}"))
        .collect()
}
