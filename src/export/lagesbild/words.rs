//! Every word the lägesbild PDF prints, in Swedish, beside the document that uses them.

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
    baseline_periods: u32,
    unplaced: u32,
) -> String {
    format!(
        "{total} händelser i {reports} rapporter från {partners} aktörer. Föregående period: {previous}. Baslinje ({}): {baseline}. {unplaced} händelser saknar plats och ingår inte i områdena.",
        baseline_basis(baseline_periods)
    )
}

/// What the baseline averages, in words: "medel av de 8 föregående perioderna".
pub fn baseline_basis(periods: u32) -> String {
    match periods {
        0 => "inga tidigare perioder med data".to_string(),
        1 => "den föregående perioden".to_string(),
        n => format!("medel av de {n} föregående perioderna med data"),
    }
}

/// Said instead of any rise when the baseline rests on fewer than 3 periods.
pub fn short_history(periods: u32) -> String {
    format!(
        "För kort historik: baslinjen bygger på {periods} av 8 perioder, så inga ökningar markeras ännu (det krävs minst 3)."
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
        "Underlaget är {reports} rapporter från {partners} aktörer för perioden {from} – {to}; {unplaced} händelser saknar plats. En händelse räknas med rapportens antal. Baslinjen är medelvärdet av upp till 8 föregående perioder av samma längd; perioder före databasens första rapport räknas inte, och med färre än 3 sådana perioder markeras inga ökningar. En ökning markeras när antalet är över baslinjen och sannolikheten att få minst så många av en slump (Poissonfördelning med baslinjen som medelvärde, minst 0,5) är under 5 procent."
    )
}

pub fn footer(generated: &str) -> String {
    format!("Navet · {generated}")
}
