//! Backups: make one now, list them, restore one.

use std::path::PathBuf;

use clap::Subcommand;
use navet::Store;
use navet::ops;

use crate::output::print_list;
use crate::words as cli;

#[derive(Subcommand)]
pub enum BackupCmd {
    /// Ta en säkerhetskopia nu (bredvid databasen; de tio senaste av varje slag sparas).
    Create,
    /// Lista säkerhetskopiorna, nyast först.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Återställ databasen från en säkerhetskopia (nuläget säkerhetskopieras först).
    Restore {
        /// Säkerhetskopians fil.
        file: PathBuf,
    },
}

pub fn backup(store: &mut Store, cmd: BackupCmd) -> navet::Result<()> {
    match cmd {
        BackupCmd::Create => {
            let b = ops::backup::create(store)?;
            println!("{}", cli::backup_made(&b.path, b.bytes));
        }
        BackupCmd::List { json } => {
            let list = ops::backup::list(store)?;
            print_list(json, &list, cli::headers::BACKUPS, |b| {
                vec![
                    cli::when(&b.created_at),
                    b.kind.clone(),
                    cli::megabytes(b.bytes),
                    b.path.clone(),
                ]
            })?;
        }
        BackupCmd::Restore { file } => {
            let before = ops::backup::restore(store, &file)?;
            println!(
                "{}",
                cli::backup_restored(&file.display().to_string(), &before.path)
            );
        }
    }
    Ok(())
}
