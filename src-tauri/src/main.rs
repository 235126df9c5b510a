//! The Navet desktop app: a window over the core, nothing else.
//!
//! Each command is `async` (so it runs off the main thread), translates its
//! arguments, makes one core call and returns the result; errors cross as
//! `{ code, message }` ([`navet::error::ErrorPayload`]). All logic lives in the core.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use navet::db::category::Category;
use navet::db::import_batch::Batch;
use navet::db::partner::Partner;
use navet::db::place::Place;
use navet::db::report::{NewReport, Report, ReportFilter, ReportPage};
use navet::demo::{self, DemoSummary};
use navet::error::{ErrorCode, ErrorPayload};
use navet::import::{ImportOptions, ImportProgress, ImportResult, UnplacedText};
use navet::ops::AppInfo;
use navet::{Error, Store};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

/// The open database, or why it could not be opened (shown in the window).
struct AppState(Result<Mutex<Store>, ErrorPayload>);

/// Set by `cancel_import`; read by a running import between rows.
struct CancelImport(AtomicBool);

type Reply<T> = Result<T, ErrorPayload>;

impl AppState {
    fn with<T>(&self, f: impl FnOnce(&mut Store) -> navet::Result<T>) -> Reply<T> {
        let store = self.0.as_ref().map_err(Clone::clone)?;
        let mut guard = store.lock().map_err(|_| ErrorPayload {
            code: ErrorCode::Internal,
            message: "Databasen är låst efter ett tidigare fel; starta om Navet.".into(),
        })?;
        f(&mut guard).map_err(|e: Error| e.payload())
    }
}

#[tauri::command]
async fn app_info(state: State<'_, AppState>) -> Reply<AppInfo> {
    state.with(|s| s.info())
}

#[tauri::command]
async fn list_reports(state: State<'_, AppState>, filter: ReportFilter) -> Reply<ReportPage> {
    state.with(|s| s.reports(&filter))
}

#[tauri::command]
async fn add_report(state: State<'_, AppState>, report: NewReport) -> Reply<Report> {
    state.with(|s| s.add_report(&report))
}

#[tauri::command]
async fn list_places(state: State<'_, AppState>) -> Reply<Vec<Place>> {
    state.with(|s| s.places())
}

#[tauri::command]
async fn list_categories(state: State<'_, AppState>) -> Reply<Vec<Category>> {
    state.with(|s| s.categories())
}

#[tauri::command]
async fn list_partners(state: State<'_, AppState>) -> Reply<Vec<Partner>> {
    state.with(|s| s.partners())
}

#[tauri::command]
async fn load_demo(state: State<'_, AppState>, weeks: Option<u32>) -> Reply<DemoSummary> {
    let end = demo::default_end(navet::time::today());
    state.with(|s| s.load_demo(weeks.unwrap_or(demo::DEFAULT_WEEKS), end))
}

/// Runs a blocking core call off the async runtime's threads (imports take seconds).
async fn blocking<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&AppHandle) -> Reply<T> + Send + 'static,
) -> Reply<T> {
    tauri::async_runtime::spawn_blocking(move || f(&app))
        .await
        .map_err(|e| ErrorPayload {
            code: ErrorCode::Internal,
            message: e.to_string(),
        })?
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

#[tauri::command]
async fn preview_import(
    app: AppHandle,
    path: String,
    options: ImportOptions,
) -> Reply<ImportResult> {
    blocking(app, move |app| {
        let opts = ImportOptions {
            dry_run: true,
            ..options
        };
        app.state::<AppState>()
            .with(|s| s.import_file(&PathBuf::from(&path), &opts))
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
        let cancel = &app.state::<CancelImport>().0;
        cancel.store(false, Ordering::SeqCst);
        let opts = ImportOptions {
            dry_run: false,
            ..options
        };
        app.state::<AppState>().with(|s| {
            s.import_file_with_progress(&PathBuf::from(&path), &opts, &|p| {
                let _ = on_progress.send(p);
                !cancel.load(Ordering::SeqCst)
            })
        })
    })
    .await
}

#[tauri::command]
async fn cancel_import(cancel: State<'_, CancelImport>) -> Reply<()> {
    cancel.0.store(true, Ordering::SeqCst);
    Ok(())
}

#[tauri::command]
async fn list_imports(state: State<'_, AppState>) -> Reply<Vec<Batch>> {
    state.with(|s| s.imports())
}

#[tauri::command]
async fn undo_import(state: State<'_, AppState>, batch: String) -> Reply<u32> {
    let id = batch.parse().map_err(|_| ErrorPayload {
        code: ErrorCode::Invalid,
        message: format!("Ogiltigt importnummer: {batch}"),
    })?;
    state.with(|s| s.undo_import(id))
}

#[tauri::command]
async fn save_rejected_rows(app: AppHandle, batch: String) -> Reply<Option<String>> {
    let id: i64 = batch.parse().map_err(|_| ErrorPayload {
        code: ErrorCode::Invalid,
        message: format!("Ogiltigt importnummer: {batch}"),
    })?;
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
            .with(|s| s.write_rejected_csv(id, &path))
            .map(|_| Some(path.display().to_string()))
    })
    .await
}

#[tauri::command]
async fn list_unplaced(state: State<'_, AppState>) -> Reply<Vec<UnplacedText>> {
    state.with(|s| s.unplaced())
}

#[tauri::command]
async fn resolve_unplaced(state: State<'_, AppState>, place: String, text: String) -> Reply<u32> {
    state.with(|s| s.add_alias(&place, &text))
}

fn open_store() -> Result<Mutex<Store>, ErrorPayload> {
    navet::db::default_path()
        .and_then(Store::open)
        .map(Mutex::new)
        .map_err(|e| e.payload())
}

fn main() {
    let state = AppState(open_store());
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(CancelImport(AtomicBool::new(false)))
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
            save_rejected_rows
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Navet kunde inte starta: {e}");
        std::process::exit(1);
    }
}
