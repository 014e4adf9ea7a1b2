//! The form's editable state as signals, and its round trip to the stored draft ([`ApplicationDraft`]).

use crate::components::candidate_form::CandidateFields;
use leptos::prelude::*;
use sourcing_core::draft::{ApplicationDraft, DraftDocument};
use sourcing_core::personio::PositionId;

/// The form's editable state, as signals.
#[derive(Clone, Copy)]
pub struct FormState {
    /// The draft's key.
    pub profile_url: StoredValue<String>,
    /// The chosen position.
    pub position: RwSignal<Option<PositionId>>,
    /// The candidate's fields.
    pub fields: CandidateFields,
    /// The tags to set.
    pub tags: RwSignal<Vec<String>>,
    /// The attached files (their bytes are in IndexedDB).
    pub documents: RwSignal<Vec<DraftDocument>>,
}

impl FormState {
    /// An empty form for `profile_url`.
    pub fn new(profile_url: String) -> Self {
        let text = || RwSignal::new(String::new());
        FormState {
            profile_url: StoredValue::new(profile_url),
            position: RwSignal::new(None),
            fields: CandidateFields {
                first_name: text(),
                last_name: text(),
                email: text(),
                phone: text(),
                location: text(),
                message: text(),
            },
            tags: RwSignal::new(Vec::new()),
            documents: RwSignal::new(Vec::new()),
        }
    }

    /// Shows `draft` in the form.
    pub fn apply(&self, draft: ApplicationDraft) {
        self.position.set(draft.job_position_id);
        self.fields.first_name.set(draft.first_name);
        self.fields.last_name.set(draft.last_name);
        self.fields.email.set(draft.email);
        self.fields.phone.set(draft.phone);
        self.fields.location.set(draft.location);
        self.fields.message.set(draft.message);
        self.tags.set(draft.tags);
        self.documents.set(draft.documents);
    }

    /// The draft (tracks every field when called in a reactive context).
    pub fn draft(&self) -> ApplicationDraft {
        ApplicationDraft {
            profile_url: self.profile_url.get_value(),
            job_position_id: self.position.get(),
            first_name: self.fields.first_name.get(),
            last_name: self.fields.last_name.get(),
            email: self.fields.email.get(),
            phone: self.fields.phone.get(),
            location: self.fields.location.get(),
            message: self.fields.message.get(),
            tags: self.tags.get(),
            documents: self.documents.get(),
            updated_at_ms: webext::clock::now_ms(),
        }
    }
}

/// Reads a file's bytes and stores them in IndexedDB under `id`; `Err` is the browser's reason.
pub async fn store_file(file: web_sys::File, id: String) -> Result<(), String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| webext::ExtError::from(e).0)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    webext::idb::put(&id, &bytes).await.map_err(|e| e.0)
}
