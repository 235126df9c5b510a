//! One incident, counted once: propose, list, confirm and reject pairs of reports.

use clap::{Args, Subcommand};
use navet::db::report_link::LinkStatus;
use navet::{Store, ops};

use crate::output::print_list;
use crate::picture::{PeriodArgs, period};
use crate::words as cli;

#[derive(Subcommand)]
pub enum LinksCmd {
    /// Föreslå par: samma plats, kategori och dag, två aktörer, nära i tid.
    Suggest(SuggestArgs),
    /// Lista par (föreslagna om inget annat anges).
    List {
        /// Alla par: föreslagna, bekräftade och avvisade.
        #[arg(long)]
        all: bool,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// Bekräfta att paret är samma händelse: den räknas en gång.
    Confirm {
        /// Parets nummer (se navet links list).
        id: i64,
    },
    /// Avvisa paret: två händelser, båda räknas.
    Reject {
        /// Parets nummer (se navet links list).
        id: i64,
    },
}

#[derive(Args)]
pub struct SuggestArgs {
    #[command(flatten)]
    period: PeriodArgs,
    /// Högst så här många minuter mellan rapporterna.
    #[arg(long, default_value_t = ops::links::DEFAULT_WINDOW_MINUTES)]
    window: u32,
}

pub fn run(store: &mut Store, cmd: LinksCmd) -> navet::Result<()> {
    match cmd {
        LinksCmd::Suggest(a) => {
            let p = period(&a.period)?;
            let n = ops::links::suggest(store, &p, a.window)?;
            println!("{}", cli::links_suggested(n, p.label()));
        }
        LinksCmd::List { all, json } => {
            let status = (!all).then_some(LinkStatus::Suggested);
            let links = ops::links::list(store, status)?;
            print_list(json, &links, cli::headers::LINKS, |l| {
                let side = |r: &navet::db::report_link::LinkedReport| {
                    format!(
                        "{} {} {} ({}, {})",
                        r.occurred_at.replace('T', " "),
                        r.place.as_deref().unwrap_or(""),
                        r.category,
                        r.partner,
                        r.count
                    )
                };
                vec![
                    l.id.to_string(),
                    cli::link_status(l.status).to_string(),
                    side(&l.first),
                    side(&l.second),
                ]
            })?;
        }
        LinksCmd::Confirm { id } => {
            ops::links::confirm(store, id)?;
            println!("{}", cli::link_confirmed(id));
        }
        LinksCmd::Reject { id } => {
            ops::links::reject(store, id)?;
            println!("{}", cli::link_rejected(id));
        }
    }
    Ok(())
}
