//! The Navet desktop app: a window over the core, nothing else.
//!
//! Each command is `async` (so it runs off the main thread), translates its
//! arguments, makes one core call and returns the result; errors cross as
//! `{ code, message }` ([`navet::error::ErrorPayload`]). All logic lives in the core.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::sync::Mutex;

use navet::db::category::Category;
use navet::db::partner::Partner;
use navet::db::place::Place;
use navet::db::report::{NewReport, Report, ReportFilter, ReportPage};
use navet::demo::{self, DemoSummary};
use navet::error::{ErrorCode, ErrorPayload};
use navet::ops::AppInfo;
use navet::{Error, Store};
use tauri::State;

/// The open database, or why it could not be opened (shown in the window).
struct AppState(Result<Mutex<Store>, ErrorPayload>);

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

fn open_store() -> Result<Mutex<Store>, ErrorPayload> {
    navet::db::default_path()
        .and_then(Store::open)
        .map(Mutex::new)
        .map_err(|e| e.payload())
}

fn main() {
    let state = AppState(open_store());
    let result = tauri::Builder::default()
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            app_info,
            list_reports,
            add_report,
            list_places,
            list_categories,
            list_partners,
            load_demo
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Navet kunde inte starta: {e}");
        std::process::exit(1);
    }
}
