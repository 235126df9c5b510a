//! Reports: add one, list them.

use clap::Subcommand;
use navet::Store;
use navet::db::report::{NewReport, Report, ReportFilter};
use navet::ops;

use crate::output::{print_json, print_table};
use crate::words as cli;

#[derive(Subcommand)]
pub enum ReportCmd {
    /// Lägg till en rapport.
    Add {
        /// När det hände (ÅÅÅÅ-MM-DD).
        #[arg(long)]
        date: String,
        /// Klockslag (TT:MM).
        #[arg(long)]
        time: Option<String>,
        /// Platsens namn eller ett annat av dess namn; utelämna för en rapport utan plats.
        #[arg(long)]
        place: Option<String>,
        /// Kategorin.
        #[arg(long)]
        category: String,
        /// Aktören som rapporterar.
        #[arg(long)]
        partner: String,
        /// Hur många händelser rapporten gäller (minst 1).
        #[arg(long)]
        count: Option<u32>,
        /// Rapportörens bedömning, till exempel hur allvarligt.
        #[arg(long)]
        assessment: Option<String>,
        /// Fritext.
        #[arg(long)]
        text: Option<String>,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// Lista rapporter, nyaste först.
    List {
        /// Första dagen, inräknad (ÅÅÅÅ-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Sista dagen, inräknad (ÅÅÅÅ-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Bara den här platsen (namn eller ett annat av dess namn).
        #[arg(long)]
        place: Option<String>,
        /// Bara det här området.
        #[arg(long)]
        area: Option<String>,
        /// Bara den här kategorin.
        #[arg(long)]
        category: Option<String>,
        /// Bara den här aktören.
        #[arg(long)]
        partner: Option<String>,
        /// Högst så här många.
        #[arg(long)]
        limit: Option<u32>,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
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

pub fn run(store: &mut Store, cmd: ReportCmd) -> navet::Result<()> {
    match cmd {
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
            let r = ops::report::add(
                store,
                &NewReport {
                    date,
                    time,
                    place,
                    category,
                    partner,
                    count,
                    assessment,
                    text,
                },
            )?;
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
            let page = ops::report::list(
                store,
                &ReportFilter {
                    from,
                    to,
                    place,
                    area,
                    category,
                    partner,
                    limit,
                },
            )?;
            if json {
                print_json(&page.reports)?;
            } else {
                print_table(
                    cli::headers::REPORTS,
                    page.reports.iter().map(report_row).collect(),
                );
                println!("{}", cli::reports_shown(page.reports.len(), page.total));
            }
        }
    }
    Ok(())
}
