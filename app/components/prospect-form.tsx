import { getInputProps, useForm, type SubmissionResult, IntentForm } from "~/components/use-form";
import { Field } from "~/components/forms";
import { FormSubmit, useSendingIntent } from "~/components/form-submit";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";

// The animator's form entering a company by its SIRET (club.$clubId.membres): a prospect of the
// club, or a join request to a company already on Engagés (decision 013).

type ProspectFields = {
  siret: string;
  name: string;
  communeCode: string;
  contactName: string;
  contactEmail: string;
  invite: boolean;
};

/** Values chosen in the SIRENE register (sirene-search.tsx); NAF and headcount go hidden. */
export type ProspectPrefill = {
  siret: string;
  name: string;
  communeCode: string;
  nafCode: string;
  headcountBracket: string;
};

export function ProspectForm({
  lastResult,
  prefill,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  prefill?: ProspectPrefill | null;
}) {
  const busy = useSendingIntent("create-prospect");
  const [form, fields] = useForm<ProspectFields>({
    id: "prospect",
    lastResult,
    defaultValue: { invite: true, ...prefill },
    constraint: REQUIRED_FIELDS.prospect,
  });
  return (
    <IntentForm form={form} intent="create-prospect">
      {prefill ? (
        <>
          <input type="hidden" name="nafCode" value={prefill.nafCode} />
          <input type="hidden" name="headcountBracket" value={prefill.headcountBracket} />
        </>
      ) : null}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field
          label="SIRET (14 chiffres)"
          help="Une entreprise déjà inscrite sur Engagés n'est pas reprise : elle reçoit une demande d'adhésion, que son équipe accepte ou refuse."
          errors={fields.siret.errors}
          inputProps={{
            ...getInputProps(fields.siret, { type: "text" }),
            inputMode: "numeric",
            autoComplete: "off",
          }}
        />
        <Field
          label="Nom de l'entreprise"
          help="Pour une entreprise nouvelle sur Engagés."
          errors={fields.name.errors}
          inputProps={{
            ...getInputProps(fields.name, { type: "text" }),
            autoComplete: "organization",
          }}
        />
        <Field
          label="Commune (code INSEE, facultatif)"
          help="5 caractères, par exemple 62041 pour Arras."
          errors={fields.communeCode.errors}
          inputProps={{
            ...getInputProps(fields.communeCode, { type: "text" }),
            autoComplete: "off",
          }}
        />
        <div className="hidden sm:block" />
        <Field
          label="Nom et prénom du contact"
          errors={fields.contactName.errors}
          inputProps={{
            ...getInputProps(fields.contactName, { type: "text" }),
            autoComplete: "off",
          }}
        />
        <Field
          label="Adresse e-mail du contact"
          errors={fields.contactEmail.errors}
          inputProps={{
            ...getInputProps(fields.contactEmail, { type: "email" }),
            autoComplete: "off",
          }}
        />
      </div>
      <div className="mb-4 flex items-start gap-2">
        <input {...getInputProps(fields.invite, { type: "checkbox" })} className="mt-1 h-4 w-4" />
        <label htmlFor={fields.invite.id} className="text-sm">
          Envoyer tout de suite au contact l&apos;invitation à rejoindre le club et à créer le
          compte de l&apos;entreprise
        </label>
      </div>
      <FormSubmit form={form} disabled={busy}>
        {busy ? "Ajout en cours…" : "Ajouter le prospect"}
      </FormSubmit>
    </IntentForm>
  );
}
