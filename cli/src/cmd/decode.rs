//! `ftp-reply decode [FILE]`: control-connection bytes to replies, as
//! `examples/decode.rs` does, read in chunks so memory stays bounded by the
//! decoder's limits however long the input is.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;

use ftp_reply::{DecodeError, Framing, Reply, ReplyDecoder};
use serde_json::json;

use crate::cli::OutputFormat;
use crate::output::{Out, json_line, markdown_escape as escape};
use crate::{Failure, Outcome};

/// Decodes `file` (standard input for `None` or `-`). Any invalid reply in
/// the stream is a negative finding; decoding goes on after it.
pub fn run(
    out: &mut Out,
    format: OutputFormat,
    file: Option<&Path>,
    lenient: bool,
) -> Result<Outcome, Failure> {
    let framing = if lenient {
        Framing::Lenient
    } else {
        Framing::Strict
    };
    let mut input: Box<dyn Read> = match file {
        None => Box::new(io::stdin().lock()),
        Some(p) if p.as_os_str() == "-" => Box::new(io::stdin().lock()),
        Some(p) => Box::new(File::open(p).map_err(|e| Failure::input(p, &e))?),
    };
    let mut decoder = ReplyDecoder::new().with_framing(framing);
    let mut chunk = vec![0; 64 * 1024];
    let mut errors = 0_usize;
    loop {
        let n = match input.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                let name = file.unwrap_or(Path::new("-"));
                return Err(Failure::input(name, &e));
            }
        };
        decoder.feed(&chunk[..n]);
        loop {
            match decoder.next_reply() {
                Ok(Some(reply)) => write_reply(out, format, &reply)?,
                Ok(None) => break,
                Err(e) => {
                    errors += 1;
                    write_error(out, format, &e)?;
                }
            }
        }
    }
    if let Err(e) = decoder.finish() {
        errors += 1;
        write_error(out, format, &e)?;
    }
    Ok(if errors == 0 {
        Outcome::Success
    } else {
        Outcome::Negative
    })
}

fn write_reply(out: &mut Out, format: OutputFormat, reply: &Reply) -> io::Result<()> {
    let code = reply.code();
    match format {
        OutputFormat::Json => json_line(
            &mut out.w,
            &json!({ "code": code.as_u16(), "lines": reply.lines().collect::<Vec<_>>() }),
        ),
        OutputFormat::Text => {
            for (i, line) in reply.lines().enumerate() {
                if let (0, Some(digits), Some(rest)) = (i, line.get(..3), line.get(3..)) {
                    writeln!(
                        out.w,
                        "{}{rest}",
                        out.style.category(code.category(), digits)
                    )?;
                } else {
                    writeln!(out.w, "{line}")?;
                }
            }
            Ok(())
        }
        OutputFormat::Markdown => {
            let title = code.info().map(|i| i.title(out.lang)).unwrap_or_default();
            writeln!(out.w, "- **{code}** {}\n\n  ````text", escape(title))?;
            for line in reply.lines() {
                writeln!(out.w, "  {line}")?;
            }
            writeln!(out.w, "  ````\n")
        }
    }
}

fn write_error(out: &mut Out, format: OutputFormat, error: &DecodeError) -> io::Result<()> {
    match format {
        OutputFormat::Json => json_line(
            &mut out.w,
            &json!({ "error": error.to_string(), "offset": error.offset() }),
        ),
        OutputFormat::Text => writeln!(out.w, "{}", out.style.error(&error.to_string())),
        OutputFormat::Markdown => writeln!(out.w, "- **{}**\n", escape(&error.to_string())),
    }
}
