//! The faults the soak puts on the next call: a 429, a 5xx, a connection dropped before Personio acted, an
//! answer lost after it did, and an expired token. Counted by kind for the report.

use crate::rng::Rng;
use personio_standin::{Faults, Running};

/// How many faults of each kind were set.
#[derive(Default, Debug)]
pub struct Injected {
    pub rate_limited: u32,
    pub server_error: u32,
    pub dropped: u32,
    pub answer_lost: u32,
    pub token_expired: u32,
}

impl Injected {
    /// Sets one fault, chosen at random, for the next call.
    pub fn inject(&mut self, standin: &Running, rng: &mut Rng) {
        match rng.below(5) {
            0 => {
                self.rate_limited += 1;
                standin.set_faults(Faults {
                    rate_limit_next: 1,
                    ..Faults::default()
                });
            }
            1 => {
                self.server_error += 1;
                standin.set_faults(Faults {
                    fail_next: 1,
                    fail_status: Some([500, 502, 503, 504][rng.below(4) as usize]),
                    ..Faults::default()
                });
            }
            2 => {
                self.dropped += 1;
                standin.set_faults(Faults {
                    drop_next: 1,
                    ..Faults::default()
                });
            }
            3 => {
                self.answer_lost += 1;
                standin.set_faults(Faults {
                    drop_next: 1,
                    drop_after_processing: true,
                    ..Faults::default()
                });
            }
            _ => {
                self.token_expired += 1;
                standin.expire_tokens();
            }
        }
    }

    /// All faults set.
    pub fn total(&self) -> u32 {
        self.rate_limited + self.server_error + self.dropped + self.answer_lost + self.token_expired
    }
}
