//! The settings a large import runs under, and the guard that puts them back.
//!
//! An import changes connection settings that outlive it: foreign-key checks off
//! (every id it writes was read from the parent tables in the same transaction, so
//! SQLite's four lookups per row only cost time), a page cache sized for the load,
//! `threads` for SQLite's sorter, and, for a bulk load, the report indexes dropped
//! and rebuilt once at the end. [`BulkLoad`] takes all of it in one place and restores
//! the pragmas on every exit: [`BulkLoad::restore`] on the normal path (reporting a
//! failure), and `Drop` on an early return or a panic. The dropped indexes come back
//! by themselves when the transaction rolls back, because SQLite's DDL is
//! transactional; on success the caller rebuilds them inside the same transaction.

use rusqlite::{Connection, Transaction};

use crate::error::Result;

/// The page cache while rows are loaded with the indexes kept up to date, in KiB: the
/// index pages stay in memory instead of being re-read (measured with `navet bench import`).
const ROW_BY_ROW_CACHE_KB: i64 = 96 * 1024;

/// The page cache while the report indexes are rebuilt, in KiB: SQLite's sorter works
/// in chunks of the cache's size, and small chunks sorted on both cores and merged
/// build an index faster than one big in-memory sort.
const SORT_CACHE_KB: i64 = 4 * 1024;

/// The connection settings of a load, restored when it ends.
pub struct BulkLoad<'c> {
    conn: &'c Connection,
    foreign_keys: i64,
    cache_size: i64,
    threads: i64,
    restored: bool,
}

/// A report index dropped for a bulk load: its name and its `CREATE` statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedIndex {
    pub name: String,
    pub sql: String,
}

impl<'c> BulkLoad<'c> {
    /// Applies the load's settings; `bulk` loads keep no page cache of their own
    /// (their indexes are off). Call before the transaction begins: `foreign_keys`
    /// cannot change inside one.
    pub fn begin(conn: &'c Connection, bulk: bool) -> Result<BulkLoad<'c>> {
        let get =
            |name: &str| -> Result<i64> { Ok(conn.pragma_query_value(None, name, |r| r.get(0))?) };
        let guard = BulkLoad {
            conn,
            foreign_keys: get("foreign_keys")?,
            cache_size: get("cache_size")?,
            threads: get("threads")?,
            restored: false,
        };
        // From here on, Drop restores whatever was changed.
        if !bulk {
            conn.pragma_update(None, "cache_size", -ROW_BY_ROW_CACHE_KB)?;
        }
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        conn.pragma_update(None, "threads", 2)?;
        Ok(guard)
    }

    /// The load's one transaction, on the guarded connection (which the guard borrows,
    /// hence unchecked: no other transaction is open on it while a load runs).
    pub fn transaction(&self) -> Result<Transaction<'c>> {
        Ok(self.conn.unchecked_transaction()?)
    }

    /// Drops the report table's indexes inside `tx`; returns them for [`Self::rebuild`].
    pub fn drop_report_indexes(&self, tx: &Transaction) -> Result<Vec<DroppedIndex>> {
        let list = report_indexes(tx)?;
        for index in &list {
            tx.execute_batch(&format!(
                "DROP INDEX \"{}\"",
                index.name.replace('"', "\"\"")
            ))?;
        }
        Ok(list)
    }

    /// Re-runs the dropped indexes' own `CREATE` statements, verbatim, inside `tx`.
    pub fn rebuild(&self, tx: &Transaction, dropped: &[DroppedIndex]) -> Result<()> {
        if dropped.is_empty() {
            return Ok(());
        }
        tx.pragma_update(None, "cache_size", -SORT_CACHE_KB)?;
        for index in dropped {
            tx.execute_batch(&index.sql)?;
        }
        Ok(())
    }

    /// Puts every setting back; the first failure is returned, the rest still tried.
    pub fn restore(mut self) -> Result<()> {
        self.restored = true;
        self.put_back()
    }

    fn put_back(&self) -> Result<()> {
        let results = [
            self.conn
                .pragma_update(None, "foreign_keys", self.foreign_keys),
            self.conn.pragma_update(None, "cache_size", self.cache_size),
            self.conn.pragma_update(None, "threads", self.threads),
        ];
        for r in results {
            r?;
        }
        Ok(())
    }
}

impl Drop for BulkLoad<'_> {
    fn drop(&mut self) {
        if !self.restored {
            let _ = self.put_back();
        }
    }
}

/// The report table's indexes with their definitions (automatic ones have none).
pub fn report_indexes(conn: &Connection) -> Result<Vec<DroppedIndex>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_schema
         WHERE type = 'index' AND tbl_name = 'report' AND sql IS NOT NULL ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(DroppedIndex {
            name: r.get(0)?,
            sql: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The bare table `navet bench import` gives `sqlite3 .import` for SQLite's own floor
/// (the same six text columns as the generated file, no checks, no indexes).
pub const SQLITE3_FLOOR_TABLE: &str = "CREATE TABLE t (datum TEXT, tid TEXT, plats TEXT, handelse TEXT, antal TEXT, beskrivning TEXT);";
