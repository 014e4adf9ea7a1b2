//! The application form for one profile: position, candidate, comment, tags and documents; the draft saved as
//! the recruiter types and restored when the popup opens again (attached files included, their bytes are in
//! IndexedDB); "Create application", which queues the application in the background's outbox; then the
//! job's progress, waits (429, offline, 5xx: kept in the outbox, retried automatically), errors shown at the
//! field they concern, and the success view listing exactly what was transferred. "Discard draft" deletes
//! the draft and its files and starts again from the profile. At the top, "Already in Personio?"
//! ([`KnownCandidate`]): the candidate Personio holds for this profile or the typed e-mail; "Add to another
//! position" puts their e-mail into the form and marks the positions they applied to in the picker.
//!
//! The CV made from the profile ([`crate::made_cv`]) is made on "Create application" when the recruiter
//! keeps it on (Documents tab), stored like an attached file and queued with the recruiter's own files; if it
//! cannot be made, the form says so and offers to create without it. Keyboard: Ctrl+Enter (Cmd+Enter)
//! creates, Alt+1 / Alt+2 switch to the Candidate / Documents tab, Esc closes the position list; a line at
//! the bottom of the form lists them.

use crate::bridge;
use crate::components::candidate_form::{
    CandidateFields, CandidateForm, ProfileDetails, ProfileHeader,
};
use crate::components::candidate_notice::NoticeSubject;
use crate::components::confirm::ConfirmButton;
use crate::components::documents::Documents;
use crate::components::field_error::FieldMessage;
use crate::components::known_candidate::{adds_to, applied_positions, KnownCandidate};
use crate::components::made_cv_option::MadeCvOption;
use crate::components::personio_lookup::DuplicateNotice;
use crate::components::position_picker::{PositionOption, PositionPicker};
use crate::components::success_view::{SuccessView, TransferReceipt};
use crate::components::tags_input::TagsInput;
use crate::job_status::{field_errors, JobStatus};
use crate::made_cv;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sourcing_core::draft::{ApplicationDraft, DraftDocument};
use sourcing_core::messages::{PopupRequest, PopupResponse};
use sourcing_core::outbox::{JobView, SubmitRequest};
use sourcing_core::personio::{
    CandidateLookup, DuplicateCheck, PersonioError, Position, PositionId, SubmissionStatus,
};
use sourcing_core::profile::Profile;
use sourcing_core::storage_keys::DRAFTS;
use webext::i18n::{t, t_with};
use webext::storage;

/// How often the form asks the background about a running job.
const POLL_MS: u32 = 400;
/// The duplicate check waits this long after the last change of the e-mail or the position.
const DUPLICATE_DEBOUNCE_MS: u32 = 400;
/// "Already in Personio?" looks the typed e-mail up this long after its last change.
const LOOKUP_DEBOUNCE_MS: u32 = 600;

/// The form's editable state, as signals.
#[derive(Clone, Copy)]
struct FormState {
    profile_url: StoredValue<String>,
    position: RwSignal<Option<PositionId>>,
    fields: CandidateFields,
    tags: RwSignal<Vec<String>>,
    documents: RwSignal<Vec<DraftDocument>>,
}

impl FormState {
    fn new(profile_url: String) -> Self {
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

    fn apply(&self, draft: ApplicationDraft) {
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
    fn draft(&self) -> ApplicationDraft {
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

async fn load_positions() -> Result<Vec<Position>, String> {
    match bridge::request(&PopupRequest::ListPositions { refresh: false }).await? {
        PopupResponse::Positions { positions } => Ok(positions),
        // Only the career-site feed says what is published: say how to switch it on.
        PopupResponse::Personio {
            error: PersonioError::FeedUnavailable { tried },
        } => Err(t_with("posFeedUnavailable", &[&tried.join(" / ")])),
        PopupResponse::Personio { error } => Err(t_with("posLoadFailed", &[&error.to_string()])),
        other => Err(format!("{other:?}")),
    }
}

/// The tags new forms start with (settings or admin policy); none when the background cannot tell.
async fn default_tags() -> Vec<String> {
    match bridge::request(&PopupRequest::GetSetup).await {
        Ok(PopupResponse::Setup { setup }) => setup.settings.default_tags,
        _ => Vec::new(),
    }
}

async fn unfinished_job_for(profile_url: &str) -> Option<JobView> {
    match bridge::request(&PopupRequest::ListJobs).await.ok()? {
        PopupResponse::Jobs { jobs } => jobs.into_iter().find(|j| {
            j.profile_url == profile_url
                && matches!(
                    j.status,
                    SubmissionStatus::Pending | SubmissionStatus::Waiting { .. }
                )
        }),
        _ => None,
    }
}

/// The id of each tab's button, by tab index (0: Candidate, 1: Documents).
const TAB_IDS: [&str; 2] = ["tab-candidate", "tab-documents"];

/// Shows tab `index` and moves the focus to its tab button.
fn select_tab(tab: RwSignal<u8>, index: u8) {
    tab.set(index);
    let Some(id) = TAB_IDS.get(usize::from(index)) else {
        return;
    };
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&element).focus();
    }
}

/// A keyboard shortcut of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Ctrl+Enter, Cmd+Enter on macOS: "Create application".
    Create,
    /// Alt+1 / Alt+2: that tab.
    Tab(u8),
}

impl Shortcut {
    /// The shortcut of a key press, if any. Alt+digit is read from the key's position (`code`), since on
    /// macOS Option+1 types "¡".
    pub fn of(ev: &web_sys::KeyboardEvent) -> Option<Shortcut> {
        let (ctrl, meta, alt, shift) = (ev.ctrl_key(), ev.meta_key(), ev.alt_key(), ev.shift_key());
        if ev.key() == "Enter" && (ctrl || meta) && !alt && !shift {
            return Some(Shortcut::Create);
        }
        if alt && !ctrl && !meta && !shift {
            return match ev.code().as_str() {
                "Digit1" | "Numpad1" => Some(Shortcut::Tab(0)),
                "Digit2" | "Numpad2" => Some(Shortcut::Tab(1)),
                _ => None,
            };
        }
        None
    }
}

/// Reads a file's bytes and stores them in IndexedDB under `id`.
async fn store_file(file: web_sys::File, id: String) -> Result<(), String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    webext::idb::put(&id, &bytes).await.map_err(|e| e.0)
}

/// The whole form for one profile.
#[component]
pub fn ApplicationForm(
    /// The extracted profile.
    profile: Profile,
    /// The canonical profile URL (the draft's key).
    profile_url: String,
) -> impl IntoView {
    let state = FormState::new(profile_url.clone());
    let loaded = RwSignal::new(false);
    let positions = RwSignal::new(Vec::<Position>::new());
    let positions_loading = RwSignal::new(true);
    let positions_error = RwSignal::new(None::<String>);
    let job = RwSignal::new(None::<JobView>);
    let submitting = RwSignal::new(false);
    let local_issues = RwSignal::new(Vec::<(String, String)>::new());
    let duplicate = RwSignal::new(None::<DuplicateCheck>);
    let tab = RwSignal::new(0_u8);
    let file_error = RwSignal::new(None::<String>);
    // The CV made from the profile: wanted (remembered in this browser), being made, why it failed.
    let attach_cv = RwSignal::new(true);
    let cv_choice_loaded = RwSignal::new(false);
    let making_cv = RwSignal::new(false);
    let preview_error = RwSignal::new(None::<String>);
    let cv_failed = RwSignal::new(false);
    let profile_value = StoredValue::new(profile.clone());
    spawn_local(async move {
        attach_cv.set(made_cv::wanted().await);
        cv_choice_loaded.set(true);
    });
    Effect::new(move |_| {
        let attach = attach_cv.get();
        cv_failed.set(false);
        if cv_choice_loaded.get_untracked() {
            spawn_local(made_cv::remember(attach));
        }
    });

    // The language the candidate wrote the profile in, for the candidate notice.
    let profile_language = StoredValue::new(profile.language.clone());
    // The tags a new form starts with (settings or admin policy), also after "Discard draft".
    let default_tag_list = StoredValue::new(Vec::<String>::new());
    // After "Discard draft": the fresh prefill, not stored until the recruiter changes something.
    let discarded_as = StoredValue::new(None::<ApplicationDraft>);
    let discarded = RwSignal::new(false);
    // Restore the draft (or prefill from the profile), then save every change.
    {
        let profile = profile.clone();
        let url = profile_url.clone();
        spawn_local(async move {
            let stored = storage::get(&DRAFTS.key(&url)).await.ok().flatten();
            default_tag_list.set_value(default_tags().await);
            let draft = stored.unwrap_or_else(|| {
                let mut fresh = ApplicationDraft::from_profile(&profile, url.clone());
                fresh.tags = default_tag_list.get_value();
                fresh
            });
            state.apply(draft);
            loaded.set(true);
            if let Some(running) = unfinished_job_for(&url).await {
                job.set(Some(running));
                follow_job(job);
            }
        });
    }
    Effect::new(move |_| {
        let draft = state.draft();
        let untouched = discarded_as.with_value(|fresh| {
            fresh.as_ref().is_some_and(|fresh| {
                ApplicationDraft {
                    updated_at_ms: fresh.updated_at_ms,
                    ..draft.clone()
                } == *fresh
            })
        });
        if untouched {
            return;
        }
        discarded_as.set_value(None);
        if loaded.get() {
            let key = DRAFTS.key(&draft.profile_url);
            spawn_local(async move {
                let _ = storage::set(&key, &draft).await;
            });
        }
    });
    spawn_local(async move {
        match load_positions().await {
            Ok(list) => positions.set(list),
            Err(e) => positions_error.set(Some(e)),
        }
        positions_loading.set(false);
    });
    // The duplicate check (by e-mail and by this LinkedIn profile), once a position and a plausible
    // e-mail are there and have stopped changing.
    Effect::new(move |_| {
        let email = state.fields.email.get();
        let position = state.position.get();
        duplicate.set(None);
        let (Some(position), true) = (position, sourcing_core::validation::email(&email).is_ok())
        else {
            return;
        };
        let typed = email.clone();
        let unchanged = move || {
            state.fields.email.get_untracked() == typed
                && state.position.get_untracked() == Some(position)
        };
        spawn_local(async move {
            webext::timer::sleep(DUPLICATE_DEBOUNCE_MS).await;
            if !unchanged() {
                return;
            }
            let request = PopupRequest::CheckDuplicate {
                email: email.clone(),
                job_position_id: position,
                linkedin_url: Some(state.profile_url.get_value()),
            };
            if let Ok(PopupResponse::Duplicate { check }) = bridge::request(&request).await {
                if unchanged() {
                    duplicate.set(Some(check));
                }
            }
        });
    });

    // "Already in Personio?": by this LinkedIn profile as soon as the draft is in, then by the typed e-mail
    // (the background answers from its session cache when it can).
    let lookup = RwSignal::new(None::<CandidateLookup>);
    let lookup_email = StoredValue::new(None::<Option<String>>);
    Effect::new(move |_| {
        let email = state.fields.email.get();
        if !loaded.get() {
            return;
        }
        let email = sourcing_core::validation::email(&email)
            .is_ok()
            .then(|| email.trim().to_string());
        if lookup_email.get_value().as_ref() == Some(&email) {
            return;
        }
        let first = lookup_email.get_value().is_none();
        let unchanged = {
            let email = email.clone();
            move || {
                let now = state.fields.email.get_untracked();
                let now = sourcing_core::validation::email(&now)
                    .is_ok()
                    .then(|| now.trim().to_string());
                now == email
            }
        };
        spawn_local(async move {
            if !first {
                webext::timer::sleep(LOOKUP_DEBOUNCE_MS).await;
                if !unchanged() {
                    return;
                }
            }
            lookup_email.set_value(Some(email.clone()));
            let request = PopupRequest::FindCandidate {
                tab_id: bridge::target_tab_id().await.ok(),
                linkedin_url: state.profile_url.get_value(),
                email,
            };
            if let Ok(PopupResponse::CandidateLookup { lookup: found }) =
                bridge::request(&request).await
            {
                if unchanged() {
                    lookup.set(Some(found));
                }
            }
        });
    });
    let adding = Signal::derive(move || {
        lookup.with(|l| state.fields.email.with(|e| adds_to(l.as_ref(), e)))
    });
    let applied = Signal::derive(move || lookup.with(|l| applied_positions(l.as_ref())));
    let typed_email = StoredValue::new(String::new());
    let add_to_position = Callback::new(move |email: String| {
        typed_email.set_value(state.fields.email.get_untracked());
        state.fields.email.set(email);
        // A position they already applied to is not where the next application goes.
        if let Some(current) = state.position.get_untracked() {
            if applied.with_untracked(|a| a.iter().any(|(p, _)| *p == current)) {
                state.position.set(None);
            }
        }
        tab.set(0);
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("position-input"))
        {
            let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).focus();
        }
    });
    let new_candidate = Callback::new(move |_| {
        state.fields.email.set(typed_email.get_value());
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("email"))
        {
            let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).focus();
        }
    });

    let position_options = Signal::derive(move || PositionOption::from_positions(&positions.get()));
    let server_errors = Signal::derive(move || {
        let mut errors = local_issues.get();
        if let Some(view) = job.get() {
            errors.extend(field_errors(&view.status));
        }
        errors
    });
    let position_error = Signal::derive(move || {
        server_errors.with(|e| {
            e.iter()
                .find(|(f, _)| f == "job_position_id")
                .map(|(_, m)| FieldMessage::Text(m.clone()))
        })
    });
    let on_add = Callback::new(move |(file, document): (web_sys::File, DraftDocument)| {
        spawn_local(async move {
            if let Err(e) = store_file(file, document.id.clone()).await {
                state
                    .documents
                    .update(|docs| docs.retain(|d| d.id != document.id));
                file_error.set(Some(t_with("docStoreFailed", &[&document.name, &e])));
            }
        });
    });
    let on_remove = Callback::new(move |document: DraftDocument| {
        spawn_local(async move {
            let _ = webext::idb::delete(&document.id).await;
        });
    });
    let progress = Signal::derive(move || {
        let total = state.documents.with(Vec::len);
        match job.get() {
            Some(view) if !matches!(view.status, SubmissionStatus::Failed { .. }) => (0..total)
                .map(|i| {
                    Some(if i < view.documents_uploaded {
                        1.0
                    } else {
                        0.0
                    })
                })
                .collect(),
            _ => vec![None; total],
        }
    });
    let busy = Signal::derive(move || {
        submitting.get()
            || job.with(|j| {
                j.as_ref().is_some_and(|v| {
                    matches!(
                        v.status,
                        SubmissionStatus::Pending | SubmissionStatus::Waiting { .. }
                    )
                })
            })
    });

    // `with_cv: false`: "Create without the CV" after the CV could not be made.
    let submit = move |with_cv: bool| {
        if busy.get_untracked() || !loaded.get_untracked() {
            return;
        }
        let draft = state.draft();
        let issues = draft.validate();
        if !issues.is_empty() {
            local_issues.set(
                issues
                    .iter()
                    .map(|i| (i.field.to_string(), t(i.key)))
                    .collect(),
            );
            if issues.iter().any(|i| i.field == "files") {
                tab.set(1);
            } else {
                tab.set(0);
            }
            return;
        }
        local_issues.set(Vec::new());
        let position_name = positions.with_untracked(|list| {
            list.iter()
                .find(|p| Some(p.id) == draft.job_position_id)
                .map(|p| p.name.clone())
                .unwrap_or_default()
        });
        let Some(mut request) = SubmitRequest::from_draft(&draft, &position_name) else {
            return;
        };
        submitting.set(true);
        cv_failed.set(false);
        let with_cv = with_cv && attach_cv.get_untracked();
        spawn_local(async move {
            // The CV is made and stored before the application is queued, so the outbox finds its bytes
            // like those of an attached file.
            let mut made_id = None;
            if with_cv {
                making_cv.set(true);
                let profile = profile_value.get_value();
                let attached = match made_cv::make(&profile, &draft).await {
                    Ok(made) => made_cv::attach(&made, &mut request).await,
                    Err(e) => Err(e),
                };
                making_cv.set(false);
                match attached {
                    Ok(id) => made_id = Some(id),
                    Err(made_cv::CvFailed(reason)) => {
                        web_sys::console::warn_1(&format!("CV not made: {reason}").into());
                        cv_failed.set(true);
                        submitting.set(false);
                        return;
                    }
                }
            }
            let queued = match bridge::request(&PopupRequest::Submit { request }).await {
                Ok(PopupResponse::Job { job: view }) => {
                    job.set(Some(*view));
                    follow_job(job);
                    true
                }
                Ok(other) => {
                    local_issues.set(vec![("form".into(), format!("{other:?}"))]);
                    false
                }
                Err(e) => {
                    local_issues.set(vec![("form".into(), e)]);
                    false
                }
            };
            if let (false, Some(id)) = (queued, made_id) {
                let _ = webext::idb::delete(&id).await;
            }
            submitting.set(false);
        });
    };

    let discard = {
        let profile = profile.clone();
        let url = profile_url.clone();
        Callback::new(move |_| {
            let mut fresh = ApplicationDraft::from_profile(&profile, url.clone());
            fresh.tags = default_tag_list.get_value();
            discarded_as.set_value(Some(fresh.clone()));
            state.apply(fresh);
            local_issues.set(Vec::new());
            file_error.set(None);
            let profile_url = url.clone();
            spawn_local(async move {
                match bridge::request(&PopupRequest::DiscardDraft { profile_url }).await {
                    Ok(PopupResponse::DraftDiscarded) => discarded.set(true),
                    Ok(other) => local_issues.set(vec![("form".into(), format!("{other:?}"))]),
                    Err(e) => local_issues.set(vec![("form".into(), e)]),
                }
            });
        })
    };
    Effect::new(move |_| {
        // The notice lasts until the recruiter changes something.
        let _ = state.draft();
        if discarded_as.with_value(Option::is_none) {
            discarded.set(false);
        }
    });

    let done = Signal::derive(move || job.with(|j| j.as_ref().and_then(|v| v.transferred.clone())));
    let next_profile = Callback::new(move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.close();
        }
    });
    let form_error = Signal::derive(move || {
        local_issues.with(|e| e.iter().find(|(f, _)| f == "form").map(|(_, m)| m.clone()))
    });
    let issue_count = Signal::derive(move || {
        local_issues.with(|e| e.iter().filter(|(f, _)| f != "form").count())
    });

    let preview = Callback::new(move |_| {
        if making_cv.get_untracked() {
            return;
        }
        preview_error.set(None);
        making_cv.set(true);
        let draft = state.draft();
        spawn_local(async move {
            let profile = profile_value.get_value();
            let shown = match made_cv::make(&profile, &draft).await {
                Ok(made) => made_cv::open_preview(&made.pdf),
                Err(e) => Err(e),
            };
            making_cv.set(false);
            if let Err(made_cv::CvFailed(reason)) = shown {
                web_sys::console::warn_1(&format!("CV preview: {reason}").into());
                preview_error.set(Some(t("cvPreviewFailed")));
            }
        });
    });

    // The form's shortcuts, wherever the focus is in the page (also before anything is focused).
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if done.get_untracked().is_some() {
            return;
        }
        match Shortcut::of(&ev) {
            Some(Shortcut::Create) => submit(true),
            Some(Shortcut::Tab(index)) => select_tab(tab, index),
            None => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());

    view! {
        {move || match done.get() {
            Some(transferred) => {
                let notice = NoticeSubject {
                    profile_language: profile_language.get_value(),
                    ..notice_subject(&transferred)
                };
                view! { <SuccessView receipt=TransferReceipt::from_transferred(&transferred) on_next=next_profile notice=notice /> }.into_any()
            }
            None => view! {
                <form class="application" novalidate on:submit=move |ev| {
                    ev.prevent_default();
                    submit(true);
                }>
                    <ProfileHeader profile=profile.clone() />
                    <KnownCandidate lookup=lookup positions=positions adding=adding on_add=add_to_position on_new=new_candidate />
                    {move || duplicate.get().map(|check| view! { <DuplicateNotice check=check /> })}
                    // Disabled until the saved draft is in, so nothing typed is overwritten by it.
                    <fieldset class="plain" disabled=move || !loaded.get()>
                    <div class="tabs" role="tablist" aria-label=t("formSections") on:keydown=move |ev: web_sys::KeyboardEvent| {
                        // WAI-ARIA tabs: arrows move between tabs (only the selected tab is in the Tab order).
                        let next = match ev.key().as_str() {
                            "ArrowRight" | "ArrowLeft" => 1 - tab.get_untracked(),
                            "Home" => 0,
                            "End" => 1,
                            _ => return,
                        };
                        ev.prevent_default();
                        select_tab(tab, next);
                    }>
                        <button type="button" role="tab" id="tab-candidate" aria-controls="panel-candidate"
                            aria-selected=move || (tab.get() == 0).to_string()
                            tabindex=move || if tab.get() == 0 { "0" } else { "-1" }
                            on:click=move |_| tab.set(0)>{t("tabCandidate")}</button>
                        <button type="button" role="tab" id="tab-documents" aria-controls="panel-documents"
                            aria-selected=move || (tab.get() == 1).to_string()
                            tabindex=move || if tab.get() == 1 { "0" } else { "-1" }
                            on:click=move |_| tab.set(1)>
                            {t("tabDocuments")} {move || {
                                let n = state.documents.with(Vec::len);
                                (n > 0).then(|| format!(" ({n})"))
                            }}
                        </button>
                    </div>
                    <div role="tabpanel" id="panel-candidate" aria-labelledby="tab-candidate" hidden=move || tab.get() != 0>
                        <PositionPicker
                            positions=position_options
                            selected=state.position
                            applied=applied
                            loading=positions_loading
                            load_error=MaybeProp::derive(move || positions_error.get())
                            error=MaybeProp::derive(move || position_error.get())
                        />
                        // In the order it is sent: the tags sit with the comment, above what is not sent.
                        <CandidateForm profile=profile.clone() fields=state.fields server_errors=server_errors>
                            <div class="field">
                                <TagsInput tags=state.tags />
                            </div>
                        </CandidateForm>
                        <ProfileDetails profile=profile.clone() />
                    </div>
                    <div role="tabpanel" id="panel-documents" aria-labelledby="tab-documents" hidden=move || tab.get() != 1>
                        <Documents documents=state.documents on_add=on_add on_remove=on_remove progress=progress />
                        <MadeCvOption attach=attach_cv on_preview=preview making=making_cv message=preview_error />
                        {move || file_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                        {move || server_errors.with(|e| e.iter().filter(|(f, _)| f.starts_with("files")).map(|(_, m)| m.clone()).collect::<Vec<_>>())
                            .into_iter().map(|m| view! { <p class="error" role="alert">{m}</p> }).collect_view()}
                    </div>
                    </fieldset>
                    {move || (issue_count.get() > 0).then(|| view! {
                        <p class="error" role="alert" id="form-issues">{t_with("formFixFields", &[&issue_count.get().to_string()])}</p>
                    })}
                    {move || form_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                    {move || discarded.get().then(|| view! { <p class="status" role="status" id="draft-discarded">{t("formDraftDiscarded")}</p> })}
                    {move || cv_failed.get().then(|| view! {
                        <div class="cv-failed" role="alert">
                            <p class="error" id="made-cv-failed">{t("cvMakeFailed")}</p>
                            <button type="button" class="secondary" id="create-without-cv" disabled=busy
                                on:click=move |_| submit(false)>{t("cvCreateWithout")}</button>
                        </div>
                    })}
                    {move || job.get().map(|view| view! { <JobStatus job=view on_retry=Callback::new(move |_| retry(job)) /> })}
                    <div class="actions sticky">
                        <button type="submit" class="primary" id="create-application" disabled=busy aria-busy=move || busy.get().to_string()>
                            {move || if busy.get() {
                                t("createBusy")
                            } else if adding.get() {
                                t("createForExisting")
                            } else {
                                t("createApplication")
                            }}
                        </button>
                        <ConfirmButton id="discard-draft" label="formDiscardDraft" question="formDiscardQuestion"
                            confirm="formDiscardConfirm" on_confirm=discard disabled=busy />
                    </div>
                    <p class="shortcuts hint" id="keyboard-shortcuts">
                        {t("kbdTitle")} " "
                        {["kbdCreate", "kbdTabs", "kbdEscape", "kbdOpen"].map(t).join(" · ")}
                    </p>
                </form>
            }.into_any(),
        }}
    }
}

/// What the candidate notice of a created application is about.
fn notice_subject(transferred: &sourcing_core::outbox::Transferred) -> NoticeSubject {
    NoticeSubject {
        first_name: transferred
            .fields
            .iter()
            .find(|f| f.field == "first_name")
            .map(|f| f.value.clone())
            .unwrap_or_default(),
        position: transferred.position.name.clone(),
        profile_url: transferred.profile_url.clone(),
        sourced_on: transferred
            .sourced_on
            .clone()
            .unwrap_or_else(webext::clock::local_date),
        profile_language: None,
    }
}

/// Polls the background until `job` is finished.
fn follow_job(job: RwSignal<Option<JobView>>) {
    spawn_local(async move {
        loop {
            let Some(id) = job.with_untracked(|j| j.as_ref().map(|v| v.id.clone())) else {
                return;
            };
            let finished = job.with_untracked(|j| {
                j.as_ref().is_some_and(|v| {
                    !matches!(
                        v.status,
                        SubmissionStatus::Pending | SubmissionStatus::Waiting { .. }
                    )
                })
            });
            if finished {
                return;
            }
            webext::timer::sleep(POLL_MS).await;
            if let Ok(PopupResponse::Job { job: view }) =
                bridge::request(&PopupRequest::GetJob { job_id: id }).await
            {
                job.set(Some(*view));
            }
        }
    });
}

/// Asks the background to run the job now, then follows it again.
fn retry(job: RwSignal<Option<JobView>>) {
    let Some(id) = job.with_untracked(|j| j.as_ref().map(|v| v.id.clone())) else {
        return;
    };
    spawn_local(async move {
        if let Ok(PopupResponse::Job { job: view }) =
            bridge::request(&PopupRequest::RetryJob { job_id: id }).await
        {
            job.set(Some(*view));
            follow_job(job);
        }
    });
}
