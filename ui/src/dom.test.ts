import { describe, expect, it } from "vitest";
import { h, options } from "./dom";

describe("h", () => {
  it("inserts text as text, never as markup", () => {
    const el = h("td", {}, "<img src=x onerror=alert(1)>");
    expect(el.children.length).toBe(0);
    expect(el.textContent).toBe("<img src=x onerror=alert(1)>");
  });
  it("sets boolean attributes only when true", () => {
    const el = h("input", { required: true, disabled: false, value: 3 });
    expect(el.hasAttribute("required")).toBe(true);
    expect(el.hasAttribute("disabled")).toBe(false);
    expect(el.getAttribute("value")).toBe("3");
  });
  it("builds option lists with the empty choice first", () => {
    const opts = options("Alla", ["A", "B"], "B");
    expect(opts.map((o) => o.value)).toEqual(["", "A", "B"]);
    expect(opts[2]?.selected).toBe(true);
  });
});
