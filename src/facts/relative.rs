//! Relative multipliers: "trzykrotnie wyższa", "trzy razy więcej", "tri puta
//! veći", "trikrat", "втрое", "в три раза больше", "three times higher",
//! "twice", "doubled", "halved", "o połowę". Each becomes a quantity whose
//! value is the factor, related to an earlier quantity of the document
//! (see [`super::link_relatives`]).

use super::numbers::{next_word, Numeral};
use super::{Fact, FactKind, FactValue, Quantity, Relative};
use crate::text::normalize::fold_word;

/// One-word multipliers, as neutral-key prefixes, with their factor.
const WORDS: &[(&str, f64)] = &[
    ("dwukrot", 2.0),
    ("trzykrot", 3.0),
    ("czterokrot", 4.0),
    ("pięciokrot", 5.0),
    ("dziesięciokrot", 10.0),
    ("dvakrat", 2.0),
    ("dvakrát", 2.0),
    ("trikrat", 3.0),
    ("třikrát", 3.0),
    ("štirikrat", 4.0),
    ("čtyřikrát", 4.0),
    ("štyrikrát", 4.0),
    ("petkrat", 5.0),
    ("desetkrat", 10.0),
    ("dvostruk", 2.0),
    ("dvostruč", 2.0),
    ("trostruk", 3.0),
    ("četverostruk", 4.0),
    ("двострук", 2.0),
    ("трострук", 3.0),
    ("двукрат", 2.0),
    ("трикрат", 3.0),
    ("трёхкрат", 3.0),
    ("трехкрат", 3.0),
    ("вдвое", 2.0),
    ("втрое", 3.0),
    ("вчетверо", 4.0),
    ("впятеро", 5.0),
    ("вдесятеро", 10.0),
    ("вдвічі", 2.0),
    ("втричі", 3.0),
    ("удвая", 2.0),
    ("утрая", 3.0),
    ("наполовин", 0.5),
    ("twice", 2.0),
    ("doubl", 2.0),
    ("tripl", 3.0),
    ("threefold", 3.0),
    ("fourfold", 4.0),
    ("tenfold", 10.0),
    ("halved", 0.5),
    ("doppelt", 2.0),
    ("verdoppel", 2.0),
    ("dreifach", 3.0),
    ("verdreifach", 3.0),
    ("halbiert", 0.5),
    ("zweimal", 2.0),
    ("dreimal", 3.0),
];

fn folded_words() -> &'static [(String, f64)] {
    static FOLDED: std::sync::OnceLock<Vec<(String, f64)>> = std::sync::OnceLock::new();
    FOLDED.get_or_init(|| WORDS.iter().map(|&(w, f)| (fold_word(w), f)).collect())
}

/// "razy", "puta", "раза", "times": after a number, it becomes a factor.
const TIMES: &[&str] = &[
    "razy", "raz", "puta", "put", "krat", "krát", "times", "mal", "раза", "раз", "рази", "разы",
    "пъти", "пати",
];

/// Words for "half" after "o"/"za" ("o połowę", "za polovico").
const HALF: &[&str] = &[
    "połowę",
    "polovico",
    "polovinu",
    "polovicu",
    "половину",
    "палову",
];

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
    let mut found: Vec<(usize, usize, f64)> = Vec::new();
    let region = &text[start..end];
    let mut offset = 0;
    for word in region.split(|c: char| !c.is_alphanumeric()) {
        let at = start + offset;
        offset += word.len()
            + region[offset + word.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        if word.is_empty() {
            continue;
        }
        let key = fold_word(word);
        if let Some(&(_, factor)) = folded_words()
            .iter()
            .find(|(p, _)| key.starts_with(p.as_str()))
        {
            found.push((at, at + word.len(), factor));
        } else if matches!(key.as_str(), "o" | "za" | "na") {
            if let Some((half, half_end)) = next_word(&text[..end], at + word.len()) {
                if HALF.iter().any(|h| fold_word(h) == fold_word(half)) {
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
        let key = fold_word(word);
        if !TIMES.iter().any(|t| fold_word(t) == key) {
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
