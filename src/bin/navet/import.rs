//! Imports: a partner file in (or previewed with `--dry-run`), the import log, undo,
//! rejected rows.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use navet::Store;
use navet::import::{DayOrder, Field, ImportOptions, OnProblem};
use navet::ops;

use crate::output::{JsonFlag, print_json, print_list};
use crate::words as cli;

#[derive(Args)]
pub struct ImportArgs {
    file: PathBuf,
    /// The partner the file comes from (police events default to Polisen).
    #[arg(long)]
    partner: Option<String>,
    /// Use (and save the mapping under) this import profile.
    #[arg(long)]
    profile: Option<String>,
    /// The sheet of a spreadsheet (default: the first non-empty).
    #[arg(long)]
    sheet: Option<String>,
    /// Read, check and show everything, but store nothing.
    #[arg(long)]
    dry_run: bool,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
    /// A row with a problem: flag (store it marked), skip (list it), abort (store nothing).
    #[arg(long, value_enum, default_value_t = OnProblemArg::Flag)]
    on_problem: OnProblemArg,
    /// Map a column to a field: "Header=field" or "3=field" (fields: datum, tid,
    /// "datum och tid", plats, område, kategori, aktör, antal, beskrivning, bedömning, id).
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    map: Vec<String>,
    /// Map a partner label to a category: "Label=Category".
    #[arg(long = "category-map", value_name = "LABEL=CATEGORY")]
    category_map: Vec<String>,
    /// Keep personnummer and phone numbers in free text (default: mask them).
    #[arg(long)]
    keep_personal_data: bool,
    /// How numeric dates like 05/11/2026 are written (default: decided from the file).
    #[arg(long, value_enum)]
    day_order: Option<DayOrderArg>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum OnProblemArg {
    Flag,
    Skip,
    Abort,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DayOrderArg {
    /// 18/11/2026
    DayMonth,
    /// 11/18/2026
    MonthDay,
}

#[derive(Subcommand)]
pub enum ImportsCmd {
    /// List imports, newest first.
    List(JsonFlag),
    /// Undo an import: remove exactly the reports it added.
    Undo { batch: i64 },
    /// Write the rows an import skipped as a CSV (UTF-8 with BOM, semicolons).
    Rejected {
        batch: i64,
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn imports(store: &mut Store, cmd: ImportsCmd) -> navet::Result<()> {
    match cmd {
        ImportsCmd::List(f) => {
            let batches = ops::import::list(store)?;
            print_list(f.json, &batches, cli::headers::IMPORTS, |b| {
                vec![
                    b.id.to_string(),
                    b.created_at.clone(),
                    b.file_name.clone(),
                    b.partner.clone().unwrap_or_default(),
                    b.inserted.to_string(),
                    b.duplicates.to_string(),
                    b.flagged.to_string(),
                    b.skipped.to_string(),
                    if b.undone_at.is_some() {
                        cli::UNDONE
                    } else {
                        ""
                    }
                    .to_string(),
                ]
            })?;
        }
        ImportsCmd::Undo { batch } => {
            let n = ops::import::undo(store, batch)?;
            println!("{}", cli::import_undone(batch, n));
        }
        ImportsCmd::Rejected { batch, out } => {
            let n = ops::import::write_rejected_csv(store, batch, &out)?;
            println!("{}", cli::rejected_written(n, out.display()));
        }
    }
    Ok(())
}

fn split_pair<'a>(flag: &str, value: &'a str) -> navet::Result<(&'a str, &'a str)> {
    value
        .split_once('=')
        .map(|(a, b)| (a.trim(), b.trim()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
        .ok_or_else(|| {
            navet::Message::InvalidPair {
                flag: flag.to_string(),
                value: value.to_string(),
            }
            .into()
        })
}

pub fn run(store: &mut Store, a: ImportArgs) -> navet::Result<()> {
    let mut columns = Vec::new();
    for m in &a.map {
        let (col, field) = split_pair("--map", m)?;
        let f = Field::parse(field).ok_or_else(|| navet::Message::UnknownField {
            value: field.to_string(),
        })?;
        columns.push((col.to_string(), f));
    }
    let mut categories = Vec::new();
    for m in &a.category_map {
        let (label, cat) = split_pair("--category-map", m)?;
        categories.push((label.to_string(), cat.to_string()));
    }
    let opts = ImportOptions {
        partner: a.partner,
        profile: a.profile,
        sheet: a.sheet,
        on_problem: match a.on_problem {
            OnProblemArg::Flag => OnProblem::Flag,
            OnProblemArg::Skip => OnProblem::Skip,
            OnProblemArg::Abort => OnProblem::Abort,
        },
        keep_personal_data: a.keep_personal_data,
        columns,
        replace_mapping: false,
        categories,
        day_order: a.day_order.map(|d| match d {
            DayOrderArg::DayMonth => DayOrder::DayMonth,
            DayOrderArg::MonthDay => DayOrder::MonthDay,
        }),
        dry_run: a.dry_run,
    };
    let r = ops::import::file(store, &a.file, &opts)?;
    if a.json {
        return print_json(&r);
    }
    println!(
        "{}: {}{}{}{}",
        r.file,
        r.format.label(),
        r.encoding
            .as_deref()
            .map(|e| format!(", {e}"))
            .unwrap_or_default(),
        r.delimiter
            .as_deref()
            .map(|d| format!(", avgränsare {d}"))
            .unwrap_or_default(),
        r.sheet
            .as_deref()
            .map(|s| format!(", blad {s}"))
            .unwrap_or_default(),
    );
    let mapped: Vec<String> = r
        .columns
        .iter()
        .filter_map(|c| c.field.map(|f| format!("{} → {}", c.header, f.sv())))
        .collect();
    println!("{}", cli::header_row(r.header_line, mapped.join(", ")));
    if let Some(p) = &r.profile {
        println!("{}", cli::import_profile(p));
    }
    println!(
        "{}",
        cli::import_counts(
            r.rows,
            r.inserted,
            r.duplicates,
            r.flagged,
            r.skipped,
            r.masked
        )
    );
    for i in r.issues.iter().take(20) {
        println!(
            "{}",
            cli::import_issue(
                i.line,
                i.column
                    .as_deref()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default(),
                &i.message,
                cli::row_action(i.action)
            )
        );
    }
    if r.issues_total > 20 {
        println!("{}", cli::more_issues(&r.issues_total - 20));
    }
    if !r.unplaced.is_empty() {
        println!("{}", cli::unplaced_heading(r.unplaced.len()));
        for u in r.unplaced.iter().take(10) {
            println!(
                "  {} ({} rader){}",
                u.text,
                u.rows,
                if u.suggestions.is_empty() {
                    String::new()
                } else {
                    format!(" – menade du {}?", u.suggestions.join(", "))
                }
            );
        }
    }
    if !r.unmapped_categories.is_empty() {
        let labels: Vec<String> = r
            .unmapped_categories
            .iter()
            .map(|u| format!("{} ({})", u.label, u.rows))
            .collect();
        println!("{}", cli::unmapped_categories(labels.join(", ")));
    }
    match r.batch {
        Some(b) => println!("{}", cli::import_saved(b)),
        None => println!("{}", cli::DRY_RUN),
    }
    Ok(())
}
