//! Seeded data: one company with positions (one unpublished), attributes, a channel, API clients,
//! an existing applicant, an employee and document categories; plus a second company whose
//! recruiting API is disabled (for the documented 403).

use serde::Serialize;

/// Company 1 id (`X-Company-ID`).
pub const COMPANY_ID: &str = "41230";
/// Company 1 recruiting API token.
pub const RECRUITING_TOKEN: &str = "standin-recruiting-token";
/// Company 2 id (recruiting API disabled).
pub const DISABLED_COMPANY_ID: &str = "41231";
/// Company 2 recruiting token.
pub const DISABLED_RECRUITING_TOKEN: &str = "standin-disabled-token";
/// Full-rights API client.
pub const CLIENT_ID: &str = "standin-client-id";
/// Its secret.
pub const CLIENT_SECRET: &str = "standin-client-secret";
/// Read-only API client (`personio:recruiting:read`, `employees:read`).
pub const READONLY_CLIENT_ID: &str = "standin-readonly-id";
/// Its secret.
pub const READONLY_CLIENT_SECRET: &str = "standin-readonly-secret";
/// Write-only API client (`personio:recruiting:write`): creates applications but may read no candidate
/// or application (every v2 recruiting read answers `403` "Insufficient access scope").
pub const WRITEONLY_CLIENT_ID: &str = "standin-writeonly-id";
/// Its secret.
pub const WRITEONLY_CLIENT_SECRET: &str = "standin-writeonly-secret";
/// Subdomain the seeded company answers for.
pub const SUBDOMAIN: &str = "acme";
/// Custom attribute seeded for the LinkedIn profile URL.
pub const LINKEDIN_ATTRIBUTE: &str = "custom_attribute_1001";
/// The e-mail of the seeded applicant (applied to position 1001).
pub const EXISTING_APPLICANT_EMAIL: &str = "erika.mustermann@example.com";
/// A candidate who applied on the career site with a private e-mail and her LinkedIn profile
/// (position 1001); the e2e LinkedIn duplicate check recognises her by the profile.
pub const LINKEDIN_APPLICANT_EMAIL: &str = "ravi.c@private.example";
/// Her `linkedin_profile`, written without scheme as a person might type it.
pub const LINKEDIN_APPLICANT_PROFILE: &str = "linkedin.com/in/ravi-castellano-9e21f0";
/// The tenant's time zone (v2 date-times name it).
pub const TIMEZONE: &str = "Europe/Berlin";
/// The id of the seeded recruiting category.
pub const CATEGORY_ID: &str = "80001";

/// A company.
#[derive(Clone, Debug, Serialize)]
pub struct Company {
    /// Company id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Recruiting token.
    pub recruiting_token: String,
    /// `feature.public-api.disabled` when false.
    pub public_api_enabled: bool,
    /// `feature.recruiting.disabled` when false.
    pub recruiting_enabled: bool,
}

/// A job position.
#[derive(Clone, Debug, Serialize)]
pub struct JobPosition {
    /// `job_position_id`.
    pub id: i64,
    /// Owning company.
    pub company_id: String,
    /// English title.
    pub name_en: String,
    /// German title.
    pub name_de: String,
    /// Department.
    pub department: String,
    /// Office.
    pub office: String,
    /// Subcompany ("" for none).
    pub subcompany: String,
    /// Recruiting category.
    pub category: String,
    /// Published on the career site.
    pub published: bool,
    /// `employmentType`.
    pub employment_type: &'static str,
    /// `seniority`.
    pub seniority: &'static str,
    /// `schedule`.
    pub schedule: &'static str,
    /// `yearsOfExperience`.
    pub years: &'static str,
    /// `keywords`.
    pub keywords: String,
    /// `occupation`.
    pub occupation: String,
    /// `occupationCategory`.
    pub occupation_category: String,
    /// Creation time.
    pub created_at: String,
    /// Last update.
    pub updated_at: String,
}

/// Kind of an applicant attribute.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(tag = "type", content = "options", rename_all = "UPPERCASE")]
pub enum AttributeKind {
    /// Free text.
    Text,
    /// ISO local date.
    Date,
    /// One of the options.
    Option(Vec<String>),
}

/// A known attribute id.
#[derive(Clone, Debug, Serialize)]
pub struct AttributeDef {
    /// `phone`, `custom_attribute_1001`, …
    pub id: String,
    /// Label.
    pub label: String,
    /// Kind.
    pub kind: AttributeKind,
}

/// A recruiting channel and the postings it knows.
#[derive(Clone, Debug, Serialize)]
pub struct Channel {
    /// `recruiting_channel_id`.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Valid `external_posting_id`s.
    pub postings: Vec<String>,
}

/// An API client (OAuth v2 and `/v1/auth`).
#[derive(Clone, Debug, Serialize)]
pub struct ApiClient {
    /// Client id.
    pub client_id: String,
    /// Secret.
    pub client_secret: String,
    /// Company.
    pub company_id: String,
    /// v2 scopes.
    pub scopes: Vec<String>,
    /// v1 personnel rights (`employees:read`, `employees:write`, `documents:write`).
    pub personnel_rights: Vec<String>,
}

/// A stage of the seeded category. System stages answer with `id: null` (public clients type `id`
/// and `name` as nullable); the meaning is in `kind`, `type` tells system from custom.
#[derive(Clone, Debug, Serialize)]
pub struct StageDef {
    /// The stand-in's own key: the v1 system phase (`unassigned`, `offer`, `accepted`, …) or the
    /// custom phase id.
    pub key: String,
    /// `id` in answers (`None` for system stages).
    pub id: Option<String>,
    /// The tenant's name for it (German tenant).
    pub name: String,
    /// `kind`.
    pub kind: String,
    /// `type`.
    pub stage_type: String,
}

impl StageDef {
    /// True for the system stages (their `name` is `null` in `current_stage`).
    pub fn is_system(&self) -> bool {
        self.id.is_none()
    }
}

/// Everything seeded.
#[derive(Clone, Debug, Serialize)]
pub struct Seed {
    /// Companies.
    pub companies: Vec<Company>,
    /// Positions.
    pub positions: Vec<JobPosition>,
    /// Known attributes.
    pub attributes: Vec<AttributeDef>,
    /// Channels.
    pub channels: Vec<Channel>,
    /// API clients.
    pub clients: Vec<ApiClient>,
    /// Departments known to personnel data.
    pub departments: Vec<String>,
    /// Offices.
    pub offices: Vec<String>,
    /// Subcompanies.
    pub subcompanies: Vec<String>,
    /// Document categories (id, name).
    pub document_categories: Vec<(i64, String)>,
    /// The stages of the one recruiting category, in the tenant's order.
    pub stages: Vec<StageDef>,
}

impl Seed {
    /// The stage with this key.
    pub fn stage(&self, key: &str) -> Option<&StageDef> {
        self.stages.iter().find(|s| s.key == key)
    }
}

fn stages() -> Vec<StageDef> {
    let system = |key: &str, name: &str| StageDef {
        key: key.into(),
        id: None,
        name: name.into(),
        kind: key.to_uppercase(),
        stage_type: "system".into(),
    };
    let custom = |id: &str, name: &str| StageDef {
        key: id.into(),
        id: Some(id.into()),
        name: name.into(),
        kind: "CUSTOM".into(),
        stage_type: "custom".into(),
    };
    vec![
        system("unassigned", "Neu"),
        custom("2101", "Telefoninterview"),
        custom("2102", "Fachinterview"),
        system("offer", "Angebot"),
        system("accepted", "Eingestellt"),
        system("rejected", "Abgelehnt"),
        system("withdrawn", "Zurückgezogen"),
    ]
}

fn pos(
    id: i64,
    en: &str,
    de: &str,
    dept: &str,
    office: &str,
    published: bool,
    updated: &str,
) -> JobPosition {
    JobPosition {
        id,
        company_id: COMPANY_ID.into(),
        name_en: en.into(),
        name_de: de.into(),
        department: dept.into(),
        office: office.into(),
        subcompany: String::new(),
        category: "Various".into(),
        published,
        employment_type: "permanent",
        seniority: "experienced",
        schedule: "full-time",
        years: "2-5",
        keywords: format!("{},{}", dept.to_lowercase(), office.to_lowercase()),
        occupation: "software_and_web_development".into(),
        occupation_category: "it_software".into(),
        created_at: "2026-01-05T09:00:00+0100".into(),
        updated_at: updated.into(),
    }
}

/// The seed.
pub fn seed() -> Seed {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let attr = |id: &str, label: &str, kind: AttributeKind| AttributeDef {
        id: id.into(),
        label: label.into(),
        kind,
    };
    Seed {
        companies: vec![
            Company {
                id: COMPANY_ID.into(),
                name: "ACME GmbH".into(),
                recruiting_token: RECRUITING_TOKEN.into(),
                public_api_enabled: true,
                recruiting_enabled: true,
            },
            Company {
                id: DISABLED_COMPANY_ID.into(),
                name: "No API GmbH".into(),
                recruiting_token: DISABLED_RECRUITING_TOKEN.into(),
                public_api_enabled: false,
                recruiting_enabled: true,
            },
        ],
        positions: vec![
            pos(
                1001,
                "Senior Rust Engineer",
                "Senior Rust Entwickler (m/w/d)",
                "Engineering",
                "Munich",
                true,
                "2026-11-01T10:00:00Z",
            ),
            pos(
                1002,
                "Recruiter",
                "Recruiter (m/w/d)",
                "People",
                "Berlin",
                true,
                "2026-10-20T10:00:00Z",
            ),
            pos(
                1003,
                "Product Designer",
                "Produktdesigner (m/w/d)",
                "Design",
                "Munich",
                true,
                "2026-10-10T10:00:00Z",
            ),
            pos(
                1004,
                "Working Student Marketing",
                "Werkstudent Marketing (m/w/d)",
                "Marketing",
                "Berlin",
                true,
                "2026-09-30T10:00:00Z",
            ),
            pos(
                1005,
                "Head of Finance",
                "Leitung Finanzen (m/w/d)",
                "Finance",
                "Munich",
                false,
                "2026-09-01T10:00:00Z",
            ),
        ],
        attributes: vec![
            attr("birthday", "Birthday", AttributeKind::Date),
            attr(
                "gender",
                "Gender",
                AttributeKind::Option(s(&["male", "female", "diverse", "undefined"])),
            ),
            attr("location", "Location", AttributeKind::Text),
            attr("phone", "Phone", AttributeKind::Text),
            attr("available_from", "Available from", AttributeKind::Date),
            attr(
                "salary_expectations",
                "Salary expectations",
                AttributeKind::Text,
            ),
            attr(LINKEDIN_ATTRIBUTE, "LinkedIn profile", AttributeKind::Text),
            attr(
                "custom_attribute_1002",
                "Source",
                AttributeKind::Option(s(&["custom_option_1", "custom_option_2"])),
            ),
            attr(
                "custom_attribute_1003",
                "Earliest start",
                AttributeKind::Date,
            ),
        ],
        channels: vec![Channel {
            id: 501,
            name: "LinkedIn Sourcing".into(),
            postings: s(&["li-ext-1001"]),
        }],
        clients: vec![
            ApiClient {
                client_id: CLIENT_ID.into(),
                client_secret: CLIENT_SECRET.into(),
                company_id: COMPANY_ID.into(),
                scopes: s(&[
                    "personio:recruiting:read",
                    "personio:recruiting:write",
                    "personio:persons:read",
                    "personio:persons:write",
                ]),
                personnel_rights: s(&["employees:read", "employees:write", "documents:write"]),
            },
            ApiClient {
                client_id: READONLY_CLIENT_ID.into(),
                client_secret: READONLY_CLIENT_SECRET.into(),
                company_id: COMPANY_ID.into(),
                scopes: s(&["personio:recruiting:read"]),
                personnel_rights: s(&["employees:read"]),
            },
            ApiClient {
                client_id: WRITEONLY_CLIENT_ID.into(),
                client_secret: WRITEONLY_CLIENT_SECRET.into(),
                company_id: COMPANY_ID.into(),
                scopes: s(&["personio:recruiting:write"]),
                personnel_rights: vec![],
            },
        ],
        departments: s(&["Engineering", "People", "Design", "Marketing", "Finance"]),
        offices: s(&["Munich", "Berlin"]),
        subcompanies: s(&["ACME GmbH"]),
        document_categories: vec![
            (1, "Certificates of employment".into()),
            (2, "Other documents".into()),
            (3, "CV".into()),
        ],
        stages: stages(),
    }
}
