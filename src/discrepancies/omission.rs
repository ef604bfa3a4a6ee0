//! Claims that some versions have and others lack.

use super::fingerprint::fingerprint;
use super::{doc_list, Discrepancy, DiscrepancyKind, Evidence, Severity};
use crate::alignment::Group;
use crate::claims::AnalysedDocument;
use crate::Mode;

/// Characters of the claim quoted in the message.
const EXCERPT_CHARS: usize = 80;

/// An omission when a group misses some documents. In translation mode every
/// dropped claim is a translation error; in news mode a report may simply
/// tell less, so only claims carrying facts are reported, as information.
pub fn detect(docs: &[AnalysedDocument], group: &Group, mode: Mode) -> Option<Discrepancy> {
    let present: Vec<usize> = (0..docs.len())
        .filter(|&d| !group.claims[d].is_empty())
        .collect();
    let missing: Vec<usize> = (0..docs.len())
        .filter(|&d| group.claims[d].is_empty())
        .collect();
    if missing.is_empty() {
        return None;
    }
    let has_facts = present.iter().any(|&d| {
        group.claims[d]
            .iter()
            .any(|&c| !docs[d].claims[c].facts.is_empty())
    });
    let severity = match (mode, has_facts) {
        (Mode::News, false) => return None,
        (Mode::News, true) => Severity::Info,
        (_, true) => Severity::Error,
        (_, false) => Severity::Warning,
    };
    let evidence: Vec<Evidence> = present
        .iter()
        .flat_map(|&d| {
            group.claims[d].iter().map(move |&c| {
                let claim = &docs[d].claims[c];
                Evidence {
                    doc: d,
                    claim: c,
                    start: claim.start,
                    end: claim.end,
                }
            })
        })
        .collect();
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
    let lacks = format!("lacks:{}", sorted_ids(docs, &missing));
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
            doc_list(docs, &missing)
        ),
        fingerprint: fingerprint("omission", &parts),
        evidence,
    })
}

fn sorted_ids(docs: &[AnalysedDocument], indices: &[usize]) -> String {
    let mut ids: Vec<&str> = indices.iter().map(|&d| docs[d].id()).collect();
    ids.sort_unstable();
    ids.join(",")
}
