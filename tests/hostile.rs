//! Hostile spreadsheets and non-files: each is refused (or read) with a Swedish message,
//! without a panic, without filling the memory, and without storing anything. The
//! memory-hungry ones run the `navet` binary under an address-space limit.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use navet::Store;
use navet::import::ImportOptions;
use navet::ops;

fn store(dir: &Path) -> Store {
    let mut s = Store::open(dir.join("n.sqlite")).unwrap();
    ops::partners::add(&mut s, "Polisen").unwrap();
    s
}

fn opts() -> ImportOptions {
    ImportOptions {
        partner: Some("Polisen".into()),
        ..Default::default()
    }
}

/// Runs `navet import FILE --partner Polisen --dry-run` with at most `mb` MB of address
/// space; returns (exit code, stderr).
fn import_limited(dir: &Path, file: &Path, mb: u64) -> (i32, String) {
    let navet = env!("CARGO_BIN_EXE_navet");
    let db = dir.join("limited.sqlite");
    let script = format!(
        "ulimit -v {}; exec \"$0\" --db \"$1\" import \"$2\" --partner Polisen --dry-run",
        mb * 1024
    );
    let _ = Command::new(navet)
        .args([
            "--db",
            &db.display().to_string(),
            "partner",
            "add",
            "Polisen",
        ])
        .output();
    let out = Command::new("sh")
        .args([
            "-c",
            &script,
            navet,
            &db.display().to_string(),
            &file.display().to_string(),
        ])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A small valid workbook with a header and one row, plus `extra` cells.
fn workbook(path: &Path, extra: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Datum", "Plats", "Kategori"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "2026-11-02").unwrap();
    ws.write_string(1, 1, "Torget").unwrap();
    ws.write_string(1, 2, "Klotter").unwrap();
    extra(ws);
    wb.save(path).unwrap();
}

/// Writes a replacement part's contents.
type Part<'a> = &'a dyn Fn(&mut dyn Write);

/// Copies a zip archive, replacing the named parts' contents.
fn rewrite_zip(from: &Path, to: &Path, replace: &[(&str, Part)]) {
    let mut src = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    for i in 0..src.len() {
        let mut entry = src.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        out.start_file(name.as_str(), options).unwrap();
        match replace.iter().find(|(n, _)| *n == name) {
            Some((_, write)) => write(&mut out),
            None => {
                std::io::copy(&mut entry, &mut out).unwrap();
            }
        }
    }
    out.finish().unwrap();
}

#[test]
fn a_far_cell_costs_one_cell_not_a_grid_of_billions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("langt-bort.xlsx");
    workbook(&path, |ws| {
        ws.write_string(1_048_575, 16_383, "XFD1048576").unwrap();
    });
    assert!(
        std::fs::metadata(&path).unwrap().len() < 10_000,
        "a small file"
    );
    // Read (or refused) in well under a gigabyte: the dense grid took more than 12 GB.
    let (code, stderr) = import_limited(dir.path(), &path, 1024);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(code == 0 || code == 1, "{code}: {stderr}");
}

#[test]
fn a_forged_shared_string_count_is_refused_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("bra.xlsx");
    workbook(&good, |_| {});
    let bad = dir.path().join("falsk.xlsx");
    let forged: Part = &|w| {
        w.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"18446744073709551616\" uniqueCount=\"18446744073709551616\"><si><t>Datum</t></si></sst>",
        )
        .unwrap();
    };
    rewrite_zip(&good, &bad, &[("xl/sharedStrings.xml", forged)]);
    let mut s = store(dir.path());
    let err = ops::import::file(&mut s, &bad, &opts()).unwrap_err();
    assert!(err.to_string().contains("textlista"), "{err}");
    let (code, stderr) = import_limited(dir.path(), &bad, 1024);
    assert_eq!(code, 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_zip_bomb_is_refused_before_it_inflates() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("bra.xlsx");
    workbook(&good, |_| {});
    let bomb = dir.path().join("bomb.xlsx");
    // 520 MB of spaces in the sheet, a few MB packed.
    let spaces: Part = &|w| {
        let block = vec![b' '; 1 << 20];
        for _ in 0..520 {
            w.write_all(&block).unwrap();
        }
    };
    rewrite_zip(&good, &bomb, &[("xl/worksheets/sheet1.xml", spaces)]);
    let packed = std::fs::metadata(&bomb).unwrap().len();
    assert!(packed < 20_000_000, "{packed} bytes packed");
    let mut s = store(dir.path());
    let err = ops::import::file(&mut s, &bomb, &opts()).unwrap_err();
    assert!(err.to_string().contains("packas upp"), "{err}");
    assert_eq!(ops::import::list(&s).unwrap().len(), 0, "nothing stored");
}

#[test]
fn a_fifo_a_directory_and_a_header_without_rows_are_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let fifo: PathBuf = dir.path().join("kanal.csv");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // Would block forever if opened for reading.
    let err = ops::import::file(&mut s, &fifo, &opts()).unwrap_err();
    assert!(err.to_string().contains("ingen vanlig fil"), "{err}");
    let err = ops::import::file(&mut s, dir.path(), &opts()).unwrap_err();
    assert!(err.to_string().contains("ingen vanlig fil"), "{err}");
    let header_only = dir.path().join("tom.csv");
    std::fs::write(&header_only, "Datum;Plats;Kategori\n").unwrap();
    let err = ops::import::file(&mut s, &header_only, &opts()).unwrap_err();
    assert!(err.to_string().contains("inga rader"), "{err}");
    assert_eq!(ops::import::list(&s).unwrap().len(), 0, "no empty batch");
}

/// A refusal is Swedish all through: no library's English sentence inside the Swedish
/// frame (a truncated workbook, JSON nested 100,000 deep, JSON of the wrong shape).
#[test]
fn refusals_carry_no_librarys_english() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let good = dir.path().join("bra.xlsx");
    workbook(&good, |_| {});
    let bytes = std::fs::read(&good).unwrap();
    let truncated = dir.path().join("avbruten.xlsx");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let deep = dir.path().join("djup.json");
    std::fs::write(
        &deep,
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
    )
    .unwrap();
    let shape = dir.path().join("form.json");
    std::fs::write(&shape, r#"[{"id": "x", "datetime": 5}]"#).unwrap();
    let english = [
        "error",
        "invalid",
        "expected",
        "unexpected",
        "recursion",
        "failed",
        "eof",
        "archive",
        "found",
        "line ",
        "column ",
    ];
    for file in [&truncated, &deep, &shape] {
        let err = ops::import::file(&mut s, file, &opts()).unwrap_err();
        let text = err.to_string().to_lowercase();
        for w in english {
            // The file's own name may hold anything; look at the sentence after it.
            let sentence = text.split_once(": ").map_or(text.as_str(), |(_, r)| r);
            assert!(!sentence.contains(w), "{file:?}: {text}");
        }
    }
    assert_eq!(ops::import::list(&s).unwrap().len(), 0);
}

/// Years 0001 and 9999 are typos, not incidents: such rows are stored flagged (under the
/// default policy) with a problem that names the date, never silently counted.
#[test]
fn dates_far_outside_any_incident_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let p = dir.path().join("ar.csv");
    std::fs::write(
        &p,
        "Datum;Plats;Kategori\n0001-11-02;Torget;Klotter\n9999-11-02;Torget;Klotter\n2026-11-02;Torget;Klotter\n",
    )
    .unwrap();
    let r = ops::import::file(&mut s, &p, &opts()).unwrap();
    assert_eq!((r.inserted, r.flagged), (3, 2), "{:?}", r.issues);
    let lines: Vec<u64> = r
        .issues
        .iter()
        .filter(|i| i.message.contains("kontrollera året"))
        .map(|i| i.line)
        .collect();
    assert_eq!(lines, [2, 3]);
}

/// A 50 MB file that is one line is refused with its line number before the CSV reader
/// holds it (it took 420 MB and 19 s on its way to being called a summary row), under a
/// 256 MB address-space limit; a description of 3 MB still imports. 100,000 columns are
/// refused in Swedish too, at once.
#[test]
fn an_endless_line_and_a_hundred_thousand_columns_are_refused_within_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let line = dir.path().join("en-rad.csv");
    std::fs::write(
        &line,
        format!("Datum;Plats;Kategori\n{}", "x".repeat(50_000_000)),
    )
    .unwrap();
    let (code, stderr) = import_limited(dir.path(), &line, 256);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("rad 2 är längre än 4 MB"), "{stderr}");
    let long = dir.path().join("lang-text.csv");
    std::fs::write(
        &long,
        format!(
            "Datum;Plats;Kategori;Beskrivning\n2026-11-10;Stortorget;Klotter;{}\n",
            "y".repeat(3_000_000)
        ),
    )
    .unwrap();
    let (code, stderr) = import_limited(dir.path(), &long, 512);
    assert_eq!(code, 0, "{stderr}");
    let cols = dir.path().join("kolumner.csv");
    let header: Vec<String> = (0..100_000).map(|i| format!("k{i}")).collect();
    let row: Vec<&str> = (0..100_000).map(|_| "1").collect();
    std::fs::write(&cols, format!("{}\n{}\n", header.join(";"), row.join(";"))).unwrap();
    let (code, stderr) = import_limited(dir.path(), &cols, 256);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.starts_with("navet: ") && stderr.trim_end().lines().count() == 1,
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Invalid UTF-8 at every kind of place in a UTF-8 file (in the BOM, the header, a
/// cell, between cells, inside a character, as the last byte): each file is read (as
/// the Windows-1252 Excel writes, whose every byte is a character) or refused in
/// Swedish, never a panic, and what is stored is valid text.
#[test]
fn invalid_utf8_anywhere_is_read_or_refused_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let good = "Datum;Plats;Kategori;Beskrivning\n2026-11-10;Stortorget;Klotter;Tagg på bänken\n";
    let places: Vec<(&str, Vec<u8>)> = vec![
        (
            "in the BOM",
            [&[0xEF, 0xBB, 0xFF][..], good.as_bytes()].concat(),
        ),
        (
            "in the header",
            good.replacen("Plats", "Pl\u{0}ts", 1)
                .replace('\u{0}', "\u{1}")
                .into_bytes()
                .iter()
                .map(|&b| if b == 1 { 0xC3 } else { b })
                .collect(),
        ),
        (
            "in a cell",
            good.replacen("Tagg", "T\u{1}gg", 1)
                .into_bytes()
                .iter()
                .map(|&b| if b == 1 { 0xFF } else { b })
                .collect(),
        ),
        (
            "between cells",
            good.replacen(";Klotter", "\u{1};Klotter", 1)
                .into_bytes()
                .iter()
                .map(|&b| if b == 1 { 0x80 } else { b })
                .collect(),
        ),
        ("inside a character", {
            let mut b = good.as_bytes().to_vec();
            let at = good.find('å').unwrap();
            b.remove(at + 1);
            b
        }),
        (
            "as the last byte",
            [good.as_bytes(), &[0xE2, 0x82]].concat(),
        ),
        (
            "an overlong encoding",
            good.replacen("Tagg", "\u{1}\u{2}", 1)
                .into_bytes()
                .iter()
                .map(|&b| match b {
                    1 => 0xC0,
                    2 => 0xAF,
                    _ => b,
                })
                .collect(),
        ),
        (
            "a surrogate",
            good.replacen("Tagg", "\u{1}\u{2}\u{3}", 1)
                .into_bytes()
                .iter()
                .map(|&b| match b {
                    1 => 0xED,
                    2 => 0xA0,
                    3 => 0x80,
                    _ => b,
                })
                .collect(),
        ),
    ];
    for (i, (where_, bytes)) in places.into_iter().enumerate() {
        let case = dir.path().join(format!("fall{i}"));
        std::fs::create_dir(&case).unwrap();
        let mut s = store(&case);
        let path = case.join(format!("fil{i}.csv"));
        std::fs::write(&path, &bytes).unwrap();
        match navet::ops::import::file(&mut s, &path, &opts()) {
            Ok(r) => {
                // Read as Windows-1252: the row is there; every row read is stored,
                // flagged or listed as skipped (a stray last byte makes a row of its own).
                assert!(r.rows >= 1 && r.inserted >= 1, "{where_}: {r:?}");
                assert_eq!(r.rows, r.inserted + r.duplicates + r.skipped, "{where_}");
                let stored = navet::ops::report::list(&s, &Default::default())
                    .unwrap()
                    .reports;
                assert_eq!(stored.len() as u32, r.inserted, "{where_}");
                eprintln!("{where_}: read, {} stored", stored.len());
            }
            Err(e) => {
                let m = e.to_string();
                assert!(
                    m.contains(&format!("fil{i}.csv")),
                    "{where_}: the file is named: {m}"
                );
                for english in ["invalid", "utf-8", "error", "stream did not contain"] {
                    assert!(!m.to_lowercase().contains(english), "{where_}: {m}");
                }
                eprintln!("{where_}: refused: {m}");
            }
        }
    }
}

/// The rest of issue 12's list: UTF-16 without a byte-order mark is read (both byte
/// orders, å ä ö intact); counts like 1e30, -5, 2,5 and "tre" are flagged and stored as 1;
/// impossible dates are skipped with their line; an impossible time is flagged and the
/// report kept without it; a file this user may not read is named in Swedish.
#[test]
fn utf16_without_bom_wrong_counts_impossible_dates_and_an_unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Datum;Tid;Plats;Kategori;Antal;Beskrivning\r\n\
                2026-11-10;14:30;Stortorget;Klotter;1e30;Målat på väggen\r\n\
                2026-11-10;14:35;Stortorget;Klotter;-5;Sönderslagen ruta\r\n\
                2026-11-10;14:40;Stortorget;Klotter;2,5;Två och en halv\r\n\
                2026-11-10;14:45;Stortorget;Klotter;tre;Tre stycken\r\n\
                2026-02-30;14:30;Stortorget;Klotter;1;Trettionde februari\r\n\
                31/4;14:30;Stortorget;Klotter;1;Trettioförsta april\r\n\
                2026-11-10;25:61;Stortorget;Klotter;1;Klockan 25\r\n\
                2026-11-11;14.30;Stortorget;Klotter;1;Helt vanlig\r\n";
    for (name, bytes) in [
        (
            "le.csv",
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ),
        (
            "be.csv",
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ] {
        // Each into a database of its own (the second would be all duplicates).
        let mut s = Store::open(dir.path().join(format!("{name}.sqlite"))).unwrap();
        ops::load_demo(
            &mut s,
            1,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
        )
        .unwrap();
        let before: i64 = s
            .conn()
            .query_row("SELECT count(*) FROM report", [], |r| r.get(0))
            .unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let r = ops::import::file(&mut s, &path, &opts()).unwrap();
        assert!(
            r.encoding.as_deref().unwrap_or("").contains("utan BOM"),
            "{:?}",
            r.encoding
        );
        assert_eq!(
            (r.rows, r.inserted, r.flagged, r.skipped),
            (8, 6, 5, 2),
            "{name}: {:?}",
            r.issues
        );
        let said: Vec<String> = r.issues.iter().map(|i| format!("{i:?}")).collect();
        for value in ["1e30", "-5", "2,5", "tre", "2026-02-30", "31/4", "25:61"] {
            assert!(
                said.iter().any(|i| i.contains(value)),
                "{value} not named: {said:?}"
            );
        }
        let texts: Vec<(String, i64, Option<String>)> = s
            .conn()
            .prepare("SELECT text, count, occurred_time FROM report WHERE id > ?1 ORDER BY id")
            .unwrap()
            .query_map([before], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(texts.len(), 6, "{texts:?}");
        assert!(texts.iter().any(|t| t.0 == "Målat på väggen"), "{texts:?}");
        assert!(
            texts[..4].iter().all(|t| t.1 == 1),
            "wrong counts stored as 1: {texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.0 == "Klockan 25" && t.2.is_none()),
            "{texts:?}"
        );
    }

    // A file the user may not read (mode 000, read as another user when the tests run
    // as root, which reads anything).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("låst.csv");
        std::fs::write(&locked, text).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        let root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
        let bin = dir.path().join("navet");
        std::fs::copy(env!("CARGO_BIN_EXE_navet"), &bin).unwrap();
        let db = dir.path().join("annan.sqlite");
        let mut c = if root {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&bin);
            c
        } else {
            Command::new(&bin)
        };
        let out = c
            .arg("--db")
            .arg(&db)
            .arg("import")
            .arg(&locked)
            .args(["--partner", "Polisen", "--dry-run"])
            .env_remove("NAVET_DB")
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{said}");
        assert!(
            said.contains("låst.csv") && !said.contains("Permission"),
            "{said}"
        );
        assert_eq!(said.trim_end().lines().count(), 1, "{said}");
        eprintln!("unreadable: {said}");
    }
}

/// XLS: calamine lays a sheet out as one dense grid from its first to its last cell and
/// first reserves what the DIMENSIONS record claims. A 5.6 kB file with one far cell took
/// 1.07 GB; a forged claim of a last row before the first would underflow. Each is now
/// refused in Swedish after a look at the record stream; a small XLS still imports.
#[test]
fn an_xls_far_cell_or_forged_dimensions_are_refused_before_the_reader_lays_them_out() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xls");
    let mut s = store(dir.path());
    let r = ops::import::file(&mut s, &fixtures.join("liten.xls"), &opts()).unwrap();
    assert_eq!((r.rows, r.inserted), (2, 2), "{:?}", r.issues);
    for (name, says) in [
        ("langt-ut.xls", "16777216 celler"),
        ("mått-miljarder.xls", "celler"),
        ("mått-baklänges.xls", "kan inte importeras"),
    ] {
        // Under a 256 MB address-space limit: the far cell alone needed 1 GB.
        let (code, err) = import_limited(dir.path(), &fixtures.join(name), 256);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(err.contains(name) && err.contains(says), "{name}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: {err}");
    }
}
