//! How alike two claims are, across languages, without any model: weighted
//! overlap of neutral word stems (Jaro-Winkler for near misses) plus numbers
//! as anchors, with weights from the two documents' own statistics.

use crate::claims::AnalysedDocument;

/// Characters of a neutral key that make its stem: enough to join
/// "Putin/Putina/Путина", few enough to survive case endings.
const STEM_CHARS: usize = 4;
/// Numbers weigh more than words: they rarely match by chance.
const NUMBER_WEIGHT_FACTOR: f64 = 2.0;
/// Keys this alike (Jaro-Winkler) count as one word in two spellings.
const NEAR_MATCH: f64 = 0.9;
/// Near matches are looked for among terms that share this many first characters.
const NEAR_PREFIX_CHARS: usize = 2;

/// A claim as a weighted bag of stems.
#[derive(Debug, Clone, Default)]
pub struct ClaimVector {
    /// (stem, full key, weight), sorted by stem; numbers are "#value".
    terms: Vec<(String, String, f64)>,
    /// Weight of the words; numbers count only where they match, so a
    /// number that differs (what we look for) does not hide the link.
    words_total: f64,
    /// Length in characters, for the length prior.
    pub chars: usize,
}

impl ClaimVector {
    /// Joins two claims into one, for 2-1 and 1-2 links.
    pub fn merged(&self, other: &ClaimVector) -> ClaimVector {
        let mut terms = self.terms.clone();
        terms.extend(other.terms.iter().cloned());
        crate::sort::sort_by(&mut terms, |a, b| a.0.cmp(&b.0));
        ClaimVector {
            words_total: self.words_total + other.words_total,
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
    // Every stem once per claim, sorted: a stem's run length is the number of
    // claims that have it.
    let mut occurrences: Vec<&str> = Vec::new();
    let mut claims = 0usize;
    for doc in &raw {
        for terms in doc {
            claims += 1;
            let mut seen: Vec<&str> = terms.iter().map(|(s, _, _)| s.as_str()).collect();
            crate::sort::sort(&mut seen);
            seen.dedup();
            occurrences.extend(seen);
        }
    }
    crate::sort::sort(&mut occurrences);
    let document_frequency = |stem: &str| {
        let from = occurrences.partition_point(|&s| s < stem);
        occurrences[from..].partition_point(|&s| s == stem).max(1)
    };
    let idf = |stem: &str| (1.0 + claims as f64 / document_frequency(stem) as f64).ln();
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
                    crate::sort::sort_by(&mut weighted, |a, b| a.0.cmp(&b.0));
                    ClaimVector {
                        words_total: weighted
                            .iter()
                            .filter(|t| !is_number(&t.0))
                            .map(|t| t.2)
                            .sum(),
                        terms: weighted,
                        chars: doc.claim_text(claim).chars().count(),
                    }
                })
                .collect()
        })
        .collect()
}

fn is_number(stem: &str) -> bool {
    stem.starts_with('#')
}

/// Stems of a claim: words of two letters or more outside the digits of its
/// numbers and dates ("mln" is part of "1,6 mln"), and those facts as
/// anchors, which count only where they match (the leading '#'): numbers and
/// durations as "#value", dates as "#@2024-06-19" or "#@2024". Names are
/// not anchored: a name that opens a sentence is not an entity fact, so
/// anchors would weigh the same name unevenly; their words stay terms.
fn claim_terms(claim: &crate::claims::Claim) -> Vec<(String, String, bool)> {
    use crate::facts::FactValue;
    // Digits inside a fact are its anchor; month names stay words too.
    // Numeric spans, sorted by start, so each word checks the one or two
    // spans that start before it instead of every fact of the claim.
    let numeric: Vec<(usize, usize, bool)> = claim
        .facts
        .iter()
        .filter_map(|f| match f.value {
            FactValue::Quantity(_) | FactValue::Duration { .. } => Some((f.start, f.end, false)),
            FactValue::Date(_) => Some((f.start, f.end, true)),
            _ => None,
        })
        .collect();
    let in_fact = |w: &crate::text::tokens::Token| {
        let k = numeric.partition_point(|&(start, _, _)| start <= w.start);
        numeric[k.saturating_sub(2)..k]
            .iter()
            .any(|&(start, end, date)| {
                let counts = !date || w.key.starts_with(|c: char| c.is_ascii_digit());
                counts && w.start >= start && w.end <= end
            })
    };
    let mut terms: Vec<(String, String, bool)> = claim
        .words
        .iter()
        .filter(|w| w.key.chars().count() >= 2 && !in_fact(w))
        .map(|w| {
            (
                w.key.chars().take(STEM_CHARS).collect(),
                w.key.clone(),
                false,
            )
        })
        .collect();
    for fact in &claim.facts {
        let anchor = match &fact.value {
            // The value's bits, not its decimal form: formatting floats
            // would pull kilobytes of code into the wasm.
            FactValue::Quantity(q) => format!("#{:x}", q.value.to_bits()),
            FactValue::Duration { amount, .. } => format!("#{:x}", amount.to_bits()),
            FactValue::Date(d) if d.year.is_some() || d.month.is_some() => {
                format!("#@{}", d.iso())
            }
            _ => continue,
        };
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
    let ma = matched_weight(a, b);
    let mb = matched_weight(b, a);
    let (words_a, numbers_a, words_b, numbers_b) = (ma.words, ma.numbers, mb.words, mb.numbers);
    // Numbers unmatched on both sides are likely one quantity told
    // differently (what we want to report), so they do not count against
    // the link; numbers that only one side has are content the other lacks.
    let excess = |x: &Matched, y: &Matched| {
        x.unmatched_numbers.saturating_sub(y.unmatched_numbers) as f64 * x.unmatched_weight
    };
    let total =
        a.words_total + b.words_total + numbers_a + numbers_b + excess(&ma, &mb) + excess(&mb, &ma);
    if total == 0.0 {
        return 0.0;
    }
    let overlap = (words_a + words_b + numbers_a + numbers_b) / total;
    overlap * length_prior(a.chars, b.chars)
}

/// What of one claim finds a counterpart in the other.
struct Matched {
    words: f64,
    numbers: f64,
    unmatched_numbers: usize,
    /// Mean weight of the unmatched numbers.
    unmatched_weight: f64,
}

/// Weight of `a`'s words and numbers that have a counterpart in `b`.
fn matched_weight(a: &ClaimVector, b: &ClaimVector) -> Matched {
    let (mut words, mut numbers) = (0.0, 0.0);
    let (mut unmatched_numbers, mut unmatched_sum) = (0usize, 0.0);
    for (stem, key, weight) in &a.terms {
        let exact = b
            .terms
            .binary_search_by(|t| t.0.as_str().cmp(stem.as_str()))
            .is_ok();
        if is_number(stem) {
            if exact {
                numbers += weight;
            } else {
                unmatched_numbers += 1;
                unmatched_sum += weight;
            }
        } else if exact {
            words += weight;
        } else if key.chars().count() >= 5 {
            // Jaro-Winkler this high needs a shared start: only terms whose
            // stem begins like this key are worth scoring.
            let prefix: String = key.chars().take(NEAR_PREFIX_CHARS).collect();
            let from = b.terms.partition_point(|t| t.0.as_str() < prefix.as_str());
            let near = b.terms[from..]
                .iter()
                .take_while(|t| t.0.starts_with(prefix.as_str()))
                .map(|t| strsim::jaro_winkler(key, &t.1))
                .fold(0.0, f64::max);
            if near >= NEAR_MATCH {
                words += weight * near;
            }
        }
    }
    Matched {
        words,
        numbers,
        unmatched_numbers,
        unmatched_weight: unmatched_sum / unmatched_numbers.max(1) as f64,
    }
}

/// Translations keep roughly the length of their source; claims three
/// times longer than their counterpart are rarely the same claim.
fn length_prior(a: usize, b: usize) -> f64 {
    let (short, long) = (a.min(b).max(1) as f64, a.max(b).max(1) as f64);
    // The fourth root, without pulling a general `pow` into the wasm.
    (short / long).sqrt().sqrt()
}
