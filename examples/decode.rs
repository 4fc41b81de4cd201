//! Decodes FTP replies from standard input and prints one JSON object per
//! reply on standard output:
//!
//! ```text
//! $ printf '211-Features:\r\n MDTM\r\n211 End\r\n' | cargo run -q --example decode
//! {"code":211,"lines":["211-Features:"," MDTM","211 End"]}
//! ```
//!
//! Lines are shown as received, without their line end (UTF-8, lossy). Each
//! error, including a reply left incomplete at the end of the input, is
//! printed as `{"error":"<message>","offset":N}` with its byte offset in the
//! stream, and decoding goes on. The exit status is 0 once all the input has
//! been read, or when standard output is closed early (`| head -1`).
//!
//! Options: `--lenient` for lenient framing (see `ftp_reply::Framing`).

use std::io::{self, Read, Write};

use ftp_reply::{DecodeError, Framing, Reply, ReplyDecoder};

fn main() -> io::Result<()> {
    match decode() {
        // A closed pipe is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn decode() -> io::Result<()> {
    let framing = if std::env::args().any(|a| a == "--lenient") {
        Framing::Lenient
    } else {
        Framing::Strict
    };
    let mut decoder = ReplyDecoder::new().with_framing(framing);
    let mut stdin = io::stdin().lock();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut chunk = vec![0; 8192];
    loop {
        let n = match stdin.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        decoder.feed(&chunk[..n]);
        loop {
            match decoder.next_reply() {
                Ok(Some(reply)) => print_reply(&mut out, &reply)?,
                Ok(None) => break,
                Err(e) => print_error(&mut out, &e)?,
            }
        }
    }
    if let Err(e) = decoder.finish() {
        print_error(&mut out, &e)?;
    }
    out.flush()
}

fn print_reply(out: &mut impl Write, reply: &Reply) -> io::Result<()> {
    let json = serde_json::json!({
        "code": reply.code().as_u16(),
        "lines": reply.lines().collect::<Vec<_>>(),
    });
    writeln!(out, "{json}")
}

fn print_error(out: &mut impl Write, error: &DecodeError) -> io::Result<()> {
    let json = serde_json::json!({ "error": error.to_string(), "offset": error.offset() });
    writeln!(out, "{json}")
}
