//! The police's open events (`/api/events` JSON) as rows.
//!
//! `datetime` is when the event was published, not when it happened; the incident
//! date and time open the `name`: `"20 april 10:27, Stöld, Luleå"` (2023) or
//! `"06 juni 18.50, …"` (2025). The year comes from `datetime`, moved back one when
//! a December incident is published in January. `type` is the source category,
//! `location.name` the source place, `id` and `url` the external reference.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::dates::{self, DayOrder};
use crate::error::{Error, Result};
use crate::messages::{Message, Refusal};

#[derive(Deserialize)]
struct Event {
    id: serde_json::Value,
    #[serde(default)]
    datetime: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    url: String,
    #[serde(default, rename = "type")]
    kind: String,
    #[serde(default)]
    location: Option<Location>,
}

#[derive(Deserialize)]
struct Location {
    #[serde(default)]
    name: String,
}

/// The header the rows come with; it maps itself through the usual suggestions.
pub const HEADER: &[&str] = &[
    "Id",
    "Datum",
    "Tid",
    "Publicerad",
    "Händelsetyp",
    "Plats",
    "Beskrivning",
    "Url",
];

/// The incident date and time from an event name, given the publication date.
pub fn incident_from_name(name: &str, published: NaiveDate) -> Option<dates::When> {
    let head = name.split(',').next()?.trim();
    let mut words = head.split_whitespace();
    let day: u32 = words.next()?.parse().ok()?;
    let month = dates::month_number(words.next()?)?;
    let time = words.next().and_then(dates::parse_time);
    let mut year = published.year();
    if month > published.month() + 6 {
        year -= 1;
    }
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some(dates::When { date, time })
}

/// Reads the file into rows under [`HEADER`]; line numbers are event positions (header = 1).
pub fn read(path: &Path, file: &str) -> Result<Vec<(u64, Vec<String>)>> {
    let text = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let events: Vec<Event> = serde_json::from_slice(&text).map_err(|e| {
        Error::from(Message::ImportRefused {
            file: file.to_string(),
            reason: Refusal::NotPoliceJson {
                detail: e.to_string(),
            },
        })
    })?;
    let mut rows = Vec::with_capacity(events.len() + 1);
    rows.push((1, HEADER.iter().map(|h| h.to_string()).collect()));
    for (i, ev) in events.into_iter().enumerate() {
        let id = match ev.id {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        let location = ev.location.map(|l| l.name).unwrap_or_default();
        rows.push((
            i as u64 + 2,
            cells(
                &id,
                &ev.datetime,
                &ev.name,
                &ev.summary,
                &ev.url,
                &ev.kind,
                &location,
            ),
        ));
    }
    Ok(rows)
}

/// One event as cells under [`HEADER`], with the incident time taken from its name.
pub fn cells(
    id: &str,
    datetime: &str,
    name: &str,
    summary: &str,
    url: &str,
    kind: &str,
    location: &str,
) -> Vec<String> {
    let published = dates::parse(datetime, DayOrder::DayMonth);
    let incident = published
        .and_then(|p| incident_from_name(name, p.date))
        .or(published);
    vec![
        id.to_string(),
        incident.map(|w| w.date.to_string()).unwrap_or_default(),
        incident
            .and_then(|w| w.time)
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default(),
        datetime.to_string(),
        kind.to_string(),
        location.to_string(),
        summary.to_string(),
        url.to_string(),
    ]
}

/// Where the police fields sit in a flattened export (CSV or sheet of the API's fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlatColumns {
    id: usize,
    datetime: usize,
    name: usize,
    summary: Option<usize>,
    url: Option<usize>,
    kind: usize,
    location: Option<usize>,
}

impl FlatColumns {
    /// Recognises a header with the API's field names (`id, datetime, name, type`, …).
    pub fn detect(header: &[String]) -> Option<FlatColumns> {
        let find = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.contains(&crate::names::key(h).as_str()))
        };
        Some(FlatColumns {
            id: find(&["id"])?,
            datetime: find(&["datetime"])?,
            name: find(&["name"])?,
            kind: find(&["type"])?,
            summary: find(&["summary"]),
            url: find(&["url"]),
            location: find(&["location_name", "location.name", "location"]),
        })
    }

    /// A flattened row as cells under [`HEADER`].
    pub fn cells(&self, rec: &csv::StringRecord) -> Vec<String> {
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("").trim();
        cells(
            get(Some(self.id)),
            get(Some(self.datetime)),
            get(Some(self.name)),
            get(self.summary),
            get(self.url),
            get(Some(self.kind)),
            get(self.location),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_both_time_formats_and_across_new_year() {
        let pubd = NaiveDate::from_ymd_opt(2023, 4, 25).unwrap();
        let w = incident_from_name("20 april 10:27, Stöld, Luleå", pubd).unwrap();
        assert_eq!(w.date, NaiveDate::from_ymd_opt(2023, 4, 20).unwrap());
        assert_eq!(w.time.unwrap().format("%H:%M").to_string(), "10:27");
        let w = incident_from_name(
            "06 juni 18.50, Brand, Örebro",
            NaiveDate::from_ymd_opt(2025, 6, 7).unwrap(),
        )
        .unwrap();
        assert_eq!(w.time.unwrap().format("%H:%M").to_string(), "18:50");
        let w = incident_from_name(
            "31 december 23:40, Rån, Malmö",
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        )
        .unwrap();
        assert_eq!(w.date, NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
        assert!(incident_from_name("Sammanfattning natt, Stockholm", pubd).is_none());
    }
}
