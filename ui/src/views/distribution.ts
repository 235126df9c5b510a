// A document's distribution list (återkoppling): the partners and meeting groups it is
// for, plus anyone else typed in. The core names them on the cover and records them in
// the export log.

import { h } from "../dom";
import { t } from "../i18n/sv";

export interface Distribution {
  element: HTMLElement;
  /** Who is ticked or typed, in order. */
  values(): string[];
  /** Refills the boxes (keeping what was ticked) from the current partners and groups. */
  fill(partners: string[], groups: string[]): void;
}

export function distribution(id: string, legend: string): Distribution {
  const boxes = h("div", { class: "checks", id: `${id}-boxes` });
  const other = h("input", { id: `${id}-other`, size: 30, placeholder: t.distributionOther, "aria-label": t.distributionOther });
  const element = h("fieldset", { id, class: "distribution" }, h("legend", {}, legend), boxes, other);
  return {
    element,
    values() {
      const ticked = [...boxes.querySelectorAll<HTMLInputElement>("input:checked")].map((c) => c.value);
      const typed = other.value
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      return [...ticked, ...typed];
    },
    fill(partners, groups) {
      const checked = new Set([...boxes.querySelectorAll<HTMLInputElement>("input:checked")].map((c) => c.value));
      boxes.replaceChildren(
        ...[...groups, ...partners].map((name) =>
          h("label", { class: "check" }, h("input", { type: "checkbox", value: name, checked: checked.has(name) }), name),
        ),
      );
    },
  };
}
