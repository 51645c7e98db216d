import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormErrors, RequiredFieldsNote, TextAreaField } from "~/components/forms";
import { RadioGroup } from "~/components/passerelle-fields";
import { PageHeader } from "~/components/page";
import { PersonalDataConfirm } from "~/components/personal-data";
import { RomeCheckboxes } from "~/components/rome-fields";
import { getCard, saveCard } from "~/models/directory.server";
import { PERSONAL_DATA_HELP } from "~/utils/personal-data";
import { cardSchema, fieldErrors, NETWORK_VISIBILITY_LABELS } from "~/utils/schemas/passerelle";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { requireCompanyPage } from "~/utils/company-route.server";

export const meta: MetaFunction = () => [{ title: "Ma fiche dans l'annuaire — Engagés" }];

// GET and POST: the company's own people, while it is a club member (network:use).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "network:use");
  return { companyId, card: await getCard(companyId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "network:use");
  const form = await readForm(request);
  const parsed = cardSchema.safeParse({
    ...Object.fromEntries(form),
    tradesEmployed: form.getAll("tradesEmployed").map(String),
    tradesRecruited: form.getAll("tradesRecruited").map(String),
  });
  if (!parsed.success) {
    return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
  }
  await saveCard(user.id, companyId, parsed.data);
  return redirectWithFlash(request, `/entreprise/${companyId}/annuaire`, {
    kind: "success",
    message: "Votre fiche de l'annuaire est enregistrée.",
  });
}

/** The card's two free texts: what the company offers the other members, what it looks for. */
const CARD_TEXTS = [
  { name: "offer", label: "Ce que nous proposons aux autres membres" },
  { name: "seek", label: "Ce que nous cherchons" },
] as const;

export default function DirectoryCardPage() {
  const { companyId, card } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const submitting = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader
        title="Ma fiche dans l'annuaire"
        intro="Vous choisissez ce que les autres membres voient de votre entreprise. Le nom de l'entreprise et son club sont toujours affichés quand la fiche est visible."
      />
      <Form method="post" noValidate className="card max-w-3xl">
        <RequiredFieldsNote />
        <FormErrors errors={errors?.form} />
        <label className="mb-4 flex items-center gap-2 font-semibold text-gray-900">
          <input type="checkbox" name="listed" defaultChecked={card.listed} />
          Faire figurer mon entreprise dans l’annuaire
        </label>
        <RadioGroup
          name="visibility"
          legend="Qui voit ma fiche"
          required
          labels={NETWORK_VISIBILITY_LABELS}
          defaultValue={card.visibility}
          errors={errors?.visibility}
        />
        <fieldset className="mb-4">
          <legend className="label">Informations de mon profil affichées</legend>
          <label className="flex items-center gap-2 text-gray-900">
            <input type="checkbox" name="showSector" defaultChecked={card.showSector} />
            Secteur d’activité (NAF)
          </label>
          <label className="flex items-center gap-2 text-gray-900">
            <input type="checkbox" name="showHeadcount" defaultChecked={card.showHeadcount} />
            Effectif
          </label>
          <label className="flex items-center gap-2 text-gray-900">
            <input type="checkbox" name="showCommune" defaultChecked={card.showCommune} />
            Commune
          </label>
        </fieldset>
        <RomeCheckboxes
          name="tradesEmployed"
          legend="Métiers que nous employons (familles ROME)"
          selected={card.tradesEmployed}
        />
        <RomeCheckboxes
          name="tradesRecruited"
          legend="Métiers que nous recrutons (familles ROME)"
          selected={card.tradesRecruited}
        />
        {CARD_TEXTS.map(({ name, label }) => (
          <TextAreaField
            key={name}
            label={label}
            help={PERSONAL_DATA_HELP}
            errors={errors?.[name]}
            textareaProps={{ name, rows: 3, maxLength: 1000, defaultValue: card[name] }}
          />
        ))}
        <PersonalDataConfirm errors={[...(errors?.offer ?? []), ...(errors?.seek ?? [])]} />
        <Field
          label="Adresse des messages de l’annuaire (facultatif)"
          help="Les membres qui vous écrivent depuis l’annuaire écrivent à cette adresse, sans la voir. Une adresse partagée (contact@…) plutôt que personnelle ; vide, leurs messages vont aux personnes de votre entreprise inscrites sur Engagés."
          errors={errors?.contactEmail}
          inputProps={{
            name: "contactEmail",
            type: "email",
            autoComplete: "email",
            maxLength: 200,
            defaultValue: card.contactEmail,
          }}
        />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={submitting}>
            Enregistrer ma fiche
          </button>
          <Link to={`/entreprise/${companyId}/annuaire`} className="btn-secondary">
            Annuler
          </Link>
        </div>
      </Form>
    </>
  );
}
