//! The stored texts that may hold personal data, for a scan of an older database, and
//! their masked replacements. Only texts with a digit are read: personnummer and phone
//! numbers have ten or more.

use rusqlite::{Connection, Transaction, params};

use crate::error::Result;
use crate::ids::Id;

/// Where a text is stored: a table's column, by row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    ReportText,
    ReportAssessment,
    ReportPlace,
    ReportCategory,
    ReportExternalId,
    IssueMessage,
    IssueRaw,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::ReportText,
        Column::ReportAssessment,
        Column::ReportPlace,
        Column::ReportCategory,
        Column::ReportExternalId,
        Column::IssueMessage,
        Column::IssueRaw,
    ];

    /// (table, column): fixed names, never user text.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Column::ReportText => ("report", "text"),
            Column::ReportAssessment => ("report", "assessment"),
            Column::ReportPlace => ("report", "source_place"),
            Column::ReportCategory => ("report", "source_category"),
            Column::ReportExternalId => ("report", "external_id"),
            Column::IssueMessage => ("import_issue", "message"),
            Column::IssueRaw => ("import_issue", "raw"),
        }
    }

    pub fn is_report(self) -> bool {
        self.names().0 == "report"
    }
}

/// Calls `each` with (row id, text) for every text in `column` that holds a digit.
pub fn for_each_text(
    conn: &Connection,
    column: Column,
    mut each: impl FnMut(Id, &str),
) -> Result<()> {
    let (table, col) = column.names();
    let mut stmt = conn.prepare(&format!(
        "SELECT rowid, {col} FROM {table} WHERE {col} GLOB '*[0-9]*'"
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: Id = r.get(0)?;
        let text: String = r.get(1)?;
        each(id, &text);
    }
    Ok(())
}

/// Replaces one stored text (a report's edit time follows).
pub fn update_text(tx: &Transaction, column: Column, id: Id, text: &str) -> Result<()> {
    let (table, col) = column.names();
    if column.is_report() {
        tx.execute(
            &format!("UPDATE {table} SET {col} = ?2, updated_at = ?3 WHERE rowid = ?1"),
            params![id, text, super::now()],
        )?;
    } else {
        tx.execute(
            &format!("UPDATE {table} SET {col} = ?2 WHERE rowid = ?1"),
            params![id, text],
        )?;
    }
    Ok(())
}
