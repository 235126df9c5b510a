//! Partner labels → Navet categories: the coordinator's value map first, then the
//! category's own name, then a built-in list of common labels (the police event
//! types among them). A label nothing maps goes to "Övrigt", keeps its text in
//! `source_category`, and is listed in the preview so it can be mapped.

use std::collections::HashMap;

use crate::names;

/// Common labels (as keys) and the default category they mean.
const DEFAULTS: &[(&str, &str)] = &[
    ("skadegörelse", "Skadegörelse"),
    ("vandalisering", "Skadegörelse"),
    ("klotter", "Klotter"),
    ("graffiti", "Klotter"),
    ("brand", "Brand/anlagd brand"),
    ("anlagd brand", "Brand/anlagd brand"),
    ("bilbrand", "Brand/anlagd brand"),
    ("containerbrand", "Brand/anlagd brand"),
    ("stöld", "Stöld/inbrott"),
    ("stöld, försök", "Stöld/inbrott"),
    ("stöld/inbrott", "Stöld/inbrott"),
    ("inbrott", "Stöld/inbrott"),
    ("inbrott, försök", "Stöld/inbrott"),
    ("butiksstöld", "Stöld/inbrott"),
    ("cykelstöld", "Stöld/inbrott"),
    ("rån", "Hot och våld"),
    ("rån, försök", "Hot och våld"),
    ("misshandel", "Hot och våld"),
    ("misshandel, grov", "Hot och våld"),
    ("olaga hot", "Hot och våld"),
    ("hot", "Hot och våld"),
    ("våld", "Hot och våld"),
    ("hot och våld", "Hot och våld"),
    ("våld/hot mot tjänsteman", "Hot och våld"),
    ("våldtäkt", "Hot och våld"),
    ("mord/dråp", "Hot och våld"),
    ("mord/dråp, försök", "Hot och våld"),
    ("skottlossning", "Hot och våld"),
    ("skottlossning, misstänkt", "Hot och våld"),
    ("knivlagen", "Hot och våld"),
    ("narkotika", "Narkotika"),
    ("narkotikabrott", "Narkotika"),
    ("ordningslagen", "Ordningsstörning/stök"),
    ("ordningsstörning", "Ordningsstörning/stök"),
    ("stök", "Ordningsstörning/stök"),
    ("fylleri/lob", "Ordningsstörning/stök"),
    ("bråk", "Ordningsstörning/stök"),
    ("ungdomar", "Ungdomar i grupp"),
    ("ungdomar i grupp", "Ungdomar i grupp"),
    ("otrygghet", "Otrygghet"),
    ("nedskräpning", "Nedskräpning"),
    ("skräp", "Nedskräpning"),
    ("belysning", "Brister i fysisk miljö"),
    ("trasig belysning", "Brister i fysisk miljö"),
    ("brister i fysisk miljö", "Brister i fysisk miljö"),
    // Police event types (polisen.se) with an EST meaning.
    ("rån väpnat", "Hot och våld"),
    ("rån övrigt", "Hot och våld"),
    ("rån, väpnat", "Hot och våld"),
    ("vapenlagen", "Hot och våld"),
    ("bombhot", "Hot och våld"),
    ("detonation", "Hot och våld"),
    ("explosion", "Hot och våld"),
    ("våldtäkt, försök", "Hot och våld"),
    ("misshandel, grov, försök", "Hot och våld"),
    ("ofredande/förargelse", "Ordningsstörning/stök"),
    ("häleri", "Stöld/inbrott"),
    ("motorfordon, stöld", "Stöld/inbrott"),
    ("motorfordon, anträffat stulet", "Stöld/inbrott"),
    ("stöld/inbrott, försök", "Stöld/inbrott"),
    ("sabotage mot blåljusverksamhet", "Skadegörelse"),
    // Police event types with no EST category: Övrigt on purpose, not "unmapped".
    ("trafikolycka", "Övrigt"),
    ("trafikolycka, personskada", "Övrigt"),
    ("trafikolycka, singel", "Övrigt"),
    ("trafikolycka, vilt", "Övrigt"),
    ("trafikolycka, smitning från", "Övrigt"),
    ("trafikkontroll", "Övrigt"),
    ("trafikbrott", "Övrigt"),
    ("trafikhinder", "Övrigt"),
    ("rattfylleri", "Övrigt"),
    ("olovlig körning", "Övrigt"),
    ("sammanfattning natt", "Övrigt"),
    ("sammanfattning kväll och natt", "Övrigt"),
    ("sammanfattning dag", "Övrigt"),
    ("sammanfattning kväll", "Övrigt"),
    ("arbetsplatsolycka", "Övrigt"),
    ("försvunnen person", "Övrigt"),
    ("efterlyst person", "Övrigt"),
    ("anträffad död", "Övrigt"),
    ("anträffat gods", "Övrigt"),
    ("djur", "Övrigt"),
    ("fjällräddning", "Övrigt"),
    ("räddningsinsats", "Övrigt"),
    ("polisinsats/kommendering", "Övrigt"),
    ("kontroll person/fordon", "Övrigt"),
    ("bedrägeri", "Övrigt"),
];

/// Resolves labels to category ids, remembering what it resolved and what it could not.
pub struct CategoryMap {
    by_key: HashMap<String, i64>,
    fallback: i64,
    /// Labels (as written, first seen) that went to the fallback, with their row counts.
    pub unmapped: HashMap<String, (String, u32)>,
}

impl CategoryMap {
    /// `categories`: (name, id) of every category; `overrides`: label → category name.
    pub fn new(categories: &[(String, i64)], overrides: &HashMap<String, String>) -> CategoryMap {
        let id_of = |name: &str| {
            categories
                .iter()
                .find(|(n, _)| names::key(n) == names::key(name))
                .map(|(_, id)| *id)
        };
        let mut by_key = HashMap::new();
        for (label, cat) in DEFAULTS {
            if let Some(id) = id_of(cat) {
                by_key.insert(label.to_string(), id);
            }
        }
        for (name, id) in categories {
            by_key.insert(names::key(name), *id);
        }
        for (label, cat) in overrides {
            if let Some(id) = id_of(cat) {
                by_key.insert(names::key(label), id);
            }
        }
        let fallback = id_of("Övrigt")
            .or_else(|| categories.last().map(|(_, id)| *id))
            .unwrap_or(0);
        CategoryMap {
            by_key,
            fallback,
            unmapped: HashMap::new(),
        }
    }

    pub fn resolve(&mut self, label: &str) -> i64 {
        let key = names::key(label);
        if let Some(id) = self.by_key.get(&key) {
            return *id;
        }
        let entry = self
            .unmapped
            .entry(key)
            .or_insert_with(|| (label.trim().to_string(), 0));
        entry.1 += 1;
        self.fallback
    }
}
