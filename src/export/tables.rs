//! The tables CSV and XLSX exports hold: reports, or the picture's area × category
//! table; in partner-safe mode aggregates only, counts below 3 shown as `<3`, no text.

use chrono::Datelike;

use crate::db::report::Report;
use crate::messages::{field, table as words};
use crate::picture::{Deviation, Picture};

/// Counts below this are shown as `<3` in partner-safe files.
pub const SUPPRESS_BELOW: u32 = 3;

/// A cell: text or a number (XLSX writes numbers as numbers).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
}

impl Cell {
    pub fn as_text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => crate::export::pdf::layout::format_number(*n),
        }
    }
}

pub struct ExportTable {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

fn count(n: u32, safe: bool) -> Cell {
    if safe && n < SUPPRESS_BELOW && n > 0 {
        Cell::Text(format!("<{SUPPRESS_BELOW}"))
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
                        t(r.occurred_date.clone()),
                        t(r.occurred_time.clone().unwrap_or_default()),
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
    let mut groups: std::collections::BTreeMap<(String, String, String), u32> = Default::default();
    for r in list {
        let week = chrono::NaiveDate::parse_from_str(&r.occurred_date, "%Y-%m-%d")
            .map(|d| format!("{}-V{:02}", d.iso_week().year(), d.iso_week().week()))
            .unwrap_or_default();
        let area = r.area.clone().unwrap_or_else(|| words::NO_PLACE.into());
        *groups.entry((week, area, r.category.clone())).or_default() += r.count;
    }
    ExportTable {
        header: vec![words::WEEK, field::AREA, field::CATEGORY, field::COUNT],
        rows: groups
            .into_iter()
            .map(|((w, a, c), n)| vec![t(w), t(a), t(c), count(n, true)])
            .collect(),
    }
}

/// The picture's table: one row per area and category.
pub fn picture(p: &Picture, safe: bool) -> ExportTable {
    let mut rows = Vec::new();
    for a in &p.areas {
        for c in &a.categories {
            rows.push(vec![
                t(a.area.clone()),
                t(c.category.clone()),
                count(c.count, safe),
                count(c.previous, safe),
                Cell::Number(c.baseline),
                if safe {
                    t("")
                } else {
                    Cell::Number(c.change as f64)
                },
                t(match c.deviation {
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
