//! Backups: whole copies of the database beside it.
//!
//! A backup is made with `VACUUM INTO` (a consistent snapshot of the last commit, even
//! while an import writes through another connection) into a temporary file, flushed to
//! disk and renamed into place, so a backup on disk is always whole. Each has a kind in
//! its name (`navet.sqlite.daglig-20261130T084500Z.bak`); the last [`KEEP`] of each kind
//! are kept, the oldest removed. The copies written before a schema upgrade
//! (`.schema6-…bak`) are never removed. A restore first backs up the current state, then
//! copies the backup in through SQLite's backup API (under SQLite's own locks), upgrades
//! it if it is older, and checks it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::Store;
use crate::error::{Error, Result};
use crate::messages::Message;

/// How many backups of each kind are kept.
pub const KEEP: usize = 10;
/// An import of at least this many (estimated) rows is preceded by a backup.
pub const IMPORT_ROWS: u64 = 10_000;

/// Why a backup was made; its word is part of the file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Manual,
    Daily,
    BeforeImport,
    BeforeRestore,
}

impl Kind {
    pub fn word(self) -> &'static str {
        match self {
            Kind::Manual => "manuell",
            Kind::Daily => "daglig",
            Kind::BeforeImport => "fore-import",
            Kind::BeforeRestore => "fore-aterstallning",
        }
    }
}

/// One backup on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    /// manuell, daglig, fore-import, fore-aterstallning, or schemaN (before an upgrade).
    pub kind: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Backups name their time to the millisecond; the copies before a schema upgrade, to
/// the second.
const STAMP: &str = "%Y%m%dT%H%M%S%3fZ";
const STAMP_SECONDS: &str = "%Y%m%dT%H%M%SZ";

/// `(kind, time, n)` from a backup's file name, for database file `db_name`; `n` counts
/// backups made in the same second (1, then "-2", "-3" after the stamp).
fn parse_name(db_name: &str, file: &str) -> Option<(String, DateTime<Utc>, u32)> {
    let rest = file.strip_prefix(db_name)?.strip_prefix('.')?;
    let rest = rest.strip_suffix(".bak")?;
    let (kind, last) = rest.rsplit_once('-')?;
    let (kind, stamp, n) = match (kind.rsplit_once('-'), last.parse::<u32>()) {
        (Some((k, s)), Ok(n)) if s.ends_with('Z') => (k, s, n),
        _ => (kind, last, 1),
    };
    let time = NaiveDateTime::parse_from_str(stamp, STAMP)
        .or_else(|_| NaiveDateTime::parse_from_str(stamp, STAMP_SECONDS))
        .ok()?
        .and_utc();
    Some((kind.to_string(), time, n))
}

/// A backup file as listed, with its order key (time, then its number in the second),
/// or none if the file is no backup of database file `db_name`.
fn info(db_name: &str, path: &Path) -> Option<((DateTime<Utc>, u32), BackupInfo)> {
    let file = path.file_name()?.to_string_lossy().into_owned();
    let (kind, time, n) = parse_name(db_name, &file)?;
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Some((
        (time, n),
        BackupInfo {
            path: path.display().to_string(),
            file_name: file,
            kind,
            created_at: time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            bytes,
        },
    ))
}

/// Every backup beside database `db`, newest first.
pub fn list(db: &Path) -> Result<Vec<BackupInfo>> {
    let Some(db_name) = db.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Ok(Vec::new());
    };
    let dir = super::folder_of(db);
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut out: Vec<((DateTime<Utc>, u32), BackupInfo)> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| info(&db_name, &e.path()))
        .collect();
    out.sort_by_key(|b| std::cmp::Reverse(b.0));
    Ok(out.into_iter().map(|(_, b)| b).collect())
}

/// A free name for a backup of `kind` made now.
fn target(db: &Path, kind: &str) -> PathBuf {
    let stamp = Utc::now().format(STAMP).to_string();
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut path = db.with_file_name(format!("{name}.{kind}-{stamp}.bak"));
    let mut n = 2;
    while path.exists() {
        path = db.with_file_name(format!("{name}.{kind}-{stamp}-{n}.bak"));
        n += 1;
    }
    path
}

/// Writes a backup of kind `kind` beside the database and removes the oldest of that
/// kind beyond [`KEEP`]. The target holds nothing or the whole copy: never a part.
pub fn create(store: &Store, kind: Kind) -> Result<BackupInfo> {
    let db = store.path().to_path_buf();
    let to = target(&db, kind.word());
    let tmp = to.with_extension("bak.tmp");
    remove_stale_parts(&db);
    let made = (|| -> Result<()> {
        store
            .conn()
            .execute("VACUUM INTO ?1", [tmp.to_string_lossy()])?;
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &to).map_err(|e| Error::io(&to, e))?;
        super::sync_folder(&to);
        Ok(())
    })();
    if let Err(e) = made {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    rotate(&db, kind)?;
    // Named as the list names it (its folder joined with its name).
    let db_name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let listed = super::folder_of(&db).join(to.file_name().unwrap_or_default());
    info(&db_name, &listed).map(|(_, b)| b).ok_or_else(|| {
        Message::File {
            path: to.display().to_string(),
            detail: "säkerhetskopian försvann".into(),
        }
        .into()
    })
}

/// Removes what backups cut off (a crash, a full disk) left beside the database: their
/// `.bak.tmp` files, once they are ten minutes old (a younger one may be another
/// process's backup being written).
fn remove_stale_parts(db: &Path) {
    for (file, e) in super::named_after(db) {
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() >= 600);
        if old && file.ends_with(".bak.tmp") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Removes the oldest backups of `kind` beyond [`KEEP`].
fn rotate(db: &Path, kind: Kind) -> Result<()> {
    for old in list(db)?
        .into_iter()
        .filter(|b| b.kind == kind.word())
        .skip(KEEP)
    {
        std::fs::remove_file(&old.path).map_err(|e| Error::io(Path::new(&old.path), e))?;
    }
    Ok(())
}

/// A daily backup, if the newest one is a day old or there is none.
pub fn daily(store: &Store) -> Result<Option<BackupInfo>> {
    let newest = list(store.path())?
        .into_iter()
        .find(|b| b.kind == Kind::Daily.word());
    let due = newest.is_none_or(|b| {
        DateTime::parse_from_rfc3339(&b.created_at).map_or(true, |t| {
            Utc::now().signed_duration_since(t) >= chrono::Duration::hours(24)
        })
    });
    due.then(|| create(store, Kind::Daily)).transpose()
}

/// Replaces the database's content with backup `from`: first a backup of the current
/// state (returned), then SQLite's backup API copies `from` in; an older schema is
/// upgraded and the result checked. A file that is no Navet backup, is newer or is
/// damaged is refused before anything changes.
pub fn restore(store: &mut Store, from: &Path) -> Result<BackupInfo> {
    // An encrypted backup is read with the database's passphrase; SQLite's backup API
    // copies only between two plain files or two under the same key.
    let backup_encrypted = super::crypt::form(from)? == super::crypt::Form::Encrypted;
    if backup_encrypted != store.key().is_some() {
        return Err(Message::BackupFormDiffers {
            path: from.display().to_string(),
            backup_encrypted,
        }
        .into());
    }
    // Inspect the backup read-only first: a Navet database this version reads, whole.
    let reader = Store::open_reader_keyed(from, store.key())?;
    let faults = reader.quick_check()?;
    if !faults.is_empty() {
        return Err(Message::Damaged {
            path: from.display().to_string(),
            detail: faults.join("; "),
            backup: None,
        }
        .into());
    }
    let before = create(store, Kind::BeforeRestore)?;
    {
        let copy = rusqlite::backup::Backup::new(reader.conn(), store.conn_mut())?;
        copy.run_to_completion(256, std::time::Duration::ZERO, None)?;
    }
    drop(reader);
    super::migrations::apply(store.conn_mut(), super::migrations::ALL)?;
    let faults = store.quick_check()?;
    if !faults.is_empty() {
        return Err(Message::Damaged {
            path: store.path().display().to_string(),
            detail: faults.join("; "),
            backup: Some(before.path.clone()),
        }
        .into());
    }
    Ok(before)
}
