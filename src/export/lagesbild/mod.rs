//! The situation picture as a PDF document model: a cover with the status per area,
//! charts, a table per area with trend arrows, hotspots, partners, the analysis texts
//! and a statement of sources and method.

use super::partner::PartnerPicture;
use super::pdf::doc::{
    self, Align, Bar, Block, Column, Document, Row, RowStyle, StatusItem, Table,
};
use super::pdf::layout::one_decimal;
use super::release::{self, Shown};
pub mod words;

use crate::picture::{AnalysisPart, CategoryCount, Deviation, Picture};
use words as txt;

use crate::picture::compute::MIN_BASELINE_PERIODS;

/// A status's colour by its place on the scale: the first green, the last red, the
/// steps between from yellow; unassessed grey.
fn status_color(status: Option<&str>, scale: &[String]) -> doc::Rgb {
    let Some(i) = status.and_then(|s| scale.iter().position(|x| x == s)) else {
        return doc::GREY;
    };
    let last = scale.len().saturating_sub(1).max(1) as f32;
    let t = i as f32 / last;
    let mix = |a: doc::Rgb, b: doc::Rgb, t: f32| {
        doc::Rgb(
            a.0 + (b.0 - a.0) * t,
            a.1 + (b.1 - a.1) * t,
            a.2 + (b.2 - a.2) * t,
        )
    };
    if t <= 0.5 {
        mix(doc::GREEN, doc::YELLOW, t * 2.0)
    } else {
        mix(doc::YELLOW, doc::RED, (t - 0.5) * 2.0)
    }
}

/// The change as a signed number (`±0` for none); the layout draws its arrow.
pub fn trend(change: i64) -> String {
    if change == 0 {
        "±0".into()
    } else {
        format!("{change:+}")
    }
}

fn col(title: &str, width: f32, align: Align) -> Column {
    Column {
        title: title.into(),
        width,
        align,
        trend: title == txt::COL_CHANGE,
    }
}

/// A table of plain rows.
fn plain_table(columns: Vec<Column>, rows: impl Iterator<Item = Vec<String>>) -> Table {
    Table {
        continued: None,
        columns,
        rows: rows
            .map(|cells| Row {
                cells,
                style: RowStyle::Normal,
            })
            .collect(),
    }
}

/// The coordinator's category table: count, previous, change, normal level, departure.
fn category_table(cats: &[CategoryCount]) -> Table {
    // Two comparisons, each under its own name: with the previous period (count and
    // difference), and with the normal level (the baseline and any clear departure).
    let columns = vec![
        col(txt::COL_CATEGORY, 3.2, Align::Left),
        col(txt::COL_COUNT, 1.0, Align::Right),
        col(txt::COL_PREVIOUS, 1.5, Align::Right),
        col(txt::COL_CHANGE, 1.2, Align::Right),
        col(txt::COL_BASELINE, 1.3, Align::Right),
        col(txt::COL_DEVIATION, 1.7, Align::Left),
    ];
    Table {
        continued: None,
        columns,
        rows: cats
            .iter()
            .map(|c| {
                let cells = vec![
                    c.category.clone(),
                    c.count.to_string(),
                    c.previous.to_string(),
                    trend(c.change),
                    one_decimal(c.baseline),
                    deviation(c.deviation).into(),
                ];
                Row {
                    cells,
                    style: if c.deviation == Deviation::Rise {
                        RowStyle::Flagged
                    } else {
                        RowStyle::Normal
                    },
                }
            })
            .collect(),
    }
}

/// What happened at a place: "Skadegörelse 5, Klotter 3".
fn top(list: &[crate::picture::CategoryShare]) -> String {
    list.iter()
        .map(|c| format!("{} {}", c.category, c.count))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A deviation as the table says it.
pub fn deviation(d: Deviation) -> &'static str {
    match d {
        Deviation::Rise => txt::RISE,
        Deviation::Fall => txt::FALL,
        Deviation::None => "",
    }
}

/// "2026-11-22T01:53:22Z" → "22 november 2026 kl. 02.53" (Swedish local time).
fn when(stamp: &str) -> String {
    txt::local_time(stamp)
}

/// Who a lägesbild is for: the coordinator's own group, or a named partner (whose
/// partner-safe version is [`partner_document`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Reader<'a> {
    pub recipient: Option<&'a str>,
    /// A partner's version with the coordinator's analysis texts, chosen on purpose.
    pub with_analysis: bool,
}

/// The document for a picture. `municipality` heads every page; `created_unix` is
/// written into the PDF (the freeze time for a frozen picture).
pub fn document(p: &Picture, municipality: &str, created_unix: i64, reader: Reader) -> Document {
    let title = txt::title(&p.label);
    // A live picture changes as reports arrive: every page says it is a draft.
    let draft = p.snapshot.is_none();
    let place_name = if municipality.is_empty() {
        txt::MUNICIPALITY_FALLBACK
    } else {
        municipality
    };
    let mut b = vec![Block::Title {
        text: title.clone(),
        subtitle: txt::subtitle(place_name, &p.from, &p.to),
    }];
    if let Some(s) = &p.snapshot {
        b.push(Block::Small(txt::frozen(
            s.id,
            &s.title,
            &when(&s.created_at),
        )));
    } else {
        b.push(Block::Small(txt::DRAFT_NOTE.into()));
    }
    if let Some(r) = reader.recipient {
        b.push(Block::Paragraph(txt::full_version(r)));
    }
    b.push(Block::Heading(txt::STATUS_HEADING.into()));
    b.push(Block::Statuses(
        p.areas
            .iter()
            .map(|a| StatusItem {
                label: a.area.clone(),
                status: a.status.clone().unwrap_or_else(|| txt::NOT_ASSESSED.into()),
                color: status_color(a.status.as_deref(), &p.scale),
                mark: a
                    .status
                    .as_deref()
                    .and_then(|st| p.scale.iter().position(|x| x == st))
                    .map(|i| (i + 1).to_string())
                    .unwrap_or_else(|| txt::NO_MARK.into()),
                text: match &a.justification {
                    Some(j) => j.clone(),
                    None => txt::area_line(a.total, a.previous),
                },
            })
            .collect(),
    ));
    // The analysis follows the statuses it explains, before the numbers.
    b.push(Block::Heading(txt::ANALYSIS_HEADING.into()));
    for (part, text) in [
        (AnalysisPart::Kartlaggning, &p.assessment.kartlaggning),
        (
            AnalysisPart::AnnanInformation,
            &p.assessment.annan_information,
        ),
        (AnalysisPart::Analys, &p.assessment.analys),
    ] {
        b.push(Block::Subheading(part.title().into()));
        b.push(Block::Paragraph(if text.is_empty() {
            txt::EMPTY_TEXT.into()
        } else {
            text.clone()
        }));
    }
    b.push(Block::Heading(txt::SUMMARY_HEADING.into()));
    b.push(Block::Paragraph(txt::summary(
        p.total,
        p.reports,
        p.partners.iter().filter(|x| x.reports > 0).count(),
        p.previous_total,
        &one_decimal(p.baseline_total),
        p.baseline_periods,
        p.unplaced,
    )));
    if let Some(ly) = &p.last_year {
        b.push(Block::Paragraph(txt::last_year(ly.total, &ly.from, &ly.to)));
    }
    let rises: Vec<String> = p
        .areas
        .iter()
        .flat_map(|a| {
            a.categories
                .iter()
                .filter(|c| c.deviation != Deviation::None)
                .map(move |c| {
                    txt::departure(
                        &c.category,
                        &a.area,
                        &c.count.to_string(),
                        deviation(c.deviation),
                        Some(one_decimal(c.baseline).as_str()),
                    )
                })
        })
        .collect();
    b.push(Block::Paragraph(
        if (p.baseline_periods as usize) < MIN_BASELINE_PERIODS {
            txt::short_history(p.baseline_periods)
        } else if rises.is_empty() {
            txt::NO_RISES.into()
        } else {
            txt::rises(&rises)
        },
    ));
    b.push(Block::Bars {
        title: txt::CATEGORY_CHART.into(),
        bars: p
            .categories
            .iter()
            .map(|c| Bar {
                // The mark says it without colour, for paper printed in greyscale.
                label: if c.flagged {
                    format!("{} {}", c.category, txt::RISE_MARK)
                } else {
                    c.category.clone()
                },
                value: f64::from(c.count),
                mark: Some(c.baseline),
                highlight: c.flagged,
            })
            .collect(),
        legend: txt::CATEGORY_LEGEND.into(),
    });
    b.push(Block::Line {
        title: txt::TREND_CHART.into(),
        points: p
            .trend
            .iter()
            .map(|t| (t.label.clone(), f64::from(t.total)))
            .collect(),
    });
    b.push(Block::Heatmap {
        title: txt::pattern_chart(p.pattern.untimed),
        rows: p.pattern.weekdays.clone(),
        cols: (0..24).map(|h| format!("{h:02}")).collect(),
        values: p
            .pattern
            .counts
            .iter()
            .map(|r| r.iter().map(|v| f64::from(*v)).collect())
            .collect(),
    });
    let busiest = p
        .pattern
        .counts
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0);
    b.push(Block::Small(txt::heatmap_legend(busiest)));
    for a in &p.areas {
        b.push(Block::Heading(txt::area_heading(
            &a.area,
            &a.total.to_string(),
            a.status.as_deref(),
        )));
        if let Some(j) = &a.justification {
            b.push(Block::Paragraph(j.clone()));
        }
        b.push(Block::Table(Table {
            continued: Some(txt::continued(&a.area)),
            ..category_table(&a.categories)
        }));
        let places: Vec<_> = a.places.iter().collect();
        if !places.is_empty() {
            b.push(Block::Table(plain_table(
                vec![
                    col(txt::COL_PLACE, 2.6, Align::Left),
                    col(txt::COL_COUNT, 0.9, Align::Right),
                    col(txt::COL_PREVIOUS, 1.4, Align::Right),
                    col(txt::COL_TOP, 3.6, Align::Left),
                ],
                places.iter().map(|pl| {
                    vec![
                        pl.place.clone(),
                        pl.count.to_string(),
                        pl.previous.to_string(),
                        top(&pl.top),
                    ]
                }),
            )));
        }
    }
    b.push(Block::Heading(txt::HOTSPOTS_HEADING.into()));
    b.push(Block::Table(plain_table(
        vec![
            col(txt::COL_PLACE, 2.4, Align::Left),
            col(txt::COL_AREA, 1.4, Align::Left),
            col(txt::COL_COUNT, 0.9, Align::Right),
            col(txt::COL_PREVIOUS, 1.4, Align::Right),
            col(txt::COL_TOP, 3.0, Align::Left),
        ],
        p.hotspots.iter().map(|h| {
            vec![
                h.place.clone(),
                h.area.clone().unwrap_or_default(),
                h.count.to_string(),
                h.previous.to_string(),
                top(&h.top),
            ]
        }),
    )));
    b.push(Block::Heading(txt::SOURCES_HEADING.into()));
    b.push(Block::Table(plain_table(
        vec![
            col(txt::COL_PARTNER, 3.0, Align::Left),
            col(txt::COL_REPORTS, 1.0, Align::Right),
            col(txt::COL_INCIDENTS, 1.0, Align::Right),
        ],
        p.partners.iter().map(|x| {
            if x.reports == 0 && x.nothing_to_report {
                vec![x.partner.clone(), txt::NOTHING_TO_REPORT.into(), "0".into()]
            } else if x.reports == 0 {
                vec![x.partner.clone(), txt::NO_REPORTS.into(), String::new()]
            } else {
                vec![
                    x.partner.clone(),
                    x.reports.to_string(),
                    x.count.to_string(),
                ]
            }
        }),
    )));
    if p.merged > 0 {
        b.push(Block::Paragraph(txt::merged(p.merged)));
    }
    b.push(Block::Paragraph(txt::sources(
        p.reports,
        p.partners.iter().filter(|x| x.reports > 0).count(),
        &p.from,
        &p.to,
        p.unplaced,
    )));
    Document {
        title: if draft {
            txt::draft_title(&title)
        } else {
            title
        },
        header: if municipality.is_empty() {
            txt::HEADER_FALLBACK.into()
        } else {
            municipality.to_string()
        },
        footer: if draft {
            txt::draft_footer(&when(&p.generated_at))
        } else {
            txt::footer(&when(&p.generated_at))
        },
        created_unix,
        blocks: b,
    }
}

/// A count the partner may see, or "–" where there is no data to compare with.
fn previous_text(count: Shown, known: bool) -> String {
    if known {
        count.text()
    } else {
        txt::NO_MARK.into()
    }
}

/// The partner's version of a picture: the coordinator's statuses, and numbers only from
/// the released weeks of `view` (see [`crate::export::release`]); every hidden count is
/// "..", and nothing is computed from one (no baseline, no departures, no hourly
/// pattern, no free text but the analysis when it is shared on purpose).
pub fn partner_document(
    p: &Picture,
    view: &PartnerPicture,
    municipality: &str,
    created_unix: i64,
    reader: Reader,
) -> Document {
    let title = txt::title(&p.label);
    let draft = p.snapshot.is_none();
    let place_name = if municipality.is_empty() {
        txt::MUNICIPALITY_FALLBACK
    } else {
        municipality
    };
    let first = view.weeks.first().and_then(|w| release::week_monday(w));
    let last = view
        .weeks
        .last()
        .and_then(|w| release::week_monday(w))
        .map(|m| m + chrono::Days::new(6));
    let (from, to) = match (first, last) {
        (Some(a), Some(b)) => (a.to_string(), b.to_string()),
        _ => (p.from.clone(), p.to.clone()),
    };
    let known = view.previous_known;
    let mut b = vec![Block::Title {
        text: title.clone(),
        subtitle: txt::subtitle(place_name, &from, &to),
    }];
    if let Some(s) = &p.snapshot {
        b.push(Block::Small(txt::frozen(
            s.id,
            &s.title,
            &when(&s.created_at),
        )));
    }
    b.push(Block::Paragraph(txt::partner_version(reader.recipient)));
    b.push(Block::Small(txt::partner_weeks(&view.weeks)));
    b.push(Block::Heading(txt::STATUS_HEADING.into()));
    b.push(Block::Statuses(
        view.areas
            .iter()
            .map(|a| {
                let status = p
                    .areas
                    .iter()
                    .find(|x| x.area == a.area)
                    .and_then(|x| x.status.clone());
                StatusItem {
                    label: a.area.clone(),
                    color: status_color(status.as_deref(), &p.scale),
                    mark: status
                        .as_deref()
                        .and_then(|st| p.scale.iter().position(|x| x == st))
                        .map(|i| (i + 1).to_string())
                        .unwrap_or_else(|| txt::NO_MARK.into()),
                    status: status.unwrap_or_else(|| txt::NOT_ASSESSED.into()),
                    text: txt::partner_area_line(
                        &a.total.text(),
                        &previous_text(a.previous, known),
                    ),
                }
            })
            .collect(),
    ));
    b.push(Block::Heading(txt::ANALYSIS_HEADING.into()));
    if reader.with_analysis {
        for (part, text) in [
            (AnalysisPart::Kartlaggning, &p.assessment.kartlaggning),
            (
                AnalysisPart::AnnanInformation,
                &p.assessment.annan_information,
            ),
            (AnalysisPart::Analys, &p.assessment.analys),
        ] {
            b.push(Block::Subheading(part.title().into()));
            b.push(Block::Paragraph(if text.is_empty() {
                txt::EMPTY_TEXT.into()
            } else {
                text.clone()
            }));
        }
    } else {
        b.push(Block::Paragraph(txt::ANALYSIS_NOT_SHARED.into()));
    }
    b.push(Block::Heading(txt::SUMMARY_HEADING.into()));
    b.push(Block::Paragraph(txt::partner_summary(
        &view.total.text(),
        &previous_text(view.previous_total, known),
        &view.unplaced.text(),
    )));
    b.push(Block::Bars {
        title: txt::CATEGORY_CHART.into(),
        bars: view
            .categories
            .iter()
            .filter_map(|c| {
                c.count.count().map(|n| Bar {
                    label: c.category.clone(),
                    value: f64::from(n),
                    mark: None,
                    highlight: false,
                })
            })
            .collect(),
        legend: txt::PARTNER_CATEGORY_LEGEND.into(),
    });
    let hidden: Vec<String> = view
        .categories
        .iter()
        .filter(|c| c.count.is_hidden())
        .map(|c| c.category.clone())
        .collect();
    if !hidden.is_empty() {
        b.push(Block::Small(txt::hidden_categories(&hidden)));
    }
    b.push(Block::Heading(txt::PARTNER_TREND_HEADING.into()));
    b.push(Table::plain(
        vec![
            Column::new(txt::COL_WEEK, 2.0, Align::Left),
            Column::new(txt::COL_INCIDENTS, 1.2, Align::Right),
        ],
        view.trend
            .iter()
            .map(|(w, v)| {
                vec![
                    w.clone(),
                    v.map(Shown::text).unwrap_or_else(|| txt::NO_MARK.into()),
                ]
            })
            .collect(),
    ));
    for a in &view.areas {
        b.push(Block::Heading(txt::area_heading(
            &a.area,
            &a.total.text(),
            p.areas
                .iter()
                .find(|x| x.area == a.area)
                .and_then(|x| x.status.as_deref()),
        )));
        b.push(Block::Table(Table {
            continued: Some(txt::continued(&a.area)),
            ..plain_table(
                vec![
                    col(txt::COL_CATEGORY, 3.2, Align::Left),
                    col(txt::COL_COUNT, 1.0, Align::Right),
                    col(txt::COL_PREVIOUS, 1.5, Align::Right),
                ],
                a.categories.iter().map(|c| {
                    vec![
                        c.category.clone(),
                        c.count.text(),
                        previous_text(c.previous, known),
                    ]
                }),
            )
        }));
        if !a.places.is_empty() {
            b.push(Block::Table(plain_table(
                vec![
                    col(txt::COL_PLACE, 2.6, Align::Left),
                    col(txt::COL_COUNT, 0.9, Align::Right),
                    col(txt::COL_PREVIOUS, 1.4, Align::Right),
                    col(txt::COL_TOP, 3.6, Align::Left),
                ],
                a.places.iter().map(|pl| {
                    vec![
                        pl.place.clone(),
                        pl.count.text(),
                        previous_text(pl.previous, known),
                        partner_top(&pl.top),
                    ]
                }),
            )));
        }
    }
    b.push(Block::Heading(txt::HOTSPOTS_HEADING.into()));
    b.push(Block::Table(plain_table(
        vec![
            col(txt::COL_PLACE, 2.4, Align::Left),
            col(txt::COL_AREA, 1.4, Align::Left),
            col(txt::COL_COUNT, 0.9, Align::Right),
            col(txt::COL_PREVIOUS, 1.4, Align::Right),
            col(txt::COL_TOP, 3.0, Align::Left),
        ],
        view.hotspots.iter().map(|h| {
            vec![
                h.place.clone(),
                h.area.clone(),
                h.count.text(),
                previous_text(h.previous, known),
                partner_top(&h.top),
            ]
        }),
    )));
    b.push(Block::Heading(txt::SOURCES_HEADING.into()));
    b.push(Block::Table(plain_table(
        vec![
            col(txt::COL_PARTNER, 3.0, Align::Left),
            col(txt::COL_REPORTS, 1.6, Align::Left),
        ],
        p.partners.iter().map(|x| {
            vec![
                x.partner.clone(),
                if x.reports > 0 {
                    txt::REPORTED
                } else if x.nothing_to_report {
                    txt::NOTHING_TO_REPORT
                } else {
                    txt::NO_REPORTS
                }
                .into(),
            ]
        }),
    )));
    b.push(Block::Paragraph(txt::PARTNER_SOURCES.into()));
    Document {
        title: if draft {
            txt::draft_title(&title)
        } else {
            title
        },
        header: if municipality.is_empty() {
            txt::HEADER_FALLBACK.into()
        } else {
            municipality.to_string()
        },
        footer: txt::footer(&when(&p.generated_at)),
        created_unix,
        blocks: b,
    }
}

/// A partner's "what happened here": shown counts only.
fn partner_top(list: &[(String, u32)]) -> String {
    list.iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}
