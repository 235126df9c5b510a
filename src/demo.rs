//! The demo municipality: realistic, deterministic data to try Navet on.
//!
//! Three areas, twenty places with the aliases partners use, six partners, and N
//! weeks of reports ending on a given day. The reports follow the patterns a
//! coordinator knows: evenings and weekends, a summer season for youths outdoors
//! and a dark season for insecurity, fires around New Year and Valborg, and two
//! hotspots (Stortorget rising over the last six weeks, Norrby centrum with
//! vandalism and container fires). The same end day and week count give exactly
//! the same database, which tests rely on.

mod partner_csv;
pub use partner_csv::{LABELS as PARTNER_LABELS, table_rows, write_partner_csv};

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use crate::Store;
use crate::db::place::NewPlace;
use crate::db::report::{ReportRecord, count_reports, insert_record};
use crate::db::{category, named, partner, place};
use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Kind, Message};

/// The municipality's name, shown in the UI and on demo exports.
pub const MUNICIPALITY: &str = "Ekbacka kommun (demo)";

/// Default number of weeks of reports.
pub const DEFAULT_WEEKS: u32 = 26;

/// What `demo` wrote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DemoSummary {
    pub areas: u32,
    pub places: u32,
    pub partners: u32,
    pub reports: u32,
    /// First day, `YYYY-MM-DD`.
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// Last day, `YYYY-MM-DD`.
    #[ts(type = "string")]
    pub to: NaiveDate,
}

/// (area, place, aliases) of the demo municipality.
const PLACES: &[(&str, &str, &[&str])] = &[
    ("Centrum", "Stortorget", &["Torget", "Stora torget"]),
    (
        "Centrum",
        "Resecentrum",
        &["Stationen", "Järnvägsstationen", "Busstationen"],
    ),
    ("Centrum", "Stadsparken", &["Parken"]),
    ("Centrum", "Kulturhuset", &[]),
    ("Centrum", "Gallerian", &["Köpcentrum Gallerian"]),
    ("Centrum", "Ågatan", &["Ågatan/Storgatan"]),
    ("Centrum", "Stadsbiblioteket", &["Biblioteket"]),
    (
        "Norrby",
        "Norrby centrum",
        &["Norrby C", "Centrumhuset Norrby"],
    ),
    ("Norrby", "Norrbyskolan", &[]),
    (
        "Norrby",
        "Fritidsgården Norrby",
        &["Gården", "Fritidsgården"],
    ),
    ("Norrby", "Norrvallen", &["Idrottsplatsen Norrvallen"]),
    ("Norrby", "Björkgången", &["Björkgången 2-14"]),
    ("Norrby", "Norrby hållplats", &["Norrby hpl"]),
    ("Söderåsen", "Söderåsens centrum", &["ICA Söderåsen"]),
    ("Söderåsen", "Söderåsskolan", &["Söderåsens skola"]),
    ("Söderåsen", "Tallbacken", &[]),
    ("Söderåsen", "Motionsspåret", &["Elljusspåret"]),
    ("Söderåsen", "Söderåsbadet", &["Badplatsen"]),
    ("Söderåsen", "Gångtunneln Söderleden", &["Tunneln"]),
    (
        "Söderåsen",
        "Återvinningsstationen Söderåsen",
        &["ÅVS Söderåsen"],
    ),
];

const PARTNERS: &[&str] = &[
    "Polisen",
    "Socialtjänsten",
    "Fältgruppen",
    "Bostadsbolaget Hemvist",
    "Kollektivtrafiken",
    "Räddningstjänsten",
];

/// Unplaced reports: the place text partners write that matches no place.
const LOOSE_PLACES: &[&str] = &[
    "Bakom ICA",
    "Gång- och cykelvägen vid ån",
    "Parkeringen vid vårdcentralen",
    "Skogsdungen",
];

/// One kind of event: what, who reports it, where, when, and texts.
struct Scenario {
    category: &'static str,
    partners: &'static [&'static str],
    places: &'static [&'static str],
    /// Hours it usually happens, drawn uniformly.
    hours: (u32, u32),
    /// Relative frequency before season, weekday and hotspot factors.
    weight: f64,
    /// Boost by season: (summer, dark season).
    season: (f64, f64),
    /// Extra weight on Friday and Saturday.
    weekend: f64,
    texts: &'static [&'static str],
}

const SCENARIOS: &[Scenario] = &[
    Scenario {
        category: "Ordningsstörning/stök",
        partners: &["Polisen", "Fältgruppen", "Kollektivtrafiken"],
        places: &["Stortorget", "Resecentrum", "Gallerian", "Norrby centrum"],
        hours: (18, 23),
        weight: 3.0,
        season: (1.3, 0.9),
        weekend: 2.2,
        texts: &[
            "Högljudd grupp, flaskor kastades mot fönster.",
            "Stök vid entrén, väktare tillkallades.",
            "Berusade personer bråkade, lugnade sig efter tillsägelse.",
            "Musik och skrik sent på kvällen, flera klagomål från boende.",
        ],
    },
    Scenario {
        category: "Ungdomar i grupp",
        partners: &["Fältgruppen", "Socialtjänsten", "Polisen"],
        places: &[
            "Stortorget",
            "Stadsparken",
            "Norrby centrum",
            "Fritidsgården Norrby",
            "Söderåsbadet",
        ],
        hours: (16, 23),
        weight: 2.5,
        season: (1.8, 0.7),
        weekend: 1.8,
        texts: &[
            "Grupp om ca 15 ungdomar, några okända för fältgruppen.",
            "Ungdomar samlades efter stängning, lugn stämning.",
            "Yngre ungdomar ute sent, samtal med fältare.",
        ],
    },
    Scenario {
        category: "Skadegörelse",
        partners: &["Bostadsbolaget Hemvist", "Kollektivtrafiken", "Polisen"],
        places: &[
            "Norrby centrum",
            "Björkgången",
            "Norrby hållplats",
            "Gångtunneln Söderleden",
            "Resecentrum",
        ],
        hours: (19, 23),
        weight: 2.5,
        season: (1.1, 1.0),
        weekend: 1.5,
        texts: &[
            "Krossad ruta i trapphus.",
            "Sönderslagen busskur.",
            "Trasig dörr till cykelförråd.",
            "Belysning nedriven i tunneln.",
        ],
    },
    Scenario {
        category: "Klotter",
        partners: &["Bostadsbolaget Hemvist", "Kollektivtrafiken"],
        places: &[
            "Norrby centrum",
            "Gångtunneln Söderleden",
            "Norrbyskolan",
            "Ågatan",
        ],
        hours: (8, 16),
        weight: 1.5,
        season: (1.2, 0.9),
        weekend: 1.0,
        texts: &[
            "Nytt klotter på fasad, sanering beställd.",
            "Taggar på elskåp.",
            "Klotter med hotfullt innehåll, anmält.",
        ],
    },
    Scenario {
        category: "Brand/anlagd brand",
        partners: &["Räddningstjänsten", "Bostadsbolaget Hemvist"],
        places: &[
            "Norrby centrum",
            "Återvinningsstationen Söderåsen",
            "Björkgången",
        ],
        hours: (20, 23),
        weight: 0.8,
        season: (1.0, 1.2),
        weekend: 1.6,
        texts: &[
            "Brand i container, släckt av räddningstjänsten.",
            "Papperskorg i brand.",
            "Anlagd brand i soprum, rökskadat trapphus.",
        ],
    },
    Scenario {
        category: "Stöld/inbrott",
        partners: &["Polisen", "Bostadsbolaget Hemvist"],
        places: &[
            "Gallerian",
            "Björkgången",
            "Tallbacken",
            "Söderåsens centrum",
        ],
        hours: (0, 23),
        weight: 1.5,
        season: (1.0, 1.1),
        weekend: 1.0,
        texts: &[
            "Inbrott i källarförråd.",
            "Cykelstölder, flera anmälningar.",
            "Butiksstöld, gärningspersonen avvek.",
        ],
    },
    Scenario {
        category: "Hot och våld",
        partners: &["Polisen", "Kollektivtrafiken"],
        places: &["Stortorget", "Resecentrum", "Norrby hållplats"],
        hours: (20, 23),
        weight: 0.8,
        season: (1.1, 1.0),
        weekend: 2.0,
        texts: &[
            "Misshandel utomhus, en person till sjukhus.",
            "Busschaufför hotad.",
            "Hot mot personal vid entrén.",
        ],
    },
    Scenario {
        category: "Narkotika",
        partners: &["Polisen", "Fältgruppen", "Socialtjänsten"],
        places: &["Stortorget", "Stadsparken", "Motionsspåret"],
        hours: (17, 23),
        weight: 1.0,
        season: (1.2, 0.9),
        weekend: 1.4,
        texts: &[
            "Misstänkt försäljning, personer avvek vid kontroll.",
            "Fynd av sprutor och påsar.",
            "Lukt av cannabis, ungdomar i grupp.",
        ],
    },
    Scenario {
        category: "Otrygghet",
        partners: &["Socialtjänsten", "Bostadsbolaget Hemvist", "Fältgruppen"],
        places: &[
            "Gångtunneln Söderleden",
            "Motionsspåret",
            "Resecentrum",
            "Stadsparken",
        ],
        hours: (16, 22),
        weight: 1.2,
        season: (0.6, 1.9),
        weekend: 1.0,
        texts: &[
            "Boende uppger att de undviker platsen efter mörkrets inbrott.",
            "Äldre känner sig otrygga på väg hem från bussen.",
            "Oro bland föräldrar efter händelser i helgen.",
        ],
    },
    Scenario {
        category: "Nedskräpning",
        partners: &["Bostadsbolaget Hemvist", "Fältgruppen"],
        places: &[
            "Söderåsbadet",
            "Stadsparken",
            "Återvinningsstationen Söderåsen",
        ],
        hours: (7, 15),
        weight: 1.0,
        season: (2.0, 0.6),
        weekend: 1.0,
        texts: &[
            "Mycket skräp efter helgen.",
            "Dumpade möbler vid återvinningen.",
            "Glassplitter på lekytan.",
        ],
    },
    Scenario {
        category: "Brister i fysisk miljö",
        partners: &["Bostadsbolaget Hemvist", "Fältgruppen"],
        places: &[
            "Gångtunneln Söderleden",
            "Motionsspåret",
            "Björkgången",
            "Tallbacken",
        ],
        hours: (8, 16),
        weight: 0.8,
        season: (0.5, 2.0),
        weekend: 1.0,
        texts: &[
            "Trasig belysning längs gångvägen.",
            "Igenvuxen buskage skymmer sikten.",
            "Flera armaturer släckta.",
        ],
    },
];

/// SplitMix64: a tiny, well-known generator, so the demo is the same on every machine
/// and every version of every dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A Poisson draw (Knuth's method; fine for the small means used here).
    fn poisson(&mut self, mean: f64) -> u32 {
        let limit = (-mean).exp();
        let mut k = 0;
        let mut p = self.unit();
        while p > limit && k < 1000 {
            k += 1;
            p *= self.unit();
        }
        k
    }
}

/// Summer (June–August) and dark-season (November–February) factors for a day.
fn season(date: NaiveDate) -> (bool, bool) {
    let m = date.month();
    ((6..=8).contains(&m), matches!(m, 11 | 12 | 1 | 2))
}

/// Fires cluster around New Year and Valborg (30 April).
fn fire_peak(date: NaiveDate) -> bool {
    let (m, d) = (date.month(), date.day());
    (m == 12 && d >= 28) || (m == 1 && d <= 2) || (m == 4 && d == 30) || (m == 5 && d == 1)
}

/// Fills an empty database with the demo municipality: `weeks` weeks of reports
/// ending on `end` (inclusive). Refuses a database that already has reports.
pub fn load_demo(store: &mut Store, weeks: u32, end: NaiveDate) -> Result<DemoSummary> {
    if !(1..=520).contains(&weeks) {
        return Err(Message::InvalidWeeks { value: weeks }.into());
    }
    let existing = count_reports(store.conn())?;
    if existing > 0 {
        return Err(Message::DemoNeedsEmpty { reports: existing }.into());
    }
    store.write(|tx| {
        let mut place_ids: Vec<(&str, Id)> = Vec::with_capacity(PLACES.len());
        for (area, name, aliases) in PLACES {
            let id = match place::find_place_id(tx, name)? {
                Some(id) => id,
                None => {
                    place::insert_place(
                        tx,
                        &NewPlace {
                            name: name.to_string(),
                            area: Some(area.to_string()),
                            aliases: aliases.iter().map(|a| a.to_string()).collect(),
                            latitude: None,
                            longitude: None,
                        },
                    )?
                    .id
                }
            };
            place_ids.push((name, id));
        }
        let mut partner_ids: Vec<(&str, Id)> = Vec::with_capacity(PARTNERS.len());
        for name in PARTNERS {
            let id = match named::find_id(tx, Kind::Partner, name)? {
                Some(id) => id,
                None => partner::insert_partner(tx, name)?,
            };
            partner_ids.push((name, id));
        }
        let mut category_ids: Vec<(&str, Id)> = Vec::with_capacity(SCENARIOS.len());
        for s in SCENARIOS {
            category_ids.push((s.category, category::get_category_id(tx, s.category)?));
        }
        let id_of = |list: &[(&str, Id)], name: &str| {
            list.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, id)| *id)
                .unwrap_or_default()
        };

        let days = i64::from(weeks) * 7;
        let start = end - Duration::days(days - 1);
        let hot_from = end - Duration::days(41);
        let mut rng = Rng(0x4E41_5645_5420_2026);
        let mut reports = 0u32;
        for offset in 0..days {
            let date = start + Duration::days(offset);
            let (summer, dark) = season(date);
            let weekend = matches!(date.weekday(), Weekday::Fri | Weekday::Sat);
            let weights: Vec<f64> = SCENARIOS
                .iter()
                .map(|s| {
                    let mut w = s.weight;
                    if summer {
                        w *= s.season.0;
                    }
                    if dark {
                        w *= s.season.1;
                    }
                    if weekend {
                        w *= s.weekend;
                    }
                    if s.category == "Brand/anlagd brand" && fire_peak(date) {
                        w *= 6.0;
                    }
                    w
                })
                .collect();
            let total: f64 = weights.iter().sum();
            // About six reports a day on an ordinary weekday, more on weekends and in summer.
            for _ in 0..rng.poisson(total * 0.35) {
                let mut x = rng.unit() * total;
                let mut idx = 0;
                while idx + 1 < SCENARIOS.len() && x >= weights[idx] {
                    x -= weights[idx];
                    idx += 1;
                }
                let s = &SCENARIOS[idx];
                // Hotspot 1: Stortorget draws more of its scenarios in the last six weeks.
                let mut place_name = *rng.pick(s.places);
                if date >= hot_from && s.places.contains(&"Stortorget") && rng.unit() < 0.45 {
                    place_name = "Stortorget";
                }
                // Hotspot 2: Norrby centrum draws vandalism and fires all along.
                if s.places.contains(&"Norrby centrum") && rng.unit() < 0.3 {
                    place_name = "Norrby centrum";
                }
                let unplaced = rng.unit() < 0.04;
                let partner_name = *rng.pick(s.partners);
                let hour = s.hours.0 + rng.below((s.hours.1 - s.hours.0 + 1) as usize) as u32;
                let time = (rng.unit() < 0.85)
                    .then(|| NaiveTime::from_hms_opt(hour, 5 * rng.below(12) as u32, 0))
                    .flatten();
                let count = if rng.unit() < 0.15 {
                    2 + rng.below(3) as u32
                } else {
                    1
                };
                let assessment = ["Låg", "Medel", "Medel", "Hög"][rng.below(4)];
                let (place_id, source_place) = if unplaced {
                    (None, rng.pick(LOOSE_PLACES).to_string())
                } else {
                    (Some(id_of(&place_ids, place_name)), place_name.to_string())
                };
                insert_record(
                    tx,
                    &ReportRecord {
                        date,
                        time,
                        place_id,
                        category_id: id_of(&category_ids, s.category),
                        partner_id: id_of(&partner_ids, partner_name),
                        count,
                        assessment: Some(assessment.to_string()),
                        text: rng.pick(s.texts).to_string(),
                        source_place: Some(source_place),
                        source_category: Some(s.category.to_string()),
                        import_batch_id: None,
                        external_id: None,
                    },
                )?;
                reports += 1;
            }
        }
        if crate::db::setting::get_setting(tx, crate::db::setting::MUNICIPALITY)?.is_none() {
            crate::db::setting::set_setting(tx, crate::db::setting::MUNICIPALITY, MUNICIPALITY)?;
        }
        Ok(DemoSummary {
            areas: 3,
            places: PLACES.len() as u32,
            partners: PARTNERS.len() as u32,
            reports,
            from: start,
            to: end,
        })
    })
}

/// The default end of the demo period: the Sunday that ended the last complete ISO
/// week before `today`, so the demo covers whole weeks and nothing in the future.
pub fn default_end(today: NaiveDate) -> NaiveDate {
    today - Duration::days(i64::from(today.weekday().num_days_from_monday()) + 1)
}

/// The rest of the EST cycle for the demo municipality, so every screen and pack has
/// something on it: insatser (one with its follow-up overdue, one finished with its
/// effect), both meeting series with past meetings and decisions, a citizen promise, a
/// safety walk with points in several states, partners' rhythms and one partner gone
/// quiet. Dates are counted back from `end`.
pub fn load_cycle(store: &mut Store, end: NaiveDate) -> Result<()> {
    use crate::db::insats::{self, Effect, InsatsKind, InsatsStatus, NewInsats, Term};
    use crate::db::meeting::{self, NewMeeting};
    use crate::db::promise::{self, NewPromise};
    use crate::db::walk::{self, NewPoint, NewWalk, PointStatus};
    let day = |back: i64| (end - Duration::days(back)).to_string();
    store.write(|tx| {
        let norrby = insats::insert_insats(
            tx,
            &NewInsats {
                title: "Belysning och väktare vid Norrby centrum".into(),
                kind: Some(InsatsKind::Situational),
                term: Some(Term::Short),
                places: vec!["Norrby centrum".into()],
                category: Some("Skadegörelse".into()),
                cause: "Mörka entréer och folk som samlas sent på kvällen".into(),
                partners: vec!["Bostadsbolaget Hemvist".into(), "Polisen".into()],
                contact: "Bostadsbolagets trygghetsvärd".into(),
                start: day(35),
                follow_up: Some(day(7)),
                status: Some(InsatsStatus::Ongoing),
                decided_in: "Operativ grupp".into(),
                ..Default::default()
            },
        )?;
        let stortorget = insats::insert_insats(
            tx,
            &NewInsats {
                title: "Nattvandring kring Stortorget".into(),
                kind: Some(InsatsKind::Social),
                term: Some(Term::Short),
                places: vec!["Stortorget".into()],
                category: Some("Ungdomar i grupp".into()),
                cause: "Ungdomar utan annan plats att vara på fredagskvällar".into(),
                partners: vec!["Fältgruppen".into()],
                start: day(20),
                follow_up: Some(day(-14)),
                status: Some(InsatsStatus::Ongoing),
                ..Default::default()
            },
        )?;
        insats::insert_follow_up(tx, stortorget, &day(6), "Lugnare på fredagarna enligt fältgruppen", Effect::SomewhatBetter)?;
        let soderasen = insats::insert_insats(
            tx,
            &NewInsats {
                title: "Klotterborttagning inom ett dygn i Söderåsen".into(),
                kind: Some(InsatsKind::Situational),
                term: Some(Term::Long),
                area: Some("Söderåsen".into()),
                category: Some("Klotter".into()),
                partners: vec!["Bostadsbolaget Hemvist".into()],
                start: day(84),
                end: Some(day(28)),
                status: Some(InsatsStatus::Done),
                ..Default::default()
            },
        )?;
        insats::insert_follow_up(tx, soderasen, &day(27), "Nytt klotter sanerat inom ett dygn i nio fall av tio", Effect::ClearlyBetter)?;

        let attendees: Vec<String> = ["Polisen", "Socialtjänsten", "Fältgruppen", "Bostadsbolaget Hemvist"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let first = meeting::insert_meeting(
            tx,
            &NewMeeting {
                series: "Operativ grupp".into(),
                date: day(37),
                agenda: "Lägesbilden sedan sist\nNorrby centrum".into(),
                notes: "Skadegörelsen vid Norrby centrum ökar.".into(),
                attendees: attendees.clone(),
            },
        )?;
        meeting::insert_decision(tx, first, "Belysning och väktare vid Norrby centrum", Some(norrby))?;
        let second = meeting::insert_meeting(
            tx,
            &NewMeeting {
                series: "Operativ grupp".into(),
                date: day(23),
                agenda: "Lägesbilden sedan sist\nStortorget fredagskvällar".into(),
                notes: String::new(),
                attendees,
            },
        )?;
        meeting::insert_decision(tx, second, "Fältgruppen nattvandrar kring Stortorget", Some(stortorget))?;
        meeting::insert_meeting(
            tx,
            &NewMeeting {
                series: "Strategisk grupp".into(),
                date: day(50),
                agenda: "Läget per område\nBeslut: medborgarlöfte för Norrby centrum".into(),
                notes: String::new(),
                attendees: vec!["Polisen".into(), "Socialtjänsten".into()],
            },
        )?;

        let promise_id = promise::insert_promise(
            tx,
            &NewPromise {
                title: "Tryggare Norrby centrum".into(),
                from: day(45),
                parties: "Ekbacka kommun, Polisen, Bostadsbolaget Hemvist".into(),
                areas: "Norrby".into(),
                problems: "Skadegörelse och bränder kring centrum sena kvällar".into(),
                summary: "Vi lovar att lysa upp centrum, vara på plats oftare kvällstid och laga skador inom en vecka.".into(),
                ..Default::default()
            },
        )?;
        promise::insert_commitment(tx, promise_id, "Bostadsbolaget Hemvist", "Bättre belysning vid entréerna", Some(norrby))?;
        promise::insert_commitment(tx, promise_id, "Polisen", "Synas i centrum fredag och lördag kväll", None)?;

        let walk_id = walk::insert_walk(
            tx,
            &NewWalk {
                date: day(40),
                area: Some("Norrby".into()),
                route: "Från Norrby centrum förbi skolan till busshållplatsen".into(),
                participants: "Boende, Polisen, Bostadsbolaget, fritidsgården".into(),
            },
        )?;
        let dark = walk::insert_point(
            tx,
            walk_id,
            &NewPoint {
                place: "Norrby centrum".into(),
                problem: "Mörkt vid entrén mot parkeringen".into(),
                category: Some("Brister i fysisk miljö".into()),
                proposed_action: "Ny belysning".into(),
                owner: Some("Bostadsbolaget Hemvist".into()),
                ..Default::default()
            },
            None,
        )?;
        walk::link_insats(tx, dark, norrby)?;
        walk::update_point_status(tx, dark, PointStatus::Fixed)?;
        walk::insert_point(
            tx,
            walk_id,
            &NewPoint {
                place: "gångtunneln vid skolan".into(),
                problem: "Klotter och glas på marken".into(),
                category: Some("Klotter".into()),
                proposed_action: "Sanering och fler papperskorgar".into(),
                ..Default::default()
            },
            None,
        )?;
        let bushes = walk::insert_point(
            tx,
            walk_id,
            &NewPoint {
                place: "busshållplatsen".into(),
                problem: "Buskar skymmer sikten".into(),
                proposed_action: "Klippa buskarna".into(),
                ..Default::default()
            },
            None,
        )?;
        walk::update_point_status(tx, bushes, PointStatus::NoAction)?;

        // Every partner reports weekly; the school, added later, has gone quiet.
        for name in PARTNERS {
            partner::update_rhythm(tx, name, Some(7))?;
        }
        if named::find_id(tx, Kind::Partner, "Norrbyskolan")?.is_none() {
            partner::insert_partner(tx, "Norrbyskolan")?;
        }
        partner::update_rhythm(tx, "Norrbyskolan", Some(14))?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_end_is_a_sunday() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 18).unwrap();
        assert_eq!(
            default_end(d),
            NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()
        );
        let sunday = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            default_end(sunday),
            NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()
        );
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(default_end(monday), sunday);
    }

    #[test]
    fn every_scenario_names_known_partners_and_places() {
        for s in SCENARIOS {
            for p in s.partners {
                assert!(PARTNERS.contains(p), "{p}");
            }
            for pl in s.places {
                assert!(PLACES.iter().any(|(_, n, _)| n == pl), "{pl}");
            }
        }
    }
}
