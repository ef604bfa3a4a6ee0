//! Numbers written with digits, in each language's convention, with scale
//! words ("1,6 mln", "1.6 million", "260 000").

use super::lexicon;
use crate::text::language::uses_decimal_comma;
use crate::text::normalize::fold_word;
use std::sync::OnceLock;

/// A number as written: its byte span in the document and its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    pub start: usize,
    pub end: usize,
    pub value: f64,
}

/// Whether a document writes "1,6" for 1.6: its language's convention,
/// unless its own numbers show the other one unambiguously ("1,234,567" or
/// "1,234.5" is a decimal point; "1.234.567" or "1.234,5" a decimal comma).
///
/// ```
/// use claimdiff::facts::numbers::decimal_comma;
/// assert!(decimal_comma("1,6 mln", "pl"));
/// assert!(!decimal_comma("Sent 1,600,000 shells, or 1.6 million.", "pl"));
/// assert!(decimal_comma("Es waren 1.600.000 Granaten.", "en"));
/// ```
pub fn decimal_comma(text: &str, lang: &str) -> bool {
    let (mut comma, mut point) = (0, 0);
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // The separators between digit groups of one numeral, each with the
        // length of the group after it.
        let mut seps: Vec<(u8, usize)> = Vec::new();
        loop {
            let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            i += run;
            if let Some(last) = seps.last_mut() {
                last.1 = run;
            }
            match (b.get(i), b.get(i + 1)) {
                (Some(&s @ (b'.' | b',')), Some(d)) if d.is_ascii_digit() => {
                    seps.push((s, 0));
                    i += 1;
                }
                _ => break,
            }
        }
        let Some(&(last, _)) = seps.last() else {
            continue;
        };
        let (groups, _) = seps.split_at(seps.len() - 1);
        // Every separator but the last must be followed by three digits.
        if groups.iter().any(|&(sep, n)| n != 3 || sep != groups[0].0) {
            continue;
        }
        match groups.first() {
            // "1,234.5": the last separator differs, so it is the decimal one.
            Some(&(first, _)) if first != last => {
                if last == b'.' {
                    point += 1
                } else {
                    comma += 1
                }
            }
            // "1,234,567": a repeated separator groups thousands.
            Some(_) if seps[seps.len() - 1].1 == 3 => {
                if last == b',' {
                    point += 1
                } else {
                    comma += 1
                }
            }
            _ => {}
        }
    }
    match comma.cmp(&point) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => uses_decimal_comma(lang),
    }
}

/// Numbers written with digits in `text[start..end]`, with byte spans into
/// `text`; a scale word right after the digits is part of the number.
///
/// ```
/// use claimdiff::facts::numbers::find;
/// let pl = "Wysłano 1,6 mln pocisków i 10.000 rakiet, czyli 12 proc.";
/// let values: Vec<f64> = find(pl, 0, pl.len(), true, "pl").iter().map(|n| n.value).collect();
/// assert_eq!(values, [1_600_000.0, 10_000.0, 12.0]);
/// let en = "It sent 1,600 shells, or 1.6 thousand.";
/// let values: Vec<f64> = find(en, 0, en.len(), false, "en").iter().map(|n| n.value).collect();
/// assert_eq!(values, [1600.0, 1600.0]);
/// ```
pub fn find(text: &str, start: usize, end: usize, decimal_comma: bool, lang: &str) -> Vec<Numeral> {
    let region = &text[start..end];
    let bytes = region.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // Digits glued to letters ("C4ADS"; "F-16" is fine) are names, not numbers.
        let glued = region[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        let mut numeral = read_numeral(region, i, decimal_comma);
        // A fraction without its zero (",77" in Croatian, ".77" in English)
        // after a space or at the start.
        let mark = if decimal_comma { b',' } else { b'.' };
        let leading = i > 0
            && bytes[i - 1] == mark
            && numeral.end == i + digits_at(bytes, i)
            && (i == 1 || matches!(bytes[i - 2], b' ' | b'\n' | b'-' | b'('));
        if leading {
            numeral.value = decimal_value("0", &region[i..numeral.end]);
        }
        // Letters after the digits: a unit or suffix written close ("70km/h",
        // "29letý", "10th") when they are lower case; "100K", "4G" are names.
        let next = region[numeral.end..].chars().next();
        if glued
            || next.is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
            || (next.is_some_and(char::is_alphabetic) && numeral.end != i + digits_at(bytes, i))
        {
            i = skip_word(region, numeral.end);
            continue;
        }
        let mut value = numeral.value;
        let mut after = numeral.end;
        if let Some((fraction, end)) = fraction_in_words(region, i, after, lang) {
            value += fraction;
            after = end;
        } else if let Some((fraction, end)) = vulgar_fraction(region, i, after) {
            value += fraction;
            after = end;
        }
        if let Some((factor, word_end)) = scale_after(region, after, lang) {
            value *= factor;
            after = word_end;
        }
        let first = i - usize::from(leading);
        let from = match sign_before(region, first) {
            Some(sign) => {
                value = -value;
                sign
            }
            None => first,
        };
        found.push(Numeral {
            start: start + from,
            end: start + after,
            value,
        });
        i = after.max(i + 1);
    }
    found
}

/// Where a minus sign before the digits at `at` starts: "-5", "−5" (after a
/// space or at the start, so "2000-2001" is no negative number) or "minus 5",
/// "минус 5".
fn sign_before(s: &str, at: usize) -> Option<usize> {
    let before = &s[..at];
    if let Some(rest) = before.strip_suffix(['-', '−']) {
        let free = rest
            .chars()
            .next_back()
            .map_or(true, |c| c.is_whitespace() || c == '(');
        return free.then_some(rest.len());
    }
    let rest = before.strip_suffix([' ', '\u{00A0}'])?;
    let word_start = rest
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()?
        .0;
    (fold_word(&rest[word_start..]) == "minus").then_some(word_start)
}

/// Digits after a decimal-point word ("1 точка 5", "1 цяло и 5"), for an
/// integer written at `start..at`: the fraction and where it ends.
fn fraction_in_words(s: &str, start: usize, at: usize, lang: &str) -> Option<(f64, usize)> {
    let l = lexicon::get(lang)?;
    if at != start + digits_at(s.as_bytes(), start) {
        return None;
    }
    let (word, mut end) = next_word(s, at)?;
    if !l.decimal_points.contains(&fold_word(word).as_str()) {
        return None;
    }
    if let Some((joiner, e)) = next_word(s, end) {
        if l.joiners.contains(&fold_word(joiner).as_str()) {
            end = e;
        }
    }
    let from = end + s[end..].len() - s[end..].trim_start_matches(' ').len();
    let n = digits_at(s.as_bytes(), from);
    (n > 0 && from > end).then(|| (decimal_value("0", &s[from..from + n]), from + n))
}

/// "29¾", "24½", "29 3/4": a fraction sign right after an integer written at
/// `start..at`, or a proper fraction after a space; its value and where it ends.
fn vulgar_fraction(s: &str, start: usize, at: usize) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    if at != start + digits_at(b, start) {
        return None;
    }
    if b.get(at) == Some(&b' ') {
        let top = digits_at(b, at + 1);
        let slash = at + 1 + top;
        let bottom = if b.get(slash) == Some(&b'/') {
            digits_at(b, slash + 1)
        } else {
            0
        };
        let end = slash + 1 + bottom;
        // Not a date ("1 3/4/2020") nor a longer figure.
        let alone = !matches!(b.get(end), Some(c) if c.is_ascii_digit() || *c == b'/');
        if (1..=2).contains(&top) && (1..=2).contains(&bottom) && alone {
            let value = |from: usize, n: usize| decimal_value(&s[from..from + n], "");
            let (numerator, denominator) = (value(at + 1, top), value(slash + 1, bottom));
            return (numerator < denominator).then(|| (numerator / denominator, end));
        }
    }
    let sign = s[at..].chars().next()?;
    let value = match sign {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        _ => return None,
    };
    Some((value, at + sign.len_utf8()))
}

fn digits_at(b: &[u8], at: usize) -> usize {
    b[at..].iter().take_while(|c| c.is_ascii_digit()).count()
}

struct Digits {
    end: usize,
    value: f64,
}

/// Reads "1 600 000", "10.000", "1,6", "1,600" from `start` (a digit).
fn read_numeral(s: &str, start: usize, decimal_comma: bool) -> Digits {
    let b = s.as_bytes();
    let digits_from = |at: usize| b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
    let first = digits_from(start);
    let mut end = start + first;
    let mut integer: String = s[start..end].to_string();
    let mut fraction = String::new();
    let mut grouped = false;
    while let Some((sep, sep_len)) = separator_at(s, end) {
        let n = digits_from(end + sep_len);
        if n == 0 {
            break;
        }
        let group_of_three = n == 3 && (grouped || first <= 3);
        let is_thousands = match sep {
            ' ' => group_of_three,
            '.' => decimal_comma && group_of_three,
            ',' => !decimal_comma && group_of_three,
            _ => false,
        };
        if is_thousands {
            integer.push_str(&s[end + sep_len..end + sep_len + n]);
            grouped = true;
            end += sep_len + n;
            continue;
        }
        // A decimal separator: the convention's own, or the other one when
        // it cannot be a thousands group ("1.6" in Polish text).
        if (sep == ',' || sep == '.')
            && fraction.is_empty()
            && !(grouped && sep == ',' && !decimal_comma)
        {
            fraction = s[end + 1..end + 1 + n].to_string();
            end += 1 + n;
        }
        break;
    }
    Digits {
        end,
        value: decimal_value(&integer, &fraction),
    }
}

/// The value of ASCII digit strings `integer`.`fraction`, without the float
/// parser (which costs kilobytes of wasm for no gain on plain digits).
pub(crate) fn decimal_value(integer: &str, fraction: &str) -> f64 {
    let digits = |s: &str| {
        s.bytes()
            .fold(0.0f64, |acc, d| acc * 10.0 + f64::from(d - b'0'))
    };
    // Digits past the 18th change no double; more would overflow to ∞ / ∞.
    let fraction = &fraction[..fraction.len().min(18)];
    digits(integer) + digits(fraction) / 10f64.powi(fraction.len() as i32)
}

/// A separator inside a numeral: dot, comma, or a (no-break, thin) space.
fn separator_at(s: &str, at: usize) -> Option<(char, usize)> {
    let ch = s[at..].chars().next()?;
    match ch {
        '.' | ',' => Some((ch, 1)),
        ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' => Some((' ', ch.len_utf8())),
        _ => None,
    }
}

/// A scale word right after the number: its factor and where it ends
/// (including an abbreviation's dot).
fn scale_after(s: &str, at: usize, lang: &str) -> Option<(f64, usize)> {
    let (word, end) = next_word(s, at)?;
    let key = fold_word(word);
    let factor = scale_factor(&key, lang)?;
    let end = if s[end..].starts_with('.') && key.len() <= 4 {
        end + 1
    } else {
        end
    };
    Some((factor, end))
}

/// Scale words of all languages as (neutral-key prefix, power of ten),
/// highest power first: where languages disagree ("billion" is 10^9 in
/// English, 10^12 in German), the long scale wins unless the document's own
/// language says otherwise.
fn all_scales() -> &'static [(&'static str, u8)] {
    static SCALES: OnceLock<Vec<(&'static str, u8)>> = OnceLock::new();
    SCALES.get_or_init(|| {
        let mut all: Vec<(&'static str, u8)> = lexicon::ALL
            .iter()
            .flat_map(|l| l.scales.iter())
            .flat_map(|&(power, words)| words.iter().map(move |&w| (w, power)))
            .collect();
        crate::sort::sort_by_key(&mut all, |s| std::cmp::Reverse(s.1));
        all
    })
}

/// The factor of a scale word or abbreviation, by the prefix of its neutral
/// key: "tys." 10^3, "milionów" 10^6, "млрд" 10^9; the document language's
/// own words first.
pub(crate) fn scale_factor(key: &str, lang: &str) -> Option<f64> {
    let own = lexicon::get(lang)
        .into_iter()
        .flat_map(|l| l.scales.iter())
        .find(|(_, words)| words.iter().any(|p| key.starts_with(p)))
        .map(|s| s.0);
    let power = own.or_else(|| {
        all_scales()
            .iter()
            .find(|(p, _)| key.starts_with(p))
            .map(|s| s.1)
    })?;
    Some(10f64.powi(i32::from(power)))
}

/// The word that follows `at` after spaces only: (word, its end).
pub(crate) fn next_word(s: &str, at: usize) -> Option<(&str, usize)> {
    let rest = &s[at..];
    let trimmed = rest.trim_start_matches([' ', '\u{00A0}', '\u{202F}', '\u{2009}']);
    let from = at + (rest.len() - trimmed.len());
    let len: usize = trimmed
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    (len > 0).then(|| (&s[from..from + len], from + len))
}

fn skip_word(s: &str, from: usize) -> usize {
    from + s[from..]
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .map(char::len_utf8)
        .sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, lang: &str) -> Vec<f64> {
        find(text, 0, text.len(), decimal_comma(text, lang), lang)
            .iter()
            .map(|n| n.value)
            .collect()
    }

    #[test]
    fn units_and_suffixes_written_close_but_not_names() {
        assert_eq!(values("jeli 70km/h, 29letý muž", "cs"), [70.0, 29.0]);
        assert_eq!(values("the 10th century", "en"), [10.0]);
        assert!(values("C4ADS, 100K users, 4G, 1.5M", "en").is_empty());
    }

    #[test]
    fn fraction_signs_after_digits() {
        assert_eq!(values("29¾ na 24½ cala", "pl"), [29.75, 24.5]);
        assert_eq!(values("1¼ miles", "en"), [1.25]);
        assert_eq!(
            values("29 3/4 palca krat 24 1/2 palca", "sl"),
            [29.75, 24.5]
        );
        assert!(!values("1 3/4/2020", "en").contains(&1.75));
    }

    #[test]
    fn fractions_without_zero_and_with_a_point_word() {
        assert_eq!(values("wynik ,77", "hr"), [0.77]);
        assert_eq!(values("a score of .77", "en"), [0.77]);
        assert_eq!(values("koniec.77 osób", "pl"), [77.0]);
        assert_eq!(values("1 точка 5", "ru"), [1.5]);
        assert_eq!(values("1 цяло и 25", "bg"), [1.25]);
    }

    #[test]
    fn separators_follow_the_language() {
        assert_eq!(
            values("260 000 i 1 600 000", "pl"),
            [260_000.0, 1_600_000.0]
        );
        assert_eq!(
            values("260\u{00A0}000 in 3\u{202F}500", "sl"),
            [260_000.0, 3500.0]
        );
        assert_eq!(values("1,6 милиона", "sr-Cyrl"), [1_600_000.0]);
        assert_eq!(values("1.6 million", "en"), [1_600_000.0]);
        assert_eq!(values("1,8 milijona", "sl"), [1_800_000.0]);
        assert_eq!(values("1.6 mln", "pl"), [1_600_000.0]);
        assert_eq!(values("10.000 Granaten", "de"), [10_000.0]);
    }

    #[test]
    fn the_documents_own_numbers_settle_ambiguity() {
        // "1,600" alone is 1.6 in Polish; beside "2,500,000" it is 1600.
        assert_eq!(values("1,600 i 2,500,000", "pl"), [1600.0, 2_500_000.0]);
        assert_eq!(values("1,600", "pl"), [1.6]);
    }

    #[test]
    fn years_and_lists_stay_apart() {
        assert_eq!(
            values("1961, 2000. и 2001. године", "sr-Cyrl"),
            [1961.0, 2000.0, 2001.0]
        );
        assert_eq!(values("in 24 years", "en"), [24.0]);
    }

    #[test]
    fn long_scale() {
        assert_eq!(values("3 bilionów", "pl"), [3e12]);
        assert_eq!(values("3 billion", "en"), [3e9]);
        assert_eq!(values("2 млрд и 5 тыс.", "ru"), [2e9, 5e3]);
    }

    #[test]
    fn negative_numbers() {
        assert_eq!(
            values("-5 i minus 3, 2000-2001", "pl"),
            [-5.0, -3.0, 2000.0, 2001.0]
        );
        assert_eq!(values("минус 1200000", "ru"), [-1_200_000.0]);
        let text = "to −4,5 mln";
        let n = &find(text, 0, text.len(), true, "pl")[0];
        assert_eq!((&text[n.start..n.end], n.value), ("−4,5 mln", -4_500_000.0));
    }

    #[test]
    fn glued_digits_are_not_numbers() {
        assert!(values("według C4ADS i 5G", "pl").is_empty());
    }

    #[test]
    fn spans_cover_the_scale_word() {
        let text = "Około 1,6 mln. pocisków";
        let n = &find(text, 0, text.len(), true, "pl")[0];
        assert_eq!(&text[n.start..n.end], "1,6 mln.");
    }
}
