import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { MeetingForm } from "~/components/meeting-form";
import { BackLink, PageHeader } from "~/components/page";
import { clubZone } from "~/models/club-zone.server";
import { createMeeting, MeetingError } from "~/models/meeting.server";
import { zoneOfDepartement } from "~/utils/time/zones";
import { toLocalInput } from "~/utils/time/wall-clock";
import { requirePermission } from "~/utils/permissions.server";
import { requireClubPage } from "~/utils/club-route.server";
import { meetingSchema } from "~/utils/schemas/meeting";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm, saveOrReply } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Nouvelle réunion — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { club } = await requireClubPage(request, params, "club:manage");
  // A suggestion: in two weeks, 9 h to 11 h, the club's time.
  const zone = zoneOfDepartement(club.departementCode);
  const inTwoWeeks = toLocalInput(new Date(Date.now() + 14 * 24 * 3600_000), zone).slice(0, 10);
  return {
    club,
    zone,
    defaults: {
      title: "",
      startsAt: `${inTwoWeeks}T09:00`,
      endsAt: `${inTwoWeeks}T11:00`,
      place: "",
      videoUrl: "",
      agenda: "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const clubId = params.clubId ?? "";
  const user = await requirePermission(request, { action: "club:manage", clubId });
  const submission = parseWithZod(await readForm(request), {
    schema: meetingSchema(await clubZone(clubId)),
  });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  return saveOrReply(submission, MeetingError, async () => {
    const id = await createMeeting(user, clubId, submission.value);
    return redirectWithFlash(request, `/club/${clubId}/reunions/${id}`, {
      kind: "success",
      message: "La réunion est créée. Invitez maintenant les membres du club.",
    });
  });
}

export default function NewMeetingPage() {
  const { club, zone, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <ClubNav clubId={club.id} />
      <BackLink to={`/club/${club.id}/reunions`}>Réunions du club</BackLink>
      <PageHeader
        title="Nouvelle réunion"
        intro="Une rencontre du club : vous inviterez ensuite les entreprises membres, qui recevront l'invitation par e-mail avec un fichier pour leur agenda."
      />
      <MeetingForm
        zone={zone}
        defaults={defaults}
        lastResult={actionData?.result}
        submitLabel="Créer la réunion"
      />
    </>
  );
}
