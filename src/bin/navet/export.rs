//! Exports: the arguments parsed into one `navet::export::ExportRequest`, which the
//! core runs and logs; the export log.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use navet::Store;
use navet::db::report::ReportFilter;
use navet::export::{
    Audience, ExportFormat, ExportKind, ExportRequest, ExportSource, PictureSource,
};
use navet::ops;

use crate::output::{JsonFlag, print_list};
use crate::picture::{PeriodArgs, period};
use crate::words as cli;

#[derive(Subcommand)]
pub enum ExportCmd {
    /// PDF-dokument: `lagesbild`, `lag-lagesbild`, `atgardsplan`, `promise NR`, `walk NR`.
    Pdf {
        /// Vad som exporteras: lagesbild, lag-lagesbild, atgardsplan, promise eller walk.
        what: String,
        /// Löftets eller vandringens nummer (för promise och walk).
        number: Option<i64>,
        #[command(flatten)]
        period: PeriodArgs,
        /// En fryst lägesbild i stället för den aktuella.
        #[arg(long)]
        snapshot: Option<i64>,
        /// Filen som skrivs.
        #[arg(long)]
        out: PathBuf,
        /// Vem den är till (loggas; måste vara en registrerad aktör): en partnerversion.
        #[arg(long)]
        partner: Option<String>,
        /// I en partnerversion: ta med samordnarens analys (annars ingår ingen fritext).
        #[arg(long, requires = "partner")]
        with_analysis: bool,
        /// För lag-lagesbild och atgardsplan: vem dokumentet är till (upprepa för fler);
        /// står på försättsbladet och i exportloggen.
        #[arg(long = "recipient", value_name = "MOTTAGARE")]
        recipients: Vec<String>,
        /// För lag-lagesbild: den sista månaden (ÅÅÅÅ-MM; annars den senaste hela).
        #[arg(long)]
        last_month: Option<String>,
        /// För lag-lagesbild: hur många månader (annars 12).
        #[arg(long)]
        months: Option<u32>,
        /// För lag-lagesbild och atgardsplan: skriv den som arkivbeständig PDF/A-2b.
        #[arg(long)]
        pdfa: bool,
    },
    /// För arkivet: lägesbilden som PDF/A-2b, dess siffror som CSV och en liten
    /// metadatafil (JSON med varje fils storlek och SHA-256), i en mapp.
    Archive {
        #[command(flatten)]
        period: PeriodArgs,
        /// En fryst lägesbild i stället för den aktuella.
        #[arg(long)]
        snapshot: Option<i64>,
        /// Mappen filerna skrivs i.
        #[arg(long)]
        dir: PathBuf,
    },
    /// CSV (UTF-8 med BOM, semikolon): `reports` eller `picture`.
    Csv(TableExportArgs),
    /// XLSX: `reports` eller `picture`.
    Xlsx(TableExportArgs),
}

#[derive(Args)]
pub struct TableExportArgs {
    /// reports eller picture.
    what: String,
    #[command(flatten)]
    period: PeriodArgs,
    /// För `picture`: en fryst lägesbild i stället för den aktuella.
    #[arg(long)]
    snapshot: Option<i64>,
    /// För `reports`: bara den här platsen (en partnersäker fil blir då per plats).
    #[arg(long)]
    place: Option<String>,
    /// För `reports` till en aktör: summor per plats i stället för per område.
    #[arg(long)]
    by_place: bool,
    /// Bara det här området.
    #[arg(long)]
    area: Option<String>,
    /// Bara den här kategorin.
    #[arg(long)]
    category: Option<String>,
    /// Filen som skrivs.
    #[arg(long)]
    out: PathBuf,
    /// Aktören den är till: gör filen partnersäker (bara summor för hela veckor, dolda antal som .., ingen fritext).
    #[arg(long)]
    partner: Option<String>,
    /// Partnersäker även utan namngiven aktör.
    #[arg(long)]
    partner_safe: bool,
    /// Alla detaljer även till en namngiven aktör (exportloggen visar det).
    #[arg(long, conflicts_with = "partner_safe")]
    full: bool,
}

#[derive(Subcommand)]
pub enum ExportsCmd {
    /// Lista exporter, nyaste först.
    List(JsonFlag),
}

/// The word for what is exported (`lagesbild`, `reports`, …), or a Swedish refusal.
fn kind(what: &str) -> navet::Result<ExportKind> {
    ExportSource::parse_kind(what).ok_or_else(|| {
        navet::Message::ExportUnsupported {
            what: what.to_string(),
            allowed: cli::EXPORT_KINDS.to_string(),
        }
        .into()
    })
}

fn picture_source(snapshot: Option<i64>, pa: &PeriodArgs) -> navet::Result<ExportSource> {
    let picture = match snapshot {
        Some(id) => PictureSource::Snapshot { id },
        None => PictureSource::Period {
            period: period(pa)?,
        },
    };
    Ok(ExportSource::Picture { picture })
}

/// The request the arguments of `export pdf|csv|xlsx` ask for.
fn request(cmd: ExportCmd) -> navet::Result<(ExportRequest, PathBuf)> {
    Ok(match cmd {
        ExportCmd::Pdf {
            what,
            number: _,
            period: pa,
            snapshot,
            out,
            partner,
            with_analysis,
            ..
        } => {
            let source = match kind(&what)? {
                ExportKind::Picture => picture_source(snapshot, &pa)?,
                ExportKind::Reports => ExportSource::Reports {
                    filter: ReportFilter::default(),
                    by_place: false,
                },
            };
            let audience = match partner {
                Some(name) => Audience::Partner { name: Some(name) },
                None => Audience::Internal,
            };
            let request = ExportRequest {
                source,
                format: ExportFormat::Pdf,
                audience,
                with_analysis: Some(with_analysis),
            };
            (request, out)
        }
        ExportCmd::Csv(a) => table_request(a, ExportFormat::Csv)?,
        ExportCmd::Xlsx(a) => table_request(a, ExportFormat::Xlsx)?,
        // `run` writes an archive itself; it is no single-file request.
        ExportCmd::Archive { dir, .. } => {
            return Err(navet::Message::File {
                path: dir.display().to_string(),
                detail: cli::ARCHIVE_IS_A_FOLDER.into(),
            }
            .into());
        }
    })
}

fn table_request(
    a: TableExportArgs,
    format: ExportFormat,
) -> navet::Result<(ExportRequest, PathBuf)> {
    let source = match kind(&a.what)? {
        ExportKind::Reports => {
            let has_period =
                a.period.from.is_some() || a.period.to.is_some() || a.period.period.is_some();
            let (from, to) = if has_period {
                let p = period(&a.period)?;
                (Some(p.from.to_string()), Some(p.to.to_string()))
            } else {
                (None, None)
            };
            ExportSource::Reports {
                filter: ReportFilter {
                    from,
                    to,
                    place: a.place,
                    area: a.area,
                    category: a.category,
                    partner: None,
                    ..Default::default()
                },
                by_place: a.by_place,
            }
        }
        ExportKind::Picture => picture_source(a.snapshot, &a.period)?,
    };
    let request = ExportRequest {
        source,
        format,
        audience: Audience::from_recipient(a.partner, a.partner_safe, a.full),
        with_analysis: None,
    };
    Ok((request, a.out))
}

pub fn run(store: &Store, cmd: ExportCmd) -> navet::Result<()> {
    if let ExportCmd::Archive {
        period: pa,
        snapshot,
        dir,
    } = &cmd
    {
        let ExportSource::Picture { picture } = picture_source(*snapshot, pa)? else {
            return Ok(());
        };
        for file in ops::export::archive(store, &picture, dir)?.files {
            println!("{}", cli::file_written(&file));
        }
        return Ok(());
    }
    // The EST cycle's documents: an åtgärdsplan, a promise, a walk's protocol.
    if let ExportCmd::Pdf {
        what,
        number,
        out,
        recipients,
        last_month,
        months,
        period,
        pdfa,
        ..
    } = &cmd
    {
        let need = || {
            number.ok_or_else(|| {
                navet::Error::from(navet::Message::Required {
                    field: "Nummer".into(),
                })
            })
        };
        let done = match navet::names::key(what).as_str() {
            "atgardsplan" | "åtgärdsplan" => {
                Some(ops::law::plan_pdf_as(store, recipients, *pdfa, out))
            }
            "lag-lagesbild" | "lag-lägesbild" | "laglagesbild" => {
                let request = ops::law::LawRequest {
                    last_month: last_month
                        .clone()
                        .or_else(|| period.to.as_ref().and_then(|t| t.get(..7)).map(Into::into)),
                    months: *months,
                    to: recipients.clone(),
                    archival: *pdfa,
                };
                Some(ops::law::lagesbild_pdf(
                    store,
                    &request,
                    navet::time::today(),
                    out,
                ))
            }
            "promise" | "löfte" | "medborgarlöfte" => {
                Some(need().and_then(|n| ops::promises::pdf(store, n, out)))
            }
            "walk" | "vandring" | "trygghetsvandring" => {
                Some(need().and_then(|n| ops::walks::protocol(store, n, out)))
            }
            _ => None,
        };
        if let Some(done) = done {
            done?;
            println!("{}", cli::file_written(&out.display().to_string()));
            return Ok(());
        }
    }
    let (request, out) = request(cmd)?;
    let done = ops::export::run(store, &request, &out)?;
    println!(
        "{}",
        cli::exported(&done.path, done.bytes, done.partner_safe)
    );
    Ok(())
}

pub fn exports(store: &Store, cmd: ExportsCmd) -> navet::Result<()> {
    let ExportsCmd::List(f) = cmd;
    let list = ops::export::log(store)?;
    print_list(f.json, &list, cli::headers::EXPORTS, |e| {
        vec![
            e.id.to_string(),
            cli::when(&e.created_at),
            e.kind.clone(),
            e.file_name.clone(),
            e.recipient.clone().unwrap_or_default(),
            if e.partner_safe { cli::YES } else { cli::NO }.to_string(),
            cli::readable_filters(&e.filters),
        ]
    })
}
