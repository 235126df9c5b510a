//! A citizen promise (medborgarlöfte) for publication: in plain language, as a PDF and
//! as plain text, with the follow-up at the end of its period.

use super::pdf::doc::{Block, Document};
use crate::db::promise::Promise;

fn lines(p: &Promise, statuses: &[Option<String>]) -> (String, Vec<(Option<String>, String)>) {
    let title = format!("Medborgarlöfte: {}", p.title);
    let mut out: Vec<(Option<String>, String)> =
        vec![(None, format!("Gäller {} – {}.", p.from, p.to))];
    if !p.parties.is_empty() {
        out.push((None, format!("Vi som lovar: {}.", p.parties)));
    }
    if !p.areas.is_empty() {
        out.push((None, format!("Var: {}.", p.areas)));
    }
    if !p.problems.is_empty() {
        out.push((Some("Det här vill vi ändra på".into()), p.problems.clone()));
    }
    if !p.summary.is_empty() {
        out.push((Some("Vårt löfte".into()), p.summary.clone()));
    }
    if !p.commitments.is_empty() {
        out.push((Some("Det här gör vi".into()), String::new()));
        for (c, s) in p.commitments.iter().zip(statuses) {
            let who = if c.party.is_empty() {
                String::new()
            } else {
                format!("{}: ", c.party)
            };
            let state = s.as_deref().map(|s| format!(" ({s})")).unwrap_or_default();
            out.push((None, format!("– {who}{}{state}", c.text)));
        }
    }
    if !p.follow_up.is_empty() {
        out.push((Some("Så gick det".into()), p.follow_up.clone()));
    }
    (title, out)
}

pub fn plain_text(p: &Promise, statuses: &[Option<String>]) -> String {
    let (title, lines) = lines(p, statuses);
    let mut out = vec![title, String::new()];
    for (heading, text) in lines {
        if let Some(h) = heading {
            out.push(String::new());
            out.push(h);
        }
        if !text.is_empty() {
            out.push(text);
        }
    }
    out.join("\n") + "\n"
}

pub fn document(
    p: &Promise,
    statuses: &[Option<String>],
    municipality: &str,
    made: &str,
    created_unix: i64,
) -> Document {
    let (title, lines) = lines(p, statuses);
    let mut b = vec![Block::Title {
        text: title.clone(),
        subtitle: municipality.to_string(),
    }];
    for (heading, text) in lines {
        if let Some(h) = heading {
            b.push(Block::Heading(h));
        }
        if !text.is_empty() {
            b.push(Block::Paragraph(text));
        }
    }
    Document {
        title,
        header: municipality.to_string(),
        footer: format!("Navet · {made}"),
        created_unix,
        blocks: b,
    }
}
