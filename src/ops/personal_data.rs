//! Personal data already stored: a database from before masking covered every column
//! (or imported with `--keep-personal-data`) is scanned, and masked on request.

use serde::Serialize;
use ts_rs::TS;

use crate::Store;
use crate::db::personal_data::{self, Column};
use crate::error::Result;
use crate::ids::Id;
use crate::pii;

/// What a scan found (and, with `masked`, replaced).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonalDataScan {
    /// Reports with at least one personnummer or phone number in a text column.
    pub reports: u32,
    /// Import problems and skipped rows that quote one.
    pub import_issues: u32,
    /// The other stored texts that hold one: insatser and follow-ups, meetings and
    /// decisions, walks and their points, promises, knowledge sources, status
    /// justifications, picture drafts and frozen pictures, the law's texts.
    pub other_texts: u32,
    pub personnummer: u32,
    pub phone: u32,
    /// Whether the texts were masked (else the scan only counted).
    pub masked: bool,
}

/// Scans every stored text (`Column::ALL`); with `mask`, replaces what it finds. The
/// texts are read and written back in one write transaction, so an edit made meanwhile
/// is neither overwritten nor missed.
pub fn scan(store: &mut Store, mask: bool) -> Result<PersonalDataScan> {
    let today = pii::today();
    store.write(|tx| {
        let mut result = PersonalDataScan {
            masked: mask,
            ..Default::default()
        };
        let mut reports = std::collections::BTreeSet::new();
        let mut issues = std::collections::BTreeSet::new();
        let mut others = std::collections::BTreeSet::new();
        for column in Column::ALL {
            let mut found: Vec<(Id, String)> = Vec::new();
            personal_data::for_each_text(tx, column, |id, text| {
                let (masked, f) = pii::mask_at(text, today);
                if !f.any() {
                    return;
                }
                // A JSON text stays JSON, or is left as it is.
                if column.is_json() && serde_json::from_str::<serde_json::Value>(&masked).is_err() {
                    return;
                }
                result.personnummer += f.personnummer as u32;
                result.phone += f.phone as u32;
                if column.is_report() {
                    reports.insert(id);
                } else if column.is_issue() {
                    issues.insert(id);
                } else {
                    others.insert((column.table(), id));
                }
                if mask {
                    found.push((id, masked));
                }
            })?;
            for (id, text) in &found {
                personal_data::update_text(tx, column, *id, text)?;
            }
        }
        result.reports = reports.len() as u32;
        result.import_issues = issues.len() as u32;
        result.other_texts = others.len() as u32;
        Ok(result)
    })
}
