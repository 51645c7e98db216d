// HTTP server: Express serving the Remix build and static assets. In development
// (`npm run dev`) it re-imports the build whenever `remix dev` rebuilds it.
import fs from "node:fs";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";

installGlobals({ nativeFetch: true });

const BUILD_PATH = path.resolve("build/index.js");
const isDev = process.env.NODE_ENV === "development" && process.env.REMIX_DEV_ORIGIN;

async function importBuild() {
  const { mtimeMs } = fs.statSync(BUILD_PATH);
  return import(`${url.pathToFileURL(BUILD_PATH).href}?t=${mtimeMs}`);
}

let build = await importBuild();

const app = express();
app.disable("x-powered-by");
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
app.use(compression());
// Fingerprinted assets are immutable; everything else in public/ is cached briefly.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
if (process.env.NODE_ENV !== "test") app.use(morgan("tiny"));

if (isDev) {
  fs.watch(path.dirname(BUILD_PATH), async (_event, file) => {
    if (file !== "version.txt") return;
    build = await importBuild();
    broadcastDevReady(build);
  });
  app.all("*", (req, res, next) =>
    createRequestHandler({ build, mode: "development" })(req, res, next),
  );
} else {
  app.all("*", createRequestHandler({ build, mode: build.mode }));
}

const port = Number(process.env.PORT || 3000);
const server = app.listen(port, () => {
  console.log(`Engagés est prêt sur http://localhost:${port}`);
  if (isDev) broadcastDevReady(build);
});
// Node closes an idle keep-alive connection after 5 s by default; when the event loop is busy the
// client's next request can already be on its way, and it gets ECONNRESET (the load bench showed
// it). Longer than the usual 60 s idle timeout of reverse proxies, for the same reason.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
