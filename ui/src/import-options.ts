// Builds the ImportOptions the shell expects from what the wizard shows.

import type { Field } from "./ipc/generated/Field";
import type { ImportOptions } from "./ipc/generated/ImportOptions";
import type { OnProblem } from "./ipc/generated/OnProblem";

export interface WizardChoices {
  partner: string;
  onProblem: OnProblem;
  mask: boolean;
  /** The whole mapping from the editor, or null to let Navet suggest (or use the profile). */
  mapping: [string, Field][] | null;
  /** Partner label → category chosen in the preview. */
  categories?: [string, string][];
  /** Line → date typed for a row whose own date could not be read. */
  dateFixes?: [number, string][];
}

export function importOptions(c: WizardChoices): ImportOptions {
  const o: ImportOptions = {
    onProblem: c.onProblem,
    keepPersonalData: !c.mask,
    columns: c.mapping ?? [],
    replaceMapping: c.mapping !== null,
    categories: c.categories ?? [],
    dryRun: false,
    dateFixes: c.dateFixes ?? [],
  };
  if (c.partner) o.partner = c.partner;
  return o;
}

/** The editor's rows as a complete mapping; columns are named by number (1-based) so
 * empty or repeated headers stay unambiguous. */
export function mappingFrom(columns: { header: string; index: number; field: Field | null }[]): [string, Field][] {
  return columns.filter((c) => c.field !== null).map((c) => [String(c.index + 1), c.field as Field]);
}
