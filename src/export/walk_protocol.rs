//! A safety walk's protocol: route, participants, and every point with its place,
//! problem, proposed action, owner, status and what happened (a report, an insats).

use std::collections::HashMap;

use super::pdf::doc::{Align, Block, Column, Document, Photo, Row, RowStyle, Table};
use crate::db::insats::Insats;
use crate::db::walk::Walk;
use crate::ids::Id;
use crate::names::word;

pub fn title(w: &Walk) -> String {
    match &w.area {
        Some(a) => format!("Trygghetsvandring {} {}", a, w.date),
        None => format!("Trygghetsvandring {}", w.date),
    }
}

/// `photos`: the points' photos that can be drawn, by point id.
pub fn document(
    w: &Walk,
    insatser: &[Insats],
    photos: &HashMap<Id, Photo>,
    municipality: &str,
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
        text: title(w),
        subtitle: municipality.to_string(),
    }];
    if !w.route.is_empty() {
        b.push(Block::Paragraph(format!("Sträcka: {}", w.route)));
    }
    if !w.participants.is_empty() {
        b.push(Block::Paragraph(format!("Deltagare: {}", w.participants)));
    }
    b.push(Block::Heading("Punkter och vad som hände".into()));
    if w.points.is_empty() {
        b.push(Block::Paragraph("Inga punkter antecknade.".into()));
    } else {
        let rows = w
            .points
            .iter()
            .enumerate()
            .map(|(n, p)| {
                let mut happened = Vec::new();
                if let Some(r) = p.report {
                    happened.push(format!("rapport nr {r}"));
                }
                if let Some(i) = p.insats.and_then(|i| insatser.iter().find(|x| x.id == i)) {
                    happened.push(format!("insats: {} [{}]", i.title, word(&i.status)));
                }
                if let Some(photo) = &p.photo {
                    happened.push(if photos.contains_key(&p.id) {
                        format!("bild {} nedan", n + 1)
                    } else {
                        format!("bild: {photo}")
                    });
                }
                Row {
                    cells: vec![
                        format!("{}. {}", n + 1, p.place),
                        p.problem.clone(),
                        p.proposed_action.clone(),
                        p.owner.clone().unwrap_or_default(),
                        word(&p.status),
                        if happened.is_empty() {
                            "–".into()
                        } else {
                            happened.join("; ")
                        },
                    ],
                    style: RowStyle::Normal,
                }
            })
            .collect();
        b.push(Block::Table(Table {
            continued: Some("Punkter (forts.)".into()),
            columns: vec![
                col("Plats", 2.0),
                col("Problem", 2.4),
                col("Föreslagen åtgärd", 2.2),
                col("Ansvarig", 2.0),
                col("Status", 1.3),
                col("Vad hände", 2.4),
            ],
            rows,
        }));
    }
    // The photos, each under its point's number, place and problem; one that cannot be
    // drawn (HEIC, a broken file) is named where it is kept.
    let with_photo: Vec<_> = w
        .points
        .iter()
        .enumerate()
        .filter_map(|(n, p)| p.photo.as_ref().map(|f| (n + 1, p, f)))
        .collect();
    if !with_photo.is_empty() {
        b.push(Block::Heading("Bilder".into()));
        for (n, p, file) in with_photo {
            let caption = format!("Bild {n}. {}: {}", p.place, p.problem);
            match photos.get(&p.id) {
                Some(photo) => b.push(Block::Photo {
                    photo: photo.clone(),
                    caption,
                }),
                None => b.push(Block::Small(format!(
                    "{caption}. Bilden kan inte visas här; den finns som {file} i mappen navet-bilder bredvid databasen."
                ))),
            }
        }
    }
    Document {
        title: title(w),
        header: municipality.to_string(),
        footer: format!("Navet · protokoll · {made}"),
        created_unix,
        blocks: b,
    }
}
