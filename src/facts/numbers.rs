//! Numbers written with digits, in each language's convention, with scale
//! words ("1,6 mln", "1.6 million", "260 000") and percentages.

use super::{Fact, FactKind};
use crate::text::language::uses_decimal_comma;
use crate::text::normalize::fold_word;

/// Numbers in `text[start..end]`, with byte spans into `text`.
///
/// ```
/// use claimdiff::facts::numbers::find;
/// let pl = "Wysłano 1,6 mln pocisków i 10.000 rakiet, czyli 12 proc.";
/// let values: Vec<f64> = find(pl, 0, pl.len(), "pl").iter().map(|f| f.value).collect();
/// assert_eq!(values, [1_600_000.0, 10_000.0, 12.0]);
/// let en = "It sent 1,600 shells, or 1.6 thousand.";
/// let values: Vec<f64> = find(en, 0, en.len(), "en").iter().map(|f| f.value).collect();
/// assert_eq!(values, [1600.0, 1600.0]);
/// ```
pub fn find(text: &str, start: usize, end: usize, lang: &str) -> Vec<Fact> {
    let decimal_comma = uses_decimal_comma(lang);
    let region = &text[start..end];
    let bytes = region.as_bytes();
    let mut facts = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // Digits glued to letters ("C4ADS", "F-16" is fine) are names, not numbers.
        let glued = region[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        let numeral = read_numeral(region, i, decimal_comma);
        if glued
            || region[numeral.end..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
        {
            i = skip_word(region, numeral.end);
            continue;
        }
        let mut fact = Fact {
            kind: FactKind::Number,
            start: start + i,
            end: start + numeral.end,
            value: numeral.value,
            percent: false,
            counted: None,
        };
        let mut after = numeral.end;
        if let Some((factor, word_end)) = scale_after(region, after, lang) {
            fact.value *= factor;
            after = word_end;
        }
        if let Some(percent_end) = percent_after(region, after) {
            fact.percent = true;
            after = percent_end;
        }
        fact.end = start + after;
        fact.counted = next_word(region, after).map(|(word, _)| fold_word(word));
        facts.push(fact);
        i = after.max(i + 1);
    }
    facts
}

struct Numeral {
    end: usize,
    value: f64,
}

/// Reads "1 600 000", "10.000", "1,6", "1,600" from `start` (a digit).
fn read_numeral(s: &str, start: usize, decimal_comma: bool) -> Numeral {
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
    Numeral {
        end,
        value: decimal_value(&integer, &fraction),
    }
}

/// The value of ASCII digit strings `integer`.`fraction`, without the float
/// parser (which costs kilobytes of wasm for no gain on plain digits).
fn decimal_value(integer: &str, fraction: &str) -> f64 {
    let digits = |s: &str| {
        s.bytes()
            .fold(0.0f64, |acc, d| acc * 10.0 + f64::from(d - b'0'))
    };
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

fn scale_factor(key: &str, lang: &str) -> Option<f64> {
    const THOUSAND: &[&str] = &["tys", "tis", "hilj", "thousand", "tausend"];
    const MILLION: &[&str] = &["mln", "milion", "million", "milijon", "miljon", "mio"];
    const BILLION: &[&str] = &["mld", "mlrd", "miliard", "milliard", "milijard", "mrd"];
    let is = |list: &[&str]| list.iter().any(|p| key.starts_with(p));
    if is(THOUSAND) {
        Some(1e3)
    } else if is(MILLION) {
        Some(1e6)
    } else if is(BILLION) {
        Some(1e9)
    } else if key.starts_with("billion") {
        // English "billion" is 10^9; Slavic and German long-scale "bilion"/"Billion" 10^12.
        Some(if lang.starts_with("en") { 1e9 } else { 1e12 })
    } else if ["bilion", "bilijon", "trillion"]
        .iter()
        .any(|p| key.starts_with(p))
    {
        Some(1e12)
    } else {
        None
    }
}

fn percent_after(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    let trimmed = rest.trim_start_matches([' ', '\u{00A0}', '\u{202F}']);
    if trimmed.starts_with('%') {
        return Some(at + (rest.len() - trimmed.len()) + 1);
    }
    let (word, end) = next_word(s, at)?;
    let key = fold_word(word);
    const PERCENT: &[&str] = &[
        "procent", "proc", "posto", "odstot", "percent", "prozent", "vidsot",
    ];
    if PERCENT.iter().any(|p| key.starts_with(p)) {
        let end = if key == "proc" && s[end..].starts_with('.') {
            end + 1
        } else {
            end
        };
        return Some(end);
    }
    None
}

/// The word that follows `at` after spaces only: (word, its end).
fn next_word(s: &str, at: usize) -> Option<(&str, usize)> {
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
        find(text, 0, text.len(), lang)
            .iter()
            .map(|f| f.value)
            .collect()
    }

    #[test]
    fn separators_follow_the_language() {
        assert_eq!(
            values("260 000 i 1 600 000", "pl"),
            [260_000.0, 1_600_000.0]
        );
        assert_eq!(values("260\u{00A0}000", "sl"), [260_000.0]);
        assert_eq!(values("1,6 милиона", "sr-Cyrl"), [1_600_000.0]);
        assert_eq!(values("1.6 million", "en"), [1_600_000.0]);
        assert_eq!(values("1,8 milijona", "sl"), [1_800_000.0]);
        assert_eq!(values("1.6 mln", "pl"), [1_600_000.0]);
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
    fn percent_and_long_scale() {
        let text = "wzrost o 12,5 proc. i 3 bilionów";
        let facts = find(text, 0, text.len(), "pl");
        assert!(facts[0].percent);
        assert_eq!(facts[0].value, 12.5);
        assert_eq!(facts[1].value, 3e12);
        assert_eq!(values("3 billion", "en"), [3e9]);
    }

    #[test]
    fn glued_digits_are_not_numbers() {
        assert!(values("według C4ADS i 5G", "pl").is_empty());
    }

    #[test]
    fn spans_cover_the_scale_word() {
        let text = "Około 1,6 mln. pocisków";
        let fact = &find(text, 0, text.len(), "pl")[0];
        assert_eq!(&text[fact.start..fact.end], "1,6 mln.");
        assert_eq!(fact.counted.as_deref(), Some("pociskov"));
    }
}
