// The « Envoyer quand même » box of a form whose texts may name someone (decision 019): shown
// once a guessed name was flagged, it stays while the author edits, so that ticking it (which
// clears the warning) does not make it vanish.
import { useState } from "react";
import { isNameWarning } from "~/utils/personal-data";
import { CONFIRM_FIELD, CONFIRM_VALUE } from "~/utils/schemas/personal-data";
import type { ListOfErrors } from "./forms";

export function PersonalDataConfirm({ errors }: { errors: ListOfErrors }) {
  const warned = (errors ?? []).some(isNameWarning);
  const [shown, setShown] = useState(warned);
  // Remembered while rendering (React's pattern for state derived from props), not in an effect.
  if (warned && !shown) setShown(true);
  if (!shown && !warned) return null;
  return (
    <div className="mb-4 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">
      <p className="mb-2">
        S&apos;il s&apos;agit d&apos;un contact professionnel ou d&apos;un lieu, et non d&apos;une
        personne recrutée, cochez la case puis envoyez à nouveau.
      </p>
      <label className="flex items-center gap-2 font-semibold">
        <input type="checkbox" name={CONFIRM_FIELD} value={CONFIRM_VALUE} className="h-5 w-5" />
        Envoyer quand même
      </label>
    </div>
  );
}
