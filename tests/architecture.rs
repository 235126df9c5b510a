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
