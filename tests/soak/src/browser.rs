//! One recruiter's browser as the worker sees it: an outbox and a Personio client state that exist in memory
//! only while the "worker" lives, and their persisted copies (JSON, as in `storage.local` / `storage.session`)
//! from which a killed worker restarts. Every Personio call of the browser (outbox steps and the popup's
//! lookups alike) goes through its one client, one at a time, as the background's single client owner does.

use crate::transport::RecordingTransport;
use sourcing_core::outbox::{Outbox, SubmitRequest};
use sourcing_core::personio::{
    ClientState, Credentials, Endpoints, FieldMapping, PersonQuery, PersonioClient, PositionId,
    StepOutcome,
};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The worker's memory: gone when it is killed.
struct Worker {
    outbox: Outbox,
    client: PersonioClient<RecordingTransport>,
}

/// A browser.
pub struct Browser {
    credentials: Credentials,
    endpoints: Endpoints,
    transport: RecordingTransport,
    /// `storage.local` "outbox".
    persisted_outbox: String,
    /// `storage.session` client state.
    persisted_state: String,
    /// IndexedDB: document bytes by id.
    pub files: BTreeMap<String, Vec<u8>>,
    worker: Option<Worker>,
    /// Worker restarts so far.
    pub restarts: u32,
}

impl Browser {
    /// A browser with an empty outbox and no token yet.
    pub fn new(credentials: Credentials, endpoints: Endpoints, clock: Rc<Cell<u64>>) -> Self {
        Browser {
            credentials,
            endpoints,
            transport: RecordingTransport::new(clock),
            persisted_outbox: serde_json::to_string(&Outbox::default()).unwrap(),
            persisted_state: serde_json::to_string(&ClientState::default()).unwrap(),
            files: BTreeMap::new(),
            worker: None,
            restarts: 0,
        }
    }

    /// The calls this browser made.
    pub fn transport(&self) -> &RecordingTransport {
        &self.transport
    }

    /// The worker, started from what was persisted when it is not running (restoring the outbox as the
    /// background does on its first read).
    fn worker(&mut self) -> &mut Worker {
        if self.worker.is_none() {
            let mut outbox: Outbox = serde_json::from_str(&self.persisted_outbox).unwrap();
            outbox.on_restore();
            let state: ClientState = serde_json::from_str(&self.persisted_state).unwrap();
            let client = PersonioClient::new(
                self.transport.clone(),
                self.credentials.clone(),
                self.endpoints.clone(),
            )
            .with_state(state);
            self.worker = Some(Worker { outbox, client });
            self.persist();
        }
        self.worker.as_mut().unwrap()
    }

    fn persist(&mut self) {
        let worker = self.worker.as_ref().unwrap();
        self.persisted_outbox = serde_json::to_string(&worker.outbox).unwrap();
        self.persisted_state = serde_json::to_string(worker.client.state()).unwrap();
        self.transport.written_ahead.borrow_mut().take();
    }

    /// The worker is stopped: everything in memory is gone.
    pub fn kill(&mut self) {
        if self.worker.take().is_some() {
            self.restarts += 1;
        }
    }

    /// "Create application": queued (and persisted) at once.
    pub fn submit(&mut self, request: SubmitRequest, files: BTreeMap<String, Vec<u8>>, now: u64) {
        self.files.extend(files);
        self.worker()
            .outbox
            .enqueue(request, &FieldMapping::default(), now, None);
        self.persist();
    }

    /// When this browser's next step may run: `Some(now)` for a runnable job, a later time for a waiting one.
    pub fn next_due(&mut self, now: u64) -> Option<u64> {
        let outbox = &self.worker().outbox;
        if outbox.next_runnable(now).is_some() {
            Some(now)
        } else {
            outbox.next_wake_ms()
        }
    }

    /// One outbox step. With `killed_mid_step` the worker dies while the step's Personio call is in flight:
    /// whatever Personio did stays done, its answer is lost, the job restarts from its previous persisted
    /// state and the client from the state written ahead of the call (the background writes it to
    /// `storage.session` before a budgeted call leaves), so the call still counts in the budget; everything
    /// the client learnt from the answer (a cool-down, a renewed token) is gone.
    pub async fn step(&mut self, now: u64, killed_mid_step: bool) -> Option<(String, StepOutcome)> {
        let files = std::mem::take(&mut self.files);
        let worker = self.worker();
        let id = worker.outbox.next_runnable(now)?;
        let mut job = worker.outbox.get(&id)?.job.clone();
        let outcome = job.advance(&mut worker.client, &files, now).await;
        self.files = files;
        if killed_mid_step {
            if let Some(state) = self.transport.written_ahead.borrow_mut().take() {
                self.persisted_state = state;
            }
            self.kill();
            return Some((id.to_string(), outcome));
        }
        let worker = self.worker();
        if let Some(entry) = worker.outbox.get_mut(&id) {
            entry.job = job;
            entry.updated_at_ms = now;
        }
        self.persist();
        Some((id.to_string(), outcome))
    }

    /// What a popup opened on a profile triggers: the position list, or the duplicate check of a typed e-mail.
    pub async fn lookup(&mut self, email: Option<&str>, position: PositionId, now: u64) {
        let worker = self.worker();
        match email {
            Some(email) => {
                let person = PersonQuery {
                    email: email.into(),
                    linkedin_url: None,
                    linkedin_attribute: None,
                };
                let _ = worker.client.check_duplicate(&person, position, now).await;
            }
            None => {
                let _ = worker.client.list_positions("en", now).await;
            }
        }
        self.persist();
    }
}
