//! Gallring: see what would go, do it, list what was done.

use clap::Subcommand;
use navet::Store;
use navet::ops;

use crate::output::{print_list, print_one};
use crate::words as cli;

#[derive(Subcommand)]
pub enum RetentionCmd {
    /// Visa hur många rapporter en gallring skulle ta bort (inget ändras).
    Preview {
        /// Rapporter äldre än så här många hela månader.
        #[arg(long)]
        months: u32,
        /// Bara den här kategorin (annars alla).
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Gallra: ta bort rapporterna äldre än så här många hela månader. Summorna per
    /// månad (lägesbildernas underlag) och frysta lägesbilder finns kvar; körningen loggas.
    Run {
        #[arg(long)]
        months: u32,
        /// Bara den här kategorin (annars alla).
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Alla gallringar, senaste först.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn retention(store: &mut Store, cmd: RetentionCmd) -> navet::Result<()> {
    let today = navet::time::today();
    match cmd {
        RetentionCmd::Preview {
            months,
            category,
            json,
        } => {
            let p = ops::retention::preview(store, months, category.as_deref(), today)?;
            print_one(json, &p, || cli::retention_preview(p.reports, &p.cutoff))?;
        }
        RetentionCmd::Run {
            months,
            category,
            json,
        } => {
            let r = ops::retention::run(store, months, category.as_deref(), today)?;
            print_one(json, &r, || {
                cli::retention_done(r.reports_removed, &r.cutoff, r.history_removed)
            })?;
        }
        RetentionCmd::List { json } => {
            let list = ops::retention::log(store)?;
            print_list(json, &list, cli::headers::RETENTION, |r| {
                vec![
                    cli::when(&r.run_at),
                    r.cutoff.clone(),
                    r.category
                        .clone()
                        .unwrap_or_else(|| cli::ALL_CATEGORIES.into()),
                    r.reports_removed.to_string(),
                    r.history_removed.to_string(),
                ]
            })?;
        }
    }
    Ok(())
}
