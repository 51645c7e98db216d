// The company profile's searchable NAF list (React Aria ComboBox), loaded by import() after
// hydration (decision 017); the profile's plain code field stands in until then.
import { useMemo } from "react";
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from "react-aria-components";
import type { NafOption } from "~/models/naf.server";
import { fold } from "~/utils/text";
import { comboInputClass, optionClass, popoverClass } from "./commune-combobox-widget";

const foldNaf = (value: string) => fold(value).replace(/œ/g, "oe");

/** Every word typed appears in the code or the label (accents, case and dots ignored). */
function nafMatches(textValue: string, inputValue: string) {
  const text = foldNaf(textValue);
  const compact = text.replace(/\./g, "");
  return foldNaf(inputValue)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word) || compact.includes(word.replace(/\./g, "")));
}

const comboButtonClass =
  "absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-r-md text-gray-700 outline-none data-[focus-visible]:outline data-[focus-visible]:outline-2 data-[focus-visible]:outline-brand-600";

/** Searchable NAF list (React Aria ComboBox); submits the code in a hidden `nafCode` input. */
export default function NafComboBox({
  options,
  defaultCode,
  errors,
}: {
  options: NafOption[];
  defaultCode: string | null;
  errors?: string[];
}) {
  const items = useMemo(
    () => options.map((o) => ({ id: o.code, text: `${o.code} — ${o.label}`, ...o })),
    [options],
  );
  return (
    <ComboBox
      className="mb-4"
      name="nafCode"
      defaultItems={items}
      defaultSelectedKey={defaultCode ?? undefined}
      defaultFilter={nafMatches}
      isInvalid={errors?.length ? true : undefined}
      menuTrigger="input"
    >
      <Label className="label">Code NAF / APE</Label>
      <Text slot="description" className="mb-1 block text-sm text-gray-600">
        Tapez le code (par exemple 49.41A) ou un mot de l&apos;activité, puis choisissez dans la
        liste.
      </Text>
      <div className="relative">
        <Input className={comboInputClass} />
        <Button className={comboButtonClass} aria-label="Afficher les codes NAF">
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <FieldError className="mt-1 block text-sm font-medium text-red-700">
        {errors?.join(" ")}
      </FieldError>
      <Popover className={popoverClass}>
        <ListBox
          // The list does not focus the selected code when it opens: that (virtual) focus blurs
          // the field before the popover is known, which commits the field, closes the list and
          // drops the letters just typed (React Aria 1.22). The arrow keys start at the top.
          autoFocus={false}
          className="outline-none"
          renderEmptyState={() => (
            <p className="px-3 py-2 text-sm text-gray-700">Aucun code ne correspond.</p>
          )}
        >
          {(item: (typeof items)[number]) => (
            <ListBoxItem id={item.id} textValue={item.text} className={optionClass}>
              <span className="font-semibold tabular-nums">{item.code}</span> — {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
