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
    /// Who it is for (the distribution list), named on the cover.
    pub to: Option<&'a str>,
    pub meeting: &'a Meeting,
    pub municipality: &'a str,
    /// The previous meeting's date in the series, if any.
    pub since: Option<&'a str>,
    /// The picture since the last meeting; none when no day of it is over yet.
    pub picture: Option<&'a Picture>,
    pub open: &'a [Insats],
    pub due: &'a [Insats],
    /// The day the pack is made (`YYYY-MM-DD`): a follow-up before it is late.
    pub today: &'a str,
    pub decisions: &'a [(String, Decision)],
    pub silent: &'a [String],
    pub next: Option<&'a str>,
    pub created_unix: i64,
    pub made: &'a str,
}

fn insats_table(list: &[Insats], today: &str) -> Block {
    Table::plain(
        vec![
            Column::new(txt::COL_INSATS, 3.0, Align::Left),
            Column::new(txt::COL_WHERE, 2.2, Align::Left),
            Column::new(txt::COL_CATEGORY, 1.8, Align::Left),
            Column::new(txt::COL_OWNER, 1.8, Align::Left),
            Column::new(txt::COL_FOLLOW_UP, 1.3, Align::Left),
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
                    match i.follow_up.as_deref() {
                        Some(f) if f < today => txt::late(f),
                        f => f.unwrap_or_default().to_string(),
                    },
                ]
            })
            .collect(),
    )
}

fn status_word(i: &Insats) -> String {
    crate::names::word(&i.status)
}

/// What both packs open with: the title, who it is for, the agenda.
fn opening(m: &Meeting, municipality: &str, since: Option<&str>, to: Option<&str>) -> Vec<Block> {
    let mut b = vec![Block::Title {
        text: txt::title(&m.series, &m.date),
        subtitle: txt::subtitle(municipality, since),
    }];
    if let Some(to) = to {
        b.push(Block::Paragraph(crate::messages::document_words::to(to)));
    }
    b.push(Block::Heading(txt::AGENDA.into()));
    if m.agenda.trim().is_empty() {
        b.push(Block::Paragraph(txt::NO_AGENDA.into()));
    } else {
        for line in m.agenda.lines().filter(|l| !l.trim().is_empty()) {
            b.push(Block::Paragraph(line.trim().to_string()));
        }
    }
    b
}

/// What both packs close with: the next meeting, and the document around the blocks.
fn closing(
    mut b: Vec<Block>,
    m: &Meeting,
    municipality: &str,
    next: Option<&str>,
    made: &str,
    created_unix: i64,
) -> Document {
    if let Some(next) = next {
        b.push(Block::Heading(txt::NEXT.into()));
        b.push(Block::Paragraph(txt::next(next)));
    }
    Document {
        title: txt::title(&m.series, &m.date),
        header: municipality.to_string(),
        footer: txt::footer(made),
        created_unix,
        blocks: b,
    }
}

pub fn document(d: &PackData) -> Document {
    let m = d.meeting;
    let mut b = opening(m, d.municipality, d.since, d.to);

    match d.picture {
        Some(p) => picture_blocks(&mut b, p, d.since.is_none()),
        None => {
            b.push(Block::Heading(txt::PICTURE.into()));
            b.push(Block::Paragraph(txt::NO_WHOLE_DAY.into()));
        }
    }
    b.push(Block::Heading(txt::OPEN.into()));
    if d.open.is_empty() {
        b.push(Block::Paragraph(txt::NO_OPEN.into()));
    } else {
        b.push(insats_table(d.open, d.today));
    }
    b.push(Block::Heading(txt::DUE.into()));
    if d.due.is_empty() {
        b.push(Block::Paragraph(txt::NO_DUE.into()));
    } else {
        b.push(insats_table(d.due, d.today));
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
    closing(b, m, d.municipality, d.next, d.made, d.created_unix)
}

/// The picture in the pack: frozen or a draft, the areas with their status, the clear
/// departures (or too short a history to tell), the frozen analysis.
fn picture_blocks(b: &mut Vec<Block>, p: &Picture, first: bool) {
    let days = (p.period.to - p.period.from).num_days() + 1;
    b.push(Block::Heading(match &p.snapshot {
        Some(_) => txt::frozen_heading(&p.label),
        None => txt::picture_heading(first, u32::try_from(days).unwrap_or(0)),
    }));
    b.push(Block::Paragraph(match &p.snapshot {
        Some(s) => txt::frozen_note(
            &s.title,
            &crate::export::lagesbild::words::local_time(&s.created_at),
        ),
        None => txt::draft_note(&p.to),
    }));
    b.push(Block::Paragraph(txt::picture_summary(
        p.total,
        p.reports,
        &p.from,
        &p.to,
        &one_decimal(p.baseline_total),
    )));
    let justified = p.areas.iter().any(|a| a.justification.is_some());
    let mut columns = vec![
        Column::new(txt::COL_AREA, 3.0, Align::Left),
        Column::new(txt::COL_COUNT, 1.0, Align::Right),
        Column::new(txt::COL_PREVIOUS, 1.4, Align::Right),
        Column::new(txt::COL_STATUS, 1.6, Align::Left),
    ];
    if justified {
        columns.push(Column::new(txt::COL_JUSTIFICATION, 4.0, Align::Left));
    }
    b.push(Table::plain(
        columns,
        p.areas
            .iter()
            .map(|a| {
                let mut row = vec![
                    a.area.clone(),
                    a.total.to_string(),
                    a.previous.to_string(),
                    a.status.clone().unwrap_or_else(|| txt::NOT_ASSESSED.into()),
                ];
                if justified {
                    row.push(a.justification.clone().unwrap_or_default());
                }
                row
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
    b.push(Block::Paragraph(
        if (p.baseline_periods as usize) < crate::picture::compute::MIN_BASELINE_PERIODS {
            crate::export::lagesbild::words::short_history(p.baseline_periods)
        } else if departures.is_empty() {
            txt::NO_DEPARTURES.into()
        } else {
            departures.join("; ")
        },
    ));
    // The coordinator's analysis, as frozen with the picture.
    for (part, text) in [
        (
            crate::picture::AnalysisPart::Kartlaggning,
            &p.assessment.kartlaggning,
        ),
        (
            crate::picture::AnalysisPart::AnnanInformation,
            &p.assessment.annan_information,
        ),
        (crate::picture::AnalysisPart::Analys, &p.assessment.analys),
    ] {
        if !text.trim().is_empty() {
            b.push(Block::Subheading(part.title().into()));
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                b.push(Block::Paragraph(line.trim().to_string()));
            }
        }
    }
}

/// One area's counts for the six months, and the same months a year earlier.
pub struct AreaMonths {
    pub area: String,
    pub this_year: Vec<u32>,
    pub year_before: Option<Vec<u32>>,
}

/// The årshjul: (category, counts January first, total) and the months' totals.
pub struct Wheel {
    pub year: i32,
    pub rows: Vec<(String, Vec<u32>, u32)>,
    pub totals: Vec<u32>,
}

/// Everything the strategic pack shows.
pub struct StrategicData<'a> {
    pub to: Option<&'a str>,
    pub meeting: &'a Meeting,
    pub municipality: &'a str,
    pub since: Option<&'a str>,
    /// "jun 2026" … the six months, oldest first.
    pub months: Vec<String>,
    pub areas: Vec<AreaMonths>,
    pub statuses: &'a [crate::db::area_status::StatusEntry],
    /// Finished insatser with their counts before and after the start.
    pub finished: Vec<(Insats, u32, u32)>,
    pub weeks: u32,
    pub asked: Vec<String>,
    pub wheel: Wheel,
    pub next: Option<&'a str>,
    pub created_unix: i64,
    pub made: &'a str,
}

pub fn strategic_document(d: &StrategicData) -> Document {
    let m = d.meeting;
    let mut b = opening(m, d.municipality, d.since, d.to);

    b.push(Block::Heading(txt::TREND.into()));
    b.push(Block::Small(txt::TREND_NOTE.into()));
    let mut columns = vec![Column::new(txt::COL_AREA, 3.0, Align::Left)];
    columns.extend(d.months.iter().map(|mo| Column::new(mo, 1.0, Align::Right)));
    let mut rows = Vec::new();
    for a in &d.areas {
        let mut this = vec![a.area.clone()];
        this.extend(a.this_year.iter().map(u32::to_string));
        rows.push(Row {
            cells: this,
            style: RowStyle::Bold,
        });
        let mut before = vec![txt::year_before(&a.area)];
        match &a.year_before {
            Some(v) => before.extend(v.iter().map(u32::to_string)),
            None => before.extend(d.months.iter().map(|_| String::new())),
        }
        rows.push(Row {
            cells: before,
            style: RowStyle::Normal,
        });
    }
    b.push(Block::Table(Table {
        continued: None,
        columns,
        rows,
    }));

    b.push(Block::Heading(txt::STATUSES.into()));
    if d.statuses.is_empty() {
        b.push(Block::Paragraph(txt::NO_STATUSES.into()));
    } else {
        b.push(Table::plain(
            vec![
                Column::new(txt::COL_AREA, 2.0, Align::Left),
                Column::new(txt::COL_PERIOD, 2.4, Align::Left),
                Column::new(txt::COL_STATUS, 1.0, Align::Left),
                Column::new(txt::COL_JUSTIFICATION, 4.0, Align::Left),
            ],
            d.statuses
                .iter()
                .map(|s| {
                    vec![
                        s.area.clone(),
                        format!("{} – {}", s.from, s.to),
                        s.status.clone(),
                        s.justification.clone(),
                    ]
                })
                .collect(),
        ));
    }

    b.push(Block::Heading(txt::FINISHED.into()));
    if d.finished.is_empty() {
        b.push(Block::Paragraph(txt::NO_FINISHED.into()));
    } else {
        b.push(Block::Small(txt::finished_note(d.weeks)));
        b.push(Table::plain(
            vec![
                Column::new(txt::COL_INSATS, 3.4, Align::Left),
                Column::new(txt::COL_WHERE, 2.2, Align::Left),
                Column::new(txt::COL_BEFORE, 0.9, Align::Right),
                Column::new(txt::COL_AFTER, 0.9, Align::Right),
                Column::new(txt::COL_EFFECT, 2.0, Align::Left),
            ],
            d.finished
                .iter()
                .map(|(i, before, after)| {
                    vec![
                        format!("{} [{}]", i.title, status_word(i)),
                        if i.places.is_empty() {
                            i.area.clone().unwrap_or_default()
                        } else {
                            i.places.join(", ")
                        },
                        before.to_string(),
                        after.to_string(),
                        i.follow_ups
                            .last()
                            .map(|f| crate::names::word(&f.effect))
                            .unwrap_or_default(),
                    ]
                })
                .collect(),
        ));
    }

    b.push(Block::Heading(txt::ASKED.into()));
    if d.asked.is_empty() {
        b.push(Block::Paragraph(txt::NO_ASKED.into()));
    } else {
        for a in &d.asked {
            b.push(Block::Paragraph(a.clone()));
        }
    }

    b.push(Block::Heading(txt::wheel(d.wheel.year)));
    let mut columns = vec![Column::new(txt::COL_CATEGORY, 3.0, Align::Left)];
    columns.extend(
        txt::MONTHS
            .iter()
            .map(|mo| Column::new(mo, 0.8, Align::Right)),
    );
    columns.push(Column::new(txt::COL_TOTAL, 1.0, Align::Right));
    let mut rows: Vec<Vec<String>> = d
        .wheel
        .rows
        .iter()
        .map(|(category, months, total)| {
            let mut cells = vec![category.clone()];
            cells.extend(months.iter().map(u32::to_string));
            cells.push(total.to_string());
            cells
        })
        .collect();
    let mut sum = vec![txt::COL_TOTAL.to_string()];
    sum.extend(d.wheel.totals.iter().map(u32::to_string));
    sum.push(d.wheel.totals.iter().sum::<u32>().to_string());
    rows.push(sum);
    b.push(Table::plain(columns, rows));

    closing(b, m, d.municipality, d.next, d.made, d.created_unix)
}
