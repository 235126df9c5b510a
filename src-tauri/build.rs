//! Lists the app's commands so each must be granted in `capabilities/` (no command
//! is reachable from the webview unless a capability allows it).

const COMMANDS: &[&str] = &[
    "app_info",
    "list_reports",
    "add_report",
    "list_places",
    "list_categories",
    "list_partners",
    "load_demo",
    "choose_import_file",
    "preview_import",
    "run_import",
    "cancel_import",
    "list_imports",
    "undo_import",
    "list_unplaced",
    "resolve_unplaced",
    "save_rejected_rows",
    "get_picture",
    "set_area_status",
    "set_analysis",
    "save_picture",
    "list_saved_pictures",
    "get_saved_picture",
    "export",
    "list_exports",
    "scan_personal_data",
    "list_links",
    "suggest_links",
    "confirm_link",
    "reject_link",
    "list_areas",
    "add_area",
    "add_place",
    "add_partner",
    "add_category",
    "rename_item",
    "set_item_active",
    "move_place",
    "merge_places",
    "place_as_new",
    "set_municipality",
    "edit_report",
    "delete_report",
    "restore_report",
    "report_history",
    "open_export",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .unwrap_or_else(|e| panic!("tauri build step failed: {e:#}"));
}
