//! Claims that some versions have and others lack.
//!
//! A claim is missing in another version when the alignment of those two
//! versions left it unlinked. Groups across many versions are joined
//! transitively, so a claim can share a row with a version that never
//! linked it (merged into a neighbour there); the pairwise links decide.

use super::fingerprint::fingerprint;
use super::{doc_list, Discrepancy, DiscrepancyKind, Evidence, Severity};
use crate::alignment::similarity::{self, ClaimVector};
use crate::alignment::{Alignment, Group};
use crate::claims::AnalysedDocument;
use crate::Mode;

/// Characters of the claim quoted in the message.
const EXCERPT_CHARS: usize = 80;

/// Which (document, claim) is linked directly to which other document.
pub struct DirectLinks(Vec<(usize, usize, usize)>);

impl DirectLinks {
    pub fn new(docs: &[AnalysedDocument], alignment: &Alignment) -> Self {
        let mut set = Vec::new();
        let (left_out, reseated) = if alignment.mode == Mode::Translation {
            misplaced(docs, alignment)
        } else {
            (Vec::new(), Vec::new())
        };
        set.extend(reseated);
        for link in &alignment.links {
            let linked = |d: usize, c: usize, e: usize| !left_out.contains(&(d, c, e));
            set.extend(
                link.claims_a
                    .iter()
                    .map(|&c| (link.doc_a, c, link.doc_b))
                    .filter(|&(d, c, e)| linked(d, c, e)),
            );
            set.extend(
                link.claims_b
                    .iter()
                    .map(|&c| (link.doc_b, c, link.doc_a))
                    .filter(|&(d, c, e)| linked(d, c, e)),
            );
        }
        crate::sort::sort(&mut set);
        DirectLinks(set)
    }

    fn linked(&self, doc: usize, claim: usize, other: usize) -> bool {
        self.0.binary_search(&(doc, claim, other)).is_ok()
    }
}

/// How far (in standard deviations of Gale & Church's length model) the
/// lengths of a merged link must be from a translation's before one of its
/// claims is taken for left out: merges of two short sentences are common.
/// The left-out claim must also make the rest fit better and share less with
/// the counterpart than the rest does, so a looser bound costs little.
const MERGE_MISFIT: f64 = 0.8;
/// A claim left out of a merge shares less than this share of the
/// similarity the rest of the merge has with the counterpart.
const LEFT_OUT_SIMILARITY: f64 = 1.0;
/// Variance of the length difference per character (Gale & Church 1993).
const LENGTH_VARIANCE: f64 = 6.8;

/// (document, claim, other document) triples.
type Triples = Vec<(usize, usize, usize)>;

/// Claims that the alignment merged into a 2-1 (or 3-1) link although the
/// other version has nothing for them: (document, claim, other document).
/// A version that drops a sentence leaves its neighbour to take its place
/// in a merge; the merge is then too long for its counterpart, and the
/// dropped claim shares little with it, while the rest fits it alone.
///
/// Also a gap next to a one-to-one link whose claim is more like the gap's
/// claim than its own: the alignment put the gap on the wrong one of two
/// neighbours. Returns the triples to drop and the triples to add.
fn misplaced(docs: &[AnalysedDocument], alignment: &Alignment) -> (Triples, Triples) {
    let (mut out, mut add) = (Vec::new(), Vec::new());
    let merged = |l: &crate::alignment::Link| l.claims_a.len().max(l.claims_b.len()) > 1;
    let mut linked: Vec<(usize, usize, usize)> = Vec::new();
    for l in &alignment.links {
        linked.extend(l.claims_a.iter().map(|&c| (l.doc_a, c, l.doc_b)));
        linked.extend(l.claims_b.iter().map(|&c| (l.doc_b, c, l.doc_a)));
    }
    crate::sort::sort(&mut linked);
    let is_linked = |t: (usize, usize, usize)| linked.binary_search(&t).is_ok();
    let gap_beside_single = alignment.links.iter().any(|l| {
        l.claims_a.len() == 1
            && l.claims_b.len() == 1
            && [
                (l.doc_a, l.claims_a[0], l.doc_b),
                (l.doc_b, l.claims_b[0], l.doc_a),
            ]
            .iter()
            .any(|&(d, c, e)| (c > 0 && !is_linked((d, c - 1, e))) || !is_linked((d, c + 1, e)))
    });
    if !alignment.links.iter().any(merged) && !gap_beside_single {
        return (out, add);
    }
    let refs: Vec<&AnalysedDocument> = docs.iter().collect();
    let vectors = similarity::vectors(&refs);
    for l in alignment.links.iter() {
        if l.claims_a.len() != 1 || l.claims_b.len() != 1 {
            continue;
        }
        for (d, c, e, k) in [
            (l.doc_a, l.claims_a[0], l.doc_b, l.claims_b[0]),
            (l.doc_b, l.claims_b[0], l.doc_a, l.claims_a[0]),
        ] {
            for gap in [c.wrapping_sub(1), c + 1] {
                if gap >= docs[d].claims.len() || is_linked((d, gap, e)) {
                    continue;
                }
                let own = similarity::similarity(&vectors[d][c], &vectors[e][k]);
                let other = similarity::similarity(&vectors[d][gap], &vectors[e][k]);
                if other > own {
                    out.push((d, c, e));
                    add.push((d, gap, e));
                }
            }
        }
    }
    for link in alignment.links.iter().filter(|&l| merged(l)) {
        let (a, b) = (link.doc_a, link.doc_b);
        // Each side in turn as the merged one, against the other side.
        for (d, many, e, few) in [
            (a, &link.claims_a, b, &link.claims_b),
            (b, &link.claims_b, a, &link.claims_a),
        ] {
            if many.len() < 2 || few.len() >= many.len() || few.is_empty() {
                continue;
            }
            let ratio = length_ratio(alignment, &vectors, d, e);
            let join = |claims: &mut dyn Iterator<Item = usize>, v: &[ClaimVector]| {
                claims.fold(None, |acc: Option<ClaimVector>, c| {
                    Some(match acc {
                        Some(m) => m.merged(&v[c]),
                        None => v[c].clone(),
                    })
                })
            };
            let Some(other) = join(&mut few.iter().copied(), &vectors[e]) else {
                continue;
            };
            let all_chars: usize = many.iter().map(|&c| vectors[d][c].chars).sum();
            let misfit_all = misfit(all_chars, other.chars, ratio);
            if misfit_all < MERGE_MISFIT {
                continue;
            }
            // By words where they tell the claims apart; where neither the
            // claim nor the rest shares a word with the counterpart (distant
            // languages), by length alone: the rest that fits best.
            let mut best: Option<(usize, f64)> = None;
            let mut by_length: Option<(usize, f64)> = None;
            let mut wordless = true;
            for &c in many.iter() {
                let Some(rest) = join(&mut many.iter().copied().filter(|&k| k != c), &vectors[d])
                else {
                    continue;
                };
                let alone = similarity::similarity(&vectors[d][c], &other);
                let kept = similarity::similarity(&rest, &other);
                wordless &= alone <= 0.0 && kept <= 0.0;
                let rest_misfit = misfit(rest.chars, other.chars, ratio);
                if rest_misfit >= misfit_all {
                    continue;
                }
                if alone < LEFT_OUT_SIMILARITY * kept && best.map_or(true, |(_, s)| alone < s) {
                    best = Some((c, alone));
                }
                if by_length.map_or(true, |(_, m)| rest_misfit < m) {
                    by_length = Some((c, rest_misfit));
                }
            }
            if let Some((c, _)) = best.or(by_length.filter(|_| wordless)) {
                out.push((d, c, e));
            }
        }
    }
    (out, add)
}

/// The ratio of `e`'s claim lengths to `d`'s, from their one-to-one links
/// (the median), or 1 when there are none.
fn length_ratio(alignment: &Alignment, vectors: &[Vec<ClaimVector>], d: usize, e: usize) -> f64 {
    let mut ratios: Vec<f64> = alignment
        .links
        .iter()
        .filter(|l| l.claims_a.len() == 1 && l.claims_b.len() == 1)
        .filter_map(|l| {
            let (cd, ce) = if (l.doc_a, l.doc_b) == (d, e) {
                (l.claims_a[0], l.claims_b[0])
            } else if (l.doc_a, l.doc_b) == (e, d) {
                (l.claims_b[0], l.claims_a[0])
            } else {
                return None;
            };
            let (ld, le) = (vectors[d].get(cd)?.chars, vectors[e].get(ce)?.chars);
            Some(le.max(1) as f64 / ld.max(1) as f64)
        })
        .collect();
    crate::sort::sort_by(&mut ratios, f64::total_cmp);
    ratios.get(ratios.len() / 2).copied().unwrap_or(1.0)
}

/// How many standard deviations a claim of `ld` characters and its
/// translation of `le` are from the expected lengths.
fn misfit(ld: usize, le: usize, ratio: f64) -> f64 {
    let (ld, le) = (ld as f64, le as f64);
    let mean = (ld + le / ratio) / 2.0;
    ((le - ld * ratio) / (mean.max(1.0) * LENGTH_VARIANCE).sqrt()).abs()
}

/// Documents that lack a claim, and the (document, claim) pairs that have it.
type Finding = (Vec<usize>, Vec<(usize, usize)>);

/// Omissions in one group: the claims that some versions left unlinked,
/// one discrepancy per set of versions that lack them. In translation mode
/// every dropped claim is a translation error; in news mode a report may
/// simply tell less, so only claims carrying facts are reported, as information.
pub fn detect(
    docs: &[AnalysedDocument],
    group: &Group,
    links: &DirectLinks,
    mode: Mode,
) -> Vec<Discrepancy> {
    let mut findings: Vec<Finding> = Vec::new();
    for (d, claims) in group.claims.iter().enumerate() {
        for &c in claims {
            let mut lacking: Vec<usize> = Vec::new();
            for e in 0..docs.len() {
                if e != d && !links.linked(d, c, e) && !triangulated(group, links, d, e) {
                    lacking.push(e);
                }
            }
            if lacking.is_empty() {
                continue;
            }
            match findings.iter_mut().find(|(l, _)| *l == lacking) {
                Some((_, having)) => having.push((d, c)),
                None => findings.push((lacking, vec![(d, c)])),
            }
        }
    }
    let mut found = Vec::new();
    for (lacking, having) in findings {
        // A claim present in every version but unlinked to one of its own
        // kind's versions is not an omission of those that have it.
        let lacking: Vec<usize> = lacking
            .into_iter()
            .filter(|e| !having.iter().any(|(d, _)| d == e))
            .collect();
        if lacking.is_empty() {
            continue;
        }
        found.extend(describe(docs, group, &lacking, &having, mode));
    }
    found
}

/// Whether most other versions that link the claim of `d` also link it to
/// `e`'s claims in the group: then `e` has the claim, and only the direct link
/// was missed (a name rendered differently weakens one pair's similarity).
fn triangulated(group: &Group, links: &DirectLinks, d: usize, e: usize) -> bool {
    let (mut via, mut not) = (0, 0);
    for (f, claims) in group.claims.iter().enumerate() {
        if f == d || f == e || !claims.iter().any(|&k| links.linked(f, k, d)) {
            continue;
        }
        let to_e = claims.iter().any(|&k| {
            links.linked(f, k, e) && group.claims[e].iter().any(|&m| links.linked(e, m, f))
        });
        if to_e {
            via += 1;
        } else {
            not += 1;
        }
    }
    via > not
}

fn describe(
    docs: &[AnalysedDocument],
    group: &Group,
    lacking: &[usize],
    having: &[(usize, usize)],
    mode: Mode,
) -> Option<Discrepancy> {
    let has_facts = having
        .iter()
        .any(|&(d, c)| !docs[d].claims[c].facts.is_empty());
    let severity = match (mode, has_facts) {
        (Mode::News, false) => return None,
        (Mode::News, true) => Severity::Info,
        (_, true) => Severity::Error,
        (_, false) => Severity::Warning,
    };
    let evidence: Vec<Evidence> = having
        .iter()
        .map(|&(d, c)| Evidence {
            doc: d,
            claim: c,
            start: docs[d].claims[c].start,
            end: docs[d].claims[c].end,
        })
        .collect();
    let mut present: Vec<usize> = having.iter().map(|&(d, _)| d).collect();
    present.dedup();
    let first = &evidence[0];
    let quoted = docs[first.doc].claim_text(&docs[first.doc].claims[first.claim]);
    let excerpt: String = quoted.chars().take(EXCERPT_CHARS).collect();
    let ellipsis = if quoted.chars().count() > EXCERPT_CHARS {
        "…"
    } else {
        ""
    };
    // The fingerprint names the versions that lack the claim and the claim's
    // own words in each version that has it: edits elsewhere leave it alone,
    // and so does the order in which documents are given.
    let lacks = format!("lacks:{}", sorted_ids(docs, lacking));
    let mut parts: Vec<&str> = evidence
        .iter()
        .map(|e| docs[e.doc].claim_text(&docs[e.doc].claims[e.claim]))
        .collect();
    parts.push(&lacks);
    Some(Discrepancy {
        kind: DiscrepancyKind::Omission,
        severity,
        confidence: if present.len() > 1 {
            0.5 + 0.5 * group.score
        } else {
            0.6
        },
        message: format!(
            "Only in {}, missing in {}: “{excerpt}{ellipsis}”",
            doc_list(docs, &present),
            doc_list(docs, lacking)
        ),
        fingerprint: fingerprint("omission", &parts),
        evidence,
    })
}

fn sorted_ids(docs: &[AnalysedDocument], indices: &[usize]) -> String {
    let mut ids: Vec<&str> = indices.iter().map(|&d| docs[d].id()).collect();
    crate::sort::sort(&mut ids);
    ids.join(",")
}

#[cfg(test)]
mod tests {
    use crate::DiscrepancyKind;

    #[test]
    fn a_sentence_merged_away_is_missing() {
        let pl = "Prezydent przyjechał do Pjongjangu we wtorek wieczorem. \
                  Na lotnisku powitał go Kim Dzong Un z orkiestrą wojskową i tłumem mieszkańców. \
                  Rozmowy trwały dwa dni.";
        let sl = "Predsednik je v torek zvečer prispel v Pjongjang. Pogovori so trajali dva dni.";
        let found =
            crate::discrepancies::messages_in_translation(DiscrepancyKind::Omission, pl, sl);
        assert!(found.iter().any(|m| m.contains("Na lotnisku")), "{found:?}");
    }
}
