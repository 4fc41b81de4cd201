//! `ReplyCodec` inside tokio-util's `Framed`, over an in-memory duplex
//! pipe: what the docs promise about errors and the end of the stream.
#![cfg(feature = "tokio")]

use ftp_reply::command::{Command, CommandLine};
use ftp_reply::{DecodeErrorKind, Limits, ReadError, ReplyCodec, ReplyDecoder};
use futures_util::{SinkExt, StreamExt};
use tokio::io::{AsyncReadExt, AsyncWriteExt, duplex};
use tokio_util::codec::Framed;

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(f)
}

#[test]
fn replies_in_commands_out() {
    block_on(async {
        let (client, mut server) = duplex(64);
        let mut control = Framed::new(client, ReplyCodec::new());
        server
            .write_all(b"220-Welcome\r\n220 Ready\r\n")
            .await
            .unwrap();
        let greeting = control.next().await.unwrap().unwrap();
        assert_eq!((greeting.code().as_u16(), greeting.line_count()), (220, 2));

        control
            .send(CommandLine::new(Command::Pass, Some("s3cret")).unwrap())
            .await
            .unwrap();
        let mut got = [0u8; 13];
        server.read_exact(&mut got).await.unwrap();
        assert_eq!(&got, b"PASS s3cret\r\n");

        // A reply split across many small writes (the pipe holds 64 bytes).
        let feat = format!("211-Features:\r\n{}211 End\r\n", " MDTM\r\n".repeat(40));
        let writer = tokio::spawn(async move {
            server.write_all(feat.as_bytes()).await.unwrap();
            server.write_all(b"221 Bye\r\n").await.unwrap();
            // The server closes between replies: a clean end.
        });
        let feat = control.next().await.unwrap().unwrap();
        assert_eq!(feat.line_count(), 42);
        assert_eq!(control.next().await.unwrap().unwrap().code(), 221);
        writer.await.unwrap();
        assert!(control.next().await.is_none());
    });
}

#[test]
fn closing_in_the_middle_of_a_reply_is_incomplete() {
    block_on(async {
        let (client, mut server) = duplex(256);
        let mut control = Framed::new(client, ReplyCodec::new());
        server
            .write_all(b"200 OK\r\n211-Features:\r\n MDTM\r\n")
            .await
            .unwrap();
        drop(server);
        assert_eq!(control.next().await.unwrap().unwrap().code(), 200);
        match control.next().await {
            Some(Err(ReadError::Incomplete(e))) => {
                assert_eq!(e.offset(), 8);
                assert_eq!(
                    e.kind(),
                    DecodeErrorKind::Incomplete {
                        code: Some(211.try_into().unwrap()),
                        lines: 2
                    }
                );
            }
            other => panic!("{other:?}"),
        }
    });
}

#[test]
fn after_a_decode_error_framed_yields_none_then_goes_on() {
    block_on(async {
        let (client, mut server) = duplex(4096);
        let limits = Limits::default().with_max_line_len(64);
        let mut control = Framed::new(
            client,
            ReplyCodec::new().with_decoder(ReplyDecoder::new().with_limits(limits)),
        );
        server.write_all(b"200 OK\r\n550 ").await.unwrap();
        server.write_all(&[b'x'; 1000]).await.unwrap();
        server.write_all(b"\r\n").await.unwrap();
        assert_eq!(control.next().await.unwrap().unwrap().code(), 200);
        match control.next().await {
            Some(Err(ReadError::Decode(e))) => {
                assert_eq!(e.kind(), DecodeErrorKind::LineTooLong { limit: 64 });
                assert_eq!(e.offset(), 8);
            }
            other => panic!("{other:?}"),
        }
        // tokio-util's rule: one `None` after an error.
        assert!(control.next().await.is_none());
        // Polling again reads on; the decoder skipped the long line.
        server.write_all(b"221 Bye\r\n").await.unwrap();
        assert_eq!(control.next().await.unwrap().unwrap().code(), 221);
        assert!(control.codec().decoder().buffered_len() <= 64);
    });
}
