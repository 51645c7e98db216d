import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CommuneComboBox } from "~/components/commune-combobox";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { RomeSelect } from "~/components/rome-fields";
import { createPost, PasserelleError } from "~/models/passerelle.server";
import { prisma } from "~/utils/db.server";
import { networkScope, requirePermission } from "~/utils/permissions.server";
import {
  ARRANGEMENT_LABELS,
  fieldErrors,
  MAX_HEADCOUNT,
  NETWORK_VISIBILITY_LABELS,
  POST_KIND_LABELS,
  postSchema,
} from "~/utils/schemas/passerelle";
import { redirectWithFlash } from "~/utils/session.server";
import { useHydrated } from "~/utils/use-hydrated";

export const meta: MetaFunction = () => [{ title: "Publier une annonce Passerelles — Engagés" }];

// GET and POST: the company's own people, while it is a club member (network:use).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const companyId = params.companyId ?? "";
  await requirePermission(request, { action: "network:use", companyId });
  const [scope, company] = await Promise.all([
    networkScope(companyId),
    prisma.company.findUnique({
      where: { id: companyId },
      select: {
        commune: { select: { code: true, name: true, postcodes: true, departementCode: true } },
      },
    }),
  ]);
  const commune = company?.commune
    ? { ...company.commune, postcodes: company.commune.postcodes.split(",").filter(Boolean) }
    : null;
  return { companyId, commune, departementCode: scope.departementCodes[0] ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const companyId = params.companyId ?? "";
  const user = await requirePermission(request, { action: "network:use", companyId });
  const parsed = postSchema.safeParse(Object.fromEntries(await request.formData()));
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
  const hydrated = useHydrated();
  const radios = (name: string, legend: string, labels: Record<string, string>, first: string) => (
    <fieldset className="mb-4">
      <legend className="label">{legend}</legend>
      {Object.entries(labels).map(([value, label]) => (
        <label key={value} className="flex items-center gap-2 text-gray-900">
          <input type="radio" name={name} value={value} defaultChecked={value === first} />
          {label}
        </label>
      ))}
      <ErrorList errors={errors?.[name]} />
    </fieldset>
  );
  return (
    <>
      <PageHeader
        title="Publier une annonce"
        intro="Un besoin (des personnes à accueillir) ou une disponibilité (du personnel à prêter, ou des salariés à reclasser). Indiquez des nombres et des métiers : jamais de noms."
      />
      <Form method="post" className="card max-w-3xl">
        <FormErrors errors={errors?.form} />
        {radios("kind", "Type d'annonce", POST_KIND_LABELS, "NEED")}
        {radios("arrangement", "Formule", ARRANGEMENT_LABELS, "LOAN")}
        <RomeSelect
          name="romeDomain"
          label="Famille de métiers (ROME)"
          help="Par exemple, un soudeur relève de « Mécanique, travail des métaux et outillage » (H29)."
          emptyLabel="Choisissez une famille"
          errors={errors?.romeDomain}
        />
        <Field
          label="Métier"
          help="Dans vos mots : « Soudeur TIG », « Cariste »…"
          errors={errors?.tradeLabel}
          inputProps={{ name: "tradeLabel", type: "text", maxLength: 100, required: true }}
        />
        <Field
          label="Nombre de personnes"
          errors={errors?.headcount}
          inputProps={{
            name: "headcount",
            type: "number",
            min: 1,
            max: MAX_HEADCOUNT,
            required: true,
          }}
        />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            label="Du"
            errors={errors?.startDate}
            inputProps={{ name: "startDate", type: "date", required: true }}
          />
          <Field
            label="Au"
            errors={errors?.endDate}
            inputProps={{ name: "endDate", type: "date", required: true }}
          />
        </div>
        {hydrated ? (
          <CommuneComboBox
            label="Lieu (commune)"
            initial={commune}
            preferredDepartement={departementCode}
            errors={errors?.communeCode}
          />
        ) : (
          <Field
            label="Lieu (code INSEE de la commune)"
            errors={errors?.communeCode}
            inputProps={{
              name: "communeCode",
              type: "text",
              maxLength: 5,
              defaultValue: commune?.code,
            }}
          />
        )}
        <div className="mb-4">
          <label htmlFor="post-description" className="label">
            Précisions (facultatif)
          </label>
          <textarea
            id="post-description"
            name="description"
            rows={3}
            maxLength={2000}
            className="input"
          />
          <ErrorList errors={errors?.description} />
        </div>
        {radios("visibility", "Qui voit l'annonce", NETWORK_VISIBILITY_LABELS, "CLUB")}
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
