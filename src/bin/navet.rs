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
use navet::{Store, demo};
use serde::Serialize;

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
        eprintln!(
            "Databasen uppgraderades; en kopia av den gamla finns i {}",
            b.display()
        );
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

const REPORT_HEADER: &[&str] = &[
    "Id", "Tidpunkt", "Plats", "Område", "Kategori", "Aktör", "Antal", "Text",
];

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
                "Demodata för {}: {} områden, {} platser, {} aktörer, {} rapporter {} – {} i {}",
                demo::MUNICIPALITY,
                s.areas,
                s.places,
                s.partners,
                s.reports,
                s.from,
                s.to,
                store.path().display()
            );
        }
        Command::Area(cmd) => match cmd {
            AreaCmd::Add { name } => {
                store.add_area(&name)?;
                println!("Området {} har lagts till.", name.trim());
            }
            AreaCmd::List(f) => {
                let areas = store.areas()?;
                if f.json {
                    print_json(&areas)?;
                } else {
                    print_table(
                        &["Område", "Platser"],
                        areas
                            .iter()
                            .map(|a| vec![a.name.clone(), a.places.to_string()])
                            .collect(),
                    );
                }
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
                    println!("Nytt område: {}", area.unwrap_or_default().trim());
                }
                println!("Platsen {} har lagts till.", name.trim());
            }
            PlaceCmd::Alias { place, alias } => {
                store.add_alias(&place, &alias)?;
                println!("{} är nu ett alias för {}.", alias.trim(), place.trim());
            }
            PlaceCmd::List(f) => {
                let places = store.places()?;
                if f.json {
                    print_json(&places)?;
                } else {
                    print_table(
                        &["Plats", "Område", "Alias"],
                        places
                            .iter()
                            .map(|p| {
                                vec![
                                    p.name.clone(),
                                    p.area.clone().unwrap_or_default(),
                                    p.aliases.join(", "),
                                ]
                            })
                            .collect(),
                    );
                }
            }
        },
        Command::Partner(cmd) => match cmd {
            PartnerCmd::Add { name } => {
                store.add_partner(&name)?;
                println!("Aktören {} har lagts till.", name.trim());
            }
            PartnerCmd::List(f) => {
                let partners = store.partners()?;
                if f.json {
                    print_json(&partners)?;
                } else {
                    print_table(
                        &["Aktör", "Rapporter"],
                        partners
                            .iter()
                            .map(|p| vec![p.name.clone(), p.reports.to_string()])
                            .collect(),
                    );
                }
            }
        },
        Command::Category(cmd) => match cmd {
            CategoryCmd::List(f) => {
                let categories = store.categories()?;
                if f.json {
                    print_json(&categories)?;
                } else {
                    print_table(
                        &["Kategori", "Aktiv"],
                        categories
                            .iter()
                            .map(|c| {
                                vec![
                                    c.name.clone(),
                                    if c.active { "ja" } else { "nej" }.to_string(),
                                ]
                            })
                            .collect(),
                    );
                }
            }
            CategoryCmd::Add { name } => {
                store.add_category(&name)?;
                println!("Kategorin {} har lagts till.", name.trim());
            }
            CategoryCmd::Rename { name, new_name } => {
                store.rename_category(&name, &new_name)?;
                println!("Kategorin {} heter nu {}.", name.trim(), new_name.trim());
            }
            CategoryCmd::Retire { name } => {
                store.set_category_active(&name, false)?;
                println!(
                    "Kategorin {} erbjuds inte längre för nya rapporter.",
                    name.trim()
                );
            }
            CategoryCmd::Restore { name } => {
                store.set_category_active(&name, true)?;
                println!("Kategorin {} erbjuds igen.", name.trim());
            }
        },
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
                    println!("Rapport {} har lagts till.", r.id);
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
                    println!("{} av {} rapporter", page.reports.len(), page.total);
                }
            }
        },
    }
    Ok(())
}
