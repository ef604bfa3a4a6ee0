//! Relative multipliers: "trzykrotnie wyższa", "trzy razy więcej", "tri puta
//! veći", "trikrat", "втрое", "в три раза больше", "three times higher",
//! "twice", "doubled", "halved", "o połowę". Each becomes a quantity whose
//! value is the factor, related to an earlier quantity of the document
//! (see [`super::link_relatives`]).

use super::numbers::{next_word, Numeral};
use super::{Fact, FactKind, FactValue, Quantity, Relative};
use crate::text::normalize::fold_word;

/// One-word multipliers, as neutral-key prefixes (see [`fold_word`]), with
/// their factor: "dwukrotnie", "třikrát", "втрое", "вдвічі", "twice"…
const WORDS: &[(&str, f64)] = &[
    ("dvukrot", 2.0),
    ("tzykrot", 3.0),
    ("cterokrot", 4.0),
    ("pieciokrot", 5.0),
    ("dziesieciokrot", 10.0),
    ("dvakrat", 2.0),
    ("trikrat", 3.0),
    ("stirikrat", 4.0),
    ("ctyrikrat", 4.0),
    ("styrikrat", 4.0),
    ("petkrat", 5.0),
    ("desetkrat", 10.0),
    ("dvostruk", 2.0),
    ("dvostruc", 2.0),
    ("trostruk", 3.0),
    ("cetverostruk", 4.0),
    ("dvukrat", 2.0),
    ("trehkrat", 3.0),
    ("vdvoe", 2.0),
    ("vtroe", 3.0),
    ("vcetvero", 4.0),
    ("vpjatero", 5.0),
    ("vdesjatero", 10.0),
    ("vdvici", 2.0),
    ("vtrici", 3.0),
    ("udvaja", 2.0),
    ("utraja", 3.0),
    ("napolovin", 0.5),
    ("tvice", 2.0),
    ("doubl", 2.0),
    ("tripl", 3.0),
    ("threefold", 3.0),
    ("fourfold", 4.0),
    ("tenfold", 10.0),
    ("halved", 0.5),
    ("doppelt", 2.0),
    ("verdoppel", 2.0),
    ("dreifah", 3.0),
    ("verdreifah", 3.0),
    ("halbiert", 0.5),
    ("zveimal", 2.0),
    ("dreimal", 3.0),
];

/// "razy", "puta", "раза", "times": after a number, it becomes a factor
/// (neutral keys).
const TIMES: &[&str] = &[
    "razy", "raz", "puta", "put", "krat", "times", "mal", "raza", "razi", "pti", "pati",
];

/// Words for "half" after "o"/"za" ("o połowę", "za polovico"), as neutral keys.
const HALF: &[&str] = &["polove", "polovico", "polovinu", "polovicu", "palovu"];

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
    for (&(at, word_end), key) in words.iter().zip(keys) {
        if let Some(&(_, factor)) = WORDS.iter().find(|(p, _)| key.starts_with(p)) {
            found.push((at, word_end, factor));
        } else if matches!(key.as_str(), "o" | "za" | "na") {
            if let Some((half, half_end)) = next_word(&text[..end], word_end) {
                if HALF.contains(&fold_word(half).as_str()) {
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
        if !TIMES.contains(&fold_word(word).as_str()) {
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
    fn lexicons_are_neutral_keys() {
        crate::facts::assert_folded(&WORDS.iter().map(|w| w.0).collect::<Vec<_>>());
        crate::facts::assert_folded(TIMES);
        crate::facts::assert_folded(HALF);
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
