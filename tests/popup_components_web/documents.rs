//! The documents field: accepted by content and size, refusals named, drag-and-drop with category and
//! progress, sizes, and axe.

use super::common::{
    attr, axe_violations, click, dispatch, find, find_all, input, mount, settle, texts,
};
use leptos::prelude::*;
use popup::components::documents::{human_size, Documents};
use sourcing_core::draft::{DocumentCategory, DraftDocument};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

const ODT_MIME: &[u8] = b"application/vnd.oasis.opendocument.text";

fn zip_entry(name: &str, data: &[u8]) -> Vec<u8> {
    let mut out = b"PK\x03\x04".to_vec();
    out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(&(name.len() as u16).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(data);
    out
}

fn pdf_bytes() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".to_vec()
}

fn docx_bytes() -> Vec<u8> {
    let mut bytes = zip_entry("[Content_Types].xml", b"<Types/>");
    bytes.extend(zip_entry("word/document.xml", b"<w:document/>"));
    bytes
}

fn odt_bytes() -> Vec<u8> {
    let mut bytes = zip_entry("mimetype", ODT_MIME);
    bytes.extend(zip_entry("content.xml", b"<office:document-content/>"));
    bytes
}

fn doc_bytes() -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    bytes
}

fn file(bytes: &[u8], name: &str) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap()
}

fn zeros(len: u32, name: &str) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::new_with_length(len));
    web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap()
}

fn transfer(files: &[web_sys::File]) -> web_sys::DataTransfer {
    let transfer = web_sys::DataTransfer::new().unwrap();
    for file in files {
        transfer.items().add_with_file(file).unwrap();
    }
    transfer
}

/// Puts `files` into the hidden file input, as the picker does, and fires `change`.
fn pick_files(root: &Element, files: &[web_sys::File]) {
    let picker = input(root, "input[type='file']");
    picker.set_files(transfer(files).files().as_ref());
    dispatch(&picker, "change");
}

struct DocumentsFixture {
    root: HtmlElement,
    documents: RwSignal<Vec<DraftDocument>>,
    added: RwSignal<Vec<(String, String)>>,
    removed: RwSignal<Vec<String>>,
    progress: RwSignal<Vec<Option<f64>>>,
}

fn mount_documents() -> DocumentsFixture {
    let documents = RwSignal::new(Vec::<DraftDocument>::new());
    let added = RwSignal::new(Vec::<(String, String)>::new());
    let removed = RwSignal::new(Vec::<String>::new());
    let progress = RwSignal::new(Vec::<Option<f64>>::new());
    let on_add = Callback::new(move |(file, doc): (web_sys::File, DraftDocument)| {
        added.update(|a| a.push((file.name(), doc.id)));
    });
    let on_remove = Callback::new(move |doc: DraftDocument| removed.update(|r| r.push(doc.name)));
    let root = mount(move || {
        view! { <Documents documents=documents on_add=on_add on_remove=on_remove progress=progress /> }
    });
    DocumentsFixture {
        root,
        documents,
        added,
        removed,
        progress,
    }
}

#[wasm_bindgen_test]
async fn pdf_docx_odt_and_doc_are_accepted_by_content_with_cv_as_default_category() {
    let f = mount_documents();
    leptos::task::tick().await;
    let picker = input(&f.root, "input[type='file']");
    assert!(picker.multiple());
    assert_eq!(picker.accept(), ".pdf,.doc,.docx,.odt");
    let choose = find(&f.root, ".dropzone button");
    assert_eq!(
        choose.text_content().as_deref(),
        Some("docChoose"),
        "a real button opens the picker"
    );

    pick_files(
        &f.root,
        &[
            file(&pdf_bytes(), "CV Inès.pdf"),
            file(&docx_bytes(), "Anschreiben.DOCX"),
            file(&odt_bytes(), "Zeugnis.odt"),
            file(&doc_bytes(), "Referenz.doc"),
        ],
    );
    settle(|| f.documents.with_untracked(Vec::len) == 4).await;
    leptos::task::tick().await;

    let docs = f.documents.get_untracked();
    let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "CV Inès.pdf",
            "Anschreiben.DOCX",
            "Zeugnis.odt",
            "Referenz.doc"
        ]
    );
    let mimes: Vec<&str> = docs.iter().map(|d| d.mime.as_str()).collect();
    assert_eq!(mimes[0], "application/pdf");
    assert_eq!(mimes[2], "application/vnd.oasis.opendocument.text");
    assert!(docs
        .iter()
        .all(|d| d.category == DocumentCategory::Cv && d.id.starts_with("doc-")));
    let added: Vec<(String, String)> = docs
        .iter()
        .map(|d| (d.name.clone(), d.id.clone()))
        .collect();
    assert_eq!(
        f.added.get_untracked(),
        added,
        "each file's bytes are handed over under the row's id"
    );

    assert_eq!(texts(&f.root, ".doc-row .doc-name"), names);
    assert_eq!(texts(&f.root, ".doc-row .doc-size")[3], "512 B");
    let selects = find_all(&f.root, ".doc-row select");
    let select_names: Vec<String> = selects.iter().filter_map(|s| attr(s, "name")).collect();
    assert_eq!(
        select_names,
        vec![
            "files[0].category",
            "files[1].category",
            "files[2].category",
            "files[3].category"
        ]
    );
    for select in &selects {
        let select: &web_sys::HtmlSelectElement = select.unchecked_ref();
        assert_eq!(select.value(), "cv");
        assert_eq!(select.length(), 6);
        let label = find(&f.root, &format!("label[for='{}']", select.id()));
        assert!(label.text_content().unwrap().starts_with("docCategoryOf"));
    }
    assert_eq!(texts(&f.root, ".doc-refused"), Vec::<String>::new());
}

#[wasm_bindgen_test]
async fn refused_files_are_named_with_their_reason_and_not_added() {
    let f = mount_documents();
    leptos::task::tick().await;
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00".to_vec();
    exe.extend(b"This program cannot be run in DOS mode.");
    pick_files(
        &f.root,
        &[
            file(&exe, "CV.pdf"),
            zeros(21 * 1024 * 1024, "Portfolio.pdf"),
            file(&[], "Leer.docx"),
            file(b"hello", "notes.txt"),
            file(&docx_bytes(), "Brief.pdf"),
            file(b"just text", "Fake.odt"),
        ],
    );
    settle(|| find_all(&f.root, ".doc-refused").len() == 6).await;
    assert_eq!(
        texts(&f.root, ".doc-refused"),
        vec![
            "docRefusedExecutable CV.pdf",
            "docRefusedSize Portfolio.pdf",
            "docRefusedEmpty Leer.docx",
            "docRefusedType notes.txt",
            "docRefusedMismatch Brief.pdf .docx",
            "docRefusedContent Fake.odt .odt",
        ]
    );
    assert_eq!(
        attr(&find(&f.root, ".doc-refusals"), "role").as_deref(),
        Some("alert")
    );
    assert!(f.documents.get_untracked().is_empty());
    assert!(f.added.get_untracked().is_empty());
    assert!(find_all(&f.root, ".doc-row").is_empty());
}

#[wasm_bindgen_test]
async fn dropped_files_get_a_category_a_progress_bar_and_can_be_removed() {
    let f = mount_documents();
    leptos::task::tick().await;
    let files = [
        file(&pdf_bytes(), "Lebenslauf.pdf"),
        file(&odt_bytes(), "Arbeitsprobe.odt"),
    ];
    let init = web_sys::DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer(&files)));
    let drop = web_sys::DragEvent::new_with_event_init_dict("drop", &init).unwrap();
    let accepted = find(&f.root, ".dropzone").dispatch_event(&drop).unwrap();
    assert!(
        !accepted,
        "the drop is handled by the page, not the browser"
    );
    settle(|| f.documents.with_untracked(Vec::len) == 2).await;
    leptos::task::tick().await;

    // The same file again is refused as a duplicate.
    pick_files(&f.root, &[file(&pdf_bytes(), "Lebenslauf.pdf")]);
    settle(|| !find_all(&f.root, ".doc-refused").is_empty()).await;
    assert_eq!(
        texts(&f.root, ".doc-refused"),
        vec!["docRefusedDuplicate Lebenslauf.pdf"]
    );

    let select: web_sys::HtmlSelectElement =
        find(&f.root, "select[name='files[1].category']").unchecked_into();
    select.set_value("work-sample");
    dispatch(&select, "change");
    leptos::task::tick().await;
    assert_eq!(
        f.documents.get_untracked()[1].category,
        DocumentCategory::WorkSample
    );

    assert!(find_all(&f.root, "progress").is_empty());
    f.progress.set(vec![Some(0.4), None]);
    leptos::task::tick().await;
    let bars = find_all(&f.root, "progress");
    assert_eq!(bars.len(), 1);
    assert_eq!(
        bars[0]
            .unchecked_ref::<web_sys::HtmlProgressElement>()
            .value(),
        0.4
    );
    assert_eq!(
        attr(&bars[0], "aria-label").as_deref(),
        Some("docProgress Lebenslauf.pdf")
    );

    let remove = find(&f.root, ".doc-row button.doc-remove");
    assert_eq!(
        attr(&remove, "aria-label").as_deref(),
        Some("docRemove Lebenslauf.pdf")
    );
    click(&remove);
    leptos::task::tick().await;
    assert_eq!(f.removed.get_untracked(), vec!["Lebenslauf.pdf"]);
    let left = f.documents.get_untracked();
    assert_eq!(
        (left.len(), left[0].category),
        (1, DocumentCategory::WorkSample)
    );
    assert_eq!(
        texts(&f.root, ".doc-row .doc-name"),
        vec!["Arbeitsprobe.odt"]
    );
    assert_eq!(
        attr(&find(&f.root, ".doc-row select"), "name").as_deref(),
        Some("files[0].category")
    );
}

#[wasm_bindgen_test]
fn sizes_read_like_a_file_manager() {
    assert_eq!(human_size(812), "812 B");
    assert_eq!(human_size(48_213), "47 KB");
    assert_eq!(human_size(1_572_864), "1.5 MB");
    assert_eq!(human_size(20 * 1024 * 1024), "20.0 MB");
}

#[wasm_bindgen_test]
async fn axe_finds_nothing_in_the_documents_with_rows_a_refusal_and_progress() {
    let f = mount_documents();
    leptos::task::tick().await;
    pick_files(
        &f.root,
        &[file(&pdf_bytes(), "CV.pdf"), file(b"x", "bad.txt")],
    );
    settle(|| {
        f.documents.with_untracked(Vec::len) == 1 && !find_all(&f.root, ".doc-refused").is_empty()
    })
    .await;
    f.progress.set(vec![Some(0.5)]);
    leptos::task::tick().await;
    let violations = axe_violations(&f.root).await;
    assert!(violations.is_empty(), "{violations:#?}");
}
