//! The register: areas, places and their other names, partners, categories, and the
//! queue of place texts that matched no place.

use clap::Subcommand;
use navet::Store;
use navet::db::place::NewPlace;
use navet::messages::Kind;
use navet::ops;

use crate::output::{JsonFlag, print_list};
use crate::words as cli;

/// What every named list offers: rename, retire, restore.
#[derive(Subcommand)]
pub enum NameCmd {
    /// Byt namn; rapporterna följer med.
    Rename { name: String, new_name: String },
    /// Ta bort ur listorna man väljer från (historiken finns kvar).
    Retire { name: String },
    /// Ta tillbaka i listorna.
    Restore { name: String },
}

#[derive(Subcommand)]
pub enum AreaCmd {
    /// Lägg till ett område.
    Add { name: String },
    /// Lista områden med antal platser.
    List(JsonFlag),
    #[command(flatten)]
    Name(NameCmd),
}

#[derive(Subcommand)]
pub enum PlaceCmd {
    /// Lägg till en plats; området skapas om det inte finns.
    Add {
        /// Namnet.
        name: String,
        /// Bara det här området.
        #[arg(long)]
        area: Option<String>,
        /// Ett annat namn som aktörer använder; upprepa för fler.
        #[arg(long = "alias", value_name = "NAMN")]
        aliases: Vec<String>,
        /// Latitud i decimalgrader (WGS 84), med --lon.
        #[arg(long, requires = "lon", allow_hyphen_values = true)]
        lat: Option<f64>,
        /// Longitud i decimalgrader (WGS 84), med --lat.
        #[arg(long, requires = "lat", allow_hyphen_values = true)]
        lon: Option<f64>,
    },
    /// Ge en plats ett till namn (platsen anges med sitt namn eller ett annat av sina namn).
    Alias { place: String, alias: String },
    /// Lista platser med område och andra namn.
    List(JsonFlag),
    /// Flytta en plats till ett annat område (utan --area: till inget område).
    Move {
        place: String,
        #[arg(long)]
        area: Option<String>,
    },
    /// Slå ihop två platser: rapporterna och namnen hos den första flyttas till den andra.
    Merge { place: String, into: String },
    #[command(flatten)]
    Name(NameCmd),
}

#[derive(Subcommand)]
pub enum PartnerCmd {
    /// Lägg till en aktör.
    Add { name: String },
    /// Lista aktörer med antal rapporter.
    List(JsonFlag),
    /// Hur ofta aktören väntas rapportera: var N:e dag (0: ingen rytm).
    Rhythm { name: String, days: u32 },
    /// Aktören hade inga händelser att rapportera under perioden.
    Nothing {
        name: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
    },
    /// Aktörer som inte har rapporterat (eller meddelat inga händelser) enligt sin rytm.
    Late(JsonFlag),
    #[command(flatten)]
    Name(NameCmd),
}

#[derive(Subcommand)]
pub enum CategoryCmd {
    /// Lista kategorierna i sin ordning.
    List(JsonFlag),
    /// Lägg till en kategori sist i listan.
    Add { name: String },
    /// Byt namn på en kategori; dess rapporter följer med.
    Rename { name: String, new_name: String },
    /// Sluta erbjuda en kategori för nya rapporter (historiken finns kvar).
    Retire { name: String },
    /// Erbjud en pensionerad kategori igen.
    Restore { name: String },
}

pub fn area(store: &mut Store, cmd: AreaCmd) -> navet::Result<()> {
    match cmd {
        AreaCmd::Add { name } => {
            ops::places::add_area(store, &name)?;
            println!("{}", cli::area_added(name.trim()));
        }
        AreaCmd::List(f) => {
            let areas = ops::places::areas(store)?;
            print_list(f.json, &areas, cli::headers::AREAS, |a| {
                vec![a.name.clone(), a.places.to_string(), yes_no(a.active)]
            })?;
        }
        AreaCmd::Name(cmd) => names(store, Kind::Area, cmd)?,
    }
    Ok(())
}

fn yes_no(active: bool) -> String {
    if active { cli::YES } else { cli::NO }.to_string()
}

/// Rename, retire or restore a named thing of any kind.
fn names(store: &mut Store, kind: Kind, cmd: NameCmd) -> navet::Result<()> {
    match cmd {
        NameCmd::Rename { name, new_name } => {
            ops::register::rename(store, kind, &name, &new_name)?;
            println!("{}", cli::renamed(kind, name.trim(), new_name.trim()));
        }
        NameCmd::Retire { name } => {
            ops::register::set_active(store, kind, &name, false)?;
            println!("{}", cli::retired(kind, name.trim()));
        }
        NameCmd::Restore { name } => {
            ops::register::set_active(store, kind, &name, true)?;
            println!("{}", cli::restored(kind, name.trim()));
        }
    }
    Ok(())
}

pub fn place(store: &mut Store, cmd: PlaceCmd) -> navet::Result<()> {
    match cmd {
        PlaceCmd::Add {
            name,
            area,
            aliases,
            lat,
            lon,
        } => {
            let added = ops::places::add(
                store,
                &NewPlace {
                    name: name.clone(),
                    area: area.clone(),
                    aliases,
                    latitude: lat,
                    longitude: lon,
                },
            )?;
            if added.area_created {
                println!("{}", cli::area_created(area.unwrap_or_default().trim()));
            }
            println!("{}", cli::place_added(name.trim()));
        }
        PlaceCmd::Alias { place, alias } => {
            let placed = ops::places::add_alias(store, &place, &alias)?;
            println!("{}", cli::alias_added(alias.trim(), place.trim()));
            if placed > 0 {
                println!("{}", cli::alias_placed(placed));
            }
        }
        PlaceCmd::List(f) => {
            let places = ops::places::list(store)?;
            print_list(f.json, &places, cli::headers::PLACES, |p| {
                vec![
                    p.name.clone(),
                    p.area.clone().unwrap_or_default(),
                    p.aliases.join(", "),
                    yes_no(p.active),
                ]
            })?;
        }
        PlaceCmd::Move { place, area } => {
            ops::places::move_to_area(store, &place, area.as_deref())?;
            println!("{}", cli::place_moved(place.trim(), area.as_deref()));
        }
        PlaceCmd::Merge { place, into } => {
            let moved = ops::places::merge(store, &place, &into)?;
            println!("{}", cli::places_merged(place.trim(), into.trim(), moved));
        }
        PlaceCmd::Name(cmd) => names(store, Kind::Place, cmd)?,
    }
    Ok(())
}

pub fn partner(store: &mut Store, cmd: PartnerCmd) -> navet::Result<()> {
    match cmd {
        PartnerCmd::Add { name } => {
            ops::partners::add(store, &name)?;
            println!("{}", cli::partner_added(name.trim()));
        }
        PartnerCmd::List(f) => {
            let partners = ops::partners::list(store)?;
            print_list(f.json, &partners, cli::headers::PARTNERS, |p| {
                vec![p.name.clone(), p.reports.to_string(), yes_no(p.active)]
            })?;
        }
        PartnerCmd::Rhythm { name, days } => {
            ops::partners::set_rhythm(store, &name, (days > 0).then_some(days))?;
            println!("{}", cli::rhythm_set(name.trim(), days));
        }
        PartnerCmd::Nothing { name, from, to } => {
            ops::partners::report_nothing(store, &name, &from, &to)?;
            println!("{}", cli::nothing_reported(name.trim(), &from, &to));
        }
        PartnerCmd::Late(f) => {
            let late = ops::partners::late(store, navet::time::today())?;
            print_list(f.json, &late, cli::headers::LATE, |l| {
                vec![
                    l.partner.clone(),
                    l.rhythm_days.to_string(),
                    l.last_sent.clone().unwrap_or_else(|| "–".into()),
                    l.days_late.map_or_else(|| "–".into(), |d| d.to_string()),
                ]
            })?;
        }
        PartnerCmd::Name(cmd) => names(store, Kind::Partner, cmd)?,
    }
    Ok(())
}

pub fn category(store: &mut Store, cmd: CategoryCmd) -> navet::Result<()> {
    match cmd {
        CategoryCmd::List(f) => {
            let categories = ops::categories::list(store)?;
            print_list(f.json, &categories, cli::headers::CATEGORIES, |c| {
                vec![c.name.clone(), yes_no(c.active)]
            })?;
        }
        CategoryCmd::Add { name } => {
            ops::categories::add(store, &name)?;
            println!("{}", cli::category_added(name.trim()));
        }
        CategoryCmd::Rename { name, new_name } => {
            ops::categories::rename(store, &name, &new_name)?;
            println!("{}", cli::category_renamed(name.trim(), new_name.trim()));
        }
        CategoryCmd::Retire { name } => {
            ops::categories::set_active(store, &name, false)?;
            println!("{}", cli::category_retired(name.trim()));
        }
        CategoryCmd::Restore { name } => {
            ops::categories::set_active(store, &name, true)?;
            println!("{}", cli::category_restored(name.trim()));
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum PlacesCmd {
    /// Platstexter från importer som inte matchade någon plats; koppla med `navet place alias`.
    Unplaced(JsonFlag),
}

pub fn places(store: &Store, cmd: PlacesCmd) -> navet::Result<()> {
    let PlacesCmd::Unplaced(f) = cmd;
    let list = ops::places::unplaced(store)?;
    print_list(f.json, &list, cli::headers::UNPLACED, |u| {
        vec![u.text.clone(), u.rows.to_string(), u.suggestions.join(", ")]
    })?;
    Ok(())
}
