// Commune search: React Aria ComboBox fed by /api/communes, submitting the INSEE code under
// `name`. Shared by the company profile and the Passerelles posts. The widget is loaded by
// import() after hydration (decision 017); render it inside AfterHydration with a plain field as
// fallback.
import { lazy } from "react";
import type { CommuneOption } from "~/models/communes.server";

export const communeLabel = (c: CommuneOption) =>
  c.postcodes.length ? `${c.name} (${c.postcodes[0]})` : `${c.name} (${c.departementCode})`;

export const CommuneComboBox = lazy(() => import("./commune-combobox-widget"));
