//! The application draft: what the recruiter is about to send to Personio for one profile, as the popup keeps
//! (and persists) it between openings. Field names follow Personio's application API (`first_name`,
//! `job_position_id`, `files[].category`, …); [`ApplicationDraft::validate`] composes the rules of
//! [`crate::validation`] and reports each issue with the Personio field it concerns.

use crate::profile::Profile;
use crate::validation::{self, Problem};
use serde::{Deserialize, Serialize};

pub use crate::personio::{DocumentCategory, PositionId, UnknownCategory};

/// A document attached to the draft. The bytes live outside the draft (IndexedDB), under [`DraftDocument::id`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftDocument {
    /// Key of the file's bytes in IndexedDB.
    pub id: String,
    /// Original file name (Personio's `original_filename`).
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// Personio category.
    #[serde(default)]
    pub category: DocumentCategory,
    /// MIME type of the content, as detected.
    pub mime: String,
}

impl DraftDocument {
    /// The upload step of the Personio submission for this document (bytes looked up by [`DraftDocument::id`]).
    pub fn to_upload(&self) -> crate::personio::DocumentToUpload {
        crate::personio::DocumentToUpload {
            document_id: self.id.clone(),
            name: self.name.clone(),
            category: self.category,
        }
    }
}

/// Everything the recruiter fills in for one profile before sending it to Personio.
///
/// Unknown or missing keys deserialise to defaults, so drafts saved by an older version still load.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApplicationDraft {
    /// The canonical profile URL this draft belongs to (the draft's key).
    pub profile_url: String,
    /// The Personio job position picked, if any.
    pub job_position_id: Option<PositionId>,
    /// Candidate's first name.
    pub first_name: String,
    /// Candidate's last name.
    pub last_name: String,
    /// Candidate's e-mail (required by Personio; LinkedIn rarely shows it).
    pub email: String,
    /// Candidate's phone (optional; sent as the `phone` attribute).
    pub phone: String,
    /// Candidate's location (optional; sent as the `location` attribute).
    pub location: String,
    /// The recruiter's comment (Personio's `message`).
    pub message: String,
    /// Tags; new ones are created by Personio.
    pub tags: Vec<String>,
    /// Attached documents, in the order added.
    pub documents: Vec<DraftDocument>,
    /// When the draft last changed (milliseconds since the Unix epoch).
    pub updated_at_ms: u64,
}

/// One validation issue of a draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct FieldIssue {
    /// The Personio field concerned (`first_name`, `email`, `job_position_id`, `tags`, `files`, …); also the
    /// `name` of the form input showing it.
    pub field: &'static str,
    /// i18n key of the message.
    pub key: &'static str,
}

impl FieldIssue {
    fn new(field: &'static str, problem: Problem) -> Self {
        FieldIssue {
            field,
            key: problem.key(),
        }
    }
}

impl ApplicationDraft {
    /// A draft prefilled from an extracted profile: names, location and the first visible e-mail and phone.
    /// `profile_url` is the draft's key; when empty, the profile's own URL is used.
    pub fn from_profile(profile: &Profile, profile_url: impl Into<String>) -> Self {
        let text = |field: &crate::profile::Field<String>| field.value.clone().unwrap_or_default();
        let first = |field: &crate::profile::Field<Vec<String>>| {
            field
                .value
                .as_ref()
                .and_then(|v| v.first())
                .cloned()
                .unwrap_or_default()
        };
        let mut profile_url = profile_url.into();
        if profile_url.is_empty() {
            profile_url = text(&profile.profile_url);
        }
        ApplicationDraft {
            profile_url,
            first_name: text(&profile.first_name),
            last_name: text(&profile.last_name),
            email: first(&profile.contact.emails),
            phone: first(&profile.contact.phones),
            location: text(&profile.location),
            ..ApplicationDraft::default()
        }
    }

    /// Every issue that keeps the draft from being sent, in form order (position, names, email, phone,
    /// comment, tags, documents). Empty when the draft can be sent.
    pub fn validate(&self) -> Vec<FieldIssue> {
        let checks: [(&'static str, Result<(), Problem>); 7] = [
            (
                "job_position_id",
                validation::position(self.job_position_id).map(|_| ()),
            ),
            ("first_name", validation::first_name(&self.first_name)),
            ("last_name", validation::last_name(&self.last_name)),
            ("email", validation::email(&self.email)),
            ("phone", validation::phone(&self.phone)),
            ("message", validation::message(&self.message)),
            ("tags", validation::tags(&self.tags)),
        ];
        let mut issues: Vec<FieldIssue> = checks
            .into_iter()
            .filter_map(|(field, result)| result.err().map(|p| FieldIssue::new(field, p)))
            .collect();
        // Bytes were checked by content when attached; here only what the draft itself records.
        for document in &self.documents {
            let problem = match validation::precheck_document(&document.name, document.size) {
                Ok(_) => continue,
                Err(e) => e.key(),
            };
            issues.push(FieldIssue {
                field: "files",
                key: problem,
            });
        }
        issues
    }

    /// The form as the Personio client takes it ([`crate::personio::build_application`]): trimmed values,
    /// empty optional fields as `None`, cleaned tags, the profile URL as the LinkedIn URL. `None` while no
    /// position is picked (or its id does not fit Personio's integer).
    pub fn to_candidate_form(&self) -> Option<crate::personio::CandidateForm> {
        let optional = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        Some(crate::personio::CandidateForm {
            first_name: self.first_name.trim().to_string(),
            last_name: self.last_name.trim().to_string(),
            email: self.email.trim().to_string(),
            phone: optional(&self.phone),
            location: optional(&self.location),
            linkedin_url: optional(&self.profile_url),
            message: optional(&self.message),
            tags: validation::normalize_tags(&self.tags),
            job_position_id: self.job_position_id.filter(|p| p.is_valid())?,
            ..Default::default()
        })
    }

    /// True when [`ApplicationDraft::validate`] finds nothing.
    pub fn is_valid(&self) -> bool {
        self.validate().is_empty()
    }
}

/// Whether a stored document still fits the limits (extension accepted, 1 byte to 20 MB): the document
/// check before the bytes are read ([`validation::precheck_document`]).
pub fn document_fits(document: &DraftDocument) -> bool {
    validation::precheck_document(&document.name, document.size).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{ContactInfo, Field};
    use crate::validation::MAX_DOCUMENT_BYTES;

    fn valid() -> ApplicationDraft {
        ApplicationDraft {
            profile_url: "https://www.linkedin.com/in/ines-duval/".into(),
            job_position_id: Some(PositionId(1_234_567)),
            first_name: "Inès".into(),
            last_name: "Duval-Okoye".into(),
            email: "ines@example.com".into(),
            phone: "+33 6 12 34 56 78".into(),
            location: "Lyon, France".into(),
            message: "Met at RustConf".into(),
            tags: vec!["Rust".into(), "Backend".into()],
            documents: vec![DraftDocument {
                id: "doc-1".into(),
                name: "CV Inès.pdf".into(),
                size: 48_213,
                category: DocumentCategory::Cv,
                mime: "application/pdf".into(),
            }],
            updated_at_ms: 1_764_000_000_000,
        }
    }

    #[test]
    fn categories_serialise_as_personio_strings() {
        let json = serde_json::to_string(&DocumentCategory::ALL).unwrap();
        assert_eq!(
            json,
            r#"["cv","cover-letter","employment-reference","certificate","work-sample","other"]"#
        );
        for category in DocumentCategory::ALL {
            let quoted = format!("\"{}\"", category.as_str());
            assert_eq!(
                serde_json::from_str::<DocumentCategory>(&quoted).unwrap(),
                category
            );
            assert_eq!(category.as_str().parse::<DocumentCategory>(), Ok(category));
            assert!(category.key().starts_with("docCat"));
        }
        assert_eq!(DocumentCategory::default(), DocumentCategory::Cv);
        assert_eq!(
            "CV".parse::<DocumentCategory>(),
            Err(UnknownCategory("CV".into()))
        );
        assert!(serde_json::from_str::<DocumentCategory>(r#""cover_letter""#).is_err());
    }

    #[test]
    fn a_draft_round_trips_through_json() {
        let draft = valid();
        let json = serde_json::to_string(&draft).unwrap();
        assert!(json.contains(r#""job_position_id":1234567"#), "{json}");
        assert!(json.contains(r#""category":"cv""#), "{json}");
        assert_eq!(
            serde_json::from_str::<ApplicationDraft>(&json).unwrap(),
            draft
        );
    }

    #[test]
    fn an_old_or_partial_draft_still_loads() {
        let draft: ApplicationDraft = serde_json::from_str(
            r#"{"profile_url":"u","email":"a@b.co","documents":[{"id":"1","name":"a.pdf","size":3,"mime":"application/pdf"}],"future_field":true}"#,
        )
        .unwrap();
        assert_eq!(draft.email, "a@b.co");
        assert_eq!(draft.job_position_id, None);
        assert_eq!(draft.documents[0].category, DocumentCategory::Cv);
    }

    #[test]
    fn a_complete_draft_has_no_issues() {
        assert_eq!(valid().validate(), vec![]);
        assert!(valid().is_valid());
    }

    #[test]
    fn issues_name_the_personio_field_and_the_message_key() {
        let draft = ApplicationDraft {
            job_position_id: None,
            first_name: " ".into(),
            email: "ines@example".into(),
            phone: "12".into(),
            message: "x".repeat(validation::MAX_MESSAGE_CHARS + 1),
            tags: vec!["y".repeat(validation::MAX_TAG_CHARS + 1)],
            documents: vec![DraftDocument {
                name: "virus.exe".into(),
                size: 10,
                ..DraftDocument::default()
            }],
            ..valid()
        };
        let issues: Vec<(&str, &str)> = draft.validate().iter().map(|i| (i.field, i.key)).collect();
        assert_eq!(
            issues,
            vec![
                ("job_position_id", "valPositionRequired"),
                ("first_name", "valFirstNameRequired"),
                ("email", "valEmailDomainNoDot"),
                ("phone", "valPhoneTooShort"),
                ("message", "valCommentTooLong"),
                ("tags", "valTagTooLong"),
                ("files", "docRefusedType"),
            ]
        );
        let big = DraftDocument {
            name: "cv.pdf".into(),
            size: MAX_DOCUMENT_BYTES + 1,
            ..DraftDocument::default()
        };
        assert!(!document_fits(&big));
        assert!(document_fits(&valid().documents[0]));
        let draft = ApplicationDraft {
            documents: vec![big],
            ..valid()
        };
        assert_eq!(
            draft.validate(),
            vec![FieldIssue {
                field: "files",
                key: "docRefusedSize"
            }]
        );
    }

    #[test]
    fn a_draft_becomes_the_personio_form_and_uploads() {
        let draft = ApplicationDraft {
            email: " ines@example.com ".into(),
            phone: "  ".into(),
            tags: vec!["Rust".into(), " rust ".into(), "Backend".into()],
            ..valid()
        };
        let form = draft.to_candidate_form().unwrap();
        assert_eq!(form.email, "ines@example.com");
        assert_eq!(form.phone, None);
        assert_eq!(form.location.as_deref(), Some("Lyon, France"));
        assert_eq!(form.message.as_deref(), Some("Met at RustConf"));
        assert_eq!(
            form.linkedin_url.as_deref(),
            Some("https://www.linkedin.com/in/ines-duval/")
        );
        assert_eq!(form.tags, vec!["Rust", "Backend"]);
        assert_eq!(form.job_position_id, PositionId(1_234_567));
        let no_position = ApplicationDraft {
            job_position_id: None,
            ..valid()
        };
        assert_eq!(no_position.to_candidate_form(), None);

        let upload = draft.documents[0].to_upload();
        assert_eq!(
            (upload.document_id.as_str(), upload.name.as_str()),
            ("doc-1", "CV Inès.pdf")
        );
        for category in DocumentCategory::ALL {
            assert_eq!(serde_json::to_value(category).unwrap(), category.as_str());
        }
    }

    #[test]
    fn a_draft_is_prefilled_from_the_profile() {
        let profile = Profile {
            profile_url: Field::visible("https://www.linkedin.com/in/ines-duval/".into()),
            first_name: Field::visible("Inès".into()),
            last_name: Field::visible("Duval-Okoye".into()),
            location: Field::embedded("Lyon, France".into()),
            contact: ContactInfo {
                emails: Field::visible(vec!["ines@example.com".into(), "other@example.com".into()]),
                phones: Field::missing(),
                websites: Field::missing(),
            },
            ..Profile::default()
        };
        let draft = ApplicationDraft::from_profile(&profile, "");
        assert_eq!(draft.profile_url, "https://www.linkedin.com/in/ines-duval/");
        assert_eq!(
            (draft.first_name.as_str(), draft.last_name.as_str()),
            ("Inès", "Duval-Okoye")
        );
        assert_eq!(draft.location, "Lyon, France");
        assert_eq!(draft.email, "ines@example.com");
        assert_eq!(draft.phone, "");
        assert_eq!(draft.job_position_id, None);
        assert!(draft.tags.is_empty() && draft.documents.is_empty());
        let keyed = ApplicationDraft::from_profile(&profile, "linkedin:in:ines-duval");
        assert_eq!(keyed.profile_url, "linkedin:in:ines-duval");
        let issues = draft.validate();
        assert_eq!(
            issues,
            vec![FieldIssue {
                field: "job_position_id",
                key: "valPositionRequired"
            }]
        );
    }
}
