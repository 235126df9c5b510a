//! The operative group's meeting pack as a PDF document model: agenda, the picture since
//! the series' last meeting, open insatser with owner and follow-up date, follow-ups
//! due, decisions since last time, partners that have not reported, the next meeting.

pub mod words;

use super::pdf::doc::{Align, Block, Column, Document, Row, RowStyle, Table};
use super::pdf::layout::one_decimal;
use crate::db::insats::Insats;
use crate::db::meeting::{Decision, Meeting};
use crate::picture::{Deviation, Picture};
use words as txt;

/// Everything the pack shows, gathered by `ops::meetings::pack`.
pub struct PackData<'a> {
    pub meeting: &'a Meeting,
    pub municipality: &'a str,
    /// The previous meeting's date in the series, if any.
    pub since: Option<&'a str>,
    pub picture: &'a Picture,
    pub open: &'a [Insats],
    pub due: &'a [Insats],
    pub decisions: &'a [(String, Decision)],
    pub silent: &'a [String],
    pub next: Option<&'a str>,
    pub created_unix: i64,
    pub made: &'a str,
}

fn col(title: &str, width: f32, align: Align) -> Column {
    Column {
        title: title.into(),
        width,
        align,
        trend: false,
    }
}

fn table(columns: Vec<Column>, rows: Vec<Vec<String>>) -> Block {
    Block::Table(Table {
        continued: None,
        columns,
        rows: rows
            .into_iter()
            .map(|cells| Row {
                cells,
                style: RowStyle::Normal,
            })
            .collect(),
    })
}

fn insats_table(list: &[Insats]) -> Block {
    table(
        vec![
            col(txt::COL_INSATS, 3.0, Align::Left),
            col(txt::COL_WHERE, 2.2, Align::Left),
            col(txt::COL_CATEGORY, 1.8, Align::Left),
            col(txt::COL_OWNER, 1.8, Align::Left),
            col(txt::COL_FOLLOW_UP, 1.3, Align::Left),
        ],
        list.iter()
            .map(|i| {
                let place = if i.places.is_empty() {
                    i.area.clone().unwrap_or_default()
                } else {
                    i.places.join(", ")
                };
                let owner = if i.contact.is_empty() {
                    i.partners.join(", ")
                } else if i.partners.is_empty() {
                    i.contact.clone()
                } else {
                    format!("{} ({})", i.partners.join(", "), i.contact)
                };
                vec![
                    format!("{} [{}]", i.title, status_word(i)),
                    place,
                    i.category.clone().unwrap_or_default(),
                    owner,
                    i.follow_up.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    )
}

fn status_word(i: &Insats) -> String {
    serde_json::to_value(i.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub fn document(d: &PackData) -> Document {
    let m = d.meeting;
    let p = d.picture;
    let mut b = vec![Block::Title {
        text: txt::title(&m.series, &m.date),
        subtitle: txt::subtitle(d.municipality, d.since),
    }];
    b.push(Block::Heading(txt::AGENDA.into()));
    if m.agenda.trim().is_empty() {
        b.push(Block::Paragraph(txt::NO_AGENDA.into()));
    } else {
        for line in m.agenda.lines().filter(|l| !l.trim().is_empty()) {
            b.push(Block::Paragraph(line.trim().to_string()));
        }
    }

    let days = (p.period.to - p.period.from).num_days() + 1;
    b.push(Block::Heading(txt::picture_heading(
        d.since.is_none(),
        u32::try_from(days).unwrap_or(0),
    )));
    b.push(Block::Paragraph(txt::picture_summary(
        p.total,
        p.reports,
        &p.from,
        &p.to,
        &one_decimal(p.baseline_total),
    )));
    b.push(table(
        vec![
            col(txt::COL_AREA, 3.0, Align::Left),
            col(txt::COL_COUNT, 1.0, Align::Right),
            col(txt::COL_PREVIOUS, 1.4, Align::Right),
            col(txt::COL_STATUS, 1.6, Align::Left),
        ],
        p.areas
            .iter()
            .map(|a| {
                vec![
                    a.area.clone(),
                    a.total.to_string(),
                    a.previous.to_string(),
                    a.status.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    ));
    let departures: Vec<String> = p
        .areas
        .iter()
        .flat_map(|a| {
            a.categories
                .iter()
                .filter(|c| c.deviation == Deviation::Rise)
                .map(move |c| txt::departure(&c.category, &a.area, c.count, txt::RISE))
        })
        .collect();
    b.push(Block::Subheading(txt::DEPARTURES.into()));
    b.push(Block::Paragraph(if departures.is_empty() {
        txt::NO_DEPARTURES.into()
    } else {
        departures.join("; ")
    }));

    b.push(Block::Heading(txt::OPEN.into()));
    if d.open.is_empty() {
        b.push(Block::Paragraph(txt::NO_OPEN.into()));
    } else {
        b.push(insats_table(d.open));
    }
    b.push(Block::Heading(txt::DUE.into()));
    if d.due.is_empty() {
        b.push(Block::Paragraph(txt::NO_DUE.into()));
    } else {
        b.push(insats_table(d.due));
    }
    b.push(Block::Heading(txt::DECISIONS.into()));
    if d.decisions.is_empty() {
        b.push(Block::Paragraph(txt::NO_DECISIONS.into()));
    } else {
        for (date, decision) in d.decisions {
            b.push(Block::Paragraph(format!("{date}: {}", decision.text)));
        }
    }
    b.push(Block::Heading(txt::SILENT.into()));
    b.push(Block::Paragraph(if d.silent.is_empty() {
        txt::NO_SILENT.into()
    } else {
        d.silent.join(", ")
    }));
    if let Some(next) = d.next {
        b.push(Block::Heading(txt::NEXT.into()));
        b.push(Block::Paragraph(txt::next(next)));
    }
    Document {
        title: txt::title(&m.series, &m.date),
        header: d.municipality.to_string(),
        footer: txt::footer(d.made),
        created_unix: d.created_unix,
        blocks: b,
    }
}
