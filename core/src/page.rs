//! What the content-script shim hands over: a snapshot of the LinkedIn page's markup with its URL.

use serde::{Deserialize, Serialize};

/// A snapshot of one LinkedIn page, taken by the content-script shim in the page and sent to the
/// background worker, where extraction runs (WebAssembly cannot run under LinkedIn's CSP).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageSnapshot {
    /// `location.href` when the snapshot was taken.
    pub url: String,
    /// `document.documentElement.lang` (LinkedIn's UI language), if any.
    #[serde(default)]
    pub lang: Option<String>,
    /// `document.title`.
    #[serde(default)]
    pub title: String,
    /// The outer HTML of `<main>` (or of `<body>` when the page has no `<main>`).
    pub markup: String,
    /// The outer HTML of each embedded page-data block (`code[id^="bpr-guid-"]`, `code[id^="datalet-bpr-guid-"]`).
    #[serde(default)]
    pub embedded: Vec<String>,
}
