// What the two searchable lists (commune, NAF code) share: their classes, their error line and
// their popover list of options.
import type { ReactNode } from "react";
import { FieldError, ListBox, Popover } from "react-aria-components";

export const comboInputClass =
  "input pr-11 data-[invalid]:border-red-700 aria-[invalid=true]:border-red-700";
export const optionClass =
  "cursor-pointer px-3 py-2 text-sm text-gray-900 outline-none data-[focused]:bg-brand-700 data-[focused]:text-white data-[selected]:font-semibold";
const popoverClass =
  "max-h-72 w-[var(--trigger-width)] overflow-auto rounded-md border border-gray-300 bg-white shadow-lg";

/** The server's errors on the list's field. */
export function ComboErrors({ errors }: { errors?: string[] }) {
  return (
    <FieldError className="mt-1 block text-sm font-medium text-red-700">
      {errors?.join(" ")}
    </FieldError>
  );
}

/** The popover list of options, each drawn by `children`; `empty` says why there is none. */
export function ComboPopover<T extends object>({
  empty,
  children,
}: {
  empty: ReactNode;
  children: (item: T) => ReactNode;
}) {
  return (
    <Popover className={popoverClass}>
      <ListBox<T>
        className="outline-none"
        renderEmptyState={() => <p className="px-3 py-2 text-sm text-gray-700">{empty}</p>}
      >
        {children}
      </ListBox>
    </Popover>
  );
}
