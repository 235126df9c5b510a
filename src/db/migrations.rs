//! The schema, as numbered `.sql` files applied in order.
//!
//! The schema version is SQLite's `user_version`; rusqlite_migration applies what is
//! missing in one transaction per step. Add a file, never edit a released one.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::error::Result;

/// Every migration, oldest first. Its length is the current schema version.
pub const ALL: &[&str] = &[
    include_str!("migrations/0001_foundation.sql"),
    include_str!("migrations/0002_import.sql"),
    include_str!("migrations/0003_picture.sql"),
    include_str!("migrations/0004_report_month.sql"),
    include_str!("migrations/0005_categories.sql"),
    include_str!("migrations/0006_report_link.sql"),
    include_str!("migrations/0007_report_month_partner.sql"),
    include_str!("migrations/0008_register.sql"),
    include_str!("migrations/0009_report_search.sql"),
    include_str!("migrations/0010_report_history.sql"),
    include_str!("migrations/0011_est_cycle.sql"),
    include_str!("migrations/0012_rhythm_and_year.sql"),
    include_str!("migrations/0013_walks_and_promises.sql"),
    include_str!("migrations/0014_knowledge_sources.sql"),
    include_str!("migrations/0015_nil_report_batch.sql"),
    include_str!("migrations/0016_retention.sql"),
    include_str!("migrations/0017_partner_release.sql"),
];

pub fn apply(conn: &mut Connection, steps: &[&'static str]) -> Result<()> {
    let migrations = Migrations::new(steps.iter().map(|sql| M::up(sql)).collect());
    migrations.to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        let migrations = rusqlite_migration::Migrations::new(
            super::ALL
                .iter()
                .map(|s| rusqlite_migration::M::up(s))
                .collect(),
        );
        assert!(migrations.validate().is_ok());
    }
}
