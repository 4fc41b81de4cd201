//! The payload parsers as methods of [`ReplyRef`], each one a call into the
//! line-based parser of the same name in [`payload`](crate::payload); the
//! methods of [`Reply`] go through [`Reply::view`] (one implementation).

use core::net::{SocketAddr, SocketAddrV4};

use super::{
    DataEndpoint, Features, MlstEntry, Parsed, Pathname, PayloadError, RestartMarker, SystemType,
    Timestamp,
};
use crate::{Command, RawLines, Reply, ReplyRef};

/// # What the reply says
///
/// Typed readers for the payloads of the replies clients act on; each
/// returns the value with the RFC deviations it tolerated ([`Parsed`]), or
/// a [`PayloadError`] saying what was expected where (a wrong code
/// included). See [`payload`](crate::payload) for the list and the RFCs.
impl Reply {
    /// The address of a 227 reply to PASV; see [`payload::passive_address`](crate::payload::passive_address).
    ///
    /// # Errors
    ///
    /// See [`payload::passive_address`](crate::payload::passive_address).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::payload::PassivePolicy;
    /// let reply = Reply::parse(b"227 Entering Passive Mode (10,0,0,5,156,64).\r\n")?;
    /// let advertised = reply.passive_address()?.value;
    /// assert_eq!(advertised.to_string(), "10.0.0.5:40000");
    /// // Behind NAT: connect to the control connection's host instead (the default policy).
    /// let peer = "93.184.215.14".parse()?;
    /// assert_eq!(PassivePolicy::default().connect_to(advertised.into(), peer)?.to_string(), "93.184.215.14:40000");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn passive_address(&self) -> Result<Parsed<SocketAddrV4>, PayloadError> {
        self.view().passive_address()
    }

    /// The address of a 228 reply to LPSV; see [`payload::long_passive_address`](crate::payload::long_passive_address).
    ///
    /// # Errors
    ///
    /// See [`payload::long_passive_address`](crate::payload::long_passive_address).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"228 Entering Long Passive Mode (4,4,132,235,1,2,2,24,22)\r\n")?;
    /// assert_eq!(reply.long_passive_address()?.value.to_string(), "132.235.1.2:6166");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn long_passive_address(&self) -> Result<Parsed<SocketAddr>, PayloadError> {
        self.view().long_passive_address()
    }

    /// The port of a 229 reply to EPSV; see [`payload::extended_passive_port`](crate::payload::extended_passive_port).
    ///
    /// # Errors
    ///
    /// See [`payload::extended_passive_port`](crate::payload::extended_passive_port).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"229 Entering Extended Passive Mode (|||6446|)\r\n")?;
    /// assert_eq!(reply.extended_passive_port()?.value, 6446);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extended_passive_port(&self) -> Result<Parsed<u16>, PayloadError> {
        self.view().extended_passive_port()
    }

    /// Where to connect after PASV, EPSV or LPSV (`sent`), whichever of
    /// 227, 228 or 229 came back; see [`payload::data_endpoint`](crate::payload::data_endpoint).
    ///
    /// # Errors
    ///
    /// See [`payload::data_endpoint`](crate::payload::data_endpoint).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// use ftp_reply::command::Command;
    /// use ftp_reply::payload::{DataEndpoint, Quirk};
    /// // basic-ftp#164: a 227 in answer to EPSV.
    /// let reply = Reply::parse(b"227 Entering Passive Mode (91,190,231,97,119,66).\r\n")?;
    /// let parsed = reply.data_endpoint(Command::Epsv)?;
    /// assert_eq!(parsed.value, DataEndpoint::Address("91.190.231.97:30530".parse()?));
    /// assert!(parsed.quirks.contains(Quirk::WrongReplyForCommand));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn data_endpoint(&self, sent: Command) -> Result<Parsed<DataEndpoint>, PayloadError> {
        self.view().data_endpoint(sent)
    }

    /// The path name of a 257 reply to PWD or MKD; see [`payload::pathname`](crate::payload::pathname).
    ///
    /// # Errors
    ///
    /// See [`payload::pathname`](crate::payload::pathname).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"257 \"/home/alice\" is the current directory\r\n")?;
    /// assert_eq!(reply.pathname()?.value, "/home/alice");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pathname(&self) -> Result<Parsed<Pathname<'_>>, PayloadError> {
        self.view().pathname()
    }

    /// The size of a 213 reply to SIZE; see [`payload::size`](crate::payload::size).
    ///
    /// # Errors
    ///
    /// See [`payload::size`](crate::payload::size).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// assert_eq!(Reply::parse(b"213 1830\r\n")?.size()?.value, 1830);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn size(&self) -> Result<Parsed<u64>, PayloadError> {
        self.view().size()
    }

    /// The time of a 213 reply to MDTM; see [`payload::modification_time`](crate::payload::modification_time).
    ///
    /// # Errors
    ///
    /// See [`payload::modification_time`](crate::payload::modification_time).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let t = Reply::parse(b"213 20240229130509\r\n")?.modification_time()?.value;
    /// assert_eq!(t.unix_seconds(), 1_709_211_909);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn modification_time(&self) -> Result<Parsed<Timestamp>, PayloadError> {
        self.view().modification_time()
    }

    /// The features of a 211 reply to FEAT; see [`payload::features`](crate::payload::features).
    ///
    /// # Errors
    ///
    /// See [`payload::features`](crate::payload::features).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"211-Features:\r\n MDTM\r\n SIZE\r\n211 End\r\n")?;
    /// let names: Vec<String> = reply.features()?.value.iter().map(|f| f.to_string()).collect();
    /// assert_eq!(names, ["MDTM", "SIZE"]); // not "End"
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn features(&self) -> Result<Parsed<Features<RawLines<'_>>>, PayloadError> {
        self.view().features()
    }

    /// The size a 150 or 125 reply states; see [`payload::transfer_size_hint`](crate::payload::transfer_size_hint).
    ///
    /// # Errors
    ///
    /// See [`payload::transfer_size_hint`](crate::payload::transfer_size_hint).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"150 Opening BINARY mode data connection for a.txt (1234 bytes).\r\n")?;
    /// assert_eq!(reply.transfer_size_hint()?.value, Some(1234));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn transfer_size_hint(&self) -> Result<Parsed<Option<u64>>, PayloadError> {
        self.view().transfer_size_hint()
    }

    /// The offset a 350 reply to REST states; see [`payload::restart_offset`](crate::payload::restart_offset).
    ///
    /// # Errors
    ///
    /// See [`payload::restart_offset`](crate::payload::restart_offset).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"350 Restart position accepted (1749706).\r\n")?;
    /// assert_eq!(reply.restart_offset()?.value, Some(1_749_706));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn restart_offset(&self) -> Result<Parsed<Option<u64>>, PayloadError> {
        self.view().restart_offset()
    }

    /// The markers of a 110 reply; see [`payload::restart_marker`](crate::payload::restart_marker).
    ///
    /// # Errors
    ///
    /// See [`payload::restart_marker`](crate::payload::restart_marker).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"110 MARK 1024 = 2048\r\n")?;
    /// assert_eq!(reply.restart_marker()?.value.server(), b"2048");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn restart_marker(&self) -> Result<Parsed<RestartMarker<'_>>, PayloadError> {
        self.view().restart_marker()
    }

    /// The minutes of a 120 reply; see [`payload::ready_in_minutes`](crate::payload::ready_in_minutes).
    ///
    /// # Errors
    ///
    /// See [`payload::ready_in_minutes`](crate::payload::ready_in_minutes).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"120 Service ready in 5 minutes.\r\n")?;
    /// assert_eq!(reply.ready_in_minutes()?.value, 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ready_in_minutes(&self) -> Result<Parsed<u32>, PayloadError> {
        self.view().ready_in_minutes()
    }

    /// The system type of a 215 reply to SYST; see [`payload::system_type`](crate::payload::system_type).
    ///
    /// # Errors
    ///
    /// See [`payload::system_type`](crate::payload::system_type).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"215 UNIX Type: L8\r\n")?;
    /// assert_eq!(reply.system_type()?.value.name(), b"UNIX");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn system_type(&self) -> Result<Parsed<SystemType<'_>>, PayloadError> {
        self.view().system_type()
    }

    /// The entry of a 250 reply to MLST; see [`payload::mlst_entry`](crate::payload::mlst_entry).
    ///
    /// # Errors
    ///
    /// See [`payload::mlst_entry`](crate::payload::mlst_entry).
    ///
    /// ```
    /// use ftp_reply::Reply;
    /// let reply = Reply::parse(b"250-Listing\r\n type=file;size=4096; notes.txt\r\n250 End\r\n")?;
    /// assert_eq!(reply.mlst_entry()?.value.size(), Some(4096));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mlst_entry(&self) -> Result<Parsed<MlstEntry<'_>>, PayloadError> {
        self.view().mlst_entry()
    }
}

/// The same readers on a borrowed reply, with the lifetime of the buffer it
/// borrows (see [`ReplyDecoder::next_reply_ref`](crate::ReplyDecoder::next_reply_ref)).
impl<'a> ReplyRef<'a> {
    /// As [`Reply::passive_address`](crate::Reply::passive_address), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::passive_address`](crate::payload::passive_address).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"227 Entering Passive Mode (10,0,0,5,156,64).\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.passive_address()?.value.to_string(), "10.0.0.5:40000");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn passive_address(self) -> Result<Parsed<SocketAddrV4>, PayloadError> {
        super::passive_address(self.code(), self.raw_lines())
    }

    /// As [`Reply::long_passive_address`](crate::Reply::long_passive_address), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::long_passive_address`](crate::payload::long_passive_address).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"228 Entering Long Passive Mode (4,4,132,235,1,2,2,24,22)\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.long_passive_address()?.value.to_string(), "132.235.1.2:6166");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn long_passive_address(self) -> Result<Parsed<SocketAddr>, PayloadError> {
        super::long_passive_address(self.code(), self.raw_lines())
    }

    /// As [`Reply::extended_passive_port`](crate::Reply::extended_passive_port), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::extended_passive_port`](crate::payload::extended_passive_port).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"229 Entering Extended Passive Mode (|||6446|)\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.extended_passive_port()?.value, 6446);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extended_passive_port(self) -> Result<Parsed<u16>, PayloadError> {
        super::extended_passive_port(self.code(), self.raw_lines())
    }

    /// As [`Reply::data_endpoint`](crate::Reply::data_endpoint), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::data_endpoint`](crate::payload::data_endpoint).
    ///
    /// ```
    /// use ftp_reply::command::Command;
    /// use ftp_reply::payload::DataEndpoint;
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"229 Entering Extended Passive Mode (|||6446|)\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.data_endpoint(Command::Epsv)?.value, DataEndpoint::Port(6446));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn data_endpoint(self, sent: Command) -> Result<Parsed<DataEndpoint>, PayloadError> {
        super::data_endpoint(sent, self.code(), self.raw_lines())
    }

    /// As [`Reply::pathname`](crate::Reply::pathname), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::pathname`](crate::payload::pathname).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"257 \"/home/alice\" is the current directory\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.pathname()?.value, "/home/alice");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pathname(self) -> Result<Parsed<Pathname<'a>>, PayloadError> {
        super::pathname(self.code(), self.raw_lines())
    }

    /// As [`Reply::size`](crate::Reply::size), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::size`](crate::payload::size).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"213 1830\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.size()?.value, 1830);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn size(self) -> Result<Parsed<u64>, PayloadError> {
        super::size(self.code(), self.raw_lines())
    }

    /// As [`Reply::modification_time`](crate::Reply::modification_time), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::modification_time`](crate::payload::modification_time).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"213 20240229130509\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.modification_time()?.value.unix_seconds(), 1_709_211_909);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn modification_time(self) -> Result<Parsed<Timestamp>, PayloadError> {
        super::modification_time(self.code(), self.raw_lines())
    }

    /// As [`Reply::features`](crate::Reply::features), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::features`](crate::payload::features).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"211-Features:\r\n MDTM\r\n211 End\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.features()?.value.has("MDTM"), true);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn features(self) -> Result<Parsed<Features<RawLines<'a>>>, PayloadError> {
        super::features(self.code(), self.raw_lines())
    }

    /// As [`Reply::transfer_size_hint`](crate::Reply::transfer_size_hint), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::transfer_size_hint`](crate::payload::transfer_size_hint).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"150 Opening BINARY mode data connection for a.txt (1234 bytes).\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.transfer_size_hint()?.value, Some(1234));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn transfer_size_hint(self) -> Result<Parsed<Option<u64>>, PayloadError> {
        super::transfer_size_hint(self.code(), self.raw_lines())
    }

    /// As [`Reply::restart_offset`](crate::Reply::restart_offset), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::restart_offset`](crate::payload::restart_offset).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"350 Restart position accepted (1749706).\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.restart_offset()?.value, Some(1_749_706));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn restart_offset(self) -> Result<Parsed<Option<u64>>, PayloadError> {
        super::restart_offset(self.code(), self.raw_lines())
    }

    /// As [`Reply::restart_marker`](crate::Reply::restart_marker), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::restart_marker`](crate::payload::restart_marker).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"110 MARK 1024 = 2048\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.restart_marker()?.value.server(), b"2048");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn restart_marker(self) -> Result<Parsed<RestartMarker<'a>>, PayloadError> {
        super::restart_marker(self.code(), self.raw_lines())
    }

    /// As [`Reply::ready_in_minutes`](crate::Reply::ready_in_minutes), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::ready_in_minutes`](crate::payload::ready_in_minutes).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"120 Service ready in 5 minutes.\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.ready_in_minutes()?.value, 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ready_in_minutes(self) -> Result<Parsed<u32>, PayloadError> {
        super::ready_in_minutes(self.code(), self.raw_lines())
    }

    /// As [`Reply::system_type`](crate::Reply::system_type), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::system_type`](crate::payload::system_type).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"215 UNIX Type: L8\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.system_type()?.value.name(), b"UNIX");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn system_type(self) -> Result<Parsed<SystemType<'a>>, PayloadError> {
        super::system_type(self.code(), self.raw_lines())
    }

    /// As [`Reply::mlst_entry`](crate::Reply::mlst_entry), on the borrowed reply.
    ///
    /// # Errors
    ///
    /// See [`payload::mlst_entry`](crate::payload::mlst_entry).
    ///
    /// ```
    /// use ftp_reply::ReplyDecoder;
    /// let mut decoder = ReplyDecoder::new();
    /// decoder.feed(b"250-Listing\r\n type=file;size=4096; notes.txt\r\n250 End\r\n");
    /// let reply = decoder.next_reply_ref()?.unwrap(); // borrowed from the decoder
    /// assert_eq!(reply.mlst_entry()?.value.size(), Some(4096));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mlst_entry(self) -> Result<Parsed<MlstEntry<'a>>, PayloadError> {
        super::mlst_entry(self.code(), self.raw_lines())
    }
}
