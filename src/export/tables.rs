//! The tables CSV and XLSX exports hold: reports, or the picture's area × category
//! table; in partner-safe mode aggregates only, counts below 3 shown as `<3`, no text.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike;

use crate::db::report::Report;
use crate::messages::{field, table as words};
use crate::picture::{Deviation, Picture};

/// Counts below this are shown as `<3` in partner-safe files.
pub const SUPPRESS_BELOW: u32 = 3;

/// A cell: text, a number, a date or a time (XLSX writes each as its own kind, with a
/// Swedish format), or a count hidden in a partner-safe file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(chrono::NaiveDate),
    Time(chrono::NaiveTime),
    /// A count from 1 to 2 (or one that would give such a count away): `<3` in text; an
    /// empty cell with the reason beside it in XLSX, so a sum never looks complete.
    Suppressed,
}

impl Cell {
    pub fn as_text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => crate::export::pdf::layout::format_number(*n),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Time(t) => t.format("%H:%M").to_string(),
            Cell::Suppressed => format!("<{SUPPRESS_BELOW}"),
        }
    }
}

/// A date cell from stored text (`YYYY-MM-DD`), as text if it is no date.
fn date(text: &str) -> Cell {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Cell::Date)
        .unwrap_or_else(|_| Cell::Text(text.to_string()))
}

/// A time cell from stored text (`HH:MM`); empty text stays empty.
fn time(text: &str) -> Cell {
    chrono::NaiveTime::parse_from_str(text, "%H:%M")
        .map(Cell::Time)
        .unwrap_or_else(|_| Cell::Text(text.to_string()))
}

pub struct ExportTable {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

/// A count a partner-safe file never shows (1 or 2; none is none).
pub fn is_small(n: u32) -> bool {
    (1..SUPPRESS_BELOW).contains(&n)
}

fn count(n: u32, safe: bool) -> Cell {
    if safe && is_small(n) {
        Cell::Suppressed
    } else {
        Cell::Number(f64::from(n))
    }
}

fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// Reports, one per row, with the headers the importer maps by itself (a partner's
/// file is [`weekly`] instead).
pub fn reports(list: &[Report]) -> ExportTable {
    {
        ExportTable {
            header: vec![
                field::DATE,
                field::TIME,
                field::PLACE,
                field::AREA,
                field::CATEGORY,
                field::PARTNER,
                field::COUNT,
                field::ASSESSMENT,
                field::DESCRIPTION,
            ],
            rows: list
                .iter()
                .map(|r| {
                    vec![
                        date(&r.occurred_date),
                        time(r.occurred_time.as_deref().unwrap_or_default()),
                        t(r.place
                            .clone()
                            .or_else(|| r.source_place.clone())
                            .unwrap_or_default()),
                        t(r.area.clone().unwrap_or_default()),
                        t(r.category.clone()),
                        t(r.partner.clone()),
                        Cell::Number(f64::from(r.count)),
                        t(r.assessment.clone().unwrap_or_default()),
                        t(r.text.clone()),
                    ]
                })
                .collect(),
        }
    }
}

/// The partner-safe reports table: counts per ISO week, area and category (or, with
/// `by_place`, per week, area, place and category), with primary and secondary
/// suppression, and a mark on a week that is not over on `today`.
///
/// Both levels are suppressed together, always, so that a file of either level reads
/// the same whichever was asked for, and neither can be subtracted from the other: an
/// area's cell is the sum of its places' cells, and each such set (the area's cell and
/// its places' cells) hides none or two or more, as does each week's area over the
/// categories, each week's category over the areas and each week's place over the
/// categories.
pub fn weekly(list: &[Report], today: chrono::NaiveDate, by_place: bool) -> ExportTable {
    // (week, area, place, category); the area's own cell has the place "".
    type Key = (String, String, String, String);
    let mut cells: BTreeMap<Key, u32> = BTreeMap::new();
    for r in list {
        let week = chrono::NaiveDate::parse_from_str(&r.occurred_date, "%Y-%m-%d")
            .map(|d| format!("{}-W{:02}", d.iso_week().year(), d.iso_week().week()))
            .unwrap_or_default();
        let area = r.area.clone().unwrap_or_else(|| words::NO_PLACE.into());
        let place = r.place.clone().unwrap_or_else(|| words::NO_PLACE.into());
        for place in [String::new(), place] {
            *cells
                .entry((week.clone(), area.clone(), place, r.category.clone()))
                .or_default() += r.count;
        }
    }
    let area_cell = |k: &Key| k.2.is_empty();
    let groups: [GroupOf<Key, _>; 4] = [
        &|k| area_cell(k).then(|| (k.0.clone(), k.1.clone(), String::new())),
        &|k| area_cell(k).then(|| (k.0.clone(), String::new(), k.3.clone())),
        &|k| Some((k.0.clone(), k.1.clone(), k.3.clone())),
        &|k| (!area_cell(k)).then(|| (k.0.clone(), k.2.clone(), String::new())),
    ];
    let hidden = suppressed_in(&cells, &groups);
    let running = format!(
        "{}-W{:02}",
        today.iso_week().year(),
        today.iso_week().week()
    );
    let mut header = vec![words::WEEK, field::AREA];
    if by_place {
        header.push(field::PLACE);
    }
    header.extend([field::CATEGORY, field::COUNT, words::WEEK_STATUS]);
    let rows = cells
        .iter()
        .filter(|(k, _)| area_cell(k) != by_place)
        .map(|(k, n)| {
            let (w, a, p, c) = k.clone();
            let mut row = vec![t(w.clone()), t(a)];
            if by_place {
                row.push(t(p));
            }
            row.push(t(c));
            row.push(if hidden.contains(k) {
                Cell::Suppressed
            } else {
                Cell::Number(f64::from(*n))
            });
            row.push(t(if w == running {
                words::WEEK_RUNNING
            } else {
                ""
            }));
            row
        })
        .collect();
    ExportTable { header, rows }
}

/// Which cells a partner-safe table hides: every count from 1 to 2 (primary), and then,
/// wherever a week's area or a week's category would hide exactly one cell, also its
/// smallest shown cell (secondary), so that no hidden count can be worked out from the
/// others and a total, whichever file the total comes from.
pub fn suppressed<K: Ord + Clone>(cells: &BTreeMap<(K, K, K), u32>) -> BTreeSet<(K, K, K)> {
    type Triple<K> = (K, K, K);
    let by_first_two: GroupOf<Triple<K>, (K, K)> = &|k| Some((k.0.clone(), k.1.clone()));
    let by_first_and_last: GroupOf<Triple<K>, (K, K)> = &|k| Some((k.0.clone(), k.2.clone()));
    let groups = [by_first_two, by_first_and_last];
    suppressed_in(cells, &groups)
}

/// The group a cell belongs to in one grouping, if any.
type GroupOf<'a, K, G> = &'a dyn Fn(&K) -> Option<G>;

/// Primary suppression (1 or 2), then secondary: any group (the cells one of `groups`
/// gives the same `Some` value) that hides exactly one cell hides its smallest shown
/// one too, until no group does.
fn suppressed_in<K: Ord + Clone, G: Ord>(
    cells: &BTreeMap<K, u32>,
    groups: &[GroupOf<K, G>],
) -> BTreeSet<K> {
    let mut hidden: BTreeSet<K> = cells
        .iter()
        .filter(|(_, n)| is_small(**n))
        .map(|(k, _)| k.clone())
        .collect();
    loop {
        let mut added = false;
        for group in groups {
            let mut members: BTreeMap<G, Vec<(&K, u32)>> = BTreeMap::new();
            for (k, n) in cells {
                if let Some(g) = group(k) {
                    members.entry(g).or_default().push((k, *n));
                }
            }
            for list in members.values() {
                let hidden_here = list.iter().filter(|(k, _)| hidden.contains(*k)).count();
                if hidden_here != 1 {
                    continue;
                }
                let smallest = list
                    .iter()
                    .filter(|(k, n)| !hidden.contains(*k) && *n > 0)
                    .min_by_key(|(_, n)| *n);
                if let Some((k, _)) = smallest {
                    hidden.insert((*k).clone());
                    added = true;
                }
            }
        }
        if !added {
            return hidden;
        }
    }
}

/// A picture's hidden cells, keyed ("", area, category): the same primary and secondary
/// suppression as the reports table, for this period's counts and the previous
/// period's, each over areas and categories. The partner's PDF and table share it.
pub type PictureCells = BTreeSet<(String, String, String)>;

pub fn picture_suppression(p: &Picture) -> (PictureCells, PictureCells) {
    let cells = |value: fn(&crate::picture::CategoryCount) -> u32| {
        let map: BTreeMap<(String, String, String), u32> = p
            .areas
            .iter()
            .flat_map(|a| {
                a.categories.iter().map(move |c| {
                    (
                        (String::new(), a.area.clone(), c.category.clone()),
                        value(c),
                    )
                })
            })
            .collect();
        suppressed(&map)
    };
    (cells(|c| c.count), cells(|c| c.previous))
}

/// The picture's table: one row per area and category.
pub fn picture(p: &Picture, safe: bool) -> ExportTable {
    let (hidden_now, hidden_before) = if safe {
        picture_suppression(p)
    } else {
        Default::default()
    };
    let shown =
        |hidden: &BTreeSet<(String, String, String)>, area: &str, category: &str, n: u32| {
            if hidden.contains(&(String::new(), area.to_string(), category.to_string())) {
                Cell::Suppressed
            } else {
                count(n, safe)
            }
        };
    let mut rows = Vec::new();
    for a in &p.areas {
        for c in &a.categories {
            rows.push(vec![
                t(a.area.clone()),
                t(c.category.clone()),
                shown(&hidden_now, &a.area, &c.category, c.count),
                shown(&hidden_before, &a.area, &c.category, c.previous),
                // No normal level in a partner's file: the change of a mean between two
                // files a period apart would give hidden counts by subtraction.
                if safe {
                    t("")
                } else {
                    Cell::Number(c.baseline)
                },
                if safe {
                    t("")
                } else {
                    Cell::Number(c.change as f64)
                },
                t(match c.deviation {
                    _ if hidden_now.contains(&(
                        String::new(),
                        a.area.clone(),
                        c.category.clone(),
                    )) =>
                    {
                        ""
                    }
                    Deviation::Rise => words::RISE,
                    Deviation::Fall => words::FALL,
                    Deviation::None => "",
                }),
            ]);
        }
    }
    ExportTable {
        header: vec![
            field::AREA,
            field::CATEGORY,
            field::COUNT,
            words::PREVIOUS,
            words::BASELINE,
            words::CHANGE,
            words::DEVIATION,
        ],
        rows,
    }
}
