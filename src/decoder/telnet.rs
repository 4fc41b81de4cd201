//! The Telnet bytes of RFC 854 that the control connection carries (RFC 959
//! §4.2 asks for Telnet on it), and the decoder's position in a sequence.

/// Interpret As Command.
pub(crate) const IAC: u8 = 0xFF;
/// End of subnegotiation.
pub(super) const SE: u8 = 240;
/// Start of subnegotiation.
pub(super) const SB: u8 = 250;
/// The first option verb (`WILL`, then `WONT`, `DO`, `DONT`).
pub(super) const WILL: u8 = 251;
/// The last option verb.
pub(super) const DONT: u8 = 254;

/// The Telnet state at the current byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Telnet {
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
