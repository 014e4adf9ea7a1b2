//! The CV made from the profile, on the page's side: its input from what the form shows, in the recruiter's
//! UI language ([`CvInput::from_form`]); the engine, reached through `cv.js`, which this module imports only
//! when a CV is made (the popup's own wasm links no PDF code); the PDF stored in IndexedDB exactly like an
//! attached file, so the outbox uploads it like the recruiter's own documents; the preview; and whether the
//! recruiter wants it, remembered in `storage.local` (a preference of this browser profile, not of a draft).

use js_sys::{Reflect, Uint8Array};
use sourcing_core::cv::{self as core_cv, CvField, CvInput, CvLabels, NotShown, PeriodStyle};
use sourcing_core::draft::{ApplicationDraft, DocumentCategory};
use sourcing_core::outbox::{OutgoingDocument, SubmitRequest};
use sourcing_core::profile::Profile;
use sourcing_core::storage_keys::CV_ATTACH_MADE;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use webext::i18n::{t, t_with, ui_language};
use webext::storage;

#[wasm_bindgen(inline_js = "export function make_cv(json) { \
    return import('/cv.js').then((engine) => engine.makeCv(json)); }")]
extern "C" {
    /// `cv.js`'s `makeCv`: resolves to `{ pdf, pages, notShown }`, rejects with an `Error`.
    #[wasm_bindgen(catch)]
    async fn make_cv(json: &str) -> Result<JsValue, JsValue>;
}

/// A CV made in this page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MadeCv {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The file name it is sent under ("<name> – LinkedIn CV.pdf", translated).
    pub name: String,
    /// What the fonts could not show (it goes into the comment).
    pub not_shown: Vec<NotShown>,
}

/// Why no CV could be made; the detail is for the console, the recruiter sees one translated sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CvFailed(pub String);

fn detail(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Today in the recruiter's language, as it writes dates ("3 March 2026", "3. März 2026").
fn today(language: &str, now_ms: f64) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = Reflect::set(&options, &key.into(), &value.into());
    }
    let date = js_sys::Date::new(&JsValue::from_f64(now_ms));
    String::from(date.to_locale_date_string(language, &options))
}

/// The CV's input: what the form shows, in the UI language, made now.
pub fn input_of(profile: &Profile, draft: &ApplicationDraft) -> CvInput {
    let now = js_sys::Date::now();
    let language = ui_language();
    let lookup = |key: &str, args: &[&str]| t_with(key, args);
    let labels = CvLabels::localized(&language, &today(&language, now), lookup);
    CvInput::from_form(
        profile,
        draft,
        labels,
        &PeriodStyle::localized(lookup),
        now as u64,
    )
}

/// Makes the CV of what the form shows.
pub async fn make(profile: &Profile, draft: &ApplicationDraft) -> Result<MadeCv, CvFailed> {
    let input = input_of(profile, draft);
    let json = serde_json::to_string(&input).map_err(|e| CvFailed(e.to_string()))?;
    let made = make_cv(&json).await.map_err(|e| CvFailed(detail(&e)))?;
    let pdf = Reflect::get(&made, &"pdf".into())
        .ok()
        .and_then(|p| p.dyn_into::<Uint8Array>().ok())
        .map(|p| p.to_vec())
        .ok_or_else(|| CvFailed("no PDF in the engine's answer".into()))?;
    let not_shown = Reflect::get(&made, &"notShown".into())
        .ok()
        .and_then(|n| webext::json::from_js::<Vec<NotShown>>(&n).ok())
        .unwrap_or_default();
    let name = core_cv::file_name(&input.name, &input.labels.document, |name| {
        t_with("cvFileName", &[name])
    });
    Ok(MadeCv {
        pdf,
        name,
        not_shown,
    })
}

/// The label of a CV field in the comment.
fn field_label(field: CvField) -> String {
    t(match field {
        CvField::Name => "cvFieldName",
        CvField::Headline => "profHeadline",
        CvField::Location => "fieldLocation",
        CvField::About => "profAbout",
        CvField::Experience => "profExperience",
        CvField::Education => "profEducation",
        CvField::Skills => "profSkills",
        CvField::Languages => "profLanguages",
    })
}

/// Adds `made` to `request`: its bytes go to IndexedDB under a fresh document id (as an attached file's do,
/// before the outbox takes the request), the document is appended after the recruiter's own files with
/// category `cv`, and what the CV could not show is appended to the comment. Returns the document id (to
/// delete the bytes should queueing fail).
pub async fn attach(made: &MadeCv, request: &mut SubmitRequest) -> Result<String, CvFailed> {
    let id = crate::components::documents::new_document_id();
    webext::idb::put(&id, &made.pdf)
        .await
        .map_err(|e| CvFailed(e.0))?;
    request.documents.push(OutgoingDocument {
        document_id: id.clone(),
        name: made.name.clone(),
        size: made.pdf.len() as u64,
        category: DocumentCategory::Cv,
    });
    if !made.not_shown.is_empty() {
        let typed = request.candidate.message.clone().unwrap_or_default();
        let message = core_cv::message_with_not_shown(
            &typed,
            &made.not_shown,
            &t("cvNotShownComment"),
            field_label,
        );
        request.candidate.message = Some(message).filter(|m| !m.trim().is_empty());
    }
    Ok(id)
}

/// Opens `pdf` in a new tab (a `blob:` URL of this page, resolved by the browser when the tab opens, so it
/// also works from the popup, which closes when the tab takes the focus, and from the side panel).
pub fn open_preview(pdf: &[u8]) -> Result<(), CvFailed> {
    let fail = |e: JsValue| CvFailed(detail(&e));
    let parts = js_sys::Array::of1(&Uint8Array::from(pdf));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/pdf");
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let window = web_sys::window().ok_or_else(|| CvFailed("no window".into()))?;
    let opened = window
        .open_with_url_and_target(&url, "_blank")
        .map_err(fail)?;
    if opened.is_none() {
        let _ = web_sys::Url::revoke_object_url(&url);
        return Err(CvFailed("the browser did not open the preview".into()));
    }
    // The tab has taken the URL by then; in the side panel, which stays open, the blob is released.
    leptos::task::spawn_local(async move {
        webext::timer::sleep(PREVIEW_URL_MS).await;
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}

/// How long a preview's `blob:` URL stays valid.
const PREVIEW_URL_MS: u32 = 60_000;

/// Whether the recruiter wants the CV attached: on unless turned off in this browser.
pub async fn wanted() -> bool {
    storage::get(&CV_ATTACH_MADE)
        .await
        .ok()
        .flatten()
        .unwrap_or(true)
}

/// Remembers the recruiter's choice.
pub async fn remember(attach: bool) {
    let _ = storage::set(&CV_ATTACH_MADE, &attach).await;
}
