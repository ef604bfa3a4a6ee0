//! How alike two claims are, across languages, without any model: weighted
//! overlap of neutral word stems (Jaro-Winkler for near misses) plus numbers
//! as anchors, with weights from the two documents' own statistics.

use crate::claims::AnalysedDocument;
use std::collections::HashMap;

/// Characters of a neutral key that make its stem: enough to join
/// "Putin/Putina/Путина", few enough to survive case endings.
const STEM_CHARS: usize = 4;
/// Numbers weigh more than words: they rarely match by chance.
const NUMBER_WEIGHT_FACTOR: f64 = 2.0;
/// Keys this alike (Jaro-Winkler) count as one word in two spellings.
const NEAR_MATCH: f64 = 0.9;

/// A claim as a weighted bag of stems.
#[derive(Debug, Clone, Default)]
pub struct ClaimVector {
    /// (stem, full key, weight), sorted by stem.
    terms: Vec<(String, String, f64)>,
    total: f64,
    /// Length in characters, for the length prior.
    pub chars: usize,
}

impl ClaimVector {
    /// Joins two claims into one, for 2-1 and 1-2 links.
    pub fn merged(&self, other: &ClaimVector) -> ClaimVector {
        let mut terms = self.terms.clone();
        terms.extend(other.terms.iter().cloned());
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        ClaimVector {
            total: self.total + other.total,
            chars: self.chars + other.chars + 1,
            terms,
        }
    }

    pub fn stems(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|(stem, _, _)| stem.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Vectors for the claims of a set of documents, weighted by how rare each
/// stem is among all their claims.
pub fn vectors(docs: &[&AnalysedDocument]) -> Vec<Vec<ClaimVector>> {
    let raw: Vec<Vec<Vec<(String, String, bool)>>> = docs
        .iter()
        .map(|doc| doc.claims.iter().map(claim_terms).collect())
        .collect();
    let mut document_frequency: HashMap<&str, usize> = HashMap::new();
    let mut claims = 0usize;
    for doc in &raw {
        for terms in doc {
            claims += 1;
            let mut seen: Vec<&str> = terms.iter().map(|(s, _, _)| s.as_str()).collect();
            seen.sort_unstable();
            seen.dedup();
            for stem in seen {
                *document_frequency.entry(stem).or_default() += 1;
            }
        }
    }
    let idf = |stem: &str| (1.0 + claims as f64 / document_frequency[stem] as f64).ln();
    raw.iter()
        .zip(docs)
        .map(|(doc_terms, doc)| {
            doc_terms
                .iter()
                .zip(&doc.claims)
                .map(|(terms, claim)| {
                    let mut weighted: Vec<(String, String, f64)> = terms
                        .iter()
                        .map(|(stem, key, is_number)| {
                            let factor = if *is_number {
                                NUMBER_WEIGHT_FACTOR
                            } else {
                                1.0
                            };
                            (stem.clone(), key.clone(), idf(stem) * factor)
                        })
                        .collect();
                    weighted.sort_by(|a, b| a.0.cmp(&b.0));
                    ClaimVector {
                        total: weighted.iter().map(|t| t.2).sum(),
                        terms: weighted,
                        chars: doc.claim_text(claim).chars().count(),
                    }
                })
                .collect()
        })
        .collect()
}

/// Stems of a claim: words of two letters or more, and its numbers.
fn claim_terms(claim: &crate::claims::Claim) -> Vec<(String, String, bool)> {
    let mut terms: Vec<(String, String, bool)> = claim
        .words
        .iter()
        .filter(|w| w.key.chars().count() >= 2 && !w.key.chars().all(|c| c.is_ascii_digit()))
        .map(|w| {
            (
                w.key.chars().take(STEM_CHARS).collect(),
                w.key.clone(),
                false,
            )
        })
        .collect();
    for fact in &claim.facts {
        let anchor = format!("#{}", fact.value);
        terms.push((anchor.clone(), anchor, true));
    }
    terms
}

/// Similarity of two claims in [0, 1]: the share of both claims' weight that
/// finds a counterpart in the other, damped when their lengths differ a lot.
///
/// ```
/// use claimdiff::{Document, Options};
/// use claimdiff::claims::AnalysedDocument;
/// use claimdiff::alignment::similarity::{similarity, vectors};
/// let pl = Document::new("pl", "Putin przyjechał do Pjongjangu. Pogoda była ładna.");
/// let sr = Document::new("sr", "Путин је допутовао у Пјонгјанг.");
/// let (pl, sr) = (AnalysedDocument::new(&pl, &Options::default()), AnalysedDocument::new(&sr, &Options::default()));
/// let v = vectors(&[&pl, &sr]);
/// assert!(similarity(&v[0][0], &v[1][0]) > similarity(&v[0][1], &v[1][0]));
/// ```
pub fn similarity(a: &ClaimVector, b: &ClaimVector) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let matched_a = matched_weight(a, b);
    let matched_b = matched_weight(b, a);
    let overlap = (matched_a + matched_b) / (a.total + b.total);
    overlap * length_prior(a.chars, b.chars)
}

/// Weight of `a`'s terms that have a counterpart in `b`.
fn matched_weight(a: &ClaimVector, b: &ClaimVector) -> f64 {
    let mut sum = 0.0;
    for (stem, key, weight) in &a.terms {
        let exact = b
            .terms
            .binary_search_by(|t| t.0.as_str().cmp(stem.as_str()))
            .is_ok();
        if exact {
            sum += weight;
        } else if key.chars().count() >= 5 && !key.starts_with('#') {
            let near = b
                .terms
                .iter()
                .filter(|t| !t.1.starts_with('#'))
                .map(|t| strsim::jaro_winkler(key, &t.1))
                .fold(0.0, f64::max);
            if near >= NEAR_MATCH {
                sum += weight * near;
            }
        }
    }
    sum
}

/// Translations keep roughly the length of their source; claims three
/// times longer than their counterpart are rarely the same claim.
fn length_prior(a: usize, b: usize) -> f64 {
    let (short, long) = (a.min(b).max(1) as f64, a.max(b).max(1) as f64);
    (short / long).powf(0.25)
}
