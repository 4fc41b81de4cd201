//! Reading one reply: the text of each line, the reply's layout and the
//! order of its feature lines, and the fingerprints that matched.

use super::clue::{MIN_ORDERED_FEATURES, ServerVersion, Shape};
use crate::ReplyCode;

/// Fingerprints that matched in one reply (each index at most once; past
/// 16 in one reply, the rest are ignored).
#[derive(Default)]
pub(super) struct Fired {
    pub(super) hits: [(usize, Option<ServerVersion>); 16],
    pub(super) len: usize,
}

impl Fired {
    pub(super) fn push(&mut self, index: usize, version: Option<ServerVersion>) {
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
pub(super) fn line_text(raw: &[u8], code: ReplyCode, edge: bool) -> (&[u8], bool) {
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
pub(super) struct Layout {
    code: ReplyCode,
    lines: usize,
    non_last_prefixed: bool,
    inner_bare: bool,
    inner_space: bool,
    last_empty: bool,
}

impl Layout {
    pub(super) const fn new(code: ReplyCode) -> Self {
        Self {
            code,
            lines: 0,
            non_last_prefixed: true,
            inner_bare: true,
            inner_space: true,
            last_empty: false,
        }
    }

    pub(super) fn line(&mut self, raw: &[u8], index: usize, last: bool, text: &[u8]) {
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

    pub(super) fn is(&self, shape: Shape) -> bool {
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
pub(super) struct Order {
    /// Index in the list after the last matched entry.
    next: usize,
    count: usize,
    broken: bool,
}

impl Order {
    pub(super) fn line(&mut self, list: &[&str], text: &[u8]) {
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

    pub(super) fn matched(&self) -> bool {
        !self.broken && self.count >= MIN_ORDERED_FEATURES
    }
}
