import type { Flash } from "~/utils/session.server";

const STYLES: Record<Flash["kind"], string> = {
  success: "border-green-700 bg-green-50 text-green-900",
  error: "border-red-700 bg-red-50 text-red-900",
  info: "border-brand-600 bg-brand-50 text-brand-800",
};

export function FlashMessage({ flash }: { flash: Flash | null }) {
  if (!flash) return null;
  return (
    <div
      role="status"
      className={`mb-6 rounded-md border-l-4 p-4 font-medium ${STYLES[flash.kind]}`}
    >
      {flash.message}
    </div>
  );
}
