//! The payload parsers through the public API: `Reply` methods on whole
//! replies, as a client gets them, for the RFC examples, the captured
//! server sessions and every peer bug input of issue 17.

use std::net::{IpAddr, SocketAddr};

use ftp_reply::command::Command;
use ftp_reply::payload::{self, MlstEntry};
use ftp_reply::payload::{
    DataEndpoint, NatVerdict, PassivePolicy, PayloadErrorKind, Quirk, Quirks, Timestamp,
};
use ftp_reply::{Reply, ReplyCode};

fn reply(bytes: &[u8]) -> Reply {
    Reply::parse(bytes).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(bytes)))
}

fn quirks(q: &[Quirk]) -> Quirks {
    q.iter().copied().collect()
}

/// Every peer bug input of the issue with what the crate returns.
#[test]
fn peer_bug_inputs() {
    // suppaftp / jlaffaye: 227 without parentheses (sys-ftpd#7, seen through rclone).
    let p = reply(b"227 Entering Passive Mode 192,168,178,39,184,244\r\n")
        .passive_address()
        .unwrap();
    assert_eq!(
        (p.value.to_string(), p.quirks),
        (
            "192.168.178.39:47348".into(),
            quirks(&[Quirk::MissingParentheses])
        )
    );
    let p = reply(b"227 192,168,178,39,184,244\r\n")
        .passive_address()
        .unwrap();
    assert_eq!(
        (p.value.to_string(), p.quirks),
        (
            "192.168.178.39:47348".into(),
            quirks(&[Quirk::MissingParentheses])
        )
    );

    // Numbers above 255: an error, not a wrap-around.
    let e = reply(b"227 Entering Passive Mode (192,168,1,256,4,1)\r\n")
        .passive_address()
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.offset()),
        (PayloadErrorKind::NumberOutOfRange { max: 255 }, 37)
    );
    let e = reply(b"227 Entering Passive Mode (192,168,1,2,300,1)\r\n")
        .passive_address()
        .unwrap_err();
    assert_eq!(e.kind(), PayloadErrorKind::NumberOutOfRange { max: 255 });

    // FluentFTP#1793 (BulletProof FTP): `(||port|)`.
    let p = reply(b"229 Entering Extended Passive Mode (||50123|)\r\n")
        .extended_passive_port()
        .unwrap();
    assert_eq!(
        (p.value, p.quirks),
        (50123, quirks(&[Quirk::MissingDelimiter]))
    );

    // IBM i / z/OS (basic-ftp PR #87): `(!!!n!)`, allowed by RFC 2428 §3.
    let p = reply(b"229 Entering Extended Passive Mode (!!!46934!)\r\n")
        .extended_passive_port()
        .unwrap();
    assert_eq!((p.value, p.quirks), (46934, Quirks::EMPTY));

    // basic-ftp#164 and #135: a 227 in answer to EPSV.
    let p = reply(b"227 Entering Passive Mode (91,190,231,97,119,66).\r\n")
        .data_endpoint(Command::Epsv)
        .unwrap();
    assert_eq!(
        (p.value, p.quirks),
        (
            DataEndpoint::Address("91.190.231.97:30530".parse().unwrap()),
            quirks(&[Quirk::WrongReplyForCommand])
        )
    );
    let p = reply(b"227 Entering Passive Mode (91,220,214,97,201,133)\r\n")
        .data_endpoint(Command::Epsv)
        .unwrap();
    assert_eq!(
        (p.value, p.quirks),
        (
            DataEndpoint::Address("91.220.214.97:51589".parse().unwrap()),
            quirks(&[Quirk::WrongReplyForCommand])
        )
    );

    // CPython PR #127475: a 229 in answer to PASV.
    let p = reply(b"229 Entering Extended Passive Mode (|||5282|)\r\n")
        .data_endpoint(Command::Pasv)
        .unwrap();
    assert_eq!(
        (p.value, p.quirks),
        (
            DataEndpoint::Port(5282),
            quirks(&[Quirk::WrongReplyForCommand])
        )
    );

    // aioftp#85 (aioftp server, Transmit): the address on the second line.
    let p = reply(b"227-listen socket created\r\n227 (127,0,0,1,154,21)\r\n")
        .passive_address()
        .unwrap();
    assert_eq!(
        (p.value.to_string(), p.quirks),
        (
            "127.0.0.1:39445".into(),
            quirks(&[Quirk::AddressOnLaterLine])
        )
    );

    // Serv-U 15.1.3.3 (aioftp#69): a trailing `.`.
    let p = reply(b"229 Entering Extended Passive Mode (|||50006|).\r\n")
        .extended_passive_port()
        .unwrap();
    assert_eq!((p.value, p.quirks), (50006, quirks(&[Quirk::TrailingText])));

    // RFC 959 Appendix II: `""` un-doubled (FluentFTP, basic-ftp, jlaffaye, suppaftp keep it).
    let r = reply(b"257 \"/usr/dm/foo\"\"bar\" directory created.\r\n");
    let p = r.pathname().unwrap();
    assert_eq!(
        (p.value.to_string(), p.quirks),
        ("/usr/dm/foo\"bar".into(), Quirks::EMPTY)
    );

    // suppaftp#113 (Altervista): a Latin-1 257.
    let r = reply(b"257 \"/\" \xe8 la tua locazione corrente\r\n");
    let p = r.pathname().unwrap();
    assert_eq!(
        (p.value.as_bytes(), p.quirks),
        (Some(&b"/"[..]), Quirks::EMPTY)
    );
    let r = reply(b"257 \"/citt\xe0\" \xe8 la tua locazione corrente\r\n");
    let p = r.pathname().unwrap().value;
    assert_eq!(
        (p.as_bytes(), p.to_string()),
        (Some(&b"/citt\xe0"[..]), "/citt\u{FFFD}".into())
    );

    // curl#20949: a CR inside the quoted path would inject a command.
    let r = reply(b"257 \"/legitimate/path\rSTOR evil.txt\" is current directory\r\n");
    let e = r.pathname().unwrap_err();
    assert_eq!(
        (e.kind(), e.line(), e.offset()),
        (PayloadErrorKind::ControlInPath { byte: b'\r' }, 0, 21)
    );

    // suppaftp: one unindented FEAT line fails the whole FEAT there.
    let r = reply(b"211-Features:\r\n SIZE\r\nMDTM\r\n UTF8\r\n211 End\r\n");
    let p = r.features().unwrap();
    let names: Vec<String> = p.value.iter().map(|f| f.to_string()).collect();
    assert_eq!(
        (names, p.quirks),
        (
            vec!["SIZE".to_string(), "MDTM".into(), "UTF8".into()],
            quirks(&[Quirk::UnindentedFeatureLine])
        )
    );

    // ProFTPD (suppaftp#108, jlaffaye#260): `211-` on every line.
    let r = reply(b"211-Features:\r\n211-AUTH TLS\r\n211-MDTM\r\n211-REST STREAM\r\n211 End\r\n");
    let p = r.features().unwrap();
    let names: Vec<String> = p.value.iter().map(|f| f.to_string()).collect();
    assert_eq!(
        (names, p.quirks),
        (
            vec!["AUTH TLS".to_string(), "MDTM".into(), "REST STREAM".into()],
            quirks(&[Quirk::RepeatedCodePrefix])
        )
    );

    // NAT (suppaftp#16, jlaffaye PR #347): a private address from a public server.
    let peer: IpAddr = "93.184.215.14".parse().unwrap();
    let p = reply(b"227 Entering Passive Mode (10,0,0,5,156,65)\r\n")
        .data_endpoint(Command::Pasv)
        .unwrap();
    assert_eq!(p.value.verdict(peer), NatVerdict::Unroutable);
    assert_eq!(
        p.value.connect_to(peer, PassivePolicy::UseControlHost),
        Ok("93.184.215.14:40001".parse().unwrap())
    );
    assert_eq!(
        p.value.connect_to(peer, PassivePolicy::RefuseMismatch),
        Err(NatVerdict::Unroutable)
    );

    // FTP bounce: another public host, port 25.
    let p = reply(b"227 Entering Passive Mode (8,8,8,8,0,25)\r\n")
        .data_endpoint(Command::Pasv)
        .unwrap();
    assert_eq!(p.value.verdict(peer), NatVerdict::OtherHost);
    assert_eq!(
        p.value.connect_to(peer, PassivePolicy::default()),
        Ok("93.184.215.14:25".parse().unwrap())
    );
    assert_eq!(
        p.value.connect_to(peer, PassivePolicy::RefuseMismatch),
        Err(NatVerdict::OtherHost)
    );
    assert_eq!(
        p.value.connect_to(peer, PassivePolicy::TrustServer),
        Ok("8.8.8.8:25".parse().unwrap())
    );
}

#[test]
fn rfc_examples() {
    // RFC 959 §4.1.2 / RFC 1123 §4.1.2.6
    let p = reply(b"227 Entering Passive Mode (132,235,1,2,24,22)\r\n")
        .passive_address()
        .unwrap();
    assert_eq!(
        (p.value.to_string(), p.quirks),
        ("132.235.1.2:6166".into(), Quirks::EMPTY)
    );
    // RFC 2428 §3
    assert_eq!(
        reply(b"229 Entering Extended Passive Mode (|||6446|)\r\n")
            .extended_passive_port()
            .unwrap()
            .strict(),
        Ok(6446)
    );
    // RFC 1639 §2
    let p = reply(b"228 Entering Long Passive Mode (4,4,132,235,1,2,2,24,22)\r\n")
        .long_passive_address()
        .unwrap();
    assert_eq!(p.value, "132.235.1.2:6166".parse::<SocketAddr>().unwrap());
    // RFC 3659 §3.3, §4.3
    let t = reply(b"213 19980615100045.014\r\n")
        .modification_time()
        .unwrap()
        .value;
    assert_eq!(
        t,
        Timestamp::new(1998, 6, 15, 10, 0, 45, 14_000_000).unwrap()
    );
    assert_eq!(reply(b"213 1234\r\n").size().unwrap().strict(), Ok(1234));
    // RFC 959 §4.2
    let r = reply(b"110 MARK 100 = 200\r\n");
    let m = r.restart_marker().unwrap().value;
    assert_eq!((m.user(), m.server()), (&b"100"[..], &b"200"[..]));
    assert_eq!(
        reply(b"120 Service ready in 3 minutes.\r\n")
            .ready_in_minutes()
            .unwrap()
            .value,
        3
    );
    // RFC 959 §4.1.3
    let r = reply(b"215 UNIX Type: L8\r\n");
    assert!(r.system_type().unwrap().value.is_unix());
    // RFC 3659 §7.7.1
    let r =
        reply(b"250- Listing tmp\r\n Type=dir;Modify=19981107085215;Perm=el; /tmp\r\n250 End\r\n");
    let e = r.mlst_entry().unwrap().value;
    assert_eq!((e.kind(), e.path()), (Some(&b"dir"[..]), &b"/tmp"[..]));
}

#[test]
fn captured_server_sessions() {
    // FEAT and MLST replies of the captures in tests/data (ProFTPD 1.3.8, pyftpdlib 2.2.0, vsftpd 3.0.3).
    let proftpd = reply(b"211-Features:\r\n CLNT\r\n CSID\r\n EPRT\r\n EPSV\r\n HOST\r\n LANG C.UTF-8*\r\n MDTM\r\n MFF modify;UNIX.group;UNIX.mode;\r\n MFMT\r\n MLST modify*;perm*;size*;type*;unique*;UNIX.group*;UNIX.groupname*;UNIX.mode*;UNIX.owner*;UNIX.ownername*;\r\n RANG STREAM\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n UTF8\r\n211 End\r\n");
    let f = proftpd.features().unwrap();
    assert!(f.quirks.is_empty());
    assert_eq!(f.value.len(), 15);
    assert!(f.value.has_rest_stream() && f.value.has("tvfs"));
    let lang: Vec<_> = f
        .value
        .languages()
        .unwrap()
        .map(|l| (l.name_str(), l.marked))
        .collect();
    assert_eq!(lang, [(Some("C.UTF-8"), true)]);
    assert_eq!(
        f.value.mlst_facts().unwrap().filter(|m| m.marked).count(),
        10
    );

    let pyftpdlib = reply(b"211-Features supported:\r\n EPRT\r\n EPSV\r\n MDTM\r\n MFMT\r\n MLST type*;perm*;size*;modify*;unique*;unix.mode;unix.uid;unix.gid;\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n UTF8\r\n211 End FEAT.\r\n");
    let f = pyftpdlib.features().unwrap().value;
    let unmarked: Vec<_> = f
        .mlst_facts()
        .unwrap()
        .filter(|m| !m.marked)
        .map(|m| m.name)
        .collect();
    assert_eq!(unmarked, [&b"unix.mode"[..], b"unix.uid", b"unix.gid"]);

    let vsftpd = reply(b"211-Features:\r\n EPRT\r\n EPSV\r\n MDTM\r\n PASV\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n211 End\r\n");
    assert!(vsftpd.features().unwrap().value.has("PASV"));

    for (bytes, path) in [
        (&b"257 \"/\" is the current directory\r\n"[..], "/"),
        (b"257 \"/\" is the current directory.\r\n", "/"),
    ] {
        assert_eq!(reply(bytes).pathname().unwrap().value, path);
    }
    let r = reply(b"250-Start of list for /\r\n modify=20261125204120;perm=fle;type=dir;unique=FE00U992357;UNIX.group=0;UNIX.groupname=nogroup;UNIX.mode=0755;UNIX.owner=0;UNIX.ownername=ftp; /\r\n250 End of list\r\n");
    let e = r.mlst_entry().unwrap();
    assert_eq!(
        (e.value.path(), e.value.modify().unwrap().year(), e.quirks),
        (&b"/"[..], 2026, Quirks::EMPTY)
    );
}

#[test]
fn server_texts_for_transfers() {
    let cases: [(&[u8], Option<u64>, Quirks); 5] = [
        (
            b"150 Opening BINARY mode data connection for file.bin (52428800 bytes).\r\n",
            Some(52_428_800),
            Quirks::EMPTY,
        ),
        (
            b"150 Opening BINARY mode data connection for one (1 byte)\r\n",
            Some(1),
            Quirks::EMPTY,
        ),
        (
            b"150-Accepted data connection\r\n150 6516.9 kbytes to download\r\n",
            Some(6_673_306),
            quirks(&[Quirk::ApproximateSize]),
        ),
        (
            b"150 File status okay. About to open data connection.\r\n",
            None,
            Quirks::EMPTY,
        ),
        (
            b"125 Data connection already open. Transfer starting.\r\n",
            None,
            Quirks::EMPTY,
        ),
    ];
    for (bytes, size, q) in cases {
        let p = reply(bytes).transfer_size_hint().unwrap();
        assert_eq!(
            (p.value, p.quirks),
            (size, q),
            "{}",
            String::from_utf8_lossy(bytes)
        );
    }
    for (bytes, offset) in [
        (
            &b"350 Restarting at 1234. Send STORE or RETRIEVE to initiate transfer\r\n"[..],
            Some(1234),
        ),
        (b"350 Restart position accepted (1234).\r\n", Some(1234)),
        (b"350 Restarting at position 1234.\r\n", Some(1234)),
        (b"350 Ready for RNTO.\r\n", None),
    ] {
        assert_eq!(reply(bytes).restart_offset().unwrap().value, offset);
    }
}

#[test]
fn errors_name_the_expected_code() {
    let r = reply(b"550 Permission denied.\r\n");
    for (kind, expected) in [
        (r.passive_address().unwrap_err().kind(), 227),
        (r.extended_passive_port().unwrap_err().kind(), 229),
        (r.long_passive_address().unwrap_err().kind(), 228),
        (r.pathname().unwrap_err().kind(), 257),
        (r.size().unwrap_err().kind(), 213),
        (r.modification_time().unwrap_err().kind(), 213),
        (r.features().unwrap_err().kind(), 211),
        (r.transfer_size_hint().unwrap_err().kind(), 150),
        (r.restart_offset().unwrap_err().kind(), 350),
        (r.restart_marker().unwrap_err().kind(), 110),
        (r.ready_in_minutes().unwrap_err().kind(), 120),
        (r.system_type().unwrap_err().kind(), 215),
        (r.mlst_entry().unwrap_err().kind(), 250),
        (r.data_endpoint(Command::Epsv).unwrap_err().kind(), 229),
    ] {
        assert_eq!(
            kind,
            PayloadErrorKind::WrongCode {
                expected: ReplyCode::new(expected).unwrap(),
                found: r.code()
            }
        );
    }
    let e = r.pathname().unwrap_err();
    assert_eq!(
        e.to_string(),
        "unreadable reply payload at line 0, byte 0: expected a 257 reply, found 550"
    );
}

#[test]
fn line_based_entry_points_match_the_methods() {
    // The same parser over lines held elsewhere (a borrowed reply, a log).
    let bytes = b"211-Features:\r\n MDTM\r\n211 End\r\n";
    let r = reply(bytes);
    let lines: Vec<&[u8]> = bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .collect();
    let f = payload::features(ReplyCode::SYSTEM_STATUS, lines.iter().copied()).unwrap();
    assert_eq!(
        f.value.iter().collect::<Vec<_>>(),
        r.features().unwrap().value.iter().collect::<Vec<_>>()
    );
    let e = MlstEntry::parse(b"type=file;size=3; a.txt\r\n")
        .unwrap()
        .value;
    assert_eq!(e.size(), Some(3));
}

#[test]
fn a_client_flow() {
    // What a client does with EPSV, falling back to PASV, and PWD.
    let peer: IpAddr = "93.184.215.14".parse().unwrap();
    let epsv = reply(b"500 EPSV not understood\r\n");
    let addr = match epsv.data_endpoint(Command::Epsv) {
        Ok(p) => p.value.connect_to(peer, PassivePolicy::default()).unwrap(),
        Err(_) => {
            let pasv = reply(b"227 Entering Passive Mode (192,168,0,4,195,80).\r\n");
            let p = pasv.data_endpoint(Command::Pasv).unwrap();
            assert!(p.quirks.is_empty());
            p.value.connect_to(peer, PassivePolicy::default()).unwrap()
        }
    };
    assert_eq!(addr, "93.184.215.14:50000".parse().unwrap());
    let pwd = reply(b"257 \"/home/alice\" is the current directory\r\n");
    assert_eq!(
        pwd.pathname().unwrap().value.to_string_lossy(),
        "/home/alice"
    );
}
