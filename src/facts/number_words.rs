//! Cardinal numbers written in words, in all their case and gender forms:
//! "dwadzieścia cztery", "dvadeset četiri", "двадцать четыре", "dwóch",
//! "półtora", "štiriindvajset", "vierundzwanzig", "twenty-four".
//!
//! The stems come from each language's lexicon (see [`super::lexicon`]); a
//! word is a stem plus one of the case endings in [`ENDINGS`], compared as
//! neutral keys (see [`fold_word`]). Stems written in Cyrillic match Cyrillic
//! words only and Latin stems Latin words only, so Slovenian "sem" ("I am")
//! never reads as Russian "семь". English and German have tables of their own.

use super::lexicon::{self, Family, Lexicon};
use super::numbers::{scale_factor, Numeral};
use crate::text::normalize::fold_word;
use std::sync::OnceLock;

/// Case, gender and plural endings after a stem, as neutral keys; shared by
/// the Slavic languages (English and German words take the empty one).
pub(crate) const ENDINGS: &[&str] = &[
    "", "a", "e", "i", "o", "u", "y", "s", "aj", "ama", "aju", "ah", "ami", "eh", "em", "ema",
    "emi", "emja", "en", "er", "es", "ego", "emu", "ej", "ie", "ih", "im", "ima", "imi", "ija",
    "ije", "iju", "iu", "ioma", "ja", "ju", "mi", "mja", "oh", "oj", "om", "oma", "omi", "ogo",
    "omu", "ou", "ov", "uh", "um", "umja", "ijeji", "ga", "ega", "ym", "ymi", "am", "ma",
];

/// "minus", "минус", "мінус" as a neutral key.
const MINUS: &str = "minus";
/// Scale abbreviations, which follow digits only ("3 mln", not "mln trzy").
const ABBREVIATIONS: &[&str] = &["mln", "mld", "mlrd", "mrd", "mio", "trln"];

/// One family's stems, folded once: (neutral stem, value, written in Cyrillic).
type Stems = Vec<(String, u16, bool)>;

/// The words of all lexicons that number words are read with.
struct Words {
    slavic: Stems,
    germanic: Stems,
    /// Hundreds of each family (Slavic, Germanic), and those that stand alone.
    hundreds: [Vec<&'static str>; 2],
    alone: [Vec<&'static str>; 2],
    one_and_a_half: Vec<&'static str>,
    joiners: Vec<&'static str>,
    /// Per language (as in [`lexicon::ALL`]): lone scale words and fraction
    /// denominators, folded.
    lone_scales: Vec<Vec<String>>,
    fractions: Vec<Vec<(String, u8)>>,
    /// Words that are no numbers though their keys are, with those keys.
    not_numbers: Vec<(String, String)>,
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
        let family = |family: Family, field: fn(&Lexicon) -> lexicon::Words| {
            lexicon::ALL
                .iter()
                .filter(|l| l.family == family)
                .flat_map(|l| field(l).iter())
                .collect::<Vec<_>>()
        };
        let hundreds = |f: Family| {
            let mut all = family(f, |l| l.hundreds);
            all.extend(family(f, |l| l.hundreds_after_unit));
            all
        };
        let fold_all = |words: lexicon::Words| words.iter().map(fold_word).collect();
        Words {
            slavic: stems(Family::Slavic),
            germanic: stems(Family::Germanic),
            hundreds: [hundreds(Family::Slavic), hundreds(Family::Germanic)],
            alone: [
                family(Family::Slavic, |l| l.hundreds),
                family(Family::Germanic, |l| l.hundreds),
            ],
            one_and_a_half: lexicon::all(|l| l.one_and_a_half),
            joiners: lexicon::all(|l| l.joiners),
            not_numbers: lexicon::all(|l| l.not_numbers)
                .into_iter()
                .map(|w| (fold_word(w), w.to_lowercase()))
                .collect(),
            lone_scales: lexicon::ALL
                .iter()
                .map(|l| fold_all(l.lone_scales))
                .collect(),
            fractions: lexicon::ALL
                .iter()
                .map(|l| {
                    l.fractions
                        .iter()
                        .flat_map(|&(power, words)| {
                            words.split_whitespace().map(move |w| (fold_word(w), power))
                        })
                        .collect()
                })
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
    let own = lexicon::get(lang);
    let family = usize::from(germanic);
    if all.hundreds[family].contains(&key) {
        // Another language's "hundred" counts only after a unit: Russian
        // "ста" (of a hundred) is Serbian "шта" (what).
        let alone = match own {
            Some(l) => l.hundreds.contains(&key),
            None => all.alone[family].contains(&key),
        };
        return Some(Piece::Hundred { alone });
    }
    if own.is_some_and(|l| l.halves.contains(&key)) {
        return Some(Piece::Value(0.5));
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
    // Only German, Slovenian and Slovak write compounds as one word.
    let own = lexicon::get(lang).filter(|l| l.compounds);
    let whole = piece(key, cyrillic, lang);
    // Scale words are known by their start, so "tausendeins" would read as
    // one: in these languages try it as a compound first.
    if let Some(p) = whole.filter(|p| own.is_none() || !matches!(p, Piece::Scale(_))) {
        out.push(p);
        return true;
    }
    // Try splits only where a number stem begins the word (most words stop here).
    if let Some(l) = own.filter(|l| starts_like_number(key, lang, l)) {
        if split(key, cyrillic, lang, l, out) {
            return true;
        }
    }
    if let Some(p) = whole {
        out.push(p);
        return true;
    }
    false
}

/// Whether `key` is one of the language's scale words as a whole ("tausend").
fn own_scale_word(key: &str, l: &Lexicon) -> Option<f64> {
    l.scales
        .iter()
        .find(|(_, words)| words.contains(&key))
        .map(|s| 10f64.powi(i32::from(s.0)))
}

/// [`compound`] for a word that is no number piece as a whole.
fn split(key: &str, cyrillic: bool, lang: &str, l: &Lexicon, out: &mut Vec<Piece>) -> bool {
    let joiners = l.unit_before_ten;
    for split in (2..key.len()).rev().filter(|&n| key.is_char_boundary(n)) {
        let head = &key[..split];
        let head_piece = if let Some(factor) = own_scale_word(head, l) {
            Some(Piece::Scale(factor))
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

fn starts_like_number(key: &str, lang: &str, l: &Lexicon) -> bool {
    let germanic = germanic(lang);
    let table = stems(germanic);
    let hundreds = &words_of_all().hundreds[usize::from(germanic)];
    (2..key.len())
        .filter(|&n| key.is_char_boundary(n))
        .any(|n| {
            let head = &key[..n];
            table.binary_search_by(|s| s.0.as_str().cmp(head)).is_ok()
                || hundreds.contains(&head)
                || own_scale_word(head, l).is_some()
        })
}

/// Adds pieces into one value: "dwadzieścia cztery tysiące sto" → 24100.
/// Returns `None` when the pieces do not make one number ("dwa trzy").
fn combine(pieces: &[Piece]) -> Option<f64> {
    // Long-scale words are 10^6k ("bilion" 10^12) and 10^(6k+3) ("milijarda").
    // A number with two or more of the first kind and none of the second
    // skips every milliard place in the long reading: it is written in the
    // short scale ("jedan bilion dvesta miliona" is 1 200 000 000).
    // (A loop, not `log10`, which would pull a libm routine into the wasm.)
    let power = |mut f: f64| {
        let mut p = 0;
        while f >= 9.5 {
            f /= 10.0;
            p += 1;
        }
        p
    };
    let big: Vec<i32> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Scale(f) if *f >= 1e6 => Some(power(*f)),
            _ => None,
        })
        .collect();
    let short = big.len() >= 2 && big.iter().all(|p| p % 6 == 0) && big.iter().any(|&p| p >= 12);
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
            Piece::Scale(mut f) => {
                if short && f >= 1e12 {
                    f = 10f64.powi(power(f) / 2 + 3);
                }
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
        let inside = ch.is_alphabetic() || (from.is_some() && matches!(ch, '\'' | '’' | '‘'));
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
/// of the word after it), with its fraction ("dwa przecinek pięć", "три
/// целых две десятых") or half ("trzy i pół") when the language has them.
fn read_at(text: &str, words: &[Word], i: usize, lang: &str) -> Option<(f64, usize)> {
    let mut sign = 1.0;
    let mut at = i;
    if words[at].key == MINUS {
        sign = -1.0;
        at += 1;
    }
    let (mut value, mut next, scaled) = read_int(text, words, at, lang, true)?;
    if let Some(l) = lexicon::get(lang) {
        let grew = if let Some(end) = phrase_after(text, words, next, l.and_a_half) {
            value += 0.5;
            next = end;
            true
        } else if let Some((fraction, end)) = fraction_after(text, words, next, lang, l) {
            value += fraction;
            next = end;
            true
        } else {
            false
        };
        // "dwa i pół miliona": the scale counts for the whole of it.
        if grew && !scaled && joined_at(text, words, next) {
            if let Some(factor) = scale_word(&words[next].key, lang) {
                value *= factor;
                next += 1;
            }
        }
    }
    Some((sign * value, next))
}

/// Reads the longest whole number in words from word `at`: (value, index of
/// the word after it, whether it ends with a scale word). A scale word alone
/// is no number ("tysiące"), unless it is a singular one ("tysiąc");
/// without `scales`, reading stops before any scale word.
fn read_int(
    text: &str,
    words: &[Word],
    at: usize,
    lang: &str,
    scales: bool,
) -> Option<(f64, usize, bool)> {
    let all = words_of_all();
    let lone = lexicon::index(lang).map(|i| &all.lone_scales[i]);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut best: Option<(f64, usize, bool)> = None;
    let mut j = at;
    while j < words.len() {
        let w = &words[j];
        // Words must follow each other with only spaces or a hyphen between.
        if j > at && !joined_at(text, words, j) {
            break;
        }
        let mut next = Vec::new();
        let false_friend = || {
            let raw = &text[w.start..w.end];
            all.not_numbers
                .iter()
                .any(|(key, word)| *key == w.key && raw.to_lowercase() == *word)
        };
        if !compound(&w.key, w.cyrillic, lang, &mut next) || false_friend() {
            // "sto i pięć": a joiner between two number words.
            if all.joiners.contains(&w.key.as_str()) && !pieces.is_empty() {
                j += 1;
                continue;
            }
            break;
        }
        let is_scale = |p: &Piece| matches!(p, Piece::Scale(_));
        if !scales && next.iter().any(is_scale) {
            break;
        }
        pieces.extend(next);
        match combine(&pieces) {
            Some(v) => {
                let only_scales = pieces.iter().all(is_scale);
                let lone_scale = pieces.len() == 1
                    && lone.is_some_and(|l| l.contains(&w.key))
                    && !after_few(text, words, at, lang);
                if !only_scales || lone_scale {
                    best = Some((v, j + 1, pieces.last().is_some_and(is_scale)));
                }
            }
            None => break,
        }
        j += 1;
    }
    best
}

/// Whether word `at` follows a word for an indefinite number ("několik tisíc").
fn after_few(text: &str, words: &[Word], at: usize, lang: &str) -> bool {
    joined_at(text, words, at)
        && lexicon::get(lang)
            .is_some_and(|l| l.few.iter().any(|f| words[at - 1].key.starts_with(f)))
}

/// Whether word `k` follows the word before it with only spaces or a hyphen between.
fn joined_at(text: &str, words: &[Word], k: usize) -> bool {
    k > 0 && k < words.len() && joined(&text[words[k - 1].end..words[k].start])
}

/// The index after one of `phrases` (neutral keys, one space between) that
/// starts at word `at`, joined to the words before.
fn phrase_after(text: &str, words: &[Word], at: usize, phrases: lexicon::Words) -> Option<usize> {
    phrases.iter().find_map(|phrase| {
        let mut k = at;
        for part in phrase.split(' ') {
            if !joined_at(text, words, k) || words[k].key != part {
                return None;
            }
            k += 1;
        }
        Some(k)
    })
}

/// The fraction after a whole number, from a decimal-point word at word `at`:
/// digits read one group at a time ("przecinek zero dwa" .02, "point one two"
/// .12, "кома вісімдесят п'ять" .85) or a numerator and its denominator
/// ("целых две десятых" .2). Returns (fraction, index of the word after it).
fn fraction_after(
    text: &str,
    words: &[Word],
    at: usize,
    lang: &str,
    l: &Lexicon,
) -> Option<(f64, usize)> {
    if !joined_at(text, words, at) || !l.decimal_points.contains(&words[at].key.as_str()) {
        return None;
    }
    let all = words_of_all();
    let mut k = at + 1;
    // "едно цяло и едно".
    if joined_at(text, words, k) && all.joiners.contains(&words[k].key.as_str()) {
        k += 1;
    }
    let denominators = lexicon::index(lang).map_or(&[][..], |i| &all.fractions[i][..]);
    let mut digits = String::new();
    while joined_at(text, words, k) {
        let Some((v, n, _)) = read_int(text, words, k, lang, false) else {
            break;
        };
        if v < 0.0 || v.fract() != 0.0 {
            break;
        }
        let denominator = denominators
            .iter()
            .find(|d| joined_at(text, words, n) && words[n].key == d.0);
        if let Some(&(_, power)) = denominator {
            if !digits.is_empty() {
                break;
            }
            return Some((v / 10f64.powi(i32::from(power)), n + 1));
        }
        digits.push_str(&(v as u64).to_string());
        k = n;
    }
    (!digits.is_empty()).then(|| (super::numbers::decimal_value("0", &digits), k))
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
            None => {
                if let Some(value) = number_before_tail(&words[i], lang) {
                    out.push(Numeral {
                        start: words[i].start,
                        end: words[i].end,
                        value,
                    });
                }
                i += 1
            }
        }
    }
    out
}

/// Stems (neutral keys) that make one word with a number before them: months
/// ("čtyřměsíční"), years of age ("pięcioletni", "petogodišnji"), percent
/// ("stoprocentní", "stopostotni"). Times ("trzykrotnie") are multipliers,
/// read in [`super::relative`].
const NUMBER_TAILS: &[&str] = &[
    "mesec", "mesic", "miesiec", "mesjac", "misjac", "letn", "lety", "godisn", "procent", "postot",
    "odstot",
];

/// The number a compound word starts with, when the rest of it is one of
/// [`NUMBER_TAILS`], the number joined by a linking vowel or none.
fn number_before_tail(word: &Word, lang: &str) -> Option<f64> {
    let key = word.key.as_str();
    let tail = tail_after_number(key)?;
    let head = &key[..key.len() - tail.len()];
    let bare = head.strip_suffix(['o', 'e', 'i']);
    [Some(head), bare].into_iter().flatten().find_map(|head| {
        let mut pieces = Vec::new();
        let read = compound(head, word.cyrillic, lang, &mut pieces)
            && !pieces.iter().any(|p| matches!(p, Piece::Scale(_)));
        read.then(|| combine(&pieces)).flatten()
    })
}

/// The part of a word's neutral key from its first stem in [`NUMBER_TAILS`]
/// on ("mesecne" of "cetvoromesecne"), when something stands before it.
pub(crate) fn tail_after_number(key: &str) -> Option<&str> {
    NUMBER_TAILS
        .iter()
        .find_map(|tail| key.find(tail).filter(|&at| at >= 2))
        .map(|at| &key[at..])
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
    fn long_and_short_scales() {
        assert_eq!(parse("dvadeset jedan milijun", "hr"), Some(21e6));
        assert_eq!(parse("dvije milijarde dvjesto milijuna", "hr"), Some(2.2e9));
        assert_eq!(parse("tri bilijarde", "bs"), Some(3e15));
        assert_eq!(parse("два трильйони", "uk"), Some(2e12));
        assert_eq!(parse("zwei Billionen", "de"), Some(2e12));
        assert_eq!(parse("two trillion", "en"), Some(2e12));
        // Short-scale words, known by a skipped milliard place.
        assert_eq!(parse("jedan bilion dvesta miliona", "sr"), Some(1.2e9));
        assert_eq!(parse("jedan bilion", "sr"), Some(1e12));
        assert_eq!(parse("dva biliona tri milijarde", "sr"), Some(2.003e12));
    }

    #[test]
    fn singular_scale_words_alone() {
        assert_eq!(parse("tysiąc", "pl"), Some(1000.0));
        assert_eq!(parse("хиљаду", "sr"), Some(1000.0));
        assert_eq!(parse("milijun jedan", "hr"), Some(1_000_001.0));
        // "tisíc" is also the plural of "several thousand".
        assert_eq!(parse("tisíc", "cs"), Some(1000.0));
        let t = "několik tisíc lidí";
        assert!(find(t, 0, t.len(), "cs").is_empty());
    }

    #[test]
    fn decimals_and_halves_in_words() {
        assert_eq!(parse("dwa przecinek pięć", "pl"), Some(2.5));
        assert_eq!(parse("twelve point five one", "en"), Some(12.51));
        assert_eq!(
            parse("шістдесят кома нуль п'ятдесят дев'ять", "uk"),
            Some(60.059)
        );
        assert_eq!(parse("пять целых две десятых", "ru"), Some(5.2));
        assert_eq!(parse("одна целая одна тысячная", "ru"), Some(1.001));
        assert_eq!(parse("три с половиной", "ru"), Some(3.5));
        assert_eq!(parse("dwa i pół miliona", "pl"), Some(2.5e6));
        assert_eq!(parse("pół miliona", "pl"), Some(5e5));
    }

    #[test]
    fn case_forms_of_hundreds() {
        assert_eq!(parse("ста двадцати двум", "ru"), Some(122.0));
        assert_eq!(parse("двумястами одиннадцатью", "ru"), Some(211.0));
        assert_eq!(parse("п'ятьмастами сімдесятьма вісьма", "uk"), Some(578.0));
        assert_eq!(parse("п‘ятсот двадцять п‘ять", "uk"), Some(525.0));
        assert_eq!(parse("dvije stotine tisuća", "hr"), Some(200_000.0));
        assert_eq!(parse("devět set devadesát devět", "cs"), Some(999.0));
    }

    #[test]
    fn compounds_in_one_word() {
        assert_eq!(parse("eintausendeins", "de"), Some(1001.0));
        assert_eq!(parse("dvetisícdvanásť", "sk"), Some(2012.0));
        assert_eq!(parse("stodvadsaťtri", "sk"), Some(123.0));
    }

    #[test]
    fn numbers_joined_to_a_stem() {
        for (text, lang, value) in [
            ("čtyřměsíční myši", "cs", 4.0),
            ("четырёхмесячные мыши", "ru", 4.0),
            ("четворомесечне мишеве", "sr", 4.0),
            ("pięcioletni chłopiec", "pl", 5.0),
            ("dwudziestoletni", "pl", 20.0),
            ("petogodišnji dječak", "hr", 5.0),
            ("stoprocentní jistotou", "cs", 100.0),
            ("stopostotnom sigurnošću", "hr", 100.0),
        ] {
            let found = find(text, 0, text.len(), lang);
            assert_eq!(
                found.iter().map(|n| n.value).collect::<Vec<_>>(),
                [value],
                "{text}"
            );
        }
        for (text, lang) in [("demokrat", "cs"), ("toaleta", "pl"), ("полет", "ru")] {
            assert!(find(text, 0, text.len(), lang).is_empty(), "{text}");
        }
    }

    #[test]
    fn what_is_no_hundred() {
        // Serbian, Macedonian, Belarusian "што" and Croatian "što" (what)
        // fold like "сто"; Russian "ста" (of a hundred) like Serbian "шта".
        for (text, lang) in [
            ("Што је то", "sr"),
            ("što je to", "hr"),
            ("што е тоа", "mk"),
        ] {
            assert!(find(text, 0, text.len(), lang).is_empty(), "{text}");
        }
        assert!(find("шта је то", 0, "шта је то".len(), "sr").is_empty());
        assert_eq!(parse("сто", "sr"), Some(100.0));
    }

    #[test]
    fn words_that_only_look_like_numbers() {
        // Slovenian "sem" (I am) is not Russian "семь"; "trzeba" is not "trzy".
        assert!(find("To sem rekel.", 0, 13, "sl").is_empty());
        // Czech and Slovenian "sester" (of sisters) is not "šest" with an ending.
        let cs = "Sedm sester";
        assert!(find(cs, 0, cs.len(), "cs").iter().all(|n| n.value == 7.0));
        let pl = "Trzeba było stać.";
        assert!(find(pl, 0, pl.len(), "pl").is_empty());
        assert_eq!(parse("tysiące", "pl"), None);
    }
}
