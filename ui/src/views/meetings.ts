// Meetings: the next meeting of each series, a meeting recorded with its attendees and
// agenda, decisions (which can create an insats or change one's status), and the
// operative group's meeting pack as a PDF.

import { h } from "../dom";
import { todayIso } from "../format";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { InsatsStatus } from "../ipc/generated/InsatsStatus";
import type { Meeting } from "../ipc/generated/Meeting";
import { distribution } from "./distribution";
import { STATUSES } from "./insatser";
import type { Lookups } from "./lookups";

export interface MeetingsView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

export function meetingsView(api: Commands, lookups: Lookups, onChanged: () => void): MeetingsView {
  const message = h("p", { id: "meeting-message", class: "status", role: "status" });
  const say = (text: string, ok = true) => {
    message.className = ok ? "status ok" : "status error";
    message.textContent = text;
  };
  const next = h("ul", { id: "meeting-next" });
  const late = h("ul", { id: "meeting-late" });
  const year = new Date().getFullYear();
  const wheel = h("div", { id: "year-wheel", class: "table-wrap" });
  const statuses = h("ul", { id: "year-statuses", class: "history" });
  const list = h("div", { id: "meeting-list" });
  // Who the packs are for: named on the cover and in the export log.
  const packTo = distribution("meeting-pack-to", t.packDistributionLegend);

  const series = h("select", { id: "meeting-series" });
  const date = h("input", { id: "meeting-date", size: 10, value: todayIso(), placeholder: t.datePlaceholder });
  const agenda = h("textarea", { id: "meeting-agenda", rows: 3 });
  const attendees = h("div", { id: "meeting-attendees", class: "checks" });
  const save = h("button", { type: "submit", id: "meeting-save" }, t.meetingSave);
  const form = h(
    "form",
    { id: "meeting-form", class: "insats-form" },
    h("h3", {}, t.meetingNew),
    h("div", { class: "form-grid" }, h("label", { class: "field" }, t.meetingSeries, series), h("label", { class: "field" }, t.fieldDate, date)),
    h("label", { class: "field" }, t.meetingAgenda, agenda),
    h("fieldset", {}, h("legend", {}, t.meetingAttendees), attendees),
    save,
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const who = [...attendees.querySelectorAll<HTMLInputElement>("input:checked")].map((c) => c.value);
    save.disabled = true;
    api
      .addMeeting({ series: series.value, date: date.value, agenda: agenda.value, notes: "", attendees: who })
      .then((m) => {
        say(t.meetingAdded(m.series, m.date));
        agenda.value = "";
        return refresh();
      })
      .catch((e: unknown) => say(toIpcError(e).message, false))
      .finally(() => {
        save.disabled = false;
      });
  });

  function card(m: Meeting, insatser: { id: string; title: string }[]): HTMLElement {
    const text = h("input", { size: 36, id: `decision-text-${m.id}`, "aria-label": t.decisionText, placeholder: t.decisionText });
    const what = h(
      "select",
      { id: `decision-kind-${m.id}`, "aria-label": t.decisionKind },
      h("option", { value: "note" }, t.decisionNote),
      h("option", { value: "create" }, t.decisionCreate),
      ...insatser.map((i) => h("option", { value: `change:${i.id}` }, t.decisionChange(i.title))),
    );
    const status = h("select", { "aria-label": t.insatsStatus }, ...STATUSES.map((s) => h("option", { value: s }, s)));
    // The status only matters when the decision changes an insats.
    status.hidden = true;
    what.addEventListener("change", () => {
      status.hidden = !what.value.startsWith("change:");
    });
    const decide = h("button", { type: "submit", class: "secondary" }, t.decisionSave);
    const dForm = h("form", { class: "inline-form", id: `decision-form-${m.id}` }, text, what, status, decide);
    dForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const kind = what.value;
      const insats =
        kind === "create"
          ? {
              title: text.value,
              description: "",
              kind: null,
              term: null,
              places: [],
              cause: "",
              partners: [],
              contact: "",
              start: m.date,
              decidedIn: "",
            }
          : null;
      const change: [string, InsatsStatus] | null = kind.startsWith("change:") ? [kind.slice(7), status.value as InsatsStatus] : null;
      api
        .decide(m.id, text.value, insats, change)
        .then(() => {
          say(t.decisionAdded);
          onChanged();
          return refresh();
        })
        .catch((e: unknown) => say(toIpcError(e).message, false));
    });
    const pack = h("button", { type: "button", id: `meeting-pack-${m.id}` }, t.meetingPack);
    pack.addEventListener("click", () => {
      pack.disabled = true;
      api
        .exportMeetingPack(m.id, packTo.values())
        .then((path) => {
          if (path) say(t.exported(path, false));
        })
        .catch((e: unknown) => say(toIpcError(e).message, false))
        .finally(() => {
          pack.disabled = false;
        });
    });
    return h(
      "section",
      { class: "insats-card", "data-meeting": m.id },
      h("h3", {}, `${m.series} ${m.date}`),
      m.attendees.length ? h("p", { class: "hint" }, `${t.meetingAttendees}: ${m.attendees.join(", ")}`) : "",
      m.agenda ? h("p", { class: "pre" }, m.agenda) : "",
      m.decisions.length ? h("ul", { class: "history" }, ...m.decisions.map((d) => h("li", {}, d.text))) : "",
      dForm,
      pack,
    );
  }

  async function refresh(): Promise<void> {
    try {
      const [seriesList, upcoming, meetings, insatser, lateList, w, history] = await Promise.all([
        api.listMeetingSeries(),
        api.nextMeetings(),
        api.listMeetings(),
        api.listInsatser(),
        api.latePartners(),
        api.yearWheel(year),
        api.statusHistory(null, `${year}-01-01`, `${year}-12-31`),
      ]);
      late.replaceChildren(
        ...(lateList.length
          ? lateList.map((l) => h("li", { class: "due" }, t.latePartner(l.partner, l.rhythmDays, l.lastSent, l.daysLate)))
          : [h("li", { class: "hint" }, t.noLatePartners)]),
      );
      const months = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
      wheel.replaceChildren(
        h(
          "table",
          { class: "compact" },
          h("thead", {}, h("tr", {}, h("th", {}, t.colCategory), ...months.map((m) => h("th", { class: "num" }, m)), h("th", { class: "num" }, t.colTotal))),
          h(
            "tbody",
            {},
            ...w.rows.map((r) =>
              h("tr", {}, h("td", {}, r.category), ...r.months.map((n) => h("td", { class: "num" }, n || "")), h("td", { class: "num" }, r.total)),
            ),
          ),
        ),
      );
      statuses.replaceChildren(
        ...(history.length
          ? history.map((e) => h("li", {}, `${e.area}, ${e.from} – ${e.to}: ${e.status} – ${e.justification}`))
          : [h("li", { class: "hint" }, t.noStatusHistory)]),
      );
      const chosen = series.value;
      series.replaceChildren(...seriesList.map((s) => h("option", { value: s.name, selected: s.name === chosen }, s.name)));
      next.replaceChildren(
        ...upcoming.map((n) => h("li", { class: n.overdue ? "due" : "" }, n.date ? t.nextMeeting(n.series, n.date, n.overdue) : t.noMeetingYet(n.series))),
      );
      const checked = new Set([...attendees.querySelectorAll<HTMLInputElement>("input:checked")].map((c) => c.value));
      attendees.replaceChildren(
        ...lookups.partners
          .filter((p) => p.active)
          .map((p) => h("label", { class: "check" }, h("input", { type: "checkbox", value: p.name, checked: checked.has(p.name) }), p.name)),
      );
      packTo.fill(
        lookups.partners.filter((p) => p.active).map((p) => p.name),
        seriesList.map((s) => s.name),
      );
      const open = insatser.filter((i) => i.status === "planerad" || i.status === "pågående").map((i) => ({ id: i.id, title: i.title }));
      list.replaceChildren(...(meetings.length ? meetings.map((m) => card(m, open)) : [h("p", { class: "status" }, t.meetingNone)]));
    } catch (e) {
      say(toIpcError(e).message, false);
    }
  }

  const element = h(
    "section",
    { id: "meetings" },
    h("h2", {}, t.meetingsTitle),
    h("h3", {}, t.nextMeetings),
    next,
    h("h3", {}, t.latePartners),
    late,
    form,
    message,
    packTo.element,
    list,
    h("h2", {}, t.yearTitle(year)),
    h("h3", {}, t.statusHistoryTitle),
    statuses,
    h("h3", {}, t.wheelTitle),
    wheel,
  );
  return { element, refresh };
}
