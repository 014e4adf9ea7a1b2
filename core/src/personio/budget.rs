//! Client-side pacing that survives service-worker restarts: the recruiting request budget
//! (20 calls per 60 s per company, shared by applications and documents), the cool-down after a
//! 429, and exponential backoff for 5xx and network errors. Plain data; the caller persists it.

use serde::{Deserialize, Serialize};

/// Recruiting calls (applications + documents) allowed per window and company.
pub const RECRUITING_LIMIT: usize = 20;
/// The window of [`RECRUITING_LIMIT`].
pub const RECRUITING_WINDOW_MS: u64 = 60_000;
/// First backoff delay for 5xx / network errors; doubles per consecutive failure.
pub const BACKOFF_BASE_MS: u64 = 2_000;
/// Longest backoff delay.
pub const BACKOFF_MAX_MS: u64 = 5 * 60_000;

/// Sliding-window budget for the recruiting write endpoints plus the 429 cool-down.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecruitingBudget {
    /// Send times (epoch ms) of the recruiting calls in the current window.
    pub sent_at_ms: Vec<u64>,
    /// No recruiting call before this time (set after a 429).
    pub cooldown_until_ms: u64,
}

impl RecruitingBudget {
    fn prune(&mut self, now_ms: u64) {
        self.sent_at_ms
            .retain(|t| now_ms < t + RECRUITING_WINDOW_MS && *t <= now_ms);
    }

    /// Calls still allowed right now.
    pub fn remaining(&self, now_ms: u64) -> usize {
        if now_ms < self.cooldown_until_ms {
            return 0;
        }
        let used = self
            .sent_at_ms
            .iter()
            .filter(|t| now_ms < **t + RECRUITING_WINDOW_MS && **t <= now_ms)
            .count();
        RECRUITING_LIMIT.saturating_sub(used)
    }

    /// Earliest time at which `cost` calls (capped at the limit) fit into the window.
    pub fn available_at(&self, now_ms: u64, cost: usize) -> u64 {
        let cost = cost.clamp(1, RECRUITING_LIMIT);
        let mut live: Vec<u64> = self
            .sent_at_ms
            .iter()
            .copied()
            .filter(|t| now_ms < t + RECRUITING_WINDOW_MS && *t <= now_ms)
            .collect();
        live.sort_unstable();
        let over = (live.len() + cost).saturating_sub(RECRUITING_LIMIT);
        let window_free = if over == 0 {
            now_ms
        } else {
            live[over - 1] + RECRUITING_WINDOW_MS
        };
        window_free.max(self.cooldown_until_ms).max(now_ms)
    }

    /// Takes one call from the budget, or returns the time when one is available.
    pub fn try_take(&mut self, now_ms: u64) -> Result<(), u64> {
        self.prune(now_ms);
        if self.remaining(now_ms) == 0 {
            return Err(self.available_at(now_ms, 1));
        }
        self.sent_at_ms.push(now_ms);
        Ok(())
    }

    /// Records a 429: nothing before `until_ms`.
    pub fn cool_down(&mut self, until_ms: u64) {
        self.cooldown_until_ms = self.cooldown_until_ms.max(until_ms);
    }
}

/// Consecutive-failure counter for exponential backoff.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backoff {
    /// 5xx / network failures in a row.
    pub consecutive_failures: u32,
}

impl Backoff {
    /// Records a failure and returns the delay before the next attempt.
    pub fn fail(&mut self) -> u64 {
        let delay = BACKOFF_BASE_MS
            .saturating_mul(1u64 << self.consecutive_failures.min(16))
            .min(BACKOFF_MAX_MS);
        self.consecutive_failures = self.consecutive_failures.saturating_add(1);
        delay
    }

    /// Records a success.
    pub fn succeed(&mut self) {
        self.consecutive_failures = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window() {
        let mut b = RecruitingBudget::default();
        for i in 0..20 {
            b.try_take(1_000 + i).unwrap();
        }
        assert_eq!(b.remaining(1_100), 0);
        assert_eq!(b.try_take(1_100), Err(61_000));
        assert_eq!(b.available_at(1_100, 3), 61_002);
        assert_eq!(b.remaining(61_000), 1);
        b.cool_down(200_000);
        assert_eq!(b.try_take(100_000), Err(200_000));
        assert!(b.try_take(200_000).is_ok());
    }

    #[test]
    fn backoff() {
        let mut b = Backoff::default();
        assert_eq!(b.fail(), 2_000);
        assert_eq!(b.fail(), 4_000);
        for _ in 0..20 {
            b.fail();
        }
        assert_eq!(b.fail(), BACKOFF_MAX_MS);
        b.succeed();
        assert_eq!(b.fail(), 2_000);
    }
}
