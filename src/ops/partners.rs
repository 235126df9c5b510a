//! Partners (aktörer): the organisations that send reports.

use crate::Store;
use crate::db::partner::{self, Partner};
use crate::error::Result;
use crate::ids::Id;

pub fn add(store: &mut Store, name: &str) -> Result<Id> {
    store.write(|tx| partner::insert_partner(tx, name))
}

pub fn list(store: &Store) -> Result<Vec<Partner>> {
    partner::list_partners(store.conn())
}

/// How often a partner is expected to report (every `days` days; none: no rhythm).
pub fn set_rhythm(store: &mut Store, name: &str, days: Option<u32>) -> Result<()> {
    store.write(|tx| partner::update_rhythm(tx, name, days))
}

/// A partner says it had nothing to report for `from`..=`to` ("inga händelser").
pub fn report_nothing(store: &mut Store, name: &str, from: &str, to: &str) -> Result<()> {
    let from = crate::time::parse_date(crate::messages::field::FROM, from)?;
    let to = crate::time::parse_date(crate::messages::field::TO, to)?;
    if to < from {
        return Err(crate::messages::Message::DateRange {
            from: from.to_string(),
            to: to.to_string(),
        }
        .into());
    }
    store.write(|tx| partner::insert_nil_report(tx, name, &from.to_string(), &to.to_string()))
}

/// A partner with a rhythm that has sent nothing (no report, no "inga händelser") for
/// longer than its rhythm.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LatePartner {
    pub partner: String,
    pub rhythm_days: u32,
    /// `YYYY-MM-DD`, none if it never sent anything.
    pub last_sent: Option<String>,
    /// Days past its rhythm (none if it never sent anything).
    pub days_late: Option<u32>,
}

pub fn late(store: &Store, today: chrono::NaiveDate) -> Result<Vec<LatePartner>> {
    Ok(partner::rhythms(store.conn())?
        .into_iter()
        .filter_map(|r| {
            let rhythm = r.rhythm_days?;
            let since = r
                .last_sent
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .map(|d| (today - d).num_days())
                .unwrap_or(i64::MAX);
            let late = since.saturating_sub(i64::from(rhythm));
            let never_sent = r.last_sent.is_none();
            (late > 0).then(|| LatePartner {
                partner: r.partner,
                rhythm_days: rhythm,
                last_sent: r.last_sent,
                days_late: (!never_sent).then(|| u32::try_from(late).unwrap_or(u32::MAX)),
            })
        })
        .collect())
}
