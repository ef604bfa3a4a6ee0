//! News mode: independent reports of one story, paragraphs reordered and
//! claims missing on either side. Candidates come from an inverted index of
//! stems (never all pairs). Confident links are taken first; they then
//! support their neighbours, since reports move paragraphs, not single
//! sentences, so the claim after a linked claim tends to be linked to the
//! claim after its partner. A leftover claim may join a link when it adds
//! to it (few-to-one).

use super::similarity::{similarity, ClaimVector};
use super::PairLink;

/// Below this, two claims of independent reports are not the same claim.
const LINK_THRESHOLD: f64 = 0.05;
/// Links at least this alike anchor the second pass.
const ANCHOR_THRESHOLD: f64 = 0.2;
/// What a linked neighbour (before or after, on the same diagonal) adds.
const NEIGHBOUR_SUPPORT: f64 = 0.08;
/// Rounds of neighbour support: the first from the anchors, each further
/// one from the links of the round before (more rounds chain support on
/// through dropped sentences: 6 lost precision on FLORES).
const SUPPORT_PASSES: usize = 3;
/// Candidates considered per claim, best shared weight first.
const CANDIDATES: usize = 12;
/// A stem in more claims than this share of the other side carries no signal.
const COMMON_SHARE: f64 = 0.25;

pub fn align(a: &[ClaimVector], b: &[ClaimVector]) -> Vec<PairLink> {
    let candidates = candidate_pairs(a, b);
    // Sorted vectors and binary search rather than hash maps: the same speed
    // here, and no hash table code per key type in the wasm.
    let similarities: Vec<((usize, usize), f64)> = candidates
        .iter()
        .map(|&(i, j)| ((i, j), similarity(&a[i], &b[j])))
        .collect();
    let mut confident: Vec<(usize, usize, f64)> = similarities
        .iter()
        .filter(|(_, s)| *s >= ANCHOR_THRESHOLD)
        .map(|&((i, j), s)| (i, j, s))
        .collect();
    let anchors = greedy(&mut confident, a.len(), b.len());
    let mut anchored: Vec<(usize, usize)> = anchors.iter().map(|l| (l.a[0], l.b[0])).collect();
    crate::sort::sort(&mut anchored);
    // Later passes: every candidate, plus the diagonal neighbours of the
    // links so far even when they share no stem, scored with their
    // neighbours' support; each pass lets support run one claim further
    // along a reordered block.
    let mut scored = supported(a, b, &candidates, &similarities, &anchored);
    let mut links = greedy(&mut scored, a.len(), b.len());
    for _ in 1..SUPPORT_PASSES {
        anchored = links.iter().map(|l| (l.a[0], l.b[0])).collect();
        crate::sort::sort(&mut anchored);
        scored = supported(a, b, &candidates, &similarities, &anchored);
        links = greedy(&mut scored, a.len(), b.len());
    }
    let mut link_of_a: Vec<Option<usize>> = vec![None; a.len()];
    let mut link_of_b: Vec<Option<usize>> = vec![None; b.len()];
    for (l, link) in links.iter().enumerate() {
        link_of_a[link.a[0]] = Some(l);
        link_of_b[link.b[0]] = Some(l);
    }
    // Few-to-one (`scored` is sorted best first by `greedy`): a claim left over joins its best partner's link when the
    // joined claims match better than the partner alone ("one claim
    // summarizing two").
    for &(i, j, _) in &scored {
        match (link_of_a[i], link_of_b[j]) {
            (None, Some(l)) if links[l].a.len() == 1 => {
                let joined = a[links[l].a[0]].merged(&a[i]);
                let score = similarity(&joined, &b[j]);
                if score > links[l].score {
                    links[l].a.push(i);
                    crate::sort::sort(&mut links[l].a);
                    links[l].score = score;
                    link_of_a[i] = Some(l);
                }
            }
            (Some(l), None) if links[l].b.len() == 1 => {
                let joined = b[links[l].b[0]].merged(&b[j]);
                let score = similarity(&a[i], &joined);
                if score > links[l].score {
                    links[l].b.push(j);
                    crate::sort::sort(&mut links[l].b);
                    links[l].score = score;
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
    a: &[ClaimVector],
    b: &[ClaimVector],
    candidates: &[(usize, usize)],
    similarities: &[((usize, usize), f64)],
    anchored: &[(usize, usize)],
) -> Vec<(usize, usize, f64)> {
    // Candidates and both diagonal neighbours of the anchored pairs: three
    // sorted lists, merged.
    let before: Vec<(usize, usize)> = anchored
        .iter()
        .filter(|&&(i, j)| i > 0 && j > 0 && i - 1 < a.len() && j - 1 < b.len())
        .map(|&(i, j)| (i - 1, j - 1))
        .collect();
    let after: Vec<(usize, usize)> = anchored
        .iter()
        .filter(|&&(i, j)| i + 1 < a.len() && j + 1 < b.len())
        .map(|&(i, j)| (i + 1, j + 1))
        .collect();
    let pairs = merged(&merged(candidates, &before), &after);
    let mut k = 0;
    pairs
        .into_iter()
        .map(|(i, j)| {
            // `similarities` follows `candidates`, so it is walked alongside.
            while k < similarities.len() && similarities[k].0 < (i, j) {
                k += 1;
            }
            let sim = match similarities.get(k) {
                Some(&(p, s)) if p == (i, j) => s,
                _ => similarity(&a[i], &b[j]),
            };
            let neighbours = [(i.wrapping_sub(1), j.wrapping_sub(1)), (i + 1, j + 1)]
                .iter()
                .filter(|p| anchored.binary_search(p).is_ok())
                .count();
            (i, j, (sim + NEIGHBOUR_SUPPORT * neighbours as f64).min(1.0))
        })
        .filter(|&(_, _, s)| s >= LINK_THRESHOLD)
        .collect()
}

/// A claim's stems, ascending, each once.
fn distinct(claim: &ClaimVector) -> impl Iterator<Item = u32> + '_ {
    let mut last = None;
    claim.stems().filter(move |&s| last.replace(s) != Some(s))
}

/// Two sorted lists as one, without repeats.
fn merged(x: &[(usize, usize)], y: &[(usize, usize)]) -> Vec<(usize, usize)> {
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

/// Pairs of claims that share at least one informative stem, sorted.
pub(super) fn candidate_pairs(a: &[ClaimVector], b: &[ClaimVector]) -> Vec<(usize, usize)> {
    // The inverted index: the claims of b by stem, ascending within a stem;
    // a counting sort, since stems are small dense ids.
    let stems = b
        .iter()
        .flat_map(|claim| claim.stems().last())
        .max()
        .map_or(0, |s| s as usize + 1);
    let mut starts = vec![0u32; stems + 1];
    for claim in b {
        for stem in distinct(claim) {
            starts[stem as usize + 1] += 1;
        }
    }
    for s in 1..starts.len() {
        starts[s] += starts[s - 1];
    }
    let mut index = vec![0u32; starts.last().map_or(0, |&n| n as usize)];
    let mut fill = starts.clone();
    for (j, claim) in b.iter().enumerate() {
        for stem in distinct(claim) {
            index[fill[stem as usize] as usize] = j as u32;
            fill[stem as usize] += 1;
        }
    }
    drop(fill);
    let common = ((b.len() as f64 * COMMON_SHARE) as usize).max(8);
    let mut pairs = Vec::new();
    let mut shared = vec![0usize; b.len()];
    let mut touched: Vec<usize> = Vec::new();
    // The best candidates of one claim: (shared stems, claim of b), most
    // shared first, then by position.
    let mut best: Vec<(usize, usize)> = Vec::with_capacity(CANDIDATES + 1);
    let mut chosen: Vec<usize> = Vec::with_capacity(CANDIDATES + 1);
    for (i, claim) in a.iter().enumerate() {
        for stem in distinct(claim) {
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
            if at < CANDIDATES {
                best.insert(at, (n, j));
                best.truncate(CANDIDATES);
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
