//! Every sentence the `navet` command prints, in Swedish (the core's errors come from
//! `navet::messages`).

use std::fmt::Display;

use navet::messages::Kind;

pub const NO_CHROMIUM: &str = "chromium saknas: ingen jämförelse";
pub const NO_SQLITE3: &str = "sqlite3 saknas: ingen jämförelse";
pub const DRY_RUN: &str = "Provkörning: inget sparades.";
pub const YES: &str = "ja";
pub const NO: &str = "nej";
pub const UNDONE: &str = "ångrad";

/// Column headers of the command's tables.
pub mod headers {
    pub const REPORTS: &[&str] = &[
        "Id", "Tidpunkt", "Plats", "Område", "Kategori", "Aktör", "Antal", "Text",
    ];
    pub const AREAS: &[&str] = &["Område", "Platser", "I listorna"];
    pub const PLACES: &[&str] = &["Plats", "Område", "Andra namn", "I listorna"];
    pub const PARTNERS: &[&str] = &["Aktör", "Rapporter", "I listorna"];
    pub const INSATSER: &[&str] = &["Nr", "Insats", "Var", "Kategori", "Status", "Uppföljning"];
    pub const LATE: &[&str] = &["Aktör", "Rytm (dagar)", "Senast", "Dagar sen"];
    pub const PROMISES: &[&str] = &["Nr", "Löfte", "Period", "Status", "Åtaganden"];
    pub const RETENTION: &[&str] = &["Tid", "Före", "Kategori", "Rapporter", "Historik"];
    pub const BACKUPS: &[&str] = &["Tid", "Slag", "Storlek", "Fil"];
    pub const SOURCES: &[&str] = &[
        "Nr",
        "Datum",
        "Kunskapskälla",
        "Från",
        "Område",
        "Nyckeltal",
    ];
    pub const SERIES: &[&str] = &["Mötesserie", "Typ", "Dagar mellan", "Senaste"];
    pub const MEETINGS: &[&str] = &["Nr", "Dag", "Serie", "Deltog", "Beslut"];
    pub const CATEGORIES: &[&str] = &["Kategori", "Aktiv"];
    pub const EXPORTS: &[&str] = &[
        "Nr",
        "Tid",
        "Typ",
        "Fil",
        "Mottagare",
        "Partnersäker",
        "Urval",
    ];
    pub const PICTURES: &[&str] = &["Nr", "Titel", "Från", "Till", "Sparad"];
    pub const IMPORTS: &[&str] = &[
        "Import",
        "Tid",
        "Fil",
        "Aktör",
        "Nya",
        "Dubbletter",
        "Flaggade",
        "Överhoppade",
        "Status",
    ];
    pub const UNPLACED: &[&str] = &["Text", "Rapporter", "Förslag"];
    pub const LINKS: &[&str] = &["Nr", "Läge", "Första rapporten", "Andra rapporten"];
    pub const PICTURE_CATEGORIES: &[&str] = &[
        "Kategori",
        "Antal",
        "Förra per.",
        "Skillnad",
        "Normalnivå",
        "Avvikelse",
    ];
}

/// What `export` can write, for its refusal of anything else.
pub const EXPORT_KINDS: &str = "lagesbild (pdf, csv, xlsx) eller reports (csv, xlsx)";

/// What an export wrote: the file, its size and, for a partner-safe file, what that means.
pub fn exported(path: impl Display, bytes: impl Display, partner_safe: bool) -> String {
    let safe = if partner_safe {
        ", partnersäker: bara summor för hela veckor, dolda antal som .., ingen fritext"
    } else {
        ""
    };
    format!("{path} ({bytes} byte){safe}")
}

pub fn import_saved(batch: impl Display) -> String {
    format!("Sparat som import {batch}; ångra med: navet imports undo {batch}")
}

pub fn db_upgraded(backup: impl Display) -> String {
    format!(
        "Databasen uppgraderades; en kopia av den gamla finns i {}",
        backup
    )
}

pub fn demo_loaded(municipality: &str, s: &navet::demo::DemoSummary, path: impl Display) -> String {
    format!(
        "Demodata för {municipality}: {} områden, {} platser, {} aktörer, {} rapporter {} – {} i {path}",
        s.areas, s.places, s.partners, s.reports, s.from, s.to
    )
}

pub fn area_added(name: impl Display) -> String {
    format!("Området {} har lagts till.", name)
}

pub fn area_created(name: impl Display) -> String {
    format!("Nytt område: {}", name)
}

pub fn place_added(name: impl Display) -> String {
    format!("Platsen {} har lagts till.", name)
}

pub fn alias_added(alias: impl Display, place: impl Display) -> String {
    format!("{} är nu ett alias för {}.", alias, place)
}

pub fn alias_placed(reports: impl Display) -> String {
    format!("{} oplacerade rapporter fick platsen.", reports)
}

pub fn partner_added(name: impl Display) -> String {
    format!("Aktören {} har lagts till.", name)
}

pub fn category_added(name: impl Display) -> String {
    format!("Kategorin {} har lagts till.", name)
}

/// The stored word of a value (its serde name: "pågående", "operativ").
pub fn word<T: serde::Serialize>(v: &T) -> String {
    navet::names::word(v)
}

pub fn walk_added(id: i64, date: &str) -> String {
    format!("Trygghetsvandring {id} är antecknad ({date}).")
}

pub fn point_added(id: i64, walk: i64) -> String {
    format!("Punkt {id} är antecknad på vandring {walk}.")
}

pub fn point_status(id: i64, status: &str) -> String {
    format!("Punkt {id} är nu {status}.")
}

pub fn walk_line(w: &navet::db::walk::Walk) -> String {
    let points: Vec<String> = w
        .points
        .iter()
        .map(|p| {
            format!(
                "  {}. {}: {} [{}]",
                p.id,
                p.place,
                p.problem,
                word(&p.status)
            )
        })
        .collect();
    format!(
        "{} {} {}\n{}",
        w.id,
        w.date,
        w.area.clone().unwrap_or_default(),
        points.join("\n")
    )
}

pub fn promise_added(id: i64, from: &str, to: &str) -> String {
    format!("Medborgarlöfte {id} är antecknat ({from} – {to}).")
}

pub fn extract_written(path: &str, rows: u32, masked: u32) -> String {
    let mut s = format!("Utdraget är sparat: {path} ({rows} rapporter).");
    if masked > 0 {
        s.push_str(&format!(" Personuppgifter maskerades i {masked} texter."));
    }
    s
}

pub fn retention_preview(reports: u32, cutoff: &str) -> String {
    format!("{reports} rapporter från före {cutoff} skulle tas bort. Inget är ändrat.")
}

pub fn retention_done(reports: u32, cutoff: &str, history: u32) -> String {
    format!(
        "{reports} rapporter från före {cutoff} är borttagna ({history} versioner i historiken). Summorna per månad finns kvar."
    )
}

pub const ALL_CATEGORIES: &str = "alla";
pub const ARCHIVE_IS_A_FOLDER: &str =
    "ett arkiv skrivs som tre filer i en mapp (navet export archive --dir MAPP)";

pub fn backup_made(path: &str, bytes: u64) -> String {
    format!("Säkerhetskopian är sparad: {path} ({}).", megabytes(bytes))
}

pub fn backup_restored(from: &str, before: &str) -> String {
    format!("Databasen är återställd från {from}. Läget före finns kvar i {before}.")
}

/// "1,4 MB".
pub fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6).replace('.', ",")
}

pub fn insats_edited(id: i64, title: &str) -> String {
    format!("Insats {id} är ändrad: {title}.")
}

pub fn source_added(id: i64, title: &str) -> String {
    format!("Kunskapskälla {id} är inlagd: {title}.")
}

pub fn source_deleted(id: i64) -> String {
    format!("Kunskapskälla {id} är borttagen.")
}

pub const LAW_TEXTS_SAVED: &str = "Texterna till lägesbilden enligt lag är sparade.";
pub const LAW_CONSEQUENCES: &str = "Konsekvenser:";
pub const LAW_CAUSES: &str = "Analys av orsaker:";

pub fn commitment_added(id: i64) -> String {
    format!("Åtagandet är antecknat i löfte {id}.")
}

pub fn promise_followed_up(id: i64) -> String {
    format!("Löfte {id} är uppföljt.")
}

pub fn rhythm_set(name: &str, days: u32) -> String {
    if days == 0 {
        format!("{name} har ingen rapporteringsrytm.")
    } else {
        format!("{name} väntas rapportera var {days}:e dag.")
    }
}

pub fn nothing_reported(name: &str, from: &str, to: &str) -> String {
    format!("{name}: inga händelser {from} – {to} är antecknat.")
}

pub fn status_line(e: &navet::db::area_status::StatusEntry) -> String {
    format!(
        "{}  {} – {}  {}  {}",
        e.area, e.from, e.to, e.status, e.justification
    )
}

pub fn insats_added(id: i64, title: &str) -> String {
    format!("Insats {id} är tillagd: {title}.")
}

pub fn insats_status(id: i64, status: &str) -> String {
    format!("Insats {id} är nu {status}.")
}

pub fn follow_up_added(id: i64) -> String {
    format!("Uppföljningen av insats {id} är antecknad.")
}

/// `navet insats show`: the insats, its follow-ups, the counts around its start.
pub fn insats_show(
    i: &navet::db::insats::Insats,
    e: &navet::ops::insatser::EffectCounts,
) -> String {
    let mut out = vec![
        format!("Insats {}: {} ({})", i.id, i.title, word(&i.status)),
        format!(
            "Problem: {} {} · orsak: {}",
            if i.places.is_empty() {
                i.area.clone().unwrap_or_default()
            } else {
                i.places.join(", ")
            },
            i.category.clone().unwrap_or_default(),
            i.cause
        ),
        format!(
            "Ansvariga: {} {} · start {} · uppföljning {}",
            i.partners.join(", "),
            i.contact,
            i.start,
            i.follow_up.clone().unwrap_or_else(|| "–".into())
        ),
        format!(
            "Antal {} veckor före starten ({} – {}): {}; efter ({} – {}): {}{}",
            e.weeks,
            e.before.from,
            e.before.to,
            e.before.count,
            e.after.from,
            e.after.to,
            e.after.count,
            if e.after_incomplete {
                " (perioden pågår)"
            } else {
                ""
            }
        ),
    ];
    match &e.year_before {
        Some((b, a)) => out.push(format!(
            "Samma veckor ett år tidigare: före {}, efter {}.",
            b.count, a.count
        )),
        None => out.push("Ett år tidigare: data saknas.".into()),
    }
    out.push(
        "En förändring visar inte att insatsen gav den: annat kan ha ändrats samtidigt.".into(),
    );
    for f in &i.follow_ups {
        out.push(format!("{}: {} – {}", f.date, word(&f.effect), f.text));
    }
    out.join("\n")
}

pub fn meeting_added(id: i64, series: &str, date: &str) -> String {
    format!("Möte {id} är antecknat: {series} {date}.")
}

pub fn decision_added(meeting: i64, insats: Option<i64>) -> String {
    match insats {
        Some(i) => format!("Beslutet är antecknat vid möte {meeting} (insats {i})."),
        None => format!("Beslutet är antecknat vid möte {meeting}."),
    }
}

pub fn next_meeting(series: &str, date: Option<&str>, overdue: bool) -> String {
    match (date, overdue) {
        (Some(d), true) => format!("{series}: {d} (passerat, inget möte antecknat)"),
        (Some(d), false) => format!("{series}: {d}"),
        (None, _) => format!("{series}: inget möte antecknat ännu"),
    }
}

pub fn database_sound(path: &str) -> String {
    format!("Databasen är hel: {path}")
}

pub fn bench_pack(b: &crate::bench_pack::PackBench) -> String {
    let mut s = format!(
        "{}: {} sidor, {:.1} ms ({:.2} ms/sida), hela vägen {:.0} ms",
        b.document, b.pages, b.navet_ms, b.navet_page_ms, b.whole_ms
    );
    match (b.chromium_ms, b.chromium_pages, b.chromium_page_ms, b.ratio) {
        (Some(c), Some(p), Some(cp), Some(r)) => s.push_str(&format!(
            "; chromium {c:.0} ms, {p} sidor ({cp:.1} ms/sida); kvot per sida {r:.3}"
        )),
        _ => s.push_str(&format!("; {NO_CHROMIUM}")),
    }
    s
}

pub fn file_written(path: &str) -> String {
    format!("Sparad: {path}")
}

pub fn pack_written(path: &str) -> String {
    format!("Mötesunderlaget är sparat: {path}")
}

pub fn report_edited(id: i64) -> String {
    format!("Rapport {id} är ändrad (historiken sparar hur den var).")
}

pub fn report_deleted(id: i64, change: i64) -> String {
    format!("Rapport {id} är borttagen. Ta tillbaka den med: navet report restore {change}")
}

pub fn report_restored(id: i64) -> String {
    format!("Rapporten är tillbaka som nummer {id}.")
}

/// One line of `report history`: when, what, and each changed field.
pub fn history_line(e: &navet::ops::report::HistoryEntry) -> String {
    use navet::db::report_history::HistoryAction;
    let when = when(&e.changed_at);
    match e.action {
        HistoryAction::Edit => {
            let changes: Vec<String> = e
                .changes
                .iter()
                .map(|c| format!("{}: {} → {}", c.field, c.before, c.after))
                .collect();
            format!("{when}  ändrad  {}", changes.join("; "))
        }
        HistoryAction::Delete => format!("{when}  borttagen (ändring {})", e.id),
        HistoryAction::Restore => format!("{when}  tillbakatagen"),
    }
}

pub fn renamed(kind: Kind, old: impl Display, new: impl Display) -> String {
    format!("{} {} heter nu {}.", kind.sv_definite(), old, new)
}

pub fn retired(kind: Kind, name: impl Display) -> String {
    format!(
        "{} {} finns inte längre i listorna (historiken finns kvar).",
        kind.sv_definite(),
        name
    )
}

pub fn restored(kind: Kind, name: impl Display) -> String {
    format!("{} {} finns i listorna igen.", kind.sv_definite(), name)
}

pub fn place_moved(place: impl Display, area: Option<&str>) -> String {
    match area.map(str::trim).filter(|a| !a.is_empty()) {
        Some(area) => format!("Platsen {place} ligger nu i området {area}."),
        None => format!("Platsen {place} ligger nu utan område."),
    }
}

pub fn places_merged(from: impl Display, into: impl Display, moved: u32) -> String {
    format!("Platsen {from} är nu ett annat namn för {into}; {moved} rapporter flyttades dit.")
}

pub fn category_renamed(old: impl Display, new: impl Display) -> String {
    format!("Kategorin {} heter nu {}.", old, new)
}

pub fn category_retired(name: impl Display) -> String {
    format!("Kategorin {} erbjuds inte längre för nya rapporter.", name)
}

pub fn category_restored(name: impl Display) -> String {
    format!("Kategorin {} erbjuds igen.", name)
}

pub fn picture_saved(id: impl Display, title: impl Display) -> String {
    format!("Lägesbilden sparades som nr {}: {}", id, title)
}

pub fn text_saved(part: impl Display, period: impl Display) -> String {
    format!("{} för {} sparad.", part, period)
}

pub fn template_written(path: impl Display) -> String {
    format!("Rapportmallen skrevs till {}", path)
}

pub fn bench_register(reports: u64, name: &str, median_ms: f64, max_ms: f64, total: u32) -> String {
    format!(
        "rapportregistret, {reports} rapporter, {name}: median {median_ms:.1} ms (max {max_ms:.1}); {total} träffar"
    )
}

pub fn bench_picture(
    reports: impl Display,
    median_ms: impl Display,
    min_ms: impl Display,
    max_ms: impl Display,
    runs: impl Display,
    week_total: impl Display,
) -> String {
    format!(
        "lägesbild för en vecka med baslinje (8 v) och trend (12 v) på {} rapporter: median {:.1} ms (min {:.1}, max {:.1}, {} körningar); veckans summa {}",
        reports, median_ms, min_ms, max_ms, runs, week_total
    )
}

pub fn bench_pdf(
    pages: impl Display,
    bytes: impl Display,
    median_ms: impl Display,
    runs: impl Display,
) -> String {
    format!(
        "navet: {} sidor, {} byte, median {:.1} ms ({} körningar)",
        pages, bytes, median_ms, runs
    )
}

pub fn bench_import_file(rows: impl Display, megabytes: impl Display) -> String {
    format!("rader: {}  fil: {:.1} MB", rows, megabytes)
}

pub fn bench_import_navet(seconds: impl Display, inserted: impl Display) -> String {
    format!(
        "navet import (hela vägen): {:.3} s, {} nya",
        seconds, inserted
    )
}

pub fn bench_peak_memory(megabytes: impl Display) -> String {
    format!("högsta minnesanvändning: {:.0} MB", megabytes)
}

pub fn import_undone(batch: impl Display, removed: impl Display) -> String {
    format!(
        "Import {} är ångrad: {} rapporter togs bort.",
        batch, removed
    )
}

pub fn rejected_written(rows: impl Display, path: impl Display) -> String {
    format!("{} avvisade rader skrevs till {}", rows, path)
}

pub fn report_added(id: impl Display) -> String {
    format!("Rapport {} har lagts till.", id)
}

pub fn reports_shown(shown: impl Display, total: impl Display) -> String {
    format!("{} av {} rapporter", shown, total)
}

pub fn picture_heading(label: impl Display, from: impl Display, to: impl Display) -> String {
    format!("Lägesbild {} ({} – {})", label, from, to)
}

pub fn picture_frozen(when: impl Display, id: impl Display, title: impl Display) -> String {
    format!("Sparad {} som nr {}: {}", when, id, title)
}

pub fn picture_totals(
    total: impl Display,
    reports: impl Display,
    previous: impl Display,
    baseline: impl Display,
    baseline_periods: impl Display,
    unplaced: impl Display,
) -> String {
    format!(
        "{} händelser i {} rapporter (förra perioden {}, normalnivå {} av {} perioder); {} utan plats",
        total, reports, previous, baseline, baseline_periods, unplaced
    )
}

pub fn picture_area(
    area: impl Display,
    total: impl Display,
    previous: impl Display,
    baseline: impl Display,
    status: impl Display,
) -> String {
    format!(
        "{}: {} (förra perioden {}, normalnivå {}){}",
        area, total, previous, baseline, status
    )
}

pub const HOTSPOTS_HEADING: &str = "Platser med flest händelser:";

pub fn header_row(line: impl Display, mapping: impl Display) -> String {
    format!("Rubrikrad {}: {}", line, mapping)
}

pub fn import_profile(name: impl Display) -> String {
    format!("Importprofil: {}", name)
}

pub fn import_counts(
    rows: impl Display,
    inserted: impl Display,
    duplicates: impl Display,
    flagged: impl Display,
    skipped: impl Display,
    masked: impl Display,
) -> String {
    format!(
        "{} rader: {} nya, {} dubbletter, {} flaggade, {} hoppades över, {} maskerade",
        rows, inserted, duplicates, flagged, skipped, masked
    )
}

/// What the import did with a row, as the app's preview says it.
pub fn row_action(action: navet::import::RowAction) -> &'static str {
    use navet::import::RowAction;
    match action {
        RowAction::Stored => "sparas",
        RowAction::Flagged => "flaggas",
        RowAction::Skipped => "hoppas över",
        RowAction::Duplicate => "dubblett",
        RowAction::Info => "info",
    }
}

pub fn import_issue(
    line: impl Display,
    column: impl Display,
    message: impl Display,
    action: impl Display,
) -> String {
    format!("  rad {}{}: {} [{}]", line, column, message, action)
}

pub fn more_issues(count: impl Display) -> String {
    format!("  … och {} till", count)
}

pub fn unplaced_heading(count: impl Display) -> String {
    format!("Oplacerade platser ({}):", count)
}

pub fn unmapped_categories(labels: impl Display) -> String {
    format!("Till Övrigt (ingen kategori matchade): {}", labels)
}

pub fn bench_reads(b: &crate::bench_reads::ReadsBench) -> String {
    format!(
        "{} rader importerades på {:.2} s; {} mätningar under importen (median / max):\n\
         \x20 rapportlistan, läsanslutning: {:.1} / {:.1} ms\n\
         \x20 veckans lägesbild, läsanslutning: {:.1} / {:.1} ms\n\
         \x20 rapportlistan, annan process: {:.1} / {:.1} ms\n\
         \x20 veckans lägesbild, annan process: {:.1} / {:.1} ms\n\
         avbryt mitt i en import: {:.1} ms; rapporter sparade efter avbrottet: {}",
        b.rows,
        b.import_seconds,
        b.samples,
        b.list_reader_median_ms,
        b.list_reader_max_ms,
        b.picture_reader_median_ms,
        b.picture_reader_max_ms,
        b.list_process_median_ms,
        b.list_process_max_ms,
        b.picture_process_median_ms,
        b.picture_process_max_ms,
        b.cancel_ms,
        b.stored_after_cancel
    )
}

pub fn bench_preview(b: &crate::bench_preview::PreviewBench) -> String {
    format!(
        "förhandsgranskning av {} rader XLSX ({:.1} MB) efter en ändrad koppling, {} körningar:\n\
         \x20 filen granskas en gång: {:.0} ms\n\
         \x20 med den sparade granskningen (som appen): median {:.0} ms, max {:.0} ms\n\
         \x20 med filen läst på nytt: median {:.0} ms",
        b.rows,
        b.file_bytes as f64 / 1e6,
        b.runs,
        b.inspect_ms,
        b.kept_median_ms,
        b.kept_max_ms,
        b.reread_median_ms
    )
}

/// The help's layout: clap's, with the usage line in Swedish.
pub const HELP_TEMPLATE: &str =
    "{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}";
pub const COMMANDS_HEADING: &str = "Kommandon";
pub const COMMAND_VALUE: &str = "KOMMANDO";
pub const OPTIONS_VALUE: &str = "FLAGGOR";

/// The placeholder a flag's value is shown with in the help, by the flag's name.
pub fn placeholder(id: &str) -> Option<&'static str> {
    Some(match id {
        "file" | "out" => "FIL",
        "db" => "SÖKVÄG",
        "dir" => "MAPP",
        "from" | "to" | "end" | "date" => "DATUM",
        "time" => "TID",
        "place" => "PLATS",
        "area" => "OMRÅDE",
        "category" => "KATEGORI",
        "partner" => "AKTÖR",
        "count" | "limit" => "ANTAL",
        "assessment" => "BEDÖMNING",
        "text" => "TEXT",
        "rows" => "RADER",
        "runs" => "KÖRNINGAR",
        "reports" => "RAPPORTER",
        "weeks" => "VECKOR",
        "snapshot" | "batch" | "id" => "NR",
        "period" => "PERIOD",
        "title" => "TITEL",
        "profile" => "PROFIL",
        "sheet" => "BLAD",
        "on_problem" => "VAL",
        "day_order" => "ORDNING",
        "window" => "MINUTER",
        "name" | "alias" | "aliases" => "NAMN",
        "new_name" => "NYTT_NAMN",
        "lat" => "LATITUD",
        "lon" => "LONGITUD",
        "key" => "INSTÄLLNING",
        "value" => "VÄRDE",
        "status" => "STATUS",
        "justification" => "MOTIVERING",
        "part" => "DEL",
        "what" => "VAD",
        "into" => "MÅLPLATS",
        "year" => "ÅR",
        "consequences" | "causes" | "summary" | "description" | "agenda" | "notes" | "problem"
        | "problems" | "route" | "cause" => "TEXT",
        "figure_label" => "NYCKELTAL",
        "figure" => "VÄRDE",
        "source" => "KÄLLA",
        "promise" => "LÖFTE",
        "walk" => "VANDRING",
        "point" => "PUNKT",
        "start" | "follow_up" | "next" => "DATUM",
        "term" => "SIKT",
        "kind" => "TYP",
        "effect" => "EFFEKT",
        "contact" => "KONTAKT",
        "decided_in" => "BESLUTAD_I",
        "series" => "SERIE",
        "sort" => "SORTERING",
        "offset" => "ANTAL",
        "days" => "DAGAR",
        "change" => "ÄNDRING",
        "party" | "owner" => "AKTÖR",
        "parties" | "participants" => "NAMN",
        "areas" => "OMRÅDEN",
        "action" => "ÅTGÄRD",
        "photo" => "BILD",
        "create" => "RUBRIK",
        "number" => "NR",
        "months" => "ANTAL",
        "last_month" => "MÅNAD",
        _ => return None,
    })
}

pub fn default_value(value: impl Display) -> String {
    format!("standard: {value}")
}

pub fn env_value(name: impl Display) -> String {
    format!("eller miljövariabeln {name}")
}
pub const ARGUMENTS_HEADING: &str = "Argument";
pub const OPTIONS_HEADING: &str = "Flaggor";
pub const HELP_FLAG: &str = "Visa den här hjälpen";
pub const VERSION_FLAG: &str = "Visa versionen";

pub fn unknown_flag(flag: impl Display) -> String {
    format!("okänd flagga {flag} (se navet --help)")
}

pub fn unknown_command(command: impl Display) -> String {
    format!("okänt kommando \"{command}\" (se navet --help)")
}

pub fn missing_argument(what: impl Display) -> String {
    format!("det här saknas: {what}")
}

pub fn invalid_value(value: impl Display, flag: impl Display, valid: impl Display) -> String {
    let valid = valid.to_string();
    if valid.is_empty() {
        format!("\"{value}\" går inte för {flag}")
    } else {
        format!("\"{value}\" går inte för {flag} (välj {valid})")
    }
}

pub fn conflict(flag: impl Display, other: impl Display) -> String {
    format!("{flag} går inte att kombinera med {other}")
}

pub fn usage_problem(flag: impl Display) -> String {
    format!("kommandoraden går inte att läsa ({flag}); se navet --help")
}

pub fn personal_data_scan(s: &navet::ops::personal_data::PersonalDataScan) -> String {
    let found = format!(
        "{} personnummer och {} telefonnummer i {} rapporter, {} importproblem eller avvisade rader och {} andra texter",
        s.personnummer, s.phone, s.reports, s.import_issues, s.other_texts
    );
    match (s.masked, s.personnummer + s.phone) {
        (_, 0) => "Inga personnummer eller telefonnummer hittades.".to_string(),
        (true, _) => format!("Maskerade {found}."),
        (false, _) => format!("Hittade {found}. Maskera dem med navet personal-data scan --mask."),
    }
}

/// A stored time (UTC) as people read it here: Swedish local time.
pub fn when(stamp: &str) -> String {
    navet::export::lagesbild::words::local_time(stamp)
}

/// The filters an export log entry records (JSON), as a line people read:
/// "vecka 46 2026", "fryst lägesbild nr 3", "från 2026-11-01, till 2026-11-30, område Centrum".
pub fn readable_filters(json: &str) -> String {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(json) else {
        return json.to_string();
    };
    match v.get("type").and_then(|t| t.as_str()) {
        Some("snapshot") => {
            let id = v
                .get("id")
                .map(|i| i.to_string().replace('"', ""))
                .unwrap_or_default();
            format!("fryst lägesbild nr {id}")
        }
        Some("period") => {
            let label = v
                .get("period")
                .and_then(|p| serde_json::from_value::<navet::picture::Period>(p.clone()).ok())
                .map(|p| p.label())
                .unwrap_or_default();
            if v.get("withAnalysis").and_then(|w| w.as_bool()) == Some(true) {
                format!("{label}, med analys")
            } else {
                label
            }
        }
        _ => {
            let names = [
                ("from", "från"),
                ("to", "till"),
                ("place", "plats"),
                ("area", "område"),
                ("category", "kategori"),
                ("partner", "aktör"),
            ];
            let parts: Vec<String> = names
                .iter()
                .filter_map(|(key, word)| {
                    let value = v.get(*key)?.as_str()?;
                    Some(format!("{word} {value}"))
                })
                .collect();
            if parts.is_empty() {
                "alla".to_string()
            } else {
                parts.join(", ")
            }
        }
    }
}

pub fn links_suggested(new: u32, period: impl Display) -> String {
    format!("{new} nya förslag på samma händelse för {period} (se navet links list).")
}

pub fn link_status(s: navet::db::report_link::LinkStatus) -> &'static str {
    use navet::db::report_link::LinkStatus;
    match s {
        LinkStatus::Suggested => "förslag",
        LinkStatus::Confirmed => "samma händelse",
        LinkStatus::Rejected => "två händelser",
    }
}

pub fn link_confirmed(id: impl Display) -> String {
    format!("Par {id}: samma händelse; den räknas en gång i lägesbilden.")
}

pub fn link_rejected(id: impl Display) -> String {
    format!("Par {id}: två händelser; båda räknas.")
}

pub fn passphrase_prompt(path: &str) -> String {
    format!("Lösenfras för {path}: ")
}

pub const NEW_PASSPHRASE_PROMPT: &str = "Ny lösenfras (minst 12 tecken): ";
pub const NEW_PASSPHRASE_AGAIN: &str = "Samma lösenfras en gång till: ";
pub const NEW_PASSPHRASE_FIELD: &str =
    "Ny lösenfras (skriv den när Navet frågar, eller ange den i NAVET_NEW_PASSPHRASE)";

/// What `navet encryption on|change|off` did.
pub fn encryption_changed(encrypted: bool, backups: u32, failed: &[String]) -> String {
    let copies = match backups {
        0 => String::new(),
        1 => " Säkerhetskopian bredvid den likaså.".to_string(),
        n => format!(" De {n} säkerhetskopiorna bredvid den likaså."),
    };
    let mut s = if encrypted {
        format!(
            "Databasen är krypterad med den nya lösenfrasen.{copies} \
             Förvara lösenfrasen säkert: utan den kan ingen läsa databasen eller kopiorna, inte heller Navet."
        )
    } else {
        format!("Databasen är inte längre krypterad.{copies}")
    };
    if !failed.is_empty() {
        s.push_str(&format!(
            "\nDe här säkerhetskopiorna kunde inte göras om och har kvar sin gamla form:\n  {}",
            failed.join("\n  ")
        ));
    }
    s
}

/// `navet encryption status`.
pub fn encryption_status(
    encrypted: bool,
    cipher: &str,
    backups: u32,
    differing: &[String],
) -> String {
    let mut s = if encrypted {
        format!(
            "Databasen är krypterad ({cipher}, AES-256, nyckel ur lösenfrasen med PBKDF2-HMAC-SHA512)."
        )
    } else {
        "Databasen är inte krypterad.".to_string()
    };
    s.push_str(&format!("\nSäkerhetskopior bredvid den: {backups}."));
    if !differing.is_empty() {
        let form = if encrypted {
            "okrypterade"
        } else {
            "krypterade"
        };
        let remedy = if encrypted {
            "Kör `navet encryption change` (samma lösenfras går bra) så görs de om."
        } else {
            "De öppnas med den gamla lösenfrasen. Kör `navet encryption on` med den och sedan `navet encryption off`, så görs de om."
        };
        s.push_str(&format!(
            "\nAv dem är {} {form} (ett avbrott mitt i en ändring):\n  {}\n{remedy}",
            differing.len(),
            differing.join("\n  ")
        ));
    }
    s
}

pub fn bench_encryption(b: &crate::bench_encryption::EncryptionBench) -> String {
    format!(
        "{} rader, {} mätningar (median), databasen {:.1} MB:\n\
         \x20                      vanlig    krypterad\n\
         \x20 öppna databasen      {:>6.1} ms {:>7.1} ms\n\
         \x20 importera filen      {:>6.2} s  {:>7.2} s\n\
         \x20 veckans lägesbild    {:>6.1} ms {:>7.1} ms\n\
         kryptera hela filen: {:.2} s; ta bort krypteringen: {:.2} s",
        b.rows,
        b.runs,
        b.file_mb,
        b.open_plain_ms,
        b.open_encrypted_ms,
        b.import_plain_seconds,
        b.import_encrypted_seconds,
        b.picture_plain_ms,
        b.picture_encrypted_ms,
        b.turn_on_seconds,
        b.turn_off_seconds,
    )
    .replace('.', ",")
}
