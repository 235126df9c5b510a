//! The EST cycle after the picture: insatser and their follow-ups, meetings and their
//! decisions, the operative meeting pack.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use navet::db::insats::{Effect, InsatsKind, InsatsStatus, NewInsats, Term, parse_word};
use navet::db::meeting::NewMeeting;
use navet::messages::field;
use navet::ops::meetings::DecisionEffect;
use navet::{Store, ops};

use crate::output::{print_json, print_list};
use crate::words as cli;

const KINDS: &str = "situationell eller social";
const TERMS: &str = "kort eller lång";
const STATUSES: &str = "planerad, pågående, genomförd eller avbruten";
const EFFECTS: &str =
    "tydlig förbättring, viss förbättring, ingen förändring, försämring eller kan inte bedömas";

/// The problem and plan of an insats, shared by `insats add` and `meeting decide`.
#[derive(Args, Default)]
pub struct InsatsArgs {
    /// Situationell eller social.
    #[arg(long)]
    kind: Option<String>,
    /// Kort eller lång sikt.
    #[arg(long)]
    term: Option<String>,
    /// Området problemet finns i.
    #[arg(long)]
    area: Option<String>,
    /// En plats (upprepa för fler).
    #[arg(long = "place", value_name = "PLATS")]
    places: Vec<String>,
    /// Kategorin problemet gäller.
    #[arg(long)]
    category: Option<String>,
    /// Orsaken insatsen arbetar med.
    #[arg(long, default_value = "")]
    cause: String,
    /// En ansvarig aktör (upprepa för fler).
    #[arg(long = "partner", value_name = "AKTÖR")]
    partners: Vec<String>,
    /// Kontaktperson.
    #[arg(long, default_value = "")]
    contact: String,
    /// Beskrivning.
    #[arg(long, default_value = "")]
    description: String,
    /// Startdag (ÅÅÅÅ-MM-DD); för ett beslut annars mötets dag.
    #[arg(long)]
    start: Option<String>,
    /// Slutdag (ÅÅÅÅ-MM-DD).
    #[arg(long)]
    end: Option<String>,
    /// När den ska följas upp (ÅÅÅÅ-MM-DD).
    #[arg(long)]
    follow_up: Option<String>,
    /// Var den beslutades, i ord ("Lägesbild vecka 47 2026").
    #[arg(long, default_value = "")]
    decided_in: String,
}

impl InsatsArgs {
    fn new_insats(self, title: String, default_start: Option<&str>) -> navet::Result<NewInsats> {
        Ok(NewInsats {
            title,
            description: self.description,
            kind: self
                .kind
                .map(|k| parse_word::<InsatsKind>(field::KIND, &k, KINDS))
                .transpose()?,
            term: self
                .term
                .map(|t| parse_word::<Term>(field::TERM, &t, TERMS))
                .transpose()?,
            area: self.area,
            places: self.places,
            category: self.category,
            cause: self.cause,
            partners: self.partners,
            contact: self.contact,
            start: self
                .start
                .or(default_start.map(str::to_string))
                .unwrap_or_default(),
            end: self.end,
            follow_up: self.follow_up,
            status: None,
            decided_in: self.decided_in,
            meeting: None,
        })
    }
}

// Parsed once per run: the size of a variant costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
pub enum InsatsCmd {
    /// Lägg till en insats mot ett problem (område eller platser och kategori).
    Add {
        /// Rubriken.
        #[arg(long)]
        title: String,
        #[command(flatten)]
        details: InsatsArgs,
    },
    /// Lista insatser (med --due bara de vars uppföljning har passerat).
    List {
        #[arg(long)]
        due: bool,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// En insats med uppföljningar och antal före och efter starten.
    Show {
        id: i64,
        /// Veckor före och efter starten som jämförs.
        #[arg(long, default_value_t = 8)]
        weeks: u32,
        /// Skriv JSON (stabil, camelCase).
        #[arg(long)]
        json: bool,
    },
    /// Ändra en insats i efterhand: rubrik, problem, ansvariga, datum. En flagga som
    /// inte anges behåller sitt värde; uppföljningarna och beslutet finns kvar.
    Edit {
        id: i64,
        /// Ny rubrik.
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        details: InsatsArgs,
    },
    /// Ändra status: planerad, pågående, genomförd eller avbruten.
    Status { id: i64, status: String },
    /// Ändra status och/eller nästa uppföljningsdag.
    Update {
        id: i64,
        /// planerad, pågående, genomförd eller avbruten.
        #[arg(long)]
        status: Option<String>,
        /// Nästa uppföljning (ÅÅÅÅ-MM-DD).
        #[arg(long)]
        follow_up: Option<String>,
    },
    /// Anteckna en uppföljning.
    FollowUp {
        id: i64,
        /// Dagen (ÅÅÅÅ-MM-DD).
        #[arg(long)]
        date: String,
        /// Effekten: tydlig förbättring, viss förbättring, ingen förändring, försämring
        /// eller kan inte bedömas.
        #[arg(long)]
        effect: String,
        #[arg(long, default_value = "")]
        text: String,
        /// Nästa uppföljning (ÅÅÅÅ-MM-DD); utan: ingen fler planerad.
        #[arg(long)]
        next: Option<String>,
    },
}

#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
pub enum MeetingCmd {
    /// Mötesserierna och deras intervall.
    Series {
        #[arg(long)]
        json: bool,
    },
    /// Anteckna ett möte.
    Add {
        /// Mötesserien ("Operativ grupp").
        #[arg(long)]
        series: String,
        #[arg(long)]
        date: String,
        #[arg(long, default_value = "")]
        agenda: String,
        #[arg(long, default_value = "")]
        notes: String,
        /// En aktör som deltog (upprepa för fler).
        #[arg(long = "attendee", value_name = "AKTÖR")]
        attendees: Vec<String>,
    },
    /// Lista möten med beslut.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Anteckna ett beslut; det kan skapa en insats (--create) eller ändra en (--insats
    /// och --status).
    Decide {
        /// Mötets nummer.
        id: i64,
        #[arg(long)]
        text: String,
        /// Rubriken på en ny insats som beslutet skapar.
        #[arg(long)]
        create: Option<String>,
        #[command(flatten)]
        details: InsatsArgs,
        /// En befintlig insats som beslutet ändrar.
        #[arg(long, requires = "status")]
        insats: Option<i64>,
        /// Den ändrade insatsens nya status.
        #[arg(long, requires = "insats")]
        status: Option<String>,
    },
    /// Nästa möte i varje serie.
    Next,
    /// Mötesunderlaget (PDF) för ett möte; utan nummer: för nästa möte i den operativa
    /// gruppen.
    Pack {
        id: Option<i64>,
        #[arg(long)]
        out: PathBuf,
        /// Vem underlaget är till (upprepa för fler); står på försättsbladet och i
        /// exportloggen.
        #[arg(long = "to", visible_alias = "recipient", value_name = "MOTTAGARE")]
        to: Vec<String>,
        /// Skriv underlaget som arkivbeständig PDF/A-2b (för diariet).
        #[arg(long)]
        pdfa: bool,
    },
}

pub fn insats(store: &mut Store, cmd: InsatsCmd) -> navet::Result<()> {
    match cmd {
        InsatsCmd::Add { title, details } => {
            let i = ops::insatser::add(store, &details.new_insats(title, None)?)?;
            println!("{}", cli::insats_added(i.id, &i.title));
        }
        InsatsCmd::List { due, json } => {
            let list = if due {
                ops::insatser::due(store, navet::time::today())?
            } else {
                ops::insatser::list(store)?
            };
            print_list(json, &list, cli::headers::INSATSER, |i| {
                vec![
                    i.id.to_string(),
                    i.title.clone(),
                    if i.places.is_empty() {
                        i.area.clone().unwrap_or_default()
                    } else {
                        i.places.join(", ")
                    },
                    i.category.clone().unwrap_or_default(),
                    cli::word(&i.status),
                    i.follow_up.clone().unwrap_or_default(),
                ]
            })?;
        }
        InsatsCmd::Show { id, weeks, json } => {
            let i = ops::insatser::get(store, id)?;
            let e = ops::insatser::effect(store, id, weeks, navet::time::today())?;
            if json {
                print_json(&serde_json::json!({ "insats": i, "effect": e }))?;
            } else {
                println!("{}", cli::insats_show(&i, &e));
            }
        }
        InsatsCmd::Edit { id, title, details } => {
            let current = ops::insatser::get(store, id)?;
            let mut n = NewInsats::from(&current);
            let given = details.new_insats(title.unwrap_or_default(), None)?;
            let text = |new: String, old: String| if new.is_empty() { old } else { new };
            n.title = text(given.title, n.title);
            n.description = text(given.description, n.description);
            n.cause = text(given.cause, n.cause);
            n.contact = text(given.contact, n.contact);
            n.decided_in = text(given.decided_in, n.decided_in);
            n.start = text(given.start, n.start);
            n.kind = given.kind.or(n.kind);
            n.term = given.term.or(n.term);
            n.area = given.area.or(n.area);
            n.category = given.category.or(n.category);
            n.end = given.end.or(n.end);
            n.follow_up = given.follow_up.or(n.follow_up);
            if !given.places.is_empty() {
                n.places = given.places;
            }
            if !given.partners.is_empty() {
                n.partners = given.partners;
            }
            let i = ops::insatser::edit(store, id, &n)?;
            println!("{}", cli::insats_edited(i.id, &i.title));
        }
        InsatsCmd::Status { id, status } => {
            let status = parse_word::<InsatsStatus>(field::STATUS, &status, STATUSES)?;
            let i = ops::insatser::set_status(store, id, status)?;
            println!("{}", cli::insats_status(i.id, &cli::word(&i.status)));
        }
        InsatsCmd::Update {
            id,
            status,
            follow_up,
        } => {
            if let Some(status) = status {
                let status = parse_word::<InsatsStatus>(field::STATUS, &status, STATUSES)?;
                ops::insatser::set_status(store, id, status)?;
            }
            if let Some(date) = follow_up {
                ops::insatser::set_follow_up_date(store, id, Some(&date))?;
            }
            let i = ops::insatser::get(store, id)?;
            println!("{}", cli::insats_status(i.id, &cli::word(&i.status)));
        }
        InsatsCmd::FollowUp {
            id,
            date,
            effect,
            text,
            next,
        } => {
            let effect = parse_word::<Effect>(field::EFFECT, &effect, EFFECTS)?;
            ops::insatser::follow_up(store, id, &date, &text, effect, next.as_deref())?;
            println!("{}", cli::follow_up_added(id));
        }
    }
    Ok(())
}

pub fn meeting(store: &mut Store, cmd: MeetingCmd) -> navet::Result<()> {
    match cmd {
        MeetingCmd::Series { json } => {
            let list = ops::meetings::series(store)?;
            print_list(json, &list, cli::headers::SERIES, |s| {
                vec![
                    s.name.clone(),
                    cli::word(&s.kind),
                    s.interval_days.to_string(),
                    s.last.clone().unwrap_or_default(),
                ]
            })?;
        }
        MeetingCmd::Add {
            series,
            date,
            agenda,
            notes,
            attendees,
        } => {
            let m = ops::meetings::add(
                store,
                &NewMeeting {
                    series,
                    date,
                    agenda,
                    notes,
                    attendees,
                },
            )?;
            println!("{}", cli::meeting_added(m.id, &m.series, &m.date));
        }
        MeetingCmd::List { json } => {
            let list = ops::meetings::list(store)?;
            print_list(json, &list, cli::headers::MEETINGS, |m| {
                vec![
                    m.id.to_string(),
                    m.date.clone(),
                    m.series.clone(),
                    m.attendees.join(", "),
                    m.decisions
                        .iter()
                        .map(|d| d.text.clone())
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            })?;
        }
        MeetingCmd::Decide {
            id,
            text,
            create,
            details,
            insats,
            status,
        } => {
            let m = ops::meetings::get(store, id)?;
            let new_insats = create
                .map(|title| details.new_insats(title, Some(&m.date)))
                .transpose()?;
            let change = match (insats, status) {
                (Some(i), Some(s)) => {
                    Some((i, parse_word::<InsatsStatus>(field::STATUS, &s, STATUSES)?))
                }
                _ => None,
            };
            let m = ops::meetings::decide(store, id, &text, DecisionEffect { new_insats, change })?;
            let made = m.decisions.last().and_then(|d| d.insats);
            println!("{}", cli::decision_added(m.id, made));
        }
        MeetingCmd::Next => {
            for n in ops::meetings::next(store, navet::time::today())? {
                println!(
                    "{}",
                    cli::next_meeting(&n.series, n.date.as_deref(), n.overdue)
                );
            }
        }
        MeetingCmd::Pack { id, out, to, pdfa } => {
            match id {
                Some(id) => ops::meetings::pack_as(store, id, &out, &to, pdfa)?,
                None => {
                    ops::meetings::pack_next(store, navet::time::today(), &out)?;
                }
            }
            println!("{}", cli::pack_written(&out.display().to_string()));
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum WalkCmd {
    /// Anteckna en trygghetsvandring.
    Add {
        #[arg(long)]
        date: String,
        #[arg(long)]
        area: Option<String>,
        #[arg(long, default_value = "")]
        route: String,
        #[arg(long, default_value = "")]
        participants: String,
    },
    /// En punkt på vandringen; --photo kopierar bilden till Navets datamapp.
    Point {
        /// Vandringens nummer.
        walk: i64,
        #[arg(long)]
        place: String,
        #[arg(long)]
        problem: String,
        #[arg(long)]
        category: Option<String>,
        #[arg(long, default_value = "")]
        action: String,
        #[arg(long)]
        owner: Option<String>,
        #[arg(long)]
        photo: Option<PathBuf>,
    },
    /// Gör en punkt till en rapport från en aktör.
    Report {
        point: i64,
        #[arg(long)]
        partner: String,
        #[arg(long)]
        category: Option<String>,
    },
    /// Gör en punkt till en insats.
    Insats {
        point: i64,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        start: String,
    },
    /// Ändra en punkts status: öppen, åtgärdad eller ingen åtgärd.
    Status { point: i64, status: String },
    /// Lista vandringar med punkter.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Protokollet (PDF): varje punkt och vad som hände.
    Protocol {
        walk: i64,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum PromiseCmd {
    /// Ett medborgarlöfte för en period (fyra månader om inget slut anges).
    Add {
        #[arg(long)]
        title: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: Option<String>,
        #[arg(long, default_value = "")]
        parties: String,
        #[arg(long, default_value = "")]
        areas: String,
        #[arg(long, default_value = "")]
        problems: String,
        #[arg(long, default_value = "")]
        summary: String,
    },
    /// Ett åtagande i löftet, kopplat till en insats.
    Commit {
        promise: i64,
        #[arg(long, default_value = "")]
        party: String,
        #[arg(long)]
        text: String,
        #[arg(long)]
        insats: Option<i64>,
    },
    /// Uppföljningen i slutet av perioden: vad som blev gjort.
    FollowUp {
        promise: i64,
        #[arg(long)]
        text: String,
    },
    /// Lista löften.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Löftet i klarspråk för publicering: som text, eller som PDF med --out.
    Publish {
        promise: i64,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

pub fn walk(store: &mut Store, cmd: WalkCmd) -> navet::Result<()> {
    use navet::db::walk::{NewPoint, NewWalk, PointStatus};
    match cmd {
        WalkCmd::Add {
            date,
            area,
            route,
            participants,
        } => {
            let w = ops::walks::add(
                store,
                &NewWalk {
                    date,
                    area,
                    route,
                    participants,
                },
            )?;
            println!("{}", cli::walk_added(w.id, &w.date));
        }
        WalkCmd::Point {
            walk,
            place,
            problem,
            category,
            action,
            owner,
            photo,
        } => {
            let p = ops::walks::add_point(
                store,
                walk,
                &NewPoint {
                    place,
                    problem,
                    category,
                    proposed_action: action,
                    owner,
                    photo: photo.map(|p| p.display().to_string()),
                },
            )?;
            println!("{}", cli::point_added(p.id, walk));
        }
        WalkCmd::Report {
            point,
            partner,
            category,
        } => {
            let id = ops::walks::to_report(store, point, &partner, category.as_deref())?;
            println!("{}", cli::report_added(id));
        }
        WalkCmd::Insats {
            point,
            title,
            start,
        } => {
            let id = ops::walks::to_insats(store, point, title.as_deref(), &start)?;
            println!(
                "{}",
                cli::insats_added(id, &ops::insatser::get(store, id)?.title)
            );
        }
        WalkCmd::Status { point, status } => {
            let s = parse_word::<PointStatus>(
                field::STATUS,
                &status,
                "öppen, åtgärdad eller ingen åtgärd",
            )?;
            ops::walks::set_point_status(store, point, s)?;
            println!("{}", cli::point_status(point, &cli::word(&s)));
        }
        WalkCmd::List { json } => {
            let list = ops::walks::list(store)?;
            if json {
                print_json(&list)?;
            } else {
                for w in &list {
                    println!("{}", cli::walk_line(w));
                }
            }
        }
        WalkCmd::Protocol { walk, out } => {
            ops::walks::protocol(store, walk, &out)?;
            println!("{}", cli::file_written(&out.display().to_string()));
        }
    }
    Ok(())
}

pub fn promise(store: &mut Store, cmd: PromiseCmd) -> navet::Result<()> {
    use navet::db::promise::NewPromise;
    match cmd {
        PromiseCmd::Add {
            title,
            from,
            to,
            parties,
            areas,
            problems,
            summary,
        } => {
            let p = ops::promises::add(
                store,
                &NewPromise {
                    title,
                    from,
                    to,
                    parties,
                    areas,
                    problems,
                    summary,
                },
            )?;
            println!("{}", cli::promise_added(p.id, &p.from, &p.to));
        }
        PromiseCmd::Commit {
            promise,
            party,
            text,
            insats,
        } => {
            ops::promises::commit(store, promise, &party, &text, insats)?;
            println!("{}", cli::commitment_added(promise));
        }
        PromiseCmd::FollowUp { promise, text } => {
            ops::promises::follow_up(store, promise, &text)?;
            println!("{}", cli::promise_followed_up(promise));
        }
        PromiseCmd::List { json } => {
            let list = ops::promises::list(store)?;
            print_list(json, &list, cli::headers::PROMISES, |p| {
                vec![
                    p.id.to_string(),
                    p.title.clone(),
                    format!("{} – {}", p.from, p.to),
                    p.status.clone(),
                    p.commitments.len().to_string(),
                ]
            })?;
        }
        PromiseCmd::Publish { promise, out } => match out {
            Some(path) => {
                ops::promises::pdf(store, promise, &path)?;
                println!("{}", cli::file_written(&path.display().to_string()));
            }
            None => print!("{}", ops::promises::text(store, promise)?),
        },
    }
    Ok(())
}
