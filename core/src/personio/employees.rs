//! The v1 Personnel Data calls of the HRIS export: find an employee by e-mail, create one from a hired
//! candidate (`{"employee": …}`), list document categories and attach the CV
//! (`POST /v1/company/documents`). All calls use the `/v1/auth` token; the export itself, one call per
//! step, is [`crate::hris::ExportJob`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::application::{is_iso_date, looks_like_email};
use super::client::{unexpected, Auth, Call, PersonioClient};
use super::encode::{form_urlencode, mime_for, Multipart};
use super::error::{Family, FieldError, PersonioError};
use super::http::{HttpRequest, Transport};
use super::wire::{lenient_list, lenient_object, lenient_text, split, Lenient};

/// The `employee` object of `POST /v1/company/employees`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewEmployee {
    /// E-mail (required, cannot be changed later).
    pub email: String,
    /// First name (required).
    pub first_name: String,
    /// Last name (required).
    pub last_name: String,
    /// Preferred name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_name: Option<String>,
    /// `male`, `female`, `diverse`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Position (job title).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Existing subcompany name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subcompany: Option<String>,
    /// Existing department name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Existing office name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// `yyyy-mm-dd`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hire_date: Option<String>,
    /// Weekly hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekly_working_hours: Option<f64>,
    /// `onboarding`, `active`, `leave`, `inactive`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Existing employee id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supervisor_id: Option<i64>,
    /// `dynamic_<id>` → value.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub custom_attributes: BTreeMap<String, String>,
}

/// An employee found by e-mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Employee {
    /// Employee id.
    pub id: i64,
    /// E-mail.
    pub email: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Status.
    pub status: Option<String>,
}

/// Result of creating an employee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeeCreated {
    /// Employee id.
    pub id: i64,
    /// Personio's notes on ignored values (unknown department / office / subcompany).
    pub warnings: Vec<String>,
}

/// A personnel document category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentCategoryInfo {
    /// Category id.
    pub id: i64,
    /// Name.
    pub name: String,
}

impl NewEmployee {
    /// Checks done before any call; field names are `employee.<field>`.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errs = vec![];
        let required = "errors.attribute-validation.required-attribute";
        for (f, v) in [
            ("email", &self.email),
            ("first_name", &self.first_name),
            ("last_name", &self.last_name),
        ] {
            if v.trim().is_empty() {
                errs.push(FieldError::new(format!("employee.{f}"), required));
            }
        }
        if !self.email.trim().is_empty() && !looks_like_email(self.email.trim()) {
            errs.push(FieldError::new(
                "employee.email",
                "errors.attribute-validation.invalid-email-format",
            ));
        }
        if self.hire_date.as_deref().is_some_and(|d| !is_iso_date(d)) {
            errs.push(FieldError::new(
                "employee.hire_date",
                "errors.attribute-validation.invalid-date-format",
            ));
        }
        if self
            .gender
            .as_deref()
            .is_some_and(|g| !["male", "female", "diverse"].contains(&g))
        {
            errs.push(FieldError::new(
                "employee.gender",
                "errors.attribute-validation.unknown-attribute-option",
            ));
        }
        if self
            .status
            .as_deref()
            .is_some_and(|s| !["onboarding", "active", "leave", "inactive"].contains(&s))
        {
            errs.push(FieldError::new(
                "employee.status",
                "errors.attribute-validation.unknown-attribute-option",
            ));
        }
        if errs.is_empty() {
            Ok(())
        } else {
            Err(errs)
        }
    }
}

/// `GET /v1/company/employees` (`EmployeesResponse`): `data[{type, attributes{<key>{label, value}}}]`.
#[derive(Deserialize)]
struct EmployeesAnswer {
    #[serde(default, deserialize_with = "lenient_list")]
    data: Option<Vec<Lenient<EmployeeItem>>>,
}

#[derive(Default, Deserialize)]
struct EmployeeItem {
    #[serde(default, deserialize_with = "lenient_object")]
    attributes: Option<EmployeeAttributes>,
}

#[derive(Default, Deserialize)]
struct EmployeeAttributes {
    #[serde(default, deserialize_with = "lenient_object")]
    id: Option<AttributeValue>,
    #[serde(default, deserialize_with = "lenient_object")]
    email: Option<AttributeValue>,
    #[serde(default, deserialize_with = "lenient_object")]
    first_name: Option<AttributeValue>,
    #[serde(default, deserialize_with = "lenient_object")]
    last_name: Option<AttributeValue>,
    #[serde(default, deserialize_with = "lenient_object")]
    status: Option<AttributeValue>,
}

/// `{label, value, type, universal_id}`: only the value is read (as text, numbers included).
#[derive(Default, Deserialize)]
struct AttributeValue {
    #[serde(default, deserialize_with = "lenient_text")]
    value: Option<String>,
}

fn value(a: Option<AttributeValue>) -> Option<String> {
    a.and_then(|a| a.value)
}

/// A personnel id written as an integer, a float (`81723.0`) or a string.
fn personnel_id(text: Option<String>) -> Option<i64> {
    let f = text?.trim().parse::<f64>().ok()?;
    (f.is_finite() && f.fract() == 0.0).then_some(f as i64)
}

/// `{success, data: {id, …}, meta: {errors: [text]}}` (`EmployeeCreatedResponse`,
/// `DocumentUploadSuccessResponse`).
#[derive(Deserialize)]
struct Created {
    #[serde(default, deserialize_with = "lenient_object")]
    data: Option<CreatedData>,
    #[serde(default, deserialize_with = "lenient_object")]
    meta: Option<CreatedMeta>,
}

#[derive(Default, Deserialize)]
struct CreatedData {
    #[serde(default, deserialize_with = "lenient_text")]
    id: Option<String>,
}

#[derive(Default, Deserialize)]
struct CreatedMeta {
    #[serde(default, deserialize_with = "lenient_list")]
    errors: Option<Vec<Lenient<String>>>,
}

/// `GET /v1/company/document-categories` (`DocumentCategoriesResponse`).
#[derive(Deserialize)]
struct CategoriesAnswer {
    #[serde(default, deserialize_with = "lenient_list")]
    data: Option<Vec<Lenient<CategoryItem>>>,
}

#[derive(Default, Deserialize)]
struct CategoryItem {
    #[serde(default, deserialize_with = "lenient_text")]
    id: Option<String>,
    #[serde(default, deserialize_with = "lenient_object")]
    attributes: Option<CategoryAttributes>,
}

#[derive(Default, Deserialize)]
struct CategoryAttributes {
    #[serde(default, deserialize_with = "lenient_text")]
    name: Option<String>,
}

impl<T: Transport> PersonioClient<T> {
    fn personnel_call() -> Call {
        Call {
            family: Family::Personnel,
            auth: Auth::Personnel,
            budgeted: false,
        }
    }

    /// `GET /v1/company/employees?email=` → the employee with that e-mail, if any.
    pub async fn find_employee_by_email(
        &mut self,
        email: &str,
        now_ms: u64,
    ) -> Result<Option<Employee>, PersonioError> {
        let url = format!(
            "{}?{}",
            self.api_url("/v1/company/employees"),
            form_urlencode(&[("email", email.trim()), ("limit", "10")])
        );
        let resp = self
            .execute(HttpRequest::get(url), Self::personnel_call(), now_ms)
            .await?;
        let answer: EmployeesAnswer = resp.json().map_err(|e| unexpected(&resp, e))?;
        let list = split(answer.data.unwrap_or_default()).0;
        Ok(list.into_iter().find_map(|e| {
            let a = e.attributes?;
            let mail = value(a.email)?;
            if !mail.trim().eq_ignore_ascii_case(email.trim()) {
                return None;
            }
            Some(Employee {
                id: personnel_id(value(a.id))?,
                email: mail,
                first_name: value(a.first_name).unwrap_or_default(),
                last_name: value(a.last_name).unwrap_or_default(),
                status: value(a.status),
            })
        }))
    }

    /// `POST /v1/company/employees` with `{"employee": …}`. Required fields, e-mail, `hire_date`
    /// format and the `gender` / `status` values are checked first (`employee.<field>` errors).
    pub async fn create_employee(
        &mut self,
        employee: &NewEmployee,
        now_ms: u64,
    ) -> Result<EmployeeCreated, PersonioError> {
        employee
            .check()
            .map_err(|fields| PersonioError::Validation {
                fields,
                trace_id: None,
            })?;
        let body = json!({ "employee": employee }).to_string().into_bytes();
        let req = HttpRequest::post(
            self.api_url("/v1/company/employees"),
            "application/json",
            body,
        );
        let resp = self.execute(req, Self::personnel_call(), now_ms).await?;
        let answer: Created = resp.json().map_err(|e| unexpected(&resp, e))?;
        let id = personnel_id(answer.data.and_then(|d| d.id))
            .ok_or_else(|| unexpected(&resp, "no data.id"))?;
        // Personio's notes on ignored values are free text (strings in the official example).
        let warnings = split(answer.meta.and_then(|m| m.errors).unwrap_or_default()).0;
        Ok(EmployeeCreated { id, warnings })
    }

    /// `GET /v1/company/document-categories`.
    pub async fn document_categories(
        &mut self,
        now_ms: u64,
    ) -> Result<Vec<DocumentCategoryInfo>, PersonioError> {
        let resp = self
            .execute(
                HttpRequest::get(self.api_url("/v1/company/document-categories")),
                Self::personnel_call(),
                now_ms,
            )
            .await?;
        let answer: CategoriesAnswer = resp.json().map_err(|e| unexpected(&resp, e))?;
        Ok(split(answer.data.unwrap_or_default())
            .0
            .into_iter()
            .filter_map(|c| {
                Some(DocumentCategoryInfo {
                    id: personnel_id(c.id)?,
                    name: c.attributes.and_then(|a| a.name).unwrap_or_default(),
                })
            })
            .collect())
    }

    /// `POST /v1/company/documents` (multipart: `title`, `employee_id`, `category_id`, `file`).
    pub async fn upload_employee_document(
        &mut self,
        employee_id: i64,
        category_id: i64,
        title: &str,
        file_name: &str,
        bytes: &[u8],
        now_ms: u64,
    ) -> Result<i64, PersonioError> {
        let mut mp = Multipart::new(bytes);
        mp.text("title", title)
            .text("employee_id", &employee_id.to_string())
            .text("category_id", &category_id.to_string())
            .file("file", file_name, mime_for(file_name), bytes);
        let (ct, body) = mp.finish();
        let req = HttpRequest::post(self.api_url("/v1/company/documents"), &ct, body);
        let resp = self.execute(req, Self::personnel_call(), now_ms).await?;
        let answer: Created = resp.json().map_err(|e| unexpected(&resp, e))?;
        personnel_id(answer.data.and_then(|d| d.id)).ok_or_else(|| unexpected(&resp, "no data.id"))
    }
}
