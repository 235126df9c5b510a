//! Meeting series and meetings (schema 11): who met, what was on the agenda, the notes
//! and the decisions (a decision may create or change an insats).

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::named;
use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Kind, Message, field};
use crate::names;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum SeriesKind {
    #[serde(rename = "operativ")]
    Operative,
    #[serde(rename = "strategisk")]
    Strategic,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Series {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub name: String,
    pub kind: SeriesKind,
    pub interval_days: u32,
    /// The latest meeting held, if any (`YYYY-MM-DD`).
    pub last: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Decision {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub text: String,
    #[serde(with = "crate::ids::option_string")]
    #[ts(type = "string | null")]
    pub insats: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Meeting {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub series: String,
    pub date: String,
    pub agenda: String,
    pub notes: String,
    pub attendees: Vec<String>,
    pub decisions: Vec<Decision>,
}

/// A meeting to record, by names.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewMeeting {
    pub series: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    #[serde(default)]
    pub agenda: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub attendees: Vec<String>,
}

pub fn series_id(conn: &Connection, name: &str) -> Result<Id> {
    let id: Option<Id> = conn
        .query_row(
            "SELECT id FROM meeting_series WHERE name_key = ?1",
            [names::key(name)],
            |r| r.get(0),
        )
        .optional()?;
    match id {
        Some(id) => Ok(id),
        None => {
            let mut stmt = conn.prepare("SELECT name FROM meeting_series ORDER BY id")?;
            let known: Vec<String> = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Err(Message::InvalidChoice {
                field: field::SERIES.to_string(),
                value: name.to_string(),
                known: known.join(", "),
            }
            .into())
        }
    }
}

pub fn list_series(conn: &Connection) -> Result<Vec<Series>> {
    let mut stmt = conn.prepare(
        "SELECT s.id, s.name, s.kind, s.interval_days,
                (SELECT max(held_on) FROM meeting m WHERE m.series_id = s.id)
         FROM meeting_series s WHERE s.active = 1 ORDER BY s.id",
    )?;
    let rows = stmt.query_map([], |r| {
        let kind: String = r.get(2)?;
        Ok(Series {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: if kind == "strategisk" {
                SeriesKind::Strategic
            } else {
                SeriesKind::Operative
            },
            interval_days: r.get(3)?,
            last: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert_series(
    tx: &Transaction,
    name: &str,
    kind: SeriesKind,
    interval_days: u32,
) -> Result<Id> {
    let clean = named::validated_name(field::NAME, name)?;
    if series_id(tx, &clean).is_ok() {
        return Err(Message::SeriesExists { name: clean }.into());
    }
    tx.execute(
        "INSERT INTO meeting_series (name, name_key, kind, interval_days, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            clean,
            names::key(&clean),
            match kind {
                SeriesKind::Operative => "operativ",
                SeriesKind::Strategic => "strategisk",
            },
            interval_days.clamp(1, 366),
            super::now()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn insert_meeting(tx: &Transaction, m: &NewMeeting) -> Result<Id> {
    let series = series_id(tx, &m.series)?;
    let date = crate::time::parse_date(field::DATE, &m.date)?.to_string();
    let mut attendees = Vec::new();
    for a in &m.attendees {
        attendees.push(named::get_id(tx, Kind::Partner, field::PARTNER, a)?);
    }
    tx.execute(
        "INSERT INTO meeting (series_id, held_on, agenda, notes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![series, date, m.agenda.trim(), m.notes.trim(), super::now()],
    )?;
    let id = tx.last_insert_rowid();
    for a in attendees {
        tx.execute(
            "INSERT OR IGNORE INTO meeting_partner (meeting_id, partner_id) VALUES (?1, ?2)",
            params![id, a],
        )?;
    }
    Ok(id)
}

fn meeting_exists(conn: &Connection, id: Id) -> Result<()> {
    if super::has_row(conn, "meeting", id)? {
        Ok(())
    } else {
        Err(Message::MeetingNotFound { id }.into())
    }
}

pub fn insert_decision(
    tx: &Transaction,
    meeting: Id,
    text: &str,
    insats: Option<Id>,
) -> Result<Id> {
    meeting_exists(tx, meeting)?;
    let text = text.trim();
    if text.is_empty() {
        return Err(Message::Required {
            field: field::DESCRIPTION.to_string(),
        }
        .into());
    }
    tx.execute(
        "INSERT INTO decision (meeting_id, text, insats_id, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![meeting, text, insats, super::now()],
    )?;
    Ok(tx.last_insert_rowid())
}

fn read_meeting(conn: &Connection, r: &rusqlite::Row<'_>) -> Result<Meeting> {
    let id: Id = r.get(0)?;
    let mut stmt = conn.prepare_cached(
        "SELECT p.name FROM meeting_partner m JOIN partner p ON p.id = m.partner_id
         WHERE m.meeting_id = ?1 ORDER BY p.name_key",
    )?;
    let attendees = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, text, insats_id FROM decision WHERE meeting_id = ?1 ORDER BY id",
    )?;
    let decisions = stmt
        .query_map([id], |r| {
            Ok(Decision {
                id: r.get(0)?,
                text: r.get(1)?,
                insats: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Meeting {
        id,
        series: r.get(1)?,
        date: r.get(2)?,
        agenda: r.get(3)?,
        notes: r.get(4)?,
        attendees,
        decisions,
    })
}

const SELECT: &str = "SELECT m.id, s.name, m.held_on, m.agenda, m.notes
    FROM meeting m JOIN meeting_series s ON s.id = m.series_id";

/// Every meeting, the latest first.
pub fn list_meetings(conn: &Connection) -> Result<Vec<Meeting>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY m.held_on DESC, m.id DESC"))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(read_meeting(conn, r)?);
    }
    Ok(out)
}

pub fn get_meeting(conn: &Connection, id: Id) -> Result<Meeting> {
    meeting_exists(conn, id)?;
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE m.id = ?1"))?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(r) => read_meeting(conn, r),
        None => Err(Message::MeetingNotFound { id }.into()),
    }
}

/// The series' meeting held before `meeting` (by date), if any.
pub fn previous_in_series(conn: &Connection, meeting: Id) -> Result<Option<Meeting>> {
    let id: Option<Id> = conn
        .query_row(
            "SELECT p.id FROM meeting m JOIN meeting p ON p.series_id = m.series_id
             WHERE m.id = ?1 AND (p.held_on < m.held_on OR (p.held_on = m.held_on AND p.id < m.id))
             ORDER BY p.held_on DESC, p.id DESC LIMIT 1",
            [meeting],
            |r| r.get(0),
        )
        .optional()?;
    id.map(|id| get_meeting(conn, id)).transpose()
}

/// The decisions of the series' meetings after `since` (exclusive) up to `until`.
pub fn decisions_between(
    conn: &Connection,
    series: &str,
    since: &str,
    until: &str,
) -> Result<Vec<(String, Decision)>> {
    let mut stmt = conn.prepare(
        "SELECT m.held_on, d.id, d.text, d.insats_id FROM decision d
         JOIN meeting m ON m.id = d.meeting_id JOIN meeting_series s ON s.id = m.series_id
         WHERE s.name = ?1 AND m.held_on > ?2 AND m.held_on <= ?3 ORDER BY m.held_on, d.id",
    )?;
    let rows = stmt.query_map(params![series, since, until], |r| {
        Ok((
            r.get(0)?,
            Decision {
                id: r.get(1)?,
                text: r.get(2)?,
                insats: r.get(3)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Active partners that sent nothing since `since` (an RFC 3339 moment or a
/// `YYYY-MM-DD` day): no report, typed or imported, and no "inga händelser".
pub fn partners_silent_since(conn: &Connection, since: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT p.name FROM partner p WHERE p.active = 1
           AND NOT EXISTS (SELECT 1 FROM report r WHERE r.partner_id = p.id AND r.created_at >= ?1)
           AND NOT EXISTS (SELECT 1 FROM nil_report n WHERE n.partner_id = p.id AND n.created_at >= ?1)
         ORDER BY p.name_key",
    )?;
    let rows = stmt.query_map([since], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
