import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CommuneComboBox } from "~/components/commune-combobox";
import { Field, FormErrors, RequiredFieldsNote, TextAreaField } from "~/components/forms";
import { HeadcountPeriodFields, RadioGroup } from "~/components/passerelle-fields";
import { PageHeader } from "~/components/page";
import { PersonalDataConfirm } from "~/components/personal-data";
import { RomeSelect } from "~/components/rome-fields";
import { createPost, PasserelleError } from "~/models/passerelle.server";
import { getCompanyCommune } from "~/models/communes.server";
import { networkScope } from "~/utils/permissions.server";
import { PERSONAL_DATA_HELP } from "~/utils/personal-data";
import {
  ARRANGEMENT_LABELS,
  fieldErrors,
  NETWORK_VISIBILITY_LABELS,
  POST_KIND_LABELS,
  postSchema,
} from "~/utils/schemas/passerelle";
import { redirectWithFlash } from "~/utils/session.server";
import { AfterHydration } from "~/components/after-hydration";
import { readForm } from "~/utils/forms.server";
import { requireCompanyPage } from "~/utils/company-route.server";

export const meta: MetaFunction = () => [{ title: "Publier une annonce Passerelles — Engagés" }];

// GET and POST: the company's own people, while it is a club member (network:use).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "network:use");
  const [scope, commune] = await Promise.all([
    networkScope(companyId),
    getCompanyCommune(companyId),
  ]);
  return { companyId, commune, departementCode: scope.departementCodes[0] ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "network:use");
  const parsed = postSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
  let postId: string;
  try {
    postId = await createPost(user.id, await networkScope(companyId), parsed.data);
  } catch (error) {
    if (!(error instanceof PasserelleError)) throw error;
    return data({ errors: { [error.field ?? "form"]: [error.message] } }, { status: 400 });
  }
  return redirectWithFlash(request, `/entreprise/${companyId}/passerelles/${postId}`, {
    kind: "success",
    message: "Votre annonce est publiée. Voici les propositions les plus proches.",
  });
}

export default function NewPostPage() {
  const { companyId, commune, departementCode } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors as Record<string, string[]> | undefined;
  const submitting = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader
        title="Publier une annonce"
        intro="Un besoin (des personnes à accueillir) ou une disponibilité (du personnel à prêter, ou des salariés à reclasser). Indiquez des nombres et des métiers : jamais de noms."
      />
      <Form method="post" noValidate className="card max-w-3xl">
        <RequiredFieldsNote />
        <FormErrors errors={errors?.form} />
        <RadioGroup
          name="kind"
          legend="Type d'annonce"
          required
          labels={POST_KIND_LABELS}
          defaultValue="NEED"
          errors={errors?.kind}
        />
        <RadioGroup
          name="arrangement"
          legend="Formule"
          required
          labels={ARRANGEMENT_LABELS}
          defaultValue="LOAN"
          errors={errors?.arrangement}
        />
        <RomeSelect
          name="romeDomain"
          label="Famille de métiers (ROME)"
          help="Par exemple, un soudeur relève de « Mécanique, travail des métaux et outillage » (H29)."
          emptyLabel="Choisissez une famille"
          required
          errors={errors?.romeDomain}
        />
        <Field
          label="Métier"
          help="Dans vos mots : « Soudeur TIG », « Cariste »…"
          errors={errors?.tradeLabel}
          inputProps={{ name: "tradeLabel", type: "text", maxLength: 100, required: true }}
        />
        <HeadcountPeriodFields errors={errors} />
        <AfterHydration
          fallback={
            <Field
              label="Lieu (code INSEE de la commune)"
              errors={errors?.communeCode}
              inputProps={{
                name: "communeCode",
                type: "text",
                maxLength: 5,
                required: true,
                defaultValue: commune?.code,
              }}
            />
          }
        >
          <CommuneComboBox
            label="Lieu (commune)"
            isRequired
            initial={commune}
            preferredDepartement={departementCode}
            errors={errors?.communeCode}
          />
        </AfterHydration>
        <TextAreaField
          label="Précisions (facultatif)"
          help={PERSONAL_DATA_HELP}
          errors={errors?.description}
          textareaProps={{
            name: "description",
            rows: 3,
            maxLength: 2000,
          }}
        />
        <RadioGroup
          name="visibility"
          legend="Qui voit l'annonce"
          required
          labels={NETWORK_VISIBILITY_LABELS}
          defaultValue="CLUB"
          errors={errors?.visibility}
        />
        <PersonalDataConfirm
          errors={[...(errors?.tradeLabel ?? []), ...(errors?.description ?? [])]}
        />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={submitting}>
            Publier l’annonce
          </button>
          <Link to={`/entreprise/${companyId}/passerelles`} className="btn-secondary">
            Annuler
          </Link>
        </div>
      </Form>
    </>
  );
}
