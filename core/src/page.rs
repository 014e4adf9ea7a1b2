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
    /// The outer HTML of `<main>` followed by the overlays rendered outside it (or of `<body>` when the
    /// page has no `<main>`).
    pub markup: String,
    /// The outer HTML of each embedded page-data block (`code[id^="bpr-guid-"]`,
    /// `code[id^="datalet-bpr-guid-"]`, `script#rehydrate-data`).
    #[serde(default)]
    pub embedded: Vec<String>,
    /// The content script's name for this snapshot, if it gave one: asked again with it, it answers
    /// "unchanged" while its document has not changed since ([`SnapshotRevision`]).
    #[serde(default)]
    pub revision: Option<SnapshotRevision>,
}

/// Names one snapshot a content script handed over. The content script answers a `take_snapshot` that names
/// its latest snapshot with "unchanged" (and no markup) as long as its document has not changed since: it
/// watches the document with a one-shot `MutationObserver`, started only once a snapshot was taken. Made by
/// the content script, opaque to the extension, never reused across documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SnapshotRevision(pub String);

/// The overlays the snapshot carries besides `<main>` (selector of the shim, `content-script/content.js`).
pub const OVERLAYS: &str = "[role=\"dialog\"], dialog, [data-sdui-screen]";

/// The embedded page-data blocks the snapshot carries (selector of the shim).
pub const EMBEDDED: &str =
    "code[id^=\"bpr-guid-\"], code[id^=\"datalet-bpr-guid-\"], script#rehydrate-data";

/// What the content-script shim sends for a full page, reproduced natively (for the `extract` tool and the
/// fixture tests). Contract, mirrored by `content-script/content.js`:
/// - `url`: the given URL; `lang`: `<html lang>` or `None`; `title`: `<title>` text, whitespace collapsed;
/// - `markup`: the outer HTML of the first `<main>`, followed by the outer HTML of every [`OVERLAYS`]
///   element outside `<main>` and not inside another one (LinkedIn renders the contact-info overlay at body
///   level); the outer HTML of `<body>` when the page has no `<main>`;
/// - `embedded`: the outer HTML of every [`EMBEDDED`] element.
#[cfg(feature = "page-snapshot")]
pub fn snapshot_from_document_html(html: &str, url: &str) -> PageSnapshot {
    use scraper::{ElementRef, Html, Selector};
    let doc = Html::parse_document(html);
    let sel = |css: &str| Selector::parse(css).ok();
    let all = |css: &str| -> Vec<ElementRef<'_>> {
        sel(css)
            .map(|s| doc.select(&s).collect())
            .unwrap_or_default()
    };
    let lang = doc
        .root_element()
        .value()
        .attr("lang")
        .map(str::to_string)
        .filter(|l| !l.is_empty());
    let title = all("title")
        .first()
        .map(|t| t.text().collect::<String>())
        .unwrap_or_default();
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let markup = match all("main").first() {
        Some(main) => {
            let mut m = main.html();
            let overlays = all(OVERLAYS);
            let inside = |el: &ElementRef<'_>, outer: &ElementRef<'_>| {
                el.ancestors().any(|a| a.id() == outer.id())
            };
            for overlay in &overlays {
                let nested = inside(overlay, main) || overlays.iter().any(|o| inside(overlay, o));
                if !nested {
                    m.push_str(&overlay.html());
                }
            }
            m
        }
        None => all("body").first().map(|b| b.html()).unwrap_or_default(),
    };
    let embedded = all(EMBEDDED).iter().map(|c| c.html()).collect();
    PageSnapshot {
        url: url.to_string(),
        lang,
        title,
        markup,
        embedded,
        revision: None,
    }
}
