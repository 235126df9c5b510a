//! Row ids cross to JSON and the UI as strings.
//!
//! JavaScript numbers lose precision above 2^53 and ts-rs would type an `i64` as
//! `bigint`, which JSON cannot carry; a string id is exact and opaque. Use with
//! `#[serde(with = "crate::ids::string")]` and `#[ts(type = "string")]`.

pub type Id = i64;

pub mod string {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(id: &i64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&id.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|_| D::Error::custom(format!("invalid id {s:?}")))
    }
}

pub mod option_string {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(id: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
        match id {
            Some(id) => s.serialize_str(&id.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) if s.is_empty() => Ok(None),
            Some(s) => s
                .parse()
                .map(Some)
                .map_err(|_| D::Error::custom(format!("invalid id {s:?}"))),
        }
    }
}
