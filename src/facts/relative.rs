//! Relative multipliers: "trzykrotnie wyższa", "trzy razy więcej", "tri puta
//! veći", "trikrat", "втрое", "в три раза больше", "three times higher",
//! "twice", "doubled", "halved", "o połowę". Each becomes a quantity whose
//! value is the factor, related to an earlier quantity of the document
//! (see [`super::link_relatives`]).

use super::lexicon;
use super::numbers::{next_word, Numeral};
use super::{Fact, FactKind, FactValue, Quantity, Relative};
use crate::text::normalize::fold_word;
use std::sync::OnceLock;

/// The words of all lexicons that multipliers are read with.
struct Words {
    /// One-word multipliers, as neutral-key prefixes, with their factor:
    /// "dwukrotnie", "třikrát", "втрое", "вдвічі", "twice"…
    multipliers: Vec<(&'static str, f64)>,
    /// "razy", "puta", "раза", "times": after a number, it becomes a factor.
    times: Vec<&'static str>,
    /// Words for "half" after "o"/"za" ("o połowę", "za polovico").
    half: Vec<&'static str>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| Words {
        multipliers: lexicon::all(|l| l.multipliers),
        times: lexicon::all(|l| l.times),
        half: lexicon::all(|l| l.half),
    })
}

/// Multipliers in `text[start..end]`; numerals they take ("trzy" in "trzy
/// razy") are removed from `numerals`.
///
/// ```
/// use claimdiff::facts::relative::find;
/// let text = "Liczba jest trzykrotnie wyższa, a koszt spadł o połowę.";
/// let factors: Vec<f64> = find(text, 0, text.len(), &mut Vec::new()).iter()
///     .map(|f| f.quantity().unwrap().value).collect();
/// assert_eq!(factors, [3.0, 0.5]);
/// ```
pub fn find(text: &str, start: usize, end: usize, numerals: &mut Vec<Numeral>) -> Vec<Fact> {
    let words = super::quotes::word_spans(text, start, end);
    let keys: Vec<String> = words.iter().map(|&(s, e)| fold_word(&text[s..e])).collect();
    find_in_words(text, start, end, &words, &keys, numerals)
}

/// [`find`] over the alphanumeric words of the claim and their neutral keys.
pub(crate) fn find_in_words(
    text: &str,
    start: usize,
    end: usize,
    words: &[(usize, usize)],
    keys: &[String],
    numerals: &mut Vec<Numeral>,
) -> Vec<Fact> {
    let mut found: Vec<(usize, usize, f64)> = Vec::new();
    let lexicon = self::words();
    for (&(at, word_end), key) in words.iter().zip(keys) {
        if let Some(&(_, factor)) = lexicon.multipliers.iter().find(|(p, _)| key.starts_with(p)) {
            found.push((at, word_end, factor));
        } else if matches!(key.as_str(), "o" | "za" | "na") {
            if let Some((half, half_end)) = next_word(&text[..end], word_end) {
                if lexicon.half.contains(&fold_word(half).as_str()) {
                    found.push((at, half_end, 0.5));
                }
            }
        }
    }
    // "trzy razy", "в три раза", "three times": a numeral, then a times word.
    numerals.retain(|n| {
        let Some((word, word_end)) = next_word(&text[..end], n.end) else {
            return true;
        };
        if !lexicon.times.contains(&fold_word(word).as_str()) {
            return true;
        }
        let before = super::quantities::words_before(text, start, n.start, 1);
        let from = match before.first().map(String::as_str) {
            // "в три раза", "у три рази": the preposition belongs to the factor.
            Some("v" | "u") => {
                let kept = text[start..n.start].trim_end();
                start + kept.len() - kept.chars().next_back().map_or(0, char::len_utf8)
            }
            _ => n.start,
        };
        found.push((from, word_end, n.value));
        false
    });
    crate::sort::sort_by_key(&mut found, |f| f.0);
    found
        .into_iter()
        .map(|(s, e, factor)| Fact {
            kind: FactKind::Number,
            start: s,
            end: e,
            value: FactValue::Quantity(Quantity {
                value: factor,
                counted: next_word(&text[..end], e).map(|(w, _)| fold_word(w)),
                relative: Some(Relative { factor, to: None }),
                ..Quantity::default()
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::number_words;

    fn factors(text: &str, lang: &str) -> Vec<f64> {
        let mut numerals = number_words::find(text, 0, text.len(), lang);
        numerals.extend(crate::facts::numbers::find(text, 0, text.len(), true, lang));
        let facts = find(text, 0, text.len(), &mut numerals);
        assert!(numerals.is_empty(), "{text}: the factor's numeral is taken");
        facts.iter().map(|f| f.quantity().unwrap().value).collect()
    }

    #[test]
    fn multipliers_in_many_languages() {
        assert_eq!(factors("trzy razy więcej", "pl"), [3.0]);
        assert_eq!(factors("tri puta veći", "hr"), [3.0]);
        assert_eq!(factors("trikrat višja", "sl"), [3.0]);
        assert_eq!(factors("втрое больше", "ru"), [3.0]);
        assert_eq!(factors("в три раза больше", "ru"), [3.0]);
        assert_eq!(factors("three times higher", "en"), [3.0]);
        assert_eq!(factors("it doubled", "en"), [2.0]);
        assert_eq!(factors("три пута већи", "sr"), [3.0]);
    }

    #[test]
    fn spans_take_the_preposition() {
        let text = "в 3 раза больше";
        let f = &find(
            text,
            0,
            text.len(),
            &mut crate::facts::numbers::find(text, 0, text.len(), true, "ru"),
        )[0];
        assert_eq!(&text[f.start..f.end], "в 3 раза");
    }
}
