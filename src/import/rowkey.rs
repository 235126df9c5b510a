//! The duplicate key of an imported row, so importing a file twice adds nothing.
//!
//! With an external id the key is the partner and that id (a partner's later file
//! may correct a row's text; it is still the same event). Without one it is a hash of
//! the normalised fields. SHA-256 cut to 128 bits: a defined function, so keys stored
//! today still match after an upgrade.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use sha2::{Digest, Sha256};

use crate::ids::Id;
use crate::names;

pub type RowKey = [u8; 16];

/// A set of row keys, for the duplicate check of a bulk load.
pub type KeySet = HashSet<RowKey, BuildHasherDefault<KeyHasher>>;

/// Hashes a row key by its first eight bytes: the key is already a SHA-256 digest, so
/// SipHash on top would only cost time (a million keys in a large import).
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut first = [0u8; 8];
        let n = bytes.len().min(8);
        first[..n].copy_from_slice(&bytes[..n]);
        self.0 ^= u64::from_le_bytes(first);
    }

    /// The array's length prefix carries nothing.
    fn write_usize(&mut self, _: usize) {}
}

fn finish(h: Sha256) -> RowKey {
    let full = h.finalize();
    let mut key = [0u8; 16];
    key.copy_from_slice(&full[..16]);
    key
}

pub fn by_external_id(partner: Id, external_id: &str) -> RowKey {
    let mut h = Sha256::new();
    h.update(b"x\0");
    h.update(partner.to_le_bytes());
    let mut buf = Vec::with_capacity(64);
    names::key_into(external_id, &mut buf);
    h.update(&buf);
    finish(h)
}

/// The fields that make a row the same row.
pub struct KeyFields<'a> {
    pub partner: Id,
    pub date: &'a str,
    pub time: &'a str,
    pub place: &'a str,
    pub category: &'a str,
    pub count: u32,
    pub text: &'a str,
}

pub fn by_fields(f: &KeyFields) -> RowKey {
    let mut h = Sha256::new();
    h.update(b"h\0");
    h.update(f.partner.to_le_bytes());
    for part in [f.date, f.time] {
        h.update(part.as_bytes());
        h.update(b"\0");
    }
    let mut buf = Vec::with_capacity(256);
    for part in [f.place, f.category, f.text] {
        names::key_into(part, &mut buf);
        buf.push(0);
    }
    h.update(&buf);
    h.update(f.count.to_le_bytes());
    finish(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_case_do_not_make_a_new_row() {
        let a = KeyFields {
            partner: 1,
            date: "2026-11-18",
            time: "21:30",
            place: "Torget",
            category: "Klotter",
            count: 1,
            text: "Nytt  klotter",
        };
        let b = KeyFields {
            place: " torget ",
            text: "nytt klotter",
            ..a
        };
        assert_eq!(by_fields(&a), by_fields(&b));
        let c = KeyFields { count: 2, ..a };
        assert_ne!(by_fields(&a), by_fields(&c));
        assert_ne!(by_external_id(1, "A-1"), by_external_id(2, "A-1"));
        assert_eq!(by_external_id(1, "a-1"), by_external_id(1, " A-1 "));
    }

    #[test]
    fn the_key_set_tells_keys_apart_by_all_their_bytes() {
        let mut set = KeySet::default();
        let a = [7u8; 16];
        let mut b = a;
        b[15] = 8;
        assert!(set.insert(a));
        assert!(set.insert(b), "same first eight bytes, still another key");
        assert!(!set.insert(a));
        assert_eq!(set.len(), 2);
    }
}
