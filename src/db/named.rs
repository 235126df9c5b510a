//! Lookups shared by the tables whose rows users name: area, partner, category.
//!
//! Each such table has `name` (as typed) and `name_key` (see [`crate::names::key`]),
//! so lookups are case- and whitespace-insensitive for Swedish letters too, and an
//! unknown name fails with the closest existing names as suggestions.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Kind, Message, field};
use crate::names;

/// The table behind a kind of named thing; a fixed list, never user text.
fn table(kind: Kind) -> &'static str {
    match kind {
        Kind::Area => "area",
        Kind::Place => "place",
        Kind::Partner => "partner",
        Kind::Category => "category",
    }
}

/// The id of the row with this name, if any.
pub fn find_id(conn: &Connection, kind: Kind, name: &str) -> Result<Option<Id>> {
    let sql = format!("SELECT id FROM {} WHERE name_key = ?1", table(kind));
    Ok(conn
        .query_row(&sql, [names::key(name)], |r| r.get(0))
        .optional()?)
}

/// Every name of this kind, in name order.
pub fn list_names(conn: &Connection, kind: Kind) -> Result<Vec<String>> {
    let sql = format!("SELECT name FROM {} ORDER BY name_key", table(kind));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The id of the row with this name, or an error naming `field` with suggestions.
pub fn get_id(conn: &Connection, kind: Kind, field: &str, name: &str) -> Result<Id> {
    if names::key(name).is_empty() {
        return Err(Message::Required {
            field: field.to_string(),
        }
        .into());
    }
    match find_id(conn, kind, name)? {
        Some(id) => Ok(id),
        None => Err(unknown(kind, field, name, &list_names(conn, kind)?)),
    }
}

/// The "unknown X, did you mean …" error.
pub fn unknown(kind: Kind, field: &str, name: &str, candidates: &[String]) -> crate::Error {
    Message::Unknown {
        kind,
        field: field.to_string(),
        value: name.to_string(),
        suggestions: names::suggest(name, candidates.iter().map(String::as_str), 3),
    }
    .into()
}

/// Inserts a row with this name and returns its id; a taken name is a conflict.
/// Only for tables whose other columns all have defaults (area, partner).
pub fn insert(conn: &Connection, kind: Kind, field: &str, name: &str) -> Result<Id> {
    let clean = validated_name(field, name)?;
    if find_id(conn, kind, &clean)?.is_some() {
        return Err(Message::Duplicate { kind, name: clean }.into());
    }
    let sql = format!(
        "INSERT INTO {} (name, name_key, created_at) VALUES (?1, ?2, ?3)",
        table(kind)
    );
    conn.execute(&sql, params![clean, names::key(&clean), super::now()])?;
    Ok(conn.last_insert_rowid())
}

/// A name cleaned of stray whitespace, or an error if nothing is left or it is too long.
pub fn validated_name(field: &str, name: &str) -> Result<String> {
    let clean = names::clean(name);
    if clean.is_empty() || clean.chars().count() > 200 {
        return Err(Message::Required {
            field: field.to_string(),
        }
        .into());
    }
    Ok(clean)
}

/// The name of the row with this id.
pub fn get_name(conn: &Connection, kind: Kind, id: Id) -> Result<String> {
    let sql = format!("SELECT name FROM {} WHERE id = ?1", table(kind));
    Ok(conn.query_row(&sql, [id], |r| r.get(0))?)
}

/// Every row of this kind as id → name.
pub fn id_names(conn: &Connection, kind: Kind) -> Result<std::collections::HashMap<Id, String>> {
    let sql = format!("SELECT id, name FROM {}", table(kind));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every key a text can be matched by (`name_key`, and for places their aliases) → id:
/// what an import resolves partner, place and category texts against, in one read.
pub fn key_ids(conn: &Connection, kind: Kind) -> Result<Vec<(String, Id)>> {
    let sql = match kind {
        Kind::Place => {
            "SELECT name_key, id FROM place UNION ALL SELECT alias_key, place_id FROM place_alias"
        }
        // The category map works from the names in the list's order (see import::categories).
        Kind::Category => "SELECT name, id FROM category ORDER BY sort_order",
        Kind::Area => "SELECT name_key, id FROM area",
        Kind::Partner => "SELECT name_key, id FROM partner",
    };
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Renames the row called `name` of this kind; its reports follow. A name another row
/// of the kind holds (for places also as another spelling) is a conflict; the row's own
/// name in another case or spacing is a plain rename.
pub fn rename(conn: &Connection, kind: Kind, name: &str, new_name: &str) -> Result<()> {
    let id = get_id(conn, kind, field::NAME, name)?;
    let clean = validated_name(field::NAME, new_name)?;
    let taken = match kind {
        Kind::Place => super::place::find_place_id(conn, &clean)?,
        _ => find_id(conn, kind, &clean)?,
    };
    if taken.is_some_and(|other| other != id) {
        return Err(Message::Duplicate { kind, name: clean }.into());
    }
    let sql = format!(
        "UPDATE {} SET name = ?1, name_key = ?2 WHERE id = ?3",
        table(kind)
    );
    conn.execute(&sql, params![clean, names::key(&clean), id])?;
    Ok(())
}

/// Retires (`false`) or restores (`true`) the row called `name`: a retired one leaves
/// the lists a user picks from; its reports and history stay.
pub fn set_active(conn: &Connection, kind: Kind, name: &str, active: bool) -> Result<()> {
    let id = get_id(conn, kind, field::NAME, name)?;
    let sql = format!("UPDATE {} SET active = ?1 WHERE id = ?2", table(kind));
    conn.execute(&sql, params![active, id])?;
    Ok(())
}
