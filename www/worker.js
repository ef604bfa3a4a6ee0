// Module worker: runs claimdiff's wasm off the main thread so the page never freezes.
// Messages in: {id, documents, options}; out: {id, report} or {id, error: {name, code, message}}.
import init, { compare, version } from "./pkg/claimdiff.js";

const ready = init().then(() => postMessage({ ready: true, version: version() }));

self.onmessage = async ({ data }) => {
  try {
    await ready;
    postMessage({ id: data.id, report: compare(data.documents, data.options) });
  } catch (err) {
    postMessage({ id: data.id, error: { name: err?.name || "Error", code: err?.code, message: String(err?.message ?? err) } });
  }
};
