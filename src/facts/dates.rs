//! Dates and durations: "19 czerwca 2024", "19. јуна 2024.", "June 19,
//! 2024", "19.06.2024", "w lutym", "в 2000 году", "2000. godine", "leta
//! 2000"; "24 lat", "24 године", "24 years"; weekdays and "wczoraj", "last
//! year", "prošle godine", resolved against the document's date when known.
//!
//! Month and weekday names are stems plus case endings, compared as neutral
//! keys; Cyrillic stems match Cyrillic words only (Croatian "travanj" is
//! April, Ukrainian "травень" May).

use super::lexicon::{self, Family, Lexicon};
use super::number_words::{self, is_cyrillic, Word, ENDINGS};
use super::numbers::Numeral;
use super::{Context, DateValue, DurationUnit, Fact, FactKind, FactValue};
use crate::text::language::primary;
use crate::text::normalize::fold_word;
use std::sync::OnceLock;

/// A month or weekday stem: (neutral key, value, written in Cyrillic, index
/// of its language in [`lexicon::ALL`]).
type Stem = (String, u8, bool, usize);

/// The words of all lexicons that dates and durations are read with.
struct Tables {
    /// Month and weekday stems, sorted by neutral key (then in lexicon order).
    months: Vec<Stem>,
    weekdays: Vec<Stem>,
    /// Duration units, longest stem first.
    units: Vec<(String, DurationUnit)>,
    /// Words after a year ("w 2000 roku", "2000. godine", "в 2000 году",
    /// "2024 г.") and before one ("leta 2000", "im Jahr 2000", "in 2000").
    year_after: Vec<&'static str>,
    year_before: Vec<&'static str>,
    /// Relative day words: (offset in days, words).
    days: [(i32, Vec<&'static str>); 5],
    /// "last year" and friends: a modifier and a unit (year or month).
    /// Modifiers "past" and "next" are neutral-key prefixes, "this" whole keys.
    past: Vec<&'static str>,
    next: Vec<&'static str>,
    this: Vec<&'static str>,
    year_units: Vec<&'static str>,
    month_units: Vec<&'static str>,
    /// Weekday abbreviations as written in lower case, with their weekday:
    /// compared as written, as folding would make "вс" (Sunday) "vs." (versus)
    /// and Slovak "št" "St.".
    weekday_abbreviations: Vec<(&'static str, u8)>,
    /// Stems of ordinal day numbers, sorted by neutral key.
    ordinals: Vec<Stem>,
}

/// The offset in days of "wczoraj", "jutro", "послезавтра"; Russian and
/// Ukrainian stack "поза-" and "после-" ("позапозавчера", "послепослезавтра").
fn day_offset(key: &str) -> Option<i32> {
    let t = tables();
    if let Some(&(offset, _)) = t.days.iter().find(|(_, list)| list.contains(&key)) {
        return Some(offset);
    }
    if let Some(rest) = key.strip_prefix("poza") {
        return day_offset(rest).filter(|&o| o < -1).map(|o| o - 1);
    }
    let rest = key.strip_prefix("posle")?;
    day_offset(rest).filter(|&o| o > 1).map(|o| o + 1)
}

/// What a word before a weekday, month or "year" says of which one is meant.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    Past,
    This,
    Next,
}

/// The cue a word's neutral key gives: "next" and "last" are prefixes, "this" whole keys.
fn cue(key: &str) -> Option<Cue> {
    let t = tables();
    if t.past.iter().any(|p| key.starts_with(p)) {
        Some(Cue::Past)
    } else if t.next.iter().any(|p| key.starts_with(p)) {
        Some(Cue::Next)
    } else if t.this.contains(&key) {
        Some(Cue::This)
    } else {
        None
    }
}

/// Case endings of ordinals beyond the cardinal ones ("первое", "третій", "первая").
const ORDINAL_ENDINGS: &[&str] = &["oe", "ij", "yj", "aja", "uju", "ja", "je", "ju"];

/// Ordinal suffixes glued to digits, as neutral keys ("szy" is "sy"): "18-го", "18-е", "18tego", "1szy", "3ci", "15ti".
const DIGIT_SUFFIXES: &[&str] = &[
    "e", "i", "y", "go", "ego", "ogo", "oe", "tego", "ty", "sy", "ci", "ti", "gi", "st", "nd",
    "rd", "th",
];

/// Neutral keys of "quarter" before a unit ("четверть часа", "три четверти",
/// "чверть години", "ćwierć wieku", "čtvrt hodiny", "četvrt sata", "четвърт час"):
/// whole words, as "četvrti" is also "fourth" and "четвъртък" Thursday.
const QUARTERS: &[&str] = &[
    "cetvert",
    "cetverti",
    "cetvertju",
    "cvert",
    "cverti",
    "cvierc",
    "ctvrt",
    "ctvrte",
    "cetvrt",
];

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let stems = |rows: &dyn Fn(&Lexicon) -> &[&'static str]| {
            let mut all: Vec<Stem> = Vec::new();
            for (li, l) in lexicon::ALL.iter().enumerate() {
                for (i, words) in rows(l).iter().enumerate() {
                    for w in words.split_whitespace() {
                        all.push((fold_word(w), i as u8 + 1, w.chars().any(is_cyrillic), li));
                    }
                }
            }
            crate::sort::sort_by(&mut all, |a, b| a.0.cmp(&b.0));
            all
        };
        // Units in a fixed order, so a stem two units share ("година")
        // resolves the same way whatever the order of the lexicons.
        let mut units: Vec<(String, DurationUnit)> = Vec::new();
        for unit in [
            DurationUnit::Year,
            DurationUnit::Month,
            DurationUnit::Week,
            DurationUnit::Day,
            DurationUnit::Hour,
            DurationUnit::Minute,
            DurationUnit::Second,
        ] {
            for l in lexicon::ALL {
                for &(u, words) in l.durations.iter().filter(|d| d.0 == unit) {
                    units.extend(words.split_whitespace().map(|w| (fold_word(w), u)));
                }
            }
        }
        crate::sort::sort_by_key(&mut units, |s| std::cmp::Reverse(s.0.len()));
        Tables {
            months: stems(&|l| &l.months),
            weekdays: stems(&|l| &l.weekdays),
            units,
            year_after: lexicon::all(|l| l.year_after),
            year_before: lexicon::all(|l| l.year_before),
            days: [
                (0, lexicon::all(|l| l.today)),
                (2, lexicon::all(|l| l.day_after_tomorrow)),
                (-1, lexicon::all(|l| l.yesterday)),
                (-2, lexicon::all(|l| l.day_before_yesterday)),
                (1, lexicon::all(|l| l.tomorrow)),
            ],
            past: lexicon::all(|l| l.past),
            next: lexicon::all(|l| l.next),
            this: lexicon::all(|l| l.this),
            year_units: lexicon::all(|l| l.year_units),
            month_units: lexicon::all(|l| l.month_units),
            // Loops, not nested `flat_map`s: smaller in the wasm.
            weekday_abbreviations: {
                let mut all = Vec::new();
                for l in lexicon::ALL {
                    for (i, a) in l.weekday_abbreviations.iter().enumerate() {
                        for a in a.split_whitespace() {
                            all.push((a, i as u8 + 1));
                        }
                    }
                }
                all
            },
            ordinals: {
                let mut all: Vec<Stem> = Vec::new();
                for (li, l) in lexicon::ALL.iter().enumerate() {
                    for &(v, words) in l.day_ordinals {
                        for w in words.split_whitespace() {
                            all.push((fold_word(w), v, w.chars().any(is_cyrillic), li));
                        }
                    }
                }
                crate::sort::sort_by(&mut all, |a, b| a.0.cmp(&b.0));
                all
            },
        }
    })
}

/// The value of the longest stem of `table` that `key` is written with,
/// followed by a case ending, so "červenec" (July) wins over "červen" (June).
/// Where languages give one stem different values, the document's language
/// (index `lang` in [`lexicon::ALL`]) wins, else the first.
/// Endings are at most five bytes: only the last few splits can match.
fn stem_value(table: &[Stem], key: &str, cyrillic: bool, lang: Option<usize>) -> Option<u8> {
    stem_value_with(table, key, cyrillic, lang, &[])
}

/// [`stem_value`] with more endings than the cardinal ones.
fn stem_value_with(
    table: &[Stem],
    key: &str,
    cyrillic: bool,
    lang: Option<usize>,
    more: &[&str],
) -> Option<u8> {
    // Stems of `key` at least `shortest` long sort between it and `key`:
    // most words (no month, no ordinal) end here after one search.
    let shortest = &key.as_bytes()[..key.len().saturating_sub(5)];
    let from = table.partition_point(|s| s.0.as_bytes() < shortest);
    if table.get(from).map_or(true, |s| s.0.as_str() > key) {
        return None;
    }
    (key.len().saturating_sub(5)..=key.len())
        .rev()
        .filter(|&n| {
            key.is_char_boundary(n) && (ENDINGS.contains(&&key[n..]) || more.contains(&&key[n..]))
        })
        .find_map(|n| {
            let stem = &key[..n];
            let from = table.partition_point(|s| s.0.as_str() < stem);
            let mut same = table[from..]
                .iter()
                .take_while(|s| s.0 == stem)
                .filter(|s| s.2 == cyrillic);
            let first = same.next()?;
            Some(
                same.chain([first])
                    .find(|s| Some(s.3) == lang)
                    .unwrap_or(first)
                    .1,
            )
        })
}

/// The month a word names, in any of the 14 languages and any case form.
///
/// ```
/// use claimdiff::facts::dates::month;
/// assert_eq!(month("czerwca", "pl"), Some(6));
/// assert_eq!(month("јуна", "sr"), Some(6));
/// assert_eq!(month("července", "cs"), Some(7));
/// assert_eq!(month("listopada", "hr"), Some(10)); // Croatian October, Polish November
/// assert_eq!(month("listopada", "pl"), Some(11));
/// assert_eq!(month("октобра", "sr"), Some(10)); // the fleeting "a" of "октобар"
/// assert_eq!(month("decembra", "sl"), Some(12));
/// assert_eq!(month("Urus", "sr"), None);
/// assert_eq!(month("Sierp.", "pl"), Some(8)); // an abbreviation in the document's language
/// ```
pub fn month(word: &str, lang: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    month_of_key(&fold_word(word), word.chars().any(is_cyrillic), lang)
        .or_else(|| month_abbreviation(word, lang))
}

/// The month a word of three letters or more abbreviates in the document's
/// language: the start of one month's name only ("Sie", "Sierp", "фев", "velj").
fn month_abbreviation(word: &str, lang: &str) -> Option<u8> {
    let lower = word.to_lowercase();
    if lower.chars().count() < 3 {
        return None;
    }
    let mut found = None;
    for (i, stems) in lexicon::get(lang)?.months.iter().enumerate() {
        if stems
            .split_whitespace()
            .any(|s| s.starts_with(lower.as_str()))
        {
            if found.is_some_and(|f| f != i) {
                return None;
            }
            found = Some(i);
        }
    }
    found.map(|i| i as u8 + 1)
}

/// The day an ordinal word names ("pierwszego", "восьмое", "treći"), 1–20 or 30.
fn ordinal_of_key(key: &str, cyrillic: bool, lang: &str) -> Option<u8> {
    stem_value_with(
        &tables().ordinals,
        key,
        cyrillic,
        lexicon::index(lang),
        ORDINAL_ENDINGS,
    )
}

/// [`month`] of a word's neutral key.
fn month_of_key(key: &str, cyrillic: bool, lang: &str) -> Option<u8> {
    // Months are masculine in Polish and Czech: dative "listopadowi".
    stem_value_with(
        &tables().months,
        key,
        cyrillic,
        lexicon::index(lang),
        &["ovi"],
    )
}

/// The weekday a word names, Monday = 1.
///
/// ```
/// use claimdiff::facts::dates::weekday;
/// assert_eq!(weekday("środę"), Some(3));
/// assert_eq!(weekday("пятницу"), Some(5));
/// assert_eq!(weekday("Sunday"), Some(7));
/// assert_eq!(weekday("pon."), Some(1));
/// ```
pub fn weekday(word: &str) -> Option<u8> {
    let bare = word.trim_end_matches(['.', ',']);
    stem_value(
        &tables().weekdays,
        &fold_word(bare),
        bare.chars().any(is_cyrillic),
        None,
    )
    .or_else(|| (bare.len() < word.len()).then(|| weekday_abbreviation(bare))?)
}

/// The weekday an abbreviation names ("pon", "Пт").
fn weekday_abbreviation(word: &str) -> Option<u8> {
    if word.len() > 12 {
        return None;
    }
    tables()
        .weekday_abbreviations
        .iter()
        .find(|a| word.chars().flat_map(char::to_lowercase).eq(a.0.chars()))
        .map(|a| a.1)
}

/// The duration unit a word's neutral key names.
fn duration_unit(key: &str, lang: &str) -> Option<DurationUnit> {
    let unit = tables()
        .units
        .iter()
        .find(|(stem, _)| {
            key.strip_prefix(stem.as_str())
                .is_some_and(|e| e.len() <= 5)
        })?
        .1;
    // "година" is a year in Serbian, Macedonian, Bulgarian, an hour in Ukrainian.
    if key.starts_with("godin") && matches!(primary(lang), "uk" | "be" | "cs" | "sk") {
        return Some(DurationUnit::Hour);
    }
    Some(unit)
}

/// The unit a word after a number names, and where it ends: a unit word
/// ("godzin", "месяца") or, in the document's language, an abbreviation
/// ("15 мин", "2 хв", "8 ч") with its dot.
fn unit_of(text: &str, w: &Word, end: usize, lang: &str) -> Option<(DurationUnit, usize)> {
    if let Some(u) = duration_unit(&w.key, lang) {
        return Some((u, w.end));
    }
    let (u, _) = lexicon::get(lang)?
        .duration_abbreviations
        .iter()
        .find(|a| a.1 == w.key)?;
    let dot = usize::from(text[w.end..end].starts_with('.'));
    Some((*u, w.end + dot))
}

/// The number of words of an "and a half" phrase starting at word `i` ("i pół",
/// "с половиной"), in the document's language, when they follow each other.
fn and_a_half(text: &str, ws: &[Word], i: usize, lang: &str) -> Option<usize> {
    lexicon::get(lang)?
        .unit_and_a_half
        .iter()
        .find_map(|phrase| {
            let mut n = 0;
            for part in phrase.split(' ') {
                let w = ws.get(i + n)?;
                if w.key != part || (n > 0 && !text[ws[i + n - 1].end..w.start].trim().is_empty()) {
                    return None;
                }
                n += 1;
            }
            Some(n)
        })
}

/// Half a unit: "pół godziny", "пол часа", glued "полчаса", "півгодини";
/// the unit and the index of its word. "Полдень" is noon, not half a day.
fn half_unit(text: &str, ws: &[Word], i: usize, lang: &str) -> Option<(DurationUnit, usize)> {
    let halves = lexicon::get(lang)?.half_before_unit;
    let w = &ws[i];
    if halves.contains(&w.key.as_str()) {
        let next = ws.get(i + 1)?;
        if !text[w.end..next.start].trim().is_empty() {
            return None;
        }
        return Some((duration_unit(&next.key, lang)?, i + 1));
    }
    if w.key == "polden" {
        return None;
    }
    let rest = halves
        .iter()
        .find_map(|h| w.key.strip_prefix(h))
        .filter(|r| r.len() >= 3)?;
    Some((duration_unit(rest, lang)?, i))
}

/// Parses an ISO date "YYYY-MM-DD".
///
/// ```
/// use claimdiff::facts::dates::parse_iso;
/// let d = parse_iso("2024-06-19").unwrap();
/// assert_eq!((d.year, d.month, d.day), (Some(2024), Some(6), Some(19)));
/// assert!(parse_iso("19.06.2024").is_none());
/// ```
pub fn parse_iso(s: &str) -> Option<DateValue> {
    let mut parts = s.trim().split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let num = |p: &str| {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.bytes().fold(0i32, |a, b| a * 10 + i32::from(b - b'0')))
    };
    let (y, m, d) = (num(y)?, num(m)?, num(d)?);
    valid(y, m, d).then(|| DateValue {
        year: Some(y),
        month: Some(m as u8),
        day: Some(d as u8),
        ..DateValue::default()
    })
}

fn valid(y: i32, m: i32, d: i32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m as u8)
}

fn days_in_month(y: i32, m: u8) -> i32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (proleptic Gregorian), for weekday arithmetic.
///
/// ```
/// use claimdiff::facts::dates::days;
/// assert_eq!(days(1970, 1, 1), 0);
/// assert_eq!(days(2024, 6, 19) - days(2000, 6, 19), 8766);
/// ```
pub fn days(y: i32, m: u8, d: u8) -> i64 {
    let (y, m) = if m <= 2 {
        (i64::from(y) - 1, i64::from(m) + 12)
    } else {
        (i64::from(y), i64::from(m))
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m - 3) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `n` days after `d` (which must be a full date).
fn add_days(d: DateValue, n: i64) -> DateValue {
    let (mut y, mut m, mut day) = (
        d.year.unwrap_or(2000),
        d.month.unwrap_or(1),
        i64::from(d.day.unwrap_or(1)) + n,
    );
    while day < 1 {
        m = if m == 1 {
            y -= 1;
            12
        } else {
            m - 1
        };
        day += i64::from(days_in_month(y, m));
    }
    while day > i64::from(days_in_month(y, m)) {
        day -= i64::from(days_in_month(y, m));
        m = if m == 12 {
            y += 1;
            1
        } else {
            m + 1
        };
    }
    DateValue {
        year: Some(y),
        month: Some(m),
        day: Some(day as u8),
        resolved_from_relative: true,
    }
}

/// Monday = 1 … Sunday = 7.
fn weekday_of(d: DateValue) -> u8 {
    let n = days(
        d.year.unwrap_or(2000),
        d.month.unwrap_or(1),
        d.day.unwrap_or(1),
    );
    ((n + 3).rem_euclid(7) + 1) as u8
}

/// Dates and durations in `text[start..end]`; numerals they use are removed
/// from `numerals`.
///
/// ```
/// use claimdiff::facts::{dates::find, numbers, number_words, Context, FactValue};
/// let text = "Podpisano 19 czerwca 2024 r., po 24 latach, a wczoraj było spotkanie.";
/// let ctx = Context::new(text, "pl", Some("2024-06-20"));
/// let mut numerals = numbers::find(text, 0, text.len(), true, "pl");
/// let facts = find(text, 0, text.len(), &ctx, &mut numerals);
/// let spans: Vec<&str> = facts.iter().map(|f| &text[f.start..f.end]).collect();
/// assert_eq!(spans, ["19 czerwca 2024 r.", "24 latach", "wczoraj"]);
/// match &facts[2].value { FactValue::Date(d) => assert_eq!(d.iso(), "2024-06-19"), _ => panic!() }
/// assert!(numerals.is_empty());
/// ```
pub fn find(
    text: &str,
    start: usize,
    end: usize,
    ctx: &Context,
    numerals: &mut Vec<Numeral>,
) -> Vec<Fact> {
    let ws = number_words::words(text, start, end);
    find_in_words(text, start, end, &ws, ctx, numerals)
}

/// [`find`] over the words of `text[start..end]` (see [`number_words::words`]);
/// `numerals` are sorted by start.
pub(crate) fn find_in_words(
    text: &str,
    start: usize,
    end: usize,
    ws: &[Word],
    ctx: &Context,
    numerals: &mut Vec<Numeral>,
) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    let mut used = vec![false; numerals.len()];
    let integer = |n: &Numeral| {
        n.value.fract() == 0.0
            && n.value >= 0.0
            && text[n.start..n.end].bytes().all(|b| b.is_ascii_digit())
    };
    // The numeral ending right before byte `at` (spaces and an ordinal dot between).
    // Numerals are sorted: only the closest one on each side can qualify.
    let numeral_before = |at: usize| -> Option<usize> {
        let k = numerals.partition_point(|n| n.start < at).checked_sub(1)?;
        let n = &numerals[k];
        (n.end <= at
            && text[n.end..at]
                .trim_matches(|c: char| c.is_whitespace() || c == '.')
                .is_empty())
        .then_some(k)
    };
    let numeral_after = |at: usize| -> Option<usize> {
        let k = numerals.partition_point(|n| n.start < at);
        let n = numerals.get(k)?;
        text[at..n.start]
            .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '.')
            .is_empty()
            .then_some(k)
    };
    let year_in = |v: f64| (1000.0..=2200.0).contains(&v);
    // Facts never overlap. Their spans are kept sorted in two lists: those
    // of earlier passes, and those of the current pass (each pass finds them
    // mostly in order, so they are appended).
    let mut spans = Spans::default();
    let push = |facts: &mut Vec<Fact>,
                spans: &mut Spans,
                s: usize,
                e: usize,
                kind: FactKind,
                value: FactValue| {
        let free = spans.insert(s, e);
        if free {
            facts.push(Fact {
                kind,
                start: s,
                end: e,
                value,
            });
        }
        free
    };
    // The furthest end of the numerals up to each one (they are sorted by
    // start but may overlap), to find those a span covers without a scan.
    let mut reach = Vec::with_capacity(numerals.len());
    for n in numerals.iter() {
        reach.push(reach.last().map_or(n.end, |&r: &usize| r.max(n.end)));
    }
    // Marks the numerals overlapping `s..e` as used: among those starting before its end.
    let cover = |used: &mut Vec<bool>, s: usize, e: usize| {
        let mut k = numerals.partition_point(|n| n.start < e);
        while k > 0 && reach[k - 1] > s {
            k -= 1;
            used[k] |= numerals[k].end > s;
        }
    };
    let doc = ctx
        .date
        .filter(|d| d.year.is_some() && d.month.is_some() && d.day.is_some());
    // Numeric dates first: "19.06.2024", "2024-06-19", "6/19/2024", "10.12.".
    for (s, e, mut d) in numeric_dates(&text[..end], start, primary(&ctx.lang) == "en") {
        if d.year.is_none() {
            if let Some(doc) = doc {
                d.year = Some(year_for(doc, d.month.unwrap_or(1), d.day, None));
                d.resolved_from_relative = true;
            }
        }
        push(
            &mut facts,
            &mut spans,
            s,
            e,
            FactKind::Date,
            FactValue::Date(d),
        );
        cover(&mut used, s, e);
    }
    spans.next_pass();
    let t = tables();
    // The cue of the word before word `i`, when nothing but a space is between.
    // A number word is no cue: English "ten year", Polish "ten rok".
    let numeral_at = |pos: usize| {
        let k = numerals.partition_point(|n| n.start < pos);
        numerals.get(k).is_some_and(|n| n.start == pos)
    };
    let cue_before = |i: usize| {
        let p = ws.get(i.checked_sub(1)?)?;
        (text[p.end..ws[i].start].trim().is_empty() && !numeral_at(p.start))
            .then(|| cue(&p.key))?
            .map(|c| (c, p.start))
    };
    let is_week = |w: &Word| duration_unit(&w.key, &ctx.lang) == Some(DurationUnit::Week);
    let slavic = lexicon::get(&ctx.lang).is_some_and(|l| l.family == Family::Slavic);
    for (wi, w) in ws.iter().enumerate() {
        let abbreviated_month = || {
            // "8 Sie.", "15 Фев", "Sierp. 8": an abbreviation with a dot or a day before it
            // (checked first: most words are neither).
            (text[w.end..end].starts_with('.')
                || capitalized_before_day(text, w, end)
                || numeral_before(w.start).is_some()
                || digit_day_before(text, start, w.start).is_some()
                || wi.checked_sub(1).is_some_and(|i| {
                    ordinal_of_key(&ws[i].key, ws[i].cyrillic, &ctx.lang).is_some()
                }))
            .then(|| month_abbreviation(&text[w.start..w.end], &ctx.lang))?
        };
        let month_hit = month_of_key(&w.key, w.cyrillic, &ctx.lang)
            .map(|m| (m, false))
            .or_else(|| abbreviated_month().map(|m| (m, true)));
        if let Some((m, abbreviated)) = month_hit {
            // A capitalized "May", "Mai", lower "maja" (also "they have" in Polish):
            // a month name alone needs a preposition, a cue or a number beside it.
            let mut d = DateValue {
                month: Some(m),
                ..DateValue::default()
            };
            let (mut s, mut e) = (w.start, w.end);
            if abbreviated && text[e..end].starts_with('.') {
                e += 1;
            }
            // The day before: a numeral, digits with an ordinal suffix ("18-го",
            // "15-tego", "1szy"), or an ordinal in words ("pierwszego", "двадцать четвёртое").
            if let Some(k) = numeral_before(w.start)
                .filter(|&k| integer(&numerals[k]) && (1.0..=31.0).contains(&numerals[k].value))
            {
                d.day = Some(numerals[k].value as u8);
                s = numerals[k].start;
            } else if let Some((ds, day)) = digit_day_before(text, start, w.start) {
                d.day = Some(day);
                s = ds;
            } else if let Some(p) = wi.checked_sub(1).map(|i| &ws[i]).filter(|p| {
                text[p.end..w.start]
                    .trim_matches(|c: char| c.is_whitespace() || c == '.')
                    .is_empty()
            }) {
                if let Some(v) = ordinal_of_key(&p.key, p.cyrillic, &ctx.lang) {
                    let (mut day, mut ds) = (v, p.start);
                    // "dwudziesty pierwszy", "двадцать четвёртое".
                    if let Some(pp) = wi.checked_sub(2).map(|i| &ws[i]) {
                        let tens = ordinal_of_key(&pp.key, pp.cyrillic, &ctx.lang);
                        if v < 10
                            && matches!(tens, Some(20 | 30))
                            && text[pp.end..p.start].trim().is_empty()
                        {
                            day += tens.unwrap_or(0);
                            ds = pp.start;
                        }
                    }
                    if day <= 31 {
                        d.day = Some(day);
                        s = ds;
                    }
                }
            }
            if let Some(k) = numeral_after(e).filter(|&k| integer(&numerals[k])) {
                let v = numerals[k].value;
                if d.day.is_none() && (1.0..=31.0).contains(&v) {
                    // "June 19, 2024"; an ordinal suffix written close
                    // ("marzec 3ci 2015", "June 19th") belongs to the day.
                    d.day = Some(v as u8);
                    e = numerals[k].end;
                    e += text[e..end]
                        .chars()
                        .take_while(|c| c.is_lowercase())
                        .map(char::len_utf8)
                        .sum::<usize>();
                    if let Some(k2) = numeral_after(e)
                        .filter(|&k2| integer(&numerals[k2]) && year_in(numerals[k2].value))
                    {
                        d.year = Some(numerals[k2].value as i32);
                        e = numerals[k2].end;
                    }
                } else if year_in(v) {
                    d.year = Some(v as i32);
                    e = numerals[k].end;
                } else if d.day.is_some() && short_year(text, &numerals[k], end) {
                    // "14 kwietnia 15": a two-digit year closing the date.
                    let v = v as i32;
                    d.year = Some(v + if v < 50 { 2000 } else { 1900 });
                    e = numerals[k].end;
                }
            }
            // "marzec pierwszy", "Luty Piętnastego", "March first": an ordinal after a
            // month's name as listed (not after "w marcu pierwszy raz").
            let listed = !abbreviated && listed_month(w, &ctx.lang);
            if d.day.is_none() && d.year.is_none() && listed {
                if let Some((day, de)) = ordinal_day_after(text, ws, wi + 1, &ctx.lang) {
                    d.day = Some(day);
                    e = de;
                }
            }
            if d.day.is_none() {
                // "marzec 3ci", "Luty13".
                if let Some((de, day)) = digit_day_after(text, e, end) {
                    d.day = Some(day);
                    e = de;
                    if let Some(k2) = numeral_after(e)
                        .filter(|&k2| integer(&numerals[k2]) && year_in(numerals[k2].value))
                    {
                        d.year = Some(numerals[k2].value as i32);
                        e = numerals[k2].end;
                    }
                }
            }
            let prep = wi > 0
                && matches!(
                    ws[wi - 1].key.as_str(),
                    "w" | "v"
                        | "u"
                        | "vo"
                        | "in"
                        | "im"
                        | "od"
                        | "do"
                        | "na"
                        | "ve"
                        | "za"
                        | "since"
                        | "until"
                        | "seit"
                        | "bis"
                        | "po"
                        | "pred"
                        | "prije"
                        | "pre"
                        | "after"
                        | "before"
                        | "early"
                        | "late"
                        | "von"
                        | "prez"
                )
                && ws[wi - 1].end + 2 >= w.start;
            let cued = cue_before(wi).filter(|c| c.0 != Cue::This);
            // A month's name alone in lower case, as listed, in a Slavic language
            // ("март", "ožujak"): a capitalized one may be a name (Август, Marzec)
            // and English and German ones are words too (may, march).
            let alone = listed
                && w.key.chars().count() >= 4
                && !text[w.start..w.end].chars().any(char::is_uppercase)
                && slavic;
            if d.day.is_none()
                && d.year.is_none()
                && (abbreviated || (!prep && cued.is_none() && !alone))
            {
                continue;
            }
            if d.year.is_some() {
                e = year_word_end(text, e, end);
            } else if let Some(doc) = doc {
                // "w marcu", "8 sierpnia": the nearest such month or day, unless "next" or "last".
                d.year = Some(year_for(doc, m, d.day, cued.map(|c| c.0)));
                d.resolved_from_relative = true;
            }
            if d.day.is_none() {
                if let Some((_, cs)) = cued {
                    s = cs;
                }
            }
            if push(
                &mut facts,
                &mut spans,
                s,
                e,
                FactKind::Date,
                FactValue::Date(d),
            ) {
                cover(&mut used, s, e);
            }
            continue;
        }
        // "pon.", "Пт,", "następny pon": an abbreviation needs a dot, a comma or a
        // cue, unless it has three letters or more, is written in lower case and
        // is one of the document's language ("czw", "ned"; "Sri Lanka" is no Wednesday).
        let abbreviation = || {
            let raw = &text[w.start..w.end];
            let found = weekday_abbreviation(raw)?;
            let own = || {
                raw.chars().nth(2).is_some()
                    && !raw.chars().any(char::is_uppercase)
                    && lexicon::get(&ctx.lang).is_some_and(|l| {
                        l.weekday_abbreviations
                            .iter()
                            .any(|a| a.split_whitespace().any(|a| a == raw))
                    })
            };
            (text[w.end..end].starts_with(['.', ',']) || cue_before(wi).is_some() || own())
                .then_some(found)
        };
        // Russian "неделя" is a week, Bulgarian "неделя" Sunday: a word that is a
        // week in the document's language is a weekday only if it is one there too.
        let week_here = || {
            is_week(w)
                && lexicon::get(&ctx.lang).is_some_and(|l| {
                    !l.weekdays
                        .iter()
                        .flat_map(|s| s.split_whitespace())
                        .any(|s| {
                            w.key
                                .strip_prefix(fold_word(s).as_str())
                                .is_some_and(|e| ENDINGS.contains(&e))
                        })
                })
        };
        if let Some(wd) = stem_value(&t.weekdays, &w.key, w.cyrillic, None)
            .or_else(abbreviation)
            .filter(|_| !week_here())
        {
            // "Poniedziałek, 18 lutego", "Пятница, 18.07.14": the date that follows says it all.
            let after = text[w.end..end]
                .trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == '.');
            let is_month = |i: usize| {
                ws.get(i)
                    .is_some_and(|n| month(&text[n.start..n.end], &ctx.lang).is_some())
            };
            // "Środa trzynastego lutego": an ordinal day and a month.
            let next_is_month = ws.get(wi + 1).is_some_and(|n| {
                n.start == end - after.len()
                    && (is_month(wi + 1)
                        || (ordinal_of_key(&n.key, n.cyrillic, &ctx.lang).is_some()
                            && is_month(wi + 2)))
            });
            if next_is_month {
                continue;
            }
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                // "utorak 19.": a day number alone after a weekday is the day near
                // the document's date that falls on that weekday.
                let day = doc.zip(digit_day_after(text, end - after.len(), end));
                if let Some((doc, (de, day))) = day.filter(|(_, (de, _))| {
                    !text[*de..end]
                        .trim_start()
                        .starts_with(char::is_alphanumeric)
                }) {
                    if let Some(d) = day_on_weekday(doc, day, wd) {
                        if push(
                            &mut facts,
                            &mut spans,
                            w.start,
                            de,
                            FactKind::Date,
                            FactValue::Date(d),
                        ) {
                            cover(&mut used, w.start, de);
                        }
                    }
                }
                continue;
            }
            let (mut s, mut e) = (w.start, w.end);
            // "w przyszłym tygodniu", "tego tygodnia", "на следующей неделе" after the
            // weekday, "prošli tjedan u" before it: a week, not a direction.
            let short = |i: usize| ws.get(i).is_some_and(|x| x.key.chars().count() <= 2);
            let week_after = (1..=2).find_map(|skip| {
                if skip == 2 && !short(wi + 1) {
                    return None;
                }
                let (c, u) = (ws.get(wi + skip)?, ws.get(wi + skip + 1)?);
                (is_week(u) && u.start <= c.end + 2).then(|| cue(&c.key).map(|k| (k, u.end)))?
            });
            let week_before = (1..=2).find_map(|skip| {
                if skip == 2 && !short(wi.checked_sub(1)?) {
                    return None;
                }
                let u = ws.get(wi.checked_sub(skip)?)?;
                let c = ws.get(wi.checked_sub(skip + 1)?)?;
                (is_week(u) && u.start <= c.end + 2).then(|| cue(&c.key).map(|k| (k, c.start)))?
            });
            let cued = cue_before(wi);
            let mut d = DateValue::default();
            if let Some(doc) = doc {
                let today = i64::from(weekday_of(doc));
                let wd = i64::from(wd);
                let offset =
                    if let Some(week) = week_after.map(|x| x.0).or(week_before.map(|x| x.0)) {
                        // The weekday of this, next or last week (weeks start on Monday).
                        let shift = match week {
                            Cue::Past => -7,
                            Cue::This => 0,
                            Cue::Next => 7,
                        };
                        wd - today + shift
                    } else {
                        match cued.map(|c| c.0) {
                            // "w przyszłą środę": the first one after the document's day.
                            Some(Cue::Next) => (wd - today - 1).rem_euclid(7) + 1,
                            // "w zeszły wtorek": the last one before it.
                            Some(Cue::Past) => -((today - wd - 1).rem_euclid(7) + 1),
                            // "ten czwartek": the coming one, today included.
                            Some(Cue::This) => (wd - today).rem_euclid(7),
                            // News tells what happened: the latest such weekday.
                            None => -(today - wd).rem_euclid(7),
                        }
                    };
                d = add_days(doc, offset);
            }
            if let Some((_, we)) = week_after {
                e = we;
            } else if let Some((_, ws0)) = week_before {
                s = ws0;
            } else if let Some((_, cs)) = cued {
                s = cs;
            }
            if text[e..end].starts_with('.') && abbreviation().is_some() {
                e += 1;
            }
            push(
                &mut facts,
                &mut spans,
                s,
                e,
                FactKind::Date,
                FactValue::Date(d),
            );
            continue;
        }
        // "po jutrze", "przed wczoraj", "после завтра": a relative day written
        // in two words (in Slavic languages: English "to day" is no "today").
        let two_words = || {
            let n = ws.get(wi + 1)?;
            let starts_one = || {
                t.days.iter().any(|(_, list)| {
                    list.iter()
                        .any(|d| d.len() > w.key.len() && d.starts_with(w.key.as_str()))
                })
            };
            if !slavic || w.key.len() > 6 || &text[w.end..n.start] != " " || !starts_one() {
                return None;
            }
            let mut joined = w.key.clone();
            joined.push_str(&n.key);
            Some((day_offset(&joined)?, n.end))
        };
        if let Some((offset, e)) = day_offset(&w.key).map(|o| (o, w.end)).or_else(two_words) {
            let d = match doc {
                Some(doc) => add_days(doc, i64::from(offset)),
                None => DateValue::default(),
            };
            push(
                &mut facts,
                &mut spans,
                w.start,
                e,
                FactKind::Date,
                FactValue::Date(d),
            );
            continue;
        }
        if let Some((unit, ui)) = half_unit(text, ws, wi, &ctx.lang) {
            push(
                &mut facts,
                &mut spans,
                w.start,
                ws[ui].end,
                FactKind::Duration,
                FactValue::Duration { amount: 0.5, unit },
            );
            continue;
        }
        // "час и половина", "час с половиной": one unit and a half; "четверть часа":
        // a quarter of one. With a number before them, the durations below read them.
        if numeral_before(w.start).is_none() {
            let joined = |i: usize| {
                ws.get(i)
                    .is_some_and(|n| text[ws[i - 1].end..n.start].trim().is_empty())
            };
            let one_and_a_half = (joined(wi + 1))
                .then(|| and_a_half(text, ws, wi + 1, &ctx.lang))
                .flatten()
                .and_then(|len| Some((duration_unit(&w.key, &ctx.lang)?, 1.5, wi + len)));
            let quarter = (joined(wi + 1) && is_quarter(&w.key))
                .then(|| Some((duration_unit(&ws[wi + 1].key, &ctx.lang)?, 0.25, wi + 1)))
                .flatten();
            if let Some((unit, amount, last)) = one_and_a_half.or(quarter) {
                push(
                    &mut facts,
                    &mut spans,
                    w.start,
                    ws[last].end,
                    FactKind::Duration,
                    FactValue::Duration { amount, unit },
                );
                continue;
            }
        }
        // "last year", "w zeszłym roku", "prošle godine", "в прошлом году", "loni", "letos",
        // "last month", "в следующем месяце".
        let single = match w.key.as_str() {
            "loni" | "lani" => Some((-1, false)),
            "letos" => Some((0, false)),
            _ => None,
        };
        let shift = single.or_else(|| {
            let next = ws.get(wi + 1)?;
            let is_month = t.month_units.contains(&next.key.as_str());
            if !(is_month || t.year_units.contains(&next.key.as_str()))
                || next.start > w.end + 2
                || numeral_at(w.start)
            {
                return None;
            }
            // "позапрошлый", "позаминулий": the one before last.
            let k = match w.key.strip_prefix("poza").map(cue) {
                Some(Some(Cue::Past)) => -2,
                _ => match cue(&w.key)? {
                    Cue::Past => -1,
                    Cue::This => 0,
                    Cue::Next => 1,
                },
            };
            Some((k, is_month))
        });
        if let Some((k, is_month)) = shift {
            let e = if single.is_some() {
                w.end
            } else {
                ws[wi + 1].end
            };
            let mut d = DateValue::default();
            if let Some(doc) = doc {
                let (y, m) = (doc.year.unwrap_or(2000), doc.month.unwrap_or(1));
                if is_month {
                    let n = y * 12 + i32::from(m) - 1 + k;
                    d.year = Some(n.div_euclid(12));
                    d.month = Some(n.rem_euclid(12) as u8 + 1);
                } else {
                    d.year = Some(y + k);
                }
                d.resolved_from_relative = true;
            } else if let (false, Some(y)) = (is_month, ctx.date.and_then(|d| d.year)) {
                d.year = Some(y + k);
                d.resolved_from_relative = true;
            }
            push(
                &mut facts,
                &mut spans,
                w.start,
                e,
                FactKind::Date,
                FactValue::Date(d),
            );
        }
    }
    spans.next_pass();
    // Years and durations: a number with a year word or a unit next to it.
    for k in 0..numerals.len() {
        if used[k] {
            continue;
        }
        let n = numerals[k];
        let next = ws.partition_point(|w| w.start < n.end);
        let after = ws.get(next).filter(|w| {
            text[n.end..w.start]
                .trim_matches(|c: char| c.is_whitespace() || c == '.' || c == '-')
                .is_empty()
        });
        let before = ws
            .partition_point(|w| w.end <= n.start)
            .checked_sub(1)
            .map(|k| &ws[k])
            .filter(|w| text[w.end..n.start].trim().is_empty());
        if integer(&n) && year_in(n.value) {
            let t = tables();
            let marked_after = after.is_some_and(|w| t.year_after.contains(&w.key.as_str()));
            let marked_before = before.is_some_and(|w| t.year_before.contains(&w.key.as_str()));
            if marked_after || marked_before {
                let e = if marked_after {
                    year_word_end(text, n.end, end)
                } else {
                    n.end
                };
                let d = DateValue {
                    year: Some(n.value as i32),
                    ..DateValue::default()
                };
                push(
                    &mut facts,
                    &mut spans,
                    n.start,
                    e,
                    FactKind::Date,
                    FactValue::Date(d),
                );
                used[k] = true;
                continue;
            }
        }
        // "четворомесечне", "pięcioletni": the number and its unit in one word.
        let whole_word = ws
            .get(next.wrapping_sub(1))
            .filter(|w| w.start == n.start && w.end == n.end);
        if let Some(unit) = whole_word
            .and_then(|w| number_words::tail_after_number(&w.key))
            .and_then(|tail| duration_unit(tail, &ctx.lang))
        {
            let value = FactValue::Duration {
                amount: n.value,
                unit,
            };
            push(
                &mut facts,
                &mut spans,
                n.start,
                n.end,
                FactKind::Duration,
                value,
            );
            used[k] = true;
            continue;
        }
        if after.is_some() {
            // "три с половиной месяца": the half between the number and its unit;
            // "три четверти часа": quarters of it.
            let mut amount = n.value;
            let mut at = next;
            if let Some(len) = and_a_half(text, ws, next, &ctx.lang) {
                amount += 0.5;
                at = next + len;
            } else if is_quarter(&ws[next].key) {
                amount *= 0.25;
                at = next + 1;
            }
            // "1/2 години": half of one, not two.
            let mut s = n.start;
            if let Some((fs, numerator)) = numerator_before(text, start, n.start) {
                if amount == n.value && n.value > 0.0 {
                    amount = f64::from(numerator) / n.value;
                    s = fs;
                    // The numerator, when read as a number of its own.
                    if k > 0 && numerals[k - 1].start == fs {
                        used[k - 1] = true;
                    }
                }
            }
            if let Some((unit, mut e)) = ws.get(at).and_then(|w| unit_of(text, w, end, &ctx.lang)) {
                // "dwie godziny i pół", "час и половина".
                if let Some(len) = (amount == n.value)
                    .then(|| and_a_half(text, ws, at + 1, &ctx.lang))
                    .flatten()
                    .filter(|_| text[e..ws[at + 1].start].trim().is_empty())
                {
                    amount += 0.5;
                    e = ws[at + len].end;
                }
                push(
                    &mut facts,
                    &mut spans,
                    s,
                    e,
                    FactKind::Duration,
                    FactValue::Duration { amount, unit },
                );
                used[k] = true;
            }
        }
    }
    let mut k = 0;
    numerals.retain(|_| {
        k += 1;
        !used[k - 1]
    });
    crate::sort::sort_by_key(&mut facts, |f| f.start);
    join_sums(text, &mut facts, &ctx.lang);
    facts
}

/// Seconds in a unit, Duckling's way (a month 30 days, a year 365).
fn seconds_in(unit: DurationUnit) -> f64 {
    match unit {
        DurationUnit::Year => 31_536_000.0,
        DurationUnit::Month => 2_592_000.0,
        DurationUnit::Week => 604_800.0,
        DurationUnit::Day => 86_400.0,
        DurationUnit::Hour => 3_600.0,
        DurationUnit::Minute => 60.0,
        DurationUnit::Second => 1.0,
    }
}

/// "1 час 55 минут", "2 роки і 3 місяці", "1 rok, 2 dni": a duration followed,
/// after a comma or "and" only, by one in a smaller unit is one length of
/// time, in the smaller unit (a year is 12 months).
fn join_sums(text: &str, facts: &mut Vec<Fact>, lang: &str) {
    let joiners = lexicon::get(lang).map(|l| l.joiners);
    let mut i = 1;
    while i < facts.len() {
        let (a, b) = (&facts[i - 1], &facts[i]);
        let gap = text[a.end..b.start].trim();
        let gap = gap.strip_prefix(',').unwrap_or(gap).trim_start();
        let joined = gap.is_empty() || joiners.is_some_and(|j| j.contains(&fold_word(gap)));
        if let (
            true,
            FactValue::Duration { amount: x, unit: u },
            FactValue::Duration { amount: y, unit: v },
        ) = (joined, &a.value, &b.value)
        {
            if seconds_in(*v) < seconds_in(*u) {
                let larger = if (*u, *v) == (DurationUnit::Year, DurationUnit::Month) {
                    x * 12.0
                } else {
                    x * seconds_in(*u) / seconds_in(*v)
                };
                facts[i - 1] = Fact {
                    kind: FactKind::Duration,
                    start: a.start,
                    end: b.end,
                    value: FactValue::Duration {
                        amount: larger + y,
                        unit: *v,
                    },
                };
                facts.remove(i);
                continue;
            }
        }
        i += 1;
    }
}

fn is_quarter(key: &str) -> bool {
    QUARTERS.contains(&key)
}

/// The numerator of a fraction whose denominator starts at byte `at`
/// ("1/2"): its start and value.
fn numerator_before(text: &str, floor: usize, at: usize) -> Option<(usize, u8)> {
    let head = text[floor..at].strip_suffix('/')?;
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    let ds = head.len() - digits;
    if digits != 1 || head[..ds].ends_with(|c: char| c.is_alphanumeric() || c == '/') {
        return None;
    }
    Some((floor + ds, head.as_bytes()[ds] - b'0'))
}

/// The year of a month (and day) named without one, seen from the document's
/// date: the first after it for "next", the last before it for "last", else
/// the nearest one (the earlier on a tie), as news speak of recent and coming days.
fn year_for(doc: DateValue, month: u8, day: Option<u8>, cue: Option<Cue>) -> i32 {
    let (y, dm, dd) = (
        doc.year.unwrap_or(2000),
        doc.month.unwrap_or(1),
        doc.day.unwrap_or(15),
    );
    let today = days(y, dm, dd);
    // Distance in days (in months for a month alone) from the document's date.
    let dist = |cy: i32| -> i64 {
        match day {
            Some(d) if i32::from(d) <= days_in_month(cy, month) => days(cy, month, d) - today,
            Some(_) => i64::MAX / 4,
            None => i64::from((cy - y) * 12 + i32::from(month) - i32::from(dm)),
        }
    };
    let mut best = y - 1;
    for cy in [y - 1, y, y + 1] {
        let dc = dist(cy);
        let better = match cue {
            Some(Cue::Next) => dc > 0 && (dist(best) <= 0 || dc < dist(best)),
            Some(Cue::Past) => dc < 0 && (dist(best) >= 0 || dc > dist(best)),
            _ => dc.abs() < dist(best).abs(),
        };
        if better {
            best = cy;
        }
    }
    best
}

/// The day `day` of the month before, of or after the document's, nearest
/// to its date, that falls on weekday `wd` (Monday = 1).
fn day_on_weekday(doc: DateValue, day: u8, wd: u8) -> Option<DateValue> {
    let (y, m) = (doc.year?, doc.month?);
    let today = days(y, m, doc.day?);
    let mut best: Option<(i64, DateValue)> = None;
    for shift in -1..=1 {
        let n = y * 12 + i32::from(m) - 1 + shift;
        let (cy, cm) = (n.div_euclid(12), n.rem_euclid(12) as u8 + 1);
        if i32::from(day) > days_in_month(cy, cm) {
            continue;
        }
        let at = days(cy, cm, day);
        let distance = (at - today).abs();
        if (at + 3).rem_euclid(7) + 1 != i64::from(wd)
            || best.as_ref().is_some_and(|b| b.0 <= distance)
        {
            continue;
        }
        let d = DateValue {
            year: Some(cy),
            month: Some(cm),
            day: Some(day),
            resolved_from_relative: true,
        };
        best = Some((distance, d));
    }
    best.map(|b| b.1)
}

/// Whether a word is a month's name as the document's language lists it
/// whole ("marzec", "март", "ožujak", its nominative), not a case form or stem.
fn listed_month(w: &Word, lang: &str) -> bool {
    let Some(li) = lexicon::index(lang) else {
        return false;
    };
    let months = &tables().months;
    let from = months.partition_point(|s| s.0 < w.key);
    months[from..]
        .iter()
        .take_while(|s| s.0 == w.key)
        .any(|s| s.3 == li && s.2 == w.cyrillic)
}

/// An ordinal day in words at word `i`, right after the word before it
/// ("pierwszy", "dwudziesty pierwszy"): its value and end.
fn ordinal_day_after(text: &str, ws: &[Word], i: usize, lang: &str) -> Option<(u8, usize)> {
    let w = ws.get(i)?;
    if !text[ws[i - 1].end..w.start].trim().is_empty() {
        return None;
    }
    let v = ordinal_of_key(&w.key, w.cyrillic, lang)?;
    if matches!(v, 20 | 30) {
        if let Some(n) = ws
            .get(i + 1)
            .filter(|n| text[w.end..n.start].trim().is_empty())
        {
            if let Some(u) = ordinal_of_key(&n.key, n.cyrillic, lang).filter(|&u| u < 10) {
                return (v + u <= 31).then_some((v + u, n.end));
            }
        }
    }
    Some((v, w.end))
}

/// Whether a word is capitalized and followed by a day number that no word
/// follows: an abbreviated month without its dot ("Sie 8", "Sier 8, 2024").
fn capitalized_before_day(text: &str, w: &Word, end: usize) -> bool {
    let mut letters = text[w.start..w.end].chars();
    letters.next().is_some_and(char::is_uppercase)
        && letters.all(char::is_lowercase)
        && digit_day_after(text, w.end, end)
            .is_some_and(|(de, _)| !text[de..end].trim_start().starts_with(char::is_alphabetic))
}

/// Whether a numeral is two digits that end the text or a clause: a year
/// after a day and month ("14. travanj 15"), not a count ("14 kwietnia 15 osób").
fn short_year(text: &str, n: &Numeral, end: usize) -> bool {
    let after = &text[n.end..end];
    n.end - n.start == 2
        && text[n.start..n.end].bytes().all(|b| b.is_ascii_digit())
        && (after.trim().is_empty()
            || (after.starts_with([',', '.', ';', ')']) && after[1..].trim_start().is_empty()))
}

/// A day number right before byte `at`, digits with an optional ordinal
/// suffix and dot: "18 ", "18. ", "18-го ", "15-tego ", "1szy ", "13" glued
/// to a month ("13Luty"). Its start and value.
fn digit_day_before(text: &str, floor: usize, at: usize) -> Option<(usize, u8)> {
    let head = &text[floor..at];
    let t = head.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let letters: usize = t
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    let (mut t, suffix) = t.split_at(t.len() - letters);
    if letters > 0 {
        if !DIGIT_SUFFIXES.contains(&fold_word(suffix).as_str()) {
            return None;
        }
        t = t.strip_suffix('-').unwrap_or(t);
    }
    let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    let ds = t.len() - digits;
    // Not part of a longer number ("1.5", "3/4", "2-3").
    if digits == 0
        || digits > 2
        || t[..ds]
            .ends_with(|c: char| c.is_alphanumeric() || matches!(c, '.' | ',' | '/' | '-' | ':'))
    {
        return None;
    }
    let v = t[ds..].bytes().fold(0u8, |a, b| a * 10 + (b - b'0'));
    (1..=31).contains(&v).then_some((floor + ds, v))
}

/// A day number right after byte `at` (a month's end): "3", "3ci", "18.",
/// "13" glued ("Luty13"). Its end and value.
fn digit_day_after(text: &str, at: usize, end: usize) -> Option<(usize, u8)> {
    let rest = &text[at..end];
    let t = rest.trim_start_matches([' ', '\u{a0}']);
    let b = t.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let v = b[..digits].iter().fold(0u8, |a, c| a * 10 + (c - b'0'));
    let mut e = digits;
    let after = &t[digits..];
    let hyphen = usize::from(after.starts_with('-'));
    let letters: usize = after[hyphen..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    if letters > 0 {
        if !DIGIT_SUFFIXES.contains(&fold_word(&after[hyphen..hyphen + letters]).as_str()) {
            return None;
        }
        e += hyphen + letters;
    } else if after.starts_with(['.', ',', '/', ':', '-'])
        && after[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    } else if after.starts_with('.') {
        e += 1;
    }
    (1..=31)
        .contains(&v)
        .then_some((at + (rest.len() - t.len()) + e, v))
}

/// Disjoint spans: those of earlier passes and of the current one, each
/// sorted by start (so by end too).
#[derive(Default)]
struct Spans {
    earlier: Vec<(usize, usize)>,
    current: Vec<(usize, usize)>,
}

impl Spans {
    /// Adds `s..e` unless it overlaps a span already there; whether it did.
    fn insert(&mut self, s: usize, e: usize) -> bool {
        // In a sorted disjoint list, only the last span starting before `e`
        // can reach past `s`.
        let overlaps = |list: &[(usize, usize)]| {
            let k = list.partition_point(|t| t.0 < e);
            k > 0 && list[k - 1].1 > s
        };
        if overlaps(&self.earlier) || overlaps(&self.current) {
            return false;
        }
        let k = self.current.partition_point(|t| t.0 < s);
        self.current.insert(k, (s, e));
        true
    }

    fn next_pass(&mut self) {
        self.earlier.append(&mut self.current);
        crate::sort::sort_by_key(&mut self.earlier, |t| t.0);
    }
}

/// Where a year ends with what marks it: "2024 r.", "2000. године", "2024 года".
fn year_word_end(text: &str, at: usize, end: usize) -> usize {
    let rest = &text[at..end];
    let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '.');
    let len: usize = trimmed
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    let word = &trimmed[..len];
    if len == 0 || !tables().year_after.contains(&fold_word(word).as_str()) {
        // Serbian writes the year with an ordinal dot: "2024.".
        return if rest.starts_with('.') && !rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
            at + 1
        } else {
            at
        };
    }
    let word_end = at + (rest.len() - trimmed.len()) + len;
    // "r." and "г." are abbreviations: their dot belongs to them.
    if len <= 2 && text[word_end..end].starts_with('.') {
        word_end + 1
    } else {
        word_end
    }
}

/// "19.06.2024", "19. 6. 2024", "2024-06-19", "19/06/2024" (month first in English).
fn numeric_dates(text: &str, start: usize, month_first: bool) -> Vec<(usize, usize, DateValue)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = start;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let mut groups: Vec<(i32, usize)> = Vec::new();
        let mut j = i;
        let mut sep = 0u8;
        loop {
            let n = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 || n > 4 {
                break;
            }
            groups.push((
                b[j..j + n]
                    .iter()
                    .fold(0, |a, &d| a * 10 + i32::from(d - b'0')),
                n,
            ));
            j += n;
            let s = b.get(j).copied().unwrap_or(0);
            if groups.len() == 3 || !matches!(s, b'.' | b'-' | b'/') || (sep != 0 && s != sep) {
                break;
            }
            sep = s;
            let gap = if s == b'.' && b.get(j + 1) == Some(&b' ') {
                2
            } else {
                1
            };
            if !b.get(j + gap).is_some_and(u8::is_ascii_digit) {
                break;
            }
            j += gap;
        }
        // The ordinal dot after the last group ("19.06.2024.", "10.12.") belongs to the date.
        let dot_after =
            b.get(j) == Some(&b'.') && !b.get(j + 1).is_some_and(u8::is_ascii_alphanumeric);
        // Two-digit years ("31.10.74", "3/3/15"): 1950–2049.
        let year = |y: i32, n: usize| {
            if n == 2 {
                y + if y < 50 { 2000 } else { 1900 }
            } else {
                y
            }
        };
        // Day and month in the locale's order; with a slash, the other order
        // when only it is valid ("10/31/1974" in Polish, "31/10/1974" in English).
        let order = |a: i32, m2: i32, y: Option<i32>| {
            let check = |m: i32, d: i32| valid(y.unwrap_or(2000), m, d).then_some((y, m, d));
            let (first, second) = if month_first && sep == b'/' {
                (check(a, m2), check(m2, a))
            } else {
                (check(m2, a), check(a, m2))
            };
            first.or(if sep == b'/' { second } else { None })
        };
        let day_month = |(y, m, d): (Option<i32>, i32, i32)| (y, m, Some(d));
        let date = match groups.as_slice() {
            [(y, 4), (m, 1..=2), (d, 1..=2)] if sep == b'-' => {
                valid(*y, *m, *d).then_some((Some(*y), *m, Some(*d)))
            }
            // ISO year and month ("2024-06"), but not a season ("2008-09",
            // "2011-12"), whose second part is the next year.
            [(y, 4), (m, 2)]
                if sep == b'-'
                    && (1..=12).contains(m)
                    && *m != (*y + 1) % 100
                    && !b
                        .get(j)
                        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-') =>
            {
                Some((Some(*y), *m, None))
            }
            [(a, 1..=2), (m2, 1..=2), (y, n @ (2 | 4))] if sep != b'-' => {
                order(*a, *m2, Some(year(*y, *n))).map(day_month)
            }
            // "15/02": a day and a month written with its zero (no fraction is).
            [(a, 1..=2), (m2, 2)]
                if sep == b'/'
                    && !month_first
                    && *m2 < 10
                    && !b.get(j).is_some_and(|c| c.is_ascii_alphanumeric()) =>
            {
                order(*a, *m2, None).map(day_month)
            }
            // "10.12." with its ordinal dot: a day and month (not a time "10.12").
            [(a, 1..=2), (m2, 1..=2)] if sep == b'.' && dot_after => {
                order(*a, *m2, None).map(day_month)
            }
            _ => None,
        };
        if let Some((y, m, d)) = date {
            let e = if dot_after { j + 1 } else { j };
            out.push((
                i,
                e,
                DateValue {
                    year: y,
                    month: Some(m as u8),
                    day: d.map(|d| d as u8),
                    ..DateValue::default()
                },
            ));
            i = j;
        } else {
            i += b[i..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
                .max(1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{number_words, numbers};

    fn dates_at(text: &str, lang: &str, date: Option<&str>) -> Vec<(String, String)> {
        let ctx = Context::new(text, lang, date);
        let mut numerals = numbers::find(text, 0, text.len(), ctx.decimal_comma, lang);
        numerals.extend(number_words::find(text, 0, text.len(), lang));
        crate::sort::sort_by_key(&mut numerals, |n| n.start);
        find(text, 0, text.len(), &ctx, &mut numerals)
            .into_iter()
            .map(|f| {
                let v = match f.value {
                    FactValue::Date(d) => d.iso(),
                    FactValue::Duration { amount, unit } => format!("{amount} {}", unit.name()),
                    _ => String::new(),
                };
                (text[f.start..f.end].to_string(), v)
            })
            .collect()
    }

    #[test]
    fn overlapping_facts_keep_the_first() {
        let spans: Vec<_> = dates("19.06.2024 r. i 20 czerwca 2024 r., 24 lata", "pl")
            .into_iter()
            .map(|d| d.0)
            .collect();
        assert_eq!(spans, ["19.06.2024", "20 czerwca 2024 r.", "24 lata"]);
    }

    #[test]
    fn iso_year_and_month_but_not_seasons() {
        assert_eq!(
            dates_at("Objavljeno 2024-06 v Ljubljani.", "sl", None),
            [("2024-06".to_string(), "2024-06".to_string())]
        );
        assert!(dates_at("Sezona 2008-09 je bila dolga.", "sl", None)
            .iter()
            .all(|(_, v)| v != "2008-09"));
    }

    #[test]
    fn full_dates_in_many_languages() {
        for (text, lang) in [
            ("19 czerwca 2024", "pl"),
            ("19. јуна 2024.", "sr"),
            ("19. junija 2024", "sl"),
            ("19 июня 2024 года", "ru"),
            ("June 19, 2024", "en"),
            ("19. Juni 2024", "de"),
            ("19.06.2024", "pl"),
            ("19 червня 2024 року", "uk"),
            ("19 юни 2024 г.", "bg"),
        ] {
            let found = dates(text, lang);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, "2024-06-19", "{text}");
        }
    }

    #[test]
    fn years_and_partial_dates() {
        assert_eq!(dates("w 2000 roku", "pl")[0].1, "2000");
        assert_eq!(
            dates("2000. godine", "hr")[0],
            ("2000. godine".into(), "2000".into())
        );
        assert_eq!(dates("leta 2000", "sl")[0].1, "2000");
        assert_eq!(dates("в 2000 году", "ru")[0].1, "2000");
        assert_eq!(dates("w lutym 2024", "pl")[0].1, "2024-02");
        assert_eq!(dates("в феврале", "ru")[0].1, "--02");
        assert_eq!(dates("u martu", "hr")[0].1, "--03");
        assert!(dates("Oni mają dom.", "pl").is_empty());
    }

    fn dates(text: &str, lang: &str) -> Vec<(String, String)> {
        dates_at(text, lang, None)
    }

    #[test]
    fn durations() {
        for (text, lang) in [
            ("24 lat", "pl"),
            ("24 године", "sr"),
            ("24 let", "sl"),
            ("24 года", "ru"),
            ("24 years", "en"),
            ("dwadzieścia cztery lata", "pl"),
        ] {
            assert_eq!(
                dates(text, lang),
                [(text.to_string(), "24 year".to_string())],
                "{text}"
            );
        }
        assert_eq!(dates("2 godzin", "pl")[0].1, "2 hour");
        // The number and its unit in one word.
        assert_eq!(dates("четворомесечне мишеве", "sr")[0].1, "4 month");
        assert_eq!(dates("čtyřměsíční myši", "cs")[0].1, "4 month");
        assert_eq!(dates("pięcioletni chłopiec", "pl")[0].1, "5 year");
    }

    #[test]
    fn relative_dates_resolve_against_the_document() {
        // 2024-06-19 is a Wednesday.
        let at = |t, l| dates_at(t, l, Some("2024-06-19"))[0].1.clone();
        assert_eq!(at("wczoraj", "pl"), "2024-06-18");
        assert_eq!(at("w poniedziałek", "pl"), "2024-06-17");
        assert_eq!(at("w przyszły poniedziałek", "pl"), "2024-06-24");
        assert_eq!(at("last year", "en"), "2023");
        assert_eq!(at("prošle godine", "hr"), "2023");
        assert_eq!(at("в прошлом году", "ru"), "2023");
        assert_eq!(at("w lutym", "pl"), "2024-02");
        // A month or day without a year: the nearest one.
        assert_eq!(at("w sierpniu", "pl"), "2024-08");
        assert_eq!(at("w grudniu", "pl"), "2023-12");
        assert_eq!(at("21 czerwca", "pl"), "2024-06-21");
        assert_eq!(at("w zeszłym marcu", "pl"), "2024-03");
        assert_eq!(dates("wczoraj", "pl")[0].1, "");
    }

    #[test]
    fn weekdays_follow_their_cues() {
        // 2024-06-19 is a Wednesday.
        let at = |t, l| dates_at(t, l, Some("2024-06-19"))[0].clone();
        assert_eq!(at("w środę", "pl").1, "2024-06-19");
        assert_eq!(at("w zeszłą środę", "pl").1, "2024-06-12");
        assert_eq!(at("w przyszłą środę", "pl").1, "2024-06-26");
        assert_eq!(at("ten piątek", "pl").1, "2024-06-21");
        assert_eq!(
            at("wtorek w przyszłym tygodniu", "pl"),
            ("wtorek w przyszłym tygodniu".into(), "2024-06-25".into())
        );
        assert_eq!(at("в прошлый вторник", "ru").1, "2024-06-18");
        assert_eq!(at("наступного понеділка", "uk").1, "2024-06-24");
        assert_eq!(at("pon., 17 czerwca", "pl").1, "2024-06-17");
        // Russian "неделя" is a week; Bulgarian "неделя" Sunday.
        assert!(dates_at("на следующей неделе", "ru", Some("2024-06-19")).is_empty());
        assert_eq!(at("в неделя", "bg").1, "2024-06-16");
        assert_eq!(at("послезавтра", "ru").1, "2024-06-21");
        assert_eq!(at("позапозавчера", "ru").1, "2024-06-16");
        assert_eq!(at("в позапрошлом месяце", "ru").1, "2024-04");
    }

    #[test]
    fn days_in_ordinals_and_abbreviations() {
        for (text, lang, want) in [
            ("pierwszego marca 2015", "pl", "2015-03-01"),
            ("15-tego lutego 2015", "pl", "2015-02-15"),
            ("3ci marca 2015", "pl", "2015-03-03"),
            ("двадцать четвёртое февраля 2015", "ru", "2015-02-24"),
            ("18-го февраля 2015", "ru", "2015-02-18"),
            ("treći ožujka 2015", "hr", "2015-03-03"),
            ("8 Sierp. 2015", "pl", "2015-08-08"),
            ("15 фев 2015", "ru", "2015-02-15"),
            ("31.10.74", "pl", "1974-10-31"),
            ("10/31/1974", "pl", "1974-10-31"),
        ] {
            let found = dates(text, lang);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, want, "{text}");
        }
        // Not a day: a fraction, a time, a count after a date.
        assert!(dates("1/3 głosów", "pl").is_empty());
        assert!(dates("o 15.30", "pl").is_empty());
        assert_eq!(dates("14 kwietnia 15 osób", "pl")[0].1, "--04-14");
        assert!(dates("njih pet, a", "hr").is_empty());
        assert!(dates("Polska vs. Niemcy", "pl").is_empty());
        assert!(dates("St. Petersburg, Fr. Müller", "de").is_empty());
        assert_eq!(
            dates_at("a ten year old boy", "en", Some("2024-06-19")),
            [("ten year".to_string(), "10 year".to_string())]
        );
    }

    #[test]
    fn days_without_a_month_word_or_year() {
        let at = |text: &str, lang: &str| dates_at(text, lang, Some("2013-02-12"));
        let one = |text: &str, lang: &str, want: &str| {
            assert_eq!(
                at(text, lang),
                [(text.to_string(), want.to_string())],
                "{text}"
            );
        };
        // A weekday and a day number: the day near the document's date on that weekday.
        one("utorak 19.", "hr", "2013-02-19");
        one("Sier 8", "pl", "2013-08-08");
        one("15/02", "hr", "2013-02-15");
        one("март", "ru", "2013-03");
        one("ozujak", "hr", "2013-03");
        one("marzec pierwszy", "pl", "2013-03-01");
        one("Luty Piętnastego", "pl", "2013-02-15");
        // Not dates: a weekday whose day number is another weekday's, a count
        // after a weekday, a month capitalized or in another case, fractions.
        assert!(at("utorak 20.", "hr").is_empty());
        assert!(at("we wtorek 19 osób", "pl")
            .iter()
            .all(|d| d.0 == "wtorek"));
        assert!(at("Август", "ru").is_empty());
        assert!(at("may", "en").is_empty());
        assert_eq!(
            at("w marcu pierwszy raz", "pl"),
            [("marcu".to_string(), "2013-03".to_string())]
        );
        assert!(at("1/2 głosów, 3/15", "pl").is_empty());
        assert!(at("Lis 8 razy", "pl").is_empty());
        // A relative day in two words.
        one("po jutrze", "pl", "2013-02-14");
        one("przed wczoraj", "pl", "2013-02-10");
        one("после завтра", "ru", "2013-02-14");
        assert_eq!(at("to day", "en"), []);
    }

    #[test]
    fn halves_and_abbreviated_units() {
        for (text, lang, want) in [
            ("pół godziny", "pl", "0.5 hour"),
            ("полчаса", "ru", "0.5 hour"),
            ("пів дня", "uk", "0.5 day"),
            ("три с половиной месяца", "ru", "3.5 month"),
            ("dwie godziny i pół", "pl", "2.5 hour"),
            ("15 мин", "ru", "15 minute"),
            ("5 суток", "ru", "5 day"),
            ("7 недель", "ru", "7 week"),
        ] {
            assert_eq!(
                dates(text, lang),
                [(text.to_string(), want.to_string())],
                "{text}"
            );
        }
        assert!(dates("в полдень", "ru").is_empty());
    }

    #[test]
    fn sums_quarters_and_fractions_of_units() {
        for (text, lang, want) in [
            ("1 час 55 минут", "ru", "115 minute"),
            ("2 роки і 3 місяці", "uk", "27 month"),
            (
                "1 рік, 2 дні, 3 години і 4 секунди",
                "uk",
                "31719604 second",
            ),
            ("час и половина", "bg", "1.5 hour"),
            ("час с половиной", "ru", "1.5 hour"),
            ("два часа с половиной", "ru", "2.5 hour"),
            ("четверть часа", "ru", "0.25 hour"),
            ("три четверти часа", "ru", "0.75 hour"),
            ("1/2 години", "uk", "0.5 hour"),
        ] {
            assert_eq!(
                dates(text, lang),
                [(text.to_string(), want.to_string())],
                "{text}"
            );
        }
        // Not one sum: the smaller unit first, or a word between.
        assert_eq!(dates("5 минут и 2 часа", "ru").len(), 2);
        assert_eq!(dates("2 lata temu, 3 miesiące", "pl").len(), 2);
        assert!(dates("četvrti dan", "hr").is_empty());
    }
}
