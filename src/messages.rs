//! The message catalog: every sentence a user reads, in one place.
//!
//! Navet speaks Swedish to its users; code and logs are in English. Each message is
//! a variant with its parameters, and [`Message::sv`] renders it. An English
//! rendering can be added beside it without touching any caller.

use std::fmt;

use crate::error::ErrorCode;

/// The kinds of named things a user refers to by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Area,
    Place,
    Partner,
    Category,
}

impl Kind {
    /// Indefinite singular, e.g. "plats".
    pub fn sv(self) -> &'static str {
        match self {
            Kind::Area => "område",
            Kind::Place => "plats",
            Kind::Partner => "aktör",
            Kind::Category => "kategori",
        }
    }

    /// The adjective "okänd/okänt" agrees with the noun's gender.
    fn sv_unknown(self) -> &'static str {
        match self {
            Kind::Area => "okänt",
            _ => "okänd",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Storage {
        detail: String,
    },
    Migration {
        detail: String,
    },
    File {
        path: String,
        detail: String,
    },
    DatabaseNewer {
        path: String,
        found: i64,
        supported: i64,
    },
    NotNavetDatabase {
        path: String,
    },
    NoDataFolder,
    Required {
        field: String,
    },
    Unknown {
        kind: Kind,
        field: String,
        value: String,
        suggestions: Vec<String>,
    },
    Duplicate {
        kind: Kind,
        name: String,
    },
    AliasTaken {
        alias: String,
        place: String,
    },
    InvalidDate {
        field: String,
        value: String,
    },
    InvalidTime {
        field: String,
        value: String,
    },
    InvalidCount {
        field: String,
        value: String,
    },
    InvalidCoordinates {
        field: String,
    },
    DateRange {
        from: String,
        to: String,
    },
    InvalidWeeks {
        value: u32,
    },
    DemoNeedsEmpty {
        reports: i64,
    },
    ImportRefused {
        file: String,
        reason: String,
    },
    ImportRow {
        file: String,
        line: u64,
        reason: String,
    },
    ImportMissingField {
        file: String,
        field: String,
        header: Vec<String>,
    },
    ImportNoHeader {
        file: String,
    },
    ImportNeedsPartner {
        file: String,
    },
    ImportAborted {
        file: String,
        line: u64,
        column: String,
        problem: String,
    },
    BatchNotFound {
        id: i64,
    },
    BatchAlreadyUndone {
        id: i64,
    },
    UnknownField {
        value: String,
    },
    ImportCancelled {
        file: String,
    },
    InvalidStatus {
        value: String,
        scale: String,
    },
    UnknownPeriod {
        value: String,
    },
    SnapshotNotFound {
        id: i64,
    },
}

impl Message {
    pub fn code(&self) -> ErrorCode {
        use Message::*;
        match self {
            Storage { .. } | Migration { .. } => ErrorCode::Internal,
            File { .. } | NoDataFolder => ErrorCode::Io,
            DatabaseNewer { .. } | NotNavetDatabase { .. } => ErrorCode::DatabaseRefused,
            Unknown { .. } => ErrorCode::NotFound,
            Duplicate { .. } | AliasTaken { .. } | DemoNeedsEmpty { .. } => ErrorCode::Conflict,
            Required { .. }
            | InvalidDate { .. }
            | InvalidTime { .. }
            | InvalidCount { .. }
            | InvalidCoordinates { .. }
            | DateRange { .. }
            | InvalidWeeks { .. }
            | ImportRefused { .. }
            | ImportRow { .. }
            | ImportMissingField { .. }
            | ImportNoHeader { .. }
            | ImportNeedsPartner { .. }
            | ImportAborted { .. }
            | UnknownField { .. } => ErrorCode::Invalid,
            BatchNotFound { .. } => ErrorCode::NotFound,
            ImportCancelled { .. } => ErrorCode::Cancelled,
            InvalidStatus { .. } | UnknownPeriod { .. } => ErrorCode::Invalid,
            SnapshotNotFound { .. } => ErrorCode::NotFound,
            BatchAlreadyUndone { .. } => ErrorCode::Conflict,
        }
    }

    /// The Swedish text.
    pub fn sv(&self) -> String {
        use Message::*;
        match self {
            Storage { detail } => format!("Databasfel: {detail}"),
            Migration { detail } => format!("Databasen kunde inte uppgraderas: {detail}"),
            File { path, detail } => {
                format!("Filen {path} kunde inte läsas eller skrivas: {detail}")
            }
            DatabaseNewer {
                path,
                found,
                supported,
            } => format!(
                "Databasen {path} är skapad av en nyare version av Navet (schema {found}; den här versionen klarar {supported}). Den har inte ändrats. Uppdatera Navet för att öppna den."
            ),
            NotNavetDatabase { path } => format!(
                "Filen {path} är ingen Navet-databas. Den har inte ändrats. Välj en annan fil eller en ny sökväg."
            ),
            NoDataFolder => {
                "Hittar ingen datamapp för Navet. Ange databasen med --db SÖKVÄG eller NAVET_DB."
                    .to_string()
            }
            Required { field } => format!("{field}: fältet måste fyllas i."),
            Unknown {
                kind,
                field,
                value,
                suggestions,
            } => {
                let mut s = format!("{field}: {} {} \"{value}\".", kind.sv_unknown(), kind.sv());
                if !suggestions.is_empty() {
                    s.push_str(&format!(" Menade du: {}?", suggestions.join(", ")));
                }
                s
            }
            Duplicate { kind, name } => {
                let article = if *kind == Kind::Area { "Ett" } else { "En" };
                format!("{article} {} med namnet \"{name}\" finns redan.", kind.sv())
            }
            AliasTaken { alias, place } => {
                format!("Namnet \"{alias}\" används redan för platsen \"{place}\".")
            }
            InvalidDate { field, value } => {
                format!("{field}: \"{value}\" är inget giltigt datum (skriv ÅÅÅÅ-MM-DD).")
            }
            InvalidTime { field, value } => {
                format!("{field}: \"{value}\" är ingen giltig tid (skriv TT:MM).")
            }
            InvalidCount { field, value } => {
                format!("{field}: \"{value}\" är inget giltigt antal (ett heltal, minst 1).")
            }
            InvalidCoordinates { field } => format!(
                "{field}: ogiltiga koordinater (latitud −90…90, longitud −180…180, i decimalgrader)."
            ),
            DateRange { from, to } => {
                format!("Perioden är ogiltig: från {from} ligger efter till {to}.")
            }
            InvalidWeeks { value } => {
                format!("--weeks: {value} veckor går inte (välj 1–520).")
            }
            DemoNeedsEmpty { reports } => format!(
                "Demodata läses bara in i en tom databas; den här har redan {reports} rapporter."
            ),
            ImportRefused { file, reason } => {
                format!("{file}: kan inte importeras: {reason}. Inget har sparats.")
            }
            ImportRow { file, line, reason } => format!(
                "{file}, rad {line}: filen kunde inte läsas vidare ({reason}). Inget har sparats."
            ),
            ImportMissingField {
                file,
                field,
                header,
            } => format!(
                "{file}: ingen kolumn är kopplad till fältet {field}. Kolumnerna heter: {}. Ange kopplingen med --map \"Kolumn=fält\".",
                header.join(", ")
            ),
            ImportNoHeader { file } => format!(
                "{file}: hittar ingen rubrikrad (till exempel Datum, Plats, Händelse). Inget har sparats."
            ),
            ImportNeedsPartner { file } => format!(
                "{file}: ange vilken aktör filen kommer från med --partner (eller en kolumn Aktör)."
            ),
            ImportAborted {
                file,
                line,
                column,
                problem,
            } => format!(
                "{file}, rad {line}, kolumn {column}: {problem} Importen avbröts; inget har sparats."
            ),
            BatchNotFound { id } => format!("Det finns ingen import med nummer {id}."),
            ImportCancelled { file } => format!("Importen av {file} avbröts; inget har sparats."),
            InvalidStatus { value, scale } => {
                format!("Status: \"{value}\" finns inte på skalan ({scale}).")
            }
            UnknownPeriod { value } => format!(
                "--period: \"{value}\" går inte (välj week, 2weeks, month, tertial eller custom)."
            ),
            SnapshotNotFound { id } => format!("Det finns ingen sparad lägesbild med nummer {id}."),
            BatchAlreadyUndone { id } => format!("Import {id} är redan ångrad."),
            UnknownField { value } => format!(
                "--map: okänt fält \"{value}\" (fälten är Datum, Tid, Datum och tid, Plats, Område, Kategori, Aktör, Antal, Beskrivning, Bedömning, Id)."
            ),
        }
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sv())
    }
}

/// What can be wrong with one row of an imported file; shown with its line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    DateMissing,
    DateInvalid { value: String },
    TimeInvalid { value: String },
    CountInvalid { value: String },
    PartnerUnknown { value: String },
    PartnerMissing,
    CellError { value: String },
    ExtraValues { values: String },
    SummaryRow,
    PersonalDataMasked { personnummer: usize, phone: usize },
    PersonalDataKept { personnummer: usize, phone: usize },
}

impl RowProblem {
    pub fn sv(&self) -> String {
        use RowProblem::*;
        match self {
            DateMissing => "Datum saknas; raden kan inte sparas utan datum.".to_string(),
            DateInvalid { value } => format!("\"{value}\" är inget datum som går att läsa."),
            TimeInvalid { value } => {
                format!("\"{value}\" är ingen tid som går att läsa; rapporten sparas utan tid.")
            }
            CountInvalid { value } => {
                format!("\"{value}\" är inget giltigt antal; 1 används.")
            }
            PartnerUnknown { value } => format!("Okänd aktör \"{value}\"."),
            PartnerMissing => "Aktör saknas; raden kan inte sparas utan aktör.".to_string(),
            CellError { value } => format!("Cellen innehåller ett fel ({value})."),
            ExtraValues { values } => {
                format!("Värden utan kolumnrubrik ({values}); de har lagts till i beskrivningen.")
            }
            SummaryRow => {
                "Raden ser ut som en summerings- eller anteckningsrad och importerades inte."
                    .to_string()
            }
            PersonalDataMasked {
                personnummer,
                phone,
            } => format!(
                "Personuppgifter maskerades i beskrivningen ({personnummer} personnummer, {phone} telefonnummer)."
            ),
            PersonalDataKept {
                personnummer,
                phone,
            } => format!(
                "Beskrivningen innehåller personuppgifter ({personnummer} personnummer, {phone} telefonnummer)."
            ),
        }
    }
}

/// Field labels, shared by the CLI and the app, so errors name the field the user saw.
pub mod field {
    pub const DATE: &str = "Datum";
    pub const TIME: &str = "Tid";
    pub const PLACE: &str = "Plats";
    pub const AREA: &str = "Område";
    pub const CATEGORY: &str = "Kategori";
    pub const PARTNER: &str = "Aktör";
    pub const COUNT: &str = "Antal";
    pub const NAME: &str = "Namn";
    pub const ALIAS: &str = "Alias";
    pub const FROM: &str = "Från";
    pub const TO: &str = "Till";
    pub const COORDINATES: &str = "Koordinater";
    pub const ASSESSMENT: &str = "Bedömning";
    pub const DESCRIPTION: &str = "Beskrivning";
}

/// The words of the partner reporting template (`navet template`), a file partners read.
pub mod template {
    pub const REPORTS_SHEET: &str = "Rapporter";
    pub const INSTRUCTIONS_SHEET: &str = "Instruktioner";
    pub const LISTS_SHEET: &str = "Listor";
    pub const CATEGORY_PROMPT: &str = "Välj en kategori i listan.";
    pub const CATEGORY_ERROR: &str =
        "Välj en kategori i listan (eller skriv Övrigt och förklara i Beskrivning).";
    pub const COUNT_ERROR: &str = "Antal är ett heltal, minst 1.";
    pub const WRONG_EXTENSION: &str = "mallen skrivs som .xlsx eller .csv";

    /// The instructions sheet, line by line; the first line is its title.
    pub const INSTRUCTIONS: &[&str] = &[
        "Så fyller du i rapportmallen",
        "",
        "En rad per händelse (eller per grupp av likadana händelser: skriv hur många i Antal).",
        "Datum: när det hände, ÅÅÅÅ-MM-DD (till exempel 2026-11-18).",
        "Tid: klockslag om det är känt, TT:MM (till exempel 21:30). Lämna tomt annars.",
        "Plats: platsens namn eller adress så som ni brukar skriva den.",
        "Område: stadsdel eller bostadsområde, om platsen inte räcker.",
        "Kategori: välj i listan.",
        "Antal: hur många händelser raden gäller; tomt betyder 1.",
        "Bedömning: er bedömning av allvaret, till exempel Låg, Medel eller Hög.",
        "Beskrivning: vad som hände. Skriv inga namn, personnummer eller telefonnummer.",
        "",
        "Ändra inte kolumnrubrikerna; då läses filen in utan handpåläggning.",
        "Skicka filen till trygghetssamordnaren enligt er överenskommelse.",
    ];
}

/// The words of the lägesbild PDF (the document the operative group reads).
pub mod lagesbild {
    pub const MUNICIPALITY_FALLBACK: &str = "Kommunen";
    pub const HEADER_FALLBACK: &str = "Lägesbild";
    pub const STATUS_HEADING: &str = "Status per område";
    pub const NOT_ASSESSED: &str = "ej bedömd";
    pub const SUMMARY_HEADING: &str = "Sammanfattning";
    pub const NO_RISES: &str = "Inga ökningar som sannolikt inte är slump.";
    pub const CATEGORY_CHART: &str = "Händelser per kategori, alla områden";
    pub const CATEGORY_LEGEND: &str =
        "Stapel: antal denna period (röd = ökning som sannolikt inte är slump). Streck: baslinjen.";
    pub const TREND_CHART: &str = "Utveckling, 12 perioder";
    pub const HOTSPOTS_HEADING: &str = "Platser med flest händelser";
    pub const ANALYSIS_HEADING: &str = "Analys";
    pub const EMPTY_TEXT: &str = "–";
    pub const SOURCES_HEADING: &str = "Källor och metod";
    pub const FLAGGED: &str = "Ökning (ej slump)";
    pub const COL_CATEGORY: &str = "Kategori";
    pub const COL_COUNT: &str = "Antal";
    pub const COL_PREVIOUS: &str = "Föregående";
    pub const COL_BASELINE: &str = "Baslinje";
    pub const COL_CHANGE: &str = "Förändring";
    pub const COL_ASSESSMENT: &str = "Bedömning";
    pub const COL_PLACE: &str = "Plats";
    pub const COL_AREA: &str = "Område";
    pub const COL_PARTNER: &str = "Aktör";
    pub const COL_REPORTS: &str = "Rapporter";
    pub const COL_INCIDENTS: &str = "Händelser";

    pub fn title(label: &str) -> String {
        format!("Lägesbild {label}")
    }

    pub fn subtitle(municipality: &str, from: &str, to: &str) -> String {
        format!("{municipality} · {from} – {to}")
    }

    pub fn frozen(id: i64, title: &str, when: &str) -> String {
        format!("Fryst lägesbild nr {id} ({title}), sparad {when}.")
    }

    pub fn area_line(total: u32, previous: u32) -> String {
        format!("{total} händelser (föregående period {previous}).")
    }

    pub fn summary(
        total: u32,
        reports: u32,
        partners: usize,
        previous: u32,
        baseline: &str,
        unplaced: u32,
    ) -> String {
        format!(
            "{total} händelser i {reports} rapporter från {partners} aktörer. Föregående period: {previous}. Baslinje (medel av de 8 föregående perioderna): {baseline}. {unplaced} händelser saknar plats och ingår inte i områdena."
        )
    }

    pub fn rise(category: &str, area: &str, count: u32, baseline: &str) -> String {
        format!("{category} i {area}: {count} (baslinje {baseline})")
    }

    pub fn rises(list: &[String]) -> String {
        format!("Ökningar som sannolikt inte är slump: {}.", list.join("; "))
    }

    pub fn pattern_chart(untimed: u32) -> String {
        format!("Veckodag och klockslag ({untimed} händelser utan klockslag ingår inte)")
    }

    pub fn area_heading(area: &str, total: u32, status: Option<&str>) -> String {
        match status {
            Some(s) => format!("{area}: {total} händelser – status {s}"),
            None => format!("{area}: {total} händelser"),
        }
    }

    pub fn sources(reports: u32, partners: usize, from: &str, to: &str, unplaced: u32) -> String {
        format!(
            "Underlaget är {reports} rapporter från {partners} aktörer för perioden {from} – {to}; {unplaced} händelser saknar plats. En händelse räknas med rapportens antal. Baslinjen är medelvärdet av de 8 föregående perioderna av samma längd. En ökning markeras när antalet är över baslinjen och sannolikheten att få minst så många av en slump (Poissonfördelning med baslinjen som medelvärde, minst 0,5) är under 5 procent."
        )
    }

    pub fn footer(generated: &str) -> String {
        format!("Navet · {generated}")
    }
}

/// The sentences the `navet` command prints (its errors come from [`Message`]).
pub mod cli {
    use std::fmt::Display;

    pub const NO_CHROMIUM: &str = "chromium saknas: ingen jämförelse";
    pub const NO_SQLITE3: &str = "sqlite3 saknas: ingen jämförelse";
    pub const DRY_RUN: &str = "Provkörning: inget sparades.";
    pub const YES: &str = "ja";
    pub const NO: &str = "nej";
    pub const UNDONE: &str = "ångrad";
    pub const ANALYSIS_PART: &str = "Del (kartläggning, \"annan information\" eller analys)";

    /// Column headers of the command's tables.
    pub mod headers {
        pub const REPORTS: &[&str] = &[
            "Id", "Tidpunkt", "Plats", "Område", "Kategori", "Aktör", "Antal", "Text",
        ];
        pub const AREAS: &[&str] = &["Område", "Platser"];
        pub const PLACES: &[&str] = &["Plats", "Område", "Alias"];
        pub const PARTNERS: &[&str] = &["Aktör", "Rapporter"];
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
        pub const PICTURE_CATEGORIES: &[&str] =
            &["Kategori", "Antal", "Föreg.", "Baslinje", "Förändr.", ""];
    }

    /// The field named by an unknown `settings set` key, with the keys there are.
    pub fn setting_field(key: impl Display, keys: impl Display) -> String {
        format!("Inställning (\"{key}\"): {keys}")
    }

    /// The field named by an unknown kind of PDF export (`export pdf WHAT`).
    pub fn pdf_kind_field(kind: impl Display) -> String {
        format!("Vad (\"{kind}\"): lagesbild")
    }

    /// The field named by an unknown kind of table export (`export csv|xlsx WHAT`).
    pub fn table_kind_field(kind: impl Display) -> String {
        format!("Vad (\"{kind}\"): reports eller picture")
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

    pub fn demo_loaded(
        municipality: &str,
        s: &crate::demo::DemoSummary,
        path: impl Display,
    ) -> String {
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
        unplaced: impl Display,
    ) -> String {
        format!(
            "{} händelser i {} rapporter (föregående {}, baslinje {:.1}); {} utan plats",
            total, reports, previous, baseline, unplaced
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
            "{}: {} (föregående {}, baslinje {:.1}){}",
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
}
