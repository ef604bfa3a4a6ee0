//! Claims: the sentences of a document, each with its words and facts.

pub mod segment;

use crate::facts::{self, Fact};
use crate::text::{language, tokens};
use crate::{Document, Options};

/// One claim (a sentence) of a document. Offsets are bytes into the document.
#[derive(Debug, Clone)]
pub struct Claim {
    pub start: usize,
    pub end: usize,
    pub words: Vec<tokens::Token>,
    pub facts: Vec<Fact>,
}

/// A document read into claims: what every later stage works on.
#[derive(Debug, Clone)]
pub struct AnalysedDocument<'a> {
    pub source: &'a Document,
    pub lang: String,
    pub lang_detected: bool,
    pub claims: Vec<Claim>,
}

impl<'a> AnalysedDocument<'a> {
    pub fn new(source: &'a Document, options: &Options) -> Self {
        Self::from_sentences(source, &segment::sentences(&source.text), options)
    }

    /// A document whose sentences are already known (byte ranges), as in
    /// sentence-aligned evaluation data.
    pub fn from_sentences(
        source: &'a Document,
        sentences: &[(usize, usize)],
        options: &Options,
    ) -> Self {
        let given = source.lang.as_ref().or(options.lang.as_ref());
        let (lang, lang_detected) = match given {
            Some(lang) if !lang.trim().is_empty() => (lang.trim().to_string(), false),
            _ => (language::detect(&source.text).to_string(), true),
        };
        let text = &source.text;
        let context = facts::Context::new(text, &lang, source.date.as_deref());
        let mut claims: Vec<Claim> = sentences
            .iter()
            .map(|&(start, end)| Claim {
                start,
                end,
                words: tokens::words(&text[start..end], start),
                facts: facts::extract(text, start, end, &context),
            })
            .collect();
        let mut all: Vec<&mut Fact> = claims.iter_mut().flat_map(|c| c.facts.iter_mut()).collect();
        facts::link_relatives(&mut all);
        AnalysedDocument {
            source,
            lang,
            lang_detected,
            claims,
        }
    }

    pub fn id(&self) -> &str {
        &self.source.id
    }

    pub fn claim_text(&self, claim: &Claim) -> &str {
        &self.source.text[claim.start..claim.end]
    }
}
