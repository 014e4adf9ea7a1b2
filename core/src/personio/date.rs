//! Calendar dates from epoch milliseconds (no `std::time`, so it runs in wasm).

/// `(year, month, day)` in UTC for epoch milliseconds.
pub fn civil_from_ms(now_ms: u64) -> (i64, u32, u32) {
    let days = (now_ms / 86_400_000) as i64;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

/// ISO `yyyy-mm-dd` (UTC) for epoch milliseconds.
pub fn iso_date(now_ms: u64) -> String {
    let (y, m, d) = civil_from_ms(now_ms);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates() {
        assert_eq!(super::iso_date(0), "1970-01-01");
        assert_eq!(super::iso_date(1_709_164_800_000), "2024-02-29");
        assert_eq!(super::iso_date(1_798_761_599_000), "2026-12-31");
    }
}
