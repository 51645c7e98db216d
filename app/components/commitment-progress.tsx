// How far a commitment is, in its own unit, with the linked realisations in another unit shown
// apart (not counted): the company dashboard and the commitment page say it the same way.
import type { CommitmentProgress } from "~/models/commitment-progress.server";
import { UNIT_WORDS } from "~/utils/commitment-unit";
import type { Unit } from "~/utils/domain";
import { countOf, numberFormat, quantityOf, formatDay } from "~/utils/format";
import { ProgressBar } from "./progress-bar";

export function CommitmentProgressView({
  progress,
  targetQuantity,
  endDate,
  ambition,
  textClassName = "",
}: {
  progress: Pick<CommitmentProgress, "unit" | "realised" | "realisationCount" | "excluded">;
  targetQuantity: number | null;
  endDate: string | Date;
  ambition: string;
  textClassName?: string;
}) {
  const { unit, realised } = progress;
  return (
    <>
      {targetQuantity ? (
        <>
          <p className={`mb-1 ${textClassName}`}>
            {numberFormat.format(realised)} sur {quantityOf(targetQuantity, unit)} — reste{" "}
            {numberFormat.format(Math.max(0, targetQuantity - realised))} d&apos;ici le{" "}
            {formatDay(endDate)}
          </p>
          <ProgressBar value={realised} max={targetQuantity} label={`Avancement : ${ambition}`} />
        </>
      ) : (
        <p className={textClassName}>
          {quantityOf(realised, unit)} en {countOf(progress.realisationCount, "déclaration")}, sans
          objectif chiffré — jusqu&apos;au {formatDay(endDate)}
        </p>
      )}
      <UncountedNote excluded={progress.excluded} unit={unit} />
    </>
  );
}

/** Realisations linked to the commitment in another unit: listed, and why they do not count. */
export function UncountedNote({
  excluded,
  unit,
}: {
  excluded: CommitmentProgress["excluded"];
  unit: Unit;
}) {
  if (excluded.length === 0) return null;
  const what = excluded
    .map((e) => `${quantityOf(e.quantity, e.unit)} (${countOf(e.count, "réalisation")})`)
    .join(", ");
  return (
    <p className="mt-2 rounded border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-gray-900">
      Non compté dans l&apos;avancement, car dans une autre unité que celle de l&apos;engagement (
      {UNIT_WORDS[unit]}) : {what}. Modifiez ces réalisations pour les rattacher à un engagement de
      leur unité.
    </p>
  );
}
