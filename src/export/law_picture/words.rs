//! Every word of the law's long-period lägesbild (lag 2023:196), in Swedish.

pub const TITLE: &str = "Lägesbild enligt lag (2023:196)";

pub fn subtitle(municipality: &str, from: &str, to: &str) -> String {
    format!("{municipality} · {from} – {to}")
}

pub const INTRO: &str = "Kommunens lägesbild över brottsligheten och vad som påverkar den, enligt lagen om kommuners ansvar för brottsförebyggande arbete (2023:196). Delarna följer lagen: kartläggning av brottslighetens omfattning och konsekvenser, annan information, och analys av orsakerna. Insatserna står i kommunens åtgärdsplan, ett eget dokument.";

pub const MAPPING: &str = "1. Kartläggning: omfattning";

pub fn extent(total: u32, reports: u32, partners: usize) -> String {
    format!(
        "{total} händelser i {reports} rapporter från {partners} {}.",
        if partners == 1 { "aktör" } else { "aktörer" }
    )
}

pub fn before(total: u32) -> String {
    format!("Lika många månader före: {total} händelser.")
}

pub fn before_partly(total: u32, first: &str) -> String {
    format!(
        "Lika många månader före: {total} händelser, men rapporterna börjar {first}, så de månaderna är inte kompletta."
    )
}

pub fn before_unknown(first: &str) -> String {
    format!(
        "Rapporterna börjar {first}: för månaderna före finns inga siffror att jämföra med (–)."
    )
}

/// A count where the reports do not reach: no data, not zero.
pub const NO_DATA: &str = "–";

pub fn unplaced(n: u32) -> String {
    format!("{n} av händelserna saknar plats och ingår bara i summan och i tabellen per kategori.")
}

pub const COL_AREA: &str = "Område";
pub const COL_COUNT: &str = "Händelser";
pub const COL_BEFORE: &str = "Månaderna före";
pub const COL_STATUS: &str = "Senaste status";
pub const COL_CATEGORY: &str = "Kategori";
pub const COL_MONTH: &str = "Månad";
pub const COL_PLACE: &str = "Plats";
pub const COL_MOST: &str = "Vanligast";
pub const COL_PARTNER: &str = "Aktör";
pub const COL_REPORTS: &str = "Rapporter";
pub const BY_AREA: &str = "Per område";
pub const BY_CATEGORY: &str = "Per kategori";
pub const BY_MONTH: &str = "Per månad";
pub const PLACES: &str = "Platser med flest händelser";
pub const PARTNERS: &str = "Underlaget: aktörernas rapporter";
pub const NO_REPORTS: &str = "Inga rapporter under perioden.";

pub const CONSEQUENCES: &str = "Konsekvenser";
pub const NO_CONSEQUENCES: &str = "Ingen text om konsekvenserna är skriven.";

pub const OTHER: &str = "2. Annan information";
pub const OTHER_INTRO: &str =
    "Andra kunskapskällor än aktörernas rapporter: undersökningar, statistik och egna mätningar.";
pub const NO_OTHER: &str = "Inga andra kunskapskällor är inlagda.";

/// "SCB · 2026-03-15 · Norrby".
pub fn source_line(source: &str, date: &str, area: Option<&str>) -> String {
    [Some(source), Some(date), area]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn figure(label: &str, value: &str) -> String {
    if label.trim().is_empty() {
        format!("Nyckeltal: {}", value.trim())
    } else {
        format!("{}: {}", label.trim(), value.trim())
    }
}

pub const CAUSES: &str = "3. Analys av orsaker";
pub const NO_CAUSES: &str = "Ingen orsaksanalys är skriven.";

pub const ABOUT: &str = "Om siffrorna";
pub const ABOUT_TEXT: &str = "Siffrorna är händelser som samverkansparterna har rapporterat till kommunen, inte all brottslighet: mycket anmäls eller rapporteras aldrig, och en ändring kan bero på hur mycket som rapporteras. En händelse som två aktörer rapporterat räknas en gång. Status per område är samordnarens senaste bedömning under perioden.";

pub fn footer(made: &str) -> String {
    format!("Navet · lägesbild enligt lag · {made}")
}

/// The export log's word for this document.
pub const LOG_KIND: &str = "pdf lägesbild enligt lag";
