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

export type FactKind = "number" | "date" | "duration" | "entity" | "quote" | "source";

/** "około 1,6 mln" is approximately 1600000; "ponad 10" more than 10. */
export type Qualifier = "exact" | "approximately" | "atLeast" | "moreThan" | "atMost" | "lessThan";

export interface NumberValue {
  /** Normalized value ("1,6 mln" -> 1600000; for a multiplier like "trzykrotnie", the factor). */
  value: number;
  /** Upper end of a range ("10–15", "od 10 do 15"). */
  high?: number;
  /** True for percentages. */
  percent: boolean;
  qualifier: Qualifier;
  /** Neutral key of the word after the number (what is counted). */
  counted?: string;
  /** Set for multipliers ("trzy razy więcej", "twice"): `to` is the index, among the document's facts in order, of the quantity it relates to. */
  relative?: { factor: number; to?: number };
}

export interface DateValue {
  year?: number;
  month?: number;
  day?: number;
  /** "2024-06-19", "2024-06", "2024", "--02" (month without year); "" when unresolved ("wczoraj" without a document date). */
  iso: string;
  /** True when read from "wczoraj", "w środę", "last year", or a month without a year, and the document date. */
  resolvedFromRelative: boolean;
}

export interface DurationValue {
  amount: number;
  unit: "second" | "minute" | "hour" | "day" | "week" | "month" | "year";
}

/** Entities and sources: a language-neutral key ("Путина", "Putinem" -> "putin"). */
export interface KeyValue {
  key: string;
}

export interface QuoteValue {
  /** Neutral key of the speaker, when the sentence names one; its span in UTF-16 offsets. */
  speaker?: string;
  speakerStart?: number;
  speakerEnd?: number;
}

interface FactBase {
  start: number;
  end: number;
  /** The span as written. */
  text: string;
}

export type Fact =
  | (FactBase & { kind: "number"; value: NumberValue })
  | (FactBase & { kind: "date"; value: DateValue })
  | (FactBase & { kind: "duration"; value: DurationValue })
  | (FactBase & { kind: "entity" | "source"; value: KeyValue })
  | (FactBase & { kind: "quote"; value: QuoteValue });

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

/**
 * - `number`: the same quantity with a different value ("1,6 mln" vs "1,8 milijona").
 * - `date`: the same date with a different day, month or year.
 * - `name`: a name whose counterpart is a different name; error when the two look alike
 *   (Aurus / Урус), info otherwise.
 * - `attribution`: the same quotation (or, as info, the same claim's source) given to a
 *   different speaker.
 * - `omission`: a claim with no counterpart in some versions.
 * - `conflict`: two figures for one quantity from different sources ("three times higher"),
 *   in one or more versions; the message does the arithmetic.
 */
export type DiscrepancyKind = "number" | "date" | "name" | "attribution" | "omission" | "conflict";

/** One span a discrepancy points at: `text === documents text.slice(start, end)` (UTF-16). */
export interface Evidence {
  doc: string;
  claim: number;
  start: number;
  end: number;
  text: string;
}

export interface Discrepancy {
  kind: DiscrepancyKind;
  /** "error": a version is likely wrong (translation mode); "warning": check it; "info": a hint. */
  severity: Severity;
  /** In [0, 1]: how sure claimdiff is that the finding is real. */
  confidence: number;
  /** One line with the normalized values and any arithmetic, naming the documents. */
  message: string;
  /** The spans involved: at least one per document involved (conflicts: two per document). */
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
