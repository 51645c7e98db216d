import { FilterForm, YearFilter } from "./filter-form";

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
    <FilterForm className={className} submitClassName="btn-secondary">
      <YearFilter year={year} years={years} />
    </FilterForm>
  );
}
