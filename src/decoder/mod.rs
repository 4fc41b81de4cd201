//! The sans-IO reply decoder, one concept per file:
//!
//! - [`limits`]: [`Limits`], what the decoder may hold for one reply;
//! - [`error`]: [`DecodeError`] and [`DecodeErrorKind`];
//! - [`framing`]: [`Framing`], where a multi-line reply ends;
//! - [`shell`]: [`ReplyDecoder`], the input buffer around the state machine;
//! - [`machine`]: the state machine (`Core`), with its fast path for whole
//!   lines and its general path for split lines and Telnet sequences;
//! - [`telnet`]: the Telnet bytes and states;
//! - [`line_end`]: the line-end searcher.
//!
//! The line grammar (codes, first lines, closing lines) is
//! [`crate::grammar`], shared with [`ReplyCode`](crate::ReplyCode); the
//! decoder hands out [`ReplyRef`](crate::ReplyRef) views of its buffer, which
//! [`Reply`](crate::Reply) copies.

mod error;
mod framing;
mod limits;
mod line_end;
mod machine;
mod shell;
pub(crate) mod telnet;
#[cfg(test)]
mod tests;

pub use error::{DecodeError, DecodeErrorKind};
pub use framing::Framing;
pub use limits::Limits;
pub(crate) use machine::Core;
pub use shell::ReplyDecoder;
