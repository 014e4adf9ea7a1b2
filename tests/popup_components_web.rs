//! The recruiter's form components in headless Chromium (wasm-bindgen-test): the position combobox, the tag
//! chips, the documents field (by content, by size), the success view and inline validation.
//! Run with `cargo test --target wasm32-unknown-unknown -p popup --test popup_components_web`.
//!
//! Outside an extension page `t(key)` is the key itself and `t_with(key, args)` is the key followed by the
//! arguments, so the assertions look for message keys.

use leptos::prelude::*;
use popup::components::documents::{human_size, Documents};
use popup::components::position_picker::{filter, fold, PositionOption, PositionPicker};
use popup::components::success_view::{ReceiptDocument, SuccessView, TransferReceipt};
use popup::components::tags_input::TagsInput;
use sourcing_core::draft::{DocumentCategory, DraftDocument};
use sourcing_core::personio::PositionId;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

// ----- helpers -----

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn mount<F, V>(view: F) -> HtmlElement
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), view).forget();
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    find_all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

fn attr(element: &Element, name: &str) -> Option<String> {
    element.get_attribute(name)
}

fn input(root: &Element, selector: &str) -> HtmlInputElement {
    find(root, selector).unchecked_into()
}

fn dispatch(target: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn type_into(field: &HtmlInputElement, text: &str) {
    field.set_value(text);
    dispatch(field, "input");
}

fn press(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn click(target: &Element) {
    target.unchecked_ref::<HtmlElement>().click();
}

/// Lets effects run and pending promises (file reads) settle until `done` holds (at most about 2 s).
async fn settle(done: impl Fn() -> bool) {
    for _ in 0..200 {
        leptos::task::tick().await;
        if done() {
            return;
        }
        webext::timer::sleep(10).await;
    }
    panic!("the condition never held");
}

// ----- position picker -----

fn positions() -> Vec<PositionOption> {
    vec![
        PositionOption {
            id: PositionId(11),
            name: "Backend Engineer (Rust)".into(),
            detail: "Engineering · Berlin".into(),
        },
        PositionOption {
            id: PositionId(22),
            name: "Ingénieure logiciel".into(),
            detail: "R&D · Lyon".into(),
        },
        PositionOption {
            id: PositionId(33),
            name: "Office Manager".into(),
            detail: "Operations · München".into(),
        },
    ]
}

fn mount_picker(selected: RwSignal<Option<PositionId>>) -> HtmlElement {
    mount(
        move || view! { <PositionPicker positions=Signal::stored(positions()) selected=selected /> },
    )
}

fn option_values(root: &Element) -> Vec<String> {
    find_all(root, "[role='option']")
        .iter()
        .filter_map(|o| attr(o, "data-value"))
        .collect()
}

#[wasm_bindgen_test]
fn search_folds_case_and_accents() {
    assert_eq!(
        fold("Ingénieure MÜNCHEN Straße"),
        "ingenieure munchen strasse"
    );
    let ids = |q: &str| {
        filter(&positions(), q)
            .iter()
            .map(|p| p.id.get())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(""), vec![11, 22, 33]);
    assert_eq!(ids("INGENIEURE"), vec![22]);
    assert_eq!(ids("munchen"), vec![33], "matches the detail");
    assert_eq!(ids("engineer berlin"), vec![11], "every word must match");
    assert_eq!(ids("lyon backend"), Vec::<i64>::new());
}

#[wasm_bindgen_test]
fn options_are_built_from_personio_positions() {
    use sourcing_core::personio::Position;
    let position = |id: i64, name: &str, department: Option<&str>, office: Option<&str>| Position {
        id: PositionId(id),
        name: name.into(),
        department: department.map(Into::into),
        office: office.map(Into::into),
        subcompany: None,
        category: None,
    };
    let options = PositionOption::from_positions(&[
        position(7, "Backend Engineer", Some("Engineering"), Some("Berlin")),
        position(8, "Recruiter", None, Some(" München ")),
        position(-1, "Broken", None, None),
    ]);
    assert_eq!(
        options,
        vec![
            PositionOption {
                id: PositionId(7),
                name: "Backend Engineer".into(),
                detail: "Engineering · Berlin".into()
            },
            PositionOption {
                id: PositionId(8),
                name: "Recruiter".into(),
                detail: "München".into()
            },
        ]
    );
}

#[wasm_bindgen_test]
async fn the_combobox_is_labelled_and_filters_as_the_recruiter_types() {
    let selected = RwSignal::new(None);
    let root = mount_picker(selected);
    leptos::task::tick().await;
    let combo = input(&root, "[role='combobox']");
    let label = find(&root, "label");
    assert_eq!(attr(&label, "for").as_deref(), Some(combo.id().as_str()));
    let listbox = find(&root, "[role='listbox']");
    assert_eq!(attr(&combo, "aria-controls"), Some(listbox.id()));
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("false"));
    assert!(root
        .query_selector("input[type='hidden'][name='job_position_id']")
        .unwrap()
        .is_some());

    type_into(&combo, "ingenieure");
    leptos::task::tick().await;
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("true"));
    assert_eq!(option_values(&root), vec!["22"]);
    assert_eq!(
        attr(&combo, "aria-activedescendant"),
        Some("position-option-22".into())
    );

    type_into(&combo, "MÜNCHEN");
    leptos::task::tick().await;
    assert_eq!(option_values(&root), vec!["33"]);

    type_into(&combo, "Sales Paris");
    leptos::task::tick().await;
    assert!(option_values(&root).is_empty());
    assert!(find(&root, "[role='status']")
        .text_content()
        .unwrap()
        .contains("posNoMatch"));
    assert_eq!(attr(&combo, "aria-activedescendant"), None);
    assert_eq!(selected.get_untracked(), None, "typing alone picks nothing");
}

#[wasm_bindgen_test]
async fn arrows_home_end_and_enter_pick_a_position() {
    let selected = RwSignal::new(None);
    let root = mount_picker(selected);
    leptos::task::tick().await;
    let combo: Element = find(&root, "[role='combobox']");
    let active = || attr(&combo, "aria-activedescendant").unwrap_or_default();

    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("true"));
    assert_eq!(option_values(&root), vec!["11", "22", "33"]);
    assert_eq!(active(), "position-option-11");
    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(active(), "position-option-22");
    press(&combo, "End");
    leptos::task::tick().await;
    assert_eq!(active(), "position-option-33");
    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(active(), "position-option-33", "stays on the last option");
    press(&combo, "Home");
    leptos::task::tick().await;
    assert_eq!(active(), "position-option-11");
    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    let option = find(&root, "#position-option-22");
    assert!(option.class_list().contains("active"));

    press(&combo, "Enter");
    leptos::task::tick().await;
    assert_eq!(selected.get_untracked(), Some(PositionId(22)));
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(
        combo.unchecked_ref::<HtmlInputElement>().value(),
        "Ingénieure logiciel"
    );
    assert_eq!(attr(&combo, "data-value").as_deref(), Some("22"));
    assert_eq!(input(&root, "[name='job_position_id']").value(), "22");

    // Reopening shows every position again, starting at the one picked; Escape closes without changing it.
    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(option_values(&root).len(), 3);
    assert_eq!(active(), "position-option-22");
    assert_eq!(
        attr(&find(&root, "#position-option-22"), "aria-selected").as_deref(),
        Some("true")
    );
    press(&combo, "Escape");
    leptos::task::tick().await;
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(selected.get_untracked(), Some(PositionId(22)));
}

#[wasm_bindgen_test]
async fn a_click_picks_and_emptying_the_input_clears_the_pick() {
    let selected = RwSignal::new(None);
    let root = mount_picker(selected);
    leptos::task::tick().await;
    let combo = input(&root, "[role='combobox']");
    type_into(&combo, "office");
    leptos::task::tick().await;
    click(&find(&root, "#position-option-33"));
    leptos::task::tick().await;
    assert_eq!(selected.get_untracked(), Some(PositionId(33)));
    assert_eq!(combo.value(), "Office Manager");
    type_into(&combo, "");
    leptos::task::tick().await;
    assert_eq!(selected.get_untracked(), None);
    assert_eq!(input(&root, "[name='job_position_id']").value(), "");
}

#[wasm_bindgen_test]
async fn loading_and_load_errors_are_shown() {
    let loading = RwSignal::new(true);
    let load_error = RwSignal::new(None::<String>);
    let list = RwSignal::new(Vec::<PositionOption>::new());
    let selected = RwSignal::new(Some(PositionId(22)));
    let root = mount(move || {
        view! { <PositionPicker positions=list selected=selected loading=loading load_error=load_error /> }
    });
    leptos::task::tick().await;
    let combo = input(&root, "[role='combobox']");
    assert!(find(&root, "[role='status']")
        .text_content()
        .unwrap()
        .contains("posLoading"));
    assert_eq!(attr(&combo, "aria-busy").as_deref(), Some("true"));

    // The positions arrive after the restored selection: its name shows up.
    list.set(positions());
    loading.set(false);
    leptos::task::tick().await;
    assert_eq!(combo.value(), "Ingénieure logiciel");
    assert_eq!(attr(&combo, "aria-busy"), None);

    load_error.set(Some("Personio did not answer".into()));
    leptos::task::tick().await;
    assert!(texts(&root, "[role='alert']")
        .iter()
        .any(|t| t == "Personio did not answer"));
}

// ----- tags -----

fn chips(root: &Element) -> Vec<String> {
    find_all(root, ".chip")
        .iter()
        .filter_map(|c| attr(c, "data-tag"))
        .collect()
}

#[wasm_bindgen_test]
async fn tags_are_added_with_enter_or_comma_and_removed_with_backspace_or_their_button() {
    let tags = RwSignal::new(vec!["Rust".to_string()]);
    let suggestions = Signal::stored(vec![
        "rust".to_string(),
        "Backend".to_string(),
        "Remote".to_string(),
    ]);
    let root = mount(move || view! { <TagsInput tags=tags suggestions=suggestions /> });
    leptos::task::tick().await;
    let field = input(&root, "input[name='tags']");
    assert_eq!(attr(&find(&root, "label"), "for"), Some(field.id()));
    let offered: Vec<String> = find_all(&root, "datalist option")
        .iter()
        .filter_map(|o| attr(o, "value"))
        .collect();
    assert_eq!(
        offered,
        vec!["Backend", "Remote"],
        "present tags are not suggested"
    );

    type_into(&field, "  Senior  Backend ");
    press(&field, "Enter");
    leptos::task::tick().await;
    assert_eq!(chips(&root), vec!["Rust", "Senior Backend"]);
    assert_eq!(field.value(), "");

    type_into(&field, "Remote");
    press(&field, ",");
    leptos::task::tick().await;
    assert_eq!(
        tags.get_untracked(),
        vec!["Rust", "Senior Backend", "Remote"]
    );

    // A duplicate (ignoring case) is refused with an inline message.
    type_into(&field, "RUST");
    press(&field, "Enter");
    leptos::task::tick().await;
    assert_eq!(tags.get_untracked().len(), 3);
    let error = find(&root, ".field-error");
    assert_eq!(attr(&error, "data-key").as_deref(), Some("valTagDuplicate"));
    assert_eq!(attr(&field, "aria-invalid").as_deref(), Some("true"));
    assert!(attr(&field, "aria-describedby")
        .unwrap()
        .split(' ')
        .any(|id| id == error.id()));

    // Pasting a list adds its complete items.
    type_into(&field, "Go, Kotlin, Jav");
    leptos::task::tick().await;
    assert_eq!(
        chips(&root),
        vec!["Rust", "Senior Backend", "Remote", "Go", "Kotlin"]
    );
    assert_eq!(field.value(), "Jav");
    assert_eq!(attr(&find(&root, ".field-error"), "data-key"), None);

    // Backspace removes the last chip only when the input is empty.
    press(&field, "Backspace");
    leptos::task::tick().await;
    assert_eq!(chips(&root).len(), 5);
    type_into(&field, "");
    press(&field, "Backspace");
    leptos::task::tick().await;
    assert_eq!(chips(&root), vec!["Rust", "Senior Backend", "Remote", "Go"]);

    // Each chip has its own labelled remove button.
    let remove = find(&root, ".chip[data-tag='Senior Backend'] button");
    assert_eq!(
        attr(&remove, "aria-label").as_deref(),
        Some("tagsRemove Senior Backend")
    );
    click(&remove);
    leptos::task::tick().await;
    assert_eq!(tags.get_untracked(), vec!["Rust", "Remote", "Go"]);
    assert!(find(&root, ".tags-input [role='status']")
        .text_content()
        .unwrap()
        .contains("tagsRemoved"));
}

// ----- documents -----

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

// ----- success view -----

#[wasm_bindgen_test]
async fn the_success_view_lists_exactly_what_was_sent() {
    let receipt = TransferReceipt {
        position_name: "Backend Engineer (Rust)".into(),
        position_id: PositionId(11),
        fields: vec![
            ("fieldFirstName".into(), "Inès".into()),
            ("fieldLastName".into(), "Duval-Okoye".into()),
            ("fieldEmail".into(), "ines@example.com".into()),
        ],
        tags: vec!["Rust".into(), "Remote".into()],
        documents: vec![
            ReceiptDocument {
                name: "CV.pdf".into(),
                category: DocumentCategory::Cv,
                size: 48_213,
            },
            ReceiptDocument {
                name: "Probe.odt".into(),
                category: DocumentCategory::WorkSample,
                size: 900,
            },
        ],
        application_id: Some("98765".into()),
        candidate_url: Some("https://example.personio.de/recruiting/applications/98765".into()),
    };
    let next = RwSignal::new(0);
    let on_next = Callback::new(move |_| next.update(|n| *n += 1));
    let root = mount(move || view! { <SuccessView receipt=receipt on_next=on_next /> });
    leptos::task::tick().await;

    assert_eq!(
        texts(&root, "dl.receipt > dt"),
        vec![
            "posLabel",
            "fieldFirstName",
            "fieldLastName",
            "fieldEmail",
            "tagsLabel",
            "docTitle",
            "successApplicationId"
        ]
    );
    let position = find(&root, "dd[data-field='job_position_id']");
    assert!(position
        .text_content()
        .unwrap()
        .contains("Backend Engineer (Rust)"));
    assert_eq!(attr(&position, "data-value").as_deref(), Some("11"));
    assert_eq!(
        find(&root, "dd[data-label='fieldEmail']")
            .text_content()
            .as_deref(),
        Some("ines@example.com")
    );
    assert_eq!(texts(&root, ".receipt-tags li"), vec!["Rust", "Remote"]);
    let documents = find_all(&root, ".receipt-documents li");
    let categories: Vec<String> = documents
        .iter()
        .filter_map(|d| attr(d, "data-category"))
        .collect();
    assert_eq!(categories, vec!["cv", "work-sample"]);
    assert_eq!(
        texts(&root, ".receipt-documents .doc-category"),
        vec!["docCatCv", "docCatWorkSample"]
    );
    assert_eq!(
        texts(&root, ".receipt-documents .doc-size"),
        vec!["47 KB", "900 B"]
    );
    assert_eq!(
        find(&root, "dd[data-field='application_id']")
            .text_content()
            .as_deref(),
        Some("98765")
    );
    let link = find(&root, "a.candidate-link");
    assert_eq!(
        attr(&link, "href").as_deref(),
        Some("https://example.personio.de/recruiting/applications/98765")
    );

    let title = find(&root, "#success-title");
    assert_eq!(
        document().active_element(),
        Some(title),
        "focus moves to the result"
    );
    click(&find(&root, "button"));
    assert_eq!(next.get_untracked(), 1);
}

#[wasm_bindgen_test]
fn a_receipt_lists_what_reached_personio() {
    use sourcing_core::outbox::{
        PositionChoice, Transferred, TransferredDocument, TransferredField,
    };
    let field = |field: &str, value: &str| TransferredField {
        field: field.into(),
        value: value.into(),
    };
    let transferred = Transferred {
        position: PositionChoice {
            id: PositionId(22),
            name: "Ingénieure logiciel".into(),
        },
        fields: vec![
            field("first_name", "Inès"),
            field("email", "ines@example.com"),
            field("attributes.phone", "+33 6 00 00 00 00"),
            field(
                "attributes.custom_attribute_1001",
                "https://www.linkedin.com/in/ines-duval/",
            ),
        ],
        tags: vec!["Rust".into()],
        documents: vec![TransferredDocument {
            name: "CV.pdf".into(),
            category: DocumentCategory::Cv,
            size: 10,
        }],
        application_id: Some("77".into()),
        profile_url: "https://www.linkedin.com/in/ines-duval/".into(),
        sourced_on: Some("2026-12-02".into()),
    };
    let receipt = TransferReceipt::from_transferred(&transferred);
    assert_eq!(
        (receipt.position_id, receipt.position_name.as_str()),
        (PositionId(22), "Ingénieure logiciel")
    );
    let labels: Vec<&str> = receipt.fields.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "fieldFirstName",
            "fieldEmail",
            "fieldPhone",
            "fieldLinkedinUrl"
        ]
    );
    assert_eq!(receipt.tags, vec!["Rust"]);
    assert_eq!(receipt.documents[0].category, DocumentCategory::Cv);
    assert_eq!(receipt.application_id.as_deref(), Some("77"));
}

// ----- inline validation in the candidate form -----

/// Mounts the candidate form with its fields prefilled from `profile`, as the form page does.
fn mount_candidate_form(profile: sourcing_core::profile::Profile) -> HtmlElement {
    use popup::components::candidate_form::{CandidateFields, CandidateForm};
    let text = |field: &sourcing_core::profile::Field<String>| {
        RwSignal::new(field.value.clone().unwrap_or_default())
    };
    let fields = CandidateFields {
        first_name: text(&profile.first_name),
        last_name: text(&profile.last_name),
        email: RwSignal::new(String::new()),
        phone: RwSignal::new(String::new()),
        location: text(&profile.location),
        message: RwSignal::new(String::new()),
    };
    let server_errors = Signal::stored(Vec::<(String, String)>::new());
    mount(move || {
        view! { <CandidateForm profile=profile fields=fields server_errors=server_errors /> }
    })
}

#[wasm_bindgen_test]
async fn the_candidate_form_validates_as_the_recruiter_types() {
    use sourcing_core::profile::{Field, Profile};
    let profile = Profile {
        first_name: Field::visible("Inès".into()),
        last_name: Field::visible("Duval".into()),
        ..Profile::default()
    };
    let root = mount_candidate_form(profile);
    leptos::task::tick().await;
    let email = input(&root, "input[name='email']");
    let email_error = find(&root, "#email-error");
    assert_eq!(
        attr(&email, "aria-describedby").as_deref(),
        Some("email-error")
    );
    assert_eq!(attr(&email, "aria-required").as_deref(), Some("true"));
    assert_eq!(
        attr(&email_error, "data-key"),
        None,
        "an untouched empty field shows nothing"
    );

    type_into(&email, "ines.duval");
    leptos::task::tick().await;
    assert_eq!(
        attr(&email_error, "data-key").as_deref(),
        Some("valEmailMissingAt")
    );
    assert_eq!(attr(&email, "aria-invalid").as_deref(), Some("true"));
    type_into(&email, "ines.duval@example");
    leptos::task::tick().await;
    assert_eq!(
        attr(&email_error, "data-key").as_deref(),
        Some("valEmailDomainNoDot")
    );
    type_into(&email, "ines.duval@example.fr");
    leptos::task::tick().await;
    assert_eq!(attr(&email_error, "data-key"), None);
    assert_eq!(attr(&email, "aria-invalid"), None);

    // Emptied and left: the required message.
    type_into(&email, "");
    dispatch(&email, "blur");
    leptos::task::tick().await;
    assert_eq!(
        attr(&email_error, "data-key").as_deref(),
        Some("valEmailRequired")
    );

    let first = input(&root, "input[name='first_name']");
    type_into(&first, "  ");
    leptos::task::tick().await;
    assert_eq!(
        attr(&find(&root, "#first_name-error"), "data-key").as_deref(),
        Some("valFirstNameRequired")
    );

    let phone = input(&root, "input[name='phone']");
    type_into(&phone, "+49 170");
    leptos::task::tick().await;
    assert_eq!(
        attr(&find(&root, "#phone-error"), "data-key").as_deref(),
        Some("valPhoneTooShort")
    );
    assert_eq!(attr(&phone, "aria-required"), None, "the phone is optional");
}

// ----- accessibility: axe-core on every view -----
//
// axe-core comes from `node_modules/` (`cargo xtask` installs it, see package.json) and runs against each
// component in its busiest state, styled with the popup's stylesheet (so colour contrast is checked too).
// The page-level `region` rule is off: components are mounted outside the popup's landmarks here.

const AXE_SOURCE: &str = include_str!("../node_modules/axe-core/axe.min.js");

fn axe() -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(&js_sys::global(), &"axe".into())
        .ok()
        .filter(|a| !a.is_undefined())
}

/// Injects axe-core and the popup stylesheet once per page.
fn load_axe() -> wasm_bindgen::JsValue {
    if let Some(axe) = axe() {
        return axe;
    }
    let doc = document();
    let style = doc.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../static/popup.css")));
    doc.head().unwrap().append_child(&style).unwrap();
    let script = doc.create_element("script").unwrap();
    script.set_text_content(Some(AXE_SOURCE));
    doc.head().unwrap().append_child(&script).unwrap();
    axe().expect("axe-core did not load")
}

/// The axe violations inside `root`, each as `rule id: html of the first node`.
async fn axe_violations(root: &Element) -> Vec<String> {
    let axe = load_axe();
    let run: js_sys::Function = js_sys::Reflect::get(&axe, &"run".into())
        .unwrap()
        .unchecked_into();
    let options = js_sys::JSON::parse(r#"{"rules":{"region":{"enabled":false}}}"#).unwrap();
    let promise: js_sys::Promise = run.call2(&axe, root, &options).unwrap().unchecked_into();
    let result = wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    let violations: js_sys::Array = js_sys::Reflect::get(&result, &"violations".into())
        .unwrap()
        .unchecked_into();
    violations
        .iter()
        .map(|v| {
            let text = js_sys::JSON::stringify(&v)
                .unwrap()
                .as_string()
                .unwrap_or_default();
            text.chars().take(1200).collect()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn axe_finds_nothing_in_the_open_position_picker_with_an_error() {
    load_axe();
    let selected = RwSignal::new(Some(PositionId(22)));
    let error = popup::components::field_error::FieldMessage::Key("valPositionRequired");
    let root = mount(move || {
        view! { <PositionPicker positions=Signal::stored(positions()) selected=selected error=error /> }
    });
    leptos::task::tick().await;
    let combo = find(&root, "[role='combobox']");
    combo.unchecked_ref::<HtmlElement>().focus().unwrap();
    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("true"));
    let violations = axe_violations(&root).await;
    assert!(violations.is_empty(), "{violations:#?}");
}

#[wasm_bindgen_test]
async fn axe_finds_nothing_in_the_tags_with_chips_and_an_error() {
    let tags = RwSignal::new(vec!["Rust".to_string(), "Remote".to_string()]);
    let root = mount(
        move || view! { <TagsInput tags=tags suggestions=Signal::stored(vec!["Go".to_string()]) /> },
    );
    leptos::task::tick().await;
    let field = input(&root, "input[name='tags']");
    type_into(&field, "rust");
    press(&field, "Enter");
    leptos::task::tick().await;
    let violations = axe_violations(&root).await;
    assert!(violations.is_empty(), "{violations:#?}");
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

#[wasm_bindgen_test]
async fn axe_finds_nothing_in_the_success_view() {
    let receipt = TransferReceipt {
        position_name: "Backend".into(),
        position_id: PositionId(1),
        fields: vec![("fieldEmail".into(), "a@b.co".into())],
        tags: vec!["Rust".into()],
        documents: vec![ReceiptDocument {
            name: "CV.pdf".into(),
            category: DocumentCategory::Cv,
            size: 10,
        }],
        application_id: Some("9".into()),
        candidate_url: Some("https://x.personio.de/a".into()),
    };
    let root =
        mount(move || view! { <SuccessView receipt=receipt on_next=Callback::new(|_| ()) /> });
    leptos::task::tick().await;
    let violations = axe_violations(&root).await;
    assert!(violations.is_empty(), "{violations:#?}");
}

#[wasm_bindgen_test]
async fn axe_finds_nothing_in_the_candidate_form_with_inline_errors_and_flags_an_unlabelled_input()
{
    let root = mount_candidate_form(sourcing_core::profile::Profile::default());
    leptos::task::tick().await;
    type_into(&input(&root, "input[name='email']"), "x@y");
    type_into(&input(&root, "input[name='phone']"), "12");
    leptos::task::tick().await;
    let violations = axe_violations(&root).await;
    assert!(violations.is_empty(), "{violations:#?}");
    // The scan does find problems: an input without a label.
    root.append_child(&document().create_element("input").unwrap())
        .unwrap();
    let violations = axe_violations(&root).await;
    assert!(
        violations.iter().any(|v| v.contains(r#""id":"label""#)),
        "{violations:#?}"
    );
}

// ----- keyboard: Escape in the position list, the tags with the comment -----

#[wasm_bindgen_test]
async fn escape_is_handled_only_while_the_list_is_open() {
    let selected = RwSignal::new(None);
    let root = mount_picker(selected);
    leptos::task::tick().await;
    let combo = input(&root, "[role='combobox']");
    let escape = || {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Escape");
        init.set_bubbles(true);
        init.set_cancelable(true);
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()
    };
    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("true"));
    // Chrome closes an extension popup on an Escape whose default is not prevented.
    let open_escape = escape();
    combo.dispatch_event(&open_escape).unwrap();
    leptos::task::tick().await;
    assert!(
        open_escape.default_prevented(),
        "an open list takes the Escape"
    );
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("false"));
    let closed_escape = escape();
    combo.dispatch_event(&closed_escape).unwrap();
    assert!(
        !closed_escape.default_prevented(),
        "with the list closed, Escape is left to the browser (it closes the popup)"
    );
}

#[wasm_bindgen_test]
async fn what_goes_with_the_comment_follows_it() {
    use popup::components::candidate_form::{CandidateFields, CandidateForm};
    let text = || RwSignal::new(String::new());
    let fields = CandidateFields {
        first_name: text(),
        last_name: text(),
        email: text(),
        phone: text(),
        location: text(),
        message: text(),
    };
    let tags = RwSignal::new(Vec::<String>::new());
    let root = mount(move || {
        view! {
            <CandidateForm profile=sourcing_core::profile::Profile::default() fields=fields
                server_errors=Signal::stored(Vec::new())>
                <TagsInput tags=tags />
            </CandidateForm>
        }
    });
    leptos::task::tick().await;
    let names: Vec<String> = find_all(&root, "input[name], textarea[name]")
        .iter()
        .filter_map(|e| attr(e, "name"))
        .collect();
    assert_eq!(
        names,
        [
            "first_name",
            "last_name",
            "email",
            "phone",
            "location",
            "message",
            "tags"
        ]
    );
}

// ----- the CV made from the profile: the choice and the preview -----

#[wasm_bindgen_test]
async fn the_made_cv_choice_is_a_labelled_checkbox_with_a_preview_button() {
    use popup::components::made_cv_option::MadeCvOption;
    let attach = RwSignal::new(true);
    let making = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let previews = RwSignal::new(0);
    let root = mount(move || {
        view! {
            <MadeCvOption attach=attach making=making message=message
                on_preview=Callback::new(move |_| previews.update(|n| *n += 1)) />
        }
    });
    leptos::task::tick().await;
    let checkbox = input(&root, "#attach-made-cv");
    assert!(checkbox.checked());
    assert_eq!(texts(&root, "label[for='attach-made-cv']"), ["cvAttach"]);
    assert_eq!(
        attr(&checkbox, "aria-describedby").as_deref(),
        Some("made-cv-hint")
    );
    click(&checkbox);
    leptos::task::tick().await;
    assert!(!attach.get_untracked(), "unchecking turns the CV off");
    attach.set(true);
    leptos::task::tick().await;
    assert!(
        checkbox.checked(),
        "the checkbox follows the remembered choice"
    );

    let button = find(&root, "#preview-made-cv");
    click(&button);
    assert_eq!(previews.get_untracked(), 1);
    making.set(true);
    leptos::task::tick().await;
    assert!(button.has_attribute("disabled"), "one preview at a time");
    assert_eq!(texts(&root, ".made-cv [role='status']"), ["cvMaking"]);
    making.set(false);
    message.set(Some("cvPreviewFailed".into()));
    leptos::task::tick().await;
    assert_eq!(texts(&root, "#made-cv-error"), ["cvPreviewFailed"]);
    assert_eq!(
        attr(&find(&root, "#made-cv-error"), "role").as_deref(),
        Some("alert")
    );
}
