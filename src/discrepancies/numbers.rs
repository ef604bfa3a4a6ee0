//! Numbers that differ between aligned claims: quantities, dates and durations.
//!
//! In each group, the numbers of every two versions are paired: equal values
//! first (within the tolerance, and within what a qualifier allows: "około
//! 1,6 mln" agrees with "1,58 mln", "co najmniej 10" does not with "8"), then
//! what is left by the thing counted and by order. Pairs chain across
//! versions, so "1.8 million in sl against 1.6 million in pl, sr, en" is one
//! discrepancy, not three.

use super::fingerprint::fingerprint;
use super::{Discrepancy, DiscrepancyKind, Evidence};
use crate::alignment::{groups::DisjointSets, Group};
use crate::claims::AnalysedDocument;
use crate::facts::{DateValue, DurationUnit, Fact, FactKind, FactValue, Qualifier};
use crate::{Mode, Options};

/// How far an approximate figure may be from an exact one ("około 1,6 mln"
/// and "1,58 mln"): rounding to two significant digits.
const APPROXIMATE: f64 = 0.05;
/// In news mode, differing figures pair only when this alike in size
/// (see `unlikeness`): "1.6 million" and "1.8 million", not "3" and "100".
const NEWS_ALIKE: f64 = 1.5;

/// What number discrepancies compare: a fact seen as a measure.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Measure {
    Amount {
        value: f64,
        high: Option<f64>,
        percent: bool,
        qualifier: Qualifier,
        relative: bool,
    },
    Date(DateValue),
    /// In days, so "2 weeks" meets "14 days".
    Duration(f64, DurationUnit, f64),
    /// Numbers joined by colons ("22:08", "4:41:30"): a time of day or a
    /// race time, which extraction reads as separate numbers. `key` folds its
    /// digit runs, hours on a 12-hour dial, so "22:08" meets "10:08 p.m." and
    /// "4:41:30" meets "4:41.30"; `minutes` of the first time orders it.
    Clock {
        key: u64,
        minutes: f64,
    },
}

impl Measure {
    fn of(fact: &Fact) -> Option<Measure> {
        match &fact.value {
            FactValue::Quantity(q) => Some(Measure::Amount {
                value: q.value,
                high: q.high,
                percent: q.percent,
                qualifier: q.qualifier,
                relative: q.relative.is_some(),
            }),
            // A bare year compares with the same year written without "roku".
            FactValue::Date(d) if d.month.is_none() && d.day.is_none() => {
                d.year.map(|y| Measure::Amount {
                    value: f64::from(y),
                    high: None,
                    percent: false,
                    qualifier: Qualifier::Exact,
                    relative: false,
                })
            }
            FactValue::Date(d) if d.month.is_some() => Some(Measure::Date(*d)),
            FactValue::Duration { amount, unit } => {
                Some(Measure::Duration(*amount, *unit, amount * days_per(*unit)))
            }
            _ => None,
        }
    }

    /// A plain count: what an extractor that missed the unit or month name
    /// sees of a duration or a date ("29 lat" / "29", "16. studenoga" / "16").
    fn plain(&self) -> Option<f64> {
        match *self {
            Measure::Amount {
                value,
                high: None,
                percent: false,
                relative: false,
                ..
            } => Some(value),
            _ => None,
        }
    }

    /// Whether a measure of another kind may be the same fact read
    /// differently: a duration and its count, a date and its day.
    fn cross(&self, other: &Measure) -> Option<(f64, f64)> {
        let (plain, other) = match (self.plain(), other.plain()) {
            (Some(v), None) => (v, other),
            (None, Some(v)) => (v, self),
            _ => return None,
        };
        let of_other = match *other {
            Measure::Duration(amount, _, _) => amount,
            // "8 razy więcej" read as a multiplier in one version only.
            Measure::Amount {
                value,
                high: None,
                percent: false,
                relative: true,
                ..
            } => value,
            // A day given alone, or the year of a month ("w roku 2005" / "im August 2005").
            Measure::Date(d) if plain.fract() == 0.0 && (1.0..=31.0).contains(&plain) => {
                f64::from(d.day?)
            }
            // A date with a day meets its day: "17" and "1939" against
            // "18 September 1939" is a changed day, not an agreeing year.
            Measure::Date(d) if plain.fract() == 0.0 && plain >= 100.0 && d.day.is_none() => {
                f64::from(d.year?)
            }
            // "10:00" / "o 10 ranku": a time on the hour and its hour.
            Measure::Clock { minutes, .. }
                if minutes >= 0.0
                    && minutes as u64 % 60 == 0
                    && plain.fract() == 0.0
                    && plain <= 24.0 =>
            {
                // Whole numbers both: integer remainders spare the wasm its
                // float `fmod` (about 1 KB gzipped).
                return Some(((plain as i64 % 12) as f64, minutes / 60.0));
            }
            _ => return None,
        };
        Some((plain, of_other))
    }

    /// Whether two measures can be about the same thing at all.
    fn comparable(&self, other: &Measure) -> bool {
        match (self, other) {
            (
                Measure::Amount {
                    percent: p,
                    relative: r,
                    ..
                },
                Measure::Amount {
                    percent: q,
                    relative: s,
                    ..
                },
            ) => p == q && r == s,
            (Measure::Date(_), Measure::Date(_))
            | (Measure::Duration(..), Measure::Duration(..))
            | (Measure::Clock { .. }, Measure::Clock { .. }) => true,
            _ => false,
        }
    }

    fn label(&self) -> String {
        match *self {
            Measure::Amount {
                value,
                high,
                percent,
                ..
            } => match high {
                Some(h) => format!(
                    "{}–{}",
                    format_value(value, false),
                    format_value(h, percent)
                ),
                None => format_value(value, percent),
            },
            Measure::Date(d) => d.iso(),
            Measure::Duration(amount, unit, _) => {
                format!("{} {}s", format_value(amount, false), unit.name())
            }
            // Labelled by its own text (see `describe`).
            Measure::Clock { .. } => String::new(),
        }
    }

    /// Orders labels in messages: by value, dates by day.
    fn order(&self) -> f64 {
        match *self {
            Measure::Amount { value, .. } => value,
            Measure::Date(d) => f64::from(
                d.year.unwrap_or(0) * 10_000
                    + i32::from(d.month.unwrap_or(0)) * 100
                    + i32::from(d.day.unwrap_or(0)),
            ),
            Measure::Duration(_, _, days) => days,
            Measure::Clock { minutes, .. } => minutes,
        }
    }
}

fn days_per(unit: DurationUnit) -> f64 {
    match unit {
        DurationUnit::Second => 1.0 / 86_400.0,
        DurationUnit::Minute => 1.0 / 1440.0,
        DurationUnit::Hour => 1.0 / 24.0,
        DurationUnit::Day => 1.0,
        DurationUnit::Week => 7.0,
        DurationUnit::Month => 365.25 / 12.0,
        DurationUnit::Year => 365.25,
    }
}

/// A number of a group: which document, which claim, which fact.
struct Slot<'a> {
    doc: usize,
    claim: usize,
    /// The first fact of the span (a clock spans several).
    fact: &'a Fact,
    start: usize,
    end: usize,
    measure: Measure,
    /// A small number in words ("cztery", "two"): often an idiom ("w cztery
    /// oczy", one-on-one) that translations drop, so it only pairs by value
    /// or by the thing counted, never by order alone.
    idiom_prone: bool,
}

pub fn detect(
    docs: &[AnalysedDocument],
    group: &Group,
    mode: Mode,
    options: &Options,
) -> Vec<Discrepancy> {
    // Plain loops: nested `flat_map`s compile to a much larger iterator state machine.
    let mut slots: Vec<Slot> = Vec::new();
    for (doc, claims) in group.claims.iter().enumerate() {
        let text = &docs[doc].source.text;
        for &claim in claims {
            for (fact, start, end, measure) in measures(text, &docs[doc].claims[claim].facts) {
                slots.push(Slot {
                    doc,
                    claim,
                    fact,
                    start,
                    end,
                    measure,
                    // A Roman century ("X w.") is no idiom.
                    idiom_prone: fact.kind != FactKind::Entity
                        && small_in_words(&text[start..], &measure),
                });
            }
        }
    }
    if slots.len() < 2 {
        return Vec::new();
    }
    let present = group.present_docs();
    let mut sets = DisjointSets::new(slots.len());
    let mut disagrees = vec![false; slots.len()];
    for (k, &x) in present.iter().enumerate() {
        for &y in &present[k + 1..] {
            // The smaller id first: ties in pairing must not depend on the
            // order in which the documents were given.
            let (x, y) = if docs[y].id() < docs[x].id() {
                (y, x)
            } else {
                (x, y)
            };
            for (i, j, same) in pair_numbers(&slots, x, y, options.numeric_tolerance, mode) {
                sets.union(i, j);
                if !same {
                    disagrees[i] = true;
                    disagrees[j] = true;
                }
            }
        }
    }
    // One discrepancy per chain of paired numbers that holds a disagreement.
    let mut components: Vec<(usize, Vec<usize>)> = Vec::new();
    for s in 0..slots.len() {
        let root = sets.find(s);
        match components.iter_mut().find(|(r, _)| *r == root) {
            Some((_, members)) => members.push(s),
            None => components.push((root, vec![s])),
        }
    }
    let mut found = Vec::new();
    for (_, members) in components {
        if members.iter().any(|&s| disagrees[s]) {
            found.push(describe(docs, &slots, &members, group.score, mode));
        }
    }
    found
}

/// The measures of a claim's facts with their spans; numbers joined by
/// colons become one clock.
fn measures<'a>(text: &str, facts: &'a [Fact]) -> Vec<(&'a Fact, usize, usize, Measure)> {
    let mut out = Vec::new();
    let centuries = roman_centuries(text, facts);
    let mut i = 0;
    while i < facts.len() {
        let fact = &facts[i];
        i += 1;
        if let Some(&(_, n)) = centuries.iter().find(|c| c.0 == i - 1) {
            out.push((fact, fact.start, fact.end, plain_amount(n)));
            continue;
        }
        let Some(measure) = Measure::of(fact) else {
            continue;
        };
        // Later facts that start right after a colon that follows this one.
        let mut end = digits_end(text, fact.start, fact.end);
        let mut last = i;
        while last < facts.len()
            && text[end..].starts_with(':')
            && facts[last].start == end + 1
            && text[end + 1..].starts_with(|c: char| c.is_ascii_digit())
        {
            end = digits_end(text, facts[last].start, facts[last].end);
            last += 1;
        }
        let joined = &text[fact.start..end];
        let numeric = matches!(fact.kind, FactKind::Number | FactKind::Duration);
        if last > i && numeric && time_like(joined) {
            out.push((fact, fact.start, end, clock(joined)));
            i = last;
        } else if numeric && dotted_time(joined, &measure) {
            out.push((fact, fact.start, end, clock(joined)));
        } else if let Some((first, second)) = dotted_range(text, fact) {
            // "6.30 do 7.30": two times read as one range of decimals.
            out.push((fact, first.0, first.1, clock(&text[first.0..first.1])));
            out.push((fact, second.0, second.1, clock(&text[second.0..second.1])));
        } else {
            out.push((fact, fact.start, fact.end, measure));
        }
    }
    out
}

/// Words (lowercase beginnings) that name a century after its number:
/// "XV wieku", "XIX века", "XII столітті", "XIV в.", "XVIII. století".
const CENTURY_WORDS: &[&str] = &[
    "wiek",
    "w.",
    "век",
    "в.",
    "вв.",
    "ст.",
    "столі",
    "столе",
    "stol",
    "jahrh",
    "cent",
];
/// Bytes between Roman numerals that share one century word ("X–XI",
/// "XI, XII i XIII wiek", "X–XI oraz w XIV wieku").
const ROMAN_LIST_GAP: usize = 8;

/// Names read as Roman numerals of centuries: (fact index, number). The
/// century word follows the last of a list; a king's "Ludwik XVI" has none.
fn roman_centuries(text: &str, facts: &[Fact]) -> Vec<(usize, f64)> {
    let mut out: Vec<(usize, f64)> = Vec::new();
    let mut next_start: Option<usize> = None;
    for (k, fact) in facts.iter().enumerate().rev() {
        let Some(n) = roman(text[fact.start..fact.end].trim_end_matches('.')) else {
            continue;
        };
        let after = text[fact.end..].trim_start_matches('.').trim_start();
        let word: String = after.split_whitespace().next().unwrap_or("").to_lowercase();
        let named = CENTURY_WORDS.iter().any(|w| word.starts_with(w));
        let listed = next_start.is_some_and(|s| s >= fact.end && s - fact.end <= ROMAN_LIST_GAP);
        if fact.kind == FactKind::Entity && (named || listed) {
            out.push((k, f64::from(n)));
            next_start = Some(fact.start);
        }
    }
    out
}

/// The value of a Roman numeral of a century, I to XXX.
fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 {
        return None;
    }
    let digit = |c: u8| match c {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        _ => None,
    };
    let digits: Option<Vec<u32>> = s.bytes().map(digit).collect();
    let digits = digits?;
    let mut total = 0;
    for (k, &d) in digits.iter().enumerate() {
        if digits.get(k + 1).is_some_and(|&e| e > d) {
            total -= d as i32;
        } else {
            total += d as i32;
        }
    }
    (1..=30).contains(&total).then_some(total as u32)
}

/// A figure without qualifier, range or unit.
fn plain_amount(value: f64) -> Measure {
    Measure::Amount {
        value,
        high: None,
        percent: false,
        qualifier: Qualifier::Exact,
        relative: false,
    }
}

/// Whether numbers joined by colons hold a time: some part is followed by
/// two-digit minutes ("22:08", "4:41:30"), unlike a score or ratio ("6:6", "2:1").
fn time_like(joined: &str) -> bool {
    joined.split(':').skip(1).any(|part| {
        let digits = part.bytes().take_while(u8::is_ascii_digit).count();
        digits == 2
    })
}

/// The spans of the two times of a range read as decimals ("6.30 do 7.30").
fn dotted_range(text: &str, fact: &Fact) -> Option<((usize, usize), (usize, usize))> {
    let q = fact.quantity()?;
    let high = q.high?;
    if q.percent || q.relative.is_some() {
        return None;
    }
    let span = &text[fact.start..fact.end];
    let token = |s: usize, e: usize| (fact.start + s, fact.start + e);
    let first_end = span.find(|c: char| c.is_whitespace() || is_dash(c))?;
    let second_start = span
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace() || is_dash(c))
        .map(|(k, c)| k + c.len_utf8())?;
    let second_end = span[second_start..]
        .rfind(|c: char| c.is_ascii_digit())
        .map(|k| second_start + k + 1)?;
    let (a, b) = (token(0, first_end), token(second_start, second_end));
    (a.1 <= b.0
        && dotted_time(&text[a.0..a.1], &plain_amount(q.value))
        && dotted_time(&text[b.0..b.1], &plain_amount(high)))
    .then_some((a, b))
}

/// "22.08", "8.30 uveče", "12.00 sati": a time of day written with a dot or
/// comma, which extraction reads as a decimal (or hours); it meets "22:08".
fn dotted_time(digits: &str, measure: &Measure) -> bool {
    let hours = match *measure {
        Measure::Amount { .. } => measure.plain(),
        Measure::Duration(amount, DurationUnit::Hour, _) => Some(amount),
        _ => None,
    };
    let b = digits.as_bytes();
    let n = b.len();
    hours.is_some_and(|h| h < 100.0)
        && (4..=5).contains(&n)
        && matches!(b[n - 3], b'.' | b',')
        && b[..n - 3].iter().all(u8::is_ascii_digit)
        && b[n - 2..].iter().all(u8::is_ascii_digit)
}

/// Where the digits of a fact's span end ("00 czasu" ends after "00").
fn digits_end(text: &str, start: usize, end: usize) -> usize {
    text[start..end]
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(end, |k| start + k + 1)
}

/// A hyphen or an en dash: what joins the ends of a range or two times.
fn is_dash(c: char) -> bool {
    c == '-' || c == '–'
}

/// The clock of "22:08", "10:00-11:00" or "4:41.30" (see `Measure::Clock`).
fn clock(text: &str) -> Measure {
    let runs: Vec<(u64, usize, bool)> = {
        let mut runs = Vec::new();
        let mut value: Option<(u64, usize)> = None;
        // A run starts a time at the start or after a dash ("10:00-11:00").
        let mut starts_time = true;
        for c in text.chars() {
            match (c.to_digit(10), value) {
                (Some(d), Some((v, n))) => {
                    value = Some((v.saturating_mul(10).saturating_add(u64::from(d)), n + 1))
                }
                (Some(d), None) => value = Some((u64::from(d), 1)),
                (None, Some((v, n))) => {
                    runs.push((v, n, starts_time));
                    value = None;
                    starts_time = is_dash(c);
                }
                (None, None) => starts_time |= is_dash(c),
            }
        }
        if let Some((v, n)) = value {
            runs.push((v, n, starts_time));
        }
        runs
    };
    let mut key: u64 = 0;
    let mut minutes = None;
    for (k, &(v, _, starts)) in runs.iter().enumerate() {
        // An hour followed by two-digit minutes is on a 12-hour dial.
        let next_two = runs.get(k + 1).is_some_and(|r| r.1 == 2 && !r.2);
        let v = if starts && next_two && v <= 24 {
            v % 12
        } else {
            v
        };
        if minutes.is_none() && starts && next_two {
            minutes = Some(v.saturating_mul(60).saturating_add(runs[k + 1].0) as f64);
        }
        key = key.wrapping_mul(1_000_003).wrapping_add(v.wrapping_add(1));
    }
    Measure::Clock {
        key,
        minutes: minutes.unwrap_or(-1.0),
    }
}

/// Pairs the numbers of documents `x` and `y`: (slot, slot, same value?).
fn pair_numbers(
    slots: &[Slot],
    x: usize,
    y: usize,
    tolerance: f64,
    mode: Mode,
) -> Vec<(usize, usize, bool)> {
    let left: Vec<usize> = (0..slots.len()).filter(|&s| slots[s].doc == x).collect();
    let right: Vec<usize> = (0..slots.len()).filter(|&s| slots[s].doc == y).collect();
    // Position of each slot among its document's numbers, for tie-breaks.
    // (One pass per side, not a search per slot: documents can hold thousands of numbers.)
    let rank = |side: &[usize]| {
        let mut rank = vec![0; slots.len()];
        for (k, &s) in side.iter().enumerate() {
            rank[s] = k;
        }
        rank
    };
    let (rank_l, rank_r) = (rank(&left), rank(&right));
    let (mut left, mut right) = (left, right);
    let mut pairs = Vec::new();
    let take = |pairs: &mut Vec<(usize, usize, bool)>,
                left: &mut Vec<usize>,
                right: &mut Vec<usize>,
                fits: &dyn Fn(&Slot, &Slot) -> bool,
                same: bool| {
        let mut i = 0;
        while i < left.len() {
            // Of equal fits, the one at the nearest place in its version:
            // "1977" then "1977–1981" against "1977" and "1977 to 1981".
            let fit = right
                .iter()
                .enumerate()
                .filter(|&(_, &r)| fits(&slots[left[i]], &slots[r]))
                .min_by_key(|&(_, &r)| rank_l[left[i]].abs_diff(rank_r[r]))
                .map(|(j, _)| j);
            if let Some(j) = fit {
                pairs.push((left[i], right[j], same));
                left.remove(i);
                right.remove(j);
            } else {
                i += 1;
            }
        }
    };
    take(
        &mut pairs,
        &mut left,
        &mut right,
        &|a, b| {
            a.measure.comparable(&b.measure) && same_value(&a.measure, &b.measure, tolerance, mode)
        },
        true,
    );
    if mode != Mode::News {
        broken_ranges(slots, &mut pairs, &mut left, &mut right, tolerance);
    }
    // A count that another version gives as a duration or a date's day.
    take(
        &mut pairs,
        &mut left,
        &mut right,
        &|a, b| a.measure.cross(&b.measure).is_some_and(|(p, q)| p == q),
        true,
    );
    // What is left differs; pair it by the thing counted, then by likeness.
    take(
        &mut pairs,
        &mut left,
        &mut right,
        &|a, b| a.measure.comparable(&b.measure) && same_counted(a.fact, b.fact),
        false,
    );
    let mut closest = |left: &mut Vec<usize>,
                       right: &mut Vec<usize>,
                       cost: &dyn Fn(&Slot, &Slot) -> Option<f64>| {
        loop {
            let mut best: Option<(usize, usize, f64, usize)> = None;
            for (i, &l) in left.iter().enumerate() {
                for (j, &r) in right.iter().enumerate() {
                    let (a, b) = (&slots[l], &slots[r]);
                    // A small number in words pairs only with a small number
                    // in digits ("osiem" / "9"): two in words are as likely
                    // idioms ("w cztery oczy" / "the two leaders").
                    let small = |s: &Slot| s.measure.plain().is_some_and(|v| v.abs() <= 10.0);
                    let idiom_ok = match (a.idiom_prone, b.idiom_prone) {
                        (false, false) => true,
                        (true, true) => false,
                        _ => small(a) && small(b),
                    };
                    if !idiom_ok {
                        continue;
                    }
                    let Some(c) = cost(a, b) else { continue };
                    let shift = rank_l[l].abs_diff(rank_r[r]);
                    if best.map_or(true, |(_, _, bc, bs)| c < bc || (c == bc && shift < bs)) {
                        best = Some((i, j, c, shift));
                    }
                }
            }
            let Some((i, j, _, _)) = best else { break };
            pairs.push((left.remove(i), right.remove(j), false));
        }
    };
    // Most alike first: a changed digit keeps the size of the number, while
    // the unrelated figures of one sentence seldom share it ("17. století" and
    // "1861" against "1862").
    if mode == Mode::News {
        // Independent reports group claims loosely and cite other years and
        // figures for good reasons: only dates and figures of one size pair
        // ("1.6 million" / "1.8 million"), never "1961" / "2024" or "7" / "2000".
        closest(
            &mut left,
            &mut right,
            &|a, b| match (a.measure, b.measure) {
                // A date without its year ("w czerwcu") and one with it are
                // seldom one event in independent reports; one that agrees pairs first.
                (Measure::Date(x), Measure::Date(y)) => {
                    if same_value(&a.measure, &b.measure, tolerance, mode) {
                        Some(0.0)
                    } else {
                        (x.year.is_some() == y.year.is_some()).then_some(1.0)
                    }
                }
                (Measure::Amount { .. }, Measure::Amount { .. })
                    if a.measure.comparable(&b.measure) && !year_like(&a.measure) =>
                {
                    let u = unlikeness(a.measure.order(), b.measure.order());
                    (u <= NEWS_ALIKE).then_some(u)
                }
                _ => None,
            },
        );
        return pairs;
    }
    closest(&mut left, &mut right, &|a, b| {
        a.measure
            .comparable(&b.measure)
            .then(|| unlikeness(a.measure.order(), b.measure.order()))
    });
    closest(&mut left, &mut right, &|a, b| {
        a.measure.cross(&b.measure).map(|(p, q)| unlikeness(p, q))
    });
    pairs
}

/// A range that one version gives and another splits into two numbers:
/// "10 do 15" against "od 20 do 15", whose ends are out of order, or a range
/// the other language's reading did not join. One end agreed with a single
/// number; the number written beside it is the range's other end.
fn broken_ranges(
    slots: &[Slot],
    pairs: &mut Vec<(usize, usize, bool)>,
    left: &mut Vec<usize>,
    right: &mut Vec<usize>,
    tolerance: f64,
) {
    /// Bytes between the two numbers of a range written out ("between 150 and 200").
    const RANGE_GAP: usize = 12;
    let amount = |s: usize| match slots[s].measure {
        Measure::Amount { value, high, .. } => Some((value, high)),
        _ => None,
    };
    let mut k = 0;
    while k < pairs.len() {
        let (a, b, _) = pairs[k];
        k += 1;
        for (range, single, side) in [(a, b, &mut *right), (b, a, &mut *left)] {
            let (Some((low, Some(high))), Some((value, None))) = (amount(range), amount(single))
            else {
                continue;
            };
            // The matched end decides on which side the other one is written.
            let neighbour = if close(value, high, tolerance) {
                single.checked_sub(1)
            } else {
                Some(single + 1)
            };
            let other_end = if close(value, high, tolerance) {
                low
            } else {
                high
            };
            let Some(n) = neighbour.filter(|&n| n < slots.len()) else {
                continue;
            };
            let (sn, ss) = (&slots[n], &slots[single]);
            let gap = if n < single {
                ss.start.checked_sub(sn.end)
            } else {
                sn.start.checked_sub(ss.end)
            };
            let Some(pos) = side.iter().position(|&t| t == n) else {
                continue;
            };
            let Some((v, None)) = amount(n) else { continue };
            if sn.doc != ss.doc || sn.claim != ss.claim || gap.map_or(true, |g| g > RANGE_GAP) {
                continue;
            }
            side.remove(pos);
            pairs.push((range, n, close(v, other_end, tolerance)));
        }
    }
}

/// A whole number that reads as a year.
fn year_like(m: &Measure) -> bool {
    m.plain()
        .is_some_and(|v| v.fract() == 0.0 && (1000.0..=2100.0).contains(&v))
}

/// How unlike two values are in size: 1 for equal, growing with their ratio.
fn unlikeness(a: f64, b: f64) -> f64 {
    let (a, b) = (a.abs() + 1.0, b.abs() + 1.0);
    if a > b {
        a / b
    } else {
        b / a
    }
}

fn small_in_words(text: &str, measure: &Measure) -> bool {
    let in_words = !text.starts_with(|c: char| c.is_ascii_digit());
    in_words && matches!(measure, Measure::Amount { value, relative: false, .. } if *value <= 10.0)
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * a.abs().max(b.abs())
}

/// Whether two comparable measures agree.
fn same_value(a: &Measure, b: &Measure, tolerance: f64, mode: Mode) -> bool {
    match (*a, *b) {
        (
            Measure::Amount {
                value: x,
                high: hx,
                qualifier: qx,
                ..
            },
            Measure::Amount {
                value: y,
                high: hy,
                qualifier: qy,
                ..
            },
        ) => {
            use Qualifier::*;
            // "about 1100" as a year is still that year.
            let years = year_like(a) && year_like(b);
            let approximate = (qx == Approximately || qy == Approximately) && !years;
            let tolerance = if approximate {
                tolerance.max(APPROXIMATE)
            } else {
                tolerance
            };
            let bound = |q: Qualifier| matches!(q, AtLeast | MoreThan | AtMost | LessThan);
            // One end of a range read as a single figure where the other
            // version's range was not recognised ("1977–1981" / "1977").
            let end_of = |v: f64, low: f64, high: Option<f64>| {
                high.is_some_and(|h| close(v, low, tolerance) || close(v, h, tolerance))
            };
            if (hy.is_none() && end_of(y, x, hx)) || (hx.is_none() && end_of(x, y, hy)) {
                return true;
            }
            if hx.is_none() && hy.is_none() && (of_era(x, y) || of_era(y, x)) {
                return true;
            }
            // A translation keeps the figure; a qualifier it words differently
            // ("ponad 60" / "around 60") does not make it another number, and
            // one it adds does not make another number agree ("more than 1000"
            // / "2000").
            if mode != Mode::News {
                // "3,9 mln" read as 3.9 million in one language and 3.9 in
                // another, "6.387" as 6387 or 6.387: the digits agree.
                // Not "7" against "7000": a thousand apart, only a decimal
                // read as grouped digits.
                let scaled = [1e3, 1e6, 1e9].iter().any(|&k| {
                    let small = x.abs().min(y.abs());
                    hx.is_none()
                        && hy.is_none()
                        && (k > 1e3 || small.fract() != 0.0)
                        && (close(x * k, y, tolerance) || close(y * k, x, tolerance))
                });
                return scaled
                    || close(x, y, tolerance)
                        && match (hx, hy) {
                            (Some(p), Some(q)) => close(p, q, tolerance),
                            _ => hx.is_none() && hy.is_none(),
                        };
            }
            match (bound(qx), bound(qy)) {
                // An exact figure within the other's bound agrees: "ponad 10" and "12".
                (true, false) => within(x, qx, y) && hy.is_none(),
                (false, true) => within(y, qy, x) && hx.is_none(),
                _ => {
                    close(x, y, tolerance)
                        && match (hx, hy) {
                            (Some(p), Some(q)) => close(p, q, tolerance),
                            (None, None) => true,
                            _ => false,
                        }
                }
            }
        }
        // A part a version leaves out is no difference: "w czerwcu 2024" / "19 June 2024".
        (Measure::Date(x), Measure::Date(y)) => {
            let fits = |p: Option<u8>, q: Option<u8>| p == q || p.is_none() || q.is_none();
            x.month == y.month
                && fits(x.day, y.day)
                && (x.year == y.year || x.year.is_none() || y.year.is_none())
        }
        (Measure::Duration(_, _, x), Measure::Duration(_, _, y)) => {
            close(x, y, tolerance.max(1e-3))
        }
        (Measure::Clock { key: x, .. }, Measure::Clock { key: y, .. }) => x == y,
        _ => false,
    }
}

/// Whether `short` names the decade or century of the round year `year`:
/// "lata dwudzieste" (20) / "1920s", "lat 70." / "1970-их", "19. stoletja" /
/// "1800s". Languages name eras by their decade or century number, others by
/// the year they begin with.
fn of_era(short: f64, year: f64) -> bool {
    if short.fract() != 0.0 || year.fract() != 0.0 || !(1000.0..=2100.0).contains(&year) {
        return false;
    }
    let (n, year) = (short as i64, year as i64);
    if year % 10 != 0 {
        return false;
    }
    let decade = n % 10 == 0 && (10..=90).contains(&n) && year % 100 == n;
    let century = (1..=21).contains(&n) && (n - 1) * 100 <= year && year < n * 100;
    decade || century
}

/// Whether `value` lies within the bound `qualifier bound`.
fn within(bound: f64, qualifier: Qualifier, value: f64) -> bool {
    match qualifier {
        Qualifier::AtLeast => value >= bound,
        Qualifier::MoreThan => value > bound,
        Qualifier::AtMost => value <= bound,
        Qualifier::LessThan => value < bound,
        _ => value == bound,
    }
}

fn same_counted(a: &Fact, b: &Fact) -> bool {
    let stem = |f: &Fact| {
        f.quantity()?
            .counted
            .as_ref()
            .map(|c| c.chars().take(4).collect::<String>())
    };
    stem(a).is_some() && stem(a) == stem(b)
}

fn describe(
    docs: &[AnalysedDocument],
    slots: &[Slot],
    members: &[usize],
    score: f64,
    mode: Mode,
) -> Discrepancy {
    // Values with the documents that state each, the rarer value first.
    let mut by_value: Vec<(f64, String, Vec<usize>)> = Vec::new();
    for &s in members {
        let measure = &slots[s].measure;
        let label = match measure {
            Measure::Clock { .. } => {
                docs[slots[s].doc].source.text[slots[s].start..slots[s].end].to_string()
            }
            _ => measure.label(),
        };
        match by_value.iter_mut().find(|(_, l, _)| *l == label) {
            Some((_, _, ds)) if !ds.contains(&slots[s].doc) => ds.push(slots[s].doc),
            Some(_) => {}
            None => by_value.push((measure.order(), label, vec![slots[s].doc])),
        }
    }
    crate::sort::sort_by(&mut by_value, |a, b| {
        (a.2.len().cmp(&b.2.len()))
            .then(a.0.total_cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    let message = by_value
        .iter()
        .map(|(_, label, ds)| format!("{label} in {}", super::doc_list(docs, ds)))
        .collect::<Vec<_>>()
        .join(" vs ");
    let evidence: Vec<Evidence> = members
        .iter()
        .map(|&s| Evidence {
            doc: slots[s].doc,
            claim: slots[s].claim,
            start: slots[s].start,
            end: slots[s].end,
        })
        .collect();
    let parts: Vec<String> = evidence
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                docs[e.doc].id(),
                &docs[e.doc].source.text[e.start..e.end]
            )
        })
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    // A chain of dates only is a date discrepancy; "2000" against "2000.
    // године" is one too, as both were read as dates.
    let dates: Vec<DateValue> = members
        .iter()
        .filter_map(|&s| match (slots[s].fact.kind, &slots[s].fact.value) {
            (FactKind::Date, FactValue::Date(d)) => Some(*d),
            _ => None,
        })
        .collect();
    // "2011" read as a year in one version and a plain number in another is
    // still a date when another member is one.
    let year_like = |s: usize| year_like(&slots[s].measure);
    // A day given alone where another version has the full date is the date.
    let has_day = dates.iter().any(|d| d.day.is_some());
    let day_like = |s: usize| {
        has_day
            && slots[s]
                .measure
                .plain()
                .is_some_and(|v| v.fract() == 0.0 && (1.0..=31.0).contains(&v))
    };
    let all_dates = !dates.is_empty()
        && members
            .iter()
            .all(|&s| slots[s].fact.kind == FactKind::Date || year_like(s) || day_like(s));
    let (kind, message) = if all_dates {
        (
            DiscrepancyKind::Date,
            format!("Different dates: {message}{}", super::dates::gap(&dates)),
        )
    } else {
        (
            DiscrepancyKind::Number,
            format!("Different numbers: {message}"),
        )
    };
    let name = if kind == DiscrepancyKind::Date {
        "date"
    } else {
        "number"
    };
    Discrepancy {
        kind,
        severity: super::by_mode(mode),
        confidence: (0.5 + 0.5 * score).min(1.0),
        message,
        evidence,
        fingerprint: fingerprint(name, &parts),
    }
}

/// "1.6 million", "10000", "12.5%".
///
/// ```
/// use claimdiff::discrepancies::numbers::format_value;
/// assert_eq!(format_value(1_600_000.0, false), "1.6 million");
/// assert_eq!(format_value(12.5, true), "12.5%");
/// assert_eq!(format_value(2024.0, false), "2024");
/// ```
pub fn format_value(value: f64, percent: bool) -> String {
    // Integer arithmetic instead of float formatting, which costs kilobytes of wasm.
    let plain = |v: f64| {
        let thousandths = (v.abs() * 1000.0).round() as u64;
        let sign = if v < 0.0 && thousandths > 0 { "-" } else { "" };
        let (whole, fraction) = (thousandths / 1000, thousandths % 1000);
        let fraction = format!("{fraction:03}");
        let fraction = fraction.trim_end_matches('0');
        if fraction.is_empty() {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{fraction}")
        }
    };
    if percent {
        return format!("{}%", plain(value));
    }
    for (scale, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if value.abs() >= scale {
            return format!("{} {name}", plain(value / scale));
        }
    }
    plain(value)
}

#[cfg(test)]
mod tests {
    use crate::DiscrepancyKind;

    fn found(kind: DiscrepancyKind, a: &str, b: &str) -> Vec<String> {
        crate::discrepancies::messages_in_translation(kind, a, b)
    }

    #[test]
    fn a_translation_keeps_the_figure_whatever_its_qualifier() {
        // "More than 1000" does not agree with 2000 in a translation.
        let n = found(
            DiscrepancyKind::Number,
            "Satelity ważyły ponad 2000 funtów.",
            "Sateliti su težili preko 1.000 funti.",
        );
        assert_eq!(n.len(), 1, "{n:?}");
        // "ponad 60" and "around 60" are the same figure.
        assert!(found(
            DiscrepancyKind::Number,
            "Zgłoszono ponad 60 przypadków.",
            "Around 60 cases have been reported.",
        )
        .is_empty());
    }

    #[test]
    fn a_time_meets_its_twelve_hour_and_dotted_forms() {
        for (a, b) in [
            (
                "Potres je udaril ob 22:08.",
                "The quake struck at 10:08 p.m.",
            ),
            ("Potres je udaril ob 22.08.", "The quake struck at 22:08."),
            ("Imela je čas 4:41:30.", "She had a time of 4:41.30."),
        ] {
            assert!(found(DiscrepancyKind::Number, a, b).is_empty(), "{a} / {b}");
        }
        let n = found(
            DiscrepancyKind::Number,
            "Potres je udaril ob 20:19.",
            "The quake struck at 9:19 p.m.",
        );
        assert_eq!(n.len(), 1, "{n:?}");
    }

    #[test]
    fn times_in_a_range_and_on_the_hour_meet_their_other_forms() {
        for (a, b) in [
            (
                "Avtobusi vozijo od 6.30 do 7.30.",
                "Buses leave between 06:30 and 07:30.",
            ),
            (
                "Igre so se začele ob 10:00.",
                "Игри розпочалися о 10 ранку.",
            ),
        ] {
            assert!(found(DiscrepancyKind::Number, a, b).is_empty(), "{a} / {b}");
        }
    }

    #[test]
    fn a_range_split_in_two_is_compared_end_to_end() {
        let n = found(
            DiscrepancyKind::Number,
            "Okužena oseba okuži od 10 do 15 stikov.",
            "Zaražena osoba zarazi od 20 do 15 kontakata.",
        );
        assert_eq!(n.len(), 1, "{n:?}");
        assert!(n[0].contains("20"), "{n:?}");
    }

    #[test]
    fn an_era_meets_the_year_it_begins_with() {
        for (a, b) in [
            ("Lata dwudzieste były spokojne.", "The 1920s were calm."),
            (
                "Bolezni ni bilo od 19. stoletja.",
                "There was no disease since the 1800s.",
            ),
            (
                "Ta styl powstał w XV wieku.",
                "Ovaj stil nastao je u 15. stoljeću.",
            ),
        ] {
            assert!(found(DiscrepancyKind::Number, a, b).is_empty(), "{a} / {b}");
        }
        let n = found(
            DiscrepancyKind::Number,
            "Ta styl powstał w XV wieku.",
            "Ovaj stil nastao je u 16. stoljeću.",
        );
        assert_eq!(n.len(), 1, "{n:?}");
    }

    #[test]
    fn equal_years_pair_at_their_own_places() {
        let d = found(
            DiscrepancyKind::Date,
            "Wybory odbyły się w 1976 roku, a urząd pełnił w latach 1977–1981.",
            "Izbori su bili 1977. godine, a dužnost je obavljao od 1977. do 1981. godine.",
        );
        assert!(
            d.iter().any(|m| m.contains("1976") && m.contains("1977")),
            "{d:?}"
        );
    }

    #[test]
    fn a_day_alone_meets_its_date() {
        let d = found(
            DiscrepancyKind::Date,
            "Bush stigao je u Singapur 16. studenoga ujutro.",
            "Буш пристигна в Сингапур на 26 ноември сутринта.",
        );
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn the_most_alike_figures_pair() {
        let n = found(
            DiscrepancyKind::Date,
            "Lyžování sahá do 17. století, v roce 1861 vznikl první klub.",
            "Skiing goes back to the 17th century, and in 1862 the first club opened.",
        );
        assert!(
            n.iter().any(|m| m.contains("1861") && m.contains("1862")),
            "{n:?}"
        );
    }
}
