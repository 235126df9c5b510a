//! The register: areas, places and their other names, partners, categories, and the
//! queue of place texts that matched no place.

use clap::Subcommand;
use navet::Store;
use navet::db::place::NewPlace;
use navet::ops;

use crate::output::{JsonFlag, print_list};
use crate::words as cli;

#[derive(Subcommand)]
pub enum AreaCmd {
    /// Add an area.
    Add { name: String },
    /// List areas with their number of places.
    List(JsonFlag),
}

#[derive(Subcommand)]
pub enum PlaceCmd {
    /// Add a place; the area is created if it does not exist.
    Add {
        name: String,
        #[arg(long)]
        area: Option<String>,
        /// Another spelling partners use; repeat for more.
        #[arg(long = "alias", value_name = "ALIAS")]
        aliases: Vec<String>,
        /// Latitude in decimal degrees (WGS 84), with --lon.
        #[arg(long, requires = "lon", allow_hyphen_values = true)]
        lat: Option<f64>,
        /// Longitude in decimal degrees (WGS 84), with --lat.
        #[arg(long, requires = "lat", allow_hyphen_values = true)]
        lon: Option<f64>,
    },
    /// Add an alias to a place (by its name or another alias).
    Alias { place: String, alias: String },
    /// List places with area and aliases.
    List(JsonFlag),
}

#[derive(Subcommand)]
pub enum PartnerCmd {
    /// Add a partner.
    Add { name: String },
    /// List partners with their number of reports.
    List(JsonFlag),
}

#[derive(Subcommand)]
pub enum CategoryCmd {
    /// List categories in their order.
    List(JsonFlag),
    /// Add a category at the end of the list.
    Add { name: String },
    /// Rename a category; its reports follow.
    Rename { name: String, new_name: String },
    /// Stop offering a category for new reports (its history stays).
    Retire { name: String },
    /// Offer a retired category again.
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
                vec![a.name.clone(), a.places.to_string()]
            })?;
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
                ]
            })?;
        }
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
                vec![p.name.clone(), p.reports.to_string()]
            })?;
        }
    }
    Ok(())
}

pub fn category(store: &mut Store, cmd: CategoryCmd) -> navet::Result<()> {
    match cmd {
        CategoryCmd::List(f) => {
            let categories = ops::categories::list(store)?;
            print_list(f.json, &categories, cli::headers::CATEGORIES, |c| {
                vec![
                    c.name.clone(),
                    if c.active { cli::YES } else { cli::NO }.to_string(),
                ]
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
    /// Place texts from imports that matched no place; resolve with `navet place alias`.
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
