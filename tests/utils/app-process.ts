// The built app as a real process on a SQLite file of its own, and a small HTTP client that signs
// in like a browser (cookies, anti-forgery fields, Origin). Used by the crash and backup tests
// (which kill and restart it) and by the load bench. Needs `npm run build` first.

import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The demo accounts' password (prisma/seed/). */
export const DEMO_PASSWORD = "demo-engages-2026";

export function requireBuild() {
  if (!fs.existsSync(path.join(ROOT, "build", "index.js"))) {
    throw new Error("Le build de l'application manque : lancez `npm run build` d'abord.");
  }
}

export type AppOptions = {
  /** The SQLite file, or a postgresql:// URL (the benches of several instances). */
  dbPath: string;
  port: number;
  /** smtp://… of a test server; without it nothing is sent (the outbox keeps the e-mails). */
  smtpUrl?: string;
  env?: Record<string, string>;
};

/** DATABASE_URL for a SQLite file path, or the PostgreSQL URL as it is. */
export function databaseUrlOf(dbPath: string) {
  return /^postgres(ql)?:\/\//.test(dbPath) ? dbPath : `file:${path.resolve(dbPath)}`;
}

function appEnv({ dbPath, port, smtpUrl, env }: AppOptions): NodeJS.ProcessEnv {
  const vars: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    DATABASE_URL: databaseUrlOf(dbPath),
    APP_URL: `http://localhost:${port}`,
    SESSION_SECRET: "process-tests-session-secret-at-least-32-characters",
    SECURE_COOKIES: "false",
    DEMO_DATA: "true",
    SIRENE_API_URL: "off",
    ...env,
  };
  delete vars.SMTP_URL;
  if (smtpUrl) vars.SMTP_URL = smtpUrl;
  return vars;
}

/** Removes a SQLite file and its WAL companions. */
export function removeDatabase(dbPath: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    fs.rmSync(`${dbPath}${suffix}`, { force: true });
}

/** What `npm start` does before the server: migrations, WAL, reference (and demo) data. */
export function prepareDatabase(options: AppOptions) {
  if (!databaseUrlOf(options.dbPath).startsWith("postgres"))
    fs.mkdirSync(path.dirname(options.dbPath), { recursive: true });
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "prepare-db.mjs")], {
    cwd: ROOT,
    env: appEnv(options),
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export type AppProcess = {
  url: string;
  child: ChildProcess;
  /** Everything the server printed, for diagnostics. */
  output: () => string;
  /** SIGKILL: no clean-up, no checkpoint, like a power cut of the process. */
  kill: () => Promise<void>;
  /** SIGTERM, as a service manager stops it. */
  stop: () => Promise<void>;
};

/** Starts `node server.mjs` on the (prepared) database and waits until /healthz answers. */
export async function startApp(options: AppOptions): Promise<AppProcess> {
  requireBuild();
  const child = spawn(process.execPath, [path.join(ROOT, "server.mjs")], {
    cwd: ROOT,
    env: appEnv(options),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`Le serveur s'est arrêté au démarrage :\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await signal("SIGKILL");
      throw new Error(`Le serveur ne répond pas sur ${url} :\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => output,
    kill: () => signal("SIGKILL"),
    stop: () => signal("SIGTERM"),
  };
}

/** A signed-in HTTP client with its own cookie jar, as one browser would be. */
export class AppClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  #remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  async get(pathname: string) {
    const response = await fetch(this.baseUrl + pathname, {
      headers: { cookie: this.cookieHeader },
      redirect: "manual",
    });
    this.#remember(response);
    return response;
  }

  /** Posts a form as the browser does: multipart when a field is a file, else urlencoded. */
  async postForm(pathname: string, fields: Record<string, string | File>) {
    if (Object.values(fields).some((v) => typeof v !== "string")) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      return this.post(pathname, form);
    }
    return this.post(pathname, new URLSearchParams(fields as Record<string, string>));
  }

  async post(pathname: string, body: URLSearchParams | FormData) {
    const response = await fetch(this.baseUrl + pathname, {
      method: "POST",
      headers: { cookie: this.cookieHeader, origin: this.baseUrl },
      body,
      redirect: "manual",
    });
    this.#remember(response);
    return response;
  }

  static async signIn(baseUrl: string, email: string, password = DEMO_PASSWORD) {
    const client = new AppClient(baseUrl);
    const response = await client.postForm("/login", { email, password });
    if (response.status !== 302 && response.status !== 303) {
      throw new Error(`Connexion refusée pour ${email} (HTTP ${response.status})`);
    }
    return client;
  }
}

/** Adds `count` member companies, each with a company user, to the club of a département. */
export function addMemberCompanies(
  dbPath: string,
  departementCode: string,
  count: number,
  prefix: string,
  password = DEMO_PASSWORD,
): { clubId: string; companies: Array<{ companyId: string; email: string }> } {
  const out = execFileSync(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    [
      path.join(ROOT, "tests", "utils", "add-member-companies.ts"),
      departementCode,
      String(count),
      prefix,
      password,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrlOf(dbPath), NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return JSON.parse(out.toString().trim().split("\n").pop()!);
}

/** The company and club of a person's first role, read from the app's database file. */
export function roleScopeOf(dbPath: string, email: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT r."companyId", r."clubId" FROM "RoleAssignment" r JOIN "User" u ON u."id" = r."userId" WHERE u."email" = ? ORDER BY r."createdAt" LIMIT 1`,
      )
      .get(email) as { companyId: string | null; clubId: string | null };
  } finally {
    db.close();
  }
}
