// The React Aria modal of ConfirmAction, in its own module: loaded by import() once the page is
// hydrated, so react-aria-components is never part of a page's first load (decision 017).
import type { ReactNode } from "react";
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from "react-aria-components";

export default function ConfirmDialog({
  label,
  accessibleLabel,
  title,
  children,
  form,
}: {
  label: string;
  accessibleLabel?: string;
  title: string;
  children: ReactNode;
  form: (close: () => void) => ReactNode;
}) {
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
