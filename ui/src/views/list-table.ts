// A screen that lists rows from the core with an action on each (the import log's
// undo, the unplaced queue's connect): the rows reload after every action, an empty
// note shows when there are none, and one status line tells how the last action went.

import { h } from "../dom";
import { toIpcError } from "../ipc/commands";

export interface ListTable {
  body: HTMLTableSectionElement;
  message: HTMLParagraphElement;
  empty: HTMLParagraphElement;
  /** Reloads the rows; a failure shows in the status line. */
  refresh(): Promise<void>;
  /**
   * Runs a row's action with its button disabled: on success `run`'s sentence shows,
   * `done` runs and the rows reload; on failure the error shows and the button is
   * enabled again.
   */
  act(button: HTMLButtonElement, run: () => Promise<string>, done: () => void): void;
}

export interface ListTableOptions<T> {
  load: () => Promise<T[]>;
  row: (item: T, index: number) => HTMLTableRowElement;
  bodyId: string;
  emptyText: string;
  messageId?: string;
}

export function listTable<T>(o: ListTableOptions<T>): ListTable {
  const body = h("tbody", { id: o.bodyId });
  const message = h("p", { id: o.messageId, class: "status", role: "status" });
  const empty = h("p", { class: "status", hidden: true }, o.emptyText);

  const fail = (e: unknown) => {
    message.className = "status error";
    message.textContent = toIpcError(e).message;
  };

  async function refresh(): Promise<void> {
    try {
      const list = await o.load();
      body.replaceChildren(...list.map(o.row));
      empty.hidden = list.length > 0;
    } catch (e) {
      fail(e);
    }
  }

  function act(button: HTMLButtonElement, run: () => Promise<string>, done: () => void): void {
    button.disabled = true;
    run()
      .then((text) => {
        message.className = "status ok";
        message.textContent = text;
        done();
        return refresh();
      })
      .catch((e: unknown) => {
        fail(e);
        button.disabled = false;
      });
  }

  return { body, message, empty, refresh, act };
}
