//! What a worker start does, in order: lock `storage.local` and `storage.managed` (the admin policy, which
//! may hold secrets) to the extension's own contexts, purge expired
//! candidate data, make sure the daily purge alarm exists, resume the outbox. Every step runs whatever
//! happened to the one before: a failed lock (Chrome before 140 does not know it for `local`) is logged and
//! never keeps the outbox from resuming or the purge from running.

use std::future::Future;
use std::pin::Pin;
use webext::ExtResult;

/// One named start step.
pub type Step = (&'static str, Pin<Box<dyn Future<Output = ExtResult<()>>>>);

/// Runs every step in order; returns the failures (each also logged to the console).
pub async fn run_steps(steps: Vec<Step>) -> Vec<(&'static str, String)> {
    let mut failures = Vec::new();
    for (name, step) in steps {
        if let Err(e) = step.await {
            web_sys::console::error_1(&format!("start: {name}: {e}").into());
            failures.push((name, e.0));
        }
    }
    failures
}

/// The steps of a worker start.
pub fn steps() -> Vec<Step> {
    vec![
        (
            "storage lock",
            Box::pin(webext::storage::restrict_local_to_trusted_contexts()),
        ),
        (
            "policy lock",
            Box::pin(webext::storage::restrict_managed_to_trusted_contexts()),
        ),
        ("purge", Box::pin(crate::purge::run())),
        (
            "purge alarm",
            Box::pin(webext::alarms::ensure_periodic(
                crate::purge::ALARM,
                sourcing_core::retention::PURGE_PERIOD_MINUTES,
            )),
        ),
        (
            "outbox",
            Box::pin(async {
                crate::outbox::drive().await;
                Ok(())
            }),
        ),
    ]
}
