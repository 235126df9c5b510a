// The lists the forms and filters choose from, loaded together and refreshed after
// anything that can add to them (an import adds partners, connecting a place text adds
// another name): every select bound here is refilled, keeping what was chosen.

import { options } from "../dom";
import type { Commands } from "../ipc/commands";
import type { Category } from "../ipc/generated/Category";
import type { Partner } from "../ipc/generated/Partner";
import type { Place } from "../ipc/generated/Place";

export interface Lookups {
  places: Place[];
  categories: Category[];
  partners: Partner[];
  /** Reloads the three lists and refills every bound select. */
  refresh(): Promise<void>;
  /** Keeps `select`'s options (after `empty`) equal to `values()` across refreshes. */
  bind(select: HTMLSelectElement, empty: string, values: () => string[]): HTMLSelectElement;
}

export async function loadLookups(api: Commands): Promise<Lookups> {
  const bound: (() => void)[] = [];
  const fetchAll = () => Promise.all([api.listPlaces(), api.listCategories(), api.listPartners()]);
  const [places, categories, partners] = await fetchAll();
  const lookups: Lookups = {
    places,
    categories,
    partners,
    async refresh() {
      const [p, c, a] = await fetchAll();
      lookups.places = p;
      lookups.categories = c;
      lookups.partners = a;
      for (const refill of bound) refill();
    },
    bind(select, empty, values) {
      const refill = () => {
        const chosen = select.value;
        select.replaceChildren(...options(empty, values(), chosen));
      };
      refill();
      bound.push(refill);
      return select;
    },
  };
  return lookups;
}
