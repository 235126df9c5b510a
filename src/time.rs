//! The dates and times a user types in a form or on the command line.
//!
//! Stored dates are ISO `YYYY-MM-DD` and times `HH:MM`, both Europe/Stockholm wall
//! clock as the partner reported them. Partner files have many more shapes; those
//! are the importer's business.

use chrono::{NaiveDate, NaiveTime};

use crate::error::Result;
use crate::messages::Message;

/// A calendar day.
pub type Date = NaiveDate;

/// Today in the machine's local time zone.
pub fn today() -> Date {
    chrono::Local::now().date_naive()
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate> {
    let v = value.trim();
    NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .ok()
        .filter(|_| v.len() == 10)
        .ok_or_else(|| {
            Message::InvalidDate {
                field: field.to_string(),
                value: value.to_string(),
            }
            .into()
        })
}

/// Parses `HH:MM` (also `HH.MM`, the Swedish habit, and `H:MM`).
pub fn parse_time(field: &str, value: &str) -> Result<NaiveTime> {
    let v = value.trim().replace('.', ":");
    NaiveTime::parse_from_str(&v, "%H:%M").map_err(|_| {
        Message::InvalidTime {
            field: field.to_string(),
            value: value.to_string(),
        }
        .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(parse_date("Datum", "2026-11-18").is_ok());
        assert!(parse_date("Datum", "2026-02-30").is_err());
        assert!(parse_date("Datum", "18/11/2026").is_err());
        assert!(parse_date("Datum", "2026-1-8").is_err());
    }

    #[test]
    fn times() {
        assert_eq!(
            parse_time("Tid", "21.30").ok(),
            NaiveTime::from_hms_opt(21, 30, 0)
        );
        assert_eq!(
            parse_time("Tid", "9:05").ok(),
            NaiveTime::from_hms_opt(9, 5, 0)
        );
        assert!(parse_time("Tid", "24:00").is_err());
        assert!(parse_time("Tid", "kväll").is_err());
    }
}
