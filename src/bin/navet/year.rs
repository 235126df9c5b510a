//! The year: the statuses areas were given, and the årshjul.

use clap::Subcommand;
use navet::{Store, ops};

use crate::output::print_json;
use crate::words as cli;

#[derive(Subcommand)]
pub enum YearCmd {
    /// Varje status som områden fått under året (eller perioden), med motivering.
    Statuses {
        #[arg(long)]
        area: Option<String>,
        /// Första dagen (ÅÅÅÅ-MM-DD); annars årets början.
        #[arg(long)]
        from: Option<String>,
        /// Sista dagen (ÅÅÅÅ-MM-DD); annars årets slut.
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Årshjulet: kategorier per månad under ett år.
    Wheel {
        /// Året; annars i år.
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(store: &Store, cmd: YearCmd) -> navet::Result<()> {
    use chrono::Datelike;
    let this_year = navet::time::today().year();
    match cmd {
        YearCmd::Statuses {
            area,
            from,
            to,
            json,
        } => {
            let from = from.unwrap_or_else(|| format!("{this_year}-01-01"));
            let to = to.unwrap_or_else(|| format!("{this_year}-12-31"));
            let list = ops::year::status_history(store, area.as_deref(), &from, &to)?;
            if json {
                print_json(&list)?;
            } else {
                for e in &list {
                    println!("{}", cli::status_line(e));
                }
            }
        }
        YearCmd::Wheel { year, json } => {
            let w = ops::year::wheel(store, year.unwrap_or(this_year))?;
            if json {
                print_json(&w)?;
            } else {
                let mut header = vec!["Kategori"];
                header.extend(navet::export::meeting_pack::words::MONTHS);
                header.push("Summa");
                let mut rows: Vec<Vec<String>> = w
                    .rows
                    .iter()
                    .map(|r| {
                        let mut cells = vec![r.category.clone()];
                        cells.extend(r.months.iter().map(u32::to_string));
                        cells.push(r.total.to_string());
                        cells
                    })
                    .collect();
                let mut sum = vec!["Summa".to_string()];
                sum.extend(w.totals.iter().map(u32::to_string));
                sum.push(w.totals.iter().sum::<u32>().to_string());
                rows.push(sum);
                crate::output::print_table(&header, rows);
            }
        }
    }
    Ok(())
}
