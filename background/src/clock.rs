//! The wall clock, read only here: the core takes time as a parameter.

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}
