//! Everything that leaves the machine as a file: what is asked for ([`ExportRequest`]),
//! and the writers (CSV, XLSX, the PDF's three layers). `crate::ops::export` runs a
//! request against the store and logs it.

pub mod action_plan;
pub mod csv;
pub mod lagesbild;
pub mod law_picture;
pub mod meeting_pack;
pub mod partner;
pub mod pdf;
pub mod photo;
pub mod promise_doc;
pub mod release;
pub mod tables;
pub mod walk_protocol;
pub mod xlsx;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::report::ReportFilter;
use crate::error::Result;
use crate::messages::{Message, table};
use crate::picture::Period;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
}

impl TableFormat {
    /// The format a file name asks for by its extension (`.csv`, `.xlsx`, any case).
    pub fn of_path(path: &std::path::Path) -> Option<TableFormat> {
        match path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .as_deref()
        {
            Some("csv") => Some(TableFormat::Csv),
            Some("xlsx") => Some(TableFormat::Xlsx),
            _ => None,
        }
    }
}

/// The file formats Navet exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ExportFormat {
    Pdf,
    Csv,
    Xlsx,
}

impl ExportFormat {
    /// The file extension, also the format's name on the command line.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "pdf",
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    /// The table format, for CSV and XLSX.
    pub fn table(self) -> Option<TableFormat> {
        match self {
            ExportFormat::Pdf => None,
            ExportFormat::Csv => Some(TableFormat::Csv),
            ExportFormat::Xlsx => Some(TableFormat::Xlsx),
        }
    }
}

/// What is exported: a picture (live or frozen) or the reports a filter selects.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "type")]
#[ts(export)]
pub enum ExportSource {
    Picture {
        picture: PictureSource,
    },
    Reports {
        filter: ReportFilter,
        /// A partner's file per place rather than per area (a housing company acts per
        /// address); a partner's file filtered on one place always is.
        #[serde(default, rename = "byPlace")]
        by_place: bool,
    },
}

impl ExportSource {
    /// The words a user types for each source (`navet export csv reports`), by source.
    pub fn parse_kind(word: &str) -> Option<ExportKind> {
        match crate::names::key(word).as_str() {
            "reports" | "rapporter" => Some(ExportKind::Reports),
            "picture" | "lagesbild" | "lägesbild" => Some(ExportKind::Picture),
            _ => None,
        }
    }
}

/// The two kinds of [`ExportSource`], before their details are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Picture,
    Reports,
}

/// Who the file is for, which decides what it may hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "type")]
#[ts(export)]
pub enum Audience {
    /// The coordinator's own use: full detail.
    Internal,
    /// A partner: partner-safe (released weekly aggregates only, hidden counts `..`, no
    /// free text; see `release`).
    /// A named recipient must be a registered partner; it is logged.
    Partner {
        #[ts(optional)]
        name: Option<String>,
    },
    /// Full detail handed to a named partner on purpose; logged as such.
    PartnerFull { name: String },
}

impl Audience {
    /// The audience the doors' recipient field and two switches mean: a recipient makes
    /// a file partner-safe unless `full`; `partner_safe` makes it so with no recipient.
    pub fn from_recipient(recipient: Option<String>, partner_safe: bool, full: bool) -> Audience {
        let recipient = recipient
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty());
        match (recipient, full) {
            (Some(name), true) => Audience::PartnerFull { name },
            (Some(name), false) => Audience::Partner { name: Some(name) },
            (None, _) if partner_safe && !full => Audience::Partner { name: None },
            (None, _) => Audience::Internal,
        }
    }

    /// The recipient the export log records.
    pub fn recipient(&self) -> Option<&str> {
        match self {
            Audience::Internal => None,
            Audience::Partner { name } => name.as_deref(),
            Audience::PartnerFull { name } => Some(name),
        }
    }
}

/// One export, as both doors ask for it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportRequest {
    pub source: ExportSource,
    pub format: ExportFormat,
    pub audience: Audience,
    /// For a partner's lägesbild PDF: include the coordinator's analysis texts (the one
    /// free text a partner-safe file may carry, and only when chosen).
    #[serde(default)]
    #[ts(optional)]
    pub with_analysis: Option<bool>,
}

impl ExportRequest {
    /// Refuses what Navet does not export (a PDF of reports).
    pub fn check(&self) -> Result<()> {
        if let (ExportSource::Reports { .. }, ExportFormat::Pdf) = (&self.source, self.format) {
            return Err(Message::ReportsAsPdf.into());
        }
        Ok(())
    }

    /// Whether the file is partner-safe: every file for a partner (unless the
    /// coordinator chose the full version), the lägesbild PDF included.
    pub fn partner_safe(&self) -> bool {
        matches!(self.audience, Audience::Partner { .. })
    }

    /// The file name to offer: `lägesbild-vecka-47-2026.pdf`, `rapporter.csv`.
    /// `picture_label` is the picture's label (see [`Period::label`]) for a picture.
    pub fn suggested_file_name(&self, picture_label: Option<&str>) -> String {
        let base = match (&self.source, picture_label) {
            (ExportSource::Picture { .. }, Some(label)) => lagesbild::words::title(label)
                .replace(' ', "-")
                .to_lowercase(),
            (ExportSource::Picture { .. }, None) => {
                lagesbild::words::HEADER_FALLBACK.to_lowercase()
            }
            (ExportSource::Reports { .. }, _) => table::REPORTS_SHEET.to_lowercase(),
        };
        format!("{base}.{}", self.format.extension())
    }

    /// Whether a partner's PDF carries the analysis texts.
    pub fn analysis_shared(&self) -> bool {
        self.with_analysis.unwrap_or(false)
    }

    /// The words the export log records as its kind: `pdf lägesbild`, `csv rapporter`.
    pub fn log_kind(&self) -> String {
        let what = match self.source {
            ExportSource::Picture { .. } => table::PICTURE_SHEET,
            ExportSource::Reports { .. } => table::REPORTS_SHEET,
        }
        .to_lowercase();
        format!("{} {what}", self.format.extension())
    }
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

/// Writes `bytes` to `path` so that the path holds either its old file or the whole new
/// one, never a part: a temporary file beside it, flushed to disk, then renamed over.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> crate::Result<()> {
    use std::io::Write;
    let dir = crate::db::folder_of(path);
    let mut builder = tempfile::Builder::new();
    // A file to hand on reads like any other the user saves (the temporary file would
    // otherwise keep its private 0600), or keeps the mode of the file it replaces.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| crate::Error::io(path, e))?;
    tmp.write_all(bytes)
        .map_err(|e| crate::Error::io(path, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| crate::Error::io(path, e))?;
    tmp.persist(path)
        .map_err(|e| crate::Error::io(path, e.error))?;
    Ok(())
}
