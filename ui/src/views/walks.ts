// Trygghetsvandringar and medborgarlöften: a walk with its points (a photo copied into
// Navet's data folder, each point made a report or an insats, a status), its protocol;
// a citizen promise with commitments tied to insatser, published as a PDF and
// followed up at the end of its period.

import { h } from "../dom";
import { todayIso } from "../format";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { PointStatus } from "../ipc/generated/PointStatus";
import type { Promise as CitizenPromise } from "../ipc/generated/Promise";
import type { Walk } from "../ipc/generated/Walk";
import type { Lookups } from "./lookups";

const POINT_STATUSES: PointStatus[] = ["öppen", "åtgärdad", "ingen åtgärd"];

export interface WalksView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

export function walksView(api: Commands, lookups: Lookups, onChanged: () => void): WalksView {
  const message = h("p", { id: "walk-message", class: "status", role: "status" });
  const say = (text: string, ok = true) => {
    message.className = ok ? "status ok" : "status error";
    message.textContent = text;
  };
  const fail = (e: unknown) => say(toIpcError(e).message, false);
  const field = (label: string, control: HTMLElement) => h("label", { class: "field" }, label, control);

  // A new walk.
  const wDate = h("input", { id: "walk-date", size: 10, value: todayIso() });
  const wArea = h("select", { id: "walk-area" });
  const wRoute = h("input", { id: "walk-route", size: 30 });
  const wPeople = h("input", { id: "walk-participants", size: 30 });
  const wForm = h(
    "form",
    { id: "walk-form", class: "insats-form" },
    h("h3", {}, t.walkNew),
    h("div", { class: "form-grid" }, field(t.fieldDate, wDate), field(t.placeArea, wArea), field(t.walkRoute, wRoute), field(t.walkParticipants, wPeople)),
    h("button", { type: "submit", id: "walk-save" }, t.walkSave),
  );
  wForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    api
      .addWalk({ date: wDate.value, area: wArea.value || undefined, route: wRoute.value, participants: wPeople.value })
      .then((w) => {
        say(t.walkAdded(w.date));
        return refresh();
      })
      .catch(fail);
  });
  const walks = h("div", { id: "walk-list" });

  function walkCard(w: Walk): HTMLElement {
    const place = h("input", { size: 20, id: `point-place-${w.id}`, "aria-label": t.pointPlace, placeholder: t.pointPlace, list: "walk-places" });
    const problem = h("input", { size: 28, id: `point-problem-${w.id}`, "aria-label": t.pointProblem, placeholder: t.pointProblem });
    const category = h(
      "select",
      { id: `point-category-${w.id}`, "aria-label": t.fieldCategory },
      h("option", { value: "" }, t.insatsAnyCategory),
      ...lookups.categories.filter((c) => c.active).map((c) => h("option", { value: c.name }, c.name)),
    );
    const action = h("input", { size: 24, id: `point-action-${w.id}`, "aria-label": t.pointAction, placeholder: t.pointAction });
    let photo: string | null = null;
    const photoButton = h("button", { type: "button", class: "secondary" }, t.pointPhoto);
    photoButton.addEventListener("click", () => {
      api
        .choosePhoto()
        .then((p) => {
          photo = p;
          if (p) photoButton.textContent = p.split(/[\\/]/).pop() ?? p;
        })
        .catch(fail);
    });
    const pForm = h("form", { class: "inline-form", id: `point-form-${w.id}` }, place, problem, category, action, photoButton, h("button", { type: "submit", class: "secondary" }, t.pointSave));
    pForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      api
        .addWalkPoint(w.id, {
          place: place.value,
          problem: problem.value,
          category: category.value || undefined,
          proposedAction: action.value,
          photo: photo ?? undefined,
        })
        .then(() => {
          say(t.pointAdded);
          return refresh();
        })
        .catch(fail);
    });
    const partner = h(
      "select",
      { "aria-label": t.fieldPartner },
      ...lookups.partners.filter((p) => p.active).map((p) => h("option", { value: p.name }, p.name)),
    );
    const rows = w.points.map((p) => {
      const status = h("select", { "aria-label": t.insatsStatus }, ...POINT_STATUSES.map((s) => h("option", { value: s, selected: s === p.status }, s)));
      status.addEventListener("change", () => {
        api
          .setPointStatus(p.id, status.value as PointStatus)
          .then(() => say(t.pointStatusSaved))
          .catch(fail);
      });
      const toReport = h("button", { type: "button", class: "secondary row-action", disabled: p.report !== null }, t.pointToReport);
      toReport.addEventListener("click", () => {
        api
          .walkPointToReport(p.id, partner.value)
          .then((id) => {
            say(t.pointMadeReport(id));
            onChanged();
            return refresh();
          })
          .catch(fail);
      });
      const toInsats = h("button", { type: "button", class: "secondary row-action", disabled: p.insats !== null }, t.pointToInsats);
      toInsats.addEventListener("click", () => {
        api
          .walkPointToInsats(p.id, todayIso())
          .then((id) => {
            say(t.pointMadeInsats(id));
            onChanged();
            return refresh();
          })
          .catch(fail);
      });
      return h(
        "tr",
        {},
        h("td", { class: p.placeKnown ? "" : "unplaced" }, p.place),
        h("td", {}, p.problem, p.photo ? h("div", { class: "hint" }, p.photo) : ""),
        h("td", {}, p.proposedAction),
        h("td", {}, status),
        h("td", { class: "actions" }, toReport, toInsats),
      );
    });
    const protocol = h("button", { type: "button", id: `walk-protocol-${w.id}` }, t.walkProtocol);
    protocol.addEventListener("click", () => {
      api
        .exportWalkProtocol(w.id)
        .then((path) => {
          if (path) say(t.exported(path, false));
        })
        .catch(fail);
    });
    return h(
      "section",
      { class: "insats-card", "data-walk": w.id },
      h("h3", {}, `${w.area ?? ""} ${w.date}`.trim()),
      w.route ? h("p", { class: "hint" }, `${t.walkRoute}: ${w.route}`) : "",
      rows.length ? h("table", { class: "compact" }, h("tbody", {}, ...rows)) : "",
      rows.length ? h("label", {}, t.fieldPartner, partner) : "",
      pForm,
      protocol,
    );
  }

  // A new promise.
  const pTitle = h("input", { id: "promise-title", size: 30 });
  const pFrom = h("input", { id: "promise-from", size: 10, value: todayIso() });
  const pTo = h("input", { id: "promise-to", size: 10, placeholder: t.datePlaceholder });
  const pParties = h("input", { id: "promise-parties", size: 30 });
  const pAreas = h("input", { id: "promise-areas", size: 20 });
  const pProblems = h("textarea", { id: "promise-problems", rows: 2 });
  const pSummary = h("textarea", { id: "promise-summary", rows: 3 });
  const prForm = h(
    "form",
    { id: "promise-form", class: "insats-form" },
    h("h3", {}, t.promiseNew),
    h(
      "div",
      { class: "form-grid" },
      field(t.promiseTitle, pTitle),
      field(t.promiseFrom, pFrom),
      field(t.promiseTo, pTo),
      field(t.promiseParties, pParties),
      field(t.promiseAreas, pAreas),
    ),
    field(t.promiseProblems, pProblems),
    field(t.promiseSummary, pSummary),
    h("button", { type: "submit", id: "promise-save" }, t.promiseSave),
  );
  prForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    api
      .addPromise({
        title: pTitle.value,
        from: pFrom.value,
        to: pTo.value.trim() || undefined,
        parties: pParties.value,
        areas: pAreas.value,
        problems: pProblems.value,
        summary: pSummary.value,
      })
      .then((p) => {
        say(t.promiseAdded(p.title));
        return refresh();
      })
      .catch(fail);
  });
  const promises = h("div", { id: "promise-list" });

  function promiseCard(p: CitizenPromise, insatser: { id: string; title: string }[]): HTMLElement {
    const party = h("input", { size: 14, "aria-label": t.commitmentParty, placeholder: t.commitmentParty });
    const text = h("input", { size: 30, "aria-label": t.commitmentText, placeholder: t.commitmentText });
    const insats = h(
      "select",
      { "aria-label": t.navInsatser },
      h("option", { value: "" }, t.commitmentInsats),
      ...insatser.map((i) => h("option", { value: i.id }, i.title)),
    );
    const cForm = h("form", { class: "inline-form" }, party, text, insats, h("button", { type: "submit", class: "secondary" }, t.commitmentSave));
    cForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      api
        .addCommitment(p.id, party.value, text.value, insats.value || null)
        .then(() => refresh())
        .catch(fail);
    });
    const follow = h("textarea", { rows: 2, "aria-label": t.promiseFollowUpText }, p.followUp);
    const fSave = h("button", { type: "button", class: "secondary" }, t.promiseFollowUpSave);
    fSave.addEventListener("click", () => {
      api
        .promiseFollowUp(p.id, follow.value)
        .then(() => {
          say(t.saved_);
          return refresh();
        })
        .catch(fail);
    });
    const pdf = h("button", { type: "button", id: `promise-pdf-${p.id}` }, t.promisePdf);
    pdf.addEventListener("click", () => {
      api
        .exportPromise(p.id)
        .then((path) => {
          if (path) say(t.exported(path, false));
        })
        .catch(fail);
    });
    return h(
      "section",
      { class: "insats-card", "data-promise": p.id },
      h("h3", {}, `${p.title} (${p.from} – ${p.to}, ${p.status})`),
      p.commitments.length ? h("ul", { class: "history" }, ...p.commitments.map((c) => h("li", {}, `${c.party ? `${c.party}: ` : ""}${c.text}`))) : "",
      cForm,
      h("label", { class: "field" }, t.promiseFollowUpText, follow),
      h("div", { class: "import-actions" }, fSave, pdf),
    );
  }

  async function refresh(): Promise<void> {
    try {
      const [walkList, promiseList, insatser, areas] = await Promise.all([api.listWalks(), api.listPromises(), api.listInsatser(), api.listAreas()]);
      const chosen = wArea.value;
      wArea.replaceChildren(h("option", { value: "" }, t.noArea), ...areas.filter((a) => a.active).map((a) => h("option", { value: a.name, selected: a.name === chosen }, a.name)));
      walks.replaceChildren(...(walkList.length ? walkList.map(walkCard) : [h("p", { class: "status" }, t.walkNone)]));
      const open = insatser.map((i) => ({ id: i.id, title: i.title }));
      promises.replaceChildren(...(promiseList.length ? promiseList.map((p) => promiseCard(p, open)) : [h("p", { class: "status" }, t.promiseNone)]));
    } catch (e) {
      fail(e);
    }
  }

  const places = h("datalist", { id: "walk-places" });
  const element = h(
    "section",
    { id: "walks" },
    h("h2", {}, t.walksTitle),
    wForm,
    message,
    walks,
    places,
    h("h2", {}, t.promisesTitle),
    prForm,
    promises,
  );
  return {
    element,
    refresh: async () => {
      places.replaceChildren(...lookups.places.filter((p) => p.active).map((p) => h("option", { value: p.name })));
      await refresh();
    },
  };
}
