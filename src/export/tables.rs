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

/// Reports, one per row, with the headers the importer maps by itself; partner-safe:
/// counts per ISO week, area and category instead.
pub fn reports(list: &[Report], safe: bool) -> ExportTable {
    if !safe {
        return ExportTable {
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
        };
    }
    let mut groups: BTreeMap<(String, String, String), u32> = Default::default();
    for r in list {
        let week = chrono::NaiveDate::parse_from_str(&r.occurred_date, "%Y-%m-%d")
            .map(|d| format!("{}-W{:02}", d.iso_week().year(), d.iso_week().week()))
            .unwrap_or_default();
        let area = r.area.clone().unwrap_or_else(|| words::NO_PLACE.into());
        *groups.entry((week, area, r.category.clone())).or_default() += r.count;
    }
    let hidden = suppressed(&groups);
    ExportTable {
        header: vec![words::WEEK, field::AREA, field::CATEGORY, field::COUNT],
        rows: groups
            .into_iter()
            .map(|(key, n)| {
                let cell = if hidden.contains(&key) {
                    Cell::Suppressed
                } else {
                    Cell::Number(f64::from(n))
                };
                let (w, a, c) = key;
                vec![t(w), t(a), t(c), cell]
            })
            .collect(),
    }
}

/// The cells of one suppression group, with their counts.
type Members<'a, K> = Vec<(&'a (K, K, K), u32)>;

/// Which cells a partner-safe table hides: every count from 1 to 2 (primary), and then,
/// wherever a week's area or a week's category would hide exactly one cell, also its
/// smallest shown cell (secondary), so that no hidden count can be worked out from the
/// others and a total, whichever file the total comes from.
pub fn suppressed<K: Ord + Clone>(cells: &BTreeMap<(K, K, K), u32>) -> BTreeSet<(K, K, K)> {
    let mut hidden: BTreeSet<(K, K, K)> = cells
        .iter()
        .filter(|(_, n)| is_small(**n))
        .map(|(k, _)| k.clone())
        .collect();
    // Groups: (first, second) over the third, and (first, third) over the second.
    let group_of = [
        |k: &(K, K, K)| (k.0.clone(), k.1.clone()),
        |k: &(K, K, K)| (k.0.clone(), k.2.clone()),
    ];
    loop {
        let mut added = false;
        for group in group_of {
            let mut members: BTreeMap<(K, K), Members<K>> = BTreeMap::new();
            for (k, n) in cells {
                members.entry(group(k)).or_default().push((k, *n));
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
