//! The typed evidence of an identification: what a clue is ([`Fingerprint`],
//! [`ClueKind`], [`Strength`]), what was seen ([`Evidence`]), how sure the
//! result is ([`Confidence`]) and the version shown ([`ServerVersion`]).

use core::fmt;

use super::fingerprints;
use crate::command::Command;
use crate::{Lang, ReplyCode, Server};

/// What part of a session a clue was read from.
///
/// `Display` gives an English label; [`ClueKind::label`] gives it in any [`Lang`].
///
/// ```
/// use ftp_reply::Lang;
/// use ftp_reply::identify::ClueKind;
/// assert_eq!(ClueKind::Help.to_string(), "the HELP reply");
/// assert_eq!(ClueKind::Help.label(Lang::Fr), "la réponse à HELP");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum ClueKind {
    /// The greeting (220): its wording or its multi-line layout.
    Greeting,
    /// A line of the FEAT reply: header, footer or a feature's wording.
    Features,
    /// The order of the features in the FEAT reply.
    FeatureOrder,
    /// The SYST reply.
    System,
    /// The HELP reply.
    Help,
    /// The STAT reply.
    Status,
    /// The wording of another reply (login, transfer, error...).
    Wording,
}

impl ClueKind {
    /// The label in `lang`.
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::identify::ClueKind;
    /// assert_eq!(ClueKind::FeatureOrder.label(Lang::En), "the order of the FEAT list");
    /// assert_eq!(ClueKind::Status.to_string(), "the STAT reply"); // Display: English
    /// ```
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        lang.phrases().identify_clue_kind[self as usize]
    }
}

impl fmt::Display for ClueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Lang::default()))
    }
}

/// How much a clue weighs; see the [module documentation](super) for the
/// thresholds.
///
/// ```
/// use ftp_reply::identify::Strength;
/// assert!(Strength::Names > Strength::Strong && Strength::Strong > Strength::Weak);
/// assert_eq!(Strength::Strong.points(), 40);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Strength {
    /// Typical of the server, but short or plausible elsewhere: 20 points.
    Weak,
    /// A wording that no other known server sends: 40 points.
    Strong,
    /// The text names the product: 100 points.
    Names,
}

impl Strength {
    /// The points a clue of this strength adds to its server's score.
    ///
    /// ```
    /// use ftp_reply::identify::{NAME_THRESHOLD, Strength};
    /// assert_eq!(Strength::Names.points(), 100);
    /// assert!(Strength::Names.points() >= NAME_THRESHOLD); // one naming reply is enough
    /// assert!(Strength::Strong.points() < NAME_THRESHOLD); // one wording is not
    /// ```
    #[must_use]
    pub const fn points(self) -> u16 {
        match self {
            Self::Weak => 20,
            Self::Strong => 40,
            Self::Names => 100,
        }
    }

    /// The label in `lang`.
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::identify::Strength;
    /// assert_eq!(Strength::Names.label(Lang::En), "names the server");
    /// ```
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        lang.phrases().identify_strength[self as usize]
    }
}

impl fmt::Display for Strength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Lang::default()))
    }
}

/// How sure an [`Identification`](super::Identification) is (ordered: `Likely < High < Certain`).
///
/// ```
/// use ftp_reply::Lang;
/// use ftp_reply::identify::Confidence;
/// assert!(Confidence::Certain > Confidence::High && Confidence::High > Confidence::Likely);
/// assert_eq!(Confidence::High.label(Lang::Fr), "élevée");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Confidence {
    /// The score reaches [`NAME_THRESHOLD`](super::NAME_THRESHOLD) but not [`HIGH_THRESHOLD`](super::HIGH_THRESHOLD), and no
    /// reply names the server.
    Likely,
    /// A score of at least [`HIGH_THRESHOLD`](super::HIGH_THRESHOLD) from wordings, without a reply
    /// that names the server.
    High,
    /// A reply names the server (banner, STAT, HELP, SYST or CSID text).
    /// A configurable banner can lie; wording from enough other replies
    /// outvotes it (the liar then scores below the [`MARGIN`](super::MARGIN)).
    Certain,
}

impl Confidence {
    /// The label in `lang`.
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::identify::Confidence;
    /// assert_eq!(Confidence::Certain.label(Lang::En), "named by the server");
    /// assert_eq!(Confidence::Likely.label(Lang::Es), "probable");
    /// ```
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        lang.phrases().identify_confidence[self as usize]
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Lang::default()))
    }
}

/// A server version as a reply showed it (`3.0.3`, `1.3.8rc4`), at most
/// [`CAPACITY`](Self::CAPACITY) bytes of ASCII letters, digits and `.-+_~`.
///
/// ```
/// use ftp_reply::Reply;
/// use ftp_reply::diagnosis::Server;
/// use ftp_reply::identify::ServerIdentifier;
/// let mut id = ServerIdentifier::new();
/// id.observe(None, &Reply::parse(b"220 pyftpdlib 2.2.0 ready.\r\n")?);
/// let best = id.best().unwrap();
/// let version = best.version().unwrap();
/// assert_eq!(version.as_str(), "2.2.0");
/// assert_eq!(version.to_string(), "2.2.0");
/// # Ok::<(), ftp_reply::DecodeError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ServerVersion {
    buf: [u8; Self::CAPACITY],
    len: u8,
}

impl ServerVersion {
    /// The longest version kept; a longer one is not reported.
    pub const CAPACITY: usize = 24;

    pub(super) fn new(bytes: &[u8]) -> Option<Self> {
        if bytes.is_empty() || bytes.len() > Self::CAPACITY || !bytes.is_ascii() {
            return None;
        }
        let mut buf = [0; Self::CAPACITY];
        buf[..bytes.len()].copy_from_slice(bytes);
        Some(Self {
            buf,
            len: u8::try_from(bytes.len()).ok()?,
        })
    }

    /// The version text.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// id.observe(None, &Reply::parse(b"220 ProFTPD 1.3.8rc4 Server (Debian) [::ffff:127.0.0.1]\r\n")?);
    /// let version = id.best().unwrap().version().copied();
    /// assert_eq!(version.as_ref().map(|v| v.as_str()), Some("1.3.8rc4"));
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored (checked in `new`).
        core::str::from_utf8(&self.buf[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Display for ServerVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ServerVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for ServerVersion {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ServerVersion {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Which lines of a reply a text fingerprint is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    /// The first line (the only one of a single-line reply).
    First,
    /// The last line (the only one of a single-line reply).
    Last,
    /// A line between the first and the last.
    Inner,
    /// Any line.
    Any,
}

/// A layout of a multi-line reply (at least three lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Every line but the last starts with the code and `-`; the last has no text.
    PrefixedThenEmpty,
    /// Inner lines carry no code and do not start with a space; the last line has no text.
    BareInnerThenEmpty,
    /// Every inner line starts with a space; the last line has text.
    SpaceInnerThenText,
}

/// How a fingerprint is recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// A line's text (code and separator removed, spaces trimmed) matches a
    /// pattern (see `pattern.rs`: `{*}`, `{n}`, `{v}`, case-sensitive).
    Text(Line, &'static str),
    /// The reply's layout.
    Shape(Shape),
    /// Every feature line of the FEAT reply is one of these, in this order
    /// (an entry matches a line equal to it or starting with it and a
    /// space), and there are at least [`MIN_ORDERED_FEATURES`] of them.
    Features(&'static [&'static str]),
}

/// How many feature lines a [`Rule::Features`] needs.
pub(super) const MIN_ORDERED_FEATURES: usize = 5;

/// One fact that points at a server: a text, layout or feature order that
/// the server sends, read in its source or in a recorded session.
///
/// [`Fingerprint::all`] lists the table; each row cites its source.
///
/// ```
/// use ftp_reply::diagnosis::Server;
/// use ftp_reply::identify::{Fingerprint, Strength};
/// let fp = Fingerprint::all().iter().find(|f| f.id() == "vsftpd-stat-version").unwrap();
/// assert_eq!(fp.server(), Server::Vsftpd);
/// assert_eq!(fp.strength(), Strength::Names);
/// assert_eq!(fp.pattern(), Some("vsFTPd {v} - secure, fast, stable"));
/// assert!(fp.source().contains("postlogin.c"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    pub(crate) id: &'static str,
    pub(crate) server: Server,
    pub(crate) kind: ClueKind,
    pub(crate) strength: Strength,
    pub(crate) code: u16,
    /// Commands whose reply this is; empty: any. Without a command from the
    /// caller, only the code and the text are compared.
    pub(crate) commands: &'static [Command],
    pub(crate) rule: Rule,
    pub(crate) source: &'static str,
}

impl Fingerprint {
    /// Every fingerprint: the English texts grouped by server, then the
    /// translated ones (ProFTPD's catalogues, Pure-FTPd's other languages).
    ///
    /// ```
    /// use ftp_reply::diagnosis::Server;
    /// use ftp_reply::identify::Fingerprint;
    /// let all = Fingerprint::all();
    /// for server in [Server::Vsftpd, Server::Proftpd, Server::PureFtpd, Server::Pyftpdlib, Server::Libunftp] {
    ///     assert!(all.iter().any(|f| f.server() == server));
    /// }
    /// ```
    #[must_use]
    pub fn all() -> &'static [Fingerprint] {
        fingerprints::ALL
    }

    /// A stable id, such as `pyftpdlib-feat-footer`.
    ///
    /// ```
    /// use ftp_reply::identify::Fingerprint;
    /// let fp = Fingerprint::all().iter().find(|f| f.id() == "vsftpd-stat-version").unwrap();
    /// assert!(fp.id().starts_with(fp.server().id()));
    /// assert_eq!(Fingerprint::all().iter().filter(|f| f.id() == fp.id()).count(), 1);
    /// ```
    #[must_use]
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The server it points at.
    ///
    /// ```
    /// use ftp_reply::diagnosis::Server;
    /// use ftp_reply::identify::Fingerprint;
    /// let fp = Fingerprint::all().iter().find(|f| f.id() == "vsftpd-stat-version").unwrap();
    /// assert_eq!(fp.server(), Server::Vsftpd);
    /// ```
    #[must_use]
    pub const fn server(&self) -> Server {
        self.server
    }

    /// What part of the session it is read from.
    ///
    /// ```
    /// use ftp_reply::identify::ClueKind;
    /// use ftp_reply::identify::Fingerprint;
    /// let fp = Fingerprint::all().iter().find(|f| f.id() == "vsftpd-stat-version").unwrap();
    /// assert_eq!(fp.kind(), ClueKind::Status);
    /// ```
    #[must_use]
    pub const fn kind(&self) -> ClueKind {
        self.kind
    }

    /// How much it weighs.
    ///
    /// ```
    /// use ftp_reply::identify::Strength;
    /// use ftp_reply::identify::Fingerprint;
    /// let fp = Fingerprint::all().iter().find(|f| f.id() == "vsftpd-stat-version").unwrap();
    /// assert_eq!(fp.strength(), Strength::Names); // the text names vsftpd
    /// ```
    #[must_use]
    pub const fn strength(&self) -> Strength {
        self.strength
    }

    /// The reply code it comes with.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::identify::Fingerprint;
    /// let fp = Fingerprint::all().iter().find(|f| f.id() == "vsftpd-stat-version").unwrap();
    /// assert_eq!(fp.code(), ReplyCode::SYSTEM_STATUS);
    /// ```
    #[must_use]
    pub const fn code(&self) -> ReplyCode {
        ReplyCode::known(self.code)
    }

    /// The commands whose reply it is (empty: any reply with that code).
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::Fingerprint;
    /// let fp = Fingerprint::all().iter().find(|f| f.id() == "vsftpd-stat-version").unwrap();
    /// assert_eq!(fp.commands(), [Command::Stat]);
    /// ```
    #[must_use]
    pub const fn commands(&self) -> &'static [Command] {
        self.commands
    }

    /// The text pattern, for fingerprints that compare a line's text
    /// (`{*}` any text, `{n}` digits, `{v}` the version, case-sensitive);
    /// `None` for layouts and feature orders.
    ///
    /// ```
    /// use ftp_reply::identify::Fingerprint;
    /// let order = Fingerprint::all().iter().find(|f| f.id() == "pure-ftpd-feature-order").unwrap();
    /// assert_eq!(order.pattern(), None);
    /// ```
    #[must_use]
    pub const fn pattern(&self) -> Option<&'static str> {
        match self.rule {
            Rule::Text(_, p) => Some(p),
            Rule::Shape(_) | Rule::Features(_) => None,
        }
    }

    /// For a feature-order fingerprint, the features in the server's order.
    ///
    /// ```
    /// use ftp_reply::identify::Fingerprint;
    /// let order = Fingerprint::all().iter().find(|f| f.id() == "pure-ftpd-feature-order").unwrap();
    /// assert_eq!(order.feature_order().unwrap()[..3], ["UTF8", "EPRT", "IDLE"]);
    /// let stat = Fingerprint::all().iter().find(|f| f.id() == "vsftpd-stat-version").unwrap();
    /// assert_eq!(stat.feature_order(), None);
    /// ```
    #[must_use]
    pub const fn feature_order(&self) -> Option<&'static [&'static str]> {
        match self.rule {
            Rule::Features(f) => Some(f),
            Rule::Text(..) | Rule::Shape(_) => None,
        }
    }

    /// Where the fact comes from: the server's source file and version, or a
    /// recorded session under `tests/data/`.
    ///
    /// ```
    /// use ftp_reply::identify::Fingerprint;
    /// assert!(Fingerprint::all().iter().all(|f| !f.source().is_empty()));
    /// let stat = Fingerprint::all().iter().find(|f| f.id() == "vsftpd-stat-version").unwrap();
    /// assert_eq!(stat.source(), "vsftpd 3.0.2 postlogin.c (handle_stat); seen in tests/data/servers/vsftpd-3.0.3-13+b2.txt");
    /// ```
    #[must_use]
    pub const fn source(&self) -> &'static str {
        self.source
    }

    pub(super) fn applies_to(&self, command: Option<Command>, code: ReplyCode) -> bool {
        self.code == code.as_u16()
            && (self.commands.is_empty() || command.is_none_or(|c| self.commands.contains(&c)))
    }
}

/// One clue seen in a session: the fingerprint, and the reply it was seen in.
///
/// ```
/// use ftp_reply::Reply;
/// use ftp_reply::command::Command;
/// use ftp_reply::identify::ServerIdentifier;
/// let mut id = ServerIdentifier::new();
/// id.observe(None, &Reply::parse(b"220 Welcome\r\n")?);
/// id.observe(Some(Command::Stat), &Reply::parse(
///     b"211-FTP server status:\r\n     vsFTPd 3.0.3 - secure, fast, stable\r\n211 End of status\r\n")?);
/// let clue = id.evidence().next().unwrap();
/// assert_eq!((clue.fingerprint().id(), clue.reply_index()), ("vsftpd-stat-version", 1));
/// assert_eq!((clue.command(), clue.code().as_u16()), (Some(Command::Stat), 211));
/// # Ok::<(), ftp_reply::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evidence {
    pub(super) fingerprint: &'static Fingerprint,
    pub(super) command: Option<Command>,
    pub(super) code: ReplyCode,
    pub(super) reply: u32,
    pub(super) version: Option<ServerVersion>,
}

impl Evidence {
    /// The fingerprint that matched.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// id.observe(None, &Reply::parse(b"220 Welcome\r\n")?);
    /// id.observe(Some(Command::Stat), &Reply::parse(
    ///     b"211-FTP server status:\r\n     vsFTPd 3.0.3 - secure, fast, stable\r\n211 End of status\r\n")?);
    /// let clue = id.evidence().next().unwrap();
    /// assert_eq!(clue.fingerprint().id(), "vsftpd-stat-version");
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn fingerprint(&self) -> &'static Fingerprint {
        self.fingerprint
    }

    /// The server it points at.
    ///
    /// ```
    /// use ftp_reply::diagnosis::Server;
    /// use ftp_reply::Reply;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// id.observe(None, &Reply::parse(b"220 Welcome\r\n")?);
    /// id.observe(Some(Command::Stat), &Reply::parse(
    ///     b"211-FTP server status:\r\n     vsFTPd 3.0.3 - secure, fast, stable\r\n211 End of status\r\n")?);
    /// let clue = id.evidence().next().unwrap();
    /// assert_eq!(clue.server(), Server::Vsftpd);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn server(&self) -> Server {
        self.fingerprint.server
    }

    /// The command the caller said the reply answered (`None`: not said, or the greeting).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// id.observe(None, &Reply::parse(b"220 Welcome\r\n")?);
    /// id.observe(Some(Command::Stat), &Reply::parse(
    ///     b"211-FTP server status:\r\n     vsFTPd 3.0.3 - secure, fast, stable\r\n211 End of status\r\n")?);
    /// let clue = id.evidence().next().unwrap();
    /// assert_eq!(clue.command(), Some(Command::Stat));
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn command(&self) -> Option<Command> {
        self.command
    }

    /// The code of the reply.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::Reply;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// id.observe(None, &Reply::parse(b"220 Welcome\r\n")?);
    /// id.observe(Some(Command::Stat), &Reply::parse(
    ///     b"211-FTP server status:\r\n     vsFTPd 3.0.3 - secure, fast, stable\r\n211 End of status\r\n")?);
    /// let clue = id.evidence().next().unwrap();
    /// assert_eq!(clue.code(), ReplyCode::SYSTEM_STATUS);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The index of the reply in the session (0 for the first one observed).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// id.observe(None, &Reply::parse(b"220 Welcome\r\n")?);
    /// id.observe(Some(Command::Stat), &Reply::parse(
    ///     b"211-FTP server status:\r\n     vsFTPd 3.0.3 - secure, fast, stable\r\n211 End of status\r\n")?);
    /// let clue = id.evidence().next().unwrap();
    /// assert_eq!(clue.reply_index(), 1); // the greeting was reply 0
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn reply_index(&self) -> u32 {
        self.reply
    }

    /// The version this clue showed, if any.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// id.observe(None, &Reply::parse(b"220 Welcome\r\n")?);
    /// id.observe(Some(Command::Stat), &Reply::parse(
    ///     b"211-FTP server status:\r\n     vsFTPd 3.0.3 - secure, fast, stable\r\n211 End of status\r\n")?);
    /// let clue = id.evidence().next().unwrap();
    /// assert_eq!(clue.version().map(|v| v.as_str()), Some("3.0.3"));
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn version(&self) -> Option<&ServerVersion> {
        self.version.as_ref()
    }
}
