//! Cardinal numbers written in words, in all their case and gender forms:
//! "dwadzieścia cztery", "dvadeset četiri", "двадцать четыре", "dwóch",
//! "półtora", "štiriindvajset", "vierundzwanzig", "twenty-four".
//!
//! Each table row is a value and the stems that write it; a word is a stem
//! plus one of the case endings in [`ENDINGS`], compared as neutral keys
//! (see [`fold_word`]). Stems written in Cyrillic match Cyrillic words only and
//! Latin stems Latin words only, so Slovenian "sem" ("I am") never reads as
//! Russian "семь". English and German have tables of their own.

use super::numbers::{scale_factor, Numeral};
use crate::text::language::primary;
use crate::text::normalize::fold_word;
use std::sync::OnceLock;

/// Slavic stems by value: units, teens, tens, hundreds.
const SLAVIC: &[(u16, &str)] = &[
    (0, "zero nula нуль ноль нула"),
    (1, "jeden jedn jedan en један једн один одн адзін адн един едн еден"),
    (2, "dw dv дв дзв"),
    (3, "tr trz тр"),
    (4, "czter čtyř čtyr štyr štir četir четыр четир чотир чатыр"),
    (5, "pięć pięci pět pěti päť piat pet пят пяц пет"),
    (6, "sześć sześci šest šesť шест шесть шіст шэсц"),
    (7, "siedem siedmi sedm sedem sedam сем седем седам седум сім"),
    (8, "osiem ośmi osm osem osam восем восьм вісім осем осам осум"),
    (9, "dziewięć dziewięci devět devěti deväť devät devet девят дев'ят дзевяц девет"),
    (10, "dziesięć dziesięci deset desať desiat десят десет дзесяц"),
    (11, "jedenaście jedenast jedenáct jedenásť enajst jedanaest одиннадцат одинадцят адзінаццац единадесет единаесет једанаест"),
    (12, "dwanaście dwunast dwanast dvanáct dvanásť dvanajst dvanaest двенадцат дванадцят дванаццац дванадесет дванаесет"),
    (13, "trzynaście trzynast třináct trinásť trinajst trinaest тринадцат трынаццац тринадесет тринаесет"),
    (14, "czternaście czternast čtrnáct štrnásť štirinajst četrnaest четырнадцат чотирнадцят чатырнаццац четиринадесет четиринаесет четрнаест"),
    (15, "piętnaście piętnast patnáct pätnásť petnajst petnaest пятнадцат п'ятнадцят пятнаццац петнадесет петнаесет"),
    (16, "szesnaście szesnast šestnáct šestnásť šestnajst šesnaest шестнадцат шістнадцят шаснаццац шестнадесет шеснаесет"),
    (17, "siedemnaście siedemnast sedmnáct sedemnásť sedemnajst sedamnaest семнадцат сімнадцят сямнаццац седемнадесет седумнаесет седамнаест"),
    (18, "osiemnaście osiemnast osmnáct osemnásť osemnajst osamnaest восемнадцат вісімнадцят васямнаццац осемнадесет осумнаесет осамнаест"),
    (19, "dziewiętnaście dziewiętnast devatenáct devätnásť devetnajst devetnaest девятнадцат дев'ятнадцят дзевятнаццац деветнадесет деветнаесет"),
    (20, "dwadzieści dwudziest dvacet dvadsať dvajset dvadeset двадцат двадцят дваццац двадесет дваесет"),
    (30, "trzydzieści trzydziest třicet tridsať trideset тридцат тридцят трыццац тридесет триесет"),
    (40, "czterdzieści czterdziest čtyřicet štyridsať štirideset četrdeset сорок сорак четиридесет четириесет четрдесет"),
    (50, "pięćdziesiąt pięćdziesięci padesát päťdesiat petdeset pedeset пятьдесят пятидесят п'ятдесят пяцьдзясят петдесет педесет"),
    (60, "sześćdziesiąt sześćdziesięci šedesát šesťdesiat šestdeset šezdeset шестьдесят шестидесят шістдесят шэсцьдзясят шестдесет шеесет шездесет"),
    (70, "siedemdziesiąt siedemdziesięci sedmdesát sedemdesiat sedemdeset sedamdeset семьдесят семидесят сімдесят семдзесят седемдесет седумдесет седамдесет"),
    (80, "osiemdziesiąt osiemdziesięci osmdesát osemdesiat osemdeset osamdeset восемьдесят восьмидесят вісімдесят васемдзесят осемдесет осумдесет осамдесет"),
    (90, "dziewięćdziesiąt dziewięćdziesięci devadesát deväťdesiat devetdeset devedeset девяност дев'яност дзевяност деветдесет деведесет"),
    (200, "dwieście dwustu dvesto dvjesto dvjesta dvesta двест двухсот двіст дзвесц двеста двесте"),
    (300, "trzysta trzystu tristo trista трист трехсот трьохсот трыст"),
    (400, "czterysta czterystu štyristo štiristo četiristo четырест четырехсот чотирист чатырыст четиристо четиристотин"),
    (500, "pięćset pięciuset pětset päťsto petsto пятьсот пятисот п'ятсот пяцьсот петсто петстотин"),
    (600, "sześćset sześciuset šestset šesťsto šeststo šesto шестьсот шестисот шістсот шэсцьсот шесто шестстотин шестотин"),
    (700, "siedemset siedmiuset sedmset sedemsto sedamsto семьсот семисот сімсот семсот седамсто седемстотин седумстотин"),
    (800, "osiemset ośmiuset osmset osemsto osamsto восемьсот восьмисот вісімсот васемсот осамсто осемстотин осумстотин"),
    (900, "dziewięćset dziewięciuset devětset deväťsto devetsto девятьсот девятисот дев'ятсот дзевяцьсот деветсто деветстотин"),
];

/// English and German stems by value.
const GERMANIC: &[(u16, &str)] = &[
    (0, "zero null"),
    (1, "one ein eins"),
    (2, "two zwei"),
    (3, "three drei"),
    (4, "four vier"),
    (5, "five fünf"),
    (6, "six sechs"),
    (7, "seven sieben"),
    (8, "eight acht"),
    (9, "nine neun"),
    (10, "ten zehn"),
    (11, "eleven elf"),
    (12, "twelve zwölf"),
    (13, "thirteen dreizehn"),
    (14, "fourteen vierzehn"),
    (15, "fifteen fünfzehn"),
    (16, "sixteen sechzehn"),
    (17, "seventeen siebzehn"),
    (18, "eighteen achtzehn"),
    (19, "nineteen neunzehn"),
    (20, "twenty zwanzig"),
    (30, "thirty dreißig"),
    (40, "forty vierzig"),
    (50, "fifty fünfzig"),
    (60, "sixty sechzig"),
    (70, "seventy siebzig"),
    (80, "eighty achtzig"),
    (90, "ninety neunzig"),
];

/// Case, gender and plural endings after a stem, as neutral keys.
pub(crate) const ENDINGS: &[&str] = &[
    "", "a", "e", "i", "o", "u", "y", "s", "aj", "ama", "aju", "ah", "ami", "eh", "em", "ema",
    "emi", "emja", "en", "er", "es", "ego", "emu", "ej", "ie", "ih", "im", "ima", "imi", "ija",
    "ije", "iju", "iu", "ioma", "ja", "ju", "mi", "mja", "oh", "oj", "om", "oma", "omi", "ogo",
    "omu", "ou", "ov", "uh", "um", "umja", "ijeji", "ga", "ega", "ym", "ymi",
];

/// Hundred as a multiplier ("dvě stě", "tri sto", "zwei hundert").
const HUNDRED: &[&str] = &["sto", "sta", "stu", "ste", "stotin", "hundert", "hundred"];
/// "półtora", "полтора", "півтора": one and a half.
const ONE_AND_A_HALF: &[&str] = &["poltor", "pivtor"];
/// Words that join number words, as neutral keys: "sto i pięć", "сто и
/// пять", "hundred and five".
const JOINERS: &[&str] = &["i", "a", "and", "und", "in"];
/// "minus", "минус", "мінус" as a neutral key.
const MINUS: &str = "minus";

/// One table, folded once: (neutral stem, value, written in Cyrillic).
type Stems = Vec<(String, u16, bool)>;

fn stems(germanic: bool) -> &'static Stems {
    static SLAVIC_STEMS: OnceLock<Stems> = OnceLock::new();
    static GERMANIC_STEMS: OnceLock<Stems> = OnceLock::new();
    let (cell, table) = if germanic {
        (&GERMANIC_STEMS, GERMANIC)
    } else {
        (&SLAVIC_STEMS, SLAVIC)
    };
    cell.get_or_init(|| {
        let mut all: Stems = table
            .iter()
            .flat_map(|&(value, words)| {
                words.split(' ').map(move |w| {
                    let cyrillic = w.chars().any(is_cyrillic);
                    (fold_word(w), value, cyrillic)
                })
            })
            .collect();
        crate::sort::sort(&mut all);
        all
    })
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
    let germanic = matches!(primary(lang), "en" | "de");
    if HUNDRED.contains(&key) {
        let alone = matches!(key, "sto" | "stu" | "hundert" | "hundred");
        return Some(Piece::Hundred { alone });
    }
    if ONE_AND_A_HALF
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
    let bare = ["mln", "mld", "mlrd", "mrd", "mio"];
    (key.chars().count() >= 5 && !bare.iter().any(|b| key.starts_with(b))).then_some(factor)
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
    if !matches!(primary(lang), "de" | "sl") || !starts_like_number(key, lang) {
        return false;
    }
    for split in (2..key.len()).rev().filter(|&n| key.is_char_boundary(n)) {
        let head = &key[..split];
        let head_piece = match head {
            "hundert" | "hundred" => Some(Piece::Hundred { alone: true }),
            "tausend" => Some(Piece::Scale(1e3)),
            "und" | "in" => None,
            _ => piece(head, cyrillic, lang).filter(|p| !matches!(p, Piece::Scale(_))),
        };
        let Some(p) = head_piece else { continue };
        let mut rest = &key[split..];
        let mut swapped = false;
        for joiner in ["und", "in"] {
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
    let table = stems(primary(lang) == "de");
    (2..key.len())
        .filter(|&n| key.is_char_boundary(n))
        .any(|n| {
            let head = &key[..n];
            table.binary_search_by(|s| s.0.as_str().cmp(head)).is_ok()
                || HUNDRED.contains(&head)
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
            if JOINERS.contains(&w.key.as_str()) && !pieces.is_empty() {
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
        crate::facts::assert_folded(HUNDRED);
        crate::facts::assert_folded(ONE_AND_A_HALF);
        crate::facts::assert_folded(JOINERS);
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
