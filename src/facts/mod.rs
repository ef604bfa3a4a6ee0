//! Facts read out of a claim: here, numbers with their normalized values.
//! Later stages compare facts, not words, so "1,6 mln" meets "1.6 million".

pub mod numbers;

/// What kind of fact a span holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    Number,
}

/// A fact with its byte span in the document and its normalized value.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub kind: FactKind,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub percent: bool,
    /// Neutral key of the word after the number (what is counted), if any.
    pub counted: Option<String>,
}

/// Facts of the claim at `start..end` of `text`, written in language `lang`.
pub fn extract(text: &str, start: usize, end: usize, lang: &str) -> Vec<Fact> {
    numbers::find(text, start, end, lang)
}
