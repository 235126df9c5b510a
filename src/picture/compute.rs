//! Computing a picture: two grouped reads over the report index by date
//! ([`crate::db::picture_queries`]), bucketed into periods in memory, then counts,
//! comparisons and flags.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use super::{
    AreaPicture, CategoryCount, CategoryShare, Deviation, PartnerCount, Pattern, Period,
    PeriodKind, Picture, PlaceCount, TrendPoint, assessment, period, stats,
};
use crate::db::{picture_queries, report_link, report_month};
use crate::error::Result;

/// How many earlier periods the baseline averages, and how long the trend is.
pub const BASELINE_PERIODS: u32 = 8;
pub const TREND_PERIODS: u32 = 12;
pub const HOTSPOTS: usize = 10;
/// With fewer earlier periods of data than this, the picture flags nothing ("för kort
/// historik").
pub const MIN_BASELINE_PERIODS: usize = 3;
/// The name under which places with no area are grouped.
pub const NO_AREA: &str = "Utan område";

/// Counts for one (area, category) or (place) over the periods: index 0 is the oldest.
type Series = Vec<u32>;

/// Adds `delta` (negative for a merged report's share) to a count, never below zero.
fn add_to(count: &mut u32, delta: i64) {
    *count = u32::try_from((i64::from(*count) + delta).max(0)).unwrap_or(u32::MAX);
}

fn bump(
    map: &mut HashMap<(i64, i64), Series>,
    key: (i64, i64),
    idx: usize,
    delta: i64,
    len: usize,
) {
    add_to(
        &mut map.entry(key).or_insert_with(|| vec![0; len])[idx],
        delta,
    );
}

/// The share of one partner that began reporting inside the baseline window: its counts
/// over the periods, and the first period it reported all through.
#[derive(Debug, Clone, PartialEq)]
struct LatePart {
    from: usize,
    series: Series,
}

/// The baseline: the mean of the `usable` periods before the last one (at most
/// [`BASELINE_PERIODS`]; periods before the database's first report are not usable).
/// A partner that began later adds the mean of its own periods only (a month before it
/// started is no month of zero for its categories); one with no whole period yet adds
/// its current count, so it cannot make a departure by itself.
fn baseline(series: &[u32], usable: usize, late: &[LatePart]) -> f64 {
    let len = series.len();
    let start = len.saturating_sub(1 + usable.min(BASELINE_PERIODS as usize));
    let mean = |s: &[u32], from: usize| -> Option<f64> {
        let window = s.get(from.max(start)..len - 1).filter(|w| !w.is_empty())?;
        Some(window.iter().map(|&v| f64::from(v)).sum::<f64>() / window.len() as f64)
    };
    let mut established = series.to_vec();
    for part in late {
        for (e, l) in established.iter_mut().zip(&part.series) {
            *e = e.saturating_sub(*l);
        }
    }
    let Some(mut total) = mean(&established, start) else {
        return 0.0;
    };
    for part in late {
        total += mean(&part.series, part.from)
            .unwrap_or_else(|| f64::from(*part.series.last().unwrap_or(&0)));
    }
    (total * 10.0).round() / 10.0
}

fn category_count(category: String, s: &[u32], usable: usize, late: &[LatePart]) -> CategoryCount {
    let count = *s.last().unwrap_or(&0);
    let previous = if s.len() >= 2 { s[s.len() - 2] } else { 0 };
    let base = baseline(s, usable, late);
    let (rise, p_rise) = stats::flag(count, base);
    let (fall, p_fall) = stats::fall(count, base);
    // With too short a history there is no normal level to depart from.
    let history = usable >= MIN_BASELINE_PERIODS;
    let deviation = match (rise, fall) {
        (true, _) if history => Deviation::Rise,
        (_, true) if history => Deviation::Fall,
        _ => Deviation::None,
    };
    let p = if deviation == Deviation::Fall {
        p_fall
    } else {
        p_rise
    };
    CategoryCount {
        category,
        count,
        previous,
        baseline: base,
        change: i64::from(count) - i64::from(previous),
        flagged: deviation == Deviation::Rise,
        p_value: (p * 10_000.0).round() / 10_000.0,
        deviation,
    }
}

fn add(a: &mut [u32], b: &[u32]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// Computes the picture for `p` from the reports, with the stored assessment.
pub fn compute(conn: &Connection, p: &Period) -> Result<Picture> {
    let periods: Vec<Period> = (0..TREND_PERIODS).rev().map(|n| p.back(n)).collect();
    let len = periods.len();
    let first = periods[0].from;
    let index_of = |d: NaiveDate| periods.iter().rposition(|q| q.contains(d));
    // Earlier periods that start on or after the first report: only those have data to
    // average (a month before the first report is no month of zero incidents).
    let first_report = picture_queries::first_report_date(conn)?
        .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let usable = periods[..len - 1]
        .iter()
        .rev()
        .take(BASELINE_PERIODS as usize)
        .filter(|q| first_report.is_some_and(|f| q.from >= f))
        .count();
    let mut late = LateCounts::new(conn, &periods, usable)?;

    let picture_queries::Lookups {
        area_names,
        place_names,
        place_area,
        category_names,
        category_order,
        partner_names,
    } = picture_queries::lookups(conn)?;

    // Counts over all twelve periods, by (area, category) and by place.
    let mut by_area_cat: HashMap<(i64, i64), Series> = HashMap::new();
    let mut by_place: HashMap<(i64, i64), Series> = HashMap::new();
    // This period only: what happened at each place, by category.
    let mut place_categories: HashMap<(i64, i64), u32> = HashMap::new();
    let mut totals: Series = vec![0; len];
    let mut unplaced = 0u32;
    // Counts `delta` for a day, place (none: unplaced), category and partner; returns
    // the period it fell in. Negative for the second report of a confirmed pair (see
    // below).
    let mut count =
        |day: NaiveDate, place: Option<i64>, category: i64, partner: i64, delta: i64| {
            let idx = index_of(day)?;
            add_to(&mut totals[idx], delta);
            let area = match place {
                None => LateCounts::UNPLACED,
                Some(pl) => place_area.get(&pl).copied().flatten().unwrap_or(-1),
            };
            late.add(partner, area, category, idx, delta, len);
            match place {
                None => {
                    // An event without a place still has a category: it counts there.
                    bump(
                        &mut by_area_cat,
                        (LateCounts::UNPLACED, category),
                        idx,
                        delta,
                        len,
                    );
                    if idx == len - 1 {
                        add_to(&mut unplaced, delta);
                    }
                }
                Some(pl) => {
                    bump(&mut by_area_cat, (area, category), idx, delta, len);
                    bump(&mut by_place, (pl, 0), idx, delta, len);
                    if idx == len - 1 {
                        add_to(place_categories.entry((pl, category)).or_default(), delta);
                    }
                }
            }
            Some(idx)
        };
    // Whole months that fall in one period are read from the month counts; the days
    // of the other months (a week's, a custom range's edges) from the reports.
    let cover = MonthCover::new(first, p.to, &index_of);
    if let Some((from, to)) = cover.month_span() {
        report_month::for_each_month(conn, &from, &to, |row| {
            if let Some(day) = cover.whole_month_start(&row.month) {
                count(
                    day,
                    row.place,
                    row.category,
                    row.partner,
                    i64::from(row.total),
                );
            }
        })?;
    }
    for (from, to) in cover.day_ranges() {
        picture_queries::for_each_day_count(conn, &from.to_string(), &to.to_string(), |row| {
            if let Ok(day) = NaiveDate::parse_from_str(&row.date, "%Y-%m-%d") {
                count(
                    day,
                    row.place,
                    row.category,
                    row.partner,
                    i64::from(row.count),
                );
            }
        })?;
    }

    // A confirmed pair of reports about the same incident counts once: the second
    // report's share (the smaller count of the two) comes off its day, place and
    // category, and, in this period, off its hour. Both reports stay in `reports` and
    // with their partners: the sources stay visible.
    let mut merged_here: Vec<(NaiveDate, Option<usize>, u32)> = Vec::new();
    let mut merged = 0u32;
    report_link::for_each_merged(conn, &first.to_string(), &p.to.to_string(), |m| {
        let Ok(day) = NaiveDate::parse_from_str(&m.date, "%Y-%m-%d") else {
            return;
        };
        let n = m.count;
        let Some(idx) = count(day, m.place, m.category, m.partner, -i64::from(n)) else {
            return;
        };
        if idx == len - 1 {
            merged += 1;
            let hour = m
                .hour
                .and_then(|h| h.parse::<usize>().ok())
                .filter(|h| *h < 24);
            merged_here.push((day, hour, n));
        }
    })?;

    // The current period only: weekday × hour, partners, reports.
    let mut pattern = vec![vec![0u32; 24]; 7];
    let mut untimed = 0u32;
    let mut partners: BTreeMap<i64, (u32, u32)> = BTreeMap::new();
    let mut reports = 0u32;
    let mut tally = |weekday: usize, hour: Option<usize>, partner: i64, n_reports: u32, n: u32| {
        reports += n_reports;
        let e = partners.entry(partner).or_default();
        e.0 += n_reports;
        e.1 += n;
        match hour {
            Some(h) => pattern[weekday][h] += n,
            None => untimed += n,
        }
    };
    let own = |d: NaiveDate| p.contains(d).then_some(0);
    let cover = MonthCover::new(p.from, p.to, &own);
    if let Some((from, to)) = cover.month_span() {
        report_month::for_each_month_hour(conn, &from, &to, |row| {
            if cover.whole_month_start(&row.month).is_some() {
                tally(row.weekday, row.hour, row.partner, row.reports, row.total);
            }
        })?;
    }
    for (from, to) in cover.day_ranges() {
        picture_queries::for_each_hour_count(conn, &from.to_string(), &to.to_string(), |row| {
            let Ok(day) = NaiveDate::parse_from_str(&row.date, "%Y-%m-%d") else {
                return;
            };
            let hour = row
                .hour
                .and_then(|h| h.parse::<usize>().ok())
                .filter(|h| *h < 24);
            tally(
                period::weekday_index(day),
                hour,
                row.partner,
                row.reports,
                row.count,
            );
        })?;
    }

    for (day, hour, n) in merged_here {
        match hour {
            Some(h) => {
                let cell = &mut pattern[period::weekday_index(day)][h];
                *cell = cell.saturating_sub(n);
            }
            None => untimed = untimed.saturating_sub(n),
        }
    }

    let draft = assessment::get_assessment(conn, p)?;
    let cat_name = |id: i64| category_names.get(&id).cloned().unwrap_or_default();
    let cat_sort = |id: i64| category_order.get(&id).copied().unwrap_or(0);

    // What happened at a place this period: its categories, most first (at most 3).
    let top_categories = |place: i64| -> Vec<CategoryShare> {
        let mut list: Vec<CategoryShare> = place_categories
            .iter()
            .filter(|((pl, _), n)| *pl == place && **n > 0)
            .map(|((_, c), n)| CategoryShare {
                category: cat_name(*c),
                count: *n,
            })
            .collect();
        list.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.category.cmp(&b.category))
        });
        list.truncate(3);
        list
    };
    // Areas: every area with places, plus "Utan område" when places lack one.
    let mut area_ids: Vec<i64> = area_names.keys().copied().collect();
    if by_area_cat.keys().any(|(a, _)| *a == -1) {
        area_ids.push(-1);
    }
    let mut all_cats: HashMap<i64, Series> = HashMap::new();
    let mut areas = Vec::new();
    for area in area_ids {
        let name = if area == -1 {
            super::compute::NO_AREA.to_string()
        } else {
            area_names.get(&area).cloned().unwrap_or_default()
        };
        let mut cats: Vec<(i64, &Series)> = by_area_cat
            .iter()
            .filter(|((a, _), _)| *a == area)
            .map(|((_, c), s)| (*c, s))
            .collect();
        cats.sort_by_key(|(c, _)| (cat_sort(*c), *c));
        let mut sum: Series = vec![0; len];
        let mut categories = Vec::new();
        for (c, s) in &cats {
            add(&mut sum, s);
            add(all_cats.entry(*c).or_insert_with(|| vec![0; len]), s);
            // Categories with nothing in this period or the previous are left out of the table.
            if s[len - 1] > 0 || s[len - 2] > 0 {
                let parts = late.parts(|a, cat| a == area && cat == *c);
                categories.push(category_count(cat_name(*c), s, usable, &parts));
            }
        }
        let mut places: Vec<PlaceCount> = by_place
            .iter()
            .filter(|((pl, _), _)| place_area.get(pl).copied().flatten().unwrap_or(-1) == area)
            .filter(|(_, s)| s[len - 1] > 0)
            .map(|((pl, _), s)| PlaceCount {
                place: place_names.get(pl).cloned().unwrap_or_default(),
                area: Some(name.clone()),
                count: s[len - 1],
                previous: s[len - 2],
                top: top_categories(*pl),
            })
            .collect();
        places.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.place.cmp(&b.place)));
        let parts = late.parts(|a, _| a == area);
        let total_line = category_count(String::new(), &sum, usable, &parts);
        let status = draft
            .statuses
            .iter()
            .find(|s| crate::names::key(&s.area) == crate::names::key(&name));
        areas.push(AreaPicture {
            area: name,
            status: status.map(|s| s.status.clone()),
            justification: status.map(|s| s.justification.clone()),
            total: total_line.count,
            previous: total_line.previous,
            baseline: total_line.baseline,
            flagged: total_line.flagged,
            categories,
            places,
        });
    }
    areas.sort_by(|a, b| {
        (a.area == NO_AREA)
            .cmp(&(b.area == NO_AREA))
            .then_with(|| a.area.cmp(&b.area))
    });

    // The categories count every event, with a place or without one.
    for ((_, c), s) in by_area_cat
        .iter()
        .filter(|((a, _), _)| *a == LateCounts::UNPLACED)
    {
        add(all_cats.entry(*c).or_insert_with(|| vec![0; len]), s);
    }
    let mut cats: Vec<(i64, Series)> = all_cats.into_iter().collect();
    cats.sort_by_key(|(c, _)| (cat_sort(*c), *c));
    let categories = cats
        .iter()
        .filter(|(_, s)| s[len - 1] > 0 || s[len - 2] > 0)
        .map(|(c, s)| {
            let parts = late.parts(|_, cat| cat == *c);
            category_count(cat_name(*c), s, usable, &parts)
        })
        .collect();

    let mut hotspots: Vec<PlaceCount> = areas
        .iter()
        .flat_map(|a| a.places.iter().cloned())
        .collect();
    hotspots.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.place.cmp(&b.place)));
    hotspots.truncate(HOTSPOTS);

    let mut partners: Vec<PartnerCount> = partners
        .into_iter()
        .map(|(id, (r, n))| PartnerCount {
            partner: partner_names.get(&id).cloned().unwrap_or_default(),
            reports: r,
            count: n,
            nothing_to_report: false,
        })
        .collect();
    // Every partner, so one that sent nothing this period shows as such, and one that
    // said it had nothing to report as that.
    let said_nothing =
        crate::db::partner::nil_reporters(conn, &p.from.to_string(), &p.to.to_string())?;
    for (id, name) in &partner_names {
        if !partners.iter().any(|x| &x.partner == name) {
            partners.push(PartnerCount {
                partner: name.clone(),
                reports: 0,
                count: 0,
                nothing_to_report: said_nothing.contains(id),
            });
        }
    }
    partners.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.partner.cmp(&b.partner))
    });

    // Months and tertials carry their year when the trend crosses a year ("jan 2026").
    let crosses_year = periods[0].from.year() != p.to.year();
    let trend = periods
        .iter()
        .zip(&totals)
        .map(|(q, t)| TrendPoint {
            label: match q.kind {
                PeriodKind::Month | PeriodKind::Tertial if crosses_year => {
                    format!("{} {}", q.short_label(), q.from.year())
                }
                _ => q.short_label(),
            },
            from: q.from.to_string(),
            to: q.to.to_string(),
            total: *t,
        })
        .collect();

    let last_year = last_year(conn, p, first_report, &place_area, &area_names)?;

    Ok(Picture {
        from: p.from.to_string(),
        to: p.to.to_string(),
        period: *p,
        label: p.label(),
        total: totals[len - 1],
        previous_total: totals[len - 2],
        baseline_total: baseline(&totals, usable, &late.parts(|_, _| true)),
        baseline_periods: usable as u32,
        merged,
        format_version: super::PICTURE_FORMAT,
        unplaced,
        reports,
        areas,
        categories,
        hotspots,
        partners,
        pattern: Pattern {
            weekdays: period::WEEKDAYS_SV.iter().map(|d| d.to_string()).collect(),
            counts: pattern,
            untimed,
        },
        trend,
        assessment: draft,
        scale: assessment::scale(conn)?,
        generated_at: crate::db::now(),
        snapshot: None,
        last_year,
    })
}

/// The same period a year earlier: an ISO week or two 52 weeks back (the same week
/// numbers), a month, a tertial or a range 12 months back; none when the reports do
/// not reach back that far. Whole months are read from the month counts, the edges
/// from the reports, as for the picture itself.
fn last_year(
    conn: &Connection,
    p: &Period,
    first_report: Option<NaiveDate>,
    place_area: &HashMap<i64, Option<i64>>,
    area_names: &HashMap<i64, String>,
) -> Result<Option<super::LastYear>> {
    let back = |d: NaiveDate| match p.kind {
        PeriodKind::Week | PeriodKind::TwoWeeks => Some(d - chrono::Duration::weeks(52)),
        _ => d.checked_sub_months(chrono::Months::new(12)),
    };
    let (Some(from), Some(to)) = (back(p.from), back(p.to)) else {
        return Ok(None);
    };
    let to = match p.kind {
        // The last day of the month a year back (February has 28 or 29).
        PeriodKind::Month | PeriodKind::Tertial => Period::containing(PeriodKind::Month, to).to,
        _ => to,
    };
    if first_report.is_none_or(|f| f > from) {
        return Ok(None);
    }
    let mut totals: HashMap<i64, u32> = HashMap::new();
    let mut total = 0u32;
    let mut add = |place: Option<i64>, n: u32| {
        total += n;
        if let Some(pl) = place {
            let area = place_area.get(&pl).copied().flatten().unwrap_or(-1);
            *totals.entry(area).or_default() += n;
        }
    };
    let own = |d: NaiveDate| (d >= from && d <= to).then_some(0);
    let cover = MonthCover::new(from, to, &own);
    if let Some((m0, m1)) = cover.month_span() {
        report_month::for_each_month(conn, &m0, &m1, |row| {
            if cover.whole_month_start(&row.month).is_some() {
                add(row.place, row.total);
            }
        })?;
    }
    for (a, b) in cover.day_ranges() {
        picture_queries::for_each_day_count(conn, &a.to_string(), &b.to_string(), |row| {
            add(row.place, row.count);
        })?;
    }
    let mut areas: Vec<super::AreaTotal> = totals
        .into_iter()
        .map(|(id, n)| super::AreaTotal {
            area: area_names
                .get(&id)
                .cloned()
                .unwrap_or_else(|| NO_AREA.to_string()),
            total: n,
        })
        .collect();
    areas.sort_by(|a, b| a.area.cmp(&b.area));
    Ok(Some(super::LastYear {
        from: from.to_string(),
        to: to.to_string(),
        total,
        areas,
    }))
}

/// Partners that began reporting after the start of the baseline window (the first
/// usable period), with the first period each reported all through, and their counts
/// by (partner, area, category).
struct LateCounts {
    from: HashMap<i64, usize>,
    counts: HashMap<(i64, i64, i64), Series>,
}

impl LateCounts {
    /// The "area" of a late partner's unplaced reports (-1 is a place with no area).
    const UNPLACED: i64 = -2;

    fn new(conn: &Connection, periods: &[Period], usable: usize) -> Result<Self> {
        let len = periods.len();
        let mut from = HashMap::new();
        if usable > 0 {
            let window_start = periods[len - 1 - usable.min(BASELINE_PERIODS as usize)].from;
            for (partner, month) in picture_queries::partner_first_months(conn)? {
                let month_end = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
                    .ok()
                    .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                    .and_then(|d| d.pred_opt());
                if month_end.is_none_or(|end| end <= window_start) {
                    continue;
                }
                let first = picture_queries::partner_first_day(conn, partner, &month)?
                    .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
                let Some(first) = first.filter(|f| *f > window_start) else {
                    continue;
                };
                let idx = periods.iter().position(|q| q.from >= first).unwrap_or(len);
                from.insert(partner, idx);
            }
        }
        Ok(LateCounts {
            from,
            counts: HashMap::new(),
        })
    }

    fn add(&mut self, partner: i64, area: i64, category: i64, idx: usize, delta: i64, len: usize) {
        if self.from.contains_key(&partner) {
            let series = self
                .counts
                .entry((partner, area, category))
                .or_insert_with(|| vec![0; len]);
            add_to(&mut series[idx], delta);
        }
    }

    /// Each late partner's counts summed over the (area, category) pairs `keep` takes.
    fn parts(&self, keep: impl Fn(i64, i64) -> bool) -> Vec<LatePart> {
        let mut by_partner: BTreeMap<i64, Series> = BTreeMap::new();
        for ((partner, area, category), series) in &self.counts {
            if keep(*area, *category) {
                let sum = by_partner
                    .entry(*partner)
                    .or_insert_with(|| vec![0; series.len()]);
                add(sum, series);
            }
        }
        by_partner
            .into_iter()
            .map(|(partner, series)| LatePart {
                from: self.from.get(&partner).copied().unwrap_or(0),
                series,
            })
            .collect()
    }
}

/// Which months of a picture's range can be read whole from the month counts (those
/// entirely inside one period), and the days left over, as contiguous ranges.
struct MonthCover {
    /// First days of the whole months, in order.
    whole: Vec<NaiveDate>,
    days: Vec<(NaiveDate, NaiveDate)>,
}

impl MonthCover {
    fn new(
        first: NaiveDate,
        last: NaiveDate,
        index_of: &dyn Fn(NaiveDate) -> Option<usize>,
    ) -> Self {
        use chrono::{Datelike, Months};
        let mut whole = Vec::new();
        let mut days: Vec<(NaiveDate, NaiveDate)> = Vec::new();
        let mut add_days = |from: NaiveDate, to: NaiveDate| match days.last_mut() {
            Some((_, end)) if end.succ_opt() == Some(from) => *end = to,
            _ => days.push((from, to)),
        };
        let mut month = first.with_day(1).unwrap_or(first);
        while month <= last {
            let next = month + Months::new(1);
            let month_last = next.pred_opt().unwrap_or(month);
            let from = month.max(first);
            let to = month_last.min(last);
            let one_period = index_of(month).is_some() && index_of(month) == index_of(month_last);
            if from == month && to == month_last && one_period {
                whole.push(month);
            } else {
                add_days(from, to);
            }
            month = next;
        }
        MonthCover { whole, days }
    }

    /// The first and last whole month as `YYYY-MM`.
    fn month_span(&self) -> Option<(String, String)> {
        let key = |d: &NaiveDate| d.format("%Y-%m").to_string();
        Some((key(self.whole.first()?), key(self.whole.last()?)))
    }

    /// The first day of `month` (`YYYY-MM`) when it is one of the whole months.
    fn whole_month_start(&self, month: &str) -> Option<NaiveDate> {
        // Once per stored month row: no formatting, no general date parser.
        let year: i32 = month.get(..4)?.parse().ok()?;
        let number: u32 = month.get(5..7)?.parse().ok()?;
        let day = NaiveDate::from_ymd_opt(year, number, 1)?;
        self.whole.binary_search(&day).ok().map(|_| day)
    }

    fn day_ranges(&self) -> &[(NaiveDate, NaiveDate)] {
        &self.days
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_row_tells_one_story() {
        // 9 now and 9 before, against a normal level of 2: a clear rise with no change
        // since last period; the row says both, under their own names, without conflict.
        let c = category_count("Klotter".into(), &[2, 2, 2, 2, 2, 2, 2, 9, 9], 8, &[]);
        assert_eq!((c.change, c.deviation), (0, Deviation::Rise));
        assert!(c.flagged && f64::from(c.count) > c.baseline);
        // A fall from last period that is still far above normal stays a rise.
        let c = category_count("Brand".into(), &[1, 1, 1, 1, 1, 1, 1, 15, 9], 8, &[]);
        assert!(c.change < 0 && c.deviation == Deviation::Rise);
        // Eight a period, then none: a clear fall, never called a rise.
        let c = category_count("Stöld".into(), &[8, 8, 8, 8, 8, 8, 8, 8, 0], 8, &[]);
        assert_eq!(c.deviation, Deviation::Fall);
        assert!(!c.flagged && f64::from(c.count) < c.baseline);
        // Two periods of history: nothing is flagged either way.
        let c = category_count("Klotter".into(), &[0, 0, 0, 0, 0, 0, 2, 2, 30], 2, &[]);
        assert_eq!((c.deviation, c.flagged), (Deviation::None, false));
        assert!(
            (c.baseline - 2.0).abs() < 1e-9,
            "the mean of the two usable periods"
        );
    }

    #[test]
    fn whole_months_come_from_the_month_counts_and_the_edges_from_days() {
        // Two periods: 15 Jan – 29 Feb and 1 Mar – 31 May (2024 is a leap year).
        let index_of = |x: NaiveDate| {
            if x < d(2024, 1, 15) || x > d(2024, 5, 31) {
                None
            } else if x <= d(2024, 2, 29) {
                Some(0)
            } else {
                Some(1)
            }
        };
        let c = MonthCover::new(d(2024, 1, 15), d(2024, 5, 31), &index_of);
        assert_eq!(
            c.whole,
            [d(2024, 2, 1), d(2024, 3, 1), d(2024, 4, 1), d(2024, 5, 1)]
        );
        assert_eq!(c.day_ranges(), [(d(2024, 1, 15), d(2024, 1, 31))]);
        assert_eq!(c.whole_month_start("2024-03"), Some(d(2024, 3, 1)));
        assert_eq!(c.whole_month_start("2024-01"), None);

        // ISO weeks: no month is whole inside one week; every day is read, in one range.
        let week = |x: NaiveDate| {
            (x >= d(2026, 11, 2) && x <= d(2026, 11, 29))
                .then(|| ((x - d(2026, 11, 2)).num_days() / 7) as usize)
        };
        let c = MonthCover::new(d(2026, 11, 2), d(2026, 11, 29), &week);
        assert!(c.whole.is_empty());
        assert_eq!(c.day_ranges(), [(d(2026, 11, 2), d(2026, 11, 29))]);
    }
}
