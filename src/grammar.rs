//! The reply-line grammar of RFC 959 §4.2, written once: what a reply code
//! is, what a reply's first line is, which line ends a multi-line reply and
//! which inner line repeats the opening code.
//!
//! Every function takes the *content* of a line, its line end (CRLF or LF)
//! already removed: [`ReplyCode::parse`](crate::ReplyCode::parse), the
//! decoder and the reply views all call these, each after cutting its line
//! end its own way.

use crate::{ParseErrorKind, ReplyCode};

/// What follows the code on a reply's first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    /// A space or the end of the line: a single-line reply (or a last line).
    Last,
    /// `-`: the first line of a multi-line reply.
    Dash,
}

/// A problem at the start of a line, and the index of the offending byte
/// (the length of the content for a line that is too short).
pub(crate) type Bad = (ParseErrorKind, usize);

/// The value of three bytes that are a reply code (three ASCII digits, the
/// first 1 to 6), if they are one.
#[inline]
pub(crate) const fn code_value(a: u8, b: u8, c: u8) -> Option<u16> {
    if a >= b'1' && a <= b'6' && b.is_ascii_digit() && c.is_ascii_digit() {
        Some((a - b'0') as u16 * 100 + (b - b'0') as u16 * 10 + (c - b'0') as u16)
    } else {
        None
    }
}

/// Reads the code in the first three bytes of `content`, ignoring what follows.
pub(crate) const fn code(content: &[u8]) -> Result<ReplyCode, Bad> {
    if let [a, b, c, ..] = *content {
        if let Some(n) = code_value(a, b, c) {
            return Ok(ReplyCode::known(n));
        }
    }
    if content.is_empty() {
        return Err((ParseErrorKind::Empty, 0));
    }
    // The slow path says what is wrong, at which byte.
    let mut i = 0;
    while i < 3 {
        if i >= content.len() {
            return Err((ParseErrorKind::TooShort { len: i }, i));
        }
        let b = content[i];
        if !b.is_ascii_digit() {
            return Err((ParseErrorKind::NotADigit { found: b }, i));
        }
        if i == 0 && (b < b'1' || b > b'6') {
            return Err((ParseErrorKind::InvalidFirstDigit { digit: b - b'0' }, 0));
        }
        i += 1;
    }
    // Unreachable: three valid digits took the fast path.
    Err((ParseErrorKind::Empty, 0))
}

/// Checks a reply's first line: a code, then a space, `-` or nothing.
#[inline]
pub(crate) const fn first_line(content: &[u8]) -> Result<(ReplyCode, Sep), Bad> {
    let code = match code(content) {
        Ok(code) => code,
        Err(e) => return Err(e),
    };
    if content.len() == 3 {
        return Ok((code, Sep::Last));
    }
    match content[3] {
        b' ' => Ok((code, Sep::Last)),
        b'-' => Ok((code, Sep::Dash)),
        found => Err((ParseErrorKind::InvalidSeparator { found }, 3)),
    }
}

/// If the complete line `content` can end a multi-line reply (a valid code
/// followed by a space or nothing), that code. Under strict framing it
/// ends the reply only if the code is the opening code.
#[cfg(feature = "alloc")]
#[inline]
pub(crate) const fn closing_code(content: &[u8]) -> Option<ReplyCode> {
    match *content {
        [a, b, c] | [a, b, c, b' ', ..] => match code_value(a, b, c) {
            Some(n) => Some(ReplyCode::known(n)),
            None => None,
        },
        _ => None,
    }
}

/// Whether the inner line `content` starts with the opening code `open`
/// followed by `-` or a space (`ProFTPD`'s FEAT style), so that its text
/// starts at byte 4.
#[cfg(feature = "alloc")]
#[inline]
pub(crate) fn repeats_code(content: &[u8], open: ReplyCode) -> bool {
    match *content {
        [a, b, c, b'-' | b' ', ..] => ascii_digits(open) == [a, b, c],
        _ => false,
    }
}

/// The three ASCII digits of `code`.
#[cfg(feature = "alloc")]
#[inline]
pub(crate) const fn ascii_digits(code: ReplyCode) -> [u8; 3] {
    let d = code.digits();
    [b'0' + d[0], b'0' + d[1], b'0' + d[2]]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "alloc")]
    #[test]
    fn every_three_byte_prefix() {
        // The fast path and the slow path agree on every byte triple that
        // matters (digits, a few non-digits).
        let bytes = b"0123456789 -x\r";
        for &a in bytes {
            for &b in bytes {
                for &c in bytes {
                    let line = [a, b, c];
                    let ok = a.is_ascii_digit()
                        && (b'1'..=b'6').contains(&a)
                        && b.is_ascii_digit()
                        && c.is_ascii_digit();
                    assert_eq!(code(&line).is_ok(), ok, "{line:?}");
                    assert_eq!(closing_code(&line).is_some(), ok, "{line:?}");
                }
            }
        }
    }

    #[test]
    fn first_lines() {
        use ParseErrorKind as P;
        assert_eq!(first_line(b"220 x"), Ok((ReplyCode::known(220), Sep::Last)));
        assert_eq!(first_line(b"220"), Ok((ReplyCode::known(220), Sep::Last)));
        assert_eq!(first_line(b"220-"), Ok((ReplyCode::known(220), Sep::Dash)));
        assert_eq!(first_line(b""), Err((P::Empty, 0)));
        assert_eq!(first_line(b"22"), Err((P::TooShort { len: 2 }, 2)));
        assert_eq!(
            first_line(b"720 "),
            Err((P::InvalidFirstDigit { digit: 7 }, 0))
        );
        assert_eq!(first_line(b"2x0 "), Err((P::NotADigit { found: b'x' }, 1)));
        assert_eq!(
            first_line(b"220x"),
            Err((P::InvalidSeparator { found: b'x' }, 3))
        );
    }

    #[cfg(feature = "alloc")]
    #[test]
    fn closing_and_repeated_codes() {
        let open = ReplyCode::known(211);
        assert_eq!(closing_code(b"211 End"), Some(open));
        assert_eq!(closing_code(b"211"), Some(open));
        assert_eq!(closing_code(b"211-x"), None);
        assert_eq!(closing_code(b"999 x"), None);
        assert!(repeats_code(b"211-UTF8", open));
        assert!(repeats_code(b"211 UTF8", open));
        assert!(!repeats_code(b"211", open));
        assert!(!repeats_code(b"212-x", open));
    }
}
