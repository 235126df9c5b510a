// A minimal W3C WebDriver client over fetch: enough to drive the Navet window
// through tauri-driver without pulling in a test framework.

export class WebDriver {
  constructor(base) {
    this.base = base;
    this.session = null;
  }

  async cmd(method, path, body) {
    const url = this.session ? `${this.base}/session/${this.session}${path}` : `${this.base}${path}`;
    const res = await fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) {
      const v = json.value ?? {};
      throw new Error(`${method} ${path}: ${v.error ?? res.status} ${v.message ?? ""}`);
    }
    return json.value;
  }

  async start(application) {
    const value = await this.cmd("POST", "/session", {
      capabilities: { alwaysMatch: { browserName: "wry", "tauri:options": { application } } },
    });
    this.session = value.sessionId;
  }

  /** Resizes the window (W3C "Set Window Rect"). */
  async setSize(width, height) {
    await this.cmd("POST", "/window/rect", { width, height });
  }

  async stop() {
    if (this.session) {
      await this.cmd("DELETE", "").catch(() => {});
      this.session = null;
    }
  }

  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return Object.values(v)[0];
  }

  async findAll(css) {
    const v = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return v.map((e) => Object.values(e)[0]);
  }

  /** Waits until `css` matches an element (and `pred(text)` holds, if given). */
  async waitFor(css, { timeout = 20000, pred } = {}) {
    const until = Date.now() + timeout;
    let last = "";
    for (;;) {
      try {
        const id = await this.find(css);
        const text = await this.text(id);
        last = text;
        if (!pred || pred(text)) return id;
      } catch (e) {
        last = String(e);
      }
      if (Date.now() > until) throw new Error(`timed out waiting for ${css} (last: ${last})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  text(id) {
    return this.cmd("GET", `/element/${id}/text`);
  }

  click(id) {
    return this.cmd("POST", `/element/${id}/click`, {});
  }

  type(id, text) {
    return this.cmd("POST", `/element/${id}/value`, { text });
  }

  clear(id) {
    return this.cmd("POST", `/element/${id}/clear`, {});
  }

  attribute(id, name) {
    return this.cmd("GET", `/element/${id}/attribute/${name}`);
  }

  property(id, name) {
    return this.cmd("GET", `/element/${id}/property/${name}`);
  }

  execute(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  screenshot() {
    return this.cmd("GET", "/screenshot");
  }
}
