//! Reads the content script's answer to `take_snapshot` straight from the JS object: the markup (half a
//! megabyte on a large profile) crosses into wasm as one string copy, instead of being written out by
//! `JSON.stringify` and parsed back by serde (escapes and all), as [`webext::json::from_js`] would.
//! Field for field what `PageSnapshot`'s serde form accepts: `url` and `markup` must be strings, `lang`
//! may be absent or `null`, `title` and `revision` absent, `embedded` absent or a list of strings. The
//! content script's other answer, "unchanged since the snapshot you name", is read by [`unchanged`].

use js_sys::{Array, Reflect};
use sourcing_core::page::{PageSnapshot, SnapshotRevision};
use wasm_bindgen::JsValue;
use webext::{ExtError, ExtResult};

/// A field of the answer, `None` when absent, `null` or `undefined`.
fn field(answer: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(answer, &key.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn text(answer: &JsValue, key: &str) -> ExtResult<Option<String>> {
    match field(answer, key) {
        None => Ok(None),
        Some(value) => value
            .as_string()
            .map(Some)
            .ok_or_else(|| ExtError(format!("snapshot: `{key}` is not a string"))),
    }
}

fn required(answer: &JsValue, key: &str) -> ExtResult<String> {
    text(answer, key)?.ok_or_else(|| ExtError(format!("snapshot: no `{key}`")))
}

/// The snapshot in `answer`, or why it is not one.
pub fn read(answer: &JsValue) -> ExtResult<PageSnapshot> {
    let embedded = match field(answer, "embedded") {
        None => Vec::new(),
        Some(list) if Array::is_array(&list) => Array::from(&list)
            .iter()
            .map(|item| {
                item.as_string()
                    .ok_or_else(|| ExtError("snapshot: an `embedded` block is not a string".into()))
            })
            .collect::<ExtResult<Vec<String>>>()?,
        Some(_) => return Err(ExtError("snapshot: `embedded` is not a list".into())),
    };
    Ok(PageSnapshot {
        url: required(answer, "url")?,
        lang: text(answer, "lang")?,
        title: text(answer, "title")?.unwrap_or_default(),
        markup: required(answer, "markup")?,
        embedded,
        revision: text(answer, "revision")?.map(SnapshotRevision),
    })
}

/// The revision the content script's answer says is unchanged (`{"unchanged": <revision>, "url": …}`), if
/// that is its answer, with the page's URL.
pub fn unchanged(answer: &JsValue) -> ExtResult<Option<(SnapshotRevision, String)>> {
    match text(answer, "unchanged")? {
        None => Ok(None),
        Some(revision) => Ok(Some((SnapshotRevision(revision), required(answer, "url")?))),
    }
}
