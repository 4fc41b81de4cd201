//! The `identify` fuzz target: arbitrary replies never make the
//! identification panic or break its bounds and thresholds.

use ftp_reply::command::Command;
use ftp_reply::diagnosis::Server;
use ftp_reply::identify::{MARGIN, MAX_EVIDENCE, NAME_THRESHOLD, ServerIdentifier, ServerVersion};
use ftp_reply::{Framing, ReplyCode, ReplyDecoder};

const SERVERS: [Server; 7] = [
    Server::Vsftpd,
    Server::Proftpd,
    Server::PureFtpd,
    Server::Pyftpdlib,
    Server::FilezillaServer,
    Server::Iis,
    Server::Libunftp,
];

fn scores(id: &ServerIdentifier) -> Vec<u16> {
    SERVERS.iter().map(|s| id.score(*s)).collect()
}

fn check_bounds(id: &ServerIdentifier) {
    assert!(id.evidence().count() <= MAX_EVIDENCE);
    for e in id.evidence() {
        assert_eq!(e.code(), e.fingerprint().code());
        if let Some(v) = e.version() {
            assert!(!v.as_str().is_empty() && v.as_str().len() <= ServerVersion::CAPACITY);
        }
    }
    if let Some(best) = id.best() {
        assert!(best.score() >= NAME_THRESHOLD);
        assert!(best.score() - best.runner_up() >= MARGIN);
        assert_eq!(best.score(), id.score(best.server()));
        assert!(best.evidence().all(|e| e.server() == best.server()));
    }
}

/// Byte 0 picks the command each reply answers (cycled through the known
/// commands, or none), the rest is a reply stream decoded leniently. Also
/// feeds the raw lines of the input as one reply with the code of byte 1.
/// A second pass over the same replies changes no score (each fingerprint
/// counts once).
pub fn run(input: &[u8]) {
    let Some((&pick, stream)) = input.split_first() else {
        return;
    };
    let commands: Vec<Command> = Command::all().collect();
    let command = (usize::from(pick) < commands.len()).then(|| commands[usize::from(pick)]);
    let mut decoder = ReplyDecoder::new().with_framing(Framing::Lenient);
    decoder.feed(stream);
    let mut replies = Vec::new();
    for _ in 0..10_000 {
        match decoder.next_reply() {
            Ok(Some(r)) => replies.push(r),
            Ok(None) => break,
            Err(_) => {}
        }
    }
    let mut id = ServerIdentifier::new();
    for r in &replies {
        id.observe(command, r);
        check_bounds(&id);
    }
    let before = scores(&id);
    for r in &replies {
        id.observe(command, r);
    }
    assert_eq!(scores(&id), before);
    check_bounds(&id);

    // 100..=610: every code the table uses is reachable.
    let code = ReplyCode::new(100 + u16::from(stream.first().copied().unwrap_or(0)) * 2)
        .expect("100 to 610 are valid codes");
    let mut raw = ServerIdentifier::new();
    raw.observe_lines(command, code, stream.split(|&b| b == b'\n'));
    check_bounds(&raw);
}
