//! The coordinator's assessment of a period: a status per area with a one-line
//! justification, and the analysis in the three parts the law's guidance names
//! (kartläggning, annan information, analys av orsaker). Kept per period as a draft
//! until the picture is frozen.

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Period;
use crate::db::{area, picture_draft};
use crate::error::Result;
use crate::messages::Message;

/// The default status scale, best first.
pub const SCALE: &[&str] = &["grön", "gul", "röd"];

/// The status scale in use: the `status_scale` setting (comma-separated, best first,
/// at least two steps), else [`SCALE`].
pub fn scale(conn: &Connection) -> Result<Vec<String>> {
    let configured = crate::db::setting::get_setting(conn, crate::db::setting::STATUS_SCALE)?;
    let steps: Vec<String> = configured
        .unwrap_or_default()
        .split(',')
        .map(crate::names::key)
        .filter(|s| !s.is_empty())
        .collect();
    Ok(if steps.len() >= 2 {
        steps
    } else {
        SCALE.iter().map(|s| s.to_string()).collect()
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AreaStatus {
    pub area: String,
    pub status: String,
    pub justification: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Assessment {
    pub statuses: Vec<AreaStatus>,
    /// Kartläggning: omfattning och konsekvenser.
    pub kartlaggning: String,
    /// Annan information.
    pub annan_information: String,
    /// Analys av orsaker.
    pub analys: String,
}

/// The three analysis texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum AnalysisPart {
    Kartlaggning,
    AnnanInformation,
    Analys,
}

impl AnalysisPart {
    pub fn parse(s: &str) -> Option<AnalysisPart> {
        match crate::names::key(s).as_str() {
            "kartläggning" | "kartlaggning" => Some(AnalysisPart::Kartlaggning),
            "annan information" | "annan-information" | "annaninformation" => {
                Some(AnalysisPart::AnnanInformation)
            }
            "analys" | "analys av orsaker" => Some(AnalysisPart::Analys),
            _ => None,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            AnalysisPart::Kartlaggning => "Kartläggning: omfattning och konsekvenser",
            AnalysisPart::AnnanInformation => "Annan information",
            AnalysisPart::Analys => "Analys av orsaker",
        }
    }
}

pub fn get_assessment(conn: &Connection, p: &Period) -> Result<Assessment> {
    let data = picture_draft::find_draft(conn, &p.from.to_string(), &p.to.to_string())?;
    // A draft that cannot be read is an error, never an empty draft that the next
    // status would then overwrite: it is the coordinator's own writing.
    match data {
        None => Ok(Assessment::default()),
        Some(d) => serde_json::from_str(&d).map_err(|e| {
            Message::DraftUnreadable {
                period: p.label(),
                detail: e.to_string(),
            }
            .into()
        }),
    }
}

fn put(tx: &Transaction, p: &Period, a: &Assessment) -> Result<()> {
    let json = serde_json::to_string(a).unwrap_or_else(|_| "{}".into());
    picture_draft::upsert_draft(tx, &p.from.to_string(), &p.to.to_string(), &json)
}

/// Sets an area's status; the justification is required (one line). Returns what was
/// stored: the area's own name and the status as on the scale.
pub fn set_status(
    tx: &Transaction,
    p: &Period,
    area: &str,
    status: &str,
    justification: &str,
) -> Result<AreaStatus> {
    let area_name = crate::db::named::get_id(
        tx,
        crate::messages::Kind::Area,
        crate::messages::field::AREA,
        area,
    )
    .and_then(|id| area::get_area_name(tx, id))?;
    let status = crate::names::key(status);
    let steps = scale(tx)?;
    if !steps.contains(&status) {
        return Err(Message::InvalidStatus {
            value: status,
            scale: steps.join(", "),
        }
        .into());
    }
    // A justification is text that enters: masked like every other.
    let justification = crate::names::clean(&crate::pii::mask(justification).0);
    if justification.is_empty() {
        return Err(Message::Required {
            field: "Motivering".into(),
        }
        .into());
    }
    let mut a = get_assessment(tx, p)?;
    a.statuses
        .retain(|s| crate::names::key(&s.area) != crate::names::key(&area_name));
    let stored = AreaStatus {
        area: area_name,
        status,
        justification,
    };
    a.statuses.push(stored.clone());
    a.statuses.sort_by(|x, y| x.area.cmp(&y.area));
    put(tx, p, &a)?;
    // Every status given is kept, for the year's status history.
    crate::db::area_status::insert(
        tx,
        &stored.area,
        &p.from.to_string(),
        &p.to.to_string(),
        &stored.status,
        &stored.justification,
    )?;
    Ok(stored)
}

/// Sets one of the three analysis texts.
pub fn set_text(tx: &Transaction, p: &Period, part: AnalysisPart, text: &str) -> Result<()> {
    let mut a = get_assessment(tx, p)?;
    // An analysis is text that enters: masked like every other.
    let t = crate::pii::mask(text.trim()).0;
    match part {
        AnalysisPart::Kartlaggning => a.kartlaggning = t,
        AnalysisPart::AnnanInformation => a.annan_information = t,
        AnalysisPart::Analys => a.analys = t,
    }
    put(tx, p, &a)
}
