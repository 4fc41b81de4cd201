//! [`ReplyCodec`]: replies and command lines for `tokio_util::codec`
//! (feature `tokio`).

use std::io;

use bytes::{Buf, BufMut, BytesMut};
use tokio_util::codec::{Decoder, Encoder};

use crate::command::CommandLine;
use crate::decoder::Core;
use crate::{ReadError, Reply, ReplyDecoder};

/// A [`Decoder`] of replies and an [`Encoder`] of command lines, for
/// `tokio_util::codec::Framed` on an async control connection (feature
/// `tokio`).
///
/// Decoding is the [`ReplyDecoder`]'s, with its [`Limits`](crate::Limits)
/// and [`Framing`](crate::Framing): items are [`Reply`]s and errors are
/// [`ReadError`]s whose decode errors keep their stream offset. It decodes
/// straight from `Framed`'s read buffer: a complete reply is taken out of
/// it, and the bytes of a reply in progress are moved into the decoder,
/// which never holds more than the limits allow (a line over
/// [`max_line_len`](crate::Limits::max_line_len) is skipped, not buffered).
///
/// Encoding writes `VERB arg\r\n` ([`CommandLine::to_bytes`]); a
/// `CommandLine` holds no CR, LF or NUL, so encoding cannot fail.
///
/// # Errors, and the end of the stream
///
/// - A malformed line or a reply over a limit is a [`ReadError::Decode`].
///   `Framed` then ends the stream: it yields `None` once after any error
///   (tokio-util's rule). The decoder itself is ready for the next line:
///   polling again goes on, but only once more bytes arrive. Most clients
///   should drop the connection, whose replies are out of step.
/// - The connection closing in the middle of a reply is a
///   [`ReadError::Incomplete`], with the offset of that reply's first byte
///   (`decode_eof`); closing between replies ends the stream cleanly
///   (`None`, never [`ReadError::Eof`]).
/// - I/O errors are [`ReadError::Io`].
///
/// # Example: an async client
///
/// ```no_run
/// use futures_util::{SinkExt, StreamExt};
/// use ftp_reply::command::{Command, CommandLine};
/// use ftp_reply::ReplyCodec;
/// use tokio::net::TcpStream;
/// use tokio_util::codec::Framed;
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let stream = TcpStream::connect("127.0.0.1:21").await?;
/// let mut control = Framed::new(stream, ReplyCodec::new());
/// let greeting = control.next().await.ok_or("closed")??;
/// assert!(greeting.code().is_positive_completion());
/// control.send(CommandLine::new(Command::Feat, None)?).await?;
/// let features = control.next().await.ok_or("closed")??;
/// println!("{features}");
/// # Ok(())
/// # }
/// ```
///
/// # Example: in memory
///
/// ```
/// use bytes::BytesMut;
/// use ftp_reply::command::{Command, CommandLine};
/// use ftp_reply::ReplyCodec;
/// use tokio_util::codec::{Decoder, Encoder};
///
/// let mut codec = ReplyCodec::new();
/// let mut buf = BytesMut::from(&b"211-Features:\r\n MDTM\r\n211 End\r\n221 B"[..]);
/// let feat = codec.decode(&mut buf)?.expect("a complete reply");
/// assert_eq!(feat.code(), 211);
/// assert!(codec.decode(&mut buf)?.is_none()); // "221 B" is in the decoder now
/// assert!(buf.is_empty());
///
/// let mut out = BytesMut::new();
/// codec.encode(CommandLine::new(Command::Quit, None)?, &mut out)?;
/// assert_eq!(&out[..], b"QUIT\r\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
#[cfg_attr(docsrs, doc(cfg(feature = "tokio")))]
pub struct ReplyCodec {
    decoder: ReplyDecoder,
}

impl ReplyCodec {
    /// A codec with a default [`ReplyDecoder`] (default limits, strict
    /// framing).
    ///
    /// ```
    /// use ftp_reply::{Limits, ReplyCodec};
    /// assert_eq!(ReplyCodec::new().decoder().limits(), Limits::default());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self {
            decoder: ReplyDecoder::new(),
        }
    }

    /// Uses `decoder` (its limits and framing, and any bytes already fed to
    /// it, which are decoded first) instead of the default one (builder
    /// style). Set it before decoding: the decoder it replaces is dropped
    /// with any reply it had half-read.
    ///
    /// ```
    /// use ftp_reply::{Framing, Limits, ReplyCodec, ReplyDecoder};
    ///
    /// let decoder = ReplyDecoder::new().with_limits(Limits::default().with_max_line_len(1024))
    ///     .with_framing(Framing::Lenient);
    /// let codec = ReplyCodec::new().with_decoder(decoder);
    /// assert_eq!(codec.decoder().framing(), Framing::Lenient);
    /// ```
    #[must_use]
    pub fn with_decoder(mut self, decoder: ReplyDecoder) -> Self {
        self.decoder = decoder;
        self
    }

    /// The decoder, for its [`offset`](ReplyDecoder::offset) or limits.
    ///
    /// ```
    /// use bytes::BytesMut;
    /// use ftp_reply::ReplyCodec;
    /// use tokio_util::codec::Decoder;
    /// let mut codec = ReplyCodec::new();
    /// let mut buf = BytesMut::from(&b"220 Ready\r\n"[..]);
    /// assert!(codec.decode(&mut buf)?.is_some());
    /// assert_eq!(codec.decoder().offset(), 11); // bytes consumed so far
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn decoder(&self) -> &ReplyDecoder {
        &self.decoder
    }

    /// Gives back the decoder (with the reply in progress, if any).
    ///
    /// ```
    /// use bytes::BytesMut;
    /// use ftp_reply::ReplyCodec;
    /// use tokio_util::codec::Decoder;
    /// let mut codec = ReplyCodec::new();
    /// let mut buf = BytesMut::from(&b"211-Features:\r\n"[..]);
    /// assert!(codec.decode(&mut buf)?.is_none()); // half a reply
    /// let mut decoder = codec.into_decoder();
    /// decoder.feed(b"211 End\r\n");
    /// assert_eq!(decoder.next_reply()?.unwrap().line_count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn into_decoder(self) -> ReplyDecoder {
        self.decoder
    }
}

impl Decoder for ReplyCodec {
    type Item = Reply;
    type Error = ReadError;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Reply>, ReadError> {
        // Bytes fed to the decoder before it was handed over come first.
        let Some(core) = self.decoder.core_mut() else {
            return match self.decoder.next_reply() {
                Ok(Some(reply)) => Ok(Some(reply)),
                Err(e) => Err(ReadError::Decode(e)),
                // Its own input is used up now: go on with `src`.
                Ok(None) => self.decode(src),
            };
        };
        let (used, event) = core.step(src);
        src.advance(used);
        match event {
            Some(Ok(reply)) => Ok(Some(reply)),
            Some(Err(e)) => Err(ReadError::Decode(e)),
            None => Ok(None),
        }
    }

    /// As [`decode`](Self::decode); then, with no reply left, a reply in
    /// progress is a [`ReadError::Incomplete`] and none is a clean end.
    fn decode_eof(&mut self, src: &mut BytesMut) -> Result<Option<Reply>, ReadError> {
        if let Some(reply) = self.decode(src)? {
            return Ok(Some(reply));
        }
        // `decode` used up the decoder's own input: its core is free.
        let incomplete = self.decoder.core_mut().and_then(Core::take_incomplete);
        incomplete.map_or(Ok(None), |e| Err(ReadError::Incomplete(e)))
    }
}

impl Encoder<CommandLine<'_>> for ReplyCodec {
    type Error = io::Error;

    /// Appends `VERB arg\r\n` (nothing redacted).
    fn encode(&mut self, line: CommandLine<'_>, dst: &mut BytesMut) -> io::Result<()> {
        self.encode(&line, dst)
    }
}

impl Encoder<&CommandLine<'_>> for ReplyCodec {
    type Error = io::Error;

    /// Appends `VERB arg\r\n` (nothing redacted).
    fn encode(&mut self, line: &CommandLine<'_>, dst: &mut BytesMut) -> io::Result<()> {
        dst.reserve(line.wire_len());
        dst.put_slice(line.verb().as_bytes());
        if let Some(a) = line.argument() {
            dst.put_u8(b' ');
            dst.put_slice(a.as_bytes());
        }
        dst.put_slice(b"\r\n");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::Command;
    use crate::{DecodeErrorKind, Limits};

    fn codes(codec: &mut ReplyCodec, buf: &mut BytesMut) -> Vec<u16> {
        let mut out = Vec::new();
        while let Some(r) = codec.decode(buf).unwrap() {
            out.push(r.code().as_u16());
        }
        out
    }

    #[test]
    fn chunks_give_the_same_replies() {
        let input = b"220-Hi\r\n220 Ready\r\n331 Pass?\r\n230 OK\r\n";
        for split in 0..input.len() {
            let mut codec = ReplyCodec::new();
            let mut buf = BytesMut::from(&input[..split]);
            let mut got = codes(&mut codec, &mut buf);
            buf.extend_from_slice(&input[split..]);
            got.extend(codes(&mut codec, &mut buf));
            assert_eq!(got, [220, 331, 230], "split at {split}");
            assert!(codec.decode_eof(&mut buf).unwrap().is_none());
        }
    }

    #[test]
    fn errors_keep_their_offset_and_limits_hold() {
        let mut codec = ReplyCodec::new()
            .with_decoder(ReplyDecoder::new().with_limits(Limits::new().with_max_line_len(32)));
        let mut buf = BytesMut::from(&b"200 OK\r\n550 "[..]);
        assert_eq!(codes(&mut codec, &mut buf), [200]);
        // A long line arrives in pieces: never buffered past the limit.
        for _ in 0..100 {
            buf.extend_from_slice(&[b'x'; 1000]);
            match codec.decode(&mut buf) {
                Ok(None) => {}
                Err(ReadError::Decode(e)) => {
                    assert_eq!(e.kind(), DecodeErrorKind::LineTooLong { limit: 32 });
                    assert_eq!(e.offset(), 8);
                }
                other => panic!("{other:?}"),
            }
            assert!(codec.decoder().buffered_len() <= 32);
            assert!(buf.is_empty());
        }
        buf.extend_from_slice(b"\r\n221 Bye\r\n");
        assert_eq!(codes(&mut codec, &mut buf), [221]);
    }

    #[test]
    fn eof_in_the_middle_of_a_reply() {
        let mut codec = ReplyCodec::new();
        let mut buf = BytesMut::from(&b"226 Done\r\n211-Features:\r\n MDTM\r\n"[..]);
        assert_eq!(codec.decode_eof(&mut buf).unwrap().unwrap().code(), 226);
        match codec.decode_eof(&mut buf) {
            Err(ReadError::Incomplete(e)) => {
                assert_eq!(e.offset(), 10);
                assert!(e.is_incomplete());
            }
            other => panic!("{other:?}"),
        }
        // After it, a clean end.
        assert!(codec.decode_eof(&mut buf).unwrap().is_none());
    }

    #[test]
    fn fed_decoder_bytes_come_first() {
        let mut decoder = ReplyDecoder::new();
        decoder.feed(b"220 first\r\n200 sec");
        let mut codec = ReplyCodec::new().with_decoder(decoder);
        let mut buf = BytesMut::from(&b"ond\r\n"[..]);
        assert_eq!(codec.decode(&mut buf).unwrap().unwrap().text(), "first");
        assert_eq!(codec.decode(&mut buf).unwrap().unwrap().text(), "second");
        assert!(codec.decode(&mut buf).unwrap().is_none());
    }

    #[test]
    fn encodes_the_real_argument() {
        let mut codec = ReplyCodec::new();
        let mut out = BytesMut::new();
        let pass = CommandLine::new(Command::Pass, Some("s3cret")).unwrap();
        codec.encode(&pass, &mut out).unwrap();
        codec
            .encode(CommandLine::new(Command::Epsv, None).unwrap(), &mut out)
            .unwrap();
        assert_eq!(&out[..], b"PASS s3cret\r\nEPSV\r\n");
        assert_eq!(pass.to_bytes(), &out[..13]);
    }
}
