import { Form, Link } from "@remix-run/react";
import type { SireneSearchView } from "~/models/sirene-view.server";

// Search of the SIRENE register above a company form (decision 028), without JavaScript: a GET
// form re-renders the page with the establishments found; choosing one is a link whose page
// comes back with the form prefilled (still editable). Words and links come from the loader.

export function SireneSearch({
  view,
  initial,
}: {
  view: SireneSearchView | null;
  initial?: string;
}) {
  return (
    <div className="mb-4 rounded border border-gray-300 p-3">
      <Form
        method="get"
        role="search"
        aria-label="Répertoire SIRENE"
        className="flex flex-wrap items-end gap-2"
      >
        <div className="grow">
          <label htmlFor="sirene-q" className="label">
            Rechercher l&apos;entreprise dans le répertoire SIRENE
          </label>
          <p id="sirene-aide" className="mb-1 text-sm text-gray-600">
            Son numéro SIRET (14 chiffres), SIREN (9 chiffres) ou sa raison sociale.
          </p>
          <input
            id="sirene-q"
            name="sirene"
            type="search"
            maxLength={80}
            defaultValue={view?.query ?? initial}
            aria-describedby={view?.error ? "sirene-aide sirene-erreur" : "sirene-aide"}
            className="input w-full"
          />
        </div>
        <button type="submit" className="btn-secondary">
          Rechercher dans le répertoire SIRENE
        </button>
      </Form>
      {view?.error ? (
        <p id="sirene-erreur" role="alert" className="mt-2 text-sm font-medium text-red-700">
          {view.error}
        </p>
      ) : null}
      {view?.note ? (
        <p role="status" className="mt-2 rounded bg-amber-50 p-2 text-amber-900">
          {view.note}
        </p>
      ) : null}
      {view?.choices ? (
        view.choices.length ? (
          <ul aria-label="Entreprises trouvées" className="mt-2 space-y-2">
            {view.choices.map((c) => (
              <li key={c.siret}>
                <strong>{c.name}</strong>
                {c.closed ? <strong className="text-red-800"> — établissement fermé</strong> : null}
                <span className="block text-sm">{c.facts}</span>
                <Link to={c.href} preventScrollReset>
                  Choisir
                  <span className="sr-only">
                    {" "}
                    {c.name}, SIRET {c.siret}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p role="status" className="mt-2">
            Aucune entreprise trouvée dans le répertoire : vérifiez la recherche, ou saisissez les
            informations à la main.
          </p>
        )
      ) : null}
      {view?.source ? (
        <p role="status" className="mt-2 text-sm font-semibold">
          Formulaire prérempli — {view.source}. Vérifiez les informations : elles restent
          modifiables.
        </p>
      ) : null}
    </div>
  );
}
