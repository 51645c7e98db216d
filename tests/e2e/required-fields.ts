// RGAA 11.10 in the browser: a form says that the asterisk means "required", and each of its
// controls is marked exactly as its list in app/utils/required-field-lists.ts says (that list is
// itself checked against the server's schema by tests/required-field-lists.test.ts).
import type { Locator } from "@playwright/test";
import { expect } from "./fixtures";

export const REQUIRED_NOTE = "Les champs marqués d'un astérisque * sont obligatoires.";

type Control = { name: string; type: string; required: boolean; marked: boolean };

/**
 * The note is in `form`; every visible control whose name is in `list` is required (`required`,
 * or `aria-required` for a combobox; a checkbox group is required as a whole) and shows the
 * asterisk after its label or legend; no other control does. Returns the names checked.
 */
export async function expectRequiredFieldsMarked(
  form: Locator,
  list: Record<string, { required?: boolean }>,
) {
  await expect(form.getByText(REQUIRED_NOTE)).toBeVisible();
  const controls: Control[] = await form
    .locator("input:not([type=hidden]), select, textarea")
    .evaluateAll((elements) =>
      elements
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((node) => {
          const el = node as HTMLInputElement;
          const isStar = (mark: Element | null | undefined) =>
            mark?.getAttribute("aria-hidden") === "true" && mark.textContent === "*";
          // A React Aria combobox submits through a hidden input next to its text box.
          const name =
            el.name ||
            (el.getAttribute("role") === "combobox"
              ? (el.parentElement?.querySelector<HTMLInputElement>("input[type=hidden][name]")
                  ?.name ?? "")
              : "");
          const grouped = el.type === "radio" || el.type === "checkbox";
          const legend = el.closest("fieldset")?.querySelector("legend");
          const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
          return {
            name,
            type: el.type,
            required: el.required || el.getAttribute("aria-required") === "true",
            marked:
              grouped && legend
                ? [...legend.querySelectorAll("[aria-hidden=true]")].some(isStar)
                : isStar(label?.nextElementSibling),
          };
        }),
    );
  const wanted = (c: Control) => Boolean(list[c.name]?.required);
  const seen = controls.filter(wanted);
  expect(seen.length, "au moins un champ obligatoire visible").toBeGreaterThan(0);
  for (const control of controls) {
    const expected = wanted(control);
    // A checkbox group is required as a whole ("at least one"): only its legend says so.
    if (control.type !== "checkbox" || !expected) {
      expect(control.required, `${control.name} : attribut required`).toBe(expected);
    }
    expect(control.marked, `${control.name} : astérisque`).toBe(expected);
  }
  return [...new Set(seen.map((c) => c.name))];
}
