// The campaign pages of a scope — a département (/prefecture/:code/campagne) or the country
// (/admin/campagne, scope "*") — share their loader and action: read who has attested, open a
// campaign, close one. The permission to read the scope is checked by the route before.
import { data } from "@remix-run/node";
import { attestationCounts, attestedPeople } from "~/models/attestations.server";
import {
  CampaignError,
  closeCampaign,
  declarableYears,
  listCampaigns,
  openCampaign,
} from "~/models/declaration-campaigns.server";
import { readForm } from "./forms.server";
import { can, requirePermission, type CurrentUser } from "./permissions.server";
import { campaignSchema } from "./schemas/declaration-campaign";
import { redirectWithFlash } from "./session.server";

/** The scope's campaigns, the year shown (?annee=, else the newest) and who attested it. */
export async function campaignPageData(request: Request, user: CurrentUser, scope: string) {
  const [campaigns, canManage] = await Promise.all([
    listCampaigns(scope),
    can(user, { action: "campaign:manage", departementCode: scope }),
  ]);
  const declarable = declarableYears(scope);
  const years = declarable.filter(
    (year) => !campaigns.some((c) => c.departementCode === scope && c.year === year),
  );
  const asked = Number(new URL(request.url).searchParams.get("annee"));
  const selected = campaigns.find((c) => c.year === asked) ?? campaigns[0] ?? null;
  return {
    campaigns,
    canManage,
    /** The years that may still get a campaign of this scope, newest first. */
    years,
    defaultYear: years.find((year) => year < declarable[0]) ?? years[0],
    selectedYear: selected?.year ?? null,
    counts: selected ? await attestationCounts(scope, selected.year) : null,
    people: selected ? await attestedPeople(scope, selected.year) : null,
  };
}

type Errors = Record<string, string[]>;

/** Opens or closes a campaign of the scope, for those who manage it. */
export async function campaignAction(request: Request, scope: string, back: string) {
  const user = await requirePermission(request, {
    action: "campaign:manage",
    departementCode: scope,
  });
  const form = await readForm(request);
  const refuse = (errors: Errors) =>
    data(
      {
        errors,
        values: {
          year: String(form.get("year") ?? ""),
          deadline: String(form.get("deadline") ?? ""),
        },
      },
      { status: 400 },
    );
  try {
    if (form.get("intent") === "close") {
      await closeCampaign(user.id, scope, String(form.get("campaignId") ?? ""));
      return redirectWithFlash(request, back, { kind: "success", message: "Campagne close." });
    }
    const parsed = campaignSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const errors: Errors = {};
      for (const issue of parsed.error.issues)
        (errors[String(issue.path[0] ?? "")] ??= []).push(issue.message);
      return refuse(errors);
    }
    const campaign = await openCampaign(user.id, scope, parsed.data);
    return redirectWithFlash(request, `${back}?annee=${campaign.year}`, {
      kind: "success",
      message: `Campagne ${campaign.year} ouverte : les entreprises concernées sont invitées à attester leur année.`,
    });
  } catch (error) {
    if (error instanceof CampaignError) return refuse({ "": [error.message] });
    throw error;
  }
}
