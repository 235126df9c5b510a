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
use navet::db::export_log::ExportEntry;
use navet::db::import_batch::Batch;
use navet::db::partner::Partner;
use navet::db::place::Place;
use navet::db::report::ReportFilter as Filter;
use navet::db::report::{NewReport, Report, ReportFilter, ReportPage};
use navet::demo::{self, DemoSummary};
use navet::error::{ErrorCode, ErrorPayload};
use navet::export::{ExportDone, PictureSource, TableFormat};
use navet::import::{ImportOptions, ImportProgress, ImportResult, UnplacedText};
use navet::ops::AppInfo;
use navet::picture::snapshot::SnapshotListItem;
use navet::picture::{AnalysisPart, Period, PeriodQuery, Picture};
use navet::{Error, Store};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

#[global_allocator]
static ALLOCATOR: navet::Allocator = navet::Allocator;

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
    let id = parse_id(&batch, "importnummer")?;
    state.with(|s| s.undo_import(id))
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

#[tauri::command]
async fn get_picture(state: State<'_, AppState>, query: PeriodQuery) -> Reply<Picture> {
    state.with(|s| s.picture(&query.resolve(navet::time::today())?))
}

#[tauri::command]
async fn set_area_status(
    state: State<'_, AppState>,
    period: Period,
    area: String,
    status: String,
    justification: String,
) -> Reply<()> {
    state.with(|s| s.set_area_status(&period, &area, &status, &justification))
}

#[tauri::command]
async fn set_analysis(
    state: State<'_, AppState>,
    period: Period,
    part: AnalysisPart,
    text: String,
) -> Reply<()> {
    state.with(|s| s.set_analysis(&period, part, &text))
}

#[tauri::command]
async fn save_picture(
    state: State<'_, AppState>,
    period: Period,
    title: Option<String>,
) -> Reply<Picture> {
    state.with(|s| s.save_picture(&period, title.as_deref()))
}

#[tauri::command]
async fn list_saved_pictures(state: State<'_, AppState>) -> Reply<Vec<SnapshotListItem>> {
    state.with(|s| s.saved_pictures())
}

#[tauri::command]
async fn get_saved_picture(state: State<'_, AppState>, id: String) -> Reply<Picture> {
    let id = parse_id(&id, "nummer")?;
    state.with(|s| s.saved_picture(id))
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

/// Exports a picture as PDF, CSV or XLSX (`format`: pdf, csv, xlsx); partner-safe
/// when a partner is named. A PDF is opened in the system viewer afterwards.
#[tauri::command]
async fn export_picture(
    app: AppHandle,
    source: PictureSource,
    format: String,
    partner: Option<String>,
) -> Reply<Option<ExportDone>> {
    blocking(app, move |app| {
        let state = app.state::<AppState>();
        let label = state.with(|s| {
            Ok(match &source {
                PictureSource::Period { period } => period.label(),
                PictureSource::Snapshot { id } => s.saved_picture(*id)?.label,
            })
        })?;
        let base = format!("Lägesbild {label}")
            .replace(' ', "-")
            .to_lowercase();
        let Some(path) = export_target(app, &format!("{base}.{format}"), &format) else {
            return Ok(None);
        };
        let safe = partner.is_some();
        let done = state.with(|s| match format.as_str() {
            "pdf" => s.export_picture_pdf(&source, &path, partner.as_deref()),
            "xlsx" => {
                s.export_picture_table(&source, TableFormat::Xlsx, &path, partner.as_deref(), safe)
            }
            _ => s.export_picture_table(&source, TableFormat::Csv, &path, partner.as_deref(), safe),
        })?;
        if format == "pdf" && std::env::var_os("NAVET_EXPORT_DIR").is_none() {
            let _ = app.opener().open_path(done.path.clone(), None::<&str>);
        }
        Ok(Some(done))
    })
    .await
}

/// Exports reports (filtered) as CSV or XLSX; partner-safe when a partner is named.
#[tauri::command]
async fn export_reports(
    app: AppHandle,
    filter: Filter,
    format: String,
    partner: Option<String>,
) -> Reply<Option<ExportDone>> {
    blocking(app, move |app| {
        let format_kind = if format == "xlsx" {
            TableFormat::Xlsx
        } else {
            TableFormat::Csv
        };
        let Some(path) = export_target(app, &format!("rapporter.{format}"), &format) else {
            return Ok(None);
        };
        let safe = partner.is_some();
        app.state::<AppState>()
            .with(|s| s.export_reports(&filter, format_kind, &path, partner.as_deref(), safe))
            .map(Some)
    })
    .await
}

#[tauri::command]
async fn list_exports(state: State<'_, AppState>) -> Reply<Vec<ExportEntry>> {
    state.with(|s| s.exports())
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
        .plugin(tauri_plugin_opener::init())
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
            save_rejected_rows,
            get_picture,
            set_area_status,
            set_analysis,
            save_picture,
            list_saved_pictures,
            get_saved_picture,
            export_picture,
            export_reports,
            list_exports
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Navet kunde inte starta: {e}");
        std::process::exit(1);
    }
}
