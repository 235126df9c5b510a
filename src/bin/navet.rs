//! `navet`: the command-line door into the core, for scripts, tests and power users.
//!
//! Every command opens the database (`--db`, `NAVET_DB`, or the OS data folder),
//! makes one core call and prints the result: a table for people, `--json` for
//! programs. Errors print one line on stderr and exit 1; clap's usage errors exit 2.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use navet::db::place::NewPlace;
use navet::db::report::{NewReport, Report, ReportFilter};
use navet::import::{DayOrder, Field, ImportOptions, OnProblem};
use navet::messages::cli;
use navet::{Store, demo};
use serde::Serialize;

#[global_allocator]
static ALLOCATOR: navet::Allocator = navet::Allocator;

#[derive(Parser)]
#[command(
    name = "navet",
    version,
    about = "Navet: reports, places and the situation picture (lägesbild) for EST, offline.",
    long_about = "Navet keeps a Swedish municipality's safety reports in one local SQLite file.\n\
                  The database is --db PATH, else $NAVET_DB, else the OS data folder."
)]
struct Cli {
    /// The database file (created if missing).
    #[arg(long, global = true, env = "NAVET_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create or upgrade the database and print its path.
    Init,
    /// Fill a new, empty database with a deterministic demo municipality.
    Demo {
        /// Weeks of reports.
        #[arg(long, default_value_t = demo::DEFAULT_WEEKS)]
        weeks: u32,
        /// Last day of the demo period (YYYY-MM-DD); default: the end of the last complete week.
        #[arg(long, value_name = "DATE")]
        end: Option<String>,
    },
    /// Areas (områden).
    #[command(subcommand)]
    Area(AreaCmd),
    /// Places (platser) and their aliases.
    #[command(subcommand)]
    Place(PlaceCmd),
    /// Partners (aktörer) that send reports.
    #[command(subcommand)]
    Partner(PartnerCmd),
    /// The category list.
    #[command(subcommand)]
    Category(CategoryCmd),
    /// Reports.
    #[command(subcommand)]
    Report(ReportCmd),
    /// Import a partner file (CSV/TSV/TXT, XLSX, XLS, ODS, police events JSON).
    Import(ImportArgs),
    /// Past imports: list, undo, rejected rows.
    #[command(subcommand)]
    Imports(ImportsCmd),
    /// The unplaced queue.
    #[command(subcommand)]
    Places(PlacesCmd),
    /// Write the partner reporting template (.xlsx with a category drop-down, or .csv);
    /// it imports back with no mapping.
    Template {
        #[arg(long)]
        out: PathBuf,
    },
    /// The situation picture (lägesbild) for a period; also save, list, show, status, text.
    Picture(PictureCmd),
    /// Export a PDF, CSV or XLSX file (logged; see `navet exports list`).
    #[command(subcommand)]
    Export(ExportCmd),
    /// The export log.
    #[command(subcommand)]
    Exports(ExportsCmd),
    /// Settings: `navet settings set municipality "Ekbacka kommun"`,
    /// `navet settings set status_scale "1,2,3,4,5"` (best first).
    #[command(subcommand)]
    Settings(SettingsCmd),
    /// Benchmarks (figures go to BENCHMARKS.md).
    #[command(subcommand)]
    Bench(BenchCmd),
}

#[derive(Args, Clone)]
struct PeriodArgs {
    /// First day (YYYY-MM-DD); with --period, the period containing it.
    #[arg(long)]
    from: Option<String>,
    /// Last day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// week, 2weeks, month, tertial or custom (default: from the range, else the last complete week).
    #[arg(long)]
    period: Option<String>,
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
struct PictureCmd {
    #[command(subcommand)]
    action: Option<PictureAction>,
    #[command(flatten)]
    period: PeriodArgs,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum PictureAction {
    /// Freeze the picture as it is now (numbers, statuses, texts).
    Save {
        #[command(flatten)]
        period: PeriodArgs,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List frozen pictures.
    List(JsonFlag),
    /// Show a frozen picture exactly as it was saved.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Set an area's status (grön, gul, röd) with a one-line justification.
    Status {
        area: String,
        status: String,
        #[arg(long)]
        justification: String,
        #[command(flatten)]
        period: PeriodArgs,
    },
    /// Set an analysis text: kartläggning, "annan information" or analys.
    Text {
        part: String,
        text: String,
        #[command(flatten)]
        period: PeriodArgs,
    },
}

#[derive(Subcommand)]
enum ExportCmd {
    /// PDF documents: `lagesbild`, the situation picture.
    Pdf {
        /// What to export: lagesbild.
        what: String,
        #[command(flatten)]
        period: PeriodArgs,
        /// A frozen picture instead of the live one.
        #[arg(long)]
        snapshot: Option<i64>,
        #[arg(long)]
        out: PathBuf,
        /// Who it is for (logged).
        #[arg(long)]
        partner: Option<String>,
    },
    /// CSV (UTF-8 with BOM, semicolons): `reports` or `picture`.
    Csv(TableExportArgs),
    /// XLSX: `reports` or `picture`.
    Xlsx(TableExportArgs),
}

#[derive(Args)]
struct TableExportArgs {
    /// reports or picture.
    what: String,
    #[command(flatten)]
    period: PeriodArgs,
    /// For `picture`: a frozen picture instead of the live one.
    #[arg(long)]
    snapshot: Option<i64>,
    /// For `reports`: only this place / area / category.
    #[arg(long)]
    place: Option<String>,
    #[arg(long)]
    area: Option<String>,
    #[arg(long)]
    category: Option<String>,
    #[arg(long)]
    out: PathBuf,
    /// The partner it is for: makes the file partner-safe (aggregates, <3, no free text).
    #[arg(long)]
    partner: Option<String>,
    /// Partner-safe even with no partner named.
    #[arg(long)]
    partner_safe: bool,
    /// Full detail even for a named partner (the export log records it).
    #[arg(long, conflicts_with = "partner_safe")]
    full: bool,
}

#[derive(Subcommand)]
enum ExportsCmd {
    /// List exports, newest first.
    List(JsonFlag),
}

#[derive(Subcommand)]
enum SettingsCmd {
    /// Show the settings.
    Get,
    /// Set a setting (municipality, status_scale).
    Set { key: String, value: String },
}

#[derive(Subcommand)]
enum BenchCmd {
    /// Import N generated Swedish-dialect CSV rows through the full path, and time
    /// sqlite3's bare .import of the same file in the same run.
    Import {
        #[arg(long, default_value_t = 100_000)]
        rows: u64,
        /// Work folder (default: a temporary one, removed afterwards).
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// The picture of one week (8-week baseline, 12-week trend) on a database of N reports.
    Picture {
        #[arg(long, default_value_t = 1_000_000)]
        reports: u64,
        #[arg(long, default_value_t = 20)]
        runs: u32,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// A meeting-pack-sized PDF (a 1,000-row table and charts) against headless
    /// Chromium's --print-to-pdf of the same content as HTML, timed in the same run.
    Pdf {
        #[arg(long, default_value_t = 1000)]
        rows: u32,
        #[arg(long, default_value_t = 5)]
        runs: u32,
        /// Where the PDFs and the HTML are written (kept).
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct ImportArgs {
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
enum ImportsCmd {
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

#[derive(Subcommand)]
enum PlacesCmd {
    /// Place texts from imports that matched no place; resolve with `navet place alias`.
    Unplaced(JsonFlag),
}

#[derive(Args)]
struct JsonFlag {
    /// Print JSON (stable, camelCase) instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum AreaCmd {
    /// Add an area.
    Add { name: String },
    /// List areas with their number of places.
    List(JsonFlag),
}

#[derive(Subcommand)]
enum PlaceCmd {
    /// Add a place; the area is created if it does not exist.
    Add {
        name: String,
        #[arg(long)]
        area: Option<String>,
        /// Another spelling partners use; repeat for more.
        #[arg(long = "alias", value_name = "ALIAS")]
        aliases: Vec<String>,
        /// Latitude in decimal degrees (WGS 84), with --lon.
        #[arg(long, requires = "lon", allow_hyphen_values = true)]
        lat: Option<f64>,
        /// Longitude in decimal degrees (WGS 84), with --lat.
        #[arg(long, requires = "lat", allow_hyphen_values = true)]
        lon: Option<f64>,
    },
    /// Add an alias to a place (by its name or another alias).
    Alias { place: String, alias: String },
    /// List places with area and aliases.
    List(JsonFlag),
}

#[derive(Subcommand)]
enum PartnerCmd {
    /// Add a partner.
    Add { name: String },
    /// List partners with their number of reports.
    List(JsonFlag),
}

#[derive(Subcommand)]
enum CategoryCmd {
    /// List categories in their order.
    List(JsonFlag),
    /// Add a category at the end of the list.
    Add { name: String },
    /// Rename a category; its reports follow.
    Rename { name: String, new_name: String },
    /// Stop offering a category for new reports (its history stays).
    Retire { name: String },
    /// Offer a retired category again.
    Restore { name: String },
}

#[derive(Subcommand)]
enum ReportCmd {
    /// Add a report.
    Add {
        /// When it happened (YYYY-MM-DD).
        #[arg(long)]
        date: String,
        /// Time of day (HH:MM).
        #[arg(long)]
        time: Option<String>,
        /// Place name or alias; leave out for an unplaced report.
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        category: String,
        #[arg(long)]
        partner: String,
        /// How many incidents the report covers (at least 1).
        #[arg(long)]
        count: Option<u32>,
        /// The reporter's assessment, e.g. how serious.
        #[arg(long)]
        assessment: Option<String>,
        /// Free text.
        #[arg(long)]
        text: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List reports, newest first.
    List {
        /// First day, inclusive (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Last day, inclusive (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        area: Option<String>,
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        partner: Option<String>,
        /// At most this many.
        #[arg(long)]
        limit: Option<u32>,
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("navet: {e}");
            ExitCode::FAILURE
        }
    }
}

fn open(db: Option<PathBuf>) -> navet::Result<Store> {
    let path = match db {
        Some(p) => p,
        None => navet::db::default_path()?,
    };
    let store = Store::open(&path)?;
    if let Some(b) = store.backup() {
        eprintln!("{}", cli::db_upgraded(b.display()));
    }
    Ok(store)
}

fn print_json<T: Serialize>(value: &T) -> navet::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| {
        navet::Error::from(navet::Message::Storage {
            detail: e.to_string(),
        })
    })?;
    println!("{text}");
    Ok(())
}

/// Prints rows as left-aligned columns under a header.
/// A list command's output: JSON for programs, a table for people.
fn print_list<T: Serialize>(
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

fn print_table(header: &[&str], rows: Vec<Vec<String>>) {
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

fn report_row(r: &Report) -> Vec<String> {
    vec![
        r.id.to_string(),
        r.occurred_at.replace('T', " "),
        r.place
            .clone()
            .unwrap_or_else(|| format!("({})", r.source_place.as_deref().unwrap_or("oplacerad"))),
        r.area.clone().unwrap_or_default(),
        r.category.clone(),
        r.partner.clone(),
        r.count.to_string(),
        r.text.clone(),
    ]
}

const REPORT_HEADER: &[&str] = cli::headers::REPORTS;

fn run(cli: Cli) -> navet::Result<()> {
    let mut store = open(cli.db)?;
    match cli.command {
        Command::Init => {
            println!("{}", store.path().display());
        }
        Command::Demo { weeks, end } => {
            let end = match end {
                Some(d) => navet::time::parse_date("--end", &d)?,
                None => demo::default_end(navet::time::today()),
            };
            let s = store.load_demo(weeks, end)?;
            println!(
                "{}",
                cli::demo_loaded(demo::MUNICIPALITY, &s, store.path().display())
            );
        }
        Command::Area(cmd) => match cmd {
            AreaCmd::Add { name } => {
                store.add_area(&name)?;
                println!("{}", cli::area_added(name.trim()));
            }
            AreaCmd::List(f) => {
                let areas = store.areas()?;
                print_list(f.json, &areas, cli::headers::AREAS, |a| {
                    vec![a.name.clone(), a.places.to_string()]
                })?;
            }
        },
        Command::Place(cmd) => match cmd {
            PlaceCmd::Add {
                name,
                area,
                aliases,
                lat,
                lon,
            } => {
                let added = store.add_place(&NewPlace {
                    name: name.clone(),
                    area: area.clone(),
                    aliases,
                    latitude: lat,
                    longitude: lon,
                })?;
                if added.area_created {
                    println!("{}", cli::area_created(area.unwrap_or_default().trim()));
                }
                println!("{}", cli::place_added(name.trim()));
            }
            PlaceCmd::Alias { place, alias } => {
                let placed = store.add_alias(&place, &alias)?;
                println!("{}", cli::alias_added(alias.trim(), place.trim()));
                if placed > 0 {
                    println!("{}", cli::alias_placed(placed));
                }
            }
            PlaceCmd::List(f) => {
                let places = store.places()?;
                print_list(f.json, &places, cli::headers::PLACES, |p| {
                    vec![
                        p.name.clone(),
                        p.area.clone().unwrap_or_default(),
                        p.aliases.join(", "),
                    ]
                })?;
            }
        },
        Command::Partner(cmd) => match cmd {
            PartnerCmd::Add { name } => {
                store.add_partner(&name)?;
                println!("{}", cli::partner_added(name.trim()));
            }
            PartnerCmd::List(f) => {
                let partners = store.partners()?;
                print_list(f.json, &partners, cli::headers::PARTNERS, |p| {
                    vec![p.name.clone(), p.reports.to_string()]
                })?;
            }
        },
        Command::Category(cmd) => match cmd {
            CategoryCmd::List(f) => {
                let categories = store.categories()?;
                print_list(f.json, &categories, cli::headers::CATEGORIES, |c| {
                    vec![
                        c.name.clone(),
                        if c.active { cli::YES } else { cli::NO }.to_string(),
                    ]
                })?;
            }
            CategoryCmd::Add { name } => {
                store.add_category(&name)?;
                println!("{}", cli::category_added(name.trim()));
            }
            CategoryCmd::Rename { name, new_name } => {
                store.rename_category(&name, &new_name)?;
                println!("{}", cli::category_renamed(name.trim(), new_name.trim()));
            }
            CategoryCmd::Retire { name } => {
                store.set_category_active(&name, false)?;
                println!("{}", cli::category_retired(name.trim()));
            }
            CategoryCmd::Restore { name } => {
                store.set_category_active(&name, true)?;
                println!("{}", cli::category_restored(name.trim()));
            }
        },
        Command::Import(a) => import(&mut store, a)?,
        Command::Export(ExportCmd::Pdf {
            what,
            period: pa,
            snapshot,
            out,
            partner,
        }) => {
            if !matches!(what.as_str(), "lagesbild" | "lägesbild" | "picture") {
                return Err(navet::Message::Required {
                    field: cli::pdf_kind_field(&what),
                }
                .into());
            }
            let source = match snapshot {
                Some(id) => navet::export::PictureSource::Snapshot { id },
                None => navet::export::PictureSource::Period {
                    period: period(&pa)?,
                },
            };
            let done = store.export_picture_pdf(&source, &out, partner.as_deref())?;
            println!("{} ({} byte)", done.path, done.bytes);
        }
        Command::Export(ExportCmd::Csv(a)) => {
            table_export(&store, a, navet::export::TableFormat::Csv)?
        }
        Command::Export(ExportCmd::Xlsx(a)) => {
            table_export(&store, a, navet::export::TableFormat::Xlsx)?
        }
        Command::Exports(ExportsCmd::List(f)) => {
            let list = store.exports()?;
            print_list(f.json, &list, cli::headers::EXPORTS, |e| {
                vec![
                    e.id.to_string(),
                    e.created_at.clone(),
                    e.kind.clone(),
                    e.file_name.clone(),
                    e.recipient.clone().unwrap_or_default(),
                    if e.partner_safe { cli::YES } else { cli::NO }.to_string(),
                    e.filters.clone(),
                ]
            })?;
        }
        Command::Settings(SettingsCmd::Get) => {
            for key in navet::db::setting::KEYS {
                let value = navet::db::setting::get_setting(store.conn(), key)?;
                println!("{key} = {}", value.unwrap_or_default());
            }
        }
        Command::Settings(SettingsCmd::Set { key, value }) => {
            if !navet::db::setting::KEYS.contains(&key.as_str()) {
                return Err(navet::Message::Required {
                    field: cli::setting_field(&key, navet::db::setting::KEYS.join(", ")),
                }
                .into());
            }
            navet::db::setting::set_setting(store.conn(), &key, &value)?;
            println!("{key} = {}", value.trim());
        }
        Command::Picture(cmd) => match cmd.action {
            None => {
                let p = store.picture(&period(&cmd.period)?)?;
                if cmd.json {
                    print_json(&p)?;
                } else {
                    print_picture(&p);
                }
            }
            Some(PictureAction::Save {
                period: pa,
                title,
                json,
            }) => {
                let p = store.save_picture(&period(&pa)?, title.as_deref())?;
                if json {
                    print_json(&p)?;
                } else if let Some(s) = &p.snapshot {
                    println!("{}", cli::picture_saved(s.id, &s.title));
                }
            }
            Some(PictureAction::List(f)) => {
                let list = store.saved_pictures()?;
                print_list(f.json, &list, cli::headers::PICTURES, |s| {
                    vec![
                        s.id.to_string(),
                        s.title.clone(),
                        s.from.clone(),
                        s.to.clone(),
                        s.created_at.clone(),
                    ]
                })?;
            }
            Some(PictureAction::Show { id, json }) => {
                let p = store.saved_picture(id)?;
                if json {
                    print_json(&p)?;
                } else {
                    print_picture(&p);
                }
            }
            Some(PictureAction::Status {
                area,
                status,
                justification,
                period: pa,
            }) => {
                let p = period(&pa)?;
                store.set_area_status(&p, &area, &status, &justification)?;
                println!("{} {}: {}", area.trim(), p.label(), status.trim());
            }
            Some(PictureAction::Text {
                part,
                text,
                period: pa,
            }) => {
                let p = period(&pa)?;
                let part = navet::picture::AnalysisPart::parse(&part).ok_or_else(|| {
                    navet::Message::Required {
                        field: cli::ANALYSIS_PART.into(),
                    }
                })?;
                store.set_analysis(&p, part, &text)?;
                println!("{}", cli::text_saved(part.title(), p.label()));
            }
        },
        Command::Template { out } => {
            store.write_template(&out)?;
            println!("{}", cli::template_written(out.display()));
        }
        Command::Bench(BenchCmd::Picture {
            reports,
            runs,
            dir,
            json,
        }) => {
            let b = navet::bench::picture(reports, runs, dir)?;
            if json {
                print_json(&b)?;
            } else {
                println!(
                    "{}",
                    cli::bench_picture(
                        b.reports,
                        b.median_ms,
                        b.min_ms,
                        b.max_ms,
                        b.runs,
                        b.week_total
                    )
                );
            }
        }
        Command::Bench(BenchCmd::Pdf {
            rows,
            runs,
            dir,
            json,
        }) => {
            let b = navet::bench::pdf(rows, runs, dir)?;
            if json {
                print_json(&b)?;
            } else {
                println!(
                    "{}",
                    cli::bench_pdf(b.pages, b.navet_bytes, b.navet_ms, b.runs)
                );
                match (b.chromium_ms, b.ratio) {
                    (Some(c), Some(r)) => println!(
                        "chromium --print-to-pdf: {c:.0} ms, {} byte; kvot navet/chromium: {r:.3}",
                        b.chromium_bytes.unwrap_or(0)
                    ),
                    _ => println!("{}", cli::NO_CHROMIUM),
                }
            }
        }
        Command::Bench(BenchCmd::Import { rows, dir, json }) => {
            let b = navet::bench::import(rows, dir)?;
            if json {
                print_json(&b)?;
            } else {
                println!(
                    "{}",
                    cli::bench_import_file(b.rows, b.file_bytes as f64 / 1e6)
                );
                println!("{}", cli::bench_import_navet(b.navet_seconds, b.inserted));
                match (b.sqlite3_seconds, b.ratio) {
                    (Some(s), Some(r)) => println!(
                        "sqlite3 .import (bar tabell): {s:.3} s  kvot navet/sqlite3: {r:.2}"
                    ),
                    _ => println!("{}", cli::NO_SQLITE3),
                }
                if let Some(m) = b.peak_memory_mb {
                    println!("{}", cli::bench_peak_memory(m));
                }
            }
        }
        Command::Imports(cmd) => match cmd {
            ImportsCmd::List(f) => {
                let batches = store.imports()?;
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
                let n = store.undo_import(batch)?;
                println!("{}", cli::import_undone(batch, n));
            }
            ImportsCmd::Rejected { batch, out } => {
                let n = store.write_rejected_csv(batch, &out)?;
                println!("{}", cli::rejected_written(n, out.display()));
            }
        },
        Command::Places(PlacesCmd::Unplaced(f)) => {
            let list = store.unplaced()?;
            print_list(f.json, &list, cli::headers::UNPLACED, |u| {
                vec![u.text.clone(), u.rows.to_string(), u.suggestions.join(", ")]
            })?;
        }
        Command::Report(cmd) => match cmd {
            ReportCmd::Add {
                date,
                time,
                place,
                category,
                partner,
                count,
                assessment,
                text,
                json,
            } => {
                let r = store.add_report(&NewReport {
                    date,
                    time,
                    place,
                    category,
                    partner,
                    count,
                    assessment,
                    text,
                })?;
                if json {
                    print_json(&r)?;
                } else {
                    println!("{}", cli::report_added(r.id));
                }
            }
            ReportCmd::List {
                from,
                to,
                place,
                area,
                category,
                partner,
                limit,
                json,
            } => {
                let page = store.reports(&ReportFilter {
                    from,
                    to,
                    place,
                    area,
                    category,
                    partner,
                    limit,
                })?;
                if json {
                    print_json(&page.reports)?;
                } else {
                    print_table(REPORT_HEADER, page.reports.iter().map(report_row).collect());
                    println!("{}", cli::reports_shown(page.reports.len(), page.total));
                }
            }
        },
    }
    Ok(())
}

fn period(a: &PeriodArgs) -> navet::Result<navet::picture::Period> {
    use navet::picture::{Period, PeriodKind};
    let kind = match &a.period {
        Some(k) => Some(
            PeriodKind::parse(k)
                .ok_or_else(|| navet::Message::UnknownPeriod { value: k.clone() })?,
        ),
        None => None,
    };
    let from = a
        .from
        .as_deref()
        .map(|d| navet::time::parse_date("--from", d))
        .transpose()?;
    let to =
        a.to.as_deref()
            .map(|d| navet::time::parse_date("--to", d))
            .transpose()?;
    Period::choose(kind, from, to, navet::time::today())
}

fn arrow(change: i64) -> &'static str {
    match change {
        c if c > 0 => "↑",
        c if c < 0 => "↓",
        _ => "→",
    }
}

fn print_picture(p: &navet::picture::Picture) {
    println!("{}", cli::picture_heading(&p.label, &p.from, &p.to));
    if let Some(s) = &p.snapshot {
        println!("{}", cli::picture_frozen(&s.created_at, s.id, &s.title));
    }
    println!(
        "{}",
        cli::picture_totals(
            p.total,
            p.reports,
            p.previous_total,
            p.baseline_total,
            p.unplaced
        )
    );
    for a in &p.areas {
        println!();
        let status = match (&a.status, &a.justification) {
            (Some(s), Some(j)) => format!(" – {s}: {j}"),
            _ => String::new(),
        };
        println!(
            "{}",
            cli::picture_area(&a.area, a.total, a.previous, a.baseline, &status)
        );
        print_table(
            cli::headers::PICTURE_CATEGORIES,
            a.categories
                .iter()
                .map(|c| {
                    vec![
                        c.category.clone(),
                        c.count.to_string(),
                        c.previous.to_string(),
                        format!("{:.1}", c.baseline),
                        format!("{} {:+}", arrow(c.change), c.change),
                        if c.flagged {
                            "ökning".into()
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect(),
        );
    }
    if !p.hotspots.is_empty() {
        println!();
        println!("{}", cli::HOTSPOTS_HEADING);
        for h in &p.hotspots {
            println!(
                "  {} ({}): {}",
                h.place,
                h.area.as_deref().unwrap_or(""),
                h.count
            );
        }
    }
}

fn table_export(
    store: &Store,
    a: TableExportArgs,
    format: navet::export::TableFormat,
) -> navet::Result<()> {
    use navet::export::PictureSource;
    let safe = !a.full && (a.partner_safe || a.partner.is_some());
    let done = match a.what.as_str() {
        "reports" | "rapporter" => {
            let has_period =
                a.period.from.is_some() || a.period.to.is_some() || a.period.period.is_some();
            let (from, to) = if has_period {
                let p = period(&a.period)?;
                (Some(p.from.to_string()), Some(p.to.to_string()))
            } else {
                (None, None)
            };
            let filter = ReportFilter {
                from,
                to,
                place: a.place,
                area: a.area,
                category: a.category,
                partner: None,
                limit: None,
            };
            store.export_reports(&filter, format, &a.out, a.partner.as_deref(), safe)?
        }
        "picture" | "lagesbild" | "lägesbild" => {
            let source = match a.snapshot {
                Some(id) => PictureSource::Snapshot { id },
                None => PictureSource::Period {
                    period: period(&a.period)?,
                },
            };
            store.export_picture_table(&source, format, &a.out, a.partner.as_deref(), safe)?
        }
        other => {
            return Err(navet::Message::Required {
                field: cli::table_kind_field(other),
            }
            .into());
        }
    };
    println!(
        "{} ({} byte){}",
        done.path,
        done.bytes,
        if done.partner_safe {
            ", partnersäker: bara summor, <3 för små tal, ingen fritext"
        } else {
            ""
        }
    );
    Ok(())
}

fn split_pair<'a>(flag: &str, value: &'a str) -> navet::Result<(&'a str, &'a str)> {
    value
        .split_once('=')
        .map(|(a, b)| (a.trim(), b.trim()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
        .ok_or_else(|| {
            navet::Message::Required {
                field: format!("{flag} \"{value}\" (skriv A=B)"),
            }
            .into()
        })
}

fn import(store: &mut Store, a: ImportArgs) -> navet::Result<()> {
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
    let r = store.import_file(&a.file, &opts)?;
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
                &i.action
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
