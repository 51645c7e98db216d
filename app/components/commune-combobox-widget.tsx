// Commune search (React Aria ComboBox fed by /api/communes); submits the INSEE code under `name`.
// Loaded lazily through CommuneComboBox of ./commune-combobox (decision 017).
import { useEffect, useRef, useState } from "react";
import {
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from "react-aria-components";
import type { CommuneOption } from "~/models/communes.server";
import { communeLabel } from "./commune-combobox";
import { LabelRow } from "./forms";

// Shared with the NAF list of the company profile.
export const comboInputClass =
  "input pr-11 data-[invalid]:border-red-700 aria-[invalid=true]:border-red-700";
export const popoverClass =
  "max-h-72 w-[var(--trigger-width)] overflow-auto rounded-md border border-gray-300 bg-white shadow-lg";
export const optionClass =
  "cursor-pointer px-3 py-2 text-sm text-gray-900 outline-none data-[focused]:bg-brand-700 data-[focused]:text-white data-[selected]:font-semibold";

export default function CommuneComboBox({
  name = "communeCode",
  label = "Commune",
  initial,
  preferredDepartement,
  errors,
  isRequired,
}: {
  name?: string;
  label?: string;
  /** Announced (aria-required) and marked with an asterisk; the server says what is missing. */
  isRequired?: boolean;
  initial: CommuneOption | null;
  preferredDepartement: string | null;
  errors?: string[];
}) {
  const [selected, setSelected] = useState<CommuneOption | null>(initial);
  const [inputValue, setInputValue] = useState(initial ? communeLabel(initial) : "");
  const [results, setResults] = useState<CommuneOption[]>([]);
  const [loading, setLoading] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const showingSelection = selected !== null && inputValue === communeLabel(selected);
  const query = showingSelection ? "" : inputValue.trim();

  useEffect(() => {
    if (query.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      const params = new URLSearchParams({ q: query });
      if (preferredDepartement) params.set("prefere", preferredDepartement);
      fetch(`/api/communes?${params}`, { signal: controller.signal })
        .then((response) => (response.ok ? response.json() : []))
        .then((communes: CommuneOption[]) => setResults(communes))
        .catch(() => {})
        .finally(() => setLoading(false));
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, preferredDepartement]);

  // The selected commune is part of the list only while its name is shown, so React Aria
  // knows its label; while searching, the list holds the results alone.
  const items = showingSelection ? [selected] : query.length < 2 ? [] : results;

  return (
    <ComboBox
      className="mb-4"
      name={name}
      items={items}
      inputValue={inputValue}
      onInputChange={(value) => {
        setInputValue(value);
        if (value === "") setSelected(null);
      }}
      selectedKey={selected?.code ?? null}
      onSelectionChange={(key) => {
        const chosen = key === null ? null : (items.find((c) => c.code === key) ?? null);
        if (chosen) {
          setSelected(chosen);
          setInputValue(communeLabel(chosen));
        } else if (inputRef.current !== null && document.activeElement === inputRef.current) {
          // Enter with no commune highlighted: the text typed stays, and so does the list.
          return;
        } else if (inputValue !== "" && selected) {
          // Left without choosing: back to the commune already chosen.
          setInputValue(communeLabel(selected));
        } else {
          setSelected(null);
          setInputValue("");
        }
      }}
      // Always allowed: React Aria closes a list left empty and then reopens it by itself as soon
      // as it has items again — which, after a choice, is the chosen commune: the list came back
      // once a commune was chosen (RGAA 7.1). The empty list says instead what to type.
      allowsEmptyCollection
      isInvalid={errors?.length ? true : undefined}
      isRequired={isRequired}
      validationBehavior="aria"
      menuTrigger="input"
    >
      <LabelRow required={isRequired}>
        <Label className="label">{label}</Label>
      </LabelRow>
      <Text slot="description" className="mb-1 block text-sm text-gray-600">
        Tapez le début du nom ou le code postal, puis choisissez dans la liste.
      </Text>
      <Input ref={inputRef} className={comboInputClass} />
      <FieldError className="mt-1 block text-sm font-medium text-red-700">
        {errors?.join(" ")}
      </FieldError>
      <Popover className={popoverClass}>
        <ListBox
          className="outline-none"
          renderEmptyState={() => (
            <p className="px-3 py-2 text-sm text-gray-700">
              {query.length < 2
                ? "Tapez au moins deux caractères."
                : loading
                  ? "Recherche en cours…"
                  : "Aucune commune ne correspond."}
            </p>
          )}
        >
          {(item: CommuneOption) => (
            <ListBoxItem id={item.code} textValue={communeLabel(item)} className={optionClass}>
              {item.name}{" "}
              <span className="text-gray-700">
                ({item.postcodes.join(", ") || item.departementCode})
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
