// The one door from the UI to the Tauri shell: a typed function per command.
// Argument and result types are generated from Rust (./generated, by ts-rs).

import { Channel, invoke } from "@tauri-apps/api/core";
import type { Batch } from "./generated/Batch";
import type { ImportOptions } from "./generated/ImportOptions";
import type { ImportProgress } from "./generated/ImportProgress";
import type { ImportResult } from "./generated/ImportResult";
import type { UnplacedText } from "./generated/UnplacedText";
import type { AnalysisPart } from "./generated/AnalysisPart";
import type { ExportDone } from "./generated/ExportDone";
import type { ExportEntry } from "./generated/ExportEntry";
import type { PersonalDataScan } from "./generated/PersonalDataScan";
import type { Link } from "./generated/Link";
import type { Audience } from "./generated/Audience";
import type { ExportFormat } from "./generated/ExportFormat";
import type { ExportRequest } from "./generated/ExportRequest";
import type { Period } from "./generated/Period";
import type { PeriodQuery } from "./generated/PeriodQuery";
import type { Picture } from "./generated/Picture";
import type { PictureSource } from "./generated/PictureSource";
import type { SnapshotListItem } from "./generated/SnapshotListItem";
import type { AppInfo } from "./generated/AppInfo";
import type { Area } from "./generated/Area";
import type { Category } from "./generated/Category";
import type { Kind } from "./generated/Kind";
import type { HistoryEntry } from "./generated/HistoryEntry";
import type { Effect } from "./generated/Effect";
import type { EffectCounts } from "./generated/EffectCounts";
import type { Insats } from "./generated/Insats";
import type { InsatsStatus } from "./generated/InsatsStatus";
import type { Meeting } from "./generated/Meeting";
import type { NewInsats } from "./generated/NewInsats";
import type { NewMeeting } from "./generated/NewMeeting";
import type { NextMeeting } from "./generated/NextMeeting";
import type { Series } from "./generated/Series";
import type { LatePartner } from "./generated/LatePartner";
import type { StatusEntry } from "./generated/StatusEntry";
import type { Wheel } from "./generated/Wheel";
import type { NewPoint } from "./generated/NewPoint";
import type { NewPromise } from "./generated/NewPromise";
import type { NewSource } from "./generated/NewSource";
import type { BackupInfo } from "./generated/BackupInfo";
import type { EncryptionChanged } from "./generated/EncryptionChanged";
import type { EncryptionStatus } from "./generated/EncryptionStatus";
import type { Source } from "./generated/Source";
import type { LawRequest } from "./generated/LawRequest";
import type { LawTexts } from "./generated/LawTexts";
import type { NewWalk } from "./generated/NewWalk";
import type { Point } from "./generated/Point";
import type { PointStatus } from "./generated/PointStatus";
import type { Promise as CitizenPromise } from "./generated/Promise";
import type { Walk } from "./generated/Walk";
import type { NewPlace } from "./generated/NewPlace";
import type { DemoSummary } from "./generated/DemoSummary";
import type { ErrorCode } from "./generated/ErrorCode";
import type { ErrorPayload } from "./generated/ErrorPayload";
import type { NewReport } from "./generated/NewReport";
import type { Partner } from "./generated/Partner";
import type { Place } from "./generated/Place";
import type { Report } from "./generated/Report";
import type { ReportFilter } from "./generated/ReportFilter";
import type { ReportPage } from "./generated/ReportPage";
import { t } from "../i18n/sv";

/** A failed command: the core's stable code and its Swedish message. */
export class IpcError extends Error {
  readonly code: ErrorCode;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = "IpcError";
    this.code = payload.code;
  }
}

function isPayload(e: unknown): e is ErrorPayload {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as Record<string, unknown>).code === "string" &&
    typeof (e as Record<string, unknown>).message === "string"
  );
}

/** Turns whatever `invoke` rejected with into an IpcError. */
export function toIpcError(e: unknown): IpcError {
  if (e instanceof IpcError) return e;
  if (isPayload(e)) return new IpcError(e);
  return new IpcError({ code: "internal", message: e instanceof Error ? e.message : t.unexpected });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

/** A named recipient makes a file partner-safe; no recipient means internal use. */
function audience(partner: string | null): Audience {
  return partner ? { type: "partner", name: partner } : { type: "internal" };
}

export const commands = {
  appInfo: () => call<AppInfo>("app_info"),
  listReports: (filter: ReportFilter) => call<ReportPage>("list_reports", { filter }),
  addReport: (report: NewReport) => call<Report>("add_report", { report }),
  editReport: (id: string, report: NewReport) => call<Report>("edit_report", { id, report }),
  deleteReport: (id: string) => call<string>("delete_report", { id }),
  restoreReport: (change: string) => call<Report>("restore_report", { change }),
  reportHistory: (id: string) => call<HistoryEntry[]>("report_history", { id }),
  listPlaces: () => call<Place[]>("list_places"),
  listCategories: () => call<Category[]>("list_categories"),
  listPartners: () => call<Partner[]>("list_partners"),
  listAreas: () => call<Area[]>("list_areas"),
  addArea: (name: string) => call<null>("add_area", { name }),
  addPlace: (place: NewPlace) => call<null>("add_place", { place }),
  addPartner: (name: string) => call<null>("add_partner", { name }),
  addCategory: (name: string) => call<null>("add_category", { name }),
  renameItem: (kind: Kind, name: string, newName: string) => call<null>("rename_item", { kind, name, newName }),
  setItemActive: (kind: Kind, name: string, active: boolean) => call<null>("set_item_active", { kind, name, active }),
  movePlace: (place: string, area: string | null) => call<null>("move_place", { place, area }),
  mergePlaces: (from: string, into: string) => call<number>("merge_places", { from, into }),
  placeAsNew: (text: string, area: string | null) => call<number>("place_as_new", { text, area }),
  setMunicipality: (name: string) => call<null>("set_municipality", { name }),
  loadDemo: (weeks?: number) => call<DemoSummary>("load_demo", { weeks: weeks ?? null }),
  chooseImportFile: () => call<string | null>("choose_import_file"),
  previewImport: (path: string, options: ImportOptions) => call<ImportResult>("preview_import", { path, options }),
  runImport: (path: string, options: ImportOptions, onProgress: (p: ImportProgress) => void) => {
    const channel = new Channel<ImportProgress>();
    channel.onmessage = onProgress;
    return call<ImportResult>("run_import", { path, options, onProgress: channel });
  },
  cancelImport: () => call<null>("cancel_import"),
  listImports: () => call<Batch[]>("list_imports"),
  undoImport: (batch: string) => call<number>("undo_import", { batch }),
  listUnplaced: () => call<UnplacedText[]>("list_unplaced"),
  resolveUnplaced: (place: string, text: string) => call<number>("resolve_unplaced", { place, text }),
  saveRejectedRows: (batch: string) => call<string | null>("save_rejected_rows", { batch }),
  getPicture: (query: PeriodQuery) => call<Picture>("get_picture", { query }),
  setAreaStatus: (period: Period, area: string, status: string, justification: string) =>
    call<null>("set_area_status", { period, area, status, justification }),
  setAnalysis: (period: Period, part: AnalysisPart, text: string) => call<null>("set_analysis", { period, part, text }),
  savePicture: (period: Period, title: string | null) => call<Picture>("save_picture", { period, title }),
  listSavedPictures: () => call<SnapshotListItem[]>("list_saved_pictures"),
  getSavedPicture: (id: string) => call<Picture>("get_saved_picture", { id }),
  exportPicture: (picture: PictureSource, format: ExportFormat, partner: string | null, withAnalysis = false) =>
    call<ExportDone | null>("export", {
      request: {
        source: { type: "picture", picture },
        format,
        audience: audience(partner),
        withAnalysis,
      } satisfies ExportRequest,
    }),
  exportReports: (filter: ReportFilter, format: Exclude<ExportFormat, "pdf">, partner: string | null, byPlace = false) =>
    call<ExportDone | null>("export", {
      request: {
        source: { type: "reports", filter, byPlace },
        format,
        audience: audience(partner),
      } satisfies ExportRequest,
    }),
  listExports: () => call<ExportEntry[]>("list_exports"),
  openExport: (path: string) => call<null>("open_export", { path }),
  listInsatser: () => call<Insats[]>("list_insatser"),
  addInsats: (insats: NewInsats) => call<Insats>("add_insats", { insats }),
  editInsats: (id: string, insats: NewInsats) => call<Insats>("edit_insats", { id, insats }),
  insatsEffect: (id: string, weeks: number) => call<EffectCounts>("insats_effect", { id, weeks }),
  setInsatsStatus: (id: string, status: InsatsStatus) => call<Insats>("set_insats_status", { id, status }),
  addFollowUp: (id: string, date: string, text: string, effect: Effect, next: string | null) =>
    call<Insats>("add_follow_up", { id, date, text, effect, next }),
  listMeetingSeries: () => call<Series[]>("list_meeting_series"),
  listMeetings: () => call<Meeting[]>("list_meetings"),
  addMeeting: (meeting: NewMeeting) => call<Meeting>("add_meeting", { meeting }),
  decide: (meeting: string, text: string, insats: NewInsats | null, change: [string, InsatsStatus] | null) =>
    call<Meeting>("decide", { meeting, text, insats, change }),
  nextMeetings: () => call<NextMeeting[]>("next_meetings"),
  exportMeetingPack: (meeting: string, to: string[]) => call<string | null>("export_meeting_pack", { meeting, to }),
  setRhythm: (partner: string, days: number | null) => call<null>("set_rhythm", { partner, days }),
  reportNothing: (partner: string, from: string, to: string) => call<null>("report_nothing", { partner, from, to }),
  latePartners: () => call<LatePartner[]>("late_partners"),
  statusHistory: (area: string | null, from: string, to: string) => call<StatusEntry[]>("status_history", { area, from, to }),
  yearWheel: (year: number) => call<Wheel>("year_wheel", { year }),
  choosePhoto: () => call<string | null>("choose_photo"),
  listWalks: () => call<Walk[]>("list_walks"),
  addWalk: (walk: NewWalk) => call<Walk>("add_walk", { walk }),
  addWalkPoint: (walk: string, point: NewPoint) => call<Point>("add_walk_point", { walk, point }),
  walkPointToReport: (point: string, partner: string) => call<string>("walk_point_to_report", { point, partner }),
  walkPointToInsats: (point: string, start: string) => call<string>("walk_point_to_insats", { point, start }),
  setPointStatus: (point: string, status: PointStatus) => call<null>("set_point_status", { point, status }),
  exportWalkProtocol: (walk: string) => call<string | null>("export_walk_protocol", { walk }),
  listPromises: () => call<CitizenPromise[]>("list_promises"),
  addPromise: (promise: NewPromise) => call<CitizenPromise>("add_promise", { promise }),
  addCommitment: (promise: string, party: string, text: string, insats: string | null) =>
    call<CitizenPromise>("add_commitment", { promise, party, text, insats }),
  promiseFollowUp: (promise: string, text: string) => call<CitizenPromise>("promise_follow_up", { promise, text }),
  exportPromise: (promise: string) => call<string | null>("export_promise", { promise }),
  listSources: () => call<Source[]>("list_sources"),
  addSource: (source: NewSource) => call<Source>("add_source", { source }),
  deleteSource: (id: string) => call<null>("delete_source", { id }),
  lawTexts: () => call<LawTexts>("law_texts"),
  setLawTexts: (texts: LawTexts) => call<null>("set_law_texts", { texts }),
  exportLawPicture: (request: LawRequest) => call<string | null>("export_law_picture", { request }),
  exportActionPlan: (to: string[]) => call<string | null>("export_action_plan", { to }),
  listBackups: () => call<BackupInfo[]>("list_backups"),
  createBackup: () => call<BackupInfo>("create_backup"),
  unlock: (passphrase: string) => call<null>("unlock", { passphrase }),
  encryptionStatus: () => call<EncryptionStatus>("encryption_status"),
  /** A new passphrase typed twice, or null for none (the encryption is removed). */
  setEncryption: (passphrase: string | null, repeated: string | null) =>
    call<EncryptionChanged>("set_encryption", { passphrase, repeated }),
  restoreBackup: (path: string) => call<BackupInfo>("restore_backup", { path }),
  scanPersonalData: (mask: boolean) => call<PersonalDataScan>("scan_personal_data", { mask }),
  listLinks: () => call<Link[]>("list_links"),
  suggestLinks: () => call<number>("suggest_links"),
  confirmLink: (id: string) => call<null>("confirm_link", { id }),
  rejectLink: (id: string) => call<null>("reject_link", { id }),
};

export type Commands = typeof commands;
