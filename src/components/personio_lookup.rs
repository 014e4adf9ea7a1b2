//! What the v2 lookups found, in words: the form's duplicate notice (already applied / not yet /
//! the check could not tell and why), and the texts the candidates page shares with it: why a lookup
//! was not conclusive ([`gap_text`]) and a stage's label ([`stage_label`]).

use leptos::prelude::*;
use sourcing_core::personio::{
    DuplicateCheck, LinkedinCoverage, LookupGap, MatchedBy, PersonioError, Stage, StageOutcome,
};
use webext::i18n::{t, t_with};

/// Why a lookup could not tell, as the end of the sentence "… could not be checked: <reason>".
pub fn gap_text(gap: &LookupGap) -> String {
    match gap {
        LookupGap::NeedsV2 => t("gapNeedsV2"),
        LookupGap::FilterRefused { filter } => t_with("gapFilterRefused", &[filter]),
        LookupGap::MissingField { field } => t_with("gapMissingField", &[field]),
        LookupGap::UnexpectedAnswer => t("gapUnexpectedAnswer"),
        LookupGap::Incomplete { scanned } => t_with("gapIncomplete", &[&scanned.to_string()]),
        LookupGap::Failed { error } => match error {
            PersonioError::Network { .. }
            | PersonioError::Server { .. }
            | PersonioError::RateLimited { .. } => t("gapUnreachable"),
            PersonioError::Unauthorized { .. } => t("gapUnauthorized"),
            PersonioError::Forbidden { .. } => t("gapForbidden"),
            _ => t("gapRefused"),
        },
    }
}

/// A stage's label: the tenant's name, else what its kind says, else "stage unknown".
pub fn stage_label(stage: &Stage) -> String {
    if let Some(name) = stage.name.as_deref().filter(|n| !n.trim().is_empty()) {
        return name.to_string();
    }
    let words = [&stage.kind, &stage.stage_type]
        .into_iter()
        .flatten()
        .map(|w| w.trim().to_ascii_lowercase())
        .collect::<Vec<_>>();
    if words.iter().any(|w| w == "unassigned") {
        return t("stageUnassigned");
    }
    if words.iter().any(|w| w == "offer") {
        return t("stageOffer");
    }
    match stage.outcome() {
        StageOutcome::Hired => t("candidateStatusHired"),
        StageOutcome::Rejected => t("candidateStatusRejected"),
        StageOutcome::Withdrawn => t("candidateStatusWithdrawn"),
        StageOutcome::InProcess => t("candidateStatusActive"),
        StageOutcome::Unknown => t("stageUnknown"),
    }
}

/// The duplicate check's result above the form.
#[component]
pub fn DuplicateNotice(
    /// The latest check for the current e-mail and position.
    check: DuplicateCheck,
) -> impl IntoView {
    match check {
        DuplicateCheck::Found {
            existing,
            matched_by,
        } => {
            let who = existing
                .candidate_name()
                .or(existing.candidate_email.clone())
                .unwrap_or_else(|| t("dupSomeone"));
            let stage = existing
                .stage
                .as_ref()
                .map(stage_label)
                .unwrap_or_else(|| t("stageUnknown"));
            let since = existing
                .application_date
                .clone()
                .or_else(|| existing.created_at.as_ref().and_then(|c| c.local_date()));
            let body = match since {
                Some(date) => t_with("dupBodySince", &[&who, &stage, &date]),
                None => t_with("dupBody", &[&who, &stage]),
            };
            view! {
                <div class="notice warning" role="status" id="duplicate-notice" data-matched-by=match matched_by {
                    MatchedBy::Email => "email",
                    MatchedBy::Linkedin => "linkedin",
                }>
                    <strong>{t("dupTitle")}</strong> " " {body}
                    {(matched_by == MatchedBy::Linkedin).then(|| view! { <p>{t("dupByLinkedin")}</p> })}
                </div>
            }
            .into_any()
        }
        DuplicateCheck::Unavailable { gap } => view! {
            <div class="notice info" role="status" id="duplicate-unavailable" data-gap=format!("{gap:?}")>
                <strong>{t("dupUnavailableTitle")}</strong> " "
                {t_with("dupUnavailableBody", &[&gap_text(&gap)])}
            </div>
        }
        .into_any(),
        DuplicateCheck::Clear { linkedin } => {
            let text = match linkedin {
                LinkedinCoverage::NotAsked => t("dupClearEmail"),
                LinkedinCoverage::Complete => t("dupClearEmailLinkedin"),
                LinkedinCoverage::Partial { candidates_scanned } => {
                    t_with("dupClearLinkedinPartial", &[&candidates_scanned.to_string()])
                }
                LinkedinCoverage::NotShown => t("dupClearLinkedinNotShown"),
            };
            view! { <p class="hint" role="status" id="duplicate-clear">{text}</p> }.into_any()
        }
    }
}
