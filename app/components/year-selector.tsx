import { Form } from "@remix-run/react";

/** A GET form choosing the year shown (`?annee=`), so a view can be bookmarked and shared. */
export function YearSelector({
  year,
  years,
  className = "flex items-end gap-2",
}: {
  year: number;
  years: number[];
  className?: string;
}) {
  return (
    <Form method="get" className={className}>
      <div>
        <label htmlFor="annee" className="label">
          Année
        </label>
        <select id="annee" name="annee" defaultValue={year} className="input">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">
        Afficher
      </button>
    </Form>
  );
}
