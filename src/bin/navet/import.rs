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
    /// Filen som importeras.
    file: PathBuf,
    /// Aktören som filen kommer från (polisens händelser: Polisen om inget anges).
    #[arg(long)]
    partner: Option<String>,
    /// Använd (och spara kopplingen under) den här importprofilen.
    #[arg(long)]
    profile: Option<String>,
    /// Bladet i en kalkylbok (annars det första som inte är tomt).
    #[arg(long)]
    sheet: Option<String>,
    /// Läs, kontrollera och visa allt, men spara ingenting.
    #[arg(long)]
    dry_run: bool,
    /// Skriv resultatet som JSON.
    #[arg(long)]
    json: bool,
    /// En rad med problem: flag (spara och flagga), skip (hoppa över och lista), abort (spara ingenting).
    #[arg(long, value_enum, default_value_t = OnProblemArg::Flag)]
    on_problem: OnProblemArg,
    /// Koppla en kolumn till ett fält: "Rubrik=fält" eller "3=fält" (fälten: datum, tid,
    /// "datum och tid", plats, område, kategori, aktör, antal, beskrivning, bedömning, id).
    #[arg(long = "map", value_name = "KOLUMN=FÄLT")]
    map: Vec<String>,
    /// Koppla en aktörs etikett till en kategori: "Etikett=Kategori".
    #[arg(long = "category-map", value_name = "ETIKETT=KATEGORI")]
    category_map: Vec<String>,
    /// Ett datum för en rad vars datum inte gick att läsa: "RAD=ÅÅÅÅ-MM-DD" (radnumret
    /// som problemlistan visar); upprepa för fler. Raden sparas flaggad som rättad.
    #[arg(long = "date-fix", value_name = "RAD=DATUM")]
    date_fixes: Vec<String>,
    /// Behåll personnummer och telefonnummer i fritext (annars maskeras de).
    #[arg(long)]
    keep_personal_data: bool,
    /// Hur datum som 05/11/2026 är skrivna (annars avgörs det av filen).
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
    /// Lista importer, nyaste först.
    List(JsonFlag),
    /// Ångra en import: ta bort exakt de rapporter den lade till.
    Undo { batch: i64 },
    /// Skriv raderna som en import hoppade över som CSV (UTF-8 med BOM, semikolon).
    Rejected {
        batch: i64,
        /// Filen som skrivs.
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
                    cli::when(&b.created_at),
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
    let mut date_fixes = Vec::new();
    for m in &a.date_fixes {
        let (line, date) = split_pair("--date-fix", m)?;
        let line: u64 = line.parse().map_err(|_| navet::Message::InvalidPair {
            flag: "--date-fix".to_string(),
            value: m.clone(),
        })?;
        date_fixes.push((line, date.to_string()));
    }
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
        date_fixes,
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
