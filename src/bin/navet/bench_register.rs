//! `navet bench register`: the reports register on N reports (the demo's places,
//! partners and categories; short Swedish texts), through the same filter the app and
//! `report list` use: the first page, a partner and an area, a word search, a rare
//! word, a page deep into a sort by place. Each query's median of `runs`.

use std::path::PathBuf;
use std::time::Instant;

use serde::Serialize;

use navet::db::report::{Inserter, ReportFilter, ReportRow, ReportSort};
use navet::error::{Error, Result};

const WORDS: &[&str] = &[
    "klotter",
    "krossad",
    "ruta",
    "brand",
    "container",
    "ungdomar",
    "stök",
    "gården",
    "trappuppgång",
    "cykel",
    "stöld",
    "hot",
    "nedskräpning",
    "källare",
    "lampa",
    "dörr",
    "busshållplats",
    "skolgården",
    "parkering",
    "tvättstuga",
];

/// One query's name and median time.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Query {
    pub name: String,
    pub median_ms: f64,
    pub max_ms: f64,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegisterBench {
    pub reports: u64,
    pub runs: u32,
    pub queries: Vec<Query>,
}

pub fn register(reports: u64, runs: u32, dir: Option<PathBuf>) -> Result<RegisterBench> {
    let keep = dir.is_some();
    let dir = dir.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("navet-bench-reg-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let mut store = crate::bench::fresh_demo_store(&dir.join("register.sqlite"))?;
    store.write(|tx| {
        let mut inserter = Inserter::new(tx)?;
        let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
        for i in 1..=reports as i64 {
            let date = (start + chrono::Days::new((i % 1060) as u64))
                .format("%Y-%m-%d")
                .to_string();
            let w = |k: i64| WORDS[((i * k) % WORDS.len() as i64) as usize];
            // One report in 5,000 names a rare word.
            let rare = if i % 5000 == 0 { " glasmästeri" } else { "" };
            let text = format!("{} {} vid {}{rare}", w(7), w(13), w(3));
            inserter.insert(&ReportRow {
                date: &date,
                time: Some("12:00"),
                place_id: (i % 29 != 0).then_some(1 + (i * 31) % 20),
                category_id: 1 + (i * 17) % 12,
                partner_id: 1 + (i * 7) % 6,
                count: 1,
                assessment: None,
                text: &text,
                source_place: None,
                source_category: None,
                import_batch_id: None,
                external_id: None,
                row_key: None,
                flagged: false,
            })?;
        }
        Ok(())
    })?;
    store.analyze()?;
    let area = navet::ops::places::areas(&store)?
        .first()
        .map(|a| a.name.clone());
    let partner = navet::ops::partners::list(&store)?
        .first()
        .map(|p| p.name.clone());
    let page = |f: ReportFilter| ReportFilter {
        limit: Some(100),
        ..f
    };
    let queries: Vec<(&str, ReportFilter)> = vec![
        ("första sidan", page(ReportFilter::default())),
        (
            "aktör och område",
            page(ReportFilter {
                partner: partner.clone(),
                area,
                ..Default::default()
            }),
        ),
        (
            "sökord (vanligt)",
            page(ReportFilter {
                search: Some("klotter".into()),
                ..Default::default()
            }),
        ),
        (
            "sökord (ovanligt)",
            page(ReportFilter {
                search: Some("glasmäst".into()),
                ..Default::default()
            }),
        ),
        (
            "sökord och aktör",
            page(ReportFilter {
                search: Some("klotter".into()),
                partner,
                ..Default::default()
            }),
        ),
        (
            "sorterat på plats, mitten",
            page(ReportFilter {
                sort: Some(ReportSort::Place),
                offset: Some((reports / 2) as u32),
                ..Default::default()
            }),
        ),
    ];
    let mut out = Vec::new();
    for (name, filter) in queries {
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..runs.max(1) {
            let started = Instant::now();
            total = navet::ops::report::list(&store, &filter)?.total;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        out.push(Query {
            name: name.to_string(),
            median_ms: times[times.len() / 2],
            max_ms: times[times.len() - 1],
            total,
        });
    }
    drop(store);
    if !keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(RegisterBench {
        reports,
        runs: runs.max(1),
        queries: out,
    })
}
