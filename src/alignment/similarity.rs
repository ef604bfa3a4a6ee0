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

/// Distinct keys in one bucket of shared first characters above which near
/// matches are looked for among keys sharing one more character.
const NEAR_BUCKET: usize = 300;

/// One term of a claim: ids into the vocabulary, so comparing claims is
/// integer work.
#[derive(Debug, Clone, Copy)]
struct Term {
    stem: u32,
    key: u32,
    weight: f64,
    number: bool,
}

/// For each key of the documents, the keys of other stems that are near it
/// (Jaro-Winkler ≥ `NEAR_MATCH`) with that score, sorted by key id. Computed
/// once per comparison, so claim pairs never run Jaro-Winkler themselves.
#[derive(Debug, Default)]
struct NearKeys(Vec<Vec<(u32, f64)>>);

/// A claim as a weighted bag of stems.
#[derive(Debug, Clone, Default)]
pub struct ClaimVector {
    /// Sorted by stem; numbers have stems of their own ("#value").
    terms: Vec<Term>,
    near: std::rc::Rc<NearKeys>,
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
        terms.extend_from_slice(&other.terms);
        crate::sort::sort_by_key(&mut terms, |t| t.stem);
        ClaimVector {
            words_total: self.words_total + other.words_total,
            chars: self.chars + other.chars + 1,
            near: self.near.clone(),
            terms,
        }
    }

    /// Stem ids, ascending (with repeats).
    pub fn stems(&self) -> impl Iterator<Item = u32> + '_ {
        self.terms.iter().map(|t| t.stem)
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
    let all_terms = || raw.iter().flatten().flatten();
    let stems = Interned::new(all_terms().map(|t| t.0.as_str()));
    let keys = Interned::new(all_terms().map(|t| t.1.as_str()));
    // In how many claims each stem occurs.
    let mut frequency = vec![0usize; stems.len()];
    let mut claims = 0usize;
    for terms in raw.iter().flatten() {
        claims += 1;
        let mut seen: Vec<u32> = terms.iter().map(|t| stems.id(&t.0)).collect();
        crate::sort::sort(&mut seen);
        seen.dedup();
        for stem in seen {
            frequency[stem as usize] += 1;
        }
    }
    let idf = |stem: u32| (1.0 + claims as f64 / frequency[stem as usize].max(1) as f64).ln();
    let near = std::rc::Rc::new(near_keys(&keys));
    raw.iter()
        .zip(docs)
        .map(|(doc_terms, doc)| {
            doc_terms
                .iter()
                .zip(&doc.claims)
                .map(|(terms, claim)| {
                    let mut terms: Vec<Term> = terms
                        .iter()
                        .map(|(stem, key, number)| {
                            let stem = stems.id(stem);
                            let factor = if *number { NUMBER_WEIGHT_FACTOR } else { 1.0 };
                            Term {
                                stem,
                                key: keys.id(key),
                                weight: idf(stem) * factor,
                                number: *number,
                            }
                        })
                        .collect();
                    crate::sort::sort_by_key(&mut terms, |t| t.stem);
                    ClaimVector {
                        words_total: terms.iter().filter(|t| !t.number).map(|t| t.weight).sum(),
                        terms,
                        near: near.clone(),
                        chars: doc.claim_text(claim).chars().count(),
                    }
                })
                .collect()
        })
        .collect()
}

/// Distinct strings, sorted, so a string's id is its rank.
struct Interned<'a>(Vec<&'a str>);

impl<'a> Interned<'a> {
    fn new(all: impl Iterator<Item = &'a str>) -> Self {
        let mut distinct: Vec<&str> = all.collect();
        crate::sort::sort(&mut distinct);
        distinct.dedup();
        Interned(distinct)
    }

    fn id(&self, s: &str) -> u32 {
        self.0.partition_point(|&x| x < s) as u32
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// Near keys for every key: Jaro-Winkler this high needs a shared start, so
/// only keys in the same bucket of first characters are scored (sorted keys
/// make each bucket a contiguous run); pairs with one stem already match
/// exactly and are skipped.
fn near_keys(keys: &Interned) -> NearKeys {
    let mut near: Vec<Vec<(u32, f64)>> = vec![Vec::new(); keys.len()];
    let eligible = |k: &str| k.chars().count() >= 5 && !k.starts_with('#');
    let prefix =
        |k: &'_ str, n: usize| -> usize { k.char_indices().nth(n).map_or(k.len(), |(b, _)| b) };
    let mut buckets: Vec<(usize, usize)> = Vec::new();
    split_buckets(
        &keys.0,
        0,
        keys.len(),
        NEAR_PREFIX_CHARS,
        &prefix,
        &mut buckets,
    );
    for (from, to) in buckets {
        for x in from..to {
            let kx = keys.0[x];
            if !eligible(kx) {
                continue;
            }
            for y in x + 1..to {
                let ky = keys.0[y];
                if !eligible(ky) || kx[..prefix(kx, STEM_CHARS)] == ky[..prefix(ky, STEM_CHARS)] {
                    continue;
                }
                let score = strsim::jaro_winkler(kx, ky);
                if score >= NEAR_MATCH {
                    near[x].push((y as u32, score));
                    near[y].push((x as u32, score));
                }
            }
        }
    }
    // Pushed in ascending order of the other key for x < y; sort for the rest.
    for list in &mut near {
        crate::sort::sort_by_key(list, |&(k, _)| k);
    }
    NearKeys(near)
}

/// Runs of sorted `keys[from..to]` sharing their first `chars` characters,
/// split on one more character while a run is larger than `NEAR_BUCKET`.
fn split_buckets(
    keys: &[&str],
    from: usize,
    to: usize,
    chars: usize,
    prefix: &dyn Fn(&str, usize) -> usize,
    out: &mut Vec<(usize, usize)>,
) {
    let mut start = from;
    while start < to {
        let head = &keys[start][..prefix(keys[start], chars)];
        let end = start + keys[start..to].partition_point(|k| &k[..prefix(k, chars)] <= head);
        let end = end.max(start + 1);
        if end - start > NEAR_BUCKET && chars < STEM_CHARS {
            split_buckets(keys, start, end, chars + 1, prefix, out);
        } else {
            out.push((start, end));
        }
        start = end;
    }
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
    let mut k = 0; // walks b's terms alongside a's, both sorted by stem
    for t in &a.terms {
        while k < b.terms.len() && b.terms[k].stem < t.stem {
            k += 1;
        }
        let exact = k < b.terms.len() && b.terms[k].stem == t.stem;
        if t.number {
            if exact {
                numbers += t.weight;
            } else {
                unmatched_numbers += 1;
                unmatched_sum += t.weight;
            }
        } else if exact {
            words += t.weight;
        } else {
            let near_keys = &a.near.0[t.key as usize];
            if near_keys.is_empty() {
                continue;
            }
            let near = b
                .terms
                .iter()
                .filter_map(|u| {
                    near_keys
                        .binary_search_by_key(&u.key, |&(key, _)| key)
                        .ok()
                        .map(|i| near_keys[i].1)
                })
                .fold(0.0, f64::max);
            words += t.weight * near;
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
