import { Form } from "@remix-run/react";
import { lazy, Suspense, type ReactNode } from "react";
import { useHydrated } from "~/utils/use-hydrated";

// Loaded after hydration (decision 017): until then, and without JavaScript, the disclosure.
const ConfirmDialog = lazy(() => import("./confirm-dialog"));

/**
 * A button that asks for confirmation, then posts a plain form. With JavaScript: a React Aria
 * modal dialog, loaded once the page is hydrated; without: a disclosure holding the same form.
 */
export function ConfirmAction({
  label,
  accessibleLabel,
  title,
  confirmLabel,
  fields,
  children,
}: {
  label: string;
  accessibleLabel?: string;
  title: string;
  confirmLabel: string;
  fields: Record<string, string>;
  children: ReactNode;
}) {
  const hydrated = useHydrated();
  const form = (close?: () => void) => (
    <Form method="post" className="mt-4 flex flex-wrap gap-2" onSubmit={() => close?.()}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="btn-danger">
        {confirmLabel}
      </button>
      {close ? (
        <button type="button" className="btn-secondary" onClick={close}>
          Annuler
        </button>
      ) : null}
    </Form>
  );
  const disclosure = (
    <details>
      <summary className="btn-secondary cursor-pointer list-none" aria-label={accessibleLabel}>
        {label}
      </summary>
      <div className="mt-2 max-w-md rounded-md border border-gray-300 bg-white p-3">
        <p className="font-semibold">{title}</p>
        {children}
        {form()}
      </div>
    </details>
  );
  if (!hydrated) return disclosure;
  return (
    <Suspense fallback={disclosure}>
      <ConfirmDialog label={label} accessibleLabel={accessibleLabel} title={title} form={form}>
        {children}
      </ConfirmDialog>
    </Suspense>
  );
}
