//! Computing a picture: two grouped reads over the report index by date
//! ([`crate::db::picture_queries`]), bucketed into periods in memory, then counts,
//! comparisons and flags.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{
    AreaPicture, CategoryCount, PartnerCount, Pattern, Period, Picture, PlaceCount, TrendPoint,
    assessment, period, stats,
};
use crate::db::picture_queries;
use crate::error::Result;

/// How many earlier periods the baseline averages, and how long the trend is.
pub const BASELINE_PERIODS: u32 = 8;
pub const TREND_PERIODS: u32 = 12;
pub const HOTSPOTS: usize = 10;
/// The name under which places with no area are grouped.
pub const NO_AREA: &str = "Utan område";

/// Counts for one (area, category) or (place) over the periods: index 0 is the oldest.
type Series = Vec<u32>;

fn bump(map: &mut HashMap<(i64, i64), Series>, key: (i64, i64), idx: usize, n: u32, len: usize) {
    map.entry(key).or_insert_with(|| vec![0; len])[idx] += n;
}

fn baseline(series: &[u32]) -> f64 {
    // The 8 periods before the last one.
    let len = series.len();
    let start = len.saturating_sub(1 + BASELINE_PERIODS as usize);
    let window = &series[start..len - 1];
    if window.is_empty() {
        return 0.0;
    }
    let mean = window.iter().map(|&v| f64::from(v)).sum::<f64>() / window.len() as f64;
    (mean * 10.0).round() / 10.0
}

fn category_count(category: String, s: &[u32]) -> CategoryCount {
    let count = *s.last().unwrap_or(&0);
    let previous = if s.len() >= 2 { s[s.len() - 2] } else { 0 };
    let base = baseline(s);
    let (flagged, p) = stats::flag(count, base);
    CategoryCount {
        category,
        count,
        previous,
        baseline: base,
        change: i64::from(count) - i64::from(previous),
        flagged,
        p_value: (p * 10_000.0).round() / 10_000.0,
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
    let mut totals: Series = vec![0; len];
    let mut unplaced = 0u32;
    picture_queries::for_each_day_count(conn, &first.to_string(), &p.to.to_string(), |row| {
        let Ok(day) = NaiveDate::parse_from_str(&row.date, "%Y-%m-%d") else {
            return;
        };
        let Some(idx) = index_of(day) else { return };
        let n = row.count;
        totals[idx] += n;
        match row.place {
            None => {
                if idx == len - 1 {
                    unplaced += n;
                }
            }
            Some(pl) => {
                let area = place_area.get(&pl).copied().flatten().unwrap_or(-1);
                bump(&mut by_area_cat, (area, row.category), idx, n, len);
                bump(&mut by_place, (pl, 0), idx, n, len);
            }
        }
    })?;

    // The current period only: weekday × hour, partners, reports.
    let mut pattern = vec![vec![0u32; 24]; 7];
    let mut untimed = 0u32;
    let mut partners: BTreeMap<i64, (u32, u32)> = BTreeMap::new();
    let mut reports = 0u32;
    picture_queries::for_each_hour_count(conn, &p.from.to_string(), &p.to.to_string(), |row| {
        reports += row.reports;
        let e = partners.entry(row.partner).or_default();
        e.0 += row.reports;
        e.1 += row.count;
        let Ok(day) = NaiveDate::parse_from_str(&row.date, "%Y-%m-%d") else {
            return;
        };
        match row
            .hour
            .and_then(|h| h.parse::<usize>().ok())
            .filter(|h| *h < 24)
        {
            Some(h) => pattern[period::weekday_index(day)][h] += row.count,
            None => untimed += row.count,
        }
    })?;

    let draft = assessment::get_assessment(conn, p)?;
    let cat_name = |id: i64| category_names.get(&id).cloned().unwrap_or_default();
    let cat_sort = |id: i64| category_order.get(&id).copied().unwrap_or(0);

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
                categories.push(category_count(cat_name(*c), s));
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
            })
            .collect();
        places.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.place.cmp(&b.place)));
        let total_line = category_count(String::new(), &sum);
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

    let mut cats: Vec<(i64, Series)> = all_cats.into_iter().collect();
    cats.sort_by_key(|(c, _)| (cat_sort(*c), *c));
    let categories = cats
        .iter()
        .filter(|(_, s)| s[len - 1] > 0 || s[len - 2] > 0)
        .map(|(c, s)| category_count(cat_name(*c), s))
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
        })
        .collect();
    partners.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.partner.cmp(&b.partner))
    });

    let trend = periods
        .iter()
        .zip(&totals)
        .map(|(q, t)| TrendPoint {
            label: q.short_label(),
            from: q.from.to_string(),
            to: q.to.to_string(),
            total: *t,
        })
        .collect();

    Ok(Picture {
        from: p.from.to_string(),
        to: p.to.to_string(),
        period: *p,
        label: p.label(),
        total: totals[len - 1],
        previous_total: totals[len - 2],
        baseline_total: baseline(&totals),
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
    })
}
