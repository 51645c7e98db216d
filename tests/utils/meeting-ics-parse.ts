// A small iCalendar (RFC 5545) reader for the tests: unfolds lines, splits properties and their
// parameters, unescapes text, and nests components (VCALENDAR > VEVENT). Strict where it helps
// to catch a broken file: CRLF line ends, balanced BEGIN/END.

export type IcsProperty = { name: string; params: Record<string, string>; value: string };
export type IcsComponent = {
  name: string;
  properties: IcsProperty[];
  components: IcsComponent[];
  /** The first value of a property, unescaped (text), or undefined. */
  get(name: string): string | undefined;
  /** Every property of that name. */
  all(name: string): IcsProperty[];
};

function unescapeText(value: string) {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

function component(name: string): IcsComponent {
  const properties: IcsProperty[] = [];
  return {
    name,
    properties,
    components: [],
    get(prop) {
      return properties.find((p) => p.name === prop.toUpperCase())?.value;
    },
    all(prop) {
      return properties.filter((p) => p.name === prop.toUpperCase());
    },
  };
}

function splitOutsideQuotes(text: string, separator: string) {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** Parses an iCalendar text; throws on a malformed one. Returns the top-level VCALENDAR. */
export function parseIcs(text: string): IcsComponent {
  if (/[^\r]\n/.test(text)) throw new Error("iCalendar : les lignes doivent finir par CRLF");
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  const lines = unfolded.split("\r\n").filter((line) => line.length > 0);
  const stack: IcsComponent[] = [];
  let root: IcsComponent | null = null;
  for (const line of lines) {
    const colon = (() => {
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        if (line[i] === '"') quoted = !quoted;
        if (line[i] === ":" && !quoted) return i;
      }
      return -1;
    })();
    if (colon < 0) throw new Error(`iCalendar : ligne sans « : » : ${line}`);
    const [rawName, ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ";");
    const name = rawName.toUpperCase();
    const value = line.slice(colon + 1);
    if (name === "BEGIN") {
      const child = component(value.toUpperCase());
      if (stack.length > 0) stack[stack.length - 1].components.push(child);
      else if (root) throw new Error("iCalendar : plusieurs composants racine");
      else root = child;
      stack.push(child);
      continue;
    }
    if (name === "END") {
      const open = stack.pop();
      if (!open || open.name !== value.toUpperCase()) {
        throw new Error(`iCalendar : END:${value} sans BEGIN correspondant`);
      }
      continue;
    }
    const current = stack[stack.length - 1];
    if (!current) throw new Error(`iCalendar : propriété hors composant : ${line}`);
    const params: Record<string, string> = {};
    for (const p of rawParams) {
      const eq = p.indexOf("=");
      params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"(.*)"$/, "$1");
    }
    current.properties.push({ name, params, value: unescapeText(value) });
  }
  if (!root || stack.length > 0) throw new Error("iCalendar : composants non fermés");
  if (root.name !== "VCALENDAR") throw new Error("iCalendar : la racine doit être VCALENDAR");
  return root;
}

/** "20261210T080000Z" → Date (UTC form only, as the app writes). */
export function icsUtcDate(value: string | undefined): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? "");
  if (!m) throw new Error(`Date iCalendar non UTC : ${value}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}
