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
/// integer work. Weights live once per stem in [`Vocabulary`]: merged
/// claims (translation mode) copy terms many times over.
#[derive(Debug, Clone, Copy)]
pub struct Term {
    stem: u32,
    /// The key's id, with [`NUMBER`] and [`HAS_NEAR`] set when they apply:
    /// most unmatched words have no near key, and the flags let them be
    /// passed over without a lookup in the (large, cache-cold) tables.
    key: u32,
}

/// Flag of `Term::key`: the term is a number's anchor.
const NUMBER: u32 = 1 << 31;
/// Flag of `Term::key`: the key has near keys.
const HAS_NEAR: u32 = 1 << 30;
const KEY_ID: u32 = HAS_NEAR - 1;

impl Term {
    fn key_id(&self) -> u32 {
        self.key & KEY_ID
    }
}

/// What all claim vectors of one comparison share.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// Per stem: its weight.
    weights: Vec<f64>,
    near: NearKeys,
}

impl Vocabulary {
    fn weight(&self, t: &Term) -> f64 {
        self.weights.get(t.stem as usize).copied().unwrap_or(0.0)
    }
}

/// For each key of the documents, the keys of other stems that are near it
/// (Jaro-Winkler ≥ `NEAR_MATCH`) with their stem and that score, sorted by
/// key id. Computed once per comparison, so claim pairs never run
/// Jaro-Winkler themselves. One flat list with offsets per key: most keys
/// have no near key, and a `Vec` each would cost more than the entries.
#[derive(Debug, Default)]
struct NearKeys {
    /// Entries of key `k`: `entries[offsets[k]..offsets[k + 1]]`.
    offsets: Vec<u32>,
    entries: Vec<NearKey>,
}

#[derive(Debug, Clone, Copy)]
struct NearKey {
    key: u32,
    stem: u32,
    score: f64,
}

impl NearKeys {
    fn of(&self, key: u32) -> &[NearKey] {
        let k = (key & KEY_ID) as usize;
        match (self.offsets.get(k), self.offsets.get(k + 1)) {
            (Some(&from), Some(&to)) => &self.entries[from as usize..to as usize],
            _ => &[],
        }
    }
}

/// A claim as a weighted bag of stems.
#[derive(Debug, Clone, Default)]
pub struct ClaimVector {
    /// Sorted by stem; numbers have stems of their own ("#value").
    terms: Vec<Term>,
    vocabulary: std::rc::Rc<Vocabulary>,
    /// Weight of the words; numbers count only where they match, so a
    /// number that differs (what we look for) does not hide the link.
    words_total: f64,
    /// Length in characters, for the length prior.
    pub chars: usize,
    stems: StemMask,
}

/// A 256-bit summary of the stems of a claim (or run of claims): a clear bit
/// says a stem is absent, so most near keys are ruled out without a search.
#[derive(Debug, Clone, Copy, Default)]
pub struct StemMask([u64; 4]);

impl StemMask {
    fn of(terms: &[Term]) -> Self {
        let mut mask = StemMask::default();
        for t in terms {
            let bit = Self::bit(t.stem);
            mask.0[bit >> 6] |= 1 << (bit & 63);
        }
        mask
    }

    /// Stem ids are ranks of sorted keys: hashed, so neighbours spread.
    fn bit(stem: u32) -> usize {
        (stem.wrapping_mul(0x9E37_79B1) >> 24) as usize
    }

    fn may_have(&self, stem: u32) -> bool {
        let bit = Self::bit(stem);
        self.0[bit >> 6] & 1 << (bit & 63) != 0
    }

    pub fn union(self, other: StemMask) -> StemMask {
        let mut out = self;
        for (x, y) in out.0.iter_mut().zip(other.0) {
            *x |= y;
        }
        out
    }
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
            stems: self.stems.union(other.stems),
            vocabulary: self.vocabulary.clone(),
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

    /// The claim as [`similarity_of_terms`] takes it; runs of claims are
    /// joined with [`merge_terms`] without a `ClaimVector` each.
    pub fn side(&self) -> Side<'_> {
        Side {
            terms: &self.terms,
            words_total: self.words_total,
            chars: self.chars,
            stems: self.stems,
        }
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }
}

/// Whether some term of `terms` (sorted by stem) has this key (of this stem).
fn has_key(terms: &[Term], stem: u32, key: u32) -> bool {
    let from = terms.partition_point(|t| t.stem < stem);
    terms[from..]
        .iter()
        .take_while(|t| t.stem == stem)
        .any(|t| t.key_id() == key)
}

/// Appends to `out` the terms of `x` and `y` (each sorted by stem) sorted by
/// stem, those of `x` first among equal stems: the order of
/// [`ClaimVector::merged`], without allocating when `out` has room.
pub fn merge_terms(x: &[Term], y: &[Term], out: &mut Vec<Term>) {
    out.clear();
    out.resize(x.len() + y.len(), Term { stem: 0, key: 0 });
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        let from_y = match (x.get(i), y.get(j)) {
            (Some(p), Some(q)) => q.stem < p.stem,
            (None, _) => true,
            (Some(_), None) => false,
        };
        if from_y {
            *slot = y[j];
            j += 1;
        } else {
            *slot = x[i];
            i += 1;
        }
    }
}

/// Vectors for the claims of a set of documents, weighted by how rare each
/// stem is among all their claims.
pub fn vectors(docs: &[&AnalysedDocument]) -> Vec<Vec<ClaimVector>> {
    // Every term's key, written one after another into one buffer.
    let mut arena = String::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    // Per claim (all documents in turn): where its terms end in `spans`.
    let mut claim_ends: Vec<usize> = Vec::new();
    for doc in docs {
        for claim in &doc.claims {
            claim_terms(&doc.source.text, claim, &mut arena, &mut spans);
            claim_ends.push(spans.len());
        }
    }
    let key_text = |t: usize| &arena[spans[t].0..spans[t].1];
    // Key ids are ranks among the distinct keys, stem ids ranks among the
    // distinct stems. A stem is a prefix of its key, so sorted keys give
    // their stems sorted too: one sort of the terms yields both.
    // Each key's first 8 bytes as a number decide most comparisons (big
    // endian, zero-padded: ordered as the bytes are) without a memcmp.
    let head = |t: usize| {
        let mut bytes = [0u8; 8];
        let key = key_text(t).as_bytes();
        let n = key.len().min(8);
        bytes[..n].copy_from_slice(&key[..n]);
        u64::from_be_bytes(bytes)
    };
    let mut order: Vec<(u64, u32)> = (0..spans.len()).map(|t| (head(t), t as u32)).collect();
    radix_sort_by_head(&mut order);
    // Keys with one head differ only past their eighth byte: each run of one
    // head is sorted by the whole key unless its keys are all one short length.
    let mut from = 0;
    while from < order.len() {
        let run = order[from..]
            .iter()
            .take_while(|e| e.0 == order[from].0)
            .count();
        let len = |e: &(u64, u32)| key_text(e.1 as usize).len();
        let within = &mut order[from..from + run];
        if within
            .iter()
            .any(|e| len(e) > 8 || len(e) != len(&within[0]))
        {
            crate::sort::sort_by(within, |x, y| {
                key_text(x.1 as usize).cmp(key_text(y.1 as usize))
            });
        }
        from += run;
    }
    let mut key_of = vec![0u32; spans.len()];
    let mut stem_of = vec![0u32; spans.len()];
    let mut keys: Vec<&str> = Vec::new();
    let mut stem_of_key: Vec<u32> = Vec::new();
    let mut last_stem: Option<&str> = None;
    for &(_, t) in &order {
        let key = key_text(t as usize);
        if keys.last() != Some(&key) {
            let stem = stem_text(key);
            if last_stem != Some(stem) {
                last_stem = Some(stem);
                stem_of_key.push(stem_of_key.last().map_or(0, |&s| s + 1));
            } else {
                stem_of_key.push(stem_of_key.last().copied().unwrap_or(0));
            }
            keys.push(key);
        }
        key_of[t as usize] = keys.len() as u32 - 1;
        stem_of[t as usize] = stem_of_key.last().copied().unwrap_or(0);
    }
    drop(order);
    let stem_count = stem_of_key.last().map_or(0, |&s| s as usize + 1);
    // In how many claims each stem occurs.
    let mut frequency = vec![0usize; stem_count];
    let mut last_claim = vec![usize::MAX; stem_count];
    let mut from = 0;
    for (c, &to) in claim_ends.iter().enumerate() {
        for &stem in &stem_of[from..to] {
            if last_claim[stem as usize] != c {
                last_claim[stem as usize] = c;
                frequency[stem as usize] += 1;
            }
        }
        from = to;
    }
    drop(last_claim);
    let claims = claim_ends.len();
    let idf = |stem: u32| (1.0 + claims as f64 / frequency[stem as usize].max(1) as f64).ln();
    // Per stem: whether it is an anchor ('#'), from any key of the stem.
    let mut number = vec![false; stem_count];
    for (k, key) in keys.iter().enumerate() {
        number[stem_of_key[k] as usize] = key.starts_with('#');
    }
    let vocabulary = std::rc::Rc::new(Vocabulary {
        weights: (0..stem_count)
            .map(|stem| {
                let factor = if number[stem] {
                    NUMBER_WEIGHT_FACTOR
                } else {
                    1.0
                };
                idf(stem as u32) * factor
            })
            .collect(),
        near: near_keys(&keys, &stem_of_key),
    });
    let flags = |key: u32, stem: u32| {
        let mut key = key & KEY_ID;
        if number.get(stem as usize) == Some(&true) {
            key |= NUMBER;
        }
        if !vocabulary.near.of(key).is_empty() {
            key |= HAS_NEAR;
        }
        key
    };
    let mut ends = claim_ends.iter();
    let mut from = 0;
    docs.iter()
        .map(|doc| {
            doc.claims
                .iter()
                .map(|claim| {
                    let to = ends.next().copied().unwrap_or(from);
                    let mut terms: Vec<Term> = (from..to)
                        .map(|t| Term {
                            stem: stem_of[t],
                            key: flags(key_of[t], stem_of[t]),
                        })
                        .collect();
                    from = to;
                    crate::sort::sort_by_key(&mut terms, |t| t.stem);
                    let v = &vocabulary;
                    ClaimVector {
                        words_total: terms
                            .iter()
                            .filter(|t| t.key & NUMBER == 0)
                            .map(|t| v.weight(t))
                            .sum(),
                        stems: StemMask::of(&terms),
                        terms,
                        vocabulary: vocabulary.clone(),
                        chars: doc.claim_text(claim).chars().count(),
                    }
                })
                .collect()
        })
        .collect()
}

/// Sorts by the first field, stably: a counting sort on each of its eight
/// bytes, linear in the number of terms (a comparison sort of every term
/// was a tenth of the time of large comparisons).
fn radix_sort_by_head(entries: &mut Vec<(u64, u32)>) {
    let mut sorted = vec![(0, 0); entries.len()];
    for shift in (0..64).step_by(8) {
        let digit = |e: &(u64, u32)| (e.0 >> shift & 0xff) as usize;
        let mut starts = [0usize; 256];
        for e in entries.iter() {
            starts[digit(e)] += 1;
        }
        // A byte that every head shares leaves the order as it is.
        if starts.contains(&entries.len()) {
            continue;
        }
        let mut sum = 0;
        for s in starts.iter_mut() {
            sum += std::mem::replace(s, sum);
        }
        for e in entries.iter() {
            let at = &mut starts[digit(e)];
            sorted[*at] = *e;
            *at += 1;
        }
        std::mem::swap(entries, &mut sorted);
    }
}

/// The stem of a key: its first `STEM_CHARS` characters; an anchor
/// ("#value") is its own stem. Anchors sort before every word (no word
/// starts with '#'), so stems stay in the order of their keys.
fn stem_text(key: &str) -> &str {
    if key.starts_with('#') {
        key
    } else {
        &key[..prefix_len(key, STEM_CHARS)]
    }
}

/// Bytes of the first `n` characters of `k`.
fn prefix_len(k: &str, n: usize) -> usize {
    k.char_indices().nth(n).map_or(k.len(), |(b, _)| b)
}

/// Buckets of a letter histogram: counts of characters by code point
/// modulo this, an upper bound on the characters two keys share.
const HISTOGRAM_BUCKETS: usize = 32;

/// Near keys for every key: Jaro-Winkler this high needs a shared start, so
/// only keys in the same bucket of first characters are scored (sorted keys
/// make each bucket a contiguous run); pairs with one stem already match
/// exactly and are skipped.
fn near_keys(keys: &[&str], stem_of_key: &[u32]) -> NearKeys {
    let mut pairs: Vec<(u32, u32, f64)> = Vec::new();
    let eligible = |k: &str| !k.starts_with('#') && k.chars().nth(4).is_some();
    let mut buckets: Vec<(usize, usize)> = Vec::new();
    split_buckets(keys, 0, keys.len(), NEAR_PREFIX_CHARS, &mut buckets);
    // Per key of a bucket: (index, characters, histogram).
    let mut shapes: Vec<(usize, usize, Histogram)> = Vec::new();
    for (from, to) in buckets {
        shapes.clear();
        for (x, &k) in keys.iter().enumerate().take(to).skip(from) {
            if eligible(k) {
                let mut histogram = [0u8; HISTOGRAM_BUCKETS];
                let mut chars = 0;
                for c in k.chars() {
                    let slot = &mut histogram[c as usize % HISTOGRAM_BUCKETS];
                    *slot = slot.saturating_add(1);
                    chars += 1;
                }
                shapes.push((x, chars, Histogram::new(&histogram)));
            }
        }
        // Shortest first: a key more than 7/4 times as long as another
        // cannot be near it (see `may_be_near`, with all characters
        // shared), so each key stops at the first such one. Pairs are
        // sorted below, so the order they are found in does not matter.
        crate::sort::sort_by_key(&mut shapes, |s| s.1);
        for (n, &(x, len_x, ref hx)) in shapes.iter().enumerate() {
            for &(y, len_y, ref hy) in &shapes[n + 1..] {
                if 4 * len_y > 7 * len_x {
                    break;
                }
                if stem_of_key[x] == stem_of_key[y] || !may_be_near(len_x, hx, len_y, hy) {
                    continue;
                }
                // In key order, as before the sort: the score's last bit may
                // depend on the order of its arguments.
                let score = strsim::jaro_winkler(keys[x.min(y)], keys[x.max(y)]);
                if score >= NEAR_MATCH {
                    pairs.push((x as u32, y as u32, score));
                    pairs.push((y as u32, x as u32, score));
                }
            }
        }
    }
    crate::sort::sort_by_key(&mut pairs, |&(x, y, _)| (x, y));
    let mut offsets = Vec::with_capacity(keys.len() + 1);
    let mut next = 0;
    for k in 0..keys.len() as u32 {
        offsets.push(next as u32);
        while pairs.get(next).is_some_and(|p| p.0 == k) {
            next += 1;
        }
    }
    offsets.push(next as u32);
    let entries = pairs
        .into_iter()
        .map(|(_, y, score)| NearKey {
            key: y,
            stem: stem_of_key[y as usize],
            score,
        })
        .collect();
    NearKeys { offsets, entries }
}

/// Whether two keys of different stems can reach `NEAR_MATCH`: Jaro is at
/// most (m/|x| + m/|y| + 1) / 3 for m shared characters, and different
/// stems share at most 3 first characters, so Jaro-Winkler is at most
/// 0.3 + 0.7 · Jaro, below 0.9 unless 7 m (|x| + |y|) ≥ 11 |x| |y|. The
/// histograms bound m from above, so no near pair is ever skipped.
fn may_be_near(len_x: usize, hx: &Histogram, len_y: usize, hy: &Histogram) -> bool {
    // Counts of 128 or more (long keys) do not fit `Histogram::shared`.
    if len_x >= 128 || len_y >= 128 {
        return true;
    }
    let shared = hx.shared(hy);
    7 * shared * (len_x + len_y) >= 11 * len_x * len_y
}

/// A letter histogram, eight counts to a word, so that the characters two
/// keys can share are counted eight buckets at a time.
type Histogram = [u64; HISTOGRAM_BUCKETS / 8];

trait Shared {
    fn new(counts: &[u8; HISTOGRAM_BUCKETS]) -> Self;
    fn shared(&self, other: &Self) -> usize;
}

impl Shared for Histogram {
    fn new(counts: &[u8; HISTOGRAM_BUCKETS]) -> Self {
        let mut words = [0u64; HISTOGRAM_BUCKETS / 8];
        for (word, eight) in words.iter_mut().zip(counts.chunks_exact(8)) {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(eight);
            *word = u64::from_le_bytes(bytes);
        }
        words
    }

    /// Sum over buckets of the smaller count; every count below 128.
    fn shared(&self, other: &Self) -> usize {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let mut total = 0;
        for (&a, &b) in self.iter().zip(other) {
            // Per byte, the high bit of (a | 0x80) - b is set where a ≥ b
            // (no borrow crosses bytes); that picks b there, a elsewhere.
            let a_ge_b = ((a | HIGH).wrapping_sub(b) & HIGH) >> 7;
            let take_b = a_ge_b * 0xFF;
            let min = (b & take_b) | (a & !take_b);
            // The bytes add up to at most the key's length (< 128): summed
            // into the top byte without overflow.
            total += (min.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
        }
        total
    }
}

/// Runs of sorted `keys[from..to]` sharing their first `chars` characters,
/// split on one more character while a run is larger than `NEAR_BUCKET`.
fn split_buckets(
    keys: &[&str],
    from: usize,
    to: usize,
    chars: usize,
    out: &mut Vec<(usize, usize)>,
) {
    let mut start = from;
    while start < to {
        let head = &keys[start][..prefix_len(keys[start], chars)];
        let end = start + keys[start..to].partition_point(|k| &k[..prefix_len(k, chars)] <= head);
        let end = end.max(start + 1);
        if end - start > NEAR_BUCKET && chars < STEM_CHARS {
            split_buckets(keys, start, end, chars + 1, out);
        } else {
            out.push((start, end));
        }
        start = end;
    }
}

/// Appends the terms of a claim to `arena` and their spans to `spans`:
/// words of two letters or more outside the digits of its numbers and
/// dates ("mln" is part of "1,6 mln"), and those facts as anchors, which
/// count only where they match (the leading '#'): numbers and durations as
/// "#value", dates as "#@2024-06-19" or "#@2024". Names are not anchored: a
/// name that opens a sentence is not an entity fact, so anchors would weigh
/// the same name unevenly; their words stay terms.
fn claim_terms(
    text: &str,
    claim: &crate::claims::Claim,
    arena: &mut String,
    spans: &mut Vec<(usize, usize)>,
) {
    use crate::facts::FactValue;
    use std::fmt::Write as _;
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
    let in_fact = |w: &crate::text::tokens::Token, key: &str| {
        let k = numeric.partition_point(|&(start, _, _)| start <= w.start);
        numeric[k.saturating_sub(2)..k]
            .iter()
            .any(|&(start, end, date)| {
                let counts = !date || key.starts_with(|c: char| c.is_ascii_digit());
                counts && w.start >= start && w.end <= end
            })
    };
    for w in &claim.words {
        let start = arena.len();
        crate::text::normalize::fold_word_into(text.get(w.start..w.end).unwrap_or(""), arena);
        let key = &arena[start..];
        if key.chars().nth(1).is_some() && !in_fact(w, key) {
            spans.push((start, arena.len()));
        } else {
            arena.truncate(start);
        }
    }
    for fact in &claim.facts {
        let start = arena.len();
        // The value's bits, not its decimal form: formatting floats
        // would pull kilobytes of code into the wasm.
        let _ = match &fact.value {
            FactValue::Quantity(q) => write!(arena, "#{:x}", q.value.to_bits()),
            FactValue::Duration { amount, .. } => write!(arena, "#{:x}", amount.to_bits()),
            FactValue::Date(d) if d.year.is_some() || d.month.is_some() => {
                write!(arena, "#@{}", d.iso())
            }
            _ => continue,
        };
        spans.push((start, arena.len()));
    }
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
    similarity_of_terms(&a.vocabulary, &a.side(), &b.side())
}

/// [`similarity`] of two claims given by their terms: runs of claims
/// joined into a scratch buffer score as their [`ClaimVector::merged`] would.
pub fn similarity_of_terms(v: &Vocabulary, a: &Side, b: &Side) -> f64 {
    if a.terms.is_empty() || b.terms.is_empty() {
        return 0.0;
    }
    let (ma, mb) = matched(v, a, b);
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

/// One claim (or run of claims) being compared.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    /// Sorted by stem.
    pub terms: &'a [Term],
    /// Weight of the words (not numbers).
    pub words_total: f64,
    pub chars: usize,
    /// The stems of `terms`.
    pub stems: StemMask,
}

/// What of one claim finds a counterpart in the other.
#[derive(Default)]
struct Matched {
    words: f64,
    numbers: f64,
    unmatched_numbers: usize,
    /// Mean weight of the unmatched numbers.
    unmatched_weight: f64,
}

impl Matched {
    /// Counts term `t`, which has its stem in `other` when `exact`; summed
    /// in the order of its claim's terms.
    fn add(&mut self, v: &Vocabulary, t: &Term, exact: bool, other: &Side) {
        if t.key & NUMBER != 0 {
            let weight = v.weight(t);
            if exact {
                self.numbers += weight;
            } else {
                self.unmatched_numbers += 1;
                self.unmatched_weight += weight; // a sum until `matched` ends
            }
        } else if exact {
            self.words += v.weight(t);
        } else if t.key & HAS_NEAR != 0 {
            // The best near key that `other` has: near lists are short, so
            // they are looked up in `other` rather than `other` scanned.
            // (Without near keys the weight counts 0: adding 0.0 is skipped.)
            let near = v
                .near
                .of(t.key)
                .iter()
                .filter(|n| other.stems.may_have(n.stem) && has_key(other.terms, n.stem, n.key))
                .map(|n| n.score)
                .fold(0.0, f64::max);
            self.words += v.weight(t) * near;
        }
    }
}

/// Weight of `a`'s words and numbers that have a counterpart in `b`, and of
/// `b`'s in `a`.
fn matched(v: &Vocabulary, a: &Side, b: &Side) -> (Matched, Matched) {
    (matched_in(v, a, b), matched_in(v, b, a))
}

/// What of `x` finds a counterpart in `y`, summed in the order of `x`'s
/// terms. The stem mask rules most stems out, so few terms search `y`
/// (a walk along both claims mispredicted about every other step); a
/// word found in neither way and without near keys adds nothing.
fn matched_in(v: &Vocabulary, x: &Side, y: &Side) -> Matched {
    let mut m = Matched::default();
    // Stems of `x` ascend, so each search starts where the last one ended.
    let mut from = 0;
    for t in x.terms {
        let exact = y.stems.may_have(t.stem) && {
            from += y.terms[from..].partition_point(|u| u.stem < t.stem);
            y.terms.get(from).is_some_and(|u| u.stem == t.stem)
        };
        if exact || t.key & (NUMBER | HAS_NEAR) != 0 {
            m.add(v, t, exact, y);
        }
    }
    m.unmatched_weight /= m.unmatched_numbers.max(1) as f64;
    m
}

/// Translations keep roughly the length of their source; claims three
/// times longer than their counterpart are rarely the same claim.
fn length_prior(a: usize, b: usize) -> f64 {
    let (short, long) = (a.min(b).max(1) as f64, a.max(b).max(1) as f64);
    // The fourth root, without pulling a general `pow` into the wasm.
    (short / long).sqrt().sqrt()
}

#[cfg(test)]
mod tests {
    use super::{Histogram, Shared, HISTOGRAM_BUCKETS};

    #[test]
    fn shared_counts_match_a_plain_sum() {
        let mut seed = 7u32;
        for _ in 0..2000 {
            let mut counts = [[0u8; HISTOGRAM_BUCKETS]; 2];
            for c in counts.iter_mut() {
                // Up to 127 characters spread over the buckets.
                for _ in 0..seed % 128 {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    c[(seed >> 16) as usize % HISTOGRAM_BUCKETS] += 1;
                }
            }
            let plain: usize = counts[0]
                .iter()
                .zip(&counts[1])
                .map(|(&a, &b)| a.min(b) as usize)
                .sum();
            let (x, y) = (Histogram::new(&counts[0]), Histogram::new(&counts[1]));
            assert_eq!(x.shared(&y), plain);
        }
    }
}
