// The annual declaration campaigns of a scope (a département, or the country): who has attested
// per club or département, the campaigns with their deadline, and the form that opens one.
// Shared by /prefecture/:code/campagne and /admin/campagne.
import { Form, Link } from "@remix-run/react";
import { DataTable } from "./data-table";
import { Field, FormErrors, SelectField } from "./forms";
import { agreed, countOf, formatDay, numberFormat } from "~/utils/format";
import { Section } from "./page";
import { BusySubmit } from "./busy-submit";

type Campaign = {
  id: string;
  departementCode: string;
  year: number;
  deadline: string;
  closed: boolean;
};
type Counts = { members: number; attested: number; edited: number };
type Group = Counts & { key: string; label: string };
type People = { people: number; attestedPeople: number };

const percent = (part: number, whole: number) =>
  whole === 0 ? "—" : `${Math.round((100 * part) / whole)} %`;

/** How many member companies have attested the year: per group, then in total. */
export function AttestationTable({
  year,
  groupLabel,
  groups,
  total,
  people,
  linkOf,
}: {
  year: number;
  groupLabel: string;
  groups: Group[];
  total: Counts;
  /** People counted by the realisations of the year: all, and from standing attestations. */
  people: { total: People; byGroup: Record<string, People> };
  linkOf?: (key: string) => string;
}) {
  return (
    <>
      <p className="mb-3">
        {countOf(total.attested, "entreprise")} sur {numberFormat.format(total.members)}{" "}
        {agreed(total.attested, "a", "ont")} attesté leur année {year} (
        {percent(total.attested, total.members)})
        {total.edited > 0
          ? ` ; ${countOf(total.edited, "autre")} ${agreed(total.edited, "a", "ont")} modifié ${agreed(total.edited, "ses", "leurs")} déclarations depuis et doi${agreed(total.edited, "t", "vent")} attester à nouveau`
          : ""}
        . Les entreprises dont l&apos;attestation tient déclarent{" "}
        {countOf(people.total.attestedPeople, "personne")} sur les{" "}
        {numberFormat.format(people.total.people)} comptées pour {year} (
        {percent(people.total.attestedPeople, people.total.people)}).
      </p>
      <DataTable
        caption={`Attestations ${year} par ${groupLabel.toLowerCase()}`}
        columns={[
          groupLabel,
          "Membres",
          "Attestées",
          "Modifiées depuis",
          "À attester",
          "Part attestée",
        ]}
        className="card p-0"
      >
        {groups.map((g) => (
          <tr key={g.key}>
            <th scope="row" className="text-left font-normal">
              {linkOf ? <Link to={linkOf(g.key)}>{g.label}</Link> : g.label}
            </th>
            <td>{numberFormat.format(g.members)}</td>
            <td>{numberFormat.format(g.attested)}</td>
            <td>{numberFormat.format(g.edited)}</td>
            <td>{numberFormat.format(g.members - g.attested - g.edited)}</td>
            <td>{percent(g.attested, g.members)}</td>
            <td>{numberFormat.format(people.byGroup[g.key]?.people ?? 0)}</td>
            <td>{numberFormat.format(people.byGroup[g.key]?.attestedPeople ?? 0)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** The scope's campaigns, newest first, each closable by those who manage this scope. */
export function CampaignList({
  campaigns,
  scope,
  canManage,
  selectedYear,
}: {
  campaigns: Campaign[];
  scope: string;
  canManage: boolean;
  selectedYear: number | null;
}) {
  return (
    <ul className="mb-6 grid gap-2">
      {campaigns.map((c) => (
        <li key={c.id} className="card flex flex-wrap items-center justify-between gap-3">
          <p>
            <strong>
              {c.year === selectedYear ? (
                `Campagne ${c.year}`
              ) : (
                <Link to={`?annee=${c.year}`}>Campagne {c.year}</Link>
              )}
            </strong>{" "}
            {c.departementCode === "*" && scope !== "*" ? "(nationale) " : ""}
            {c.closed ? "— close" : `— ouverte jusqu'au ${formatDay(c.deadline)}`}
          </p>
          {canManage && !c.closed && c.departementCode === scope ? (
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <input type="hidden" name="campaignId" value={c.id} />
              <button type="submit" className="btn-secondary">
                Clore la campagne {c.year}
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Opens the campaign of a year with its deadline. */
export function OpenCampaignForm({
  years,
  defaultYear,
  errors,
  values,
}: {
  years: number[];
  /** Last year when it may still be opened: campaigns usually declare the year just ended. */
  defaultYear: number;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
}) {
  return (
    <Section
      id="ouvrir"
      title="Ouvrir une campagne"
      className="card mb-8 max-w-2xl"
      headingClassName="mb-2 text-xl font-bold"
    >
      <p className="mb-3 text-gray-700">
        Les entreprises concernées relisent leur année et l&apos;attestent avant la date limite ;
        leurs animateurs voient qui l&apos;a fait et peuvent relancer les autres.
      </p>
      <Form method="post" className="grid items-end gap-4 sm:grid-cols-3">
        <input type="hidden" name="intent" value="open" />
        <SelectField
          label="Année déclarée"
          errors={errors?.year}
          selectProps={{
            id: "year",
            name: "year",
            defaultValue: values?.year ?? String(defaultYear),
          }}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <Field
          label="Date limite"
          errors={errors?.deadline}
          inputProps={{
            id: "deadline",
            name: "deadline",
            type: "date",
            required: true,
            defaultValue: values?.deadline,
          }}
        />
        <BusySubmit>Ouvrir la campagne</BusySubmit>
        <div className="sm:col-span-3">
          <FormErrors id="ouvrir-erreurs" errors={errors?.[""]} />
        </div>
      </Form>
    </Section>
  );
}

type CampaignPageData = {
  campaigns: Campaign[];
  canManage: boolean;
  years: number[];
  defaultYear: number;
  selectedYear: number | null;
  counts: { total: Counts; groups: Group[] } | null;
  people: { total: People; byGroup: Record<string, People> } | null;
};

/**
 * The body of a scope's campaign page: its campaigns, who attested the year shown (per club or
 * per département), and the form that opens one for those who manage the scope.
 */
export function CampaignSections({
  data: d,
  scope,
  groupLabel,
  linkOf,
  empty,
  answer,
}: {
  data: CampaignPageData;
  scope: string;
  groupLabel: string;
  linkOf: (key: string, year: number) => string;
  empty: string;
  answer?: { errors: Record<string, string[]>; values: Record<string, string> };
}) {
  const year = d.selectedYear;
  return (
    <>
      {d.campaigns.length > 0 ? (
        <CampaignList
          campaigns={d.campaigns}
          scope={scope}
          canManage={d.canManage}
          selectedYear={year}
        />
      ) : (
        <p className="card mb-6">{empty}</p>
      )}
      {d.counts && d.people && year ? (
        <Section id="attestations" title={<>Attestations {year}</>} className="mb-8" large>
          <AttestationTable
            year={year}
            groupLabel={groupLabel}
            groups={d.counts.groups}
            total={d.counts.total}
            people={d.people}
            linkOf={(key) => linkOf(key, year)}
          />
        </Section>
      ) : null}
      {d.canManage && d.years.length > 0 ? (
        <OpenCampaignForm
          years={d.years}
          defaultYear={d.defaultYear}
          errors={answer?.errors}
          values={answer?.values}
        />
      ) : null}
    </>
  );
}
