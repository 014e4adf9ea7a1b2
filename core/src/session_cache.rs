//! What the worker caches in `storage.session` (keys in [`crate::storage_keys`]): the positions list, the
//! candidates' statuses and the "Already in Personio?" lookups, each with the time it was read. How long an
//! entry is reused is the reader's rule.

use crate::hris::{CandidateStatus, StatusSource};
use crate::outbox::JobId;
use crate::personio::{CandidateLookup, Position};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The published positions.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CachedPositions {
    /// When they were read (epoch ms).
    pub fetched_at_ms: u64,
    /// The list.
    pub positions: Vec<Position>,
}

/// The imported candidates' statuses, by outbox job.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StatusCache {
    /// When they were read (epoch ms).
    pub fetched_at_ms: u64,
    /// Where they came from.
    pub source: StatusSource,
    /// The status of each candidate.
    pub statuses: BTreeMap<JobId, CandidateStatus>,
}

/// One cached lookup.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LookupEntry {
    /// When it was made (epoch ms).
    pub fetched_at_ms: u64,
    /// Its answer.
    pub lookup: CandidateLookup,
}

/// `li:<slug>` → the lookup by that LinkedIn profile, `em:<e-mail>` → by that e-mail; `known:<slug>` marks a
/// profile whose form found a candidate (by either).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct LookupCache {
    /// The entries by key.
    pub entries: BTreeMap<String, LookupEntry>,
}
