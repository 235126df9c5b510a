//! Trygghetsvandringar (schema 13): walks and their points.

use rusqlite::{Connection, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{named, place};
use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Kind, Message, field};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum PointStatus {
    #[default]
    #[serde(rename = "öppen")]
    Open,
    #[serde(rename = "åtgärdad")]
    Fixed,
    #[serde(rename = "ingen åtgärd")]
    NoAction,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewWalk {
    pub date: String,
    #[ts(optional)]
    pub area: Option<String>,
    #[serde(default)]
    pub route: String,
    #[serde(default)]
    pub participants: String,
}

/// A point as typed; the photo is a file to copy (see `ops::walks`).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewPoint {
    /// A known place's name, or words for where it is.
    pub place: String,
    pub problem: String,
    #[ts(optional)]
    pub category: Option<String>,
    #[serde(default)]
    pub proposed_action: String,
    #[ts(optional)]
    pub owner: Option<String>,
    /// A photo file to copy into Navet's data folder.
    #[ts(optional)]
    pub photo: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Point {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    /// The place's name when known, else the words typed.
    pub place: String,
    pub place_known: bool,
    pub problem: String,
    pub category: Option<String>,
    /// Relative to the data folder.
    pub photo: Option<String>,
    pub proposed_action: String,
    pub owner: Option<String>,
    pub status: PointStatus,
    #[serde(with = "crate::ids::option_string")]
    #[ts(type = "string | null")]
    pub report: Option<Id>,
    #[serde(with = "crate::ids::option_string")]
    #[ts(type = "string | null")]
    pub insats: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Walk {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub date: String,
    pub area: Option<String>,
    pub route: String,
    pub participants: String,
    pub points: Vec<Point>,
}

pub fn insert_walk(tx: &Transaction, w: &NewWalk) -> Result<Id> {
    let date = crate::time::parse_date(field::DATE, &w.date)?.to_string();
    let area = match w.area.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => Some(named::get_id(tx, Kind::Area, field::AREA, a)?),
        None => None,
    };
    tx.execute(
        "INSERT INTO walk (held_on, area_id, route, participants, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![date, area, w.route.trim(), w.participants.trim(), super::now()],
    )?;
    Ok(tx.last_insert_rowid())
}

fn walk_exists(conn: &Connection, id: Id) -> Result<()> {
    if super::has_row(conn, "walk", id)? {
        Ok(())
    } else {
        Err(Message::WalkNotFound { id }.into())
    }
}

/// Stores a point (the photo's stored relative path already decided); returns its id.
pub fn insert_point(tx: &Transaction, walk: Id, p: &NewPoint, photo: Option<&str>) -> Result<Id> {
    walk_exists(tx, walk)?;
    let problem = p.problem.trim();
    if problem.is_empty() {
        return Err(Message::Required {
            field: field::DESCRIPTION.to_string(),
        }
        .into());
    }
    let place_id = place::find_place_id(tx, &p.place)?;
    let category = match p
        .category
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        Some(c) => Some(named::get_id(tx, Kind::Category, field::CATEGORY, c)?),
        None => None,
    };
    let owner = match p.owner.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
        Some(o) => Some(named::get_id(tx, Kind::Partner, field::PARTNER, o)?),
        None => None,
    };
    tx.execute(
        "INSERT INTO walk_point (walk_id, place_id, place_text, problem, category_id, photo,
                proposed_action, owner_partner_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            walk,
            place_id,
            p.place.trim(),
            problem,
            category,
            photo,
            p.proposed_action.trim(),
            owner,
            super::now()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn point_exists(conn: &Connection, id: Id) -> Result<()> {
    if super::has_row(conn, "walk_point", id)? {
        Ok(())
    } else {
        Err(Message::PointNotFound { id }.into())
    }
}

pub fn update_point_status(tx: &Transaction, id: Id, status: PointStatus) -> Result<()> {
    point_exists(tx, id)?;
    tx.execute(
        "UPDATE walk_point SET status = ?1 WHERE id = ?2",
        params![crate::names::word(&status), id],
    )?;
    Ok(())
}

pub fn link_report(tx: &Transaction, id: Id, report: Id) -> Result<()> {
    point_exists(tx, id)?;
    tx.execute(
        "UPDATE walk_point SET report_id = ?1 WHERE id = ?2",
        params![report, id],
    )?;
    Ok(())
}

pub fn link_insats(tx: &Transaction, id: Id, insats: Id) -> Result<()> {
    point_exists(tx, id)?;
    tx.execute(
        "UPDATE walk_point SET insats_id = ?1 WHERE id = ?2",
        params![insats, id],
    )?;
    Ok(())
}

/// The point's walk date, its place's name (if known) and category (if any).
pub fn point_basis(
    conn: &Connection,
    id: Id,
) -> Result<(String, Option<String>, Option<String>, String)> {
    point_exists(conn, id)?;
    Ok(conn.query_row(
        "SELECT w.held_on, p.name, c.name, wp.problem FROM walk_point wp
         JOIN walk w ON w.id = wp.walk_id
         LEFT JOIN place p ON p.id = wp.place_id LEFT JOIN category c ON c.id = wp.category_id
         WHERE wp.id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?)
}

fn points(conn: &Connection, walk: Id) -> Result<Vec<Point>> {
    let mut stmt = conn.prepare(
        "SELECT wp.id, coalesce(p.name, wp.place_text), wp.place_id IS NOT NULL, wp.problem, c.name,
                wp.photo, wp.proposed_action, pa.name, wp.status, wp.report_id, wp.insats_id
         FROM walk_point wp LEFT JOIN place p ON p.id = wp.place_id
         LEFT JOIN category c ON c.id = wp.category_id LEFT JOIN partner pa ON pa.id = wp.owner_partner_id
         WHERE wp.walk_id = ?1 ORDER BY wp.id",
    )?;
    let rows = stmt.query_map([walk], |r| {
        let status: String = r.get(8)?;
        Ok(Point {
            id: r.get(0)?,
            place: r.get(1)?,
            place_known: r.get(2)?,
            problem: r.get(3)?,
            category: r.get(4)?,
            photo: r.get(5)?,
            proposed_action: r.get(6)?,
            owner: r.get(7)?,
            status: serde_json::from_value(status.into()).unwrap_or_default(),
            report: r.get(9)?,
            insats: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get_walk(conn: &Connection, id: Id) -> Result<Walk> {
    walk_exists(conn, id)?;
    let (date, area, route, participants) = conn.query_row(
        "SELECT w.held_on, a.name, w.route, w.participants FROM walk w LEFT JOIN area a ON a.id = w.area_id WHERE w.id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    Ok(Walk {
        id,
        date,
        area,
        route,
        participants,
        points: points(conn, id)?,
    })
}

pub fn list_walks(conn: &Connection) -> Result<Vec<Walk>> {
    let mut stmt = conn.prepare("SELECT id FROM walk ORDER BY held_on DESC, id DESC")?;
    let ids: Vec<Id> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| get_walk(conn, id)).collect()
}

/// Records where a point's photo was copied (relative to the data folder).
pub fn update_photo(tx: &Transaction, id: Id, photo: &str) -> Result<()> {
    point_exists(tx, id)?;
    tx.execute(
        "UPDATE walk_point SET photo = ?1 WHERE id = ?2",
        params![photo, id],
    )?;
    Ok(())
}

/// The walk a point belongs to.
pub fn walk_of(conn: &Connection, point: Id) -> Result<Id> {
    point_exists(conn, point)?;
    Ok(conn.query_row(
        "SELECT walk_id FROM walk_point WHERE id = ?1",
        [point],
        |r| r.get(0),
    )?)
}
