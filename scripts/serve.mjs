#!/usr/bin/env node
// Tiny dependency-free static file server for the claimdiff page (www/).
//
//   node scripts/serve.mjs [--port N] [--root DIR]     (PORT env works too; --port 0 = any free port)
//
// Binds 127.0.0.1 only, serves GET/HEAD, refuses paths outside the root
// (also through symlinks), and sends the page's Content-Security-Policy as a
// header. Also usable from tests: `const { url, close } = await startServer({ root, port: 0 })`.

import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(HERE, "..", "www");
export const HOST = "127.0.0.1";

/** Same policy as the <meta> tag in www/index.html, plus what only a header can say. */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; img-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

const SECURITY_HEADERS = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

function send(res, status, body, extra = {}) {
  const text = `${body}\n`;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
    ...extra,
  });
  res.end(res.req.method === "HEAD" ? undefined : text);
}

function isInside(root, candidate) {
  return candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** Maps a request URL to a file inside root, or null when it must not be served. */
async function resolveFile(root, realRoot, rawUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, "http://localhost").pathname);
  } catch {
    return null; // malformed escapes
  }
  if (pathname.includes("\0") || pathname.includes("\\")) return null;
  let file = path.resolve(root, "." + path.posix.normalize("/" + pathname));
  if (!isInside(root, file)) return null;
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      file = path.join(file, "index.html");
      info = await stat(file);
    }
    if (!info.isFile()) return null;
    const real = await realpath(file);
    if (!isInside(realRoot, real)) return null; // symlink pointing out of the root
  } catch {
    return null;
  }
  return { file, info };
}

/**
 * Starts the server. Resolves to { url, port, server, close } once listening.
 * @param {{ root?: string, port?: number, host?: string, quiet?: boolean }} [options]
 */
export async function startServer({ root = DEFAULT_ROOT, port = 8080, host = HOST } = {}) {
  const absRoot = path.resolve(root);
  const realRoot = await realpath(absRoot);

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        send(res, 405, "Method Not Allowed", { Allow: "GET, HEAD" });
        return;
      }
      const found = await resolveFile(absRoot, realRoot, req.url || "/");
      if (!found) {
        send(res, 404, "Not Found");
        return;
      }
      const type = MIME_TYPES[path.extname(found.file).toLowerCase()] || "application/octet-stream";
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        "Content-Type": type,
        "Content-Length": found.info.size,
        "Cache-Control": "no-cache",
        "Last-Modified": found.info.mtime.toUTCString(),
      });
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      const stream = createReadStream(found.file);
      stream.on("error", () => res.destroy());
      stream.pipe(res);
    } catch {
      if (!res.headersSent) send(res, 500, "Internal Server Error");
      else res.destroy();
    }
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const url = `http://${host}:${actualPort}/`;
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    });
  return { url, port: actualPort, server, close };
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (name === "--port" || name === "-p") options.port = value();
    else if (name === "--root") options.root = value();
    else if (name === "--help" || name === "-h") options.help = true;
    else throw new Error(`unknown argument: ${arg}`);
  }
  return options;
}

function parsePort(value) {
  if (value === undefined || value === null || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`invalid port: ${value}`);
  return n;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    if (options.help) {
      console.log("usage: node scripts/serve.mjs [--port N] [--root DIR]   (PORT env also works; --port 0 picks a free port)");
      return;
    }
    options.port = parsePort(options.port) ?? parsePort(process.env.PORT) ?? 8080;
  } catch (err) {
    console.error(`claimdiff: ${err.message}`);
    process.exit(2);
  }
  const root = options.root ? path.resolve(options.root) : DEFAULT_ROOT;
  let handle;
  try {
    handle = await startServer({ root, port: options.port });
  } catch (err) {
    console.error(`claimdiff: cannot serve ${root} on ${HOST}:${options.port}: ${err.message}`);
    process.exit(1);
  }
  const shown = root === DEFAULT_ROOT ? "www/" : root;
  console.log(`claimdiff: serving ${shown} at ${handle.url}?examples`);
  const stop = () => handle.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main();
}
