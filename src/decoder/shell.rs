//! [`ReplyDecoder`]: the input buffer around the state machine, and the
//! public decoding calls.

use alloc::vec::Vec;

use super::{Core, DecodeError, Framing, Limits};
use crate::reply_ref::Text;
use crate::{Reply, ReplyRef};

/// A sans-IO streaming decoder of FTP replies, with limits.
///
/// Feed it bytes as they arrive from the control connection, in chunks of
/// any size, with [`feed`](Self::feed); take complete replies with
/// [`next_reply`](Self::next_reply), which returns `Ok(None)` when it needs
/// more bytes (that is not an error); at the end of the stream call
/// [`finish`](Self::finish), which reports a reply left incomplete. It does
/// no I/O and needs no runtime; [`ReplyReader`](crate::ReplyReader) wraps it
/// around a `std::io::BufRead`.
///
/// # What it accepts
///
/// - Lines end with CRLF or a bare LF. A CR elsewhere is text.
/// - Replies are framed by RFC 959 §4.2, under the chosen [`Framing`].
/// - Telnet (RFC 854, as RFC 959 asks): `IAC IAC` is one 0xFF byte of text;
///   other commands (`IAC NOP`, `IAC DM`, …) and option negotiations
///   (`IAC WILL/WONT/DO/DONT option`) are removed; a subnegotiation (`IAC SB`
///   … `IAC SE`) is removed up to `IAC SE` or the end of the line (it never
///   spans lines); an IAC followed by a byte that is no Telnet command is
///   kept as text with that byte (`ProFTPD` sends an undoubled 0xFF in file
///   names). A line end always ends a line, whatever Telnet sequence it cuts.
///
/// # Errors and recovery
///
/// A malformed line or a reply over a [`Limits`] is a [`DecodeError`] with
/// its stream offset. The decoder then discards the rest of the offending
/// line and goes on with the next line. If the offending reply was
/// multi-line, its remaining lines (up to its last line, found by the
/// framing rule) are discarded too, without being buffered, so that they
/// are not mistaken for new replies. Errors do not stick: call `next_reply`
/// again to go on.
///
/// # Cost
///
/// Each byte is examined at most twice: the decoder keeps its scan
/// position, so feeding a reply one byte at a time costs no more per byte
/// than feeding it whole. Complete lines without Telnet sequences are
/// decoded whole (a line-end search and a copy into the reply buffer; a
/// reply made of one such line is not copied but lent from the input); the
/// rest of a line split across feeds, or with an IAC, goes through the
/// general path. A reply's bytes are checked for UTF-8 once, when it ends.
///
/// [`next_reply_ref`](Self::next_reply_ref) lends the reply from the
/// decoder's buffer: no allocation at all once the buffers have grown to
/// the largest reply. It also leaves the start of a line that has not
/// ended yet in the input buffer (searching each byte for a line end once)
/// until its line end arrives, so that small reads cost little more than
/// large ones; an error inside such a line is reported when it ends. [`next_reply`](Self::next_reply) copies it into a
/// [`Reply`]: one allocation per reply, for its bytes.
///
/// # Example: decode a stream
///
/// ```
/// use ftp_reply::{Limits, ReplyDecoder};
///
/// let mut decoder = ReplyDecoder::new().with_limits(Limits::default().with_max_lines(100));
/// let mut replies = Vec::new();
/// // A multi-line reply split anywhere, then two replies in one chunk.
/// for chunk in [&b"220-Welc"[..], b"ome\r\n220 Re", b"ady\r\n331 Password?\r\n230 OK\r\n"] {
///     decoder.feed(chunk);
///     while let Some(reply) = decoder.next_reply()? {
///         replies.push(reply);
///     }
/// }
/// decoder.finish()?;
/// let codes: Vec<u16> = replies.iter().map(|r| r.code().as_u16()).collect();
/// assert_eq!(codes, [220, 331, 230]);
/// assert_eq!(replies[0].text(), "Welcome\nReady");
/// # Ok::<(), ftp_reply::DecodeError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ReplyDecoder {
    pub(super) core: Core,
    /// Bytes fed and not yet processed are `input[pos..]`; `input[..pos]`
    /// has been processed and is dropped at the next `feed`.
    input: Vec<u8>,
    pos: usize,
    /// `input[pos..scanned]` holds no LF: bytes of a line still incomplete
    /// that [`next_reply_ref`](Self::next_reply_ref) left for the state
    /// machine to take whole once its line end arrives (`pos <= scanned <=
    /// input.len()`).
    scanned: usize,
    /// `finish` was called: report an incomplete reply once `input` is processed.
    eof: bool,
}

/// Keep at most this much unused input capacity between feeds.
const RETAINED_INPUT: usize = 64 * 1024;

impl ReplyDecoder {
    /// A decoder with the default [`Limits`] and [`Framing::Strict`].
    ///
    /// ```
    /// use ftp_reply::{Framing, Limits, ReplyDecoder};
    /// let decoder = ReplyDecoder::new();
    /// assert_eq!(decoder.limits(), Limits::default());
    /// assert_eq!(decoder.framing(), Framing::Strict);
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self {
            core: Core::new(Limits::default(), Framing::Strict),
            input: Vec::new(),
            pos: 0,
            scanned: 0,
            eof: false,
        }
    }

    /// Sets the limits (builder style).
    ///
    /// Set it before feeding bytes: a reply already half-way keeps the limits
    /// it started with.
    ///
    /// ```
    /// use ftp_reply::{DecodeErrorKind, Limits, ReplyDecoder};
    ///
    /// let mut decoder = ReplyDecoder::new().with_limits(Limits::default().with_max_line_len(16));
    /// decoder.feed(b"550 This line is far too long\r\n200 OK\r\n");
    /// let err = decoder.next_reply().unwrap_err();
    /// assert_eq!(err.kind(), DecodeErrorKind::LineTooLong { limit: 16 });
    /// assert_eq!(err.offset(), 0);
    /// // The decoder goes on with the next line.
    /// assert_eq!(decoder.next_reply()?.unwrap().code(), 200);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.core.set_limits(limits);
        self
    }

    /// Sets the framing rule (builder style).
    ///
    /// ```
    /// use ftp_reply::{Framing, ReplyDecoder};
    ///
    /// let mut decoder = ReplyDecoder::new().with_framing(Framing::Lenient);
    /// decoder.feed(b"553-\r\n553- Directory excluded (precheck).\r\n150 Opening BINARY mode.\r\n");
    /// let reply = decoder.next_reply()?.unwrap();
    /// assert_eq!((reply.opening_code(), reply.code()), (553.try_into().unwrap(), 150.try_into().unwrap()));
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn with_framing(mut self, framing: Framing) -> Self {
        self.core.set_framing(framing);
        self
    }

    /// The limits in force.
    ///
    /// ```
    /// # use ftp_reply::{Limits, ReplyDecoder};
    /// assert_eq!(ReplyDecoder::new().limits(), Limits::default());
    /// ```
    #[must_use]
    pub fn limits(&self) -> Limits {
        self.core.limits()
    }

    /// The framing rule in force.
    ///
    /// ```
    /// # use ftp_reply::{Framing, ReplyDecoder};
    /// assert_eq!(ReplyDecoder::new().with_framing(Framing::Lenient).framing(), Framing::Lenient);
    /// ```
    #[must_use]
    pub fn framing(&self) -> Framing {
        self.core.framing()
    }

    /// Appends bytes received from the server.
    ///
    /// Any chunking is fine. Nothing is decoded until
    /// [`next_reply`](Self::next_reply) is called; call it until it returns
    /// `Ok(None)` after each `feed`, so that the decoder holds only the
    /// reply in progress.
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    ///
    /// let mut decoder = ReplyDecoder::new();
    /// for byte in b"200 Command okay.\r\n" {
    ///     decoder.feed(&[*byte]);
    /// }
    /// assert_eq!(decoder.next_reply()?.unwrap().code(), 200);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[inline]
    pub fn feed(&mut self, bytes: &[u8]) {
        if self.pos == self.input.len() {
            self.input.clear();
            if self.input.capacity() > RETAINED_INPUT {
                self.input = Vec::new();
            }
        } else if self.pos > 0 {
            self.input.drain(..self.pos);
        }
        self.scanned -= self.pos;
        self.pos = 0;
        self.eof = false;
        if bytes.len() <= 8 {
            // A call of `memcpy` costs more than a few bytes (1-byte reads).
            for &b in bytes {
                self.input.push(b);
            }
        } else {
            self.input.extend_from_slice(bytes);
        }
    }

    /// The next complete reply, `Ok(None)` if more bytes are needed.
    ///
    /// # Errors
    ///
    /// A [`DecodeError`] for a malformed line, a reply over a limit or,
    /// after [`finish`](Self::finish), an incomplete reply. The decoder
    /// recovers by itself (see [Errors and recovery](Self#errors-and-recovery)):
    /// call `next_reply` again to go on.
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    ///
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"226 Transfer com");
    /// assert!(decoder.next_reply()?.is_none());
    /// decoder.feed(b"plete.\r\n");
    /// assert_eq!(decoder.next_reply()?.unwrap().text(), "Transfer complete.");
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    pub fn next_reply(&mut self) -> Result<Option<Reply>, DecodeError> {
        Ok(self.decode(false, false)?.map(ReplyRef::to_owned))
    }

    /// The next complete reply, borrowed from the decoder's buffer until the
    /// next call; `Ok(None)` if more bytes are needed.
    ///
    /// The borrowed counterpart of [`next_reply`](Self::next_reply), in the
    /// style of `httparse`: it returns the same replies and errors, and
    /// allocates nothing once the decoder's buffers have grown to the
    /// largest reply. [`ReplyRef::to_owned`] keeps a reply beyond the next
    /// call.
    ///
    /// # Errors
    ///
    /// As for [`next_reply`](Self::next_reply).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    ///
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"150 Opening data connection.\r\n226-Transfer complete.\r\n226 1024 bytes\r\n");
    /// let mut finals = 0;
    /// while let Some(reply) = decoder.next_reply_ref()? {
    ///     if reply.code().is_positive_completion() {
    ///         finals += 1;
    ///         assert_eq!(reply.text_lines().last().as_deref(), Some("1024 bytes"));
    ///     }
    /// }
    /// assert_eq!(finals, 1);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[inline]
    pub fn next_reply_ref(&mut self) -> Result<Option<ReplyRef<'_>>, DecodeError> {
        if self.still_incomplete() {
            return Ok(None);
        }
        self.decode(true, true)
    }

    /// The check of [`decode`](Self::decode) for a line start kept aside,
    /// inlined into the caller: whether the bytes fed since hold no line
    /// end, so that the answer is still "feed me" (small reads: no call).
    #[inline]
    fn still_incomplete(&mut self) -> bool {
        if self.eof || self.scanned <= self.pos {
            return false;
        }
        let held = self.input.len() - self.pos;
        if held < self.core.defer_room() && !self.input[self.scanned..].contains(&b'\n') {
            self.scanned = self.input.len();
            return true;
        }
        false
    }

    /// The next reply or error. With `defer`, the bytes of a line not yet
    /// complete stay in `input` (up to the limits) instead of going through
    /// the state machine's general path at every small feed: the machine
    /// then takes the whole line on its fast path. Errors are the same, in
    /// the same order; one found inside such a line is reported once its
    /// line end arrives (or at [`finish`](Self::finish)).
    ///
    /// `next_reply` does not defer: [`ReplyReader`](crate::ReplyReader)
    /// relies on it using all of the decoder's own input.
    ///
    /// `checked`: [`still_incomplete`](Self::still_incomplete) has just
    /// found a line end (or a full line start) in the bytes kept aside.
    fn decode(&mut self, defer: bool, checked: bool) -> Result<Option<ReplyRef<'_>>, DecodeError> {
        let defer = defer && !self.eof;
        // After a reply, `pos > 0` (or the input is empty): the machine goes
        // on with the rest of the input without a search here.
        let kept = self.scanned > self.pos;
        if defer
            && ((kept && !checked) || (!kept && self.pos == 0 && self.core.at_line_start_idle()))
        {
            // A line start is kept aside (or the machine waits for one):
            // search only the bytes fed since, with core's `memchr`, which
            // costs less than a call of `memchr::memchr` on a few bytes.
            let held = self.input.len() - self.pos;
            if held < self.core.defer_room() && !self.input[self.scanned..].contains(&b'\n') {
                self.scanned = self.input.len();
                return Ok(None);
            }
        }
        let (used, event) = self.core.advance(&self.input[self.pos..], defer, true);
        self.pos += used;
        // Bytes left without an event were searched: no LF among them.
        self.scanned = if event.is_none() {
            self.input.len()
        } else {
            self.pos
        };
        // A whole single-line reply is lent from the input itself (the
        // input is then compacted at the next `feed`).
        let lent = self.core.take_lent();
        if lent.is_none() && self.pos == self.input.len() {
            self.input.clear();
            self.pos = 0;
            self.scanned = 0;
            if self.input.capacity() > RETAINED_INPUT {
                self.input = Vec::new();
            }
        }
        match event {
            Some(Ok(code)) => Ok(Some(match lent {
                Some((back, len)) => {
                    let start = self.pos - back;
                    let text = Text::new(&self.input[start..start + len]);
                    ReplyRef::from_parts(code, text, &[])
                }
                None => self.core.held_reply(code),
            })),
            Some(Err(e)) => Err(e),
            None if self.eof => self.core.take_incomplete().map_or(Ok(None), Err),
            None => Ok(None),
        }
    }

    /// Tells the decoder that the stream has ended.
    ///
    /// Call it once [`next_reply`](Self::next_reply) has returned `Ok(None)`.
    /// If bytes fed earlier have not been decoded yet, `finish` returns
    /// `Ok(())` and `next_reply` reports them, then the incomplete reply.
    /// Feeding bytes after `finish` starts a new reply (stream offsets go
    /// on counting).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::Incomplete`](super::DecodeErrorKind::Incomplete) if the bytes after the last complete
    /// reply do not end a reply (a multi-line reply without its last line,
    /// or a line without its line end). The partial reply is then dropped.
    ///
    /// ```
    /// use ftp_reply::{DecodeErrorKind, ReplyDecoder};
    ///
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"211-Features:\r\n MDTM\r\n");
    /// assert!(decoder.next_reply()?.is_none());
    /// let err = decoder.finish().unwrap_err();
    /// assert_eq!(err.kind(), DecodeErrorKind::Incomplete { code: Some(211.try_into().unwrap()), lines: 2 });
    /// assert_eq!(err.to_string(),
    ///     "invalid reply stream at byte 0: the input ended in the middle of a reply (code 211, 2 complete line(s))");
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    pub fn finish(&mut self) -> Result<(), DecodeError> {
        self.eof = true;
        if self.pos == self.input.len() {
            return self.core.take_incomplete().map_or(Ok(()), Err);
        }
        if self.scanned == self.input.len() {
            // Only the start of a line, left by `next_reply_ref`: it holds no
            // line end, so it can end no reply; decode it now.
            return self.decode(false, false).map(|_| ());
        }
        Ok(())
    }

    /// How many bytes the decoder holds: input not yet decoded plus the
    /// reply in progress.
    ///
    /// After `next_reply` returns `Ok(None)`, this is at most
    /// [`Limits::max_reply_bytes`].
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    ///
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"211-Features:\r\n");
    /// assert_eq!(decoder.buffered_len(), 15);
    /// assert!(decoder.next_reply()?.is_none());
    /// assert_eq!(decoder.buffered_len(), b"211-Features:\n".len());
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn buffered_len(&self) -> usize {
        self.input.len() - self.pos + self.core.pending_len()
    }

    /// The stream offset of the next byte to decode (bytes decoded so far).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    ///
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"200 OK\r\n200 OK\r\n");
    /// decoder.next_reply()?;
    /// assert_eq!(decoder.offset(), 8);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn offset(&self) -> u64 {
        self.core.offset()
    }

    /// Drops all buffered bytes and any reply in progress, keeping the
    /// limits and framing; stream offsets start again at 0.
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    ///
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"220-partial\r\n");
    /// decoder.reset();
    /// assert_eq!(decoder.buffered_len(), 0);
    /// decoder.finish()?;
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    pub fn reset(&mut self) {
        *self = Self::new()
            .with_limits(self.core.limits())
            .with_framing(self.core.framing());
    }

    /// For [`ReplyReader`](crate::ReplyReader): decodes from a borrowed
    /// buffer once the decoder's own input is used up.
    #[cfg(feature = "std")]
    pub(crate) fn core_mut(&mut self) -> Option<&mut Core> {
        (self.pos == self.input.len()).then_some(&mut self.core)
    }
}
