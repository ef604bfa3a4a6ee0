//! Numbers made into quantities: the qualifier before them ("około",
//! "ponad", "не менее", "up to"), ranges ("10–15", "od 10 do 15"),
//! percentages ("12 proc.", "12 %", "12 посто") and the thing counted.

use super::lexicon;
use super::numbers::{next_word, Numeral};
use super::{Fact, FactKind, FactValue, Qualifier, Quantity};
use crate::text::normalize::fold_word;
use std::sync::OnceLock;

/// The words of all lexicons that quantities are read with.
struct Words {
    /// Qualifier phrases by kind, as neutral keys separated by one space.
    qualifiers: [(Qualifier, Vec<&'static str>); 5],
    /// Words opening a range before its first number ("od", "between").
    range_open: Vec<&'static str>,
    /// Words between the two numbers of a range ("do", "to", "bis").
    range_join: Vec<&'static str>,
    /// "And", which joins a range only after "between": "между 10 и 15";
    /// otherwise "2000 i 2001" is a list.
    range_and: Vec<&'static str>,
    between: Vec<&'static str>,
    /// Percent words by the start of their neutral key.
    percent: Vec<&'static str>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut range_open = lexicon::all(|l| l.range_from);
        range_open.extend(lexicon::all(|l| l.between));
        Words {
            qualifiers: [
                (Qualifier::Approximately, lexicon::all(|l| l.approximately)),
                (Qualifier::AtLeast, lexicon::all(|l| l.at_least)),
                (Qualifier::MoreThan, lexicon::all(|l| l.more_than)),
                (Qualifier::AtMost, lexicon::all(|l| l.at_most)),
                (Qualifier::LessThan, lexicon::all(|l| l.less_than)),
            ],
            range_open,
            range_join: lexicon::all(|l| l.range_to),
            range_and: lexicon::all(|l| l.range_and),
            between: lexicon::all(|l| l.between),
            percent: lexicon::all(|l| l.percent),
        }
    })
}

/// Quantities from the numerals of `text[start..end]` (already sorted,
/// without those dates and multipliers took).
///
/// ```
/// use claimdiff::facts::{quantities::build, numbers::find, Qualifier};
/// let text = "ponad 10–15 proc. i około 3 mln ludzi";
/// let numerals = find(text, 0, text.len(), true, "pl");
/// let q: Vec<_> = build(text, 0, text.len(), &numerals).into_iter()
///     .map(|f| f.quantity().cloned().unwrap()).collect();
/// assert_eq!((q[0].value, q[0].high, q[0].percent), (10.0, Some(15.0), true));
/// assert_eq!(q[0].qualifier, Qualifier::MoreThan);
/// assert_eq!((q[1].value, q[1].qualifier), (3e6, Qualifier::Approximately));
/// assert_eq!(q[1].counted.as_deref(), Some("ludzi"));
/// ```
pub fn build(text: &str, start: usize, end: usize, numerals: &[Numeral]) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut i = 0;
    while i < numerals.len() {
        let n = numerals[i];
        i += 1;
        let is_digits = text[n.start..].starts_with(|c: char| c.is_ascii_digit());
        // "jeden", "one", "ein" alone are mostly articles, not figures.
        if !is_digits && n.value == 1.0 {
            continue;
        }
        let mut q = Quantity {
            value: n.value,
            ..Quantity::default()
        };
        let mut span_end = n.end;
        // A range: the next numeral after a dash or "do", "to", "bis".
        if let Some(&m) = numerals.get(i) {
            // Numerals never overlap (see facts::extract); `get` keeps it so regardless.
            let between = text.get(n.end..m.start).map_or("\u{0}", str::trim);
            let dash = matches!(between, "-" | "–" | "—" | "‒");
            let after_between = || {
                let before = words_before(text, start, n.start, 1);
                before
                    .first()
                    .is_some_and(|w| words().between.contains(&w.as_str()))
            };
            // Joining words are at most three characters, and lower case
            // never has fewer characters: longer text is no joining word.
            let word = between.chars().nth(3).is_none() && {
                let join = between.to_lowercase();
                words().range_join.contains(&join.as_str())
                    || (words().range_and.contains(&join.as_str()) && after_between())
            };
            if (dash || word) && m.value > n.value {
                q.high = Some(m.value);
                // Only a positive low end can take a scale (and a zero or
                // negative one would never reach the high end).
                if q.value > 0.0 && q.value < m.value / 999.0 {
                    // "10–15 mln": the scale word after the second number counts for both.
                    q.value *= scale_of(m.value, q.value);
                }
                span_end = m.end;
                i += 1;
            }
        }
        if let Some(p) = percent_after(text, span_end, end) {
            q.percent = true;
            span_end = p;
        }
        let before = words_before(text, start, n.start, 3);
        q.qualifier = qualifier(&before);
        // "od 10 do 15" is a plain range, not a bound.
        if q.high.is_some()
            && before
                .last()
                .is_some_and(|w| words().range_open.contains(&w.as_str()))
        {
            q.qualifier = Qualifier::Exact;
        }
        q.counted = next_word(&text[..end], span_end).map(|(w, _)| fold_word(w));
        facts.push(Fact {
            kind: FactKind::Number,
            start: n.start,
            end: span_end,
            value: FactValue::Quantity(q),
        });
    }
    facts
}

/// The power of a thousand that brings `low` next to `high`.
fn scale_of(high: f64, low: f64) -> f64 {
    let mut factor = 1.0;
    while low * factor * 1000.0 <= high {
        factor *= 1000.0;
    }
    factor
}

fn percent_after(text: &str, at: usize, end: usize) -> Option<usize> {
    let s = &text[..end];
    let rest = &s[at..];
    let trimmed = rest.trim_start_matches([' ', '\u{00A0}', '\u{202F}', '\u{2009}']);
    if trimmed.starts_with('%') {
        return Some(at + (rest.len() - trimmed.len()) + 1);
    }
    let (word, word_end) = next_word(s, at)?;
    let key = fold_word(word);
    if !words().percent.iter().any(|p| key.starts_with(p)) {
        return None;
    }
    // "proc." is an abbreviation: its dot belongs to it.
    let dot = key.len() <= 5 && s[word_end..].starts_with('.');
    Some(word_end + usize::from(dot))
}

/// Neutral keys of up to `n` words right before `at` (within the claim).
pub(crate) fn words_before(text: &str, start: usize, at: usize, n: usize) -> Vec<String> {
    // Walk back from `at` only as far as needed: claims can be long.
    let mut out = Vec::new();
    let mut end: Option<usize> = None;
    for (i, c) in text[start..at].char_indices().rev() {
        let inside = c.is_alphanumeric() || c == '-';
        match (inside, end) {
            (true, None) => end = Some(i + c.len_utf8()),
            (false, Some(e)) => {
                out.push(fold_word(&text[start + i + c.len_utf8()..start + e]));
                end = None;
                if out.len() == n {
                    break;
                }
            }
            _ => {}
        }
    }
    if let Some(e) = end.filter(|_| out.len() < n) {
        out.push(fold_word(&text[start..start + e]));
    }
    out.reverse();
    out
}

/// The qualifier that the words before a number make, longest phrase first.
fn qualifier(before: &[String]) -> Qualifier {
    for len in [2, 1] {
        if before.len() < len {
            continue;
        }
        let tail = &before[before.len() - len..];
        for (kind, phrases) in &words().qualifiers {
            let hit = phrases
                .iter()
                .any(|p| super::phrase_at(p, tail) == Some(len));
            if hit {
                return *kind;
            }
        }
    }
    Qualifier::Exact
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{number_words, numbers};

    fn quantities(text: &str, lang: &str) -> Vec<Quantity> {
        let mut numerals = numbers::find(text, 0, text.len(), lang != "en", lang);
        numerals.extend(number_words::find(text, 0, text.len(), lang));
        crate::sort::sort_by_key(&mut numerals, |n| n.start);
        build(text, 0, text.len(), &numerals)
            .into_iter()
            .filter_map(|f| f.quantity().cloned())
            .collect()
    }

    #[test]
    fn qualifiers_in_many_languages() {
        let q = |t, l| quantities(t, l)[0].qualifier;
        assert_eq!(q("co najmniej 10 osób", "pl"), Qualifier::AtLeast);
        assert_eq!(q("više od 10 ljudi", "hr"), Qualifier::MoreThan);
        assert_eq!(q("не менее 10 человек", "ru"), Qualifier::AtLeast);
        assert_eq!(q("približno 1,8 milijona", "sl"), Qualifier::Approximately);
        assert_eq!(q("less than 10 people", "en"), Qualifier::LessThan);
        assert_eq!(q("up to 10 people", "en"), Qualifier::AtMost);
        assert_eq!(q("10 people", "en"), Qualifier::Exact);
    }

    #[test]
    fn ranges() {
        let q = quantities("od 10 do 15 lat", "pl");
        assert_eq!(
            (q[0].value, q[0].high, q[0].qualifier),
            (10.0, Some(15.0), Qualifier::Exact)
        );
        let q = quantities("от 2 до 3 млн", "ru");
        assert_eq!((q[0].value, q[0].high), (2e6, Some(3e6)));
        let q = quantities("10–15%", "en");
        assert!(q[0].percent && q[0].high == Some(15.0));
        // A low end of zero or below is not scaled (that never ends).
        let q = quantities("0–1600000 i -3–1,6 mln", "pl");
        assert_eq!((q[0].value, q[1].value), (0.0, -3.0));
    }

    #[test]
    fn percent_words() {
        for (text, lang) in [
            ("12 procent", "pl"),
            ("12 посто", "sr"),
            ("12 odstotkov", "sl"),
            ("12 процентов", "ru"),
            ("12 %", "de"),
        ] {
            assert!(quantities(text, lang)[0].percent, "{text}");
        }
    }

    #[test]
    fn lone_one_words_are_articles() {
        assert!(quantities("one of them", "en").is_empty());
        assert_eq!(quantities("dwadzieścia jeden osób", "pl")[0].value, 21.0);
    }
}
