//! The wall clock of the worker and the pages, read only here: the core takes time as a parameter.

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The recruiter's calendar date in the browser's time zone, `yyyy-mm-dd` (Personio's
/// `application_date`, the hire date fallback, the candidate notice's date).
pub fn local_date() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// A monotonic high-resolution time in milliseconds (`performance.now()`), for measuring durations.
pub fn precise_ms() -> f64 {
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).ok();
    performance
        .and_then(|p| {
            let now: js_sys::Function = js_sys::Reflect::get(&p, &"now".into()).ok()?.into();
            now.call0(&p).ok()?.as_f64()
        })
        .unwrap_or_else(js_sys::Date::now)
}
