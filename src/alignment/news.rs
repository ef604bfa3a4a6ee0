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
    let anchors = greedy(
        similarities
            .iter()
            .filter(|(_, s)| *s >= ANCHOR_THRESHOLD)
            .map(|&((i, j), s)| (i, j, s))
            .collect(),
        a.len(),
        b.len(),
    );
    let mut anchored: Vec<(usize, usize)> = anchors.iter().map(|l| (l.a[0], l.b[0])).collect();
    crate::sort::sort(&mut anchored);
    // Later passes: every candidate, plus the diagonal neighbours of the
    // links so far even when they share no stem, scored with their
    // neighbours' support; each pass lets support run one claim further
    // along a reordered block.
    let mut scored = supported(a, b, &candidates, &similarities, &anchored);
    let mut links = greedy(scored.clone(), a.len(), b.len());
    for _ in 1..SUPPORT_PASSES {
        anchored = links.iter().map(|l| (l.a[0], l.b[0])).collect();
        crate::sort::sort(&mut anchored);
        scored = supported(a, b, &candidates, &similarities, &anchored);
        links = greedy(scored.clone(), a.len(), b.len());
    }
    let mut link_of_a: Vec<Option<usize>> = vec![None; a.len()];
    let mut link_of_b: Vec<Option<usize>> = vec![None; b.len()];
    for (l, link) in links.iter().enumerate() {
        link_of_a[link.a[0]] = Some(l);
        link_of_b[link.b[0]] = Some(l);
    }
    crate::sort::sort_by(&mut scored, |x, y| {
        y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    // Few-to-one: a claim left over joins its best partner's link when the
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
    let mut pairs: Vec<(usize, usize)> = candidates.to_vec();
    for &(i, j) in anchored {
        for (di, dj) in [(-1isize, -1isize), (1, 1)] {
            let (x, y) = (i as isize + di, j as isize + dj);
            if x >= 0 && y >= 0 && (x as usize) < a.len() && (y as usize) < b.len() {
                pairs.push((x as usize, y as usize));
            }
        }
    }
    crate::sort::sort(&mut pairs);
    pairs.dedup();
    pairs
        .into_iter()
        .map(|(i, j)| {
            let sim = match similarities.binary_search_by(|(p, _)| p.cmp(&(i, j))) {
                Ok(k) => similarities[k].1,
                Err(_) => similarity(&a[i], &b[j]),
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

/// Pairs of claims that share at least one informative stem.
pub(super) fn candidate_pairs(a: &[ClaimVector], b: &[ClaimVector]) -> Vec<(usize, usize)> {
    // Postings (stem, claim of b), sorted by stem: the inverted index.
    let mut index: Vec<(u32, usize)> = Vec::new();
    for (j, claim) in b.iter().enumerate() {
        let mut stems: Vec<u32> = claim.stems().collect();
        stems.dedup();
        index.extend(stems.into_iter().map(|stem| (stem, j)));
    }
    crate::sort::sort(&mut index);
    let common = ((b.len() as f64 * COMMON_SHARE) as usize).max(8);
    let mut pairs = Vec::new();
    let mut shared = vec![0usize; b.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, claim) in a.iter().enumerate() {
        let mut stems: Vec<u32> = claim.stems().collect();
        stems.dedup();
        for stem in stems {
            let from = index.partition_point(|&(s, _)| s < stem);
            let to = from + index[from..].partition_point(|&(s, _)| s == stem);
            if to - from > common {
                continue;
            }
            for &(_, j) in &index[from..to] {
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        let mut best: Vec<(usize, usize)> = touched.iter().map(|&j| (shared[j], j)).collect();
        crate::sort::sort_by(&mut best, |x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        pairs.extend(best.into_iter().take(CANDIDATES).map(|(_, j)| (i, j)));
        for j in touched.drain(..) {
            shared[j] = 0;
        }
    }
    crate::sort::sort(&mut pairs);
    pairs
}

/// One-to-one links, best first; ties broken by position so the result
/// never depends on input order.
fn greedy(mut scored: Vec<(usize, usize, f64)>, n: usize, m: usize) -> Vec<PairLink> {
    crate::sort::sort_by(&mut scored, |x, y| {
        y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    let (mut used_a, mut used_b) = (vec![false; n], vec![false; m]);
    let mut links = Vec::new();
    for (i, j, score) in scored {
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
