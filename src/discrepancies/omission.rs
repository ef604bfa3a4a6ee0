//! Claims that some versions have and others lack.
//!
//! A claim is missing in another version when the alignment of those two
//! versions left it unlinked. Groups across many versions are joined
//! transitively, so a claim can share a row with a version that never
//! linked it (merged into a neighbour there); the pairwise links decide.

use super::fingerprint::fingerprint;
use super::{doc_list, Discrepancy, DiscrepancyKind, Evidence, Severity};
use crate::alignment::{Alignment, Group};
use crate::claims::AnalysedDocument;
use crate::Mode;

/// Characters of the claim quoted in the message.
const EXCERPT_CHARS: usize = 80;

/// Which (document, claim) is linked directly to which other document.
pub struct DirectLinks(Vec<(usize, usize, usize)>);

impl DirectLinks {
    pub fn new(alignment: &Alignment) -> Self {
        let mut set = Vec::new();
        for link in &alignment.links {
            set.extend(link.claims_a.iter().map(|&c| (link.doc_a, c, link.doc_b)));
            set.extend(link.claims_b.iter().map(|&c| (link.doc_b, c, link.doc_a)));
        }
        crate::sort::sort(&mut set);
        DirectLinks(set)
    }

    fn linked(&self, doc: usize, claim: usize, other: usize) -> bool {
        self.0.binary_search(&(doc, claim, other)).is_ok()
    }
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
            let lacking: Vec<usize> = (0..docs.len())
                .filter(|&e| e != d && !links.linked(d, c, e))
                .filter(|&e| !triangulated(group, links, d, e))
                .collect();
            if lacking.is_empty() {
                continue;
            }
            match findings.iter_mut().find(|(l, _)| *l == lacking) {
                Some((_, having)) => having.push((d, c)),
                None => findings.push((lacking, vec![(d, c)])),
            }
        }
    }
    findings
        .into_iter()
        // A claim present in every version but unlinked to one of its own
        // kind's versions is not an omission of those that have it.
        .map(|(lacking, having)| {
            let lacking: Vec<usize> = lacking
                .into_iter()
                .filter(|e| !having.iter().any(|(d, _)| d == e))
                .collect();
            (lacking, having)
        })
        .filter(|(lacking, _)| !lacking.is_empty())
        .filter_map(|(lacking, having)| describe(docs, group, &lacking, &having, mode))
        .collect()
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
