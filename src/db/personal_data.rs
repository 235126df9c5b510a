//! The stored texts that may hold personal data, for a scan of an older database, and
//! their masked replacements. Only texts with a digit are read: personnummer and phone
//! numbers have ten or more.

use rusqlite::{Connection, Transaction, params};

use crate::error::Result;
use crate::ids::Id;

/// Where a text is stored: a table's column, by row id. Every free text a coordinator
/// or a partner types that can reach a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    ReportText,
    ReportAssessment,
    ReportPlace,
    ReportCategory,
    ReportExternalId,
    IssueMessage,
    IssueRaw,
    InsatsTitle,
    InsatsDescription,
    InsatsCause,
    InsatsContact,
    InsatsDecidedIn,
    FollowUpText,
    DecisionText,
    MeetingAgenda,
    MeetingNotes,
    WalkRoute,
    WalkParticipants,
    PointPlaceText,
    PointProblem,
    PointProposedAction,
    PromiseTitle,
    PromiseParties,
    PromiseAreas,
    PromiseProblems,
    PromiseSummary,
    PromiseFollowUp,
    CommitmentParty,
    CommitmentText,
    SourceTitle,
    SourceSource,
    SourceSummary,
    SourceFigureLabel,
    SourceFigureValue,
    StatusJustification,
    PictureDraft,
    PictureSnapshot,
    LawTexts,
}

impl Column {
    pub const ALL: [Column; 38] = [
        Column::ReportText,
        Column::ReportAssessment,
        Column::ReportPlace,
        Column::ReportCategory,
        Column::ReportExternalId,
        Column::IssueMessage,
        Column::IssueRaw,
        Column::InsatsTitle,
        Column::InsatsDescription,
        Column::InsatsCause,
        Column::InsatsContact,
        Column::InsatsDecidedIn,
        Column::FollowUpText,
        Column::DecisionText,
        Column::MeetingAgenda,
        Column::MeetingNotes,
        Column::WalkRoute,
        Column::WalkParticipants,
        Column::PointPlaceText,
        Column::PointProblem,
        Column::PointProposedAction,
        Column::PromiseTitle,
        Column::PromiseParties,
        Column::PromiseAreas,
        Column::PromiseProblems,
        Column::PromiseSummary,
        Column::PromiseFollowUp,
        Column::CommitmentParty,
        Column::CommitmentText,
        Column::SourceTitle,
        Column::SourceSource,
        Column::SourceSummary,
        Column::SourceFigureLabel,
        Column::SourceFigureValue,
        Column::StatusJustification,
        Column::PictureDraft,
        Column::PictureSnapshot,
        Column::LawTexts,
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
            Column::InsatsTitle => ("insats", "title"),
            Column::InsatsDescription => ("insats", "description"),
            Column::InsatsCause => ("insats", "cause"),
            Column::InsatsContact => ("insats", "contact"),
            Column::InsatsDecidedIn => ("insats", "decided_in"),
            Column::FollowUpText => ("follow_up", "text"),
            Column::DecisionText => ("decision", "text"),
            Column::MeetingAgenda => ("meeting", "agenda"),
            Column::MeetingNotes => ("meeting", "notes"),
            Column::WalkRoute => ("walk", "route"),
            Column::WalkParticipants => ("walk", "participants"),
            Column::PointPlaceText => ("walk_point", "place_text"),
            Column::PointProblem => ("walk_point", "problem"),
            Column::PointProposedAction => ("walk_point", "proposed_action"),
            Column::PromiseTitle => ("promise", "title"),
            Column::PromiseParties => ("promise", "parties"),
            Column::PromiseAreas => ("promise", "areas"),
            Column::PromiseProblems => ("promise", "problems"),
            Column::PromiseSummary => ("promise", "summary"),
            Column::PromiseFollowUp => ("promise", "follow_up"),
            Column::CommitmentParty => ("promise_commitment", "party"),
            Column::CommitmentText => ("promise_commitment", "text"),
            Column::SourceTitle => ("knowledge_source", "title"),
            Column::SourceSource => ("knowledge_source", "source"),
            Column::SourceSummary => ("knowledge_source", "summary"),
            Column::SourceFigureLabel => ("knowledge_source", "figure_label"),
            Column::SourceFigureValue => ("knowledge_source", "figure_value"),
            Column::StatusJustification => ("area_status_history", "justification"),
            Column::PictureDraft => ("picture_draft", "data"),
            Column::PictureSnapshot => ("picture_snapshot", "data"),
            Column::LawTexts => ("setting", "value"),
        }
    }

    /// Texts stored as JSON (a picture's assessment): masked string by string, so the
    /// JSON stays JSON.
    pub fn is_json(self) -> bool {
        matches!(self, Column::PictureDraft | Column::PictureSnapshot)
    }

    /// The table a text is stored in.
    pub fn table(self) -> &'static str {
        self.names().0
    }

    pub fn is_issue(self) -> bool {
        self.names().0 == "import_issue"
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
    // Of the settings only the law's texts are the coordinator's (the rest are names
    // and choices).
    let only = if column == Column::LawTexts {
        " AND key IN ('law_consequences', 'law_causes')"
    } else {
        ""
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT rowid, {col} FROM {table} WHERE {col} GLOB '*[0-9]*'{only}"
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: Id = r.get(0)?;
        let text: String = r.get(1)?;
        each(id, &text);
    }
    Ok(())
}

/// Replaces one stored text (a report's and an insats's edit time follows).
pub fn update_text(tx: &Transaction, column: Column, id: Id, text: &str) -> Result<()> {
    let (table, col) = column.names();
    if column.is_report() || column.names().0 == "insats" {
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
