//! Every word of the operative meeting pack, in Swedish.

pub fn title(series: &str, date: &str) -> String {
    format!("Mötesunderlag: {series} {date}")
}

pub fn subtitle(municipality: &str, since: Option<&str>) -> String {
    match since {
        Some(s) => format!("{municipality} · sedan förra mötet {s}"),
        None => format!("{municipality} · första mötet i serien"),
    }
}

pub const AGENDA: &str = "Dagordning";
pub const NO_AGENDA: &str = "Ingen dagordning är skriven.";
pub fn picture_heading(first: bool, days: u32) -> String {
    if first {
        format!("Lägesbilden de senaste {days} dagarna")
    } else {
        "Lägesbilden sedan förra mötet".into()
    }
}

/// The heading of a frozen picture in the pack: "Lägesbilden vecka 48 2026".
pub fn frozen_heading(label: &str) -> String {
    format!("Lägesbilden {label}")
}

pub const PICTURE: &str = "Lägesbilden";
pub const NO_WHOLE_DAY: &str =
    "Ingen hel dag har gått sedan förra mötet, så det finns ännu ingen lägesbild att visa.";

pub fn frozen_note(title: &str, frozen: &str) -> String {
    format!(
        "Den frysta lägesbilden \u{201d}{title}\u{201d} ({frozen}), med status, motiveringar och analys som de presenterades."
    )
}

/// A live picture in the pack: only days that are over, and marked as a draft.
pub fn draft_note(to: &str) -> String {
    format!(
        "Utkast: lägesbilden är inte fryst. Den räknar hela dagar till och med {to}, och siffrorna kan ändras när fler rapporter kommer in."
    )
}

/// A follow-up whose date has passed: "2026-11-22 (försenad)".
pub fn late(date: &str) -> String {
    format!("{date} (försenad)")
}

pub fn picture_summary(total: u32, reports: u32, from: &str, to: &str, baseline: &str) -> String {
    format!(
        "{total} händelser i {reports} rapporter {from} – {to}. Normalnivå för en lika lång period: {baseline}."
    )
}

pub const COL_AREA: &str = "Område";
pub const COL_COUNT: &str = "Antal";
pub const COL_PREVIOUS: &str = "Perioden före";
pub const COL_STATUS: &str = "Status";
/// An area with no status set for the period (as the lägesbild marks it).
pub const NOT_ASSESSED: &str = "–";
pub const DEPARTURES: &str = "Tydliga avvikelser";
pub const RISE: &str = "tydlig ökning";
pub const NO_DEPARTURES: &str = "Inga tydliga avvikelser från normalnivån.";

pub fn departure(category: &str, area: &str, count: u32, what: &str) -> String {
    format!("{category} i {area}: {count}, {what}")
}

pub const OPEN: &str = "Pågående och planerade insatser";
pub const NO_OPEN: &str = "Inga pågående eller planerade insatser.";
pub const COL_INSATS: &str = "Insats";
pub const COL_WHERE: &str = "Var";
pub const COL_CATEGORY: &str = "Kategori";
pub const COL_OWNER: &str = "Ansvarig";
pub const COL_FOLLOW_UP: &str = "Uppföljning";
pub const DUE: &str = "Uppföljningar att göra";
pub const NO_DUE: &str = "Inga uppföljningar har passerat sitt datum.";
pub const DECISIONS: &str = "Beslut sedan förra mötet";
pub const NO_DECISIONS: &str = "Inga beslut är antecknade sedan förra mötet.";
pub const SILENT: &str = "Aktörer som inte har rapporterat sedan förra mötet";
pub const NO_SILENT: &str = "Alla aktörer har rapporterat.";
pub const NEXT: &str = "Nästa möte";

pub fn next(date: &str) -> String {
    format!("Nästa möte i serien: {date}.")
}

pub fn footer(made: &str) -> String {
    format!("Navet · mötesunderlag · {made}")
}

// The strategic group's pack.
pub const TREND: &str = "Utvecklingen per område, sex månader";
pub const TREND_NOTE: &str =
    "Varje område på två rader: i år och samma månader året före (tomt där data saknas).";
pub fn year_before(area: &str) -> String {
    format!("{area}, året före")
}
pub const STATUSES: &str = "Status per område under perioden";
pub const NO_STATUSES: &str = "Ingen status är satt under perioden.";
pub const COL_PERIOD: &str = "Period";
pub const COL_JUSTIFICATION: &str = "Motivering";
pub const FINISHED: &str = "Avslutade insatser och deras effekt";
pub const NO_FINISHED: &str = "Inga avslutade insatser.";
pub const COL_BEFORE: &str = "Före";
pub const COL_AFTER: &str = "Efter";
pub const COL_EFFECT: &str = "Bedömd effekt";
pub fn finished_note(weeks: u32) -> String {
    format!(
        "Antal händelser {weeks} veckor före och efter insatsens start, för dess platser och kategori. En förändring visar inte att insatsen gav den."
    )
}
pub const ASKED: &str = "Beslut som gruppen ombeds fatta";
pub const NO_ASKED: &str = "Inga beslutspunkter på dagordningen (rader som börjar med \"Beslut\").";
pub fn wheel(year: i32) -> String {
    format!("Årshjul {year}: kategorier per månad")
}
pub const COL_TOTAL: &str = "Summa";
pub const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
