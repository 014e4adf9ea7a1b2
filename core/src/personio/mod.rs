//! Personio: the transport-agnostic client the background worker uses (over `gloo-net`) and native
//! tests drive over real HTTP against the stand-in in `tests/personio-standin`.
//!
//! * [`http`]: request/response bytes and the [`Transport`] trait; [`encode`]: multipart/form bodies.
//! * [`config`]: [`Credentials`], [`Endpoints`], [`CompanySubdomain`] ([`parse_subdomain`]),
//!   [`PartnerAppId`].
//! * [`client`]: [`PersonioClient`] and its persisted [`ClientState`] (tokens, budget, backoff).
//! * [`application`]: the draft, the form → Personio field mapping, local checks.
//! * [`recruiting`], [`positions`], [`lookups`], [`employees`]: the endpoint families;
//!   [`duplicates`]: "already applied?" on top of the lookups; [`existing`]: "already in
//!   Personio?", the candidate of a LinkedIn profile or e-mail with their applications.
//! * [`wire`]: the raw shapes of the v2 answers; [`ids`]: v2 string ids ↔ integer
//!   `job_position_id`; [`date`]: dates and Personio's date-times.
//! * [`submission`]: the resumable [`SubmissionJob`].
//! * [`error`]: [`PersonioError`] and parsing of every Personio error body.
//!
//! The client never sleeps and reads no clock: every call takes `now_ms` (epoch ms) and waits come
//! back as errors / outcomes carrying `retry_at_ms`.

pub mod application;
pub mod budget;
pub mod client;
pub mod config;
pub mod date;
pub mod duplicates;
pub mod employees;
pub mod encode;
pub mod error;
pub mod existing;
pub mod http;
pub mod ids;
pub mod lookups;
pub mod positions;
pub mod recruiting;
pub mod submission;
pub mod wire;

pub use application::{
    build_application, is_iso_date, Attribute, CandidateForm, DocumentCategory, FieldMapping,
    FileReference, NewApplication, Phase, UnknownCategory, UploadedFile,
};
pub use budget::{Backoff, RecruitingBudget, RECRUITING_LIMIT, RECRUITING_WINDOW_MS};
pub use client::{CachedToken, ClientState, ConnectionInfo, PersonioClient};
pub use config::{
    parse_subdomain, ApiVersion, CompanySubdomain, Credentials, Endpoints, PartnerAppId,
    SubdomainError,
};
pub use date::PersonioDateTime;
pub use duplicates::{DuplicateCheck, JobApplications, LinkedinCoverage, MatchedBy, PersonQuery};
pub use employees::{DocumentCategoryInfo, Employee, EmployeeCreated, NewEmployee};
pub use error::{FieldError, MissingRight, PersonioError};
pub use existing::{candidate_web_url, CandidateLookup, ExistingCandidate, LookupHidden};
pub use http::{HttpRequest, HttpResponse, Method, Transport, TransportError, TransportErrorKind};
pub use ids::{PositionId, V2Id};
pub use lookups::{
    ApplicationSummary, Candidate, Listed, LookupGap, Stage, StageOutcome, StageTransition,
    StageVocabulary,
};
pub use positions::{Position, PositionList, PositionSource};
pub use recruiting::CreatedApplication;
pub use submission::{
    DocumentSource, DocumentToUpload, JobId, Step, StepOutcome, SubmissionJob, SubmissionStatus,
};
