//! `navet`: the command-line door into the core, for scripts, tests and power users.
//!
//! Every command opens the database (`--db`, `NAVET_DB`, or the OS data folder),
//! parses its arguments into one `navet::ops` call and prints the result: a table for
//! people, `--json` for programs. Errors print one line on stderr and exit 1; clap's
//! usage errors exit 2. One module per command group, each with its own `run`.

mod bench;
mod bench_preview;
mod bench_reads;
mod export;
mod import;
mod output;
mod picture;
mod register;
mod report;
mod settings;
mod words;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use navet::Store;

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
    Demo(settings::DemoArgs),
    /// Areas (områden).
    #[command(subcommand)]
    Area(register::AreaCmd),
    /// Places (platser) and their aliases.
    #[command(subcommand)]
    Place(register::PlaceCmd),
    /// Partners (aktörer) that send reports.
    #[command(subcommand)]
    Partner(register::PartnerCmd),
    /// The category list.
    #[command(subcommand)]
    Category(register::CategoryCmd),
    /// Reports.
    #[command(subcommand)]
    Report(report::ReportCmd),
    /// Import a partner file (CSV/TSV/TXT, XLSX, XLS, ODS, police events JSON).
    Import(import::ImportArgs),
    /// Past imports: list, undo, rejected rows.
    #[command(subcommand)]
    Imports(import::ImportsCmd),
    /// The unplaced queue.
    #[command(subcommand)]
    Places(register::PlacesCmd),
    /// Write the partner reporting template (.xlsx with a category drop-down, or .csv);
    /// it imports back with no mapping.
    Template {
        #[arg(long)]
        out: PathBuf,
    },
    /// The situation picture (lägesbild) for a period; also save, list, show, status, text.
    Picture(picture::PictureCmd),
    /// Export a PDF, CSV or XLSX file (logged; see `navet exports list`).
    #[command(subcommand)]
    Export(export::ExportCmd),
    /// The export log.
    #[command(subcommand)]
    Exports(export::ExportsCmd),
    /// Settings: `navet settings set municipality "Ekbacka kommun"`,
    /// `navet settings set status_scale "1,2,3,4,5"` (best first).
    #[command(subcommand)]
    Settings(settings::SettingsCmd),
    /// Benchmarks (figures go to BENCHMARKS.md).
    #[command(subcommand)]
    Bench(bench::BenchCmd),
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("navet: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `navet report list | head`: when the reader goes away, end as Unix tools do (by
/// SIGPIPE, silently) instead of panicking in `println!` with a stack trace.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn open(db: Option<PathBuf>) -> navet::Result<Store> {
    let path = match db {
        Some(p) => p,
        None => navet::db::default_path()?,
    };
    let store = Store::open(&path)?;
    if let Some(b) = store.backup() {
        eprintln!("{}", words::db_upgraded(b.display()));
    }
    Ok(store)
}

fn run(cli: Cli) -> navet::Result<()> {
    // The benchmarks make their own databases.
    if let Command::Bench(cmd) = cli.command {
        return bench::run(cmd);
    }
    let mut store = open(cli.db)?;
    match cli.command {
        Command::Init => println!("{}", store.path().display()),
        Command::Demo(args) => settings::demo(&mut store, args)?,
        Command::Area(cmd) => register::area(&mut store, cmd)?,
        Command::Place(cmd) => register::place(&mut store, cmd)?,
        Command::Partner(cmd) => register::partner(&mut store, cmd)?,
        Command::Category(cmd) => register::category(&mut store, cmd)?,
        Command::Places(cmd) => register::places(&store, cmd)?,
        Command::Report(cmd) => report::run(&mut store, cmd)?,
        Command::Import(args) => import::run(&mut store, args)?,
        Command::Imports(cmd) => import::imports(&mut store, cmd)?,
        Command::Template { out } => {
            navet::ops::export::template(&store, &out)?;
            println!("{}", words::template_written(out.display()));
        }
        Command::Picture(cmd) => picture::run(&mut store, cmd)?,
        Command::Export(cmd) => export::run(&store, cmd)?,
        Command::Exports(cmd) => export::exports(&store, cmd)?,
        Command::Settings(cmd) => settings::run(&mut store, cmd)?,
        Command::Bench(_) => {}
    }
    Ok(())
}
