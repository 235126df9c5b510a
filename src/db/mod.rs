//! The store: one SQLite file holding everything Navet knows.
//!
//! Opening is careful because the file is the user's only copy of their work:
//! - a file that is not SQLite, or is SQLite but not Navet's, is refused untouched;
//! - a database written by a newer Navet is refused untouched;
//! - before an older database is upgraded, a copy is written beside it.
//!
//! Queries are free functions over `&Connection` (reads) or `&Transaction`
//! (writes), one file per table, named with the verbs `get_` (must exist),
//! `find_` (optional), `list_`, `insert_`, `update_`, `delete_`, `count_`.

pub mod area;
pub mod area_status;
pub mod backup;
pub mod bulk;
pub mod category;
pub mod crypt;
pub mod export_log;
pub mod import_batch;
pub mod import_profile;
pub mod insats;
pub mod knowledge_source;
pub mod meeting;
pub mod migrations;
pub mod named;
pub mod partner;
pub mod personal_data;
pub mod picture_draft;
pub mod picture_queries;
pub mod picture_snapshot;
pub mod place;
pub mod promise;
pub mod release;
pub mod report;
pub mod report_history;
pub mod report_link;
pub mod report_month;
pub mod report_search;
pub mod retention;
pub mod setting;
pub mod walk;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction};

/// Stops a connection's running statement from another thread (see
/// [`Store::interrupt_handle`]).
pub use rusqlite::InterruptHandle;

use crate::error::{Error, Result};
use crate::messages::Message;

/// `PRAGMA application_id` of every Navet database: "NAVT" in ASCII.
pub const APPLICATION_ID: i32 = 0x4E41_5654;

/// The environment variable that overrides the default database path.
pub const DB_ENV: &str = "NAVET_DB";

/// The open database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    backup: Option<PathBuf>,
    /// The passphrase of an encrypted database (every further connection needs it).
    key: Option<crypt::Passphrase>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// The default database path: `NAVET_DB`, else the OS data folder
/// (`~/.local/share/navet/navet.sqlite` on Linux,
/// `%APPDATA%\Navet\Navet\data\navet.sqlite` on Windows,
/// `~/Library/Application Support/se.Navet.Navet/navet.sqlite` on macOS).
pub fn default_path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    directories::ProjectDirs::from("se", "Navet", "Navet")
        .map(|d| d.data_dir().join("navet.sqlite"))
        .ok_or_else(|| Message::NoDataFolder.into())
}

impl Store {
    /// Opens the database at `path`, creating it or upgrading it to the current schema.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Self::open_keyed(path.as_ref(), None)
    }

    /// Opens as [`Store::open`] does, with the passphrase of an encrypted database. A
    /// passphrase given for a plain database is not used; one given for a file that does
    /// not exist yet creates it encrypted.
    pub fn open_keyed(path: impl AsRef<Path>, key: Option<&crypt::Passphrase>) -> Result<Store> {
        Self::open_with_key(path.as_ref(), migrations::ALL, key)
    }

    /// Opens with an explicit migration list; tests use it to simulate upgrades.
    #[doc(hidden)]
    pub fn open_with(path: &Path, steps: &[&'static str]) -> Result<Store> {
        Self::open_with_key(path, steps, None)
    }

    fn open_with_key(
        path: &Path,
        steps: &[&'static str],
        key: Option<&crypt::Passphrase>,
    ) -> Result<Store> {
        // A file SQLite finds damaged while opening is named as such, with the latest
        // backup beside it; nothing is repaired or deleted in place.
        Self::open_checked(path, steps, key).map_err(|e| match &e {
            Error::Sqlite(s)
                if s.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) =>
            {
                Message::Damaged {
                    path: path.display().to_string(),
                    detail: "SQLite kan inte läsa filens uppbyggnad".into(),
                    backup: latest_backup_of(path).map(|b| b.display().to_string()),
                }
                .into()
            }
            _ => e,
        })
    }

    fn open_checked(
        path: &Path,
        steps: &[&'static str],
        key: Option<&crypt::Passphrase>,
    ) -> Result<Store> {
        let key = crypt::key_for(path, key)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        if path.is_file() {
            // Not even a look where this user cannot write: a read-only connection to a
            // WAL database would leave -wal and -shm files of this user's behind.
            writable(path)?;
            // A plain file is looked at read-only first: a read-write connection to
            // another program's WAL-mode database would checkpoint its WAL into it and
            // delete the -wal and -shm files when it closed, changing a file Navet then
            // refuses. (A read-only connection sees the WAL's pages and never does that.)
            // An encrypted file is written by nothing but Navet, and its key costs a
            // deliberate 0.13 s to derive per connection: the one connection below looks
            // at it, and runs nothing that writes before `known`.
            if key.is_none() {
                let look = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                known(&look, path, steps.len() as i64, true)?;
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)?;
        crypt::unlock(&conn, key, path)?;
        let latest = steps.len() as i64;

        // Look before touching anything: no pragma that writes runs until the file is known.
        let Known { fresh, version } = known(&conn, path, latest, true)?;

        // One commented block of pragmas:
        // WAL lets the UI read while an import writes; NORMAL sync is safe with WAL
        // (a power cut can lose the last commit, never corrupt); foreign keys are off
        // by default in SQLite and must be turned on per connection; busy_timeout lets
        // the CLI and the app share the file without "database is locked" at once;
        // a checkpoint after every commit (SQLite's waits for 1,000 pages) moves each
        // commit into the database file at once, so the file copied on its own (by hand,
        // by a backup program) is the last committed state, also while an import writes
        // (its pages stay in the WAL until it commits).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "busy_timeout", 5000)?;
        conn.pragma_update(None, "wal_autocheckpoint", 1)?;

        let mut backup = None;
        if fresh {
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        } else if version < latest {
            let to = backup_path(path, version);
            conn.execute("VACUUM INTO ?1", [to.to_string_lossy()])?;
            backup = Some(to);
        }
        migrations::apply(&mut conn, steps)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            backup,
            key: key.cloned(),
        })
    }

    /// Opens a read-only connection to an existing, current Navet database: for the
    /// readers that answer the app's lists and pictures while a writer imports (WAL lets
    /// them read the last committed state without waiting). Never migrates or creates.
    pub fn open_reader(path: impl AsRef<Path>) -> Result<Store> {
        Self::open_reader_keyed(path, None)
    }

    /// A reader of an encrypted database (see [`Store::open_reader`]).
    pub fn open_reader_keyed(
        path: impl AsRef<Path>,
        key: Option<&crypt::Passphrase>,
    ) -> Result<Store> {
        let path = path.as_ref();
        let key = crypt::key_for(path, key)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        crypt::unlock(&conn, key, path)?;
        conn.pragma_update(None, "busy_timeout", 5000)?;
        known(&conn, path, migrations::ALL.len() as i64, false)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            backup: None,
            key: key.cloned(),
        })
    }

    /// The passphrase this database was opened with; none when it is not encrypted.
    pub fn key(&self) -> Option<&crypt::Passphrase> {
        self.key.as_ref()
    }

    /// A handle that stops whatever statement this connection is running, from any
    /// thread (the app's cancel button during an import's index rebuild or commit).
    pub fn interrupt_handle(&self) -> InterruptHandle {
        self.conn.get_interrupt_handle()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the pre-upgrade copy went, if this open upgraded the database.
    /// SQLite's `quick_check` of the whole file: empty when the file is sound, else
    /// what SQLite found (at most ten lines). Reads every page, so it is run when the
    /// app opens and by `navet check`, not by every command.
    pub fn quick_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA quick_check(10)")?;
        let lines: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(lines.into_iter().filter(|l| l != "ok").collect())
    }

    /// The newest backup Navet wrote beside this database, if any.
    pub fn latest_backup(&self) -> Option<PathBuf> {
        latest_backup_of(self.path())
    }

    pub fn backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// Runs `f` in one write transaction: committed when it returns `Ok`, rolled back
    /// when it returns an error or panics (the transaction's Drop).
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction()?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Refreshes the query planner's statistics (after a large generated load).
    pub fn analyze(&self) -> Result<()> {
        self.conn.execute_batch("ANALYZE")?;
        Ok(())
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }
}

/// What opening found in a file: a fresh one, or Navet's at `version`.
struct Known {
    fresh: bool,
    version: i64,
}

/// Refuses a SQLite file that is not Navet's (an empty one counts as Navet's only when
/// `may_be_fresh`) or that a newer Navet wrote; reads without writing anything.
fn known(conn: &Connection, path: &Path, latest: i64, may_be_fresh: bool) -> Result<Known> {
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    let fresh = may_be_fresh && app_id == 0 && version == 0 && objects == 0;
    let shown = path.display().to_string();
    if !fresh && app_id != APPLICATION_ID {
        return Err(Message::NotNavetDatabase { path: shown }.into());
    }
    if version > latest {
        return Err(Message::DatabaseNewer {
            path: shown,
            found: version,
            supported: latest,
        }
        .into());
    }
    Ok(Known { fresh, version })
}

/// `navet.sqlite` → `navet.sqlite.schema1-20261122T101500Z.bak`, beside the database.
fn backup_path(path: &Path, version: i64) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    beside(path, &format!(".schema{version}-{stamp}.bak"))
}

/// `navet.sqlite` and `.suffix` → `navet.sqlite.suffix`: a file named after `path`, in
/// its folder.
pub(crate) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// The files in `db`'s folder named after it (`navet.sqlite.…`: its backups and the
/// parts and copies being written beside it), with their names. Empty where the folder
/// cannot be read.
pub(crate) fn named_after(db: &Path) -> Vec<(String, std::fs::DirEntry)> {
    let Some(name) = db.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let prefix = format!("{name}.");
    let Ok(entries) = std::fs::read_dir(folder_of(db)) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e))
        .filter(|(file, _)| file.starts_with(&prefix))
        .collect()
}

/// Flushes the folder `path` is in, so a rename into it reaches the disk with the
/// folder's entry (best effort: a folder that cannot be opened is left to the system).
pub(crate) fn sync_folder(path: &Path) {
    let _ = std::fs::File::open(folder_of(path)).and_then(|d| d.sync_all());
}

/// Refuses, before SQLite tries and fails half-way, a database this user cannot write,
/// or one in a folder it cannot write (where the -wal and -shm files must go), naming
/// which of the two it is.
fn writable(path: &Path) -> Result<()> {
    let denied = |e: &std::io::Error| {
        matches!(
            e.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        )
    };
    if let Err(e) = std::fs::OpenOptions::new().append(true).open(path)
        && denied(&e)
    {
        return Err(Message::ReadOnlyPlace {
            path: path.display().to_string(),
            folder: false,
        }
        .into());
    }
    let dir = folder_of(path);
    if let Err(e) = tempfile::tempfile_in(dir)
        && denied(&e)
    {
        return Err(Message::ReadOnlyPlace {
            path: dir.display().to_string(),
            folder: true,
        }
        .into());
    }
    Ok(())
}

/// The current time as stored in `created_at` / `updated_at`.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The newest `NAME.schemaN-STAMP.bak` beside `db` (the stamp sorts by time).
pub fn latest_backup_of(db: &Path) -> Option<PathBuf> {
    backup::list(db)
        .ok()?
        .into_iter()
        .next()
        .map(|b| PathBuf::from(b.path))
}

/// The folder a file is in: its parent, or `.` for a bare file name.
pub fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
}

/// Whether row `id` is in `table` (a table name from Navet's own code, never user text).
pub(crate) fn has_row(conn: &Connection, table: &'static str, id: crate::ids::Id) -> Result<bool> {
    let sql = format!("SELECT 1 FROM {table} WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], |_| Ok(())).optional()?.is_some())
}
