//! claimdiff compares versions of one story across languages.
//!
//! The pipeline follows the folders of this crate:
//! `text` (languages, normalization, UTF-16 offsets) → `claims` (sentences) →
//! `facts` (numbers read out of claims) → `alignment` (which claims say the
//! same thing) → `discrepancies` (what differs) → `report` (what JS receives).
//!
//! ```
//! use claimdiff::{compare, Document, Options};
//!
//! let docs = vec![
//!     Document::new("pl", "Putin obiecał Korei 1,6 mln pocisków."),
//!     Document::new("sr", "Путин је обећао Кореји 1,8 милиона граната."),
//! ];
//! let report = compare(&docs, &Options::default()).unwrap();
//! let found = &report.discrepancies[0];
//! assert_eq!(found.kind, claimdiff::DiscrepancyKind::Number);
//! assert_eq!(found.evidence[1].text, "1,8 милиона");
//! ```

pub mod alignment;
pub mod claims;
pub mod discrepancies;
pub mod facts;
pub mod input;
pub mod report;
pub mod sort;
pub mod text;

#[cfg(target_family = "wasm")]
mod wasm;

pub use discrepancies::{DiscrepancyKind, Severity};
pub use input::{Document, Error, ErrorCode, Mode, Options};
pub use report::Report;

/// The version of this crate, as written in the report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Compares two or more documents and reports the claims that differ.
///
/// `timings` is filled natively; on wasm `std::time` panics, so the binding
/// times the call with the JS clock instead.
pub fn compare(documents: &[Document], options: &Options) -> Result<Report, Error> {
    #[cfg(not(target_family = "wasm"))]
    let started = std::time::Instant::now();
    input::validate(documents, options)?;
    let mut analysed: Vec<claims::AnalysedDocument> = documents
        .iter()
        .map(|doc| claims::AnalysedDocument::new(doc, options))
        .collect();
    let alignment = alignment::align(&analysed, options.mode);
    let found = discrepancies::detect(&analysed, &alignment, options);
    // The words of the claims are not reported: freed before the report is
    // built, which is when memory peaks.
    for claim in analysed.iter_mut().flat_map(|d| d.claims.iter_mut()) {
        claim.words = Vec::new();
    }
    #[allow(unused_mut)]
    let mut report = report::build(&analysed, alignment, found);
    #[cfg(not(target_family = "wasm"))]
    {
        report.timings.total_ms = started.elapsed().as_secs_f64() * 1000.0;
    }
    Ok(report)
}
