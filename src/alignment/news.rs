//! News mode: independent reports of one story, paragraphs reordered and
//! claims missing on either side. Candidates come from inverted indexes of
//! stems and of character grams (never all pairs); a link's score blends
//! the stem similarity with the grams', which let cognates meet across
//! distant languages ("koalicyjne"/"coalition"). Confident links are taken first; they then
//! support their neighbours, since reports move paragraphs, not single
//! sentences, so the claim after a linked claim tends to be linked to the
//! claim after its partner. A leftover claim may join a link when it adds
//! to it (few-to-one).

use super::similarity::{similarity, ClaimVector};
use super::PairLink;

/// Below this, two claims of independent reports are not the same claim.
const LINK_THRESHOLD: f64 = 0.03;
/// Links at least this alike anchor the second pass.
const ANCHOR_THRESHOLD: f64 = 0.2;
/// What a linked neighbour (before or after, on the same diagonal) adds.
/// Small since grams: a neighbour's support must not outweigh what the
/// claims themselves share (0.05 lost 0.01 F1 on FLORES, 0.08 0.05).
const NEIGHBOUR_SUPPORT: f64 = 0.03;
/// Rounds of neighbour support: the first from the anchors, each further
/// one from the links of the round before (more rounds chain support on
/// through dropped sentences: 6 lost precision on FLORES).
const SUPPORT_PASSES: usize = 3;
/// Weight of the gram similarity in a link's score; the rest is the stem
/// similarity, which also carries numbers and dates.
const GRAM_SHARE: f64 = 0.7;
/// Candidates considered per claim (translation mode's anchors), most
/// shared stems first.
const CANDIDATES: usize = 12;
/// A stem in more claims than this share of the other side carries no signal
/// (nor a gram in more than this share of all claims).
const COMMON_SHARE: f64 = 0.25;
/// Grams have longer postings than stems: on large documents, candidates
/// come from the rarer ones only (the same F1 on FLORES, half the time of
/// the gram index).
const COMMON_GRAM_SHARE: f64 = 0.05;
/// Candidates per claim in news mode, from stems and from grams each: two
/// lists propose more than one, so fewer from each (the same F1 as 12).
const NEWS_CANDIDATES: usize = 8;

/// One side of a pair of documents: its claims' stems and grams.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub vectors: &'a [ClaimVector],
    pub grams: &'a [GramSet],
}

impl Side<'_> {
    fn len(&self) -> usize {
        self.vectors.len()
    }

    /// The grams of claim `i`; none where a caller gave none.
    fn gram(&self, i: usize) -> &GramSet {
        static NONE: GramSet = GramSet {
            ids: Vec::new(),
            total: 0.0,
        };
        self.grams.get(i).unwrap_or(&NONE)
    }
}

/// How alike claim `i` of `a` and claim `j` of `b` are: stems (with
/// numbers) and grams blended.
fn score(grams: &Grams, a: &Side, b: &Side, i: usize, j: usize) -> f64 {
    let (Some(va), Some(vb)) = (a.vectors.get(i), b.vectors.get(j)) else {
        return 0.0;
    };
    blend(similarity(va, vb), grams.similarity(a.gram(i), b.gram(j)))
}

fn blend(stems: f64, grams: f64) -> f64 {
    (1.0 - GRAM_SHARE) * stems + GRAM_SHARE * grams
}

pub fn align(grams: &Grams, a: Side, b: Side) -> Vec<PairLink> {
    let candidates = merged(
        &candidates_by_key(a.vectors, b.vectors, COMMON_SHARE, NEWS_CANDIDATES),
        &candidates_by_key(a.grams, b.grams, COMMON_GRAM_SHARE, NEWS_CANDIDATES),
    );
    // Sorted vectors and binary search rather than hash maps: the same speed
    // here, and no hash table code per key type in the wasm.
    let similarities: Vec<((usize, usize), f64)> = candidates
        .iter()
        .map(|&(i, j)| ((i, j), score(grams, &a, &b, i, j)))
        .collect();
    let mut confident: Vec<(usize, usize, f64)> = similarities
        .iter()
        .filter(|(_, s)| *s >= ANCHOR_THRESHOLD)
        .map(|&((i, j), s)| (i, j, s))
        .collect();
    let anchors = greedy(&mut confident, a.len(), b.len());
    // Later passes: every candidate, plus the diagonal neighbours of the
    // links so far (the anchors first) even when they share no stem, scored
    // with their neighbours' support; each pass lets support run one claim
    // further along a reordered block.
    let scorer = |i: usize, j: usize| score(grams, &a, &b, i, j);
    let (mut links, mut scored) = (anchors, Vec::new());
    for _ in 0..SUPPORT_PASSES {
        let mut anchored: Vec<(usize, usize)> = links.iter().map(|l| (l.a[0], l.b[0])).collect();
        crate::sort::sort(&mut anchored);
        scored = supported(
            a.len(),
            b.len(),
            &scorer,
            &candidates,
            &similarities,
            &anchored,
        );
        links = greedy(&mut scored, a.len(), b.len());
    }
    let mut link_of_a: Vec<Option<usize>> = vec![None; a.len()];
    let mut link_of_b: Vec<Option<usize>> = vec![None; b.len()];
    for (l, link) in links.iter().enumerate() {
        link_of_a[link.a[0]] = Some(l);
        link_of_b[link.b[0]] = Some(l);
    }
    // Few-to-one (`scored` is sorted best first by `greedy`): a claim left
    // over joins its best partner's link when the joined claims match
    // better than the partner alone ("one claim summarizing two").
    // Only a leftover's best partner is tried: later ones are worse, and
    // each try builds merged claims.
    let (mut tried_a, mut tried_b) = (vec![false; a.len()], vec![false; b.len()]);
    for &(i, j, _) in &scored {
        let first_a = !std::mem::replace(&mut tried_a[i], true);
        let first_b = !std::mem::replace(&mut tried_b[j], true);
        match (link_of_a[i], link_of_b[j]) {
            (None, Some(_)) if !first_a => {}
            (Some(_), None) if !first_b => {}
            (None, Some(l)) if links[l].a.len() == 1 => {
                let k = links[l].a[0];
                let joined = blend(
                    similarity(&a.vectors[k].merged(&a.vectors[i]), &b.vectors[j]),
                    grams.similarity(&grams.merged(a.gram(k), a.gram(i)), b.gram(j)),
                );
                if joined > links[l].score {
                    links[l].a.push(i);
                    crate::sort::sort(&mut links[l].a);
                    links[l].score = joined;
                    link_of_a[i] = Some(l);
                }
            }
            (Some(l), None) if links[l].b.len() == 1 => {
                let k = links[l].b[0];
                let joined = blend(
                    similarity(&a.vectors[i], &b.vectors[k].merged(&b.vectors[j])),
                    grams.similarity(a.gram(i), &grams.merged(b.gram(k), b.gram(j))),
                );
                if joined > links[l].score {
                    links[l].b.push(j);
                    crate::sort::sort(&mut links[l].b);
                    links[l].score = joined;
                    link_of_b[j] = Some(l);
                }
            }
            _ => {}
        }
    }
    crate::sort::sort_by_key(&mut links, |l| (l.a[0], l.b[0]));
    links
}

/// Candidate pairs and the diagonal neighbours of `anchored`, each scored
/// by its similarity plus the support of anchored diagonal neighbours.
fn supported(
    n: usize,
    m: usize,
    score: &dyn Fn(usize, usize) -> f64,
    candidates: &[(usize, usize)],
    similarities: &[((usize, usize), f64)],
    anchored: &[(usize, usize)],
) -> Vec<(usize, usize, f64)> {
    // Candidates and both diagonal neighbours of the anchored pairs: three
    // sorted lists, merged.
    let before: Vec<(usize, usize)> = anchored
        .iter()
        .filter(|&&(i, j)| i > 0 && j > 0 && i - 1 < n && j - 1 < m)
        .map(|&(i, j)| (i - 1, j - 1))
        .collect();
    let after: Vec<(usize, usize)> = anchored
        .iter()
        .filter(|&&(i, j)| i + 1 < n && j + 1 < m)
        .map(|&(i, j)| (i + 1, j + 1))
        .collect();
    let pairs = merged(&merged(candidates, &before), &after);
    let mut k = 0;
    let mut out = Vec::new();
    for (i, j) in pairs {
        // `similarities` follows `candidates`, so it is walked alongside.
        while k < similarities.len() && similarities[k].0 < (i, j) {
            k += 1;
        }
        let sim = match similarities.get(k) {
            Some(&(p, s)) if p == (i, j) => s,
            _ => score(i, j),
        };
        let neighbours = [(i.wrapping_sub(1), j.wrapping_sub(1)), (i + 1, j + 1)]
            .iter()
            .filter(|p| anchored.binary_search(p).is_ok())
            .count();
        let s = (sim + NEIGHBOUR_SUPPORT * neighbours as f64).min(1.0);
        if s >= LINK_THRESHOLD {
            out.push((i, j, s));
        }
    }
    out
}

/// A claim's stems, ascending, each once.
fn distinct(claim: &ClaimVector) -> impl Iterator<Item = u32> + '_ {
    let mut last = None;
    claim.stems().filter(move |&s| last.replace(s) != Some(s))
}

/// Two sorted lists as one, without repeats.
fn merged<T: Copy + Ord>(x: &[T], y: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(x.len() + y.len());
    let (mut i, mut j) = (0, 0);
    while i < x.len() || j < y.len() {
        let next = if j == y.len() || (i < x.len() && x[i] <= y[j]) {
            i += 1;
            x[i - 1]
        } else {
            j += 1;
            y[j - 1]
        };
        if out.last() != Some(&next) {
            out.push(next);
        }
    }
    out
}

/// What the inverted index keys claims by: distinct ids, ascending.
trait Keys {
    fn keys(&self) -> impl Iterator<Item = u32> + '_;
}

impl Keys for ClaimVector {
    fn keys(&self) -> impl Iterator<Item = u32> + '_ {
        distinct(self)
    }
}

impl Keys for GramSet {
    fn keys(&self) -> impl Iterator<Item = u32> + '_ {
        self.ids.iter().copied()
    }
}

/// Pairs of claims that share at least one informative stem, sorted.
pub(super) fn candidate_pairs(a: &[ClaimVector], b: &[ClaimVector]) -> Vec<(usize, usize)> {
    candidates_by_key(a, b, COMMON_SHARE, CANDIDATES)
}

/// Pairs of claims that share at least one informative key (in at most
/// `share` of the claims of `b`), at most `most` per claim of `a`, sorted.
fn candidates_by_key<T: Keys>(a: &[T], b: &[T], share: f64, most: usize) -> Vec<(usize, usize)> {
    // The inverted index: the claims of b by stem, ascending within a stem;
    // a counting sort, since stems are small dense ids.
    let stems = b
        .iter()
        .flat_map(|claim| claim.keys().last())
        .max()
        .map_or(0, |s| s as usize + 1);
    let mut starts = vec![0u32; stems + 1];
    for claim in b {
        for stem in claim.keys() {
            starts[stem as usize + 1] += 1;
        }
    }
    for s in 1..starts.len() {
        starts[s] += starts[s - 1];
    }
    let mut index = vec![0u32; starts.last().map_or(0, |&n| n as usize)];
    let mut fill = starts.clone();
    for (j, claim) in b.iter().enumerate() {
        for stem in claim.keys() {
            index[fill[stem as usize] as usize] = j as u32;
            fill[stem as usize] += 1;
        }
    }
    drop(fill);
    let common = ((b.len() as f64 * share) as usize).max(8);
    let mut pairs = Vec::new();
    let mut shared = vec![0usize; b.len()];
    let mut touched: Vec<usize> = Vec::new();
    // The best candidates of one claim: (shared stems, claim of b), most
    // shared first, then by position.
    let mut best: Vec<(usize, usize)> = Vec::with_capacity(CANDIDATES + 1);
    let mut chosen: Vec<usize> = Vec::with_capacity(CANDIDATES + 1);
    for (i, claim) in a.iter().enumerate() {
        for stem in claim.keys() {
            let s = stem as usize;
            let (Some(&from), Some(&to)) = (starts.get(s), starts.get(s + 1)) else {
                continue; // a stem that no claim of b has
            };
            if (to - from) as usize > common {
                continue;
            }
            for &j in &index[from as usize..to as usize] {
                let j = j as usize;
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        best.clear();
        for j in touched.drain(..) {
            let n = std::mem::take(&mut shared[j]);
            let at = best.partition_point(|&(m, k)| m > n || (m == n && k < j));
            if at < most {
                best.insert(at, (n, j));
                best.truncate(most);
            }
        }
        chosen.clear();
        for &(_, j) in &best {
            chosen.insert(chosen.partition_point(|&k| k < j), j);
        }
        pairs.extend(chosen.iter().map(|&j| (i, j)));
    }
    pairs
}

/// One-to-one links, best first; ties broken by position so the result
/// never depends on input order. Leaves `scored` in that order.
fn greedy(scored: &mut [(usize, usize, f64)], n: usize, m: usize) -> Vec<PairLink> {
    crate::sort::sort_by(scored, |x, y| {
        y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    let (mut used_a, mut used_b) = (vec![false; n], vec![false; m]);
    let mut links = Vec::new();
    for &(i, j, score) in scored.iter() {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            links.push(PairLink {
                a: vec![i],
                b: vec![j],
                score,
            });
        }
    }
    links
}

/// Character trigrams of loosely spelled words, for cognates that share no
/// four-letter stem across distant languages ("koalicyjne"/"coalition",
/// "gazu"/"gas"): per document, per claim, sorted distinct gram ids.
#[derive(Debug, Default)]
pub struct Grams {
    /// Weight of each gram id (how rare it is among all claims).
    weights: Vec<f64>,
    /// Per document, per claim: its gram ids, ascending, and their weight.
    pub docs: Vec<Vec<GramSet>>,
}

#[derive(Debug, Default, Clone)]
pub struct GramSet {
    ids: Vec<u32>,
    total: f64,
}

impl Grams {
    /// Grams of every claim of `docs`, weighted by how rare each is among
    /// all their claims (as stems are). Memory is what limits large inputs
    /// here, so no list of every (gram, claim) pair is ever held: each
    /// claim's distinct grams are kept once, and the claims per gram are
    /// counted batch by batch into one sorted list of the distinct grams.
    pub fn new(docs: &[&crate::claims::AnalysedDocument]) -> Grams {
        let mut key = String::new();
        let mut loose: Vec<u8> = Vec::new();
        // Every claim's distinct grams, ascending, one claim after another.
        let mut flat: Vec<u32> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        // (gram, claims that have it), ascending, for the claims counted so far.
        let mut counts: Vec<(u32, u32)> = Vec::new();
        let mut counted = 0;
        for doc in docs {
            let text = &doc.source.text;
            for c in &doc.claims {
                let start = flat.len();
                for w in &c.words {
                    key.clear();
                    crate::text::normalize::fold_word_into(
                        text.get(w.start..w.end).unwrap_or(""),
                        &mut key,
                    );
                    loosen(&key, &mut loose);
                    // Four bytes make a gram ("^koa", "oali"...); a
                    // one-letter word ("^i$") has none.
                    for g in loose.windows(4) {
                        flat.push(u32::from_be_bytes([g[0], g[1], g[2], g[3]]));
                    }
                }
                let distinct = start + sort_distinct(&mut flat[start..]);
                flat.truncate(distinct);
                ends.push(flat.len());
                if flat.len() - counted >= COUNT_BATCH {
                    count_into(&mut counts, &flat[counted..]);
                    counted = flat.len();
                }
            }
        }
        count_into(&mut counts, &flat[counted..]);
        let claims = ends.len();
        // Ids in ascending gram order, for the grams that carry a signal;
        // the count's place then holds the id (`u32::MAX`: dropped).
        let common = ((claims as f64 * COMMON_SHARE) as usize).max(8);
        let mut weights: Vec<f64> = Vec::new();
        for entry in counts.iter_mut() {
            let frequency = entry.1 as usize;
            entry.1 = if frequency > common {
                u32::MAX
            } else {
                weights.push((1.0 + claims as f64 / frequency as f64).ln());
                weights.len() as u32 - 1
            };
        }
        let id_of = |gram: u32| {
            let at = counts.partition_point(|e| e.0 < gram);
            counts.get(at).map_or(u32::MAX, |e| e.1)
        };
        let mut from = 0;
        let mut sets = ends.iter().map(|&to| {
            let ids: Vec<u32> = flat[from..to]
                .iter()
                .map(|&g| id_of(g))
                .filter(|&id| id != u32::MAX)
                .collect();
            from = to;
            GramSet {
                total: ids.iter().map(|&i| weights[i as usize]).sum(),
                ids,
            }
        });
        let docs = docs
            .iter()
            .map(|d| sets.by_ref().take(d.claims.len()).collect())
            .collect();
        Grams { weights, docs }
    }

    /// The grams of two claims together, for few-to-one links.
    fn merged(&self, x: &GramSet, y: &GramSet) -> GramSet {
        let ids = merged(&x.ids, &y.ids);
        let total = ids
            .iter()
            .map(|&g| self.weights.get(g as usize).unwrap_or(&0.0))
            .sum();
        GramSet { ids, total }
    }

    /// Weighted Dice coefficient of two claims' grams.
    pub fn similarity(&self, a: &GramSet, b: &GramSet) -> f64 {
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while i < a.ids.len() && j < b.ids.len() {
            match a.ids[i].cmp(&b.ids[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weights.get(a.ids[i] as usize).unwrap_or(&0.0);
                    i += 1;
                    j += 1;
                }
            }
        }
        let total = a.total + b.total;
        if total > 0.0 {
            2.0 * shared / total
        } else {
            0.0
        }
    }
}

/// Grams of distinct claims counted per batch: large enough that merging
/// into the counts is rare, small enough to add little memory.
const COUNT_BATCH: usize = 1 << 15;

/// Sorts `grams` and moves each distinct one to the front, once; returns
/// how many there are.
fn sort_distinct(grams: &mut [u32]) -> usize {
    crate::sort::sort(grams);
    let mut kept = 0;
    for k in 0..grams.len() {
        if kept == 0 || grams[kept - 1] != grams[k] {
            grams[kept] = grams[k];
            kept += 1;
        }
    }
    kept
}

/// Adds the grams of `batch` (each claim's once) to `counts`: the batch
/// sorted and counted, then merged into the sorted counts.
fn count_into(counts: &mut Vec<(u32, u32)>, batch: &[u32]) {
    if batch.is_empty() {
        return;
    }
    let mut sorted = batch.to_vec();
    radix_sort(&mut sorted);
    let mut merged = Vec::with_capacity(counts.len() + sorted.len() / 2);
    let (mut i, mut j) = (0, 0);
    while i < counts.len() || j < sorted.len() {
        let gram = match (counts.get(i), sorted.get(j)) {
            (Some(c), Some(&g)) => c.0.min(g),
            (Some(c), None) => c.0,
            (None, Some(&g)) => g,
            (None, None) => break,
        };
        let mut n = 0;
        if counts.get(i).is_some_and(|c| c.0 == gram) {
            n += counts[i].1;
            i += 1;
        }
        while sorted.get(j) == Some(&gram) {
            n += 1;
            j += 1;
        }
        merged.push((gram, n));
    }
    *counts = merged;
}

/// Sorts grams by a counting sort on each of their four bytes, linear in
/// their number (a comparison sort took a tenth of the gram build).
fn radix_sort(grams: &mut Vec<u32>) {
    let mut sorted = vec![0; grams.len()];
    for shift in [0, 8, 16, 24] {
        let digit = |g: u32| (g >> shift & 0xff) as usize;
        let mut starts = [0usize; 256];
        for &g in grams.iter() {
            starts[digit(g)] += 1;
        }
        let mut sum = 0;
        for s in starts.iter_mut() {
            sum += std::mem::replace(s, sum);
        }
        for &g in grams.iter() {
            let at = &mut starts[digit(g)];
            sorted[*at] = g;
            *at += 1;
        }
        std::mem::swap(grams, &mut sorted);
    }
}

/// A folded key spelled loosely, between '^' and '$': letters that
/// languages spell differently for one sound made one ("c"/"k", "z"/"s",
/// "y"/"j"/"i", "ph"/"f", "th"/"t"), doubled letters single.
fn loosen(key: &str, out: &mut Vec<u8>) {
    out.clear();
    out.push(b'^');
    for &b in key.as_bytes() {
        let mapped = match b {
            b'y' | b'j' => b'i',
            b'q' | b'c' => b'k',
            b'z' => b's',
            b'w' => b'v',
            b'x' => {
                out.push(b'k');
                b's'
            }
            b'h' => match out.last() {
                Some(b'p') => {
                    out.pop();
                    b'f'
                }
                Some(&p) if p.is_ascii_lowercase() && !b"aeiou".contains(&p) => continue,
                _ => b'h',
            },
            other => other,
        };
        if out.last() != Some(&mapped) {
            out.push(mapped);
        }
    }
    out.push(b'$');
}
