//! Facts read out of a claim, each with its byte span and a normalized value:
//! quantities, dates, durations, names, quotations and sources. Later stages
//! compare facts, not words, so "1,6 mln" meets "1.6 million" and "Путина"
//! meets "Putina".
//!
//! One file per transform: `numbers` (digits), `number_words` (cardinals in
//! words), `quantities` (qualifiers, ranges, percentages, the thing counted),
//! `relative` (multipliers like "trzykrotnie"), `dates`, `entities`, `quotes`.
//! The words they read with are in `lexicon`, one file per language.

pub mod dates;
pub mod entities;
pub mod lexicon;
pub mod number_words;
pub mod numbers;
pub mod quantities;
pub mod quotes;
pub mod relative;

/// What kind of fact a span holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    Number,
    Date,
    Duration,
    Entity,
    Quote,
    Source,
}

impl FactKind {
    /// The name used in the report: "number", "date", …
    pub fn name(self) -> &'static str {
        match self {
            FactKind::Number => "number",
            FactKind::Date => "date",
            FactKind::Duration => "duration",
            FactKind::Entity => "entity",
            FactKind::Quote => "quote",
            FactKind::Source => "source",
        }
    }
}

/// How a quantity is bounded: "około 10" is approximate, "ponad 10" a lower bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Qualifier {
    #[default]
    Exact,
    Approximately,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
}

impl Qualifier {
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approximately => "approximately",
            Qualifier::AtLeast => "atLeast",
            Qualifier::MoreThan => "moreThan",
            Qualifier::AtMost => "atMost",
            Qualifier::LessThan => "lessThan",
        }
    }
}

/// "trzykrotnie wyższa": a factor applied to an earlier quantity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Relative {
    pub factor: f64,
    /// Index (in document order, over all facts of the document) of the
    /// quantity this one is relative to, when there is one before it.
    pub to: Option<usize>,
}

/// A number with what bounds it and what it counts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quantity {
    pub value: f64,
    /// Upper end of a range ("10–15"): `value` is 10, `high` 15.
    pub high: Option<f64>,
    pub percent: bool,
    pub qualifier: Qualifier,
    /// Neutral key of the word after the number (what is counted), if any.
    pub counted: Option<String>,
    pub relative: Option<Relative>,
}

/// A calendar date, as precise as the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateValue {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// True when read from "wczoraj", "w środę", "last year"… and the document date.
    pub resolved_from_relative: bool,
}

impl DateValue {
    /// "2024-06-19", "2024-06", "2024", "--06-19" (no year), "" (nothing known).
    ///
    /// ```
    /// use claimdiff::facts::DateValue;
    /// let d = DateValue { year: Some(2024), month: Some(6), day: Some(9), ..Default::default() };
    /// assert_eq!(d.iso(), "2024-06-09");
    /// assert_eq!(DateValue { month: Some(2), ..Default::default() }.iso(), "--02");
    /// ```
    pub fn iso(&self) -> String {
        let mut out = match self.year {
            Some(y) => y.to_string(),
            None => "-".to_string(),
        };
        for part in [self.month, self.day].into_iter().flatten() {
            out.push('-');
            if part < 10 {
                out.push('0');
            }
            out.push_str(&part.to_string());
        }
        if out == "-" {
            out.clear();
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl DurationUnit {
    pub fn name(self) -> &'static str {
        match self {
            DurationUnit::Second => "second",
            DurationUnit::Minute => "minute",
            DurationUnit::Hour => "hour",
            DurationUnit::Day => "day",
            DurationUnit::Week => "week",
            DurationUnit::Month => "month",
            DurationUnit::Year => "year",
        }
    }
}

/// The normalized value of a fact, one variant per kind.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    Quantity(Quantity),
    Date(DateValue),
    Duration {
        amount: f64,
        unit: DurationUnit,
    },
    /// A name; `key` is language-neutral (see [`entities::key`]).
    Entity {
        key: String,
    },
    /// A quotation; the speaker's neutral key and byte span when the sentence names one.
    Quote {
        speaker: Option<String>,
        speaker_span: Option<(usize, usize)>,
    },
    /// Who a figure or claim is attributed to ("według C4ADS").
    Source {
        key: String,
    },
}

/// A fact with its byte span in the document and its normalized value.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub kind: FactKind,
    pub start: usize,
    pub end: usize,
    pub value: FactValue,
}

impl Fact {
    /// The quantity, for number facts.
    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.value {
            FactValue::Quantity(q) => Some(q),
            _ => None,
        }
    }
}

/// What extraction needs to know about the whole document.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    pub lang: String,
    /// "1,6" is 1.6 (and "1.600" is 1600): settled by language and the
    /// document's own numbers, see [`numbers::decimal_comma`].
    pub decimal_comma: bool,
    /// The document's date, anchoring "wczoraj", "w środę", "last year".
    pub date: Option<DateValue>,
}

impl Context {
    /// The context of document `text` in `lang`, dated `date` (ISO "YYYY-MM-DD").
    ///
    /// ```
    /// use claimdiff::facts::Context;
    /// let ctx = Context::new("Sent 1,234,567 shells.", "pl", Some("2024-06-19"));
    /// assert!(!ctx.decimal_comma); // the document groups thousands with commas
    /// assert_eq!(ctx.date.unwrap().day, Some(19));
    /// ```
    pub fn new(text: &str, lang: &str, date: Option<&str>) -> Context {
        Context {
            lang: lang.to_string(),
            decimal_comma: numbers::decimal_comma(text, lang),
            date: date.and_then(dates::parse_iso),
        }
    }
}

/// Facts of the claim at `start..end` of `text`, sorted by start.
///
/// ```
/// use claimdiff::facts::{extract, Context, FactKind};
/// let text = "Według C4ADS Korea dostała około 1,6 mln pocisków 19 czerwca 2024.";
/// let ctx = Context::new(text, "pl", None);
/// let kinds: Vec<FactKind> = extract(text, 0, text.len(), &ctx).iter().map(|f| f.kind).collect();
/// assert_eq!(kinds, [FactKind::Source, FactKind::Entity, FactKind::Number, FactKind::Date]);
/// ```
pub fn extract(text: &str, start: usize, end: usize, ctx: &Context) -> Vec<Fact> {
    // Words and their neutral keys, made once for numbers in words and dates.
    let words = number_words::words(text, start, end);
    let mut numerals = numbers::find(text, start, end, ctx.decimal_comma, &ctx.lang);
    numerals.extend(number_words::find_in_words(text, &words, &ctx.lang));
    crate::sort::sort_by_key(&mut numerals, |n| n.start);
    // Digits with a scale word ("1 miliard") and number words ("miliard
    // pięćset") can claim the same text; the first numeral keeps it, so
    // numerals never overlap for the passes below.
    let mut covered = 0;
    numerals.retain(|n| {
        let keep = n.start >= covered;
        if keep {
            covered = n.end;
        }
        keep
    });
    // Dates and multipliers take their numerals first; the rest are quantities.
    let mut facts = dates::find_in_words(text, start, end, &words, ctx, &mut numerals);
    // Alphanumeric words and their keys, made once for multipliers and quotes.
    let spans = quotes::word_spans(text, start, end);
    let keys: Vec<String> = spans
        .iter()
        .map(|&(s, e)| crate::text::normalize::fold_word(&text[s..e]))
        .collect();
    facts.extend(relative::find_in_words(
        text,
        start,
        end,
        &spans,
        &keys,
        &mut numerals,
    ));
    facts.extend(quantities::build(text, start, end, &numerals));
    let (quoted, sources) = quotes::find_in_words(text, start, end, &spans, &keys);
    let taken: Vec<(usize, usize)> = facts.iter().map(|f| (f.start, f.end)).collect();
    facts.extend(entities::find(text, start, end, &taken));
    facts.extend(quoted);
    facts.extend(sources);
    crate::sort::sort_by_key(&mut facts, |f| (f.start, f.end));
    facts
}

/// How many words a `phrase` of neutral keys (separated by one space) has
/// when they are the first keys of `keys`; `None` when they are not.
fn phrase_at(phrase: &str, keys: &[String]) -> Option<usize> {
    let mut rest = phrase;
    for (n, key) in keys.iter().enumerate() {
        // Most phrases differ at the first letter: look at it before the rest.
        if key.as_bytes().first() != rest.as_bytes().first() {
            return None;
        }
        rest = rest.strip_prefix(key.as_str())?;
        if rest.is_empty() {
            return Some(n + 1);
        }
        rest = rest.strip_prefix(' ')?;
    }
    None
}

/// Points each relative quantity at the closest plain quantity before it in
/// the document; `facts` are all facts of one document, in order.
pub fn link_relatives(facts: &mut [&mut Fact]) {
    let mut last: Option<usize> = None;
    for (i, fact) in facts.iter_mut().enumerate() {
        if let FactValue::Quantity(q) = &mut fact.value {
            match &mut q.relative {
                Some(rel) => rel.to = last,
                None => last = Some(i),
            }
        }
    }
}

/// Asserts that every word of every entry is already a neutral key, so
/// lexicons are compared with folded words without folding at run time.
#[cfg(test)]
pub(crate) fn assert_folded(entries: &[&str]) {
    use crate::text::normalize::fold_word;
    for entry in entries {
        for word in entry.split(' ') {
            assert_eq!(fold_word(word), word, "{entry:?} is not folded");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One 200 KB sentence full of numbers, dates, names and unmatched quote
    /// marks: extraction must stay linear in the claim's length (the old
    /// quote pairing and lexicon folding took minutes on such a claim in a
    /// debug build). Not timed: a quadratic step makes this test hang.
    #[test]
    fn a_long_claim_stays_linear() {
        let unit = "Putin powiedział 19 czerwca 2024 r., że „ponad 12 proc. ‚Ala 1,6 mln \
                    » od 10 do 15 lat, 19.06.2024, trzy razy więcej ” według C4ADS; ";
        let text = unit.repeat(200_000 / unit.len() + 1);
        let ctx = Context::new(&text, "pl", Some("2024-06-20"));
        let facts = extract(&text, 0, text.len(), &ctx);
        let n = text.len() / unit.len();
        let count = |kind| facts.iter().filter(|f| f.kind == kind).count();
        assert!(count(FactKind::Date) >= n, "{}", count(FactKind::Date));
        assert!(count(FactKind::Number) >= 3 * n);
        assert!(count(FactKind::Source) >= n);
        // Dense: a duration and an unmatched quote mark every few bytes.
        let text = "‚12 lat, ".repeat(40_000);
        let ctx = Context::new(&text, "pl", None);
        let facts = extract(&text, 0, text.len(), &ctx);
        assert_eq!(facts.len(), 40_000);
    }
}
