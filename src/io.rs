//! [`ReplyReader`]: replies from any [`std::io::BufRead`], such as a
//! `BufReader<TcpStream>` on the control connection.

use std::io::{self, BufRead};

use crate::{DecodeError, Reply, ReplyDecoder};

mod exchange;
pub use exchange::ExchangeReplies;

/// Reads replies from a [`BufRead`], with the limits and framing of a
/// [`ReplyDecoder`].
///
/// It decodes straight from the reader's buffer and consumes only the bytes
/// of the replies it returns: whatever follows a reply stays in the reader.
/// That matters after `234` to `AUTH TLS`, when the next bytes belong to
/// the TLS handshake.
///
/// It is also an [`Iterator`] of `Result<Reply, ReadError>` that ends at a
/// clean end of stream.
///
/// # Example: a control connection
///
/// ```no_run
/// use std::io::{BufReader, Write};
/// use std::net::TcpStream;
/// use ftp_reply::{ReadError, ReplyReader};
///
/// let stream = TcpStream::connect("127.0.0.1:21")?;
/// let mut writer = stream.try_clone()?;
/// let mut replies = ReplyReader::new(BufReader::new(stream));
///
/// let greeting = replies.read_reply()?;
/// assert!(greeting.code().is_positive_completion(), "{greeting}");
/// writer.write_all(b"FEAT\r\n")?;
/// let feat = replies.read_reply()?;
/// // One feature per inner line; the first line ("Features:") and the last
/// // ("End") are not features (RFC 2389 §3.2).
/// for feature in &feat.features()?.value {
///     println!("feature: {feature}");
/// }
/// writer.write_all(b"QUIT\r\n")?;
/// println!("{}", replies.read_reply()?);
/// match replies.read_reply() {
///     Err(ReadError::Eof) => {} // the server closed the connection
///     other => println!("unexpected: {other:?}"),
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Example: in memory
///
/// ```
/// use ftp_reply::{ReadError, ReplyReader};
///
/// let input: &[u8] = b"220 Ready\r\n211-Features:\r\n MDTM\r\n211 End\r\n221 Bye\r\n";
/// let codes: Vec<u16> = ReplyReader::new(input)
///     .map(|reply| reply.map(|r| r.code().as_u16()))
///     .collect::<Result<_, ReadError>>()?;
/// assert_eq!(codes, [220, 211, 221]);
///
/// // What FEAT lists, without its first and last lines.
/// let feat = ReplyReader::new(&b"211-Features:\r\n MDTM\r\n REST STREAM\r\n211 End\r\n"[..]).read_reply()?;
/// let features: Vec<String> = feat.features()?.value.iter().map(|f| f.to_string()).collect();
/// assert_eq!(features, ["MDTM", "REST STREAM"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct ReplyReader<R> {
    inner: R,
    decoder: ReplyDecoder,
}

impl<R: BufRead> ReplyReader<R> {
    /// A reader with a default [`ReplyDecoder`] (default limits, strict framing).
    ///
    /// ```
    /// use ftp_reply::ReplyReader;
    /// let mut reader = ReplyReader::new(&b"200 OK\r\n"[..]);
    /// assert_eq!(reader.read_reply()?.code(), 200);
    /// # Ok::<(), ftp_reply::ReadError>(())
    /// ```
    pub fn new(inner: R) -> Self {
        Self {
            inner,
            decoder: ReplyDecoder::new(),
        }
    }

    /// Uses `decoder` (its limits and framing, and any bytes already fed to
    /// it, which are decoded first) instead of the default one (builder
    /// style). Set it before reading: the decoder it replaces is dropped
    /// with any reply it had half-read.
    ///
    /// ```
    /// use ftp_reply::{Framing, Limits, ReplyDecoder, ReplyReader};
    ///
    /// let decoder = ReplyDecoder::new().with_limits(Limits::default().with_max_lines(64))
    ///     .with_framing(Framing::Lenient);
    /// let input: &[u8] = b"426-Connection closed.\r\n226 Abort successful\r\n";
    /// let mut reader = ReplyReader::new(input).with_decoder(decoder);
    /// assert_eq!(reader.read_reply()?.code(), 226);
    /// # Ok::<(), ftp_reply::ReadError>(())
    /// ```
    #[must_use]
    pub fn with_decoder(mut self, decoder: ReplyDecoder) -> Self {
        self.decoder = decoder;
        self
    }

    /// Reads the next reply.
    ///
    /// # Errors
    ///
    /// - [`ReadError::Io`]: the reader failed (`Interrupted` is retried);
    /// - [`ReadError::Decode`]: a malformed line or a reply over a limit;
    ///   the reader can go on with the next reply;
    /// - [`ReadError::Incomplete`]: the stream ended in the middle of a reply;
    /// - [`ReadError::Eof`]: the stream ended cleanly, between replies.
    ///
    /// ```
    /// use ftp_reply::{ReadError, ReplyReader};
    ///
    /// let mut reader = ReplyReader::new(&b"X\r\n200 OK\r\n150-Opening\r\n"[..]);
    /// assert!(matches!(reader.read_reply(), Err(ReadError::Decode(_))));
    /// assert_eq!(reader.read_reply()?.code(), 200);
    /// assert!(matches!(reader.read_reply(), Err(ReadError::Incomplete(_))));
    /// assert!(matches!(reader.read_reply(), Err(ReadError::Eof)));
    /// # Ok::<(), ReadError>(())
    /// ```
    pub fn read_reply(&mut self) -> Result<Reply, ReadError> {
        // Bytes fed to the decoder before it was handed over come first.
        if self.decoder.core_mut().is_none() {
            if let Some(reply) = self.decoder.next_reply()? {
                return Ok(reply);
            }
        }
        loop {
            let buf = match self.inner.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ReadError::Io(e)),
            };
            let Some(core) = self.decoder.core_mut() else {
                unreachable!("the decoder's own input was used up above")
            };
            if buf.is_empty() {
                return Err(core
                    .take_incomplete()
                    .map_or(ReadError::Eof, ReadError::Incomplete));
            }
            let (used, event) = core.step(buf);
            self.inner.consume(used);
            match event {
                Some(Ok(reply)) => return Ok(reply),
                Some(Err(e)) => return Err(ReadError::Decode(e)),
                None => {}
            }
        }
    }

    /// The underlying reader.
    ///
    /// ```
    /// # use ftp_reply::ReplyReader;
    /// let reader = ReplyReader::new(&b""[..]);
    /// assert!(reader.get_ref().is_empty());
    /// ```
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// The underlying reader, mutably. Reading from it directly skips bytes
    /// the decoder has not seen; writing is what it is for.
    ///
    /// # Writing a command on the same connection
    ///
    /// A `ReplyReader<BufReader<TcpStream>>` owns the stream, and
    /// `BufReader` only reads: to send a command, reach the `TcpStream`
    /// inside with `get_mut().get_mut()` (`&mut TcpStream` is
    /// [`Write`](std::io::Write)) and write the whole line at once, or keep
    /// a second handle from [`TcpStream::try_clone`](std::net::TcpStream::try_clone)
    /// made before wrapping the stream, and write on that. Both write to the
    /// same socket; neither touches the bytes buffered for reading.
    ///
    /// ```no_run
    /// use std::io::{BufReader, Write};
    /// use std::net::TcpStream;
    /// use ftp_reply::command::{Command, CommandLine};
    /// use ftp_reply::ReplyReader;
    ///
    /// let stream = TcpStream::connect("127.0.0.1:21")?;
    /// let mut reader = ReplyReader::new(BufReader::new(stream));
    /// reader.read_reply()?; // the greeting
    ///
    /// // 1. Through the reader: BufReader<TcpStream> -> TcpStream.
    /// CommandLine::new(Command::Noop, None)?.write_to(reader.get_mut().get_mut())?;
    /// reader.read_reply()?;
    /// // The same with raw bytes.
    /// reader.get_mut().get_mut().write_all(b"NOOP\r\n")?;
    /// reader.read_reply()?;
    ///
    /// // 2. Or a cloned handle, kept beside the reader.
    /// let mut writer = reader.get_ref().get_ref().try_clone()?;
    /// CommandLine::new(Command::Quit, None)?.write_to(&mut writer)?;
    /// reader.read_reply()?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// In memory:
    ///
    /// ```
    /// # use ftp_reply::ReplyReader;
    /// let mut reader = ReplyReader::new(&b"200 OK\r\n"[..]);
    /// let _inner: &mut &[u8] = reader.get_mut();
    /// ```
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.inner
    }

    /// The decoder, for its [`offset`](ReplyDecoder::offset) or limits.
    ///
    /// ```
    /// # use ftp_reply::ReplyReader;
    /// let mut reader = ReplyReader::new(&b"200 OK\r\n"[..]);
    /// reader.read_reply()?;
    /// assert_eq!(reader.decoder().offset(), 8);
    /// # Ok::<(), ftp_reply::ReadError>(())
    /// ```
    pub fn decoder(&self) -> &ReplyDecoder {
        &self.decoder
    }

    /// Gives back the underlying reader; bytes after the last reply returned
    /// are still in it.
    ///
    /// ```
    /// use std::io::Read;
    /// use ftp_reply::ReplyReader;
    ///
    /// let mut reader = ReplyReader::new(&b"234 AUTH TLS OK\r\n\x16\x03\x01"[..]);
    /// assert_eq!(reader.read_reply()?.code(), 234);
    /// let mut rest = Vec::new();
    /// reader.into_inner().read_to_end(&mut rest)?;
    /// assert_eq!(rest, b"\x16\x03\x01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_inner(self) -> R {
        self.inner
    }
}

impl<R: BufRead> Iterator for ReplyReader<R> {
    type Item = Result<Reply, ReadError>;

    /// The next reply or error; `None` at a clean end of stream.
    fn next(&mut self) -> Option<Self::Item> {
        match self.read_reply() {
            Err(ReadError::Eof) => None,
            other => Some(other),
        }
    }
}

/// Why [`ReplyReader::read_reply`] returned no reply.
///
/// Converts into an [`io::Error`] (kinds `InvalidData`, `UnexpectedEof`,
/// `InvalidInput`)
/// for functions that return `io::Result`.
///
/// # Example
///
/// ```
/// use ftp_reply::{ReadError, ReplyReader};
///
/// let mut reader = ReplyReader::new(&b"220-Welcome\r\n"[..]);
/// let err = reader.read_reply().unwrap_err();
/// assert!(matches!(err, ReadError::Incomplete(_)));
/// assert_eq!(err.to_string(),
///     "invalid reply stream at byte 0: the input ended in the middle of a reply (code 220, 1 complete line(s))");
/// let io: std::io::Error = err.into();
/// assert_eq!(io.kind(), std::io::ErrorKind::UnexpectedEof);
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The underlying reader failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// A malformed line or a reply over a limit; reading can go on.
    #[error(transparent)]
    Decode(DecodeError),
    /// The stream ended in the middle of a reply (the error's kind is
    /// [`Incomplete`](crate::DecodeErrorKind::Incomplete)).
    #[error(transparent)]
    Incomplete(DecodeError),
    /// The stream ended cleanly, between two replies.
    #[error("the stream ended (no reply in progress)")]
    Eof,
    /// [`ExchangeReplies::final_reply`] on an exchange that was already
    /// complete: no reply is awaited, so none was read (a caller's mistake,
    /// not the server's).
    #[error("the exchange is already complete: no reply is awaited")]
    ExchangeComplete,
}

impl From<DecodeError> for ReadError {
    /// [`ReadError::Incomplete`] for an incomplete reply, else [`ReadError::Decode`].
    fn from(e: DecodeError) -> Self {
        if e.is_incomplete() {
            Self::Incomplete(e)
        } else {
            Self::Decode(e)
        }
    }
}

impl From<ReadError> for io::Error {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::Io(e) => e,
            ReadError::Decode(_) => io::Error::new(io::ErrorKind::InvalidData, e),
            ReadError::Incomplete(_) | ReadError::Eof => {
                io::Error::new(io::ErrorKind::UnexpectedEof, e)
            }
            ReadError::ExchangeComplete => io::Error::new(io::ErrorKind::InvalidInput, e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that returns one byte per `fill_buf`, with an `Interrupted` first.
    struct Trickle<'a> {
        data: &'a [u8],
        interrupted: bool,
    }

    impl io::Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.fill_buf()?.len().min(out.len());
            out[..n].copy_from_slice(&self.data[..n]);
            self.consume(n);
            Ok(n)
        }
    }

    impl BufRead for Trickle<'_> {
        fn fill_buf(&mut self) -> io::Result<&[u8]> {
            if !self.interrupted {
                self.interrupted = true;
                return Err(io::ErrorKind::Interrupted.into());
            }
            Ok(&self.data[..self.data.len().min(1)])
        }

        fn consume(&mut self, n: usize) {
            self.data = &self.data[n..];
        }
    }

    #[test]
    fn byte_at_a_time_reader() {
        let data = b"220-a\r\n b\r\n220 c\r\n200 OK\r\n";
        let reader = ReplyReader::new(Trickle {
            data,
            interrupted: false,
        });
        let codes: Vec<u16> = reader.map(|r| r.unwrap().code().as_u16()).collect();
        assert_eq!(codes, [220, 200]);
    }

    #[test]
    fn fed_decoder_bytes_come_first() {
        let mut decoder = ReplyDecoder::new();
        decoder.feed(b"220 first\r\n200 sec");
        let mut reader = ReplyReader::new(&b"ond\r\n"[..]).with_decoder(decoder);
        assert_eq!(reader.read_reply().unwrap().code(), 220);
        // "200 sec" was decoded from the decoder's own input; the rest comes from the reader.
        let reply = reader.read_reply().unwrap();
        assert_eq!(reply.text(), "second");
        assert!(matches!(reader.read_reply(), Err(ReadError::Eof)));
    }

    #[test]
    fn io_error_passes_through() {
        struct Failing;
        impl io::Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("boom"))
            }
        }
        let mut reader = ReplyReader::new(io::BufReader::new(Failing));
        let err = reader.read_reply().unwrap_err();
        assert!(matches!(err, ReadError::Io(_)));
        assert_eq!(err.to_string(), "boom");
        assert_eq!(io::Error::from(err).kind(), io::ErrorKind::Other);
    }
}
