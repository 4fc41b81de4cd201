//! Which server is this? Identification from everything a session shows,
//! not only the banner.
//!
//! [`identify_server`](crate::diagnosis::identify_server) reads the greeting, and
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
//! Most fingerprints are English texts, as the servers send them by default.
//! A ProFTPD that speaks another language through its message catalogues
//! (`LangDefault`, or the client's `LANG`), or a Pure-FTPd built in another
//! language, is recognised by the translations of the same texts: every
//! catalogue ProFTPD 1.3.8 ships (Bulgarian, Spanish, French, Italian,
//! Japanese, Korean, Russian, Simplified and Traditional Chinese) and
//! Pure-FTPd's German, Spanish, French and Italian messages, each row citing
//! its catalogue file and version.
//!
//! # Example: vsftpd with its banner replaced
//!
//! ```
//! use ftp_reply::Reply;
//! use ftp_reply::diagnosis::Server;
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
//! use ftp_reply::ReplyCode;
//! use ftp_reply::diagnosis::Server;
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
//! # Ok::<(), ftp_reply::InvalidCodeError>(())
//! ```

mod clue;
mod fingerprints;
mod localized;
mod pattern;
mod reading;
#[cfg(feature = "serde")]
mod ser;

pub use clue::{ClueKind, Confidence, Evidence, Fingerprint, ServerVersion, Strength};

use clue::{Line, Rule};
use reading::{Fired, Layout, Order, line_text};

use crate::ReplyCode;
use crate::Server;
use crate::command::Command;

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
/// use ftp_reply::Reply;
/// use ftp_reply::diagnosis::Server;
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
    ///
    /// ```
    /// use ftp_reply::identify::ServerIdentifier;
    /// let id = ServerIdentifier::new();
    /// assert!(id.best().is_none());
    /// assert_eq!((id.replies_observed(), id.evidence().count()), (0, 0));
    /// ```
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
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// id.observe(None, &Reply::parse(b"220 (vsFTPd 3.0.3)\r\n")?);
    /// assert!(id.best().is_some());
    /// id.reset();
    /// assert!(id.best().is_none() && id.replies_observed() == 0);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    pub fn reset(&mut self) {
        *self = Self::new();
    }

    /// Observes one complete reply, with the command it answers (`None` for
    /// the greeting, or when unknown).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// id.observe(None, &Reply::parse(b"220 Welcome\r\n")?);
    /// id.observe(Some(Command::Syst), &Reply::parse(b"215 UNIX Type: L8\r\n")?);
    /// assert_eq!(id.replies_observed(), 2);
    /// assert!(id.best().is_none()); // what every server says names nobody
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
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
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// id.observe_lines(None, ReplyCode::SERVICE_READY_FOR_NEW_USER, [&b"220 \xff\xfe not UTF-8"[..]]);
    /// id.observe_lines(None, ReplyCode::COMMAND_OK, [&b""[..], &b"2"[..]]); // lines that do not fit
    /// assert_eq!(id.replies_observed(), 2);
    /// ```
    pub fn observe_lines<'a, I>(&mut self, command: Option<Command>, code: ReplyCode, lines: I)
    where
        I: IntoIterator<Item = &'a [u8]>,
    {
        let reply = self.replies;
        self.replies = self.replies.saturating_add(1);
        let mut fired = Fired::default();
        let mut layout = Layout::new(code);
        let mut order = [Order::default(); fingerprints::ORDER_RULES];
        // The fingerprints for this code and command, found once per reply.
        let mut relevant = [0u16; fingerprints::ALL.len()];
        let mut n = 0;
        for (i, fp) in fingerprints::ALL.iter().enumerate() {
            if fp.applies_to(command, code) {
                relevant[n] = u16::try_from(i).unwrap_or(u16::MAX);
                n += 1;
            }
        }
        let relevant = &relevant[..n];
        let mut lines = lines.into_iter().peekable();
        let mut index = 0usize;
        while let Some(raw) = lines.next() {
            let last = lines.peek().is_none();
            let (text, inner) = line_text(raw, code, index == 0 || last);
            layout.line(raw, index, last, text);
            for &i in relevant {
                let (i, fp) = (usize::from(i), &fingerprints::ALL[usize::from(i)]);
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
                        if !pattern::ends_agree(pattern, text) {
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
        for &i in relevant {
            let (i, fp) = (usize::from(i), &fingerprints::ALL[usize::from(i)]);
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
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::identify::{Confidence, ServerIdentifier};
    /// let mut id = ServerIdentifier::new();
    /// id.observe(None, &Reply::parse(b"220 ProFTPD Server (Debian) [::ffff:127.0.0.1]\r\n")?);
    /// let best = id.best().expect("the default banner names ProFTPD");
    /// assert_eq!(best.server().id(), "proftpd");
    /// assert_ne!(best.confidence(), Confidence::Likely);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
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
    /// use ftp_reply::Reply;
    /// use ftp_reply::diagnosis::Server;
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
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::{ClueKind, ServerIdentifier};
    /// let mut id = ServerIdentifier::new();
    /// let feat: [&[u8]; 4] = [b"211-Features supported:", b" EPRT", b" MDTM", b"211 End FEAT."];
    /// id.observe_lines(Some(Command::Feat), ReplyCode::SYSTEM_STATUS, feat);
    /// id.observe_lines(Some(Command::User), ReplyCode::USER_NAME_OK_NEED_PASSWORD, [&b"331 Username ok, send password."[..]]);
    /// let servers: Vec<_> = id.evidence().map(|e| e.server().id()).collect();
    /// assert_eq!(servers, ["pyftpdlib"; 3]);
    /// // FEAT (reply 0) shows two clues: its header's wording and its footer's.
    /// assert_eq!(id.evidence().map(|e| e.reply_index()).collect::<Vec<_>>(), [0, 0, 1]);
    /// let ids: Vec<_> = id.evidence().map(|e| e.fingerprint().id()).collect();
    /// assert_eq!(ids[..2], ["pyftpdlib-feat-header", "pyftpdlib-feat-footer"]);
    /// let kinds: Vec<_> = id.evidence().map(|e| e.fingerprint().kind()).collect();
    /// assert_eq!(kinds, [ClueKind::Features, ClueKind::Features, ClueKind::Wording]);
    /// ```
    pub fn evidence(&self) -> impl Iterator<Item = &Evidence> + '_ {
        self.evidence[..self.kept].iter().flatten()
    }

    /// How many clues were counted but not kept, once [`MAX_EVIDENCE`] were.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// id.observe(None, &Reply::parse(b"220 (vsFTPd 3.0.3)\r\n")?);
    /// assert_eq!(id.evidence_dropped(), 0); // far from the limit
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn evidence_dropped(&self) -> u32 {
        self.dropped
    }

    /// How many replies were observed.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// for _ in 0..3 {
    ///     id.observe(None, &Reply::parse(b"200 OK\r\n")?);
    /// }
    /// assert_eq!(id.replies_observed(), 3);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn replies_observed(&self) -> u32 {
        self.replies
    }
}

/// The server a session identifies, with its version when shown, the
/// confidence and the evidence; see [`ServerIdentifier::best`].
///
/// ```
/// use ftp_reply::Reply;
/// use ftp_reply::command::Command;
/// use ftp_reply::diagnosis::Server;
/// use ftp_reply::identify::{Confidence, ServerIdentifier};
///
/// let mut id = ServerIdentifier::new();
/// id.observe(Some(Command::Stat), &Reply::parse(
///     b"211-FTP server status:\r\n     vsFTPd 3.0.3 - secure, fast, stable\r\n211 End of status\r\n")?);
/// let found = id.best().unwrap();
/// assert_eq!((found.server(), found.confidence()), (Server::Vsftpd, Confidence::Certain));
/// assert_eq!((found.version().unwrap().as_str(), found.runner_up()), ("3.0.3", 0));
/// assert_eq!(found.evidence().count(), 1);
/// # Ok::<(), ftp_reply::DecodeError>(())
/// ```
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
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// let feat: [&[u8]; 4] = [b"211-Features supported:", b" EPRT", b" MDTM", b"211 End FEAT."];
    /// id.observe_lines(Some(Command::Feat), ReplyCode::SYSTEM_STATUS, feat);
    /// id.observe_lines(Some(Command::User), ReplyCode::USER_NAME_OK_NEED_PASSWORD, [&b"331 Username ok, send password."[..]]);
    /// assert_eq!(id.best().unwrap().server().id(), "pyftpdlib");
    /// ```
    #[must_use]
    pub const fn server(&self) -> Server {
        self.server
    }

    /// Its version, when a reply showed it.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// id.observe(None, &Reply::parse(b"220 (vsFTPd 3.0.3)\r\n")?);
    /// assert_eq!(id.best().unwrap().version().map(|v| v.as_str()), Some("3.0.3"));
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub const fn version(&self) -> Option<&ServerVersion> {
        self.version.as_ref()
    }

    /// How sure the identification is.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::identify::Confidence;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// let feat: [&[u8]; 4] = [b"211-Features supported:", b" EPRT", b" MDTM", b"211 End FEAT."];
    /// id.observe_lines(Some(Command::Feat), ReplyCode::SYSTEM_STATUS, feat);
    /// id.observe_lines(Some(Command::User), ReplyCode::USER_NAME_OK_NEED_PASSWORD, [&b"331 Username ok, send password."[..]]);
    /// assert_eq!(id.best().unwrap().confidence(), Confidence::Likely); // two wordings, no name
    /// ```
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// The server's score (see the [module documentation](self)).
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// let feat: [&[u8]; 4] = [b"211-Features supported:", b" EPRT", b" MDTM", b"211 End FEAT."];
    /// id.observe_lines(Some(Command::Feat), ReplyCode::SYSTEM_STATUS, feat);
    /// id.observe_lines(Some(Command::User), ReplyCode::USER_NAME_OK_NEED_PASSWORD, [&b"331 Username ok, send password."[..]]);
    /// assert_eq!(id.best().unwrap().score(), 80);
    /// ```
    #[must_use]
    pub const fn score(&self) -> u16 {
        self.score
    }

    /// The best score of any other server.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// let feat: [&[u8]; 4] = [b"211-Features supported:", b" EPRT", b" MDTM", b"211 End FEAT."];
    /// id.observe_lines(Some(Command::Feat), ReplyCode::SYSTEM_STATUS, feat);
    /// id.observe_lines(Some(Command::User), ReplyCode::USER_NAME_OK_NEED_PASSWORD, [&b"331 Username ok, send password."[..]]);
    /// let best = id.best().unwrap();
    /// assert!(best.score() - best.runner_up() >= ftp_reply::identify::MARGIN);
    /// ```
    #[must_use]
    pub const fn runner_up(&self) -> u16 {
        self.runner_up
    }

    /// The clues that point at this server, in the order seen.
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::identify::ServerIdentifier;
    /// let mut id = ServerIdentifier::new();
    /// let feat: [&[u8]; 4] = [b"211-Features supported:", b" EPRT", b" MDTM", b"211 End FEAT."];
    /// id.observe_lines(Some(Command::Feat), ReplyCode::SYSTEM_STATUS, feat);
    /// id.observe_lines(Some(Command::User), ReplyCode::USER_NAME_OK_NEED_PASSWORD, [&b"331 Username ok, send password."[..]]);
    /// let best = id.best().unwrap();
    /// let commands: Vec<_> = best.evidence().map(|e| e.command().unwrap().verb()).collect();
    /// assert_eq!(commands, ["FEAT", "FEAT", "USER"]);
    /// ```
    pub fn evidence(&self) -> impl Iterator<Item = &'a Evidence> + 'a {
        let server = self.server;
        self.evidence
            .iter()
            .flatten()
            .filter(move |e| e.server() == server)
    }
}

#[cfg(all(test, feature = "alloc"))]
mod tests;
