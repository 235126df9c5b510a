// Insatser: from a problem (an area or places, and a category) to a follow-up. A new
// insats can start from the picture (its area, category and period filled in); each
// insats shows the counts before and after its start, its follow-ups, and a form to
// add one with an effect assessment.

import { h } from "../dom";
import { todayIso } from "../format";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { Effect } from "../ipc/generated/Effect";
import type { Insats } from "../ipc/generated/Insats";
import type { InsatsKind } from "../ipc/generated/InsatsKind";
import type { InsatsStatus } from "../ipc/generated/InsatsStatus";
import type { NewInsats } from "../ipc/generated/NewInsats";
import type { Term } from "../ipc/generated/Term";
import type { Lookups } from "./lookups";

export const STATUSES: InsatsStatus[] = ["planerad", "pågående", "genomförd", "avbruten"];
const EFFECTS: Effect[] = ["tydlig förbättring", "viss förbättring", "ingen förändring", "försämring", "kan inte bedömas"];
/** Weeks before and after an insats's start that are compared, by default. */
const EFFECT_WEEKS = 8;

/** What the picture hands over when an insats starts from one of its rows. */
export interface Problem {
  area?: string;
  category?: string;
  decidedIn?: string;
}

export interface InsatserView {
  element: HTMLElement;
  refresh(): Promise<void>;
  /** Opens the form filled in with a problem from the picture. */
  startFrom(problem: Problem): void;
}

const select = (id: string, values: string[], empty: string | null, chosen = "") =>
  h(
    "select",
    { id },
    ...(empty === null ? [] : [h("option", { value: "" }, empty)]),
    ...values.map((v) => h("option", { value: v, selected: v === chosen }, v)),
  );

export function insatserView(api: Commands, lookups: Lookups): InsatserView {
  const message = h("p", { id: "insats-message", class: "status", role: "status" });
  const say = (text: string, ok = true) => {
    message.className = ok ? "status ok" : "status error";
    message.textContent = text;
  };
  const list = h("div", { id: "insats-list" });
  const dueOnly = h("input", { type: "checkbox", id: "insats-due-only" });

  // The form for a new insats.
  const title = h("input", { id: "insats-title", size: 40, autocomplete: "off" });
  const kind = select("insats-kind", ["situationell", "social"], null);
  const term = select("insats-term", ["kort", "lång"], null);
  const area = h("select", { id: "insats-area" });
  const place = h("select", { id: "insats-place" });
  const category = h("select", { id: "insats-category" });
  const partner = h("select", { id: "insats-partner" });
  const cause = h("input", { id: "insats-cause", size: 40 });
  const contact = h("input", { id: "insats-contact", size: 24 });
  const start = h("input", { id: "insats-start", size: 10, placeholder: t.datePlaceholder, value: todayIso() });
  const followUp = h("input", { id: "insats-follow-up", size: 10, placeholder: t.datePlaceholder });
  const decidedIn = h("input", { id: "insats-decided-in", size: 30 });
  const fillChoices = () => {
    const keep = (s: HTMLSelectElement, values: string[], empty: string) => {
      const chosen = s.value;
      s.replaceChildren(h("option", { value: "" }, empty), ...values.map((v) => h("option", { value: v, selected: v === chosen }, v)));
    };
    keep(area, [...new Set(lookups.places.map((p) => p.area).filter((a): a is string => !!a))].sort(), t.noArea);
    keep(place, lookups.places.filter((p) => p.active).map((p) => p.name), t.insatsAnyPlace);
    keep(category, lookups.categories.filter((c) => c.active).map((c) => c.name), t.insatsAnyCategory);
    keep(partner, lookups.partners.filter((p) => p.active).map((p) => p.name), t.choose);
  };
  const label = (text: string, control: HTMLElement) => h("label", { class: "field" }, text, control);
  const save = h("button", { type: "submit", id: "insats-save" }, t.insatsSave);
  // An insats being changed (its card's "Ändra" fills the form), or none: a new one.
  let editing: Insats | null = null;
  const formTitle = h("h3", { id: "insats-form-title" }, t.insatsNew);
  const cancel = h("button", { type: "button", class: "secondary", id: "insats-edit-cancel", hidden: true }, t.insatsEditCancel);
  const stopEditing = () => {
    editing = null;
    formTitle.textContent = t.insatsNew;
    cancel.hidden = true;
    for (const input of [title, cause, contact, followUp, decidedIn]) input.value = "";
    start.value = todayIso();
  };
  cancel.addEventListener("click", stopEditing);
  const form = h(
    "form",
    { id: "insats-form", class: "insats-form" },
    formTitle,
    h(
      "div",
      { class: "form-grid" },
      label(t.insatsTitle, title),
      label(t.insatsKind, kind),
      label(t.insatsTerm, term),
      label(t.placeArea, area),
      label(t.fieldPlace, place),
      label(t.fieldCategory, category),
      label(t.insatsCause, cause),
      label(t.insatsOwner, partner),
      label(t.insatsContact, contact),
      label(t.insatsStart, start),
      label(t.insatsFollowUp, followUp),
      label(t.insatsDecidedIn, decidedIn),
    ),
    h("div", { class: "actions" }, save, cancel),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const n: NewInsats = {
      title: title.value,
      description: "",
      kind: kind.value as InsatsKind,
      term: term.value as Term,
      places: place.value ? [place.value] : [],
      cause: cause.value,
      partners: partner.value ? [partner.value] : [],
      contact: contact.value,
      start: start.value,
      decidedIn: decidedIn.value,
    };
    if (area.value) n.area = area.value;
    if (category.value) n.category = category.value;
    if (followUp.value.trim()) n.followUp = followUp.value.trim();
    const was = editing;
    if (was) {
      // What the form does not show stays: the description, and the other places and
      // partners when the first one is left as it was.
      n.description = was.description;
      if (place.value === (was.places[0] ?? "")) n.places = was.places;
      if (partner.value === (was.partners[0] ?? "")) n.partners = was.partners;
    }
    save.disabled = true;
    (was ? api.editInsats(was.id, n) : api.addInsats(n))
      .then((i) => {
        say(was ? t.insatsEdited(i.title) : t.insatsAdded(i.title));
        stopEditing();
        return refresh();
      })
      .catch((e: unknown) => say(toIpcError(e).message, false))
      .finally(() => {
        save.disabled = false;
      });
  });

  function card(i: Insats): HTMLElement {
    const where = i.places.length ? i.places.join(", ") : (i.area ?? t.insatsEverywhere);
    const status = select(`insats-status-${i.id}`, STATUSES, null, i.status);
    status.setAttribute("aria-label", t.insatsStatus);
    status.addEventListener("change", () => {
      api
        .setInsatsStatus(i.id, status.value as InsatsStatus)
        .then(() => say(t.insatsStatusSaved(i.title, status.value)))
        .catch((e: unknown) => say(toIpcError(e).message, false));
    });
    const effect = h("p", { class: "hint", id: `insats-effect-${i.id}` }, t.loading);
    api
      .insatsEffect(i.id, EFFECT_WEEKS)
      .then((e) => {
        const year = e.yearBefore ? t.insatsYearBefore(e.yearBefore[0].count, e.yearBefore[1].count) : t.insatsNoYear;
        effect.textContent = `${t.insatsCounts(e.weeks, e.before.count, e.after.count, e.afterIncomplete)} ${year} ${t.insatsCaveat}`;
      })
      .catch((e: unknown) => {
        effect.textContent = toIpcError(e).message;
      });
    // A follow-up: date, effect, text, next date.
    const fDate = h("input", { size: 10, value: todayIso(), id: `follow-up-date-${i.id}`, "aria-label": t.fieldDate });
    const fEffect = select(`follow-up-effect-${i.id}`, EFFECTS, null);
    fEffect.setAttribute("aria-label", t.insatsEffect);
    const fText = h("input", { size: 30, id: `follow-up-text-${i.id}`, "aria-label": t.fieldText, placeholder: t.fieldText });
    const fNext = h("input", { size: 18, id: `follow-up-next-${i.id}`, placeholder: t.insatsNext, "aria-label": t.insatsNext });
    const fSave = h("button", { type: "submit", class: "secondary" }, t.insatsFollowUpSave);
    const fForm = h("form", { class: "inline-form", id: `follow-up-form-${i.id}` }, fDate, fEffect, fText, fNext, fSave);
    fForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      api
        .addFollowUp(i.id, fDate.value, fText.value, fEffect.value as Effect, fNext.value.trim() || null)
        .then(() => {
          say(t.insatsFollowedUp(i.title));
          return refresh();
        })
        .catch((e: unknown) => say(toIpcError(e).message, false));
    });
    const overdue = i.followUp !== null && i.followUp <= todayIso() && (i.status === "planerad" || i.status === "pågående");
    const edit = h("button", { type: "button", class: "secondary", id: `insats-edit-${i.id}` }, t.insatsEdit);
    edit.addEventListener("click", () => {
      fillChoices();
      editing = i;
      formTitle.textContent = t.insatsEditing(i.title);
      cancel.hidden = false;
      title.value = i.title;
      kind.value = i.kind;
      term.value = i.term;
      area.value = i.area ?? "";
      place.value = i.places[0] ?? "";
      category.value = i.category ?? "";
      partner.value = i.partners[0] ?? "";
      cause.value = i.cause;
      contact.value = i.contact;
      start.value = i.start;
      followUp.value = i.followUp ?? "";
      decidedIn.value = i.decidedIn;
      form.scrollIntoView();
      title.focus();
    });
    return h(
      "section",
      { class: `insats-card${overdue ? " due" : ""}`, "data-insats": i.id },
      h("h3", {}, `${i.title}`, overdue ? h("span", { class: "due-mark" }, t.insatsDue) : "", " ", edit),
      h("p", {}, t.insatsLine(where, i.category ?? t.insatsAnyCategory, i.partners.join(", ") || "–", i.start, i.followUp ?? "–")),
      i.cause ? h("p", { class: "hint" }, `${t.insatsCause}: ${i.cause}`) : "",
      i.decidedIn ? h("p", { class: "hint" }, `${t.insatsDecidedIn}: ${i.decidedIn}`) : "",
      h("label", { class: "check" }, t.insatsStatus, status),
      effect,
      i.followUps.length
        ? h("ul", { class: "history" }, ...i.followUps.map((f) => h("li", {}, `${f.date}: ${f.effect}${f.text ? ` – ${f.text}` : ""}`)))
        : "",
      fForm,
    );
  }

  async function refresh(): Promise<void> {
    fillChoices();
    try {
      const all = await api.listInsatser();
      const today = todayIso();
      const shown = dueOnly.checked
        ? all.filter((i) => i.followUp !== null && i.followUp <= today && (i.status === "planerad" || i.status === "pågående"))
        : all;
      list.replaceChildren(...(shown.length ? shown.map(card) : [h("p", { class: "status" }, t.insatsNone)]));
    } catch (e) {
      say(toIpcError(e).message, false);
    }
  }
  dueOnly.addEventListener("change", () => void refresh());

  const element = h(
    "section",
    { id: "insatser" },
    h("h2", {}, t.insatserTitle),
    h("p", { class: "hint" }, t.insatserIntro),
    form,
    message,
    h("label", { class: "check" }, dueOnly, t.insatsDueOnly),
    list,
  );
  return {
    element,
    refresh,
    startFrom(p: Problem) {
      fillChoices();
      area.value = p.area ?? "";
      category.value = p.category ?? "";
      decidedIn.value = p.decidedIn ?? "";
      title.value = p.category && p.area ? t.insatsSuggestedTitle(p.category, p.area) : "";
      title.focus();
    },
  };
}
