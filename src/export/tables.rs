//! The tables CSV and XLSX exports hold: reports, or the picture's area × category
//! table. A partner's tables are built in `super::partner` from released weeks.

use crate::db::report::Report;
use crate::messages::{field, table as words};
use crate::picture::{Deviation, Picture};

/// A cell: text, a number, a date or a time (XLSX writes each as its own kind, with a
/// Swedish format), or a count hidden in a partner-safe file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(chrono::NaiveDate),
    Time(chrono::NaiveTime),
    /// A hidden count in a partner's file (1 or 2, or one that would give such a count
    /// away): `..` in text and in XLSX, with the reason beside it.
    Suppressed,
}

impl Cell {
    pub fn as_text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => crate::export::pdf::layout::format_number(*n),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Time(t) => t.format("%H:%M").to_string(),
            Cell::Suppressed => super::release::HIDDEN_MARK.into(),
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

/// The picture's table for the coordinator: one row per area and category.
pub fn picture(p: &Picture) -> ExportTable {
    let mut rows = Vec::new();
    for a in &p.areas {
        for c in &a.categories {
            rows.push(vec![
                t(a.area.clone()),
                t(c.category.clone()),
                Cell::Number(f64::from(c.count)),
                Cell::Number(f64::from(c.previous)),
                Cell::Number(c.baseline),
                Cell::Number(c.change as f64),
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
