//! The two recruiting write calls: one document upload per file, then the application that
//! references the uploads (v2 with OAuth, v1 with the recruiting token).

use serde::{Deserialize, Serialize};

use super::application::{check_document, FileReference, NewApplication, UploadedFile};
use super::client::{unexpected, Auth, Call, PersonioClient};
use super::config::ApiVersion;
use super::encode::{mime_for, normalise_file_name, Multipart};
use super::error::{Family, PersonioError};
use super::http::{HttpRequest, Transport};
use super::wire::CreatedObject;

/// What Personio answered to a created application.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedApplication {
    /// Application id when the response carried one (v2 `CreatedObject.id`; v1 sends no body).
    pub id: Option<String>,
    /// True when the create was answered `applicant-already-exists` after an earlier attempt of ours.
    pub recovered_duplicate: bool,
}

impl<T: Transport> PersonioClient<T> {
    fn recruiting_call(&self) -> Result<(ApiVersion, Call), PersonioError> {
        let api = self.recruiting_api()?;
        let auth = if api == ApiVersion::V2 {
            Auth::Bearer
        } else {
            Auth::RecruitingToken
        };
        Ok((
            api,
            Call {
                family: Family::Recruiting,
                auth,
                budgeted: true,
            },
        ))
    }

    /// Uploads one candidate document (`multipart/form-data`, field `file`). `.jpeg`/`.tiff` are
    /// renamed to `.jpg`/`.tif`; type and 20 MB limit are checked first (no call is spent on them).
    pub async fn upload_document(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        now_ms: u64,
    ) -> Result<UploadedFile, PersonioError> {
        let name = normalise_file_name(file_name);
        if let Err(e) = check_document(0, &name, bytes.len() as u64) {
            return Err(if e.reason == "errors.file-too-big" {
                PersonioError::TooLarge {
                    field: "file".into(),
                }
            } else {
                PersonioError::Validation {
                    fields: vec![super::error::FieldError::new("file", e.reason)],
                    trace_id: None,
                }
            });
        }
        let (api, call) = self.recruiting_call()?;
        let mut mp = Multipart::new(bytes);
        mp.file("file", &name, mime_for(&name), bytes);
        let (content_type, body) = mp.finish();
        let path = match api {
            ApiVersion::V2 => "/v2/recruiting/applications/documents",
            ApiVersion::V1 => "/v1/recruiting/applications/documents",
        };
        let req = HttpRequest::post(self.api_url(path), &content_type, body);
        let resp = self.execute(req, call, now_ms).await?;
        resp.json::<UploadedFile>()
            .map_err(|e| unexpected(&resp, e))
    }

    /// Creates the application (`201`). Errors come back typed: `Validation` with Personio's field
    /// names, `AlreadyExists`, `NotPublished`, …
    pub async fn create_application(
        &mut self,
        application: &NewApplication,
        files: &[FileReference],
        now_ms: u64,
    ) -> Result<CreatedApplication, PersonioError> {
        application
            .check()
            .map_err(|fields| PersonioError::Validation {
                fields,
                trace_id: None,
            })?;
        let (api, call) = self.recruiting_call()?;
        let path = match api {
            ApiVersion::V2 => "/v2/recruiting/applications",
            ApiVersion::V1 => "/v1/recruiting/applications",
        };
        let body = application.to_body(files).to_string().into_bytes();
        let req = HttpRequest::post(self.api_url(path), "application/json", body);
        let resp = self.execute(req, call, now_ms).await?;
        // v1 answers without a body; v2 with a `CreatedObject` whose `id` is optional.
        let id = resp
            .json::<CreatedObject>()
            .ok()
            .and_then(|created| created.id)
            .map(|id| id.0);
        Ok(CreatedApplication {
            id,
            recovered_duplicate: false,
        })
    }
}
