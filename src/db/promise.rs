//! Medborgarlöften (schema 13): promises to the residents for a period, with
//! commitments tied to insatser, and their follow-up.

use rusqlite::{Connection, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Message, field};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewPromise {
    pub title: String,
    /// `YYYY-MM-DD`.
    pub from: String,
    /// `YYYY-MM-DD`; default four months after `from`.
    #[ts(optional)]
    pub to: Option<String>,
    /// "Ekbacka kommun, Polisen".
    #[serde(default)]
    pub parties: String,
    #[serde(default)]
    pub areas: String,
    /// The problems chosen, in words.
    #[serde(default)]
    pub problems: String,
    /// The plain-language text for publication.
    #[serde(default)]
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Commitment {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub party: String,
    pub text: String,
    #[serde(with = "crate::ids::option_string")]
    #[ts(type = "string | null")]
    pub insats: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Promise {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub title: String,
    pub from: String,
    pub to: String,
    pub parties: String,
    pub areas: String,
    pub problems: String,
    pub summary: String,
    /// planerat, pågående or uppföljt.
    pub status: String,
    pub follow_up: String,
    pub commitments: Vec<Commitment>,
}

pub fn insert_promise(tx: &Transaction, p: &NewPromise) -> Result<Id> {
    let title = super::named::validated_name(field::TITLE, &p.title)?;
    let from = crate::time::parse_date(field::FROM, &p.from)?;
    let to = match p.to.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => crate::time::parse_date(field::TO, t)?,
        None => from
            .checked_add_months(chrono::Months::new(4))
            .and_then(|d| d.pred_opt())
            .unwrap_or(from),
    };
    if to < from {
        return Err(Message::DateRange {
            from: from.to_string(),
            to: to.to_string(),
        }
        .into());
    }
    tx.execute(
        "INSERT INTO promise (title, period_from, period_to, parties, areas, problems, summary, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            title,
            from.to_string(),
            to.to_string(),
            p.parties.trim(),
            p.areas.trim(),
            p.problems.trim(),
            p.summary.trim(),
            super::now()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn exists(conn: &Connection, id: Id) -> Result<()> {
    if super::has_row(conn, "promise", id)? {
        Ok(())
    } else {
        Err(Message::PromiseNotFound { id }.into())
    }
}

pub fn insert_commitment(
    tx: &Transaction,
    promise: Id,
    party: &str,
    text: &str,
    insats: Option<Id>,
) -> Result<Id> {
    exists(tx, promise)?;
    if let Some(i) = insats {
        super::insats::get_insats(tx, i)?;
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(Message::Required {
            field: field::DESCRIPTION.to_string(),
        }
        .into());
    }
    tx.execute(
        "INSERT INTO promise_commitment (promise_id, party, text, insats_id) VALUES (?1, ?2, ?3, ?4)",
        params![promise, party.trim(), text, insats],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn update_follow_up(tx: &Transaction, promise: Id, text: &str) -> Result<()> {
    exists(tx, promise)?;
    tx.execute(
        "UPDATE promise SET follow_up = ?1, status = 'uppföljt' WHERE id = ?2",
        params![text.trim(), promise],
    )?;
    Ok(())
}

pub fn get_promise(conn: &Connection, id: Id) -> Result<Promise> {
    exists(conn, id)?;
    let mut stmt = conn.prepare(
        "SELECT id, party, text, insats_id FROM promise_commitment WHERE promise_id = ?1 ORDER BY id",
    )?;
    let commitments = stmt
        .query_map([id], |r| {
            Ok(Commitment {
                id: r.get(0)?,
                party: r.get(1)?,
                text: r.get(2)?,
                insats: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(conn.query_row(
        "SELECT title, period_from, period_to, parties, areas, problems, summary, status, follow_up
         FROM promise WHERE id = ?1",
        [id],
        |r| {
            Ok(Promise {
                id,
                title: r.get(0)?,
                from: r.get(1)?,
                to: r.get(2)?,
                parties: r.get(3)?,
                areas: r.get(4)?,
                problems: r.get(5)?,
                summary: r.get(6)?,
                status: r.get(7)?,
                follow_up: r.get(8)?,
                commitments,
            })
        },
    )?)
}

pub fn list_promises(conn: &Connection) -> Result<Vec<Promise>> {
    let mut stmt = conn.prepare("SELECT id FROM promise ORDER BY period_from DESC, id DESC")?;
    let ids: Vec<Id> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| get_promise(conn, id)).collect()
}
