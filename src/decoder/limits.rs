//! [`Limits`]: how much a [`ReplyDecoder`](super::ReplyDecoder) holds for one reply.

/// Bounds on what a [`ReplyDecoder`](super::ReplyDecoder) holds for one reply.
///
/// A server, hostile or broken, cannot make the decoder buffer more than
/// [`max_reply_bytes`](Self::max_reply_bytes) for the reply in progress,
/// whatever it sends. Going over a limit is a [`DecodeError`](super::DecodeError) naming the
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
/// let decoder = ReplyDecoder::new().with_limits(limits);
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
    /// [`Reply::parse`](crate::Reply::parse) does) or from a trusted source.
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
