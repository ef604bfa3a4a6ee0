//! Dates and durations: "19 czerwca 2024", "19. јуна 2024.", "June 19,
//! 2024", "19.06.2024", "w lutym", "в 2000 году", "2000. godine", "leta
//! 2000"; "24 lat", "24 године", "24 years"; weekdays and "wczoraj", "last
//! year", "prošle godine", resolved against the document's date when known.
//!
//! Month and weekday names are stems plus case endings, compared as neutral
//! keys; Cyrillic stems match Cyrillic words only (Croatian "travanj" is
//! April, Ukrainian "травень" May).

use super::lexicon::{self, Lexicon};
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
    days: [(i32, Vec<&'static str>); 4],
    /// "last year" and friends: a modifier and a unit (year or month).
    /// Modifiers "past" and "next" are neutral-key prefixes, "this" whole keys.
    past: Vec<&'static str>,
    next: Vec<&'static str>,
    this: Vec<&'static str>,
    year_units: Vec<&'static str>,
}

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
                (-1, lexicon::all(|l| l.yesterday)),
                (-2, lexicon::all(|l| l.day_before_yesterday)),
                (1, lexicon::all(|l| l.tomorrow)),
            ],
            past: lexicon::all(|l| l.past),
            next: lexicon::all(|l| l.next),
            this: lexicon::all(|l| l.this),
            year_units: lexicon::all(|l| l.year_units),
        }
    })
}

/// The value of the longest stem of `table` that `key` is written with,
/// followed by a case ending, so "červenec" (July) wins over "červen" (June).
/// Where languages give one stem different values, the document's language
/// (index `lang` in [`lexicon::ALL`]) wins, else the first.
/// Endings are at most five bytes: only the last few splits can match.
fn stem_value(table: &[Stem], key: &str, cyrillic: bool, lang: Option<usize>) -> Option<u8> {
    (key.len().saturating_sub(5)..=key.len())
        .rev()
        .filter(|&n| key.is_char_boundary(n) && ENDINGS.contains(&&key[n..]))
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
/// assert_eq!(month("Urus", "sr"), None);
/// ```
pub fn month(word: &str, lang: &str) -> Option<u8> {
    month_of_key(&fold_word(word), word.chars().any(is_cyrillic), lang)
}

/// [`month`] of a word's neutral key.
fn month_of_key(key: &str, cyrillic: bool, lang: &str) -> Option<u8> {
    stem_value(&tables().months, key, cyrillic, lexicon::index(lang))
}

/// The weekday a word names, Monday = 1.
///
/// ```
/// use claimdiff::facts::dates::weekday;
/// assert_eq!(weekday("środę"), Some(3));
/// assert_eq!(weekday("пятницу"), Some(5));
/// assert_eq!(weekday("Sunday"), Some(7));
/// ```
pub fn weekday(word: &str) -> Option<u8> {
    stem_value(
        &tables().weekdays,
        &fold_word(word),
        word.chars().any(is_cyrillic),
        None,
    )
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
fn days(y: i32, m: u8, d: u8) -> i64 {
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
        if spans.insert(s, e) {
            facts.push(Fact {
                kind,
                start: s,
                end: e,
                value,
            });
        }
    };
    // The furthest end of the numerals up to each one (they are sorted by
    // start but may overlap), to find those a span covers without a scan.
    let mut reach = Vec::with_capacity(numerals.len());
    for n in numerals.iter() {
        reach.push(reach.last().map_or(n.end, |&r: &usize| r.max(n.end)));
    }
    // Numeric dates first: "19.06.2024", "2024-06-19", "6/19/2024".
    for (s, e, d) in numeric_dates(&text[..end], start, primary(&ctx.lang) == "en") {
        push(
            &mut facts,
            &mut spans,
            s,
            e,
            FactKind::Date,
            FactValue::Date(d),
        );
        // Numerals overlapping the date: among those starting before its end.
        let mut k = numerals.partition_point(|n| n.start < e);
        while k > 0 && reach[k - 1] > s {
            k -= 1;
            used[k] |= numerals[k].end > s;
        }
    }
    spans.next_pass();
    for (wi, w) in ws.iter().enumerate() {
        if let Some(m) = month_of_key(&w.key, w.cyrillic, &ctx.lang) {
            // A capitalized "May", "Mai", lower "maja" (also "they have" in Polish):
            // a month name alone needs a preposition or a number beside it.
            let mut d = DateValue {
                month: Some(m),
                ..DateValue::default()
            };
            let (mut s, mut e) = (w.start, w.end);
            if let Some(k) = numeral_before(w.start)
                .filter(|&k| integer(&numerals[k]) && (1.0..=31.0).contains(&numerals[k].value))
            {
                d.day = Some(numerals[k].value as u8);
                s = numerals[k].start;
                used[k] = true;
            }
            if let Some(k) = numeral_after(w.end).filter(|&k| integer(&numerals[k])) {
                let v = numerals[k].value;
                if d.day.is_none() && (1.0..=31.0).contains(&v) {
                    // "June 19, 2024".
                    d.day = Some(v as u8);
                    e = numerals[k].end;
                    used[k] = true;
                    if let Some(k2) = numeral_after(e)
                        .filter(|&k2| integer(&numerals[k2]) && year_in(numerals[k2].value))
                    {
                        d.year = Some(numerals[k2].value as i32);
                        e = numerals[k2].end;
                        used[k2] = true;
                    }
                } else if year_in(v) {
                    d.year = Some(v as i32);
                    e = numerals[k].end;
                    used[k] = true;
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
                )
                && ws[wi - 1].end + 2 >= w.start;
            if d.day.is_none() && d.year.is_none() && !prep {
                continue;
            }
            if d.year.is_some() {
                e = year_word_end(text, e, end);
            }
            if d.year.is_none() {
                if let Some(doc) = ctx.date {
                    // A month or day without a year: the latest one not after the document.
                    let (dm, dd) = (doc.month.unwrap_or(12), doc.day.unwrap_or(31));
                    let later = m > dm || (m == dm && d.day.unwrap_or(1) > dd);
                    d.year = doc.year.map(|y| if later { y - 1 } else { y });
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
            continue;
        }
        if let Some(wd) = stem_value(&tables().weekdays, &w.key, w.cyrillic, None) {
            let mut d = DateValue::default();
            if let Some(doc) = ctx.date.filter(|d| d.day.is_some()) {
                let today = weekday_of(doc);
                let ahead = wi > 0 && tables().next.iter().any(|p| ws[wi - 1].key.starts_with(p));
                let back = i64::from((today + 7 - wd) % 7);
                // News tells what happened: the latest such weekday, unless "next".
                d = if ahead {
                    add_days(
                        doc,
                        i64::from((wd + 7 - today) % 7)
                            .max(1)
                            .max(if wd == today { 7 } else { 1 }),
                    )
                } else {
                    add_days(doc, -back)
                };
            }
            push(
                &mut facts,
                &mut spans,
                w.start,
                w.end,
                FactKind::Date,
                FactValue::Date(d),
            );
            continue;
        }
        if let Some(&(offset, _)) = tables()
            .days
            .iter()
            .find(|(_, list)| list.contains(&w.key.as_str()))
        {
            let d = match ctx.date.filter(|d| d.day.is_some()) {
                Some(doc) => add_days(doc, i64::from(offset)),
                None => DateValue::default(),
            };
            push(
                &mut facts,
                &mut spans,
                w.start,
                w.end,
                FactKind::Date,
                FactValue::Date(d),
            );
            continue;
        }
        // "last year", "w zeszłym roku", "prošle godine", "в прошлом году", "loni", "letos".
        let single = match w.key.as_str() {
            "loni" | "lani" => Some(-1),
            "letos" => Some(0),
            _ => None,
        };
        let shift = single.or_else(|| {
            let next = ws.get(wi + 1)?;
            let t = tables();
            if !t.year_units.contains(&next.key.as_str()) || next.start > w.end + 2 {
                return None;
            }
            let has = |list: &[&str]| list.iter().any(|p| w.key.starts_with(p));
            if has(&t.past) {
                Some(-1)
            } else if has(&t.next) {
                Some(1)
            } else if t.this.contains(&w.key.as_str()) {
                Some(0)
            } else {
                None
            }
        });
        if let Some(k) = shift {
            let e = if single.is_some() {
                w.end
            } else {
                ws[wi + 1].end
            };
            let mut d = DateValue::default();
            if let Some(y) = ctx.date.and_then(|d| d.year) {
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
        if let Some(w) = after {
            if let Some(unit) = duration_unit(&w.key, &ctx.lang) {
                push(
                    &mut facts,
                    &mut spans,
                    n.start,
                    w.end,
                    FactKind::Duration,
                    FactValue::Duration {
                        amount: n.value,
                        unit,
                    },
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
    facts
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
        let date = match groups.as_slice() {
            [(y, 4), (m, _), (d, _)] if sep == b'-' => Some((*y, *m, *d)),
            [(a, 1..=2), (m2, 1..=2), (y, 4)] if sep != b'-' => {
                Some(if month_first && sep == b'/' {
                    (*y, *a, *m2)
                } else {
                    (*y, *m2, *a)
                })
            }
            _ => None,
        };
        if let Some((y, m, d)) = date.filter(|&(y, m, d)| valid(y, m, d)) {
            // The ordinal dot after the year ("19.06.2024.") belongs to the date.
            let e = if b.get(j) == Some(&b'.') && !b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                j + 1
            } else {
                j
            };
            out.push((
                i,
                e,
                DateValue {
                    year: Some(y),
                    month: Some(m as u8),
                    day: Some(d as u8),
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
        assert_eq!(at("w sierpniu", "pl"), "2023-08");
        assert_eq!(dates("wczoraj", "pl")[0].1, "");
    }
}
