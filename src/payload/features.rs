//! 211: the FEAT feature list (RFC 2389 §3.2), borrowed from the reply.

use core::fmt;
use core::iter::FusedIterator;

use super::{Parsed, PayloadError, Quirk, Quirks, expect_code, lines, trim};
use crate::ReplyCode;

/// The features of a 211 reply to FEAT, borrowed from the reply's lines.
///
/// RFC 2389 §3.2: the first and last lines (`211-Features:`, `211 End`)
/// frame the list; each line between names one feature and its optional
/// parameters. The closing line is not a feature. `L` is the iterator of
/// the reply's lines ([`RawLines`](crate::RawLines) for a [`Reply`](crate::Reply));
/// nothing is copied: each call walks the lines again.
///
/// ```
/// use ftp_reply::Reply;
///
/// let reply = Reply::parse(
///     b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify*;perm;\r\n LANG EN*;FR\r\n AUTH TLS\r\n REST STREAM\r\n UTF8\r\n211 End\r\n",
/// )?;
/// let features = reply.features()?.value;
/// assert_eq!(features.len(), 6);
/// assert!(features.has("mlst") && features.has("UTF8") && !features.has("End"));
/// let facts: Vec<_> = features.mlst_facts().unwrap().map(|f| (f.name_str(), f.marked)).collect();
/// assert_eq!(facts, [(Some("type"), true), (Some("size"), true), (Some("modify"), true), (Some("perm"), false)]);
/// let langs: Vec<_> = features.languages().unwrap().filter(|l| l.marked).map(|l| l.name).collect();
/// assert_eq!(langs, [b"EN"]);
/// assert!(features.auth_mechanisms().unwrap().any(|m| m.eq_ignore_ascii_case(b"TLS")));
/// assert!(features.has_rest_stream());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Features<L> {
    /// The reply's lines.
    lines: L,
    /// How many lines the reply has.
    count: usize,
    /// How many features they list (counted when parsed).
    len: usize,
}

impl<'a, L> Features<L>
where
    L: Iterator<Item = &'a [u8]> + Clone,
{
    /// The features, in the order the server listed them.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// let names: Vec<_> = features.iter().map(|f| f.name_str().unwrap()).collect();
    /// assert_eq!(names, ["MDTM", "MLST", "LANG", "AUTH"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn iter(&self) -> FeatureIter<'a, L> {
        let mut lines = self.lines.clone();
        // The first line names the opening code.
        let open = lines.next().and_then(|l| l.get(..3));
        FeatureIter {
            lines,
            left: self.count.saturating_sub(2),
            open,
        }
    }

    /// How many features there are.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// assert_eq!(features.len(), 4); // the closing "211 End" is not one
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none (a single-line `211 No features`).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert!(Reply::parse(b"211 No features\r\n")?.features()?.value.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the server lists `name`, ASCII case-insensitively.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// assert!(features.has("mdtm") && features.has("MDTM"));
    /// assert!(!features.has("EPSV") && !features.has("End"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The first feature called `name`, ASCII case-insensitively.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n SIZE\r\n MDTM\r\n211 End\r\n")?;
    /// assert_eq!(reply.features()?.value.get("mdtm").map(|f| f.name()), Some(&b"MDTM"[..]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn get(&self, name: &str) -> Option<Feature<'a>> {
        self.iter().find(|f| f.is(name))
    }

    /// The MLST facts (RFC 3659 §7.8: `MLST type*;size*;modify*;`), each
    /// marked when the server sends it by default; `None` without MLST.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// let default: Vec<_> = features.mlst_facts().unwrap().filter(|f| f.marked).map(|f| f.name).collect();
    /// assert_eq!(default, [&b"type"[..], b"size"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn mlst_facts(&self) -> Option<MarkedList<'a>> {
        self.get("MLST").map(|f| f.marked_params())
    }

    /// The languages (RFC 2640 §4.3: `LANG EN*;FR`), the current one
    /// marked; `None` without LANG.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// let current = features.languages().unwrap().find(|l| l.marked).unwrap();
    /// assert_eq!(current.name, b"EN");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn languages(&self) -> Option<MarkedList<'a>> {
        self.get("LANG").map(|f| f.marked_params())
    }

    /// The security mechanisms of AUTH (RFC 2228, RFC 4217 §6: `AUTH TLS`);
    /// `None` without AUTH.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// assert_eq!(features.auth_mechanisms().unwrap().count(), 2); // TLS, SSL
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn auth_mechanisms(&self) -> Option<Words<'a>> {
        self.get("AUTH").map(|f| f.words())
    }

    /// Whether REST lists the STREAM mode (RFC 3659 §5.7: `REST STREAM`).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// assert!(!features.has_rest_stream());
    /// let rest = Reply::parse(b"211-Features:\r\n REST STREAM\r\n211 End\r\n")?;
    /// assert!(rest.features()?.value.has_rest_stream());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn has_rest_stream(&self) -> bool {
        self.get("REST")
            .is_some_and(|f| f.words().any(|w| w.eq_ignore_ascii_case(b"STREAM")))
    }
}

impl<'a, L> IntoIterator for &Features<L>
where
    L: Iterator<Item = &'a [u8]> + Clone,
{
    type Item = Feature<'a>;
    type IntoIter = FeatureIter<'a, L>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The features of a [`Features`] list.
///
/// ```
/// use ftp_reply::Reply;
/// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
/// let features = reply.features()?.value;
/// let mut iter = features.iter();
/// assert!(iter.next().unwrap().is("MDTM"));
/// assert_eq!(iter.count(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct FeatureIter<'a, L> {
    lines: L,
    /// Inner lines not yet read.
    left: usize,
    /// The opening code's digits.
    open: Option<&'a [u8]>,
}

impl<'a, L> Iterator for FeatureIter<'a, L>
where
    L: Iterator<Item = &'a [u8]>,
{
    type Item = Feature<'a>;

    fn next(&mut self) -> Option<Feature<'a>> {
        while self.left > 0 {
            self.left -= 1;
            let line = self.lines.next()?;
            if let Some(f) = Feature::from_line(line, self.open) {
                return Some(f);
            }
        }
        None
    }
}

impl<'a, L> FusedIterator for FeatureIter<'a, L> where L: Iterator<Item = &'a [u8]> {}

/// One feature of a FEAT reply: a name and its parameters (RFC 2389 §3.2).
///
/// ```
/// use ftp_reply::Reply;
/// let reply = Reply::parse(b"211-Features:\r\n REST STREAM\r\n211 End\r\n")?;
/// let rest = reply.features()?.value.get("REST").unwrap();
/// assert_eq!((rest.name(), rest.params()), (&b"REST"[..], &b"STREAM"[..]));
/// assert_eq!(rest.to_string(), "REST STREAM");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Feature<'a> {
    name: &'a [u8],
    params: &'a [u8],
}

impl<'a> Feature<'a> {
    /// The feature of an inner line, if it names one: an opening code
    /// repeated (`211-MDTM`) and surrounding spaces are left out.
    fn from_line(line: &'a [u8], open: Option<&[u8]>) -> Option<Self> {
        let body = match (line.get(..3), line.get(3)) {
            (Some(code), Some(b'-' | b' ')) if Some(code) == open => &line[4..],
            _ => line,
        };
        let body = trim(body);
        if body.is_empty() {
            return None;
        }
        let name_len = body.iter().take_while(|&&b| b != b' ').count();
        Some(Feature {
            name: &body[..name_len],
            params: trim(&body[name_len..]),
        })
    }

    /// The feature's name as sent (`MDTM`).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// let mlst = features.get("mlst").unwrap();
    /// assert_eq!(mlst.name(), b"MLST");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn name(&self) -> &'a [u8] {
        self.name
    }

    /// The name as text, if it is UTF-8 (feature names are ASCII, RFC 2389 §3.2).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// let mlst = features.get("mlst").unwrap();
    /// assert_eq!(mlst.name_str(), Some("MLST"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.name).ok()
    }

    /// The parameters after the name, without surrounding spaces (empty if none).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// let mlst = features.get("mlst").unwrap();
    /// assert_eq!(mlst.params(), b"type*;size*;modify;");
    /// assert_eq!(features.get("MDTM").unwrap().params(), b"");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn params(&self) -> &'a [u8] {
        self.params
    }

    /// Whether the feature is called `name`, ASCII case-insensitively.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// let mlst = features.get("mlst").unwrap();
    /// assert!(mlst.is("mlst") && mlst.is("MLST") && !mlst.is("MLSD"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name.as_bytes())
    }

    /// The parameters as a `;`-separated list whose items may end with `*`
    /// (the form of MLST, RFC 3659 §7.8, and LANG, RFC 2640 §4.3).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// let mlst = features.get("mlst").unwrap();
    /// let facts: Vec<_> = mlst.marked_params().map(|f| (f.name, f.marked)).collect();
    /// assert_eq!(facts, [(&b"type"[..], true), (b"size", true), (b"modify", false)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn marked_params(&self) -> MarkedList<'a> {
        MarkedList { rest: self.params }
    }

    /// The parameters as words separated by spaces, `;` or `,` (AUTH's
    /// `TLS;SSL`, REST's `STREAM`).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// let auth = features.get("AUTH").unwrap();
    /// assert_eq!(auth.words().collect::<Vec<_>>(), [&b"TLS"[..], b"SSL"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn words(&self) -> Words<'a> {
        Words { rest: self.params }
    }
}

impl fmt::Display for Feature<'_> {
    /// The name and parameters, lossy UTF-8.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_lossy(f, self.name)?;
        if !self.params.is_empty() {
            f.write_str(" ")?;
            write_lossy(f, self.params)?;
        }
        Ok(())
    }
}

/// Writes `bytes` as UTF-8, invalid sequences as U+FFFD.
fn write_lossy(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    for piece in bytes.utf8_chunks() {
        f.write_str(piece.valid())?;
        if !piece.invalid().is_empty() {
            f.write_str("\u{FFFD}")?;
        }
    }
    Ok(())
}

/// A name from a [`MarkedList`], with whether a `*` followed it.
///
/// ```
/// use ftp_reply::Reply;
/// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
/// let features = reply.features()?.value;
/// let first = features.mlst_facts().unwrap().next().unwrap();
/// assert_eq!((first.name, first.marked), (&b"type"[..], true));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MarkedName<'a> {
    /// The name, without the `*`.
    pub name: &'a [u8],
    /// Whether a `*` followed it: an MLST fact sent by default, the current LANG.
    pub marked: bool,
}

impl<'a> MarkedName<'a> {
    /// The name as text, if it is UTF-8.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
    /// let features = reply.features()?.value;
    /// let langs: Vec<_> = features.languages().unwrap().map(|l| l.name_str()).collect();
    /// assert_eq!(langs, [Some("EN"), Some("FR")]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.name).ok()
    }
}

/// The items of a `;`-separated list such as `type*;size*;modify;`; see
/// [`Feature::marked_params`].
///
/// ```
/// use ftp_reply::Reply;
/// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n MLST type*;size*;modify;\r\n LANG EN*;FR\r\n AUTH TLS;SSL\r\n211 End\r\n")?;
/// let features = reply.features()?.value;
/// let facts = features.mlst_facts().unwrap();
/// assert_eq!(facts.clone().count(), 3); // a trailing `;` ends the list, it opens no empty item
/// assert_eq!(facts.map(|f| f.name_str().unwrap()).collect::<Vec<_>>(), ["type", "size", "modify"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct MarkedList<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for MarkedList<'a> {
    type Item = MarkedName<'a>;

    fn next(&mut self) -> Option<MarkedName<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let end = self
                .rest
                .iter()
                .position(|&b| b == b';')
                .unwrap_or(self.rest.len());
            let item = trim(&self.rest[..end]);
            self.rest = self.rest.get(end + 1..).unwrap_or_default();
            if item.is_empty() {
                continue;
            }
            return Some(match item.split_last() {
                Some((b'*', name)) => MarkedName { name, marked: true },
                _ => MarkedName {
                    name: item,
                    marked: false,
                },
            });
        }
    }
}

impl FusedIterator for MarkedList<'_> {}

/// Words separated by spaces, `;` or `,`; see [`Feature::words`].
///
/// ```
/// use ftp_reply::Reply;
/// let reply = Reply::parse(b"211-Features:\r\n AUTH TLS, SSL;TLS-C\r\n211 End\r\n")?;
/// let auth = reply.features()?.value.get("AUTH").unwrap();
/// assert_eq!(auth.words().collect::<Vec<_>>(), [&b"TLS"[..], b"SSL", b"TLS-C"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Words<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let sep = |b: &u8| matches!(b, b' ' | b'\t' | b';' | b',');
        let start = self.rest.iter().position(|b| !sep(b))?;
        let rest = &self.rest[start..];
        let len = rest.iter().position(sep).unwrap_or(rest.len());
        self.rest = &rest[len..];
        Some(&rest[..len])
    }
}

impl FusedIterator for Words<'_> {}

/// The feature list of a 211 reply to FEAT: RFC 2389 §3.2.
///
/// Accepts what servers send: `ProFTPD`'s `211-` at the start of every
/// line, feature lines without their leading space (suppaftp fails the
/// whole FEAT on one), blank lines (skipped), and the single-line
/// `211 No features` (an empty list).
///
/// Quirks: [`RepeatedCodePrefix`](Quirk::RepeatedCodePrefix),
/// [`UnindentedFeatureLine`](Quirk::UnindentedFeatureLine).
///
/// # Errors
///
/// A [`PayloadError`] for a code other than 211 (a 500 or 502 means the
/// server has no FEAT).
///
/// ```
/// use ftp_reply::{ReplyCode, payload};
/// use ftp_reply::payload::Quirk;
///
/// let proftpd: [&[u8]; 4] = [b"211-Features:", b"211-AUTH TLS", b"211-UTF8", b"211 End"];
/// let parsed = payload::features(ReplyCode::SYSTEM_STATUS, proftpd)?;
/// assert!(parsed.quirks.contains(Quirk::RepeatedCodePrefix));
/// let names: Vec<_> = parsed.value.iter().map(|f| f.to_string()).collect();
/// assert_eq!(names, ["AUTH TLS", "UTF8"]);
/// # Ok::<(), ftp_reply::payload::PayloadError>(())
/// ```
pub fn features<'a, I>(
    code: ReplyCode,
    lines: I,
) -> Result<Parsed<Features<I::IntoIter>>, PayloadError>
where
    I: IntoIterator<Item = &'a [u8]>,
    I::IntoIter: Clone,
{
    expect_code(code, ReplyCode::SYSTEM_STATUS)?;
    let lines = lines.into_iter();
    let mut quirks = Quirks::EMPTY;
    let (mut count, mut len) = (0, 0);
    let mut open = None;
    for line in self::lines(lines.clone()) {
        count += 1;
        if line.index == 0 {
            open = line.raw.get(..3);
            continue;
        }
        if line.last || Feature::from_line(line.raw, open).is_none() {
            continue;
        }
        len += 1;
        if line.repeated_code {
            quirks.insert(Quirk::RepeatedCodePrefix);
        } else if line.raw.first() != Some(&b' ') {
            quirks.insert(Quirk::UnindentedFeatureLine);
        }
    }
    Ok(Parsed::new(Features { lines, count, len }, quirks))
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::string::{String, ToString};
    use std::vec::Vec;

    type Lines<'s> = core::iter::Copied<core::slice::Iter<'s, &'static [u8]>>;

    fn feat<'s>(lines: &'s [&'static [u8]]) -> Parsed<Features<Lines<'s>>> {
        features(ReplyCode::SYSTEM_STATUS, lines.iter().copied()).unwrap()
    }

    fn names<'a, L: Iterator<Item = &'a [u8]> + Clone>(f: &Features<L>) -> Vec<String> {
        f.iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn rfc2389_examples() {
        // RFC 2389 §3.2 / §4: a feature list and the no-features reply.
        let f = feat(&[
            b"211-Extensions supported:",
            b" MLST size*;create;modify*;perm;media-type",
            b" SIZE",
            b" COMPRESSION",
            b" MDTM",
            b"211 END",
        ]);
        assert!(f.quirks.is_empty());
        assert_eq!(
            names(&f.value),
            [
                "MLST size*;create;modify*;perm;media-type",
                "SIZE",
                "COMPRESSION",
                "MDTM"
            ]
        );
        let facts: Vec<(&[u8], bool)> = f
            .value
            .mlst_facts()
            .unwrap()
            .map(|m| (m.name, m.marked))
            .collect();
        assert_eq!(
            facts,
            [
                (&b"size"[..], true),
                (b"create", false),
                (b"modify", true),
                (b"perm", false),
                (b"media-type", false)
            ]
        );
        let none = feat(&[b"211 No features"]);
        assert!(none.value.is_empty() && none.quirks.is_empty());
        assert!(!none.value.has("SIZE"));
    }

    #[test]
    fn closing_line_is_not_a_feature() {
        let f = feat(&[b"211-Features:", b" MDTM", b"211 End"]);
        assert_eq!(names(&f.value), ["MDTM"]);
        assert!(!f.value.has("End"));
    }

    #[test]
    fn proftpd_211_on_every_line() {
        // veeso/suppaftp#108, jlaffaye/ftp#260.
        let f = feat(&[
            b"211-Features:",
            b"211-AUTH TLS",
            b"211-MDTM",
            b"211- REST STREAM",
            b"211 End",
        ]);
        assert_eq!(f.quirks, Quirks::from(Quirk::RepeatedCodePrefix));
        assert_eq!(names(&f.value), ["AUTH TLS", "MDTM", "REST STREAM"]);
        assert!(f.value.has_rest_stream());
    }

    #[test]
    fn suppaftp_unindented_line() {
        // suppaftp's parse_features rejects the whole list for one line without a space.
        let f = feat(&[b"211-Features:", b" SIZE", b"MDTM", b" UTF8", b"211 End"]);
        assert_eq!(f.quirks, Quirks::from(Quirk::UnindentedFeatureLine));
        assert_eq!(names(&f.value), ["SIZE", "MDTM", "UTF8"]);
    }

    #[test]
    fn suppaftp_113_altervista_list() {
        let f = feat(&[
            b"211-Extensions supported:",
            b" SIZE",
            b" AUTH TLS",
            b" MLST type*;size*;sizd*;modify*;UNIX.mode*;UNIX.uid*;UNIX.gid*;unique*;",
            b" REST STREAM",
            b" UTF8",
            b"211 End.",
        ]);
        let facts: Vec<&[u8]> = f
            .value
            .mlst_facts()
            .unwrap()
            .filter(|m| m.marked)
            .map(|m| m.name)
            .collect();
        assert_eq!(
            facts,
            [
                &b"type"[..],
                b"size",
                b"sizd",
                b"modify",
                b"UNIX.mode",
                b"UNIX.uid",
                b"UNIX.gid",
                b"unique"
            ]
        );
        assert!(f.value.has("utf8"));
    }

    #[test]
    fn params_lang_auth() {
        let f = feat(&[
            b"211-Features:",
            b" LANG EN*;FR;de-DE",
            b" AUTH TLS;SSL",
            b" REST",
            b"  ",
            b"211 End",
        ]);
        let langs: Vec<(&[u8], bool)> = f
            .value
            .languages()
            .unwrap()
            .map(|m| (m.name, m.marked))
            .collect();
        assert_eq!(
            langs,
            [(&b"EN"[..], true), (b"FR", false), (b"de-DE", false)]
        );
        assert_eq!(
            f.value.auth_mechanisms().unwrap().collect::<Vec<_>>(),
            [&b"TLS"[..], b"SSL"]
        );
        assert!(!f.value.has_rest_stream());
        assert_eq!(f.value.len(), 3);
        assert!(f.value.languages().is_some() && feat(&[b"211 x"]).value.languages().is_none());
        assert!(f.quirks.is_empty());
    }

    #[test]
    fn wrong_code() {
        let e = features(
            ReplyCode::new(502).unwrap(),
            [&b"502 FEAT not implemented"[..]],
        )
        .unwrap_err();
        assert!(matches!(
            e.kind(),
            super::super::PayloadErrorKind::WrongCode { .. }
        ));
    }
}
