//! Numbers that differ between aligned claims.
//!
//! In each group, the numbers of every two versions are paired: equal values
//! first (within the tolerance), then what is left by the thing counted and
//! by order. Pairs chain across versions, so "1.8 million in sl against
//! 1.6 million in pl, sr, en" is one discrepancy, not three.

use super::fingerprint::fingerprint;
use super::{Discrepancy, DiscrepancyKind, Evidence, Severity};
use crate::alignment::{groups::DisjointSets, Group};
use crate::claims::AnalysedDocument;
use crate::facts::Fact;
use crate::{Mode, Options};

/// A number of a group: which document, which claim, which fact.
struct Slot<'a> {
    doc: usize,
    claim: usize,
    fact: &'a Fact,
}

pub fn detect(
    docs: &[AnalysedDocument],
    group: &Group,
    mode: Mode,
    options: &Options,
) -> Vec<Discrepancy> {
    let slots: Vec<Slot> = group
        .claims
        .iter()
        .enumerate()
        .flat_map(|(doc, claims)| {
            claims.iter().flat_map(move |&claim| {
                docs[doc].claims[claim]
                    .facts
                    .iter()
                    .map(move |fact| Slot { doc, claim, fact })
            })
        })
        .collect();
    if slots.len() < 2 {
        return Vec::new();
    }
    let present: Vec<usize> = (0..docs.len())
        .filter(|&d| !group.claims[d].is_empty())
        .collect();
    let mut sets = DisjointSets::new(slots.len());
    let mut disagrees = vec![false; slots.len()];
    for (k, &x) in present.iter().enumerate() {
        for &y in &present[k + 1..] {
            for (i, j, same) in pair_numbers(&slots, x, y, options.numeric_tolerance) {
                sets.union(i, j);
                if !same {
                    disagrees[i] = true;
                    disagrees[j] = true;
                }
            }
        }
    }
    // One discrepancy per chain of paired numbers that holds a disagreement.
    let mut components: Vec<(usize, Vec<usize>)> = Vec::new();
    for s in 0..slots.len() {
        let root = sets.find(s);
        match components.iter_mut().find(|(r, _)| *r == root) {
            Some((_, members)) => members.push(s),
            None => components.push((root, vec![s])),
        }
    }
    components
        .into_iter()
        .filter(|(_, members)| members.iter().any(|&s| disagrees[s]))
        .map(|(_, members)| describe(docs, &slots, &members, group.score, mode))
        .collect()
}

/// Pairs the numbers of documents `x` and `y`: (slot, slot, same value?).
fn pair_numbers(slots: &[Slot], x: usize, y: usize, tolerance: f64) -> Vec<(usize, usize, bool)> {
    let mut left: Vec<usize> = (0..slots.len()).filter(|&s| slots[s].doc == x).collect();
    let mut right: Vec<usize> = (0..slots.len()).filter(|&s| slots[s].doc == y).collect();
    let mut pairs = Vec::new();
    let mut take = |left: &mut Vec<usize>,
                    right: &mut Vec<usize>,
                    fits: &dyn Fn(&Fact, &Fact) -> bool,
                    same: bool| {
        let mut i = 0;
        while i < left.len() {
            if let Some(j) = right
                .iter()
                .position(|&r| fits(slots[left[i]].fact, slots[r].fact))
            {
                pairs.push((left[i], right[j], same));
                left.remove(i);
                right.remove(j);
            } else {
                i += 1;
            }
        }
    };
    take(
        &mut left,
        &mut right,
        &|a, b| same_value(a, b, tolerance),
        true,
    );
    // What is left differs; pair it by the thing counted, then by order.
    take(
        &mut left,
        &mut right,
        &|a, b| a.percent == b.percent && same_counted(a, b),
        false,
    );
    take(&mut left, &mut right, &|a, b| a.percent == b.percent, false);
    pairs
}

fn same_value(a: &Fact, b: &Fact, tolerance: f64) -> bool {
    a.percent == b.percent
        && (a.value - b.value).abs() <= tolerance * a.value.abs().max(b.value.abs())
}

fn same_counted(a: &Fact, b: &Fact) -> bool {
    let stem = |f: &Fact| {
        f.counted
            .as_ref()
            .map(|c| c.chars().take(4).collect::<String>())
    };
    stem(a).is_some() && stem(a) == stem(b)
}

fn describe(
    docs: &[AnalysedDocument],
    slots: &[Slot],
    members: &[usize],
    score: f64,
    mode: Mode,
) -> Discrepancy {
    // Values with the documents that state each, the rarer value first.
    let mut by_value: Vec<(f64, bool, Vec<usize>)> = Vec::new();
    for &s in members {
        let fact = slots[s].fact;
        match by_value
            .iter_mut()
            .find(|(v, p, _)| *v == fact.value && *p == fact.percent)
        {
            Some((_, _, ds)) if !ds.contains(&slots[s].doc) => ds.push(slots[s].doc),
            Some(_) => {}
            None => by_value.push((fact.value, fact.percent, vec![slots[s].doc])),
        }
    }
    by_value.sort_unstable_by(|a, b| {
        (a.2.len().cmp(&b.2.len()))
            .then(a.0.total_cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    let message = by_value
        .iter()
        .map(|(v, p, ds)| format!("{} in {}", format_value(*v, *p), super::doc_list(docs, ds)))
        .collect::<Vec<_>>()
        .join(" vs ");
    let evidence: Vec<Evidence> = members
        .iter()
        .map(|&s| Evidence {
            doc: slots[s].doc,
            claim: slots[s].claim,
            start: slots[s].fact.start,
            end: slots[s].fact.end,
        })
        .collect();
    let parts: Vec<String> = evidence
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                docs[e.doc].id(),
                &docs[e.doc].source.text[e.start..e.end]
            )
        })
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    Discrepancy {
        kind: DiscrepancyKind::Number,
        severity: match mode {
            Mode::News => Severity::Warning,
            _ => Severity::Error,
        },
        confidence: (0.5 + 0.5 * score).min(1.0),
        message: format!("Different numbers: {message}"),
        evidence,
        fingerprint: fingerprint("number", &parts),
    }
}

/// "1.6 million", "10000", "12.5%".
///
/// ```
/// use claimdiff::discrepancies::numbers::format_value;
/// assert_eq!(format_value(1_600_000.0, false), "1.6 million");
/// assert_eq!(format_value(12.5, true), "12.5%");
/// assert_eq!(format_value(2024.0, false), "2024");
/// ```
pub fn format_value(value: f64, percent: bool) -> String {
    // Integer arithmetic instead of float formatting, which costs kilobytes of wasm.
    let plain = |v: f64| {
        let thousandths = (v.abs() * 1000.0).round() as u64;
        let sign = if v < 0.0 && thousandths > 0 { "-" } else { "" };
        let (whole, fraction) = (thousandths / 1000, thousandths % 1000);
        let fraction = format!("{fraction:03}");
        let fraction = fraction.trim_end_matches('0');
        if fraction.is_empty() {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{fraction}")
        }
    };
    if percent {
        return format!("{}%", plain(value));
    }
    for (scale, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if value.abs() >= scale {
            return format!("{} {name}", plain(value / scale));
        }
    }
    plain(value)
}
