//! Crash safety: `navet import` killed with SIGKILL at twenty moments spread over a
//! whole import (early, among the rows, during the index rebuild and the commit) of a
//! large file into a database that already holds data. After each kill the database
//! opens clean (`integrity_check`, `foreign_key_check`), the import is all or nothing,
//! the earlier data is unchanged, the journal is WAL again, the month counts and the
//! search index agree with the reports; importing again gives exactly the expected rows.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use navet::Store;

const ROWS: usize = 50_000;
const KILLS: u32 = 20;

fn big_csv(path: &Path) {
    let places = [
        "Stortorget",
        "Resecentrum",
        "Norrby centrum",
        "Galleriet",
        "Okänd gata",
    ];
    let categories = ["Klotter", "Skadegörelse", "Nedskräpning", "Stöld/inbrott"];
    let mut text = String::with_capacity(ROWS * 60);
    text.push_str("Datum;Tid;Plats;Kategori;Antal;Beskrivning\n");
    for i in 0..ROWS {
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

/// Opens the database as the app would and checks everything a crash could break.
fn check(db: &Path, before: i64) -> i64 {
    let s = Store::open(db).unwrap();
    let c = s.conn();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
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
        n == before || n == before + ROWS as i64,
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
    big_csv(&csv);
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
    assert_eq!(check(&work, before), before + ROWS as i64);

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
            assert_eq!(check(&work, before), before + ROWS as i64);
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
    big_csv(&csv);
    {
        let mut s = Store::open(&db).unwrap();
        navet::ops::load_demo(
            &mut s,
            8,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
        )
        .unwrap();
        navet::ops::import::file(
            &mut s,
            &csv,
            &navet::import::ImportOptions {
                partner: Some("Polisen".into()),
                ..Default::default()
            },
        )
        .unwrap();
    }
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
        let ok: String = copy
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "{}", b.path);
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
