//! "Already in Personio?" at the top of the form: the candidate Personio holds for this LinkedIn profile (or
//! the typed e-mail) with each application's position and stage, a link to them in Personio and "Add to
//! another position" (the next application goes to the same candidate, by their e-mail). Not found, could
//! not tell, or hidden (v1 credentials, no read right): one line saying so.

use crate::components::personio_lookup::{gap_text, stage_label};
use leptos::prelude::*;
use sourcing_core::personio::{
    ApplicationSummary, CandidateLookup, ExistingCandidate, LinkedinCoverage, LookupHidden,
    MatchedBy, Position, PositionId,
};
use webext::i18n::{t, t_with};

/// The positions a found candidate already applied to, with the stage label of each (for the picker).
pub fn applied_positions(lookup: Option<&CandidateLookup>) -> Vec<(PositionId, String)> {
    lookup
        .and_then(CandidateLookup::found)
        .map(|c| {
            c.applications
                .iter()
                .filter_map(|a| {
                    let stage = a
                        .stage
                        .as_ref()
                        .map(stage_label)
                        .unwrap_or_else(|| t("stageUnknown"));
                    a.position_id.map(|p| (p, stage))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// True when `email` is the found candidate's e-mail: the form then adds an application to them.
pub fn adds_to(lookup: Option<&CandidateLookup>, email: &str) -> bool {
    lookup
        .and_then(CandidateLookup::found)
        .and_then(|c| c.email.as_deref())
        .is_some_and(|e| !email.trim().is_empty() && e.trim().eq_ignore_ascii_case(email.trim()))
}

fn position_label(application: &ApplicationSummary, positions: &[Position]) -> String {
    application
        .position_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| {
            application.position_id.and_then(|id| {
                positions
                    .iter()
                    .find(|p| p.id == id)
                    .map(|p| p.name.clone())
            })
        })
        .unwrap_or_else(|| t("knownPositionUnknown"))
}

fn application_line(application: &ApplicationSummary, positions: &[Position]) -> impl IntoView {
    let stage = application
        .stage
        .as_ref()
        .map(stage_label)
        .unwrap_or_else(|| t("stageUnknown"));
    let since = application
        .application_date
        .clone()
        .or_else(|| application.created_at.as_ref().and_then(|c| c.local_date()));
    let text = match since {
        Some(date) => t_with("knownStageSince", &[&stage, &date]),
        None => t_with("knownStage", &[&stage]),
    };
    view! {
        <li data-position-id=application.position_id.map(|p| p.to_string())>
            <span class="known-position">{position_label(application, positions)}</span>
            " · "
            <span class="known-stage">{text}</span>
        </li>
    }
}

fn found_view(
    candidate: ExistingCandidate,
    positions: Signal<Vec<Position>>,
    adding: Signal<bool>,
    on_add: Callback<String>,
    on_new: Callback<()>,
) -> impl IntoView {
    let who = candidate
        .name
        .clone()
        .or_else(|| candidate.email.clone())
        .unwrap_or_else(|| t("dupSomeone"));
    let body = match &candidate.email {
        Some(email) if candidate.name.is_some() => t_with("knownBodyEmail", &[&who, email]),
        _ => t_with("knownBody", &[&who]),
    };
    let by = match candidate.matched_by {
        Some(MatchedBy::Linkedin) => Some(t("knownByLinkedin")),
        Some(MatchedBy::Email) => Some(t("knownByEmail")),
        None => None,
    };
    let matched = match candidate.matched_by {
        Some(MatchedBy::Linkedin) => "linkedin",
        Some(MatchedBy::Email) => "email",
        None => "",
    };
    let applications = candidate.applications.clone();
    let unread = candidate.unread_applications;
    let email = candidate.email.clone();
    let link = candidate.personio_url.clone();
    view! {
        <section class="notice info known-candidate" id="known-candidate" aria-labelledby="known-title" data-matched-by=matched>
            <h2 id="known-title">{t("knownTitle")}</h2>
            <p>{body} " " {by}</p>
            {move || {
                let positions = positions.get();
                (!applications.is_empty()).then(|| view! {
                    <ul class="known-applications" aria-label=t("knownApplications")>
                        {applications.iter().map(|a| application_line(a, &positions)).collect_view()}
                    </ul>
                })
            }}
            {(unread > 0).then(|| view! { <p class="hint">{t_with("knownUnread", &[&unread.to_string()])}</p> })}
            <div class="known-actions">
                {link.map(|href| view! {
                    <a id="known-open" href=href target="_blank" rel="noopener noreferrer">
                        {t("knownOpen")}<span class="sr-only">{t("knownOpensNewTab")}</span>
                    </a>
                })}
                {email.map(|email| view! {
                    {move || if adding.get() {
                        view! {
                            <p role="status" id="known-adding">{t_with("knownAdding", &[&email])}</p>
                            <button type="button" id="known-new" on:click=move |_| on_new.run(())>{t("knownNewCandidate")}</button>
                        }.into_any()
                    } else {
                        let email = email.clone();
                        view! {
                            <button type="button" id="known-add" on:click=move |_| on_add.run(email.clone())>{t("knownAddToPosition")}</button>
                        }.into_any()
                    }}
                })}
            </div>
        </section>
    }
}

/// The panel (or its one line) for the latest lookup; nothing while it runs.
#[component]
pub fn KnownCandidate(
    /// The latest lookup for this profile and e-mail.
    #[prop(into)]
    lookup: Signal<Option<CandidateLookup>>,
    /// The positions (names for applications whose answer named none).
    #[prop(into)]
    positions: Signal<Vec<Position>>,
    /// True while the form adds an application to the found candidate.
    #[prop(into)]
    adding: Signal<bool>,
    /// "Add to another position", with the candidate's e-mail.
    on_add: Callback<String>,
    /// "New candidate instead".
    on_new: Callback<()>,
) -> impl IntoView {
    move || {
        lookup.get().map(|lookup| match lookup {
            CandidateLookup::Found { candidate } => {
                found_view(*candidate, positions, adding, on_add, on_new).into_any()
            }
            CandidateLookup::NotFound {
                linkedin,
                email_checked,
            } => {
                let text = match (linkedin, email_checked) {
                    (LinkedinCoverage::Partial { candidates_scanned }, _) => {
                        t_with("knownNotFoundPartial", &[&candidates_scanned.to_string()])
                    }
                    (LinkedinCoverage::NotShown, _) => t("knownNotFoundNotShown"),
                    (LinkedinCoverage::NotAsked, true) => t("knownNotFoundEmail"),
                    (_, true) => t("knownNotFoundProfileEmail"),
                    _ => t("knownNotFoundProfile"),
                };
                view! { <p class="hint" id="known-none">{text}</p> }.into_any()
            }
            CandidateLookup::Unavailable { gap } => view! {
                <p class="hint" id="known-unavailable">{t_with("knownUnavailable", &[&gap_text(&gap)])}</p>
            }
            .into_any(),
            CandidateLookup::Hidden { reason } => {
                let (key, data) = match reason {
                    LookupHidden::NeedsV2 => ("knownHiddenNeedsV2", "needs_v2"),
                    LookupHidden::NoReadRight => ("knownHiddenNoRight", "no_read_right"),
                };
                view! { <p class="hint" id="known-hidden" data-reason=data>{t(key)}</p> }.into_any()
            }
        })
    }
}
