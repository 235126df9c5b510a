//! What a partner's files show, built only from released weeks
//! ([`super::release`]): the weekly table of a reports file, and the picture's numbers
//! for a partner's table and PDF. Every number here is a released cell or a sum of
//! shown ones; a sum with a hidden part is hidden.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::release::{self, ALL, Key, NO_AREA, Released, Shown, UNPLACED};
use super::tables::{Cell, ExportTable};
use crate::db::picture_queries;
use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Message, field, table as words};

/// How many weeks a partner's trend shows, and how many places its hotspot list.
pub const TREND_WEEKS: usize = 12;
pub const HOTSPOTS: usize = 10;

/// The names of areas, places and categories, and the categories' order.
pub struct Names {
    area: HashMap<Id, String>,
    place: HashMap<Id, String>,
    category: HashMap<Id, String>,
    order: HashMap<Id, i64>,
}

impl Names {
    pub fn load(conn: &Connection) -> Result<Names> {
        let l = picture_queries::lookups(conn)?;
        Ok(Names {
            area: l.area_names,
            place: l.place_names,
            category: l.category_names,
            order: l.category_order,
        })
    }

    pub fn area(&self, id: Id) -> String {
        match id {
            NO_AREA => crate::picture::compute::NO_AREA.into(),
            UNPLACED => words::NO_PLACE.into(),
            _ => self.area.get(&id).cloned().unwrap_or_default(),
        }
    }

    pub fn place(&self, id: Id) -> String {
        match id {
            UNPLACED => words::NO_PLACE.into(),
            _ => self.place.get(&id).cloned().unwrap_or_default(),
        }
    }

    pub fn category(&self, id: Id) -> String {
        self.category.get(&id).cloned().unwrap_or_default()
    }

    fn category_order(&self, id: Id) -> (i64, Id) {
        (self.order.get(&id).copied().unwrap_or(0), id)
    }
}

fn shown_cell(s: Shown) -> Cell {
    match s {
        Shown::Count(n) => Cell::Number(f64::from(n)),
        Shown::Hidden => Cell::Suppressed,
    }
}

/// The weeks a partner's file of `from`–`to` covers: the complete weeks that overlap it
/// (refused when there is none).
pub fn weeks_of(from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Result<Vec<String>> {
    let weeks = release::whole_weeks(from, to, today);
    if weeks.is_empty() {
        return Err(Message::PartnerNoWholeWeek {
            from: from.to_string(),
            to: to.to_string(),
        }
        .into());
    }
    Ok(weeks)
}

/// What a partner's reports file may be narrowed to: whole cells of the grid.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    pub area: Option<Id>,
    pub place: Option<Id>,
    pub category: Option<Id>,
}

/// A partner's reports table: one row per week, area (or place) and category with a
/// count, every count a released cell.
pub fn weekly_table(
    released: &Released,
    names: &Names,
    by_place: bool,
    only: &Narrowing,
) -> ExportTable {
    let mut header = vec![words::WEEK, field::AREA];
    if by_place {
        header.push(field::PLACE);
    }
    header.extend([field::CATEGORY, field::COUNT]);
    let mut rows = Vec::new();
    for week in &released.weeks {
        let mut keys: Vec<&Key> = week
            .cells
            .keys()
            .filter(|k| k.area != ALL && k.category != ALL && (k.place != ALL) == by_place)
            .filter(|k| only.area.is_none_or(|a| a == k.area))
            .filter(|k| only.place.is_none_or(|p| p == k.place))
            .filter(|k| only.category.is_none_or(|c| c == k.category))
            .collect();
        keys.sort_by_key(|k| {
            (
                names.area(k.area),
                names.place(k.place),
                names.category_order(k.category),
            )
        });
        for k in keys {
            let mut row = vec![
                Cell::Text(week.name.clone()),
                Cell::Text(names.area(k.area)),
            ];
            if by_place {
                row.push(Cell::Text(names.place(k.place)));
            }
            row.push(Cell::Text(names.category(k.category)));
            row.push(shown_cell(week.shown(*k)));
            rows.push(row);
        }
    }
    ExportTable { header, rows }
}

/// A category's count in a partner's picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub category: String,
    pub count: Shown,
    pub previous: Shown,
}

/// A place's count in a partner's picture, with its most common categories (shown
/// counts only).
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRow {
    pub place: String,
    pub area: String,
    pub count: Shown,
    pub previous: Shown,
    pub top: Vec<(String, u32)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaView {
    pub area: String,
    pub total: Shown,
    pub previous: Shown,
    pub categories: Vec<Row>,
    pub places: Vec<PlaceRow>,
}

/// The numbers of a partner's picture.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerPicture {
    /// The complete weeks it covers, and those before them it compares with.
    pub weeks: Vec<String>,
    pub previous_weeks: Vec<String>,
    /// Whether every previous week has data (else the comparison reads "–").
    pub previous_known: bool,
    pub total: Shown,
    pub previous_total: Shown,
    pub unplaced: Shown,
    pub categories: Vec<Row>,
    pub areas: Vec<AreaView>,
    pub hotspots: Vec<PlaceRow>,
    /// Week by week, the total; None before the first report.
    pub trend: Vec<(String, Option<Shown>)>,
}

impl PartnerPicture {
    /// The (area, category) cell of this period, if the area has that category.
    pub fn cell(&self, area: &str, category: &str) -> Option<&Row> {
        self.areas
            .iter()
            .find(|a| a.area == area)?
            .categories
            .iter()
            .find(|c| c.category == category)
    }
}

/// The picture a partner may see for `from`–`to`: its complete weeks, the same number of
/// weeks before them, and a trend of [`TREND_WEEKS`], all released (and kept in the
/// register when `keep`).
pub fn picture_view(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    keep: bool,
) -> Result<PartnerPicture> {
    let weeks = weeks_of(from, to, today)?;
    let n = weeks.len();
    let first_monday = release::week_monday(&weeks[0]).unwrap_or(from);
    let back = |k: usize| release::week_name(first_monday - chrono::Days::new(7 * k as u64));
    let previous_weeks: Vec<String> = (1..=n).rev().map(back).collect();
    let trend_before: Vec<String> = (1..=TREND_WEEKS.saturating_sub(n))
        .rev()
        .map(back)
        .collect();
    // Weeks before the database's first report have no data: not released, shown as "–".
    let first_report = picture_queries::first_report_date(conn)?
        .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let has_data = |w: &String| {
        first_report
            .is_some_and(|f| release::week_monday(w).is_some_and(|m| m + chrono::Days::new(6) >= f))
    };
    let mut all: Vec<String> = previous_weeks
        .iter()
        .chain(&trend_before)
        .filter(|w| has_data(w))
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    all.extend(weeks.iter().cloned());
    let released = release::released(conn, &all, keep)?;
    let at = |w: &String| released.weeks.iter().position(|x| &x.name == w);
    let span = |list: &[String]| -> Vec<usize> { list.iter().filter_map(at).collect() };
    let now_idx = span(&weeks);
    let before_idx = span(&previous_weeks);
    let sum = |idx: &[usize], key: Key| {
        idx.iter().fold(Shown::Count(0), |acc, i| {
            match (acc, released.sum(*i..*i + 1, key)) {
                (Shown::Count(a), Shown::Count(b)) => Shown::Count(a + b),
                _ => Shown::Hidden,
            }
        })
    };
    let keys: BTreeSet<Key> = now_idx
        .iter()
        .chain(&before_idx)
        .flat_map(|i| released.keys(*i..*i + 1))
        .collect();
    let names = Names::load(conn)?;
    let row = |area: Id, place: Id, category: Id| Row {
        category: names.category(category),
        count: sum(&now_idx, Key::new(area, place, category)),
        previous: sum(&before_idx, Key::new(area, place, category)),
    };
    let mut categories: Vec<Id> = keys
        .iter()
        .filter(|k| k.area == ALL && k.category != ALL)
        .map(|k| k.category)
        .collect();
    categories.sort_by_key(|c| names.category_order(*c));
    let place_row = |area: Id, place: Id| -> PlaceRow {
        let mut top: Vec<(String, u32)> = keys
            .iter()
            .filter(|k| k.area == area && k.place == place && k.category != ALL)
            .filter_map(|k| {
                sum(&now_idx, *k)
                    .count()
                    .filter(|n| *n > 0)
                    .map(|n| (names.category(k.category), n))
            })
            .collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        top.truncate(3);
        PlaceRow {
            place: names.place(place),
            area: names.area(area),
            count: sum(&now_idx, Key::new(area, place, ALL)),
            previous: sum(&before_idx, Key::new(area, place, ALL)),
            top,
        }
    };
    // Every area the municipality has, and the places without one when they count.
    let mut area_ids: Vec<Id> = names.area.keys().copied().collect();
    if keys.iter().any(|k| k.area == NO_AREA) {
        area_ids.push(NO_AREA);
    }
    let mut areas: Vec<AreaView> = area_ids
        .into_iter()
        .map(|a| {
            let mut cats: Vec<Id> = keys
                .iter()
                .filter(|k| k.area == a && k.place == ALL && k.category != ALL)
                .map(|k| k.category)
                .collect();
            cats.sort_by_key(|c| names.category_order(*c));
            let mut places: Vec<PlaceRow> = keys
                .iter()
                .filter(|k| k.area == a && k.place != ALL && k.category == ALL)
                .map(|k| place_row(a, k.place))
                .collect();
            places.sort_by(|x, y| x.place.cmp(&y.place));
            AreaView {
                area: names.area(a),
                total: sum(&now_idx, Key::new(a, ALL, ALL)),
                previous: sum(&before_idx, Key::new(a, ALL, ALL)),
                categories: cats.into_iter().map(|c| row(a, ALL, c)).collect(),
                places,
            }
        })
        .collect();
    areas.sort_by(|x, y| x.area.cmp(&y.area));
    // Hotspots: the places with the most, among shown counts only (a hidden count has
    // no place in an order).
    let mut hotspots: Vec<PlaceRow> = areas
        .iter()
        .flat_map(|a| a.places.iter())
        .filter(|p| p.count.count().is_some_and(|n| n > 0))
        .cloned()
        .collect();
    hotspots.sort_by(|x, y| {
        y.count
            .count()
            .cmp(&x.count.count())
            .then_with(|| x.place.cmp(&y.place))
    });
    hotspots.truncate(HOTSPOTS);
    let trend = trend_before
        .iter()
        .chain(&weeks)
        .map(|w| {
            let value = at(w)
                .filter(|_| has_data(w))
                .map(|i| released.sum(i..i + 1, Key::TOTAL));
            (w.clone(), value)
        })
        .collect();
    Ok(PartnerPicture {
        previous_known: before_idx.len() == previous_weeks.len(),
        weeks,
        previous_weeks,
        total: sum(&now_idx, Key::TOTAL),
        previous_total: sum(&before_idx, Key::TOTAL),
        unplaced: sum(&now_idx, Key::new(UNPLACED, ALL, ALL)),
        categories: categories.into_iter().map(|c| row(ALL, ALL, c)).collect(),
        areas,
        hotspots,
        trend,
    })
}

/// A partner's picture table: one row per area and category, this period and the one
/// before; no normal level (a mean over hidden weeks is a sum of hidden counts).
pub fn picture_table(view: &PartnerPicture) -> ExportTable {
    let mut rows = Vec::new();
    for a in &view.areas {
        for c in &a.categories {
            rows.push(vec![
                Cell::Text(a.area.clone()),
                Cell::Text(c.category.clone()),
                shown_cell(c.count),
                shown_cell(c.previous),
            ]);
        }
    }
    ExportTable {
        header: vec![field::AREA, field::CATEGORY, field::COUNT, words::PREVIOUS],
        rows,
    }
}
