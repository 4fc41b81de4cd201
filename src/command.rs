//! FTP commands and the replies they may get.
//!
//! A reply only means something next to the command it answers: 250 after
//! CWD is not 250 after DELE, and 550 after a successful USER is a protocol
//! error. RFC 959 §5.4 lists, for every command, the replies it may get; the
//! extension RFCs (1123, 1639, 2228, 2389, 2428, 2640, 3659, 4217, 7151) add
//! their commands and replies. This module has that table as data
//! (`src/kb/data/commands.toml`, compiled in by the build script), with the
//! source of every row:
//!
//! - [`Command`]: every command an FTP RFC defines, plus the experimental
//!   `X*` directory commands and [`Command::Other`], parsed from a command
//!   line by [`CommandLine::parse_str`];
//! - [`Command::expected_replies`] and [`Command::expects`]: the replies a
//!   command may get, each with its [`Role`] and sources;
//! - [`ReplyCode::commands`]: the other way round,
//!   the commands that may get a given reply; [`greeting_expects`] for the
//!   replies a server sends when the connection opens;
//! - [`Exchange`]: a small sans-IO checker that follows the replies to one
//!   command, says when the exchange is complete, and flags replies the RFCs
//!   do not allow, with named, documented [`Leniency`] rules for what real
//!   servers send anyway.
//!
//! # Example: what may answer RETR, and what may send 150
//!
//! ```
//! use ftp_reply::command::{Command, CommandLine, Role};
//! use ftp_reply::ReplyCode;
//!
//! let line = CommandLine::parse_str("retr file.txt\r\n")?;
//! assert_eq!(line.command(), Command::Retr);
//! assert_eq!(line.argument(), Some("file.txt"));
//!
//! assert_eq!(Command::Retr.expects(ReplyCode::FILE_STATUS_OK), Some(Role::Preliminary));
//! assert_eq!(Command::Retr.expects(ReplyCode::CLOSING_DATA_CONNECTION), Some(Role::Success));
//! assert_eq!(Command::Retr.expects(ReplyCode::PATHNAME_CREATED), None);
//!
//! let producers: Vec<_> = ReplyCode::FILE_STATUS_OK.commands().map(|(c, _)| c.verb()).collect();
//! assert_eq!(producers, ["RETR", "STOR", "STOU", "APPE", "LIST", "NLST", "MLSD"]);
//! # Ok::<(), ftp_reply::command::CommandParseError>(())
//! ```
//!
//! # Example: check a transfer
//!
//! ```
//! use ftp_reply::command::{Command, Exchange, Role, Verdict};
//! use ftp_reply::ReplyCode;
//!
//! let mut retr = Exchange::new(Command::Retr);
//! assert_eq!(retr.push(ReplyCode::FILE_STATUS_OK), Verdict::Expected(Role::Preliminary));
//! assert!(!retr.is_complete());
//! assert_eq!(retr.push(ReplyCode::CLOSING_DATA_CONNECTION), Verdict::Expected(Role::Success));
//! assert!(retr.is_complete());
//! assert!(retr.is_clean());
//! ```

use crate::kb::Source;
use crate::{Lang, ReplyCode};

mod exchange;
mod line;

pub use exchange::{Exchange, Leniency, Problem, Verdict};
pub use line::{CommandLine, CommandParseError, CommandParseErrorKind};

/// An FTP command, by its verb.
///
/// Every command an FTP RFC defines: RFC 959 (USER to NOOP), RFC 1639 (LPRT,
/// LPSV), RFC 2228 (AUTH, ADAT, PROT, PBSZ, CCC, MIC, CONF, ENC), RFC 2389
/// (FEAT, OPTS), RFC 2428 (EPRT, EPSV), RFC 2640 (LANG), RFC 3659 (SIZE, MDTM,
/// MLST, MLSD; its STREAM-mode REST is [`Command::Rest`]), RFC 7151 (HOST),
/// and the experimental directory commands that RFC 1123 §4.1.3.1 asks servers
/// to accept (XCWD, XCUP, XMKD, XPWD, XRMD). Any other verb is
/// [`Command::Other`]; [`CommandLine::verb`] keeps its text.
///
/// `Display` and [`verb`](Self::verb) give the upper-case verb (`Other`
/// prints `OTHER`, and `"OTHER"` parses back to it); `FromStr` is ASCII
/// case-insensitive and fails on verbs the crate does not know (use
/// [`from_verb`](Self::from_verb) to get `Other` instead).
///
/// **`REST STREAM`**: RFC 3659 §5 gives REST a meaning in STREAM mode (a byte
/// offset) but no new verb: `REST STREAM` is the feature's FEAT line. Both
/// meanings are one command, [`Command::Rest`], whose rows cite RFC 959 §5.4
/// and RFC 3659 §5.3; they get the same replies (350, or an error).
///
/// # Example
///
/// ```
/// use ftp_reply::command::Command;
///
/// let c: Command = "Mlsd".parse().unwrap();
/// assert_eq!(c, Command::Mlsd);
/// assert_eq!(c.to_string(), "MLSD");
/// assert_eq!(Command::from_verb("XYZZY"), Command::Other);
/// assert!("XYZZY".parse::<Command>().is_err());
/// assert_eq!(Command::Xmkd.alias_of(), Some(Command::Mkd));
/// assert_eq!(Command::all().count(), 58);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "UPPERCASE", ascii_case_insensitive)]
#[strum(parse_err_ty = crate::UnknownNameError, parse_err_fn = crate::UnknownNameError::command)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "UPPERCASE"))]
#[non_exhaustive]
pub enum Command {
    /// USER: user name (RFC 959 §4.1.1).
    User,
    /// PASS: password (RFC 959 §4.1.1).
    Pass,
    /// ACCT: account (RFC 959 §4.1.1).
    Acct,
    /// CWD: change working directory (RFC 959 §4.1.1).
    Cwd,
    /// CDUP: change to parent directory (RFC 959 §4.1.1).
    Cdup,
    /// SMNT: structure mount (RFC 959 §4.1.1).
    Smnt,
    /// REIN: reinitialize (RFC 959 §4.1.1).
    Rein,
    /// QUIT: logout (RFC 959 §4.1.1).
    Quit,
    /// PORT: data port (RFC 959 §4.1.2).
    Port,
    /// PASV: passive (RFC 959 §4.1.2).
    Pasv,
    /// TYPE: representation type (RFC 959 §4.1.2).
    Type,
    /// STRU: file structure (RFC 959 §4.1.2).
    Stru,
    /// MODE: transfer mode (RFC 959 §4.1.2).
    Mode,
    /// RETR: retrieve (RFC 959 §4.1.3).
    Retr,
    /// STOR: store (RFC 959 §4.1.3).
    Stor,
    /// STOU: store unique (RFC 959 §4.1.3).
    Stou,
    /// APPE: append, with create (RFC 959 §4.1.3).
    Appe,
    /// ALLO: allocate (RFC 959 §4.1.3).
    Allo,
    /// REST: restart (RFC 959 §4.1.3), including RFC 3659 §5's STREAM-mode byte offset.
    Rest,
    /// RNFR: rename from (RFC 959 §4.1.3).
    Rnfr,
    /// RNTO: rename to (RFC 959 §4.1.3).
    Rnto,
    /// ABOR: abort (RFC 959 §4.1.3).
    Abor,
    /// DELE: delete (RFC 959 §4.1.3).
    Dele,
    /// RMD: remove directory (RFC 959 §4.1.3).
    Rmd,
    /// MKD: make directory (RFC 959 §4.1.3).
    Mkd,
    /// PWD: print working directory (RFC 959 §4.1.3).
    Pwd,
    /// LIST: list (RFC 959 §4.1.3).
    List,
    /// NLST: name list (RFC 959 §4.1.3).
    Nlst,
    /// SITE: site parameters (RFC 959 §4.1.3).
    Site,
    /// SYST: system (RFC 959 §4.1.3).
    Syst,
    /// STAT: status (RFC 959 §4.1.3).
    Stat,
    /// HELP: help (RFC 959 §4.1.3).
    Help,
    /// NOOP: no operation (RFC 959 §4.1.3).
    Noop,
    /// LPRT: long port (RFC 1639 §2, Experimental).
    Lprt,
    /// LPSV: long passive (RFC 1639 §3, Experimental).
    Lpsv,
    /// AUTH: authentication/security mechanism (RFC 2228 §3).
    Auth,
    /// ADAT: authentication/security data (RFC 2228 §3).
    Adat,
    /// PROT: data channel protection level (RFC 2228 §3).
    Prot,
    /// PBSZ: protection buffer size (RFC 2228 §3).
    Pbsz,
    /// CCC: clear command channel (RFC 2228 §3).
    Ccc,
    /// MIC: integrity protected command (RFC 2228 §3).
    Mic,
    /// CONF: confidentiality protected command (RFC 2228 §3).
    Conf,
    /// ENC: privacy protected command (RFC 2228 §3).
    Enc,
    /// FEAT: feature list (RFC 2389 §3).
    Feat,
    /// OPTS: options (RFC 2389 §4).
    Opts,
    /// EPRT: extended port (RFC 2428 §2).
    Eprt,
    /// EPSV: extended passive (RFC 2428 §3).
    Epsv,
    /// LANG: language negotiation (RFC 2640 §4.1).
    Lang,
    /// SIZE: file size (RFC 3659 §4).
    Size,
    /// MDTM: file modification time (RFC 3659 §3).
    Mdtm,
    /// MLST: machine listing of one object (RFC 3659 §7).
    Mlst,
    /// MLSD: machine listing of a directory (RFC 3659 §7).
    Mlsd,
    /// HOST: virtual host (RFC 7151 §3).
    Host,
    /// XCWD: experimental CWD (RFC 1123 §4.1.3.1).
    Xcwd,
    /// XCUP: experimental CDUP (RFC 1123 §4.1.3.1).
    Xcup,
    /// XMKD: experimental MKD (RFC 1123 §4.1.3.1).
    Xmkd,
    /// XPWD: experimental PWD (RFC 1123 §4.1.3.1).
    Xpwd,
    /// XRMD: experimental RMD (RFC 1123 §4.1.3.1).
    Xrmd,
    /// A verb the crate does not know; [`CommandLine::verb`] keeps its text.
    /// It has no expected replies, and [`Exchange`] accepts any reply to it
    /// under [`Leniency::UnknownCommand`].
    Other,
}

impl Command {
    /// Every known command (all but [`Command::Other`]), in declaration order:
    /// RFC 959's, then the extensions', then the `X*` aliases.
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// assert_eq!(Command::all().next(), Some(Command::User));
    /// assert!(Command::all().all(|c| c != Command::Other));
    /// ```
    #[must_use]
    pub fn all() -> impl ExactSizeIterator<Item = Command> + Clone {
        Self::ALL.into_iter()
    }

    /// Every known command (all but [`Command::Other`]), in declaration order.
    pub const ALL: [Command; 58] = [
        Command::User,
        Command::Pass,
        Command::Acct,
        Command::Cwd,
        Command::Cdup,
        Command::Smnt,
        Command::Rein,
        Command::Quit,
        Command::Port,
        Command::Pasv,
        Command::Type,
        Command::Stru,
        Command::Mode,
        Command::Retr,
        Command::Stor,
        Command::Stou,
        Command::Appe,
        Command::Allo,
        Command::Rest,
        Command::Rnfr,
        Command::Rnto,
        Command::Abor,
        Command::Dele,
        Command::Rmd,
        Command::Mkd,
        Command::Pwd,
        Command::List,
        Command::Nlst,
        Command::Site,
        Command::Syst,
        Command::Stat,
        Command::Help,
        Command::Noop,
        Command::Lprt,
        Command::Lpsv,
        Command::Auth,
        Command::Adat,
        Command::Prot,
        Command::Pbsz,
        Command::Ccc,
        Command::Mic,
        Command::Conf,
        Command::Enc,
        Command::Feat,
        Command::Opts,
        Command::Eprt,
        Command::Epsv,
        Command::Lang,
        Command::Size,
        Command::Mdtm,
        Command::Mlst,
        Command::Mlsd,
        Command::Host,
        Command::Xcwd,
        Command::Xcup,
        Command::Xmkd,
        Command::Xpwd,
        Command::Xrmd,
    ];

    /// The command for `verb`, case-insensitively; [`Command::Other`] when unknown.
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// assert_eq!(Command::from_verb("epsv"), Command::Epsv);
    /// assert_eq!(Command::from_verb("CLNT"), Command::Other);
    /// ```
    #[must_use]
    pub fn from_verb(verb: &str) -> Command {
        verb.parse().unwrap_or(Command::Other)
    }

    /// The upper-case verb, as sent on the wire (`"OTHER"` for [`Command::Other`]).
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// assert_eq!(Command::Xpwd.verb(), "XPWD");
    /// ```
    #[must_use]
    pub fn verb(self) -> &'static str {
        self.into()
    }

    /// `true` for every command but [`Command::Other`].
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// assert!(Command::Feat.is_known());
    /// assert!(!Command::Other.is_known());
    /// ```
    #[must_use]
    pub const fn is_known(self) -> bool {
        !matches!(self, Command::Other)
    }

    /// The replies this command may get, each with its role and sources, in
    /// the order of the table (`src/kb/data/commands.toml`): RFC 959 §5.4
    /// first, then the extension RFCs. Empty for [`Command::Other`].
    ///
    /// A code may appear twice with different roles: 522 answers STOR instead
    /// of the 1yz (RFC 4217 §11.4) or after it (RFC 4217 §10.2).
    ///
    /// Not listed here: the protected replies 631, 632 and 633, which may wrap
    /// the reply to any command once a security exchange has completed (RFC
    /// 2228 §8.2); [`expects`](Self::expects) accepts them for every command.
    ///
    /// ```
    /// use ftp_reply::command::{Command, Role};
    ///
    /// let codes: Vec<u16> = Command::Retr.expected_replies().iter().map(|e| e.code().as_u16()).collect();
    /// for c in [125, 150, 110, 226, 250, 425, 426, 451, 450, 550, 500, 501, 421, 530] {
    ///     assert!(codes.contains(&c), "{c}");
    /// }
    /// let e = Command::Cwd.expected_replies()[0];
    /// assert_eq!((e.code().as_u16(), e.role()), (250, Role::Success));
    /// assert_eq!(e.source().to_string(), "RFC 959 §5.4");
    /// ```
    #[must_use]
    pub const fn expected_replies(self) -> &'static [ExpectedReply] {
        table::data(self).replies
    }

    /// The role in which the RFCs allow `code` as a reply to this command, or
    /// `None` when they do not.
    ///
    /// When the table lists the code in two roles, the first is returned (see
    /// [`expected_replies`](Self::expected_replies)). 631, 632 and 633 give
    /// [`Role::Protected`] for every known command (RFC 2228 §8.2). For the
    /// RFC 3659 commands whose errors include "various 4xy replies" (SIZE,
    /// MDTM, MLST, MLSD), any 4yz code gives [`Role::Error`].
    ///
    /// This is the strict table; [`Exchange`] adds the order of the replies
    /// and the real-world [`Leniency`] rules.
    ///
    /// ```
    /// use ftp_reply::command::{Command, Role};
    /// use ftp_reply::ReplyCode;
    ///
    /// let code = |n| ReplyCode::new(n).unwrap();
    /// assert_eq!(Command::User.expects(code(331)), Some(Role::Intermediate));
    /// assert_eq!(Command::User.expects(code(550)), None);
    /// assert_eq!(Command::Stor.expects(code(110)), Some(Role::RestartMarker));
    /// assert_eq!(Command::Size.expects(code(452)), Some(Role::Error));
    /// assert_eq!(Command::Noop.expects(code(632)), Some(Role::Protected));
    /// assert_eq!(Command::Other.expects(code(200)), None);
    /// ```
    #[must_use]
    pub fn expects(self, code: ReplyCode) -> Option<Role> {
        if let Some(e) = self.expected_replies().iter().find(|e| e.code == code) {
            return Some(e.role);
        }
        if !self.is_known() {
            None
        } else if matches!(code.as_u16(), 631..=633) {
            Some(Role::Protected)
        } else if self.accepts_any_4yz() && code.is_transient_negative() {
            Some(Role::Error)
        } else {
            None
        }
    }

    /// Where the command itself is defined (`None` for [`Command::Other`]).
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// assert_eq!(Command::Epsv.defined_in().unwrap().to_string(), "RFC 2428 §3");
    /// assert_eq!(Command::Xcwd.defined_in().unwrap().to_string(), "RFC 1123 §4.1.3.1");
    /// ```
    #[must_use]
    pub const fn defined_in(self) -> Option<Source> {
        table::data(self).defined_in
    }

    /// For the experimental `X*` directory commands, the RFC 959 command they
    /// stand for (RFC 1123 §4.1.3.1); their replies are that command's.
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// assert_eq!(Command::Xcup.alias_of(), Some(Command::Cdup));
    /// assert_eq!(Command::Cdup.alias_of(), None);
    /// assert_eq!(Command::Xcup.expected_replies(), Command::Cdup.expected_replies());
    /// ```
    #[must_use]
    pub const fn alias_of(self) -> Option<Command> {
        table::data(self).alias_of
    }

    /// `true` when the command's completion reply follows a 1yz reply (RFC 959
    /// §5.4 nests it under the 1yz): the transfers (RETR, STOR, STOU, APPE,
    /// LIST, NLST) and MLSD. REIN is not one: its 220 may come alone or after 120.
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// assert!(Command::List.completes_after_preliminary());
    /// assert!(!Command::Rein.completes_after_preliminary());
    /// ```
    #[must_use]
    pub const fn completes_after_preliminary(self) -> bool {
        table::data(self).success_after_preliminary
    }

    /// `true` when the defining RFC allows "various 4xy replies" besides the
    /// listed errors (RFC 3659 §3.2, §4.2, §7.2.1: MDTM, SIZE, MLST, MLSD).
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// assert!(Command::Mdtm.accepts_any_4yz());
    /// assert!(!Command::Retr.accepts_any_4yz());
    /// ```
    #[must_use]
    pub const fn accepts_any_4yz(self) -> bool {
        table::data(self).any_4yz
    }

    /// What the RFCs add or say differently about this command's replies, in
    /// `lang` (`commands.<lang>.toml`), each note citing its source. Every
    /// language has the same notes in the same order.
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// use ftp_reply::Lang;
    /// for lang in Lang::ALL {
    ///     assert_eq!(Command::Abor.notes(lang).len(), Command::Abor.notes(Lang::En).len());
    ///     assert!(Command::Abor.notes(lang)[0].contains("426"));
    /// }
    /// ```
    #[must_use]
    pub const fn notes(self, lang: Lang) -> &'static [&'static str] {
        table::data(self).notes[lang as usize]
    }

    /// Where real servers disagree with the RFCs about this command, and what
    /// the crate does about it (usually: the [`Leniency`] rule that accepts
    /// the reply, or the [`Problem`] it is reported as), in English.
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// assert!(Command::Cdup.server_notes()[0].contains("GenericSuccess"));
    /// ```
    #[must_use]
    pub const fn server_notes(self) -> &'static [&'static str] {
        table::data(self).servers
    }
}

/// The part a reply plays in the exchange that follows a command (RFC 959
/// §4.2, §5.4).
///
/// Beyond the five roles of RFC 959 §5.4 (preliminary, intermediate,
/// success, error, error after a preliminary), two are kept apart because a
/// client must treat them differently: the 110 restart marker, which may come
/// any number of times between the 1yz and the completion, and the RFC 2228
/// protected reply (631-633), which wraps another reply.
///
/// # Example
///
/// ```
/// use ftp_reply::command::Role;
/// use ftp_reply::Lang;
///
/// assert!(Role::Success.is_final());
/// assert!(!Role::Preliminary.is_final());
/// assert_eq!(Role::ErrorAfterPreliminary.to_string(), "error_after_preliminary");
/// assert_eq!(Role::Intermediate.describe(Lang::default()), "intermediate: the command waits for another command");
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[strum(parse_err_ty = crate::UnknownNameError, parse_err_fn = crate::UnknownNameError::role)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Role {
    /// A 1yz reply that opens the exchange (125, 150; 120 at connection and
    /// after REIN): another reply follows.
    Preliminary,
    /// A 110 restart marker, between the 1yz and the completion of a transfer
    /// in block or compressed mode (RFC 959 §5.4 "(110)"; RFC 1123 §4.1.3.4).
    RestartMarker,
    /// A 2yz completion: the command succeeded.
    Success,
    /// A 4yz or 5yz reply that follows the 1yz: the transfer started, then failed.
    ErrorAfterPreliminary,
    /// A 3yz reply: the command is accepted and waits for another one (PASS after USER...).
    Intermediate,
    /// A 4yz or 5yz reply sent instead of any 1yz: the command failed.
    Error,
    /// A 631, 632 or 633 protected reply (RFC 2228 §5.2), which wraps the real reply.
    Protected,
}

impl Role {
    /// `true` when a reply in this role ends the exchange (no other reply to
    /// the same command follows): success, intermediate and both errors.
    ///
    /// ```
    /// use ftp_reply::command::Role;
    /// assert!(Role::ErrorAfterPreliminary.is_final());
    /// assert!(!Role::RestartMarker.is_final());
    /// assert!(!Role::Protected.is_final());
    /// ```
    #[must_use]
    pub const fn is_final(self) -> bool {
        matches!(
            self,
            Role::Success | Role::ErrorAfterPreliminary | Role::Intermediate | Role::Error
        )
    }

    /// The role a reply of this code's category takes when nothing else is
    /// known (used for [`Command::Other`]).
    ///
    /// ```
    /// use ftp_reply::command::Role;
    /// use ftp_reply::ReplyCode;
    /// assert_eq!(Role::from_category(ReplyCode::NOT_LOGGED_IN), Role::Error);
    /// ```
    #[must_use]
    pub const fn from_category(code: ReplyCode) -> Role {
        match code.as_u16() / 100 {
            1 if code.as_u16() == 110 => Role::RestartMarker,
            1 => Role::Preliminary,
            2 => Role::Success,
            3 => Role::Intermediate,
            6 => Role::Protected,
            _ => Role::Error,
        }
    }

    /// Every role, in declaration order.
    pub const ALL: [Role; 7] = [
        Role::Preliminary,
        Role::RestartMarker,
        Role::Success,
        Role::ErrorAfterPreliminary,
        Role::Intermediate,
        Role::Error,
        Role::Protected,
    ];

    /// The role as a short phrase in `lang` (`role.describe` in `ui.<lang>.toml`).
    ///
    /// ```
    /// use ftp_reply::command::Role;
    /// use ftp_reply::Lang;
    /// let fr: Lang = "fr".parse().unwrap();
    /// assert_eq!(Role::Success.describe(fr), "succès : la commande a abouti");
    /// ```
    #[must_use]
    pub const fn describe(self, lang: Lang) -> &'static str {
        lang.phrases().role_describe[self as usize]
    }

    /// The role as a list label ("as the success reply"; `role.list`).
    pub(crate) const fn list_label(self, lang: Lang) -> &'static str {
        lang.phrases().role_list[self as usize]
    }
}

/// One row of the command table: a reply code a command may get, its
/// [`Role`], and the documents that list it.
///
/// # Example
///
/// ```
/// use ftp_reply::command::{Command, Role};
/// use ftp_reply::Spec;
///
/// let e = Command::Auth.expected_replies().iter().find(|e| e.code() == 234).unwrap();
/// assert_eq!(e.role(), Role::Success);
/// assert_eq!(e.source().spec(), Spec::Rfc(2228));
/// assert_eq!(e.sources().len(), 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ExpectedReply {
    code: ReplyCode,
    role: Role,
    sources: &'static [Source],
}

impl ExpectedReply {
    /// The reply code.
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// let codes: Vec<u16> = Command::Pasv.expected_replies().iter().map(|e| e.code().as_u16()).collect();
    /// assert!(codes.contains(&227) && codes.contains(&502) && !codes.contains(&229));
    /// ```
    #[must_use]
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The part the reply plays.
    ///
    /// ```
    /// use ftp_reply::command::{Command, Role};
    /// let role = |code: u16| Command::Stor.expected_replies().iter().find(|e| e.code() == code).map(|e| e.role());
    /// assert_eq!(role(150), Some(Role::Preliminary));
    /// assert_eq!(role(226), Some(Role::Success));
    /// assert_eq!(role(452), Some(Role::Error));
    /// assert_eq!(role(331), None); // not a reply to STOR
    /// ```
    #[must_use]
    pub const fn role(&self) -> Role {
        self.role
    }

    /// The first document that lists this reply for this command.
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// let epsv = Command::Epsv.expected_replies().iter().find(|e| e.code() == 229).unwrap();
    /// assert_eq!(epsv.source().to_string(), "RFC 2428 §3");
    /// ```
    #[must_use]
    pub const fn source(&self) -> Source {
        self.sources[0]
    }

    /// Every document that lists this reply for this command (never empty).
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// let e = Command::Rest.expected_replies().iter().find(|e| e.code() == 350).unwrap();
    /// let s: Vec<String> = e.sources().iter().map(ToString::to_string).collect();
    /// assert_eq!(s, ["RFC 959 §5.4", "RFC 3659 §5.3"]);
    /// ```
    #[must_use]
    pub const fn sources(&self) -> &'static [Source] {
        self.sources
    }
}

impl ReplyCode {
    /// The commands that may get this reply, with the role it plays for each, in
    /// [`Command::all`] order (a command appears twice when the table lists the
    /// code in two roles). The `X*` aliases are included.
    ///
    /// The protected replies 631-633, which may wrap the reply to any command
    /// (RFC 2228 §8.2), are listed only for MIC, CONF and ENC, whose success they
    /// are. The connection greeting is not a command: see [`greeting_expects`].
    ///
    /// ```
    /// use ftp_reply::command::{Command, Role};
    /// use ftp_reply::ReplyCode;
    ///
    /// let v: Vec<_> = ReplyCode::new(227).unwrap().commands().collect();
    /// assert_eq!(v, [(Command::Pasv, Role::Success)]);
    /// let verbs: Vec<_> = ReplyCode::new(350).unwrap().commands().map(|(c, _)| c.verb()).collect();
    /// assert_eq!(verbs, ["REST", "RNFR"]);
    /// ```
    pub fn commands(self) -> impl Iterator<Item = (Command, Role)> + Clone {
        Command::all().flat_map(move |c| {
            c.expected_replies()
                .iter()
                .filter(move |e| e.code == self)
                .map(move |e| (c, e.role))
        })
    }
}

/// The replies a server may send when the control connection opens, before
/// any command (RFC 959 §5.4 "Connection Establishment"): 120 then 220, 220,
/// or 421.
///
/// ```
/// use ftp_reply::command::{greeting_replies, Role};
/// let v: Vec<_> = greeting_replies().iter().map(|e| (e.code().as_u16(), e.role())).collect();
/// assert_eq!(v, [(120, Role::Preliminary), (220, Role::Success), (421, Role::Error)]);
/// ```
#[must_use]
pub const fn greeting_replies() -> &'static [ExpectedReply] {
    table::GREETING.replies
}

/// The role of `code` in the connection greeting, or `None` when RFC 959 does
/// not list it there. [`Exchange::greeting`] checks a whole greeting.
///
/// ```
/// use ftp_reply::command::{greeting_expects, Role};
/// use ftp_reply::ReplyCode;
/// assert_eq!(greeting_expects(ReplyCode::new(220).unwrap()), Some(Role::Success));
/// assert_eq!(greeting_expects(ReplyCode::new(230).unwrap()), None);
/// ```
#[must_use]
pub fn greeting_expects(code: ReplyCode) -> Option<Role> {
    greeting_replies()
        .iter()
        .find(|e| e.code == code)
        .map(|e| e.role)
}

/// What the RFCs say about the greeting, in `lang`.
///
/// ```
/// use ftp_reply::Lang;
/// assert!(Lang::ALL.iter().all(|&l| ftp_reply::command::greeting_notes(l)[0].contains("120")));
/// ```
#[must_use]
pub const fn greeting_notes(lang: Lang) -> &'static [&'static str] {
    table::GREETING.notes[lang as usize]
}

/// The generated table: one `CommandData` per command.
mod table {
    #![allow(clippy::unreadable_literal)]
    use super::{Command, ExpectedReply, Role};
    use crate::ReplyCode;
    use crate::kb::{Source, Spec};

    pub(super) struct CommandData {
        #[allow(dead_code)] // kept for debugging the generated table
        pub(super) verb: &'static str,
        pub(super) defined_in: Option<Source>,
        pub(super) alias_of: Option<Command>,
        pub(super) success_after_preliminary: bool,
        pub(super) any_4yz: bool,
        pub(super) replies: &'static [ExpectedReply],
        pub(super) notes: [&'static [&'static str]; crate::Lang::COUNT],
        pub(super) servers: &'static [&'static str],
    }

    include!(concat!(env!("OUT_DIR"), "/commands.rs"));

    #[cfg(test)]
    mod tests {
        use super::{Command, data};

        #[test]
        fn generated_verbs_match_the_enum() {
            for c in Command::all() {
                assert_eq!(data(c).verb, c.verb());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_command_has_replies_and_a_source() {
        for c in Command::all() {
            assert!(!c.expected_replies().is_empty(), "{c}");
            assert!(c.defined_in().is_some(), "{c}");
            for e in c.expected_replies() {
                assert!(!e.sources().is_empty());
            }
        }
        assert!(Command::Other.expected_replies().is_empty());
    }

    #[test]
    fn roles_match_categories() {
        for c in Command::all() {
            for e in c.expected_replies() {
                let first = e.code().as_u16() / 100;
                let ok = match e.role() {
                    Role::Preliminary | Role::RestartMarker => first == 1,
                    Role::Success => first == 2,
                    Role::Intermediate => first == 3,
                    Role::Error | Role::ErrorAfterPreliminary => first == 4 || first == 5,
                    Role::Protected => first == 6,
                };
                assert!(ok, "{c} {}", e.code());
            }
        }
    }

    #[test]
    fn parse_display_round_trip() {
        for c in Command::all() {
            assert_eq!(c.verb().parse::<Command>().unwrap(), c);
            assert_eq!(c.verb().to_ascii_lowercase().parse::<Command>().unwrap(), c);
            assert_eq!(Command::from_verb(c.into()), c);
        }
    }

    #[test]
    fn aliases_share_replies_and_flags() {
        for c in Command::all() {
            if let Some(t) = c.alias_of() {
                assert_eq!(c.expected_replies(), t.expected_replies());
                assert_eq!(
                    c.completes_after_preliminary(),
                    t.completes_after_preliminary()
                );
                assert!(c.verb().starts_with('X'));
            }
        }
    }

    #[test]
    fn rest_is_one_command_for_both_rfcs() {
        let e = Command::Rest
            .expected_replies()
            .iter()
            .find(|e| e.code() == 350)
            .unwrap();
        assert_eq!(e.role(), Role::Intermediate);
        assert_eq!(e.sources().len(), 2);
    }
}

/// A set of commands, as a bit set (no allocation): the commands that may
/// produce a reply code, plus whether the code can come as the connection
/// greeting. Used by [`Difference::Commands`](crate::diff::Difference::Commands).
///
/// `X*` aliases (XCWD, XMKD...) are left out: they get the same replies as
/// the command they alias.
///
/// ```
/// use ftp_reply::ReplyCode;
/// use ftp_reply::command::{Command, CommandSet};
///
/// let set = CommandSet::producing(ReplyCode::ENTERING_PASSIVE_MODE);
/// assert_eq!(set.iter().collect::<Vec<_>>(), [Command::Pasv]);
/// assert!(!set.has_greeting());
/// assert!(CommandSet::producing(ReplyCode::SERVICE_NOT_AVAILABLE).has_greeting());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CommandSet {
    bits: u64,
    greeting: bool,
}

impl CommandSet {
    /// The commands (aliases excluded) that may get `code`, and whether the
    /// greeting may be `code`.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, CommandSet};
    /// let set = CommandSet::producing(ReplyCode::NEED_ACCOUNT_FOR_LOGIN);
    /// assert_eq!(set.iter().collect::<Vec<_>>(), [Command::User, Command::Pass]);
    /// assert!(!set.contains(Command::Xcwd)); // an alias, left out
    /// ```
    #[must_use]
    pub fn producing(code: ReplyCode) -> Self {
        let mut set = CommandSet {
            bits: 0,
            greeting: greeting_expects(code).is_some(),
        };
        for (c, _) in code.commands() {
            if c.alias_of().is_none() {
                set.bits |= 1 << (c as u8);
            }
        }
        set
    }

    /// Whether `command` is in the set.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, CommandSet};
    /// let set = CommandSet::producing(ReplyCode::FILE_STATUS_OK);
    /// assert!(set.contains(Command::Retr) && set.contains(Command::List));
    /// assert!(!set.contains(Command::Cwd) && !set.contains(Command::Other));
    /// ```
    #[must_use]
    pub fn contains(&self, command: Command) -> bool {
        command != Command::Other && self.bits & (1 << (command as u8)) != 0
    }

    /// Whether the code can be the connection greeting (120, 220, 421).
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::CommandSet;
    /// assert!(CommandSet::producing(ReplyCode::SERVICE_READY_FOR_NEW_USER).has_greeting());
    /// assert!(!CommandSet::producing(ReplyCode::NOT_LOGGED_IN).has_greeting());
    /// ```
    #[must_use]
    pub const fn has_greeting(&self) -> bool {
        self.greeting
    }

    /// How many commands are in the set (the greeting not counted).
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, CommandSet};
    /// assert_eq!(CommandSet::producing(ReplyCode::ENTERING_PASSIVE_MODE).len(), 1); // PASV
    /// let ready = CommandSet::producing(ReplyCode::SERVICE_READY_FOR_NEW_USER);
    /// assert_eq!(ready.len(), 2); // the greeting is not counted
    /// assert!(ready.contains(Command::Rein) && ready.contains(Command::Host) && ready.has_greeting());
    /// ```
    #[must_use]
    pub const fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }

    /// Whether the set has no command and not the greeting.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::CommandSet;
    /// assert!(CommandSet::producing(ReplyCode::new(299).unwrap()).is_empty()); // no document defines 299
    /// assert!(CommandSet::default().is_empty());
    /// assert!(!CommandSet::producing(ReplyCode::COMMAND_OK).is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.bits == 0 && !self.greeting
    }

    /// The commands, in declaration order.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::{Command, CommandSet};
    /// let verbs: Vec<_> = CommandSet::producing(ReplyCode::REQUESTED_FILE_ACTION_PENDING).iter().map(Command::verb).collect();
    /// assert_eq!(verbs, ["REST", "RNFR"]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = Command> + Clone + use<> {
        let set = *self;
        Command::all().filter(move |c| set.contains(*c))
    }
}

// `CommandSet` stores commands as bits of a u64: fail to compile if they stop fitting.
const _: () = assert!((Command::Other as u8) < 64);
