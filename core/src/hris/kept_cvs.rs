//! CVs kept for the HRIS export: when an application is created the background keeps the bytes of its CV
//! documents (IndexedDB) and records them here; they go after the export, or after [`CV_RETENTION_DAYS`].

use crate::outbox::{JobId, OutgoingDocument};
use crate::personio::DocumentCategory;
use serde::{Deserialize, Serialize};

/// How long a CV kept for the HRIS export is stored in the browser when the candidate is never
/// exported (days).
pub const CV_RETENTION_DAYS: u64 = 180;
/// [`CV_RETENTION_DAYS`] in milliseconds.
pub const CV_RETENTION_MS: u64 = CV_RETENTION_DAYS * 86_400_000;

/// A CV whose bytes were kept (IndexedDB, key `document_id`) after the application was created.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptCv {
    /// The outbox job the CV belongs to.
    pub job_id: JobId,
    /// Key of the bytes.
    pub document_id: String,
    /// File name.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// When the application was created and the CV kept (epoch ms).
    pub kept_at_ms: u64,
}

/// Every kept CV.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptCvs {
    /// Oldest first.
    pub entries: Vec<KeptCv>,
}

impl KeptCvs {
    /// Records `document` of `job_id` as kept (once per document).
    pub fn keep(&mut self, job_id: &JobId, document: &OutgoingDocument, now_ms: u64) {
        if self
            .entries
            .iter()
            .any(|k| k.document_id == document.document_id)
        {
            return;
        }
        self.entries.push(KeptCv {
            job_id: job_id.clone(),
            document_id: document.document_id.clone(),
            name: document.name.clone(),
            size: document.size,
            kept_at_ms: now_ms,
        });
    }

    /// The first kept CV of `job_id`.
    pub fn for_job(&self, job_id: &JobId) -> Option<&KeptCv> {
        self.entries.iter().find(|k| &k.job_id == job_id)
    }

    /// Removes and returns every kept CV of `job_id` (after the export).
    pub fn take_job(&mut self, job_id: &JobId) -> Vec<KeptCv> {
        let (taken, kept) = std::mem::take(&mut self.entries)
            .into_iter()
            .partition(|k| &k.job_id == job_id);
        self.entries = kept;
        taken
    }

    /// Removes and returns the CVs kept longer than [`CV_RETENTION_MS`].
    pub fn take_expired(&mut self, now_ms: u64) -> Vec<KeptCv> {
        let (expired, kept) = std::mem::take(&mut self.entries)
            .into_iter()
            .partition(|k| now_ms.saturating_sub(k.kept_at_ms) > CV_RETENTION_MS);
        self.entries = kept;
        expired
    }
}

/// The documents of a created application whose bytes are kept for the HRIS export (the CVs).
pub fn documents_to_keep(
    documents: &[OutgoingDocument],
) -> impl Iterator<Item = &OutgoingDocument> {
    documents
        .iter()
        .filter(|d| d.category == DocumentCategory::Cv)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::request;
    use super::*;

    #[test]
    fn cvs_are_kept_per_job_and_purged_after_the_retention() {
        let mut kept = KeptCvs::default();
        let req = request("a@example.com", 1001, true);
        for d in documents_to_keep(&req.documents) {
            kept.keep(&"job-1".into(), d, 1_000);
            kept.keep(&"job-1".into(), d, 2_000);
        }
        assert_eq!(kept.entries.len(), 1, "only the CV, once");
        assert_eq!(kept.for_job(&"job-1".into()).unwrap().name, "cv.pdf");
        assert!(kept.take_expired(1_000 + CV_RETENTION_MS).is_empty());
        assert_eq!(kept.take_expired(1_001 + CV_RETENTION_MS).len(), 1);
        assert!(kept.entries.is_empty());
        kept.keep(&"job-2".into(), &req.documents[1], 5);
        assert_eq!(kept.take_job(&"job-2".into()).len(), 1);
        assert!(kept.for_job(&"job-2".into()).is_none());
    }
}
