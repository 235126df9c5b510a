//! Pairs of reports about the same incident: proposed by Navet, confirmed or rejected
//! by the coordinator. A confirmed pair counts once in the picture.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::ids::Id;
use crate::messages::Message;

/// Where a pair stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum LinkStatus {
    Suggested,
    Confirmed,
    Rejected,
}

impl LinkStatus {
    fn as_str(self) -> &'static str {
        match self {
            LinkStatus::Suggested => "suggested",
            LinkStatus::Confirmed => "confirmed",
            LinkStatus::Rejected => "rejected",
        }
    }

    fn parse(s: &str) -> LinkStatus {
        match s {
            "confirmed" => LinkStatus::Confirmed,
            "rejected" => LinkStatus::Rejected,
            _ => LinkStatus::Suggested,
        }
    }
}

/// One side of a pair, as the coordinator compares them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LinkedReport {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub occurred_at: String,
    pub place: Option<String>,
    pub category: String,
    pub partner: String,
    pub count: u32,
    pub text: String,
}

/// A pair of reports that may be (or are, or are not) the same incident.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Link {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub status: LinkStatus,
    pub first: LinkedReport,
    pub second: LinkedReport,
}

/// Proposes every pair in `from`..=`to` (ISO dates): same place (names and other names
/// resolve to one place), same category, same day, two partners, and at most
/// `window_minutes` apart when both have a time. Pairs already proposed, confirmed or
/// rejected stay as they are. Returns how many are new.
pub fn insert_suggestions(
    tx: &Transaction,
    from: &str,
    to: &str,
    window_minutes: u32,
) -> Result<u32> {
    let n = tx.execute(
        "INSERT OR IGNORE INTO report_link (first_id, second_id, status, created_at)
         SELECT a.id, b.id, 'suggested', ?4
         FROM report a
         JOIN report b ON b.occurred_date = a.occurred_date AND b.place_id = a.place_id
                      AND b.category_id = a.category_id AND b.partner_id <> a.partner_id
                      AND b.id > a.id
         WHERE a.occurred_date BETWEEN ?1 AND ?2 AND a.place_id IS NOT NULL
           AND (a.occurred_time IS NULL OR b.occurred_time IS NULL
                OR abs((CAST(substr(a.occurred_time, 1, 2) AS INTEGER) * 60 + CAST(substr(a.occurred_time, 4, 2) AS INTEGER))
                     - (CAST(substr(b.occurred_time, 1, 2) AS INTEGER) * 60 + CAST(substr(b.occurred_time, 4, 2) AS INTEGER)))
                   <= ?3)",
        params![from, to, window_minutes, super::now()],
    )?;
    Ok(n as u32)
}

/// One side's columns, from the report aliased `r` (with `c`, `pa`, `p` joined).
fn side_columns(r: &str, c: &str, pa: &str, p: &str) -> String {
    format!(
        "{r}.id, CASE WHEN {r}.occurred_time IS NULL THEN {r}.occurred_date \
         ELSE {r}.occurred_date || 'T' || {r}.occurred_time END, {p}.name, {c}.name, {pa}.name, \
         {r}.count, {r}.text"
    )
}

/// One side from the row's columns starting at `at` (see [`side_columns`]).
fn side(row: &rusqlite::Row, at: usize) -> rusqlite::Result<LinkedReport> {
    Ok(LinkedReport {
        id: row.get(at)?,
        occurred_at: row.get(at + 1)?,
        place: row.get(at + 2)?,
        category: row.get(at + 3)?,
        partner: row.get(at + 4)?,
        count: row.get(at + 5)?,
        text: row.get(at + 6)?,
    })
}

/// Pairs with this status (every pair with `None`), newest incidents first: one query,
/// both reports joined with their names.
pub fn list_links(conn: &Connection, status: Option<LinkStatus>) -> Result<Vec<Link>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT l.id, l.status, {}, {}
         FROM report_link l
         JOIN report a ON a.id = l.first_id
         JOIN category ca ON ca.id = a.category_id JOIN partner pa ON pa.id = a.partner_id
         LEFT JOIN place qa ON qa.id = a.place_id
         JOIN report b ON b.id = l.second_id
         JOIN category cb ON cb.id = b.category_id JOIN partner pb ON pb.id = b.partner_id
         LEFT JOIN place qb ON qb.id = b.place_id
         WHERE ?1 IS NULL OR l.status = ?1
         ORDER BY a.occurred_date DESC, l.id DESC",
        side_columns("a", "ca", "pa", "qa"),
        side_columns("b", "cb", "pb", "qb"),
    ))?;
    let links = stmt.query_map([status.map(LinkStatus::as_str)], |r| {
        Ok(Link {
            id: r.get(0)?,
            status: LinkStatus::parse(&r.get::<_, String>(1)?),
            first: side(r, 2)?,
            second: side(r, 9)?,
        })
    })?;
    Ok(links.collect::<rusqlite::Result<_>>()?)
}

/// Confirms or rejects a pair (or puts it back to suggested).
pub fn update_status(tx: &Transaction, id: Id, status: LinkStatus) -> Result<()> {
    let found: Option<Id> = tx
        .query_row("SELECT id FROM report_link WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    if found.is_none() {
        return Err(Message::LinkNotFound { id }.into());
    }
    tx.execute(
        "UPDATE report_link SET status = ?2, decided_at = ?3 WHERE id = ?1",
        params![id, status.as_str(), super::now()],
    )?;
    Ok(())
}

/// The second report of each confirmed pair whose reports both fall in `from`..=`to`,
/// with the count that the pair counted twice (the smaller of the two): what the picture
/// takes off so the incident counts once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub date: String,
    pub hour: Option<String>,
    pub place: Option<Id>,
    pub category: Id,
    pub partner: Id,
    pub count: u32,
}

pub fn for_each_merged(
    conn: &Connection,
    from: &str,
    to: &str,
    mut each: impl FnMut(Merged),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.occurred_date, substr(b.occurred_time, 1, 2), b.place_id, b.category_id, b.partner_id,
                min(a.count, b.count)
         FROM report_link l JOIN report a ON a.id = l.first_id JOIN report b ON b.id = l.second_id
         WHERE l.status = 'confirmed'
           AND a.occurred_date BETWEEN ?1 AND ?2 AND b.occurred_date BETWEEN ?1 AND ?2",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        each(Merged {
            date: r.get(0)?,
            hour: r.get(1)?,
            place: r.get(2)?,
            category: r.get(3)?,
            partner: r.get(4)?,
            count: r.get(5)?,
        });
    }
    Ok(())
}
