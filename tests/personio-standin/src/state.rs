//! The stand-in's mutable world: what was received (applications, uploads, employees,
//! documents), issued tokens, rate-limit windows, fault switches, recorded exchanges and the
//! adjustable clock.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::seed::{
    seed, Seed, COMPANY_ID, EXISTING_APPLICANT_EMAIL, LINKEDIN_APPLICANT_EMAIL,
    LINKEDIN_APPLICANT_PROFILE,
};

/// Tunables (tests shrink nothing: they move the clock instead).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Config {
    /// Port on 127.0.0.1 (0 = any free port).
    pub port: u16,
    /// Rate-limit window.
    pub window_ms: u64,
    /// Recruiting applications + documents per window and company.
    pub recruiting_limit: usize,
    /// `POST /v2/auth/token` per window and client.
    pub v2_auth_limit: usize,
    /// `POST /v1/auth` per window and client.
    pub v1_auth_limit: usize,
    /// `POST /v1/company/documents` per window and company.
    pub personnel_documents_limit: usize,
    /// `GET /v1/company/employees` per window and company.
    pub employees_read_limit: usize,
    /// Token lifetime (`expires_in`).
    pub token_ttl_s: u64,
    /// Record request/response exchanges for the contract test.
    pub record_exchanges: bool,
    /// How the v2 reads and errors behave where the sources are silent (also switchable at run time).
    pub modes: Modes,
}

/// What the v2 recruiting reads do with a query parameter no source shows.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum UnknownFilters {
    /// Ignored: the whole company's list comes back (the least convenient for a client that trusts it).
    #[default]
    Ignore,
    /// Refused with `400` `ErrorResponse`.
    Refuse,
}

/// The stand-in's answers where Personio's sources are silent; every combination runs in tests.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Modes {
    /// Unknown query filters on v2 reads.
    pub unknown_filters: UnknownFilters,
    /// Filters seen only in public clients (`candidate.email` on applications) count as unknown too.
    pub distrust_observed_filters: bool,
    /// Every optional field is left out of every v2 recruiting answer (items keep only `id`).
    pub sparse: bool,
    /// v2 create validation errors as RFC 7807 `application/problem+json` instead of v1 `error_response`.
    pub problem_json: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            port: 0,
            window_ms: 60_000,
            recruiting_limit: 20,
            v2_auth_limit: 150,
            v1_auth_limit: 60,
            personnel_documents_limit: 60,
            employees_read_limit: 300,
            token_ttl_s: 86_400,
            record_exchanges: true,
            modes: Modes::default(),
        }
    }
}

/// Fault switches; set with `POST /__standin/faults` or [`crate::Running::set_faults`].
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Faults {
    /// Delay before every answer.
    pub latency_ms: u64,
    /// The next N requests answer `fail_status`.
    pub fail_next: u32,
    /// Status for `fail_next` (default 503).
    pub fail_status: Option<u16>,
    /// The next N requests answer 429.
    pub rate_limit_next: u32,
    /// The next N requests lose their connection (no complete response).
    pub drop_next: u32,
    /// Drop only after the request was processed (the ambiguous case: it took effect).
    pub drop_after_processing: bool,
    /// Apply faults only to paths starting with this.
    pub path_prefix: Option<String>,
}

/// A file received on a documents endpoint.
#[derive(Clone, Debug, Serialize)]
pub struct Upload {
    /// uuid handed out.
    pub uuid: String,
    /// Company.
    pub company_id: String,
    /// File name.
    pub original_filename: String,
    /// Size.
    pub size: u64,
    /// SHA-256 (hex).
    pub sha256: String,
    /// Detected type.
    pub mimetype: String,
    /// Extension.
    pub extension: String,
    /// `v1` or `v2`.
    pub api: String,
    /// The bytes, for tests that read a document back (`GET /__standin/uploads/{uuid}/content`); not in the
    /// JSON of `received`.
    #[serde(skip)]
    pub data: Vec<u8>,
}

/// A file attached to an application.
#[derive(Clone, Debug, Serialize)]
pub struct ReceivedFile {
    /// uuid.
    pub uuid: String,
    /// Name given in `files[]`.
    pub name: String,
    /// Category.
    pub category: String,
    /// Size.
    pub size: u64,
    /// SHA-256 (hex).
    pub sha256: String,
}

/// A stage the application entered.
#[derive(Clone, Debug, Serialize)]
pub struct Transition {
    /// The stage key ([`crate::seed::StageDef::key`]).
    pub stage: String,
    /// When (epoch ms).
    pub entered_at_ms: u64,
}

/// A candidate.
#[derive(Clone, Debug, Serialize)]
pub struct CandidateRec {
    /// Id.
    pub id: String,
    /// Company.
    pub company_id: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// E-mail.
    pub email: String,
    /// `linkedin_profile` (from a career-site application; the API create cannot set it).
    pub linkedin_profile: Option<String>,
    /// System attributes of the first application (`phone`, `location`, `gender`, `birthday`,
    /// `available_from`).
    pub attributes: Vec<(String, String)>,
    /// Created (epoch ms).
    pub created_at_ms: u64,
    /// Last update (epoch ms).
    pub updated_at_ms: u64,
}

/// A received application.
#[derive(Clone, Debug, Serialize)]
pub struct ApplicationRec {
    /// Id.
    pub id: String,
    /// Company.
    pub company_id: String,
    /// Candidate id.
    pub candidate_id: String,
    /// Position.
    pub job_position_id: i64,
    /// `v1`, `v2` or `seed`.
    pub api: String,
    /// Top-level fields as received (without files/attributes/tags).
    pub fields: Value,
    /// Tags.
    pub tags: Vec<String>,
    /// Attributes (id → value).
    pub attributes: Vec<(String, String)>,
    /// Files.
    pub files: Vec<ReceivedFile>,
    /// Current stage (stage key).
    pub stage: String,
    /// Stage history, oldest first.
    pub transitions: Vec<Transition>,
    /// `application_date`.
    pub application_date: String,
    /// Created (epoch ms).
    pub created_at_ms: u64,
    /// Updated (epoch ms).
    pub updated_at_ms: u64,
}

/// An employee.
#[derive(Clone, Debug, Serialize)]
pub struct EmployeeRec {
    /// Id.
    pub id: i64,
    /// The `employee` object as stored.
    pub fields: serde_json::Map<String, Value>,
    /// Values ignored with a meta error.
    pub ignored: Vec<String>,
    /// Created.
    pub created_at: String,
}

/// A personnel document.
#[derive(Clone, Debug, Serialize)]
pub struct EmployeeDocument {
    /// Id.
    pub id: i64,
    /// Employee.
    pub employee_id: i64,
    /// Category.
    pub category_id: i64,
    /// Title.
    pub title: String,
    /// Comment.
    pub comment: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// File name.
    pub name: String,
    /// Size.
    pub size: u64,
    /// SHA-256 (hex).
    pub sha256: String,
}

/// One part of a recorded multipart body.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RecordedPart {
    /// Field name.
    pub name: String,
    /// File name, for file parts.
    pub filename: Option<String>,
    /// Part content type.
    pub content_type: Option<String>,
    /// Size.
    pub size: u64,
    /// Text value for non-file parts.
    pub value: Option<String>,
}

/// One recorded request/response pair.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Exchange {
    /// Sequence number.
    pub seq: u64,
    /// Method.
    pub method: String,
    /// Path.
    pub path: String,
    /// Query string.
    pub query: Option<String>,
    /// Request content type.
    pub request_content_type: Option<String>,
    /// JSON request body.
    pub request_json: Option<Value>,
    /// Form-encoded request body as an object.
    pub request_form: Option<Value>,
    /// Multipart request parts.
    pub request_parts: Option<Vec<RecordedPart>>,
    /// Response status (0 when the connection was dropped before an answer).
    pub status: u16,
    /// Response content type.
    pub response_content_type: Option<String>,
    /// JSON response body.
    pub response_json: Option<Value>,
    /// Non-JSON response body (XML feed), when small.
    pub response_text: Option<String>,
    /// Fault applied, if any.
    pub fault: Option<String>,
    /// Value of the `X-Standin-Note` request header (tests mark deliberately invalid requests).
    pub note: Option<String>,
}

/// An issued token.
#[derive(Clone, Debug)]
pub struct IssuedToken {
    /// Client.
    pub client_id: String,
    /// Company.
    pub company_id: String,
    /// Scopes (v2) or rights (personnel).
    pub scopes: Vec<String>,
    /// Expiry.
    pub expires_at_ms: u64,
    /// True for `/v1/auth` tokens.
    pub personnel: bool,
}

/// The whole mutable state.
pub struct World {
    /// Seeded data.
    pub seed: Seed,
    /// Candidates.
    pub candidates: Vec<CandidateRec>,
    /// Applications.
    pub applications: Vec<ApplicationRec>,
    /// Uploads by uuid.
    pub uploads: HashMap<String, Upload>,
    /// Upload order.
    pub upload_order: Vec<String>,
    /// Employees.
    pub employees: Vec<EmployeeRec>,
    /// Personnel documents.
    pub employee_documents: Vec<EmployeeDocument>,
    /// Tokens.
    pub tokens: HashMap<String, IssuedToken>,
    /// Rate-limit windows: key → request times.
    pub windows: HashMap<String, Vec<u64>>,
    /// Cool-downs: key → until.
    pub cooldowns: HashMap<String, u64>,
    /// Faults.
    pub faults: Faults,
    /// Recorded exchanges.
    pub exchanges: Vec<Exchange>,
    /// Id counter.
    pub counter: u64,
    /// Behaviour where the sources are silent.
    pub modes: Modes,
}

impl World {
    /// A freshly seeded world.
    pub fn new(now_ms: u64) -> Self {
        let mut w = Self {
            seed: seed(),
            candidates: vec![],
            applications: vec![],
            uploads: HashMap::new(),
            upload_order: vec![],
            employees: vec![],
            employee_documents: vec![],
            tokens: HashMap::new(),
            windows: HashMap::new(),
            cooldowns: HashMap::new(),
            faults: Faults::default(),
            exchanges: vec![],
            counter: 0,
            modes: Modes::default(),
        };
        let week_ago = now_ms.saturating_sub(7 * 86_400_000);
        let seeded = [
            (
                "300001",
                "400001",
                "Erika",
                "Mustermann",
                EXISTING_APPLICANT_EMAIL,
                None,
                week_ago,
            ),
            (
                "300002",
                "400002",
                "Ravi",
                "Castellano",
                LINKEDIN_APPLICANT_EMAIL,
                Some(LINKEDIN_APPLICANT_PROFILE),
                week_ago.saturating_sub(86_400_000),
            ),
        ];
        for (cid, aid, first, last, email, linkedin, at) in seeded {
            w.candidates.push(CandidateRec {
                id: cid.into(),
                company_id: COMPANY_ID.into(),
                first_name: first.into(),
                last_name: last.into(),
                email: email.into(),
                linkedin_profile: linkedin.map(str::to_string),
                attributes: vec![],
                created_at_ms: at,
                updated_at_ms: at,
            });
            w.applications.push(ApplicationRec {
                id: aid.into(),
                company_id: COMPANY_ID.into(),
                candidate_id: cid.into(),
                job_position_id: 1001,
                api: "seed".into(),
                fields: serde_json::json!({"first_name": first, "last_name": last, "email": email, "job_position_id": 1001}),
                tags: vec![],
                attributes: vec![],
                files: vec![],
                stage: "unassigned".into(),
                transitions: vec![Transition {
                    stage: "unassigned".into(),
                    entered_at_ms: at,
                }],
                application_date: iso_date(at),
                created_at_ms: at,
                updated_at_ms: at,
            });
        }
        let created = iso_datetime(week_ago);
        let mut emp = serde_json::Map::new();
        for (k, v) in [
            ("email", "alexander.bergmann@acme.example"),
            ("first_name", "Alexander"),
            ("last_name", "Bergmann"),
            ("position", "CTO"),
            ("status", "active"),
            ("department", "Engineering"),
            ("office", "Munich"),
            ("hire_date", "2014-11-09"),
        ] {
            emp.insert(k.into(), Value::String(v.into()));
        }
        w.employees.push(EmployeeRec {
            id: 1,
            fields: emp,
            ignored: vec![],
            created_at: created,
        });
        w.counter = 10;
        w
    }

    /// Next numeric id.
    pub fn next_id(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    /// A new uuid-shaped identifier (v4 layout, derived from a counter and the clock).
    pub fn new_uuid(&mut self, now_ms: u64) -> String {
        let n = self.next_id();
        let h = Sha256::digest(format!("{n}-{now_ms}").as_bytes());
        let x =
            |r: std::ops::Range<usize>| h[r].iter().map(|b| format!("{b:02x}")).collect::<String>();
        format!(
            "{}-{}-4{}-a{}-{}",
            x(0..4),
            x(4..6),
            &x(6..8)[1..],
            &x(8..10)[1..],
            x(10..16)
        )
    }

    /// Counts one request against `key` (limit per window). `false` when over the limit; going
    /// over starts a cool-down of one window.
    pub fn hit(&mut self, key: &str, limit: usize, window_ms: u64, now_ms: u64) -> bool {
        if let Some(until) = self.cooldowns.get(key) {
            if now_ms < *until {
                return false;
            }
        }
        let times = self.windows.entry(key.to_string()).or_default();
        times.retain(|t| now_ms < t + window_ms && *t <= now_ms);
        if times.len() >= limit {
            self.cooldowns.insert(key.to_string(), now_ms + window_ms);
            return false;
        }
        times.push(now_ms);
        true
    }
}

/// Adjustable clock: wall time plus an offset tests move forward.
#[derive(Debug, Default)]
pub struct Clock {
    offset_ms: AtomicI64,
}

impl Clock {
    /// Now, epoch ms.
    pub fn now_ms(&self) -> u64 {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0);
        (wall + self.offset_ms.load(Ordering::SeqCst)).max(0) as u64
    }

    /// Moves the clock forward.
    pub fn advance(&self, ms: i64) {
        self.offset_ms.fetch_add(ms, Ordering::SeqCst);
    }
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `(y, m, d, hh, mm, ss)` UTC.
pub fn civil(ms: u64) -> (i64, u32, u32, u64, u64, u64) {
    let days = (ms / 86_400_000) as i64;
    let secs = (ms / 1000) % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d, secs / 3600, (secs / 60) % 60, secs % 60)
}

/// `yyyy-mm-dd` UTC.
pub fn iso_date(ms: u64) -> String {
    let (y, m, d, ..) = civil(ms);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `yyyy-mm-ddThh:mm:ssZ` UTC.
pub fn iso_datetime(ms: u64) -> String {
    let (y, m, d, hh, mm, ss) = civil(ms);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
}

/// True for a valid `yyyy-mm-dd`.
pub fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !s
            .chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return false;
    }
    let (y, m, d): (i64, u32, u32) = (
        s[0..4].parse().unwrap_or(0),
        s[5..7].parse().unwrap_or(0),
        s[8..10].parse().unwrap_or(0),
    );
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let max = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=max).contains(&d)
}

/// `yyyy-mm-ddThh:mm:ss.mmmZ` UTC (the v2 date-time spelling).
pub fn iso_datetime_ms(ms: u64) -> String {
    let (y, m, d, hh, mm, ss) = civil(ms);
    format!(
        "{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.{:03}Z",
        ms % 1000
    )
}

/// The tenant's calendar date (Europe/Berlin: UTC+1, UTC+2 from the last Sunday of March to the last
/// Sunday of October, both at 01:00 UTC): what "today" and "in the future" mean to Personio.
pub fn tenant_date(ms: u64) -> String {
    let (y, ..) = civil(ms);
    let last_sunday_at_1 = |month: u32| -> u64 {
        // Scan back from the 31st (March and October both have 31 days).
        let mut day_ms = civil_to_ms(y, month, 31);
        while civil_weekday(day_ms) != 0 {
            day_ms -= 86_400_000;
        }
        day_ms + 3_600_000
    };
    let summer = ms >= last_sunday_at_1(3) && ms < last_sunday_at_1(10);
    iso_date(ms + if summer { 7_200_000 } else { 3_600_000 })
}

/// Epoch ms of a civil date at 00:00 UTC.
pub fn civil_to_ms(y: i64, m: u32, d: u32) -> u64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    ((era * 146_097 + doe - 719_468) * 86_400_000) as u64
}

/// 0 = Sunday.
fn civil_weekday(ms: u64) -> u64 {
    (ms / 86_400_000 + 4) % 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_windows() {
        assert!(
            valid_date("2024-02-29")
                && !valid_date("2023-02-29")
                && !valid_date("2024-13-01")
                && !valid_date("24-01-01")
        );
        assert_eq!(iso_datetime(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_datetime_ms(1_500), "1970-01-01T00:00:01.500Z");
        // 23:30 UTC in winter and 22:30 UTC in summer are already the next day in Berlin.
        assert_eq!(
            tenant_date(civil_to_ms(2026, 3, 4) + 84_600_000),
            "2026-03-05"
        );
        assert_eq!(
            tenant_date(civil_to_ms(2026, 7, 4) + 81_000_000),
            "2026-07-05"
        );
        assert_eq!(
            tenant_date(civil_to_ms(2026, 7, 4) + 77_400_000),
            "2026-07-04"
        );
        let mut w = World::new(0);
        assert!((0..3).all(|i| w.hit("k", 3, 1_000, i)));
        assert!(!w.hit("k", 3, 1_000, 10));
        assert!(
            !w.hit("k", 3, 1_000, 1_005),
            "cool-down of one window after going over"
        );
        assert!(w.hit("k", 3, 1_000, 1_011));
        let u = w.new_uuid(0);
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
    }
}
