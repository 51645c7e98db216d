import {
  meetingPageBlock,
  renderMeetingEmail,
  type MeetingFacts,
  type RsvpLinks,
} from "./meeting-parts";

export type MeetingReminderEmailData = {
  meeting: MeetingFacts;
  /** "Je viens", "Peut-être" or null when the person has not answered yet. */
  currentAnswer: string | null;
  rsvp: RsvpLinks;
  /** The invitee signs in to Engagés (false: a company's contact without an account). */
  viewInApp: boolean;
};

export function meetingReminderEmail(data: MeetingReminderEmailData) {
  const m = data.meeting;
  return renderMeetingEmail(`Rappel : ${m.title}`, `Rappel : ${m.title}`, [
    {
      kind: "paragraph",
      text: `La réunion du club « ${m.clubName} » a lieu bientôt.`,
    },
    { kind: "facts", facts: m },
    {
      kind: "paragraph",
      text: data.currentAnswer
        ? `Votre réponse : « ${data.currentAnswer} ». Vous pouvez encore la changer :`
        : "Vous n'avez pas encore répondu : dites-nous si vous venez.",
    },
    { kind: "answers", links: data.rsvp },
    meetingPageBlock(m.meetingUrl, data.viewInApp),
  ]);
}
