//! Places, areas and aliases: Swedish-aware, conflict-free names.

use navet::db::place::NewPlace;
use navet::ops;
use navet::{ErrorCode, Store};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path().join("n.sqlite")).unwrap();
    (dir, s)
}

fn place(name: &str, area: Option<&str>, aliases: &[&str]) -> NewPlace {
    NewPlace {
        name: name.into(),
        area: area.map(Into::into),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        ..Default::default()
    }
}

#[test]
fn adds_a_place_creating_its_area_once() {
    let (_d, mut s) = store();
    let a = ops::places::add(&mut s, &place("Östra torget", Some("Centrum"), &["Torget"])).unwrap();
    assert!(a.area_created);
    let b = ops::places::add(&mut s, &place("Resecentrum", Some("centrum"), &[])).unwrap();
    assert!(!b.area_created, "area names match case-insensitively");
    let places = ops::places::list(&s).unwrap();
    assert_eq!(places.len(), 2);
    assert!(places.iter().all(|p| p.area.as_deref() == Some("Centrum")));
    assert_eq!(ops::places::areas(&s).unwrap()[0].places, 2);
}

#[test]
fn names_and_aliases_share_one_namespace_with_swedish_case_folding() {
    let (_d, mut s) = store();
    ops::places::add(&mut s, &place("Östra torget", None, &["Torget"])).unwrap();
    let dup = ops::places::add(&mut s, &place("  ÖSTRA   TORGET ", None, &[])).unwrap_err();
    assert_eq!(dup.code(), ErrorCode::Conflict);
    let taken = ops::places::add(&mut s, &place("torget", None, &[])).unwrap_err();
    assert_eq!(taken.code(), ErrorCode::Conflict);
    assert!(taken.to_string().contains("Östra torget"), "{taken}");
    ops::places::add(&mut s, &place("Parken", None, &[])).unwrap();
    let alias = ops::places::add_alias(&mut s, "parken", "TORGET").unwrap_err();
    assert_eq!(alias.code(), ErrorCode::Conflict);
    // The same alias again on its own place is fine.
    ops::places::add_alias(&mut s, "östra torget", "torget").unwrap();
}

#[test]
fn unknown_place_suggests_the_closest_names() {
    let (_d, mut s) = store();
    ops::places::add(&mut s, &place("Stortorget", None, &[])).unwrap();
    ops::places::add(&mut s, &place("Järnvägsstationen", None, &["Stationen"])).unwrap();
    let err = ops::places::add_alias(&mut s, "Stortorgt", "x").unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let text = err.to_string();
    assert!(
        text.starts_with("Plats: okänd plats \"Stortorgt\"."),
        "{text}"
    );
    assert!(text.contains("Menade du: Stortorget"), "{text}");
}

#[test]
fn coordinates_must_be_whole_and_in_range() {
    let (_d, mut s) = store();
    let mut p = place("Parken", None, &[]);
    p.latitude = Some(59.27);
    let err = ops::places::add(&mut s, &p).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Invalid);
    p.longitude = Some(15.21);
    ops::places::add(&mut s, &p).unwrap();
    let mut q = place("Skogen", None, &[]);
    q.latitude = Some(95.0);
    q.longitude = Some(15.0);
    assert_eq!(
        ops::places::add(&mut s, &q).unwrap_err().code(),
        ErrorCode::Invalid
    );
    assert_eq!(
        ops::places::list(&s).unwrap().len(),
        1,
        "a refused place leaves nothing behind"
    );
}

#[test]
fn a_failed_alias_rolls_back_the_whole_place() {
    let (_d, mut s) = store();
    ops::places::add(&mut s, &place("Torget", None, &[])).unwrap();
    let err =
        ops::places::add(&mut s, &place("Parken", None, &["Lekplatsen", "torget"])).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    let names: Vec<String> = ops::places::list(&s)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, vec!["Torget"]);
}

#[test]
fn categories_are_seeded_and_editable() {
    let (_d, mut s) = store();
    let names: Vec<String> = ops::categories::list(&s)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names.first().map(String::as_str), Some("Skadegörelse"));
    assert_eq!(names.last().map(String::as_str), Some("Övrigt"));
    for expected in [
        "Klotter",
        "Brand/anlagd brand",
        "Hot och våld",
        "Ungdomar i grupp",
        "Brister i fysisk miljö",
        "Social oro",
        "Orosanmälan",
    ] {
        assert!(names.iter().any(|n| n == expected), "{expected}");
    }
    ops::categories::add(&mut s, "Trafik").unwrap();
    assert_eq!(
        ops::categories::list(&s).unwrap().last().unwrap().name,
        "Trafik"
    );
    ops::categories::rename(&mut s, "social oro", "Social oro i området").unwrap();
    ops::categories::set_active(&mut s, "Social oro i området", false).unwrap();
    let c = ops::categories::list(&s)
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Social oro i området")
        .unwrap();
    assert!(!c.active);
    assert_eq!(
        ops::categories::rename(&mut s, "klotter", "skadegörelse")
            .unwrap_err()
            .code(),
        ErrorCode::Conflict
    );
}

fn report(s: &mut Store, place: Option<&str>, text_place: Option<&str>) {
    ops::report::add(
        s,
        &navet::db::report::NewReport {
            date: "2026-11-02".into(),
            place: place.map(Into::into),
            category: "Klotter".into(),
            partner: "Polisen".into(),
            count: Some(2),
            ..Default::default()
        },
    )
    .unwrap();
    if let Some(text) = text_place {
        // An unplaced report as an import leaves it: the partner's text kept.
        s.conn()
            .execute(
                "UPDATE report SET place_id = NULL, source_place = ?1 WHERE id = (SELECT max(id) FROM report)",
                [text],
            )
            .unwrap();
    }
}

/// Everything a coordinator does to the register without a terminal: rename (reports
/// follow, a name another place uses is refused), move a place, merge two places
/// (reports, other spellings and the old name go over; the month counts stay true),
/// retire and restore, for every kind.
#[test]
fn rename_move_merge_retire_and_restore() {
    use navet::messages::Kind;
    let (_d, mut s) = store();
    ops::partners::add(&mut s, "Polisen").unwrap();
    ops::places::add(&mut s, &place("Stortorget", Some("Centrum"), &["Torget"])).unwrap();
    ops::places::add(
        &mut s,
        &place("Stora torget", Some("Norrby"), &["St torget"]),
    )
    .unwrap();
    ops::places::add_area(&mut s, "Söder").unwrap();
    report(&mut s, Some("Stortorget"), None);
    report(&mut s, Some("Stora torget"), None);
    report(&mut s, None, Some("stora torget"));

    // A rename onto another place's spelling is a conflict; its own name in other case is not.
    let err = ops::register::rename(&mut s, Kind::Place, "Stora torget", "torget").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    ops::register::rename(&mut s, Kind::Place, "Stora torget", "Stora Torget").unwrap();
    ops::register::rename(&mut s, Kind::Area, "Söder", "Söderåsen").unwrap();
    ops::register::rename(&mut s, Kind::Partner, "Polisen", "Polisen Ekbacka").unwrap();
    assert_eq!(ops::partners::list(&s).unwrap()[0].name, "Polisen Ekbacka");

    ops::places::move_to_area(&mut s, "Stora Torget", Some("Söderåsen")).unwrap();
    let moved = ops::places::list(&s).unwrap();
    assert_eq!(
        moved
            .iter()
            .find(|p| p.name == "Stora Torget")
            .unwrap()
            .area
            .as_deref(),
        Some("Söderåsen")
    );

    let err = ops::places::merge(&mut s, "Torget", "Stortorget").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict, "the same place twice");
    let moved = ops::places::merge(&mut s, "Stora Torget", "Stortorget").unwrap();
    assert_eq!(moved, 2, "its report and the unplaced one that named it");
    let places = ops::places::list(&s).unwrap();
    assert_eq!(places.len(), 1);
    let mut aliases = places[0].aliases.clone();
    aliases.sort();
    assert_eq!(aliases, ["St torget", "Stora Torget", "Torget"]);
    assert!(ops::places::unplaced(&s).unwrap().is_empty());
    assert!(
        navet::db::report_month::disagreements(s.conn())
            .unwrap()
            .is_empty()
    );

    for kind in [Kind::Area, Kind::Place, Kind::Partner, Kind::Category] {
        let name = match kind {
            Kind::Area => "Centrum",
            Kind::Place => "Stortorget",
            Kind::Partner => "Polisen Ekbacka",
            Kind::Category => "Klotter",
        };
        ops::register::set_active(&mut s, kind, name, false).unwrap();
    }
    assert!(
        !ops::places::areas(&s)
            .unwrap()
            .iter()
            .find(|a| a.name == "Centrum")
            .unwrap()
            .active
    );
    assert!(!ops::places::list(&s).unwrap()[0].active);
    assert!(!ops::partners::list(&s).unwrap()[0].active);
    ops::register::set_active(&mut s, Kind::Place, "Stortorget", true).unwrap();
    assert!(ops::places::list(&s).unwrap()[0].active);
    assert_eq!(ops::report::count(&s).unwrap(), 3, "retiring loses nothing");
}
