//! `WinSCP` session logs.
//!
//! Checked against `WinSCP`'s `source/core/SessionInfo.cpp`
//! (`TSessionLog::DoAddToSelf`, winscp/winscp): every line is one mark of
//! `LogLineMarks = "<>!.*"` (server output, client input, standard error,
//! message, exception), then `" yyyy-mm-dd hh:nn:ss.zzz "`, then the text.
//! For FTP, `>` lines are the commands sent and `<` lines the replies.

use super::{Kind, Parsed};
use crate::transcript::Timestamp;

pub(crate) fn parse(line: &str) -> Option<Parsed<'_>> {
    let mark = *line.as_bytes().first()?;
    let kind = match mark {
        b'>' => Kind::Command,
        b'<' => Kind::Reply,
        b'!' | b'*' => Kind::Error,
        b'.' => Kind::Info,
        _ => return None,
    };
    if line.as_bytes().get(1) != Some(&b' ') || line.as_bytes().get(25) != Some(&b' ') {
        return None;
    }
    let time = Timestamp::parse_str(line.get(2..25)?)?;
    let text = line.get(26..)?;
    let kind = match kind {
        Kind::Info if text.starts_with("Connecting to ") => Kind::Open,
        k => k,
    };
    Some(Parsed::new(kind, text).at(Some(time)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn lines() {
        let p = parse("> 2024-01-15 09:30:01.123 USER bob").unwrap();
        assert_eq!((p.kind, &*p.text), (Kind::Command, "USER bob"));
        assert_eq!(p.time.unwrap().to_string(), "2024-01-15 09:30:01.123");
        let p = parse("< 2024-01-15 09:30:01.200 331 Password required").unwrap();
        assert_eq!(p.kind, Kind::Reply);
        assert!(parse("> USER bob").is_none());
        assert!(parse("< 220 hi").is_none());
    }
}
