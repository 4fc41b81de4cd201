//! [`Format`]: the log formats the analysis reads, and their detection.

use super::formats::{self, Kind, Parsed};

/// A session log format.
///
/// `Display` gives the tool's name; `FromStr` takes the short id
/// (`filezilla`, `winscp`, `curl`, `lftp`, `ftplib`, `vsftpd`, `pyftpdlib`,
/// `plain`).
///
/// ```
/// use ftp_reply::transcript::Format;
///
/// let log = ["Status:\tConnecting to 192.0.2.7:21...", "Response:\t220 Welcome", "Command:\tUSER bob"];
/// assert_eq!(Format::detect(log), Some(Format::Filezilla));
/// assert_eq!(Format::detect(["C: NOOP", "S: 200 OK"]), Some(Format::Plain));
/// assert_eq!(Format::detect(["hello", "world"]), None);
/// assert_eq!("lftp".parse(), Ok(Format::Lftp));
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::EnumString, strum::IntoStaticStr,
)]
#[strum(
    ascii_case_insensitive,
    parse_err_ty = crate::UnknownNameError,
    parse_err_fn = crate::UnknownNameError::log_format
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Format {
    /// FileZilla client: its message log (`Status:`, `Command:`,
    /// `Response:`, `Error:`, `Trace:`, with or without `HH:MM:SS`) or its
    /// debug log file (date, process id, engine id, prefix).
    #[strum(to_string = "FileZilla", serialize = "filezilla")]
    Filezilla,
    /// `WinSCP` session log: `> `, `< `, `. `, `! `, `* ` then
    /// `yyyy-mm-dd hh:nn:ss.zzz`.
    #[strum(to_string = "WinSCP", serialize = "winscp")]
    Winscp,
    /// vsftpd's log with `log_ftp_protocol=YES`, sessions told apart by pid.
    #[strum(to_string = "vsftpd", serialize = "vsftpd")]
    Vsftpd,
    /// pyftpdlib's debug log (`<-` / `->`), sessions told apart by address.
    #[strum(to_string = "pyftpdlib", serialize = "pyftpdlib")]
    Pyftpdlib,
    /// Python ftplib debug output (`*cmd* '...'`, `*resp* '...'`).
    #[strum(to_string = "Python ftplib", serialize = "ftplib")]
    Ftplib,
    /// `lftp -d` (`---> `, `<--- `, `---- `).
    #[strum(to_string = "lftp", serialize = "lftp")]
    Lftp,
    /// A plain transcript: `C: ` / `S: `, or `> ` / `< `.
    #[strum(to_string = "plain", serialize = "plain")]
    Plain,
    /// `curl -v` (`> `, `< `, `* `).
    #[strum(to_string = "curl", serialize = "curl")]
    Curl,
}

impl Format {
    /// Every format, in the order [`detect`](Self::detect) breaks ties.
    ///
    /// ```
    /// use ftp_reply::transcript::Format;
    /// assert_eq!(Format::ALL.len(), Format::all().count());
    /// assert_eq!(Format::ALL[0], Format::Filezilla);
    /// ```
    pub const ALL: [Format; 8] = [
        Self::Filezilla,
        Self::Winscp,
        Self::Vsftpd,
        Self::Pyftpdlib,
        Self::Ftplib,
        Self::Lftp,
        Self::Plain,
        Self::Curl,
    ];

    /// Every format, in the order [`detect`](Self::detect) breaks ties
    /// (the items of [`ALL`](Self::ALL)).
    ///
    /// ```
    /// use ftp_reply::transcript::Format;
    /// let ids: Vec<_> = Format::all().map(Format::id).collect();
    /// assert_eq!(ids, ["filezilla", "winscp", "vsftpd", "pyftpdlib", "ftplib", "lftp", "plain", "curl"]);
    /// ```
    pub fn all() -> impl Iterator<Item = Format> + Clone {
        Self::ALL.into_iter()
    }

    /// The short id (`filezilla`, `ftplib`...), as `FromStr` takes it.
    ///
    /// ```
    /// use ftp_reply::transcript::Format;
    /// assert_eq!(Format::Curl.id(), "curl");
    /// assert!(Format::all().all(|f| f.id().parse::<Format>() == Ok(f)));
    /// ```
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::Filezilla => "filezilla",
            Self::Winscp => "winscp",
            Self::Vsftpd => "vsftpd",
            Self::Pyftpdlib => "pyftpdlib",
            Self::Ftplib => "ftplib",
            Self::Lftp => "lftp",
            Self::Plain => "plain",
            Self::Curl => "curl",
        }
    }

    /// Recognises the format from the first lines of a log (a few dozen are
    /// plenty): each format scores 2 points per command or reply line it
    /// reads and 1 per other line of its own; the best score wins, ties going
    /// to the first in [`all`](Self::all). `None` when no format reads a
    /// single command or reply.
    ///
    /// ```
    /// use ftp_reply::transcript::Format;
    /// assert_eq!(Format::detect(["Command:\tUSER bob", "Response:\t331 Password"]), Some(Format::Filezilla));
    /// assert_eq!(Format::detect(["*cmd* 'USER bob'", "*resp* '331 Password'"]), Some(Format::Ftplib));
    /// assert_eq!(Format::detect(["hello"]), None);
    /// ```
    pub fn detect<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<Format> {
        let mut scores = [0u32; 8];
        let mut protocol = [false; 8];
        for line in lines {
            let line = line.trim_end_matches(['\r', '\n']);
            for (i, f) in Self::all().enumerate() {
                if let Some(p) = f.parse(line) {
                    let proto = matches!(p.kind, Kind::Command | Kind::Reply);
                    scores[i] += if proto { 2 } else { 1 };
                    protocol[i] |= proto;
                }
            }
        }
        let mut best: Option<(usize, u32)> = None;
        for i in 0..scores.len() {
            if protocol[i] && best.is_none_or(|(_, s)| scores[i] > s) {
                best = Some((i, scores[i]));
            }
        }
        best.and_then(|(i, _)| Self::all().nth(i))
    }

    /// Parses one line (without its line end) in this format.
    pub(crate) fn parse(self, line: &str) -> Option<Parsed<'_>> {
        match self {
            Self::Filezilla => formats::filezilla::parse(line),
            Self::Winscp => formats::winscp::parse(line),
            Self::Vsftpd => formats::vsftpd::parse(line),
            Self::Pyftpdlib => formats::pyftpdlib::parse(line),
            Self::Ftplib => formats::ftplib::parse(line),
            Self::Lftp => formats::lftp::parse(line),
            Self::Plain => formats::plain::parse(line),
            Self::Curl => formats::curl::parse(line),
        }
    }

    /// Whether `line` is unmistakably a line of this format (used to spot a
    /// log that mixes formats): a command or reply line that this format
    /// reads and that the plain and curl formats, which read almost
    /// anything with `>` or `<`, do not.
    pub(crate) fn claims(self, line: &str) -> bool {
        !matches!(self, Self::Plain | Self::Curl)
            && self
                .parse(line)
                .is_some_and(|p| matches!(p.kind, Kind::Command | Kind::Reply))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_format() {
        let cases: [(&[&str], Format); 9] = [
            (
                &["Status:\tConnecting to x", "Response:\t220 hi"],
                Format::Filezilla,
            ),
            (
                &["2024-01-01 10:00:00 12 1 Response: 220 hi"],
                Format::Filezilla,
            ),
            (
                &[
                    ". 2024-01-01 10:00:00.000 Connecting",
                    "< 2024-01-01 10:00:00.100 220 hi",
                ],
                Format::Winscp,
            ),
            (
                &[r#"Tue Dec  1 21:47:18 2026 [pid 1] FTP response: Client "1", "220 x""#],
                Format::Vsftpd,
            ),
            (
                &["[D 2026-12-01 21:47:01] 127.0.0.1:1-[] -> 220 x"],
                Format::Pyftpdlib,
            ),
            (&["*resp* '220 x'"], Format::Ftplib),
            (&["---- Connecting", "<--- 220 x"], Format::Lftp),
            (&["S: 220 x", "C: QUIT"], Format::Plain),
            (
                &[
                    "* Trying 1.2.3.4",
                    "* Connected to x",
                    "< 220 x",
                    "> USER a",
                ],
                Format::Curl,
            ),
        ];
        for (lines, f) in cases {
            assert_eq!(Format::detect(lines.iter().copied()), Some(f), "{lines:?}");
        }
        // Only "<" / ">" lines: plain.
        assert_eq!(Format::detect(["< 220 x", "> QUIT"]), Some(Format::Plain));
        assert_eq!(Format::detect(["Status:\tonly status"]), None);
    }

    #[test]
    fn ids_round_trip() {
        for f in Format::all() {
            assert_eq!(f.id().parse::<Format>(), Ok(f));
        }
    }
}
