#!/usr/bin/env bash
# What SQLite alone needs to store an import's rows in Navet's schema: no reading, no
# parsing, no checking. Takes the database a `navet bench import --dir DIR` left
# behind, copies its report rows with INSERT ... SELECT into an empty table of the
# same definition (CHECK constraints included; foreign keys off, as in a bulk load),
# then builds the report indexes, with the pragmas the bulk import uses. The two times
# are the floor under Navet's own "rows" and "indexes" phases (see BENCHMARKS.md).
#
#   ./target/release/navet bench import --rows 1000000 --dir /tmp/nb
#   bash scripts/sqlite-floor.sh /tmp/nb/navet.sqlite
set -euo pipefail
src=${1:?usage: sqlite-floor.sh NAVET_DB}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/floor.sqlite"
table=$(sqlite3 "$src" "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'report'")
indexes=$(sqlite3 "$src" "SELECT group_concat(sql, ';' || char(10)) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'report' AND sql IS NOT NULL")
cols=$(sqlite3 "$src" "SELECT group_concat(name, ', ') FROM pragma_table_info('report')")
# `|| ''` on one column keeps SQLite from copying the records verbatim (its transfer
# shortcut skips the CHECK constraints), so every row is built and checked as in Navet.
select=$(echo "$cols" | sed 's/occurred_date/occurred_date || '"''"'/')
# WAL, as Navet's own bulk load since it stopped switching to a rollback journal.
sqlite3 "$db" "PRAGMA journal_mode = WAL;" "$table;" >/dev/null
echo "sqlite3 $(sqlite3 --version | cut -d" " -f1), $(sqlite3 "$src" "SELECT count(*) FROM report") rows"
sqlite3 "$db" <<SQL
PRAGMA foreign_keys = OFF;
PRAGMA synchronous = NORMAL;
PRAGMA threads = 2;
ATTACH '$src' AS src;
.timer on
BEGIN;
.print "insert the rows (report table, CHECK constraints):"
INSERT INTO report ($cols) SELECT $select FROM src.report;
PRAGMA cache_size = -4096;
.print "build the report indexes, one line each:"
$indexes;
.print "commit:"
COMMIT;
SQL
