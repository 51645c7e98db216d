// HTTP server: Express serving the Remix build and static assets. In development
// (`npm run dev`) it re-imports the build whenever `remix dev` rebuilds it.
// WEB_CONCURRENCY=N starts N such processes sharing the port (node:cluster), e.g. one per core on
// SQLite; on PostgreSQL, instances on several machines behind a load balancer (decision 022).
// /readyz answers 503 while a process drains on SIGTERM, so that the balancer stops sending.
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { maskUrlForLogs, securityMiddleware } from "./server/security.mjs";

const workers = Number(process.env.WEB_CONCURRENCY || 1);
if (cluster.isPrimary && workers > 1) {
  await runCluster(workers);
} else {
  await serve();
}

/** The primary of a cluster: forks the workers, replaces one that dies, passes SIGTERM on. */
async function runCluster(count) {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`Processus ${worker.process.pid} arrêté (${signal ?? code}) : remplacé.`);
    cluster.fork();
  });
  for (const sig of ["SIGTERM", "SIGINT"]) {
    process.on(sig, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
      cluster.on("exit", () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      });
    });
  }
}

async function serve() {
  installGlobals({ nativeFetch: true });

  const BUILD_PATH = path.resolve("build/index.js");
  const isDev = process.env.NODE_ENV === "development" && process.env.REMIX_DEV_ORIGIN;

  async function importBuild() {
    const { mtimeMs } = fs.statSync(BUILD_PATH);
    return import(`${url.pathToFileURL(BUILD_PATH).href}?t=${mtimeMs}`);
  }

  let build = await importBuild();

  /** What loaders and entry.server receive from Express: the CSP nonce of this response. */
  function getLoadContext(_req, res) {
    return { cspNonce: res.locals.cspNonce };
  }

  const app = express();
  app.disable("x-powered-by");
  /** starting → ready once listening; draining from SIGTERM on. */
  let lifecycle = "starting";
  app.get("/readyz", async (_req, res) => {
    res.set("Cache-Control", "no-store");
    if (lifecycle !== "ready") {
      res.status(503).json({ status: lifecycle });
      return;
    }
    // Ready means the database answers too: the same check as /healthz (its loader).
    try {
      const health = await build.routes["routes/healthz"].module.loader();
      res.status(health.status).json(await health.json());
    } catch {
      res.status(503).json({ status: "error" });
    }
  });
  // While draining, every answer closes its connection, so that keep-alive clients reconnect to
  // another instance.
  app.use((_req, res, next) => {
    if (lifecycle === "draining") res.set("Connection", "close");
    next();
  });
  // Behind a reverse proxy, TRUST_PROXY (e.g. "1" or "loopback") lets req.ip read X-Forwarded-For.
  if (process.env.TRUST_PROXY) {
    const value = process.env.TRUST_PROXY;
    app.set("trust proxy", /^\d+$/.test(value) ? Number(value) : value);
  }
  // The app reads the client's address (sign-in throttling) from this header, which only we set.
  app.use((req, _res, next) => {
    req.headers["x-engages-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    next();
  });
  app.use(
    securityMiddleware({
      appUrl: process.env.APP_URL,
      // Same rule as cookies (app/utils/env.server.ts): HTTPS in production unless told otherwise.
      https: process.env.SECURE_COOKIES
        ? process.env.SECURE_COOKIES === "true"
        : process.env.NODE_ENV === "production",
      development: Boolean(isDev),
      proConnectDiscoveryUrl: process.env.PROCONNECT_DISCOVERY_URL,
    }),
  );
  app.use(compression());
  // Reads (GET, HEAD) share one memo of who is signed in and what they may do across their
  // loaders (app/utils/request-memo.server.ts); writes do not.
  app.use((req, _res, next) => {
    const run = build.entry.module.runWithRequestMemo;
    if (run && (req.method === "GET" || req.method === "HEAD")) run(next);
    else next();
  });
  // Fingerprinted assets are immutable; everything else in public/ is cached briefly.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // The other files of public/ (the icon…), listed once: a page's request then costs no disk lookup
  // (express.static looked for a file of every page's path; issue 14's profile of the load bench).
  const publicFiles = new Set(
    fs
      .readdirSync("public", { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => "/" + path.relative("public", path.join(entry.parentPath, entry.name)))
      .filter((file) => !file.startsWith("/build/")),
  );
  const publicStatic = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => (publicFiles.has(req.path) ? publicStatic(req, res, next) : next()));
  // Morgan's "tiny" format, with the tokens of invitation, reset and signed links masked.
  morgan.token("masked-url", (req) => maskUrlForLogs(req.originalUrl ?? req.url));
  const logFormat = ":method :masked-url :status :res[content-length] - :response-time ms";
  if (process.env.NODE_ENV !== "test") app.use(morgan(logFormat));

  if (isDev) {
    fs.watch(path.dirname(BUILD_PATH), async (_event, file) => {
      if (file !== "version.txt") return;
      build = await importBuild();
      broadcastDevReady(build);
    });
    app.all("*", (req, res, next) =>
      createRequestHandler({ build, mode: "development", getLoadContext })(req, res, next),
    );
  } else {
    app.all("*", createRequestHandler({ build, mode: build.mode, getLoadContext }));
  }

  const port = Number(process.env.PORT || 3000);
  const server = app.listen(port, () => {
    lifecycle = "ready";
    console.log(`Engagés est prêt sur http://localhost:${port}`);
    if (isDev) broadcastDevReady(build);
  });
  // Node closes an idle keep-alive connection after 5 s by default; when the event loop is busy the
  // client's next request can already be on its way, and it gets ECONNRESET (the load bench showed
  // it). Longer than the usual 60 s idle timeout of reverse proxies, for the same reason.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  // Graceful shutdown: /readyz turns 503 at once; after SHUTDOWN_DELAY_MS (long enough for the load
  // balancer's health check to notice; 0 by default) no new connection is accepted, the requests in
  // flight finish (SHUTDOWN_TIMEOUT_MS at most), then the background work stops (no new e-mail
  // claimed, the one being sent finished) and the process exits.
  const SHUTDOWN_DELAY_MS = Number(process.env.SHUTDOWN_DELAY_MS || 0);
  const SHUTDOWN_TIMEOUT_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS || 25_000);
  async function shutdown(signal) {
    if (lifecycle === "draining") return;
    lifecycle = "draining";
    console.log(`${signal} reçu : arrêt en douceur.`);
    // Whatever hangs (a connection that never closes, a driver that never disconnects), the
    // process ends: a service manager would SIGKILL it anyway; no instance lingers half-open.
    setTimeout(
      () => {
        console.error("Arrêt en douceur trop long : sortie forcée.");
        process.exit(1);
      },
      SHUTDOWN_DELAY_MS + SHUTDOWN_TIMEOUT_MS + 10_000,
    ).unref();
    await new Promise((resolve) => setTimeout(resolve, SHUTDOWN_DELAY_MS));
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    const forced = setTimeout(() => server.closeAllConnections(), SHUTDOWN_TIMEOUT_MS);
    forced.unref();
    await closed;
    try {
      await build.entry.module.stopBackgroundWork?.();
    } catch (error) {
      console.error("Arrêt des tâches de fond : erreur", error);
    }
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
