//! News mode: independent reports of one story, paragraphs reordered and
//! claims missing on either side. Candidates come from an inverted index of
//! stems (never all pairs), then the best links are taken greedily, and a
//! leftover claim may join a link when it adds to it (few-to-one).

use super::similarity::{similarity, ClaimVector};
use super::PairLink;
use std::collections::HashMap;

/// Below this, two claims of independent reports are not the same claim.
const LINK_THRESHOLD: f64 = 0.05;
/// Candidates considered per claim, best shared weight first.
const CANDIDATES: usize = 12;
/// A stem in more claims than this share of the other side carries no signal.
const COMMON_SHARE: f64 = 0.25;

pub fn align(a: &[ClaimVector], b: &[ClaimVector]) -> Vec<PairLink> {
    let mut scored = candidate_pairs(a, b)
        .into_iter()
        .map(|(i, j)| (i, j, similarity(&a[i], &b[j])))
        .filter(|&(_, _, s)| s >= LINK_THRESHOLD)
        .collect::<Vec<_>>();
    // Best first; ties broken by position so the result never depends on hashing.
    scored.sort_unstable_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut link_of_a: Vec<Option<usize>> = vec![None; a.len()];
    let mut link_of_b: Vec<Option<usize>> = vec![None; b.len()];
    let mut links: Vec<PairLink> = Vec::new();
    for &(i, j, score) in &scored {
        if link_of_a[i].is_none() && link_of_b[j].is_none() {
            link_of_a[i] = Some(links.len());
            link_of_b[j] = Some(links.len());
            links.push(PairLink {
                a: vec![i],
                b: vec![j],
                score,
            });
        }
    }
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
                    links[l].a.sort_unstable();
                    links[l].score = score;
                    link_of_a[i] = Some(l);
                }
            }
            (Some(l), None) if links[l].b.len() == 1 => {
                let joined = b[links[l].b[0]].merged(&b[j]);
                let score = similarity(&a[i], &joined);
                if score > links[l].score {
                    links[l].b.push(j);
                    links[l].b.sort_unstable();
                    links[l].score = score;
                    link_of_b[j] = Some(l);
                }
            }
            _ => {}
        }
    }
    links.sort_unstable_by_key(|l| (l.a[0], l.b[0]));
    links
}

/// Pairs of claims that share at least one informative stem.
fn candidate_pairs(a: &[ClaimVector], b: &[ClaimVector]) -> Vec<(usize, usize)> {
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, claim) in b.iter().enumerate() {
        let mut stems: Vec<&str> = claim.stems().collect();
        stems.dedup();
        for stem in stems {
            index.entry(stem).or_default().push(j);
        }
    }
    let common = ((b.len() as f64 * COMMON_SHARE) as usize).max(8);
    let mut pairs = Vec::new();
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for (i, claim) in a.iter().enumerate() {
        shared.clear();
        let mut stems: Vec<&str> = claim.stems().collect();
        stems.dedup();
        for stem in stems {
            match index.get(stem) {
                Some(postings) if postings.len() <= common => {
                    for &j in postings {
                        *shared.entry(j).or_default() += 1;
                    }
                }
                _ => {}
            }
        }
        let mut best: Vec<(usize, usize)> = shared.iter().map(|(&j, &n)| (n, j)).collect();
        best.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        pairs.extend(best.into_iter().take(CANDIDATES).map(|(_, j)| (i, j)));
    }
    pairs
}
