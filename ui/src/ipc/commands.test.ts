import { describe, expect, it } from "vitest";
import { IpcError, toIpcError } from "./commands";

describe("toIpcError", () => {
  it("keeps the core's code and message", () => {
    const e = toIpcError({ code: "notFound", message: 'Plats: okänd plats "x".' });
    expect(e).toBeInstanceOf(IpcError);
    expect(e.code).toBe("notFound");
    expect(e.message).toBe('Plats: okänd plats "x".');
  });
  it("wraps anything else as internal", () => {
    expect(toIpcError("boom").code).toBe("internal");
    expect(toIpcError(new Error("kaputt")).message).toBe("kaputt");
  });
});
