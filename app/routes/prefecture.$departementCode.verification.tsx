// Verification of the attested declarations (issue 15 point 5, decision 032): the prefecture
// draws a reproducible sample of the companies that attested year N, stratified by club; each is
// asked for its supporting figures in the app; the prefecture reads the answers and records the
// result. The sample and its results are exported as CSV.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, SelectField } from "~/components/forms";
import { PageHeader, Section } from "~/components/page";
import { VerificationCheckCard } from "~/components/verification-check";
import { getDepartementWithRegion } from "~/models/departements.server";
import { listCampaigns } from "~/models/declaration-campaigns.server";
import {
  RESULTS,
  RESULT_NOTE_MAX_LENGTH,
  SAMPLE_RATES,
  VerificationError,
  drawSample,
  listSamples,
  recordCheckResult,
} from "~/models/verification.server";
import { formatDateTime } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { can, notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";
import { BusySubmit } from "~/components/busy-submit";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Vérification des déclarations — ${data?.departement.name ?? ""} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const departementCode = params.departementCode ?? "";
  const user = await requirePermission(request, { action: "departement:read", departementCode });
  const departement = await getDepartementWithRegion(departementCode);
  if (!departement) notFound();
  const asked = Number(new URL(request.url).searchParams.get("annee")) || undefined;
  const [samples, campaigns, canManage] = await Promise.all([
    listSamples(departementCode, asked),
    listCampaigns(departementCode),
    can(user, { action: "campaign:manage", departementCode }),
  ]);
  const sampled = new Set(samples.samples.map((s) => s.year));
  return {
    departement,
    ...samples,
    canManage,
    drawYears: [...new Set(campaigns.map((c) => c.year))].filter((y) => !sampled.has(y)),
    rates: SAMPLE_RATES,
    noteMaxLength: RESULT_NOTE_MAX_LENGTH,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const departementCode = params.departementCode ?? "";
  const user = await requirePermission(request, { action: "campaign:manage", departementCode });
  const form = await readForm(request);
  const here = `/prefecture/${departementCode}/verification`;
  const refuse = (message: string, checkId = "") =>
    data({ checkId, error: message }, { status: 400 });
  const number = (message: string) =>
    z.coerce.number({ error: message }).int(message).min(0, message).max(1_000_000, message);
  try {
    if (form.get("intent") === "draw") {
      const parsed = z
        .object({ year: number("Choisissez l'année."), ratePercent: number("Choisissez la part.") })
        .safeParse(Object.fromEntries(form));
      if (!parsed.success) return refuse(parsed.error.issues[0].message);
      const drawn = await drawSample(user.id, departementCode, parsed.data);
      return redirectWithFlash(request, `${here}?annee=${parsed.data.year}`, {
        kind: "success",
        message: `Échantillon tiré : ${drawn.drawn} entreprise${drawn.drawn > 1 ? "s" : ""} sur ${drawn.among} ayant attesté. Chacune voit la demande sur son tableau de bord.`,
      });
    }
    const checkId = String(form.get("checkId") ?? "");
    const parsed = z
      .object({
        result: z.enum(RESULTS, { error: "Choisissez le résultat." }),
        correctedPeople: z.preprocess(
          (v) => (v === "" || v === undefined ? null : v),
          number("Le nombre corrigé doit être un nombre entier positif.").nullable(),
        ),
        note: z
          .string()
          .trim()
          .max(
            RESULT_NOTE_MAX_LENGTH,
            `La note doit compter ${RESULT_NOTE_MAX_LENGTH} caractères au plus.`,
          )
          .default(""),
      })
      .safeParse(Object.fromEntries(form));
    if (!parsed.success) return refuse(parsed.error.issues[0].message, checkId);
    await recordCheckResult(user.id, departementCode, checkId, parsed.data);
    return redirectWithFlash(request, `${here}?annee=${String(form.get("annee") ?? "")}`, {
      kind: "success",
      message: "Résultat enregistré.",
    });
  } catch (error) {
    if (error instanceof VerificationError) {
      return refuse(error.message, String(form.get("checkId") ?? ""));
    }
    throw error;
  }
}

export default function Verification() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const base = `/prefecture/${d.departement.code}`;
  return (
    <>
      <PageHeader
        title="Vérification des déclarations"
        intro={`${d.departement.name} : un échantillon tiré au sort, club par club, parmi les entreprises qui ont attesté leur année. Chacune transmet de quoi étayer ses chiffres ; vous consignez le résultat.`}
        actions={
          d.sample ? (
            <a
              href={`${base}/verification.csv?annee=${d.sample.year}`}
              className="btn-secondary"
              download
            >
              Exporter l&apos;échantillon (CSV)
            </a>
          ) : null
        }
      />
      {d.samples.length > 1 ? (
        <p className="mb-3">
          Autres années :{" "}
          {d.samples
            .filter((s) => s.year !== d.sample?.year)
            .map((s) => (
              <Link key={s.year} to={`?annee=${s.year}`} className="mr-2">
                {s.year}
              </Link>
            ))}
        </p>
      ) : null}
      {d.sample ? (
        <Section
          id="echantillon"
          title={<>Échantillon {d.sample.year}</>}
          className="mb-8"
          headingClassName="mb-2 text-xl font-bold"
        >
          <p className="mb-4 text-gray-700">
            {d.checks.length} entreprise{d.checks.length > 1 ? "s" : ""} ({d.sample.ratePercent} %
            par club), tirées le {formatDateTime(d.sample.createdAt)}. Graine du tirage :{" "}
            <code>{d.sample.seed}</code> (le même tirage se refait à l&apos;identique).
          </p>
          <ul className="grid gap-4">
            {d.checks.map((c) => (
              <VerificationCheckCard
                key={c.id}
                check={c}
                year={d.sample!.year}
                fileUrl={`${base}/pieces/${c.id}`}
                canManage={d.canManage}
                noteMaxLength={d.noteMaxLength}
                error={answer?.checkId === c.id ? answer.error : undefined}
              />
            ))}
          </ul>
        </Section>
      ) : (
        <p className="card mb-6">Aucun échantillon n&apos;a encore été tiré.</p>
      )}
      {d.canManage && d.drawYears.length > 0 ? (
        <Section
          id="tirer"
          title="Tirer un échantillon"
          className="card max-w-2xl"
          headingClassName="mb-2 text-xl font-bold"
        >
          <p className="mb-3 text-gray-700">
            Parmi les entreprises dont l&apos;attestation tient toujours, la part choisie dans
            chaque club (une au moins par club). Un seul tirage par année.
          </p>
          <Form method="post" className="grid items-end gap-4 sm:grid-cols-3">
            <input type="hidden" name="intent" value="draw" />
            <SelectField
              label="Année"
              selectProps={{ id: "year", name: "year" }}
              options={d.drawYears.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <SelectField
              label="Part par club"
              selectProps={{ id: "ratePercent", name: "ratePercent", defaultValue: "10" }}
              options={d.rates.map((r) => ({ value: String(r), label: `${r} %` }))}
            />
            <BusySubmit>Tirer l&apos;échantillon</BusySubmit>
            <div className="sm:col-span-3">
              <FormErrors errors={answer && !answer.checkId ? [answer.error] : undefined} />
            </div>
          </Form>
        </Section>
      ) : null}
    </>
  );
}
