import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  FormErrors,
  RequiredFieldsNote,
  SelectField,
  TextAreaField,
  type ListOfErrors,
} from "~/components/forms";
import { FilterSearch } from "~/components/filter-form";
import { PageHeader } from "~/components/page";
import { PersonalDataConfirm } from "~/components/personal-data";
import { PostForm, SubmitButton } from "~/components/post-form";
import { RomeSelect } from "~/components/rome-fields";
import { CompanyContactError, contactCompany } from "~/models/company-contact.server";
import { parseDirectoryFilters, searchDirectory } from "~/models/directory.server";
import { companyContactSchema } from "~/utils/schemas/company-contact";
import { fieldErrors } from "~/utils/schemas/passerelle";
import { readForm } from "~/utils/forms.server";
import { forbidden, networkScope, requirePermission } from "~/utils/permissions.server";
import { PERSONAL_DATA_HELP } from "~/utils/personal-data";
import { QuotaExceeded, refusalStatus } from "~/utils/quotas.server";
import { redirectWithFlash } from "~/utils/session.server";
import { romeLabel } from "~/utils/rome";
import { requireCompanyPage } from "~/utils/company-route.server";

export const meta: MetaFunction = () => [{ title: "Annuaire des membres — Engagés" }];

// GET: the company's own people, while it is a club member (network:use).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "network:use");
  const filters = parseDirectoryFilters(new URL(request.url).searchParams);
  const cards = await searchDirectory(await networkScope(companyId), filters);
  return { companyId, filters, cards };
}

type ActionData = { target: string; errors: Record<string, string[]> };

// POST: write to a company of the directory (directory:contact: the company's own people, to a
// card they see). The message is e-mailed, Reply-To the sender; 20 a day per company.
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "network:use");
  const form = await readForm(request);
  const target = String(form.get("toCompanyId") ?? "").slice(0, 40);
  const refuse = (errors: Record<string, string[]>, status = 400) =>
    data<ActionData>({ target, errors }, { status });
  const parsed = companyContactSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return refuse(fieldErrors(parsed.error));
  await requirePermission(request, {
    action: "directory:contact",
    companyId,
    targetCompanyId: parsed.data.toCompanyId,
  }).catch((error: unknown) => {
    if (error instanceof Response && error.status === 403) {
      forbidden("Cette entreprise n'est pas dans votre annuaire.");
    }
    throw error;
  });
  try {
    await contactCompany(
      { userId: user.id, name: user.name, email: user.email, companyId },
      parsed.data.toCompanyId,
      parsed.data.message,
    );
  } catch (error) {
    if (!(error instanceof CompanyContactError || error instanceof QuotaExceeded)) throw error;
    return refuse({ form: [error.message] }, refusalStatus(error));
  }
  const search = new URL(request.url).search;
  return redirectWithFlash(request, `/entreprise/${companyId}/annuaire${search}`, {
    kind: "success",
    message: "Votre message est envoyé. L'entreprise vous répondra directement par e-mail.",
  });
}

export default function DirectoryPage() {
  const { companyId, filters, cards } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Annuaire des membres"
        intro="Les entreprises de votre club, et celles des autres clubs du département qui ouvrent leur fiche au département : qui emploie quels métiers, qui recrute, ce que chacune propose et cherche."
        actions={
          <Link to={`/entreprise/${companyId}/annuaire/ma-fiche`} className="btn-secondary">
            Modifier ma fiche
          </Link>
        }
      />
      <Form method="get" className="card mb-6 grid gap-x-4 sm:grid-cols-2 lg:grid-cols-4">
        <FilterSearch
          id="directory-q"
          label="Rechercher"
          value={filters.q}
          className="mb-4"
          inputProps={{ maxLength: 60, placeholder: "Nom, secteur, commune…" }}
        />
        <RomeSelect
          name="metier"
          label="Famille de métiers (ROME)"
          defaultValue={filters.trade}
          emptyLabel="Toutes les familles"
        />
        <SelectField
          label="Portée"
          selectProps={{
            id: "directory-scope",
            name: "portee",
            defaultValue: filters.scope === "CLUB" ? "club" : "",
          }}
          options={[
            { value: "", label: "Club et département" },
            { value: "club", label: "Mon club seulement" },
          ]}
        />
        <div className="mb-4 flex flex-col justify-end gap-2">
          <label className="flex items-center gap-2 text-sm text-gray-900">
            <input type="checkbox" name="recrute" value="1" defaultChecked={filters.recruiting} />
            Qui recrute seulement
          </label>
          <button type="submit" className="btn-primary">
            Filtrer
          </button>
        </div>
      </Form>

      <h2 className="mb-3 text-xl font-semibold text-gray-900">
        {cards.length} entreprise{cards.length > 1 ? "s" : ""}
      </h2>
      {cards.length === 0 ? (
        <p className="text-gray-700">Aucune entreprise ne correspond à ces critères.</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {cards.map((card) => (
            <li key={card.id} className="card">
              <h3 className="text-lg font-semibold text-gray-900">{card.name}</h3>
              <p className="text-sm text-gray-700">
                {[card.sector, card.headcount, card.commune].filter(Boolean).join(" · ") ||
                  "Informations non affichées"}
              </p>
              <p className="text-sm text-gray-700">
                {card.sameClub ? "Membre de votre club" : `Club : ${card.clubs.join(", ")}`}
              </p>
              {card.tradesEmployed.length ? (
                <p className="mt-2 text-sm">
                  <strong>Métiers employés :</strong>{" "}
                  {card.tradesEmployed.map(romeLabel).join(" ; ")}
                </p>
              ) : null}
              {card.tradesRecruited.length ? (
                <p className="mt-1 text-sm">
                  <strong>Recrute :</strong> {card.tradesRecruited.map(romeLabel).join(" ; ")}
                </p>
              ) : null}
              {card.offer ? (
                <p className="mt-1 text-sm">
                  <strong>Propose :</strong> {card.offer}
                </p>
              ) : null}
              {card.seek ? (
                <p className="mt-1 text-sm">
                  <strong>Cherche :</strong> {card.seek}
                </p>
              ) : null}
              <ContactCompanyForm
                companyName={card.name}
                toCompanyId={card.id}
                errors={actionData?.target === card.id ? actionData.errors : undefined}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Write to a company of the directory: the message is e-mailed to it, Reply-To the sender. */
function ContactCompanyForm({
  companyName,
  toCompanyId,
  errors,
}: {
  companyName: string;
  toCompanyId: string;
  errors?: Record<string, ListOfErrors>;
}) {
  return (
    <details className="mt-3" open={errors ? true : undefined}>
      <summary className="cursor-pointer font-semibold text-brand-800">
        Écrire à {companyName}
      </summary>
      <PostForm className="mt-3" noValidate>
        <RequiredFieldsNote />
        <FormErrors errors={errors?.form} />
        <input type="hidden" name="toCompanyId" value={toCompanyId} />
        <TextAreaField
          className=""
          label={<>Votre message à {companyName}</>}
          help={
            <>
              L’entreprise le reçoit par e-mail et vous répond directement à votre adresse.{" "}
              {PERSONAL_DATA_HELP}
            </>
          }
          errors={errors?.message}
          textareaProps={{
            name: "message",
            rows: 4,
            required: true,
            minLength: 10,
            maxLength: 2000,
          }}
        />
        <PersonalDataConfirm errors={errors?.message} />
        <SubmitButton className="btn-primary mt-2">Envoyer le message</SubmitButton>
      </PostForm>
    </details>
  );
}
