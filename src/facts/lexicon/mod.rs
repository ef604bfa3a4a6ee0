//! The words of each language that facts are read with, one file per
//! language: plain data a linguist can read and extend. Adding a language is
//! adding a file here, its line in [`ALL`], and its tests.
//!
//! Two spellings are used. Fields marked *as written* hold words in the
//! language's own spelling (folded once when the tables are built); fields
//! marked *neutral keys* hold words already folded by
//! [`crate::text::normalize::fold_word`] ("więcej niż" is "viecej niz",
//! "около" is "okolo"), so they are compared without folding at run time.
//! A *prefix* matches every word whose neutral key starts with it.
//!
//! The extractors match the words of all languages at once (news quote
//! neighbours' forms, and a document's language may be guessed wrong); a
//! language's own entries only win where two languages disagree (Croatian
//! "listopad" is October, Polish and Czech "listopad" November).

use super::DurationUnit;

/// A list of words or phrases kept as one string, entries joined by `|`:
/// one pointer and length for the whole list instead of one per entry (8
/// bytes each in the wasm, which add up to kilobytes over all languages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words(pub &'static str);

impl Words {
    /// The entries, in order.
    pub fn iter(self) -> core::str::SplitTerminator<'static, char> {
        self.0.split_terminator('|')
    }

    /// Takes `&key` like a slice's `contains`, so callers read the same.
    pub fn contains<S: AsRef<str> + ?Sized>(self, entry: &S) -> bool {
        let entry = entry.as_ref();
        self.iter().any(|w| w == entry)
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }
}

impl IntoIterator for Words {
    type Item = &'static str;
    type IntoIter = core::str::SplitTerminator<'static, char>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// `words!["a", "b c"]` is `Words("a|b c")`: the data files keep the look of
/// a list while the wasm stores one string.
macro_rules! words {
    () => {
        $crate::facts::lexicon::Words("")
    };
    ($first:literal $(, $rest:literal)* $(,)?) => {
        $crate::facts::lexicon::Words(concat!($first $(, "|", $rest)*))
    };
}

mod be;
mod bg;
mod bs;
mod cs;
mod de;
mod en;
mod hr;
mod mk;
mod pl;
mod ru;
mod sk;
mod sl;
mod sr;
mod uk;

/// How a language writes numbers in words, which decides the stems it is
/// read with: Slavic documents with the number stems of all Slavic
/// languages (Cyrillic stems match Cyrillic words only), Germanic ones with
/// those of English and German.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Slavic,
    Germanic,
}

/// The words of one language, one field per kind of word.
#[derive(Debug)]
pub struct Lexicon {
    /// Primary language subtag ("sr" covers Cyrillic and Latin).
    pub lang: &'static str,
    pub family: Family,
    /// Writes compound numbers as one word: German "vierundzwanzig",
    /// Slovenian "štiriindvajset".
    pub compounds: bool,

    // --- Numbers ---
    /// Stems of cardinals by value (units, teens, tens, hundreds), as
    /// written, space-separated; a number word is a stem plus a case ending
    /// (`number_words::ENDINGS`).
    pub numbers: &'static [(u16, &'static str)],
    /// "Hundred" that can stand alone or multiply ("sto", "hundred"); neutral keys.
    pub hundreds: Words,
    /// "Hundred" only after a unit (Czech "dvě stě", "tři sta"); neutral keys.
    pub hundreds_after_unit: Words,
    /// One and a half ("półtora"); neutral-key prefixes.
    pub one_and_a_half: Words,
    /// Words joining number words ("sto i pięć", "hundred and five"); neutral keys.
    pub joiners: Words,
    /// Joiners inside a one-word compound that put the unit before the ten
    /// ("vierundzwanzig", "štiriindvajset"); neutral keys.
    pub unit_before_ten: Words,
    /// Scale words and their abbreviations by power of ten (3: thousand, 6:
    /// million, 9: milliard, 12: long-scale billion…); neutral-key prefixes.
    pub scales: &'static [(u8, &'static [&'static str])],
    /// Singular scale words that alone are one of it ("tysiąc" 1000), as
    /// written; not forms that are also plurals ("několik tisíc", "a few
    /// thousand"), which are no figure.
    pub lone_scales: Words,
    /// An indefinite number before a scale word ("několik tisíc", "several
    /// thousand"), after which a lone scale word is no figure; neutral-key prefixes.
    pub few: Words,
    /// Between the whole part and the fraction ("dwa przecinek pięć", "two
    /// point five", "пять целых две десятых"); neutral keys.
    pub decimal_points: Words,
    /// Fraction denominators by power of ten ("две десятых"), as written,
    /// space-separated.
    pub fractions: &'static [(u8, &'static str)],
    /// "And a half" after a number ("trzy i pół", "три с половиной");
    /// phrases of neutral keys.
    pub and_a_half: Words,
    /// One half as a number word ("pół miliona", "пів години"); neutral keys.
    pub halves: Words,
    /// Words that fold to the key of a number word but are none: Serbian
    /// "што" (what) is "sto" as "сто" (hundred) is; as written, lower case.
    pub not_numbers: Words,

    // --- Quantities: qualifiers before a number; phrases of neutral keys ---
    /// "około", "about".
    pub approximately: Words,
    /// "co najmniej", "at least".
    pub at_least: Words,
    /// "ponad", "more than".
    pub more_than: Words,
    /// "prawie", "do", "up to".
    pub at_most: Words,
    /// "mniej niż", "less than".
    pub less_than: Words,
    /// Opening a range before its first number ("od 10 do 15", "from"); neutral keys.
    pub range_from: Words,
    /// "Between", which opens a range that "and" closes; neutral keys.
    pub between: Words,
    /// Between the two numbers of a range ("10 do 15", "10 to 15"); as written, lower case.
    pub range_to: Words,
    /// "And" after "between" ("между 10 и 15"); as written, lower case.
    pub range_and: Words,
    /// Percent words; neutral-key prefixes.
    pub percent: Words,

    // --- Dates and durations ---
    /// Stems of month names, January first, as written, space-separated.
    pub months: [&'static str; 12],
    /// Stems of weekday names, Monday first, as written, space-separated.
    pub weekdays: [&'static str; 7],
    /// Stems of duration units, as written, space-separated.
    pub durations: &'static [(DurationUnit, &'static str)],
    /// Abbreviated duration units after a number ("15 мин", "2 хв"), read in
    /// this language only; neutral keys.
    pub duration_abbreviations: &'static [(DurationUnit, &'static str)],
    /// "Half" before a unit ("pół godziny", "пол часа"), also glued to it
    /// ("полчаса", "півгодини"); neutral keys.
    pub half_before_unit: Words,
    /// "And a half" after a unit ("час и половина") or between a number and
    /// its unit ("три с половиной месяца"); phrases of neutral keys.
    pub unit_and_a_half: Words,
    /// After a year ("2000 roku", "2024 г."); neutral keys.
    pub year_after: Words,
    /// Before a year ("leta 2000", "im Jahr 2000"); neutral keys.
    pub year_before: Words,
    /// Today, yesterday, the day before yesterday, tomorrow; neutral keys.
    pub today: Words,
    pub yesterday: Words,
    pub day_before_yesterday: Words,
    pub tomorrow: Words,
    /// "Last" before "year" ("zeszłym roku"); neutral-key prefixes.
    pub past: Words,
    /// "Next" before "year" or a weekday; neutral-key prefixes.
    pub next: Words,
    /// "This" before "year"; neutral keys.
    pub this: Words,
    /// "Year" after "last", "next", "this"; neutral keys.
    pub year_units: Words,
    /// "Month" after "last", "next", "this"; neutral keys.
    pub month_units: Words,
    /// The day after tomorrow; neutral keys.
    pub day_after_tomorrow: Words,
    /// Abbreviated weekday names, Monday first, as written in lower case,
    /// space-separated; read only before a dot or a comma ("pon.", "Пт,").
    /// Abbreviations that are also words ("pet", Croatian "five") are left out.
    pub weekday_abbreviations: [&'static str; 7],
    /// Stems of the ordinal numbers a day of the month is written with, as
    /// written: 1–20 and 30 ("dwudziesty pierwszy" adds two of them up).
    pub day_ordinals: &'static [(u8, &'static str)],

    // --- Multipliers ---
    /// One-word multipliers ("trzykrotnie", "втрое", "twice") and their
    /// factor; neutral-key prefixes.
    pub multipliers: &'static [(&'static str, f64)],
    /// "Times" after a number ("trzy razy"); neutral keys.
    pub times: Words,
    /// "Half" after "o", "za", "na" ("o połowę"); neutral keys.
    pub half: Words,

    // --- Quotations and sources ---
    /// Verbs of saying ("powiedział", "said"); neutral-key prefixes.
    pub said: Words,
    /// Phrases opening a source ("według", "according to"); phrases of neutral keys.
    pub source_cues: Words,
}

/// Every language, in a fixed order (where two disagree and neither is the
/// document's, the first wins).
pub const ALL: &[&Lexicon] = &[
    &pl::LEXICON,
    &cs::LEXICON,
    &sk::LEXICON,
    &sl::LEXICON,
    &hr::LEXICON,
    &bs::LEXICON,
    &sr::LEXICON,
    &mk::LEXICON,
    &bg::LEXICON,
    &ru::LEXICON,
    &uk::LEXICON,
    &be::LEXICON,
    &en::LEXICON,
    &de::LEXICON,
];

/// The index in [`ALL`] of the lexicon of a language tag ("sr-Latn" is "sr").
pub fn index(lang: &str) -> Option<usize> {
    let primary = crate::text::language::primary(lang);
    ALL.iter()
        .position(|l| l.lang.eq_ignore_ascii_case(primary))
}

/// The lexicon of a language tag, when there is one.
///
/// ```
/// use claimdiff::facts::lexicon::{get, Family};
/// assert_eq!(get("sr-Latn").map(|l| l.lang), Some("sr"));
/// assert_eq!(get("de").map(|l| l.family), Some(Family::Germanic));
/// assert!(get("fr").is_none());
/// ```
pub fn get(lang: &str) -> Option<&'static Lexicon> {
    index(lang).map(|i| ALL[i])
}

/// Every entry of one list field over all languages, in [`ALL`] order.
/// A function pointer, not `impl Fn`: one copy of this loop in the wasm per
/// element type instead of one per field.
pub(crate) fn all<L: List>(field: fn(&Lexicon) -> L) -> Vec<L::Item> {
    let mut entries = Vec::new();
    for l in ALL {
        field(l).append_to(&mut entries);
    }
    entries
}

/// A list field of a [`Lexicon`]: a slice or [`Words`].
pub(crate) trait List {
    type Item;
    fn append_to(self, out: &mut Vec<Self::Item>);
}

impl<T: Copy> List for &[T] {
    type Item = T;
    fn append_to(self, out: &mut Vec<T>) {
        out.extend_from_slice(self);
    }
}

impl List for Words {
    type Item = &'static str;
    fn append_to(self, out: &mut Vec<&'static str>) {
        out.extend(self.iter());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::assert_folded;

    #[test]
    fn every_language_has_the_basic_words() {
        for l in ALL {
            assert!(!l.numbers.is_empty(), "{}: numbers", l.lang);
            assert!(l.months.iter().all(|m| !m.is_empty()), "{}: months", l.lang);
            assert!(
                l.scales.iter().any(|s| !s.1.is_empty()),
                "{}: scale words",
                l.lang
            );
            assert!(!l.percent.is_empty(), "{}: percent", l.lang);
        }
    }

    #[test]
    fn tags_are_unique_and_found() {
        for (i, l) in ALL.iter().enumerate() {
            assert_eq!(index(l.lang), Some(i));
        }
        assert_eq!(index("sr-Cyrl"), index("sr"));
    }

    /// Fields documented as neutral keys are folded already.
    #[test]
    fn lexicons_are_neutral_keys() {
        for l in ALL {
            let lists: [Words; 35] = [
                l.few,
                l.unit_before_ten,
                l.decimal_points,
                l.and_a_half,
                l.halves,
                l.hundreds,
                l.hundreds_after_unit,
                l.one_and_a_half,
                l.joiners,
                l.approximately,
                l.at_least,
                l.more_than,
                l.at_most,
                l.less_than,
                l.range_from,
                l.between,
                l.percent,
                l.year_after,
                l.year_before,
                l.today,
                l.yesterday,
                l.day_before_yesterday,
                l.tomorrow,
                l.past,
                l.next,
                l.this,
                l.year_units,
                l.month_units,
                l.day_after_tomorrow,
                l.half_before_unit,
                l.unit_and_a_half,
                l.times,
                l.half,
                l.said,
                l.source_cues,
            ];
            for list in lists {
                assert!(!list.0.contains("||"), "{}: an empty entry", l.lang);
                assert_folded(&list.iter().collect::<Vec<_>>());
            }
            for word in l.not_numbers.iter().chain(l.lone_scales) {
                assert_eq!(
                    word.to_lowercase(),
                    *word,
                    "{}: {word} is not lower case",
                    l.lang
                );
            }
            for (_, words) in l.scales {
                assert_folded(words);
            }
            assert_folded(&l.multipliers.iter().map(|m| m.0).collect::<Vec<_>>());
            assert_folded(
                &l.duration_abbreviations
                    .iter()
                    .map(|m| m.1)
                    .collect::<Vec<_>>(),
            );
        }
    }
}
