// Finds personal data in a free text, so that none about hired people ends up in Engagés
// (design.md: counts and categories only; decision 019). Client-safe and pure; the server runs
// the rules and decides (the browser shows the help text only: its patterns are built lazily so
// that the client build drops them, decision 017).
//
// Two strengths. Data that is personal whatever the context (a phone number, a birth date, a
// social security number, a prénom.nom e-mail address) is refused. A person's name is only
// guessed (a title or a hiring verb before capitalised words), and may be a professional
// contact or a place: it is flagged, and the author may confirm.

import { fold } from "./text";

export type PersonalDataKind = "phone" | "birthDate" | "nir" | "email" | "name";

export type PersonalDataFinding = {
  kind: PersonalDataKind;
  /** The text as written, to point it out to its author. */
  text: string;
  index: number;
  /** True for a guess the author may confirm (names); false for data always refused. */
  confirmable: boolean;
};

/** How a guessed name's warning begins: the forms offer « Envoyer quand même » on it alone. */
export const NAME_WARNING_START = "Ce texte semble nommer une personne";
const RULE = "Engagés ne conserve aucune donnée personnelle sur les personnes recrutées";

const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";
/** Separators people type inside numbers: space, no-break spaces, dot, dash. */
const SEP = "[ .\\-\\u00a0\\u202f]";
const SPACE = "[ \\u00a0\\u202f]";

// 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, +33 (0)6…, 0033 6…: five pairs
// with the same separator throughout, so that dates (06.12.2025), SIRET groups (3-3-3-5) and
// amounts never match.
const PHONE = /* @__PURE__ */ (() =>
  new RegExp(
    `(?<![\\p{L}\\p{N}+.])(?:(?:\\+|00)33${SEP}?(?:\\(0\\)${SEP}?)?|0)[1-9](${SEP}?)\\d{2}(?:\\1\\d{2}){3}(?!\\p{N})`,
    "gu",
  ))();

// French social security number (NIR): sex, year, month, département (2A/2B for Corsica),
// commune, order, then a 2-digit key = 97 − (the 13 digits mod 97).
const NIR = /* @__PURE__ */ (() =>
  new RegExp(
    `${NOT_WORD_BEFORE}([1-478])${SEP}?(\\d{2})${SEP}?(\\d{2})${SEP}?(\\d{2}|2[AB])${SEP}?(\\d{3})${SEP}?(\\d{3})${SEP}?(\\d{2})${NOT_WORD_AFTER}`,
    "gu",
  ))();

const MONTHS =
  "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre";
const MONTH_NUMBER: Record<string, number> = {
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};
const DATE = /* @__PURE__ */ (() =>
  new RegExp(
    `${NOT_WORD_BEFORE}(?:(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4}|\\d{2})|(\\d{1,2})(?:er)?${SPACE}+(${MONTHS})${SPACE}+(\\d{4}))${NOT_WORD_AFTER}`,
    "giu",
  ))();
/** Words saying a date is a birth date: « née le 12/03/1987 », « date de naissance : … ». */
const BIRTH_WORD = /* @__PURE__ */ (() =>
  new RegExp(
    `${NOT_WORD_BEFORE}(?:n[ée]e?s?|n[ée]\\(e\\)|naissance|ddn)${NOT_WORD_AFTER}`,
    "giu",
  ))();
/** At most this many characters (no line or sentence break) between the word and the date. */
const BIRTH_WORD_GAP = 30;
/** …or just after it (« 12/03/1987 (date de naissance) »). */
const BIRTH_AFTER = /^[^\n!?;]{0,20}(?:naissance|ddn)(?![\p{L}\p{N}])/iu;
/** A birth year a person hired or trained could have: not a date of the programme's life. */
const YOUNGEST_AGE = 10;
const OLDEST_BIRTH_YEAR = 1900;

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+)@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})/gu;
/** Local parts of role addresses (contact@, rh@, recrutement.lille@…): not a person's. */
const ROLE_ADDRESS_WORDS = /* @__PURE__ */ (() =>
  new Set(
    (
      "accueil admin administration agence alternance apprentissage achat achats atelier benevolat " +
      "bonjour boutique candidature candidatures cci club clubs cma com commercial commerciale " +
      "communication compta comptabilite contact contacts courrier cv ddets direction dreets drh " +
      "emploi emplois engagement entreprise entreprises equipe formation formations grh hello info " +
      "infos information informations inclusion insertion job jobs magasin mail mairie mecenat " +
      "no noreply office paie partenariat partenariats prefecture presse qualite recrutement " +
      "recrutements recrute reply rh rse secretariat service services site stage stages standard " +
      "support team usine vente ventes webmaster"
    ).split(" "),
  ))();
/** prenom.nom, j.dupont, jean.de.dupont: a person's address (« transports-delattre » may not be). */
const PERSON_ADDRESS = /^\p{L}+(?:\.\p{L}+){1,2}$/u;

const TITLE =
  "M\\.|MM\\.|Mr\\.?|Mme\\.?|Mmes|Mlle\\.?|Mlles|Melle|[Mm]onsieur|[Mm]adame|[Mm]ademoiselle|MONSIEUR|MADAME";
const CAPITALISED = "\\p{Lu}[\\p{L}'’\\-]*\\p{L}";
// « Mme Martin », « M. J. Dupont », « Monsieur DURAND »: a title, then a capitalised word.
const TITLED_NAME = /* @__PURE__ */ (() =>
  new RegExp(
    `(?<![\\p{L}\\p{N}.])(?:${TITLE})${SPACE}+((?:\\p{Lu}\\.${SPACE}?)?${CAPITALISED})`,
    "gu",
  ))();
// « nous avons embauché Jean Dupont », « accueillie Léa Martin »: a hiring verb, then two
// capitalised words.
const HIRED_NAME = /* @__PURE__ */ (() =>
  new RegExp(
    `${NOT_WORD_BEFORE}(?:[Rr]ecrut|[Ee]mbauch|[Aa]ccueill?i|[Ii]nt[ée]gr|[Tt]itularis|[Ff]orm|[Aa]ccompagn)[ée]?e?s?${SPACE}+(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)${SPACE}+(${CAPITALISED})`,
    "gu",
  ))();
// « Nom : Dupont », « Prénom : Léa ».
const LABELLED_NAME = /* @__PURE__ */ (() =>
  new RegExp(
    `${NOT_WORD_BEFORE}(?:[Nn]om|NOM|[Pp]r[ée]nom|PR[ÉE]NOM)${SPACE}*:${SPACE}*(${CAPITALISED})`,
    "gu",
  ))();
/** Capitalised words after a title or a verb that are not a person (« Madame la Préfète »). */
const NOT_A_NAME = /* @__PURE__ */ (() =>
  new Set(
    (
      "le la les l du de des prefet prefete sous-prefet sous-prefete maire president presidente " +
      "directeur directrice ministre depute deputee senateur senatrice adjoint adjointe " +
      "conseiller conseillere responsable france pole mission cap maison chambre centre " +
      "association entreprise entreprises club groupe lycee ecole college institut agence " +
      "service region departement ville communaute epide apprentis cci afpa"
    ).split(" "),
  ))();

function nirKeyIsValid(digits: string, key: string) {
  const numeric = digits.replace("2A", "19").replace("2B", "18");
  return 97 - (Number(numeric) % 97) === Number(key);
}

function findNirs(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const m of text.matchAll(NIR)) {
    const [, sex, year, month, dep, commune, order, key] = m;
    const mm = Number(month);
    if (mm === 0 || (mm > 12 && mm < 20) || (mm > 42 && mm < 50)) continue;
    if (!nirKeyIsValid(`${sex}${year}${month}${dep.toUpperCase()}${commune}${order}`, key))
      continue;
    found.push({ kind: "nir", text: m[0], index: m.index, confirmable: false });
  }
  return found;
}

function isPlausibleBirthDate(day: number, month: number, year: string, now: Date) {
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  if (year.length === 2) return true;
  const y = Number(year);
  return y >= OLDEST_BIRTH_YEAR && y <= now.getFullYear() - YOUNGEST_AGE;
}

/** Where the nearest birth word before `index` begins, if it is close enough; else null. */
function birthWordBefore(text: string, index: number) {
  // A short window, begun at a word's start (« donnée » must not read as « née »).
  let from = Math.max(0, index - BIRTH_WORD_GAP - 20);
  while (from > 0 && /[\p{L}\p{N}]/u.test(text[from - 1])) from--;
  const window = text.slice(from, index);
  let nearest: number | null = null;
  for (const word of window.matchAll(BIRTH_WORD)) {
    const gap = window.slice(word.index + word[0].length);
    if (gap.length <= BIRTH_WORD_GAP && !/[\n!?;]/.test(gap)) nearest = from + word.index;
  }
  return nearest;
}

function findBirthDates(text: string, now: Date): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const m of text.matchAll(DATE)) {
    const numeric = m[1] !== undefined;
    const day = Number(numeric ? m[1] : m[5]);
    const month = numeric ? Number(m[3]) : MONTH_NUMBER[fold(m[6])];
    const year = numeric ? m[4] : m[7];
    if (!isPlausibleBirthDate(day, month, year, now)) continue;
    const said = birthWordBefore(text, m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (said === null && !BIRTH_AFTER.test(after)) continue;
    const start = said ?? m.index;
    found.push({
      kind: "birthDate",
      text: text.slice(start, m.index + m[0].length),
      index: start,
      confirmable: false,
    });
  }
  return found;
}

function findEmails(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const local = fold(m[1]);
    const words = local.split(/[._%+-]+/).map((w) => w.replace(/\d+/g, ""));
    if (words.some((w) => ROLE_ADDRESS_WORDS.has(w))) continue;
    // prenom.nom is surely a person; « jdupont@ » or « transports-delattre@ » may not be.
    const confirmable = !PERSON_ADDRESS.test(local);
    found.push({ kind: "email", text: m[0], index: m.index, confirmable });
  }
  return found;
}

function findNames(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const pattern of [TITLED_NAME, HIRED_NAME, LABELLED_NAME]) {
    for (const m of text.matchAll(pattern)) {
      const first = fold(m[1].replace(/^\p{Lu}\.\s*/u, ""));
      if (NOT_A_NAME.has(first)) continue;
      found.push({ kind: "name", text: m[0], index: m.index, confirmable: true });
    }
  }
  return found;
}

function findPhones(text: string): PersonalDataFinding[] {
  return [...text.matchAll(PHONE)].map((m) => ({
    kind: "phone" as const,
    text: m[0],
    index: m.index,
    confirmable: false,
  }));
}

/**
 * The personal data a text seems to hold, in reading order; where two findings overlap, the one
 * refused outright is kept. `now` only bounds plausible birth years.
 */
export function findPersonalData(text: string, now = new Date()): PersonalDataFinding[] {
  const all = [
    ...findNirs(text),
    ...findBirthDates(text, now),
    ...findEmails(text),
    ...findPhones(text),
    ...findNames(text),
  ].sort((a, b) => a.index - b.index || Number(a.confirmable) - Number(b.confirmable));
  // Kept findings do not overlap and are in order: a new one can only overlap the last.
  const kept: PersonalDataFinding[] = [];
  for (const finding of all) {
    const last = kept.at(-1);
    if (!last || finding.index >= last.index + last.text.length) kept.push(finding);
    else if (last.confirmable && !finding.confirmable) kept[kept.length - 1] = finding;
  }
  return kept;
}

const KIND_LABELS: Record<PersonalDataKind, string> = {
  phone: "un numéro de téléphone",
  birthDate: "une date de naissance",
  nir: "un numéro de sécurité sociale",
  email: "une adresse e-mail personnelle",
  name: "le nom d'une personne",
};

const quoted = (findings: PersonalDataFinding[]) =>
  [...new Set(findings.map((f) => f.text.replace(/\s+/g, " ").trim()))]
    .slice(0, 3)
    .map((t) => `« ${t.length > 40 ? `${t.slice(0, 39)}…` : t} »`)
    .join(", ");

function listInFrench(items: string[]) {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
}

/**
 * The French error for a text holding personal data, or null when it may be kept: refused data
 * is named (« un numéro de téléphone (« 06 12… ») »); a guessed name only warns, and passes once
 * its author `confirmed` it.
 */
export function personalDataError(
  text: string,
  { confirmed = false, now = new Date() }: { confirmed?: boolean; now?: Date } = {},
): string | null {
  const findings = findPersonalData(text, now);
  const refused = findings.filter((f) => !f.confirmable);
  if (refused.length > 0) {
    const kinds = [...new Set(refused.map((f) => f.kind))];
    const it = refused.length > 1 ? "retirez-les" : "retirez-le";
    return `Ce texte semble contenir ${listInFrench(kinds.map((k) => KIND_LABELS[k]))} (${quoted(refused)}) : ${it} pour enregistrer. ${RULE}.`;
  }
  if (findings.length === 0 || confirmed) return null;
  return `${NAME_WARNING_START} (${quoted(findings)}). ${RULE} : retirez les noms, sauf s'il s'agit d'un contact professionnel ou d'un lieu.`;
}

/** Whether an error is only a guessed name's warning, which its author may confirm. */
export function isNameWarning(message: string | null | undefined) {
  return typeof message === "string" && message.startsWith(NAME_WARNING_START);
}

/** The rule, said next to every free text before sending. */
export const PERSONAL_DATA_HELP =
  "Ni nom, ni téléphone, ni e-mail, ni date de naissance des personnes recrutées : Engagés n'en conserve aucun.";
