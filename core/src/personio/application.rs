//! The application Personio receives ([`NewApplication`], built from the recruiter's form by the field mapping),
//! document categories and file references, the JSON body, and the checks done before any call.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::encode::{extension, RECRUITING_FILE_TYPES, RECRUITING_MAX_FILE_BYTES};
use super::error::FieldError;
use super::ids::PositionId;

/// The category of an attached document, serialised exactly as Personio's `files[].category`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentCategory {
    /// `cv`: curriculum vitae (the default).
    #[default]
    Cv,
    /// `cover-letter`.
    CoverLetter,
    /// `employment-reference`: a reference from a former employer.
    EmploymentReference,
    /// `certificate`: diplomas and certificates.
    Certificate,
    /// `work-sample`.
    WorkSample,
    /// `other`.
    Other,
}

impl DocumentCategory {
    /// Every category, in the order the UI offers them.
    pub const ALL: [DocumentCategory; 6] = [
        DocumentCategory::Cv,
        DocumentCategory::CoverLetter,
        DocumentCategory::EmploymentReference,
        DocumentCategory::Certificate,
        DocumentCategory::WorkSample,
        DocumentCategory::Other,
    ];

    /// Personio's string for the category (`cv`, `cover-letter`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentCategory::Cv => "cv",
            DocumentCategory::CoverLetter => "cover-letter",
            DocumentCategory::EmploymentReference => "employment-reference",
            DocumentCategory::Certificate => "certificate",
            DocumentCategory::WorkSample => "work-sample",
            DocumentCategory::Other => "other",
        }
    }

    /// The i18n key of the category's label.
    pub fn key(self) -> &'static str {
        match self {
            DocumentCategory::Cv => "docCatCv",
            DocumentCategory::CoverLetter => "docCatCoverLetter",
            DocumentCategory::EmploymentReference => "docCatEmploymentReference",
            DocumentCategory::Certificate => "docCatCertificate",
            DocumentCategory::WorkSample => "docCatWorkSample",
            DocumentCategory::Other => "docCatOther",
        }
    }
}

impl fmt::Display for DocumentCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is not one of Personio's document categories.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown document category {0:?}")]
pub struct UnknownCategory(pub String);

impl FromStr for DocumentCategory {
    type Err = UnknownCategory;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DocumentCategory::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCategory(s.to_string()))
    }
}

/// What the documents endpoint returned for one upload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedFile {
    /// Reference to use in `files[].uuid`.
    pub uuid: String,
    /// Size in bytes.
    pub size: u64,
    /// Detected MIME type.
    pub mimetype: String,
    /// File name as uploaded.
    pub original_filename: String,
    /// Extension Personio detected.
    pub extension: String,
}

/// One entry of `files[]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileReference {
    /// Upload uuid.
    pub uuid: String,
    /// File name.
    pub original_filename: String,
    /// Category.
    pub category: DocumentCategory,
}

/// One entry of `attributes[]` (`phone`, `location`, `custom_attribute_<n>`, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribute {
    /// Attribute id.
    pub id: String,
    /// Value (always a string on the wire).
    pub value: String,
}

/// The `phase` object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    /// `system` or `custom`.
    #[serde(rename = "type")]
    pub kind: String,
    /// System phase name or custom phase id.
    pub id: Value,
}

/// An application ready to send (everything except the uploaded file references); not to be confused with
/// the recruiter's per-profile draft ([`crate::draft::ApplicationDraft`]) it is built from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewApplication {
    /// `first_name` (required).
    pub first_name: String,
    /// `last_name` (required).
    pub last_name: String,
    /// `email` (required).
    pub email: String,
    /// `job_position_id` (required, integer).
    pub job_position_id: PositionId,
    /// `message`.
    pub message: Option<String>,
    /// `application_date` (`yyyy-mm-dd`, not in the future).
    pub application_date: Option<String>,
    /// `tags` (unknown tags are created by Personio).
    pub tags: Vec<String>,
    /// `attributes`.
    pub attributes: Vec<Attribute>,
    /// `recruiting_channel_id`.
    pub recruiting_channel_id: Option<i64>,
    /// `external_posting_id`.
    pub external_posting_id: Option<String>,
    /// `phase`.
    pub phase: Option<Phase>,
}

impl NewApplication {
    /// The JSON body of `POST /v{1,2}/recruiting/applications` (the `submit_application` schema).
    pub fn to_body(&self, files: &[FileReference]) -> Value {
        let mut body = json!({
            "first_name": self.first_name.trim(),
            "last_name": self.last_name.trim(),
            "email": self.email.trim(),
            "job_position_id": self.job_position_id,
        });
        let obj = body.as_object_mut().expect("object");
        if let Some(m) = self.message.as_deref().filter(|m| !m.trim().is_empty()) {
            obj.insert("message".into(), json!(m));
        }
        if let Some(d) = &self.application_date {
            obj.insert("application_date".into(), json!(d));
        }
        if let Some(id) = self.recruiting_channel_id {
            obj.insert("recruiting_channel_id".into(), json!(id));
        }
        if let Some(p) = &self.external_posting_id {
            obj.insert("external_posting_id".into(), json!(p));
        }
        if let Some(p) = &self.phase {
            obj.insert("phase".into(), json!({"type": p.kind, "id": p.id}));
        }
        if !self.tags.is_empty() {
            obj.insert("tags".into(), json!(self.tags));
        }
        if !files.is_empty() {
            obj.insert("files".into(), serde_json::to_value(files).expect("files"));
        }
        if !self.attributes.is_empty() {
            obj.insert(
                "attributes".into(),
                serde_json::to_value(&self.attributes).expect("attributes"),
            );
        }
        body
    }

    /// Checks done before any network call (required fields, e-mail shape, date format).
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errs = Vec::new();
        for (field, value) in [
            ("first_name", &self.first_name),
            ("last_name", &self.last_name),
            ("email", &self.email),
        ] {
            if value.trim().is_empty() {
                errs.push(FieldError::new(
                    field,
                    "errors.attribute-validation.required-attribute",
                ));
            }
        }
        if !self.email.trim().is_empty() && !looks_like_email(self.email.trim()) {
            errs.push(FieldError::new(
                "email",
                "errors.attribute-validation.invalid-email-format",
            ));
        }
        if !self.job_position_id.is_valid() {
            errs.push(FieldError::new(
                "job_position_id",
                "errors.attribute-validation.required-attribute",
            ));
        }
        if let Some(d) = &self.application_date {
            if !is_iso_date(d) {
                errs.push(FieldError::new(
                    "application_date",
                    "errors.attribute-validation.invalid-date-format",
                ));
            }
        }
        if errs.is_empty() {
            Ok(())
        } else {
            Err(errs)
        }
    }
}

/// An e-mail address by the same rule the popup applies ([`crate::validation::email`]).
pub fn looks_like_email(s: &str) -> bool {
    crate::validation::email(s).is_ok()
}

/// `yyyy-mm-dd` with a plausible month and day.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    matches!((digits(0..4), digits(5..7), digits(8..10)), (Some(_), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d))
}

/// Checks a candidate document before uploading it (`files[i]` field names).
pub fn check_document(index: usize, file_name: &str, size: u64) -> Result<(), FieldError> {
    let field = format!("files[{index}]");
    match extension(file_name) {
        Some(ext) if RECRUITING_FILE_TYPES.contains(&ext.as_str()) => {}
        _ => return Err(FieldError::new(field, "errors.invalid-file-type")),
    }
    if size > RECRUITING_MAX_FILE_BYTES {
        return Err(FieldError::new(field, "errors.file-too-big"));
    }
    Ok(())
}

/// How the recruiter's form maps onto Personio fields (see the stand-in README).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldMapping {
    /// Custom attribute id for the LinkedIn profile URL (e.g. `custom_attribute_1001`); when `None`
    /// the URL is appended to `message`.
    pub linkedin_attribute_id: Option<String>,
}

/// What the recruiter confirmed in the popup.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateForm {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// E-mail.
    pub email: String,
    /// Phone, if known.
    pub phone: Option<String>,
    /// Location line, if known.
    pub location: Option<String>,
    /// LinkedIn profile URL.
    pub linkedin_url: Option<String>,
    /// The recruiter's comment, Personio's `message` (outboxes stored before the rename say `comment`).
    #[serde(alias = "comment")]
    pub message: Option<String>,
    /// Tags to set.
    pub tags: Vec<String>,
    /// Chosen position.
    pub job_position_id: PositionId,
    /// Further attributes (`salary_expectations`, `custom_attribute_<n>`, …).
    pub extra_attributes: Vec<Attribute>,
}

/// Builds the application: names/e-mail/position as is, the message, phone and location →
/// system attributes, LinkedIn URL → the configured custom attribute (or appended to `message`).
/// `application_date` is the recruiter's local date when the caller knows it, else left out (Personio
/// then uses its own today); a UTC date could already be tomorrow in the tenant's time zone.
pub fn build_application(
    form: &CandidateForm,
    mapping: &FieldMapping,
    local_date: Option<&str>,
) -> NewApplication {
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let mut attributes = Vec::new();
    if let Some(phone) = clean(&form.phone) {
        attributes.push(Attribute {
            id: "phone".into(),
            value: phone,
        });
    }
    if let Some(location) = clean(&form.location) {
        attributes.push(Attribute {
            id: "location".into(),
            value: location,
        });
    }
    let mut message = clean(&form.message);
    if let Some(url) = clean(&form.linkedin_url) {
        match mapping
            .linkedin_attribute_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(id) => attributes.push(Attribute {
                id: id.into(),
                value: url,
            }),
            None => {
                let line = format!("LinkedIn: {url}");
                message = Some(match message {
                    Some(m) => format!("{m}\n\n{line}"),
                    None => line,
                });
            }
        }
    }
    for extra in &form.extra_attributes {
        if !attributes.iter().any(|a| a.id == extra.id) {
            attributes.push(extra.clone());
        }
    }
    let mut tags: Vec<String> = Vec::new();
    for t in form.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|x| x == t) {
            tags.push(t.to_string());
        }
    }
    NewApplication {
        first_name: form.first_name.trim().into(),
        last_name: form.last_name.trim().into(),
        email: form.email.trim().into(),
        job_position_id: form.job_position_id,
        message,
        application_date: local_date.filter(|d| is_iso_date(d)).map(str::to_string),
        tags,
        attributes,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_with_and_without_attribute() {
        let form = CandidateForm {
            first_name: " Ada ".into(),
            last_name: "Lovelace".into(),
            email: "ada@example.com".into(),
            phone: Some("+44 1".into()),
            location: Some(" London ".into()),
            linkedin_url: Some("https://www.linkedin.com/in/ada/".into()),
            message: Some("Strong".into()),
            tags: vec!["linkedin".into(), "linkedin".into(), " ".into()],
            job_position_id: PositionId(7),
            extra_attributes: vec![],
        };
        let with = build_application(
            &form,
            &FieldMapping {
                linkedin_attribute_id: Some("custom_attribute_1001".into()),
            },
            Some("1970-01-01"),
        );
        assert_eq!(with.first_name, "Ada");
        assert_eq!(with.message.as_deref(), Some("Strong"));
        assert_eq!(with.attributes.len(), 3);
        assert_eq!(with.tags, vec!["linkedin"]);
        assert_eq!(with.application_date.as_deref(), Some("1970-01-01"));
        let without = build_application(&form, &FieldMapping::default(), None);
        assert_eq!(
            without.application_date, None,
            "left out when the local date is unknown"
        );
        assert_eq!(
            build_application(&form, &FieldMapping::default(), Some("05.03.2026")).application_date,
            None
        );
        assert_eq!(
            without.message.as_deref(),
            Some("Strong\n\nLinkedIn: https://www.linkedin.com/in/ada/")
        );
        let body = with.to_body(&[FileReference {
            uuid: "u".into(),
            original_filename: "cv.pdf".into(),
            category: DocumentCategory::Cv,
        }]);
        assert_eq!(body["job_position_id"], 7);
        assert_eq!(body["files"][0]["category"], "cv");
        assert_eq!(body["attributes"][2]["id"], "custom_attribute_1001");
    }

    #[test]
    fn local_checks() {
        let d = NewApplication {
            email: "x@y".into(),
            ..Default::default()
        };
        let errs = d.check().unwrap_err();
        assert!(errs.contains(&FieldError::new(
            "first_name",
            "errors.attribute-validation.required-attribute"
        )));
        assert!(errs.contains(&FieldError::new(
            "email",
            "errors.attribute-validation.invalid-email-format"
        )));
        assert!(check_document(0, "cv.pdf", 10).is_ok());
        assert_eq!(
            check_document(1, "cv.html", 10).unwrap_err().field,
            "files[1]"
        );
        assert_eq!(
            check_document(0, "cv.pdf", RECRUITING_MAX_FILE_BYTES + 1)
                .unwrap_err()
                .reason,
            "errors.file-too-big"
        );
    }
}
