//! A sans-IO checker for the replies to one command.

use super::{Command, ExpectedReply, Role, greeting_replies};
use crate::ReplyCode;

/// How many lenient or unexpected replies an [`Exchange`] remembers (the
/// counts stay exact beyond that).
const FINDINGS: usize = 8;

/// The success codes that only acknowledge a command (no data in the text):
/// where a command's listed successes include one of them, 200 or 250 is
/// accepted instead under [`Leniency::GenericSuccess`].
const ACKNOWLEDGEMENTS: [u16; 5] = [200, 202, 225, 226, 250];

/// What [`Exchange::push`] thinks of one reply.
///
/// # Example
///
/// ```
/// use ftp_reply::command::{Command, Exchange, Leniency, Problem, Role, Verdict};
/// use ftp_reply::ReplyCode;
///
/// let code = |n| ReplyCode::new(n).unwrap();
/// // RFC 959 §5.4 lists only 250 for CWD; many servers answer 200.
/// let v = Exchange::new(Command::Cwd).push(code(200));
/// assert_eq!(v, Verdict::Lenient(Role::Success, Leniency::GenericSuccess));
/// assert!(v.is_acceptable() && !v.is_expected());
/// // 227 answers PASV, never CWD.
/// assert_eq!(Exchange::new(Command::Cwd).push(code(227)), Verdict::Unexpected(Problem::NotListed));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Verdict {
    /// The RFCs list this reply for this command, in this role, at this point.
    Expected(Role),
    /// Not what the RFCs list, but accepted by a named rule; the reply is
    /// taken in the given role.
    Lenient(Role, Leniency),
    /// Neither listed nor covered by a rule.
    Unexpected(Problem),
}

impl Verdict {
    /// `true` for [`Verdict::Expected`].
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, Exchange};
    /// let mut retr = Exchange::new(Command::Retr);
    /// assert!(retr.push(ReplyCode::FILE_STATUS_OK).is_expected());
    /// // vsftpd's 425 without a 150 first: accepted by a rule, not as listed.
    /// assert!(!Exchange::new(Command::Retr).push(ReplyCode::CANT_OPEN_DATA_CONNECTION).is_expected());
    /// ```
    #[must_use]
    pub const fn is_expected(self) -> bool {
        matches!(self, Verdict::Expected(_))
    }

    /// `true` unless [`Verdict::Unexpected`].
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, Exchange};
    /// assert!(Exchange::new(Command::Retr).push(ReplyCode::CANT_OPEN_DATA_CONNECTION).is_acceptable());
    /// assert!(!Exchange::new(Command::Quit).push(ReplyCode::REQUESTED_FILE_ACTION_OK).is_acceptable());
    /// ```
    #[must_use]
    pub const fn is_acceptable(self) -> bool {
        !matches!(self, Verdict::Unexpected(_))
    }

    /// The role the reply was taken in, unless unexpected.
    ///
    /// ```
    /// use ftp_reply::command::{Command, Exchange, Role};
    /// use ftp_reply::ReplyCode;
    /// let v = Exchange::new(Command::Pass).push(ReplyCode::new(230).unwrap());
    /// assert_eq!(v.role(), Some(Role::Success));
    /// ```
    #[must_use]
    pub const fn role(self) -> Option<Role> {
        match self {
            Verdict::Expected(r) | Verdict::Lenient(r, _) => Some(r),
            Verdict::Unexpected(_) => None,
        }
    }

    /// The rule that accepted the reply, for [`Verdict::Lenient`].
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, Exchange, Leniency};
    /// let v = Exchange::new(Command::Retr).push(ReplyCode::CANT_OPEN_DATA_CONNECTION);
    /// assert_eq!(v.leniency(), Some(Leniency::ErrorTiming));
    /// assert_eq!(Exchange::new(Command::Pass).push(ReplyCode::USER_LOGGED_IN).leniency(), None);
    /// ```
    #[must_use]
    pub const fn leniency(self) -> Option<Leniency> {
        match self {
            Verdict::Lenient(_, l) => Some(l),
            _ => None,
        }
    }

    /// What is wrong, for [`Verdict::Unexpected`].
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, Exchange, Problem};
    /// let v = Exchange::new(Command::Quit).push(ReplyCode::REQUESTED_FILE_ACTION_OK);
    /// assert_eq!(v.problem(), Some(Problem::NotListed));
    /// assert_eq!(Exchange::new(Command::Quit).push(ReplyCode::SERVICE_CLOSING_CONTROL_CONNECTION).problem(), None);
    /// ```
    #[must_use]
    pub const fn problem(self) -> Option<Problem> {
        match self {
            Verdict::Unexpected(p) => Some(p),
            _ => None,
        }
    }
}

/// A rule under which [`Exchange`] accepts a reply that RFC 959 §5.4 and the
/// extension RFCs do not list for the command (or not at that point).
///
/// RFC 1123 §4.1.4.4 asks clients to be "forgiving of missing and unexpected
/// reply messages"; these are the cases seen in practice. Each one is
/// reported in the [`Verdict`], never applied silently, so a strict caller
/// can treat any [`Verdict::Lenient`] as an error.
///
/// # Example
///
/// ```
/// use ftp_reply::command::{Command, Exchange, Leniency, Role, Verdict};
/// use ftp_reply::ReplyCode;
///
/// // vsftpd: "425 Use PORT or PASV first." with no 150 before it.
/// let mut ex = Exchange::new(Command::Retr);
/// let v = ex.push(ReplyCode::new(425).unwrap());
/// assert_eq!(v, Verdict::Lenient(Role::Error, Leniency::ErrorTiming));
/// assert!(ex.is_complete());
/// assert_eq!(Leniency::ErrorTiming.to_string(), "error_timing");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Leniency {
    /// 421 where the table does not list it, at any point. RFC 959 §4.2 says
    /// 421 "may be a reply to any command if the service knows it must shut
    /// down", but §5.4 omits it from some rows (QUIT, and every 1yz
    /// sequence); vsftpd also sends 421 on an idle or data timeout.
    ServiceNotAvailable,
    /// 500, 501, 502 or 504 where not listed, instead of any 1yz: the server
    /// does not know, cannot parse, or does not implement the command or its
    /// argument. Every server answers so to commands it lacks (e.g. 502 to
    /// SITE, which §5.4 does not list).
    NotSupported,
    /// 530 where not listed, instead of any 1yz: servers refuse most commands
    /// before login (vsftpd and pyftpdlib answer PWD with 530, which §5.4
    /// omits; RFC 7151 never mentions 530 for HOST).
    NotLoggedIn,
    /// 503 where not listed, instead of any 1yz: the server wants another
    /// command first (e.g. RETR before PASV or PORT on some servers).
    BadSequence,
    /// 200 or 250 where the command's listed success replies are plain
    /// acknowledgements (200, 202, 225, 226 or 250) but not this one: RFC
    /// 959's own Appendix II answers CWD with 200; vsftpd and pyftpdlib
    /// answer CDUP with 250. Not applied
    /// where the success reply carries data (227, 229, 257, 213...).
    GenericSuccess,
    /// A file-system error (4yz or 5yz with second digit 5: 450, 451, 452,
    /// 550, 551, 552, 553...) where the command lists another one for that
    /// point of the exchange: servers pick between them freely (pyftpdlib
    /// answers 550 to STOR, LIST and NLST, where §5.4 lists 553 or 450).
    OtherFileError,
    /// An error the command lists, but at the other point: a reply listed
    /// after the 1yz sent instead of it (vsftpd and pyftpdlib send 425 with no
    /// 150 when no data connection was prepared), or a reply listed instead
    /// of the 1yz sent after it.
    ErrorTiming,
    /// 452 (insufficient storage) after the 1yz of a transfer, where the
    /// command lists 452 only instead of the 1yz (RFC 959 §5.4 lists 452
    /// before the 150 of STOR, STOU and APPE, and 552 after it). `ProFTPD`
    /// and Pure-FTPd find the disk full while writing, so their 452 comes
    /// after the 150.
    StorageFullDuringTransfer,
    /// A completion reply (226, 250) of a transfer with no 1yz before it.
    CompletionWithoutPreliminary,
    /// 125 where the command lists only 150, or the other way round (RFC 3659
    /// lists only 150 for MLSD; a server whose data connection is already
    /// open sends 125).
    OtherPreliminary,
    /// 426 (or 451) as the first reply to ABOR: it answers the transfer that
    /// ABOR interrupted (RFC 959 §4.1.3: "426 ... then 226"), seen by a
    /// caller that gives ABOR's exchange every reply after the ABOR. The
    /// exchange stays open for ABOR's own 226.
    AbortedTransferReply,
    /// A 2yz other than 229 to EPSV: the reply to `EPSV ALL`, whose code RFC
    /// 2428 §3 does not give (vsftpd and FreeBSD ftpd send 200, pyftpdlib
    /// 220). The checker does not see arguments, so it cannot tell `EPSV ALL`
    /// from a plain EPSV that got a wrong code.
    EpsvAll,
    /// 211 or 214 to SITE: the reply to `SITE HELP` (vsftpd and pyftpdlib
    /// send 214), where RFC 959 §5.4 lists only 200 and 202 for SITE.
    SiteHelp,
    /// Any reply to [`Command::Other`]: the crate does not know the command,
    /// so the reply is taken in its category's role ([`Role::from_category`]).
    UnknownCommand,
}

impl Leniency {
    /// Every value, in declaration order.
    pub const ALL: [Leniency; 13] = [
        Leniency::ServiceNotAvailable,
        Leniency::NotSupported,
        Leniency::NotLoggedIn,
        Leniency::BadSequence,
        Leniency::GenericSuccess,
        Leniency::OtherFileError,
        Leniency::ErrorTiming,
        Leniency::CompletionWithoutPreliminary,
        Leniency::OtherPreliminary,
        Leniency::AbortedTransferReply,
        Leniency::EpsvAll,
        Leniency::SiteHelp,
        Leniency::UnknownCommand,
    ];
}

/// Why [`Exchange`] rejected a reply.
///
/// # Example
///
/// ```
/// use ftp_reply::command::{Command, Exchange, Problem, Verdict};
/// use ftp_reply::ReplyCode;
///
/// let mut ex = Exchange::new(Command::Noop);
/// ex.push(ReplyCode::COMMAND_OK);
/// assert_eq!(ex.push(ReplyCode::COMMAND_OK), Verdict::Unexpected(Problem::AfterFinalReply));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Problem {
    /// The RFCs do not list this reply for this command, and no [`Leniency`]
    /// rule covers it.
    NotListed,
    /// A reply after the exchange's final reply: it belongs to no command
    /// (or the server answered twice).
    AfterFinalReply,
    /// A second 1yz (other than 110) in the same exchange.
    SecondPreliminary,
    /// A 110 restart marker before the 1yz that opens the transfer.
    RestartMarkerBeforePreliminary,
}

impl Problem {
    /// Every value, in declaration order.
    pub const ALL: [Problem; 4] = [
        Problem::NotListed,
        Problem::AfterFinalReply,
        Problem::SecondPreliminary,
        Problem::RestartMarkerBeforePreliminary,
    ];
}

/// A sans-IO checker for the replies that follow one command (or the
/// connection greeting).
///
/// Feed it the code of each reply with [`push`](Self::push); each call returns
/// a [`Verdict`] for that reply. The exchange is complete
/// ([`is_complete`](Self::is_complete)) once a final reply arrived: any 2yz,
/// 3yz, 4yz or 5yz, whether expected or not (RFC 959 §4.2: only a 1yz
/// announces another reply). 1yz replies keep it open; so does a 110 restart
/// marker, any number of times after the 1yz.
///
/// Protected replies (631, 632, 633) are accepted for any command (RFC 2228
/// §8.2) and leave the state unchanged: decode them and push the reply inside
/// (for MIC, CONF and ENC, to an exchange of the embedded command).
///
/// The checker never panics and allocates nothing; it remembers the first 8
/// lenient or unexpected replies ([`findings`](Self::findings)) and counts
/// them all.
///
/// # Example: a transfer, an abort, a failed login
///
/// ```
/// use ftp_reply::command::{Command, Exchange, Leniency};
/// use ftp_reply::ReplyCode;
///
/// let codes = |v: &[u16]| v.iter().map(|&n| ReplyCode::new(n).unwrap()).collect::<Vec<_>>();
///
/// let stor = Exchange::check(Command::Stor, codes(&[150, 110, 110, 226]));
/// assert!(stor.is_complete() && stor.is_clean());
///
/// // ABOR during a transfer: 426 answers the transfer, then 226 answers ABOR.
/// let abor = Exchange::check(Command::Abor, codes(&[426, 226]));
/// assert!(abor.is_complete() && !abor.has_unexpected());
/// assert_eq!(abor.leniencies().next(), Some((ReplyCode::new(426).unwrap(), Leniency::AbortedTransferReply)));
///
/// // 550 after a USER: not something USER may get.
/// let user = Exchange::check(Command::User, codes(&[550]));
/// assert!(user.is_complete() && user.has_unexpected());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exchange {
    /// `None` for the connection greeting.
    command: Option<Command>,
    /// The 1yz that opened the exchange.
    preliminary: Option<ReplyCode>,
    /// The reply that ended the exchange.
    final_reply: Option<ReplyCode>,
    /// ABOR only: the interrupted transfer's 426 was seen.
    aborted_transfer: bool,
    replies: usize,
    lenient: usize,
    unexpected: usize,
    /// The first `FINDINGS` lenient or unexpected replies; `len` of them are set.
    findings: [Option<(ReplyCode, Verdict)>; FINDINGS],
    len: usize,
}

impl Exchange {
    /// A checker for the replies to `command`.
    ///
    /// ```
    /// use ftp_reply::command::{Command, Exchange};
    /// let ex = Exchange::new(Command::Feat);
    /// assert_eq!(ex.command(), Some(Command::Feat));
    /// assert!(!ex.is_complete());
    /// ```
    #[must_use]
    pub const fn new(command: Command) -> Self {
        Self::start(Some(command))
    }

    /// A checker for the connection greeting: 120 then 220, 220, or 421
    /// (RFC 959 §5.4).
    ///
    /// ```
    /// use ftp_reply::command::Exchange;
    /// use ftp_reply::ReplyCode;
    ///
    /// let mut g = Exchange::greeting();
    /// assert_eq!(g.command(), None);
    /// g.push(ReplyCode::new(120).unwrap());
    /// g.push(ReplyCode::new(220).unwrap());
    /// assert!(g.is_complete() && g.is_clean());
    /// ```
    #[must_use]
    pub const fn greeting() -> Self {
        Self::start(None)
    }

    const fn start(command: Option<Command>) -> Self {
        Self {
            command,
            preliminary: None,
            final_reply: None,
            aborted_transfer: false,
            replies: 0,
            lenient: 0,
            unexpected: 0,
            findings: [None; FINDINGS],
            len: 0,
        }
    }

    /// Checks every code of `codes` in turn and returns the exchange.
    ///
    /// ```
    /// use ftp_reply::command::{Command, Exchange};
    /// use ftp_reply::ReplyCode;
    /// let ex = Exchange::check(Command::Pasv, [ReplyCode::new(227).unwrap()]);
    /// assert!(ex.is_complete() && ex.is_clean());
    /// ```
    #[must_use]
    pub fn check(command: Command, codes: impl IntoIterator<Item = ReplyCode>) -> Self {
        let mut ex = Self::new(command);
        for c in codes {
            ex.push(c);
        }
        ex
    }

    /// The command (`None` for the greeting).
    ///
    /// ```
    /// use ftp_reply::command::{Command, Exchange};
    /// assert_eq!(Exchange::new(Command::Stor).command(), Some(Command::Stor));
    /// assert_eq!(Exchange::greeting().command(), None);
    /// ```
    #[must_use]
    pub const fn command(&self) -> Option<Command> {
        self.command
    }

    /// `true` once a final reply arrived.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, Exchange};
    /// let mut stor = Exchange::new(Command::Stor);
    /// stor.push(ReplyCode::FILE_STATUS_OK);
    /// assert!(!stor.is_complete()); // a 1yz: the final reply is still to come
    /// stor.push(ReplyCode::CLOSING_DATA_CONNECTION);
    /// assert!(stor.is_complete());
    /// ```
    #[must_use]
    pub const fn is_complete(&self) -> bool {
        self.final_reply.is_some()
    }

    /// The reply that ended the exchange.
    ///
    /// ```
    /// use ftp_reply::command::{Command, Exchange};
    /// use ftp_reply::ReplyCode;
    /// let ex = Exchange::check(Command::Retr, [ReplyCode::new(150).unwrap(), ReplyCode::new(226).unwrap()]);
    /// assert_eq!(ex.preliminary(), Some(ReplyCode::new(150).unwrap()));
    /// assert_eq!(ex.final_reply(), Some(ReplyCode::new(226).unwrap()));
    /// ```
    #[must_use]
    pub const fn final_reply(&self) -> Option<ReplyCode> {
        self.final_reply
    }

    /// The 1yz reply that opened the exchange, if any.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, Exchange};
    /// assert_eq!(Exchange::check(Command::List, [ReplyCode::DATA_CONNECTION_ALREADY_OPEN]).preliminary(), Some(ReplyCode::DATA_CONNECTION_ALREADY_OPEN));
    /// assert_eq!(Exchange::check(Command::Cwd, [ReplyCode::REQUESTED_FILE_ACTION_OK]).preliminary(), None);
    /// ```
    #[must_use]
    pub const fn preliminary(&self) -> Option<ReplyCode> {
        self.preliminary
    }

    /// How many replies were pushed.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, Exchange};
    /// let ex = Exchange::check(Command::Retr, [ReplyCode::FILE_STATUS_OK, ReplyCode::CLOSING_DATA_CONNECTION]);
    /// assert_eq!(ex.replies(), 2);
    /// ```
    #[must_use]
    pub const fn replies(&self) -> usize {
        self.replies
    }

    /// `true` when every reply so far was [`Verdict::Expected`].
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, Exchange};
    /// assert!(Exchange::check(Command::Pass, [ReplyCode::USER_LOGGED_IN]).is_clean());
    /// assert!(!Exchange::check(Command::Retr, [ReplyCode::CANT_OPEN_DATA_CONNECTION]).is_clean()); // lenient
    /// ```
    #[must_use]
    pub const fn is_clean(&self) -> bool {
        self.lenient == 0 && self.unexpected == 0
    }

    /// `true` when some reply was [`Verdict::Unexpected`].
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, Exchange};
    /// assert!(Exchange::check(Command::Quit, [ReplyCode::REQUESTED_FILE_ACTION_OK]).has_unexpected());
    /// assert!(!Exchange::check(Command::Retr, [ReplyCode::CANT_OPEN_DATA_CONNECTION]).has_unexpected());
    /// ```
    #[must_use]
    pub const fn has_unexpected(&self) -> bool {
        self.unexpected > 0
    }

    /// How many replies were accepted by a [`Leniency`] rule.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, Exchange};
    /// let ex = Exchange::check(Command::Retr, [ReplyCode::CANT_OPEN_DATA_CONNECTION]);
    /// assert_eq!((ex.lenient_count(), ex.unexpected_count()), (1, 0));
    /// ```
    #[must_use]
    pub const fn lenient_count(&self) -> usize {
        self.lenient
    }

    /// How many replies were [`Verdict::Unexpected`].
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, Exchange};
    /// let ex = Exchange::check(Command::Noop, [ReplyCode::COMMAND_OK, ReplyCode::COMMAND_OK, ReplyCode::COMMAND_OK]);
    /// assert_eq!(ex.unexpected_count(), 2); // two replies after the final one
    /// ```
    #[must_use]
    pub const fn unexpected_count(&self) -> usize {
        self.unexpected
    }

    /// The lenient and unexpected replies with their verdicts, in order (the
    /// first 8; the counts are exact).
    ///
    /// ```
    /// use ftp_reply::command::{Command, Exchange, Problem, Verdict};
    /// use ftp_reply::ReplyCode;
    /// let ex = Exchange::check(Command::Quit, [ReplyCode::new(250).unwrap()]);
    /// let f: Vec<_> = ex.findings().collect();
    /// assert_eq!(f, [(ReplyCode::new(250).unwrap(), Verdict::Unexpected(Problem::NotListed))]);
    /// ```
    pub fn findings(&self) -> impl Iterator<Item = (ReplyCode, Verdict)> + '_ {
        self.findings[..self.len].iter().flatten().copied()
    }

    /// The unexpected replies and what is wrong with each (the first 8 findings).
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, Exchange, Problem};
    /// let ex = Exchange::check(Command::Noop, [ReplyCode::COMMAND_OK, ReplyCode::COMMAND_OK]);
    /// assert_eq!(ex.unexpected().collect::<Vec<_>>(), [(ReplyCode::COMMAND_OK, Problem::AfterFinalReply)]);
    /// ```
    pub fn unexpected(&self) -> impl Iterator<Item = (ReplyCode, Problem)> + '_ {
        self.findings()
            .filter_map(|(c, v)| v.problem().map(|p| (c, p)))
    }

    /// The replies accepted by a [`Leniency`] rule, and the rule (the first 8 findings).
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, Exchange, Leniency};
    /// // pyftpdlib answers CDUP with 250, where RFC 959 lists 200.
    /// let ex = Exchange::check(Command::Cdup, [ReplyCode::REQUESTED_FILE_ACTION_OK]);
    /// assert_eq!(ex.leniencies().collect::<Vec<_>>(), [(ReplyCode::REQUESTED_FILE_ACTION_OK, Leniency::GenericSuccess)]);
    /// ```
    pub fn leniencies(&self) -> impl Iterator<Item = (ReplyCode, Leniency)> + '_ {
        self.findings()
            .filter_map(|(c, v)| v.leniency().map(|l| (c, l)))
    }

    /// Checks the next reply and updates the state.
    ///
    /// ```
    /// use ftp_reply::command::{Command, Exchange, Role, Verdict};
    /// use ftp_reply::ReplyCode;
    ///
    /// let mut ex = Exchange::new(Command::User);
    /// assert_eq!(ex.push(ReplyCode::new(331).unwrap()), Verdict::Expected(Role::Intermediate));
    /// assert!(ex.is_complete());
    /// ```
    pub fn push(&mut self, code: ReplyCode) -> Verdict {
        self.replies += 1;
        let verdict = self.judge(code);
        match verdict {
            Verdict::Expected(_) => {}
            Verdict::Lenient(..) => self.lenient += 1,
            Verdict::Unexpected(_) => self.unexpected += 1,
        }
        if !verdict.is_expected() && self.len < FINDINGS {
            self.findings[self.len] = Some((code, verdict));
            self.len += 1;
        }
        verdict
    }

    fn rows(&self) -> &'static [ExpectedReply] {
        match self.command {
            Some(c) => c.expected_replies(),
            None => greeting_replies(),
        }
    }

    fn lists(&self, code: ReplyCode, role: Role) -> bool {
        self.rows().iter().any(|e| e.code == code && e.role == role)
            || (role == Role::Error
                && code.is_transient_negative()
                && self.command.is_some_and(Command::accepts_any_4yz))
    }

    fn judge(&mut self, code: ReplyCode) -> Verdict {
        if self.final_reply.is_some() {
            return Verdict::Unexpected(Problem::AfterFinalReply);
        }
        let unknown = self.command == Some(Command::Other);
        let n = code.as_u16();
        if code.is_protected() {
            return if self.command.is_some() {
                Verdict::Expected(Role::Protected)
            } else {
                Verdict::Unexpected(Problem::NotListed)
            };
        }
        if n == 110 {
            return if unknown {
                Verdict::Lenient(Role::RestartMarker, Leniency::UnknownCommand)
            } else if !self.lists(code, Role::RestartMarker) {
                Verdict::Unexpected(Problem::NotListed)
            } else if self.preliminary.is_none() {
                Verdict::Unexpected(Problem::RestartMarkerBeforePreliminary)
            } else {
                Verdict::Expected(Role::RestartMarker)
            };
        }
        if code.is_preliminary() {
            let first = self.preliminary.is_none();
            if first {
                self.preliminary = Some(code);
            }
            return if !first {
                Verdict::Unexpected(Problem::SecondPreliminary)
            } else if unknown {
                Verdict::Lenient(Role::Preliminary, Leniency::UnknownCommand)
            } else if self.lists(code, Role::Preliminary) {
                Verdict::Expected(Role::Preliminary)
            } else if matches!(n, 125 | 150)
                && self
                    .rows()
                    .iter()
                    .any(|e| e.role == Role::Preliminary && matches!(e.code.as_u16(), 125 | 150))
            {
                Verdict::Lenient(Role::Preliminary, Leniency::OtherPreliminary)
            } else {
                Verdict::Unexpected(Problem::NotListed)
            };
        }
        // A final reply (2yz to 5yz), except ABOR's leading 426.
        let verdict = self.judge_final(code, unknown);
        if verdict.leniency() == Some(Leniency::AbortedTransferReply) {
            self.aborted_transfer = true;
        } else {
            self.final_reply = Some(code);
        }
        verdict
    }

    fn judge_final(&self, code: ReplyCode, unknown: bool) -> Verdict {
        let after = self.preliminary.is_some();
        let late = if after {
            Role::ErrorAfterPreliminary
        } else {
            Role::Error
        };
        if unknown {
            let role = match Role::from_category(code) {
                Role::Error => late,
                r => r,
            };
            return Verdict::Lenient(role, Leniency::UnknownCommand);
        }
        let sap = self
            .command
            .is_some_and(Command::completes_after_preliminary);
        // 1. Listed, at this point.
        if after {
            for role in [Role::Success, Role::ErrorAfterPreliminary] {
                if self.lists(code, role) {
                    return Verdict::Expected(role);
                }
            }
        } else {
            for role in [Role::Error, Role::Intermediate] {
                if self.lists(code, role) {
                    return Verdict::Expected(role);
                }
            }
            if !sap && self.lists(code, Role::Success) {
                return Verdict::Expected(Role::Success);
            }
        }
        // 2. ABOR's leading 426 or 451 belongs to the interrupted transfer.
        if self.command == Some(Command::Abor)
            && !after
            && !self.aborted_transfer
            && matches!(code.as_u16(), 426 | 451)
        {
            return Verdict::Lenient(Role::ErrorAfterPreliminary, Leniency::AbortedTransferReply);
        }
        // 3. 421 may answer any command at any point (RFC 959 §4.2).
        if code.as_u16() == 421 && self.command.is_some() {
            return Verdict::Lenient(late, Leniency::ServiceNotAvailable);
        }
        // 4. Listed, at the other point (452 during a transfer has its own rule).
        if after && code.as_u16() == 452 && self.lists(code, Role::Error) {
            return Verdict::Lenient(
                Role::ErrorAfterPreliminary,
                Leniency::StorageFullDuringTransfer,
            );
        }
        if !after && self.lists(code, Role::Success) {
            return Verdict::Lenient(Role::Success, Leniency::CompletionWithoutPreliminary);
        }
        if !after && self.lists(code, Role::ErrorAfterPreliminary) {
            return Verdict::Lenient(Role::Error, Leniency::ErrorTiming);
        }
        if after && self.lists(code, Role::Error) {
            return Verdict::Lenient(Role::ErrorAfterPreliminary, Leniency::ErrorTiming);
        }
        // 5. The general rules.
        if self.command.is_none() {
            return Verdict::Unexpected(Problem::NotListed);
        }
        let n = code.as_u16();
        match n {
            500 | 501 | 502 | 504 if !after => {
                return Verdict::Lenient(Role::Error, Leniency::NotSupported);
            }
            530 if !after => return Verdict::Lenient(Role::Error, Leniency::NotLoggedIn),
            503 if !after => return Verdict::Lenient(Role::Error, Leniency::BadSequence),
            211 | 214 if self.command == Some(Command::Site) && !after => {
                return Verdict::Lenient(Role::Success, Leniency::SiteHelp);
            }
            200..=299 if self.command == Some(Command::Epsv) && !after => {
                return Verdict::Lenient(Role::Success, Leniency::EpsvAll);
            }
            200 | 250
                if (after || !sap)
                    && self.rows().iter().any(|e| {
                        e.role == Role::Success && ACKNOWLEDGEMENTS.contains(&e.code.as_u16())
                    }) =>
            {
                return Verdict::Lenient(Role::Success, Leniency::GenericSuccess);
            }
            _ => {}
        }
        let file_error = |c: ReplyCode| {
            (c.is_transient_negative() || c.is_permanent_negative()) && (c.as_u16() / 10) % 10 == 5
        };
        if file_error(code) {
            let roles: &[Role] = if after {
                &[Role::ErrorAfterPreliminary, Role::Error]
            } else {
                &[Role::Error]
            };
            if self
                .rows()
                .iter()
                .any(|e| roles.contains(&e.role) && file_error(e.code))
            {
                return Verdict::Lenient(late, Leniency::OtherFileError);
            }
        }
        Verdict::Unexpected(Problem::NotListed)
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::vec::Vec;

    fn codes(v: &[u16]) -> impl Iterator<Item = ReplyCode> + '_ {
        v.iter().map(|&n| ReplyCode::new(n).unwrap())
    }

    fn verdicts(c: Command, v: &[u16]) -> Vec<Verdict> {
        let mut ex = Exchange::new(c);
        codes(v).map(|code| ex.push(code)).collect()
    }

    #[test]
    fn transfer_with_markers() {
        let v = verdicts(Command::Retr, &[125, 110, 110, 250]);
        assert_eq!(
            v,
            [
                Verdict::Expected(Role::Preliminary),
                Verdict::Expected(Role::RestartMarker),
                Verdict::Expected(Role::RestartMarker),
                Verdict::Expected(Role::Success)
            ]
        );
    }

    #[test]
    fn marker_before_preliminary_and_second_preliminary() {
        assert_eq!(
            verdicts(Command::Stor, &[110])[0],
            Verdict::Unexpected(Problem::RestartMarkerBeforePreliminary)
        );
        assert_eq!(
            verdicts(Command::List, &[150, 110])[1],
            Verdict::Unexpected(Problem::NotListed)
        );
        assert_eq!(
            verdicts(Command::Retr, &[150, 125])[1],
            Verdict::Unexpected(Problem::SecondPreliminary)
        );
    }

    #[test]
    fn storage_full_during_transfer() {
        // ProFTPD and Pure-FTPd: 150, then 452 when the disk fills up.
        for cmd in [Command::Stor, Command::Appe, Command::Stou] {
            assert_eq!(
                verdicts(cmd, &[150, 452])[1],
                Verdict::Lenient(
                    Role::ErrorAfterPreliminary,
                    Leniency::StorageFullDuringTransfer
                ),
                "{cmd:?}"
            );
        }
        // Before the 1yz it is listed; 552 after it is listed too.
        assert_eq!(
            verdicts(Command::Stor, &[452])[0],
            Verdict::Expected(Role::Error)
        );
        assert_eq!(
            verdicts(Command::Stor, &[150, 552])[1],
            Verdict::Expected(Role::ErrorAfterPreliminary)
        );
    }

    #[test]
    fn timing_rules() {
        assert_eq!(
            verdicts(Command::Retr, &[426])[0],
            Verdict::Lenient(Role::Error, Leniency::ErrorTiming)
        );
        assert_eq!(
            verdicts(Command::Retr, &[150, 550])[1],
            Verdict::Lenient(Role::ErrorAfterPreliminary, Leniency::ErrorTiming)
        );
        assert_eq!(
            verdicts(Command::Retr, &[226])[0],
            Verdict::Lenient(Role::Success, Leniency::CompletionWithoutPreliminary)
        );
        // 522: both points are listed (RFC 4217 §10.2 and §11.4).
        assert_eq!(
            verdicts(Command::Stor, &[522])[0],
            Verdict::Expected(Role::Error)
        );
        assert_eq!(
            verdicts(Command::Stor, &[150, 522])[1],
            Verdict::Expected(Role::ErrorAfterPreliminary)
        );
    }

    #[test]
    fn general_rules() {
        assert_eq!(
            verdicts(Command::Quit, &[421])[0],
            Verdict::Lenient(Role::Error, Leniency::ServiceNotAvailable)
        );
        assert_eq!(
            verdicts(Command::Retr, &[150, 421])[1],
            Verdict::Lenient(Role::ErrorAfterPreliminary, Leniency::ServiceNotAvailable)
        );
        assert_eq!(
            verdicts(Command::Site, &[502])[0],
            Verdict::Lenient(Role::Error, Leniency::NotSupported)
        );
        assert_eq!(
            verdicts(Command::Pwd, &[530])[0],
            Verdict::Lenient(Role::Error, Leniency::NotLoggedIn)
        );
        assert_eq!(
            verdicts(Command::Retr, &[503])[0],
            Verdict::Lenient(Role::Error, Leniency::BadSequence)
        );
        assert_eq!(
            verdicts(Command::Cdup, &[250])[0],
            Verdict::Lenient(Role::Success, Leniency::GenericSuccess)
        );
        // No GenericSuccess where the success carries data.
        assert_eq!(
            verdicts(Command::Pasv, &[200])[0],
            Verdict::Unexpected(Problem::NotListed)
        );
        assert_eq!(
            verdicts(Command::Mkd, &[250])[0],
            Verdict::Unexpected(Problem::NotListed)
        );
        assert_eq!(
            verdicts(Command::Stor, &[550])[0],
            Verdict::Lenient(Role::Error, Leniency::OtherFileError)
        );
        assert_eq!(
            verdicts(Command::List, &[550])[0],
            Verdict::Lenient(Role::Error, Leniency::OtherFileError)
        );
        // USER lists no file-system error.
        assert_eq!(
            verdicts(Command::User, &[550])[0],
            Verdict::Unexpected(Problem::NotListed)
        );
        assert_eq!(
            verdicts(Command::Mlsd, &[125])[0],
            Verdict::Lenient(Role::Preliminary, Leniency::OtherPreliminary)
        );
    }

    #[test]
    fn abort_sequences() {
        let v = verdicts(Command::Abor, &[426, 226]);
        assert_eq!(
            v,
            [
                Verdict::Lenient(Role::ErrorAfterPreliminary, Leniency::AbortedTransferReply),
                Verdict::Expected(Role::Success)
            ]
        );
        assert!(Exchange::check(Command::Abor, codes(&[426, 226])).is_complete());
        assert!(!Exchange::check(Command::Abor, codes(&[426])).is_complete());
        assert_eq!(
            verdicts(Command::Abor, &[225]),
            [Verdict::Expected(Role::Success)]
        );
        // A second 426 is not the transfer's.
        assert_eq!(
            verdicts(Command::Abor, &[426, 426])[1],
            Verdict::Unexpected(Problem::NotListed)
        );
    }

    #[test]
    fn protected_replies_are_transparent() {
        let mut ex = Exchange::new(Command::Mic);
        assert_eq!(
            ex.push(ReplyCode::new(631).unwrap()),
            Verdict::Expected(Role::Protected)
        );
        assert!(!ex.is_complete());
        assert_eq!(
            Exchange::new(Command::Retr).push(ReplyCode::new(632).unwrap()),
            Verdict::Expected(Role::Protected)
        );
        assert_eq!(
            Exchange::greeting().push(ReplyCode::new(633).unwrap()),
            Verdict::Unexpected(Problem::NotListed)
        );
    }

    #[test]
    fn greeting() {
        let mut g = Exchange::greeting();
        assert_eq!(
            g.push(ReplyCode::new(120).unwrap()),
            Verdict::Expected(Role::Preliminary)
        );
        assert_eq!(
            g.push(ReplyCode::new(220).unwrap()),
            Verdict::Expected(Role::Success)
        );
        let mut g = Exchange::greeting();
        assert_eq!(
            g.push(ReplyCode::new(421).unwrap()),
            Verdict::Expected(Role::Error)
        );
        let mut g = Exchange::greeting();
        assert_eq!(
            g.push(ReplyCode::new(500).unwrap()),
            Verdict::Unexpected(Problem::NotListed)
        );
        assert!(g.is_complete());
    }

    #[test]
    fn unknown_command() {
        let v = verdicts(Command::Other, &[150, 226]);
        assert_eq!(
            v,
            [
                Verdict::Lenient(Role::Preliminary, Leniency::UnknownCommand),
                Verdict::Lenient(Role::Success, Leniency::UnknownCommand)
            ]
        );
    }

    #[test]
    fn any_4yz_for_rfc_3659() {
        assert_eq!(
            verdicts(Command::Size, &[452])[0],
            Verdict::Expected(Role::Error)
        );
        assert_eq!(
            verdicts(Command::Mdtm, &[213])[0],
            Verdict::Expected(Role::Success)
        );
    }

    #[test]
    fn findings_are_bounded_and_counted() {
        let mut ex = Exchange::new(Command::Noop);
        ex.push(ReplyCode::COMMAND_OK);
        for _ in 0..20 {
            ex.push(ReplyCode::COMMAND_OK);
        }
        assert_eq!(ex.unexpected_count(), 20);
        assert_eq!(ex.findings().count(), FINDINGS);
        assert_eq!(ex.replies(), 21);
    }
}
