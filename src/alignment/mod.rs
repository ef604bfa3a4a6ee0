//! Alignment: which claims of the documents say the same thing.
//!
//! Every pair of documents is aligned (in translation or news mode), and the
//! links are joined into groups across all documents, so a claim present in
//! four of five versions shows which version lacks it.

pub mod groups;
pub mod news;
pub mod similarity;
pub mod translation;

use crate::claims::AnalysedDocument;
use crate::Mode;

/// Claims of document `a` linked to claims of document `b` (indices).
#[derive(Debug, Clone, PartialEq)]
pub struct PairLink {
    pub a: Vec<usize>,
    pub b: Vec<usize>,
    pub score: f64,
}

/// A link between two documents, by document index.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub doc_a: usize,
    pub doc_b: usize,
    pub claims_a: Vec<usize>,
    pub claims_b: Vec<usize>,
    pub score: f64,
}

/// Claims of several documents that say the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Claim indices per document (by document index); empty where a
    /// document has no counterpart.
    pub claims: Vec<Vec<usize>>,
    pub score: f64,
}

impl Group {
    /// The documents (by index) that have claims in this group.
    pub fn present_docs(&self) -> Vec<usize> {
        (0..self.claims.len())
            .filter(|&d| !self.claims[d].is_empty())
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// The mode used: never `Auto`.
    pub mode: Mode,
    pub links: Vec<Link>,
    pub groups: Vec<Group>,
}

/// Aligns all documents pairwise and groups the links.
pub fn align(docs: &[AnalysedDocument], mode: Mode) -> Alignment {
    let refs: Vec<&AnalysedDocument> = docs.iter().collect();
    let vectors = similarity::vectors(&refs);
    let pairs = canonical_pairs(docs);
    // Grams serve news mode only: translation mode never builds them.
    let grams = match mode {
        Mode::Translation => news::Grams::default(),
        _ => news::Grams::new(&refs),
    };
    let side = |d: usize| news::Side {
        vectors: &vectors[d],
        grams: grams.docs.get(d).map_or(&[], |g| &g[..]),
    };
    // Deciding the mode aligns every pair in news mode; when news mode is
    // chosen, those links are the result and are not made again.
    let (mode, mut news_links) = match mode {
        Mode::Auto => decide_mode(&grams, &side, &vectors, &pairs),
        chosen => (chosen, Vec::new()),
    };
    let sketches: Vec<Vec<translation::Sketch>> = match mode {
        Mode::News => Vec::new(),
        _ => docs.iter().map(translation::sketches).collect(),
    };
    let mut links = Vec::new();
    for (p, &(x, y)) in pairs.iter().enumerate() {
        let pair = match mode {
            Mode::News => match news_links.get_mut(p) {
                Some(made) => std::mem::take(made),
                None => news::align(&grams, side(x), side(y)),
            },
            _ => translation::align(&vectors[x], &vectors[y], &sketches[x], &sketches[y]),
        };
        links.extend(pair.into_iter().map(|l| Link {
            doc_a: x,
            doc_b: y,
            claims_a: l.a,
            claims_b: l.b,
            score: l.score,
        }));
    }
    // Links in an order that depends on the documents, not on their order.
    crate::sort::sort_by_key(&mut links, |l| {
        (
            docs[l.doc_a].id(),
            l.claims_a[0],
            docs[l.doc_b].id(),
            l.claims_b[0],
        )
    });
    let claim_counts: Vec<usize> = docs.iter().map(|d| d.claims.len()).collect();
    let groups = groups::build(&claim_counts, &links);
    Alignment {
        mode,
        links,
        groups,
    }
}

/// Every pair of documents once, the one with the smaller id first, so a
/// pair is aligned the same way whatever order the documents come in.
fn canonical_pairs(docs: &[AnalysedDocument]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for x in 0..docs.len() {
        for y in x + 1..docs.len() {
            pairs.push(if docs[x].id() <= docs[y].id() {
                (x, y)
            } else {
                (y, x)
            });
        }
    }
    pairs
}

/// Translations keep their claims in order and in number; independent
/// reports do not. Judged from news-mode links, which assume no order;
/// returns them too, by pair.
fn decide_mode<'a>(
    grams: &news::Grams,
    side: &dyn Fn(usize) -> news::Side<'a>,
    vectors: &[Vec<similarity::ClaimVector>],
    pairs: &[(usize, usize)],
) -> (Mode, Vec<Vec<PairLink>>) {
    let mut looks_translated = true;
    let mut made = Vec::with_capacity(pairs.len());
    for &(x, y) in pairs {
        let (n, m) = (vectors[x].len(), vectors[y].len());
        let count_ratio = n.min(m) as f64 / n.max(m).max(1) as f64;
        let links = news::align(grams, side(x), side(y));
        let mut order: Vec<usize> = links.iter().map(|l| l.b[0]).collect();
        let in_order = longest_increasing(&mut order) as f64 / links.len().max(1) as f64;
        let coverage = links.len() as f64 / n.min(m).max(1) as f64;
        // Few links across distant languages are normal; their order is what tells.
        looks_translated &= count_ratio >= 0.75 && in_order >= 0.9 && coverage >= 0.1;
        made.push(links);
    }
    if looks_translated {
        (Mode::Translation, Vec::new())
    } else {
        (Mode::News, made)
    }
}

/// Length of the longest strictly increasing subsequence (patience sorting).
fn longest_increasing(seq: &mut [usize]) -> usize {
    let mut tails: Vec<usize> = Vec::new();
    for &x in seq.iter() {
        let at = tails.partition_point(|&t| t < x);
        if at == tails.len() {
            tails.push(x);
        } else {
            tails[at] = x;
        }
    }
    tails.len()
}
