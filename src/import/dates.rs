//! Dates and times as partners write them.
//!
//! `2026-11-18`, `18/11/2026`, `18.11.2026`, `18 nov 2026`, `18 november 2026`,
//! `2026-11-18 kl. 21.30`, `2026-11-18T21:30:00`, `2023-04-25 9:50:41 +02:00`, and
//! times `21:30`, `21.30`, `9:50:41`, `kl 21`. Whether `05/11/2026` is 5 November or
//! 11 May is decided once per file ([`DayOrder`]), never row by row. A value with a
//! UTC offset is turned into Stockholm wall-clock time, right across DST changes.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Stockholm;

/// How a file writes numeric dates with the year last.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default, ts_rs::TS,
)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DayOrder {
    /// `18/11/2026`: Swedish and European habit, the default.
    #[default]
    DayMonth,
    /// `11/18/2026`: US habit, chosen only when the file proves it.
    MonthDay,
}

/// Where the year of a date written without one (`3/11`, `3 nov 21.30`) comes from,
/// decided once per file like the day order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSource {
    /// The file's other dates (those written with a year): the nearest such year.
    FileDates,
    /// A title row above the header ("Vecka 47 2026", "Rapport november 2026").
    Title,
    /// The day of the import: the nearest date that is not in the future.
    ImportDate,
}

/// How a file's dates without a year get one: the year that puts the date nearest to
/// `reference` (for [`YearSource::ImportDate`], the nearest not after it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRule {
    pub source: YearSource,
    pub reference: NaiveDate,
}

impl YearRule {
    pub fn resolve(&self, month: u32, day: u32) -> Option<NaiveDate> {
        use chrono::Datelike;
        let y = self.reference.year();
        let candidates = [y - 1, y, y + 1]
            .into_iter()
            .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day));
        match self.source {
            YearSource::ImportDate => candidates.filter(|d| *d <= self.reference).max(),
            _ => candidates.min_by_key(|d| (*d - self.reference).num_days().abs()),
        }
    }
}

/// Everything a file decides once about its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRules {
    pub order: DayOrder,
    pub year: YearRule,
    /// The day of the import: a date long before Navet's time or more than a year after
    /// it is flagged (year 0001 or 9999 is a typo, not an incident).
    pub today: NaiveDate,
}

impl DateRules {
    /// Whether a date is too far from any incident a file can report.
    pub fn implausible(&self, d: NaiveDate) -> bool {
        let earliest = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN);
        d < earliest || d > self.today + chrono::Duration::days(366)
    }
}

/// A date written without a year, as (month, day, time): `3/11`, `3.11`, `3/11 21.30`,
/// `3 nov`, `3 november kl 21`. Day first unless the file is month-first.
pub fn parse_yearless(value: &str, order: DayOrder) -> Option<(u32, u32, Option<NaiveTime>)> {
    let words: Vec<&str> = value.split_whitespace().collect();
    let first = *words.first()?;
    let (a, b, rest) = if let Some(m) = words.get(1).and_then(|w| month_number(w)) {
        let d: u32 = first.trim_end_matches('.').parse().ok()?;
        (d, m, &words[2..])
    } else {
        let sep = first.chars().find(|c| matches!(c, '/' | '.'))?;
        let (x, y) = first.trim_end_matches(sep).split_once(sep)?;
        if x.is_empty() || y.is_empty() || x.len() > 2 || y.len() > 2 || y.contains(sep) {
            return None;
        }
        let (x, y): (u32, u32) = (x.parse().ok()?, y.parse().ok()?);
        match order {
            DayOrder::DayMonth => (x, y, &words[1..]),
            DayOrder::MonthDay => (y, x, &words[1..]),
        }
    };
    if !(1..=12).contains(&b) || !(1..=31).contains(&a) {
        return None;
    }
    let rest = rest.join(" ");
    let time = if rest.is_empty() {
        None
    } else {
        Some(parse_time(&rest)?)
    };
    Some((b, a, time))
}

/// A year a title row names: `Vecka 47 2026`, `v.47 2026`, `november 2026`, or a full
/// date in it; the reference day is that week's Thursday, the month's middle or the date.
pub fn title_reference(text: &str) -> Option<NaiveDate> {
    use chrono::Datelike;
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == ':')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    for w in &words {
        if let Some(when) = parse(w, DayOrder::DayMonth)
            && (2000..=2099).contains(&when.date.year())
        {
            return Some(when.date);
        }
    }
    let year_at = words
        .iter()
        .position(|w| w.len() == 4 && w.parse::<i32>().is_ok_and(|y| (2000..=2099).contains(&y)))?;
    let year: i32 = words[year_at].parse().ok()?;
    let before = |i: usize| year_at.checked_sub(i).and_then(|j| words.get(j));
    // "vecka 47 2026", "v. 47 2026", "v47 2026"
    let week = before(1).and_then(|w| {
        let digits = w.trim_start_matches("v.").trim_start_matches('v');
        let n: u32 = digits.parse().ok()?;
        let named = digits.len() < w.len() || before(2).is_some_and(|p| p.starts_with('v'));
        named.then_some(n)
    });
    if let Some(week) = week {
        return NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Thu);
    }
    if let Some(m) = before(1).and_then(|w| month_number(w)) {
        return NaiveDate::from_ymd_opt(year, m, 15);
    }
    NaiveDate::from_ymd_opt(year, 7, 1)
}

/// A parsed date with its time if the value had one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("februari", 2),
    ("mars", 3),
    ("april", 4),
    ("maj", 5),
    ("juni", 6),
    ("juli", 7),
    ("augusti", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("may", 5),
];

/// The month a Swedish (or English short) month name means.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|(_, v)| *v)
}

/// Evidence a value gives about the file's day order: `Some(MonthDay)` when only
/// month-first reads it, `Some(DayMonth)` when only day-first does.
pub fn order_evidence(value: &str) -> Option<DayOrder> {
    let (a, b, _) = numeric_parts(
        value
            .trim()
            .split(|c: char| c.is_whitespace() || c == 'T')
            .next()?,
    )?;
    match (a > 12, b > 12) {
        (true, false) => Some(DayOrder::DayMonth),
        (false, true) => Some(DayOrder::MonthDay),
        _ => None,
    }
}

/// `d/m/yyyy`, `d.m.yyyy` or `d-m-yyyy` split into its three numbers.
fn numeric_parts(s: &str) -> Option<(u32, u32, i32)> {
    let sep = s.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let mut it = s.split(sep);
    let a = it.next()?;
    let b = it.next()?;
    let y = it.next()?;
    if it.next().is_some() || a.len() > 2 || b.len() > 2 || y.len() != 4 {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, y.parse().ok()?))
}

/// How a time cell was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// Written as a time (`21:30`, `21.30`, `kl 21`).
    Plain(NaiveTime),
    /// A number a spreadsheet program made of a Swedish time (`14.30` saved as 14.3,
    /// `07.00` as 7), or an Excel day fraction (0.604166… for 14:30): read as the time.
    FromNumber(NaiveTime),
    /// A number below 1 with one or two decimals: `0.3` may be 00:30 (`00.30` saved
    /// by a spreadsheet) or a fraction of a day (07:12). Read as the clock time, flagged.
    /// (`00.30`, with its leading zero, was typed as a time and is plain.)
    Ambiguous(NaiveTime),
}

impl Clock {
    pub fn time(self) -> NaiveTime {
        match self {
            Clock::Plain(t) | Clock::FromNumber(t) | Clock::Ambiguous(t) => t,
        }
    }
}

/// Reads a time cell: a written time ([`parse_time`]) or a number a spreadsheet made
/// of one (see [`Clock`]). `None` when it is neither.
pub fn parse_clock(value: &str) -> Option<Clock> {
    let v = value.trim();
    let (whole, decimals) = match v.split_once(['.', ',']) {
        Some((w, d)) => (w, d),
        None => (v, ""),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let numeric = digits(whole) && (decimals.is_empty() || digits(decimals));
    if !numeric {
        return parse_time(v).map(Clock::Plain);
    }
    let hour: u32 = whole.parse().ok()?;
    let clock = |minutes: u32| NaiveTime::from_hms_opt(hour, minutes, 0);
    match decimals.len() {
        // 7 → 07:00 (a whole hour; `07.00` saved as a number).
        0 => clock(0).map(Clock::FromNumber),
        // 14.3 → 14:30 (the trailing zero of `14.30` dropped); 14.05 as written; below 1
        // it is ambiguous.
        1 | 2 => {
            let mut minutes: u32 = decimals.parse().ok()?;
            if decimals.len() == 1 {
                minutes *= 10;
            }
            let t = clock(minutes)?;
            // `0.45` is a number (a spreadsheet's `00.45`, or a fraction of a day);
            // `00.45` was typed as a time.
            Some(if whole == "0" {
                Clock::Ambiguous(t)
            } else if decimals.len() == 1 {
                Clock::FromNumber(t)
            } else {
                // 21.30, 14.05: how Swedes write times, and a number keeps them so.
                Clock::Plain(t)
            })
        }
        // 0.604166… → 14:30: a fraction of a day, as Excel stores times.
        _ if hour == 0 => {
            let fraction: f64 = format!("0.{decimals}").parse().ok()?;
            let seconds = (fraction * 86_400.0).round() as u32;
            let minutes = (seconds + 30) / 60;
            NaiveTime::from_hms_opt((minutes / 60) % 24, minutes % 60, 0).map(Clock::FromNumber)
        }
        _ => None,
    }
}

/// Parses a time of day: `21:30`, `21.30`, `9:50:41`, `kl. 21.30`, `kl 21`.
pub fn parse_time(value: &str) -> Option<NaiveTime> {
    let mut v = value.trim().to_lowercase();
    for prefix in ["kl.", "kl", "klockan"] {
        if let Some(rest) = v.strip_prefix(prefix) {
            v = rest.trim().to_string();
            break;
        }
    }
    if v.is_empty() {
        return None;
    }
    let parts: Vec<&str> = v.split([':', '.']).collect();
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (h, m, s) = match parts.as_slice() {
        [h] if value.trim().to_lowercase().starts_with("kl") => (num(h)?, 0, 0),
        [h, m] => (num(h)?, num(m)?, 0),
        [h, m, s] => (num(h)?, num(m)?, num(s)?),
        _ => return None,
    };
    NaiveTime::from_hms_opt(h, m, s)
}

fn date_only(s: &str, order: DayOrder) -> Option<NaiveDate> {
    let s = s.trim().trim_end_matches(',');
    if s.len() == 10 && s.as_bytes()[4] == b'-' {
        return NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    if let Some((a, b, y)) = numeric_parts(s) {
        let (d, m) = match order {
            DayOrder::DayMonth => (a, b),
            DayOrder::MonthDay => (b, a),
        };
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    None
}

/// `YYYY-MM-DD` read by hand: the common case, without a format parser.
fn fast_iso(b: &[u8]) -> Option<NaiveDate> {
    let digit = |i: usize| {
        b.get(i)
            .filter(|c| c.is_ascii_digit())
            .map(|c| u32::from(c - b'0'))
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
    let m = digit(5)? * 10 + digit(6)?;
    let d = digit(8)? * 10 + digit(9)?;
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// Parses a date, with a time if there is one.
pub fn parse(value: &str, order: DayOrder) -> Option<When> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    // Fast path: `2026-11-18` and `2026-11-18 21:30`.
    if let Some(date) = fast_iso(v.as_bytes()) {
        match v.len() {
            10 => return Some(When { date, time: None }),
            16 if v.as_bytes()[10] == b' ' => {
                if let Some(time) = parse_time(&v[11..]) {
                    return Some(When {
                        date,
                        time: Some(time),
                    });
                }
            }
            _ => {}
        }
    }
    // RFC 3339 / ISO with an offset: convert to Stockholm wall clock.
    if let Ok(dt) = DateTime::parse_from_rfc3339(v) {
        return Some(stockholm(dt));
    }
    // `2023-04-25 9:50:41 +02:00`: the police API's publication time.
    if let Some(w) = with_offset(v) {
        return Some(w);
    }
    // ISO with a T and no offset: local already.
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S%.f",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(v, fmt) {
            return Some(When {
                date: dt.date(),
                time: Some(dt.time()),
            });
        }
    }
    let words: Vec<&str> = v.split_whitespace().collect();
    // `18 nov 2026`, `18 november 2026 21.30`, `18 nov. 2026 kl 21`
    if words.len() >= 3
        && let (Ok(d), Some(m), Ok(y)) = (
            words[0].trim_end_matches('.').parse::<u32>(),
            month_number(words[1]),
            words[2].trim_end_matches(',').parse::<i32>(),
        )
        && (1000..=9999).contains(&y)
    {
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        let rest = words[3..].join(" ");
        let time = if rest.is_empty() {
            None
        } else {
            Some(parse_time(&rest)?)
        };
        return Some(When { date, time });
    }
    // A date, then maybe a time: `2026-11-18 kl. 21.30`, `18/11/2026 21:30`.
    let date = date_only(words.first()?, order)?;
    let rest = words[1..].join(" ");
    let time = if rest.is_empty() {
        None
    } else {
        Some(parse_time(&rest)?)
    };
    Some(When { date, time })
}

fn with_offset(v: &str) -> Option<When> {
    let (head, offset) = v.rsplit_once(' ')?;
    if !(offset.starts_with('+') || offset.starts_with('-')) || offset.len() != 6 {
        return None;
    }
    let (date, time) = head.split_once(' ')?;
    let time = parse_time(time)?;
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let fixed =
        DateTime::parse_from_str(&format!("{date} {time} {offset}"), "%Y-%m-%d %H:%M:%S %:z")
            .ok()?;
    Some(stockholm(fixed))
}

fn stockholm(dt: DateTime<FixedOffset>) -> When {
    let local = dt
        .with_timezone(&Utc)
        .with_timezone(&Stockholm)
        .naive_local();
    When {
        date: local.date(),
        time: Some(local.time()),
    }
}

/// Stockholm wall clock of a UTC instant.
pub fn stockholm_local(utc: DateTime<Utc>) -> NaiveDateTime {
    Stockholm.from_utc_datetime(&utc.naive_utc()).naive_local()
}

/// An Excel serial day number (1900 system, Excel's phantom 29 February 1900
/// accounted for) as a date and time; `None` out of any plausible range.
pub fn excel_serial(serial: f64, is_1904: bool) -> Option<When> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let base = if is_1904 {
        NaiveDate::from_ymd_opt(1904, 1, 1)?
    } else if serial < 60.0 {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    };
    let days = serial.floor();
    let date = base.checked_add_signed(chrono::Duration::days(days as i64))?;
    let secs = ((serial - days) * 86_400.0).round() as u32;
    let time = (secs > 0)
        .then(|| NaiveTime::from_num_seconds_from_midnight_opt(secs.min(86_399), 0))
        .flatten();
    Some(When { date, time })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_a_spreadsheet_made_of_times_are_read_as_swedish_clock_times() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        for (cell, want) in [
            ("14.3", Clock::FromNumber(t(14, 30))),
            ("14,3", Clock::FromNumber(t(14, 30))),
            ("7", Clock::FromNumber(t(7, 0))),
            ("23", Clock::FromNumber(t(23, 0))),
            ("14.05", Clock::Plain(t(14, 5))),
            ("21.30", Clock::Plain(t(21, 30))),
            ("21:30", Clock::Plain(t(21, 30))),
            ("kl. 9.15", Clock::Plain(t(9, 15))),
            ("0.604166666666667", Clock::FromNumber(t(14, 30))),
            ("0.99930555555556", Clock::FromNumber(t(23, 59))),
            ("0.3", Clock::Ambiguous(t(0, 30))),
            ("0.45", Clock::Ambiguous(t(0, 45))),
            ("00.45", Clock::Plain(t(0, 45))),
        ] {
            assert_eq!(parse_clock(cell), Some(want), "{cell}");
        }
        for bad in ["24", "14.75", "14.333", "25.3", "1e3", "-7", "", "x"] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }
    fn p(s: &str) -> Option<When> {
        parse(s, DayOrder::DayMonth)
    }

    #[test]
    fn every_swedish_shape() {
        let nov18 = d(2026, 11, 18);
        for s in [
            "2026-11-18",
            "18/11/2026",
            "18.11.2026",
            "18-11-2026",
            "18 nov 2026",
            "18 november 2026",
            "18 Nov. 2026",
            "20261118",
        ] {
            assert_eq!(
                p(s),
                Some(When {
                    date: nov18,
                    time: None
                }),
                "{s}"
            );
        }
        for s in [
            "2026-11-18 kl. 21.30",
            "2026-11-18 21:30",
            "18/11/2026 21.30",
            "2026-11-18T21:30:00",
            "18 nov 2026 kl 21.30",
        ] {
            assert_eq!(
                p(s),
                Some(When {
                    date: nov18,
                    time: t(21, 30)
                }),
                "{s}"
            );
        }
        assert_eq!(p("1 maj 2026").map(|w| w.date), Some(d(2026, 5, 1)));
        assert_eq!(p("31 december 2026").map(|w| w.date), Some(d(2026, 12, 31)));
    }

    #[test]
    fn dates_without_a_year_take_the_files_year() {
        let t2130 = NaiveTime::from_hms_opt(21, 30, 0);
        assert_eq!(
            parse_yearless("3/11", DayOrder::DayMonth),
            Some((11, 3, None))
        );
        assert_eq!(
            parse_yearless("3.11", DayOrder::DayMonth),
            Some((11, 3, None))
        );
        assert_eq!(
            parse_yearless("3/11 21.30", DayOrder::DayMonth),
            Some((11, 3, t2130))
        );
        assert_eq!(
            parse_yearless("11/3", DayOrder::MonthDay),
            Some((11, 3, None))
        );
        assert_eq!(
            parse_yearless("3 nov kl 21.30", DayOrder::DayMonth),
            Some((11, 3, t2130))
        );
        for bad in [
            "13/13", "3/11/5", "3", "14.30.00", "3/11 hej", "0/5", "3/112",
        ] {
            assert_eq!(parse_yearless(bad, DayOrder::DayMonth), None, "{bad}");
        }
        // Nearest to the file's dates: a December file's 2/1 is next January.
        let rule = YearRule {
            source: YearSource::FileDates,
            reference: d(2026, 12, 28),
        };
        assert_eq!(rule.resolve(1, 2), Some(d(2027, 1, 2)));
        assert_eq!(rule.resolve(11, 3), Some(d(2026, 11, 3)));
        // From the import day: never in the future.
        let rule = YearRule {
            source: YearSource::ImportDate,
            reference: d(2026, 11, 30),
        };
        assert_eq!(rule.resolve(12, 5), Some(d(2025, 12, 5)));
        assert_eq!(rule.resolve(11, 30), Some(d(2026, 11, 30)));
        assert_eq!(
            rule.resolve(2, 29),
            None,
            "no leap day within a year either way"
        );
        assert_eq!(title_reference("Vecka 47 2026"), Some(d(2026, 11, 19)));
        assert_eq!(title_reference("Rapport v.47 2026"), Some(d(2026, 11, 19)));
        assert_eq!(
            title_reference("Händelser november 2026"),
            Some(d(2026, 11, 15))
        );
        assert_eq!(title_reference("Läget 2026-11-20"), Some(d(2026, 11, 20)));
        assert_eq!(title_reference("Veckorapport"), None);
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("21:30"), t(21, 30));
        assert_eq!(parse_time("21.30"), t(21, 30));
        assert_eq!(parse_time("9:50:41"), NaiveTime::from_hms_opt(9, 50, 41));
        assert_eq!(parse_time("kl. 7.05"), t(7, 5));
        assert_eq!(parse_time("kl 21"), t(21, 0));
        assert_eq!(parse_time("21"), None);
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("kväll"), None);
    }

    #[test]
    fn nonsense_is_refused() {
        for s in [
            "",
            "igår",
            "2026-13-01",
            "31/02/2026",
            "18 smör 2026",
            "2026-11-18 kl. sent",
            "12345",
        ] {
            assert_eq!(p(s), None, "{s}");
        }
    }

    #[test]
    fn day_order_is_a_file_decision() {
        assert_eq!(
            parse("05/11/2026", DayOrder::DayMonth).unwrap().date,
            d(2026, 11, 5)
        );
        assert_eq!(
            parse("05/11/2026", DayOrder::MonthDay).unwrap().date,
            d(2026, 5, 11)
        );
        assert_eq!(order_evidence("18/11/2026"), Some(DayOrder::DayMonth));
        assert_eq!(order_evidence("11/18/2026 10:00"), Some(DayOrder::MonthDay));
        assert_eq!(order_evidence("05/11/2026"), None);
        assert_eq!(order_evidence("2026-11-18"), None);
    }

    #[test]
    fn offsets_become_stockholm_wall_clock_across_dst() {
        // Police publication time with a one-digit hour.
        assert_eq!(
            p("2023-04-25 9:50:41 +02:00"),
            Some(When {
                date: d(2023, 4, 25),
                time: NaiveTime::from_hms_opt(9, 50, 41)
            })
        );
        // The night summer time starts (29 March 2026, 02:00 → 03:00).
        assert_eq!(p("2026-03-29T00:30:00Z").unwrap().time, t(1, 30));
        assert_eq!(p("2026-03-29T01:30:00Z").unwrap().time, t(3, 30));
        // The night it ends (25 October 2026, 03:00 → 02:00): two UTC hours, one wall hour twice.
        assert_eq!(p("2026-10-25T00:30:00Z").unwrap().time, t(2, 30));
        assert_eq!(p("2026-10-25T01:30:00Z").unwrap().time, t(2, 30));
        assert_eq!(
            p("2026-12-31T23:30:00Z"),
            Some(When {
                date: d(2027, 1, 1),
                time: t(0, 30)
            })
        );
    }

    #[test]
    fn excel_serials_in_both_systems() {
        assert_eq!(excel_serial(46344.0, false).unwrap().date, d(2026, 11, 18));
        assert_eq!(
            excel_serial(46344.0 - 1462.0, true).unwrap().date,
            d(2026, 11, 18)
        );
        let w = excel_serial(46344.895833333, false).unwrap();
        assert_eq!(w.time, t(21, 30));
        assert_eq!(excel_serial(1.0, false).unwrap().date, d(1900, 1, 1));
        assert_eq!(excel_serial(61.0, false).unwrap().date, d(1900, 3, 1));
        assert_eq!(excel_serial(0.0, false), None);
        assert_eq!(excel_serial(-3.0, false), None);
    }
}
