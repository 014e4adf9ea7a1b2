//! What the recruiters send: N distinct applications (profile, position, e-mail) with 0–3 documents each,
//! some candidates applying to several positions and every position shared by many candidates, spread
//! over the browsers and over virtual time.

use crate::rng::Rng;
use sourcing_core::outbox::{OutgoingDocument, PositionChoice, SubmitRequest};
use sourcing_core::personio::{CandidateForm, DocumentCategory, PositionId};
use std::collections::BTreeMap;

/// One application a recruiter asks for.
pub struct Planned {
    /// Which browser sends it.
    pub browser: usize,
    /// Virtual ms after the start at which "Create application" is pressed.
    pub at_ms: u64,
    /// What is sent.
    pub request: SubmitRequest,
    /// The documents' bytes, by `document_id`.
    pub files: BTreeMap<String, Vec<u8>>,
}

const FIRST: [&str; 12] = [
    "Alma", "Bruno", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas",
    "Kalinda", "Lior",
];
const LAST: [&str; 10] = [
    "Aaltonen",
    "Brandt",
    "Costa",
    "Dvořák",
    "Eriksen",
    "Fontaine",
    "Gallo",
    "Haddad",
    "Ivanova",
    "Jovanović",
];

/// The plan: `count` applications over `browsers`, submitted within `spread_ms`.
pub fn plan(
    count: usize,
    browsers: usize,
    positions: &[i64],
    spread_ms: u64,
    rng: &mut Rng,
) -> Vec<Planned> {
    let mut planned = Vec::with_capacity(count);
    let mut person = 0usize;
    while planned.len() < count {
        // About one candidate in five applies to two or three positions (their own set, never twice).
        let applications = match rng.below(10) {
            0 => 3,
            1 => 2,
            _ => 1,
        }
        .min(count - planned.len())
        .min(positions.len());
        let first = FIRST[person % FIRST.len()];
        let last = LAST[(person / FIRST.len()) % LAST.len()];
        let slug = format!("{}-{}-soak{person:04}", first.to_lowercase(), person);
        let email = format!("{}.{}{person}@soak.example", first.to_lowercase(), person);
        let start = rng.below(positions.len() as u64) as usize;
        for k in 0..applications {
            let position = positions[(start + k) % positions.len()];
            let index = planned.len();
            let documents: Vec<OutgoingDocument> = (0..rng.below(4))
                .map(|d| OutgoingDocument {
                    document_id: format!("doc-{index}-{d}"),
                    name: format!("{slug}-{d}.pdf"),
                    size: 0,
                    category: if d == 0 {
                        DocumentCategory::Cv
                    } else {
                        DocumentCategory::Other
                    },
                })
                .collect();
            let files = documents
                .iter()
                .map(|d| (d.document_id.clone(), pdf(&d.document_id)))
                .collect();
            planned.push(Planned {
                browser: rng.below(browsers as u64) as usize,
                at_ms: rng.below(spread_ms.max(1)),
                request: SubmitRequest {
                    profile_url: format!("https://www.linkedin.com/in/{slug}/"),
                    position: PositionChoice {
                        id: PositionId(position),
                        name: format!("Position {position}"),
                    },
                    candidate: CandidateForm {
                        first_name: first.into(),
                        last_name: last.into(),
                        email: email.clone(),
                        linkedin_url: Some(format!("https://www.linkedin.com/in/{slug}/")),
                        job_position_id: PositionId(position),
                        ..Default::default()
                    },
                    documents,
                },
                files,
            });
        }
        person += 1;
    }
    planned.sort_by_key(|p| p.at_ms);
    planned
}

/// A small valid PDF that names its document.
fn pdf(tag: &str) -> Vec<u8> {
    format!("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% {tag}\ntrailer<</Root 1 0 R>>\n%%EOF\n")
        .into_bytes()
}
