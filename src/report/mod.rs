//! The report handed to JS (and to Rust callers): schema version 1, every
//! offset in UTF-16 code units of the original text, maps as plain objects.
//! `js/claimdiff.d.ts` declares the same shape for TypeScript.

use crate::alignment::Alignment;
use crate::claims::AnalysedDocument;
use crate::discrepancies::{DiscrepancyKind, Found, Severity};
use crate::facts::FactValue;
use crate::text::offsets::Utf16Map;
use crate::Mode;
use serde::Serialize;

pub mod json;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub schema_version: u32,
    pub version: String,
    pub documents: Vec<DocumentReport>,
    pub alignment: AlignmentReport,
    pub discrepancies: Vec<DiscrepancyReport>,
    pub suppressed: usize,
    pub timings: Timings,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentReport {
    pub id: String,
    pub lang: String,
    pub lang_detected: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub claims: Vec<ClaimReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimReport {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub facts: Vec<FactReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FactReport {
    /// "number", "date", "duration", "entity", "quote" or "source".
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: FactValueReport,
}

/// The normalized value of a fact; its shape depends on the fact's kind.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum FactValueReport {
    #[serde(rename_all = "camelCase")]
    Number {
        value: f64,
        #[serde(skip_serializing_if = "Option::is_none")]
        high: Option<f64>,
        percent: bool,
        qualifier: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        counted: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        relative: Option<RelativeReport>,
    },
    #[serde(rename_all = "camelCase")]
    Date {
        #[serde(skip_serializing_if = "Option::is_none")]
        year: Option<i32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        month: Option<u8>,
        #[serde(skip_serializing_if = "Option::is_none")]
        day: Option<u8>,
        /// "2024-06-19", "2024", "--02"; empty when nothing is known.
        iso: String,
        resolved_from_relative: bool,
    },
    Duration {
        amount: f64,
        unit: &'static str,
    },
    /// Entities and sources: the language-neutral key.
    Key {
        key: String,
    },
    #[serde(rename_all = "camelCase")]
    Quote {
        #[serde(skip_serializing_if = "Option::is_none")]
        speaker: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        speaker_start: Option<usize>,
        #[serde(skip_serializing_if = "Option::is_none")]
        speaker_end: Option<usize>,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct RelativeReport {
    pub factor: f64,
    /// Index of the quantity it relates to among the document's facts, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<usize>,
}

fn fact_value(value: &FactValue, utf16: impl Fn(usize) -> usize) -> FactValueReport {
    match value {
        FactValue::Quantity(q) => FactValueReport::Number {
            value: q.value,
            high: q.high,
            percent: q.percent,
            qualifier: q.qualifier.name(),
            counted: q.counted.clone(),
            relative: q.relative.map(|r| RelativeReport {
                factor: r.factor,
                to: r.to,
            }),
        },
        FactValue::Date(d) => FactValueReport::Date {
            year: d.year,
            month: d.month,
            day: d.day,
            iso: d.iso(),
            resolved_from_relative: d.resolved_from_relative,
        },
        FactValue::Duration { amount, unit } => FactValueReport::Duration {
            amount: *amount,
            unit: unit.name(),
        },
        FactValue::Entity { key } | FactValue::Source { key } => {
            FactValueReport::Key { key: key.clone() }
        }
        FactValue::Quote {
            speaker,
            speaker_span,
        } => FactValueReport::Quote {
            speaker: speaker.clone(),
            speaker_start: speaker_span.map(|s| utf16(s.0)),
            speaker_end: speaker_span.map(|s| utf16(s.1)),
        },
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AlignmentReport {
    pub mode: Mode,
    pub links: Vec<LinkReport>,
    pub groups: Vec<GroupReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkSide {
    pub doc: String,
    pub claims: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkReport {
    pub a: LinkSide,
    pub b: LinkSide,
    pub score: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupReport {
    /// Document id → claim indices; documents without a counterpart are absent.
    pub claims: ClaimsByDocument,
    pub score: f64,
}

/// Document id → claim indices, in document order, serialized as a plain
/// object. A list of pairs rather than a `BTreeMap`, whose code would cost
/// the wasm several kilobytes for a map that is only ever written out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimsByDocument(pub Vec<(String, Vec<usize>)>);

impl ClaimsByDocument {
    /// The claims of document `id`, if it has any in this group.
    pub fn get(&self, id: &str) -> Option<&Vec<usize>> {
        self.0.iter().find(|(d, _)| d == id).map(|(_, c)| c)
    }
}

impl<'a> IntoIterator for &'a ClaimsByDocument {
    type Item = &'a (String, Vec<usize>);
    type IntoIter = std::slice::Iter<'a, (String, Vec<usize>)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl Serialize for ClaimsByDocument {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (doc, claims) in &self.0 {
            map.serialize_entry(doc, claims)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceReport {
    pub doc: String,
    pub claim: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiscrepancyReport {
    pub kind: DiscrepancyKind,
    pub severity: Severity,
    pub confidence: f64,
    pub message: String,
    pub evidence: Vec<EvidenceReport>,
    pub fingerprint: String,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timings {
    pub total_ms: f64,
}

/// Scores rounded so reports stay readable and stable across platforms.
fn round(score: f64) -> f64 {
    (score * 10_000.0).round() / 10_000.0
}

/// Assembles the report, converting every byte offset to UTF-16. Takes the
/// alignment whole, so its claim lists move into the report, not copied.
pub fn build(docs: &[AnalysedDocument], alignment: Alignment, found: Found) -> Report {
    let maps: Vec<Utf16Map> = docs.iter().map(|d| Utf16Map::new(&d.source.text)).collect();
    let span = |doc: usize, start: usize, end: usize| {
        (
            maps[doc].utf16(start),
            maps[doc].utf16(end),
            docs[doc].source.text[start..end].to_string(),
        )
    };
    let documents = docs
        .iter()
        .enumerate()
        .map(|(d, doc)| DocumentReport {
            id: doc.id().to_string(),
            lang: doc.lang.clone(),
            lang_detected: doc.lang_detected,
            date: doc.source.date.clone(),
            claims: doc
                .claims
                .iter()
                .enumerate()
                .map(|(index, claim)| {
                    let (start, end, text) = span(d, claim.start, claim.end);
                    ClaimReport {
                        index,
                        start,
                        end,
                        text,
                        facts: claim
                            .facts
                            .iter()
                            .map(|fact| {
                                let (start, end, text) = span(d, fact.start, fact.end);
                                FactReport {
                                    kind: fact.kind.name(),
                                    start,
                                    end,
                                    text,
                                    value: fact_value(&fact.value, |b| maps[d].utf16(b)),
                                }
                            })
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect();
    let id = |d: usize| docs[d].id().to_string();
    let alignment_report = AlignmentReport {
        mode: alignment.mode,
        links: alignment
            .links
            .into_iter()
            .map(|l| LinkReport {
                a: LinkSide {
                    doc: id(l.doc_a),
                    claims: l.claims_a,
                },
                b: LinkSide {
                    doc: id(l.doc_b),
                    claims: l.claims_b,
                },
                score: round(l.score),
            })
            .collect(),
        groups: alignment
            .groups
            .into_iter()
            .map(|g| GroupReport {
                claims: ClaimsByDocument(
                    g.claims
                        .into_iter()
                        .enumerate()
                        .filter(|(_, claims)| !claims.is_empty())
                        .map(|(d, claims)| (id(d), claims))
                        .collect(),
                ),
                score: round(g.score),
            })
            .collect(),
    };
    let discrepancies = found
        .discrepancies
        .into_iter()
        .map(|d| DiscrepancyReport {
            kind: d.kind,
            severity: d.severity,
            confidence: round(d.confidence),
            message: d.message,
            evidence: d
                .evidence
                .iter()
                .map(|e| {
                    let (start, end, text) = span(e.doc, e.start, e.end);
                    EvidenceReport {
                        doc: id(e.doc),
                        claim: e.claim,
                        start,
                        end,
                        text,
                    }
                })
                .collect(),
            fingerprint: d.fingerprint,
        })
        .collect();
    Report {
        schema_version: SCHEMA_VERSION,
        version: crate::VERSION.to_string(),
        documents,
        alignment: alignment_report,
        discrepancies,
        suppressed: found.suppressed,
        timings: Timings::default(),
    }
}
