// Commune search: React Aria ComboBox fed by /api/communes, submitting the INSEE code under
// `name`. Shared by the company profile and the Passerelles posts. The widget is loaded by
// import() after hydration (decision 017); render it inside AfterHydration with a plain field as
// fallback.
import { lazy } from "react";
import type { CommuneOption } from "~/models/company-profile.server";

export const communeLabel = (c: CommuneOption) =>
  c.postcodes.length ? `${c.name} (${c.postcodes[0]})` : `${c.name} (${c.departementCode})`;

export const comboInputClass =
  "input pr-11 data-[invalid]:border-red-700 aria-[invalid=true]:border-red-700";
export const popoverClass =
  "max-h-72 w-[var(--trigger-width)] overflow-auto rounded-md border border-gray-300 bg-white shadow-lg";
export const optionClass =
  "cursor-pointer px-3 py-2 text-sm text-gray-900 outline-none data-[focused]:bg-brand-700 data-[focused]:text-white data-[selected]:font-semibold";

export const CommuneComboBox = lazy(() => import("./commune-combobox-widget"));
