// The lists the forms and filters choose from, loaded together.

import type { Commands } from "../ipc/commands";
import type { Category } from "../ipc/generated/Category";
import type { Partner } from "../ipc/generated/Partner";
import type { Place } from "../ipc/generated/Place";

export interface Lookups {
  places: Place[];
  categories: Category[];
  partners: Partner[];
}

export async function loadLookups(api: Commands): Promise<Lookups> {
  const [places, categories, partners] = await Promise.all([
    api.listPlaces(),
    api.listCategories(),
    api.listPartners(),
  ]);
  return { places, categories, partners };
}
