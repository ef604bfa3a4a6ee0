// ESM entry of the Node build. wasm-bindgen's nodejs target is CommonJS
// (it reads claimdiff_bg.wasm with fs next to itself), so load it with require.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const wasm = require("./claimdiff.cjs");

export const compare = wasm.compare;
export const version = wasm.version;
