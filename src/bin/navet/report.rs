//! Reports: add one, list them.

use clap::Subcommand;
use navet::Store;
use navet::db::report::{NewReport, Report, ReportFilter, ReportSort};
use navet::ops;

use crate::output::{print_json, print_one, print_table};
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
    /// Ändra en rapport: de fält som anges byts, resten står kvar (historiken sparar
    /// hur den var).
    Edit {
        /// Rapportens nummer.
        id: i64,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        time: Option<String>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        partner: Option<String>,
        #[arg(long)]
        count: Option<u32>,
        #[arg(long)]
        assessment: Option<String>,
        #[arg(long)]
        text: Option<String>,
    },
    /// Ta bort en rapport (den sparas i historiken och kan tas tillbaka med restore).
    Delete {
        /// Rapportens nummer.
        id: i64,
    },
    /// Ta tillbaka en borttagen rapport (numret som delete skrev ut).
    Restore {
        /// Ändringens nummer.
        change: i64,
    },
    /// En rapports historik: ändringar, borttagning, återtagning.
    History {
        /// Rapportens nummer.
        id: i64,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// Lista rapporter, nyaste först.
    List {
        #[command(flatten)]
        filter: ListArgs,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// Sök i det aktörerna skrev (beskrivning och platstext): alla ord måste finnas,
    /// som början av ett ord ("klott" hittar "klotter"); å, ä och ö är egna bokstäver.
    Search {
        /// Orden att söka efter.
        text: String,
        #[command(flatten)]
        filter: ListArgs,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// Utdrag för en begäran om allmän handling (CSV eller XLSX): personuppgifter
    /// maskerade, fritext bara med --with-text, loggat med ärendet.
    Extract {
        /// Just de här rapporterna (upprepa); annars urvalet nedan.
        #[arg(long = "id", value_name = "NR")]
        ids: Vec<i64>,
        #[command(flatten)]
        filter: ListArgs,
        /// Ta med fritexten (maskerad): beskrivning, bedömning, aktörens platstext.
        #[arg(long)]
        with_text: bool,
        /// Ärendet: diarienummer, eller vem som begärde och när.
        #[arg(long, value_name = "TEXT")]
        reference: String,
        /// Vem som får utdraget.
        #[arg(long, value_name = "MOTTAGARE")]
        recipient: Option<String>,
        /// Filen som skrivs (.csv eller .xlsx).
        #[arg(long)]
        out: std::path::PathBuf,
    },
}

/// The filter of `report list` and `report search`.
#[derive(clap::Args)]
pub struct ListArgs {
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
    /// Ordning: newest, oldest, place, area, category, partner eller count.
    #[arg(long)]
    sort: Option<String>,
    /// Högst så här många.
    #[arg(long)]
    limit: Option<u32>,
    /// Hoppa över så här många först.
    #[arg(long)]
    offset: Option<u32>,
}

impl ListArgs {
    fn filter(self, search: Option<String>) -> navet::Result<ReportFilter> {
        let sort = match self.sort.as_deref() {
            None => None,
            Some(word) => Some(ReportSort::parse(word).ok_or_else(|| {
                navet::Error::from(navet::Message::UnknownSort {
                    value: word.to_string(),
                })
            })?),
        };
        Ok(ReportFilter {
            from: self.from,
            to: self.to,
            place: self.place,
            area: self.area,
            category: self.category,
            partner: self.partner,
            search,
            batch: None,
            sort,
            limit: self.limit,
            offset: self.offset,
        })
    }
}

fn list(store: &Store, filter: ReportFilter, json: bool) -> navet::Result<()> {
    let page = ops::report::list(store, &filter)?;
    if json {
        print_json(&page.reports)?;
    } else {
        print_table(
            cli::headers::REPORTS,
            page.reports.iter().map(report_row).collect(),
        );
        println!("{}", cli::reports_shown(page.reports.len(), page.total));
    }
    Ok(())
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
            print_one(json, &r, || cli::report_added(r.id))?;
        }
        ReportCmd::Edit {
            id,
            date,
            time,
            place,
            category,
            partner,
            count,
            assessment,
            text,
        } => {
            let now = ops::report::get(store, id)?;
            let base = NewReport::from(&now);
            let new = NewReport {
                date: date.unwrap_or(base.date),
                time: time.or(base.time),
                place: place.or(base.place),
                category: category.unwrap_or(base.category),
                partner: partner.unwrap_or(base.partner),
                count: count.or(base.count),
                assessment: assessment.or(base.assessment),
                text: text.or(base.text),
            };
            ops::report::edit(store, id, &new)?;
            println!("{}", cli::report_edited(id));
        }
        ReportCmd::Delete { id } => {
            let change = ops::report::delete(store, id)?;
            println!("{}", cli::report_deleted(id, change));
        }
        ReportCmd::Restore { change } => {
            let r = ops::report::restore(store, change)?;
            println!("{}", cli::report_restored(r.id));
        }
        ReportCmd::History { id, json } => {
            let h = ops::report::history(store, id)?;
            if json {
                print_json(&h)?;
            } else {
                for e in &h {
                    println!("{}", cli::history_line(e));
                }
            }
        }
        ReportCmd::List { filter, json } => list(store, filter.filter(None)?, json)?,
        ReportCmd::Search { text, filter, json } => {
            list(store, filter.filter(Some(text))?, json)?;
        }
        ReportCmd::Extract {
            ids,
            filter,
            with_text,
            reference,
            recipient,
            out,
        } => {
            let done = ops::records::extract(
                store,
                &ops::records::ExtractRequest {
                    filter: filter.filter(None)?,
                    ids,
                    with_text,
                    reference,
                    recipient,
                },
                &out,
            )?;
            println!(
                "{}",
                cli::extract_written(&done.path, done.rows, done.masked)
            );
        }
    }
    Ok(())
}
