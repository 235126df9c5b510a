//! Settings: the few named values a user may set (see [`crate::db::setting::KEYS`]).

use crate::Store;
use crate::db::setting::{self, KEYS};
use crate::error::Result;
use crate::messages::Message;

/// Every setting with its value (empty when unset), in [`KEYS`] order.
pub fn list(store: &Store) -> Result<Vec<(String, String)>> {
    KEYS.iter()
        .map(|key| {
            let value = setting::get_setting(store.conn(), key)?;
            Ok((key.to_string(), value.unwrap_or_default()))
        })
        .collect()
}

/// Sets a known setting; an unknown key is refused with the list of known ones.
pub fn set(store: &mut Store, key: &str, value: &str) -> Result<()> {
    if !KEYS.contains(&key) {
        return Err(Message::UnknownSetting {
            key: key.to_string(),
            known: KEYS.join(", "),
        }
        .into());
    }
    store.write(|tx| setting::set_setting(tx, key, value))
}
