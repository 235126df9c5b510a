//! The situation picture (lägesbild): what happened, where, and whether it rose.
//!
//! For a period it counts reports (a report's `count`, so three broken windows count
//! three) per area and category, down to places; compares each with the previous
//! period and a baseline (the mean of the 8 previous periods of the same length) and
//! flags rises unlikely to be noise ([`stats`]). It adds the weekday × hour pattern,
//! the hotspots, the partners who reported, the unplaced reports and a 12-period
//! trend, and the coordinator's assessment ([`assessment`]). A picture can be frozen
//! ([`snapshot`]) exactly as presented.

pub mod assessment;
pub mod compute;
pub mod period;
pub mod snapshot;
pub mod stats;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use assessment::{AnalysisPart, AreaStatus, Assessment, SCALE};
pub use period::{Period, PeriodKind, PeriodQuery};

/// One category's count in an area (or the whole municipality).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CategoryCount {
    pub category: String,
    pub count: u32,
    pub previous: u32,
    /// Mean of the earlier periods with data (at most 8; see
    /// [`Picture::baseline_periods`]), one decimal.
    pub baseline: f64,
    /// `count − previous`.
    #[ts(type = "number")]
    pub change: i64,
    /// A rise over the baseline that is unlikely to be noise (Poisson, p < 0.05); the
    /// same as `deviation == rise`, kept for the JSON's readers.
    pub flagged: bool,
    /// The rise's p-value (for a fall, the fall's).
    pub p_value: f64,
    /// A clear departure from the normal level (the baseline), either way.
    #[serde(default)]
    pub deviation: Deviation,
}

/// A count's clear departure from its normal level (one-sided Poisson tests, p < 0.05;
/// none with fewer than 3 periods of history).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Deviation {
    #[default]
    None,
    /// Tydlig ökning.
    Rise,
    /// Tydlig minskning.
    Fall,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlaceCount {
    pub place: String,
    pub area: Option<String>,
    pub count: u32,
    pub previous: u32,
    /// What happened there this period: its categories, most first (at most 3).
    #[serde(default)]
    pub top: Vec<CategoryShare>,
}

/// A category's count at a place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CategoryShare {
    pub category: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AreaPicture {
    pub area: String,
    /// The coordinator's status (grön / gul / röd), if set.
    pub status: Option<String>,
    pub justification: Option<String>,
    pub total: u32,
    pub previous: u32,
    pub baseline: f64,
    pub flagged: bool,
    pub categories: Vec<CategoryCount>,
    pub places: Vec<PlaceCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartnerCount {
    pub partner: String,
    pub reports: u32,
    pub count: u32,
    /// The partner said it had nothing to report for the period ("inga händelser"):
    /// a zero, not a silence. (Absent in pictures frozen before schema 12.)
    #[serde(default)]
    pub nothing_to_report: bool,
}

/// Reports by weekday (Monday first) and hour; reports without a time are counted apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Pattern {
    pub weekdays: Vec<String>,
    /// `counts[weekday][hour]`.
    pub counts: Vec<Vec<u32>>,
    pub untimed: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrendPoint {
    pub label: String,
    pub from: String,
    pub to: String,
    pub total: u32,
}

/// A frozen picture's identity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SnapshotInfo {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: i64,
    pub title: String,
    pub created_at: String,
}

/// The situation picture for one period. `picture --json` prints this.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Picture {
    pub from: String,
    pub to: String,
    pub period: Period,
    /// "vecka 47 2026".
    pub label: String,
    pub total: u32,
    pub previous_total: u32,
    pub baseline_total: f64,
    /// How many earlier periods the baseline averages: at most 8, only periods from the
    /// database's first report on. Below 3 nothing is flagged ("för kort historik").
    /// (Pictures frozen before this was counted read as 8.)
    #[serde(default = "eight")]
    pub baseline_periods: u32,
    /// Confirmed pairs of reports about the same incident in this period, each counted
    /// once in every total above (both reports stay in `reports` and with their partners).
    #[serde(default)]
    pub merged: u32,
    /// Reports with no place (and so no area), by their count.
    pub unplaced: u32,
    pub reports: u32,
    pub areas: Vec<AreaPicture>,
    /// All areas together, per category.
    pub categories: Vec<CategoryCount>,
    /// The places with the most, at most ten.
    pub hotspots: Vec<PlaceCount>,
    pub partners: Vec<PartnerCount>,
    pub pattern: Pattern,
    /// Twelve periods, oldest first, the last being this one.
    pub trend: Vec<TrendPoint>,
    pub assessment: Assessment,
    /// The status scale, best first.
    pub scale: Vec<String>,
    pub generated_at: String,
    pub snapshot: Option<SnapshotInfo>,
    /// The same period a year earlier, where the reports reach back that far.
    #[serde(default)]
    pub last_year: Option<LastYear>,
    /// The shape of this JSON: [`PICTURE_FORMAT`] now; a frozen picture without the
    /// field was saved in format 1 (November 2026) and still opens.
    #[serde(default = "first_format")]
    pub format_version: u32,
}

/// The same period a year earlier: its dates, its total and each area's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LastYear {
    pub from: String,
    pub to: String,
    pub total: u32,
    pub areas: Vec<AreaTotal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AreaTotal {
    pub area: String,
    pub total: u32,
}

/// The format of a picture's JSON, as frozen pictures store it. Raise it when a field
/// changes meaning; a new field with a default keeps old pictures readable.
pub const PICTURE_FORMAT: u32 = 2;

fn eight() -> u32 {
    compute::BASELINE_PERIODS
}

fn first_format() -> u32 {
    1
}
