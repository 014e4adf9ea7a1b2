//! Pure Rust core shared by the three extension parts (content script shim, background worker, popup).
//!
//! It owns everything that has no side effect: domain types ([`profile`]), the typed messages between the
//! parts ([`messages`]), LinkedIn page classification and extraction ([`linkedin`]), Personio request and
//! response types plus the transport-agnostic client ([`personio`]), input validation ([`validation`]), how long
//! candidate data is kept ([`retention`]), every storage key with its value type and restore step
//! ([`storage_keys`], the session caches' records in [`session_cache`]) and the content of the CV made from a profile ([`cv`]; the PDF engine
//! itself is the `cv` crate).
//! Everything here compiles natively (for `cargo test` and the `extract` tool) and to wasm32.

pub mod cv;
pub mod draft;
pub mod hris;
pub mod linkedin;
pub mod messages;
pub mod outbox;
pub mod page;
pub mod personio;
pub mod policy;
pub mod privacy;
pub mod profile;
pub mod retention;
pub mod session_cache;
pub mod settings;
pub mod storage_keys;
pub mod validation;

#[cfg(test)]
mod tagged_enums_tests;
