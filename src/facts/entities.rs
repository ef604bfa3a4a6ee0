//! Names: capitalized spans in Latin and Cyrillic script, each with a
//! language-neutral key, and [`same_entity`], which tells inflected or
//! transliterated forms of one name (Putin / Putina / Путина; Pjongjang /
//! Пјонгјанг / Pyongyang; Kim Dzong Un / Ким Џонг Ун / Kim Jong-un) from
//! different names that merely look alike (Aurus / Urus).

use super::{Fact, FactKind, FactValue};
use crate::text::normalize::fold_word;

/// Case endings stripped from name words (neutral keys), longest first;
/// "Putinem" → "putin", "Pjongjangu" → "pjongjang", "Кореји" → "kore".
const ENDINGS: &[&str] = &[
    "ovou", "ovej", "ovih", "ovim", "ego", "emu", "ami", "ach", "ovi", "ova", "ove", "ovu", "om",
    "em", "ym", "im", "oj", "ej", "ju", "ji", "ja", "je", "ie", "ow", "ov", "ah", "ih", "yh", "a",
    "e", "i", "u", "y", "o",
];

/// The neutral key of a name: each word folded (Cyrillic transliterated,
/// diacritics and case folded), spelled by sound where scripts differ
/// ("y" and "j" or "i", "dz" and "j", "x" and "ks", "z" and "s", "eu" and
/// "ev", Polish "ie" and "e"), and stripped of case endings. The letters of
/// a short acronym are sorted: word order differs by language (UE / EU).
///
/// ```
/// use claimdiff::facts::entities::key;
/// assert_eq!(key("Putinem"), key("Путина"));
/// assert_eq!(key("Pjongjangu"), key("Пјонгјанг"));
/// assert_eq!(key("Kim Dzong Un"), key("Ким Џонг Ун"));
/// assert_eq!(key("Kim Jong-un"), "kim jong un");
/// assert_ne!(key("Aurus"), key("Urus"));
/// ```
pub fn key(name: &str) -> String {
    // A loop, not `map(word_key).collect().join(" ")`: smaller in the wasm.
    let mut out = String::new();
    let mut first = true;
    for w in name.split(|c: char| c.is_whitespace() || c == '-' || c == '‑') {
        if w.is_empty() {
            continue;
        }
        if !first {
            out.push(' ');
        }
        first = false;
        out.push_str(&word_key(w));
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

fn word_key(word: &str) -> String {
    let folded = fold_word(word);
    // Acronyms ("NATO", "ЕС") carry no case endings.
    let acronym = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let chars: Vec<char> = folded.chars().collect();
    let mut out = String::with_capacity(folded.len());
    let mut i = 0;
    while i < chars.len() {
        let (c, next) = (chars[i], chars.get(i + 1).copied());
        let after_vowel = i > 0 && is_vowel(chars[i - 1]);
        // (letters to write, letters read)
        let (mapped, read) = match (c, next) {
            ('d', Some('z' | 'j')) => ("j", 2),
            ('p', Some('h')) => ("f", 2),
            ('t', Some('h')) => ("t", 2),
            // English spellings of Cyrillic letters: х, ш, ж, ц.
            ('k', Some('h')) => ("h", 2),
            ('s', Some('h')) => ("s", 2),
            ('z', Some('h')) => ("s", 2),
            ('t', Some('s')) => ("c", 2),
            ('c', Some('k')) => ("k", 2),
            // A word-initial "je" ("Європа", "Jelcyn") is Cyrillic "е".
            ('j', Some('e')) if i == 0 => ("e", 2),
            // Greek "eu" is Slavic "ev" ("Europa", "Европа").
            ('e', Some('u')) if i == 0 && !acronym => ("ev", 2),
            // Polish "ie" after a consonant is Cyrillic "е" ("Niemcy", "Немцы").
            ('i', Some('e')) if i > 0 && !after_vowel && !acronym => ("e", 2),
            // "y" is a vowel before a consonant ("Brytania") and "j"
            // elsewhere ("Pyongyang", "May").
            ('y', Some(n)) if !is_vowel(n) => ("i", 1),
            ('y', _) => ("j", 1),
            ('x', _) => ("ks", 1),
            ('q', _) => ("k", 1),
            ('w', _) => ("v", 1),
            // Voicing differs between transliterations (Brexit / Брекзит).
            ('z', _) => ("s", 1),
            _ => {
                i += 1;
                // Doubled letters ("Assad"/"Asad") count once.
                if !(out.ends_with(c) && c.is_alphabetic()) {
                    out.push(c);
                }
                continue;
            }
        };
        i += read;
        if !out.ends_with(mapped) {
            out.push_str(mapped);
        }
    }
    if !acronym {
        return strip_ending(&out);
    }
    // Languages order the words behind a short acronym differently (UE / EU),
    // so its letters are sorted.
    let mut letters: Vec<char> = out.chars().collect();
    if (2..=3).contains(&letters.len()) && letters.iter().all(|c| c.is_alphabetic()) {
        for i in 1..letters.len() {
            let mut j = i;
            while j > 0 && letters[j - 1] > letters[j] {
                letters.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    letters.into_iter().collect()
}

fn strip_ending(key: &str) -> String {
    let chars = key.chars().count();
    for ending in ENDINGS {
        // Keep at least three letters of the stem ("Kima" → "kim", "Ana"
        // stays), two before a two-letter ending ("Unem" → "un").
        let stem = if ending.len() >= 2 { 2 } else { 3 };
        if key.ends_with(ending) && chars >= ending.len() + stem {
            return key[..key.len() - ending.len()].to_string();
        }
    }
    key.to_string()
}

/// Whether two keys name the same entity: equal word by word, or near-equal
/// words that start alike (one inflection or transliteration apart); a
/// single word also matches the last word of a longer name (a surname) and a
/// compound of two ("Великобритания" / "Wielka Brytania" / "Británie").
/// Translated names ("Niemcy" / "Германия") are beyond its reach.
///
/// ```
/// use claimdiff::facts::entities::{key, same_entity};
/// assert!(same_entity(&key("Putina"), &key("Путин")));
/// assert!(same_entity(&key("Pyongyang"), &key("Пјонгјанг")));
/// assert!(same_entity(&key("Putin"), &key("Władimir Putin")));
/// assert!(!same_entity(&key("Aurus"), &key("Urus")));
/// assert!(!same_entity(&key("Korea Północna"), &key("Korea Południowa")));
/// assert!(same_entity(&key("Velká Británie"), &key("Великобритании")));
/// assert!(same_entity(&key("UE"), &key("EU")));
/// ```
pub fn same_entity(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // One word each, the common case (names against every word of the
    // aligned claims): the (1, 1) rule below, without splitting.
    if !a.contains(' ') && !b.contains(' ') {
        return same_word(a, b) || tail(a, b) || tail(b, a);
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    // An acronym and the name it abbreviates ("EU" / "Evropská unie", "ЕС" /
    // "Европейский союз"): its (sorted) letters are the initials of the words.
    let initials = || {
        let mut letters: Vec<char> = long.iter().filter_map(|w| w.chars().next()).collect();
        crate::sort::sort(&mut letters);
        short[0].chars().eq(letters)
    };
    if short.len() == 1 && (2..=3).contains(&long.len()) && initials() {
        return true;
    }
    match (short.len(), long.len()) {
        (1, 1) => {
            let (x, y) = (short[0], long[0]);
            same_word(x, y) || tail(x, y) || tail(y, x)
        }
        (s, l) if s == l => short.iter().zip(&long).all(|(x, y)| same_word(x, y)),
        (1, 2) => same_word(short[0], long[1]) || compound(short[0], long[0], long[1]),
        (1, 3) => same_word(short[0], long[2]),
        _ => false,
    }
}

/// "Británie" / "Великобритания": a word that ends a compound.
fn tail(word: &str, compound: &str) -> bool {
    let (lw, lc) = (word.chars().count(), compound.chars().count());
    lw >= 5
        && lc >= lw + 3
        && compound
            .char_indices()
            .skip(3)
            .any(|(k, _)| same_word(word, &compound[k..]))
}

/// "Великобритания" / "Wielka Brytania" (or "W. Brytania"): one word that
/// is two joined, the first of them cut short.
fn compound(word: &str, first: &str, last: &str) -> bool {
    let abbreviated = first.ends_with('.');
    let n = if abbreviated { 1 } else { 3 };
    if first.chars().count() < n || last.chars().count() < 4 {
        return false;
    }
    word.chars().take(n).eq(first.chars().take(n))
        && word
            .char_indices()
            .skip(3)
            .any(|(k, _)| same_word(&word[k..], last))
}

fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    // A case ending left on one side only: "Bibiová" / "Биби" ("bibi" /
    // "bib"), "Theresy" / "Theresa" ("teresj" / "teres").
    let (s, l) = if la <= lb { (a, b) } else { (b, a) };
    if la.min(lb) >= 3
        && l.starts_with(s)
        && l.len() - s.len() <= 2
        && l[s.len()..].chars().all(|c| is_vowel(c) || c == 'j')
    {
        return true;
    }
    // Different first letters are different names (Aurus, Urus).
    if a.chars().next() != b.chars().next() || la.abs_diff(lb) > 2 {
        return false;
    }
    // Vowels are what transliterations disagree on ("Ryanair" / "Райънеър"):
    // the same consonants in the same order are one name. Not below four
    // letters, where a vowel tells names apart ("Češi" / "часа").
    let consonants = |w: &str| {
        w.chars()
            .skip(1)
            .filter(|&c| !is_vowel(c))
            .collect::<String>()
    };
    // Short words must match exactly.
    la.min(lb) >= 4
        && (strsim::jaro_winkler(a, b) >= 0.92
            || (consonants(a) == consonants(b) && strsim::jaro_winkler(a, b) >= 0.8))
}

/// Whether `word` is written like a name: a capital first letter.
fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Names in `text[start..end]`, outside the spans in `taken` (dates, …).
/// A capitalized word that opens the sentence (or a quotation) is only a
/// name when another capitalized word follows it or it is written in capitals.
///
/// ```
/// use claimdiff::facts::entities::find;
/// use claimdiff::facts::FactValue;
/// let text = "Wczoraj Władimir Putin spotkał się z Kim Dzong Unem w Pjongjangu.";
/// let keys: Vec<String> = find(text, 0, text.len(), &[]).into_iter()
///     .map(|f| match f.value { FactValue::Entity { key } => key, _ => unreachable!() }).collect();
/// assert_eq!(keys, ["vladimir putin", "kim jong un", "pjongjang"]);
/// ```
pub fn find(text: &str, start: usize, end: usize, taken: &[(usize, usize)]) -> Vec<Fact> {
    let mut words: Vec<(usize, usize, bool)> = Vec::new(); // (start, end, opens a sentence)
    let mut from: Option<usize> = None;
    let mut opens = true;
    for (i, ch) in text[start..end].char_indices().chain([(end - start, ' ')]) {
        let i = start + i;
        let inside = ch.is_alphanumeric() || (from.is_some() && matches!(ch, '-' | '\'' | '’'));
        match (inside, from) {
            (true, None) => from = Some(i),
            (false, Some(f)) => {
                let w = text[f..i].trim_end_matches(['-', '\'', '’']);
                words.push((f, f + w.len(), opens));
                from = None;
                opens = false;
            }
            _ => {}
        }
        if matches!(
            ch,
            '„' | '“' | '«' | '»' | '"' | ':' | '‚' | '(' | '—' | '–'
        ) && from.is_none()
        {
            opens = true;
        }
    }
    // Taken spans by start, with the furthest end so far: a span overlaps
    // `s..e` when it starts before `e` and ends after `s`.
    let mut by_start = taken.to_vec();
    crate::sort::sort_by_key(&mut by_start, |t| t.0);
    let mut furthest = 0;
    for t in &mut by_start {
        furthest = furthest.max(t.1);
        t.1 = furthest;
    }
    let is_taken = |s: usize, e: usize| {
        let k = by_start.partition_point(|t| t.0 < e);
        k > 0 && by_start[k - 1].1 > s
    };
    let mut facts = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (s, e, opening) = words[i];
        if !capitalized(&text[s..e]) || is_taken(s, e) {
            i += 1;
            continue;
        }
        // Join the capitalized words that follow with a space or hyphen.
        let mut j = i + 1;
        while j < words.len() {
            let (ns, ne, _) = words[j];
            let gap = &text[words[j - 1].1..ns];
            if !(gap == " " || gap == "\u{00A0}" || gap == "-")
                || !capitalized(&text[ns..ne])
                || is_taken(ns, ne)
            {
                break;
            }
            j += 1;
        }
        let span_end = words[j - 1].1;
        let word = &text[s..e];
        let caps = word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && word.chars().count() >= 2;
        if opening && j == i + 1 && !caps {
            i = j;
            continue;
        }
        let (mut s, mut j0) = (s, i);
        if opening && j > i + 1 && !caps && !looks_like_name_start(word) {
            // "Wczoraj Władimir Putin": the sentence's first word is not part of the name.
            s = words[i + 1].0;
            j0 = i + 1;
        }
        let _ = j0;
        facts.push(Fact {
            kind: FactKind::Entity,
            start: s,
            end: span_end,
            value: FactValue::Entity {
                key: key(&text[s..span_end]),
            },
        });
        i = j;
    }
    facts
}

/// Ordinary words that open sentences (adverbs, prepositions, pronouns), as
/// neutral keys (see [`fold_word`]): "wczoraj" is "vcoraj", "when" "vhen".
const OPENERS: &[&str] = &[
    "vcoraj",
    "dzis",
    "v",
    "ve",
    "na",
    "po",
    "ale",
    "to",
    "ten",
    "ta",
    "jak",
    "gdy",
    "kiedy",
    "u",
    "in",
    "pri",
    "da",
    "je",
    "ko",
    "ker",
    "the",
    "a",
    "an",
    "on",
    "at",
    "after",
    "vhen",
    "but",
    "yesterday",
    "today",
    "last",
    "der",
    "die",
    "das",
    "am",
    "im",
    "vcera",
    "juce",
    "jucer",
    "danes",
    "danas",
    "dnes",
    "vo",
    "kak",
    "segodnja",
    "eto",
    "kogda",
    "pod",
    "nad",
    "za",
    "od",
    "do",
    "i",
    "according",
    "podle",
    "prema",
    "vedlug",
    "soglasno",
];

/// A first word that is likely an ordinary word, not a name, when it opens a
/// sentence: adverbs, prepositions and pronouns that begin sentences.
fn looks_like_name_start(word: &str) -> bool {
    !OPENERS.contains(&fold_word(word).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        find(text, 0, text.len(), &[])
            .into_iter()
            .map(|f| match f.value {
                FactValue::Entity { key } => key,
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn openers_are_neutral_keys() {
        crate::facts::assert_folded(OPENERS);
    }

    #[test]
    fn sentence_starts_need_care() {
        assert!(keys("Putin przyjechał.").is_empty());
        assert_eq!(keys("Wczoraj przyjechał Putin."), ["putin"]);
        assert_eq!(keys("NATO ostrzega."), ["nato"]);
        assert_eq!(keys("Władimir Putin przyjechał."), ["vladimir putin"]);
        assert_eq!(keys("Путин је стигао у Пјонгјанг."), ["pjongjang"]);
    }

    #[test]
    fn inflected_and_transliterated_forms() {
        for (a, b) in [
            ("Putin", "Putinem"),
            ("Putina", "Путина"),
            ("Pjongjang", "Pjongjangu"),
            ("Kim Dzong Un", "Kim Jong-un"),
            ("Ким Џонг Ун", "Kim Jong Un"),
            ("Korei Północnej", "Korea Północna"),
            ("Ławrow", "Лавров"),
            ("Brexicie", "Брекзит"),
            ("Theresą May", "Theresa May"),
            ("Theresy May", "Theresa May"),
            ("Wielkiej Brytanii", "Великобритания"),
            ("W. Brytanii", "Великобритании"),
            ("Británie", "Великобритания"),
            ("Europie", "Европа"),
            ("Європа", "Europa"),
            ("Bibiová", "Биби"),
            ("Jelcyn", "Ельцин"),
            ("Niemcy", "Немцы"),
            ("Theresa Mayová", "Theresa May"),
            ("Bibiovou", "Биби"),
            ("Ryanair", "Райънеър"),
            ("EU", "Evropská unie"),
            ("ЕС", "Европейский союз"),
        ] {
            assert!(
                same_entity(&key(a), &key(b)),
                "{a} / {b}: {} / {}",
                key(a),
                key(b)
            );
        }
        for (a, b) in [
            ("Aurus", "Urus"),
            ("Kim", "Putin"),
            ("Rosja", "Rusija Korea"),
            ("Mali", "Malta"),
            ("Irak", "Iran"),
            ("Wielka Brytania", "Wielkopolska"),
        ] {
            assert!(!same_entity(&key(a), &key(b)), "{a} / {b}");
        }
    }
}
