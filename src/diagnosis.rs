//! Diagnosis of what real servers say: from a reply's text to that server's
//! own cause and fix.
//!
//! A code says what class of thing went wrong; the text says what actually
//! happened, and every server has its own catalogue of texts. The diagnosis
//! table (`src/kb/data/diagnoses.toml`, with the prose in
//! `diagnoses.en.toml` and `diagnoses.fr.toml`) holds the texts that vsftpd,
//! ProFTPD, Pure-FTPd, pyftpdlib, FileZilla Server and IIS send, each read in
//! that server's source or documentation, with the cause and the fix.
//!
//! # Patterns
//!
//! A row's pattern is matched against the text of one reply line (after the
//! code and its separator, surrounding spaces and the line end removed),
//! ASCII case-insensitively, and must match the whole text. `{n}` matches one
//! or more ASCII digits (as many as there are: it never gives digits back),
//! `{*}` matches any text, possibly empty, and `{{` is a literal `{`. Nothing
//! else is special. Matching allocates nothing and takes time proportional
//! to the text length times the pattern length.

use core::fmt;

use crate::diff::Format;
use crate::page::Page;
use crate::{Lang, ParseError, ReplyCode, Text};

/// A server whose texts the diagnosis table knows.
///
/// `Display` gives the product name; [`Server::id`] the short id used in the data.
///
/// ```
/// use ftp_reply::diagnosis::Server;
/// assert_eq!(Server::PureFtpd.to_string(), "Pure-FTPd");
/// assert_eq!(Server::PureFtpd.id(), "pure-ftpd");
/// assert_eq!("pure-ftpd".parse(), Ok(Server::PureFtpd));
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
#[strum(ascii_case_insensitive)]
#[strum(parse_err_ty = crate::UnknownNameError, parse_err_fn = crate::UnknownNameError::server)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Server {
    /// vsftpd.
    #[strum(to_string = "vsftpd")]
    Vsftpd,
    /// ProFTPD.
    #[strum(to_string = "ProFTPD", serialize = "proftpd")]
    Proftpd,
    /// Pure-FTPd.
    #[strum(to_string = "Pure-FTPd", serialize = "pure-ftpd")]
    PureFtpd,
    /// pyftpdlib (Python).
    #[strum(to_string = "pyftpdlib")]
    Pyftpdlib,
    /// FileZilla Server.
    #[strum(to_string = "FileZilla Server", serialize = "filezilla-server")]
    FilezillaServer,
    /// Microsoft IIS FTP service.
    #[strum(to_string = "Microsoft IIS FTP", serialize = "iis")]
    Iis,
    /// libunftp (Rust), known to the identification (`crate::identify`) only.
    #[strum(to_string = "libunftp")]
    Libunftp,
}

impl Server {
    /// Every server the table knows, in declaration order.
    pub const ALL: [Server; 6] = [
        Self::Vsftpd,
        Self::Proftpd,
        Self::PureFtpd,
        Self::Pyftpdlib,
        Self::FilezillaServer,
        Self::Iis,
    ];

    /// The short id used in the data files (`vsftpd`, `pure-ftpd`, ...).
    ///
    /// ```
    /// use ftp_reply::diagnosis::Server;
    /// assert_eq!(Server::PureFtpd.id(), "pure-ftpd");
    /// assert_eq!("pure-ftpd".parse::<Server>(), Ok(Server::PureFtpd));
    /// assert_eq!(Server::PureFtpd.to_string(), "Pure-FTPd");
    /// ```
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::Vsftpd => "vsftpd",
            Self::Proftpd => "proftpd",
            Self::PureFtpd => "pure-ftpd",
            Self::Pyftpdlib => "pyftpdlib",
            Self::FilezillaServer => "filezilla-server",
            Self::Iis => "iis",
            Self::Libunftp => "libunftp",
        }
    }
}

/// A token of a compiled pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    /// Literal text, compared ASCII case-insensitively.
    Lit(&'static str),
    /// `{n}`: one or more ASCII digits, possessive.
    Digits,
    /// `{*}`: any text.
    Any,
}

/// What a text must have for a row's pattern to match, computed from the
/// pattern at build time (`src/kb/build.rs`), so that most rows of a code
/// reject a text in a few comparisons, before the matcher runs: the
/// shortest length, and up to 4 bytes of the literal the pattern starts and
/// ends with, ASCII-lowercased (a mask of 0: the pattern starts or ends with
/// a placeholder).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Keys {
    /// The shortest text the pattern matches, in bytes.
    pub(crate) min_len: u16,
    /// The first bytes, big-endian from the top byte ([`Ends::of`]).
    pub(crate) prefix: u32,
    pub(crate) prefix_mask: u32,
    /// The last bytes, the last one in the low byte.
    pub(crate) suffix: u32,
    pub(crate) suffix_mask: u32,
}

/// The first and last 4 bytes of a text, ASCII-lowercased, packed as
/// [`Keys`] packs a pattern's (missing bytes are 0: a text shorter than a
/// key's literal is rejected by its length first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ends {
    len: usize,
    prefix: u32,
    suffix: u32,
}

impl Ends {
    fn of(text: &[u8]) -> Self {
        let (mut prefix, mut suffix) = (0u32, 0u32);
        for (i, b) in text.iter().take(4).enumerate() {
            prefix |= u32::from(b.to_ascii_lowercase()) << (24 - 8 * i);
        }
        for (i, b) in text.iter().rev().take(4).enumerate() {
            suffix |= u32::from(b.to_ascii_lowercase()) << (8 * i);
        }
        Self {
            len: text.len(),
            prefix,
            suffix,
        }
    }
}

impl Keys {
    /// `false` when a text with these ends cannot match.
    #[inline]
    const fn admit(self, t: Ends) -> bool {
        t.len >= self.min_len as usize
            && t.prefix & self.prefix_mask == self.prefix
            && t.suffix & self.suffix_mask == self.suffix
    }
}

/// One row of the diagnosis table: a text that one server sends, with its
/// cause and fix in every [`Lang`].
///
/// The table (`src/kb/data/diagnoses.toml`, prose in `diagnoses.en.toml` and
/// `diagnoses.fr.toml`) holds texts that vsftpd, `ProFTPD`, Pure-FTPd,
/// pyftpdlib, `FileZilla` Server and IIS send, each read in that server's
/// source or documentation (the row's [`source`](Self::source)).
///
/// # Patterns
///
/// A row's pattern is matched against the text of one reply line (after the
/// code and its separator, surrounding spaces and the line end removed),
/// ASCII case-insensitively, and must match the whole text. `{n}` matches one
/// or more ASCII digits (as many as there are: it never gives digits back),
/// `{*}` matches any text, possibly empty, and `{{` is a literal `{`. Nothing
/// else is special. Matching allocates nothing and takes time proportional
/// to the text length times the pattern length.
///
/// ```
/// use ftp_reply::{Lang, ReplyCode};
/// use ftp_reply::diagnosis::{Server, diagnose_str};
///
/// let d = diagnose_str(ReplyCode::new(500)?, "OOPS: vsftpd: refusing to run with writable root inside chroot()")
///     .next()
///     .expect("a known vsftpd failure");
/// assert_eq!(d.server(), Server::Vsftpd);
/// assert!(d.fix(Lang::En).contains("allow_writeable_chroot"));
/// assert!(!d.cause(Lang::Fr).is_empty());
/// # Ok::<(), ftp_reply::InvalidCodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Diagnosis {
    pub(crate) id: &'static str,
    pub(crate) server: Server,
    pub(crate) code: ReplyCode,
    pub(crate) banner: bool,
    pub(crate) pattern: &'static str,
    pub(crate) tokens: &'static [Tok],
    pub(crate) keys: Keys,
    pub(crate) example: &'static str,
    pub(crate) source: &'static str,
    pub(crate) overlaps: &'static [&'static str],
    pub(crate) specific: bool,
    pub(crate) cause: Text,
    pub(crate) fix: Text,
}

impl Diagnosis {
    /// Every row of the table, ordered by code, then most specific pattern first.
    ///
    /// ```
    /// assert!(ftp_reply::diagnosis::Diagnosis::all().len() > 100);
    /// ```
    #[must_use]
    pub fn all() -> &'static [Diagnosis] {
        &generated::DIAGNOSES
    }

    /// A stable id, such as `vsftpd-writable-chroot`.
    ///
    /// ```
    /// use ftp_reply::diagnosis::Diagnosis;
    /// let row = Diagnosis::all().iter().find(|d| d.id() == "vsftpd-writable-chroot").unwrap();
    /// assert!(Diagnosis::all().iter().filter(|d| d.id() == row.id()).count() == 1); // unique
    /// ```
    #[must_use]
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The server that sends this text.
    ///
    /// ```
    /// use ftp_reply::diagnosis::Server;
    /// use ftp_reply::diagnosis::Diagnosis;
    /// let row = Diagnosis::all().iter().find(|d| d.id() == "vsftpd-writable-chroot").unwrap();
    /// assert_eq!(row.server(), Server::Vsftpd);
    /// ```
    #[must_use]
    pub const fn server(&self) -> Server {
        self.server
    }

    /// The reply code it comes with.
    ///
    /// ```
    /// use ftp_reply::diagnosis::Diagnosis;
    /// let row = Diagnosis::all().iter().find(|d| d.id() == "vsftpd-writable-chroot").unwrap();
    /// assert_eq!(row.code(), 500);
    /// ```
    #[must_use]
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// Whether the row is a greeting (220) that identifies the server.
    ///
    /// ```
    /// use ftp_reply::diagnosis::Diagnosis;
    /// let row = Diagnosis::all().iter().find(|d| d.id() == "vsftpd-writable-chroot").unwrap();
    /// assert!(!row.is_banner());
    /// assert!(Diagnosis::all().iter().any(|d| d.is_banner() && d.code() == 220));
    /// ```
    #[must_use]
    pub const fn is_banner(&self) -> bool {
        self.banner
    }

    /// The pattern, in the syntax described on [`Diagnosis`].
    ///
    /// ```
    /// use ftp_reply::diagnosis::Diagnosis;
    /// let row = Diagnosis::all().iter().find(|d| d.id() == "vsftpd-writable-chroot").unwrap();
    /// assert_eq!(row.pattern(), "OOPS: vsftpd: refusing to run with writable root inside chroot()");
    /// let any = Diagnosis::all().iter().find(|d| d.id() == "vsftpd-cannot-change-directory").unwrap();
    /// assert_eq!(any.pattern(), "OOPS: cannot change directory:{*}");
    /// ```
    #[must_use]
    pub const fn pattern(&self) -> &'static str {
        self.pattern
    }

    /// A full reply line that the pattern matches, as the server sends it.
    ///
    /// ```
    /// use ftp_reply::diagnosis::Diagnosis;
    /// let row = Diagnosis::all().iter().find(|d| d.id() == "vsftpd-writable-chroot").unwrap();
    /// assert_eq!(row.example(), "500 OOPS: vsftpd: refusing to run with writable root inside chroot()");
    /// assert!(Diagnosis::all().iter().all(|d| d.matches(&d.example()[4..])));
    /// ```
    #[must_use]
    pub const fn example(&self) -> &'static str {
        self.example
    }

    /// Where the text comes from: the server's source file (and version) or documentation page.
    ///
    /// ```
    /// use ftp_reply::diagnosis::Diagnosis;
    /// let row = Diagnosis::all().iter().find(|d| d.id() == "vsftpd-writable-chroot").unwrap();
    /// assert_eq!(row.source(), "vsftpd 3.0.3 secutil.c (vsf_secutil_change_credentials)");
    /// ```
    #[must_use]
    pub const fn source(&self) -> &'static str {
        self.source
    }

    /// Ids of other rows with the same code whose patterns also match this
    /// row's example (the same text sent by several servers, or a catch-all row).
    ///
    /// ```
    /// use ftp_reply::diagnosis::Diagnosis;
    /// let row = Diagnosis::all().iter().find(|d| d.id() == "vsftpd-writable-chroot").unwrap();
    /// assert_eq!(row.overlaps(), ["vsftpd-oops-generic"]); // the catch-all "OOPS: {*}" row
    /// ```
    #[must_use]
    pub const fn overlaps(&self) -> &'static [&'static str] {
        self.overlaps
    }

    /// Whether the text alone proves the server: no other server whose
    /// texts were extracted from its source (`tests/data/server-texts/`)
    /// sends a text this row's pattern matches. When `false`, the row says
    /// what this server means by the text, which is only a possibility
    /// unless the server was identified otherwise (its banner, for example).
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::diagnosis::diagnose_str;
    /// // vsftpd, ProFTPD and FileZilla Server all send "530 Login incorrect.".
    /// assert!(diagnose_str(ReplyCode::NOT_LOGGED_IN, "Login incorrect.").all(|d| !d.is_server_specific()));
    /// let oops = diagnose_str(ReplyCode::new(500)?, "OOPS: vsftpd: refusing to run with writable root inside chroot()");
    /// assert!(oops.take(1).all(|d| d.is_server_specific()));
    /// # Ok::<(), ftp_reply::InvalidCodeError>(())
    /// ```
    #[must_use]
    pub const fn is_server_specific(&self) -> bool {
        self.specific
    }

    /// What happened, in plain words.
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::diagnosis::Diagnosis;
    /// let row = Diagnosis::all().iter().find(|d| d.id() == "vsftpd-writable-chroot").unwrap();
    /// assert!(row.cause(Lang::En).starts_with("The user is chrooted (chroot_local_user=YES"));
    /// ```
    #[must_use]
    pub const fn cause(&self, lang: Lang) -> &'static str {
        self.cause.get(lang)
    }

    /// How to fix it, on the client side and the server side (naming the
    /// server's configuration directive where there is one).
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::diagnosis::Diagnosis;
    /// let row = Diagnosis::all().iter().find(|d| d.id() == "vsftpd-writable-chroot").unwrap();
    /// assert!(row.fix(Lang::En).contains("allow_writeable_chroot=YES"));
    /// assert!(row.fix(Lang::Es).contains("allow_writeable_chroot=YES")); // a directive is not translated
    /// ```
    #[must_use]
    pub const fn fix(&self, lang: Lang) -> &'static str {
        self.fix.get(lang)
    }

    /// Whether this row's pattern matches `text` (the text of one reply line,
    /// without the code); the syntax is described on [`Diagnosis`].
    ///
    /// ```
    /// use ftp_reply::ReplyCode;
    /// use ftp_reply::diagnosis::{Diagnosis, diagnose_str};
    /// let row = diagnose_str(ReplyCode::new(421)?, "Too many connections (8) from this IP").next().unwrap();
    /// assert!(row.matches("too many connections (12) from this ip"));
    /// assert!(!row.matches("Too many connections from this IP"));
    /// # Ok::<(), ftp_reply::InvalidCodeError>(())
    /// ```
    #[must_use]
    pub fn matches(&self, text: &str) -> bool {
        let text = trim(text.as_bytes());
        self.keys.admit(Ends::of(text)) && matches(self.tokens, text)
    }
}

/// Removes the line end and surrounding spaces.
fn trim(mut text: &[u8]) -> &[u8] {
    while let [rest @ .., b'\r' | b'\n' | b' ' | b'\t'] = text {
        text = rest;
    }
    while let [b' ' | b'\t', rest @ ..] = text {
        text = rest;
    }
    text
}

/// Whole-text match of `text` against `toks`, backtracking only at the last
/// `{*}` seen (the classic wildcard algorithm): O(text × pattern), no allocation.
fn matches(toks: &[Tok], text: &[u8]) -> bool {
    let (mut ti, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    loop {
        if let Some(tok) = toks.get(ti) {
            match *tok {
                Tok::Any => {
                    star = Some((ti + 1, si));
                    ti += 1;
                    continue;
                }
                Tok::Lit(lit) => {
                    let lit = lit.as_bytes();
                    if text.len() - si >= lit.len()
                        && text[si..si + lit.len()].eq_ignore_ascii_case(lit)
                    {
                        si += lit.len();
                        ti += 1;
                        continue;
                    }
                }
                Tok::Digits => {
                    let n = text[si..].iter().take_while(|b| b.is_ascii_digit()).count();
                    if n > 0 {
                        si += n;
                        ti += 1;
                        continue;
                    }
                }
            }
        } else if si == text.len() {
            return true;
        }
        match star {
            Some((after, from)) if from < text.len() => {
                star = Some((after, from + 1));
                ti = after;
                si = from + 1;
            }
            _ => return false,
        }
    }
}

/// The diagnoses whose patterns match a reply's code and text, most specific
/// first: an iterator, from [`diagnose`] (one line's text) or from
/// [`Reply::diagnose`](crate::Reply::diagnose) (every line of a reply).
/// [`prefer`](Self::prefer) puts one server's rows first, either way.
///
/// Take the first for the best guess, or collect them all.
///
/// ```
/// use ftp_reply::diagnosis::{Server, diagnose_line_str};
///
/// let all: Vec<_> = diagnose_line_str("530 Login incorrect.")?.collect();
/// assert!(all.len() >= 3); // vsftpd, ProFTPD and FileZilla Server send it
/// assert!(all.iter().any(|d| d.server() == Server::Vsftpd));
/// let first = diagnose_line_str("530 Login incorrect.")?.prefer(Server::Proftpd).next().unwrap();
/// assert_eq!(first.server(), Server::Proftpd);
/// # Ok::<(), ftp_reply::ParseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Diagnoses<'a> {
    /// Indices into [`Diagnosis::all`]: the rows of the code that the
    /// text's last byte admits.
    rows: &'static [u16],
    text: &'a [u8],
    ends: Ends,
    prefer: Option<Server>,
    /// 0: the preferred server's rows (without preference: the rows whose
    /// text proves their server); 1: the others.
    pass: u8,
    next: usize,
    /// The rows found on every line of a whole reply, in order (then
    /// `rows` is empty and `next` indexes this list).
    #[cfg(feature = "alloc")]
    found: Option<alloc::vec::Vec<&'static Diagnosis>>,
}

impl Diagnoses<'_> {
    /// Puts the rows of `server` first, for example the server that a 220
    /// greeting identified (see [`identify_server`]); the order within each
    /// group is kept. This is the one way to prefer a server, for one line's
    /// text and for a whole reply alike.
    ///
    /// ```
    /// use ftp_reply::{Reply, ReplyCode};
    /// use ftp_reply::diagnosis::{Server, diagnose_str};
    /// let code = ReplyCode::NOT_LOGGED_IN;
    /// let first = diagnose_str(code, "Login incorrect.").prefer(Server::Proftpd).next().unwrap();
    /// assert_eq!(first.server(), Server::Proftpd);
    ///
    /// let reply = Reply::parse(b"530 Login incorrect.\r\n")?;
    /// assert_eq!(reply.diagnose().prefer(Server::Proftpd).next().unwrap().server(), Server::Proftpd);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn prefer(mut self, server: Server) -> Self {
        self.prefer = Some(server);
        #[cfg(feature = "alloc")]
        if let Some(rest) = self
            .found
            .as_mut()
            .and_then(|found| found.get_mut(self.next..))
        {
            // A stable sort: the preferred server's rows first, each group
            // still in line order, most specific first within a line.
            rest.sort_by_key(|d| d.server != server);
        }
        self
    }
}

impl Iterator for Diagnoses<'_> {
    type Item = &'static Diagnosis;

    fn next(&mut self) -> Option<Self::Item> {
        #[cfg(feature = "alloc")]
        if let Some(found) = &self.found {
            let d = found.get(self.next).copied();
            self.next += usize::from(d.is_some());
            return d;
        }
        loop {
            let Some(row) = self
                .rows
                .get(self.next)
                .and_then(|&i| Diagnosis::all().get(usize::from(i)))
            else {
                if self.pass == 0 {
                    self.pass = 1;
                    self.next = 0;
                    continue;
                }
                return None;
            };
            self.next += 1;
            let wanted = match (self.prefer, self.pass) {
                (Some(p), 0) => row.server == p,
                (Some(p), _) => row.server != p,
                // The server is unknown: rows that the text alone proves
                // first, then the ones other servers share (possibilities).
                (None, 0) => row.specific,
                (None, _) => !row.specific,
            };
            if wanted && row.keys.admit(self.ends) && matches(row.tokens, self.text) {
                return Some(row);
            }
        }
    }
}

/// The diagnoses for a reply code and the text of one of its lines, as raw
/// bytes (reply text need not be UTF-8): the rows whose text proves their
/// server first, then those whose text other servers send too
/// ([`Diagnosis::is_server_specific`]), each group most specific (longest
/// literal pattern) first. Empty when nothing in the table matches: the
/// crate never guesses. [`diagnose_str`] does the same on a `&str`.
///
/// `text` is what follows the code and its separator; surrounding spaces and
/// a line end are ignored. For a whole reply line use [`diagnose_line`].
///
/// ```
/// use ftp_reply::ReplyCode;
/// use ftp_reply::diagnosis::{Server, diagnose};
///
/// let d = diagnose(ReplyCode::NOT_LOGGED_IN, b"This FTP server is anonymous only.").next().unwrap();
/// assert_eq!(d.server(), Server::Vsftpd);
/// ```
#[must_use]
pub fn diagnose(code: ReplyCode, text: &[u8]) -> Diagnoses<'_> {
    let text = trim(text);
    let ends = Ends::of(text);
    // The rows of this code that can end the way the text does
    // (`src/kb/build.rs` builds the index).
    let bucket = (ends.suffix & 0xff) as usize % generated::BUCKETS;
    let rows = generated::CODES
        .binary_search(&code.as_u16())
        .ok()
        .and_then(|k| generated::INDEX.get(k))
        .and_then(|b| b.get(bucket))
        .copied()
        .unwrap_or_default();
    Diagnoses {
        rows,
        text,
        ends,
        prefer: None,
        pass: 0,
        next: 0,
        #[cfg(feature = "alloc")]
        found: None,
    }
}

/// Like [`diagnose`], on a `&str`.
///
/// ```
/// use ftp_reply::{Lang, ReplyCode};
/// use ftp_reply::diagnosis::{Server, diagnose_str};
///
/// let code = ReplyCode::SERVICE_NOT_AVAILABLE;
/// let d: Vec<_> = diagnose_str(code, "Too many connections (8) from this IP").collect();
/// assert_eq!(d[0].server(), Server::PureFtpd);
/// println!("{}\n{}", d[0].cause(Lang::En), d[0].fix(Lang::En));
/// assert_eq!(diagnose_str(code, "Something no server says").count(), 0);
/// ```
#[must_use]
pub fn diagnose_str(code: ReplyCode, text: &str) -> Diagnoses<'_> {
    diagnose(code, text.as_bytes())
}

/// The diagnoses for one whole reply line as raw bytes, such as
/// `b"500 OOPS: vsftpd: refusing to run with writable root inside chroot()"`.
/// [`diagnose_line_str`] does the same on a `&str`.
///
/// # Errors
///
/// A [`ParseError`] if the line does not start with a well-formed reply code.
///
/// ```
/// use ftp_reply::diagnosis::{Server, diagnose_line};
/// let d = diagnose_line(b"530 This FTP server is anonymous only.\r\n")?.next().unwrap();
/// assert_eq!(d.server(), Server::Vsftpd);
/// # Ok::<(), ftp_reply::ParseError>(())
/// ```
pub fn diagnose_line(line: &[u8]) -> Result<Diagnoses<'_>, ParseError> {
    let code = ReplyCode::parse(line)?;
    Ok(diagnose(code, line.get(4..).unwrap_or_default()))
}

/// Like [`diagnose_line`], on a `&str`.
///
/// # Errors
///
/// As for [`diagnose_line`].
///
/// ```
/// use ftp_reply::diagnosis::{Server, diagnose_line_str};
/// let d = diagnose_line_str("500 OOPS: vsftpd: refusing to run with writable root inside chroot()\r\n")?
///     .next()
///     .unwrap();
/// assert_eq!(d.server(), Server::Vsftpd);
/// assert_eq!(d.id(), "vsftpd-writable-chroot");
/// # Ok::<(), ftp_reply::ParseError>(())
/// ```
pub fn diagnose_line_str(line: &str) -> Result<Diagnoses<'_>, ParseError> {
    diagnose_line(line.as_bytes())
}

/// The server that a greeting line (220), as raw bytes, identifies, from the
/// banner rows of the table, or `None` when the greeting names no known
/// server. [`identify_server_str`] does the same on a `&str`.
///
/// ```
/// use ftp_reply::diagnosis::{Server, identify_server};
/// assert_eq!(identify_server(b"220 (vsFTPd 3.0.3)\r\n"), Some(Server::Vsftpd));
/// ```
#[must_use]
pub fn identify_server(line: &[u8]) -> Option<Server> {
    diagnose_line(line)
        .ok()?
        .find(|d| d.is_banner())
        .map(|d| d.server)
}

/// Like [`identify_server`], on a `&str`.
///
/// ```
/// use ftp_reply::diagnosis::{Server, identify_server_str};
/// assert_eq!(identify_server_str("220 (vsFTPd 3.0.3)"), Some(Server::Vsftpd));
/// assert_eq!(identify_server_str("220 ProFTPD Server (Debian) [::ffff:127.0.0.1]"), Some(Server::Proftpd));
/// assert_eq!(identify_server_str("220 Welcome"), None);
/// assert_eq!(identify_server_str("530 Login incorrect."), None);
/// ```
#[must_use]
pub fn identify_server_str(line: &str) -> Option<Server> {
    identify_server(line.as_bytes())
}

impl Diagnosis {
    /// A heading for a list of diagnoses, in `lang` ("Diagnosis").
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::diagnosis::Diagnosis;
    /// assert_eq!(Diagnosis::heading(Lang::default()), "Diagnosis");
    /// ```
    #[must_use]
    pub const fn heading(lang: Lang) -> &'static str {
        lang.phrases().diagnosis_heading
    }

    /// What to say when no row of the table matches a reply, in `lang`.
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::diagnosis::Diagnosis;
    /// assert!(Diagnosis::none_found(Lang::default()).starts_with("No known server text"));
    /// ```
    #[must_use]
    pub const fn none_found(lang: Lang) -> &'static str {
        lang.phrases().diagnosis_none
    }

    /// The server, cause, fix and source in `lang`, ready to print in
    /// `format` (plain text `Label: value` lines, or Markdown with the labels
    /// in bold), as [`Diff::render`](crate::diff::Diff::render) does for a diff.
    /// The server is given as "possibly ..." when the text does not prove it
    /// ([`is_server_specific`](Self::is_server_specific) is `false`).
    ///
    /// ```
    /// use ftp_reply::Lang;
    /// use ftp_reply::diagnosis::diagnose_line_str;
    /// use ftp_reply::diff::Format;
    /// let d = diagnose_line_str("530 This FTP server is anonymous only.")?.next().unwrap();
    /// let text = d.render("fr".parse::<Lang>().unwrap(), Format::Text).to_string();
    /// assert!(text.starts_with("Serveur : vsftpd\n"));
    /// let md = d.render(Lang::Es, Format::Markdown).to_string();
    /// assert!(md.starts_with("**Servidor:** vsftpd\n\n**Causa:** "));
    /// let shared = diagnose_line_str("530 Login incorrect.")?.next().unwrap();
    /// assert!(shared.render(Lang::En, Format::Text).to_string().starts_with("Server: possibly "));
    /// # Ok::<(), ftp_reply::ParseError>(())
    /// ```
    #[must_use]
    pub const fn render(&self, lang: Lang, format: Format) -> RenderedDiagnosis {
        RenderedDiagnosis {
            diagnosis: *self,
            lang,
            format,
        }
    }

    /// Writes the four labelled lines on `page` (shared with the
    /// explanation's "Diagnosis" section).
    pub(crate) fn write_page(&self, page: &mut Page<'_, '_>, lang: Lang) -> fmt::Result {
        let p = lang.phrases();
        if self.specific {
            page.label(p.diagnosis_server, &self.server)?;
        } else {
            page.label(
                p.diagnosis_server,
                &format_args!("{}{}", p.diagnosis_possibly, self.server),
            )?;
        }
        page.label(p.diagnosis_cause, &self.cause(lang))?;
        page.label(p.diagnosis_fix, &self.fix(lang))?;
        page.label(p.diagnosis_source, &self.source)
    }
}

/// A [`Diagnosis`] in one language and [`Format`]; see [`Diagnosis::render`].
///
/// ```
/// use ftp_reply::Lang;
/// use ftp_reply::diagnosis::diagnose_line_str as diagnose_line;
/// use ftp_reply::diff::Format;
/// let d = diagnose_line("421 Too many connections (8) from this IP")?.next().unwrap();
/// assert!(d.render(Lang::En, Format::Text).to_string().starts_with("Server: Pure-FTPd\nCause: "));
/// assert!(d.render(Lang::En, Format::Markdown).to_string().starts_with("**Server:** Pure-FTPd\n\n**Cause:** "));
/// # Ok::<(), ftp_reply::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderedDiagnosis {
    diagnosis: Diagnosis,
    lang: Lang,
    format: Format,
}

impl fmt::Display for RenderedDiagnosis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut page = Page::new(f, self.format, self.lang);
        self.diagnosis.write_page(&mut page, self.lang)
    }
}

/// One line: the code and the row's id (`500 vsftpd-writable-chroot`). The
/// server, cause, fix and source are [`Diagnosis::render`], in any language.
///
/// ```
/// use ftp_reply::diagnosis::diagnose_line_str;
/// let d = diagnose_line_str("500 OOPS: vsftpd: refusing to run with writable root inside chroot()")?
///     .next()
///     .unwrap();
/// assert_eq!(d.to_string(), "500 vsftpd-writable-chroot");
/// # Ok::<(), ftp_reply::ParseError>(())
/// ```
impl fmt::Display for Diagnosis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.id)
    }
}

#[cfg(feature = "alloc")]
impl crate::ReplyRef<'_> {
    /// The diagnoses for every line of this reply, most specific first within
    /// each line, each row at most once. Empty when nothing matches;
    /// [`Diagnoses::prefer`] puts one server's rows first.
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// use ftp_reply::diagnosis::Server;
    ///
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"530 This FTP server is anonymous only.\r\n200 OK\r\n");
    /// let first = decoder.next_reply_ref()?.unwrap().diagnose().next().unwrap();
    /// assert_eq!(first.server(), Server::Vsftpd);
    /// assert_eq!(decoder.next_reply_ref()?.unwrap().diagnose().count(), 0);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn diagnose(self) -> Diagnoses<'static> {
        let mut found: alloc::vec::Vec<&'static Diagnosis> = alloc::vec::Vec::new();
        let (open, close) = (self.opening_code(), self.code());
        for (i, text) in self.raw_text_lines().enumerate() {
            // The first line also under its own code when a lenient reply changed code.
            let both = [open, close];
            let codes = if i == 0 && open != close {
                &both[..]
            } else {
                &both[1..]
            };
            for &code in codes {
                for d in diagnose(code, text) {
                    if !found.iter().any(|o| o.id == d.id) {
                        found.push(d);
                    }
                }
            }
        }
        Diagnoses {
            rows: &[],
            text: &[],
            ends: Ends::of(&[]),
            prefer: None,
            pass: 1,
            next: 0,
            found: Some(found),
        }
    }

    /// The server that this reply identifies, if it is a greeting banner that
    /// names one (on any of its lines).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// use ftp_reply::diagnosis::Server;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"220-FileZilla Server 1.9.4\r\n220 Please visit https://filezilla-project.org/\r\n");
    /// let banner = decoder.next_reply_ref()?.unwrap();
    /// assert_eq!(banner.identify_server(), Some(Server::FilezillaServer));
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn identify_server(self) -> Option<Server> {
        self.diagnose().find(|d| d.is_banner()).map(|d| d.server)
    }
}

#[cfg(feature = "alloc")]
/// The same, on an owned reply (through [`Reply::view`](crate::Reply::view)).
impl crate::Reply {
    /// The diagnoses for every line of this reply, most specific first within
    /// each line, each row at most once. Empty when nothing matches;
    /// [`Diagnoses::prefer`] puts one server's rows first.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::diagnosis::Server;
    ///
    /// let reply = Reply::parse(b"530 This FTP server is anonymous only.\r\n")?;
    /// assert_eq!(reply.diagnose().next().unwrap().server(), Server::Vsftpd);
    /// assert_eq!(Reply::parse(b"200 OK\r\n")?.diagnose().count(), 0);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn diagnose(&self) -> Diagnoses<'static> {
        self.view().diagnose()
    }

    /// The server that this reply identifies, if it is a greeting banner that
    /// names one (on any of its lines).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::diagnosis::Server;
    /// let banner = Reply::parse(b"220-FileZilla Server 1.9.4\r\n220 Please visit https://filezilla-project.org/\r\n")?;
    /// assert_eq!(banner.identify_server(), Some(Server::FilezillaServer));
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn identify_server(&self) -> Option<Server> {
        self.view().identify_server()
    }
}

#[cfg(feature = "serde")]
mod json;
#[cfg(feature = "serde")]
pub use json::LocalizedDiagnosis;

mod generated {
    use super::{Diagnosis, Keys, Server, Tok};
    use crate::{ReplyCode, Text};

    include!(concat!(env!("OUT_DIR"), "/diagnoses.rs"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(p: &'static [Tok], text: &str) -> bool {
        matches(p, text.as_bytes())
    }

    #[test]
    fn matcher() {
        use Tok::{Any, Digits, Lit};
        assert!(toks(&[Lit("abc")], "ABC"));
        assert!(!toks(&[Lit("abc")], "abcd"));
        assert!(toks(&[Any], ""));
        assert!(toks(&[Lit("a"), Any, Lit("b")], "a-x-b"));
        assert!(toks(&[Lit("a"), Any, Lit("b"), Any, Lit("b")], "abbb"));
        assert!(toks(&[Any, Lit(": No such file")], "/a: b: No such file"));
        assert!(toks(&[Lit("n="), Digits], "n=123"));
        assert!(!toks(&[Lit("n="), Digits], "n="));
        assert!(!toks(&[Lit("n="), Digits], "n=12a"));
        assert!(toks(&[Digits, Lit(":"), Digits], "14:22"));
        assert!(toks(&[Any, Lit("("), Digits, Lit(")")], "x (8) (9)"));
        assert!(!toks(&[Lit("x")], ""));
    }

    /// The build-time keys never reject a text that the pattern matches:
    /// tried on every example of the table (and the same texts trimmed of
    /// their last byte, and with a prefix), against every row of its code.
    #[cfg(feature = "alloc")]
    #[test]
    fn keys_never_reject_a_match() {
        use alloc::string::String;

        let mut admitted_misses = 0usize;
        let mut rejected = 0usize;
        for example in Diagnosis::all().iter().map(Diagnosis::example) {
            let code: u16 = example[..3].parse().unwrap();
            let text = example.get(4..).unwrap_or_default().as_bytes();
            let variants = [
                text.to_vec(),
                text[..text.len().saturating_sub(1)].to_vec(),
                [b"zz ".as_slice(), text].concat(),
            ];
            for row in Diagnosis::all().iter().filter(|d| d.code.as_u16() == code) {
                for t in &variants {
                    let t = trim(t);
                    let full = matches(row.tokens, t);
                    let admit = row.keys.admit(Ends::of(t));
                    assert!(
                        !full || admit,
                        "{}: keys reject {:?}",
                        row.id,
                        String::from_utf8_lossy(t)
                    );
                    rejected += usize::from(!admit);
                    admitted_misses += usize::from(admit && !full);
                }
            }
            let row = Diagnosis::all()
                .iter()
                .find(|d| d.example() == example)
                .unwrap();
            assert!(row.keys.admit(Ends::of(trim(text))), "{}", row.id);
        }
        assert!(
            rejected > 10 * admitted_misses,
            "{rejected} rejected, {admitted_misses} let through"
        );
    }

    /// The index by code and last byte returns exactly the rows that a scan
    /// of the whole table with the bare matcher finds, for every example and
    /// its variants (a word in front, the last byte cut, another case).
    #[cfg(feature = "alloc")]
    #[test]
    fn index_finds_what_a_scan_finds() {
        use alloc::borrow::ToOwned;
        use alloc::format;
        use alloc::vec::Vec;

        let mut found = 0usize;
        for example in Diagnosis::all().iter().map(Diagnosis::example) {
            let code = ReplyCode::new(example[..3].parse().unwrap()).unwrap();
            let text = example.get(4..).unwrap_or_default();
            for t in [
                text.to_owned(),
                format!("zz {text}"),
                {
                    let mut cut = text.chars();
                    cut.next_back();
                    cut.as_str().to_owned()
                },
                text.to_ascii_uppercase(),
                format!("{text}\r\n"),
            ] {
                let mut via_index: Vec<_> = diagnose_str(code, &t).map(|d| d.id).collect();
                let mut via_scan: Vec<_> = Diagnosis::all()
                    .iter()
                    .filter(|d| d.code == code && matches(d.tokens, trim(t.as_bytes())))
                    .map(|d| d.id)
                    .collect();
                found += via_scan.len();
                via_index.sort_unstable();
                via_scan.sort_unstable();
                assert_eq!(via_index, via_scan, "{code} {t:?}");
            }
        }
        assert!(found > 2 * Diagnosis::all().len());
        assert_eq!(diagnose(ReplyCode::new(299).unwrap(), b"x").count(), 0);
    }

    #[test]
    fn trims_line_ends_and_spaces() {
        assert_eq!(trim(b"  a b \r\n"), b"a b");
        assert_eq!(trim(b"\r\n"), b"");
    }
}
