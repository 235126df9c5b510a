//! Other knowledge sources (schema 14) for the law's lägesbild: surveys, SCB's
//! medborgarundersökning, a school's own survey.

use rusqlite::{Connection, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::named;
use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Kind, Message, field};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewSource {
    /// "Trygghetsmätning 2026".
    pub title: String,
    /// Who made it: "SCB", "Polisen", "Norrbyskolan".
    #[serde(default)]
    pub source: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    #[serde(default)]
    pub summary: String,
    /// A key figure's label and value ("Känner sig otrygga på kvällen", "31 %").
    #[serde(default)]
    pub figure_label: String,
    #[serde(default)]
    pub figure_value: String,
    /// The area it concerns, if one.
    #[ts(optional)]
    pub area: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Source {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub title: String,
    pub source: String,
    pub date: String,
    pub summary: String,
    pub figure_label: String,
    pub figure_value: String,
    pub area: Option<String>,
}

pub fn insert_source(tx: &Transaction, s: &NewSource) -> Result<Id> {
    let title = named::validated_name(field::TITLE, &s.title)?;
    let date = crate::time::parse_date(field::DATE, &s.date)?.to_string();
    let area = match s.area.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => Some(named::get_id(tx, Kind::Area, field::AREA, a)?),
        None => None,
    };
    tx.execute(
        "INSERT INTO knowledge_source (title, source, dated, summary, figure_label, figure_value, area_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            title,
            s.source.trim(),
            date,
            s.summary.trim(),
            s.figure_label.trim(),
            s.figure_value.trim(),
            area,
            super::now()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Every source, newest first.
pub fn list_sources(conn: &Connection) -> Result<Vec<Source>> {
    let mut stmt = conn.prepare(
        "SELECT k.id, k.title, k.source, k.dated, k.summary, k.figure_label, k.figure_value, a.name
         FROM knowledge_source k LEFT JOIN area a ON a.id = k.area_id
         ORDER BY k.dated DESC, k.id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Source {
            id: r.get(0)?,
            title: r.get(1)?,
            source: r.get(2)?,
            date: r.get(3)?,
            summary: r.get(4)?,
            figure_label: r.get(5)?,
            figure_value: r.get(6)?,
            area: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn delete_source(tx: &Transaction, id: Id) -> Result<()> {
    if tx.execute("DELETE FROM knowledge_source WHERE id = ?1", [id])? == 0 {
        return Err(Message::SourceNotFound { id }.into());
    }
    Ok(())
}
