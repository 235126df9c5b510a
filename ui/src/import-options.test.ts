import { describe, expect, it } from "vitest";
import { importOptions, mappingFrom } from "./import-options";

describe("importOptions", () => {
  it("lets Navet suggest the mapping until the user edits it", () => {
    const o = importOptions({ partner: "", onProblem: "flag", mask: true, mapping: null });
    expect(o).toEqual({ onProblem: "flag", keepPersonalData: false, columns: [], replaceMapping: false, categories: [], dryRun: false, dateFixes: [] });
  });
  it("sends the whole edited mapping by column number", () => {
    const mapping = mappingFrom([
      { header: "När", index: 0, field: "date" },
      { header: "", index: 1, field: null },
      { header: "Vad", index: 2, field: "category" },
    ]);
    expect(mapping).toEqual([
      ["1", "date"],
      ["3", "category"],
    ]);
    const o = importOptions({ partner: "Polisen", onProblem: "skip", mask: false, mapping });
    expect(o.replaceMapping).toBe(true);
    expect(o.partner).toBe("Polisen");
    expect(o.keepPersonalData).toBe(true);
  });
});
