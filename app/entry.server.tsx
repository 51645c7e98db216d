import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { registerJobs } from "~/jobs.server";
import { unregisterInstance } from "~/utils/app-instance.server";
import { prisma } from "~/utils/db.server";
import { startOutboxWorker, stopOutboxWorker } from "~/utils/email.server";
import { startScheduler, stopScheduler } from "~/utils/scheduler.server";
export { runWithRequestMemo } from "~/utils/request-memo.server";

const ABORT_DELAY = 5_000;

// Background work of the server process: the outbox worker delivers queued e-mails; the
// scheduler runs the periodic jobs registered in app/jobs.server.ts.
registerJobs();
startOutboxWorker();
startScheduler();

/**
 * Graceful shutdown (server.mjs calls it on SIGTERM, once no request is in flight): no new job run
 * or e-mail claim, those under way finished, this instance's row removed, the database closed.
 */
export async function stopBackgroundWork() {
  await Promise.all([stopScheduler(), stopOutboxWorker()]);
  await unregisterInstance().catch(() => undefined);
  await prisma.$disconnect();
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Set per response by server/security.mjs and announced in its Content-Security-Policy.
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  const callbackName = isbot(request.headers.get("user-agent") ?? "")
    ? "onAllReady"
    : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY}
          nonce={nonce}
        />
      </NonceProvider>,
      {
        nonce,
        [callbackName]: () => {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Logs unexpected server errors once, without sending details to the browser. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
