//! The law's lägesbild: other knowledge sources and the coordinator's texts.

use clap::Subcommand;
use navet::Store;
use navet::db::knowledge_source::NewSource;
use navet::ops;

use crate::output::{print_list, print_one};
use crate::words as cli;

#[derive(Subcommand)]
pub enum SourceCmd {
    /// En kunskapskälla: en undersökning, SCB:s medborgarundersökning, en skolas enkät.
    Add {
        /// Vad den heter: "Trygghetsmätning 2026".
        #[arg(long)]
        title: String,
        /// Vem som gjort den: "SCB", "Polisen", "Norrbyskolan".
        #[arg(long, default_value = "")]
        source: String,
        /// Dess datum (ÅÅÅÅ-MM-DD).
        #[arg(long)]
        date: String,
        /// Vad den säger, kort.
        #[arg(long, default_value = "")]
        summary: String,
        /// Ett nyckeltals namn: "Känner sig otrygga på kvällen".
        #[arg(long, default_value = "")]
        figure_label: String,
        /// Nyckeltalets värde: "31 %".
        #[arg(long, default_value = "")]
        figure: String,
        /// Området den gäller, om ett.
        #[arg(long)]
        area: Option<String>,
    },
    /// Lista kunskapskällorna, nyast först.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Ta bort en kunskapskälla.
    Delete { id: i64 },
}

pub fn source(store: &mut Store, cmd: SourceCmd) -> navet::Result<()> {
    match cmd {
        SourceCmd::Add {
            title,
            source,
            date,
            summary,
            figure_label,
            figure,
            area,
        } => {
            let s = ops::law::add_source(
                store,
                &NewSource {
                    title,
                    source,
                    date,
                    summary,
                    figure_label,
                    figure_value: figure,
                    area,
                },
            )?;
            println!("{}", cli::source_added(s.id, &s.title));
        }
        SourceCmd::List { json } => {
            let list = ops::law::sources(store)?;
            print_list(json, &list, cli::headers::SOURCES, |s| {
                vec![
                    s.id.to_string(),
                    s.date.clone(),
                    s.title.clone(),
                    s.source.clone(),
                    s.area.clone().unwrap_or_default(),
                    if s.figure_value.is_empty() {
                        String::new()
                    } else {
                        format!("{} {}", s.figure_label, s.figure_value)
                    },
                ]
            })?;
        }
        SourceCmd::Delete { id } => {
            ops::law::delete_source(store, id)?;
            println!("{}", cli::source_deleted(id));
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum LawCmd {
    /// Samordnarens texter i lägesbilden enligt lag: konsekvenserna och analysen av
    /// orsaker. Utan flaggor: visa dem.
    Text {
        /// Brottslighetens konsekvenser (stycken skiljs med en tom rad).
        #[arg(long)]
        consequences: Option<String>,
        /// Analysen av orsakerna.
        #[arg(long)]
        causes: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn law(store: &mut Store, cmd: LawCmd) -> navet::Result<()> {
    let LawCmd::Text {
        consequences,
        causes,
        json,
    } = cmd;
    let mut texts = ops::law::texts(store)?;
    if consequences.is_some() || causes.is_some() {
        if let Some(c) = consequences {
            texts.consequences = c;
        }
        if let Some(c) = causes {
            texts.causes = c;
        }
        ops::law::set_texts(store, &texts)?;
        texts = ops::law::texts(store)?;
        if !json {
            println!("{}", cli::LAW_TEXTS_SAVED);
            return Ok(());
        }
    }
    print_one(json, &texts, || {
        format!(
            "{}\n{}\n\n{}\n{}",
            cli::LAW_CONSEQUENCES,
            texts.consequences,
            cli::LAW_CAUSES,
            texts.causes
        )
    })?;
    Ok(())
}
