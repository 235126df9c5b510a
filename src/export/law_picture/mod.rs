//! The law's long-period lägesbild (lag 2023:196) as a PDF document model, in the
//! law's parts: kartläggning (omfattning och konsekvenser), annan information (other
//! knowledge sources) and analys av orsaker.

pub mod words;

use super::pdf::doc::{Align, Block, Column, Document, Table};
use crate::db::area_status::StatusEntry;
use crate::db::knowledge_source::Source;
use crate::picture::Picture;
use words as txt;

/// Everything the document shows, gathered by `ops::law::lagesbild_pdf`.
pub struct LawData<'a> {
    pub municipality: &'a str,
    /// Who it is for (the distribution list), named on the cover.
    pub to: Option<&'a str>,
    /// The period (twelve whole months by default).
    pub picture: &'a Picture,
    /// The same number of months just before.
    pub before: &'a Picture,
    /// Each month of the period, oldest first: its name and its total (none: before the
    /// first report, so no data, not zero).
    pub months: &'a [(String, Option<u32>)],
    /// The first report's date: counts before it are no data, not zero.
    pub first_report: Option<&'a str>,
    /// The latest status of each area within the period.
    pub statuses: &'a [StatusEntry],
    pub sources: &'a [Source],
    pub consequences: &'a str,
    pub causes: &'a str,
    pub made: &'a str,
    pub created_unix: i64,
}

fn paragraphs(b: &mut Vec<Block>, text: &str, none: &str) {
    let mut any = false;
    for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        b.push(Block::Paragraph(p.replace('\n', " ")));
        any = true;
    }
    if !any {
        b.push(Block::Paragraph(none.into()));
    }
}

pub fn document(d: &LawData) -> Document {
    let p = d.picture;
    let mut b = vec![Block::Title {
        text: txt::TITLE.into(),
        subtitle: txt::subtitle(d.municipality, &p.from, &p.to),
    }];
    if let Some(to) = d.to {
        b.push(Block::Paragraph(crate::messages::document_words::to(to)));
    }
    b.push(Block::Small(txt::INTRO.into()));

    b.push(Block::Heading(txt::MAPPING.into()));
    // The months before hold data only where the reports reach back into them.
    let before_known = d.first_report.is_some_and(|f| f <= d.before.to.as_str());
    let before_whole = d.first_report.is_some_and(|f| f <= d.before.from.as_str());
    b.push(Block::Paragraph(txt::extent(
        p.total,
        p.reports,
        p.partners.iter().filter(|x| x.reports > 0).count(),
    )));
    b.push(Block::Paragraph(
        match (before_known, before_whole, d.first_report) {
            (true, true, _) => txt::before(d.before.total),
            (true, false, Some(first)) => txt::before_partly(d.before.total, first),
            (_, _, first) => txt::before_unknown(first.unwrap_or(&p.from)),
        },
    ));
    let before_cell = |n: u32| {
        if before_known {
            n.to_string()
        } else {
            txt::NO_DATA.into()
        }
    };
    if p.unplaced > 0 {
        b.push(Block::Small(txt::unplaced(p.unplaced)));
    }
    if p.reports == 0 {
        b.push(Block::Paragraph(txt::NO_REPORTS.into()));
    }
    let before_area = |area: &str| {
        d.before
            .areas
            .iter()
            .find(|a| a.area == area)
            .map_or(0, |a| a.total)
    };
    let status = |area: &str| {
        d.statuses
            .iter()
            .filter(|s| s.area == area)
            .max_by(|x, y| (&x.to, &x.saved_at).cmp(&(&y.to, &y.saved_at)))
            .map(|s| s.status.clone())
            .unwrap_or_else(|| "–".into())
    };
    b.push(Block::Subheading(txt::BY_AREA.into()));
    b.push(Table::plain(
        vec![
            Column::new(txt::COL_AREA, 3.0, Align::Left),
            Column::new(txt::COL_COUNT, 1.2, Align::Right),
            Column::new(txt::COL_BEFORE, 1.6, Align::Right),
            Column::new(txt::COL_STATUS, 1.4, Align::Left),
        ],
        p.areas
            .iter()
            .map(|a| {
                vec![
                    a.area.clone(),
                    a.total.to_string(),
                    before_cell(before_area(&a.area)),
                    status(&a.area),
                ]
            })
            .collect(),
    ));
    let before_category = |c: &str| {
        d.before
            .categories
            .iter()
            .find(|x| x.category == c)
            .map_or(0, |x| x.count)
    };
    b.push(Block::Subheading(txt::BY_CATEGORY.into()));
    b.push(Table::plain(
        vec![
            Column::new(txt::COL_CATEGORY, 3.0, Align::Left),
            Column::new(txt::COL_COUNT, 1.2, Align::Right),
            Column::new(txt::COL_BEFORE, 1.6, Align::Right),
        ],
        p.categories
            .iter()
            .filter(|c| c.count > 0 || before_category(&c.category) > 0)
            .map(|c| {
                vec![
                    c.category.clone(),
                    c.count.to_string(),
                    before_cell(before_category(&c.category)),
                ]
            })
            .collect(),
    ));
    b.push(Block::Subheading(txt::BY_MONTH.into()));
    b.push(Table::plain(
        vec![
            Column::new(txt::COL_MONTH, 3.0, Align::Left),
            Column::new(txt::COL_COUNT, 1.2, Align::Right),
        ],
        d.months
            .iter()
            .map(|(m, n)| {
                vec![
                    m.clone(),
                    n.map_or_else(|| txt::NO_DATA.into(), |n| n.to_string()),
                ]
            })
            .collect(),
    ));
    if !p.hotspots.is_empty() {
        b.push(Block::Subheading(txt::PLACES.into()));
        b.push(Table::plain(
            vec![
                Column::new(txt::COL_PLACE, 2.4, Align::Left),
                Column::new(txt::COL_AREA, 1.8, Align::Left),
                Column::new(txt::COL_COUNT, 1.2, Align::Right),
                Column::new(txt::COL_MOST, 2.6, Align::Left),
            ],
            p.hotspots
                .iter()
                .map(|h| {
                    vec![
                        h.place.clone(),
                        h.area.clone().unwrap_or_default(),
                        h.count.to_string(),
                        h.top
                            .iter()
                            .map(|t| format!("{} {}", t.category, t.count))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ]
                })
                .collect(),
        ));
    }
    b.push(Block::Subheading(txt::PARTNERS.into()));
    b.push(Table::plain(
        vec![
            Column::new(txt::COL_PARTNER, 3.0, Align::Left),
            Column::new(txt::COL_REPORTS, 1.2, Align::Right),
            Column::new(txt::COL_COUNT, 1.2, Align::Right),
        ],
        p.partners
            .iter()
            .map(|x| {
                vec![
                    x.partner.clone(),
                    x.reports.to_string(),
                    x.count.to_string(),
                ]
            })
            .collect(),
    ));
    b.push(Block::Subheading(txt::CONSEQUENCES.into()));
    paragraphs(&mut b, d.consequences, txt::NO_CONSEQUENCES);

    b.push(Block::Heading(txt::OTHER.into()));
    if d.sources.is_empty() {
        b.push(Block::Paragraph(txt::NO_OTHER.into()));
    } else {
        b.push(Block::Small(txt::OTHER_INTRO.into()));
    }
    for s in d.sources {
        b.push(Block::Subheading(s.title.clone()));
        b.push(Block::Small(txt::source_line(
            &s.source,
            &s.date,
            s.area.as_deref(),
        )));
        if !s.summary.trim().is_empty() {
            paragraphs(&mut b, &s.summary, "");
        }
        if !s.figure_value.trim().is_empty() {
            b.push(Block::Paragraph(txt::figure(
                &s.figure_label,
                &s.figure_value,
            )));
        }
    }

    b.push(Block::Heading(txt::CAUSES.into()));
    paragraphs(&mut b, d.causes, txt::NO_CAUSES);

    b.push(Block::Heading(txt::ABOUT.into()));
    b.push(Block::Small(txt::ABOUT_TEXT.into()));
    Document {
        title: txt::TITLE.into(),
        header: d.municipality.to_string(),
        footer: txt::footer(d.made),
        created_unix: d.created_unix,
        blocks: b,
    }
}
