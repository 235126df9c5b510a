//! The message catalog: every sentence a user reads, in one place.
//!
//! Navet speaks Swedish to its users; code and logs are in English. Each message is
//! a variant with its parameters, and [`Message::sv`] renders it. An English
//! rendering can be added beside it without touching any caller.

use std::fmt;

/// The kinds of named things a user refers to by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
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

    /// Definite singular, capitalised, e.g. "Platsen".
    pub fn sv_definite(self) -> &'static str {
        match self {
            Kind::Area => "Området",
            Kind::Place => "Platsen",
            Kind::Partner => "Aktören",
            Kind::Category => "Kategorin",
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
    /// The database, or the folder it is in, cannot be written by this user.
    ReadOnlyPlace {
        path: String,
        /// The folder (not the file) is what cannot be written.
        folder: bool,
    },
    NoDataFolder,
    /// The database is encrypted and no passphrase was given.
    NeedsPassphrase {
        path: String,
    },
    /// The passphrase given does not open the database (or the file is no database).
    WrongPassphrase {
        path: String,
    },
    /// A new passphrase shorter than the minimum.
    PassphraseTooShort {
        min: usize,
    },
    /// The new passphrase and its repetition differ.
    PassphrasesDiffer,
    /// Encryption asked for a database that already has it, or removed from one that
    /// has none.
    EncryptionState {
        path: String,
        encrypted: bool,
    },
    /// Another connection (another program, the app) has the database open.
    DatabaseInUse {
        path: String,
    },
    /// Something that needs the whole database waits for a running import.
    ImportRunning,
    /// The app is rewriting the database (encryption on, off or a new passphrase).
    DatabaseRewriting,
    /// A backup encrypted differently from the database it would replace.
    BackupFormDiffers {
        path: String,
        backup_encrypted: bool,
    },
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
    MergeSamePlace {
        place: String,
    },
    UnknownSort {
        value: String,
    },
    ReportNotFound {
        id: i64,
    },
    InsatsNotFound {
        id: i64,
    },
    MeetingNotFound {
        id: i64,
    },
    /// A pack for "the next meeting" asked for with no meeting series to take it from.
    NoMeetingSeries,
    SeriesExists {
        name: String,
    },
    WalkNotFound {
        id: i64,
    },
    /// The database file is damaged (quick_check found faults); it is left as it is.
    Damaged {
        path: String,
        detail: String,
        backup: Option<String>,
    },
    PointNotFound {
        id: i64,
    },
    PromiseNotFound {
        id: i64,
    },
    SourceNotFound {
        id: i64,
    },
    /// A photo that is no image Navet keeps, or too big.
    PhotoRefused {
        path: String,
        reason: String,
    },
    /// A word that must be one of a few ("pågående", "social").
    InvalidChoice {
        field: String,
        value: String,
        known: String,
    },
    NotAnExport {
        path: String,
    },
    CannotOpen {
        path: String,
    },
    HistoryNotRestorable {
        id: i64,
    },
    /// A partner-safe file filtered on words or one import (free filters can be
    /// subtracted from each other).
    PartnerSafeFreeFilter,
    /// A partner-safe file whose period holds no complete ISO week yet.
    PartnerNoWholeWeek {
        from: String,
        to: String,
    },
    /// A partner-safe file of a week whose reports were removed by gallring before it was
    /// ever released (its cells can no longer be counted).
    PartnerWeekGalled {
        week: String,
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
        reason: Refusal,
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
    LinkNotFound {
        id: i64,
    },
    UnknownSetting {
        key: String,
        known: String,
    },
    /// A stored assessment that does not read as one (never replaced by an empty one).
    DraftUnreadable {
        period: String,
        detail: String,
    },
    UnknownAnalysisPart {
        value: String,
    },
    /// A `NAME=VALUE` argument without its `=` or one of its halves.
    InvalidPair {
        flag: String,
        value: String,
    },
    /// A partner-safe file covers whole areas, never one place picked out of one.
    /// The reports list has no PDF form (a table of thousands of rows is no document).
    ReportsAsPdf,
    /// An export of something Navet does not export, or in a format it does not write.
    ExportUnsupported {
        what: String,
        allowed: String,
    },
}

impl Message {
    /// The Swedish text.
    pub fn sv(&self) -> String {
        use Message::*;
        match self {
            Storage { detail } => format!("Databasfel: {}", library_sv(detail)),
            Migration { detail } => {
                format!("Databasen kunde inte uppgraderas: {}", library_sv(detail))
            }
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
            ReadOnlyPlace { path, folder: true } => format!(
                "Navet får inte skriva i mappen där databasen ligger ({path}). Inget är ändrat. Flytta databasen till en mapp där du får skriva, eller be om behörighet."
            ),
            ReadOnlyPlace { path, folder: false } => format!(
                "Databasfilen {path} går bara att läsa för dig. Inget är ändrat. Gör den skrivbar, eller öppna en kopia på en plats där du får skriva."
            ),
            NotNavetDatabase { path } => format!(
                "Filen {path} är ingen Navet-databas. Den har inte ändrats. Välj en annan fil eller en ny sökväg."
            ),
            NeedsPassphrase { path } => format!(
                "Databasen {path} är krypterad och öppnas bara med sin lösenfras. Inget är ändrat. I terminalen: skriv lösenfrasen när Navet frågar, eller ange den i miljövariabeln NAVET_PASSPHRASE."
            ),
            WrongPassphrase { path } => format!(
                "Lösenfrasen öppnar inte databasen {path}. Inget är ändrat. Skriv den igen (stora och små bokstäver räknas). En glömd lösenfras går inte att återskapa, varken för databasen eller för dess säkerhetskopior."
            ),
            PassphraseTooShort { min } => format!(
                "Lösenfrasen måste ha minst {min} tecken. Välj gärna några ord i följd som bara du känner till."
            ),
            PassphrasesDiffer => {
                "Lösenfrasen och upprepningen är inte lika. Inget är ändrat.".to_string()
            }
            EncryptionState {
                path,
                encrypted: true,
            } => format!(
                "Databasen {path} är redan krypterad. Inget är ändrat. Byt lösenfras i stället."
            ),
            EncryptionState {
                path,
                encrypted: false,
            } => format!("Databasen {path} är inte krypterad. Inget är ändrat."),
            DatabaseInUse { path } => format!(
                "Databasen {path} används av ett annat program (är Navet-appen öppen?). Inget är ändrat. Stäng det och försök igen."
            ),
            BackupFormDiffers {
                path,
                backup_encrypted,
            } => {
                let (backup, db) = if *backup_encrypted {
                    ("krypterad", "inte krypterad")
                } else {
                    ("inte krypterad", "krypterad")
                };
                format!(
                    "Säkerhetskopian {path} är {backup} men databasen är {db}, så kopian läses inte in. Inget är ändrat."
                )
            }
            DatabaseRewriting => {
                "Databasen skrivs om just nu. Försök igen om en stund.".to_string()
            }
            ImportRunning => {
                "En import pågår. Inget är ändrat. Vänta tills den är klar och försök igen."
                    .to_string()
            }
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
            ReportNotFound { id } => format!("Det finns ingen rapport med nummer {id}."),
            InsatsNotFound { id } => format!("Det finns ingen insats med nummer {id}."),
            MeetingNotFound { id } => format!("Det finns inget möte med nummer {id}."),
            NoMeetingSeries => "Det finns ingen mötesserie, så det finns inget nästa möte att göra underlag för. Lägg till en mötesserie och ett möte, eller ange mötets nummer.".into(),
            SeriesExists { name } => format!("Mötesserien \"{name}\" finns redan."),
            WalkNotFound { id } => format!("Det finns ingen trygghetsvandring med nummer {id}."),
            Damaged { path, detail, backup } => match backup {
                Some(b) => format!(
                    "Databasen {path} är skadad ({detail}). Den har inte ändrats. Den senaste säkerhetskopian är {b}: stäng Navet, byt ut filen mot kopian (spara den skadade) och starta igen."
                ),
                None => format!(
                    "Databasen {path} är skadad ({detail}). Den har inte ändrats. Det finns ingen säkerhetskopia bredvid den; återställ från kommunens säkerhetskopia."
                ),
            },
            PointNotFound { id } => format!("Det finns ingen punkt med nummer {id}."),
            PromiseNotFound { id } => format!("Det finns inget medborgarlöfte med nummer {id}."),
            SourceNotFound { id } => format!("Det finns ingen kunskapskälla med nummer {id}."),
            PhotoRefused { path, reason } => format!("{path}: bilden sparas inte ({reason})."),
            InvalidChoice { field, value, known } => {
                format!("{field}: \"{value}\" går inte (välj {known}).")
            }
            NotAnExport { path } => {
                format!("{path} exporterades inte av Navet i den här körningen och öppnas inte härifrån.")
            }
            CannotOpen { path } => format!("{path} kunde inte öppnas: inget program för filtypen hittades."),
            HistoryNotRestorable { id } => format!(
                "Ändring nummer {id} är ingen borttagning som kan ångras (eller är redan ångrad)."
            ),
            UnknownSort { value } => format!(
                "Ordningen \"{value}\" finns inte (välj newest, oldest, place, area, category, partner eller count)."
            ),
            PartnerSafeFreeFilter => "En partnersäker fil byggs bara på hela veckor, områden, platser och kategorier: ta bort sökorden, importvalet och aktörsvalet (annars kan två filer dras från varandra och visa dolda antal).".into(),
            PartnerNoWholeWeek { from, to } => format!(
                "Perioden {from} – {to} har ingen avslutad vecka ännu. En partnersäker fil visar bara hela veckor som är slut (måndag–söndag), så att siffrorna inte ändras efteråt."
            ),
            PartnerWeekGalled { week } => format!(
                "Vecka {week} gallrades innan den lämnades ut till någon aktör: dess antal per plats kan inte räknas fram längre. Välj en senare period."
            ),
            MergeSamePlace { place } => {
                format!("\"{place}\" är redan samma plats: välj en annan plats att slå ihop med.")
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
                format!("{file}: kan inte importeras: {}. Inget har sparats.", reason.sv())
            }
            ImportRow { file, line, reason } => format!(
                "{file}, rad {line}: filen kunde inte läsas vidare ({reason}). Inget har sparats."
            ),
            ImportMissingField {
                file,
                field,
                header,
            } => format!(
                "{file}: ingen kolumn är kopplad till fältet {field}. Kolumnerna heter: {}. Koppla en av dem till fältet.",
                header.join(", ")
            ),
            ImportNoHeader { file } => format!(
                "{file}: hittar ingen rubrikrad (till exempel Datum, Plats, Händelse). Inget har sparats."
            ),
            ImportNeedsPartner { file } => format!(
                "{file}: ange vilken aktör filen kommer från (eller lägg till en kolumn Aktör i filen)."
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
            LinkNotFound { id } => format!("Det finns inget par med nummer {id}."),
            BatchAlreadyUndone { id } => format!("Import {id} är redan ångrad."),
            DraftUnreadable { period, detail } => format!(
                "Bedömningen för {period} går inte att läsa ({detail}). Inget har ändrats; ta en säkerhetskopia av databasen och kontakta den som sköter Navet."
            ),
            UnknownAnalysisPart { value } => format!(
                "\"{value}\" är ingen del av analysen (välj kartläggning, \"annan information\" eller analys)."
            ),
            InvalidPair { flag, value } => {
                format!("{flag}: \"{value}\" går inte att läsa (skriv till exempel Rubrik=fält).")
            }
            UnknownSetting { key, known } => {
                format!("Inställningen \"{key}\" finns inte (inställningarna är: {known}).")
            }
            ReportsAsPdf => "Rapporter kan inte exporteras som pdf (välj rapporter som csv eller xlsx; lägesbild som pdf, csv eller xlsx).".into(),
            ExportUnsupported { what, allowed } => {
                format!("\"{what}\" kan inte exporteras så (välj: {allowed}).")
            }
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

/// Why a whole file cannot be imported (the reason inside [`Message::ImportRefused`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Utf32,
    NulBytes,
    UnclosedQuote,
    InvalidUtf8,
    BadUtf16,
    OneColumn,
    /// Two delimiters fit the file equally well.
    AmbiguousDelimiter {
        first: u8,
        second: u8,
    },
    /// A spreadsheet's file name on something that is not one.
    NotASpreadsheet,
    Empty,
    /// The spreadsheet library's own words, kept for the support case.
    Workbook {
        detail: String,
    },
    NoSuchSheet {
        sheet: String,
        sheets: Vec<String>,
    },
    SheetUnreadable {
        sheet: String,
        detail: String,
    },
    AllSheetsEmpty,
    UnknownDialect,
    NotPoliceJson {
        detail: String,
    },
    NoSuchColumn {
        column: String,
        header: Vec<String>,
    },
    /// A directory, a pipe, a device: only regular files are read.
    NotAFile,
    /// A header and nothing under it.
    NoRows,
    /// A line longer than any partner's report (a file that is one endless line).
    LineTooLong {
        line: u64,
        megabytes: u64,
    },
    /// A part of the archive would inflate beyond what Navet holds.
    ArchiveTooLarge {
        part: String,
        megabytes: u64,
    },
    /// The shared strings claim more strings than their part can hold.
    SharedStringsBroken,
    /// More filled cells than Navet holds from one sheet.
    /// An XLS sheet whose box from first to last cell (or whose claimed size) is larger
    /// than Navet lets the reader lay out.
    GridTooLarge {
        cells: u64,
        limit: u64,
    },
    TooManyCells {
        limit: u64,
    },
}

/// A delimiter as a sentence names it.
pub fn delimiter_name(d: u8) -> String {
    match d {
        b'\t' => "tabb".to_string(),
        b';' => "semikolon".to_string(),
        b',' => "komma".to_string(),
        other => format!("\"{}\"", other as char),
    }
}

impl Refusal {
    pub fn sv(&self) -> String {
        use Refusal::*;
        match self {
            Utf32 => "filen är kodad som UTF-32, som Navet inte läser; spara den som UTF-8".into(),
            NulBytes => "filen innehåller NUL-tecken och är troligen ingen textfil".into(),
            UnclosedQuote => {
                "ett citattecken (\") avslutas aldrig, så raderna efter det går inte att skilja åt"
                    .into()
            }
            InvalidUtf8 => "filen säger att den är UTF-8 men innehåller ogiltiga tecken".into(),
            BadUtf16 => {
                "filen säger att den är UTF-16 men går inte att läsa som det; spara den som UTF-8"
                    .into()
            }
            OneColumn => {
                "hittar bara en kolumn; filen behöver minst datum och kategori i egna kolumner"
                    .into()
            }
            AmbiguousDelimiter { first, second } => format!(
                "kan inte avgöra om kolumnerna skiljs med {} eller {}; spara filen igen med semikolon",
                delimiter_name(*first),
                delimiter_name(*second)
            ),
            NotASpreadsheet => {
                "filen har ett kalkylbladsnamn men är inget giltigt kalkylblad".into()
            }
            Empty => "filen är tom".into(),
            Workbook { detail } => {
                format!("kalkylbladet kunde inte läsas ({})", library_sv(detail))
            }
            NoSuchSheet { sheet, sheets } => {
                format!(
                    "bladet \"{sheet}\" finns inte (bladen heter: {})",
                    sheets.join(", ")
                )
            }
            SheetUnreadable { sheet, detail } => {
                format!(
                    "bladet \"{sheet}\" kunde inte läsas ({})",
                    library_sv(detail)
                )
            }
            AllSheetsEmpty => "alla blad är tomma".into(),
            NotAFile => "det är ingen vanlig fil (en mapp, en kanal eller en enhet)".into(),
            NoRows => "filen har inga rader under rubrikraden; inget importerades".into(),
            LineTooLong { line, megabytes } => format!(
                "rad {line} är längre än {megabytes} MB, längre än någon rapport; filen är troligen ingen tabell"
            ),
            ArchiveTooLarge { part, megabytes } => format!(
                "delen {part} skulle packas upp till {megabytes} MB, mer än Navet läser från en fil; filen är troligen skadad eller gjord för att fylla minnet"
            ),
            SharedStringsBroken => {
                "filens textlista säger sig hålla fler texter än den kan; filen är skadad".into()
            }
            GridTooLarge { cells, limit } => format!(
                "bladet spänner över {cells} celler från första till sista cellen, mer än de {limit} Navet lägger ut från ett XLS-blad; ta bort celler långt ut eller spara som XLSX"
            ),
            TooManyCells { limit } => format!(
                "bladet har fler än {limit} ifyllda celler, mer än Navet läser från ett blad; dela upp filen"
            ),
            UnknownDialect => "okänd dialekt".into(),
            NotPoliceJson { detail } => {
                format!(
                    "filen är inte polisens händelselista ({})",
                    library_sv(detail)
                )
            }
            NoSuchColumn { column, header } => format!(
                "kolumnen \"{column}\" finns inte (kolumnerna heter: {})",
                header.join(", ")
            ),
        }
    }
}

/// What can be wrong with one row of an imported file; shown with its line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    DateMissing,
    DateInvalid {
        value: String,
    },
    /// A date far outside any incident's time (year 0001, 9999).
    DateImplausible {
        date: String,
    },
    /// A date typed in the preview for a row whose own could not be read.
    DateCorrected {
        from: String,
        to: String,
    },
    TimeInvalid {
        value: String,
    },
    /// A number below 1 in the time column: a clock time or a fraction of a day.
    TimeAmbiguous {
        value: String,
        read: String,
        other: String,
    },
    CountInvalid {
        value: String,
    },
    PartnerUnknown {
        value: String,
    },
    PartnerMissing,
    CellError {
        value: String,
    },
    ExtraValues {
        values: String,
    },
    SummaryRow,
    PersonalDataMasked {
        personnummer: usize,
        phone: usize,
    },
    PersonalDataKept {
        personnummer: usize,
        phone: usize,
    },
}

impl RowProblem {
    pub fn sv(&self) -> String {
        use RowProblem::*;
        match self {
            DateMissing => "Datum saknas; raden kan inte sparas utan datum.".to_string(),
            DateInvalid { value } => format!("\"{value}\" är inget datum som går att läsa."),
            DateImplausible { date } => {
                format!("{date} ligger långt från varje tänkbar händelse; kontrollera året")
            }
            DateCorrected { from, to } => {
                format!("Datumet \"{from}\" gick inte att läsa; {to} angavs för hand.")
            }
            TimeInvalid { value } => {
                format!("\"{value}\" är ingen tid som går att läsa; rapporten sparas utan tid.")
            }
            TimeAmbiguous { value, read, other } => format!(
                "\"{value}\" kan vara klockan {read} eller {other} (en del av ett dygn); {read} sparades. Kontrollera tiden."
            ),
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
    pub const TITLE: &str = "Rubrik";
    pub const START: &str = "Start";
    pub const END: &str = "Slut";
    pub const FOLLOW_UP: &str = "Uppföljning";
    pub const KIND: &str = "Typ";
    pub const TERM: &str = "Sikt";
    pub const STATUS: &str = "Status";
    pub const EFFECT: &str = "Effekt";
    pub const SERIES: &str = "Mötesserie";
}

/// A library's own English error (calamine's, serde's, SQLite's) as the Swedish words a
/// user reads: what kind of fault it is, never the library's sentence.
pub fn library_sv(detail: &str) -> &'static str {
    let d = detail.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| d.contains(w));
    if has(&["password", "encrypt"]) {
        "filen är lösenordsskyddad; spara den utan lösenord"
    } else if has(&["recursion limit"]) {
        "filen är nästlad djupare än Navet läser"
    } else if has(&["database is locked", "busy"]) {
        "databasen används av ett annat program just nu; försök igen"
    } else if has(&["disk is full", "database or disk is full"]) {
        "disken är full"
    } else if has(&["readonly", "read-only"]) {
        "databasen går bara att läsa"
    } else if has(&["disk i/o error", "ioerr"]) {
        "databasfilen kunde inte skrivas eller läsas (disken full, borttagen eller skrivskyddad?); inget är ändrat"
    } else if has(&["foreign key"]) {
        "något annat (en rapport, en insats, ett möte eller en vandring) hänvisar fortfarande till det; inget är ändrat"
    } else if has(&["constraint"]) {
        "värdet bryter mot en regel i databasen; inget är ändrat"
    } else if has(&["malformed", "corrupt", "not a database"]) {
        "databasfilen är skadad"
    } else if has(&["zip", "eocd", "central directory"]) {
        "filen är ingen hel zip-fil: avbruten eller skadad"
    } else if has(&["eof", "unexpected end"]) {
        "filen tar slut för tidigt: avbruten eller skadad"
    } else if has(&["xml"]) {
        "filens innehåll är trasigt"
    } else if has(&[
        "expected",
        "invalid type",
        "missing field",
        "json",
        "syntax",
    ]) {
        "innehållet har inte den form som väntades"
    } else if has(&["not found", "no such"]) {
        "en del av filen saknas"
    } else {
        "filen är skadad eller i ett format Navet inte läser"
    }
}

/// Why a file could not be read or written, in Swedish (the system's own words are
/// English: "No such file or directory (os error 2)").
pub fn io_detail(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "filen eller mappen finns inte".into(),
        K::PermissionDenied => "behörighet saknas".into(),
        K::AlreadyExists => "filen finns redan".into(),
        K::IsADirectory => "det är en mapp, inte en fil".into(),
        K::NotADirectory => "en del av sökvägen är inte en mapp".into(),
        K::StorageFull => "disken är full".into(),
        K::FileTooLarge => {
            "filen blev större än systemet tillåter (disken full eller en gräns för filstorlek)"
                .into()
        }
        K::QuotaExceeded => "din diskkvot är slut".into(),
        K::ReadOnlyFilesystem => "platsen går bara att läsa".into(),
        K::InvalidData | K::UnexpectedEof => "filen är skadad eller avbruten".into(),
        K::Interrupted | K::TimedOut => "läsningen avbröts".into(),
        _ => match e.raw_os_error() {
            Some(code) => format!("systemfel {code}"),
            None => "okänt fel".into(),
        },
    }
}

/// The words of safety walks.
pub mod walk_words {
    /// Where a walk's point made an insats: "Trygghetsvandring 2026-11-12".
    pub fn decided_at(date: &str) -> String {
        format!("Trygghetsvandring {date}")
    }
}

/// The words of gallring.
pub mod retention {
    pub const MONTHS: &str = "Månader (minst 1)";
}

/// The words of public-records extracts.
pub mod records {
    pub const COL_NUMBER: &str = "Nr";
    pub const REFERENCE: &str = "Ärende";
    pub const ABOUT_REFERENCE: &str = "Ärende";
    pub const WHAT: &str = "Utdrag ur Navets rapporter (allmän handling)";
    pub const SHEET: &str = "Utdrag";
    pub const LOG_KIND: &str = "utdrag allmän handling";
    pub const WRONG_EXTENSION: &str = "utdraget skrivs som .csv eller .xlsx";
    pub const RULES_NO_TEXT: &str = "Utan fritext: beskrivning, bedömning och aktörens egen platstext är utelämnade; personnummer och telefonnummer förekommer inte.";
    pub const RULES_WITH_TEXT: &str = "Med fritext: personnummer och telefonnummer är maskerade i beskrivning, bedömning och platstext. Pröva om annat i texten är sekretess innan utlämnandet.";
}

/// Words every document (packs, the law's documents) shares.
pub mod document_words {
    /// The distribution list on a document's cover.
    pub fn to(readers: &str) -> String {
        format!("Till: {readers}")
    }
}

/// The words of meetings and their packs.
pub mod meeting_words {
    /// The export log's word for a meeting pack.
    pub const LOG_KIND: &str = "pdf mötesunderlag";

    /// Where a decision made an insats: "Operativ grupp 2026-12-07".
    pub fn decided_at(series: &str, date: &str) -> String {
        format!("{series} {date}")
    }
}

/// Where an import took the year of dates written without one.
pub enum YearFrom {
    /// The file's other dates; the latest of them (`YYYY-MM-DD`).
    FileDates(String),
    /// The file's title row; its year.
    Title(i32),
    /// The import day (`YYYY-MM-DD`).
    ImportDate(String),
}

/// What an import says about dates it read without a year, and where the year came from.
pub fn year_note(n: u32, from: YearFrom) -> String {
    let why = match from {
        YearFrom::FileDates(latest) => {
            format!("året som ligger närmast filens övriga datum (senast {latest})")
        }
        YearFrom::Title(year) => format!("året i filens rubrik ({year})"),
        YearFrom::ImportDate(today) => {
            format!("året som ger närmaste datum som inte ligger efter i dag ({today})")
        }
    };
    format!("{n} datum saknade år och fick {why}.")
}

/// The words of exported tables (CSV and XLSX) beyond the field names.
pub mod table {
    pub const WEEK: &str = "Vecka";
    pub const PREVIOUS: &str = "Förra perioden";
    pub const BASELINE: &str = "Normalnivå";
    pub const CHANGE: &str = "Skillnad";
    pub const DEVIATION: &str = "Avvikelse";
    pub const RISE: &str = "tydlig ökning";
    pub const FALL: &str = "tydlig minskning";
    /// The area of unplaced reports in a partner-safe table.
    pub const NO_PLACE: &str = "Utan plats";
    pub const REPORTS_SHEET: &str = "Rapporter";
    pub const PICTURE_SHEET: &str = "Lägesbild";
    /// The XLSX column that says which counts of a row are hidden.
    pub const NOTE: &str = "Anmärkning";

    pub fn hidden_note(columns: &[&str]) -> String {
        format!("{}: dolt (..), visas inte", columns.join(", "))
    }

    /// The sheet "Om filen": what `..` means and that released weeks stay as released.
    pub const ABOUT_HIDDEN: &str = "Dolda antal";
    pub const HIDDEN_TEXT: &str = "\"..\" betyder att antalet är dolt: antingen för att det är 1 eller 2, eller för att det annars skulle kunna räknas fram ur filens andra siffror. Ett dolt antal kan vara litet eller stort; summor som innehåller ett dolt antal är dolda också.";
    pub const ABOUT_WEEKS: &str = "Veckor";
    pub const ABOUT_LOCKED: &str = "Låsta siffror";
    pub const LOCKED_TEXT: &str = "En vecka visas som den var när den första gången lämnades ut till en aktör: rapporter som kommer in senare ändrar inte siffrorna i partnersäkra filer (i Navet syns de).";

    // The sheet "Om filen".
    pub const ABOUT_WHAT: &str = "Innehåll";
    /// The export log's word for an archive export.
    pub const ARCHIVE_KIND: &str = "arkiv lägesbild (PDF/A, CSV, metadata)";
    pub const ABOUT_PERIOD: &str = "Urval";
    pub const ABOUT_SOURCE: &str = "Källa";
    pub const ABOUT_MADE: &str = "Skapad";
    pub const ABOUT_RECIPIENT: &str = "Mottagare";
    pub const ABOUT_RULES: &str = "Regler";
    pub const SOURCE_TEXT: &str = "Navet: rapporter från kommunens samverkansaktörer.";
    pub const RULES_SAFE: &str = "Partnersäker: bara summor per avslutad ISO-vecka, område (eller plats) och kategori; en vecka som inte är slut lämnas inte ut; antal under 3 visas inte, inte heller antal som annars kunde räknas fram ur filens eller tidigare filers siffror; ingen fritext.";
    pub const RULES_FULL: &str =
        "Fullständig: alla rapporter med sina texter. Lämna inte ut filen utan prövning.";
    pub const NO_RECIPIENT: &str = "ingen angiven";

    /// A reports filter in words: "från 2026-11-02 till 2026-11-15, område Centrum".
    pub fn selection(
        from: Option<&str>,
        to: Option<&str>,
        area: Option<&str>,
        place: Option<&str>,
        category: Option<&str>,
    ) -> String {
        let parts: Vec<String> = [
            ("från", from),
            ("till", to),
            ("område", area),
            ("plats", place),
            ("kategori", category),
        ]
        .iter()
        .filter_map(|(word, v)| {
            v.filter(|v| !v.trim().is_empty())
                .map(|v| format!("{word} {v}"))
        })
        .collect();
        if parts.is_empty() {
            "alla rapporter".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// The words of the partner reporting template (`navet template`), a file partners read.
pub mod template {
    /// A row with this category says the partner had nothing to report that week.
    pub const NOTHING_TO_REPORT: &str = "Inga händelser";
    /// What the import says about such a row.
    pub fn nothing_reported(week: &str, from: &str, to: &str) -> String {
        format!("Inga händelser {week} ({from} – {to}): antecknat för aktören, ingen rapport.")
    }
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
        "Inga händelser en vecka? Skriv en rad med ett datum den veckan och kategorin Inga händelser (sist i listan): då vet samordnaren att ni inte glömt att rapportera.",
        "Antal: hur många händelser raden gäller; tomt betyder 1.",
        "Bedömning: er bedömning av allvaret, till exempel Låg, Medel eller Hög.",
        "Beskrivning: vad som hände. Skriv inga namn, personnummer eller telefonnummer.",
        "",
        "Ändra inte kolumnrubrikerna; då läses filen in utan handpåläggning.",
        "Skicka filen till trygghetssamordnaren enligt er överenskommelse.",
    ];
}
