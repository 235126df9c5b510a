//! A partner's file of any length, generated: the benchmarks' and the large tests' input.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

const PLACES: &[&str] = &[
    "Stortorget",
    "Torget",
    "Stora torget",
    "Resecentrum",
    "Stationen",
    "Stadsparken",
    "Parken",
    "Gallerian",
    "Ågatan",
    "Norrby centrum",
    "Norrby C",
    "Björkgången",
    "Norrby hpl",
    "Söderåsens centrum",
    "ICA Söderåsen",
    "Tallbacken",
    "Elljusspåret",
    "Badplatsen",
    "Tunneln",
    "Bakom ICA",
    "Gång- och cykelvägen vid ån",
];
/// The category labels a partner writes (not all of them the list's own names).
pub const LABELS: &[&str] = &[
    "Skadegörelse",
    "Klotter",
    "Brand",
    "Stöld",
    "Inbrott",
    "Misshandel",
    "Olaga hot",
    "Narkotika",
    "Ordningsstörning",
    "Ungdomar i grupp",
    "Otrygghet",
    "Nedskräpning",
    "Trasig belysning",
];
const TEXTS: &[&str] = &[
    "Krossad ruta i trapphus, glas på marken",
    "Grupp om ca 15 ungdomar, högljudda, lugnade sig efter samtal",
    "Nytt klotter på fasad mot gården, sanering beställd",
    "Brand i container, släckt av räddningstjänsten",
    "Boende upplever otrygghet efter mörkrets inbrott",
    "Misstänkt försäljning, personer avvek vid kontroll",
    "Trasig belysning längs gångvägen mot skolan",
    "Cykelförråd uppbrutet; tre cyklar saknas enligt anmälan",
];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// Writes `rows` data rows under a Swedish header, Windows-1252, CRLF, as a housing
/// company's Excel would (times as `14.30`, every 997th text with a personnummer).
/// The same `rows` gives the same file, and a longer file starts with a shorter one.
pub fn write_partner_csv(path: &Path, rows: u64) -> Result<u64> {
    let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut line = String::with_capacity(256);
    let mut rng = Lcg(2026);
    let io = |e| Error::io(path, e);
    let put = |w: &mut std::io::BufWriter<std::fs::File>, s: &str| -> Result<()> {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(s);
        w.write_all(&bytes).map_err(io)
    };
    put(&mut w, "Datum;Tid;Plats;Händelse;Antal;Beskrivning\r\n")?;
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    for i in 0..rows {
        line.clear();
        let day = start + chrono::Duration::days((i % 2500) as i64);
        let text = TEXTS[rng.next(TEXTS.len())];
        let pnr = if i % 997 == 0 {
            " (anmälare 811218-9876)"
        } else {
            ""
        };
        use std::fmt::Write as _;
        let _ = write!(
            line,
            "{};{:02}.{:02};{};{};{};\"{} #{}{}\"\r\n",
            day.format("%Y-%m-%d"),
            rng.next(24),
            rng.next(12) * 5,
            PLACES[rng.next(PLACES.len())],
            LABELS[rng.next(LABELS.len())],
            1 + rng.next(3),
            text,
            i,
            pnr
        );
        put(&mut w, &line)?;
    }
    w.flush().map_err(|e| Error::io(path, e))?;
    Ok(std::fs::metadata(path).map(|m| m.len()).unwrap_or(0))
}

/// `rows` rows of date, place, category, partner and count: a meeting pack's table.
pub fn table_rows(rows: u32) -> Vec<[String; 5]> {
    let mut rng = Lcg(47);
    (0..rows)
        .map(|i| {
            [
                format!("2026-11-{:02}", 1 + i % 28),
                PLACES[rng.next(PLACES.len())].to_string(),
                LABELS[rng.next(LABELS.len())].to_string(),
                [
                    "Polisen",
                    "Socialtjänsten",
                    "Fältgruppen",
                    "Bostadsbolaget Hemvist",
                ][rng.next(4)]
                .to_string(),
                (1 + rng.next(4)).to_string(),
            ]
        })
        .collect()
}
