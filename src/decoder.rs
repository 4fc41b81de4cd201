//! [`ReplyDecoder`], a sans-IO streaming decoder of FTP replies, its
//! [`Limits`] and its [`DecodeError`].

use alloc::vec::Vec;
use core::fmt;

use crate::reply::{Framing, IAC, Reply};
use crate::{ParseErrorKind, ReplyCode};

/// Telnet commands (RFC 854) that matter here.
const SE: u8 = 240;
const SB: u8 = 250;
const WILL: u8 = 251;
const DONT: u8 = 254;

/// Bounds on what a [`ReplyDecoder`] holds for one reply.
///
/// A server, hostile or broken, cannot make the decoder buffer more than
/// [`max_reply_bytes`](Self::max_reply_bytes) for the reply in progress,
/// whatever it sends. Going over a limit is a [`DecodeError`] naming the
/// limit; the decoder then discards the offending reply without buffering
/// it and goes on with the next line after it.
///
/// | limit | default | why |
/// |---|---|---|
/// | [`max_line_len`](Self::max_line_len) | 16 KiB | servers echo paths of up to 4,096 bytes (`PATH_MAX`), and a 257 reply doubles every `"` of a path: 8 KiB plus text, with room to spare |
/// | [`max_lines`](Self::max_lines) | 4,096 | FEAT, HELP and banners take tens of lines; `STAT <dir>` lists a directory on the control connection, a few thousand entries fit |
/// | [`max_reply_bytes`](Self::max_reply_bytes) | 256 KiB | 4,096 lines of 64 bytes; bounds the decoder's memory per connection |
///
/// For comparison: Python's `ftplib` allows 8,192 bytes a line, curl and
/// basic-ftp 64 KiB for a whole reply.
///
/// # Example
///
/// ```
/// use ftp_reply::{Limits, ReplyDecoder};
///
/// let limits = Limits::default().with_max_line_len(1024).with_max_lines(100);
/// assert_eq!(limits.max_line_len(), 1024);
/// assert_eq!(limits.max_lines(), 100);
/// assert_eq!(limits.max_reply_bytes(), Limits::DEFAULT_MAX_REPLY_BYTES);
/// let decoder = ReplyDecoder::with_limits(limits);
/// assert_eq!(decoder.limits(), limits);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(clippy::struct_field_names)] // the names of the limits
pub struct Limits {
    max_line_len: usize,
    max_lines: usize,
    max_reply_bytes: usize,
}

impl Limits {
    /// Default [`max_line_len`](Self::max_line_len): 16 KiB.
    pub const DEFAULT_MAX_LINE_LEN: usize = 16 * 1024;
    /// Default [`max_lines`](Self::max_lines): 4,096.
    pub const DEFAULT_MAX_LINES: usize = 4096;
    /// Default [`max_reply_bytes`](Self::max_reply_bytes): 256 KiB.
    pub const DEFAULT_MAX_REPLY_BYTES: usize = 256 * 1024;

    /// The default limits (see the table on [`Limits`]).
    ///
    /// ```
    /// use ftp_reply::Limits;
    /// assert_eq!(Limits::new(), Limits::default());
    /// assert_eq!(Limits::new().max_line_len(), 16 * 1024);
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self {
            max_line_len: Self::DEFAULT_MAX_LINE_LEN,
            max_lines: Self::DEFAULT_MAX_LINES,
            max_reply_bytes: Self::DEFAULT_MAX_REPLY_BYTES,
        }
    }

    /// No limit at all.
    ///
    /// **Warning:** a decoder with these limits buffers whatever a server
    /// sends until the reply ends, so a hostile server can exhaust memory.
    /// Use it only for input already in memory (this is what
    /// [`Reply::parse`] does) or from a trusted source.
    ///
    /// ```
    /// use ftp_reply::Limits;
    /// assert_eq!(Limits::unlimited().max_lines(), usize::MAX);
    /// ```
    #[must_use]
    pub const fn unlimited() -> Self {
        Self {
            max_line_len: usize::MAX,
            max_lines: usize::MAX,
            max_reply_bytes: usize::MAX,
        }
    }

    /// Sets the most bytes one line may take on the wire, its line end
    /// (CRLF or LF) and any Telnet sequences included.
    ///
    /// ```
    /// use ftp_reply::Limits;
    /// assert_eq!(Limits::new().with_max_line_len(512).max_line_len(), 512);
    /// ```
    #[must_use]
    pub const fn with_max_line_len(mut self, bytes: usize) -> Self {
        self.max_line_len = bytes;
        self
    }

    /// Sets the most lines one reply may have.
    ///
    /// ```
    /// use ftp_reply::Limits;
    /// assert_eq!(Limits::new().with_max_lines(64).max_lines(), 64);
    /// ```
    #[must_use]
    pub const fn with_max_lines(mut self, lines: usize) -> Self {
        self.max_lines = lines;
        self
    }

    /// Sets the most bytes the decoder holds for one reply: the text of its
    /// lines (after Telnet processing, without line ends) plus one byte per
    /// line.
    ///
    /// ```
    /// use ftp_reply::Limits;
    /// assert_eq!(Limits::new().with_max_reply_bytes(4096).max_reply_bytes(), 4096);
    /// ```
    #[must_use]
    pub const fn with_max_reply_bytes(mut self, bytes: usize) -> Self {
        self.max_reply_bytes = bytes;
        self
    }

    /// The most bytes one line may take on the wire, line end included.
    ///
    /// ```
    /// # use ftp_reply::Limits;
    /// assert_eq!(Limits::default().max_line_len(), Limits::DEFAULT_MAX_LINE_LEN);
    /// ```
    #[must_use]
    pub const fn max_line_len(&self) -> usize {
        self.max_line_len
    }

    /// The most lines one reply may have.
    ///
    /// ```
    /// # use ftp_reply::Limits;
    /// assert_eq!(Limits::default().max_lines(), Limits::DEFAULT_MAX_LINES);
    /// ```
    #[must_use]
    pub const fn max_lines(&self) -> usize {
        self.max_lines
    }

    /// The most bytes held for one reply (text plus one byte per line).
    ///
    /// ```
    /// # use ftp_reply::Limits;
    /// assert_eq!(Limits::default().max_reply_bytes(), Limits::DEFAULT_MAX_REPLY_BYTES);
    /// ```
    #[must_use]
    pub const fn max_reply_bytes(&self) -> usize {
        self.max_reply_bytes
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self::new()
    }
}

/// A reply stream that could not be decoded: what was wrong and where.
///
/// [`kind`](Self::kind) says what was wrong and [`offset`](Self::offset) at
/// which byte of the stream (counted from the first byte fed to the
/// decoder, or from the start of the input of [`Reply::parse`]).
///
/// # Example
///
/// ```
/// use ftp_reply::{DecodeErrorKind, ParseErrorKind, ReplyDecoder};
///
/// let mut decoder = ReplyDecoder::new();
/// decoder.feed(b"220 Ready\r\nHELLO\r\n");
/// assert!(decoder.next_reply()?.is_some());
/// let err = decoder.next_reply().unwrap_err();
/// assert_eq!(err.offset(), 11);
/// assert_eq!(err.kind(), DecodeErrorKind::InvalidLine(ParseErrorKind::NotADigit { found: b'H' }));
/// assert_eq!(
///     err.to_string(),
///     "invalid reply stream at byte 11: expected an ASCII digit, found 'H'"
/// );
/// # Ok::<(), ftp_reply::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("invalid reply stream at byte {offset}: {kind}")]
pub struct DecodeError {
    kind: DecodeErrorKind,
    offset: u64,
}

impl DecodeError {
    pub(crate) const fn new(kind: DecodeErrorKind, offset: u64) -> Self {
        Self { kind, offset }
    }

    /// What was wrong.
    ///
    /// ```
    /// use ftp_reply::{DecodeErrorKind, Reply};
    /// let err = Reply::parse(b"220-Hi\r\n").unwrap_err();
    /// assert_eq!(err.kind(), DecodeErrorKind::Incomplete { code: Some(220.try_into().unwrap()), lines: 1 });
    /// ```
    #[must_use]
    pub const fn kind(&self) -> DecodeErrorKind {
        self.kind
    }

    /// The stream offset of the problem; [`DecodeErrorKind`] says, for each
    /// kind, which byte it is.
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert_eq!(Reply::parse(b"220 ok\r\n2x0 no\r\n").unwrap_err().offset(), 8);
    /// ```
    #[must_use]
    pub const fn offset(&self) -> u64 {
        self.offset
    }

    /// Whether the input ended inside a reply ([`DecodeErrorKind::Incomplete`]).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert!(Reply::parse(b"220-Hi\r\n").unwrap_err().is_incomplete());
    /// ```
    #[must_use]
    pub const fn is_incomplete(&self) -> bool {
        matches!(self.kind, DecodeErrorKind::Incomplete { .. })
    }
}

/// What was wrong with a reply stream; see [`DecodeError`].
///
/// New kinds may be added in minor releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The first line of a reply does not start with a valid code followed
    /// by a space, `-` or the line end. The offset is that of the offending
    /// byte (of the line end for a line that is too short or empty).
    #[error("{0}")]
    InvalidLine(ParseErrorKind),
    /// A line is longer than [`Limits::max_line_len`]. The offset is that
    /// of the line's first byte.
    #[error("the line is longer than the limit of {limit} bytes")]
    LineTooLong {
        /// The limit in force.
        limit: usize,
    },
    /// A reply has more lines than [`Limits::max_lines`]. The offset is that
    /// of the first line over the limit.
    #[error("the reply has more lines than the limit of {limit}")]
    TooManyLines {
        /// The limit in force.
        limit: usize,
    },
    /// A reply is longer than [`Limits::max_reply_bytes`]. The offset is
    /// that of the first byte of the line that went over the limit.
    #[error("the reply is longer than the limit of {limit} bytes")]
    ReplyTooLong {
        /// The limit in force.
        limit: usize,
    },
    /// The input ended in the middle of a reply. The offset is that of the
    /// reply's first byte.
    #[error("the input ended in the middle of a reply ({}, {lines} complete line(s))", CodeOf(*code))]
    Incomplete {
        /// The reply's code, if its first three bytes were received.
        code: Option<ReplyCode>,
        /// How many complete lines of the reply were received.
        lines: usize,
    },
    /// [`Reply::parse`] only: bytes follow the end of the reply. The offset
    /// is that of the first such byte.
    #[error("unexpected bytes after the end of the reply")]
    TrailingData,
}

/// Shows an optional code in an error message.
struct CodeOf(Option<ReplyCode>);

impl fmt::Display for CodeOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(code) => write!(f, "code {code}"),
            None => f.write_str("code not received"),
        }
    }
}

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
/// decoded whole (a line-end search and a copy); the rest of a line split
/// across feeds, or with an IAC, is searched again on the general path.
/// A reply costs one allocation, sized to fit.
///
/// # Example: decode a stream
///
/// ```
/// use ftp_reply::{Limits, ReplyDecoder};
///
/// let mut decoder = ReplyDecoder::with_limits(Limits::default().with_max_lines(100));
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
    core: Core,
    /// Bytes fed and not yet processed are `input[pos..]`; `input[..pos]`
    /// has been processed and is dropped at the next `feed`.
    input: Vec<u8>,
    pos: usize,
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
    /// assert_eq!(decoder.framing_mode(), Framing::Strict);
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self::with_limits(Limits::default())
    }

    /// A decoder with the given limits and [`Framing::Strict`].
    ///
    /// ```
    /// use ftp_reply::{DecodeErrorKind, Limits, ReplyDecoder};
    ///
    /// let mut decoder = ReplyDecoder::with_limits(Limits::default().with_max_line_len(16));
    /// decoder.feed(b"550 This line is far too long\r\n200 OK\r\n");
    /// let err = decoder.next_reply().unwrap_err();
    /// assert_eq!(err.kind(), DecodeErrorKind::LineTooLong { limit: 16 });
    /// assert_eq!(err.offset(), 0);
    /// // The decoder goes on with the next line.
    /// assert_eq!(decoder.next_reply()?.unwrap().code(), 200);
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn with_limits(limits: Limits) -> Self {
        Self {
            core: Core::new(limits, Framing::Strict),
            input: Vec::new(),
            pos: 0,
            eof: false,
        }
    }

    /// Sets the framing rule (builder style).
    ///
    /// ```
    /// use ftp_reply::{Framing, ReplyDecoder};
    ///
    /// let mut decoder = ReplyDecoder::new().framing(Framing::Lenient);
    /// decoder.feed(b"553-\r\n553- Directory excluded (precheck).\r\n150 Opening BINARY mode.\r\n");
    /// let reply = decoder.next_reply()?.unwrap();
    /// assert_eq!((reply.opening_code(), reply.code()), (553.try_into().unwrap(), 150.try_into().unwrap()));
    /// # Ok::<(), ftp_reply::DecodeError>(())
    /// ```
    #[must_use]
    pub fn framing(mut self, framing: Framing) -> Self {
        self.core.framing = framing;
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
        self.core.limits
    }

    /// The framing rule in force.
    ///
    /// ```
    /// # use ftp_reply::{Framing, ReplyDecoder};
    /// assert_eq!(ReplyDecoder::new().framing(Framing::Lenient).framing_mode(), Framing::Lenient);
    /// ```
    #[must_use]
    pub fn framing_mode(&self) -> Framing {
        self.core.framing
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
    pub fn feed(&mut self, bytes: &[u8]) {
        if self.pos == self.input.len() {
            self.input.clear();
        } else if self.pos > 0 {
            self.input.drain(..self.pos);
        }
        self.pos = 0;
        self.eof = false;
        self.input.extend_from_slice(bytes);
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
        let (used, event) = self.core.step(&self.input[self.pos..]);
        self.pos += used;
        if self.pos == self.input.len() {
            self.input.clear();
            self.pos = 0;
            if self.input.capacity() > RETAINED_INPUT {
                self.input = Vec::new();
            }
        }
        match event {
            Some(result) => result.map(Some),
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
    /// [`DecodeErrorKind::Incomplete`] if the bytes after the last complete
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
        self.input.len() - self.pos + self.core.buf.len()
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
        self.core.offset
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
        *self = Self::with_limits(self.core.limits).framing(self.core.framing);
    }

    /// For [`ReplyReader`](crate::ReplyReader): decodes from a borrowed
    /// buffer once the decoder's own input is used up.
    #[cfg(feature = "std")]
    pub(crate) fn core_mut(&mut self) -> Option<&mut Core> {
        (self.pos == self.input.len()).then_some(&mut self.core)
    }
}

/// The state of the reply being decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Expecting the first line of a reply (a line may be in progress).
    Idle,
    /// Inside a multi-line reply opened with this code.
    Multi(ReplyCode),
    /// Discarding after an error, without buffering: up to the end of the
    /// current line (`None`) or up to the last line of the multi-line reply
    /// opened with this code.
    Skip(Option<ReplyCode>),
}

/// The Telnet state at the current byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Telnet {
    Text,
    /// After an IAC.
    Iac,
    /// After IAC WILL/WONT/DO/DONT: the option byte is next.
    Option,
    /// In a subnegotiation.
    Sub,
    /// In a subnegotiation, after an IAC.
    SubIac,
}

/// What follows the code on a reply's first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    /// A space or the end of the line: a single-line reply.
    Last,
    /// `-`: the first line of a multi-line reply.
    Dash,
}

/// The decoding state machine, working on borrowed input.
///
/// Invariants, between calls to `step`:
/// - `offset` is the stream offset of the next byte `step` will see;
/// - `buf` holds the complete lines of the reply in progress, each followed
///   by `\n`, then the decoded bytes of the current line (in `Idle` and
///   `Multi`; it is empty in `Skip`), except a final CR, held back in
///   `last_cr` until a byte other than LF follows it;
///   `buf.len() + 1 <= max_reply_bytes` while a line is in progress, so
///   the `\n` always fits;
/// - `raw_len <= max_line_len` (bytes of the current line seen so far, in
///   `Idle` and `Multi`);
/// - `prefix[..min(dec_len, 4)]` are the first decoded bytes of the current
///   line and `prefix_off` their stream offsets.
#[derive(Debug, Clone)]
pub(crate) struct Core {
    limits: Limits,
    framing: Framing,
    offset: u64,
    state: State,
    telnet: Telnet,
    /// The first line of the reply in progress, once checked.
    first: Option<(ReplyCode, Sep)>,
    reply_start: u64,
    /// Complete lines of the reply in progress.
    reply_lines: usize,
    buf: Vec<u8>,
    line_start: u64,
    raw_len: usize,
    dec_len: usize,
    last_cr: bool,
    prefix: [u8; 4],
    prefix_off: [u64; 4],
}

impl Default for Core {
    fn default() -> Self {
        Self::new(Limits::default(), Framing::Strict)
    }
}

/// A complete reply or an error; `None` from `step` means "feed me".
type Event = Result<Reply, DecodeError>;

impl Core {
    pub(crate) fn new(limits: Limits, framing: Framing) -> Self {
        Self {
            limits,
            framing,
            offset: 0,
            state: State::Idle,
            telnet: Telnet::Text,
            first: None,
            reply_start: 0,
            reply_lines: 0,
            buf: Vec::new(),
            line_start: 0,
            raw_len: 0,
            dec_len: 0,
            last_cr: false,
            prefix: [0; 4],
            prefix_off: [0; 4],
        }
    }

    /// Decodes `input`, which starts at stream offset `self.offset`, up to
    /// the first complete reply or error. Returns how many bytes were used
    /// (all of them when there is no event) and the event.
    pub(crate) fn step(&mut self, input: &[u8]) -> (usize, Option<Event>) {
        let base = self.offset;
        let mut i = 0;
        while i < input.len() {
            if self.at_line_start() {
                let (used, reply) = self.whole_lines(&input[i..], base + i as u64);
                i += used;
                if let Some(reply) = reply {
                    self.offset = base + i as u64;
                    return (i, Some(Ok(reply)));
                }
                if i == input.len() {
                    break;
                }
            }
            let off = base + i as u64;
            if self.telnet == Telnet::Text {
                let rest = &input[i..];
                let n = memchr::memchr2(b'\n', IAC, rest).unwrap_or(rest.len());
                if n > 0 {
                    i += n;
                    if let Err(e) = self.text(&rest[..n], off) {
                        self.offset = base + i as u64;
                        return (i, Some(Err(e)));
                    }
                    continue;
                }
            }
            let b = input[i];
            i += 1;
            let event = if b == b'\n' {
                self.end_line(off)
            } else {
                self.telnet_byte(b, off).err().map(Err)
            };
            if let Some(event) = event {
                self.offset = base + i as u64;
                return (i, Some(event));
            }
        }
        self.offset = base + i as u64;
        (i, None)
    }

    /// Whether nothing of the current line has been seen yet, in a state
    /// where [`whole_lines`](Self::whole_lines) applies.
    fn at_line_start(&self) -> bool {
        self.raw_len == 0
            && self.dec_len == 0
            && !self.last_cr
            && self.telnet == Telnet::Text
            && self.storing()
    }

    /// The fast path: decodes whole lines at the start of `input` (which
    /// starts a line, at stream offset `off`) as long as each is complete
    /// in `input`, holds no IAC, and is accepted with no error and no limit
    /// reached. Stops at the first line that is not (the general path then
    /// takes it from its first byte, as if this had not been called) or
    /// after the line that ends a reply. Returns the bytes used and the
    /// reply, if one ended.
    ///
    /// The outcome is the one the general path would reach byte by byte:
    /// that path stores the line (without its final CR) and checks it with
    /// the same rules, and with no error on the way, its result depends
    /// only on the whole line.
    fn whole_lines(&mut self, input: &[u8], off: u64) -> (usize, Option<Reply>) {
        let limits = self.limits;
        // The opening code of the multi-line reply in progress, and its digits.
        let mut open = match self.state {
            State::Multi(code) => Some((code, ascii(code))),
            _ => None,
        };
        let finder = LineEndFinder::new();
        let mut i = 0;
        while let Some(n) = finder.find(&input[i..]) {
            let end = i + n;
            if input[end] != b'\n' || n >= limits.max_line_len {
                break;
            }
            let line = &input[i..end];
            let text = line.strip_suffix(b"\r").unwrap_or(line);
            // Room for the text and its `\n`, and for one more line.
            if limits.max_reply_bytes - self.buf.len() <= text.len()
                || self.reply_lines >= limits.max_lines
            {
                break;
            }
            let code = if let Some((code, digits)) = open {
                match self.framing {
                    Framing::Strict => ends_reply(text, digits).then_some(code),
                    Framing::Lenient => terminator(text),
                }
            } else {
                match classify_line(text) {
                    Some((code, Sep::Last)) => Some(code),
                    Some((code, Sep::Dash)) => {
                        self.first = Some((code, Sep::Dash));
                        self.state = State::Multi(code);
                        open = Some((code, ascii(code)));
                        None
                    }
                    None => break,
                }
            };
            i = end + 1;
            self.reply_lines += 1;
            if let Some(code) = code {
                // The reply's one allocation, sized to fit.
                let mut bytes = Vec::with_capacity(self.buf.len() + text.len() + 1);
                if !self.buf.is_empty() {
                    bytes.extend_from_slice(&self.buf);
                }
                bytes.extend_from_slice(text);
                bytes.push(b'\n');
                let reply = Reply::from_parts(code, self.reply_lines, bytes);
                self.state = State::Idle;
                self.start_line(off + i as u64);
                return (i, Some(reply));
            }
            self.reserve(text.len() + 1);
            self.buf.extend_from_slice(text);
            self.buf.push(b'\n');
        }
        if i > 0 {
            self.start_line(off + i as u64);
        }
        (i, None)
    }

    /// Whether the current line is kept (not discarded).
    fn storing(&self) -> bool {
        !matches!(self.state, State::Skip(_))
    }

    /// Handles one byte other than LF in a Telnet state other than `Text`,
    /// or an IAC in `Text`.
    fn telnet_byte(&mut self, b: u8, off: u64) -> Result<(), DecodeError> {
        let mut result = self.count_raw(1);
        match self.telnet {
            Telnet::Text => self.telnet = Telnet::Iac, // b == IAC
            Telnet::Iac => {
                self.telnet = Telnet::Text;
                match b {
                    IAC => result = result.and(self.emit(IAC, off - 1)),
                    SB => self.telnet = Telnet::Sub,
                    WILL..=DONT => self.telnet = Telnet::Option,
                    SE..=255 => {} // other commands are removed
                    _ => {
                        // Not a Telnet command: both bytes are text.
                        result = result.and(self.emit(IAC, off - 1));
                        result = result.and(self.emit(b, off));
                    }
                }
            }
            Telnet::Option => self.telnet = Telnet::Text,
            Telnet::Sub => {
                if b == IAC {
                    self.telnet = Telnet::SubIac;
                }
            }
            Telnet::SubIac => {
                self.telnet = if b == SE { Telnet::Text } else { Telnet::Sub };
            }
        }
        result
    }

    /// Counts `n` bytes of the current line against `max_line_len`.
    fn count_raw(&mut self, n: usize) -> Result<(), DecodeError> {
        if self.storing() {
            if n > self.limits.max_line_len - self.raw_len {
                return Err(self.fail(DecodeErrorKind::LineTooLong {
                    limit: self.limits.max_line_len,
                }));
            }
            self.raw_len += n;
        }
        Ok(())
    }

    /// Handles a run of text bytes (no LF, no IAC) starting at `off`.
    ///
    /// After an error the rest of the run is still seen (not stored), so
    /// that the start of the line is known.
    fn text(&mut self, bytes: &[u8], off: u64) -> Result<(), DecodeError> {
        let mut result = Ok(());
        // Fast path for the usual start of a line: its first five bytes in
        // one run, no CR among them, and no limit reached by them. The code
        // is checked as `emit` would after the fifth byte; then the whole run
        // is stored at once below.
        let fast = self.dec_len == 0
            && !self.last_cr
            && bytes.len() >= 5
            && self.storing()
            && !bytes[..5].contains(&b'\r')
            && self.limits.max_line_len - self.raw_len >= 5
            && self.room_buf() >= 5;
        if fast {
            self.prefix.copy_from_slice(&bytes[..4]);
            self.prefix_off = [off, off + 1, off + 2, off + 3];
            if self.state == State::Idle && self.first.is_none() {
                match classify(self.prefix, 4) {
                    Ok(first) => self.first = Some(first),
                    Err((kind, at)) => {
                        self.fail(DecodeErrorKind::InvalidLine(kind));
                        result = Err(DecodeError::new(
                            DecodeErrorKind::InvalidLine(kind),
                            self.prefix_off[at],
                        ));
                    }
                }
            }
        }
        // Otherwise one byte at a time while the start of the line matters.
        let mut j = 0;
        while !fast && j < bytes.len() && self.dec_len < 5 {
            result = result.and(self.count_raw(1));
            result = result.and(self.emit(bytes[j], off + j as u64));
            j += 1;
        }
        let rest = &bytes[j..];
        let Some(&last) = rest.last() else {
            return result;
        };
        if self.storing() {
            // Index in `rest` of the byte that goes over each limit, as if
            // the bytes came one at a time (a final CR is held back).
            let n = rest.len();
            let over_raw = self.limits.max_line_len - self.raw_len;
            let pending = usize::from(self.last_cr);
            let room_buf = self.room_buf();
            let over_buf = match room_buf.checked_sub(pending) {
                None => 0,
                Some(k) if k < n && rest[k] == b'\r' => k + 1,
                Some(k) => k,
            };
            if over_raw.min(over_buf) < n {
                // The limit hit first wins; the line limit on a tie (it is
                // checked first for each byte).
                let kind = if over_raw <= over_buf {
                    DecodeErrorKind::LineTooLong {
                        limit: self.limits.max_line_len,
                    }
                } else {
                    DecodeErrorKind::ReplyTooLong {
                        limit: self.limits.max_reply_bytes,
                    }
                };
                result = result.and(Err(self.fail(kind)));
            } else {
                self.raw_len += n;
                let stored = &rest[..n - usize::from(last == b'\r')];
                self.reserve(pending + stored.len());
                if pending == 1 {
                    self.buf.push(b'\r');
                }
                self.buf.extend_from_slice(stored);
            }
        }
        self.dec_len = self.dec_len.saturating_add(rest.len());
        self.last_cr = last == b'\r';
        result
    }

    /// Bytes the current line may still add to `buf`, keeping room for its `\n`.
    fn room_buf(&self) -> usize {
        self.limits
            .max_reply_bytes
            .saturating_sub(self.buf.len() + 1)
    }

    /// Grows `buf` for `n` more bytes without going past the reply limit.
    fn reserve(&mut self, n: usize) {
        let needed = self.buf.len() + n;
        if needed > self.buf.capacity() {
            let target = (self.buf.capacity() * 2)
                .max(64)
                .min(self.limits.max_reply_bytes)
                .max(needed);
            self.buf.reserve_exact(target - self.buf.len());
        }
    }

    /// Appends one decoded byte of text, at stream offset `off`.
    fn emit(&mut self, b: u8, off: u64) -> Result<(), DecodeError> {
        let mut result = Ok(());
        if self.dec_len < 4 {
            self.prefix[self.dec_len] = b;
            self.prefix_off[self.dec_len] = off;
        }
        if self.storing() {
            // A CR is held back until a byte other than LF follows it.
            let need = usize::from(self.last_cr) + usize::from(b != b'\r');
            if need > self.room_buf() {
                result = Err(self.fail(DecodeErrorKind::ReplyTooLong {
                    limit: self.limits.max_reply_bytes,
                }));
            } else {
                self.reserve(need);
                if self.last_cr {
                    self.buf.push(b'\r');
                }
                if b != b'\r' {
                    self.buf.push(b);
                }
            }
        }
        self.dec_len = self.dec_len.saturating_add(1);
        self.last_cr = b == b'\r';
        // Check the first line of a reply as soon as its code and separator are known.
        if self.state == State::Idle
            && self.first.is_none()
            && (self.dec_len == 5 || (self.dec_len == 4 && self.prefix[3] != b'\r'))
        {
            match classify(self.prefix, 4) {
                Ok(first) => self.first = Some(first),
                Err((kind, at)) => {
                    self.fail(DecodeErrorKind::InvalidLine(kind));
                    result = Err(DecodeError::new(
                        DecodeErrorKind::InvalidLine(kind),
                        self.prefix_off[at],
                    ));
                }
            }
        }
        result
    }

    /// Records an error: drops the reply in progress and discards, without
    /// buffering, the rest of the current line and, if the reply is
    /// multi-line, the rest of the reply. Returns the error at the line's start.
    fn fail(&mut self, kind: DecodeErrorKind) -> DecodeError {
        let code = match (self.state, self.first) {
            (State::Multi(code), _) | (State::Idle, Some((code, Sep::Dash))) => Some(code),
            _ => None,
        };
        self.state = State::Skip(code);
        self.buf.clear();
        self.reply_lines = 0;
        self.first = None;
        DecodeError::new(kind, self.line_start)
    }

    /// Handles the LF at stream offset `lf`, which ends the current line.
    fn end_line(&mut self, lf: u64) -> Option<Event> {
        let next = lf + 1;
        if self.telnet == Telnet::Iac {
            // An IAC before the line end is text.
            self.telnet = Telnet::Text;
            if let Err(e) = self.emit(IAC, lf - 1) {
                self.end_skipped_line(next);
                return Some(Err(e));
            }
        }
        // The LF counts in the line length.
        if let Err(e) = self.count_raw(1) {
            self.end_skipped_line(next);
            return Some(Err(e));
        }
        let open = match self.state {
            State::Skip(_) => {
                self.end_skipped_line(next);
                return None;
            }
            State::Idle => None,
            State::Multi(open) => Some(open),
        };
        let eff_len = self.eff_len();
        let code = if let Some(open) = open {
            self.terminator(open)
        } else {
            let first = match self.first {
                Some(first) => first,
                None => match classify(self.prefix, eff_len.min(4)) {
                    Ok(first) => first,
                    Err((kind, at)) => {
                        let offset = if at < self.dec_len.min(4) {
                            self.prefix_off[at]
                        } else {
                            lf
                        };
                        self.start_line(next);
                        return Some(Err(DecodeError::new(
                            DecodeErrorKind::InvalidLine(kind),
                            offset,
                        )));
                    }
                },
            };
            self.first = Some(first);
            match first {
                (code, Sep::Last) => Some(code),
                (_, Sep::Dash) => None,
            }
        };
        if self.reply_lines >= self.limits.max_lines {
            let e = self.fail(DecodeErrorKind::TooManyLines {
                limit: self.limits.max_lines,
            });
            self.end_skipped_line(next);
            return Some(Err(e));
        }
        if self.buf.len() >= self.limits.max_reply_bytes {
            let e = self.fail(DecodeErrorKind::ReplyTooLong {
                limit: self.limits.max_reply_bytes,
            });
            self.end_skipped_line(next);
            return Some(Err(e));
        }
        self.buf.push(b'\n');
        self.reply_lines += 1;
        if let Some(code) = code {
            let reply = Reply::from_parts(code, self.reply_lines, self.buf.as_slice().to_vec());
            self.state = State::Idle;
            self.start_line(next);
            return Some(Ok(reply));
        }
        if let (None, Some((code, _))) = (open, self.first) {
            self.state = State::Multi(code);
        }
        self.start_line(next);
        None
    }

    /// Ends a line that was discarded; goes back to `Idle` unless the
    /// multi-line reply being discarded goes on.
    fn end_skipped_line(&mut self, next: u64) {
        if let State::Skip(code) = self.state {
            if code.is_none_or(|open| self.terminator(open).is_some()) {
                self.state = State::Idle;
            }
        }
        self.start_line(next);
    }

    /// If the current (complete) line ends a multi-line reply opened with
    /// `open`, the code of the reply.
    fn terminator(&self, open: ReplyCode) -> Option<ReplyCode> {
        let len = self.eff_len();
        if len < 3 || (len > 3 && self.prefix[3] != b' ') {
            return None;
        }
        match self.framing {
            Framing::Strict => {
                let d = open.digits();
                (self.prefix[..3] == [b'0' + d[0], b'0' + d[1], b'0' + d[2]]).then_some(open)
            }
            Framing::Lenient => ReplyCode::from_bytes(&self.prefix[..3]).ok(),
        }
    }

    /// The length of the current line without a final CR.
    fn eff_len(&self) -> usize {
        self.dec_len - usize::from(self.last_cr && self.dec_len > 0)
    }

    /// Starts a new line at stream offset `start`.
    fn start_line(&mut self, start: u64) {
        self.line_start = start;
        self.raw_len = 0;
        self.dec_len = 0;
        self.last_cr = false;
        self.telnet = Telnet::Text;
        if self.state == State::Idle {
            self.reply_start = start;
            self.reply_lines = 0;
            self.first = None;
            self.buf.clear();
        }
    }

    /// At the end of the stream: the error for a reply left incomplete, if
    /// any. The decoder is then ready for a new reply.
    pub(crate) fn take_incomplete(&mut self) -> Option<DecodeError> {
        let code = match self.state {
            State::Multi(code) => Some(code),
            State::Idle if self.dec_len > 0 => self.first.map(|(code, _)| code).or_else(|| {
                classify(self.prefix, self.dec_len.min(3))
                    .ok()
                    .map(|(code, _)| code)
            }),
            State::Idle | State::Skip(_) => {
                self.state = State::Idle;
                self.start_line(self.offset);
                return None;
            }
        };
        let error = DecodeError::new(
            DecodeErrorKind::Incomplete {
                code,
                lines: self.reply_lines,
            },
            self.reply_start,
        );
        self.state = State::Idle;
        self.start_line(self.offset);
        Some(error)
    }
}

/// Finds the next LF or IAC, like `memchr::memchr2`. On `x86_64`, the SSE2
/// searcher (part of the baseline) is built once per call of
/// [`Core::whole_lines`] and used directly: lines are short, and going through
/// `memchr2`'s run-time dispatch for each of them costs more than the search.
#[derive(Clone, Copy)]
struct LineEndFinder {
    #[cfg(target_arch = "x86_64")]
    sse2: Option<memchr::arch::x86_64::sse2::memchr::Two>,
}

impl LineEndFinder {
    fn new() -> Self {
        Self {
            #[cfg(target_arch = "x86_64")]
            sse2: memchr::arch::x86_64::sse2::memchr::Two::new(b'\n', IAC),
        }
    }

    fn find(self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(sse2) = self.sse2 {
            return sse2.find(haystack);
        }
        memchr::memchr2(b'\n', IAC, haystack)
    }
}

/// The first line of a reply, `line` (line end excluded), if it is valid
/// (what [`classify`] accepts).
fn classify_line(line: &[u8]) -> Option<(ReplyCode, Sep)> {
    let (code, sep) = match *line {
        [a, b, c] | [a, b, c, b' ', ..] => ([a, b, c], Sep::Last),
        [a, b, c, b'-', ..] => ([a, b, c], Sep::Dash),
        _ => return None,
    };
    if !(b'1'..=b'6').contains(&code[0]) || !code[1].is_ascii_digit() || !code[2].is_ascii_digit() {
        return None;
    }
    let value = u16::from(code[0] - b'0') * 100
        + u16::from(code[1] - b'0') * 10
        + u16::from(code[2] - b'0');
    Some((ReplyCode::known(value), sep))
}

/// The ASCII digits of `code`.
fn ascii(code: ReplyCode) -> [u8; 3] {
    code.digits().map(|d| b'0' + d)
}

/// Under [`Framing::Strict`]: whether the complete line `line` (line end
/// excluded) ends a multi-line reply opened with the code whose digits are
/// `digits`.
fn ends_reply(line: &[u8], digits: [u8; 3]) -> bool {
    match *line {
        [a, b, c] | [a, b, c, b' ', ..] => [a, b, c] == digits,
        _ => false,
    }
}

/// Under [`Framing::Lenient`]: if the complete line `line` (line end
/// excluded) ends a multi-line reply, the code of the reply.
fn terminator(line: &[u8]) -> Option<ReplyCode> {
    match *line {
        [a, b, c] | [a, b, c, b' ', ..] => ReplyCode::from_bytes(&[a, b, c]).ok(),
        _ => None,
    }
}

/// Checks the start of a reply's first line: `prefix[..len]` are its first
/// `len` (at most 4) bytes, line end excluded. On error, returns what is
/// wrong and the index of the offending byte (`len` for a line too short).
fn classify(prefix: [u8; 4], len: usize) -> Result<(ReplyCode, Sep), (ParseErrorKind, usize)> {
    if len == 0 {
        return Err((ParseErrorKind::Empty, 0));
    }
    let mut value: u16 = 0;
    for (i, &b) in prefix.iter().enumerate().take(3) {
        if i >= len {
            return Err((ParseErrorKind::TooShort { len: i }, i));
        }
        if !b.is_ascii_digit() {
            return Err((ParseErrorKind::NotADigit { found: b }, i));
        }
        let digit = b - b'0';
        if i == 0 && !(1..=6).contains(&digit) {
            return Err((ParseErrorKind::InvalidFirstDigit { digit }, 0));
        }
        value = value * 10 + u16::from(digit);
    }
    let code = ReplyCode::known(value);
    if len == 3 {
        return Ok((code, Sep::Last));
    }
    match prefix[3] {
        b' ' => Ok((code, Sep::Last)),
        b'-' => Ok((code, Sep::Dash)),
        found => Err((ParseErrorKind::InvalidSeparator { found }, 3)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::{String, ToString};
    use alloc::vec;

    /// Decodes `input` fed in one chunk, then at end of stream; replies as
    /// lossy lines, errors as (kind, offset).
    fn run(
        decoder: &mut ReplyDecoder,
        input: &[u8],
    ) -> Vec<Result<Vec<String>, (DecodeErrorKind, u64)>> {
        decoder.feed(input);
        let mut out = Vec::new();
        loop {
            match decoder.next_reply() {
                Ok(Some(r)) => {
                    out.push(Ok(r.lines().map(alloc::borrow::Cow::into_owned).collect()));
                }
                Ok(None) => break,
                Err(e) => out.push(Err((e.kind(), e.offset()))),
            }
        }
        if let Err(e) = decoder.finish() {
            out.push(Err((e.kind(), e.offset())));
        }
        out
    }

    fn strict(input: &[u8]) -> Vec<Result<Vec<String>, (DecodeErrorKind, u64)>> {
        run(&mut ReplyDecoder::new(), input)
    }

    #[allow(clippy::unnecessary_wraps)] // compared with results
    fn ok(lines: &[&str]) -> Result<Vec<String>, (DecodeErrorKind, u64)> {
        Ok(lines.iter().map(|&l| l.into()).collect())
    }

    fn code(n: u16) -> ReplyCode {
        ReplyCode::new(n).unwrap()
    }

    #[test]
    fn line_ends() {
        assert_eq!(
            strict(b"200 a\n200 b\r\n"),
            [ok(&["200 a"]), ok(&["200 b"])]
        );
        // A CR elsewhere is text; only the one before LF goes.
        assert_eq!(strict(b"200 a\rb\r\r\n"), [ok(&["200 a\rb\r"])]);
        // CR alone at the end of the stream: the line has no end.
        assert_eq!(
            strict(b"200 a\r"),
            [Err((
                DecodeErrorKind::Incomplete {
                    code: Some(code(200)),
                    lines: 0
                },
                0
            ))]
        );
    }

    #[test]
    fn telnet_sequences() {
        // IAC IAC is 0xFF; commands and negotiations vanish; IAC + text byte stays.
        let r = Reply::parse(b"220 a\xff\xffb\xff\xf1c\xff\xfb\x01d\xff\xfe\x03e\xff\x41f\r\n")
            .unwrap();
        assert_eq!(r.raw_lines().next().unwrap(), b"220 a\xffbcde\xff\x41f");
        // Subnegotiation is removed up to IAC SE...
        let r = Reply::parse(b"220 a\xff\xfa\x18\x01xyz\xff\xf0b\r\n").unwrap();
        assert_eq!(r.raw_lines().next().unwrap(), b"220 ab");
        // ...or up to the end of the line.
        assert_eq!(
            strict(b"220 a\xff\xfa\x18zzz\r\n200 b\r\n"),
            [ok(&["220 a"]), ok(&["200 b"])]
        );
        // IAC before the line end is text; a negotiation cut by the line end is dropped.
        let r = Reply::parse(b"220-a\xff\r\n220 b\xff\xfd\n").unwrap();
        let lines: Vec<&[u8]> = r.raw_lines().collect();
        assert_eq!(lines, [&b"220-a\xff"[..], b"220 b"]);
        // Telnet before the code: the code is read from the text.
        assert_eq!(strict(b"\xff\xfb\x01220 Hi\r\n"), [ok(&["220 Hi"])]);
    }

    #[test]
    fn telnet_split_across_chunks() {
        let input = b"220 a\xff\xffb\xff\xfb\x01c\xff\xfa\x01\x02\xff\xf0d\xff\r\n";
        let whole = Reply::parse(input).unwrap();
        for cut in 0..=input.len() {
            let mut d = ReplyDecoder::new();
            d.feed(&input[..cut]);
            let mut got = d.next_reply().unwrap();
            d.feed(&input[cut..]);
            if got.is_none() {
                got = d.next_reply().unwrap();
            }
            assert_eq!(got.as_ref(), Some(&whole), "cut at {cut}");
        }
    }

    #[test]
    fn malformed_first_lines() {
        use ParseErrorKind as P;
        let cases: &[(&[u8], ParseErrorKind, u64)] = &[
            (b"\r\n", P::Empty, 0),
            (b"\n", P::Empty, 0),
            (b"22\r\n", P::TooShort { len: 2 }, 2),
            (b"2x0 a\r\n", P::NotADigit { found: b'x' }, 1),
            (b"720 a\r\n", P::InvalidFirstDigit { digit: 7 }, 0),
            (b"220x\r\n", P::InvalidSeparator { found: b'x' }, 3),
            (b"220\rx\r\n", P::InvalidSeparator { found: b'\r' }, 3),
            (b"\xff\xf1220_\r\n", P::InvalidSeparator { found: b'_' }, 5),
            (b" 220 a\r\n", P::NotADigit { found: b' ' }, 0),
        ];
        for &(input, kind, offset) in cases {
            let mut d = ReplyDecoder::new();
            let mut stream = b"200 ok\r\n".to_vec();
            stream.extend_from_slice(input);
            stream.extend_from_slice(b"201 ok\r\n");
            assert_eq!(
                run(&mut d, &stream),
                [
                    ok(&["200 ok"]),
                    Err((DecodeErrorKind::InvalidLine(kind), offset + 8)),
                    ok(&["201 ok"])
                ],
                "{:?}",
                String::from_utf8_lossy(input)
            );
        }
        // Bare code lines are fine.
        assert_eq!(strict(b"220\r\n221\n"), [ok(&["220"]), ok(&["221"])]);
    }

    #[test]
    fn inner_lines_may_be_anything() {
        let input =
            b"211-a\r\n\r\n211-b\r\n211x\r\n21\r\n999 no\r\n 211 c\r\n\xff\xf1\r\n211 end\r\n";
        let got = strict(input);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].as_ref().unwrap().len(), 9);
    }

    #[test]
    fn line_limit_is_exact() {
        let limits = Limits::new().with_max_line_len(10);
        // 8 bytes + CRLF = 10: fine.
        assert_eq!(
            run(&mut ReplyDecoder::with_limits(limits), b"200 abcd\r\n"),
            [ok(&["200 abcd"])]
        );
        assert_eq!(
            run(&mut ReplyDecoder::with_limits(limits), b"200 abcde\n"),
            [ok(&["200 abcde"])]
        );
        // 11 bytes: over, on the LF itself or before.
        for input in [&b"200 abcde\r\n"[..], b"200 abcdefghijk\r\n"] {
            let mut stream = input.to_vec();
            stream.extend_from_slice(b"201 ok\r\n");
            assert_eq!(
                run(&mut ReplyDecoder::with_limits(limits), &stream),
                [
                    Err((DecodeErrorKind::LineTooLong { limit: 10 }, 0)),
                    ok(&["201 ok"])
                ]
            );
        }
    }

    #[test]
    fn over_limit_multiline_reply_is_skipped_to_its_end() {
        let limits = Limits::new().with_max_line_len(12);
        let input = b"211-Features:\r\n 211 x\r\n MDTM is here and long\r\n211-AUTH TLS\r\n211 End\r\n200 next\r\n";
        assert_eq!(
            run(&mut ReplyDecoder::with_limits(limits), input),
            [
                Err((DecodeErrorKind::LineTooLong { limit: 12 }, 0)),
                ok(&["200 next"])
            ]
        );
        // The long line is the last line: nothing more to skip.
        let input = b"211-a\r\n211 this last line is long\r\n200 next\r\n";
        assert_eq!(
            run(&mut ReplyDecoder::with_limits(limits), input),
            [
                Err((DecodeErrorKind::LineTooLong { limit: 12 }, 7)),
                ok(&["200 next"])
            ]
        );
    }

    #[test]
    fn too_many_lines() {
        let limits = Limits::new().with_max_lines(3);
        let mut d = ReplyDecoder::with_limits(limits);
        assert_eq!(
            run(&mut d, b"211-a\r\n b\r\n211 c\r\n"),
            [ok(&["211-a", " b", "211 c"])]
        );
        let input = b"211-a\r\n b\r\n c\r\n d\r\n211 e\r\n200 ok\r\n";
        assert_eq!(
            run(&mut d, input),
            [
                Err((DecodeErrorKind::TooManyLines { limit: 3 }, 18 + 15)),
                ok(&["200 ok"])
            ]
        );
        // Over the limit on the last line.
        let input = b"211-a\r\n b\r\n c\r\n211 e\r\n200 ok\r\n";
        let mut d = ReplyDecoder::with_limits(limits);
        assert_eq!(
            run(&mut d, input),
            [
                Err((DecodeErrorKind::TooManyLines { limit: 3 }, 15)),
                ok(&["200 ok"])
            ]
        );
    }

    #[test]
    fn reply_byte_limit() {
        // "211-a\n b\n211 c\n" is 15 bytes held.
        let input = b"211-a\r\n b\r\n211 c\r\n";
        let mut d = ReplyDecoder::with_limits(Limits::new().with_max_reply_bytes(15));
        assert_eq!(run(&mut d, input), [ok(&["211-a", " b", "211 c"])]);
        let mut d = ReplyDecoder::with_limits(Limits::new().with_max_reply_bytes(14));
        let mut stream = input.to_vec();
        stream.extend_from_slice(b"200 ok\r\n");
        assert_eq!(
            run(&mut d, &stream),
            [
                Err((DecodeErrorKind::ReplyTooLong { limit: 14 }, 11)),
                ok(&["200 ok"])
            ]
        );
        // Zero: nothing fits.
        let mut d = ReplyDecoder::with_limits(Limits::new().with_max_reply_bytes(0));
        assert_eq!(
            run(&mut d, b"200 ok\r\n\r\n"),
            [
                Err((DecodeErrorKind::ReplyTooLong { limit: 0 }, 0)),
                Err((DecodeErrorKind::InvalidLine(ParseErrorKind::Empty), 8))
            ]
        );
    }

    #[test]
    fn hostile_line_stays_bounded() {
        let limits = Limits::new()
            .with_max_line_len(1024)
            .with_max_reply_bytes(4096);
        let mut d = ReplyDecoder::with_limits(limits);
        d.feed(b"220 ");
        assert!(d.next_reply().unwrap().is_none());
        let chunk = vec![b'A'; 1000];
        let mut errors = 0;
        for _ in 0..1000 {
            d.feed(&chunk);
            loop {
                match d.next_reply() {
                    Ok(None) => break,
                    Ok(Some(r)) => panic!("unexpected reply {r:?}"),
                    Err(e) => {
                        assert_eq!(e.kind(), DecodeErrorKind::LineTooLong { limit: 1024 });
                        errors += 1;
                    }
                }
            }
            assert!(d.buffered_len() <= 4096);
            assert!(d.core.buf.capacity() <= 4096);
        }
        assert_eq!(errors, 1);
        d.feed(b"\r\n221 bye\r\n");
        assert_eq!(d.next_reply().unwrap().unwrap().code(), 221);
    }

    #[test]
    fn hostile_multiline_reply_stays_bounded() {
        let limits = Limits::new().with_max_lines(10);
        let mut d = ReplyDecoder::with_limits(limits);
        d.feed(b"211-start\r\n");
        let mut errors = 0;
        for _ in 0..10_000 {
            d.feed(b"211-again\r\n");
            while let Some(r) = d.next_reply().transpose() {
                assert_eq!(
                    r.unwrap_err().kind(),
                    DecodeErrorKind::TooManyLines { limit: 10 }
                );
                errors += 1;
            }
            assert!(d.buffered_len() <= 110);
        }
        assert_eq!(errors, 1);
        d.feed(b"211 end\r\n200 ok\r\n");
        assert_eq!(d.next_reply().unwrap().unwrap().code(), 200);
    }

    #[test]
    fn finish_reports_partial_replies() {
        let mut d = ReplyDecoder::new();
        d.feed(b"200 ok\r\n220-Hi\r\n220 Rea");
        // Not drained: finish defers to next_reply.
        assert_eq!(d.finish(), Ok(()));
        assert_eq!(d.next_reply().unwrap().unwrap().code(), 200);
        let e = d.next_reply().unwrap_err();
        assert_eq!(
            e.kind(),
            DecodeErrorKind::Incomplete {
                code: Some(code(220)),
                lines: 1
            }
        );
        assert_eq!(e.offset(), 8);
        assert_eq!(d.next_reply(), Ok(None));
        assert_eq!(d.finish(), Ok(()));
        // A partial first line without a code yet.
        let mut d = ReplyDecoder::new();
        d.feed(b"2");
        assert_eq!(d.next_reply(), Ok(None));
        assert_eq!(
            d.finish().unwrap_err().kind(),
            DecodeErrorKind::Incomplete {
                code: None,
                lines: 0
            }
        );
        // Telnet noise alone is no reply.
        let mut d = ReplyDecoder::new();
        d.feed(b"\xff\xf1");
        assert_eq!(d.next_reply(), Ok(None));
        assert_eq!(d.finish(), Ok(()));
        // While skipping after an error, the end of input is not reported again.
        let mut d = ReplyDecoder::with_limits(Limits::new().with_max_line_len(8));
        d.feed(b"211-abcdefghij\r\n more");
        assert!(d.next_reply().is_err());
        assert_eq!(d.next_reply(), Ok(None));
        assert_eq!(d.finish(), Ok(()));
        // Feeding after finish starts afresh, offsets go on.
        d.feed(b"200 ok\r\n");
        let r = d.next_reply().unwrap().unwrap();
        assert_eq!(r.code(), 200);
        assert_eq!(d.offset(), 29);
    }

    #[test]
    fn framing_modes() {
        let glftpd = b"553-\r\n553- Directory excluded (precheck).\r\n150 Opening BINARY mode data connection for x using SSL/TLS.\r\n";
        let strict_out = run(&mut ReplyDecoder::new(), glftpd);
        assert!(matches!(
            strict_out[..],
            [Err((DecodeErrorKind::Incomplete { lines: 3, .. }, 0))]
        ));
        let lenient = run(&mut ReplyDecoder::new().framing(Framing::Lenient), glftpd);
        assert_eq!(lenient.len(), 1);
        // Lenient: an invalid code with a space is not a last line.
        let input = b"211-a\r\n999 b\r\n000 c\r\n211 d\r\n";
        let lenient = run(&mut ReplyDecoder::new().framing(Framing::Lenient), input);
        assert_eq!(lenient, [ok(&["211-a", "999 b", "000 c", "211 d"])]);
    }

    #[test]
    fn one_allocation_sized_to_fit() {
        let mut d = ReplyDecoder::new();
        d.feed(b"211-Features:\r\n MDTM\r\n211 End\r\n");
        let r = d.next_reply().unwrap().unwrap();
        assert_eq!(r.to_string().len(), 31);
        let (_, _, buf) = r.into_parts_for_test();
        assert_eq!(buf.capacity(), buf.len());
    }

    #[test]
    fn reset_and_accessors() {
        let mut d =
            ReplyDecoder::with_limits(Limits::new().with_max_lines(2)).framing(Framing::Lenient);
        d.feed(b"211-x");
        assert_eq!(d.next_reply(), Ok(None));
        d.reset();
        assert_eq!(d.offset(), 0);
        assert_eq!(d.limits().max_lines(), 2);
        assert_eq!(d.framing_mode(), Framing::Lenient);
        assert_eq!(d.finish(), Ok(()));
    }

    /// The whole-line fast path (input fed at once) and the general path
    /// (one byte at a time) agree, errors and offsets included, under tight
    /// limits and on bytes biased towards what matters to the decoder.
    #[test]
    fn fast_path_agrees_with_byte_at_a_time() {
        const ALPHABET: &[u8] = b"0122345-  \r\r\n\n\n\xff\xff\xfb\xfa\xf0\xf1a";
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let len = usize::try_from(next() % 120).unwrap();
            let input: Vec<u8> = (0..len)
                .map(|_| {
                    let r = next();
                    if r % 4 == 0 {
                        // Well-formed line starts are common.
                        [b"211-", b"211 ", b"200 ", b"\r\n22"][usize::try_from(r / 4 % 4).unwrap()]
                            [usize::try_from(r / 16 % 4).unwrap()]
                    } else {
                        ALPHABET[usize::try_from(r / 4 % ALPHABET.len() as u64).unwrap()]
                    }
                })
                .collect();
            let limits = Limits::new()
                .with_max_line_len(usize::try_from(next() % 24).unwrap())
                .with_max_lines(usize::try_from(next() % 5).unwrap())
                .with_max_reply_bytes(usize::try_from(next() % 40).unwrap());
            let framing = if next() % 2 == 0 {
                Framing::Strict
            } else {
                Framing::Lenient
            };
            for limits in [limits, Limits::new()] {
                let whole = run(
                    &mut ReplyDecoder::with_limits(limits).framing(framing),
                    &input,
                );
                let mut d = ReplyDecoder::with_limits(limits).framing(framing);
                let mut bytes = Vec::new();
                for &b in &input {
                    d.feed(&[b]);
                    while let Some(r) = d.next_reply().transpose() {
                        bytes.push(
                            r.map(|r| r.lines().map(alloc::borrow::Cow::into_owned).collect())
                                .map_err(|e| (e.kind(), e.offset())),
                        );
                    }
                }
                if let Err(e) = d.finish() {
                    bytes.push(Err((e.kind(), e.offset())));
                }
                assert_eq!(whole, bytes, "{input:?} {limits:?} {framing:?}");
            }
        }
    }

    #[test]
    fn error_messages() {
        let e = DecodeError::new(DecodeErrorKind::LineTooLong { limit: 16384 }, 42);
        assert_eq!(
            e.to_string(),
            "invalid reply stream at byte 42: the line is longer than the limit of 16384 bytes"
        );
        let e = DecodeError::new(
            DecodeErrorKind::Incomplete {
                code: None,
                lines: 0,
            },
            0,
        );
        assert_eq!(
            e.to_string(),
            "invalid reply stream at byte 0: the input ended in the middle of a reply (code not received, 0 complete line(s))"
        );
        assert_eq!(
            DecodeErrorKind::TooManyLines { limit: 3 }.to_string(),
            "the reply has more lines than the limit of 3"
        );
        assert_eq!(
            DecodeErrorKind::ReplyTooLong { limit: 3 }.to_string(),
            "the reply is longer than the limit of 3 bytes"
        );
    }
}
