//! The `navet` binary: its public commands, JSON output and one-line errors.

use std::path::Path;
use std::process::{Command, Output};

fn navet(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_navet"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("NAVET_DB")
        .output()
        .expect("run navet")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = navet(db, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A failing command: exit code 1, one line on stderr, no panic.
fn fails(db: &Path, args: &[&str]) -> String {
    let out = navet(db, args);
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn init_prints_the_path_and_env_var_selects_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.sqlite");
    assert_eq!(ok(&db, &["init"]).trim(), db.display().to_string());
    let env_db = dir.path().join("env.sqlite");
    let out = Command::new(env!("CARGO_BIN_EXE_navet"))
        .arg("init")
        .env("NAVET_DB", &env_db)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(env_db.exists());
}

#[test]
fn demo_then_report_list_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let summary = ok(&db, &["demo", "--weeks", "4", "--end", "2026-11-15"]);
    assert!(
        summary.contains("20 platser") && summary.contains("6 aktörer"),
        "{summary}"
    );
    let json = ok(&db, &["report", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let reports = v.as_array().unwrap();
    assert!(reports.len() > 50, "{} reports", reports.len());
    for r in reports {
        for key in [
            "id",
            "occurredAt",
            "place",
            "area",
            "category",
            "partner",
            "count",
            "text",
            "sourcePlace",
            "sourceCategory",
        ] {
            assert!(r.get(key).is_some(), "missing {key}");
        }
        let at = r["occurredAt"].as_str().unwrap();
        assert!(at.as_str_date_ok(), "{at}");
    }
    let filtered = ok(
        &db,
        &[
            "report",
            "list",
            "--from",
            "2026-11-09",
            "--to",
            "2026-11-15",
            "--place",
            "torget",
            "--category",
            "ordningsstörning/stök",
            "--json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&filtered).unwrap();
    for r in v.as_array().unwrap() {
        assert_eq!(r["place"], "Stortorget");
        assert_eq!(r["category"], "Ordningsstörning/stök");
        assert!(r["occurredAt"].as_str().unwrap() >= "2026-11-09");
    }
    let again = fails(&db, &["demo"]);
    assert!(again.contains("tom databas"), "{again}");
}

trait DateOk {
    fn as_str_date_ok(&self) -> bool;
}
impl DateOk for str {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    fn as_str_date_ok(&self) -> bool {
        let b = self.as_bytes();
        (b.len() == 10 || (b.len() == 16 && b[10] == b'T' && b[13] == b':'))
            && b[4] == b'-'
            && b[7] == b'-'
    }
}

#[test]
fn places_partners_categories_and_reports_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.sqlite");
    let out = ok(
        &db,
        &[
            "place",
            "add",
            "Stortorget",
            "--area",
            "Centrum",
            "--alias",
            "Torget",
            "--alias",
            "Stora torget",
            "--lat",
            "59.2741",
            "--lon",
            "15.2066",
        ],
    );
    assert!(out.contains("Nytt område: Centrum"), "{out}");
    ok(&db, &["place", "alias", "torget", "Torget vid ICA"]);
    ok(&db, &["partner", "add", "Polisen"]);
    let places: serde_json::Value =
        serde_json::from_str(&ok(&db, &["place", "list", "--json"])).unwrap();
    assert_eq!(places[0]["name"], "Stortorget");
    assert_eq!(places[0]["area"], "Centrum");
    assert_eq!(places[0]["aliases"].as_array().unwrap().len(), 3);
    assert_eq!(places[0]["latitude"], 59.2741);
    let partners: serde_json::Value =
        serde_json::from_str(&ok(&db, &["partner", "list", "--json"])).unwrap();
    assert_eq!(partners[0]["name"], "Polisen");
    let cats: serde_json::Value =
        serde_json::from_str(&ok(&db, &["category", "list", "--json"])).unwrap();
    assert_eq!(cats.as_array().unwrap().len(), 14);

    ok(
        &db,
        &[
            "report",
            "add",
            "--date",
            "2026-11-18",
            "--time",
            "21:30",
            "--place",
            "Torget vid ICA",
            "--category",
            "Klotter",
            "--partner",
            "polisen",
            "--count",
            "2",
            "--text",
            "Nytt klotter",
        ],
    );
    let table = ok(&db, &["report", "list"]);
    assert!(
        table.contains("Stortorget") && table.contains("Nytt klotter") && table.contains("1 av 1"),
        "{table}"
    );
}

#[test]
fn bad_input_is_one_clear_line_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.sqlite");
    ok(&db, &["place", "add", "Stortorget"]);
    ok(&db, &["partner", "add", "Polisen"]);
    let e = fails(
        &db,
        &[
            "report",
            "add",
            "--date",
            "2026-11-18",
            "--place",
            "Stortorgt",
            "--category",
            "Klotter",
            "--partner",
            "Polisen",
        ],
    );
    assert!(
        e.contains("Plats") && e.contains("Menade du: Stortorget"),
        "{e}"
    );
    let e = fails(
        &db,
        &[
            "report",
            "add",
            "--date",
            "18 nov",
            "--category",
            "Klotter",
            "--partner",
            "Polisen",
        ],
    );
    assert!(e.contains("Datum"), "{e}");
    let e = fails(
        &db,
        &[
            "report",
            "add",
            "--date",
            "2026-11-18",
            "--category",
            "Klotter",
            "--partner",
            "Polisen",
            "--count",
            "0",
        ],
    );
    assert!(e.contains("Antal"), "{e}");
    let e = fails(&db, &["partner", "add", "polisen"]);
    assert!(e.contains("finns redan"), "{e}");
    let e = fails(
        &db,
        &[
            "report",
            "list",
            "--from",
            "2026-11-30",
            "--to",
            "2026-11-01",
        ],
    );
    assert!(e.contains("Perioden"), "{e}");
    // Usage errors are clap's: exit 2, no panic.
    let out = navet(&db, &["report", "add", "--date", "2026-11-18"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn refuses_a_foreign_file_without_touching_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.txt");
    std::fs::write(&db, "Mötesanteckningar\n").unwrap();
    let e = fails(&db, &["init"]);
    assert!(e.contains("ingen Navet-databas"), "{e}");
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "Mötesanteckningar\n");
}

#[test]
fn help_lists_every_command() {
    let out = Command::new(env!("CARGO_BIN_EXE_navet"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for cmd in [
        "init", "demo", "area", "place", "partner", "category", "report",
    ] {
        assert!(help.contains(cmd), "{cmd} missing from --help");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_navet"))
        .args(["report", "list", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for flag in ["--from", "--to", "--place", "--category", "--json"] {
        assert!(help.contains(flag), "{flag} missing");
    }
}

#[test]
fn import_json_undo_and_the_unplaced_queue_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.sqlite");
    ok(&db, &["demo", "--weeks", "1", "--end", "2026-11-15"]);
    let file = dir.path().join("fältgruppen v47.csv");
    std::fs::write(
        &file,
        "Datum;Tid;Plats;Händelse;Beskrivning\n2026-11-18;21.30;Torget;Klotter;Tagg\n2026-11-19;;Lekparken Ekbacken;Otrygghet;Ring 070-123 45 67\nfel;;Torget;Klotter;x\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let dry: serde_json::Value = serde_json::from_str(&ok(
        &db,
        &[
            "import",
            path,
            "--partner",
            "Fältgruppen",
            "--dry-run",
            "--json",
        ],
    ))
    .unwrap();
    assert!(dry["batch"].is_null());
    let out = ok(&db, &["import", path, "--partner", "Fältgruppen", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in [
        "batch",
        "format",
        "encoding",
        "delimiter",
        "sheet",
        "inserted",
        "duplicates",
        "flagged",
        "skipped",
        "masked",
        "issues",
    ] {
        assert!(v.get(key).is_some(), "import --json lacks {key}");
    }
    assert_eq!(
        (
            v["inserted"].as_u64(),
            v["skipped"].as_u64(),
            v["masked"].as_u64()
        ),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(v["delimiter"], ";");
    let issue = v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["line"] == 4)
        .unwrap();
    assert_eq!(issue["column"], "Datum");
    assert!(issue["message"].as_str().unwrap().contains("\"fel\""));
    let batch = v["batch"].as_str().unwrap().to_string();

    let queue: serde_json::Value =
        serde_json::from_str(&ok(&db, &["places", "unplaced", "--json"])).unwrap();
    assert!(
        queue
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["text"] == "Lekparken Ekbacken")
    );
    ok(
        &db,
        &["place", "add", "Ekbackens lekpark", "--area", "Söderåsen"],
    );
    let placed = ok(
        &db,
        &["place", "alias", "Ekbackens lekpark", "Lekparken Ekbacken"],
    );
    assert!(
        placed.contains("1 oplacerade rapporter fick platsen"),
        "{placed}"
    );

    let rejected = dir.path().join("avvisade.csv");
    ok(
        &db,
        &[
            "imports",
            "rejected",
            &batch,
            "--out",
            rejected.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&rejected).unwrap();
    assert!(
        text.starts_with('\u{feff}') && text.contains("fel;;Torget;Klotter;x"),
        "{text}"
    );

    let list: serde_json::Value =
        serde_json::from_str(&ok(&db, &["imports", "list", "--json"])).unwrap();
    assert_eq!(list[0]["id"], batch.as_str());
    assert_eq!(list[0]["fileName"], "fältgruppen v47.csv");
    let undone = ok(&db, &["imports", "undo", &batch]);
    assert!(undone.contains("2 rapporter togs bort"), "{undone}");
    let e = fails(&db, &["imports", "undo", &batch]);
    assert!(e.contains("redan ångrad"), "{e}");
    let e = fails(
        &db,
        &[
            "import",
            path,
            "--partner",
            "Fältgruppen",
            "--map",
            "Datum=nonsens",
        ],
    );
    assert!(e.contains("okänt fält"), "{e}");
    let e = fails(
        &db,
        &[
            "import",
            dir.path().join("saknas.csv").to_str().unwrap(),
            "--partner",
            "Fältgruppen",
        ],
    );
    assert!(e.contains("saknas.csv"), "{e}");
}

/// The same export asked for through the CLI's flags and through the app's IPC request
/// (the JSON the UI sends to the `export` command, run by the same core function)
/// gives the same file; a recipient must be a registered partner; a PDF of reports is
/// refused by the core, whichever door asks.
#[test]
fn both_doors_build_the_same_export_request_and_get_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    ok(&db, &["demo", "--weeks", "10", "--end", "2026-11-15"]);
    let saved = ok(
        &db,
        &[
            "picture",
            "save",
            "--from",
            "2026-11-09",
            "--period",
            "week",
            "--json",
        ],
    );
    let saved: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let snapshot = saved["snapshot"]["id"].as_str().unwrap().to_string();

    let app = |request: serde_json::Value, name: &str| -> Vec<u8> {
        let store = navet::Store::open(&db).unwrap();
        let request: navet::export::ExportRequest = serde_json::from_value(request).unwrap();
        let path = dir.path().join(name);
        navet::ops::export::run(&store, &request, &path).unwrap();
        std::fs::read(path).unwrap()
    };
    let cli = |args: &[&str], name: &str| -> Vec<u8> {
        let path = dir.path().join(name);
        let mut all: Vec<&str> = args.to_vec();
        let out = path.display().to_string();
        all.extend(["--out", &out]);
        ok(&db, &all);
        std::fs::read(path).unwrap()
    };

    let by_cli = cli(
        &["export", "csv", "reports", "--partner", "Polisen"],
        "cli-rapporter.csv",
    );
    let by_app = app(
        serde_json::json!({
            "source": {"type": "reports", "filter": {}},
            "format": "csv",
            "audience": {"type": "partner", "name": "Polisen"}
        }),
        "app-rapporter.csv",
    );
    assert_eq!(by_cli, by_app, "partner-safe reports CSV");
    assert!(!String::from_utf8_lossy(&by_cli).contains("Beskrivning"));

    let by_cli = cli(
        &["export", "csv", "picture", "--snapshot", &snapshot],
        "cli-bild.csv",
    );
    let by_app = app(
        serde_json::json!({
            "source": {"type": "picture", "picture": {"type": "snapshot", "id": snapshot}},
            "format": "csv",
            "audience": {"type": "internal"}
        }),
        "app-bild.csv",
    );
    assert_eq!(by_cli, by_app, "frozen picture CSV");

    // A place is not a recipient, in either door.
    let err = fails(
        &db,
        &[
            "export",
            "csv",
            "reports",
            "--partner",
            "Stortorget",
            "--out",
            &dir.path().join("x.csv").display().to_string(),
        ],
    );
    assert!(err.contains("okänd aktör \"Stortorget\""), "{err}");
    let store = navet::Store::open(&db).unwrap();
    let request: navet::export::ExportRequest = serde_json::from_value(serde_json::json!({
        "source": {"type": "reports", "filter": {}},
        "format": "pdf",
        "audience": {"type": "internal"}
    }))
    .unwrap();
    let err = navet::ops::export::run(&store, &request, &dir.path().join("r.pdf")).unwrap_err();
    assert!(err.to_string().contains("som pdf"), "{err}");
    assert!(!dir.path().join("r.pdf").exists());
    let err = fails(
        &db,
        &[
            "export",
            "pdf",
            "reports",
            "--out",
            &dir.path().join("r.pdf").display().to_string(),
        ],
    );
    assert!(err.contains("som pdf"), "{err}");
    // An unknown format never becomes CSV: the app's request does not even parse.
    assert!(
        serde_json::from_value::<navet::export::ExportRequest>(serde_json::json!({
            "source": {"type": "reports", "filter": {}},
            "format": "docx",
            "audience": {"type": "internal"}
        }))
        .is_err()
    );
    // The file name the app offers comes from the core.
    let week: navet::export::ExportRequest = serde_json::from_value(serde_json::json!({
        "source": {"type": "picture", "picture": {"type": "snapshot", "id": snapshot}},
        "format": "pdf",
        "audience": {"type": "internal"}
    }))
    .unwrap();
    assert_eq!(
        navet::ops::export::suggested_file_name(&store, &week).unwrap(),
        "lägesbild-vecka-46-2026.pdf"
    );
}

/// `navet report list | head`: a reader that stops early ends the command quietly, with
/// no panic and no stack trace (Rust ignores SIGPIPE, so println! used to panic).
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    ok(&db, &["demo", "--weeks", "26", "--end", "2026-11-15"]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_navet"))
        .arg("--db")
        .arg(&db)
        .args(["report", "list"])
        .env_remove("NAVET_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe is closed here, long before the thousands of rows are written.
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.trim().is_empty(), "{err}");
}

/// The help and the usage errors speak Swedish, like the rest of the command.
#[test]
fn help_and_usage_errors_are_swedish() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_navet"))
            .args(args)
            .env_remove("NAVET_DB")
            .output()
            .unwrap()
    };
    let help = String::from_utf8(run(&["--help"]).stdout).unwrap();
    for word in [
        "Användning:",
        "Kommandon:",
        "Flaggor:",
        "Visa den här hjälpen",
    ] {
        assert!(help.contains(word), "{word} missing from:\n{help}");
    }
    for english in ["Usage:", "Commands:", "Options:", "Print help", "[OPTIONS]"] {
        assert!(!help.contains(english), "{english} in:\n{help}");
    }
    let help = String::from_utf8(run(&["demo", "--help"]).stdout).unwrap();
    assert!(help.contains("[standard: 26]"), "{help}");
    assert!(help.contains("Användning: navet demo [FLAGGOR]"), "{help}");
    for english in ["[default:", "[env:", "[OPTIONS]"] {
        assert!(!help.contains(english), "{english} in:\n{help}");
    }
    let help = String::from_utf8(run(&["report", "list", "--help"]).stdout).unwrap();
    assert!(help.contains("Första dagen"), "{help}");
    let out = run(&["report", "lista"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.trim(),
        "navet: okänt kommando \"lista\" (se navet --help)"
    );
    let out = run(&["import", "x.csv", "--on-problem", "kanske"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("\"kanske\" går inte") && err.contains("flag, skip, abort"),
        "{err}"
    );
}

/// A database that already holds personal data (an import with --keep-personal-data,
/// or one from before every column was masked) is scanned and masked on request.
#[test]
fn personal_data_scan_finds_and_masks_what_is_already_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.sqlite");
    ok(&db, &["partner", "add", "Polisen"]);
    let csv = dir.path().join("fil.csv");
    std::fs::write(
        &csv,
        "Datum;Plats;Händelse;Bedömning;Beskrivning\n2026-11-18;Torget 811218-9876;Klotter;ring 070-123 45 67;pnr 19811218–9876\n2026-11-19;Torget;Klotter;;inget\n",
    )
    .unwrap();
    ok(
        &db,
        &[
            "import",
            csv.to_str().unwrap(),
            "--partner",
            "Polisen",
            "--keep-personal-data",
        ],
    );
    let found: serde_json::Value =
        serde_json::from_str(&ok(&db, &["personal-data", "scan", "--json"])).unwrap();
    assert_eq!(found["reports"], 1, "{found}");
    assert_eq!(found["personnummer"], 2, "{found}");
    assert_eq!(found["phone"], 1, "{found}");
    assert_eq!(found["masked"], false);
    let said = ok(&db, &["personal-data", "scan", "--mask"]);
    assert!(said.starts_with("Maskerade 2 personnummer"), "{said}");
    let list = ok(&db, &["report", "list", "--json"]);
    assert!(!list.contains("9876") && !list.contains("45 67"), "{list}");
    assert!(list.contains("[personnummer]"), "{list}");
    let again: serde_json::Value =
        serde_json::from_str(&ok(&db, &["personal-data", "scan", "--json"])).unwrap();
    assert_eq!(
        (again["personnummer"].as_u64(), again["phone"].as_u64()),
        (Some(0), Some(0))
    );
}

/// What people read from the CLI is Swedish through and through: a status echoed as
/// stored, decimal commas, local times and a readable filter in the lists.
#[test]
fn human_output_uses_swedish_forms() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    ok(&db, &["demo", "--weeks", "10", "--end", "2026-11-15"]);
    let said = ok(
        &db,
        &[
            "picture",
            "status",
            "norrby",
            "RÖD",
            "--justification",
            "x",
            "--from",
            "2026-11-09",
            "--period",
            "week",
        ],
    );
    assert_eq!(said.trim(), "Norrby vecka 46 2026: röd");
    let picture = ok(
        &db,
        &["picture", "--from", "2026-11-09", "--period", "week"],
    );
    let totals = picture.lines().nth(1).unwrap();
    assert!(
        totals.contains("normalnivå ") && totals.contains(','),
        "{totals}"
    );
    assert!(!totals.contains('.'), "decimal comma: {totals}");
    let out = dir.path().join("v.pdf");
    ok(
        &db,
        &[
            "export",
            "pdf",
            "lagesbild",
            "--from",
            "2026-11-09",
            "--period",
            "week",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let list = ok(&db, &["exports", "list"]);
    let row = list.lines().nth(1).unwrap();
    assert!(
        row.contains(" kl. ") && !row.contains('Z'),
        "local time: {row}"
    );
    assert!(
        row.contains("vecka 46 2026") && !row.contains('{'),
        "readable filter: {row}"
    );
}

/// `navet links`: propose, list, confirm; undoing an import takes its pairs with it.
#[test]
fn links_from_the_command_line_and_undo_takes_pairs_along() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.sqlite");
    ok(&db, &["place", "add", "Stortorget", "--area", "Centrum"]);
    ok(&db, &["partner", "add", "Polisen"]);
    ok(&db, &["partner", "add", "Räddningstjänsten"]);
    let file = |name: &str, time: &str| {
        let p = dir.path().join(name);
        std::fs::write(
            &p,
            format!("Datum;Tid;Plats;Händelse\n2026-11-18;{time};Stortorget;Brand\n"),
        )
        .unwrap();
        p
    };
    let a = file("polisen.csv", "21.30");
    let b = file("rtj.csv", "22.00");
    ok(
        &db,
        &["import", a.to_str().unwrap(), "--partner", "Polisen"],
    );
    ok(
        &db,
        &[
            "import",
            b.to_str().unwrap(),
            "--partner",
            "Räddningstjänsten",
        ],
    );
    let said = ok(
        &db,
        &[
            "links",
            "suggest",
            "--from",
            "2026-11-16",
            "--period",
            "week",
        ],
    );
    assert!(said.starts_with("1 nya förslag"), "{said}");
    let list: serde_json::Value =
        serde_json::from_str(&ok(&db, &["links", "list", "--json"])).unwrap();
    let id = list[0]["id"].as_str().unwrap().to_string();
    ok(&db, &["links", "confirm", &id]);
    let picture = ok(
        &db,
        &["picture", "--from", "2026-11-16", "--period", "week"],
    );
    assert!(picture.contains("räknas en gång"), "{picture}");
    let imports: serde_json::Value =
        serde_json::from_str(&ok(&db, &["imports", "list", "--json"])).unwrap();
    let last = imports[0]["id"].as_str().unwrap().to_string();
    ok(&db, &["imports", "undo", &last]);
    let all: serde_json::Value =
        serde_json::from_str(&ok(&db, &["links", "list", "--all", "--json"])).unwrap();
    assert_eq!(
        all.as_array().unwrap().len(),
        0,
        "the pair went with the undone report"
    );
}

/// Every command's help, all the way down: each placeholder (`<DATUM>`, `<FIL>`) is a
/// Swedish word, never a field's English name (`<INTO>`, `<LAST_MONTH>`), and an
/// explicit one (`--to <MOTTAGARE>` on a meeting pack) is not replaced by a guess.
#[test]
fn every_help_page_has_swedish_placeholders() {
    fn help(path: &[String]) -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_navet"))
            .args(path)
            .arg("--help")
            .output()
            .unwrap();
        assert!(out.status.success(), "{path:?}");
        String::from_utf8(out.stdout).unwrap()
    }
    const SWEDISH: &[&str] = &[
        "FIL",
        "SÖKVÄG",
        "MAPP",
        "DATUM",
        "TID",
        "PLATS",
        "OMRÅDE",
        "KATEGORI",
        "AKTÖR",
        "ANTAL",
        "BEDÖMNING",
        "TEXT",
        "RADER",
        "KÖRNINGAR",
        "RAPPORTER",
        "VECKOR",
        "NR",
        "PERIOD",
        "TITEL",
        "PROFIL",
        "BLAD",
        "VAL",
        "ORDNING",
        "MINUTER",
        "NAMN",
        "NYTT_NAMN",
        "LATITUD",
        "LONGITUD",
        "INSTÄLLNING",
        "VÄRDE",
        "STATUS",
        "MOTIVERING",
        "DEL",
        "VAD",
        "KOMMANDO",
        "MOTTAGARE",
        "MÅNAD",
        "KÄLLA",
        "DAGAR",
        "TYP",
        "SIKT",
        "EFFEKT",
        "SERIE",
        "ORSAK",
        "KONTAKT",
        "BILD",
        "ORD",
        "SORTERING",
        "MÅLPLATS",
        "KOLUMN",
        "ÅR",
        "LÖFTE",
        "INSATS",
        "MÖTE",
        "VANDRING",
        "PUNKT",
        "PARTER",
        "ÅTGÄRD",
        "ÄGARE",
        "SÄTT",
        "RAD",
        "FÄLT",
        "ETIKETT",
        "NYCKELTAL",
        "OMRÅDEN",
        "ÄNDRING",
        "RUBRIK",
        "BESLUTAD_I",
    ];
    let mut queue: Vec<Vec<String>> = vec![vec![]];
    let mut pages = 0;
    let mut foreign = Vec::new();
    while let Some(path) = queue.pop() {
        let text = help(&path);
        pages += 1;
        let mut in_commands = false;
        for line in text.lines() {
            if line.starts_with("Kommandon:") {
                in_commands = true;
                continue;
            }
            if in_commands {
                let Some(name) = line
                    .strip_prefix("  ")
                    .and_then(|l| l.split_whitespace().next())
                else {
                    in_commands = false;
                    continue;
                };
                if name != "help" && !line.starts_with("   ") {
                    let mut next = path.clone();
                    next.push(name.to_string());
                    queue.push(next);
                }
            }
        }
        for token in text.split('<').skip(1).filter_map(|t| t.split('>').next()) {
            let word = token.trim_end_matches("...");
            // Help text may say "<3" (fewer than three): only a placeholder is a word in
            // capitals.
            if word.is_empty()
                || word
                    .chars()
                    .any(|c| c.is_lowercase() || c.is_whitespace() || c == ',')
            {
                continue;
            }
            if !word.split('=').all(|w| SWEDISH.contains(&w)) {
                foreign.push(format!("navet {} --help: <{token}>", path.join(" ")));
            }
        }
    }
    assert!(pages > 40, "only {pages} help pages found");
    assert!(
        foreign.is_empty(),
        "placeholders not in Swedish:\n{}",
        foreign.join("\n")
    );
}

/// A file name with a line break prints as one row in `imports list` and `exports list`,
/// the break shown as `\n`, not as a second line.
#[test]
fn a_file_name_with_a_line_break_stays_on_one_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.sqlite");
    ok(&db, &["partner", "add", "Polisen"]);
    ok(&db, &["place", "add", "Stortorget"]);
    let file = dir.path().join("rapp\nort.csv");
    std::fs::write(
        &file,
        "Datum;Plats;Kategori\n2026-11-10;Stortorget;Klotter\n",
    )
    .unwrap();
    ok(
        &db,
        &[
            "import",
            &file.display().to_string(),
            "--partner",
            "Polisen",
        ],
    );
    let out = dir.path().join("ut\nfil.csv");
    ok(
        &db,
        &[
            "export",
            "csv",
            "reports",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--out",
            &out.display().to_string(),
        ],
    );
    for (args, name) in [
        (["imports", "list"], "rapp\\nort.csv"),
        (["exports", "list"], "ut\\nfil.csv"),
    ] {
        let text = ok(&db, &args);
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.contains(name), "{text}");
    }
}
