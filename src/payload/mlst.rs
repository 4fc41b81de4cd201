//! MLST and MLSD entries: facts and a path name (RFC 3659 §7.2).

use core::iter::FusedIterator;

use super::{
    Parsed, PayloadError, PayloadErrorKind, Quirk, Quirks, Timestamp, expect_code, leading_u64,
    lines,
};
use crate::ReplyCode;

/// One MLST or MLSD entry: its facts and its path name (RFC 3659 §7.2,
/// `entry = [ facts ] SP pathname`, `facts = 1*( fact ";" )`,
/// `fact = factname "=" value`), borrowed.
///
/// Fact names are case-insensitive (RFC 3659 §7.1); values and the path
/// are kept as sent (the path may be in any encoding and may hold spaces).
///
/// ```
/// use ftp_reply::payload::MlstEntry;
///
/// // One line of an MLSD listing, from the data connection.
/// let entry = MlstEntry::parse(b"type=file;size=1830;modify=20240229130509;UNIX.mode=0644; notes one.txt\r\n")?.value;
/// assert_eq!(entry.path(), b"notes one.txt");
/// assert_eq!(entry.kind(), Some(&b"file"[..]));
/// assert_eq!(entry.size(), Some(1830));
/// assert_eq!(entry.modify().map(|t| t.to_string()), Some("2024-02-29T13:05:09Z".to_string()));
/// assert_eq!(entry.fact("unix.MODE"), Some(&b"0644"[..]));
/// assert_eq!(entry.facts().count(), 4);
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MlstEntry<'a> {
    /// The facts, each ending with `;` (except the last one of a server
    /// that omits it).
    facts: &'a [u8],
    path: &'a [u8],
}

impl<'a> MlstEntry<'a> {
    /// Parses one entry line: an MLSD line from the data connection (a
    /// trailing CRLF or LF is ignored), or the facts line of an MLST reply
    /// without its leading space.
    ///
    /// Quirks: [`MissingFactTerminator`](Quirk::MissingFactTerminator)
    /// (no `;` after the last fact).
    ///
    /// # Errors
    ///
    /// A [`PayloadError`] (line 0, offset in `line`): no space and path
    /// ([`PayloadErrorKind::MissingEntry`]), a fact without `=`
    /// ([`PayloadErrorKind::InvalidFact`]).
    ///
    /// ```
    /// use ftp_reply::payload::{MlstEntry, PayloadErrorKind, Quirk};
    /// let e = MlstEntry::parse(b"type=dir;perm=el; /")?.value;
    /// assert_eq!((e.kind(), e.path()), (Some(&b"dir"[..]), &b"/"[..]));
    /// // RFC 3659 §7.2: facts are optional.
    /// assert_eq!(MlstEntry::parse(b" bare")?.value.facts().count(), 0);
    /// let p = MlstEntry::parse(b"type=file;size=1 x")?;
    /// assert!(p.quirks.contains(Quirk::MissingFactTerminator));
    /// assert_eq!(MlstEntry::parse(b"type=file;broken; x").unwrap_err().kind(), PayloadErrorKind::InvalidFact);
    /// # Ok::<(), ftp_reply::payload::PayloadError>(())
    /// ```
    pub fn parse(line: &'a [u8]) -> Result<Parsed<Self>, PayloadError> {
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        Self::parse_at(line, 0, 0)
    }

    /// [`parse`](Self::parse) for `line`, line `index` of a reply, whose
    /// first byte is at `base` in that line.
    fn parse_at(line: &'a [u8], index: usize, base: usize) -> Result<Parsed<Self>, PayloadError> {
        let err = |kind, at: usize| PayloadError::new(kind, index, base + at);
        let mut quirks = Quirks::EMPTY;
        let (facts, path_at) = if line.first() == Some(&b' ') {
            (&line[..0], 1)
        } else if let Some(i) = memchr::memmem::find(line, b"; ") {
            (&line[..=i], i + 2)
        } else if let Some(i) = memchr::memchr(b' ', line) {
            quirks.insert(Quirk::MissingFactTerminator);
            (&line[..i], i + 1)
        } else {
            return Err(err(PayloadErrorKind::MissingEntry, line.len()));
        };
        let path = &line[path_at..];
        if path.is_empty() {
            return Err(err(PayloadErrorKind::MissingEntry, line.len()));
        }
        let mut at = 0;
        for fact in facts.split(|&b| b == b';') {
            if !fact.is_empty() && !fact.contains(&b'=') {
                return Err(err(PayloadErrorKind::InvalidFact, at));
            }
            at += fact.len() + 1;
        }
        Ok(Parsed::new(MlstEntry { facts, path }, quirks))
    }

    /// The path name, as sent.
    ///
    /// ```
    /// use ftp_reply::payload::MlstEntry;
    /// let entry = MlstEntry::parse(b"Type=dir;Modify=20240501101500;Perm=flcdmpe;Unique=802U1234; /srv/www\r\n")?.value;
    /// assert_eq!(entry.path(), b"/srv/www"); // after the space that ends the facts
    /// # Ok::<(), ftp_reply::payload::PayloadError>(())
    /// ```
    #[must_use]
    pub const fn path(&self) -> &'a [u8] {
        self.path
    }

    /// The facts, in the order sent.
    ///
    /// ```
    /// use ftp_reply::payload::MlstEntry;
    /// let entry = MlstEntry::parse(b"Type=dir;Modify=20240501101500;Perm=flcdmpe;Unique=802U1234; /srv/www\r\n")?.value;
    /// let names: Vec<_> = entry.facts().map(|f| f.name).collect();
    /// assert_eq!(names, [&b"Type"[..], b"Modify", b"Perm", b"Unique"]); // names as sent
    /// # Ok::<(), ftp_reply::payload::PayloadError>(())
    /// ```
    #[must_use]
    pub const fn facts(&self) -> Facts<'a> {
        Facts { rest: self.facts }
    }

    /// The value of the fact called `name`, ASCII case-insensitively.
    ///
    /// ```
    /// use ftp_reply::payload::MlstEntry;
    /// let entry = MlstEntry::parse(b"Type=dir;Modify=20240501101500;Perm=flcdmpe;Unique=802U1234; /srv/www\r\n")?.value;
    /// assert_eq!(entry.fact("perm"), Some(&b"flcdmpe"[..])); // any case
    /// assert_eq!(entry.fact("size"), None);
    /// # Ok::<(), ftp_reply::payload::PayloadError>(())
    /// ```
    #[must_use]
    pub fn fact(&self, name: &str) -> Option<&'a [u8]> {
        self.facts()
            .find(|f| f.name.eq_ignore_ascii_case(name.as_bytes()))
            .map(|f| f.value)
    }

    /// The `type` fact (RFC 3659 §7.5.1: `file`, `dir`, `cdir`, `pdir`, or `OS.name=type`).
    ///
    /// ```
    /// use ftp_reply::payload::MlstEntry;
    /// let entry = MlstEntry::parse(b"Type=dir;Modify=20240501101500;Perm=flcdmpe;Unique=802U1234; /srv/www\r\n")?.value;
    /// assert_eq!(entry.kind(), Some(&b"dir"[..]));
    /// # Ok::<(), ftp_reply::payload::PayloadError>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> Option<&'a [u8]> {
        self.fact("type")
    }

    /// The `size` fact in octets (RFC 3659 §7.5.7), if present and a number.
    ///
    /// ```
    /// use ftp_reply::payload::MlstEntry;
    /// assert_eq!(MlstEntry::parse(b"size=1830; a.txt")?.value.size(), Some(1830));
    /// assert_eq!(MlstEntry::parse(b"size=big; a.txt")?.value.size(), None); // not a number
    /// # Ok::<(), ftp_reply::payload::PayloadError>(())
    /// ```
    #[must_use]
    pub fn size(&self) -> Option<u64> {
        let v = self.fact("size")?;
        match leading_u64(v) {
            (Some(n), len) if len == v.len() && len > 0 => Some(n),
            _ => None,
        }
    }

    /// The `modify` fact (RFC 3659 §7.5.3, a time-val), if present and valid.
    ///
    /// ```
    /// use ftp_reply::payload::MlstEntry;
    /// let entry = MlstEntry::parse(b"Type=dir;Modify=20240501101500;Perm=flcdmpe;Unique=802U1234; /srv/www\r\n")?.value;
    /// let t = entry.modify().unwrap();
    /// assert_eq!((t.year(), t.month(), t.day(), t.hour()), (2024, 5, 1, 10));
    /// # Ok::<(), ftp_reply::payload::PayloadError>(())
    /// ```
    #[must_use]
    pub fn modify(&self) -> Option<Timestamp> {
        Timestamp::from_time_val(self.fact("modify")?).ok()
    }

    /// The `perm` fact (RFC 3659 §7.5.5: letters such as `adfrw`).
    ///
    /// ```
    /// use ftp_reply::payload::MlstEntry;
    /// let entry = MlstEntry::parse(b"Type=dir;Modify=20240501101500;Perm=flcdmpe;Unique=802U1234; /srv/www\r\n")?.value;
    /// assert!(entry.perm().unwrap().contains(&b'c')); // may create files in it
    /// # Ok::<(), ftp_reply::payload::PayloadError>(())
    /// ```
    #[must_use]
    pub fn perm(&self) -> Option<&'a [u8]> {
        self.fact("perm")
    }

    /// The `unique` fact (RFC 3659 §7.5.2).
    ///
    /// ```
    /// use ftp_reply::payload::MlstEntry;
    /// let entry = MlstEntry::parse(b"Type=dir;Modify=20240501101500;Perm=flcdmpe;Unique=802U1234; /srv/www\r\n")?.value;
    /// assert_eq!(entry.unique(), Some(&b"802U1234"[..]));
    /// # Ok::<(), ftp_reply::payload::PayloadError>(())
    /// ```
    #[must_use]
    pub fn unique(&self) -> Option<&'a [u8]> {
        self.fact("unique")
    }
}

/// One fact of an [`MlstEntry`]: a name and a value.
///
/// ```
/// use ftp_reply::payload::MlstEntry;
/// let entry = MlstEntry::parse(b"Type=dir;Modify=20240501101500;Perm=flcdmpe;Unique=802U1234; /srv/www\r\n")?.value;
/// let first = entry.facts().next().unwrap();
/// assert_eq!((first.name, first.value), (&b"Type"[..], &b"dir"[..]));
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fact<'a> {
    /// The fact name as sent (`UNIX.mode`); compare it case-insensitively.
    pub name: &'a [u8],
    /// The value as sent.
    pub value: &'a [u8],
}

/// The facts of an [`MlstEntry`]; see [`MlstEntry::facts`].
///
/// ```
/// use ftp_reply::payload::MlstEntry;
/// let entry = MlstEntry::parse(b"Type=dir;Modify=20240501101500;Perm=flcdmpe;Unique=802U1234; /srv/www\r\n")?.value;
/// let mut facts = entry.facts();
/// assert_eq!(facts.next().map(|f| f.value), Some(&b"dir"[..]));
/// assert_eq!(facts.count(), 3);
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Facts<'a> {
    type Item = Fact<'a>;

    fn next(&mut self) -> Option<Fact<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let end = memchr::memchr(b';', self.rest).unwrap_or(self.rest.len());
            let fact = &self.rest[..end];
            self.rest = self.rest.get(end + 1..).unwrap_or_default();
            // Checked when parsed: every non-empty fact has '='.
            if let Some(eq) = memchr::memchr(b'=', fact) {
                return Some(Fact {
                    name: &fact[..eq],
                    value: &fact[eq + 1..],
                });
            }
        }
    }
}

impl FusedIterator for Facts<'_> {}

/// The entry of a 250 reply to MLST: RFC 3659 §7.2.
///
/// The reply frames the facts line: `250-Listing /tmp`, ` type=dir;... /tmp`
/// (one leading space), `250 End`. The first inner line is the entry.
///
/// Quirks: those of [`MlstEntry::parse`], and
/// [`UnindentedEntry`](Quirk::UnindentedEntry) (no leading space),
/// [`RepeatedCodePrefix`](Quirk::RepeatedCodePrefix) (`250-type=...`).
///
/// # Errors
///
/// A [`PayloadError`]: a code other than 250, no inner line
/// ([`PayloadErrorKind::MissingEntry`]), or the error of [`MlstEntry::parse`].
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
/// let lines: [&[u8]; 3] = [b"250-Listing /", b" modify=20261125204120;perm=el;size=4096;type=dir;unique=fe00g992357; /", b"250 End."];
/// let entry = payload::mlst_entry(ReplyCode::REQUESTED_FILE_ACTION_OK, lines)?.value;
/// assert_eq!((entry.kind(), entry.path()), (Some(&b"dir"[..]), &b"/"[..]));
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn mlst_entry<'a, I>(code: ReplyCode, lines: I) -> Result<Parsed<MlstEntry<'a>>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
{
    expect_code(code, ReplyCode::REQUESTED_FILE_ACTION_OK)?;
    let mut last = (0, 0);
    for line in self::lines(lines) {
        last = (line.index, line.raw.len());
        if line.index == 0 || line.last || line.raw.is_empty() {
            continue;
        }
        let mut quirks = Quirks::EMPTY;
        let (body, base) = if line.repeated_code {
            quirks.insert(Quirk::RepeatedCodePrefix);
            (line.text(), line.start)
        } else {
            // One space of indent; a second one would start an entry without facts.
            if let Some(entry) = line.raw.strip_prefix(b" ") {
                (entry, 1)
            } else {
                quirks.insert(Quirk::UnindentedEntry);
                (line.raw, 0)
            }
        };
        let mut parsed = MlstEntry::parse_at(body, line.index, base)?;
        for q in quirks.iter() {
            parsed.quirks.insert(q);
        }
        return Ok(parsed);
    }
    Err(PayloadError::new(
        PayloadErrorKind::MissingEntry,
        last.0,
        last.1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3659_examples() {
        // RFC 3659 §7.7.1
        let lines: [&[u8]; 3] = [
            b"250- Listing tmp",
            b" Type=dir;Modify=19981107085215;Perm=el; /tmp",
            b"250 End",
        ];
        let p = mlst_entry(ReplyCode::REQUESTED_FILE_ACTION_OK, lines).unwrap();
        assert!(p.quirks.is_empty());
        assert_eq!(
            (p.value.kind(), p.value.path(), p.value.perm()),
            (Some(&b"dir"[..]), &b"/tmp"[..], Some(&b"el"[..]))
        );
        assert_eq!(p.value.modify(), Timestamp::new(1998, 11, 7, 8, 52, 15, 0));
        // RFC 3659 §7.7.3 MLSD data lines
        let e = MlstEntry::parse(b"Type=cdir;Perm=el;Unique=keVO1+ZF4; test\r\n")
            .unwrap()
            .value;
        assert_eq!(
            (e.kind(), e.unique(), e.path()),
            (Some(&b"cdir"[..]), Some(&b"keVO1+ZF4"[..]), &b"test"[..])
        );
        let e = MlstEntry::parse(b"Type=file;Size=25730;Modify=19940728095854;Perm=; capmux.tar.z")
            .unwrap()
            .value;
        assert_eq!((e.size(), e.perm()), (Some(25730), Some(&b""[..])));
    }

    #[test]
    fn proftpd_and_pyftpdlib_captures() {
        let lines: [&[u8]; 3] = [b"250-Start of list for /", b" modify=20261125204120;perm=fle;type=dir;unique=FE00U992357;UNIX.group=0;UNIX.groupname=nogroup;UNIX.mode=0755;UNIX.owner=0;UNIX.ownername=ftp; /", b"250 End of list"];
        let e = mlst_entry(ReplyCode::REQUESTED_FILE_ACTION_OK, lines)
            .unwrap()
            .value;
        assert_eq!(
            (e.fact("unix.ownername"), e.facts().count()),
            (Some(&b"ftp"[..]), 9)
        );
    }

    #[test]
    fn tolerated_and_refused() {
        let ok = ReplyCode::REQUESTED_FILE_ACTION_OK;
        let p = mlst_entry(ok, [&b"250-x"[..], b"type=file; a b", b"250 End"]).unwrap();
        assert_eq!(
            (p.value.path(), p.quirks),
            (&b"a b"[..], Quirks::from(Quirk::UnindentedEntry))
        );
        let p = mlst_entry(ok, [&b"250-x"[..], b"250-type=file; a", b"250 End"]).unwrap();
        assert_eq!(p.quirks, Quirks::from(Quirk::RepeatedCodePrefix));
        let p = mlst_entry(ok, [&b"250-x"[..], b"  /no facts", b"250 End"]).unwrap();
        assert_eq!(
            (p.value.facts().count(), p.value.path(), p.quirks),
            (0, &b"/no facts"[..], Quirks::EMPTY)
        );
        let e = mlst_entry(ok, [&b"250 Ok"[..]]).unwrap_err();
        assert_eq!((e.kind(), e.offset()), (PayloadErrorKind::MissingEntry, 6));
        let e = mlst_entry(ok, [&b"250-x"[..], b" type=file;", b"250 End"]).unwrap_err();
        assert_eq!(e.kind(), PayloadErrorKind::MissingEntry);
        let e = mlst_entry(ok, [&b"250-x"[..], b" type=file;bad; p", b"250 End"]).unwrap_err();
        assert_eq!(
            (e.kind(), e.line(), e.offset()),
            (PayloadErrorKind::InvalidFact, 1, 11)
        );
        assert_eq!(
            MlstEntry::parse(b"nospace").unwrap_err().kind(),
            PayloadErrorKind::MissingEntry
        );
        assert_eq!(MlstEntry::parse(b"size=x; f").unwrap().value.size(), None);
        assert_eq!(
            MlstEntry::parse(b"modify=2024; f").unwrap().value.modify(),
            None
        );
        assert!(matches!(
            mlst_entry(ReplyCode::new(550).unwrap(), [&b"550 x"[..]])
                .unwrap_err()
                .kind(),
            PayloadErrorKind::WrongCode { .. }
        ));
    }
}
