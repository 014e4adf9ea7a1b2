//! Why a call to the background has no reply, and the one place that words it for the recruiter.

use sourcing_core::messages::BackgroundError;
use sourcing_core::personio::{MissingRight, PersonioError};
use webext::i18n::{t, t_with};

/// Why [`super::call`] returned no reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BridgeError {
    /// The message did not reach the service worker or it did not answer (extension reloaded or
    /// updated, worker failing to start); the browser's text, for the console.
    Unreachable(String),
    /// No tab to show (no active tab in this window).
    NoTab,
    /// Personio refused or could not be reached.
    Personio(PersonioError),
    /// The background could not do it.
    Background(BackgroundError),
    /// An answer that is not this request's reply (a page and a worker of different versions); the
    /// decoding error, for the console.
    Unexpected(String),
}

impl BridgeError {
    /// The translated sentence the recruiter reads (causes meant for developers go to the console).
    pub fn sentence(&self) -> String {
        match self {
            BridgeError::Unreachable(cause) => {
                log(cause);
                t("bridgeUnreachable")
            }
            BridgeError::NoTab => t("bridgeNoTab"),
            BridgeError::Personio(error) => personio_sentence(error),
            BridgeError::Background(BackgroundError::SnapshotTooLarge { chars }) => {
                let megabytes = format!("{:.1}", *chars as f64 / (1024.0 * 1024.0));
                t_with("tabSnapshotTooLarge", &[&megabytes])
            }
            BridgeError::Background(BackgroundError::UrlTooLong) => t("tabUrlTooLong"),
            BridgeError::Background(BackgroundError::UnknownRequest { detail }) => {
                log(detail);
                t("bridgeUnexpected")
            }
            BridgeError::Background(BackgroundError::Failed { detail }) => {
                t_with("bridgeBackgroundFailed", &[detail])
            }
            BridgeError::Unexpected(cause) => {
                log(cause);
                t("bridgeUnexpected")
            }
        }
    }
}

fn log(cause: &str) {
    web_sys::console::warn_1(&format!("background call: {cause}").into());
}

/// The i18n key naming a missing right.
fn right_key(right: &MissingRight) -> &'static str {
    match right {
        MissingRight::Applications => "missingRightApplications",
        MissingRight::Tags => "missingRightTags",
        MissingRight::Comments => "missingRightComments",
        MissingRight::CandidateDocuments => "missingRightDocuments",
        MissingRight::Employees => "missingRightEmployees",
        MissingRight::RecruitingScope => "missingRightScope",
        MissingRight::RecruitingFeature => "missingRightRecruiting",
        MissingRight::PublicApiFeature => "missingRightApi",
        MissingRight::Other(_) => "missingRightOther",
    }
}

/// The sentence for a Personio error (a refusal, or a wait without its countdown).
pub fn personio_sentence(error: &PersonioError) -> String {
    match error {
        PersonioError::Validation { .. } => t("errValidation"),
        PersonioError::Unauthorized { .. } => t("errUnauthorized"),
        PersonioError::Forbidden { right, .. } => t_with("errForbidden", &[&t(right_key(right))]),
        PersonioError::NotPublished => t("errNotPublished"),
        PersonioError::TooLarge { .. } => t("reasonFileTooBig"),
        PersonioError::DocumentMissing { .. } => t("errDocumentMissing"),
        PersonioError::UnsupportedAuth { .. } => t("connectUnsupportedAuth"),
        PersonioError::RateLimited { .. } => t("waitRateLimited"),
        PersonioError::Network { .. } => t("waitOffline"),
        PersonioError::Server { status, .. } => t_with("waitServer", &[&status.to_string()]),
        PersonioError::FeedUnavailable { tried } => {
            t_with("posFeedUnavailable", &[&tried.join(" / ")])
        }
        other => t_with("errUnexpected", &[&other.to_string()]),
    }
}
