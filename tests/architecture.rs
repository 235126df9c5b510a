//! The house rules that keep the code easy to see: all SQL in `src/db/`, all
//! printpdf in the PDF's emit layer. A line that breaks one fails here, with its place.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every Rust source file of the core, the CLI and the app.
fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("src-tauri/src"), &mut files);
    files.sort();
    assert!(
        files.len() > 20,
        "no sources found under {}",
        root.display()
    );
    files
}

fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
        .replace('\\', "/")
}

/// Code lines only: `//` comments (and doc comments) are skipped.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect()
}

/// What marks a line as talking to SQLite: rusqlite's calls and SQL's own words.
/// (Passing a `Connection` or `Transaction` along is allowed; using one is not.)
const SQL_MARKS: &[&str] = &[
    ".execute(",
    ".execute_batch(",
    ".query_row(",
    ".query_map(",
    ".prepare(",
    ".prepare_cached(",
    ".pragma_update(",
    ".pragma_query_value(",
    "conn_mut().transaction()",
    "unchecked_transaction(",
    "\"SELECT ",
    "INSERT INTO",
    "DELETE FROM",
    "\"UPDATE ",
    "CREATE TABLE",
    "CREATE INDEX",
    "DROP INDEX",
    "PRAGMA ",
];

#[test]
fn sql_lives_only_in_src_db() {
    let mut found = Vec::new();
    for file in sources() {
        let rel = relative(&file);
        if rel.starts_with("src/db/") {
            continue;
        }
        for (n, line) in code_lines(&file) {
            if SQL_MARKS.iter().any(|m| line.contains(m)) {
                found.push(format!("{rel}:{n}: {}", line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "SQL or rusqlite outside src/db/ (move it into a db module):\n{}",
        found.join("\n")
    );
}

#[test]
fn printpdf_lives_only_in_the_emit_layer() {
    let mut found = Vec::new();
    for file in sources() {
        let rel = relative(&file);
        if rel == "src/export/pdf/emit.rs" {
            continue;
        }
        for (n, line) in code_lines(&file) {
            if line.contains("printpdf") {
                found.push(format!("{rel}:{n}: {}", line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "printpdf outside src/export/pdf/emit.rs:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_rules_can_fail() {
    // The scanner itself finds what it looks for (a rule that can never fail proves nothing).
    let db = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/db/report.rs");
    assert!(
        code_lines(&db)
            .iter()
            .any(|(_, l)| SQL_MARKS.iter().any(|m| l.contains(m)))
    );
    let emit = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/export/pdf/emit.rs");
    assert!(
        code_lines(&emit)
            .iter()
            .any(|(_, l)| l.contains("printpdf"))
    );
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

/// The quoted words between `start` and the next `end` in `text`.
fn quoted_between(text: &str, start: &str, end: &str) -> Vec<String> {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start} not found"))
        + start.len();
    let to = from + text[from..].find(end).unwrap();
    text[from..to]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The app's commands are listed in four places that must agree: the handler list in
/// `main.rs` (the truth), `build.rs` (which makes a permission per command), the
/// window's capability (which grants them) and the UI's typed `commands.ts`.
#[test]
fn the_app_commands_agree_in_all_four_places() {
    let main = read("src-tauri/src/main.rs");
    let from = main.find("generate_handler![").unwrap() + "generate_handler![".len();
    let to = from + main[from..].find(']').unwrap();
    let mut handlers: Vec<String> = main[from..to]
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    handlers.sort();
    assert!(handlers.len() > 10, "{handlers:?}");

    let mut build = quoted_between(&read("src-tauri/build.rs"), "COMMANDS: &[&str] = &[", "];");
    build.sort();
    assert_eq!(build, handlers, "src-tauri/build.rs COMMANDS");

    let caps: serde_json::Value =
        serde_json::from_str(&read("src-tauri/capabilities/default.json")).unwrap();
    let mut granted: Vec<String> = caps["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    granted.sort();
    assert_eq!(granted, handlers, "capabilities/default.json");
    // Beyond its own commands the page may only set the window's title and listen to
    // events (drag and drop): no shell, no file system, no dialog, no core defaults.
    let mut other: Vec<&str> = caps["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.starts_with("allow-"))
        .collect();
    other.sort();
    assert_eq!(
        other,
        [
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "core:window:allow-set-title"
        ],
        "capabilities/default.json grants more than the app uses"
    );

    let ts = read("ui/src/ipc/commands.ts");
    let mut called: Vec<String> = ts
        .split("call<")
        .skip(1)
        .filter_map(|rest| {
            let start = rest.find(">(\"")? + 3;
            let end = start + rest[start..].find('"')?;
            Some(rest[start..end].to_string())
        })
        .collect();
    called.sort();
    called.dedup();
    assert_eq!(called, handlers, "ui/src/ipc/commands.ts");
}

/// The flow is one-way (file → import → store → picture → export, with `ops/` above
/// them all): the catalog and the personal-data leaf (`pii`, which anyone may use)
/// depend on nothing of Navet's, and the store on nothing above it but the import's own
/// vocabulary (its field and day-order types).
#[test]
fn the_store_and_the_catalog_depend_on_nothing_above_them() {
    let above = [
        "crate::ops",
        "crate::picture",
        "crate::export",
        "crate::demo",
        "crate::template",
        "crate::import::",
    ];
    let allowed = [
        "crate::import::mapping::Field",
        "crate::import::dates::DayOrder",
    ];
    let mut found = Vec::new();
    for file in sources() {
        let rel = relative(&file);
        let rules: &[&str] = if rel.starts_with("src/db/") {
            &above
        } else if rel == "src/messages.rs" || rel == "src/pii.rs" {
            &["crate::"]
        } else {
            continue;
        };
        for (n, line) in code_lines(&file) {
            let mut rest = line.as_str();
            for a in allowed {
                rest = if rest.contains(a) { "" } else { rest };
            }
            if rules.iter().any(|r| rest.contains(r)) {
                found.push(format!("{rel}:{n}: {}", line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "a dependency upwards:\n{}",
        found.join("\n")
    );
}

/// Every report is written by `db::report::Inserter`: one `INSERT INTO report (` in the
/// code (the migrations' own copies of data aside).
#[test]
fn one_report_inserter() {
    let mut found = Vec::new();
    for file in sources() {
        for (n, line) in code_lines(&file) {
            if line.contains("INSERT INTO report (") {
                found.push(format!("{}:{n}", relative(&file)));
            }
        }
    }
    assert!(
        found.len() == 1 && found[0].starts_with("src/db/report.rs:"),
        "{found:?}"
    );
}

/// Nothing leaves the machine: no network API in Navet's own code (core, CLI, app), and
/// the window's content security policy lets the page reach only the app's IPC.
#[test]
fn no_network_in_navets_own_code_and_the_page_reaches_only_ipc() {
    let forbidden = [
        "TcpStream",
        "TcpListener",
        "UdpSocket",
        "reqwest",
        "ureq::",
        "hyper::",
        "ToSocketAddrs",
    ];
    let mut found = Vec::new();
    for file in sources() {
        for (n, line) in code_lines(&file) {
            if forbidden.iter().any(|f| line.contains(f)) {
                found.push(format!("{}:{n}: {}", relative(&file), line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "network code:\n{}", found.join("\n"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let conf = std::fs::read_to_string(root.join("src-tauri/tauri.conf.json")).unwrap();
    let conf: serde_json::Value = serde_json::from_str(&conf).unwrap();
    let csp = &conf["app"]["security"]["csp"];
    assert_eq!(csp["connect-src"], "ipc: http://ipc.localhost", "{csp}");
    assert_eq!(csp["default-src"], "'self'", "{csp}");
    for cargo in ["Cargo.toml", "src-tauri/Cargo.toml"] {
        let text = std::fs::read_to_string(root.join(cargo)).unwrap();
        for crate_name in [
            "reqwest",
            "ureq",
            "hyper",
            "tauri-plugin-http",
            "tauri-plugin-updater",
        ] {
            assert!(
                !text.lines().any(|l| l.trim_start().starts_with(crate_name)),
                "{cargo} depends on {crate_name}"
            );
        }
    }
}
