//! Periods of a situation picture: ISO weeks, two weeks, months, tertials, or any range,
//! and the periods of the same length before them (for "previous" and the baseline).
//!
//! Days are Europe/Stockholm calendar days, as reports store them; ISO weeks come from
//! chrono, which gets the year boundaries right (2026-12-31 and 2027-01-03 are both in
//! week 53 of 2026).

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::messages::{Message, field};

/// The unit a picture compares in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PeriodKind {
    Week,
    TwoWeeks,
    Month,
    Tertial,
    Custom,
}

impl PeriodKind {
    pub fn parse(s: &str) -> Option<PeriodKind> {
        match s.trim().to_lowercase().as_str() {
            "week" | "vecka" => Some(PeriodKind::Week),
            "2weeks" | "twoweeks" | "två veckor" => Some(PeriodKind::TwoWeeks),
            "month" | "månad" => Some(PeriodKind::Month),
            "tertial" => Some(PeriodKind::Tertial),
            "custom" | "egen" => Some(PeriodKind::Custom),
            _ => None,
        }
    }
}

/// A closed range of days and how it repeats backwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Period {
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
    pub kind: PeriodKind,
}

/// The months in Swedish, January first.
pub const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn last_day_of_month(first: NaiveDate) -> NaiveDate {
    first
        .checked_add_months(Months::new(1))
        .map(|n| n - Duration::days(1))
        .unwrap_or(first)
}

fn tertial_start(d: NaiveDate) -> NaiveDate {
    let m = (d.month0() / 4) * 4 + 1;
    NaiveDate::from_ymd_opt(d.year(), m, 1).unwrap_or(d)
}

impl Period {
    /// The period of `kind` that contains `day` (Custom: just that day).
    pub fn containing(kind: PeriodKind, day: NaiveDate) -> Period {
        let (from, to) = match kind {
            PeriodKind::Week => (monday(day), monday(day) + Duration::days(6)),
            // Two-week periods pair odd ISO weeks with the even week after them.
            PeriodKind::TwoWeeks => {
                let m = monday(day);
                let start = if day.iso_week().week() % 2 == 1 {
                    m
                } else {
                    m - Duration::days(7)
                };
                (start, start + Duration::days(13))
            }
            PeriodKind::Month => (month_start(day), last_day_of_month(month_start(day))),
            PeriodKind::Tertial => {
                let s = tertial_start(day);
                let e = s
                    .checked_add_months(Months::new(4))
                    .map(|n| n - Duration::days(1))
                    .unwrap_or(s);
                (s, e)
            }
            PeriodKind::Custom => (day, day),
        };
        Period { from, to, kind }
    }

    /// A range as given; the kind is recognised when the range is exactly one.
    pub fn range(from: NaiveDate, to: NaiveDate) -> Result<Period> {
        if from > to {
            return Err(Message::DateRange {
                from: from.to_string(),
                to: to.to_string(),
            }
            .into());
        }
        for kind in [
            PeriodKind::Week,
            PeriodKind::TwoWeeks,
            PeriodKind::Month,
            PeriodKind::Tertial,
        ] {
            let p = Period::containing(kind, from);
            if p.from == from && p.to == to {
                return Ok(p);
            }
        }
        Ok(Period {
            from,
            to,
            kind: PeriodKind::Custom,
        })
    }

    /// The picture's period from the CLI's or the UI's choices: a kind and a day
    /// (default: the last complete ISO week before `today`), or a range.
    pub fn choose(
        kind: Option<PeriodKind>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<Period> {
        match (kind, from, to) {
            (Some(PeriodKind::Custom) | None, Some(f), Some(t)) => Period::range(f, t),
            (Some(k), Some(f), _) => Ok(Period::containing(k, f)),
            (Some(k), None, Some(t)) => Ok(Period::containing(k, t)),
            (None, Some(f), None) => Ok(Period::containing(PeriodKind::Week, f)),
            (None, None, Some(t)) => Ok(Period::containing(PeriodKind::Week, t)),
            (Some(PeriodKind::Custom), None, None) | (None, None, None) => Ok(Period::containing(
                PeriodKind::Week,
                today - Duration::days(7),
            )),
            (Some(k), None, None) => Ok(Period::containing(
                k,
                Period::containing(k, today).from - Duration::days(1),
            )),
        }
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The period `n` steps back (n = 1: the previous one), of the same kind and length.
    pub fn back(&self, n: u32) -> Period {
        match self.kind {
            PeriodKind::Month => {
                let from = self
                    .from
                    .checked_sub_months(Months::new(n))
                    .unwrap_or(self.from);
                Period {
                    from,
                    to: last_day_of_month(from),
                    kind: self.kind,
                }
            }
            PeriodKind::Tertial => {
                let from = self
                    .from
                    .checked_sub_months(Months::new(4 * n))
                    .unwrap_or(self.from);
                let to = from
                    .checked_add_months(Months::new(4))
                    .map(|d| d - Duration::days(1))
                    .unwrap_or(from);
                Period {
                    from,
                    to,
                    kind: self.kind,
                }
            }
            _ => {
                let shift = Duration::days(self.days() * i64::from(n));
                Period {
                    from: self.from - shift,
                    to: self.to - shift,
                    kind: self.kind,
                }
            }
        }
    }

    /// "vecka 47 2026", "vecka 47–48 2026", "november 2026", "tertial 3 2026", or the dates.
    pub fn label(&self) -> String {
        let w = self.from.iso_week();
        match self.kind {
            PeriodKind::Week => format!("vecka {} {}", w.week(), w.year()),
            PeriodKind::TwoWeeks => {
                let w2 = self.to.iso_week();
                format!("vecka {}–{} {}", w.week(), w2.week(), w2.year())
            }
            PeriodKind::Month => format!(
                "{} {}",
                MONTHS_SV[self.from.month0() as usize],
                self.from.year()
            ),
            PeriodKind::Tertial => format!(
                "tertial {} {}",
                self.from.month0() / 4 + 1,
                self.from.year()
            ),
            PeriodKind::Custom => format!("{} – {}", self.from, self.to),
        }
    }

    /// A short label for chart axes: "v. 47", "nov", "T3", or the first day.
    pub fn short_label(&self) -> String {
        match self.kind {
            PeriodKind::Week | PeriodKind::TwoWeeks => {
                format!("v. {}", self.from.iso_week().week())
            }
            PeriodKind::Month => MONTHS_SV[self.from.month0() as usize]
                .chars()
                .take(3)
                .collect(),
            PeriodKind::Tertial => format!("T{}", self.from.month0() / 4 + 1),
            PeriodKind::Custom => self.from.format("%m-%d").to_string(),
        }
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

/// Parses a `--from`/`--to` style date for a period.
pub fn parse_day(label: &str, value: &str) -> Result<NaiveDate> {
    crate::time::parse_date(label, value)
}

/// The field labels for period errors.
pub const FROM: &str = field::FROM;
pub const TO: &str = field::TO;

/// Monday is the first day, as in Sweden; used by the weekday × hour pattern.
pub fn weekday_index(d: NaiveDate) -> usize {
    d.weekday().num_days_from_monday() as usize
}

pub const WEEKDAYS_SV: [&str; 7] = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"];

/// Whether `d` is a Sunday (used in tests of week boundaries).
pub fn is_sunday(d: NaiveDate) -> bool {
    d.weekday() == Weekday::Sun
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn iso_weeks_across_the_year_boundary() {
        let p = Period::containing(PeriodKind::Week, d(2026, 12, 31));
        assert_eq!((p.from, p.to), (d(2026, 12, 28), d(2027, 1, 3)));
        assert_eq!(p.label(), "vecka 53 2026");
        assert_eq!(Period::containing(PeriodKind::Week, d(2027, 1, 3)), p);
        assert_eq!(
            Period::containing(PeriodKind::Week, d(2027, 1, 4)).label(),
            "vecka 1 2027"
        );
        assert_eq!(
            Period::containing(PeriodKind::Week, d(2026, 11, 18)).label(),
            "vecka 47 2026"
        );
        assert!(is_sunday(p.to));
    }

    #[test]
    fn previous_periods_keep_their_length_and_kind() {
        let w = Period::containing(PeriodKind::Week, d(2027, 1, 6));
        assert_eq!(w.back(1).label(), "vecka 53 2026");
        assert_eq!(w.back(8).days(), 7);
        let m = Period::containing(PeriodKind::Month, d(2026, 3, 15));
        assert_eq!(
            (m.back(1).from, m.back(1).to),
            (d(2026, 2, 1), d(2026, 2, 28))
        );
        assert_eq!(m.back(3).label(), "december 2025");
        let t = Period::containing(PeriodKind::Tertial, d(2026, 11, 18));
        assert_eq!((t.from, t.to), (d(2026, 9, 1), d(2026, 12, 31)));
        assert_eq!(t.label(), "tertial 3 2026");
        assert_eq!(t.back(1).label(), "tertial 2 2026");
        let two = Period::containing(PeriodKind::TwoWeeks, d(2026, 11, 18));
        assert_eq!(two.days(), 14);
        assert_eq!(two.label(), "vecka 47–48 2026");
        let c = Period::range(d(2026, 11, 1), d(2026, 11, 10)).unwrap();
        assert_eq!(c.kind, PeriodKind::Custom);
        assert_eq!(
            (c.back(1).from, c.back(1).to),
            (d(2026, 10, 22), d(2026, 10, 31))
        );
    }

    #[test]
    fn ranges_recognise_their_kind_and_defaults_pick_the_last_week() {
        assert_eq!(
            Period::range(d(2026, 11, 16), d(2026, 11, 22))
                .unwrap()
                .kind,
            PeriodKind::Week
        );
        assert_eq!(
            Period::range(d(2026, 11, 1), d(2026, 11, 30)).unwrap().kind,
            PeriodKind::Month
        );
        assert!(Period::range(d(2026, 11, 30), d(2026, 11, 1)).is_err());
        let p = Period::choose(None, None, None, d(2026, 11, 22)).unwrap();
        assert_eq!(p.label(), "vecka 46 2026");
        let m = Period::choose(
            Some(PeriodKind::Month),
            Some(d(2026, 11, 18)),
            None,
            d(2026, 11, 22),
        )
        .unwrap();
        assert_eq!(m.label(), "november 2026");
    }
}

/// The period as the app asks for it: a kind and a day, or a range.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PeriodQuery {
    #[ts(optional)]
    pub kind: Option<PeriodKind>,
    /// `YYYY-MM-DD`: a day in the period, or the first day of a range.
    #[ts(optional)]
    pub from: Option<String>,
    /// `YYYY-MM-DD`: the last day of a range.
    #[ts(optional)]
    pub to: Option<String>,
    /// Steps back (negative: forward) from the chosen period.
    #[ts(optional)]
    pub shift: Option<i32>,
}

impl PeriodQuery {
    pub fn resolve(&self, today: NaiveDate) -> Result<Period> {
        let from = self
            .from
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|d| parse_day(FROM, d))
            .transpose()?;
        let to = self
            .to
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|d| parse_day(TO, d))
            .transpose()?;
        let p = Period::choose(self.kind, from, to, today)?;
        Ok(match self.shift.unwrap_or(0) {
            0 => p,
            n if n > 0 => p.back(n as u32),
            n => {
                // Forward: the period containing the day after the end, repeatedly.
                let mut q = p;
                for _ in 0..n.unsigned_abs() {
                    q = match q.kind {
                        PeriodKind::Custom => Period {
                            from: q.to + Duration::days(1),
                            to: q.to + Duration::days(q.days()),
                            kind: q.kind,
                        },
                        k => Period::containing(k, q.to + Duration::days(1)),
                    };
                }
                q
            }
        })
    }
}
