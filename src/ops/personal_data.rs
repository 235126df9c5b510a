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
    pub personnummer: u32,
    pub phone: u32,
    /// Whether the texts were masked (else the scan only counted).
    pub masked: bool,
}

/// Scans every stored text; with `mask`, replaces what it finds, in one transaction.
pub fn scan(store: &mut Store, mask: bool) -> Result<PersonalDataScan> {
    let mut found: Vec<(Column, Id, String)> = Vec::new();
    let mut result = PersonalDataScan {
        masked: mask,
        ..Default::default()
    };
    let mut reports = std::collections::BTreeSet::new();
    let mut issues = std::collections::BTreeSet::new();
    for column in Column::ALL {
        personal_data::for_each_text(store.conn(), column, |id, text| {
            let f = pii::scan(text);
            if f.any() {
                result.personnummer += f.personnummer as u32;
                result.phone += f.phone as u32;
                if column.is_report() {
                    reports.insert(id);
                } else {
                    issues.insert(id);
                }
                if mask {
                    found.push((column, id, pii::mask(text).0));
                }
            }
        })?;
    }
    result.reports = reports.len() as u32;
    result.import_issues = issues.len() as u32;
    if mask && !found.is_empty() {
        store.write(|tx| {
            for (column, id, text) in &found {
                personal_data::update_text(tx, *column, *id, text)?;
            }
            Ok(())
        })?;
    }
    Ok(result)
}
