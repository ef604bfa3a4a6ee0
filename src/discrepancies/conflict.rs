//! Conflicting figures: two figures for one quantity from different
//! sources. "C4ADS estimates about 1.6 million shells. South Korean
//! intelligence believes it may be three times higher": the multiplier is
//! resolved against the figure it refers to (3 × 1.6 million = 4.8 million)
//! and both figures are reported with who gives them.
//!
//! Facts extraction links each multiplier to the closest plain figure before
//! it (`Relative::to`); a multiplier in the same or the next claim makes a
//! conflict. The same conflict in several versions (claims in one alignment
//! group) is reported once, with every version's figures as evidence.

use super::fingerprint::fingerprint;
use super::numbers::format_value;
use super::{Discrepancy, DiscrepancyKind, Evidence, Severity};
use crate::alignment::Alignment;
use crate::claims::AnalysedDocument;
use crate::facts::{Fact, FactKind};

/// One document's pair of figures: (claim, fact) of the base and the multiplier.
struct Pair<'a> {
    doc: usize,
    base: (usize, &'a Fact),
    relative: (usize, &'a Fact),
    factor: f64,
}

pub fn detect(docs: &[AnalysedDocument], alignment: &Alignment) -> Vec<Discrepancy> {
    let mut pairs: Vec<Pair> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        // Facts of the document in order, as `Relative::to` indexes them.
        let mut facts: Vec<(usize, &Fact)> = Vec::new();
        for (c, claim) in doc.claims.iter().enumerate() {
            facts.extend(claim.facts.iter().map(|f| (c, f)));
        }
        for &(c, fact) in &facts {
            let Some(rel) = fact.quantity().and_then(|q| q.relative) else {
                continue;
            };
            let Some(&(bc, base)) = rel.to.and_then(|i| facts.get(i)) else {
                continue;
            };
            if c - bc <= 1 && rel.factor != 1.0 && base.quantity().is_some() {
                pairs.push(Pair {
                    doc: d,
                    base: (bc, base),
                    relative: (c, fact),
                    factor: rel.factor,
                });
            }
        }
    }
    // Pairs whose multipliers share an alignment group are one conflict.
    let group_of = |d: usize, c: usize| {
        alignment
            .groups
            .iter()
            .position(|g| g.claims[d].contains(&c))
    };
    let mut merged: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    for (p, pair) in pairs.iter().enumerate() {
        let g = group_of(pair.doc, pair.relative.0);
        match merged.iter_mut().find(|(h, _)| g.is_some() && *h == g) {
            Some((_, ps)) => ps.push(p),
            None => merged.push((g, vec![p])),
        }
    }
    merged
        .into_iter()
        .map(|(_, ps)| describe(docs, &pairs, &ps))
        .collect()
}

/// Who gives the figures of claim `c`: its source ("według C4ADS") or,
/// failing that, a name in capitals (an acronym such as "C4ADS") or the
/// first name of the claim.
fn who<'a>(doc: &'a AnalysedDocument, c: usize) -> Option<&'a str> {
    let facts = &doc.claims[c].facts;
    let text = |f: &Fact| &doc.source.text[f.start..f.end];
    let acronym = |f: &&Fact| {
        let t = text(f);
        t.chars()
            .filter(|ch| ch.is_alphabetic())
            .all(char::is_uppercase)
    };
    facts
        .iter()
        .find(|f| f.kind == FactKind::Source)
        .or_else(|| {
            let names = facts.iter().filter(|f| f.kind == FactKind::Entity);
            names.clone().find(acronym).or_else(|| names.clone().next())
        })
        .map(text)
}

fn describe(docs: &[AnalysedDocument], pairs: &[Pair], members: &[usize]) -> Discrepancy {
    // One arithmetic line per distinct pair of figures, with its versions.
    let mut lines: Vec<(String, Vec<usize>)> = Vec::new();
    let mut named_both = false;
    for &p in members {
        let pair = &pairs[p];
        let doc = &docs[pair.doc];
        let Some(q) = pair.base.1.quantity() else {
            continue;
        };
        let from = |c: usize| who(doc, c).map(|w| format!(" ({w})")).unwrap_or_default();
        let (src_base, src_rel) = (from(pair.base.0), from(pair.relative.0));
        named_both |= !src_base.is_empty() && !src_rel.is_empty() && src_base != src_rel;
        let line = format!(
            "{} × {} = {}{src_rel} vs {}{src_base}",
            format_value(pair.factor, false),
            format_value(q.value, q.percent),
            format_value(pair.factor * q.value, q.percent),
            format_value(q.value, q.percent),
        );
        match lines
            .iter_mut()
            .find(|(l, _)| l.split(" (").next() == line.split(" (").next())
        {
            Some((_, ds)) => ds.push(pair.doc),
            None => lines.push((line, vec![pair.doc])),
        }
    }
    let message = lines
        .iter()
        .map(|(line, ds)| format!("{line} in {}", super::doc_list(docs, ds)))
        .collect::<Vec<_>>()
        .join("; ");
    let mut evidence = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    for &p in members {
        let pair = &pairs[p];
        for (c, f) in [pair.base, pair.relative] {
            evidence.push(Evidence {
                doc: pair.doc,
                claim: c,
                start: f.start,
                end: f.end,
            });
            parts.push(format!(
                "{}:{}",
                docs[pair.doc].id(),
                &docs[pair.doc].source.text[f.start..f.end]
            ));
        }
    }
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    Discrepancy {
        kind: DiscrepancyKind::Conflict,
        // Both figures are in the text: a real difference for the reader to
        // weigh, not an error of any version.
        severity: if named_both {
            Severity::Warning
        } else {
            Severity::Info
        },
        confidence: if named_both { 0.7 } else { 0.5 },
        message: format!("Conflicting figures: {message}"),
        evidence,
        fingerprint: fingerprint("conflict", &parts),
    }
}

#[cfg(test)]
mod tests {
    use crate::{compare, DiscrepancyKind, Document, Options, Severity};

    #[test]
    fn three_times_higher() {
        let en = "C4ADS estimates that North Korea has delivered about 1.6 million shells. \
                  South Korean intelligence believes the real number may be three times higher.";
        let pl = "Ośrodek C4ADS szacuje, że Korea Północna przekazała około 1,6 mln pocisków. \
                  Wywiad Korei Południowej ocenia, że liczba może być trzykrotnie wyższa.";
        let docs = [Document::new("en", en), Document::new("pl", pl)];
        let report = compare(&docs, &Options::default()).unwrap();
        let conflict = report
            .discrepancies
            .iter()
            .find(|d| d.kind == DiscrepancyKind::Conflict)
            .expect("the conflict is found");
        assert!(
            conflict.message.contains("3 × 1.6 million = 4.8 million"),
            "{}",
            conflict.message
        );
        assert_eq!(conflict.severity, Severity::Warning);
        assert_eq!(conflict.evidence.len(), 4);
    }
}
