//! The operations the app and the CLI both call: one user action, one transaction.
//!
//! Each method validates, writes or reads, and returns plain data; the two doors
//! only translate arguments and print or serialise the result.

use chrono::NaiveDate;

use crate::Store;
use crate::db::area::{self, Area};
use crate::db::category::{self, Category};
use crate::db::import_batch;
use crate::db::partner::{self, Partner};
use crate::db::place::{self, NewPlace, Place, PlaceAdded};
use crate::db::report::{self, NewReport, Report, ReportFilter, ReportPage};
use crate::demo::{self, DemoSummary};
use crate::error::Result;
use crate::ids::Id;

/// What the app shows about the open database.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    pub db_path: String,
    pub schema_version: i64,
    pub reports: u32,
    pub places: u32,
    pub version: String,
    /// Where the pre-upgrade copy went, when opening upgraded the database.
    pub backup: Option<String>,
}

impl Store {
    pub fn info(&self) -> Result<AppInfo> {
        let places = u32::try_from(place::count_places(self.conn())?).unwrap_or(u32::MAX);
        Ok(AppInfo {
            db_path: self.path().display().to_string(),
            schema_version: self.schema_version()?,
            reports: u32::try_from(self.report_count()?).unwrap_or(u32::MAX),
            places,
            version: env!("CARGO_PKG_VERSION").to_string(),
            backup: self.backup().map(|b| b.display().to_string()),
        })
    }

    pub fn add_area(&mut self, name: &str) -> Result<Id> {
        self.write(|tx| {
            let id = area::insert_area(tx, name)?;
            Ok(id)
        })
    }

    pub fn areas(&self) -> Result<Vec<Area>> {
        area::list_areas(self.conn())
    }

    pub fn add_place(&mut self, new: &NewPlace) -> Result<PlaceAdded> {
        self.write(|tx| {
            let added = place::insert_place(tx, new)?;
            Ok(added)
        })
    }

    /// Adds `alias` as another name for the place called (or aliased) `place`, and
    /// places the unplaced reports whose text it is; returns how many were placed.
    pub fn add_alias(&mut self, place: &str, alias: &str) -> Result<u32> {
        self.write(|tx| {
            let id = place::get_place_id(tx, place)?;
            place::insert_alias(tx, id, alias)?;
            let placed = place::resolve_unplaced(tx, id, alias)?;
            Ok(placed)
        })
    }

    /// The unplaced queue (see [`place::list_unplaced`]).
    pub fn unplaced(&self) -> Result<Vec<crate::import::UnplacedText>> {
        place::list_unplaced(self.conn())
    }

    pub fn imports(&self) -> Result<Vec<import_batch::Batch>> {
        import_batch::list_batches(self.conn())
    }

    /// Undoes an import: its reports go, the batch stays in the log marked undone.
    pub fn undo_import(&mut self, batch: Id) -> Result<u32> {
        self.write(|tx| {
            let n = import_batch::undo_batch(tx, batch)?;
            Ok(n)
        })
    }

    /// The rows an import skipped: (line, reason, raw row).
    pub fn rejected_rows(&self, batch: Id) -> Result<Vec<(u64, String, String)>> {
        import_batch::list_rejected(self.conn(), batch)
    }

    /// Writes the rows an import skipped as a CSV (line, reason, the row as read);
    /// returns how many.
    pub fn write_rejected_csv(&self, batch: Id, path: &std::path::Path) -> Result<u32> {
        let rows = self.rejected_rows(batch)?;
        let lines: Vec<String> = rows.iter().map(|(l, _, _)| l.to_string()).collect();
        crate::export::csv::write_file(
            path,
            &["Rad", "Orsak", "Raden"],
            rows.iter()
                .zip(&lines)
                .map(|((_, reason, raw), line)| [line.as_str(), reason.as_str(), raw.as_str()]),
        )?;
        Ok(rows.len() as u32)
    }

    pub fn places(&self) -> Result<Vec<Place>> {
        place::list_places(self.conn())
    }

    pub fn add_partner(&mut self, name: &str) -> Result<Id> {
        self.write(|tx| {
            let id = partner::insert_partner(tx, name)?;
            Ok(id)
        })
    }

    pub fn partners(&self) -> Result<Vec<Partner>> {
        partner::list_partners(self.conn())
    }

    pub fn categories(&self) -> Result<Vec<Category>> {
        category::list_categories(self.conn())
    }

    pub fn add_category(&mut self, name: &str) -> Result<Id> {
        self.write(|tx| {
            let id = category::insert_category(tx, name)?;
            Ok(id)
        })
    }

    pub fn rename_category(&mut self, name: &str, new_name: &str) -> Result<()> {
        self.write(|tx| {
            category::update_category_name(tx, name, new_name)?;
            Ok(())
        })
    }

    pub fn set_category_active(&mut self, name: &str, active: bool) -> Result<()> {
        self.write(|tx| {
            category::update_category_active(tx, name, active)?;
            Ok(())
        })
    }

    /// Adds a report and returns it as stored.
    pub fn add_report(&mut self, new: &NewReport) -> Result<Report> {
        self.write(|tx| {
            let id = report::insert_report(tx, new)?;
            let stored = report::get_report(tx, id)?;
            Ok(stored)
        })
    }

    pub fn reports(&self, filter: &ReportFilter) -> Result<ReportPage> {
        report::list_reports(self.conn(), filter)
    }

    pub fn report_count(&self) -> Result<i64> {
        report::count_reports(self.conn())
    }

    /// Fills an empty database with the demo municipality (see [`crate::demo`]).
    pub fn load_demo(&mut self, weeks: u32, end: NaiveDate) -> Result<DemoSummary> {
        demo::load_demo(self, weeks, end)
    }
}

impl Store {
    /// The situation picture for a period (see [`crate::picture`]).
    pub fn picture(&self, period: &crate::picture::Period) -> Result<crate::picture::Picture> {
        crate::picture::compute::compute(self.conn(), period)
    }

    /// Sets an area's status for a period, with its justification.
    pub fn set_area_status(
        &mut self,
        period: &crate::picture::Period,
        area: &str,
        status: &str,
        justification: &str,
    ) -> Result<()> {
        self.write(|tx| {
            crate::picture::assessment::set_status(tx, period, area, status, justification)?;
            Ok(())
        })
    }

    /// Sets one of the three analysis texts for a period.
    pub fn set_analysis(
        &mut self,
        period: &crate::picture::Period,
        part: crate::picture::AnalysisPart,
        text: &str,
    ) -> Result<()> {
        self.write(|tx| {
            crate::picture::assessment::set_text(tx, period, part, text)?;
            Ok(())
        })
    }

    /// Freezes the picture for a period as it is now.
    pub fn save_picture(
        &mut self,
        period: &crate::picture::Period,
        title: Option<&str>,
    ) -> Result<crate::picture::Picture> {
        let picture = self.picture(period)?;
        let title = title
            .map(str::to_string)
            .unwrap_or_else(|| format!("Lägesbild {}", picture.label));
        self.write(|tx| {
            let saved = crate::picture::snapshot::insert_snapshot(tx, picture, &title)?;
            Ok(saved)
        })
    }

    pub fn saved_pictures(&self) -> Result<Vec<crate::picture::snapshot::SnapshotListItem>> {
        crate::picture::snapshot::list_snapshots(self.conn())
    }

    pub fn saved_picture(&self, id: i64) -> Result<crate::picture::Picture> {
        crate::picture::snapshot::get_snapshot(self.conn(), id)
    }
}
