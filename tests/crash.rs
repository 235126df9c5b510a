//! Crash safety: `navet import` killed with SIGKILL at twenty moments spread over a
//! whole import (early, among the rows, during the index rebuild and the commit) of a
//! 200,000-row file into a database that already holds data. (There is no journal switch
//! to kill any more: a bulk load stays in WAL, see BENCHMARKS.md.) After each kill the database
//! opens clean (`integrity_check`, `foreign_key_check`), the import is all or nothing,
//! the earlier data is unchanged, the journal is WAL again, the month counts and the
//! search index agree with the reports; importing again gives exactly the expected rows.
//! Exports, backups and turning encryption on or off are killed the same way: every file
//! is the old one or the whole new one.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use navet::Store;

/// The import that is killed: issue 12's 200,000 rows.
const IMPORT_ROWS: usize = 200_000;
/// The database the exports, backups and encryption are killed over.
const ROWS: usize = 50_000;
const KILLS: u32 = 20;

fn big_csv(path: &Path, rows: usize) {
    let places = [
        "Stortorget",
        "Resecentrum",
        "Norrby centrum",
        "Galleriet",
        "Okänd gata",
    ];
    let categories = ["Klotter", "Skadegörelse", "Nedskräpning", "Stöld/inbrott"];
    let mut text = String::with_capacity(rows * 60);
    text.push_str("Datum;Tid;Plats;Kategori;Antal;Beskrivning\n");
    for i in 0..rows {
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        text.push_str(&format!(
            "2025-{month:02}-{day:02};{:02}:{:02};{};{};{};rad {i}\n",
            i % 24,
            i % 60,
            places[i % places.len()],
            categories[i % categories.len()],
            1 + i % 3,
        ));
    }
    std::fs::write(path, text).unwrap();
}

fn count(s: &Store) -> i64 {
    s.conn()
        .query_row("SELECT count(*) FROM report", [], |r| r.get(0))
        .unwrap()
}

/// SQLite's `integrity_check` of the database `s` finds nothing (`what` names it).
fn assert_whole(s: &Store, what: &dyn std::fmt::Display) {
    let ok: String = s
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok", "{what}");
}

/// A database at `db` holding the demo (8 weeks) and `csv` imported for Polisen.
fn demo_with_import(db: &Path, csv: &Path) -> Store {
    let mut s = Store::open(db).unwrap();
    navet::ops::load_demo(
        &mut s,
        8,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
    )
    .unwrap();
    navet::ops::import::file(
        &mut s,
        csv,
        &navet::import::ImportOptions {
            partner: Some("Polisen".into()),
            ..Default::default()
        },
    )
    .unwrap();
    s
}

/// Opens the database as the app would and checks everything a crash could break.
fn check(db: &Path, before: i64) -> i64 {
    let s = Store::open(db).unwrap();
    assert_whole(&s, &db.display());
    let c = s.conn();
    let fk: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0, "foreign keys");
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let n = count(&s);
    assert!(
        n == before || n == before + IMPORT_ROWS as i64,
        "all or nothing: {n} reports, {before} before"
    );
    assert!(
        navet::db::report_month::disagreements(c)
            .unwrap()
            .is_empty()
    );
    c.execute(
        "INSERT INTO report_fts (report_fts) VALUES ('integrity-check')",
        [],
    )
    .unwrap();
    let batches: i64 = c
        .query_row("SELECT count(*) FROM import_batch", [], |r| r.get(0))
        .unwrap();
    assert_eq!(batches == 0, n == before, "a batch only with its rows");
    n
}

#[test]
fn an_import_killed_at_any_moment_leaves_all_or_nothing() {
    let navet = env!("CARGO_BIN_EXE_navet");
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.sqlite");
    {
        let mut s = Store::open(&base).unwrap();
        navet::ops::load_demo(
            &mut s,
            8,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
        )
        .unwrap();
    }
    let before = count(&Store::open(&base).unwrap());
    let csv = dir.path().join("stor.csv");
    big_csv(&csv, IMPORT_ROWS);
    let work = dir.path().join("work.sqlite");
    let fresh = || {
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", work.display()));
        }
        std::fs::copy(&base, &work).unwrap();
    };
    let import = || {
        Command::new(navet)
            .args(["--db", &work.display().to_string(), "import"])
            .arg(&csv)
            .args(["--partner", "Polisen"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // One whole import: how long it takes sets the kill moments.
    fresh();
    let started = Instant::now();
    assert!(import().wait().unwrap().success());
    let whole = started.elapsed();
    assert_eq!(check(&work, before), before + IMPORT_ROWS as i64);

    let mut completed = 0;
    for k in 0..KILLS {
        fresh();
        let mut child = import();
        // From the very start to just past the end, evenly.
        std::thread::sleep(whole.mul_f64(f64::from(k) / f64::from(KILLS - 2)));
        let _ = child.kill();
        let _ = child.wait();
        let n = check(&work, before);
        if n != before {
            completed += 1;
        }
        // Importing again gives exactly the expected rows, whatever the kill left (every
        // fourth time, to keep the run short).
        if k % 4 == 3 {
            assert!(import().wait().unwrap().success());
            assert_eq!(check(&work, before), before + IMPORT_ROWS as i64);
        }
    }
    eprintln!("{completed} of {KILLS} kills came after the commit; import took {whole:?}");
    assert!(completed < KILLS, "most kills land before the commit");
}

/// What a file at `path` is now: `None` if absent.
fn read(path: &Path) -> Option<Vec<u8>> {
    std::fs::read(path).ok()
}

/// The worksheet of an XLSX, or `None` if the file is no whole zip with one.
fn sheet(bytes: &[u8]) -> Option<String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut s = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .ok()?
        .read_to_string(&mut s)
        .ok()?;
    Some(s)
}

/// Every export and backup killed with SIGKILL at moments spread over its whole run: the
/// target is the old file or the whole new one, never a part; a backup on disk opens
/// clean with every report; the database itself stays clean.
#[test]
fn an_export_or_backup_killed_at_any_moment_leaves_the_old_file_or_the_whole_new_one() {
    const TRIES: u32 = 8;
    let navet = env!("CARGO_BIN_EXE_navet");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.sqlite");
    let csv = dir.path().join("stor.csv");
    big_csv(&csv, ROWS);
    drop(demo_with_import(&db, &csv));
    let all = count(&Store::open(&db).unwrap());
    let run = |args: &[&str]| {
        Command::new(navet)
            .args(["--db", &db.display().to_string()])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut trials = 0;
    let mut new_files = 0;
    for (kind, ext) in [("csv", "csv"), ("xlsx", "xlsx")] {
        let reference = dir.path().join(format!("ref.{ext}"));
        let started = Instant::now();
        let out = reference.display().to_string();
        assert!(
            run(&[
                "export",
                kind,
                "reports",
                "--from",
                "2000-01-01",
                "--to",
                "2030-12-31",
                "--out",
                &out
            ])
            .wait()
            .unwrap()
            .success()
        );
        let whole = started.elapsed();
        let reference = read(&reference).unwrap();
        let target = dir.path().join(format!("ut.{ext}"));
        for k in 0..TRIES {
            std::fs::write(&target, b"GAMMAL FIL").unwrap();
            let out = target.display().to_string();
            let mut child = run(&[
                "export",
                kind,
                "reports",
                "--from",
                "2000-01-01",
                "--to",
                "2030-12-31",
                "--out",
                &out,
            ]);
            std::thread::sleep(whole.mul_f64(f64::from(k) / f64::from(TRIES - 2)));
            let _ = child.kill();
            let _ = child.wait();
            trials += 1;
            let now = read(&target).expect("the target is never removed");
            if now == b"GAMMAL FIL" {
                continue;
            }
            new_files += 1;
            if ext == "csv" {
                assert_eq!(now, reference, "a killed CSV export left a part");
            } else {
                assert_eq!(
                    sheet(&now),
                    sheet(&reference),
                    "a killed XLSX export left a part"
                );
            }
        }
    }
    // Backups: each one on disk is whole.
    let started = Instant::now();
    assert!(run(&["backup", "create"]).wait().unwrap().success());
    let whole = started.elapsed();
    for k in 0..TRIES {
        let mut child = run(&["backup", "create"]);
        std::thread::sleep(whole.mul_f64(f64::from(k) / f64::from(TRIES - 2)));
        let _ = child.kill();
        let _ = child.wait();
        trials += 1;
    }
    // (The import above made one before it: that one holds the state before it.)
    let backups: Vec<_> = navet::db::backup::list(&db)
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == "manuell")
        .collect();
    assert!(!backups.is_empty());
    for b in &backups {
        let copy = Store::open_reader(&b.path).unwrap();
        assert_whole(&copy, &b.path);
        assert_eq!(count(&copy), all, "{}", b.path);
    }
    let s = Store::open(&db).unwrap();
    assert!(s.quick_check().unwrap().is_empty());
    assert_eq!(count(&s), all);
    eprintln!(
        "{trials} kills: {new_files} exports had finished, {} backups whole on disk",
        backups.len()
    );
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

/// Opens `db` with or without the passphrase, whichever its form needs, and checks it
/// is whole: integrity, every report, WAL again. Returns whether it is encrypted.
fn whole_either_way(db: &Path, key: &navet::db::crypt::Passphrase, all: i64) -> bool {
    use navet::db::crypt::{Form, form};
    let encrypted = form(db).unwrap() == Form::Encrypted;
    let s = if encrypted {
        Store::open_keyed(db, Some(key)).unwrap()
    } else {
        Store::open(db).unwrap()
    };
    assert_whole(&s, &db.display());
    assert_eq!(count(&s), all, "{}", db.display());
    encrypted
}

#[test]
fn turning_encryption_on_or_off_killed_at_any_moment_leaves_the_old_file_or_the_whole_new_one() {
    const TRIES: u32 = 6;
    const PHRASE: &str = "krasch mitt i krypteringen";
    let navet = env!("CARGO_BIN_EXE_navet");
    let key = navet::db::crypt::Passphrase::given(PHRASE).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base");
    std::fs::create_dir(&base).unwrap();
    let csv = dir.path().join("stor.csv");
    big_csv(&csv, ROWS);
    navet::ops::backup::create(&demo_with_import(&base.join("n.sqlite"), &csv)).unwrap();
    let all = count(&Store::open(base.join("n.sqlite")).unwrap());
    // Each backup's own count (the one made before the big import holds less).
    let in_backup: std::collections::HashMap<String, i64> =
        navet::db::backup::list(&base.join("n.sqlite"))
            .unwrap()
            .into_iter()
            .map(|b| (b.file_name, count(&Store::open_reader(&b.path).unwrap())))
            .collect();
    assert_eq!(in_backup.len(), 2);
    // The same folder encrypted, made once.
    let base_encrypted = dir.path().join("base-krypterad");
    copy_folder(&base, &base_encrypted);
    {
        let mut s = Store::open(base_encrypted.join("n.sqlite")).unwrap();
        let on = navet::ops::encryption::turn_on(&mut s, &key).unwrap();
        assert_eq!(on.backups, 2);
    }
    let work = dir.path().join("work");
    let db = work.join("n.sqlite");
    // A fresh copy of the folder (database and backups), plain or encrypted.
    let fresh = |encrypted: bool| {
        let _ = std::fs::remove_dir_all(&work);
        copy_folder(if encrypted { &base_encrypted } else { &base }, &work);
    };
    let run = |args: &[&str]| {
        Command::new(navet)
            .args(["--db", &db.display().to_string()])
            .args(args)
            .env("NAVET_PASSPHRASE", PHRASE)
            .env("NAVET_NEW_PASSPHRASE", PHRASE)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut trials = 0;
    let mut changed = 0;
    for (word, from_encrypted) in [("on", false), ("off", true)] {
        fresh(from_encrypted);
        let started = Instant::now();
        assert!(run(&["encryption", word]).wait().unwrap().success());
        let whole = started.elapsed();
        eprintln!("encryption {word}: {whole:?}");
        assert_eq!(whole_either_way(&db, &key, all), !from_encrypted);
        for k in 0..TRIES {
            fresh(from_encrypted);
            let mut child = run(&["encryption", word]);
            std::thread::sleep(whole.mul_f64(f64::from(k) / f64::from(TRIES - 2)));
            let _ = child.kill();
            let _ = child.wait();
            trials += 1;
            // The database is the old one or the whole new one, and so is each backup.
            let now_encrypted = whole_either_way(&db, &key, all);
            if now_encrypted != from_encrypted {
                changed += 1;
            }
            for b in navet::db::backup::list(&db).unwrap() {
                whole_either_way(Path::new(&b.path), &key, in_backup[&b.file_name]);
            }
            // Running the command again (or, once the database has changed, changing
            // to the same passphrase) brings the database and every backup to one form
            // (every other time, to keep the run short).
            // What the status screen tells the user to run: the command again; after an
            // interrupted `on`, a change to the same passphrase; after an interrupted
            // `off`, `on` with the old passphrase and `off` again.
            let again: &[&str] = if k % 2 == 0 {
                continue;
            } else if now_encrypted == from_encrypted {
                &[word]
            } else if now_encrypted {
                &["change"]
            } else {
                &["on", "off"]
            };
            for word in again {
                let out = Command::new(navet)
                    .args(["--db", &db.display().to_string(), "encryption", word])
                    .env("NAVET_PASSPHRASE", PHRASE)
                    .env("NAVET_NEW_PASSPHRASE", PHRASE)
                    .stdin(Stdio::null())
                    .output()
                    .unwrap();
                let said = String::from_utf8_lossy(&out.stdout).into_owned()
                    + &String::from_utf8_lossy(&out.stderr);
                assert!(out.status.success(), "{said}");
                assert!(!said.contains("kunde inte"), "{said}");
            }
            let s = if from_encrypted {
                Store::open(&db).unwrap()
            } else {
                Store::open_keyed(&db, Some(&key)).unwrap()
            };
            let status = navet::ops::encryption::status(&s).unwrap();
            assert!(status.backups_differing.is_empty(), "{status:?}");
            let names: Vec<String> = std::fs::read_dir(&work)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
        }
    }
    eprintln!("{trials} kills while encrypting or decrypting: {changed} had replaced the database");
    assert!(changed < trials, "most kills land before the rename");
}

/// `(reports, sum of their counts, areas)`.
fn numbers(c: &rusqlite::Connection) -> (i64, i64, i64) {
    c.query_row(
        "SELECT (SELECT count(*) FROM report), (SELECT sum(count) FROM report), (SELECT count(*) FROM area)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .unwrap()
}

/// [`numbers`] of the database at `path`, opened and checked whole.
fn fingerprint(path: &Path) -> (i64, i64, i64) {
    let s = Store::open(path).unwrap();
    assert_whole(&s, &path.display());
    numbers(s.conn())
}

#[test]
fn the_database_file_copied_alone_while_an_import_runs_is_the_last_committed_state() {
    let navet = env!("CARGO_BIN_EXE_navet");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.sqlite");
    let csv = dir.path().join("stor.csv");
    big_csv(&csv, ROWS);
    let mut s = Store::open(&db).unwrap();
    navet::ops::load_demo(
        &mut s,
        8,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
    )
    .unwrap();
    s.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    // The coordinator's latest small commits: in the database file at once (a
    // checkpoint after every commit), not only in the WAL.
    s.write(|tx| {
        tx.execute("UPDATE report SET count = count + 1 WHERE id <= 10", [])?;
        tx.execute(
            "INSERT INTO area (name, name_key, created_at) VALUES ('Kopieområdet', 'kopieomradet', '2026-11-30T12:00:00Z')",
            [],
        )?;
        Ok(())
    })
    .unwrap();
    // What the database holds now, read through SQLite (WAL included).
    let committed = numbers(Store::open_reader(&db).unwrap().conn());
    // A reader holds its snapshot through the import, as the app's readers may: no
    // checkpoint after the import's commit can then touch the file while it is copied.
    let reader = Store::open_reader(&db).unwrap();
    reader.conn().execute_batch("BEGIN").unwrap();
    let _: i64 = reader
        .conn()
        .query_row("SELECT count(*) FROM report", [], |r| r.get(0))
        .unwrap();

    let mut child = Command::new(navet)
        .args(["--db", &db.display().to_string(), "import"])
        .arg(&csv)
        .args(["--partner", "Polisen"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut copies = Vec::new();
    loop {
        let copy = dir.path().join(format!("kopia-{}.sqlite", copies.len()));
        std::fs::copy(&db, &copy).unwrap();
        copies.push(copy);
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(child.wait().unwrap().success());
    assert!(
        copies.len() >= 3,
        "copies while the import ran: {}",
        copies.len()
    );
    for copy in &copies {
        assert_eq!(fingerprint(copy), committed, "{}", copy.display());
    }
    reader.conn().execute_batch("COMMIT").unwrap();
    let after: i64 = reader
        .conn()
        .query_row("SELECT count(*) FROM report", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        after,
        committed.0 + ROWS as i64,
        "the import itself committed"
    );
    eprintln!(
        "{} copies of the file alone during the import, each the last committed state",
        copies.len()
    );
    drop(s);
}
