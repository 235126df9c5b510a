//! Settings, and the demo municipality.

use clap::{Args, Subcommand};
use navet::{Store, demo, ops};

use crate::words as cli;

#[derive(Subcommand)]
pub enum SettingsCmd {
    /// Visa inställningarna.
    Get,
    /// Ändra en inställning (municipality, status_scale).
    Set { key: String, value: String },
}

#[derive(Args)]
pub struct DemoArgs {
    /// Antal veckor med rapporter.
    #[arg(long, default_value_t = demo::DEFAULT_WEEKS)]
    weeks: u32,
    /// Demoperiodens sista dag (ÅÅÅÅ-MM-DD); annars slutet av den senaste hela veckan.
    #[arg(long, value_name = "DATUM")]
    end: Option<String>,
}

pub fn run(store: &mut Store, cmd: SettingsCmd) -> navet::Result<()> {
    match cmd {
        SettingsCmd::Get => {
            for (key, value) in ops::settings::list(store)? {
                println!("{key} = {value}");
            }
        }
        SettingsCmd::Set { key, value } => {
            ops::settings::set(store, &key, &value)?;
            println!("{key} = {}", value.trim());
        }
    }
    Ok(())
}

pub fn demo(store: &mut Store, args: DemoArgs) -> navet::Result<()> {
    let end = match args.end {
        Some(d) => navet::time::parse_date("--end", &d)?,
        None => demo::default_end(navet::time::today()),
    };
    let s = ops::load_demo_with_cycle(store, args.weeks, end)?;
    println!(
        "{}",
        cli::demo_loaded(demo::MUNICIPALITY, &s, store.path().display())
    );
    Ok(())
}
