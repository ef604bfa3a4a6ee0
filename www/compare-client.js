// Talks to worker.js. The URLs come from import.meta.url, so this works from any
// page and path that loads the scripts. Where a worker cannot start (a page on
// another origin than the script), it falls back to the wasm on the main thread.

const WORKER_URL = new URL("./worker.js", import.meta.url);
const PKG_URL = new URL("./pkg/claimdiff.js", import.meta.url);

/** An Error like the library's ClaimdiffError from the worker's plain object. */
function toError(e) {
  const err = new Error(e.message);
  err.name = e.name;
  if (e.code) err.code = e.code;
  return err;
}

export class Comparer {
  constructor() {
    this.seq = 0;
    this.pending = null; // {id, resolve, reject}
    this.start();
  }

  start() {
    this.ready = new Promise((resolve, reject) => {
      try {
        this.worker = new Worker(WORKER_URL, { type: "module" });
      } catch {
        this.worker = null;
        resolve(this.startInline());
        return;
      }
      this.worker.onmessage = ({ data }) => {
        if (data.ready) return resolve(data.version);
        if (!this.pending || data.id !== this.pending.id) return; // an answer to a cancelled request
        const { resolve: ok, reject: fail } = this.pending;
        this.pending = null;
        if (data.error) fail(toError(data.error));
        else ok(data.report);
      };
      this.worker.onerror = (event) => {
        event.preventDefault?.();
        const err = new Error(`The claimdiff worker failed: ${event.message || "could not load worker.js or the wasm"}`);
        reject(err);
        this.pending?.reject(err);
        this.pending = null;
      };
    });
    this.ready.catch(() => {}); // reported by whoever awaits it
  }

  async startInline() {
    const mod = await import(PKG_URL.href);
    await mod.default();
    this.inline = mod;
    return mod.version();
  }

  /** Resolves to the report; rejects with the library's error. Only one comparison runs at a time. */
  async compare(documents, options) {
    await this.ready;
    this.cancel();
    if (this.inline) return this.inline.compare(documents, options);
    return new Promise((resolve, reject) => {
      const id = ++this.seq;
      this.pending = { id, resolve, reject };
      this.worker.postMessage({ id, documents, options });
    });
  }

  /** Stops a running comparison: the worker is killed (wasm cannot be interrupted) and a new one started. */
  cancel() {
    if (!this.pending || !this.worker) return;
    const { reject } = this.pending;
    this.pending = null;
    this.worker.terminate();
    this.start();
    const err = new Error("Comparison cancelled.");
    err.name = "AbortError";
    reject(err);
  }
}
