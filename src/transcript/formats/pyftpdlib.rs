//! pyftpdlib's debug log.
//!
//! Checked by running pyftpdlib 2.2.0 here (`python3 -m pyftpdlib -D`, and
//! a `logging.basicConfig` setup) and against its `handlers.py`
//! (`FTPHandler.log_cmd`/`logline`): the logger prefix (`[D 2026-12-01
//! 21:46:59] ` by default, `DEBUG:pyftpdlib:` under `basicConfig`), then
//! `ip:port-[user] `, then `<- ` and the command (the password masked) or
//! `-> ` and the reply. Only the last line of a multi-line reply is logged.
//! `FTP session opened` / `FTP session closed` bracket each connection; the
//! `ip:port` names the session, so interleaved connections stay apart.

use super::{Kind, Parsed};
use crate::transcript::Timestamp;

pub(crate) fn parse(line: &str) -> Option<Parsed<'_>> {
    let (time, rest) = if let Some(r) = line.strip_prefix('[') {
        // "[D 2026-12-01 21:46:59] ..."
        let (head, rest) = r.split_once("] ")?;
        let (_level, when) = head.split_once(' ')?;
        (Timestamp::parse_str(when), rest)
    } else if let Some((_, r)) = line.split_once(":pyftpdlib:") {
        (None, r)
    } else {
        return None;
    };
    // "127.0.0.1:54950-[user] -> 220 ready"
    let Some(close) = rest.find("] ") else {
        return Some(Parsed::new(Kind::Skip, rest).at(time));
    };
    let head = &rest[..close];
    let Some((addr, _user)) = head.split_once("-[") else {
        return Some(Parsed::new(Kind::Skip, rest).at(time));
    };
    if !addr.contains(':') || addr.contains(' ') {
        return Some(Parsed::new(Kind::Skip, rest).at(time));
    }
    let msg = &rest[close + 2..];
    let kind_text = if let Some(t) = msg.strip_prefix("-> ") {
        (Kind::Reply, t)
    } else if let Some(t) = msg.strip_prefix("<- ") {
        (Kind::Command, t)
    } else if msg.starts_with("FTP session opened") {
        (Kind::Open, msg)
    } else if msg.starts_with("FTP session closed") {
        (Kind::Close, msg)
    } else {
        (Kind::Info, msg)
    };
    Some(Parsed::new(kind_text.0, kind_text.1).at(time).session(addr))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        let p = parse("[D 2026-12-01 21:47:01] 127.0.0.1:35340-[] -> 220 pyftpdlib 2.2.0 ready.")
            .unwrap();
        assert_eq!(
            (p.kind, &*p.text, p.session),
            (
                Kind::Reply,
                "220 pyftpdlib 2.2.0 ready.",
                Some("127.0.0.1:35340")
            )
        );
        let p = parse("DEBUG:pyftpdlib:127.0.0.1:54950-[user] <- PASS ******").unwrap();
        assert_eq!((p.kind, &*p.text), (Kind::Command, "PASS ******"));
        assert_eq!(
            parse("[I 2026-12-01 21:46:59] concurrency model: async")
                .unwrap()
                .kind,
            Kind::Skip
        );
        assert!(parse("C: USER x").is_none());
    }
}
