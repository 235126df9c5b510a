//! How the command prints: JSON for programs, left-aligned tables for people.

use clap::Args;
use serde::Serialize;

/// The `--json` switch of the list commands.
#[derive(Args)]
pub struct JsonFlag {
    /// Skriv JSON (stabil, camelCase) i stället för en tabell.
    #[arg(long)]
    pub json: bool,
}

pub fn print_json<T: Serialize>(value: &T) -> navet::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| {
        navet::Error::from(navet::Message::Storage {
            detail: e.to_string(),
        })
    })?;
    println!("{text}");
    Ok(())
}

/// One result: JSON for programs (stable, camelCase), else the sentence `text` makes
/// for people.
pub fn print_one<T: Serialize>(
    json: bool,
    value: &T,
    text: impl FnOnce() -> String,
) -> navet::Result<()> {
    if json {
        return print_json(value);
    }
    println!("{}", text());
    Ok(())
}

/// A list command's output: JSON for programs, a table for people.
pub fn print_list<T: Serialize>(
    json: bool,
    items: &[T],
    header: &[&str],
    row: impl Fn(&T) -> Vec<String>,
) -> navet::Result<()> {
    if json {
        print_json(&items)
    } else {
        print_table(header, items.iter().map(row).collect());
        Ok(())
    }
}

/// A cell on one line: a line break, a tab or another control character in a file
/// name or a text (a file called "rapport\nvecka 47.csv") is shown as an escape, so
/// one row stays one line and a terminal gets no control codes.
fn one_line(cell: &str) -> String {
    cell.chars()
        .flat_map(|c| match c {
            '\n' => "\\n".chars().collect::<Vec<_>>(),
            '\r' => "\\r".chars().collect(),
            '\t' => "\\t".chars().collect(),
            c if c.is_control() => format!("\\u{{{:x}}}", c as u32).chars().collect(),
            c => vec![c],
        })
        .collect()
}

/// Prints rows as left-aligned columns under a header.
pub fn print_table(header: &[&str], rows: Vec<Vec<String>>) {
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| r.iter().map(|c| one_line(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        println!("{}", parts.join("  ").trim_end());
    };
    line(header.iter().map(|h| h.to_string()).collect());
    for row in rows {
        line(row);
    }
}
