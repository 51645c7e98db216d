import { renderMeetingEmail, type MeetingFacts } from "./meeting-parts";

export type MeetingCancelledEmailData = {
  meeting: MeetingFacts;
  organizerName: string;
};

export function meetingCancelledEmail(data: MeetingCancelledEmailData) {
  const m = data.meeting;
  return renderMeetingEmail(`Annulation : ${m.title}`, `Réunion annulée : ${m.title}`, [
    {
      kind: "paragraph",
      text: `${data.organizerName} vous informe que la réunion du club « ${m.clubName} » à laquelle vous étiez invité(e) est annulée.`,
    },
    { kind: "facts", facts: { ...m, agenda: "" } },
    {
      kind: "note",
      text: "L'annulation est jointe (fichier .ics) : votre agenda peut retirer la réunion automatiquement.",
    },
  ]);
}
