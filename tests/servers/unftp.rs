//! libunftp as an in-process server: the same scripted session against a
//! Rust FTP server library, run on a Tokio runtime in a thread of the test.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use async_trait::async_trait;
use libunftp::ServerBuilder;
use libunftp::options::Shutdown;
use unftp_core::auth::{AuthenticationError, Authenticator, Credentials, Principal};
use unftp_sbe_fs::Filesystem;

use crate::harness::{BANNER, PASSWORD};

/// `test` with the test password, and `anonymous` with any password.
#[derive(Debug)]
struct TestUsers;

#[async_trait]
impl Authenticator for TestUsers {
    async fn authenticate(
        &self,
        username: &str,
        creds: &Credentials,
    ) -> Result<Principal, AuthenticationError> {
        match username {
            "anonymous" => {}
            "test" if creds.password.as_deref() == Some(PASSWORD) => {}
            "test" => return Err(AuthenticationError::BadPassword),
            _ => return Err(AuthenticationError::BadUser),
        }
        Ok(Principal {
            username: username.to_owned(),
        })
    }
}

/// A running libunftp server; dropping it shuts the server down.
pub struct InProcess {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl InProcess {
    pub fn start(root: PathBuf, port: u16, (lo, hi): (u16, u16)) -> Result<InProcess, String> {
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let greeting: &'static str = Box::leak(BANNER.replace('\n', " / ").into_boxed_str());
        let server = ServerBuilder::with_authenticator(
            Box::new(move || Filesystem::new(root.clone()).expect("libunftp root")),
            Arc::new(TestUsers),
        )
        .greeting(greeting)
        .passive_host(Ipv4Addr::LOCALHOST)
        .passive_ports(lo..=hi)
        .shutdown_indicator(async move {
            let _ = stop_rx.await;
            Shutdown::new().grace_period(Duration::ZERO)
        })
        .build()
        .map_err(|e| format!("libunftp build: {e}"))?;
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
                .expect("tokio runtime");
            if let Err(e) = rt.block_on(server.listen(addr.to_string())) {
                eprintln!("libunftp: {e}");
            }
            rt.shutdown_timeout(Duration::from_secs(1));
        });
        Ok(InProcess {
            stop: Some(stop_tx),
            thread: Some(thread),
        })
    }
}

impl Drop for InProcess {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
