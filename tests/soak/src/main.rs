//! `cargo xtask soak`: N applications (default 1,000) from B recruiters' browsers (default 5) of one
//! company, through the real core outbox and `SubmissionJob`, against the real stand-in over HTTP, with a
//! share of the calls faulted (429, 5xx, dropped connection, answer lost after Personio acted, expired
//! token), workers killed at random (in memory state dropped, restarted from what was persisted, also while a
//! step's call is in flight: the client then restarts from the state written ahead of its budgeted call) and the popup's lookups running on the same clients. The stand-in's clock is moved
//! instead of waiting. It prints the figures, then the line
//! `N submitted, N delivered once, N duplicated, N lost, N over budget`, and exits non-zero unless every
//! submitted application was delivered exactly once and nobody exceeded their own request budget.
//!
//! Settings (environment): `SOAK_APPLICATIONS` (1000), `SOAK_BROWSERS` (5), `SOAK_FAULT_PERCENT` (20),
//! `SOAK_SPREAD_MINUTES` (60), `SOAK_SEED` (1).

mod browser;
mod faults;
mod plan;
mod report;
mod rng;
mod transport;

use browser::Browser;
use personio_standin::{seed, Config};
use rng::Rng;
use sourcing_core::personio::{Credentials, Endpoints, StepOutcome};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::Instant;

/// Give up (and count what is not delivered as lost) after this much virtual time.
const GIVE_UP_MS: u64 = 7 * 24 * 60 * 60 * 1000;
/// Chance per step that the browser's popup runs a lookup first (positions or a duplicate check).
const LOOKUP_PERCENT: u64 = 15;
/// Chance per step that the worker dies in the middle of it, before persisting the result.
const KILL_MID_STEP_PERCENT: u64 = 3;
/// Chance per step that the worker is stopped after it (as MV3 does after 30 s idle).
const KILL_AFTER_STEP_PERCENT: u64 = 3;

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What happened to one job on its way.
#[derive(Default)]
pub struct JobTrace {
    /// Virtual time of "Create application".
    pub submitted_at_ms: u64,
    /// Virtual time the job reported done (the last time, if a killed worker re-ran it).
    pub delivered_at_ms: Option<u64>,
    /// Waits in a row, and the longest such chain.
    pub waits_in_a_row: u32,
    pub longest_chain: u32,
    /// Documents attached.
    pub documents: usize,
    /// `email|position` of the application.
    pub key: String,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let applications = setting("SOAK_APPLICATIONS", 1000) as usize;
    let browsers = setting("SOAK_BROWSERS", 5).max(1) as usize;
    let fault_percent = setting("SOAK_FAULT_PERCENT", 20);
    // The recruiters press "Create application" within this much virtual time: 1,000 applications in an
    // hour is about 40 recruiting writes a minute for a company whose limit is 20, so the browsers meet
    // Personio's limit together.
    let spread_ms = setting("SOAK_SPREAD_MINUTES", 60) * 60_000;
    let mut rng = Rng::new(setting("SOAK_SEED", 1));
    let wall = Instant::now();

    let standin = personio_standin::spawn(Config::default());
    let positions: Vec<i64> = seed::seed()
        .positions
        .iter()
        .filter(|p| p.published && p.company_id == seed::COMPANY_ID)
        .map(|p| p.id)
        .collect();
    let plan = plan::plan(applications, browsers, &positions, spread_ms, &mut rng);
    let credentials = Credentials {
        subdomain: seed::SUBDOMAIN.parse().expect("seeded subdomain"),
        company_id: seed::COMPANY_ID.into(),
        recruiting_token: seed::RECRUITING_TOKEN.into(),
        client_id: seed::CLIENT_ID.into(),
        client_secret: seed::CLIENT_SECRET.into(),
    };
    let clock = Rc::new(Cell::new(standin.now_ms()));
    let mut fleet: Vec<Browser> = (0..browsers)
        .map(|_| {
            Browser::new(
                credentials.clone(),
                Endpoints::single(&standin.base_url),
                clock.clone(),
            )
        })
        .collect();

    let start = standin.now_ms();
    let mut traces: BTreeMap<String, JobTrace> = BTreeMap::new();
    let mut injected = faults::Injected::default();
    let mut next = 0usize;
    let mut turn = 0usize;
    let mut steps = 0usize;
    loop {
        let now = standin.now_ms();
        clock.set(now);
        while next < plan.len() && start + plan[next].at_ms <= now {
            let planned = &plan[next];
            let id = planned.request.job_id().to_string();
            traces.insert(
                id,
                JobTrace {
                    submitted_at_ms: now,
                    documents: planned.request.documents.len(),
                    key: report::key(
                        &planned.request.candidate.email,
                        planned.request.position.id.0,
                    ),
                    ..Default::default()
                },
            );
            fleet[planned.browser].submit(planned.request.clone(), planned.files.clone(), now);
            next += 1;
        }
        let mut ran = false;
        for offset in 0..browsers {
            let b = (turn + offset) % browsers;
            if fleet[b].next_due(now) != Some(now) {
                continue;
            }
            ran = true;
            if rng.chance(LOOKUP_PERCENT) {
                let email = traces
                    .values()
                    .nth(rng.below(traces.len() as u64) as usize)
                    .map(|t| t.key.split('|').next().unwrap_or_default().to_string());
                let position = sourcing_core::personio::PositionId(
                    positions[rng.below(positions.len() as u64) as usize],
                );
                let by_email = rng.chance(50);
                fleet[b]
                    .lookup(email.as_deref().filter(|_| by_email), position, now)
                    .await;
            }
            if rng.chance(fault_percent) {
                injected.inject(&standin, &mut rng);
            }
            let killed = rng.chance(KILL_MID_STEP_PERCENT);
            if let Some((id, outcome)) = fleet[b].step(now, killed).await {
                steps += 1;
                if let Some(trace) = traces.get_mut(&id) {
                    match &outcome {
                        StepOutcome::Wait { .. } => {
                            trace.waits_in_a_row += 1;
                            trace.longest_chain = trace.longest_chain.max(trace.waits_in_a_row);
                        }
                        StepOutcome::Done { .. } if !killed => {
                            trace.waits_in_a_row = 0;
                            trace.delivered_at_ms = Some(now);
                        }
                        _ => trace.waits_in_a_row = 0,
                    }
                }
            }
            standin.clear_faults();
            if rng.chance(KILL_AFTER_STEP_PERCENT) {
                fleet[b].kill();
            }
        }
        turn += 1;
        if turn.is_multiple_of(2000) {
            let delivered = traces
                .values()
                .filter(|t| t.delivered_at_ms.is_some())
                .count();
            eprintln!(
                "soak: {:.0} s, virtual {:.1} h: {} submitted, {} done, {} steps",
                wall.elapsed().as_secs_f64(),
                (now - start) as f64 / 3_600_000.0,
                traces.len(),
                delivered,
                steps
            );
        }
        let pending: Vec<u64> = fleet.iter_mut().filter_map(|b| b.next_due(now)).collect();
        if next >= plan.len() && pending.is_empty() {
            break;
        }
        if now - start > GIVE_UP_MS {
            eprintln!(
                "soak: gave up after {} virtual hours",
                (now - start) / 3_600_000
            );
            break;
        }
        if !ran {
            let next_submit = plan.get(next).map(|p| start + p.at_ms);
            let wake = pending
                .into_iter()
                .chain(next_submit)
                .min()
                .unwrap_or(now + 1);
            standin.advance_clock(wake.saturating_sub(now).max(1));
        }
    }

    let virtual_ms = standin.now_ms() - start;
    let tally = report::tally(&standin, &traces, &fleet);
    report::print(
        &tally,
        &report::Run {
            traces: &traces,
            fleet: &fleet,
            injected: &injected,
            standin: &standin,
            steps,
            virtual_ms,
            wall: wall.elapsed(),
        },
    );
    if tally.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
