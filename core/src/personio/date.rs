//! Calendar dates (no `std::time`, so it runs in wasm) and the date-times Personio answers with.
//!
//! v2 answers carry date-times in three observed spellings, all accepted by [`PersonioDateTime`]:
//! a plain ISO string, `{"date-time": …, "timezone": …}` (public clients against live tenants) and
//! `{"date": …, "timezone": …}` (the official `DateTimeWithTimezone` common component). The instant is
//! UTC unless the string carries an offset; [`PersonioDateTime::local_date`] gives the calendar date in
//! the tenant's time zone (the IANA zones of Europe are known here, see [`utc_offset_minutes`]).

use serde::{Deserialize, Deserializer, Serialize};

const DAY_MS: i64 = 86_400_000;

/// `(year, month, day)` of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
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

/// Days since 1970-01-01 of a civil date (Hinnant's days_from_civil).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `(year, month, day)` in UTC for epoch milliseconds.
pub fn civil_from_ms(now_ms: u64) -> (i64, u32, u32) {
    civil_from_days((now_ms / 86_400_000) as i64)
}

fn format_date((y, m, d): (i64, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// ISO `yyyy-mm-dd` (UTC) for epoch milliseconds.
pub fn iso_date(now_ms: u64) -> String {
    format_date(civil_from_ms(now_ms))
}

/// ISO `yyyy-mm-dd` of the local calendar date `offset_minutes` east of UTC at `now_ms`.
pub fn iso_date_at_offset(now_ms: u64, offset_minutes: i64) -> String {
    let local = now_ms as i64 + offset_minutes * 60_000;
    format_date(civil_from_days(local.div_euclid(DAY_MS)))
}

/// Epoch ms of the last Sunday of `month` in `year`, at 01:00 UTC (when EU summer time starts / ends).
fn eu_switch_ms(year: i64, month: u32) -> i64 {
    // March and October both have 31 days.
    let day = days_from_civil(year, month, 31);
    // 1970-01-01 was a Thursday: weekday 0 = Sunday when (days + 4) % 7 == 0.
    let back = (day + 4).rem_euclid(7);
    (day - back) * DAY_MS + 3_600_000
}

/// Zones following the EU summer-time rule, with their standard offset in minutes.
const EU_ZONES: &[(&str, i64)] = &[
    ("Europe/London", 0),
    ("Europe/Dublin", 0),
    ("Europe/Lisbon", 0),
    ("Europe/Guernsey", 0),
    ("Europe/Jersey", 0),
    ("Europe/Isle_of_Man", 0),
    ("Atlantic/Canary", 0),
    ("Atlantic/Madeira", 0),
    ("Atlantic/Faroe", 0),
    ("Europe/Berlin", 60),
    ("Europe/Vienna", 60),
    ("Europe/Zurich", 60),
    ("Europe/Busingen", 60),
    ("Europe/Vaduz", 60),
    ("Europe/Paris", 60),
    ("Europe/Monaco", 60),
    ("Europe/Madrid", 60),
    ("Europe/Andorra", 60),
    ("Europe/Gibraltar", 60),
    ("Europe/Rome", 60),
    ("Europe/Vatican", 60),
    ("Europe/San_Marino", 60),
    ("Europe/Malta", 60),
    ("Europe/Amsterdam", 60),
    ("Europe/Brussels", 60),
    ("Europe/Luxembourg", 60),
    ("Europe/Copenhagen", 60),
    ("Europe/Oslo", 60),
    ("Europe/Stockholm", 60),
    ("Europe/Prague", 60),
    ("Europe/Bratislava", 60),
    ("Europe/Warsaw", 60),
    ("Europe/Budapest", 60),
    ("Europe/Ljubljana", 60),
    ("Europe/Zagreb", 60),
    ("Europe/Sarajevo", 60),
    ("Europe/Belgrade", 60),
    ("Europe/Podgorica", 60),
    ("Europe/Skopje", 60),
    ("Europe/Tirane", 60),
    ("Europe/Helsinki", 120),
    ("Europe/Mariehamn", 120),
    ("Europe/Tallinn", 120),
    ("Europe/Riga", 120),
    ("Europe/Vilnius", 120),
    ("Europe/Athens", 120),
    ("Europe/Sofia", 120),
    ("Europe/Bucharest", 120),
    ("Europe/Chisinau", 120),
    ("Europe/Kyiv", 120),
    ("Europe/Kiev", 120),
    ("Europe/Nicosia", 120),
    ("Asia/Nicosia", 120),
];

/// Offset of the IANA zone `timezone` from UTC at `at_ms`, in minutes: the European zones (EU summer
/// time rule) and UTC aliases. `None` for any other zone (callers then use the UTC date).
pub fn utc_offset_minutes(timezone: &str, at_ms: i64) -> Option<i64> {
    let tz = timezone.trim();
    if matches!(tz, "UTC" | "Etc/UTC" | "GMT" | "Etc/GMT" | "Z" | "Zulu") {
        return Some(0);
    }
    let standard = EU_ZONES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(tz))?
        .1;
    let year = civil_from_days(at_ms.div_euclid(DAY_MS)).0;
    let summer = at_ms >= eu_switch_ms(year, 3) && at_ms < eu_switch_ms(year, 10);
    Some(standard + if summer { 60 } else { 0 })
}

/// An instant parsed from an ISO 8601 date-time: epoch ms (UTC) and the offset it was written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedInstant {
    /// Epoch milliseconds (UTC).
    pub epoch_ms: i64,
    /// Offset in minutes east of UTC written in the string; `None` for `Z` or no offset.
    pub written_offset_minutes: Option<i64>,
}

/// Parses `yyyy-mm-dd`, `yyyy-mm-ddThh:mm[:ss[.fff]]` with `Z`, `±hh:mm`, `±hhmm` or no offset (UTC).
pub fn parse_instant(text: &str) -> Option<ParsedInstant> {
    let s = text.trim();
    let date = s.get(..10)?;
    let b = date.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d): (i64, u32, u32) = (
        date[..4].parse().ok()?,
        date[5..7].parse().ok()?,
        date[8..10].parse().ok()?,
    );
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut ms = days_from_civil(y, m, d) * DAY_MS;
    let rest = &s[10..];
    let mut offset = None;
    if let Some(time) = rest.strip_prefix(['T', 't', ' ']) {
        let zone_at = time.find(['Z', 'z', '+', '-']).unwrap_or(time.len());
        let (clock, zone) = time.split_at(zone_at);
        let mut parts = clock.split(':');
        let h: i64 = parts.next()?.parse().ok()?;
        let min: i64 = parts.next().unwrap_or("0").parse().ok()?;
        let sec: f64 = parts.next().unwrap_or("0").parse().ok()?;
        ms += h * 3_600_000 + min * 60_000 + (sec * 1000.0).round() as i64;
        match zone {
            "" | "Z" | "z" => {}
            z => {
                let sign = if z.starts_with('-') { -1 } else { 1 };
                let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
                if digits.len() != 4 {
                    return None;
                }
                let minutes =
                    digits[..2].parse::<i64>().ok()? * 60 + digits[2..].parse::<i64>().ok()?;
                offset = Some(sign * minutes);
                ms -= sign * minutes * 60_000;
            }
        }
    } else if !rest.is_empty() {
        return None;
    }
    Some(ParsedInstant {
        epoch_ms: ms,
        written_offset_minutes: offset,
    })
}

/// A date-time from a Personio answer, in whichever spelling it came.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonioDateTime {
    /// The ISO 8601 text as Personio sent it.
    #[serde(rename = "date-time")]
    pub date_time: String,
    /// The tenant's IANA time zone, when the answer named one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

/// A date-time as Personio writes it: the ISO text, or `{date-time | date | date_time, timezone}`.
fn date_time_of(value: serde_json::Value) -> Option<PersonioDateTime> {
    use serde_json::Value;
    match value {
        Value::String(date_time) => Some(PersonioDateTime {
            date_time,
            timezone: None,
        }),
        Value::Object(mut object) => {
            let date_time =
                ["date-time", "date", "date_time"].iter().find_map(|key| {
                    match object.remove(*key) {
                        Some(Value::String(text)) => Some(text),
                        _ => None,
                    }
                })?;
            let timezone = match object.remove("timezone") {
                Some(Value::String(zone)) => Some(zone),
                _ => None,
            };
            Some(PersonioDateTime {
                date_time,
                timezone,
            })
        }
        _ => None,
    }
}

// Read through `serde_json::Value`, not an `untagged` enum: see the size note in `wire.rs`.
impl<'de> Deserialize<'de> for PersonioDateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        date_time_of(serde_json::Value::deserialize(deserializer)?)
            .ok_or_else(|| serde::de::Error::custom("not a date-time"))
    }
}

/// Deserializes an optional date-time, treating an unreadable value as absent (the field is then
/// reported as missing by the code that needs it, instead of failing the whole answer).
pub fn lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PersonioDateTime>, D::Error> {
    serde_json::Value::deserialize(d).map(date_time_of)
}

impl PersonioDateTime {
    /// A date-time in UTC (tests, and our own records).
    pub fn utc(epoch_ms: u64) -> Self {
        let (y, m, d) = civil_from_ms(epoch_ms);
        let secs = (epoch_ms / 1000) % 86_400;
        PersonioDateTime {
            date_time: format!(
                "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
                secs / 3600,
                (secs / 60) % 60,
                secs % 60
            ),
            timezone: None,
        }
    }

    /// The instant, when the text is a readable ISO date-time.
    pub fn instant(&self) -> Option<ParsedInstant> {
        parse_instant(&self.date_time)
    }

    /// Epoch milliseconds (for ordering), when readable.
    pub fn epoch_ms(&self) -> Option<i64> {
        self.instant().map(|i| i.epoch_ms)
    }

    /// The calendar date in the tenant's eyes: the date as written when the text carries an offset,
    /// else the date in the named time zone (European zones), else the UTC date.
    pub fn local_date(&self) -> Option<String> {
        let instant = self.instant()?;
        let offset = instant.written_offset_minutes.or_else(|| {
            self.timezone
                .as_deref()
                .and_then(|tz| utc_offset_minutes(tz, instant.epoch_ms))
        });
        let local = instant.epoch_ms + offset.unwrap_or(0) * 60_000;
        Some(format_date(civil_from_days(local.div_euclid(DAY_MS))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(1_709_164_800_000), "2024-02-29");
        assert_eq!(iso_date(1_798_761_599_000), "2026-12-31");
        assert_eq!(days_from_civil(2024, 2, 29) * DAY_MS, 1_709_164_800_000);
        // 23:30 UTC on 31 Dec is already 1 Jan two hours east.
        assert_eq!(iso_date_at_offset(1_798_759_800_000, 120), "2027-01-01");
        assert_eq!(iso_date_at_offset(1_798_759_800_000, -300), "2026-12-31");
    }

    #[test]
    fn european_summer_time() {
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        let march_29 = days_from_civil(2026, 3, 29) * DAY_MS;
        assert_eq!(eu_switch_ms(2026, 3), march_29 + 3_600_000);
        assert_eq!(
            eu_switch_ms(2026, 10),
            days_from_civil(2026, 10, 25) * DAY_MS + 3_600_000
        );
        assert_eq!(
            utc_offset_minutes("Europe/Berlin", march_29 + 3_599_999),
            Some(60)
        );
        assert_eq!(
            utc_offset_minutes("Europe/Berlin", march_29 + 3_600_000),
            Some(120)
        );
        assert_eq!(utc_offset_minutes("Europe/London", march_29), Some(0));
        assert_eq!(utc_offset_minutes("America/New_York", march_29), None);
        assert_eq!(utc_offset_minutes("UTC", march_29), Some(0));
    }

    #[test]
    fn every_spelling_parses_and_gives_the_tenants_date() {
        let object: PersonioDateTime = serde_json::from_str(
            r#"{"date-time":"2026-03-04T23:30:00.000Z","timezone":"Europe/Berlin"}"#,
        )
        .unwrap();
        assert_eq!(object.local_date().as_deref(), Some("2026-03-05"));
        let official: PersonioDateTime =
            serde_json::from_str(r#"{"date":"2026-07-04T22:30:00Z","timezone":"Europe/Berlin"}"#)
                .unwrap();
        assert_eq!(official.local_date().as_deref(), Some("2026-07-05"));
        let text: PersonioDateTime = serde_json::from_str(r#""2026-03-04T23:30:00Z""#).unwrap();
        assert_eq!(text.local_date().as_deref(), Some("2026-03-04"));
        let offset: PersonioDateTime =
            serde_json::from_str(r#""2026-03-05T00:30:00+01:00""#).unwrap();
        assert_eq!(offset.local_date().as_deref(), Some("2026-03-05"));
        assert_eq!(offset.epoch_ms(), text.epoch_ms(), "the same instant");
        let feed_style: PersonioDateTime =
            serde_json::from_str(r#""2026-01-05T09:00:00+0100""#).unwrap();
        assert_eq!(feed_style.local_date().as_deref(), Some("2026-01-05"));
        let plain: PersonioDateTime = serde_json::from_str(r#""2026-03-04""#).unwrap();
        assert_eq!(plain.local_date().as_deref(), Some("2026-03-04"));
        assert!(serde_json::from_str::<PersonioDateTime>(r#"{"timezone":"UTC"}"#).is_err());
        assert_eq!(
            PersonioDateTime {
                date_time: "yesterday".into(),
                timezone: None
            }
            .local_date(),
            None
        );
        // Our own serialization reads back.
        let back: PersonioDateTime =
            serde_json::from_str(&serde_json::to_string(&object).unwrap()).unwrap();
        assert_eq!(back, object);
        assert_eq!(PersonioDateTime::utc(0).date_time, "1970-01-01T00:00:00Z");
    }
}
