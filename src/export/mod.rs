//! Everything that leaves the machine as a file: CSV now; XLSX and PDF build on it.

pub mod csv;
pub mod lagesbild;
pub mod pdf;
pub mod tables;
pub mod xlsx;

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Store;
use crate::db::report::ReportFilter;
use crate::error::{Error, Result};
use crate::picture::{Period, Picture};

/// Which picture to export: the live one for a period, or a frozen one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "type")]
#[ts(export)]
pub enum PictureSource {
    Period {
        period: Period,
    },
    Snapshot {
        #[serde(with = "crate::ids::string")]
        #[ts(type = "string")]
        id: i64,
    },
}

/// File formats for tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TableFormat {
    Csv,
    Xlsx,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportDone {
    pub path: String,
    pub bytes: u32,
    pub partner_safe: bool,
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub log_id: i64,
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn unix_of(rfc3339: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|d| d.timestamp())
}

impl Store {
    fn resolve_picture(&self, source: &PictureSource) -> Result<Picture> {
        match source {
            PictureSource::Period { period } => self.picture(period),
            PictureSource::Snapshot { id } => self.saved_picture(*id),
        }
    }

    fn finish_export(
        &self,
        path: &Path,
        kind: &str,
        filters: serde_json::Value,
        recipient: Option<&str>,
        safe: bool,
    ) -> Result<ExportDone> {
        let bytes = std::fs::metadata(path)
            .map_err(|e| Error::io(path, e))?
            .len();
        let log_id = crate::db::export_log::insert_export(
            self.conn(),
            kind,
            &file_name(path),
            &filters,
            recipient,
            safe,
        )?;
        Ok(ExportDone {
            path: path.display().to_string(),
            bytes: u32::try_from(bytes).unwrap_or(u32::MAX),
            partner_safe: safe,
            log_id,
        })
    }

    /// The situation picture as a PDF. A frozen picture carries its freeze time, so it
    /// exports to the same document whenever it is exported again.
    pub fn export_picture_pdf(
        &self,
        source: &PictureSource,
        path: &Path,
        recipient: Option<&str>,
    ) -> Result<ExportDone> {
        let picture = self.resolve_picture(source)?;
        let municipality =
            crate::db::setting::get_setting(self.conn(), crate::db::setting::MUNICIPALITY)?
                .unwrap_or_default();
        let created = picture
            .snapshot
            .as_ref()
            .and_then(|s| unix_of(&s.created_at))
            .or_else(|| unix_of(&picture.generated_at))
            .unwrap_or(0);
        let document = lagesbild::document(&picture, &municipality, created);
        let bytes = pdf::render(&document)?;
        std::fs::write(path, bytes).map_err(|e| Error::io(path, e))?;
        self.finish_export(
            path,
            "pdf lägesbild",
            serde_json::to_value(source).unwrap_or_default(),
            recipient,
            false,
        )
    }

    /// Reports as CSV or XLSX; partner-safe (aggregates, `<3`, no text) when `safe`.
    pub fn export_reports(
        &self,
        filter: &ReportFilter,
        format: TableFormat,
        path: &Path,
        recipient: Option<&str>,
        safe: bool,
    ) -> Result<ExportDone> {
        let list = self
            .reports(&ReportFilter {
                limit: None,
                ..filter.clone()
            })?
            .reports;
        let table = tables::reports(&list, safe);
        self.write_table(&table, format, path, "Rapporter")?;
        let filters = serde_json::json!({
            "from": filter.from, "to": filter.to, "place": filter.place, "area": filter.area,
            "category": filter.category, "partner": filter.partner,
        });
        self.finish_export(
            path,
            &format!("{} rapporter", kind_of(format)),
            filters,
            recipient,
            safe,
        )
    }

    /// The picture's area × category table as CSV or XLSX.
    pub fn export_picture_table(
        &self,
        source: &PictureSource,
        format: TableFormat,
        path: &Path,
        recipient: Option<&str>,
        safe: bool,
    ) -> Result<ExportDone> {
        let picture = self.resolve_picture(source)?;
        let table = tables::picture(&picture, safe);
        self.write_table(&table, format, path, "Lägesbild")?;
        self.finish_export(
            path,
            &format!("{} lägesbild", kind_of(format)),
            serde_json::to_value(source).unwrap_or_default(),
            recipient,
            safe,
        )
    }

    fn write_table(
        &self,
        table: &tables::ExportTable,
        format: TableFormat,
        path: &Path,
        sheet: &str,
    ) -> Result<()> {
        match format {
            TableFormat::Csv => {
                let rows: Vec<Vec<String>> = table
                    .rows
                    .iter()
                    .map(|r| r.iter().map(tables::Cell::as_text).collect())
                    .collect();
                csv::write_file(
                    path,
                    &table.header,
                    rows.iter().map(|r| r.iter().map(String::as_str)),
                )
            }
            TableFormat::Xlsx => xlsx::write_file(path, sheet, table),
        }
    }

    pub fn exports(&self) -> Result<Vec<crate::db::export_log::ExportEntry>> {
        crate::db::export_log::list_exports(self.conn())
    }
}

fn kind_of(f: TableFormat) -> &'static str {
    match f {
        TableFormat::Csv => "csv",
        TableFormat::Xlsx => "xlsx",
    }
}
