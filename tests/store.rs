//! The store refuses what it must not touch, backs up before upgrading, and sets its pragmas.

use std::path::Path;

use navet::db::{APPLICATION_ID, migrations};
use navet::ops;
use navet::{ErrorCode, Store};
use rusqlite::Connection;

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).expect("read test file")
}

#[test]
fn creates_a_new_database_with_pragmas_and_strict_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/folder/navet.sqlite");
    let store = Store::open(&path).unwrap();
    assert!(path.exists(), "parent folders are created");
    assert_eq!(
        store.schema_version().unwrap(),
        migrations::ALL.len() as i64
    );
    let c = store.conn();
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = c
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let app: i32 = c
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(app, APPLICATION_ID);
    let mut stmt = c
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'")
        .unwrap();
    let tables: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(tables.len() >= 6);
    for (name, sql) in tables {
        // The full-text index is a virtual table with SQLite's own shadow tables.
        if name == "report_fts" || name.starts_with("report_fts_") {
            continue;
        }
        assert!(sql.trim_end().ends_with("STRICT"), "{name} is not STRICT");
    }
    assert_eq!(ops::categories::list(&store).unwrap().len(), 14);
}

#[test]
fn reopening_keeps_data_and_makes_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("navet.sqlite");
    {
        let mut s = Store::open(&path).unwrap();
        ops::partners::add(&mut s, "Polisen").unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert!(s.backup().is_none());
    assert_eq!(ops::partners::list(&s).unwrap()[0].name, "Polisen");
    assert_eq!(
        std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".bak"))
            .count(),
        0
    );
}

#[test]
fn refuses_a_file_that_is_not_sqlite_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapporter.xlsx");
    std::fs::write(&path, b"PK\x03\x04 this is a spreadsheet, not a database").unwrap();
    let before = bytes(&path);
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.code(), ErrorCode::DatabaseRefused);
    assert!(err.to_string().contains("ingen Navet-databas"), "{err}");
    assert_eq!(bytes(&path), before);
    assert!(!dir.path().join("rapporter.xlsx-wal").exists());
}

#[test]
fn refuses_another_programs_sqlite_database_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customer (name) VALUES ('x');")
            .unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.code(), ErrorCode::DatabaseRefused);
    assert_eq!(bytes(&path), before, "the file must not change");
    assert!(!dir.path().join("other.sqlite-wal").exists());
}

/// Another program's database in WAL mode, with its last commits still in the -wal file
/// (the program crashed or is running): refused, and the database, its -wal and its
/// data stay as they were (a read-write open would have checkpointed the WAL into the
/// file and deleted it).
#[test]
fn refuses_another_programs_wal_database_without_checkpointing_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    let wal = dir.path().join("other.sqlite-wal");
    // Another process (the sqlite3 shell) writes in WAL mode and is killed before any
    // checkpoint.
    let mut other = std::process::Command::new("sqlite3")
        .arg(&path)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("sqlite3");
    {
        use std::io::{BufRead, Write};
        let mut stdin = other.stdin.take().unwrap();
        writeln!(
            stdin,
            "PRAGMA journal_mode=WAL;\nCREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT);\nINSERT INTO customer (name) VALUES ('x');\n.print klar"
        )
        .unwrap();
        stdin.flush().unwrap();
        let mut out = std::io::BufReader::new(other.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("klar") {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "sqlite3 ended early");
        }
        other.kill().unwrap();
        let _ = other.wait();
        drop(stdin);
    }
    assert!(wal.exists(), "the other program's WAL is left");
    let (main_before, wal_before) = (bytes(&path), bytes(&wal));
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.code(), ErrorCode::DatabaseRefused);
    assert_eq!(
        bytes(&path),
        main_before,
        "the database file must not change"
    );
    assert!(wal.exists(), "its WAL must not be checkpointed away");
    assert_eq!(bytes(&wal), wal_before);
}

#[test]
fn refuses_a_database_from_a_newer_navet_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("navet.sqlite");
    drop(Store::open(&path).unwrap());
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.code(), ErrorCode::DatabaseRefused);
    let text = err.to_string();
    assert!(
        text.contains("nyare version") && text.contains("99"),
        "{text}"
    );
    assert_eq!(bytes(&path), before);
}

#[test]
fn backs_up_before_upgrading_and_the_backup_is_the_old_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("navet.sqlite");
    let v1: &[&'static str] = &migrations::ALL[..1];
    {
        let mut s = Store::open_with(&path, v1).unwrap();
        ops::partners::add(&mut s, "Polisen").unwrap();
    }
    let v2: Vec<&'static str> = v1
        .iter()
        .copied()
        .chain(["ALTER TABLE partner ADD COLUMN kind TEXT;"])
        .collect();
    let s = Store::open_with(&path, &v2).unwrap();
    assert_eq!(s.schema_version().unwrap(), 2);
    let backup = s
        .backup()
        .expect("a backup is written before migrating")
        .to_path_buf();
    assert!(
        backup
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("navet.sqlite.schema1-")
    );
    let old = Connection::open(&backup).unwrap();
    let version: i64 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
    let name: String = old
        .query_row("SELECT name FROM partner", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "Polisen");
    // The upgraded database kept the data too (read as schema 2 has it: today's
    // listing needs columns of later schemas).
    let partners: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM partner", [], |r| r.get(0))
        .unwrap();
    assert_eq!(partners, 1);
}

#[test]
fn an_empty_file_becomes_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.sqlite");
    std::fs::write(&path, b"").unwrap();
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), migrations::ALL.len() as i64);
}

#[test]
fn foreign_keys_are_enforced() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path().join("n.sqlite")).unwrap();
    let err = s.conn().execute(
        "INSERT INTO report (occurred_date, category_id, partner_id, created_at, updated_at)
         VALUES ('2026-11-18', 1, 999, 'x', 'x')",
        [],
    );
    assert!(err.is_err());
}

/// The schema as SQLite stores it, for comparing an upgraded database with a fresh one.
fn schema(c: &Connection) -> Vec<(String, String)> {
    let mut stmt = c
        .prepare("SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_schema_1_database_upgrades_to_the_same_schema_as_a_fresh_one_keeping_its_reports() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.sqlite");
    {
        // Only what schema 1 had: places, partners, reports typed by hand.
        let mut s = Store::open_with(&old, &migrations::ALL[..1]).unwrap();
        ops::places::add(
            &mut s,
            &navet::db::place::NewPlace {
                name: "Torget".into(),
                area: Some("Centrum".into()),
                ..Default::default()
            },
        )
        .unwrap();
        ops::partners::add(&mut s, "Polisen").unwrap();
        // Reports as schema 1's Navet wrote them (today's inserter writes later columns).
        for day in ["2026-11-16", "2026-11-17"] {
            s.conn()
                .execute(
                    "INSERT INTO report (occurred_date, place_id, category_id, partner_id, text,
                                         source_place, source_category, created_at, updated_at)
                     SELECT ?1, (SELECT id FROM place WHERE name = 'Torget'),
                            (SELECT id FROM category WHERE name = 'Klotter'),
                            (SELECT id FROM partner WHERE name = 'Polisen'), '', 'Torget',
                            'Klotter', '2026-11-18T10:00:00Z', '2026-11-18T10:00:00Z'",
                    [day],
                )
                .unwrap();
        }
    }
    let before =
        ops::report::count(&Store::open_with(&old, &migrations::ALL[..1]).unwrap()).unwrap();
    let upgraded = Store::open(&old).unwrap();
    assert!(upgraded.backup().is_some());
    assert_eq!(ops::report::count(&upgraded).unwrap(), before);
    let fresh = Store::open(dir.path().join("fresh.sqlite")).unwrap();
    assert_eq!(schema(upgraded.conn()), schema(fresh.conn()));
}

/// The app's readers: read-only, never creating or migrating, and answering at once
/// while the writer holds a write transaction open (WAL).
#[test]
fn a_reader_reads_the_last_commit_while_the_writer_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.sqlite");
    assert!(
        Store::open_reader(&path).is_err(),
        "a reader never creates the file"
    );
    let mut writer = Store::open(&path).unwrap();
    ops::partners::add(&mut writer, "Polisen").unwrap();
    let reader = Store::open_reader(&path).unwrap();
    assert_eq!(ops::partners::list(&reader).unwrap().len(), 1);
    assert!(
        reader.conn().execute("DELETE FROM partner", []).is_err(),
        "read-only"
    );
    writer
        .write(|tx| {
            tx.execute(
                "INSERT INTO partner (name, name_key, created_at) VALUES ('Bostadsbolaget', 'bostadsbolaget', '2026-11-30T00:00:00Z')",
                [],
            )?;
            // Inside the writer's open transaction: the reader sees the last commit.
            assert_eq!(ops::partners::list(&reader).unwrap().len(), 1);
            Ok(())
        })
        .unwrap();
    assert_eq!(ops::partners::list(&reader).unwrap().len(), 2);

    let foreign = dir.path().join("other.sqlite");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    assert!(Store::open_reader(&foreign).is_err(), "not Navet's");
}

/// Schema 5 adds Social oro and Orosanmälan before Övrigt, and leaves a database that
/// already has either (typed in, renamed to it, retired) exactly as it was.
#[test]
fn the_new_categories_arrive_by_migration_without_touching_the_users_own() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.sqlite");
    {
        let mut s = Store::open_with(&old, &migrations::ALL[..4]).unwrap();
        ops::categories::rename(&mut s, "Otrygghet", "Social oro").unwrap();
        ops::categories::set_active(&mut s, "Social oro", false).unwrap();
    }
    let s = Store::open(&old).unwrap();
    let list = ops::categories::list(&s).unwrap();
    let social: Vec<_> = list.iter().filter(|c| c.name == "Social oro").collect();
    assert_eq!(social.len(), 1, "not added twice");
    assert!(
        !social[0].active,
        "the user's retired category stays retired"
    );
    let oro = list.iter().position(|c| c.name == "Orosanmälan").unwrap();
    let other = list.iter().position(|c| c.name == "Övrigt").unwrap();
    assert!(oro < other, "before Övrigt");
    assert!(
        list.iter().all(|c| c.name != "Otrygghet"),
        "the rename stays"
    );

    let fresh = Store::open(dir.path().join("fresh.sqlite")).unwrap();
    let names: Vec<String> = ops::categories::list(&fresh)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(
        names[names.len() - 3..],
        ["Social oro", "Orosanmälan", "Övrigt"]
    );
}

/// Schema 7 counts the months per partner too: a database of schema 6 with reports
/// comes out with month counts that agree with its reports, partner by partner, and
/// the triggers keep them so after a report is added and one deleted.
#[test]
fn the_month_counts_gain_the_partner_by_migration() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.sqlite");
    {
        let mut s = Store::open_with(&old, &migrations::ALL[..6]).unwrap();
        ops::load_demo(
            &mut s,
            8,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
        )
        .unwrap();
    }
    let s = Store::open(&old).unwrap();
    assert_eq!(s.schema_version().unwrap(), migrations::ALL.len() as i64);
    assert!(
        navet::db::report_month::disagreements(s.conn())
            .unwrap()
            .is_empty()
    );
    let partners: i64 = s
        .conn()
        .query_row(
            "SELECT count(DISTINCT partner_id) FROM report_month",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(partners > 1, "{partners}");
    s.conn()
        .execute(
            "DELETE FROM report WHERE id = (SELECT min(id) FROM report)",
            [],
        )
        .unwrap();
    s.conn()
        .execute("UPDATE report SET partner_id = (SELECT max(id) FROM partner) WHERE id = (SELECT max(id) FROM report)", [])
        .unwrap();
    assert!(
        navet::db::report_month::disagreements(s.conn())
            .unwrap()
            .is_empty()
    );
}

/// Databases made by released versions of Navet with their own code (schema 3 from the
/// end of 22 November, schema 6 from the end of session 3; `navet demo --weeks 3`, a
/// status for Norrby, a frozen picture; committed under tests/fixtures/schemas/) upgrade
/// to exactly a fresh database's schema, write a backup first, and keep every report,
/// the frozen picture and the status (now in the year's status history too).
#[test]
fn frozen_databases_of_released_schemas_upgrade_and_keep_their_data() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schemas");
    let dir = tempfile::tempdir().unwrap();
    let fresh = Store::open(dir.path().join("fresh.sqlite")).unwrap();
    for version in [3, 6] {
        let path = dir.path().join(format!("schema{version}.sqlite"));
        std::fs::copy(root.join(format!("schema{version}.sqlite")), &path).unwrap();
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), migrations::ALL.len() as i64);
        assert!(
            s.backup().is_some(),
            "schema {version}: a backup before upgrading"
        );
        assert_eq!(schema(s.conn()), schema(fresh.conn()), "schema {version}");
        assert_eq!(ops::report::count(&s).unwrap(), 155, "schema {version}");
        let saved = ops::picture::saved_list(&s).unwrap();
        assert_eq!(saved.len(), 1, "schema {version}");
        let p = ops::picture::saved(&s, saved[0].id).unwrap();
        assert_eq!(p.label, "vecka 46 2026");
        let history =
            ops::year::status_history(&s, Some("Norrby"), "2026-01-01", "2026-12-31").unwrap();
        assert_eq!(history.len(), 1, "schema {version}: {history:?}");
        assert_eq!(history[0].status, "röd");
        assert!(
            navet::db::report_month::disagreements(s.conn())
                .unwrap()
                .is_empty()
        );
        s.conn()
            .execute(
                "INSERT INTO report_fts (report_fts) VALUES ('integrity-check')",
                [],
            )
            .unwrap();
        let ok: String = s
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
    }
}

/// A damaged file is found (on opening, or by the check the app runs when it opens),
/// named with the latest backup beside it, and left exactly as it was: the schema's pages
/// scribbled over, and then only the data pages.
#[test]
fn a_damaged_file_is_found_named_with_its_backup_and_left_untouched() {
    for from_page in [2usize, 12] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("navet.sqlite");
        {
            // An upgrade from schema 1 leaves a backup beside the file.
            drop(Store::open_with(&path, &migrations::ALL[..1]).unwrap());
            let mut s = Store::open(&path).unwrap();
            ops::load_demo(
                &mut s,
                8,
                chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
            )
            .unwrap();
            s.conn()
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
                .unwrap();
            ops::check(&s).unwrap();
        }
        let mut data = std::fs::read(&path).unwrap();
        let page = 4096;
        // Scribble over the cell content (at the end of each page) of every third page.
        let pages = data.len() / page;
        assert!(pages > from_page + 3, "{pages} pages");
        for p in (from_page..pages).step_by(3) {
            for b in &mut data[(p + 1) * page - 600..(p + 1) * page - 8] {
                *b ^= 0x5a;
            }
        }
        std::fs::write(&path, &data).unwrap();
        let found = match Store::open(&path) {
            Ok(s) => ops::check(&s).err(),
            Err(e) => Some(e),
        };
        let text = found.expect("the damage is found").to_string();
        eprintln!("from page {from_page}: {text}");
        assert!(
            text.contains("är skadad") && text.contains(".bak"),
            "{text}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            data,
            "left exactly as it was"
        );
    }
}

fn reports(s: &Store) -> i64 {
    s.conn()
        .query_row("SELECT count(*) FROM report", [], |r| r.get(0))
        .unwrap()
}

/// Backups: whole copies beside the database, the last ten of each kind kept, listed
/// newest first; a restore backs up the current state first, brings the copy back and
/// leaves a clean, current, WAL database; a file that is no Navet database is refused
/// with nothing changed.
#[test]
fn backups_are_made_rotated_listed_and_restored() {
    use navet::db::backup::{self, KEEP, Kind};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.sqlite");
    let mut s = Store::open(&db).unwrap();
    ops::load_demo(
        &mut s,
        4,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
    )
    .unwrap();
    let all = reports(&s);
    let first = ops::backup::create(&s).unwrap();
    for _ in 0..KEEP + 2 {
        ops::backup::create(&s).unwrap();
    }
    let list = ops::backup::list(&s).unwrap();
    assert_eq!(list.len(), KEEP, "the oldest beyond {KEEP} are removed");
    assert!(list.iter().all(|b| b.kind == "manuell" && b.bytes > 0));
    assert!(
        !list.iter().any(|b| b.path == first.path),
        "the first is gone"
    );
    assert!(!std::path::Path::new(&first.path).exists());
    let newest = list[0].clone();
    assert_eq!(
        s.latest_backup().unwrap().display().to_string(),
        newest.path
    );
    // No temporary file is left beside them.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");

    // Reports go; the backup brings them back, and the state before is kept.
    s.conn()
        .execute("DELETE FROM report WHERE id % 2 = 0", [])
        .unwrap();
    let fewer = reports(&s);
    assert!(fewer < all);
    let before = ops::backup::restore(&mut s, std::path::Path::new(&newest.path)).unwrap();
    assert_eq!(before.kind, "fore-aterstallning");
    assert_eq!(reports(&s), all);
    let mode: String = s
        .conn()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert!(s.quick_check().unwrap().is_empty());
    drop(s);
    let s = Store::open(&db).unwrap();
    assert_eq!(reports(&s), all, "the restore is on disk");
    let kept = Store::open_reader(&before.path).unwrap();
    assert_eq!(
        reports(&kept),
        fewer,
        "the state before the restore is kept"
    );
    drop(kept);

    // A file that is no Navet database is refused and nothing changes.
    let mut s = s;
    let foreign = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let backups = ops::backup::list(&s).unwrap().len();
    let err = ops::backup::restore(&mut s, &foreign).unwrap_err();
    assert!(err.to_string().contains("ingen Navet-databas"), "{err}");
    assert_eq!(reports(&s), all);
    assert_eq!(
        ops::backup::list(&s).unwrap().len(),
        backups,
        "no backup made for nothing"
    );
    // The daily backup comes once a day.
    assert_eq!(
        backup::daily(&s).unwrap().map(|b| b.kind),
        Some("daglig".to_string())
    );
    assert!(backup::daily(&s).unwrap().is_none());
    let _ = Kind::Manual;
}

/// A backup taken while an import writes through another connection is a committed
/// state: it opens with integrity ok and holds either none or all of the import.
#[test]
fn a_backup_taken_during_an_import_is_a_committed_state() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.sqlite");
    let csv = dir.path().join("stor.csv");
    navet::demo::write_partner_csv(&csv, 40_000).unwrap();
    let mut writer = Store::open(&db).unwrap();
    ops::load_demo(
        &mut writer,
        4,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
    )
    .unwrap();
    let before = reports(&writer);
    let reader = Store::open(&db).unwrap();
    let done = std::sync::atomic::AtomicBool::new(false);
    let (after, copies) = std::thread::scope(|scope| {
        let import = scope.spawn(|| {
            let r = ops::import::file(
                &mut writer,
                &csv,
                &navet::import::ImportOptions {
                    partner: Some("Bostadsbolaget Hemvist".into()),
                    ..Default::default()
                },
            )
            .unwrap();
            done.store(true, std::sync::atomic::Ordering::SeqCst);
            r.inserted
        });
        let mut copies = Vec::new();
        while !done.load(std::sync::atomic::Ordering::SeqCst) && copies.len() < 40 {
            copies
                .push(navet::db::backup::create(&reader, navet::db::backup::Kind::Manual).unwrap());
        }
        (import.join().unwrap(), copies)
    });
    assert!(!copies.is_empty());
    let writer_done = Store::open(&db).unwrap();
    let all = reports(&writer_done);
    assert_eq!(all, before + i64::from(after));
    // The big import made its own backup first, holding the state before it.
    let list = ops::backup::list(&writer_done).unwrap();
    let pre = list
        .iter()
        .find(|b| b.kind == "fore-import")
        .expect("a backup before the import");
    assert_eq!(reports(&Store::open_reader(&pre.path).unwrap()), before);
    for b in list.iter().filter(|b| b.kind == "manuell") {
        let copy = Store::open_reader(&b.path).unwrap();
        let ok: String = copy
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        let n = reports(&copy);
        assert!(n == before || n == all, "{n} is neither {before} nor {all}");
    }
}

/// A database this user cannot write, or in a folder it cannot write: one Swedish line
/// naming which, nothing changed and no -wal or -shm left behind. (Run as another user
/// with setpriv when the tests run as root, which ignores file modes.)
#[cfg(unix)]
#[test]
fn a_read_only_database_or_folder_is_named_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let place = dir.path().join("plats");
    std::fs::create_dir(&place).unwrap();
    let db = place.join("n.sqlite");
    {
        let mut s = Store::open(&db).unwrap();
        ops::partners::add(&mut s, "Polisen").unwrap();
    }
    let bin = dir.path().join("navet");
    std::fs::copy(env!("CARGO_BIN_EXE_navet"), &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let root = running_as_root();
    let run = || {
        let mut c = if root {
            let mut c = std::process::Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&bin);
            c
        } else {
            std::process::Command::new(&bin)
        };
        c.arg("--db")
            .arg(&db)
            .args(["partner", "list"])
            .env_remove("NAVET_DB");
        c.output().unwrap()
    };
    let listing = |p: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(p)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    // The folder and the file can be read, not written (by the other user, or by us).
    let owner_only =
        |mode: u32| std::fs::Permissions::from_mode(if root { mode } else { mode & 0o555 });
    for (folder_mode, file_mode, folder) in [(0o755, 0o644, false), (0o755, 0o666, true)] {
        std::fs::set_permissions(&place, owner_only(folder_mode)).unwrap();
        std::fs::set_permissions(&db, owner_only(file_mode)).unwrap();
        let before = (listing(&place), bytes(&db));
        let out = run();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        let expected = if folder {
            "får inte skriva i mappen"
        } else {
            "går bara att läsa för dig"
        };
        if root || !folder {
            assert!(err.contains(expected), "{err}");
        }
        assert_eq!(
            (listing(&place), bytes(&db)),
            before,
            "nothing changed or left behind"
        );
    }
    std::fs::set_permissions(&place, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(Store::open(&db).is_ok(), "the next start opens normally");
}

/// Whether the tests run as root (root writes whatever the file modes say).
fn running_as_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
