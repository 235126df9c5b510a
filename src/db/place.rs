//! Places (platser) and their aliases: where reports happen.
//!
//! Partners spell the same place many ways, so a place has a name and any number of
//! aliases, all unique by their normalised key across both tables: a text means at
//! most one place.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{area, named};
use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Kind, Message, field};
use crate::names;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Place {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub name: String,
    pub area: Option<String>,
    pub aliases: Vec<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// False once retired: left out of the lists a user picks from.
    pub active: bool,
}

/// A place text that matched no place, how often, and the closest places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UnplacedText {
    pub text: String,
    pub rows: u32,
    pub suggestions: Vec<String>,
}

/// A place to add. The area is created if it does not exist yet.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewPlace {
    pub name: String,
    #[ts(optional)]
    pub area: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[ts(optional)]
    pub latitude: Option<f64>,
    #[ts(optional)]
    pub longitude: Option<f64>,
}

/// What adding a place did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceAdded {
    pub id: Id,
    /// True when the named area did not exist and was created.
    pub area_created: bool,
}

pub fn list_places(conn: &Connection) -> Result<Vec<Place>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.name, a.name, p.latitude, p.longitude,
                (SELECT group_concat(alias, char(31)) FROM
                    (SELECT alias FROM place_alias WHERE place_id = p.id ORDER BY alias_key)),
                p.active
         FROM place p LEFT JOIN area a ON a.id = p.area_id
         ORDER BY a.name_key IS NULL, a.name_key, p.name_key",
    )?;
    let rows = stmt.query_map([], |r| {
        let aliases: Option<String> = r.get(5)?;
        Ok(Place {
            id: r.get(0)?,
            name: r.get(1)?,
            area: r.get(2)?,
            latitude: r.get(3)?,
            longitude: r.get(4)?,
            active: r.get(6)?,
            aliases: aliases
                .map(|a| a.split('\u{1f}').map(str::to_string).collect())
                .unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The place this text names, by name or alias, if any.
pub fn find_place_id(conn: &Connection, text: &str) -> Result<Option<Id>> {
    let key = names::key(text);
    Ok(conn
        .query_row(
            "SELECT id FROM place WHERE name_key = ?1
             UNION ALL SELECT place_id FROM place_alias WHERE alias_key = ?1
             LIMIT 1",
            [key],
            |r| r.get(0),
        )
        .optional()?)
}

/// The place this text names, or an error with the closest names and aliases.
pub fn get_place_id(conn: &Connection, text: &str) -> Result<Id> {
    if names::key(text).is_empty() {
        return Err(Message::Required {
            field: field::PLACE.to_string(),
        }
        .into());
    }
    if let Some(id) = find_place_id(conn, text)? {
        return Ok(id);
    }
    let mut candidates = named::list_names(conn, Kind::Place)?;
    let mut stmt = conn.prepare("SELECT alias FROM place_alias")?;
    for alias in stmt.query_map([], |r| r.get::<_, String>(0))? {
        candidates.push(alias?);
    }
    Err(named::unknown(Kind::Place, field::PLACE, text, &candidates))
}

/// The name of the place this text names (by name or another spelling).
pub fn get_place_name(conn: &Connection, text: &str) -> Result<String> {
    let id = get_place_id(conn, text)?;
    Ok(conn.query_row("SELECT name FROM place WHERE id = ?1", [id], |r| r.get(0))?)
}

/// The name of the place (or alias owner) that already uses this text.
fn owner_of(conn: &Connection, text: &str) -> Result<Option<String>> {
    Ok(match find_place_id(conn, text)? {
        Some(id) => {
            Some(conn.query_row("SELECT name FROM place WHERE id = ?1", [id], |r| r.get(0))?)
        }
        None => None,
    })
}

pub fn insert_place(tx: &Transaction, new: &NewPlace) -> Result<PlaceAdded> {
    let name = named::validated_name(field::NAME, &new.name)?;
    if let Some(owner) = owner_of(tx, &name)? {
        return Err(if names::key(&owner) == names::key(&name) {
            Message::Duplicate {
                kind: Kind::Place,
                name,
            }
        } else {
            Message::AliasTaken {
                alias: name,
                place: owner,
            }
        }
        .into());
    }
    match (new.latitude, new.longitude) {
        (None, None) => {}
        (Some(lat), Some(lon))
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) => {}
        _ => {
            return Err(Message::InvalidCoordinates {
                field: field::COORDINATES.to_string(),
            }
            .into());
        }
    }
    let (area_id, area_created) = match new.area.as_deref().map(str::trim) {
        Some(a) if !a.is_empty() => {
            let (id, created) = area::ensure_area(tx, a)?;
            (Some(id), created)
        }
        _ => (None, false),
    };
    tx.execute(
        "INSERT INTO place (area_id, name, name_key, latitude, longitude, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            area_id,
            name,
            names::key(&name),
            new.latitude,
            new.longitude,
            super::now()
        ],
    )?;
    let id = tx.last_insert_rowid();
    for alias in &new.aliases {
        insert_alias(tx, id, alias)?;
    }
    Ok(PlaceAdded { id, area_created })
}

/// Adds another spelling for a place. Adding an alias the place already has is a no-op.
pub fn insert_alias(tx: &Transaction, place_id: Id, alias: &str) -> Result<()> {
    let alias = named::validated_name(field::ALIAS, alias)?;
    if let Some(owner_id) = find_place_id(tx, &alias)? {
        if owner_id == place_id {
            return Ok(());
        }
        let place = tx.query_row("SELECT name FROM place WHERE id = ?1", [owner_id], |r| {
            r.get(0)
        })?;
        return Err(Message::AliasTaken { alias, place }.into());
    }
    tx.execute(
        "INSERT INTO place_alias (place_id, alias, alias_key, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![place_id, alias, names::key(&alias), super::now()],
    )?;
    Ok(())
}

/// Every place name and alias, for suggestions.
pub fn place_and_alias_names(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT name FROM place UNION ALL SELECT alias FROM place_alias")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Reports with no place whose partner text is `text` (by key) get `place_id`;
/// returns how many. Called when an alias is added, so the queue empties itself.
pub fn resolve_unplaced(tx: &Transaction, place_id: Id, text: &str) -> Result<u32> {
    let key = names::key(text);
    let ids: Vec<Id> = {
        let mut stmt = tx.prepare("SELECT id, source_place FROM report WHERE place_id IS NULL AND source_place IS NOT NULL")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?)))?;
        let mut ids = Vec::new();
        for row in rows {
            let (id, src) = row?;
            if names::key(&src) == key {
                ids.push(id);
            }
        }
        ids
    };
    let mut stmt = tx.prepare("UPDATE report SET place_id = ?1, updated_at = ?2 WHERE id = ?3")?;
    let now = super::now();
    for id in &ids {
        stmt.execute(params![place_id, now, id])?;
    }
    Ok(ids.len() as u32)
}

/// The unplaced queue: partner place texts that matched no place, most reports first,
/// with the closest place names and aliases as suggestions.
pub fn list_unplaced(conn: &Connection) -> Result<Vec<UnplacedText>> {
    let mut groups: std::collections::HashMap<String, (String, u32)> =
        std::collections::HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT source_place FROM report WHERE place_id IS NULL AND source_place IS NOT NULL",
    )?;
    for text in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let text = text?;
        let e = groups
            .entry(names::key(&text))
            .or_insert_with(|| (text.trim().to_string(), 0));
        e.1 += 1;
    }
    let candidates = place_and_alias_names(conn)?;
    let mut out: Vec<UnplacedText> = groups
        .into_values()
        .map(|(text, rows)| UnplacedText {
            suggestions: names::suggest(&text, candidates.iter().map(String::as_str), 3),
            text,
            rows,
        })
        .collect();
    out.sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| a.text.cmp(&b.text)));
    Ok(out)
}

pub fn count_places(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM place", [], |r| r.get(0))?)
}

/// Moves a place to another area (`None`: no area); its reports follow it into the
/// area's picture, earlier periods included.
pub fn move_place(tx: &Transaction, place: &str, area: Option<&str>) -> Result<()> {
    let id = get_place_id(tx, place)?;
    let area_id = match area.map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => Some(named::get_id(tx, Kind::Area, field::AREA, a)?),
        None => None,
    };
    tx.execute(
        "UPDATE place SET area_id = ?1 WHERE id = ?2",
        params![area_id, id],
    )?;
    Ok(())
}

/// Merges the place `from` into `into`: its reports and other spellings move over, and
/// its name becomes another spelling of `into`, so later files naming it find `into`.
/// Returns how many reports moved.
pub fn merge_places(tx: &Transaction, from: &str, into: &str) -> Result<u32> {
    let from_id = get_place_id(tx, from)?;
    let into_id = get_place_id(tx, into)?;
    if from_id == into_id {
        return Err(Message::MergeSamePlace {
            place: from.to_string(),
        }
        .into());
    }
    let from_name: String =
        tx.query_row("SELECT name FROM place WHERE id = ?1", [from_id], |r| {
            r.get(0)
        })?;
    let moved = tx.execute(
        "UPDATE report SET place_id = ?1 WHERE place_id = ?2",
        params![into_id, from_id],
    )?;
    tx.execute(
        "UPDATE place_alias SET place_id = ?1 WHERE place_id = ?2",
        params![into_id, from_id],
    )?;
    // What the EST cycle says about the place follows it too: an insats's places (once
    // each, if it named both) and a safety walk's points.
    tx.execute(
        "INSERT OR IGNORE INTO insats_place (insats_id, place_id)
         SELECT insats_id, ?1 FROM insats_place WHERE place_id = ?2",
        params![into_id, from_id],
    )?;
    tx.execute("DELETE FROM insats_place WHERE place_id = ?1", [from_id])?;
    tx.execute(
        "UPDATE walk_point SET place_id = ?1 WHERE place_id = ?2",
        params![into_id, from_id],
    )?;
    tx.execute("DELETE FROM place WHERE id = ?1", [from_id])?;
    insert_alias(tx, into_id, &from_name)?;
    Ok(u32::try_from(moved).unwrap_or(u32::MAX))
}
