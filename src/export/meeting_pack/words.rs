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

pub fn picture_summary(total: u32, reports: u32, from: &str, to: &str, baseline: &str) -> String {
    format!(
        "{total} händelser i {reports} rapporter {from} – {to}. Normalnivå för en lika lång period: {baseline}."
    )
}

pub const COL_AREA: &str = "Område";
pub const COL_COUNT: &str = "Antal";
pub const COL_PREVIOUS: &str = "Perioden före";
pub const COL_STATUS: &str = "Status";
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
