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

/** The report fields, their labels and error hints, for the new-report form and the
 *  editor (ids `${prefix}-date`, …, `${prefix}-date-error`, …). */
export function reportFields(prefix: string, lookups: Lookups) {
  const inputs = {
    date: h("input", {
      type: "text",
      name: "date",
      id: `${prefix}-date`,
      required: true,
      value: todayIso(),
      placeholder: t.datePlaceholder,
      inputmode: "numeric",
      maxlength: 10,
    }),
    time: h("input", {
      type: "text",
      name: "time",
      id: `${prefix}-time`,
      placeholder: t.timePlaceholder,
      inputmode: "numeric",
      maxlength: 5,
    }),
    place: lookups.bind(
      h("select", { name: "place", id: `${prefix}-place` }),
      t.placeNone,
      () => lookups.places.filter((p) => p.active).map((p) => p.name),
    ),
    category: lookups.bind(
      h("select", { name: "category", id: `${prefix}-category`, required: true }),
      t.choose,
      () => lookups.categories.filter((c) => c.active).map((c) => c.name),
    ),
    partner: lookups.bind(
      h("select", { name: "partner", id: `${prefix}-partner`, required: true }),
      t.choose,
      () => lookups.partners.filter((p) => p.active).map((p) => p.name),
    ),
    count: h("input", { type: "number", name: "count", id: `${prefix}-count`, min: 1, step: 1, value: 1 }),
    assessment: h("input", { type: "text", name: "assessment", id: `${prefix}-assessment`, maxlength: 200 }),
    text: h("textarea", { name: "text", id: `${prefix}-text`, rows: 4 }),
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
    hints[name] = h("span", { class: "field-error", id: `${prefix}-${name}-error`, role: "alert" });
    inputs[name].setAttribute("aria-describedby", `${prefix}-${name}-error`);
    return h("label", { class: `field field-${name}` }, labels[name], inputs[name], hints[name]);
  });
  const showErrors = (errors: Partial<Record<FieldName, string>>) => {
    for (const name of Object.keys(inputs) as FieldName[]) {
      const text = errors[name] ?? "";
      hints[name].textContent = text;
      inputs[name].toggleAttribute("aria-invalid", text !== "");
    }
  };
  /** The form read and checked: the report to send, or the fields' errors (shown). */
  const read = () => {
    const raw = Object.fromEntries(
      (Object.keys(inputs) as FieldName[]).map((k) => [k, inputs[k].value]),
    ) as unknown as RawReportForm;
    const parsed = toNewReport(raw);
    showErrors("errors" in parsed ? parsed.errors : {});
    return parsed;
  };
  return { inputs, fields, showErrors, read };
}

export function reportForm(api: Commands, lookups: Lookups, onSaved: (r: Report) => void): HTMLElement {
  const { inputs, fields, read } = reportFields("new", lookups);

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

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const parsed = read();
    if ("errors" in parsed) {
      message.textContent = "";
      return;
    }
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
