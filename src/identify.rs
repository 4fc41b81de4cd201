//! Which server is this? Identification from everything a session shows,
//! not only the banner.
//!
//! [`identify_server`](crate::identify_server) reads the greeting, and
//! administrators hide it (vsftpd's `ftpd_banner`, ProFTPD's `ServerIdent
//! off`, Pure-FTPd's fortune banners). A [`ServerIdentifier`] reads every
//! reply of a session as it arrives (sans-IO: the caller feeds it) and
//! weighs what they show: the greeting's wording and layout, the FEAT list
//! (its header, footer, feature lines and their order), SYST, HELP, STAT,
//! and the wording of ordinary and error replies. Each clue is a
//! [`Fingerprint`]: a fact read in the server's source (file and version) or
//! in a recorded session, listed with that source in [`Fingerprint::all`].
//!
//! # Scoring and thresholds
//!
//! Every fingerprint has a [`Strength`], worth [`Strength::points`]:
//!
//! | strength | points | meaning |
//! |---|---|---|
//! | [`Names`](Strength::Names) | 100 | the text names the product (`vsFTPd 3.0.3 - secure, fast, stable` in STAT) |
//! | [`Strong`](Strength::Strong) | 40 | a wording no other known server sends (`211 End FEAT.`) |
//! | [`Weak`](Strength::Weak) | 20 | a wording or layout typical of the server but short or plausible elsewhere |
//!
//! Texts that several servers send (`530 Login incorrect.`, `215 UNIX Type:
//! L8`, `221 Goodbye.`) are not fingerprints at all: they name nobody.
//!
//! - Each fingerprint counts once per session, however often it is seen.
//! - Within one reply, only the strongest clue for each server counts (the
//!   others are kept as evidence): one reply can be copied whole, so a FEAT
//!   list with a telltale header and footer is one clue, not two.
//! - A server is named ([`ServerIdentifier::best`] returns it) only when its
//!   score reaches [`NAME_THRESHOLD`] (60) **and** leads the runner-up by at
//!   least [`MARGIN`] (40). So one `Names` clue suffices; otherwise it takes
//!   clues from at least two different replies (two strong, a strong and a
//!   weak, or three weak), and conflicting evidence names nobody.
//! - [`Confidence::Certain`]: a reply names the server; [`Confidence::High`]:
//!   a score of at least [`HIGH_THRESHOLD`] (100) from wordings alone;
//!   [`Confidence::Likely`]: the threshold is met, barely.
//!
//! The version is reported when a clue shows it (vsftpd's STAT, libunftp's
//! HELP and STAT, ProFTPD's CSID, pyftpdlib's and FileZilla Server's
//! default banners); nothing is guessed from feature sets.
//!
//! Memory is bounded and nothing allocates: the identifier keeps at most
//! [`MAX_EVIDENCE`] clues (later ones still count, and
//! [`ServerIdentifier::evidence_dropped`] says how many were not kept) and
//! one version per server of at most [`ServerVersion::CAPACITY`] bytes.
//!
//! The fingerprints are English texts, as the servers send them by default;
//! ProFTPD's translated catalogues are not fingerprinted.
//!
//! # Example: vsftpd with its banner replaced
//!
//! ```
//! use ftp_reply::{Reply, Server};
//! use ftp_reply::command::Command;
//! use ftp_reply::identify::{Confidence, ServerIdentifier};
//!
//! let mut id = ServerIdentifier::new();
//! id.observe(None, &Reply::parse(b"220 Welcome to our FTP service\r\n")?);
//! id.observe(Some(Command::User), &Reply::parse(b"331 Please specify the password.\r\n")?);
//! id.observe(Some(Command::Pass), &Reply::parse(b"530 Login incorrect.\r\n")?);
//! assert!(id.best().is_none(), "one strong clue is not enough");
//!
//! id.observe(Some(Command::Stat), &Reply::parse(
//!     b"211-FTP server status:\r\n     vsFTPd 3.0.3 - secure, fast, stable\r\n211 End of status\r\n")?);
//! let best = id.best().expect("STAT names the server");
//! assert_eq!(best.server(), Server::Vsftpd);
//! assert_eq!(best.version().map(|v| v.as_str()), Some("3.0.3"));
//! assert_eq!(best.confidence(), Confidence::Certain);
//! for clue in best.evidence() {
//!     println!("{}: {} ({})", clue.fingerprint().id(), clue.fingerprint().kind(), clue.fingerprint().source());
//! }
//! # Ok::<(), ftp_reply::DecodeError>(())
//! ```
//!
//! # Example: wording alone, without `alloc`
//!
//! [`ServerIdentifier::observe_lines`] takes the raw lines of a reply
//! (as received, with their codes), so a borrowed view of a reply can feed it.
//!
//! ```
//! use ftp_reply::{ReplyCode, Server};
//! use ftp_reply::command::Command;
//! use ftp_reply::identify::{Confidence, ServerIdentifier};
//!
//! let mut id = ServerIdentifier::new();
//! let feat: [&[u8]; 4] = [b"211-Features supported:", b" EPRT", b" MDTM", b"211 End FEAT."];
//! id.observe_lines(Some(Command::Feat), ReplyCode::new(211)?, feat);
//! assert!(id.best().is_none(), "one reply, however telltale, is one clue");
//! id.observe_lines(Some(Command::User), ReplyCode::new(331)?, [&b"331 Username ok, send password."[..]]);
//! let best = id.best().expect("two strong clues from two replies");
//! assert_eq!(best.server(), Server::Pyftpdlib);
//! assert_eq!(best.confidence(), Confidence::Likely);
//! assert_eq!(best.score(), 80);
//! # Ok::<(), ftp_reply::InvalidReplyCode>(())
//! ```

mod fingerprints;
mod labels;
mod pattern;

use core::fmt;

use crate::command::Command;
use crate::{Lang, ReplyCode, Server};

/// The score a server needs before it is named.
pub const NAME_THRESHOLD: u16 = 60;
/// How far the named server must lead the runner-up.
pub const MARGIN: u16 = 40;
/// The score from which an identification by wording alone is
/// [`Confidence::High`].
pub const HIGH_THRESHOLD: u16 = 100;
/// How many clues a [`ServerIdentifier`] keeps as evidence.
pub const MAX_EVIDENCE: usize = 32;
/// How many servers a [`ServerIdentifier`] tracks at once (more than the
/// crate knows).
const MAX_CANDIDATES: usize = 12;

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
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        labels::get(labels::clue_kind(self), lang)
    }
}

impl fmt::Display for ClueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Lang::En))
    }
}

/// How much a clue weighs; see the [module documentation](self) for the
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
        labels::get(labels::strength(self), lang)
    }
}

impl fmt::Display for Strength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Lang::En))
    }
}

/// How sure an [`Identification`] is (ordered: `Likely < High < Certain`).
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
    /// The score reaches [`NAME_THRESHOLD`] but not [`HIGH_THRESHOLD`], and no
    /// reply names the server.
    Likely,
    /// A score of at least [`HIGH_THRESHOLD`] from wordings, without a reply
    /// that names the server.
    High,
    /// A reply names the server (banner, STAT, HELP, SYST or CSID text).
    /// A configurable banner can lie; wording from enough other replies
    /// outvotes it (the liar then scores below the [`MARGIN`]).
    Certain,
}

impl Confidence {
    /// The label in `lang`.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        labels::get(labels::confidence(self), lang)
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Lang::En))
    }
}

/// A server version as a reply showed it (`3.0.3`, `1.3.8rc4`), at most
/// [`CAPACITY`](Self::CAPACITY) bytes of ASCII letters, digits and `.-+_~`.
///
/// ```
/// use ftp_reply::{Reply, Server};
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

    fn new(bytes: &[u8]) -> Option<Self> {
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
const MIN_ORDERED_FEATURES: usize = 5;

/// One fact that points at a server: a text, layout or feature order that
/// the server sends, read in its source or in a recorded session.
///
/// [`Fingerprint::all`] lists the table; each row cites its source.
///
/// ```
/// use ftp_reply::Server;
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
    /// Every fingerprint, grouped by server.
    #[must_use]
    pub fn all() -> &'static [Fingerprint] {
        fingerprints::ALL
    }

    /// A stable id, such as `pyftpdlib-feat-footer`.
    #[must_use]
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The server it points at.
    #[must_use]
    pub const fn server(&self) -> Server {
        self.server
    }

    /// What part of the session it is read from.
    #[must_use]
    pub const fn kind(&self) -> ClueKind {
        self.kind
    }

    /// How much it weighs.
    #[must_use]
    pub const fn strength(&self) -> Strength {
        self.strength
    }

    /// The reply code it comes with.
    #[must_use]
    pub const fn code(&self) -> ReplyCode {
        ReplyCode::known(self.code)
    }

    /// The commands whose reply it is (empty: any reply with that code).
    #[must_use]
    pub const fn commands(&self) -> &'static [Command] {
        self.commands
    }

    /// The text pattern, for fingerprints that compare a line's text
    /// (`{*}` any text, `{n}` digits, `{v}` the version, case-sensitive);
    /// `None` for layouts and feature orders.
    #[must_use]
    pub const fn pattern(&self) -> Option<&'static str> {
        match self.rule {
            Rule::Text(_, p) => Some(p),
            Rule::Shape(_) | Rule::Features(_) => None,
        }
    }

    /// For a feature-order fingerprint, the features in the server's order.
    #[must_use]
    pub const fn feature_order(&self) -> Option<&'static [&'static str]> {
        match self.rule {
            Rule::Features(f) => Some(f),
            Rule::Text(..) | Rule::Shape(_) => None,
        }
    }

    /// Where the fact comes from: the server's source file and version, or a
    /// recorded session under `tests/data/`.
    #[must_use]
    pub const fn source(&self) -> &'static str {
        self.source
    }

    fn applies_to(&self, command: Option<Command>, code: ReplyCode) -> bool {
        self.code == code.as_u16()
            && (self.commands.is_empty() || command.is_none_or(|c| self.commands.contains(&c)))
    }
}

/// One clue seen in a session: the fingerprint, and the reply it was seen in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evidence {
    fingerprint: &'static Fingerprint,
    command: Option<Command>,
    code: ReplyCode,
    reply: u32,
    version: Option<ServerVersion>,
}

impl Evidence {
    /// The fingerprint that matched.
    #[must_use]
    pub const fn fingerprint(&self) -> &'static Fingerprint {
        self.fingerprint
    }

    /// The server it points at.
    #[must_use]
    pub const fn server(&self) -> Server {
        self.fingerprint.server
    }

    /// The command the caller said the reply answered (`None`: not said, or the greeting).
    #[must_use]
    pub const fn command(&self) -> Option<Command> {
        self.command
    }

    /// The code of the reply.
    #[must_use]
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The index of the reply in the session (0 for the first one observed).
    #[must_use]
    pub const fn reply_index(&self) -> u32 {
        self.reply
    }

    /// The version this clue showed, if any.
    #[must_use]
    pub const fn version(&self) -> Option<&ServerVersion> {
        self.version.as_ref()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Candidate {
    server: Server,
    score: u16,
    named: bool,
    version: Option<ServerVersion>,
}

/// Sans-IO identification of a server from the replies of a session.
///
/// Feed it every reply as it arrives with [`observe`](Self::observe) (or
/// [`observe_lines`](Self::observe_lines)), with the command it answers
/// when known (`None` for the greeting), and ask [`best`](Self::best) at any
/// time. It never allocates; see the [module documentation](self) for the
/// thresholds.
///
/// ```
/// use ftp_reply::{Reply, Server};
/// use ftp_reply::command::Command;
/// use ftp_reply::identify::ServerIdentifier;
///
/// let mut id = ServerIdentifier::new();
/// id.observe(None, &Reply::parse(b"220 FTP ready\r\n")?);
/// id.observe(Some(Command::Pass), &Reply::parse(b"530 Login incorrect.\r\n")?);
/// assert!(id.best().is_none(), "generic texts name nobody");
/// assert_eq!(id.evidence().count(), 0);
///
/// id.observe(Some(Command::Help), &Reply::parse(b"214-The following SITE commands are recognized\r\n ALIAS\r\n214 Pure-FTPd - http://pureftpd.org/\r\n")?);
/// assert_eq!(id.best().map(|b| b.server()), Some(Server::PureFtpd));
/// # Ok::<(), ftp_reply::DecodeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct ServerIdentifier {
    candidates: [Option<Candidate>; MAX_CANDIDATES],
    evidence: [Option<Evidence>; MAX_EVIDENCE],
    kept: usize,
    dropped: u32,
    /// One bit per fingerprint already seen (each counts once).
    seen: [u64; fingerprints::SEEN_WORDS],
    replies: u32,
}

impl Default for ServerIdentifier {
    fn default() -> Self {
        Self::new()
    }
}

impl ServerIdentifier {
    /// An identifier that has seen nothing.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            candidates: [None; MAX_CANDIDATES],
            evidence: [None; MAX_EVIDENCE],
            kept: 0,
            dropped: 0,
            seen: [0; fingerprints::SEEN_WORDS],
            replies: 0,
        }
    }

    /// Forgets everything seen (for a new session).
    pub fn reset(&mut self) {
        *self = Self::new();
    }

    /// Observes one complete reply, with the command it answers (`None` for
    /// the greeting, or when unknown).
    #[cfg(feature = "alloc")]
    pub fn observe(&mut self, command: Option<Command>, reply: &crate::Reply) {
        self.observe_lines(command, reply.code(), reply.raw_lines());
    }

    /// Observes one complete reply given as its `code` and its lines as
    /// received (each with its code, without the line end), with the command
    /// it answers (`None` for the greeting, or when unknown).
    ///
    /// Lines need not be UTF-8. Lines that do not start the way the
    /// description says are compared as they are: nothing here panics.
    pub fn observe_lines<'a, I>(&mut self, command: Option<Command>, code: ReplyCode, lines: I)
    where
        I: IntoIterator<Item = &'a [u8]>,
    {
        let reply = self.replies;
        self.replies = self.replies.saturating_add(1);
        let mut fired = Fired::default();
        let mut layout = Layout::new(code);
        let mut order = [Order::default(); fingerprints::ORDER_RULES];
        let mut lines = lines.into_iter().peekable();
        let mut index = 0usize;
        while let Some(raw) = lines.next() {
            let last = lines.peek().is_none();
            let (text, inner) = line_text(raw, code, index == 0 || last);
            layout.line(raw, index, last, text);
            for (i, fp) in fingerprints::ALL.iter().enumerate() {
                if !fp.applies_to(command, code) {
                    continue;
                }
                match fp.rule {
                    Rule::Text(which, pattern) => {
                        let wanted = match which {
                            Line::First => index == 0,
                            Line::Last => last,
                            Line::Inner => index > 0 && !last,
                            Line::Any => true,
                        };
                        if !wanted {
                            continue;
                        }
                        if let Some(m) = pattern::matches(pattern, text) {
                            let version =
                                m.version.and_then(|(a, b)| ServerVersion::new(&text[a..b]));
                            fired.push(i, version);
                        }
                    }
                    Rule::Features(features) => {
                        if inner && index > 0 && !last {
                            let slot = fingerprints::order_slot(i);
                            if let Some(state) = order.get_mut(slot) {
                                state.line(features, text);
                            }
                        }
                    }
                    Rule::Shape(_) => {}
                }
            }
            index += 1;
        }
        for (i, fp) in fingerprints::ALL.iter().enumerate() {
            if !fp.applies_to(command, code) {
                continue;
            }
            match fp.rule {
                Rule::Shape(shape) if layout.is(shape) => fired.push(i, None),
                Rule::Features(_) => {
                    let slot = fingerprints::order_slot(i);
                    if order.get(slot).is_some_and(Order::matched) {
                        fired.push(i, None);
                    }
                }
                _ => {}
            }
        }
        self.record(command, code, reply, &fired);
    }

    /// Scores what one reply showed: new fingerprints only, the strongest per server.
    fn record(&mut self, command: Option<Command>, code: ReplyCode, reply: u32, fired: &Fired) {
        let mut best: [Option<(Server, u16)>; MAX_CANDIDATES] = [None; MAX_CANDIDATES];
        for &(i, version) in &fired.hits[..fired.len] {
            let (word, bit) = (i / 64, 1u64 << (i % 64));
            if self.seen[word] & bit != 0 {
                continue;
            }
            self.seen[word] |= bit;
            let fp = &fingerprints::ALL[i];
            let evidence = Evidence {
                fingerprint: fp,
                command,
                code,
                reply,
                version,
            };
            if self.kept < MAX_EVIDENCE {
                self.evidence[self.kept] = Some(evidence);
                self.kept += 1;
            } else {
                self.dropped = self.dropped.saturating_add(1);
            }
            let points = fp.strength.points();
            if let Some(slot) = best
                .iter_mut()
                .find(|s| s.is_none_or(|(server, _)| server == fp.server))
            {
                let old = slot.map_or(0, |(_, p)| p);
                *slot = Some((fp.server, old.max(points)));
            }
            if let Some(c) = self.candidate(fp.server) {
                c.named |= fp.strength == Strength::Names;
                if c.version.is_none() {
                    c.version = version;
                }
            }
        }
        for (server, points) in best.iter().flatten() {
            if let Some(c) = self.candidate(*server) {
                c.score = c.score.saturating_add(*points);
            }
        }
    }

    fn candidate(&mut self, server: Server) -> Option<&mut Candidate> {
        let pos = self
            .candidates
            .iter()
            .position(|c| c.is_none_or(|c| c.server == server))?;
        let slot = &mut self.candidates[pos];
        Some(slot.get_or_insert(Candidate {
            server,
            score: 0,
            named: false,
            version: None,
        }))
    }

    /// The server this session identifies, or `None` when the evidence is
    /// too thin or contradictory (see the [module documentation](self)).
    #[must_use]
    pub fn best(&self) -> Option<Identification<'_>> {
        let mut first: Option<&Candidate> = None;
        let mut runner_up = 0u16;
        for c in self.candidates.iter().flatten() {
            match first {
                Some(f) if c.score <= f.score => runner_up = runner_up.max(c.score),
                _ => {
                    runner_up = runner_up.max(first.map_or(0, |f| f.score));
                    first = Some(c);
                }
            }
        }
        let first = first?;
        if first.score < NAME_THRESHOLD || first.score - runner_up < MARGIN {
            return None;
        }
        let confidence = if first.named {
            Confidence::Certain
        } else if first.score >= HIGH_THRESHOLD {
            Confidence::High
        } else {
            Confidence::Likely
        };
        Some(Identification {
            server: first.server,
            version: first.version,
            confidence,
            score: first.score,
            runner_up,
            evidence: &self.evidence[..self.kept],
        })
    }

    /// The score of `server` so far (0 when nothing pointed at it).
    ///
    /// ```
    /// use ftp_reply::{Reply, Server};
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// id.observe(None, &Reply::parse(b"200 Zzz...\r\n")?);
    /// assert_eq!(id.score(Server::PureFtpd), 40);
    /// assert_eq!(id.score(Server::Vsftpd), 0);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn score(&self, server: Server) -> u16 {
        self.candidates
            .iter()
            .flatten()
            .find(|c| c.server == server)
            .map_or(0, |c| c.score)
    }

    /// Every clue kept so far, in the order seen (at most [`MAX_EVIDENCE`]).
    pub fn evidence(&self) -> impl Iterator<Item = &Evidence> + '_ {
        self.evidence[..self.kept].iter().flatten()
    }

    /// How many clues were counted but not kept, once [`MAX_EVIDENCE`] were.
    #[must_use]
    pub const fn evidence_dropped(&self) -> u32 {
        self.dropped
    }

    /// How many replies were observed.
    #[must_use]
    pub const fn replies_observed(&self) -> u32 {
        self.replies
    }
}

/// The server a session identifies, with its version when shown, the
/// confidence and the evidence; see [`ServerIdentifier::best`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identification<'a> {
    server: Server,
    version: Option<ServerVersion>,
    confidence: Confidence,
    score: u16,
    runner_up: u16,
    evidence: &'a [Option<Evidence>],
}

impl<'a> Identification<'a> {
    /// The server.
    #[must_use]
    pub const fn server(&self) -> Server {
        self.server
    }

    /// Its version, when a reply showed it.
    #[must_use]
    pub const fn version(&self) -> Option<&ServerVersion> {
        self.version.as_ref()
    }

    /// How sure the identification is.
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// The server's score (see the [module documentation](self)).
    #[must_use]
    pub const fn score(&self) -> u16 {
        self.score
    }

    /// The best score of any other server.
    #[must_use]
    pub const fn runner_up(&self) -> u16 {
        self.runner_up
    }

    /// The clues that point at this server, in the order seen.
    pub fn evidence(&self) -> impl Iterator<Item = &'a Evidence> + 'a {
        let server = self.server;
        self.evidence
            .iter()
            .flatten()
            .filter(move |e| e.server() == server)
    }
}

/// Fingerprints that matched in one reply (each index at most once; past
/// 16 in one reply, the rest are ignored).
#[derive(Default)]
struct Fired {
    hits: [(usize, Option<ServerVersion>); 16],
    len: usize,
}

impl Fired {
    fn push(&mut self, index: usize, version: Option<ServerVersion>) {
        if self.hits[..self.len].iter().any(|(i, _)| *i == index) {
            return;
        }
        if let Some(slot) = self.hits.get_mut(self.len) {
            *slot = (index, version);
            self.len += 1;
        }
    }
}

/// The text of a line: the code and separator removed from the first and
/// last lines (and from inner lines that repeat the code), spaces trimmed.
/// The flag says whether the line is an inner line without a code.
fn line_text(raw: &[u8], code: ReplyCode, edge: bool) -> (&[u8], bool) {
    let has_code = raw.len() >= 4
        && raw[..3].iter().all(u8::is_ascii_digit)
        && ReplyCode::from_bytes(&raw[..3]).is_ok_and(|c| c == code)
        && matches!(raw[3], b'-' | b' ');
    let text = if edge {
        raw.get(4..).unwrap_or_default()
    } else if has_code {
        &raw[4..]
    } else {
        raw
    };
    (raw_trim(text), !edge && !has_code)
}

fn raw_trim(mut t: &[u8]) -> &[u8] {
    while let [rest @ .., b' ' | b'\t' | b'\r' | b'\n'] = t {
        t = rest;
    }
    while let [b' ' | b'\t', rest @ ..] = t {
        t = rest;
    }
    t
}

/// The layout of a reply, built line by line.
#[allow(clippy::struct_excessive_bools)]
struct Layout {
    code: ReplyCode,
    lines: usize,
    non_last_prefixed: bool,
    inner_bare: bool,
    inner_space: bool,
    last_empty: bool,
}

impl Layout {
    const fn new(code: ReplyCode) -> Self {
        Self {
            code,
            lines: 0,
            non_last_prefixed: true,
            inner_bare: true,
            inner_space: true,
            last_empty: false,
        }
    }

    fn line(&mut self, raw: &[u8], index: usize, last: bool, text: &[u8]) {
        self.lines += 1;
        let prefixed = raw.len() >= 4
            && ReplyCode::from_bytes(&raw[..3]).is_ok_and(|c| c == self.code)
            && raw[3] == b'-';
        if !last && !prefixed {
            self.non_last_prefixed = false;
        }
        if index > 0 && !last {
            let coded =
                raw.len() >= 4 && ReplyCode::from_bytes(&raw[..3]).is_ok_and(|c| c == self.code);
            if coded || raw.first() == Some(&b' ') {
                self.inner_bare = false;
            }
            if raw.first() != Some(&b' ') {
                self.inner_space = false;
            }
        }
        if last {
            self.last_empty = text.is_empty();
        }
    }

    fn is(&self, shape: Shape) -> bool {
        self.lines >= 3
            && match shape {
                Shape::PrefixedThenEmpty => self.non_last_prefixed && self.last_empty,
                Shape::BareInnerThenEmpty => self.inner_bare && self.last_empty,
                Shape::SpaceInnerThenText => self.inner_space && !self.last_empty,
            }
    }
}

/// Progress of one feature-order rule over the inner lines of a FEAT reply.
#[derive(Debug, Clone, Copy, Default)]
struct Order {
    /// Index in the list after the last matched entry.
    next: usize,
    count: usize,
    broken: bool,
}

impl Order {
    fn line(&mut self, list: &[&str], text: &[u8]) {
        if self.broken || text.is_empty() {
            return;
        }
        let hit = list.iter().skip(self.next).position(|entry| {
            let e = entry.as_bytes();
            text == e || (text.len() > e.len() && text.starts_with(e) && text[e.len()] == b' ')
        });
        match hit {
            Some(offset) => {
                self.next += offset + 1;
                self.count += 1;
            }
            None => self.broken = true,
        }
    }

    fn matched(&self) -> bool {
        !self.broken && self.count >= MIN_ORDERED_FEATURES
    }
}

#[cfg(all(test, feature = "alloc"))]
mod tests;
