//! One module per subcommand, each a thin layer over the library.

pub mod codes;
pub mod compare;
pub mod decode;
pub mod diagnose;
pub mod explain;
pub mod generate;
pub mod transcript;
