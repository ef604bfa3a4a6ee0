// Types of the claimdiff package: the API and the report (schema version 1).
// Every offset (`start`, `end`) is a UTF-16 code-unit offset into the original
// document text, so `text.slice(start, end)` gives the span back in JS.

/** One version of the story. */
export interface DocumentInput {
  /** Unique id of the document, used in the report. */
  id: string;
  /** The text itself. */
  text: string;
  /** BCP-47-ish language tag ("pl", "sr-Cyrl", "sl", "en", …); detected when absent. */
  lang?: string;
  /** Publication date, ISO "YYYY-MM-DD"; anchors relative dates. */
  date?: string;
}

export type Mode = "auto" | "translation" | "news";
export type Severity = "info" | "warning" | "error";

export interface CompareOptions {
  /** "auto" (default) picks translation or news mode from the documents. */
  mode?: Mode;
  /** Drop discrepancies below this severity. Default "info". */
  minSeverity?: Severity;
  /** Relative tolerance when comparing numbers, e.g. 0.01 = 1 %. Default 0. */
  numericTolerance?: number;
  /** Fingerprints of discrepancies the user has suppressed. */
  suppress?: string[];
  /** Language for documents that carry no `lang`. */
  lang?: string;
  /** Limits that protect the tab; defaults: 64 documents, 4 MB per document, 16 MB in all. */
  maxDocuments?: number;
  maxDocumentBytes?: number;
  maxTotalBytes?: number;
}

export type FactKind = "number";

export interface Fact {
  kind: FactKind;
  start: number;
  end: number;
  /** The span as written. */
  text: string;
  /** Normalized numeric value ("1,6 mln" -> 1600000). */
  value: number;
  /** True for percentages. */
  percent: boolean;
}

export interface Claim {
  /** Index of the claim within its document. */
  index: number;
  start: number;
  end: number;
  text: string;
  facts: Fact[];
}

export interface DocumentReport {
  id: string;
  /** Language used: the given one or the detected one. */
  lang: string;
  /** True when `lang` was detected rather than given. */
  langDetected: boolean;
  date?: string;
  claims: Claim[];
}

/** A set of claims, at most a few per document, that say the same thing. */
export interface AlignmentGroup {
  /** Document id -> indices of its claims in this group (absent: the document has no counterpart). */
  claims: { [docId: string]: number[] };
  /** Confidence of the group, in [0, 1]. */
  score: number;
}

export interface AlignmentLink {
  /** Two documents' claims judged equivalent. */
  a: { doc: string; claims: number[] };
  b: { doc: string; claims: number[] };
  score: number;
}

export interface Alignment {
  /** The mode actually used. */
  mode: "translation" | "news";
  links: AlignmentLink[];
  /** Groups in reading order of the first document; every claim is in exactly one group. */
  groups: AlignmentGroup[];
}

export type DiscrepancyKind = "number" | "omission";

export interface Evidence {
  doc: string;
  claim: number;
  start: number;
  end: number;
  text: string;
}

export interface Discrepancy {
  kind: DiscrepancyKind;
  severity: Severity;
  confidence: number;
  message: string;
  evidence: Evidence[];
  /** Stable across runs and unrelated edits; pass it in `suppress` to hide this discrepancy. */
  fingerprint: string;
}

export interface Report {
  schemaVersion: 1;
  /** Version of claimdiff that made the report. */
  version: string;
  documents: DocumentReport[];
  alignment: Alignment;
  discrepancies: Discrepancy[];
  /** How many discrepancies `suppress` and `minSeverity` removed. */
  suppressed: number;
  timings: { totalMs: number };
}

/** Compare two or more versions of a story. Throws ClaimdiffError on bad input. */
export function compare(documents: DocumentInput[], options?: CompareOptions): Report;

/** The claimdiff version. */
export function version(): string;

/**
 * Errors thrown by `compare` are plain `Error`s with `name === "ClaimdiffError"`
 * and a `code`: "invalid_input" | "invalid_option" | "too_few_documents" | "limit_exceeded".
 */
export interface ClaimdiffError extends Error {
  name: "ClaimdiffError";
  code: "invalid_input" | "invalid_option" | "too_few_documents" | "limit_exceeded";
}
