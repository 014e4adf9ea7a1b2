//! What the soak found: the stand-in's applications counted per (e-mail, position) against what was
//! submitted, each browser's recruiting writes checked against its own budget (20 in any 60 s), and the
//! figures printed.

use crate::browser::Browser;
use crate::faults::Injected;
use crate::JobTrace;
use personio_standin::Running;
use sourcing_core::personio::{RECRUITING_LIMIT, RECRUITING_WINDOW_MS};
use std::collections::BTreeMap;
use std::time::Duration;

/// The application's identity in Personio: one candidate (e-mail) on one position.
pub fn key(email: &str, position: i64) -> String {
    format!("{}|{position}", email.trim().to_lowercase())
}

/// The final counts.
pub struct Tally {
    pub submitted: usize,
    pub delivered_once: usize,
    pub duplicated: usize,
    pub lost: usize,
    /// Of the lost: created, but without all their documents.
    pub documents_missing: usize,
    pub over_budget: usize,
}

impl Tally {
    /// Every application delivered exactly once, and nobody over their budget.
    pub fn is_clean(&self) -> bool {
        self.delivered_once == self.submitted
            && self.duplicated == 0
            && self.lost == 0
            && self.over_budget == 0
    }
}

/// Counts the stand-in's applications against the submitted ones.
pub fn tally(standin: &Running, traces: &BTreeMap<String, JobTrace>, fleet: &[Browser]) -> Tally {
    let received = standin.received();
    let emails: BTreeMap<&str, &str> = received["candidates"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| Some((c["id"].as_str()?, c["email"].as_str()?)))
        .collect();
    // key → the file counts of each application with that key.
    let mut created: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for application in received["applications"].as_array().into_iter().flatten() {
        let Some(email) = application["candidate_id"]
            .as_str()
            .and_then(|id| emails.get(id))
        else {
            continue;
        };
        let Some(position) = application["job_position_id"].as_i64() else {
            continue;
        };
        let files = application["files"].as_array().map_or(0, Vec::len);
        created.entry(key(email, position)).or_default().push(files);
    }
    let mut tally = Tally {
        submitted: traces.len(),
        delivered_once: 0,
        duplicated: 0,
        lost: 0,
        documents_missing: 0,
        over_budget: fleet.iter().map(over_budget).sum(),
    };
    for trace in traces.values() {
        match created.get(&trace.key).map(Vec::as_slice) {
            Some([files]) if *files == trace.documents => tally.delivered_once += 1,
            Some([_]) => {
                tally.lost += 1;
                tally.documents_missing += 1;
            }
            Some(more) if more.len() > 1 => tally.duplicated += 1,
            _ => tally.lost += 1,
        }
    }
    tally
}

/// Recruiting writes this browser sent beyond its own budget: more than the limit in a window.
fn over_budget(browser: &Browser) -> usize {
    let mut writes: Vec<u64> = browser
        .transport()
        .calls
        .borrow()
        .iter()
        .filter(|c| c.recruiting_write)
        .map(|c| c.at_ms)
        .collect();
    writes.sort_unstable();
    let mut over = 0;
    let mut first = 0;
    for (i, &at) in writes.iter().enumerate() {
        while at >= writes[first] + RECRUITING_WINDOW_MS {
            first += 1;
        }
        if i - first + 1 > RECRUITING_LIMIT {
            over += 1;
        }
    }
    over
}

fn median(sorted: &[u64]) -> u64 {
    sorted.get(sorted.len() / 2).copied().unwrap_or(0)
}

fn minutes(ms: u64) -> String {
    format!("{:.1} min", ms as f64 / 60_000.0)
}

/// What a finished run hands to [`print`].
pub struct Run<'a> {
    pub traces: &'a BTreeMap<String, JobTrace>,
    pub fleet: &'a [Browser],
    pub injected: &'a Injected,
    pub standin: &'a Running,
    /// Outbox steps run.
    pub steps: usize,
    /// Virtual time the run took.
    pub virtual_ms: u64,
    /// Wall time the run took.
    pub wall: Duration,
}

/// Prints the figures, then the final line.
pub fn print(tally: &Tally, run: &Run<'_>) {
    let Run {
        traces,
        fleet,
        injected,
        standin,
        steps,
        virtual_ms,
        wall,
    } = *run;
    let calls: Vec<_> = fleet
        .iter()
        .flat_map(|b| b.transport().calls.borrow().clone())
        .collect();
    let writes = calls.iter().filter(|c| c.recruiting_write).count();
    let expected_writes: usize = traces.values().map(|t| t.documents + 1).sum();
    let documents: usize = traces.values().map(|t| t.documents).sum();
    let exchanges = standin.exchanges();
    let together_429 = exchanges
        .iter()
        .filter(|e| e.status == 429 && e.fault.is_none())
        .count();
    let mut delays: Vec<u64> = traces
        .values()
        .filter_map(|t| Some(t.delivered_at_ms?.saturating_sub(t.submitted_at_ms)))
        .collect();
    delays.sort_unstable();
    let longest_chain = traces.values().map(|t| t.longest_chain).max().unwrap_or(0);
    let restarts: u32 = fleet.iter().map(|b| b.restarts).sum();
    let submitted = tally.submitted.max(1) as f64;
    println!(
        "soak: {} applications ({} documents) from {} browsers of one company; {} outbox steps, {} with a fault set ({:.0} %)",
        tally.submitted,
        documents,
        fleet.len(),
        steps,
        injected.total(),
        injected.total() as f64 * 100.0 / steps.max(1) as f64,
    );
    println!(
        "faults set: {} (429 {}, 5xx {}, dropped {}, answer lost after Personio acted {}, token expired {}); worker restarts {}",
        injected.total(),
        injected.rate_limited,
        injected.server_error,
        injected.dropped,
        injected.answer_lost,
        injected.token_expired,
        restarts,
    );
    println!(
        "calls: {} in all = {:.2} per application; recruiting writes {} = {:.3} × N+1 ({} expected)",
        calls.len(),
        calls.len() as f64 / submitted,
        writes,
        writes as f64 / expected_writes.max(1) as f64,
        expected_writes,
    );
    println!(
        "429s the browsers caused together (not injected): {together_429}; longest retry chain: {longest_chain} waits"
    );
    println!(
        "\"Create application\" → delivered: median {}, worst {} (virtual time)",
        minutes(median(&delays)),
        minutes(delays.last().copied().unwrap_or(0)),
    );
    if tally.documents_missing > 0 {
        println!(
            "created without all their documents: {}",
            tally.documents_missing
        );
    }
    println!(
        "virtual time {:.1} h; wall time {:.1} s",
        virtual_ms as f64 / 3_600_000.0,
        wall.as_secs_f64()
    );
    println!(
        "{} submitted, {} delivered once, {} duplicated, {} lost, {} over budget",
        tally.submitted, tally.delivered_once, tally.duplicated, tally.lost, tally.over_budget
    );
}
