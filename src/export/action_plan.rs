//! The åtgärdsplan (lag 2023:196): the insatser tied to each problem, with who is
//! responsible, the time frame and how each is followed up.

use super::pdf::doc::{Align, Block, Column, Document, Row, RowStyle, Table};
use crate::db::insats::Insats;
use crate::names::word;

pub const TITLE: &str = "Åtgärdsplan";
/// The export log's word for the plan.
pub const LOG_KIND: &str = "pdf åtgärdsplan";

/// The problem an insats addresses, as a heading: "Skadegörelse i Norrby".
fn problem(i: &Insats) -> String {
    let category = i
        .category
        .clone()
        .unwrap_or_else(|| "Alla kategorier".into());
    let place = if i.places.is_empty() {
        i.area.clone().unwrap_or_else(|| "hela kommunen".into())
    } else {
        format!(
            "{} ({})",
            i.area.clone().unwrap_or_default(),
            i.places.join(", ")
        )
    };
    format!("{category} i {}", place.trim())
}

pub fn document(
    list: &[Insats],
    municipality: &str,
    to: Option<&str>,
    made: &str,
    created_unix: i64,
) -> Document {
    let col = |t: &str, width: f32| Column {
        title: t.into(),
        width,
        align: Align::Left,
        trend: false,
    };
    let mut b = vec![Block::Title {
        text: TITLE.into(),
        subtitle: municipality.to_string(),
    }];
    if let Some(to) = to {
        b.push(Block::Paragraph(crate::messages::document_words::to(to)));
    }
    b.push(Block::Paragraph(
            "Insatserna per problem: vem som ansvarar, tidsram, och hur och när de följs upp. Planerade och pågående först; genomförda och avbrutna med sin senaste bedömning."
                .into(),
        ));
    let mut problems: Vec<String> = list.iter().map(problem).collect();
    problems.sort();
    problems.dedup();
    if problems.is_empty() {
        b.push(Block::Paragraph("Inga insatser är beslutade.".into()));
    }
    for p in problems {
        b.push(Block::Heading(p.clone()));
        let mut rows: Vec<&Insats> = list.iter().filter(|i| problem(i) == p).collect();
        rows.sort_by_key(|i| {
            (
                !matches!(
                    i.status,
                    crate::db::insats::InsatsStatus::Planned
                        | crate::db::insats::InsatsStatus::Ongoing
                ),
                i.start.clone(),
            )
        });
        b.push(Block::Table(Table {
            continued: Some(format!("{p} (forts.)")),
            columns: vec![
                col("Insats", 3.0),
                col("Ansvariga", 2.2),
                col("Tidsram", 2.0),
                col("Uppföljning", 2.4),
                col("Status", 1.2),
            ],
            rows: rows
                .into_iter()
                .map(|i| Row {
                    cells: vec![
                        i.title.clone(),
                        [i.partners.join(", "), i.contact.clone()]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join("; "),
                        format!("{} – {}", i.start, i.end.clone().unwrap_or_default()),
                        match (i.follow_up.as_deref(), i.follow_ups.last()) {
                            (Some(next), _) => format!("nästa {next}"),
                            (None, Some(f)) => format!("{}: {}", f.date, word(&f.effect)),
                            (None, None) => "ingen planerad".into(),
                        },
                        word(&i.status),
                    ],
                    style: RowStyle::Normal,
                })
                .collect(),
        }));
    }
    Document {
        title: TITLE.into(),
        header: municipality.to_string(),
        footer: format!("Navet · {TITLE} · {made}"),
        created_unix,
        blocks: b,
    }
}
