//! A local Personio stand-in: a real HTTP server (axum) answering as Personio's official OpenAPI
//! files and `shared/research/personio-api.md` say, for native tests, the demo and e2e runs.
//!
//! [`spawn`] starts it on `127.0.0.1` in its own thread and runtime; the returned [`Running`]
//! controls it in-process (clock, faults, inspection). The binary (`src/main.rs`) serves the same
//! router on a fixed port. See `README.md` for the seeded data and the admin endpoints.

// Handlers answer errors as ready `Response`s (`Result<_, Response>`), as axum code does.
#![allow(clippy::result_large_err)]

pub mod admin;
pub mod app;
pub mod auth;
pub mod feed;
pub mod personnel;
pub mod recruiting;
pub mod respond;
pub mod seed;
pub mod state;
#[cfg(feature = "client")]
pub mod transport;
pub mod v2read;

use std::net::SocketAddr;
use std::thread::JoinHandle;

use serde_json::Value;
use tokio::sync::oneshot;

pub use app::{router, App};
pub use state::{Config, Exchange, Faults, Modes, RecordedPart, UnknownFilters};

/// A running stand-in. Dropping it stops the server.
pub struct Running {
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// Bound address.
    pub addr: SocketAddr,
    app: App,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

/// Binds `127.0.0.1:{config.port}` and serves until the [`Running`] is dropped.
pub fn spawn(config: Config) -> Running {
    let app = App::new(config.clone());
    let std_listener =
        std::net::TcpListener::bind(("127.0.0.1", config.port)).expect("bind 127.0.0.1");
    std_listener.set_nonblocking(true).expect("nonblocking");
    let addr = std_listener.local_addr().expect("addr");
    let (tx, rx) = oneshot::channel::<()>();
    let served = app.clone();
    let thread = std::thread::Builder::new()
        .name("personio-standin".into())
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(std_listener).expect("listener");
                let _ = axum::serve(listener, router(served))
                    .with_graceful_shutdown(async {
                        let _ = rx.await;
                    })
                    .await;
            });
        })
        .expect("thread");
    Running {
        base_url: format!("http://{addr}"),
        addr,
        app,
        shutdown: Some(tx),
        thread: Some(thread),
    }
}

impl Running {
    /// The stand-in's clock (epoch ms); pass it as the client's `now_ms`.
    pub fn now_ms(&self) -> u64 {
        self.app.now()
    }

    /// Moves the stand-in's clock forward (token expiry, rate-limit windows, dates).
    pub fn advance_clock(&self, ms: u64) {
        self.app.0.clock.advance(ms as i64);
    }

    /// Sets the fault switches.
    pub fn set_faults(&self, faults: Faults) {
        self.app.world().faults = faults;
    }

    /// Clears all faults.
    pub fn clear_faults(&self) {
        self.app.world().faults = Faults::default();
    }

    /// Expires every issued token.
    pub fn expire_tokens(&self) -> usize {
        admin::expire_all(&self.app)
    }

    /// What was received (same JSON as `GET /__standin/received`).
    pub fn received(&self) -> Value {
        admin::received_json(&self.app)
    }

    /// Recorded exchanges.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.app.world().exchanges.clone()
    }

    /// Moves an application to a stage (e.g. `accepted`) now.
    pub fn move_stage(&self, application_id: &str, stage: &str) -> bool {
        admin::move_stage(&self.app, application_id, stage, None)
    }

    /// Moves an application to a stage at `at_ms`.
    pub fn move_stage_at(&self, application_id: &str, stage: &str, at_ms: u64) -> bool {
        admin::move_stage(&self.app, application_id, stage, Some(at_ms))
    }

    /// Switches the behaviour where Personio's sources are silent.
    pub fn set_modes(&self, modes: Modes) {
        self.app.world().modes = modes;
    }

    /// Re-seeds the world (modes back to the configured ones).
    pub fn reset(&self) {
        admin::reset_world(&self.app);
    }

    /// The app handle (direct state access).
    pub fn app(&self) -> &App {
        &self.app
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
