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
    // The fingerprint names who has the claim and who lacks it, and the claim's
    // own words, so it survives edits elsewhere in the documents.
    let who = format!(
        "has:{} lacks:{}",
        doc_list(docs, &present),
        doc_list(docs, &missing)
    );
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
        fingerprint: fingerprint("omission", &[&who, quoted]),
        evidence,
    })
}
