//! The plan: how an inspected file will be read and stored, decided from the file, the
//! options and a [`Context`] read from the store once. Nothing here touches the store,
//! so a mapping change in the preview re-plans in memory.

use std::collections::HashMap;

use super::dates::DayOrder;
use super::dates::{YearRule, YearSource};
use super::mapping::{self, Field, Mapping};
use super::{ImportOptions, Inspection, sniff_dates};
use crate::Store;
use crate::db::import_profile::{self, Profile};
use crate::db::named;
use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Kind, Message, Refusal, field};
use crate::names;

/// The partner police events come from when no partner is named.
const POLICE: &str = "Polisen";

/// What the plan needs from the store, read once.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Every partner as (id, name).
    partners: Vec<(Id, String)>,
    /// The profile the options name, if any.
    named_profile: Option<Profile>,
    /// Every profile for the file's shape, most recently used first.
    shape_profiles: Vec<Profile>,
    /// Every category name.
    categories: Vec<String>,
    /// How many reports the store holds (a big file into a smaller table loads in bulk).
    pub existing_reports: i64,
    /// The day of the import: the last resort for a date written without a year.
    pub today: chrono::NaiveDate,
}

impl Context {
    pub fn read(store: &Store, inspection: &Inspection, opts: &ImportOptions) -> Result<Context> {
        let conn = store.conn();
        let signature = mapping::signature(&inspection.header);
        Ok(Context {
            partners: named::id_names(conn, Kind::Partner)?.into_iter().collect(),
            named_profile: match &opts.profile {
                Some(name) => import_profile::find_profile_by_name(conn, name)?,
                None => None,
            },
            shape_profiles: import_profile::list_profiles_by_signature(conn, &signature)?,
            categories: named::list_names(conn, Kind::Category)?,
            existing_reports: crate::db::report::count_reports(conn)?,
            today: crate::time::today(),
        })
    }

    fn partner_id(&self, name: &str) -> Option<Id> {
        let key = names::key(name);
        self.partners
            .iter()
            .find(|(_, n)| names::key(n) == key)
            .map(|(id, _)| *id)
    }
}

/// How the file will be read and stored.
#[derive(Debug, Clone)]
pub struct Plan {
    pub map: Mapping,
    pub day_order: DayOrder,
    /// Where a date written without a year gets its year.
    pub year: YearRule,
    /// The partner named (or the police for police events), if any.
    pub partner_name: Option<String>,
    /// Its id, when it exists (the police are added by the load if missing).
    pub partner_id: Option<Id>,
    pub profile: Option<Profile>,
    /// Partner label key → category name.
    pub overrides: HashMap<String, String>,
    pub signature: String,
}

/// Decides the plan; fails with the same Swedish refusals the import always gave.
pub fn plan(inspection: &Inspection, ctx: &Context, opts: &ImportOptions) -> Result<Plan> {
    let header = &inspection.header;
    let file = inspection.src.file_name.clone();
    let police_shape = inspection.police_shape;
    let signature = mapping::signature(header);

    // Partner: named, or the police for police events, or a column.
    let partner_name = match (&opts.partner, police_shape) {
        (Some(p), _) => Some(p.clone()),
        (None, true) => Some(POLICE.to_string()),
        _ => None,
    };
    let partner_id = match &partner_name {
        Some(p) => match ctx.partner_id(p) {
            Some(id) => Some(id),
            None if police_shape => None,
            None if names::key(p).is_empty() => {
                return Err(Message::Required {
                    field: field::PARTNER.into(),
                }
                .into());
            }
            None => {
                let known: Vec<String> = ctx.partners.iter().map(|(_, n)| n.clone()).collect();
                return Err(named::unknown(Kind::Partner, field::PARTNER, p, &known));
            }
        },
        None => None,
    };

    // Profile: named, else the last one this partner used for this shape.
    let profile = match (&opts.profile, partner_id) {
        (Some(_), _) => ctx.named_profile.clone(),
        (None, Some(pid)) => ctx
            .shape_profiles
            .iter()
            .find(|p| p.partner_id == Some(pid))
            .cloned(),
        _ => None,
    };

    let mut map = if opts.replace_mapping {
        Mapping::default()
    } else {
        Mapping::suggest(header)
    };
    if let Some(p) = profile.as_ref().filter(|_| !opts.replace_mapping) {
        for (h, f) in &p.settings.columns {
            if let Some(i) = header.iter().position(|x| names::key(x) == *h) {
                map.set(i, *f);
            }
        }
    }
    for (h, f) in &opts.columns {
        let col = header
            .iter()
            .position(|x| names::key(x) == names::key(h))
            .or_else(|| {
                h.trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
            });
        match col {
            Some(i) if i < header.len() => map.set(i, *f),
            _ => {
                return Err(Message::ImportRefused {
                    file,
                    reason: Refusal::NoSuchColumn {
                        column: h.clone(),
                        header: header.clone(),
                    },
                }
                .into());
            }
        }
    }
    for (needed, present) in [
        (
            Field::Date,
            map.column(Field::Date).or(map.column(Field::DateTime)),
        ),
        (Field::Category, map.column(Field::Category)),
    ] {
        if present.is_none() {
            return Err(Message::ImportMissingField {
                file,
                field: needed.sv().into(),
                header: header.clone(),
            }
            .into());
        }
    }
    if partner_id.is_none() && map.column(Field::Partner).is_none() && !police_shape {
        return Err(Message::ImportNeedsPartner { file }.into());
    }

    // Day order: asked for, remembered, or proven by the file's own dates. A date
    // without a year takes the year nearest the file's other dates, else its title's,
    // else the import day's.
    let sniffed = sniff_dates(&inspection.src, &map, inspection.header_idx)?;
    let day_order = match (opts.day_order, &profile) {
        (Some(o), _) => o,
        (None, Some(p)) if p.settings.day_order != DayOrder::DayMonth => p.settings.day_order,
        _ => sniffed.order,
    };
    let year = match (sniffed.latest, sniffed.title) {
        (Some(reference), _) => YearRule {
            source: YearSource::FileDates,
            reference,
        },
        (None, Some(reference)) => YearRule {
            source: YearSource::Title,
            reference,
        },
        (None, None) => YearRule {
            source: YearSource::ImportDate,
            reference: ctx.today,
        },
    };

    let mut overrides: HashMap<String, String> = profile
        .as_ref()
        .map(|p| p.settings.categories.clone().into_iter().collect())
        .unwrap_or_default();
    for (label, cat) in &opts.categories {
        if names::key(cat).is_empty() {
            return Err(Message::Required {
                field: field::CATEGORY.into(),
            }
            .into());
        }
        if !ctx
            .categories
            .iter()
            .any(|c| names::key(c) == names::key(cat))
        {
            return Err(named::unknown(
                Kind::Category,
                field::CATEGORY,
                cat,
                &ctx.categories,
            ));
        }
        overrides.insert(names::key(label), cat.clone());
    }

    Ok(Plan {
        map,
        day_order,
        year,
        partner_name,
        partner_id,
        profile,
        overrides,
        signature,
    })
}
