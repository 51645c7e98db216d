// A ProConnect sign-in or sign-out under way (decision 027): its state, nonce and PKCE verifier
// are rows on the server; the browser holds only the row's id, in a signed cookie, so the answer
// of the provider is accepted only in the browser that asked, and only once.
import { createCookie } from "@remix-run/node";
import { prisma } from "./db.server";
import { secureCookies, sessionSecret } from "./env.server";
import { PROCONNECT_FLOW_TTL_MS } from "./proconnect.server";

const flowCookie = createCookie("__engages_proconnect", {
  httpOnly: true,
  // Lax: sent when the provider sends the browser back here (a top-level GET from its site).
  sameSite: "lax",
  path: "/",
  secrets: [sessionSecret],
  secure: secureCookies,
  maxAge: PROCONNECT_FLOW_TTL_MS / 1000,
});

export type FlowKind = "LOGIN" | "LOGOUT";

export type NewFlow = {
  kind: FlowKind;
  state: string;
  nonce?: string;
  codeVerifier?: string;
  invitationTokenHash?: string | null;
  redirectTo?: string | null;
};

export type StoredFlow = Awaited<ReturnType<typeof takeFlow>>;

type FlowCookie = { id: string; back: string };

async function readCookie(request: Request): Promise<FlowCookie | null> {
  const value: unknown = await flowCookie.parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const { id, back } = value as Record<string, unknown>;
  return typeof id === "string" && typeof back === "string" ? { id, back } : null;
}

/**
 * Records a flow; returns the Set-Cookie header that ties it to this browser, with the page to
 * come back to if it fails (the sign-in form, or the invitation the browser opened).
 */
export async function saveFlow(flow: NewFlow, back: string) {
  const created = await prisma.proConnectFlow.create({
    data: { ...flow, expiresAt: new Date(Date.now() + PROCONNECT_FLOW_TTL_MS) },
    select: { id: true },
  });
  return flowCookie.serialize({ id: created.id, back } satisfies FlowCookie);
}

/** True when the browser holds a flow cookie of ours (signed), used or not. */
export async function hasFlowCookie(request: Request) {
  return (await readCookie(request)) !== null;
}

/** The page to show a failed flow's message on. */
export async function flowReturnPath(request: Request) {
  return (await readCookie(request))?.back ?? "/login";
}

/**
 * The flow this browser started, removed as it is read (a second answer finds nothing), or null
 * when there is none, it expired, or it is of another kind.
 */
export async function takeFlow(request: Request, kind: FlowKind) {
  const id = (await readCookie(request))?.id;
  if (!id) return null;
  const flow = await prisma.proConnectFlow.findUnique({ where: { id } });
  if (!flow) return null;
  const claimed = await prisma.proConnectFlow.deleteMany({ where: { id } });
  if (claimed.count === 0 || flow.kind !== kind || flow.expiresAt < new Date()) return null;
  return flow;
}

/** The Set-Cookie header that forgets the flow in the browser. */
export const clearFlowCookie = () => flowCookie.serialize("", { maxAge: 0 });
