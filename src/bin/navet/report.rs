//! Reports: add one, list them.

use clap::Subcommand;
use navet::Store;
use navet::db::report::{NewReport, Report, ReportFilter};
use navet::ops;

use crate::output::{print_json, print_table};
use crate::words as cli;

#[derive(Subcommand)]
pub enum ReportCmd {
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
