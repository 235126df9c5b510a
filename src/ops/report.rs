//! Reports typed by a user, listed and counted.

use crate::Store;
use crate::db::report::{self, NewReport, Report, ReportFilter, ReportPage};
use crate::error::Result;
use crate::import::pii;

/// Adds a report and returns it as stored. Personnummer and phone numbers in its free
/// text and assessment are masked, as in an import: a form is one more way text enters.
pub fn add(store: &mut Store, new: &NewReport) -> Result<Report> {
    let masked = NewReport {
        text: new.text.as_deref().map(|t| pii::mask(t).0),
        assessment: new.assessment.as_deref().map(|a| pii::mask(a).0),
        ..new.clone()
    };
    store.write(|tx| {
        let id = report::insert_report(tx, &masked)?;
        report::get_report(tx, id)
    })
}

pub fn list(store: &Store, filter: &ReportFilter) -> Result<ReportPage> {
    report::list_reports(store.conn(), filter)
}

pub fn count(store: &Store) -> Result<i64> {
    report::count_reports(store.conn())
}
