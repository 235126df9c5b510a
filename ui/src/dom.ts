// A tiny element builder: the views are forms and tables, so no framework is needed.
// Text always goes in as text nodes, never as HTML, so report text cannot inject markup.

type Attrs = Record<string, string | number | boolean | undefined | null>;
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** An <option> list: the first entry is the empty choice. */
export function options(empty: string, values: string[], selected = ""): HTMLOptionElement[] {
  return [
    h("option", { value: "", selected: selected === "" }, empty),
    ...values.map((v) => h("option", { value: v, selected: v === selected }, v)),
  ];
}
