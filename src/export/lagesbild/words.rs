//! Every word the lägesbild PDF prints, in Swedish, beside the document that uses them.

pub const MUNICIPALITY_FALLBACK: &str = "Kommunen";
pub const HEADER_FALLBACK: &str = "Lägesbild";
pub const STATUS_HEADING: &str = "Status per område";
pub const NOT_ASSESSED: &str = "ej bedömd";
/// The square's mark for an area with no status.
pub const NO_MARK: &str = "–";
pub const SUMMARY_HEADING: &str = "Sammanfattning";
pub const NO_RISES: &str = "Inga tydliga avvikelser från normalnivån.";
pub const CATEGORY_CHART: &str = "Händelser per kategori, alla områden";
pub const CATEGORY_LEGEND: &str =
    "Stapel: antal denna period (röd och * = tydlig ökning). Streck: normalnivån.";
/// After a category's name in the bar chart when it rose clearly.
pub const RISE_MARK: &str = "*";
/// Under the title of a live picture.
pub const DRAFT_NOTE: &str = "Utkast: siffrorna ändras när nya rapporter kommer in. Frys lägesbilden för att spara den som den presenterades.";

pub fn draft_title(title: &str) -> String {
    format!("{title} (utkast)")
}

pub fn draft_footer(generated: &str) -> String {
    format!("Utkast · Navet · {generated}")
}

/// An RFC 3339 time (UTC, as stored) as Swedes read it, in Swedish local time:
/// "30 november 2026 kl. 05.20". Text that is no such time is returned as it is.
pub fn local_time(stamp: &str) -> String {
    use chrono::{Datelike, Timelike};
    let Ok(t) = chrono::DateTime::parse_from_rfc3339(stamp) else {
        return stamp.to_string();
    };
    let t = t.with_timezone(&chrono_tz::Europe::Stockholm);
    format!(
        "{} {} {} kl. {:02}.{:02}",
        t.day(),
        crate::picture::period::MONTHS_SV[t.month0() as usize],
        t.year(),
        t.hour(),
        t.minute()
    )
}
pub const TREND_CHART: &str = "Utveckling, 12 perioder";
pub const HOTSPOTS_HEADING: &str = "Platser med flest händelser";
pub const ANALYSIS_HEADING: &str = "Analys";
pub const EMPTY_TEXT: &str = "–";
pub const SOURCES_HEADING: &str = "Källor och metod";
pub const RISE: &str = "Tydlig ökning";
pub const FALL: &str = "Tydlig minskning";
pub const COL_CATEGORY: &str = "Kategori";
pub const COL_COUNT: &str = "Antal";
pub const COL_PREVIOUS: &str = "Förra perioden";
pub const COL_BASELINE: &str = "Normalnivå";
/// The change since the previous period (the layout draws its arrow).
pub const COL_CHANGE: &str = "Skillnad";
/// A clear departure from the normal level (not "Bedömning": that is the reporters' word).
pub const COL_DEVIATION: &str = "Avvikelse";
pub const COL_PLACE: &str = "Plats";
/// What happened at a place: its most frequent categories.
pub const COL_TOP: &str = "Vanligast";
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
        "{total} händelser i {reports} rapporter från {partners} aktörer. Förra perioden: {previous}. Normalnivå ({}): {baseline}. {unplaced} händelser saknar plats och ingår inte i områdena.",
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

/// The same period a year earlier, beside this one.
pub fn last_year(total: u32, from: &str, to: &str) -> String {
    format!("Samma period förra året ({from} – {to}): {total} händelser.")
}

/// Said instead of any rise when the baseline rests on fewer than 3 periods.
pub fn short_history(periods: u32) -> String {
    format!(
        "För kort historik: normalnivån bygger på {periods} av 8 perioder, så inga avvikelser markeras ännu (det krävs minst 3)."
    )
}

/// One clear departure in the summary: "Skadegörelse i Centrum: 10, tydlig ökning
/// (normalnivå 1,0)"; a partner's version has no normal level.
pub fn departure(
    category: &str,
    area: &str,
    count: &str,
    what: &str,
    baseline: Option<&str>,
) -> String {
    let what = what.to_lowercase();
    match baseline {
        Some(baseline) => format!("{category} i {area}: {count}, {what} (normalnivå {baseline})"),
        None => format!("{category} i {area}: {count}, {what}"),
    }
}

pub fn rises(list: &[String]) -> String {
    format!("Tydliga avvikelser från normalnivån: {}.", list.join("; "))
}

pub fn pattern_chart(untimed: u32) -> String {
    format!("Veckodag och klockslag ({untimed} händelser utan klockslag ingår inte)")
}

pub fn area_heading(area: &str, total: &str, status: Option<&str>) -> String {
    match status {
        Some(s) => format!("{area}: {total} händelser – status {s}"),
        None => format!("{area}: {total} händelser"),
    }
}

pub fn sources(reports: u32, partners: usize, from: &str, to: &str, unplaced: u32) -> String {
    format!(
        "Underlaget är {reports} rapporter från {partners} aktörer för perioden {from} – {to}; {unplaced} händelser saknar plats. En händelse räknas med rapportens antal. Skillnad jämför med förra perioden. Normalnivån är medelvärdet av upp till 8 föregående perioder av samma längd; perioder före databasens första rapport räknas inte, och med färre än 3 sådana perioder markeras inga avvikelser. En aktör som började rapportera senare räknas med sitt eget medelvärde från sin första hela period (och med sitt antal i perioden om den ännu saknar en hel period), så att månader innan den började inte räknas som noll. En tydlig ökning markeras när antalet är över normalnivån och sannolikheten att få minst så många av en slump (Poissonfördelning med normalnivån som medelvärde, minst 0,5) är under 5 procent; en tydlig minskning på samma sätt åt andra hållet."
    )
}

pub fn footer(generated: &str) -> String {
    format!("Navet · {generated}")
}

/// Under the weekday × hour chart.
pub fn heatmap_legend(busiest: u32) -> String {
    format!(
        "Ju mörkare ruta, desto fler händelser den timmen; den mörkaste har {busiest}. Tom ruta: inga."
    )
}

/// A partner with no reports in the period, in the sources table.
pub const NO_REPORTS: &str = "inga rapporter";
/// A partner that said it had nothing to report: a zero, not a silence.
pub const NOTHING_TO_REPORT: &str = "inga händelser";

/// On the cover of a partner's version.
pub fn partner_version(recipient: Option<&str>) -> String {
    let to = recipient.map(|r| format!("Till {r}. ")).unwrap_or_default();
    format!(
        "{to}Partnerversion: bara summor för hela, avslutade veckor; \"..\" är ett dolt antal (1 eller 2, eller ett som annars kunde räknas fram ur filens eller tidigare filers siffror; det kan vara stort). Ingen fritext, ingen normalnivå och inga avvikelsemarkeringar (de räknas på dolda antal), inget mönster per timme."
    )
}

/// On the cover of a full version handed to a named partner on purpose.
pub fn full_version(recipient: &str) -> String {
    format!("Till {recipient}. Fullständig version med alla antal och texter.")
}

/// Instead of the analysis texts in a partner's version.
pub const ANALYSIS_NOT_SHARED: &str = "Samordnarens analys ingår inte i partnerversionen.";

/// How many pairs of reports about one incident count once (in the sources).
pub fn merged(pairs: u32) -> String {
    format!(
        "{pairs} händelser rapporterades av två aktörer och räknas en gång (bekräftade som samma händelse)."
    )
}

/// Heads an area's table where it runs onto a new page.
pub fn continued(area: &str) -> String {
    format!("{area} (forts.)")
}

// The partner's version (`partner_document`).

/// What a partner's version covers: "Veckorna 2026-W47 – 2026-W48" or "Vecka 2026-W48".
pub fn partner_weeks(weeks: &[String]) -> String {
    match (weeks.first(), weeks.last()) {
        (Some(a), Some(b)) if a != b => format!(
            "Siffrorna gäller veckorna {a} – {b}, som de var när de första gången lämnades ut."
        ),
        (Some(a), _) => {
            format!("Siffrorna gäller vecka {a}, som den var när den första gången lämnades ut.")
        }
        _ => String::new(),
    }
}

/// An area's line on the partner's cover.
pub fn partner_area_line(total: &str, previous: &str) -> String {
    format!("{total} händelser (föregående period {previous}).")
}

pub fn partner_summary(total: &str, previous: &str, unplaced: &str) -> String {
    format!(
        "{total} händelser. Förra perioden: {previous}. Utan plats (ingår inte i områdena): {unplaced}."
    )
}

pub const PARTNER_CATEGORY_LEGEND: &str = "Staplarna visar kategorier med visat antal; en kategori med dolt antal (..) står under diagrammet.";

pub fn hidden_categories(list: &[String]) -> String {
    format!("Kategorier med dolt antal (..): {}.", list.join(", "))
}

pub const PARTNER_TREND_HEADING: &str = "Utveckling vecka för vecka";
pub const COL_WEEK: &str = "Vecka";
pub const REPORTED: &str = "rapporterade";

pub const PARTNER_SOURCES: &str = "Underlaget är rapporter från kommunens samverkansaktörer. En händelse räknas med rapportens antal, och två rapporter om samma händelse räknas en gång. Varje vecka beslutas en gång, första gången den lämnas ut: vilka antal som visas och vilka som döljs (..). Antal 1 och 2 döljs, och så många till att inget dolt antal kan räknas fram eller ringas in ur de visade summorna, i den här filen eller tillsammans med alla andra filer Navet lämnat ut. Senare filer visar samma siffror, även om rapporter kommit in efteråt. – betyder att det inte finns data för perioden.";
