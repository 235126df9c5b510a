//! `navet`: the command-line door into the core, for scripts, tests and power users.
//!
//! Every command opens the database (`--db`, `NAVET_DB`, or the OS data folder),
//! parses its arguments into one `navet::ops` call and prints the result: a table for
//! people, `--json` for programs. Errors print one line on stderr and exit 1; clap's
//! usage errors exit 2. One module per command group, each with its own `run`.
//!
//! The `///` comments on the clap types are the command's help, which users read, so
//! they are Swedish (the rest of the code's comments are English); clap's own words are
//! replaced by [`swedish`] and its usage errors by [`usage_error`].

mod backup;
mod bench;
mod bench_encryption;
mod bench_pack;
mod bench_preview;
mod bench_reads;
mod bench_register;
mod encryption;
mod est;
mod export;
mod import;
mod law;
mod links;
mod output;
mod picture;
mod privacy;
mod register;
mod report;
mod retention;
mod settings;
mod words;
mod year;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
use navet::Store;

#[global_allocator]
static ALLOCATOR: navet::Allocator = navet::Allocator;

#[derive(Parser)]
#[command(
    name = "navet",
    version,
    about = "Navet: rapporter, platser och lägesbilden för EST, utan nätverk.",
    long_about = "Navet håller kommunens trygghetsrapporter i en lokal SQLite-fil.\n\
                  Databasen är --db SÖKVÄG, annars $NAVET_DB, annars operativsystemets datamapp."
)]
struct Cli {
    /// Databasfilen (skapas om den saknas).
    #[arg(long, global = true, env = "NAVET_DB", value_name = "SÖKVÄG")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Skapa eller uppgradera databasen och skriv ut dess sökväg.
    Init,
    /// Kontrollera hela databasfilen (SQLites quick_check); en skadad fil ändras inte,
    /// och den senaste säkerhetskopian nämns.
    Check,
    /// Fyll en ny, tom databas med en demokommun (samma data varje gång).
    Demo(settings::DemoArgs),
    /// Områden.
    #[command(subcommand)]
    Area(register::AreaCmd),
    /// Platser och deras andra namn.
    #[command(subcommand)]
    Place(register::PlaceCmd),
    /// Aktörer som skickar rapporter.
    #[command(subcommand)]
    Partner(register::PartnerCmd),
    /// Kategorilistan.
    #[command(subcommand)]
    Category(register::CategoryCmd),
    /// Rapporter.
    #[command(subcommand)]
    Report(report::ReportCmd),
    /// Importera en fil från en aktör (CSV/TSV/TXT, XLSX, XLS, ODS, polisens händelser i JSON).
    Import(import::ImportArgs),
    /// Tidigare importer: lista, ångra, avvisade rader.
    #[command(subcommand)]
    Imports(import::ImportsCmd),
    /// Kön av platser som inte känns igen.
    #[command(subcommand)]
    Places(register::PlacesCmd),
    /// Skriv mallen som aktörer rapporterar i (.xlsx med kategorilista, eller .csv);
    /// den importeras tillbaka utan koppling.
    Template {
        /// Filen som skrivs.
        #[arg(long)]
        out: PathBuf,
    },
    /// Lägesbilden för en period; även save, list, show, status och text.
    Picture(picture::PictureCmd),
    /// Exportera en PDF-, CSV- eller XLSX-fil (loggas; se `navet exports list`).
    #[command(subcommand)]
    Export(export::ExportCmd),
    /// Exportloggen.
    #[command(subcommand)]
    Exports(export::ExportsCmd),
    /// Inställningar: `navet settings set municipality "Ekbacka kommun"`,
    /// `navet settings set status_scale "1,2,3,4,5"` (bästa först).
    #[command(subcommand)]
    Settings(settings::SettingsCmd),
    /// Samma händelse rapporterad av två aktörer: föreslå, lista, bekräfta, avvisa.
    #[command(subcommand)]
    Links(links::LinksCmd),
    /// Insatser: lägg till, lista, visa med antal före och efter, ändra, följ upp
    /// (även `navet insats`).
    #[command(subcommand, name = "action", alias = "insats")]
    Insats(est::InsatsCmd),
    /// Möten: serier, anteckna möten och beslut, nästa möte, mötesunderlag (PDF).
    #[command(subcommand)]
    Meeting(est::MeetingCmd),
    /// Trygghetsvandringar: punkter (med bild), till rapport eller insats, protokoll.
    #[command(subcommand)]
    Walk(est::WalkCmd),
    /// Medborgarlöften: period, åtaganden kopplade till insatser, publicering, uppföljning.
    #[command(subcommand)]
    Promise(est::PromiseCmd),
    /// Gallring: ta bort rapporter äldre än N månader (summorna per månad finns kvar).
    #[command(subcommand)]
    Retention(retention::RetentionCmd),
    /// Säkerhetskopior: ta en nu, lista, återställ.
    #[command(subcommand)]
    Backup(backup::BackupCmd),
    /// Kryptering av databasen med en lösenfras (SQLCipher): visa, slå på, byt, slå av.
    #[command(subcommand)]
    Encryption(encryption::EncryptionCmd),
    /// Andra kunskapskällor till lägesbilden enligt lag: undersökningar, SCB, skolors enkäter.
    #[command(subcommand)]
    Source(law::SourceCmd),
    /// Lägesbilden enligt lag: samordnarens texter om konsekvenser och orsaker
    /// (PDF:en: `navet export pdf lag-lagesbild`).
    #[command(subcommand)]
    Law(law::LawCmd),
    /// Året: områdenas statushistorik och årshjulet (kategorier per månad).
    #[command(subcommand)]
    Year(year::YearCmd),
    /// Personuppgifter som redan finns i databasen: sök och maskera.
    #[command(subcommand, name = "personal-data")]
    PersonalData(privacy::PersonalDataCmd),
    /// Prestandamätningar (siffrorna förs in i BENCHMARKS.md).
    #[command(subcommand)]
    Bench(bench::BenchCmd),
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = match swedish(Cli::command(), true)
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("navet: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The command's help in Swedish: clap's own words (headings, the help and version
/// flags, the usage line, defaults and the environment variable) replaced from `words`,
/// on every subcommand. `path` is the command as typed ("navet report list").
fn swedish(cmd: clap::Command, top: bool) -> clap::Command {
    swedish_at(cmd, top, "navet")
}

fn swedish_at(cmd: clap::Command, top: bool, path: &str) -> clap::Command {
    let cmd = cmd
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .help_template(words::HELP_TEMPLATE)
        .subcommand_help_heading(words::COMMANDS_HEADING)
        .subcommand_value_name(words::COMMAND_VALUE)
        .mut_args(|a| {
            let heading = if a.is_positional() {
                words::ARGUMENTS_HEADING
            } else {
                words::OPTIONS_HEADING
            };
            // clap's "[default: …]" and "[env: …]" become part of the Swedish help.
            let mut extra = Vec::new();
            if let Some(d) = a.get_default_values().first() {
                extra.push(words::default_value(d.to_string_lossy()));
            }
            if let Some(env) = a.get_env() {
                extra.push(words::env_value(env.to_string_lossy()));
            }
            let a = if extra.is_empty() {
                a
            } else {
                let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
                let help = format!("{} [{}]", help.trim_end_matches('.'), extra.join("; "));
                a.help(help).hide_default_value(true).hide_env(true)
            };
            // Swedish placeholders: --from <DATUM>, <FIL>.
            // An explicit name (`--to <MOTTAGARE>` on a pack) stays; clap's own is the
            // id in capitals.
            let explicit = a
                .get_value_names()
                .and_then(|v| v.first())
                .is_some_and(|n| n.as_str() != a.get_id().as_str().to_uppercase());
            let a = match words::placeholder(a.get_id().as_str()) {
                Some(name) if a.get_action().takes_values() && !explicit => a.value_name(name),
                _ => a,
            };
            a.help_heading(heading)
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(words::HELP_FLAG)
                .help_heading(words::OPTIONS_HEADING),
        );
    // The usage line: the command, then [FLAGGOR], its arguments and <KOMMANDO>.
    let mut usage = format!("{path} [{}]", words::OPTIONS_VALUE);
    for a in cmd.get_arguments().filter(|a| a.is_positional()) {
        let name = a
            .get_value_names()
            .and_then(|v| v.first())
            .map(|n| n.to_string())
            .unwrap_or_else(|| a.get_id().to_string().to_uppercase());
        usage.push_str(&format!(" <{name}>"));
    }
    if cmd.has_subcommands() {
        usage.push_str(&format!(" <{}>", words::COMMAND_VALUE));
    }
    let cmd = cmd.override_usage(usage);
    let cmd = if top {
        cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words::VERSION_FLAG)
                .help_heading(words::OPTIONS_HEADING),
        )
    } else {
        cmd
    };
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let mut cmd = cmd;
    for name in names {
        let sub_path = format!("{path} {name}");
        cmd = cmd.mut_subcommand(&name, |c| swedish_at(c, false, &sub_path));
    }
    cmd
}

/// A usage error in Swedish on one line (exit 2); help and version print as asked.
fn usage_error(e: clap::Error) -> ExitCode {
    let context = |kind: ContextKind| e.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        ErrorKind::UnknownArgument => words::unknown_flag(context(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => {
            words::unknown_command(context(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => {
            words::missing_argument(context(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => words::invalid_value(
            context(ContextKind::InvalidValue),
            context(ContextKind::InvalidArg),
            context(ContextKind::ValidValue),
        ),
        ErrorKind::ArgumentConflict => words::conflict(
            context(ContextKind::InvalidArg),
            context(ContextKind::PriorArg),
        ),
        _ => words::usage_problem(context(ContextKind::InvalidArg)),
    };
    eprintln!("navet: {message}");
    ExitCode::from(2)
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
    let store = encryption::open(&path)?;
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
        Command::Check => {
            navet::ops::check(&store)?;
            println!(
                "{}",
                words::database_sound(&store.path().display().to_string())
            );
        }
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
        Command::PersonalData(cmd) => privacy::run(&mut store, cmd)?,
        Command::Links(cmd) => links::run(&mut store, cmd)?,
        Command::Insats(cmd) => est::insats(&mut store, cmd)?,
        Command::Meeting(cmd) => est::meeting(&mut store, cmd)?,
        Command::Year(cmd) => year::run(&store, cmd)?,
        Command::Walk(cmd) => est::walk(&mut store, cmd)?,
        Command::Promise(cmd) => est::promise(&mut store, cmd)?,
        Command::Source(cmd) => law::source(&mut store, cmd)?,
        Command::Backup(cmd) => backup::backup(&mut store, cmd)?,
        Command::Encryption(cmd) => encryption::encryption(&mut store, cmd)?,
        Command::Retention(cmd) => retention::retention(&mut store, cmd)?,
        Command::Law(cmd) => law::law(&mut store, cmd)?,
        Command::Bench(_) => {}
    }
    Ok(())
}
