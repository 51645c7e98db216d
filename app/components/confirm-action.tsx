import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useHydrated } from "~/utils/use-hydrated";

/**
 * A button that asks for confirmation, then posts a plain form. With JavaScript: a React Aria
 * modal dialog; without: a disclosure holding the same form.
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
  if (!hydrated) {
    return (
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
  }
  return (
    <DialogTrigger>
      <Button className="btn-secondary" aria-label={accessibleLabel}>
        {label}
      </Button>
      <ModalOverlay
        isDismissable
        className="fixed inset-0 z-50 flex items-center justify-center bg-black/50 p-4"
      >
        <Modal className="w-full max-w-md rounded-lg bg-white p-6 shadow-xl">
          <Dialog role="alertdialog" className="outline-none">
            {({ close }) => (
              <>
                <Heading slot="title" className="mb-2 text-lg font-bold">
                  {title}
                </Heading>
                {children}
                {form(close)}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
