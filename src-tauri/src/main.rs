//! The Navet desktop app: a window over the core, nothing else.
//!
//! Each command translates its arguments into one `navet::ops` call and returns the
//! result; errors cross as `{ code, message }` ([`navet::error::ErrorPayload`]). All
//! logic lives in the core.
//!
//! The store is one writer connection and a few read-only ones (WAL lets readers see
//! the last commit without waiting), so the reports list and the picture answer while
//! an import writes. Every command runs its database work on a blocking thread, never
//! on the async runtime's workers. A panic inside a command fails that command only:
//! the locks ignore poisoning, because a transaction that panicked was rolled back.
//!
//! An encrypted database is not open at start: the window asks for its passphrase
//! (`unlock`). Turning encryption on or off closes every connection first (the state's
//! write lock waits for running commands) and opens them again under the new key.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard};

use navet::db::area::Area;
use navet::db::area_status::StatusEntry;
use navet::db::backup::BackupInfo;
use navet::db::category::Category;
use navet::db::crypt::{Changed as EncryptionChanged, Passphrase, Status as EncryptionStatus};
use navet::db::export_log::ExportEntry;
use navet::db::import_batch::Batch;
use navet::db::insats::{Effect, Insats, InsatsStatus, NewInsats};
use navet::db::knowledge_source::{NewSource, Source};
use navet::db::meeting::{Meeting, NewMeeting, Series};
use navet::db::partner::Partner;
use navet::db::picture_snapshot::SnapshotListItem;
use navet::db::place::{NewPlace, Place, UnplacedText};
use navet::db::promise::{NewPromise, Promise};
use navet::db::report::{NewReport, Report, ReportFilter, ReportPage};
use navet::db::report_link::{Link, LinkStatus};
use navet::db::walk::{NewPoint, NewWalk, Point as WalkPoint, PointStatus, Walk};
use navet::demo::{self, DemoSummary};
use navet::error::{ErrorCode, ErrorPayload};
use navet::export::{ExportDone, ExportFormat, ExportRequest};
use navet::import::{ImportOptions, ImportProgress, ImportResult, Inspection};
use navet::messages::Kind;
use navet::ops::insatser::EffectCounts;
use navet::ops::law::{LawRequest, LawTexts};
use navet::ops::meetings::{DecisionEffect, NextMeeting};
use navet::ops::partners::LatePartner;
use navet::ops::personal_data::PersonalDataScan;
use navet::ops::report::HistoryEntry;
use navet::ops::year::Wheel;
use navet::ops::{self, AppInfo};
use navet::picture::{AnalysisPart, Period, PeriodQuery, Picture};
use navet::{Error, Message, Store};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

#[global_allocator]
static ALLOCATOR: navet::Allocator = navet::Allocator;

/// How many read-only connections answer reads beside the writer.
const READERS: usize = 3;

/// The open database: one writer, a few readers.
struct Db {
    writer: Mutex<Store>,
    readers: Vec<Mutex<Store>>,
    /// Stops the writer's running statement (an import's index rebuild or commit).
    interrupt: navet::db::InterruptHandle,
    /// Where the pre-upgrade copy went, if opening upgraded the database.
    backup: Option<String>,
}

/// The open database, or why it could not be opened (shown in the window; an encrypted
/// database waits for its passphrase). The lock is taken for reading by every command
/// for as long as it runs, and for writing only to open or reopen the database.
struct AppState(RwLock<Result<Db, ErrorPayload>>);

/// Set by `cancel_import`; read by a running import between rows.
struct ImportControl {
    cancel: AtomicBool,
    running: AtomicBool,
}

type Reply<T> = Result<T, ErrorPayload>;

/// A lock that a panicked holder does not poison (its transaction was rolled back).
fn lock(m: &Mutex<Store>) -> MutexGuard<'_, Store> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl AppState {
    fn guard(&self) -> RwLockReadGuard<'_, Result<Db, ErrorPayload>> {
        self.0.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` on the open database.
    fn with_db<T>(&self, f: impl FnOnce(&Db) -> Reply<T>) -> Reply<T> {
        let guard = self.guard();
        let db = guard.as_ref().map_err(Clone::clone)?;
        f(db)
    }

    /// Runs `f` on a free reader (or waits for the first one).
    fn read<T>(&self, f: impl FnOnce(&Store) -> navet::Result<T>) -> Reply<T> {
        let guard = self.guard();
        let db = guard.as_ref().map_err(Clone::clone)?;
        let guard = db
            .readers
            .iter()
            .find_map(|r| match r.try_lock() {
                Ok(g) => Some(g),
                Err(std::sync::TryLockError::Poisoned(p)) => Some(p.into_inner()),
                Err(std::sync::TryLockError::WouldBlock) => None,
            })
            .unwrap_or_else(|| lock(&db.readers[0]));
        f(&guard).map_err(|e: Error| e.payload())
    }

    /// Runs `f` on the writer.
    fn write<T>(&self, f: impl FnOnce(&mut Store) -> navet::Result<T>) -> Reply<T> {
        let guard = self.guard();
        let db = guard.as_ref().map_err(Clone::clone)?;
        let mut guard = lock(&db.writer);
        f(&mut guard).map_err(|e: Error| e.payload())
    }
}

fn internal(message: String) -> ErrorPayload {
    ErrorPayload {
        code: ErrorCode::Internal,
        message,
    }
}

/// Runs blocking work off the async runtime's threads.
async fn blocking<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&AppHandle) -> Reply<T> + Send + 'static,
) -> Reply<T> {
    tauri::async_runtime::spawn_blocking(move || f(&app))
        .await
        .map_err(|e| {
            internal(
                Message::Storage {
                    detail: e.to_string(),
                }
                .sv(),
            )
        })?
}

/// A read on a reader connection, off the async runtime.
async fn read<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&Store) -> navet::Result<T> + Send + 'static,
) -> Reply<T> {
    blocking(app, move |app| app.state::<AppState>().read(f)).await
}

/// A write on the writer connection, off the async runtime.
async fn write<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&mut Store) -> navet::Result<T> + Send + 'static,
) -> Reply<T> {
    blocking(app, move |app| app.state::<AppState>().write(f)).await
}

#[tauri::command]
async fn app_info(app: AppHandle) -> Reply<AppInfo> {
    blocking(app, |app| {
        let state = app.state::<AppState>();
        let backup = state.with_db(|db| Ok(db.backup.clone()))?;
        let info = state.read(ops::info)?;
        Ok(AppInfo { backup, ..info })
    })
    .await
}

#[tauri::command]
async fn list_reports(app: AppHandle, filter: ReportFilter) -> Reply<ReportPage> {
    read(app, move |s| ops::report::list(s, &filter)).await
}

#[tauri::command]
async fn add_report(app: AppHandle, report: NewReport) -> Reply<Report> {
    write(app, move |s| ops::report::add(s, &report)).await
}

#[tauri::command]
async fn edit_report(app: AppHandle, id: String, report: NewReport) -> Reply<Report> {
    let id = parse_id(&id, "rapportnummer")?;
    write(app, move |s| ops::report::edit(s, id, &report)).await
}

/// Deletes a report; returns the history entry that restores it.
#[tauri::command]
async fn delete_report(app: AppHandle, id: String) -> Reply<String> {
    let id = parse_id(&id, "rapportnummer")?;
    write(app, move |s| {
        ops::report::delete(s, id).map(|h| h.to_string())
    })
    .await
}

#[tauri::command]
async fn restore_report(app: AppHandle, change: String) -> Reply<Report> {
    let change = parse_id(&change, "ändringsnummer")?;
    write(app, move |s| ops::report::restore(s, change)).await
}

#[tauri::command]
async fn report_history(app: AppHandle, id: String) -> Reply<Vec<HistoryEntry>> {
    let id = parse_id(&id, "rapportnummer")?;
    read(app, move |s| ops::report::history(s, id)).await
}

#[tauri::command]
async fn list_places(app: AppHandle) -> Reply<Vec<Place>> {
    read(app, ops::places::list).await
}

#[tauri::command]
async fn list_categories(app: AppHandle) -> Reply<Vec<Category>> {
    read(app, ops::categories::list).await
}

#[tauri::command]
async fn list_partners(app: AppHandle) -> Reply<Vec<Partner>> {
    read(app, ops::partners::list).await
}

#[tauri::command]
async fn list_areas(app: AppHandle) -> Reply<Vec<Area>> {
    read(app, ops::places::areas).await
}

#[tauri::command]
async fn add_area(app: AppHandle, name: String) -> Reply<()> {
    write(app, move |s| ops::places::add_area(s, &name).map(|_| ())).await
}

#[tauri::command]
async fn add_place(app: AppHandle, place: NewPlace) -> Reply<()> {
    write(app, move |s| ops::places::add(s, &place).map(|_| ())).await
}

#[tauri::command]
async fn add_partner(app: AppHandle, name: String) -> Reply<()> {
    write(app, move |s| ops::partners::add(s, &name).map(|_| ())).await
}

#[tauri::command]
async fn add_category(app: AppHandle, name: String) -> Reply<()> {
    write(app, move |s| ops::categories::add(s, &name).map(|_| ())).await
}

#[tauri::command]
async fn rename_item(app: AppHandle, kind: Kind, name: String, new_name: String) -> Reply<()> {
    write(app, move |s| {
        ops::register::rename(s, kind, &name, &new_name)
    })
    .await
}

#[tauri::command]
async fn set_item_active(app: AppHandle, kind: Kind, name: String, active: bool) -> Reply<()> {
    write(app, move |s| {
        ops::register::set_active(s, kind, &name, active)
    })
    .await
}

#[tauri::command]
async fn move_place(app: AppHandle, place: String, area: Option<String>) -> Reply<()> {
    write(app, move |s| {
        ops::places::move_to_area(s, &place, area.as_deref())
    })
    .await
}

#[tauri::command]
async fn merge_places(app: AppHandle, from: String, into: String) -> Reply<u32> {
    write(app, move |s| ops::places::merge(s, &from, &into)).await
}

#[tauri::command]
async fn place_as_new(app: AppHandle, text: String, area: Option<String>) -> Reply<u32> {
    write(app, move |s| {
        ops::places::add_from_unplaced(s, &text, area.as_deref())
    })
    .await
}

#[tauri::command]
async fn set_municipality(app: AppHandle, name: String) -> Reply<()> {
    write(app, move |s| {
        ops::settings::set(s, navet::db::setting::MUNICIPALITY, name.trim())
    })
    .await
}

#[tauri::command]
async fn load_demo(app: AppHandle, weeks: Option<u32>) -> Reply<DemoSummary> {
    let end = demo::default_end(navet::time::today());
    write(app, move |s| {
        ops::load_demo_with_cycle(s, weeks.unwrap_or(demo::DEFAULT_WEEKS), end)
    })
    .await
}

#[tauri::command]
async fn choose_import_file(app: AppHandle) -> Reply<Option<String>> {
    blocking(app, |app| {
        Ok(app
            .dialog()
            .file()
            .set_title("Välj en fil att importera")
            .add_filter(
                "Kalkylblad och text",
                &["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods", "json"],
            )
            .blocking_pick_file()
            .and_then(|f| f.into_path().ok())
            .map(|p| p.display().to_string()))
    })
    .await
}

/// The file the import screen works on, inspected once (a workbook parsed once), and
/// the number of the latest preview: a preview that a newer one replaced stops at its
/// next batch of rows instead of holding the writer.
struct ImportFile {
    inspection: Mutex<Option<Arc<Inspection>>>,
    preview: AtomicU64,
}

impl ImportFile {
    /// The kept inspection when it still describes the file, else a new one (kept).
    fn inspection(&self, path: &Path, sheet: Option<&str>) -> navet::Result<Arc<Inspection>> {
        let kept = self
            .inspection
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .filter(|i| i.is_current(path, sheet));
        if let Some(kept) = kept {
            return Ok(kept);
        }
        let fresh = Arc::new(ops::import::inspect(path, sheet)?);
        *self
            .inspection
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(fresh.clone());
        Ok(fresh)
    }
}

#[tauri::command]
async fn preview_import(
    app: AppHandle,
    path: String,
    options: ImportOptions,
) -> Reply<ImportResult> {
    let opts = ImportOptions {
        dry_run: true,
        ..options
    };
    blocking(app, move |app| {
        let file = app.state::<ImportFile>();
        let me = file.preview.fetch_add(1, Ordering::SeqCst) + 1;
        let path = PathBuf::from(&path);
        let inspection = file
            .inspection(&path, opts.sheet.as_deref())
            .map_err(|e| e.payload())?;
        app.state::<AppState>().write(|s| {
            ops::import::inspected_with_progress(s, &inspection, &opts, &|_| {
                file.preview.load(Ordering::SeqCst) == me
            })
        })
    })
    .await
}

#[tauri::command]
async fn run_import(
    app: AppHandle,
    path: String,
    options: ImportOptions,
    on_progress: Channel<ImportProgress>,
) -> Reply<ImportResult> {
    blocking(app, move |app| {
        let control = app.state::<ImportControl>();
        let opts = ImportOptions {
            dry_run: false,
            ..options
        };
        let path = PathBuf::from(&path);
        let inspection = app
            .state::<ImportFile>()
            .inspection(&path, opts.sheet.as_deref())
            .map_err(|e| e.payload())?;
        app.state::<AppState>().write(|s| {
            control.cancel.store(false, Ordering::SeqCst);
            control.running.store(true, Ordering::SeqCst);
            let result = ops::import::inspected_with_progress(s, &inspection, &opts, &|p| {
                let _ = on_progress.send(p);
                !control.cancel.load(Ordering::SeqCst)
            });
            control.running.store(false, Ordering::SeqCst);
            // A cancel that interrupted SQLite (index rebuild, commit) reads as cancelled.
            match result {
                Err(_) if control.cancel.load(Ordering::SeqCst) => Err(Message::ImportCancelled {
                    file: path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                }
                .into()),
                other => other,
            }
        })
    })
    .await
}

#[tauri::command]
async fn cancel_import(state: State<'_, AppState>, control: State<'_, ImportControl>) -> Reply<()> {
    control.cancel.store(true, Ordering::SeqCst);
    if control.running.load(Ordering::SeqCst) {
        state.with_db(|db| {
            db.interrupt.interrupt();
            Ok(())
        })?;
    }
    Ok(())
}

#[tauri::command]
async fn list_imports(app: AppHandle) -> Reply<Vec<Batch>> {
    read(app, ops::import::list).await
}

#[tauri::command]
async fn undo_import(app: AppHandle, batch: String) -> Reply<u32> {
    let id = parse_id(&batch, "importnummer")?;
    write(app, move |s| ops::import::undo(s, id)).await
}

#[tauri::command]
async fn save_rejected_rows(app: AppHandle, batch: String) -> Reply<Option<String>> {
    let id = parse_id(&batch, "importnummer")?;
    blocking(app, move |app| {
        let Some(path) = app
            .dialog()
            .file()
            .set_title("Spara avvisade rader")
            .set_file_name(format!("avvisade-rader-import-{id}.csv"))
            .add_filter("CSV", &["csv"])
            .blocking_save_file()
            .and_then(|f| f.into_path().ok())
        else {
            return Ok(None);
        };
        app.state::<AppState>()
            .read(|s| ops::import::write_rejected_csv(s, id, &path))
            .map(|_| Some(path.display().to_string()))
    })
    .await
}

#[tauri::command]
async fn list_unplaced(app: AppHandle) -> Reply<Vec<UnplacedText>> {
    read(app, ops::places::unplaced).await
}

#[tauri::command]
async fn resolve_unplaced(app: AppHandle, place: String, text: String) -> Reply<u32> {
    write(app, move |s| ops::places::add_alias(s, &place, &text)).await
}

#[tauri::command]
async fn get_picture(app: AppHandle, query: PeriodQuery) -> Reply<Picture> {
    read(app, move |s| {
        ops::picture::compute(s, &query.resolve(navet::time::today())?)
    })
    .await
}

#[tauri::command]
async fn set_area_status(
    app: AppHandle,
    period: Period,
    area: String,
    status: String,
    justification: String,
) -> Reply<()> {
    write(app, move |s| {
        ops::picture::set_area_status(s, &period, &area, &status, &justification).map(|_| ())
    })
    .await
}

#[tauri::command]
async fn set_analysis(
    app: AppHandle,
    period: Period,
    part: AnalysisPart,
    text: String,
) -> Reply<()> {
    write(app, move |s| {
        ops::picture::set_analysis(s, &period, part, &text)
    })
    .await
}

#[tauri::command]
async fn save_picture(app: AppHandle, period: Period, title: Option<String>) -> Reply<Picture> {
    write(app, move |s| {
        ops::picture::save(s, &period, title.as_deref())
    })
    .await
}

#[tauri::command]
async fn list_saved_pictures(app: AppHandle) -> Reply<Vec<SnapshotListItem>> {
    read(app, ops::picture::saved_list).await
}

#[tauri::command]
async fn get_saved_picture(app: AppHandle, id: String) -> Reply<Picture> {
    let id = parse_id(&id, "nummer")?;
    read(app, move |s| ops::picture::saved(s, id)).await
}

/// An id as the UI sends it (a string); `what` names it in the error ("importnummer").
fn parse_id(text: &str, what: &str) -> Reply<i64> {
    text.parse().map_err(|_| ErrorPayload {
        code: ErrorCode::Invalid,
        message: format!("Ogiltigt {what}: {text}"),
    })
}

/// Where an export goes: the native save dialog, or, when `NAVET_EXPORT_DIR` is set
/// (automated tests, locked-down machines), that folder without asking.
fn export_target(app: &AppHandle, name: &str, ext: &str) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("NAVET_EXPORT_DIR") {
        return Some(PathBuf::from(dir).join(name));
    }
    app.dialog()
        .file()
        .set_title("Spara som")
        .set_file_name(name)
        .add_filter(ext.to_uppercase(), &[ext])
        .blocking_save_file()
        .and_then(|f| f.into_path().ok())
}

/// Runs one export request (the core decides what it may hold and what the file is
/// called); a PDF is opened in the system viewer afterwards.
#[tauri::command]
async fn export(app: AppHandle, request: ExportRequest) -> Reply<Option<ExportDone>> {
    blocking(app, move |app| {
        let state = app.state::<AppState>();
        let name = state.read(|s| {
            request.check()?;
            ops::export::suggested_file_name(s, &request)
        })?;
        let Some(path) = export_target(app, &name, request.format.extension()) else {
            return Ok(None);
        };
        let done = state.write(|s| ops::export::run(s, &request, &path))?;
        remember_export(app, &path, request.format == ExportFormat::Pdf);
        Ok(Some(done))
    })
    .await
}

/// Opens a file this window exported (and only such a file) in the system's program
/// for it: "Öppna" after an export, to read or print it.
#[tauri::command]
async fn open_export(app: AppHandle, path: String) -> Reply<()> {
    let known = app
        .state::<Exported>()
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .contains(&PathBuf::from(&path));
    if !known {
        return Err(Error::from(Message::NotAnExport { path }).payload());
    }
    app.opener()
        .open_path(path.clone(), None::<&str>)
        .map_err(|_| Error::from(Message::CannotOpen { path }).payload())
}

#[tauri::command]
async fn list_insatser(app: AppHandle) -> Reply<Vec<Insats>> {
    read(app, ops::insatser::list).await
}

#[tauri::command]
async fn add_insats(app: AppHandle, insats: NewInsats) -> Reply<Insats> {
    write(app, move |s| ops::insatser::add(s, &insats)).await
}

/// Changes an insats after the fact; its follow-ups stay.
#[tauri::command]
async fn edit_insats(app: AppHandle, id: String, insats: NewInsats) -> Reply<Insats> {
    let id = parse_id(&id, "insatsnummer")?;
    write(app, move |s| ops::insatser::edit(s, id, &insats)).await
}

#[tauri::command]
async fn insats_effect(app: AppHandle, id: String, weeks: u32) -> Reply<EffectCounts> {
    let id = parse_id(&id, "insatsnummer")?;
    read(app, move |s| {
        ops::insatser::effect(s, id, weeks, navet::time::today())
    })
    .await
}

#[tauri::command]
async fn set_insats_status(app: AppHandle, id: String, status: InsatsStatus) -> Reply<Insats> {
    let id = parse_id(&id, "insatsnummer")?;
    write(app, move |s| ops::insatser::set_status(s, id, status)).await
}

#[tauri::command]
async fn add_follow_up(
    app: AppHandle,
    id: String,
    date: String,
    text: String,
    effect: Effect,
    next: Option<String>,
) -> Reply<Insats> {
    let id = parse_id(&id, "insatsnummer")?;
    write(app, move |s| {
        ops::insatser::follow_up(s, id, &date, &text, effect, next.as_deref())
    })
    .await
}

#[tauri::command]
async fn list_meeting_series(app: AppHandle) -> Reply<Vec<Series>> {
    read(app, ops::meetings::series).await
}

#[tauri::command]
async fn list_meetings(app: AppHandle) -> Reply<Vec<Meeting>> {
    read(app, ops::meetings::list).await
}

#[tauri::command]
async fn add_meeting(app: AppHandle, meeting: NewMeeting) -> Reply<Meeting> {
    write(app, move |s| ops::meetings::add(s, &meeting)).await
}

/// A decision at a meeting; it may create an insats or change one's status.
#[tauri::command]
async fn decide(
    app: AppHandle,
    meeting: String,
    text: String,
    insats: Option<NewInsats>,
    change: Option<(String, InsatsStatus)>,
) -> Reply<Meeting> {
    let meeting = parse_id(&meeting, "mötesnummer")?;
    let change = match change {
        Some((id, status)) => Some((parse_id(&id, "insatsnummer")?, status)),
        None => None,
    };
    write(app, move |s| {
        ops::meetings::decide(
            s,
            meeting,
            &text,
            DecisionEffect {
                new_insats: insats,
                change,
            },
        )
    })
    .await
}

#[tauri::command]
async fn next_meetings(app: AppHandle) -> Reply<Vec<NextMeeting>> {
    read(app, |s| ops::meetings::next(s, navet::time::today())).await
}

/// Writes a meeting's pack where the user chooses (or NAVET_EXPORT_DIR), and opens it.
#[tauri::command]
async fn export_meeting_pack(
    app: AppHandle,
    meeting: String,
    to: Vec<String>,
) -> Reply<Option<String>> {
    let meeting = parse_id(&meeting, "mötesnummer")?;
    blocking(app, move |app| {
        let name = app
            .state::<AppState>()
            .read(|s| ops::meetings::pack_file_name(s, meeting))?;
        save_document(app, &name, |s, path| {
            ops::meetings::pack_to(s, meeting, path, &to)
        })
    })
    .await
}

#[tauri::command]
async fn set_rhythm(app: AppHandle, partner: String, days: Option<u32>) -> Reply<()> {
    write(app, move |s| ops::partners::set_rhythm(s, &partner, days)).await
}

#[tauri::command]
async fn report_nothing(app: AppHandle, partner: String, from: String, to: String) -> Reply<()> {
    write(app, move |s| {
        ops::partners::report_nothing(s, &partner, &from, &to)
    })
    .await
}

#[tauri::command]
async fn late_partners(app: AppHandle) -> Reply<Vec<LatePartner>> {
    read(app, |s| ops::partners::late(s, navet::time::today())).await
}

#[tauri::command]
async fn status_history(
    app: AppHandle,
    area: Option<String>,
    from: String,
    to: String,
) -> Reply<Vec<StatusEntry>> {
    read(app, move |s| {
        ops::year::status_history(s, area.as_deref(), &from, &to)
    })
    .await
}

#[tauri::command]
async fn year_wheel(app: AppHandle, year: i32) -> Reply<Wheel> {
    read(app, move |s| ops::year::wheel(s, year)).await
}

#[tauri::command]
async fn choose_photo(app: AppHandle) -> Reply<Option<String>> {
    blocking(app, |app| {
        Ok(app
            .dialog()
            .file()
            .set_title("Välj en bild")
            .add_filter(
                "Bilder",
                &["jpg", "jpeg", "png", "webp", "heic", "heif", "gif"],
            )
            .blocking_pick_file()
            .and_then(|f| f.into_path().ok())
            .map(|p| p.display().to_string()))
    })
    .await
}

#[tauri::command]
async fn list_walks(app: AppHandle) -> Reply<Vec<Walk>> {
    read(app, ops::walks::list).await
}

#[tauri::command]
async fn add_walk(app: AppHandle, walk: NewWalk) -> Reply<Walk> {
    write(app, move |s| ops::walks::add(s, &walk)).await
}

#[tauri::command]
async fn add_walk_point(app: AppHandle, walk: String, point: NewPoint) -> Reply<WalkPoint> {
    let walk = parse_id(&walk, "vandringsnummer")?;
    write(app, move |s| ops::walks::add_point(s, walk, &point)).await
}

#[tauri::command]
async fn walk_point_to_report(app: AppHandle, point: String, partner: String) -> Reply<String> {
    let point = parse_id(&point, "punktnummer")?;
    write(app, move |s| {
        ops::walks::to_report(s, point, &partner, None).map(|id| id.to_string())
    })
    .await
}

#[tauri::command]
async fn walk_point_to_insats(app: AppHandle, point: String, start: String) -> Reply<String> {
    let point = parse_id(&point, "punktnummer")?;
    write(app, move |s| {
        ops::walks::to_insats(s, point, None, &start).map(|id| id.to_string())
    })
    .await
}

#[tauri::command]
async fn set_point_status(app: AppHandle, point: String, status: PointStatus) -> Reply<()> {
    let point = parse_id(&point, "punktnummer")?;
    write(app, move |s| ops::walks::set_point_status(s, point, status)).await
}

/// Writes a document the core makes (`make`) where the user chooses, and opens it.
fn save_document(
    app: &AppHandle,
    name: &str,
    make: impl FnOnce(&Store, &Path) -> navet::Result<()>,
) -> Reply<Option<String>> {
    let state = app.state::<AppState>();
    let Some(path) = export_target(app, name, "pdf") else {
        return Ok(None);
    };
    // On the writer: a pack is recorded in the export log.
    state.write(|s| make(s, &path))?;
    remember_export(app, &path, true);
    Ok(Some(path.display().to_string()))
}

/// Notes a file this window wrote (so `open_export` may open it again) and, when `open`
/// and no export folder is set (automated tests), opens it in the system's program.
fn remember_export(app: &AppHandle, path: &Path, open: bool) {
    app.state::<Exported>()
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(path.to_path_buf());
    if open && std::env::var_os("NAVET_EXPORT_DIR").is_none() {
        let _ = app
            .opener()
            .open_path(path.display().to_string(), None::<&str>);
    }
}

#[tauri::command]
async fn export_walk_protocol(app: AppHandle, walk: String) -> Reply<Option<String>> {
    let walk = parse_id(&walk, "vandringsnummer")?;
    blocking(app, move |app| {
        let name = app
            .state::<AppState>()
            .read(|s| ops::walks::protocol_file_name(s, walk))?;
        save_document(app, &name, |s, path| ops::walks::protocol(s, walk, path))
    })
    .await
}

#[tauri::command]
async fn list_promises(app: AppHandle) -> Reply<Vec<Promise>> {
    read(app, ops::promises::list).await
}

#[tauri::command]
async fn add_promise(app: AppHandle, promise: NewPromise) -> Reply<Promise> {
    write(app, move |s| ops::promises::add(s, &promise)).await
}

#[tauri::command]
async fn add_commitment(
    app: AppHandle,
    promise: String,
    party: String,
    text: String,
    insats: Option<String>,
) -> Reply<Promise> {
    let promise = parse_id(&promise, "löftesnummer")?;
    let insats = insats
        .filter(|i| !i.is_empty())
        .map(|i| parse_id(&i, "insatsnummer"))
        .transpose()?;
    write(app, move |s| {
        ops::promises::commit(s, promise, &party, &text, insats)
    })
    .await
}

#[tauri::command]
async fn promise_follow_up(app: AppHandle, promise: String, text: String) -> Reply<Promise> {
    let promise = parse_id(&promise, "löftesnummer")?;
    write(app, move |s| ops::promises::follow_up(s, promise, &text)).await
}

#[tauri::command]
async fn export_promise(app: AppHandle, promise: String) -> Reply<Option<String>> {
    let promise = parse_id(&promise, "löftesnummer")?;
    blocking(app, move |app| {
        let name = app
            .state::<AppState>()
            .read(|s| ops::promises::file_name(s, promise))?;
        save_document(app, &name, |s, path| ops::promises::pdf(s, promise, path))
    })
    .await
}

#[tauri::command]
async fn list_backups(app: AppHandle) -> Reply<Vec<BackupInfo>> {
    read(app, ops::backup::list).await
}

/// A backup now; `VACUUM INTO` reads a snapshot, so a reader connection makes it and
/// an import on the writer goes on.
#[tauri::command]
async fn create_backup(app: AppHandle) -> Reply<BackupInfo> {
    read(app, ops::backup::create).await
}

/// Restores one of the backups Navet lists (no other file: the page cannot name one).
#[tauri::command]
async fn restore_backup(app: AppHandle, path: String) -> Reply<BackupInfo> {
    write(app, move |s| {
        let listed = ops::backup::list(s)?.into_iter().any(|b| b.path == path);
        if !listed {
            return Err(Message::NotNavetDatabase { path }.into());
        }
        ops::backup::restore(s, Path::new(&path))
    })
    .await
}

#[tauri::command]
async fn list_sources(app: AppHandle) -> Reply<Vec<Source>> {
    read(app, ops::law::sources).await
}

#[tauri::command]
async fn add_source(app: AppHandle, source: NewSource) -> Reply<Source> {
    write(app, move |s| ops::law::add_source(s, &source)).await
}

#[tauri::command]
async fn delete_source(app: AppHandle, id: String) -> Reply<()> {
    let id = parse_id(&id, "källans nummer")?;
    write(app, move |s| ops::law::delete_source(s, id)).await
}

#[tauri::command]
async fn law_texts(app: AppHandle) -> Reply<LawTexts> {
    read(app, ops::law::texts).await
}

#[tauri::command]
async fn set_law_texts(app: AppHandle, texts: LawTexts) -> Reply<()> {
    write(app, move |s| ops::law::set_texts(s, &texts)).await
}

/// Writes the law's long-period lägesbild where the user chooses, and opens it.
#[tauri::command]
async fn export_law_picture(app: AppHandle, request: LawRequest) -> Reply<Option<String>> {
    blocking(app, move |app| {
        let today = navet::time::today();
        let name = ops::law::lagesbild_file_name(&request, today).map_err(|e| e.payload())?;
        save_document(app, &name, |s, path| {
            ops::law::lagesbild_pdf(s, &request, today, path)
        })
    })
    .await
}

/// Writes the åtgärdsplan where the user chooses, and opens it.
#[tauri::command]
async fn export_action_plan(app: AppHandle, to: Vec<String>) -> Reply<Option<String>> {
    blocking(app, move |app| {
        let name = ops::law::plan_file_name(navet::time::today());
        save_document(app, &name, |s, path| ops::law::plan_pdf(s, &to, path))
    })
    .await
}

/// The files exported in this run of the app, which `open_export` may open.
struct Exported(Mutex<std::collections::HashSet<PathBuf>>);

/// The pairs of reports waiting for the coordinator's word.
#[tauri::command]
async fn list_links(app: AppHandle) -> Reply<Vec<Link>> {
    read(app, |s| ops::links::list(s, Some(LinkStatus::Suggested))).await
}

/// Proposes pairs over the last 8 weeks; returns how many are new.
#[tauri::command]
async fn suggest_links(app: AppHandle) -> Reply<u32> {
    let today = navet::time::today();
    write(app, move |s| ops::links::suggest_recent(s, today)).await
}

#[tauri::command]
async fn confirm_link(app: AppHandle, id: String) -> Reply<()> {
    let id = parse_id(&id, "parnummer")?;
    write(app, move |s| ops::links::confirm(s, id)).await
}

#[tauri::command]
async fn reject_link(app: AppHandle, id: String) -> Reply<()> {
    let id = parse_id(&id, "parnummer")?;
    write(app, move |s| ops::links::reject(s, id)).await
}

/// Finds personal data already stored (and masks it when `mask`).
#[tauri::command]
async fn scan_personal_data(app: AppHandle, mask: bool) -> Reply<PersonalDataScan> {
    write(app, move |s| ops::personal_data::scan(s, mask)).await
}

#[tauri::command]
async fn list_exports(app: AppHandle) -> Reply<Vec<ExportEntry>> {
    read(app, ops::export::log).await
}

/// Opens the database at the default path, with the passphrase of an encrypted one
/// (without it, an encrypted database is the `locked` error the window asks about).
fn open_db(key: Option<&Passphrase>) -> Result<Db, ErrorPayload> {
    let open = || -> navet::Result<Db> {
        let path = navet::db::default_path()?;
        let writer = Store::open_keyed(&path, key)?;
        // A damaged file is shown with the latest backup, never repaired in place.
        ops::check(&writer)?;
        // A daily backup beside the database (the last ten are kept). A failure here
        // (a full disk) must not keep the coordinator out: the backups list in
        // Grunddata shows when the last one was made.
        let _ = ops::backup::daily(&writer);
        around(writer)
    };
    open().map_err(|e| e.payload())
}

/// The readers around an open writer, with its key.
fn around(writer: Store) -> navet::Result<Db> {
    let readers = (0..READERS)
        .map(|_| Store::open_reader_keyed(writer.path(), writer.key()).map(Mutex::new))
        .collect::<navet::Result<Vec<_>>>()?;
    Ok(Db {
        interrupt: writer.interrupt_handle(),
        backup: writer.backup().map(|b| b.display().to_string()),
        writer: Mutex::new(writer),
        readers,
    })
}

/// Opens an encrypted database with the passphrase typed in the window. A wrong one
/// leaves it locked and says so.
#[tauri::command]
async fn unlock(app: AppHandle, passphrase: String) -> Reply<()> {
    blocking(app, move |app| {
        let key = Passphrase::given(passphrase).map_err(|e| e.payload())?;
        let state = app.state::<AppState>();
        let mut guard = state.0.write().unwrap_or_else(PoisonError::into_inner);
        if guard.is_ok() {
            return Ok(());
        }
        let opened = open_db(Some(&key))?;
        *guard = Ok(opened);
        Ok(())
    })
    .await
}

#[tauri::command]
async fn encryption_status(app: AppHandle) -> Reply<EncryptionStatus> {
    read(app, ops::encryption::status).await
}

/// Encrypts the database with a new passphrase (typed twice), changes it, or (with
/// none) removes the encryption. Every connection is closed first and opened again
/// after, under the new key; not while an import runs.
#[tauri::command]
async fn set_encryption(
    app: AppHandle,
    passphrase: Option<String>,
    repeated: Option<String>,
) -> Reply<EncryptionChanged> {
    blocking(app, move |app| {
        let key = passphrase
            .map(|p| Passphrase::chosen(p, repeated.as_deref().unwrap_or("")))
            .transpose()
            .map_err(|e| e.payload())?;
        if app.state::<ImportControl>().running.load(Ordering::SeqCst) {
            return Err(Error::from(Message::ImportRunning).payload());
        }
        let state = app.state::<AppState>();
        // Waits for every running command; none starts until the database is open again.
        let mut guard = state.0.write().unwrap_or_else(PoisonError::into_inner);
        // Until the database is open again, a command that slips through is told why.
        let rewriting = Error::from(Message::DatabaseRewriting).payload();
        let db = match std::mem::replace(&mut *guard, Err(rewriting)) {
            Ok(db) => db,
            // Not open (locked, refused): left as it was.
            Err(e) => {
                *guard = Err(e.clone());
                return Err(e);
            }
        };
        drop(db.readers);
        let mut writer = db
            .writer
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let changed = ops::encryption::set(&mut writer, key.as_ref());
        *guard = around(writer).map_err(|e| e.payload());
        changed.map_err(|e| e.payload())
    })
    .await
}

fn main() {
    let state = AppState(RwLock::new(open_db(None)));
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .manage(ImportFile {
            inspection: Mutex::new(None),
            preview: AtomicU64::new(0),
        })
        .manage(Exported(Mutex::new(Default::default())))
        .manage(ImportControl {
            cancel: AtomicBool::new(false),
            running: AtomicBool::new(false),
        })
        .invoke_handler(tauri::generate_handler![
            app_info,
            list_reports,
            add_report,
            list_places,
            list_categories,
            list_partners,
            load_demo,
            choose_import_file,
            preview_import,
            run_import,
            cancel_import,
            list_imports,
            undo_import,
            list_unplaced,
            resolve_unplaced,
            save_rejected_rows,
            get_picture,
            set_area_status,
            set_analysis,
            save_picture,
            list_saved_pictures,
            get_saved_picture,
            export,
            list_exports,
            scan_personal_data,
            list_links,
            suggest_links,
            confirm_link,
            reject_link,
            list_areas,
            add_area,
            add_place,
            add_partner,
            add_category,
            rename_item,
            set_item_active,
            move_place,
            merge_places,
            place_as_new,
            set_municipality,
            edit_report,
            delete_report,
            restore_report,
            report_history,
            open_export,
            list_insatser,
            add_insats,
            edit_insats,
            insats_effect,
            set_insats_status,
            add_follow_up,
            list_meeting_series,
            list_meetings,
            add_meeting,
            decide,
            next_meetings,
            export_meeting_pack,
            set_rhythm,
            report_nothing,
            late_partners,
            status_history,
            year_wheel,
            choose_photo,
            list_walks,
            add_walk,
            add_walk_point,
            walk_point_to_report,
            walk_point_to_insats,
            set_point_status,
            export_walk_protocol,
            list_promises,
            add_promise,
            add_commitment,
            promise_follow_up,
            export_promise,
            list_sources,
            add_source,
            delete_source,
            law_texts,
            set_law_texts,
            export_law_picture,
            export_action_plan,
            list_backups,
            create_backup,
            unlock,
            encryption_status,
            set_encryption,
            restore_backup
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Navet kunde inte starta: {e}");
        std::process::exit(1);
    }
}
