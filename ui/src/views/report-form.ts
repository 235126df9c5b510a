// The add-report form. Fields are checked here for quick feedback; the core
// checks again and its message (naming the field) is shown if it refuses.

import { h } from "../dom";
import { todayIso, when } from "../format";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { Report } from "../ipc/generated/Report";
import { toNewReport, type RawReportForm } from "../report-form-data";
import type { Lookups } from "./lookups";

type FieldName = keyof RawReportForm;

export function reportForm(api: Commands, lookups: Lookups, onSaved: (r: Report) => void): HTMLElement {
  const inputs = {
    date: h("input", {
      type: "text",
      name: "date",
      id: "new-date",
      required: true,
      value: todayIso(),
      placeholder: t.datePlaceholder,
      inputmode: "numeric",
      maxlength: 10,
    }),
    time: h("input", {
      type: "text",
      name: "time",
      id: "new-time",
      placeholder: t.timePlaceholder,
      inputmode: "numeric",
      maxlength: 5,
    }),
    place: lookups.bind(
      h("select", { name: "place", id: "new-place" }),
      t.placeNone,
      () => lookups.places.filter((p) => p.active).map((p) => p.name),
    ),
    category: lookups.bind(
      h("select", { name: "category", id: "new-category", required: true }),
      t.choose,
      () => lookups.categories.filter((c) => c.active).map((c) => c.name),
    ),
    partner: lookups.bind(
      h("select", { name: "partner", id: "new-partner", required: true }),
      t.choose,
      () => lookups.partners.filter((p) => p.active).map((p) => p.name),
    ),
    count: h("input", { type: "number", name: "count", id: "new-count", min: 1, step: 1, value: 1 }),
    assessment: h("input", { type: "text", name: "assessment", id: "new-assessment", maxlength: 200 }),
    text: h("textarea", { name: "text", id: "new-text", rows: 4 }),
  } satisfies Record<FieldName, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;

  const labels: Record<FieldName, string> = {
    date: t.fieldDate,
    time: t.fieldTime,
    place: t.fieldPlace,
    category: t.fieldCategory,
    partner: t.fieldPartner,
    count: t.fieldCount,
    assessment: t.fieldAssessment,
    text: t.fieldText,
  };
  const hints = {} as Record<FieldName, HTMLElement>;
  const fields = (Object.keys(inputs) as FieldName[]).map((name) => {
    hints[name] = h("span", { class: "field-error", id: `new-${name}-error`, role: "alert" });
    inputs[name].setAttribute("aria-describedby", `new-${name}-error`);
    return h("label", { class: `field field-${name}` }, labels[name], inputs[name], hints[name]);
  });

  const submit = h("button", { type: "submit", id: "new-save" }, t.save);
  const message = h("p", { id: "new-message", class: "status", role: "status" });
  const form = h(
    "form",
    { id: "report-form", class: "report-form", novalidate: true },
    h("h2", {}, t.formTitle),
    lookups.partners.length === 0 ? h("p", { class: "hint" }, t.noPartners) : null,
    ...fields,
    submit,
    message,
  );

  const showErrors = (errors: Partial<Record<FieldName, string>>) => {
    for (const name of Object.keys(inputs) as FieldName[]) {
      const text = errors[name] ?? "";
      hints[name].textContent = text;
      inputs[name].toggleAttribute("aria-invalid", text !== "");
    }
  };

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const raw = Object.fromEntries(
      (Object.keys(inputs) as FieldName[]).map((k) => [k, inputs[k].value]),
    ) as unknown as RawReportForm;
    const parsed = toNewReport(raw);
    if ("errors" in parsed) {
      showErrors(parsed.errors);
      message.textContent = "";
      return;
    }
    showErrors({});
    submit.disabled = true;
    api
      .addReport(parsed.report)
      .then((saved) => {
        message.className = "status ok";
        message.textContent = t.saved(when(saved), saved.place ?? t.unplaced);
        inputs.text.value = "";
        inputs.assessment.value = "";
        inputs.count.value = "1";
        onSaved(saved);
      })
      .catch((e: unknown) => {
        message.className = "status error";
        message.textContent = toIpcError(e).message;
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  return form;
}
