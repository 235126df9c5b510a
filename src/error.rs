//! One error type for the whole core, and a small stable code for the UI.
//!
//! Errors a user can cause carry a [`Message`] from the catalog, so the CLI and the
//! app show the same Swedish sentence. Problems inside a file being imported are
//! not errors: they are data in the import result.

use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

use crate::messages::Message;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The stable codes the UI may branch on. Add one only when the UI needs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorCode {
    /// Input failed validation (a field, a name, a date).
    Invalid,
    /// A named thing (place, partner, category, area) does not exist.
    NotFound,
    /// The thing already exists (a duplicate name or alias).
    Conflict,
    /// The database file was written by a newer Navet, or is not a Navet database.
    DatabaseRefused,
    /// Reading or writing a file failed.
    Io,
    /// The user cancelled a long operation; nothing was changed.
    Cancelled,
    /// The database is encrypted: a passphrase is needed, or the one given is wrong.
    Locked,
    /// Anything else: a bug or a broken disk.
    Internal,
}

/// Displays as the catalog sentence of [`Error::message`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the user can fix, with a sentence from the catalog.
    #[error("{}", self.message())]
    User(Message),
    #[error("{}", self.message())]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}", self.message())]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{}", self.message())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::User(m) => m.code(),
            Error::Io { .. } => ErrorCode::Io,
            Error::Sqlite(_) | Error::Migration(_) => ErrorCode::Internal,
        }
    }

    /// The catalog message this error shows to a user.
    pub fn message(&self) -> Message {
        match self {
            Error::User(m) => m.clone(),
            Error::Sqlite(e) => Message::Storage {
                detail: e.to_string(),
            },
            Error::Migration(e) => Message::Migration {
                detail: e.to_string(),
            },
            Error::Io { path, source } => Message::File {
                path: path.display().to_string(),
                detail: crate::messages::io_detail(source),
            },
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The payload that crosses IPC: `{ code, message }`.
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code(),
            message: self.to_string(),
        }
    }
}

impl From<Message> for Error {
    fn from(m: Message) -> Self {
        Error::User(m)
    }
}

/// What the UI receives when a command fails.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
}

impl Message {
    /// The stable code the UI branches on.
    pub fn code(&self) -> ErrorCode {
        use Message::*;
        match self {
            Storage { .. } | Migration { .. } => ErrorCode::Internal,
            File { .. } | NoDataFolder => ErrorCode::Io,
            DatabaseNewer { .. } | NotNavetDatabase { .. } => ErrorCode::DatabaseRefused,
            ReadOnlyPlace { .. } | DatabaseInUse { .. } => ErrorCode::Io,
            NeedsPassphrase { .. } | WrongPassphrase { .. } => ErrorCode::Locked,
            PassphraseTooShort { .. } | PassphrasesDiffer => ErrorCode::Invalid,
            EncryptionState { .. }
            | BackupFormDiffers { .. }
            | ImportRunning
            | DatabaseRewriting => ErrorCode::Conflict,
            Unknown { .. } => ErrorCode::NotFound,
            Duplicate { .. }
            | AliasTaken { .. }
            | DemoNeedsEmpty { .. }
            | MergeSamePlace { .. } => ErrorCode::Conflict,
            Required { .. }
            | InvalidDate { .. }
            | InvalidTime { .. }
            | InvalidCount { .. }
            | InvalidCoordinates { .. }
            | DateRange { .. }
            | InvalidWeeks { .. }
            | ImportRefused { .. }
            | ImportRow { .. }
            | ImportMissingField { .. }
            | ImportNoHeader { .. }
            | ImportNeedsPartner { .. }
            | ImportAborted { .. }
            | UnknownField { .. } => ErrorCode::Invalid,
            BatchNotFound { .. } => ErrorCode::NotFound,
            ImportCancelled { .. } => ErrorCode::Cancelled,
            InvalidStatus { .. } | UnknownPeriod { .. } => ErrorCode::Invalid,
            SnapshotNotFound { .. }
            | LinkNotFound { .. }
            | ReportNotFound { .. }
            | InsatsNotFound { .. }
            | MeetingNotFound { .. }
            | NoMeetingSeries
            | WalkNotFound { .. }
            | PointNotFound { .. }
            | PromiseNotFound { .. }
            | SourceNotFound { .. } => ErrorCode::NotFound,
            HistoryNotRestorable { .. } | SeriesExists { .. } => ErrorCode::Conflict,
            NotAnExport { .. } | InvalidChoice { .. } | PhotoRefused { .. } => ErrorCode::Invalid,
            CannotOpen { .. } => ErrorCode::Io,
            DraftUnreadable { .. } | Damaged { .. } => ErrorCode::Internal,
            UnknownSetting { .. }
            | ExportUnsupported { .. }
            | ReportsAsPdf
            | UnknownAnalysisPart { .. }
            | InvalidPair { .. }
            | UnknownSort { .. }
            | PartnerSafeFreeFilter
            | PartnerNoWholeWeek { .. }
            | PartnerWeekGalled { .. } => ErrorCode::Invalid,
            BatchAlreadyUndone { .. } => ErrorCode::Conflict,
        }
    }
}
