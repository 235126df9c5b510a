//! A full disk, simulated with a file-size limit (`ulimit -f`, with SIGXFSZ ignored so a
//! write past it fails with EFBIG as a write to a full disk fails with ENOSPC): every
//! export, backup and import ends with one clear Swedish line, leaves what was there
//! (the old file, the database as it was) and no half-written file, and the next start
//! opens normally.

use std::path::Path;
use std::process::{Command, Output};

use navet::Store;

/// `navet ARGS` with files limited to `kb` kilobytes.
fn limited(kb: u64, db: &Path, args: &[&str]) -> Output {
    let navet = env!("CARGO_BIN_EXE_navet");
    Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -f {kb}; trap '' XFSZ; exec \"$0\" --db \"$1\" \"${{@:2}}\""
        ))
        .arg(navet)
        .arg(db)
        .args(args)
        .env_remove("NAVET_DB")
        .output()
        .unwrap()
}

/// One Swedish line on stderr, exit 1, no panic.
fn refused(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("error:"),
        "{err}"
    );
    err
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn count(s: &Store) -> i64 {
    s.conn()
        .query_row("SELECT count(*) FROM report", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_full_disk_leaves_the_old_file_the_old_database_and_no_part() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.sqlite");
    {
        let mut s = Store::open(&db).unwrap();
        navet::ops::load_demo(
            &mut s,
            26,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
        )
        .unwrap();
    }
    let before = count(&Store::open(&db).unwrap());
    let db_kb = std::fs::metadata(&db).unwrap().len() / 1024;

    // Exports: the old file stays, and nothing else is left beside it.
    for ext in ["csv", "xlsx"] {
        let target = dir.path().join(format!("ut.{ext}"));
        std::fs::write(&target, b"GAMMAL FIL").unwrap();
        let listed = files(dir.path());
        // Room for the database's shared-memory file (32 kB), not for the export.
        let out = limited(
            40,
            &db,
            &[
                "export",
                ext,
                "reports",
                "--from",
                "2000-01-01",
                "--to",
                "2030-12-31",
                "--out",
                &target.display().to_string(),
            ],
        );
        let err = refused(&out);
        assert!(
            err.contains(&format!("ut.{ext}")) && err.contains("större än systemet tillåter"),
            "{err}"
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"GAMMAL FIL");
        assert_eq!(files(dir.path()), listed, "a part left beside the target");
    }

    // A backup: no .bak appears, no part of one is left.
    let listed = files(dir.path());
    let err = refused(&limited(db_kb / 2, &db, &["backup", "create"]));
    assert!(err.contains("disken full"), "{err}");
    assert_eq!(files(dir.path()), listed);

    // An import: all or nothing, the database as it was, and it opens normally after.
    let csv = dir.path().join("stor.csv");
    let mut text = String::from("Datum;Tid;Plats;Kategori;Antal;Beskrivning\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "2025-{:02}-{:02};12:00;Stortorget;Klotter;1;rad {i} {}\n",
            1 + i % 12,
            1 + i % 28,
            "x".repeat(60)
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let err = refused(&limited(
        db_kb + 200,
        &db,
        &["import", &csv.display().to_string(), "--partner", "Polisen"],
    ));
    assert!(err.contains("inget är ändrat"), "{err}");
    let s = Store::open(&db).unwrap();
    assert!(s.quick_check().unwrap().is_empty());
    assert_eq!(count(&s), before, "nothing of the import is kept");
    let mode: String = s
        .conn()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(s);
    // With room again, the same import goes through.
    let out = Command::new(env!("CARGO_BIN_EXE_navet"))
        .args(["--db", &db.display().to_string(), "import"])
        .arg(&csv)
        .args(["--partner", "Polisen"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(count(&Store::open(&db).unwrap()), before + 20_000);
}
