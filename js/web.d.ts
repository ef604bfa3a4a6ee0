// Types of "claimdiff/web": the browser build (wasm-bindgen --target web).
// Same API as the main entry, plus `init`, which must be awaited (or `initSync`
// called) before `compare`/`version` are used. Needs the DOM lib for the input types.

export * from "./claimdiff.js";

/** Where to get the .wasm from: a URL/path (fetched), a fetch Response, the bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Loads and instantiates the .wasm. With no argument it fetches
 * `claimdiff_bg.wasm` next to the JS file (`new URL(..., import.meta.url)`).
 * Calling it again returns the same promise.
 */
export default function init(
  input?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;

/** Synchronous instantiation from bytes or a compiled module (no fetch). */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): unknown;
