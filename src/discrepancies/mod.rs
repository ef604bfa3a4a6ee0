//! Discrepancies: what differs between aligned claims, said plainly.

pub mod attribution;
pub mod conflict;
pub mod dates;
pub mod fingerprint;
pub mod names;
pub mod numbers;
pub mod omission;

use crate::alignment::Alignment;
use crate::claims::AnalysedDocument;
use crate::Options;
use serde::Serialize;

/// The kinds of difference claimdiff reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiscrepancyKind {
    /// The same quantity with a different value.
    Number,
    /// The same date with a different day, month or year.
    Date,
    /// A name whose counterpart is a different name ("Aurus" / "Урус").
    Name,
    /// The same quotation or claim in a different speaker's or source's mouth.
    Attribution,
    /// A claim with no counterpart in some version.
    Omission,
    /// Two figures for one quantity from different sources ("three times higher").
    Conflict,
}

/// How much a discrepancy matters; ordered from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    #[default]
    Info,
    Warning,
    Error,
}

impl Severity {
    /// Parses `"info"`, `"warning"` or `"error"`.
    ///
    /// ```
    /// use claimdiff::Severity;
    /// assert_eq!(Severity::parse("error"), Some(Severity::Error));
    /// assert!(Severity::Warning > Severity::Info);
    /// ```
    pub fn parse(name: &str) -> Option<Severity> {
        match name {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// A span of one document that a discrepancy points at (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub doc: usize,
    pub claim: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Discrepancy {
    pub kind: DiscrepancyKind,
    pub severity: Severity,
    pub confidence: f64,
    pub message: String,
    pub evidence: Vec<Evidence>,
    pub fingerprint: String,
}

/// What `detect` found, and how many it left out on the user's request.
pub struct Found {
    pub discrepancies: Vec<Discrepancy>,
    pub suppressed: usize,
}

/// Finds discrepancies in every group of aligned claims, then applies the
/// user's minimum severity and suppressed fingerprints.
pub fn detect(docs: &[AnalysedDocument], alignment: &Alignment, options: &Options) -> Found {
    let mut all = Vec::new();
    let direct = omission::DirectLinks::new(docs, alignment);
    for group in &alignment.groups {
        all.extend(numbers::detect(docs, group, alignment.mode, options));
        all.extend(names::detect(docs, group, alignment.mode));
        all.extend(attribution::detect(docs, group, alignment.mode));
        all.extend(omission::detect(docs, group, &direct, alignment.mode));
    }
    all.extend(conflict::detect(docs, alignment));
    let before = all.len();
    all.retain(|d| {
        d.severity >= options.min_severity && !options.suppress.contains(&d.fingerprint)
    });
    Found {
        suppressed: before - all.len(),
        discrepancies: all,
    }
}

/// Translation errors are errors; independent reports may differ for good
/// reasons, so the same finding there is a warning.
pub(crate) fn by_mode(mode: crate::Mode) -> Severity {
    match mode {
        crate::Mode::News => Severity::Warning,
        _ => Severity::Error,
    }
}

/// The ids of documents, joined for messages: "pl, sr".
pub(crate) fn doc_list(docs: &[AnalysedDocument], indices: &[usize]) -> String {
    indices
        .iter()
        .map(|&d| docs[d].id())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Messages of one kind when two texts are compared in translation mode:
/// what the unit tests of each kind look at.
#[cfg(test)]
pub(crate) fn messages_in_translation(kind: DiscrepancyKind, a: &str, b: &str) -> Vec<String> {
    let docs = [crate::Document::new("a", a), crate::Document::new("b", b)];
    let options = Options {
        mode: crate::Mode::Translation,
        ..Options::default()
    };
    crate::compare(&docs, &options)
        .expect("two texts compare")
        .discrepancies
        .into_iter()
        .filter(|d| d.kind == kind)
        .map(|d| d.message)
        .collect()
}
