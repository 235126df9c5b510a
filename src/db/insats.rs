//! Insatser (actions) and their follow-ups (schema 11): what the groups decided to do
//! about a problem (an area or places, and a category), who is responsible, and how it
//! went.

use rusqlite::{Connection, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{named, place};
use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Kind, Message, field};
use crate::names::word;

/// Situational (place, time: guards, lighting, cleaning) or social (people: youth
/// work, parents, schools), as the EST method tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum InsatsKind {
    #[serde(rename = "situationell")]
    Situational,
    #[serde(rename = "social")]
    Social,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Term {
    #[serde(rename = "kort")]
    Short,
    #[serde(rename = "lång")]
    Long,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum InsatsStatus {
    #[default]
    #[serde(rename = "planerad")]
    Planned,
    #[serde(rename = "pågående")]
    Ongoing,
    #[serde(rename = "genomförd")]
    Done,
    #[serde(rename = "avbruten")]
    Cancelled,
}

/// How a follow-up judges the effect, on a short scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Effect {
    #[serde(rename = "tydlig förbättring")]
    ClearlyBetter,
    #[serde(rename = "viss förbättring")]
    SomewhatBetter,
    #[serde(rename = "ingen förändring")]
    NoChange,
    #[serde(rename = "försämring")]
    Worse,
    #[serde(rename = "kan inte bedömas")]
    CannotTell,
}

/// A stored word back (an unknown one is refused with the words that are known).
pub fn parse_word<T: for<'de> Deserialize<'de>>(
    field: &str,
    value: &str,
    known: &str,
) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(value.trim().to_lowercase())).map_err(|_| {
        Message::InvalidChoice {
            field: field.to_string(),
            value: value.to_string(),
            known: known.to_string(),
        }
        .into()
    })
}

/// An insats to add, by the names the user sees.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewInsats {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub kind: Option<InsatsKind>,
    pub term: Option<Term>,
    /// The area the problem is in (or the places' area).
    #[ts(optional)]
    pub area: Option<String>,
    #[serde(default)]
    pub places: Vec<String>,
    #[ts(optional)]
    pub category: Option<String>,
    /// The cause the insats works on.
    #[serde(default)]
    pub cause: String,
    /// Responsible partners.
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub contact: String,
    /// `YYYY-MM-DD`.
    pub start: String,
    #[ts(optional)]
    pub end: Option<String>,
    /// When it is to be followed up (`YYYY-MM-DD`).
    #[ts(optional)]
    pub follow_up: Option<String>,
    #[ts(optional)]
    pub status: Option<InsatsStatus>,
    /// Where it was decided, in words ("Lägesbild vecka 47 2026").
    #[serde(default)]
    pub decided_in: String,
    /// The meeting that decided it.
    #[serde(default, with = "crate::ids::option_string")]
    #[ts(optional, type = "string")]
    pub meeting: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FollowUp {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub date: String,
    pub text: String,
    pub effect: Effect,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Insats {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub title: String,
    pub description: String,
    pub kind: InsatsKind,
    pub term: Term,
    pub area: Option<String>,
    pub places: Vec<String>,
    pub category: Option<String>,
    pub cause: String,
    pub partners: Vec<String>,
    pub contact: String,
    pub start: String,
    pub end: Option<String>,
    pub follow_up: Option<String>,
    pub status: InsatsStatus,
    pub decided_in: String,
    #[serde(with = "crate::ids::option_string")]
    #[ts(type = "string | null")]
    pub meeting: Option<Id>,
    pub follow_ups: Vec<FollowUp>,
}

fn date(field_name: &str, v: &str) -> Result<String> {
    Ok(crate::time::parse_date(field_name, v)?.to_string())
}

fn opt_date(field_name: &str, v: &Option<String>) -> Result<Option<String>> {
    v.as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| date(field_name, v))
        .transpose()
}

/// Checks and stores an insats; returns its id.
impl From<&Insats> for NewInsats {
    /// The form filled in with a stored insats (to change it).
    fn from(i: &Insats) -> Self {
        NewInsats {
            title: i.title.clone(),
            description: i.description.clone(),
            kind: Some(i.kind),
            term: Some(i.term),
            area: i.area.clone(),
            places: i.places.clone(),
            category: i.category.clone(),
            cause: i.cause.clone(),
            partners: i.partners.clone(),
            contact: i.contact.clone(),
            start: i.start.clone(),
            end: i.end.clone(),
            follow_up: i.follow_up.clone(),
            status: Some(i.status),
            decided_in: i.decided_in.clone(),
            meeting: i.meeting,
        }
    }
}

/// A new or changed insats with every name and date checked and resolved.
struct Resolved {
    title: String,
    start: String,
    end: Option<String>,
    follow_up: Option<String>,
    area_id: Option<Id>,
    place_ids: Vec<Id>,
    category_id: Option<Id>,
    partner_ids: Vec<Id>,
}

fn resolve(tx: &Transaction, n: &NewInsats) -> Result<Resolved> {
    let title = named::validated_name(field::TITLE, &n.title)?;
    let start = date(field::START, &n.start)?;
    let end = opt_date(field::END, &n.end)?;
    if end.as_deref().is_some_and(|e| e < start.as_str()) {
        return Err(Message::DateRange {
            from: start,
            to: end.unwrap_or_default(),
        }
        .into());
    }
    let follow_up = opt_date(field::FOLLOW_UP, &n.follow_up)?;
    if let Some(f) = follow_up.as_deref().filter(|f| *f < start.as_str()) {
        return Err(Message::DateRange {
            from: start.clone(),
            to: f.to_string(),
        }
        .into());
    }
    let mut area_id = match n.area.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => Some(named::get_id(tx, Kind::Area, field::AREA, a)?),
        None => None,
    };
    let mut place_ids = Vec::new();
    for p in &n.places {
        let id = place::get_place_id(tx, p)?;
        if area_id.is_none() {
            area_id = tx.query_row("SELECT area_id FROM place WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        }
        place_ids.push(id);
    }
    let category_id = match n
        .category
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        Some(c) => Some(named::get_id(tx, Kind::Category, field::CATEGORY, c)?),
        None => None,
    };
    let mut partner_ids = Vec::new();
    for p in &n.partners {
        partner_ids.push(named::get_id(tx, Kind::Partner, field::PARTNER, p)?);
    }
    Ok(Resolved {
        title,
        start,
        end,
        follow_up,
        area_id,
        place_ids,
        category_id,
        partner_ids,
    })
}

/// The insats's places and responsible partners, replaced by `r`'s.
fn set_links(tx: &Transaction, id: Id, r: &Resolved) -> Result<()> {
    tx.execute("DELETE FROM insats_place WHERE insats_id = ?1", [id])?;
    tx.execute("DELETE FROM insats_partner WHERE insats_id = ?1", [id])?;
    for p in &r.place_ids {
        tx.execute(
            "INSERT OR IGNORE INTO insats_place (insats_id, place_id) VALUES (?1, ?2)",
            params![id, p],
        )?;
    }
    for p in &r.partner_ids {
        tx.execute(
            "INSERT OR IGNORE INTO insats_partner (insats_id, partner_id) VALUES (?1, ?2)",
            params![id, p],
        )?;
    }
    Ok(())
}

pub fn insert_insats(tx: &Transaction, n: &NewInsats) -> Result<Id> {
    let r = resolve(tx, n)?;
    let now = super::now();
    tx.execute(
        "INSERT INTO insats (title, description, kind, term, area_id, category_id, cause,
                contact, start_date, end_date, follow_up_date, status, meeting_id,
                decided_in, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
        params![
            r.title,
            n.description.trim(),
            word(&n.kind.unwrap_or(InsatsKind::Situational)),
            word(&n.term.unwrap_or(Term::Short)),
            r.area_id,
            r.category_id,
            n.cause.trim(),
            n.contact.trim(),
            r.start,
            r.end,
            r.follow_up,
            word(&n.status.unwrap_or_default()),
            n.meeting,
            n.decided_in.trim(),
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    set_links(tx, id, &r)?;
    Ok(id)
}

/// Changes what an insats is (title, problem, owners, dates, status) to `n`; its
/// follow-ups and the meeting that decided it stay.
pub fn update_insats(tx: &Transaction, id: Id, n: &NewInsats) -> Result<()> {
    exists(tx, id)?;
    let r = resolve(tx, n)?;
    tx.execute(
        "UPDATE insats SET title = ?2, description = ?3, kind = ?4, term = ?5, area_id = ?6,
                category_id = ?7, cause = ?8, contact = ?9, start_date = ?10, end_date = ?11,
                follow_up_date = ?12, status = coalesce(?13, status), decided_in = ?14,
                updated_at = ?15
         WHERE id = ?1",
        params![
            id,
            r.title,
            n.description.trim(),
            word(&n.kind.unwrap_or(InsatsKind::Situational)),
            word(&n.term.unwrap_or(Term::Short)),
            r.area_id,
            r.category_id,
            n.cause.trim(),
            n.contact.trim(),
            r.start,
            r.end,
            r.follow_up,
            n.status.map(|s| word(&s)),
            n.decided_in.trim(),
            super::now()
        ],
    )?;
    set_links(tx, id, &r)
}

fn exists(conn: &Connection, id: Id) -> Result<()> {
    if super::has_row(conn, "insats", id)? {
        Ok(())
    } else {
        Err(Message::InsatsNotFound { id }.into())
    }
}

pub fn update_status(tx: &Transaction, id: Id, status: InsatsStatus) -> Result<()> {
    exists(tx, id)?;
    tx.execute(
        "UPDATE insats SET status = ?1, updated_at = ?2 WHERE id = ?3",
        params![word(&status), super::now(), id],
    )?;
    Ok(())
}

/// Sets the next follow-up date (none: no more planned).
pub fn update_follow_up_date(tx: &Transaction, id: Id, next: Option<&str>) -> Result<()> {
    exists(tx, id)?;
    let next = opt_date(field::FOLLOW_UP, &next.map(str::to_string))?;
    tx.execute(
        "UPDATE insats SET follow_up_date = ?1, updated_at = ?2 WHERE id = ?3",
        params![next, super::now(), id],
    )?;
    Ok(())
}

pub fn insert_follow_up(
    tx: &Transaction,
    id: Id,
    done_on: &str,
    text: &str,
    effect: Effect,
) -> Result<Id> {
    exists(tx, id)?;
    let done_on = date(field::DATE, done_on)?;
    tx.execute(
        "INSERT INTO follow_up (insats_id, done_on, text, effect, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, done_on, text.trim(), word(&effect), super::now()],
    )?;
    Ok(tx.last_insert_rowid())
}

fn names(conn: &Connection, sql: &str, id: Id) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn from_row(conn: &Connection, r: &rusqlite::Row<'_>) -> Result<Insats> {
    let id: Id = r.get(0)?;
    let parse = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    let kind: InsatsKind =
        serde_json::from_value(parse(3)?.into()).unwrap_or(InsatsKind::Situational);
    let term: Term = serde_json::from_value(parse(4)?.into()).unwrap_or(Term::Short);
    let status: InsatsStatus = serde_json::from_value(parse(12)?.into()).unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT id, done_on, text, effect FROM follow_up WHERE insats_id = ?1 ORDER BY done_on, id",
    )?;
    let follow_ups = stmt
        .query_map([id], |f| {
            let effect: String = f.get(3)?;
            Ok(FollowUp {
                id: f.get(0)?,
                date: f.get(1)?,
                text: f.get(2)?,
                effect: serde_json::from_value(effect.into()).unwrap_or(Effect::CannotTell),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Insats {
        id,
        title: r.get(1)?,
        description: r.get(2)?,
        kind,
        term,
        area: r.get(5)?,
        places: names(
            conn,
            "SELECT p.name FROM insats_place i JOIN place p ON p.id = i.place_id
             WHERE i.insats_id = ?1 ORDER BY p.name_key",
            id,
        )?,
        category: r.get(6)?,
        cause: r.get(7)?,
        partners: names(
            conn,
            "SELECT p.name FROM insats_partner i JOIN partner p ON p.id = i.partner_id
             WHERE i.insats_id = ?1 ORDER BY p.name_key",
            id,
        )?,
        contact: r.get(8)?,
        start: r.get(9)?,
        end: r.get(10)?,
        follow_up: r.get(11)?,
        status,
        decided_in: r.get(13)?,
        meeting: r.get(14)?,
        follow_ups,
    })
}

const SELECT: &str = "SELECT i.id, i.title, i.description, i.kind, i.term, a.name, c.name, i.cause,
        i.contact, i.start_date, i.end_date, i.follow_up_date, i.status, i.decided_in, i.meeting_id
    FROM insats i LEFT JOIN area a ON a.id = i.area_id LEFT JOIN category c ON c.id = i.category_id";

/// Every insats, the newest start first.
pub fn list_insatser(conn: &Connection) -> Result<Vec<Insats>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY i.start_date DESC, i.id DESC"))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(from_row(conn, r)?);
    }
    Ok(out)
}

pub fn get_insats(conn: &Connection, id: Id) -> Result<Insats> {
    exists(conn, id)?;
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE i.id = ?1"))?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(r) => from_row(conn, r),
        None => Err(Message::InsatsNotFound { id }.into()),
    }
}

/// What an insats's place and category ids are, for counting its reports.
pub struct Target {
    pub places: Vec<Id>,
    pub area: Option<Id>,
    pub category: Option<Id>,
}

pub fn target(conn: &Connection, id: Id) -> Result<Target> {
    exists(conn, id)?;
    let (area, category) = conn.query_row(
        "SELECT area_id, category_id FROM insats WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut stmt = conn.prepare("SELECT place_id FROM insats_place WHERE insats_id = ?1")?;
    let places = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Target {
        places,
        area,
        category,
    })
}

/// The sum of report counts from `from` to `to` (inclusive) at the target's places
/// (or, with none, in its area; or everywhere), in its category (or all).
pub fn count_for(conn: &Connection, t: &Target, from: &str, to: &str) -> Result<u32> {
    let places = if t.places.is_empty() {
        match t.area {
            Some(a) => {
                let mut stmt = conn.prepare_cached("SELECT id FROM place WHERE area_id = ?1")?;
                stmt.query_map([a], |r| r.get::<_, Id>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            }
            None => Vec::new(),
        }
    } else {
        t.places.clone()
    };
    let everywhere = t.places.is_empty() && t.area.is_none();
    if !everywhere && places.is_empty() {
        return Ok(0);
    }
    let list = places
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join(",");
    // The ids are integers from the database, never text from a user.
    let place_clause = if everywhere {
        String::new()
    } else {
        format!(" AND place_id IN ({list})")
    };
    let sql = format!(
        "SELECT coalesce(sum(count), 0) FROM report
         WHERE occurred_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR category_id = ?3){place_clause}"
    );
    Ok(conn.query_row(&sql, params![from, to, t.category], |r| r.get(0))?)
}
