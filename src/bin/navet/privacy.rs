//! Personal data already in the database: find it, and mask it on request.

use clap::{Args, Subcommand};
use navet::{Store, ops};

use crate::output::print_json;
use crate::words as cli;

#[derive(Subcommand)]
pub enum PersonalDataCmd {
    /// Sök efter personnummer och telefonnummer i allt som sparats (rapporternas texter,
    /// importernas problem och avvisade rader); med --mask maskeras de.
    Scan(ScanArgs),
}

#[derive(Args)]
pub struct ScanArgs {
    /// Maskera det som hittas (annars räknas det bara).
    #[arg(long)]
    mask: bool,
    /// Skriv JSON (stabil, camelCase) i stället för en mening.
    #[arg(long)]
    json: bool,
}

pub fn run(store: &mut Store, cmd: PersonalDataCmd) -> navet::Result<()> {
    let PersonalDataCmd::Scan(args) = cmd;
    let scan = ops::personal_data::scan(store, args.mask)?;
    if args.json {
        print_json(&scan)
    } else {
        println!("{}", cli::personal_data_scan(&scan));
        Ok(())
    }
}
