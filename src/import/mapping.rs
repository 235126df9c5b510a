//! Which column is which field, found from Swedish headers, and which row is the header.
//!
//! Partners name their columns in many ways (Datum, Händelsedatum, Tid, Klockslag,
//! Händelse, Typ, Plats, Adress, Område, Beskrivning, Antal, …). A header row is
//! the first row that names at least two known fields, or else the first row as wide
//! as the data under it; title rows above it and notes below the data are skipped
//! and listed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::dates::DayOrder;
use crate::names;

/// A report field a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Field {
    Date,
    Time,
    DateTime,
    Place,
    Area,
    Category,
    Partner,
    Count,
    Description,
    Assessment,
    ExternalId,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Date,
        Field::Time,
        Field::DateTime,
        Field::Place,
        Field::Area,
        Field::Category,
        Field::Partner,
        Field::Count,
        Field::Description,
        Field::Assessment,
        Field::ExternalId,
    ];

    /// The Swedish name shown in the mapping editor and in messages.
    pub fn sv(self) -> &'static str {
        match self {
            Field::Date => "Datum",
            Field::Time => "Tid",
            Field::DateTime => "Datum och tid",
            Field::Place => "Plats",
            Field::Area => "Område",
            Field::Category => "Kategori",
            Field::Partner => "Aktör",
            Field::Count => "Antal",
            Field::Description => "Beskrivning",
            Field::Assessment => "Bedömning",
            Field::ExternalId => "Id",
        }
    }

    /// Parses a field name as a user or the CLI writes it (Swedish or English).
    pub fn parse(s: &str) -> Option<Field> {
        let k = names::key(s);
        Field::ALL
            .into_iter()
            .find(|f| names::key(f.sv()) == k || names::key(&format!("{f:?}")) == k)
    }
}

/// Header texts (as keys) that name a field.
const SYNONYMS: &[(&str, Field)] = &[
    ("datum", Field::Date),
    ("händelsedatum", Field::Date),
    ("dag", Field::Date),
    ("date", Field::Date),
    ("inträffade", Field::Date),
    ("datum för händelsen", Field::Date),
    ("tid", Field::Time),
    ("klockslag", Field::Time),
    ("klockan", Field::Time),
    ("kl", Field::Time),
    ("kl.", Field::Time),
    ("time", Field::Time),
    ("tidpunkt", Field::DateTime),
    ("datum och tid", Field::DateTime),
    ("datum/tid", Field::DateTime),
    ("datum tid", Field::DateTime),
    ("datetime", Field::DateTime),
    ("händelsetid", Field::DateTime),
    ("plats", Field::Place),
    ("adress", Field::Place),
    ("gatuadress", Field::Place),
    ("plats/adress", Field::Place),
    ("händelseplats", Field::Place),
    ("location", Field::Place),
    ("hållplats", Field::Place),
    ("gata", Field::Place),
    ("adress/plats", Field::Place),
    ("var", Field::Place),
    ("område", Field::Area),
    ("stadsdel", Field::Area),
    ("bostadsområde", Field::Area),
    ("kommundel", Field::Area),
    ("area", Field::Area),
    ("kategori", Field::Category),
    ("händelse", Field::Category),
    ("händelsetyp", Field::Category),
    ("typ", Field::Category),
    ("typ av händelse", Field::Category),
    ("brottstyp", Field::Category),
    ("type", Field::Category),
    ("category", Field::Category),
    ("aktör", Field::Partner),
    ("rapportör", Field::Partner),
    ("organisation", Field::Partner),
    ("inrapporterad av", Field::Partner),
    ("partner", Field::Partner),
    ("antal", Field::Count),
    ("antal händelser", Field::Count),
    ("count", Field::Count),
    ("beskrivning", Field::Description),
    ("kommentar", Field::Description),
    ("fritext", Field::Description),
    ("text", Field::Description),
    ("händelsebeskrivning", Field::Description),
    ("sammanfattning", Field::Description),
    ("notering", Field::Description),
    ("summary", Field::Description),
    ("description", Field::Description),
    ("bedömning", Field::Assessment),
    ("allvarlighetsgrad", Field::Assessment),
    ("allvarlighet", Field::Assessment),
    ("prioritet", Field::Assessment),
    ("id", Field::ExternalId),
    ("ärendenummer", Field::ExternalId),
    ("ärende", Field::ExternalId),
    ("diarienummer", Field::ExternalId),
    ("referens", Field::ExternalId),
    ("löpnummer", Field::ExternalId),
];

/// The field a header text names, if it is a known one.
pub fn suggest(header: &str) -> Option<Field> {
    let k = names::key(header);
    let k = k.trim_matches(|c: char| c == ':' || c == '*' || c.is_whitespace());
    SYNONYMS.iter().find(|(s, _)| *s == k).map(|(_, f)| *f)
}

/// Column index → field, with at most one column per field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub columns: BTreeMap<usize, Field>,
}

impl Mapping {
    /// The suggested mapping for a header: the first column naming a field wins it.
    pub fn suggest(header: &[String]) -> Mapping {
        let mut columns = BTreeMap::new();
        let mut taken = Vec::new();
        for (i, h) in header.iter().enumerate() {
            if let Some(f) = suggest(h)
                && !taken.contains(&f)
            {
                taken.push(f);
                columns.insert(i, f);
            }
        }
        Mapping { columns }
    }

    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, f)| **f == field)
            .map(|(c, _)| *c)
    }

    /// Maps a header name to a field, replacing what either had.
    pub fn set(&mut self, col: usize, field: Field) {
        self.columns.retain(|c, f| *c != col && *f != field);
        self.columns.insert(col, field);
    }
}

/// The file shape a profile is for: the normalised header texts, in order.
pub fn signature(header: &[String]) -> String {
    header
        .iter()
        .map(|h| names::key(h))
        .filter(|h| !h.is_empty())
        .collect::<Vec<_>>()
        .join("|")
}

fn non_empty(row: &[String]) -> usize {
    row.iter().filter(|c| !c.trim().is_empty()).count()
}

fn looks_like_data(cell: &str) -> bool {
    let c = cell.trim();
    !c.is_empty()
        && (c.parse::<f64>().is_ok() || super::dates::parse(c, DayOrder::DayMonth).is_some())
}

/// Index of the header row among the first rows of a file, if any.
pub fn find_header(rows: &[Vec<String>]) -> Option<usize> {
    // A row that names two known fields is the header.
    if let Some(i) = rows
        .iter()
        .position(|r| r.iter().filter(|c| suggest(c).is_some()).count() >= 2)
    {
        return Some(i);
    }
    // Otherwise: the first row of text with at least two cells, about as wide as the rows below.
    for (i, r) in rows.iter().enumerate() {
        let n = non_empty(r);
        if n < 2 || r.iter().any(|c| looks_like_data(c)) {
            continue;
        }
        let below: Vec<usize> = rows[i + 1..]
            .iter()
            .take(5)
            .map(|r| non_empty(r))
            .filter(|n| *n > 0)
            .collect();
        let widest = below.iter().copied().max().unwrap_or(n);
        if n * 2 >= widest {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn suggests_fields_from_swedish_headers() {
        let h = row(&[
            "Datum",
            "Klockslag",
            "Händelsetyp",
            "Adress",
            "Område",
            "Beskrivning",
            "Antal",
            "Ärendenummer",
            "Okänt",
        ]);
        let m = Mapping::suggest(&h);
        assert_eq!(m.column(Field::Date), Some(0));
        assert_eq!(m.column(Field::Time), Some(1));
        assert_eq!(m.column(Field::Category), Some(2));
        assert_eq!(m.column(Field::Place), Some(3));
        assert_eq!(m.column(Field::Area), Some(4));
        assert_eq!(m.column(Field::Description), Some(5));
        assert_eq!(m.column(Field::Count), Some(6));
        assert_eq!(m.column(Field::ExternalId), Some(7));
        assert_eq!(m.columns.len(), 8);
        assert_eq!(suggest(" DATUM: "), Some(Field::Date));
        assert_eq!(Field::parse("plats"), Some(Field::Place));
        assert_eq!(Field::parse("externalId"), Some(Field::ExternalId));
    }

    #[test]
    fn finds_the_header_under_title_rows() {
        let rows = vec![
            row(&["Rapport vecka 47 – Bostadsbolaget", "", ""]),
            row(&["", "", ""]),
            row(&["Datum", "Plats", "Händelse"]),
            row(&["2026-11-18", "Torget", "Klotter"]),
        ];
        assert_eq!(find_header(&rows), Some(2));
        let unnamed = vec![
            row(&["Vecka 47"]),
            row(&["När", "Var", "Vad"]),
            row(&["2026-11-18", "Torget", "Klotter"]),
        ];
        assert_eq!(find_header(&unnamed), Some(1));
        let no_header = vec![row(&["2026-11-18", "Torget", "Klotter"])];
        assert_eq!(find_header(&no_header), None);
    }
}
