//! [`ReplyReader::read_for`]: the replies of one command, each checked by
//! its [`Exchange`].

use std::io::BufRead;

use super::{ReadError, ReplyReader};
use crate::Reply;
use crate::command::{Exchange, Verdict};

impl<R: BufRead> ReplyReader<R> {
    /// The replies to one command (or to the connection greeting), read
    /// until `exchange` is complete, each pushed into `exchange` and given
    /// with its [`Verdict`].
    ///
    /// The iterator reads one reply per [`next`](Iterator::next) and ends
    /// after the final reply (any 2yz to 5yz, RFC 959 §4.2). Replies come one
    /// at a time so that a client can act between them: after the `150` of a
    /// RETR or LIST, read the data connection *before* asking for the next
    /// reply (the server sends `226` only once the data is sent, and may wait
    /// for the client to read it). For a command with one reply, or once the
    /// data is read, [`final_reply`](ExchangeReplies::final_reply) reads the
    /// rest and gives the final reply.
    ///
    /// The exchange's state lives in `exchange`, not in the iterator: drop
    /// the iterator (to write on the connection through
    /// [`get_mut`](Self::get_mut), say) and call `read_for` again to go on.
    /// On an exchange that is already complete the iterator yields nothing.
    ///
    /// Errors are those of [`read_reply`](Self::read_reply). A
    /// [`ReadError::Decode`] is yielded and reading can go on (the exchange
    /// did not see that reply); after any other error the iterator ends. The
    /// stream ending before the final reply is an error
    /// ([`ReadError::Eof`] or [`ReadError::Incomplete`]), never a silent end.
    ///
    /// # Example: a transfer, with its 150 and 226
    ///
    /// ```
    /// use ftp_reply::ReplyReader;
    /// use ftp_reply::command::{Command, Exchange, Role, Verdict};
    ///
    /// let control: &[u8] = b"150 Opening data connection.\r\n226 Transfer complete.\r\n";
    /// let mut reader = ReplyReader::new(control);
    /// let mut retr = Exchange::new(Command::Retr);
    ///
    /// let mut replies = reader.read_for(&mut retr);
    /// let (reply, verdict) = replies.next().expect("a reply")?;
    /// assert_eq!((reply.code().as_u16(), verdict), (150, Verdict::Expected(Role::Preliminary)));
    /// // ... read the data connection here ...
    /// let last = replies.final_reply()?;
    /// assert_eq!(last.code(), 226);
    /// assert!(retr.is_complete() && retr.is_clean());
    /// # Ok::<(), ftp_reply::ReadError>(())
    /// ```
    ///
    /// # Example: every reply with its verdict
    ///
    /// ```
    /// use ftp_reply::ReplyReader;
    /// use ftp_reply::command::{Exchange, Leniency, Role, Verdict};
    ///
    /// let mut reader = ReplyReader::new(&b"120 Wait 5 minutes.\r\n220 Ready.\r\n"[..]);
    /// let mut greeting = Exchange::greeting();
    /// let verdicts = reader
    ///     .read_for(&mut greeting)
    ///     .map(|r| r.map(|(reply, verdict)| (reply.code().as_u16(), verdict)))
    ///     .collect::<Result<Vec<_>, _>>()?;
    /// assert_eq!(verdicts, [(120, Verdict::Expected(Role::Preliminary)), (220, Verdict::Expected(Role::Success))]);
    /// // Complete: nothing more is read.
    /// assert!(reader.read_for(&mut greeting).next().is_none());
    /// # Ok::<(), ftp_reply::ReadError>(())
    /// ```
    pub fn read_for<'a>(&'a mut self, exchange: &'a mut Exchange) -> ExchangeReplies<'a, R> {
        ExchangeReplies {
            reader: self,
            exchange,
            failed: false,
        }
    }
}

/// The replies to one command, from [`ReplyReader::read_for`]: an
/// [`Iterator`] of `Result<(Reply, Verdict), ReadError>` that ends after the
/// exchange's final reply.
///
/// ```
/// use ftp_reply::ReplyReader;
/// use ftp_reply::command::{Command, Exchange, Role, Verdict};
///
/// let mut reader = ReplyReader::new(&b"150 Opening\r\n226 Done\r\n220 not for RETR\r\n"[..]);
/// let mut retr = Exchange::new(Command::Retr);
/// let roles: Vec<_> = reader.read_for(&mut retr).map(|r| r.map(|(_, v)| v)).collect::<Result<_, _>>()?;
/// assert_eq!(roles, [Verdict::Expected(Role::Preliminary), Verdict::Expected(Role::Success)]);
/// assert!(retr.is_complete()); // the 220 is left for the next exchange
/// # Ok::<(), ftp_reply::ReadError>(())
/// ```
#[derive(Debug)]
pub struct ExchangeReplies<'a, R> {
    reader: &'a mut ReplyReader<R>,
    exchange: &'a mut Exchange,
    /// An error other than a decode error was yielded: nothing more comes.
    failed: bool,
}

impl<R: BufRead> ExchangeReplies<'_, R> {
    /// Reads the remaining replies of the exchange and returns the final one.
    ///
    /// The replies before it are pushed into the exchange, whose
    /// [`findings`](Exchange::findings) keep those it did not expect; to see
    /// each one, iterate instead.
    ///
    /// # Errors
    ///
    /// The first error met, of any kind (a decode error too: the reply it
    /// hid may have been the final one). [`ReadError::ExchangeComplete`] when
    /// the exchange was already complete, so that no reply is awaited (its
    /// final reply went to an earlier call).
    ///
    /// ```
    /// use ftp_reply::{ReadError, ReplyReader};
    /// use ftp_reply::command::{Command, Exchange};
    ///
    /// let mut reader = ReplyReader::new(&b"257 \"/home/alice\" is the current directory\r\n"[..]);
    /// let mut pwd = Exchange::new(Command::Pwd);
    /// let reply = reader.read_for(&mut pwd).final_reply()?;
    /// assert_eq!(reply.code(), 257);
    /// assert!(matches!(reader.read_for(&mut pwd).final_reply(), Err(ReadError::ExchangeComplete)));
    /// # Ok::<(), ReadError>(())
    /// ```
    pub fn final_reply(mut self) -> Result<Reply, ReadError> {
        if self.exchange.is_complete() {
            return Err(ReadError::ExchangeComplete);
        }
        loop {
            let (reply, _) = self.next().ok_or(ReadError::ExchangeComplete)??;
            if self.exchange.is_complete() {
                return Ok(reply);
            }
        }
    }

    /// The exchange, as checked so far.
    ///
    /// ```
    /// use ftp_reply::ReplyReader;
    /// use ftp_reply::command::{Command, Exchange};
    /// let mut reader = ReplyReader::new(&b"150 Here\r\n"[..]);
    /// let mut list = Exchange::new(Command::List);
    /// let mut replies = reader.read_for(&mut list);
    /// replies.next();
    /// assert_eq!(replies.exchange().replies(), 1);
    /// assert!(!replies.exchange().is_complete());
    /// ```
    #[must_use]
    pub fn exchange(&self) -> &Exchange {
        self.exchange
    }
}

impl<R: BufRead> Iterator for ExchangeReplies<'_, R> {
    type Item = Result<(Reply, Verdict), ReadError>;

    /// The next reply and its verdict; `None` once the exchange is complete
    /// or after an error that ends reading.
    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.exchange.is_complete() {
            return None;
        }
        match self.reader.read_reply() {
            Ok(reply) => {
                let verdict = self.exchange.push(reply.code());
                Some(Ok((reply, verdict)))
            }
            Err(e @ ReadError::Decode(_)) => Some(Err(e)),
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

impl<R: BufRead> core::iter::FusedIterator for ExchangeReplies<'_, R> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::{Command, Leniency, Problem, Role};

    #[test]
    fn stops_at_the_final_reply() {
        let input: &[u8] = b"331 Password?\r\n230 In\r\n";
        let mut reader = ReplyReader::new(input);
        let mut user = Exchange::new(Command::User);
        let got: Vec<_> = reader.read_for(&mut user).collect();
        assert_eq!(got.len(), 1);
        // 230 is still in the reader, for the next command.
        let mut pass = Exchange::new(Command::Pass);
        assert_eq!(
            reader.read_for(&mut pass).final_reply().unwrap().code(),
            230
        );
    }

    #[test]
    fn markers_and_leniencies() {
        let input: &[u8] = b"150 Go\r\n110 MARK 1 = 2\r\n110 MARK 3 = 4\r\n200 Done\r\n";
        let mut reader = ReplyReader::new(input);
        let mut stor = Exchange::new(Command::Stor);
        let verdicts: Vec<Verdict> = reader.read_for(&mut stor).map(|r| r.unwrap().1).collect();
        assert_eq!(
            verdicts,
            [
                Verdict::Expected(Role::Preliminary),
                Verdict::Expected(Role::RestartMarker),
                Verdict::Expected(Role::RestartMarker),
                Verdict::Lenient(Role::Success, Leniency::GenericSuccess),
            ]
        );
        let mut reader = ReplyReader::new(&b"250 Bye\r\n"[..]);
        let mut quit = Exchange::new(Command::Quit);
        let (_, v) = reader.read_for(&mut quit).next().unwrap().unwrap();
        assert_eq!(v, Verdict::Unexpected(Problem::NotListed));
        assert!(quit.is_complete() && quit.has_unexpected());
    }

    #[test]
    fn decode_errors_do_not_end_the_exchange() {
        let input: &[u8] = b"150 Go\r\nGARBAGE\r\n226 Done\r\n";
        let mut reader = ReplyReader::new(input);
        let mut retr = Exchange::new(Command::Retr);
        let items: Vec<_> = reader.read_for(&mut retr).collect();
        assert_eq!(items.len(), 3);
        assert!(matches!(items[1], Err(ReadError::Decode(_))));
        assert!(retr.is_complete());
        assert_eq!(retr.replies(), 2);
        // final_reply stops at the decode error.
        let mut reader = ReplyReader::new(input);
        let mut retr = Exchange::new(Command::Retr);
        assert!(matches!(
            reader.read_for(&mut retr).final_reply(),
            Err(ReadError::Decode(_))
        ));
    }

    #[test]
    fn the_stream_ending_early_is_an_error() {
        let mut reader = ReplyReader::new(&b"150 Go\r\n"[..]);
        let mut retr = Exchange::new(Command::Retr);
        let mut replies = reader.read_for(&mut retr);
        assert!(replies.next().unwrap().is_ok());
        assert!(matches!(replies.next(), Some(Err(ReadError::Eof))));
        assert!(replies.next().is_none());
        let mut reader = ReplyReader::new(&b"150 Go\r\n226-Done\r\n"[..]);
        let mut retr = Exchange::new(Command::Retr);
        assert!(matches!(
            reader.read_for(&mut retr).final_reply(),
            Err(ReadError::Incomplete(_))
        ));
        assert!(!retr.is_complete());
    }
}
