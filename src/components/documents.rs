//! The documents of an application: a drop zone and a file picker, one row per attached file (name, size,
//! Personio category, remove, upload progress), and a localised reason for every refused file.
//!
//! A file is attached only when [`sourcing_core::validation`] accepts it by extension, size *and* content: the
//! size is checked first, then the first and last 64 KiB are read (`Blob.slice` + `arrayBuffer`) for the magic
//! bytes and ZIP entries. The bytes themselves are handed to the `on_add` callback (the caller persists them);
//! the rows only hold [`DraftDocument`] metadata.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sourcing_core::draft::{DocumentCategory, DraftDocument};
use sourcing_core::validation::{
    check_document_with_tail, precheck_document, DocumentError, DocumentKind, DOCUMENT_ACCEPT,
    DOCUMENT_HEAD_BYTES,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use webext::i18n::{t, t_with, ui_language};

/// A file size for people: `812 B`, `47 KB`, `1.5 MB` (`1,5 MB` where the UI language writes a decimal comma).
pub fn human_size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let size = bytes as f64;
    let text = if size < KIB {
        format!("{bytes} B")
    } else if size < KIB * KIB {
        format!("{:.0} KB", size / KIB)
    } else {
        format!("{:.1} MB", size / (KIB * KIB))
    };
    let language = ui_language();
    if ["de", "fr", "es"].iter().any(|l| language.starts_with(l)) {
        text.replace('.', ",")
    } else {
        text
    }
}

async fn read_range(blob: &web_sys::Blob, start: u64, end: u64) -> Result<Vec<u8>, JsValue> {
    let part = blob.slice_with_f64_and_f64(start as f64, end as f64)?;
    let buffer = JsFuture::from(part.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Checks a picked or dropped file: extension, emptiness and size first (without reading), then the content
/// of its first and last [`DOCUMENT_HEAD_BYTES`].
pub async fn check_file(file: &web_sys::File) -> Result<DocumentKind, DocumentError> {
    let name = file.name();
    let size = file.size() as u64;
    precheck_document(&name, size)?;
    let window = DOCUMENT_HEAD_BYTES as u64;
    let head = read_range(file, 0, size.min(window))
        .await
        .map_err(|_| DocumentError::Unreadable)?;
    let tail = if size > window {
        read_range(file, size.saturating_sub(window).max(window), size)
            .await
            .map_err(|_| DocumentError::Unreadable)?
    } else {
        Vec::new()
    };
    check_document_with_tail(&name, size, &head, &tail)
}

/// The localised message for a refused file.
pub fn refusal_message(name: &str, error: DocumentError) -> String {
    let args = error.args();
    let all: Vec<&str> = std::iter::once(name)
        .chain(args.iter().map(String::as_str))
        .collect();
    t_with(error.key(), &all)
}

/// A fresh key for a document's bytes (attached files and the CV made from the profile alike).
pub fn new_document_id() -> String {
    format!(
        "doc-{}-{:08x}",
        webext::clock::now_ms(),
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    )
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// The documents field: drop zone, file picker, one row per document, refusals.
#[component]
pub fn Documents(
    /// The attached documents (metadata; the bytes went to `on_add`).
    documents: RwSignal<Vec<DraftDocument>>,
    /// Called with each accepted file and its new row, whose `id` is the key to store the bytes under.
    on_add: Callback<(web_sys::File, DraftDocument)>,
    /// Called with a removed document (e.g. to delete its bytes).
    #[prop(optional)]
    on_remove: Option<Callback<DraftDocument>>,
    /// Upload progress per row (same order as `documents`), 0.0–1.0; `None` or missing: no bar.
    #[prop(optional, into)]
    progress: Signal<Vec<Option<f64>>>,
    /// Prefix of the element ids.
    #[prop(default = "documents")]
    id: &'static str,
) -> impl IntoView {
    let refusals = RwSignal::new(Vec::<String>::new());
    let checking = RwSignal::new(0usize);
    let dragging = RwSignal::new(false);
    let picker = NodeRef::<leptos::html::Input>::new();

    let add_files = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        refusals.set(Vec::new());
        checking.update(|n| *n += files.len());
        spawn_local(async move {
            for file in files {
                let name = file.name();
                let size = file.size() as u64;
                let duplicate = documents
                    .try_with_untracked(|docs| {
                        docs.iter().any(|d| d.name == name && d.size == size)
                    })
                    .unwrap_or(false);
                let outcome = if duplicate {
                    Err(None)
                } else {
                    check_file(&file).await.map_err(Some)
                };
                match outcome {
                    Ok(kind) => {
                        let document = DraftDocument {
                            id: new_document_id(),
                            name,
                            size,
                            category: DocumentCategory::default(),
                            mime: kind.mime().to_string(),
                        };
                        // The field may be gone when the read ends (the popup switched view).
                        if documents
                            .try_update(|docs| docs.push(document.clone()))
                            .is_some()
                        {
                            on_add.try_run((file, document));
                        }
                    }
                    Err(error) => {
                        let message = match error {
                            Some(error) => refusal_message(&name, error),
                            None => t_with("docRefusedDuplicate", &[&name]),
                        };
                        refusals.try_update(|r| r.push(message));
                    }
                }
                checking.try_update(|n| *n = n.saturating_sub(1));
            }
        });
    };

    let remove = move |document_id: String| {
        let mut removed = None;
        documents.update(|docs| {
            if let Some(at) = docs.iter().position(|d| d.id == document_id) {
                removed = Some(docs.remove(at));
            }
        });
        if let (Some(document), Some(callback)) = (removed, on_remove) {
            callback.run(document);
        }
    };
    let set_category = move |document_id: String, value: String| {
        if let Ok(category) = value.parse::<DocumentCategory>() {
            documents.update(|docs| {
                if let Some(doc) = docs.iter_mut().find(|d| d.id == document_id) {
                    doc.category = category;
                }
            });
        }
    };

    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        add_files(files_of(ev.data_transfer().and_then(|dt| dt.files())));
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        // Without this the browser opens the dropped file instead of handing it to the page.
        ev.prevent_default();
        if let Some(dt) = ev.data_transfer() {
            dt.set_drop_effect("copy");
        }
        dragging.set(true);
    };
    let on_change = move |_| {
        if let Some(input) = picker.get_untracked() {
            add_files(files_of(input.files()));
            // Picking the same file again must fire `change` again.
            input.set_value("");
        }
    };

    let hint_id = format!("{id}-hint");
    let types_id = format!("{id}-types");

    view! {
        <fieldset class="documents">
            <legend>{t("docTitle")}</legend>
            <div
                class="dropzone"
                class:dragging=move || dragging.get()
                aria-busy=move || (checking.get() > 0).then_some("true")
                on:dragenter=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragover=on_dragover
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <p id=hint_id.clone()>{t("docDropHint")}</p>
                <button
                    type="button"
                    class="secondary"
                    aria-describedby=format!("{hint_id} {types_id}")
                    on:click=move |_| {
                        if let Some(input) = picker.get_untracked() {
                            input.click();
                        }
                    }
                >
                    {t("docChoose")}
                </button>
                <p id=types_id class="hint">{t("docTypesHint")}</p>
                <input
                    type="file"
                    name="files"
                    multiple
                    hidden
                    tabindex="-1"
                    accept=DOCUMENT_ACCEPT
                    aria-label=t("docChoose")
                    node_ref=picker
                    on:change=on_change
                />
            </div>
            <p class="status" role="status">{move || (checking.get() > 0).then(|| t("docChecking"))}</p>
            <div class="doc-refusals" role="alert">
                {move || {
                    refusals.get().into_iter().map(|m| view! { <p class="error doc-refused">{m}</p> }).collect_view()
                }}
            </div>
            <ul class="doc-list" aria-label=t("docListLabel")>
                <For
                    each=move || documents.get().into_iter().enumerate()
                    key=|(index, doc)| (*index, doc.id.clone())
                    children=move |(index, doc)| {
                        let select_id = format!("{id}-{index}-category");
                        let name = doc.name.clone();
                        let doc_id = doc.id.clone();
                        let remove_id = doc.id.clone();
                        let bar = move || progress.with(|p| p.get(index).copied().flatten());
                        let bar_label = t_with("docProgress", &[&name]);
                        view! {
                            <li class="doc-row" data-id=doc.id.clone()>
                                <span class="doc-name">{doc.name.clone()}</span>
                                <span class="doc-size">{human_size(doc.size)}</span>
                                <label for=select_id.clone() class="sr-only">
                                    {t_with("docCategoryOf", &[&name])}
                                </label>
                                <select
                                    id=select_id
                                    name=format!("files[{index}].category")
                                    on:change=move |ev| set_category(doc_id.clone(), event_target_value(&ev))
                                >
                                    {DocumentCategory::ALL
                                        .into_iter()
                                        .map(|category| {
                                            view! {
                                                <option value=category.as_str() selected=category == doc.category>
                                                    {t(category.key())}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                                <button
                                    type="button"
                                    class="doc-remove"
                                    aria-label=t_with("docRemove", &[&name])
                                    on:click=move |_| remove(remove_id.clone())
                                >
                                    <span aria-hidden="true">"×"</span>
                                </button>
                                {move || {
                                    bar()
                                        .map(|value| {
                                            view! {
                                                <progress
                                                    class="doc-progress"
                                                    max="1"
                                                    value=value.clamp(0.0, 1.0)
                                                    aria-label=bar_label.clone()
                                                ></progress>
                                            }
                                        })
                                }}
                            </li>
                        }
                    }
                />
            </ul>
        </fieldset>
    }
}
