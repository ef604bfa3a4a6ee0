// The page's state and where it is kept: localStorage (survives reloads and
// crashed tabs), session files, and permalinks in the URL fragment.
//
// State: { documents: [{id, text, lang, date}], settings: {mode, minSeverity,
// numericTolerance}, suppress: [{fingerprint, kind, message}] }.

const STORAGE_KEY = "claimdiff:session";
const SESSION_FORMAT = "claimdiff-session";
const LINK_PREFIX = "#c1=";
export const DEFAULT_SETTINGS = { mode: "auto", minSeverity: "info", numericTolerance: 0 };

export function emptyState() {
  return { documents: [], settings: { ...DEFAULT_SETTINGS }, suppress: [] };
}

/** Accepts anything (a file, storage, a link) and returns a well-formed state or throws. */
export function normalize(raw) {
  if (!raw || typeof raw !== "object" || !Array.isArray(raw.documents)) throw new Error("This is not a claimdiff session: it has no documents list.");
  const str = (v) => (typeof v === "string" ? v : "");
  const documents = raw.documents.map((d, i) => ({
    id: str(d?.id) || `doc${i + 1}`,
    text: str(d?.text),
    lang: str(d?.lang),
    date: /^\d{4}-\d{2}-\d{2}$/.test(str(d?.date)) ? d.date : "",
  }));
  const s = raw.settings || {};
  const settings = {
    mode: ["auto", "translation", "news"].includes(s.mode) ? s.mode : DEFAULT_SETTINGS.mode,
    minSeverity: ["info", "warning", "error"].includes(s.minSeverity) ? s.minSeverity : DEFAULT_SETTINGS.minSeverity,
    numericTolerance: Number.isFinite(s.numericTolerance) && s.numericTolerance >= 0 && s.numericTolerance < 1 ? s.numericTolerance : 0,
  };
  const suppress = (Array.isArray(raw.suppress) ? raw.suppress : [])
    .map((x) => (typeof x === "string" ? { fingerprint: x } : x))
    .filter((x) => typeof x?.fingerprint === "string")
    .map((x) => ({ fingerprint: x.fingerprint, kind: str(x.kind), message: str(x.message) }));
  return { documents, settings, suppress };
}

/** The compare() options for a state. */
export function compareOptions(state) {
  const { mode, minSeverity, numericTolerance } = state.settings;
  const options = { mode, minSeverity, suppress: state.suppress.map((s) => s.fingerprint) };
  if (numericTolerance) options.numericTolerance = numericTolerance;
  return options;
}

// ------------------------------------------------------------ localStorage

export function loadLocal() {
  const json = localStorage.getItem(STORAGE_KEY);
  return json ? normalize(JSON.parse(json)) : null;
}

/** Throws a readable error when the browser refuses (quota exceeded, storage disabled). */
export function saveLocal(state) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch (err) {
    const full = err?.name === "QuotaExceededError" || err?.code === 22;
    throw new Error(
      full
        ? "The browser's local storage is full, so the latest changes are not saved here. Export the session to a file to keep them."
        : `The browser refused to save locally (${err?.message || err}). Export the session to a file to keep your work.`,
    );
  }
}

// ------------------------------------------------------------ session files

export function sessionFile(state) {
  return JSON.stringify({ format: SESSION_FORMAT, version: 1, savedAt: new Date().toISOString(), ...state }, null, 2);
}

export function parseSessionFile(text) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error("The session file is not valid JSON.");
  }
  if (raw?.format !== SESSION_FORMAT) throw new Error(`The file is not a claimdiff session (expected "format": "${SESSION_FORMAT}").`);
  return normalize(raw);
}

export const isSessionFile = (text) => /^\s*\{/.test(text) && text.includes(`"${SESSION_FORMAT}"`);

// ------------------------------------------------------------ permalinks
// The state goes into the fragment (#…), which browsers never send to a server,
// as deflate-raw compressed JSON in base64url.

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

function toBase64Url(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export async function permalink(state, base = location.href) {
  const { documents, settings, suppress } = state;
  const json = JSON.stringify({ documents, settings, suppress: suppress.map((s) => s.fingerprint) });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream("deflate-raw"));
  const url = new URL(base);
  url.search = "";
  url.hash = "";
  return url.href + LINK_PREFIX + toBase64Url(packed);
}

export const hasPermalink = (hash = location.hash) => hash.startsWith(LINK_PREFIX);

export async function readPermalink(hash = location.hash) {
  try {
    const bytes = await pipe(fromBase64Url(hash.slice(LINK_PREFIX.length)), new DecompressionStream("deflate-raw"));
    return normalize(JSON.parse(new TextDecoder().decode(bytes)));
  } catch (err) {
    throw new Error(`This link's documents could not be read (it may be cut short): ${err.message}`);
  }
}
