//! The application form for one profile: position, candidate, comment, tags and documents; "Create
//! application", which queues the application in the background's outbox; then the job's progress, waits
//! (429, offline, 5xx: kept in the outbox, retried automatically), errors shown at the field they concern,
//! and the success view listing exactly what was transferred. At the top, "Already in Personio?"
//! ([`KnownCandidate`]): the candidate Personio holds for this profile or the typed e-mail; "Add to another
//! position" puts their e-mail into the form and marks the positions they applied to in the picker.
//!
//! The CV made from the profile ([`crate::made_cv`]) is made on "Create application" when the recruiter
//! keeps it on (Documents tab), stored like an attached file and queued with the recruiter's own files; if it
//! cannot be made, the form says so and offers to create without it. Keyboard: Ctrl+Enter (Cmd+Enter)
//! creates, Alt+1 / Alt+2 switch to the Candidate / Documents tab, Esc closes the position list; a line at
//! the bottom of the form lists them.
//!
//! Its parts: the signals ⇄ draft ([`state`]), the draft's restore, save and discard ([`draft`]), the tabs and
//! shortcuts ([`tabs`]), the asks while typing ([`lookups`]) and the queued job ([`job`]).

pub mod draft;
pub mod job;
pub mod lookups;
pub mod state;
pub mod tabs;

use crate::bridge::{self, BridgeError};
use crate::components::candidate_form::{CandidateForm, ProfileDetails, ProfileHeader};
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
use draft::Draft;
use job::JobTracker;
use leptos::prelude::*;
use leptos::task::{spawn_local, spawn_local_scoped_with_cancellation};
use sourcing_core::draft::DraftDocument;
use sourcing_core::messages::{ListPositions, Submit};
use sourcing_core::outbox::SubmitRequest;
use sourcing_core::personio::{PersonioError, Position, SubmissionStatus};
use sourcing_core::profile::Profile;
use state::{store_file, FormState};
pub use tabs::Shortcut;
use tabs::{TabList, Tabs};
use webext::i18n::{t, t_with};

/// The positions to pick from, or the sentence saying why there are none.
async fn load_positions() -> Result<Vec<Position>, String> {
    match bridge::call(&ListPositions { refresh: false }).await {
        Ok(reply) => Ok(reply.positions),
        // Only the career-site feed says what is published: the sentence says how to switch it on.
        Err(e @ BridgeError::Personio(PersonioError::FeedUnavailable { .. })) => Err(e.sentence()),
        Err(e) => Err(t_with("posLoadFailed", &[&e.sentence()])),
    }
}

/// Moves the focus to `input` once it is rendered.
fn focus(input: NodeRef<leptos::html::Input>) {
    if let Some(input) = input.get_untracked() {
        let _ = input.focus();
    }
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
    let draft = Draft::new(state, profile.clone());
    let loaded = draft.loaded;
    let tracker = JobTracker::new();
    let job = tracker.job;
    let tabs = Tabs::new();
    provide_context(tabs);
    let positions = RwSignal::new(Vec::<Position>::new());
    let positions_loading = RwSignal::new(true);
    let positions_error = RwSignal::new(None::<String>);
    let submitting = RwSignal::new(false);
    // Issues per field; "form" for the form as a whole.
    let local_issues = RwSignal::new(Vec::<(String, String)>::new());
    let say = move |e: BridgeError| {
        local_issues.try_set(vec![("form".into(), e.sentence())]);
    };
    let file_error = RwSignal::new(None::<String>);
    // The CV made from the profile: wanted (remembered in this browser), being made, why it failed.
    let attach_cv = RwSignal::new(true);
    let cv_choice_loaded = RwSignal::new(false);
    let making_cv = RwSignal::new(false);
    let preview_error = RwSignal::new(None::<String>);
    let cv_failed = RwSignal::new(false);
    let profile_value = StoredValue::new(profile.clone());
    spawn_local_scoped_with_cancellation(async move {
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

    // Restore the draft (or prefill from the profile), then show a job still on its way.
    {
        let url = profile_url.clone();
        let default_tags = use_context::<crate::app::LoadedSetup>().and_then(|loaded| {
            loaded
                .0
                .with_value(|setup| setup.as_ref().map(|s| s.settings.default_tags.clone()))
        });
        let prefetch = use_context::<draft::DraftPrefetch>();
        spawn_local_scoped_with_cancellation(async move {
            if let Err(e) = draft.restore(default_tags, prefetch).await {
                say(e);
            }
            if let Err(e) = tracker.resume(&url).await {
                say(e);
            }
        });
    }
    spawn_local_scoped_with_cancellation(async move {
        match load_positions().await {
            Ok(list) => positions.set(list),
            Err(e) => positions_error.set(Some(e)),
        }
        positions_loading.set(false);
    });
    let duplicate = lookups::duplicate_check(state);
    let (lookup, lookup_failed) = lookups::candidate_lookup(state, loaded);

    let adding = Signal::derive(move || {
        lookup.with(|l| state.fields.email.with(|e| adds_to(l.as_ref(), e)))
    });
    let applied = Signal::derive(move || lookup.with(|l| applied_positions(l.as_ref())));
    let typed_email = StoredValue::new(String::new());
    let position_input = NodeRef::new();
    let email_input = NodeRef::new();
    let add_to_position = Callback::new(move |email: String| {
        typed_email.set_value(state.fields.email.get_untracked());
        state.fields.email.set(email);
        // A position they already applied to is not where the next application goes.
        if let Some(current) = state.position.get_untracked() {
            if applied.with_untracked(|a| a.iter().any(|(p, _)| *p == current)) {
                state.position.set(None);
            }
        }
        tabs.selected.set(0);
        focus(position_input);
    });
    let new_candidate = Callback::new(move |_| {
        state.fields.email.set(typed_email.get_value());
        focus(email_input);
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
        spawn_local_scoped_with_cancellation(async move {
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
    let busy = Signal::derive(move || submitting.get() || tracker.busy());

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
            tabs.selected
                .set(if issues.iter().any(|i| i.field == "files") {
                    1
                } else {
                    0
                });
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
        // Not cancelled with the form: once the CV is stored, the application is queued (or its file
        // deleted) even when the side panel moved on meanwhile.
        spawn_local(async move {
            // The CV is made and stored before the application is queued, so the outbox finds its bytes
            // like those of an attached file.
            let mut made_id = None;
            if with_cv {
                making_cv.try_set(true);
                let profile = profile_value.try_get_value();
                let attached = match profile {
                    Some(profile) => match made_cv::make(&profile, &draft).await {
                        Ok(made) => made_cv::attach(&made, &mut request).await,
                        Err(e) => Err(e),
                    },
                    None => return,
                };
                making_cv.try_set(false);
                match attached {
                    Ok(id) => made_id = Some(id),
                    Err(made_cv::CvFailed(reason)) => {
                        web_sys::console::warn_1(&format!("CV not made: {reason}").into());
                        cv_failed.try_set(true);
                        submitting.try_set(false);
                        return;
                    }
                }
            }
            let queued = match bridge::call(&Submit { request }).await {
                Ok(reply) => {
                    tracker.show(*reply.job);
                    true
                }
                Err(e) => {
                    local_issues.try_set(vec![("form".into(), e.sentence())]);
                    false
                }
            };
            if let (false, Some(id)) = (queued, made_id) {
                let _ = webext::idb::delete(&id).await;
            }
            submitting.try_set(false);
        });
    };

    let discard = Callback::new(move |_| {
        local_issues.set(Vec::new());
        file_error.set(None);
        // Not scoped to the caller's owner: the confirm button that runs this re-renders when it is
        // answered, which would cancel the task before the notice is set (signals are written with `try_`).
        spawn_local(async move {
            if let Err(e) = draft.discard().await {
                say(e);
            }
        });
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
        spawn_local_scoped_with_cancellation(async move {
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
            Some(Shortcut::Tab(index)) => tabs.select(index),
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
                    {move || lookup_failed.get().map(|m| view! { <p class="notice error" role="status" id="lookup-failed">{m}</p> })}
                    {move || duplicate.get().map(|answer| match answer {
                        Ok(check) => view! { <DuplicateNotice check=check /> }.into_any(),
                        Err(m) => view! { <p class="notice error" role="status" id="duplicate-failed">{m}</p> }.into_any(),
                    })}
                    // Disabled until the saved draft is in, so nothing typed is overwritten by it.
                    <fieldset class="plain" disabled=move || !loaded.get()>
                    <TabList documents=Signal::derive(move || state.documents.with(Vec::len)) />
                    <div role="tabpanel" id="panel-candidate" aria-labelledby="tab-candidate" hidden=move || !tabs.shows(0)>
                        <PositionPicker
                            positions=position_options
                            selected=state.position
                            applied=applied
                            loading=positions_loading
                            load_error=MaybeProp::derive(move || positions_error.get())
                            error=MaybeProp::derive(move || position_error.get())
                            input_ref=position_input
                        />
                        // In the order it is sent: the tags sit with the comment, above what is not sent.
                        <CandidateForm profile=profile.clone() fields=state.fields server_errors=server_errors email_ref=email_input>
                            <div class="field">
                                <TagsInput tags=state.tags />
                            </div>
                        </CandidateForm>
                        <ProfileDetails profile=profile.clone() />
                    </div>
                    <div role="tabpanel" id="panel-documents" aria-labelledby="tab-documents" hidden=move || !tabs.shows(1)>
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
                    {move || form_error.get().map(|e| view! { <p class="error" role="alert" id="form-error">{e}</p> })}
                    {move || draft.discarded.get().then(|| view! { <p class="status" role="status" id="draft-discarded">{t("formDraftDiscarded")}</p> })}
                    {move || cv_failed.get().then(|| view! {
                        <div class="cv-failed" role="alert">
                            <p class="error" id="made-cv-failed">{t("cvMakeFailed")}</p>
                            <button type="button" class="secondary" id="create-without-cv" disabled=busy
                                on:click=move |_| submit(false)>{t("cvCreateWithout")}</button>
                        </div>
                    })}
                    {move || job.get().map(|view| view! { <JobStatus job=view on_retry=Callback::new(move |_| tracker.retry()) /> })}
                    {move || tracker.failed.get().map(|m| view! { <p class="error" role="alert" id="job-poll-failed">{m}</p> })}
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
