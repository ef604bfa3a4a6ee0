//! Cardinal numbers written in words, in all their case and gender forms:
//! "dwadzieścia cztery", "dvadeset četiri", "двадцать четыре", "dwóch",
//! "półtora", "štiriindvajset", "vierundzwanzig", "twenty-four".
//!
//! The stems come from each language's lexicon (see [`super::lexicon`]); a
//! word is a stem plus one of the case endings in [`ENDINGS`], compared as
//! neutral keys (see [`fold_word`]). Stems written in Cyrillic match Cyrillic
//! words only and Latin stems Latin words only, so Slovenian "sem" ("I am")
//! never reads as Russian "семь". English and German have tables of their own.

use super::lexicon::{self, Family};
use super::numbers::{scale_factor, Numeral};
use crate::text::normalize::fold_word;
use std::sync::OnceLock;

/// Case, gender and plural endings after a stem, as neutral keys; shared by
/// the Slavic languages (English and German words take the empty one).
pub(crate) const ENDINGS: &[&str] = &[
    "", "a", "e", "i", "o", "u", "y", "s", "aj", "ama", "aju", "ah", "ami", "eh", "em", "ema",
    "emi", "emja", "en", "er", "es", "ego", "emu", "ej", "ie", "ih", "im", "ima", "imi", "ija",
    "ije", "iju", "iu", "ioma", "ja", "ju", "mi", "mja", "oh", "oj", "om", "oma", "omi", "ogo",
    "omu", "ou", "ov", "uh", "um", "umja", "ijeji", "ga", "ega", "ym", "ymi",
];

/// "minus", "минус", "мінус" as a neutral key.
const MINUS: &str = "minus";
/// Scale abbreviations, which follow digits only ("3 mln", not "mln trzy").
const ABBREVIATIONS: &[&str] = &["mln", "mld", "mlrd", "mrd", "mio"];

/// One family's stems, folded once: (neutral stem, value, written in Cyrillic).
type Stems = Vec<(String, u16, bool)>;

/// The words of all lexicons that number words are read with.
struct Words {
    slavic: Stems,
    germanic: Stems,
    /// Hundreds, and those of them that stand alone.
    hundreds: Vec<&'static str>,
    alone: Vec<&'static str>,
    one_and_a_half: Vec<&'static str>,
    joiners: Vec<&'static str>,
    /// Joiners of the languages that write compounds as one word ("und", "in").
    compound_joiners: Vec<&'static str>,
}

fn words_of_all() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let stems = |family: Family| {
            let mut all: Stems = lexicon::ALL
                .iter()
                .filter(|l| l.family == family)
                .flat_map(|l| l.numbers.iter())
                .flat_map(|&(value, words)| {
                    words.split_whitespace().map(move |w| {
                        let cyrillic = w.chars().any(is_cyrillic);
                        (fold_word(w), value, cyrillic)
                    })
                })
                .collect();
            crate::sort::sort(&mut all);
            all.dedup();
            all
        };
        let mut hundreds = lexicon::all(|l| l.hundreds);
        hundreds.extend(lexicon::all(|l| l.hundreds_after_unit));
        Words {
            slavic: stems(Family::Slavic),
            germanic: stems(Family::Germanic),
            hundreds,
            alone: lexicon::all(|l| l.hundreds),
            one_and_a_half: lexicon::all(|l| l.one_and_a_half),
            joiners: lexicon::all(|l| l.joiners),
            compound_joiners: lexicon::ALL
                .iter()
                .filter(|l| l.compounds)
                .flat_map(|l| l.joiners.iter().copied())
                .collect(),
        }
    })
}

/// Whether a language tag reads number words with the Germanic stems.
fn germanic(lang: &str) -> bool {
    lexicon::get(lang).is_some_and(|l| l.family == Family::Germanic)
}

fn stems(germanic: bool) -> &'static Stems {
    let w = words_of_all();
    if germanic {
        &w.germanic
    } else {
        &w.slavic
    }
}

pub(crate) fn is_cyrillic(ch: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&ch)
}

/// One number word, read: a plain value, a hundred multiplier, a scale, …
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece {
    Value(f64),
    /// A hundred; `alone` when it can stand without a unit before it
    /// ("sto" can, Czech "stě" and Slovak "ste" — also "you are" — cannot).
    Hundred {
        alone: bool,
    },
    Scale(f64),
}

/// Reads one word (its neutral key) as a number piece.
fn piece(key: &str, cyrillic: bool, lang: &str) -> Option<Piece> {
    let germanic = germanic(lang);
    let all = words_of_all();
    if all.hundreds.contains(&key) {
        let alone = all.alone.contains(&key);
        return Some(Piece::Hundred { alone });
    }
    if all
        .one_and_a_half
        .iter()
        .any(|s| key.strip_prefix(s).is_some_and(|e| ENDINGS.contains(&e)))
    {
        return Some(Piece::Value(1.5));
    }
    if let Some(factor) = scale_word(key, lang) {
        return Some(Piece::Scale(factor));
    }
    let table = stems(germanic);
    // The longest stem that the key starts with and ends in a case ending
    // (endings are at most five bytes long).
    (key.len().saturating_sub(5).max(1)..=key.len())
        .rev()
        .filter(|&n| key.is_char_boundary(n))
        .find_map(|n| {
            let stem = &key[..n];
            let from = table.partition_point(|s| s.0.as_str() < stem);
            table[from..]
                .iter()
                .take_while(|s| s.0 == stem)
                .find(|s| s.2 == cyrillic || germanic)
                .filter(|_| ENDINGS.contains(&&key[n..]))
                .map(|s| Piece::Value(f64::from(s.1)))
        })
}

/// "tysięcy", "milionów", "миллиарда", "Billionen": a whole scale word, not
/// an abbreviation (those follow digits only).
fn scale_word(key: &str, lang: &str) -> Option<f64> {
    let factor = scale_factor(key, lang)?;
    (key.chars().count() >= 5 && !ABBREVIATIONS.iter().any(|b| key.starts_with(b)))
        .then_some(factor)
}

/// Splits a compound written as one word into pieces: German
/// "zweihundertvierundzwanzig", Slovenian "štiriindvajset", "eintausendeins".
fn compound(key: &str, cyrillic: bool, lang: &str, out: &mut Vec<Piece>) -> bool {
    if key.is_empty() {
        return true;
    }
    if let Some(p) = piece(key, cyrillic, lang) {
        out.push(p);
        return true;
    }
    // Only German and Slovenian write compounds as one word; try splits only
    // where a number stem begins the word (most words stop here).
    let compounds = lexicon::get(lang).is_some_and(|l| l.compounds);
    if !compounds || !starts_like_number(key, lang) {
        return false;
    }
    let joiners = &words_of_all().compound_joiners;
    for split in (2..key.len()).rev().filter(|&n| key.is_char_boundary(n)) {
        let head = &key[..split];
        let head_piece = if head == "tausend" {
            Some(Piece::Scale(1e3))
        } else if joiners.contains(&head) {
            None
        } else {
            piece(head, cyrillic, lang).filter(|p| !matches!(p, Piece::Scale(_)))
        };
        let Some(p) = head_piece else { continue };
        let mut rest = &key[split..];
        let mut swapped = false;
        for joiner in joiners {
            if let Some(r) = rest.strip_prefix(joiner) {
                // "vierundzwanzig": the unit comes before the ten.
                rest = r;
                swapped = true;
            }
        }
        let len = out.len();
        out.push(p);
        if compound(rest, cyrillic, lang, out) && (!swapped || out.len() > len + 1) {
            if swapped {
                // Read "vier und zwanzig" as "zwanzig vier".
                out.swap(len, len + 1);
            }
            return true;
        }
        out.truncate(len);
    }
    false
}

fn starts_like_number(key: &str, lang: &str) -> bool {
    let table = stems(germanic(lang));
    let hundreds = &words_of_all().hundreds;
    (2..key.len())
        .filter(|&n| key.is_char_boundary(n))
        .any(|n| {
            let head = &key[..n];
            table.binary_search_by(|s| s.0.as_str().cmp(head)).is_ok()
                || hundreds.contains(&head)
                || head == "tausend"
        })
}

/// Adds pieces into one value: "dwadzieścia cztery tysiące sto" → 24100.
/// Returns `None` when the pieces do not make one number ("dwa trzy").
fn combine(pieces: &[Piece]) -> Option<f64> {
    let (mut total, mut current) = (0.0f64, 0.0f64);
    // The place of the last piece in the current group: 100, 10 or 1;
    // each next piece must be smaller ("sto dwadzieścia trzy").
    let mut last_place = f64::INFINITY;
    for &p in pieces {
        match p {
            Piece::Value(v) => {
                let place = if v >= 100.0 {
                    100.0
                } else if v >= 20.0 {
                    10.0
                } else if v >= 10.0 {
                    // Teens take the ones' place too: nothing follows them.
                    1.0
                } else {
                    1.0
                };
                if place >= last_place {
                    return None;
                }
                current += v;
                last_place = if (10.0..20.0).contains(&v) {
                    0.5
                } else {
                    place
                };
            }
            Piece::Hundred { alone } => {
                if current > 0.0 && current < 10.0 && last_place == 1.0 {
                    current *= 100.0;
                } else if alone && last_place > 100.0 {
                    current += 100.0;
                } else {
                    return None;
                }
                last_place = 100.0;
            }
            Piece::Scale(f) => {
                total += current.max(if current == 0.0 { 1.0 } else { 0.0 }) * f;
                current = 0.0;
                last_place = f64::INFINITY;
            }
        }
    }
    Some(total + current)
}

/// A word of the text: its byte span and neutral key, and whether it is Cyrillic.
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
    pub key: String,
    pub cyrillic: bool,
}

/// Words of `text[start..end]`, split at spaces, hyphens and punctuation;
/// apostrophes stay inside ("п'ять").
pub(crate) fn words(text: &str, start: usize, end: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut from: Option<usize> = None;
    let region = &text[start..end];
    for (i, ch) in region.char_indices().chain([(region.len(), ' ')]) {
        let inside = ch.is_alphabetic() || (from.is_some() && matches!(ch, '\'' | '’'));
        match (inside, from) {
            (true, None) => from = Some(i),
            (false, Some(f)) => {
                let word = &region[f..i];
                out.push(Word {
                    start: start + f,
                    end: start + i,
                    key: fold_word(word),
                    cyrillic: word.chars().any(is_cyrillic),
                });
                from = None;
            }
            _ => {}
        }
    }
    out
}

/// Reads the longest number in words starting at word `i`: (value, index
/// of the word after it). A scale word alone ("tysiące") is not a number.
fn read_at(text: &str, words: &[Word], i: usize, lang: &str) -> Option<(f64, usize)> {
    let mut sign = 1.0;
    let mut at = i;
    if words[at].key == MINUS {
        sign = -1.0;
        at += 1;
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let mut best: Option<(f64, usize)> = None;
    let mut j = at;
    while j < words.len() {
        let w = &words[j];
        // Words must follow each other with only spaces or a hyphen between.
        if j > at && !joined(&text[words[j - 1].end..w.start]) {
            break;
        }
        let mut next = Vec::new();
        if !compound(&w.key, w.cyrillic, lang, &mut next) {
            // "sto i pięć": a joiner between two number words.
            if words_of_all().joiners.contains(&w.key.as_str()) && !pieces.is_empty() {
                j += 1;
                continue;
            }
            break;
        }
        pieces.extend(next);
        match combine(&pieces) {
            Some(v) => {
                let only_scales = pieces.iter().all(|p| matches!(p, Piece::Scale(_)));
                if !only_scales {
                    best = Some((sign * v, j + 1));
                }
            }
            None => break,
        }
        j += 1;
    }
    if best.is_none() && sign < 0.0 {
        return None;
    }
    best
}

fn joined(between: &str) -> bool {
    !between.is_empty() && between.chars().all(|c| c.is_whitespace() || c == '-')
}

/// Numbers written in words in `text[start..end]`, with byte spans into `text`.
///
/// ```
/// use claimdiff::facts::number_words::find;
/// let v = |t: &str, lang| find(t, 0, t.len(), lang).iter().map(|n| n.value).collect::<Vec<_>>();
/// assert_eq!(v("po dwudziestu czterech latach", "pl"), [24.0]);
/// assert_eq!(v("двадцать четыре года", "ru"), [24.0]);
/// assert_eq!(v("pred štiriindvajsetimi leti", "sl"), [24.0]);
/// assert_eq!(v("twenty-four years", "en"), [24.0]);
/// assert_eq!(v("półtora miliona", "pl"), [1_500_000.0]);
/// ```
pub fn find(text: &str, start: usize, end: usize, lang: &str) -> Vec<Numeral> {
    find_in_words(text, &words(text, start, end), lang)
}

/// [`find`] over words made by [`words`].
pub(crate) fn find_in_words(text: &str, words: &[Word], lang: &str) -> Vec<Numeral> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match read_at(text, words, i, lang) {
            Some((value, next)) => {
                out.push(Numeral {
                    start: words[i].start,
                    end: words[next - 1].end,
                    value,
                });
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// The value of `text` when all of it is one number in words.
///
/// ```
/// use claimdiff::facts::number_words::parse;
/// assert_eq!(parse("dwadzieścia cztery", "pl"), Some(24.0));
/// assert_eq!(parse("сто двадцать одна", "ru"), Some(121.0));
/// assert_eq!(parse("vierundzwanzigtausend", "de"), Some(24_000.0));
/// assert_eq!(parse("dva tri", "hr"), None);
/// ```
pub fn parse(text: &str, lang: &str) -> Option<f64> {
    let text = text.trim();
    let found = find(text, 0, text.len(), lang);
    match found.as_slice() {
        [only] if only.start == 0 && only.end == text.len() => Some(only.value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_are_neutral_keys() {
        crate::facts::assert_folded(ENDINGS);
        crate::facts::assert_folded(ABBREVIATIONS);
        crate::facts::assert_folded(&[MINUS]);
        assert!(ENDINGS.iter().all(|e| e.len() <= 5));
    }

    #[test]
    fn case_and_gender_forms() {
        assert_eq!(parse("dwóch", "pl"), Some(2.0));
        assert_eq!(parse("dwie", "pl"), Some(2.0));
        assert_eq!(parse("trzech", "pl"), Some(3.0));
        assert_eq!(parse("pięciuset", "pl"), Some(500.0));
        assert_eq!(parse("четири", "bg"), Some(4.0));
        assert_eq!(parse("tri", "hr"), Some(3.0));
        assert_eq!(parse("двух тысяч", "ru"), Some(2000.0));
        assert_eq!(parse("п'ятдесяти", "uk"), Some(50.0));
        assert_eq!(parse("dvadeset četiri", "sr-Latn"), Some(24.0));
        assert_eq!(parse("двадесет и четири", "bg"), Some(24.0));
    }

    #[test]
    fn hundreds_and_scales() {
        assert_eq!(parse("dvě stě", "cs"), Some(200.0));
        assert_eq!(parse("tři sta dvacet", "cs"), Some(320.0));
        assert_eq!(parse("sto i pięć", "pl"), Some(105.0));
        assert_eq!(parse("one hundred and five", "en"), Some(105.0));
        assert_eq!(
            parse("dwadzieścia jeden tysięcy jedenaście", "pl"),
            Some(21011.0)
        );
        assert_eq!(parse("zweihundertvierundzwanzig", "de"), Some(224.0));
        assert_eq!(parse("минус пять", "ru"), Some(-5.0));
    }

    #[test]
    fn words_that_only_look_like_numbers() {
        // Slovenian "sem" (I am) is not Russian "семь"; "trzeba" is not "trzy".
        assert!(find("To sem rekel.", 0, 13, "sl").is_empty());
        let pl = "Trzeba było stać.";
        assert!(find(pl, 0, pl.len(), "pl").is_empty());
        assert_eq!(parse("tysiące", "pl"), None);
    }
}
