// Pieces shared by the meeting e-mails (invitation, update, reminder, cancellation): the same
// frame as emails/layout.ts, plus the meeting's facts (when, where, agenda) and the row of
// one-click answers. HTML and a plain-text twin.

import { escapeHtml } from "../app/utils/html";
import { frameHtml, frameText, type RenderedEmail } from "./layout";

export type MeetingFacts = {
  clubName: string;
  title: string;
  /** Already formatted in Paris time: "jeudi 10 décembre 2026, de 09 h 00 à 11 h 00". */
  when: string;
  place: string;
  videoUrl: string | null;
  /** Plain text (the Markdown source, readable as is). */
  agenda: string;
  meetingUrl: string;
};

export type RsvpLinks = { yes: string; no: string; maybe: string };

export type MeetingBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "note"; text: string }
  | { kind: "facts"; facts: MeetingFacts }
  | { kind: "answers"; links: RsvpLinks }
  | { kind: "link"; label: string; url: string };

const ANSWER_LABELS: Array<[keyof RsvpLinks, string, string]> = [
  ["yes", "Je viens", "#1f6f43"],
  ["no", "Je ne viens pas", "#8b1e1e"],
  ["maybe", "Peut-être", "#1f4e8c"],
];

function nl2br(text: string) {
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}

function factsHtml(f: MeetingFacts) {
  const rows: Array<[string, string]> = [["Quand", escapeHtml(f.when)]];
  if (f.place) rows.push(["Où", escapeHtml(f.place)]);
  if (f.videoUrl) {
    rows.push([
      "Visioconférence",
      `<a href="${escapeHtml(f.videoUrl)}" style="color:#1f4e8c">${escapeHtml(f.videoUrl)}</a>`,
    ]);
  }
  const table = rows
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0;white-space:nowrap">${label}</th><td style="padding:4px 0">${value}</td></tr>`,
    )
    .join("");
  const agenda = f.agenda
    ? `<p style="margin:16px 0 4px;font-weight:bold">Ordre du jour</p>
<p style="margin:0 0 16px;line-height:1.5">${nl2br(f.agenda)}</p>`
    : "";
  return `<table role="presentation" style="border-collapse:collapse;margin:0 0 8px;line-height:1.4">${table}</table>
${agenda}`;
}

function factsText(f: MeetingFacts) {
  return [
    `Quand : ${f.when}`,
    ...(f.place ? [`Où : ${f.place}`] : []),
    ...(f.videoUrl ? [`Visioconférence : ${f.videoUrl}`] : []),
    ...(f.agenda ? ["", "Ordre du jour :", f.agenda] : []),
    "",
  ].join("\n");
}

/**
 * The last word of an invitation-like e-mail: the meeting's page for people who sign in; for a
 * company's contact without an account, a reminder that the links are all they need (the page
 * would only show them a sign-in form).
 */
export function meetingPageBlock(meetingUrl: string, viewInApp: boolean): MeetingBlock {
  return viewInApp
    ? { kind: "link", label: "Voir la réunion dans Engagés", url: meetingUrl }
    : {
        kind: "note",
        text: "Vous recevez cette invitation en tant que contact de votre entreprise auprès du club : pas besoin de compte Engagés pour répondre, les boutons ci-dessus suffisent.",
      };
}

export function renderMeetingEmail(
  subject: string,
  heading: string,
  blocks: MeetingBlock[],
): RenderedEmail {
  const htmlBlocks = blocks
    .map((block) => {
      switch (block.kind) {
        case "paragraph":
          return `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(block.text)}</p>`;
        case "note":
          return `<p style="margin:0 0 16px;line-height:1.5;color:#4b5563;font-size:14px">${escapeHtml(block.text)}</p>`;
        case "facts":
          return factsHtml(block.facts);
        case "link":
          return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.url)}" style="color:#1f4e8c">${escapeHtml(block.label)}</a></p>`;
        case "answers":
          return `<p style="margin:24px 0 8px;font-weight:bold">Votre réponse, en un clic :</p>
<p style="margin:0 0 16px">${ANSWER_LABELS.map(
            ([key, label, color]) =>
              `<a href="${escapeHtml(block.links[key])}" style="background:${color};color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:bold;display:inline-block;margin:0 8px 8px 0">${label}</a>`,
          ).join("")}</p>`;
      }
    })
    .join("\n");
  const html = frameHtml(subject, heading, htmlBlocks);
  const text = frameText(
    heading,
    blocks.map((block) => {
      switch (block.kind) {
        case "paragraph":
        case "note":
          return `${block.text}\n`;
        case "facts":
          return factsText(block.facts);
        case "link":
          return `${block.label} : ${block.url}\n`;
        case "answers":
          return [
            "Votre réponse, en un clic :",
            ...ANSWER_LABELS.map(([key, label]) => `${label} : ${block.links[key]}`),
            "",
          ].join("\n");
      }
    }),
  );
  return { subject, html, text };
}
