//! The decoding state machine, `Core`: bytes in, replies (views of its
//! buffer) and errors out, under [`Limits`] and a [`Framing`].

use alloc::vec::Vec;

use super::line_end::LineEndFinder;
use super::telnet::{DONT, IAC, SB, SE, Telnet, WILL};
use super::{DecodeError, DecodeErrorKind, Framing, Limits};
#[cfg(feature = "std")]
use crate::Reply;
use crate::grammar::{self, Sep};
use crate::reply_ref::Text;
use crate::{ReplyCode, ReplyRef};

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

/// The decoding state machine, working on borrowed input.
///
/// Invariants, between calls to `step`:
/// - `offset` is the stream offset of the next byte `step` will see;
/// - `buf` holds the complete lines of the reply in progress, each followed
///   by `\n` (whose index `ends` records), then the decoded bytes of the current line (in `Idle` and
///   `Multi`; it is empty in `Skip`), except a final CR, held back in
///   `last_cr` until a byte other than LF follows it;
///   `buf.len() + 1 <= max_reply_bytes` while a line is in progress, so
///   the `\n` always fits;
/// - `raw_len <= max_line_len` (bytes of the current line seen so far, in
///   `Idle` and `Multi`);
/// - after a reply ends, `held` is set and `buf` and `ends` hold it, for
///   [`step_ref`](Self::step_ref) to lend, until the next call;
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
    buf: Vec<u8>,
    /// The index in `buf` of the `\n` after each complete line.
    ends: Vec<usize>,
    /// `buf` holds a complete reply, lent out until the next call.
    held: bool,
    /// The reply that ended is a single line lent from the input instead
    /// of `buf`: its line's length with its line end (back from the end of
    /// the bytes used) and the length of its text.
    lent: Option<(usize, usize)>,
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

/// A complete reply (its code; `buf` holds it) or an error; `None` from
/// `advance` means "feed me".
type Event = Result<ReplyCode, DecodeError>;

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
            buf: Vec::new(),
            ends: Vec::new(),
            held: false,
            lent: None,
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
    /// (all of them when there is no event) and the reply or error.
    #[cfg(feature = "std")]
    pub(crate) fn step(&mut self, input: &[u8]) -> (usize, Option<Result<Reply, DecodeError>>) {
        // Every byte is used: `ReplyReader` consumes them from its reader.
        let (used, event) = self.step_ref(input);
        (used, event.map(|e| e.map(ReplyRef::to_owned)))
    }

    /// Like [`step`](Self::step), lending the reply from the buffer until
    /// the next call.
    pub(crate) fn step_ref(
        &mut self,
        input: &[u8],
    ) -> (usize, Option<Result<ReplyRef<'_>, DecodeError>>) {
        let (used, event) = self.advance(input, false, false);
        (used, event.map(|e| e.map(|code| self.held_reply(code))))
    }

    /// The reply that `buf` holds, once `held` is set.
    pub(super) fn held_reply(&self, code: ReplyCode) -> ReplyRef<'_> {
        debug_assert!(self.held);
        let (text, ends) = (
            &self.buf[..self.buf.len() - 1],
            &self.ends[..self.ends.len() - 1],
        );
        // The one UTF-8 check of the reply.
        ReplyRef::from_parts(code, Text::new(text), ends)
    }

    /// Drops the reply lent out by the last call, if any.
    fn release(&mut self) {
        if self.held {
            self.held = false;
            self.start_reply(self.offset);
        }
    }

    /// [`step`](Self::step) without building the reply: the event says
    /// which code the reply in `buf` has.
    ///
    /// With `defer`, a line that starts a line, holds no IAC and has not
    /// ended at the end of `input` is left unused (if shorter than
    /// [`defer_room`](Self::defer_room)): the caller keeps it and calls
    /// again once its line end has arrived, so that the line takes the fast
    /// path whole. Without `defer`, every byte is used when there is no event.
    ///
    /// With `lend`, a reply made of one whole line on the fast path is not
    /// copied into `buf`: [`take_lent`](Self::take_lent) then says where it
    /// lies in `input`.
    pub(super) fn advance(
        &mut self,
        input: &[u8],
        defer: bool,
        lend: bool,
    ) -> (usize, Option<Event>) {
        self.release();
        let base = self.offset;
        let mut i = 0;
        while i < input.len() {
            if self.at_line_start() {
                let (used, code, deferred) =
                    self.whole_lines(&input[i..], base + i as u64, defer, lend);
                i += used;
                if let Some(code) = code {
                    self.offset = base + i as u64;
                    return (i, Some(Ok(code)));
                }
                if i == input.len() || deferred {
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

    /// Where the reply that the last call of [`advance`](Self::advance)
    /// returned lies in its input, if it was lent from there: its line's
    /// length with its line end, back from the end of the bytes used, and
    /// the length of its text.
    pub(super) fn take_lent(&mut self) -> Option<(usize, usize)> {
        self.lent.take()
    }

    /// Whether `advance` would start on the fast path at a line start
    /// (the reply lent out by the last call, if any, dropped first).
    pub(super) fn at_line_start_idle(&mut self) -> bool {
        self.release();
        self.at_line_start()
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
    ///
    /// With `defer`, also says whether the rest of `input` is the start of
    /// a line, without IAC, to leave for later (see [`advance`](Self::advance)).
    fn whole_lines(
        &mut self,
        input: &[u8],
        off: u64,
        defer: bool,
        lend: bool,
    ) -> (usize, Option<ReplyCode>, bool) {
        let limits = self.limits;
        // The opening code of the multi-line reply in progress.
        let mut open = match self.state {
            State::Multi(code) => Some(code),
            _ => None,
        };
        let finder = LineEndFinder::new();
        let mut i = 0;
        let mut deferred = false;
        loop {
            let Some(n) = finder.find(&input[i..]) else {
                // The rest has neither a line end nor an IAC.
                deferred = defer && i < input.len() && input.len() - i < self.defer_room();
                break;
            };
            let end = i + n;
            if input[end] != b'\n' || n >= limits.max_line_len() {
                break;
            }
            let line = &input[i..end];
            let text = line.strip_suffix(b"\r").unwrap_or(line);
            // Room for the text and its `\n`, and for one more line.
            if limits.max_reply_bytes().saturating_sub(self.buf.len()) <= text.len()
                || self.ends.len() >= limits.max_lines()
            {
                break;
            }
            let code = if let Some(code) = open {
                self.framing.closes(text, code)
            } else {
                match grammar::first_line(text) {
                    Ok((code, Sep::Last)) if lend && self.buf.is_empty() => {
                        // The whole reply is this line: lend it from the input.
                        self.lent = Some((n + 1, text.len()));
                        i = end + 1;
                        self.start_line(off + i as u64);
                        return (i, Some(code), false);
                    }
                    Ok((code, Sep::Last)) => Some(code),
                    Ok((code, Sep::Dash)) => {
                        self.first = Some((code, Sep::Dash));
                        self.state = State::Multi(code);
                        open = Some(code);
                        None
                    }
                    Err(_) => break,
                }
            };
            i = end + 1;
            self.reserve(text.len() + 1);
            self.buf.extend_from_slice(text);
            self.ends.push(self.buf.len());
            self.buf.push(b'\n');
            if let Some(code) = code {
                self.complete(off + i as u64);
                return (i, Some(code), false);
            }
        }
        if i > 0 {
            self.start_line(off + i as u64);
        }
        (i, None, deferred)
    }

    /// How many bytes of a line not ended yet a caller of
    /// [`advance`](Self::advance) may keep aside, within the limits: less
    /// than a line may take, and than the reply may still add.
    #[inline]
    pub(super) fn defer_room(&self) -> usize {
        self.limits
            .max_line_len()
            .min(self.limits.max_reply_bytes().saturating_sub(self.buf.len()))
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
            if n > self.limits.max_line_len().saturating_sub(self.raw_len) {
                return Err(self.fail(DecodeErrorKind::LineTooLong {
                    limit: self.limits.max_line_len(),
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
            && self.limits.max_line_len().saturating_sub(self.raw_len) >= 5
            && self.room_buf() >= 5;
        if fast {
            self.prefix.copy_from_slice(&bytes[..4]);
            self.prefix_off = [off, off + 1, off + 2, off + 3];
            if self.state == State::Idle && self.first.is_none() {
                result = self.check_first();
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
            let over_raw = self.limits.max_line_len().saturating_sub(self.raw_len);
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
                        limit: self.limits.max_line_len(),
                    }
                } else {
                    DecodeErrorKind::ReplyTooLong {
                        limit: self.limits.max_reply_bytes(),
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
            .max_reply_bytes()
            .saturating_sub(self.buf.len() + 1)
    }

    /// Grows `buf` for `n` more bytes without going past the reply limit.
    fn reserve(&mut self, n: usize) {
        let needed = self.buf.len() + n;
        if needed > self.buf.capacity() {
            let target = (self.buf.capacity() * 2)
                .max(64)
                .min(self.limits.max_reply_bytes())
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
                    limit: self.limits.max_reply_bytes(),
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
            result = self.check_first();
        }
        result
    }

    /// Checks the first line of a reply once its first four bytes (code and
    /// separator) are in `prefix` and known not to be followed by the line end.
    fn check_first(&mut self) -> Result<(), DecodeError> {
        match grammar::first_line(&self.prefix) {
            Ok(first) => {
                self.first = Some(first);
                Ok(())
            }
            Err((kind, at)) => {
                self.fail(DecodeErrorKind::InvalidLine(kind));
                Err(DecodeError::new(
                    DecodeErrorKind::InvalidLine(kind),
                    self.prefix_off[at],
                ))
            }
        }
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
        self.ends.clear();
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
                None => match grammar::first_line(&self.prefix[..eff_len.min(4)]) {
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
        if self.ends.len() >= self.limits.max_lines() {
            let e = self.fail(DecodeErrorKind::TooManyLines {
                limit: self.limits.max_lines(),
            });
            self.end_skipped_line(next);
            return Some(Err(e));
        }
        if self.buf.len() >= self.limits.max_reply_bytes() {
            let e = self.fail(DecodeErrorKind::ReplyTooLong {
                limit: self.limits.max_reply_bytes(),
            });
            self.end_skipped_line(next);
            return Some(Err(e));
        }
        self.ends.push(self.buf.len());
        self.buf.push(b'\n');
        if let Some(code) = code {
            self.complete(next);
            return Some(Ok(code));
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
        // The code and the byte after it decide.
        let len = self.eff_len().min(4);
        self.framing.closes(&self.prefix[..len], open)
    }

    /// The length of the current line without a final CR.
    fn eff_len(&self) -> usize {
        self.dec_len - usize::from(self.last_cr && self.dec_len > 0)
    }

    /// Starts a new line at stream offset `start` (and a new reply, in
    /// `Idle`, unless a complete one is held).
    fn start_line(&mut self, start: u64) {
        self.line_start = start;
        self.raw_len = 0;
        self.dec_len = 0;
        self.last_cr = false;
        self.telnet = Telnet::Text;
        if self.state == State::Idle && !self.held {
            self.start_reply(start);
        }
    }

    /// Forgets the reply in progress; the next one starts at `start`.
    fn start_reply(&mut self, start: u64) {
        self.reply_start = start;
        self.first = None;
        self.buf.clear();
        self.ends.clear();
    }

    /// The reply in `buf` is complete; the next line starts at `next`.
    fn complete(&mut self, next: u64) {
        self.state = State::Idle;
        self.held = true;
        self.start_line(next);
    }

    /// Bytes held for the reply in progress (not for one lent out).
    pub(crate) fn pending_len(&self) -> usize {
        if self.held { 0 } else { self.buf.len() }
    }

    /// The capacity of the reply buffer, for tests of its bounds.
    #[cfg(test)]
    pub(super) fn buf_capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// The limits in force.
    pub(super) fn limits(&self) -> Limits {
        self.limits
    }

    /// The framing rule in force.
    pub(super) fn framing(&self) -> Framing {
        self.framing
    }

    /// Sets the framing rule.
    pub(super) fn set_framing(&mut self, framing: Framing) {
        self.framing = framing;
    }

    /// New limits. The subtractions against them saturate, so limits lower
    /// than what a reply in progress already holds make its next byte an
    /// over-limit error instead of an overflow.
    pub(super) fn set_limits(&mut self, limits: Limits) {
        self.limits = limits;
    }

    /// The stream offset of the next byte to decode.
    pub(super) fn offset(&self) -> u64 {
        self.offset
    }

    /// At the end of the stream: the error for a reply left incomplete, if
    /// any. The decoder is then ready for a new reply.
    pub(crate) fn take_incomplete(&mut self) -> Option<DecodeError> {
        self.release();
        let code = match self.state {
            State::Multi(code) => Some(code),
            State::Idle if self.dec_len > 0 => self
                .first
                .map(|(code, _)| code)
                .or_else(|| grammar::code(&self.prefix[..self.dec_len.min(3)]).ok()),
            State::Idle | State::Skip(_) => {
                self.state = State::Idle;
                self.start_line(self.offset);
                return None;
            }
        };
        let error = DecodeError::new(
            DecodeErrorKind::Incomplete {
                code,
                lines: self.ends.len(),
            },
            self.reply_start,
        );
        self.state = State::Idle;
        self.start_line(self.offset);
        Some(error)
    }
}
