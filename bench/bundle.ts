// First-load JavaScript per page (`npm run bench:bundle`, after `npm run build`): for every route
// with a component, what a browser downloads before the page is interactive — the client entry, the
// route modules of root and of every parent layout and of the route itself, and every chunk they
// import statically, transitively — in gzip bytes (zlib's default level, as the `compression`
// middleware of server.mjs sends them), each file counted once. Chunks loaded by a dynamic
// `import()` (the charts) are not first-load and are listed apart.
//
// Read from the build: the Remix manifest `public/build/manifest-*.js` (routes, parents, modules)
// and the esbuild metafile the classic compiler writes to `build/metafile.js.json` (imports between
// output files, and which source modules each one holds). A module's gzip share is estimated
// from its minified bytes in proportion to its file's gzip ratio: gzip compresses a file, not a
// module. Prints one line per page and the largest packages/modules of the heaviest pages, against
// BUNDLE_BUDGET_KB (100, in KiB of 1,024 bytes, as browsers'
// and Lighthouse's transfer sizes). Environment: BUNDLE_TOP (5 modules per page),
// BUNDLE_JSON (also write the figures to that file). `--check` exits 1 when a page is over
// budget (run by `npm run test:e2e` after the build).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

export const BUDGET_KB = Number(process.env.BUNDLE_BUDGET_KB ?? 100);

type Metafile = {
  outputs: Record<
    string,
    {
      bytes: number;
      entryPoint?: string;
      exports: string[];
      imports: Array<{ path: string; kind: string }>;
      inputs: Record<string, { bytesInOutput: number }>;
    }
  >;
};

type ManifestRoute = {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
};
type Manifest = {
  entry: { module: string };
  routes: Record<string, ManifestRoute>;
};

export type PageBundle = {
  route: string;
  url: string;
  gzipBytes: number;
  rawBytes: number;
  files: number;
  modules: Array<{ name: string; gzipBytes: number }>;
  lazy: Array<{ file: string; gzipBytes: number }>;
};

/** `node_modules/react-aria-components/dist/x.mjs` → `react-aria-components`; app files stay. */
function moduleName(input: string) {
  const at = input.lastIndexOf("node_modules/");
  if (at === -1) return input.replace(/^browser-route-module:/, "").replace(/\?browser$/, "");
  const rest = input.slice(at + "node_modules/".length).split("/");
  return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
}

/** The URL pattern of a route, from its own path and its parents'. */
function urlOf(routes: Manifest["routes"], id: string): string {
  const parts: string[] = [];
  for (
    let r: ManifestRoute | undefined = routes[id];
    r;
    r = r.parentId ? routes[r.parentId] : undefined
  ) {
    if (r.path) parts.unshift(r.path);
  }
  return `/${parts.join("/")}`;
}

export function measureBundle(root: string): PageBundle[] {
  const publicDir = path.join(root, "public");
  const buildDir = path.join(publicDir, "build");
  const manifestFile = fs.readdirSync(buildDir).find((f) => /^manifest-.*\.js$/.test(f));
  const metafilePath = path.join(root, "build", "metafile.js.json");
  if (!manifestFile || !fs.existsSync(metafilePath)) {
    throw new Error("Pas de build : lancez `npm run build` d'abord.");
  }
  const manifestText = fs.readFileSync(path.join(buildDir, manifestFile), "utf8");
  const manifest = JSON.parse(
    manifestText.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, ""),
  ) as Manifest;
  const metafile = JSON.parse(fs.readFileSync(metafilePath, "utf8")) as Metafile;

  // Output paths in the metafile are relative to the project root ("public/build/…"); URLs are
  // "/build/…".
  const outputOf = (url: string) => path.join("public", url).split(path.sep).join("/");
  const gzipCache = new Map<string, number>();
  const gzipOf = (output: string) => {
    let size = gzipCache.get(output);
    if (size === undefined) {
      size = zlib.gzipSync(fs.readFileSync(path.join(root, output))).length;
      gzipCache.set(output, size);
    }
    return size;
  };
  const staticClosure = (start: string[]) => {
    const seen = new Set<string>();
    const stack = [...start];
    while (stack.length) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const im of metafile.outputs[file]?.imports ?? []) {
        if (im.kind === "import-statement") stack.push(im.path);
      }
    }
    return seen;
  };
  const dynamicFrom = (files: Set<string>) => {
    const lazy = new Set<string>();
    for (const file of files) {
      for (const im of metafile.outputs[file]?.imports ?? []) {
        if (im.kind === "dynamic-import") {
          for (const f of staticClosure([im.path])) if (!files.has(f)) lazy.add(f);
        }
      }
    }
    return lazy;
  };

  // A page is a route with a component that no other route nests in (root and the layouts are
  // counted in their children); resource routes (no component in their source) are not pages.
  const parents = new Set(Object.values(manifest.routes).map((r) => r.parentId));
  const hasComponent = (id: string) => {
    const output = metafile.outputs[outputOf(manifest.routes[id].module)];
    const source = output?.entryPoint
      ?.replace(/^browser-route-module:/, "")
      .replace(/\?browser$/, "");
    return (
      !!source && /export default /.test(fs.readFileSync(path.join(root, "app", source), "utf8"))
    );
  };
  const pages: PageBundle[] = [];
  for (const route of Object.values(manifest.routes)) {
    if (parents.has(route.id) || !hasComponent(route.id)) continue;
    const chain: string[] = [];
    for (
      let r: ManifestRoute | undefined = route;
      r;
      r = r.parentId ? manifest.routes[r.parentId] : undefined
    ) {
      chain.push(outputOf(r.module));
    }
    const files = staticClosure([outputOf(manifest.entry.module), ...chain]);
    const byModule = new Map<string, number>();
    let gzipBytes = 0;
    let rawBytes = 0;
    for (const file of files) {
      const output = metafile.outputs[file];
      const gz = gzipOf(file);
      gzipBytes += gz;
      rawBytes += output.bytes;
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const name = moduleName(input);
        byModule.set(name, (byModule.get(name) ?? 0) + (bytesInOutput * gz) / output.bytes);
      }
    }
    pages.push({
      route: route.id,
      url: urlOf(manifest.routes, route.id),
      gzipBytes,
      rawBytes,
      files: files.size,
      modules: [...byModule]
        .map(([name, gz]) => ({ name, gzipBytes: Math.round(gz) }))
        .sort((a, b) => b.gzipBytes - a.gzipBytes),
      lazy: [...dynamicFrom(files)].map((file) => ({ file, gzipBytes: gzipOf(file) })),
    });
  }
  return pages.sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function main() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const check = process.argv.includes("--check");
  const top = Number(process.env.BUNDLE_TOP ?? 5);
  const pages = measureBundle(root);
  const budget = BUDGET_KB * 1024;

  console.log(
    `First-load JavaScript per page, gzip (budget ${BUDGET_KB} KiB = ${BUDGET_KB * 1024} bytes)\n`,
  );
  const width = Math.max(...pages.map((p) => p.route.length));
  console.log(`${"route".padEnd(width)}  gzip KiB  raw KiB  files   gzip bytes  budget`);
  for (const p of pages) {
    console.log(
      `${p.route.padEnd(width)}  ${kb(p.gzipBytes).padStart(8)}  ${kb(p.rawBytes).padStart(7)}  ${String(p.files).padStart(5)}  ${String(p.gzipBytes).padStart(11)}  ${p.gzipBytes > budget ? "OVER" : "ok"}`,
    );
  }
  const sizes = pages.map((p) => p.gzipBytes).sort((a, b) => a - b);
  console.log(
    `\n${pages.length} pages: lightest ${kb(sizes[0])} KiB, median ${kb(sizes[Math.floor(sizes.length / 2)])} KiB, heaviest ${kb(sizes[sizes.length - 1])} KiB gzip`,
  );

  // The largest modules, for the pages that differ: one block per distinct set of modules.
  console.log(`\nLargest modules (gzip KiB, estimated share of each file):`);
  const shown = new Set<string>();
  for (const p of pages) {
    const key = p.modules.map((m) => m.name).join("|");
    if (shown.has(key)) continue;
    shown.add(key);
    if (shown.size > 8) break;
    const list = p.modules
      .slice(0, top)
      .map((m) => `${m.name} ${kb(m.gzipBytes)}`)
      .join(", ");
    console.log(`  ${p.route} (${kb(p.gzipBytes)} KiB): ${list}`);
  }
  const lazy = new Map<string, number>();
  for (const p of pages) for (const l of p.lazy) lazy.set(l.file, l.gzipBytes);
  if (lazy.size) {
    console.log(`\nLoaded later by import(), not first-load:`);
    for (const [file, gz] of lazy) console.log(`  ${file} ${kb(gz)} KiB`);
  }
  if (process.env.BUNDLE_JSON) {
    fs.writeFileSync(process.env.BUNDLE_JSON, JSON.stringify(pages, null, 2));
  }

  const over = pages.filter((p) => p.gzipBytes > budget);
  if (over.length) {
    console.log(
      `\n${over.length} page(s) over the ${BUDGET_KB} KiB budget: ${over.map((p) => p.route).join(", ")}`,
    );
    if (check) process.exit(1);
  } else {
    console.log(`\nEvery page is within the ${BUDGET_KB} KiB budget.`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
