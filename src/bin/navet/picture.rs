//! The situation picture: show it for a period, freeze it, list and show frozen ones,
//! set an area's status and the analysis texts.

use clap::{Args, Subcommand};
use navet::Store;
use navet::ops;

use crate::output::{JsonFlag, print_json, print_list, print_table};
use crate::words as cli;

#[derive(Args, Clone)]
pub struct PeriodArgs {
    /// Första dagen (ÅÅÅÅ-MM-DD); med --period den period som innehåller den.
    #[arg(long)]
    pub from: Option<String>,
    /// Sista dagen (ÅÅÅÅ-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// week, 2weeks, month, tertial eller custom (annars efter datumen, eller den senaste hela veckan).
    #[arg(long)]
    pub period: Option<String>,
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PictureCmd {
    #[command(subcommand)]
    action: Option<PictureAction>,
    #[command(flatten)]
    period: PeriodArgs,
    /// Skriv JSON (stabil, camelCase) i stället för en tabell.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum PictureAction {
    /// Frys lägesbilden som den är nu (siffror, status, texter).
    Save {
        #[command(flatten)]
        period: PeriodArgs,
        /// Lägesbildens titel (annars "Lägesbild" och perioden).
        #[arg(long)]
        title: Option<String>,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// Lista frysta lägesbilder.
    List(JsonFlag),
    /// Visa en fryst lägesbild precis som den sparades.
    Show {
        id: i64,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// Sätt ett områdes status (grön, gul, röd) med en motivering på en rad.
    Status {
        /// Området.
        area: String,
        /// Status på skalan (grön, gul, röd eller den inställda).
        status: String,
        /// Motivering på en rad.
        #[arg(long)]
        justification: String,
        #[command(flatten)]
        period: PeriodArgs,
    },
    /// Skriv en analystext: kartläggning, "annan information" eller analys.
    Text {
        /// Delen: kartläggning, "annan information" eller analys.
        part: String,
        /// Texten.
        text: String,
        #[command(flatten)]
        period: PeriodArgs,
    },
}

pub fn run(store: &mut Store, cmd: PictureCmd) -> navet::Result<()> {
    match cmd.action {
        None => {
            let p = ops::picture::compute(store, &period(&cmd.period)?)?;
            if cmd.json {
                print_json(&p)?;
            } else {
                print_picture(&p);
            }
        }
        Some(PictureAction::Save {
            period: pa,
            title,
            json,
        }) => {
            let p = ops::picture::save(store, &period(&pa)?, title.as_deref())?;
            if json {
                print_json(&p)?;
            } else if let Some(s) = &p.snapshot {
                println!("{}", cli::picture_saved(s.id, &s.title));
            }
        }
        Some(PictureAction::List(f)) => {
            let list = ops::picture::saved_list(store)?;
            print_list(f.json, &list, cli::headers::PICTURES, |s| {
                vec![
                    s.id.to_string(),
                    s.title.clone(),
                    s.from.clone(),
                    s.to.clone(),
                    cli::when(&s.created_at),
                ]
            })?;
        }
        Some(PictureAction::Show { id, json }) => {
            let p = ops::picture::saved(store, id)?;
            if json {
                print_json(&p)?;
            } else {
                print_picture(&p);
            }
        }
        Some(PictureAction::Status {
            area,
            status,
            justification,
            period: pa,
        }) => {
            let p = period(&pa)?;
            // Echoed as stored: the area's own name and the status as on the scale.
            let stored = ops::picture::set_area_status(store, &p, &area, &status, &justification)?;
            println!("{} {}: {}", stored.area, p.label(), stored.status);
        }
        Some(PictureAction::Text {
            part,
            text,
            period: pa,
        }) => {
            let p = period(&pa)?;
            let part = navet::picture::AnalysisPart::parse(&part)
                .ok_or(navet::Message::UnknownAnalysisPart { value: part })?;
            ops::picture::set_analysis(store, &p, part, &text)?;
            println!("{}", cli::text_saved(part.title(), p.label()));
        }
    }
    Ok(())
}

pub fn period(a: &PeriodArgs) -> navet::Result<navet::picture::Period> {
    use navet::picture::{Period, PeriodKind};
    let kind = match &a.period {
        Some(k) => Some(
            PeriodKind::parse(k)
                .ok_or_else(|| navet::Message::UnknownPeriod { value: k.clone() })?,
        ),
        None => None,
    };
    let from = a
        .from
        .as_deref()
        .map(|d| navet::time::parse_date("--from", d))
        .transpose()?;
    let to =
        a.to.as_deref()
            .map(|d| navet::time::parse_date("--to", d))
            .transpose()?;
    Period::choose(kind, from, to, navet::time::today())
}

fn arrow(change: i64) -> &'static str {
    match change {
        c if c > 0 => "↑",
        c if c < 0 => "↓",
        _ => "→",
    }
}

fn print_picture(p: &navet::picture::Picture) {
    println!("{}", cli::picture_heading(&p.label, &p.from, &p.to));
    if let Some(s) = &p.snapshot {
        println!(
            "{}",
            cli::picture_frozen(cli::when(&s.created_at), s.id, &s.title)
        );
    }
    println!(
        "{}",
        cli::picture_totals(
            p.total,
            p.reports,
            p.previous_total,
            navet::export::pdf::layout::one_decimal(p.baseline_total),
            p.baseline_periods,
            p.unplaced
        )
    );
    if p.merged > 0 {
        println!("{}", navet::export::lagesbild::words::merged(p.merged));
    }
    if (p.baseline_periods as usize) < navet::picture::compute::MIN_BASELINE_PERIODS {
        println!(
            "{}",
            navet::export::lagesbild::words::short_history(p.baseline_periods)
        );
    }
    for a in &p.areas {
        println!();
        let status = match (&a.status, &a.justification) {
            (Some(s), Some(j)) => format!(" – {s}: {j}"),
            _ => String::new(),
        };
        println!(
            "{}",
            cli::picture_area(
                &a.area,
                a.total,
                a.previous,
                navet::export::pdf::layout::one_decimal(a.baseline),
                &status
            )
        );
        print_table(
            cli::headers::PICTURE_CATEGORIES,
            a.categories
                .iter()
                .map(|c| {
                    vec![
                        c.category.clone(),
                        c.count.to_string(),
                        c.previous.to_string(),
                        format!(
                            "{} {}",
                            arrow(c.change),
                            navet::export::lagesbild::trend(c.change)
                        ),
                        navet::export::pdf::layout::one_decimal(c.baseline),
                        navet::export::lagesbild::deviation(c.deviation).to_lowercase(),
                    ]
                })
                .collect(),
        );
    }
    if !p.hotspots.is_empty() {
        println!();
        println!("{}", cli::HOTSPOTS_HEADING);
        for h in &p.hotspots {
            println!(
                "  {} ({}): {}",
                h.place,
                h.area.as_deref().unwrap_or(""),
                h.count
            );
        }
    }
}
