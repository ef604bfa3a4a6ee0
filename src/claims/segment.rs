//! Sentence segmentation: where one claim ends and the next begins.

/// Byte ranges of the sentences of `text`, trimmed of surrounding space.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
/// brackets) followed by space and something that can open a sentence,
/// unless the word before the dot is a known abbreviation; and at a line
/// break, unless the next line goes on in lower case (wrapped text).
///
/// ```
/// use claimdiff::claims::segment::sentences;
/// let text = "Wysłano ok. 1,6 mln pocisków. Putin przyjechał 19. czerwca.\nNowy akapit";
/// let parts: Vec<_> = sentences(text).into_iter().map(|(s, e)| &text[s..e]).collect();
/// assert_eq!(parts, ["Wysłano ok. 1,6 mln pocisków.", "Putin przyjechał 19. czerwca.", "Nowy akapit"]);
/// ```
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let titles = quoted_titles(text);
    // Walks the text in place: a list of its characters took 8 bytes (16
    // natively) per character, the largest allocation of a whole comparison.
    let mut at = 0;
    while let Some(ch) = text[at..].chars().next() {
        let mut next = at + ch.len_utf8();
        let mut cut: Option<usize> = None; // byte offset where the sentence ends
        if ch == '\n' {
            if !continues_in_lower_case(&text[next..]) {
                cut = Some(at);
            }
        } else if matches!(ch, '.' | '!' | '?' | '…' | '。') {
            // Take runs like "?!" or "..." and closing quotes/brackets.
            let mut end = next;
            for c in text[end..].chars() {
                if !(is_terminal(c) || is_closer(c)) {
                    break;
                }
                end += c.len_utf8();
            }
            let rest = &text[end..];
            if rest.starts_with(char::is_whitespace)
                && opens_sentence(rest)
                && !(ch == '.' && is_abbreviation(&text[start..at]))
                && !(ch == '.' && ordinal_in_name(&text[start..at], rest))
                && !inside_title(&titles, at)
            {
                cut = Some(end);
                next = end;
            }
        }
        if let Some(end) = cut {
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
        at = next;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Byte ranges of short quoted titles ("„Forbes. Ludzie. Pieniądze”"): a
/// quote closed on the same line within 150 characters, with no sentence
/// punctuation before the closing mark (quoted speech ends with ".“" or ",“").
fn quoted_titles(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut before = ' ';
    for (at, open) in text.char_indices() {
        let prev = std::mem::replace(&mut before, open);
        let close: &[char] = match open {
            '„' => &['”', '“'],
            '«' => &['»'],
            '»' => &['«'],
            '“' => &['”'],
            '"' => &['"'],
            _ => continue,
        };
        // An opening mark comes after space or a bracket, and before a word.
        let inside = &text[at + open.len_utf8()..];
        if !(prev.is_whitespace() || prev == '(') || !inside.starts_with(char::is_alphanumeric) {
            continue;
        }
        let mut last = open;
        for (k, c) in inside.char_indices().take(150) {
            if c == '\n' {
                break;
            }
            if close.contains(&c) {
                if !matches!(last, '.' | '!' | '?' | '…' | ',' | ';' | ':') {
                    out.push((at, at + open.len_utf8() + k));
                }
                break;
            }
            last = c;
        }
    }
    out
}

/// Whether `at` lies inside one of the (short, sorted) quoted titles.
fn inside_title(titles: &[(usize, usize)], at: usize) -> bool {
    let before = titles.partition_point(|&(a, _)| a < at);
    titles[..before]
        .iter()
        .rev()
        .take_while(|&&(a, _)| a + 4 * 150 >= at)
        .any(|&(_, b)| at < b)
}

/// A number of one to three digits with a dot before two capitalized words
/// is an ordinal inside a name ("15. Festiwalu Filmowego"); a sentence
/// rarely ends in a small number before a two-word name.
fn ordinal_in_name(before_dot: &str, rest: &str) -> bool {
    let word = before_dot.rsplit(char::is_whitespace).next().unwrap_or("");
    if word.is_empty() || word.len() > 3 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut words = rest.split_whitespace();
    let capital = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    capital(words.next()) && capital(words.next())
}

fn is_terminal(ch: char) -> bool {
    matches!(ch, '.' | '!' | '?' | '…')
}

fn is_closer(ch: char) -> bool {
    matches!(ch, '"' | '\'' | '”' | '“' | '’' | '»' | '«' | ')' | ']')
}

/// After the space: a capital, a digit, an opening quote or a dash.
fn opens_sentence(rest: &str) -> bool {
    let first = rest.chars().find(|c| !c.is_whitespace() || *c == '\n');
    match first {
        Some('\n') | None => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '"' | '„' | '“' | '«' | '»' | '‚' | '‘' | '(' | '–' | '—' | '-'
                )
        }
    }
}

fn continues_in_lower_case(rest: &str) -> bool {
    rest.chars()
        .find(|c| !c.is_whitespace() || *c == '\n')
        .is_some_and(|c| c.is_lowercase())
}

/// Words after which a dot does not end a sentence (abbreviations in the
/// supported languages), and single letters (initials).
fn is_abbreviation(before_dot: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        // Polish
        "ok",
        "np",
        "tzw",
        "m.in",
        "tys",
        "mln",
        "mld",
        "dr",
        "prof",
        "inż",
        "św",
        "ul",
        "r",
        "gen",
        "płk",
        "ppłk",
        "min",
        "ws",
        "wg",
        "przyp",
        "red",
        "tj",
        "itd",
        "itp",
        "proc",
        "godz",
        "al",
        "wlk",
        "ds",
        "im",
        "ks",
        "bp",
        "abp",
        "pkt",
        "ust",
        "gm",
        "woj",
        "pow",
        "zm",
        "tzn",
        // Czech and Slovak
        "např",
        "mj",
        "resp",
        "tj",
        "atd",
        "apod",
        "sv",
        "ing",
        "mgr",
        "č",
        "odst",
        // South Slavic
        "tzv",
        "npr",
        "god",
        "itd",
        "sv",
        "dipl",
        "mr",
        "st",
        "gl",
        "br",
        "тзв",
        "нпр",
        "год",
        "итд",
        "бр",
        "др",
        "проф",
        "мил",
        "млн",
        "млрд",
        "тыс",
        "г",
        "гг",
        "т.е",
        "т.д",
        "ул",
        "стр",
        "им",
        "св",
        "гр",
        "вул",
        "ім",
        "акад",
        "ген",
        "тов",
        "т.нар",
        "напр",
        "пр",
        // English and German
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "no",
        "gen",
        "col",
        "lt",
        "sgt",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "z.b",
        "bzw",
        "ca",
        "nr",
        "usw",
        "vgl",
    ];
    let word = before_dot
        .rsplit(|c: char| {
            c.is_whitespace() || matches!(c, '(' | '"' | '„' | '“' | '«' | '‚' | '-' | '/')
        })
        .next()
        .unwrap_or("");
    // Initials run together: "N.V.", "K.M.".
    let initials = word.split('.').all(|part| {
        let mut letters = part.chars();
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase())
    });
    let lower = word.to_lowercase();
    let mut letters = lower.chars();
    let single_letter = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_alphabetic() && word.chars().all(char::is_uppercase));
    single_letter || initials || ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn keeps_quotes_with_their_sentence() {
        assert_eq!(
            split("Rekao je: „Ovo je proboj.“ Zatim je otišao."),
            ["Rekao je: „Ovo je proboj.“", "Zatim je otišao."]
        );
    }

    #[test]
    fn serbian_ordinal_dates_do_not_split() {
        assert_eq!(
            split("Посета је била 19. јуна 2024. године. Путин је стигао."),
            ["Посета је била 19. јуна 2024. године.", "Путин је стигао."]
        );
    }

    #[test]
    fn initials_and_lines() {
        assert_eq!(
            split("Headline\n\nJ. Smith said so. Then\nit went on."),
            ["Headline", "J. Smith said so.", "Then\nit went on."]
        );
    }

    #[test]
    fn abbreviations_inside_names() {
        assert_eq!(
            split("Rząd Wlk. Brytanii powołał Grupę ds. Brexitu. Spółki N.V. Gasunie i K.M. Chaudary. Храм „Св. Серафим“ е тук."),
            [
                "Rząd Wlk. Brytanii powołał Grupę ds. Brexitu.",
                "Spółki N.V. Gasunie i K.M. Chaudary.",
                "Храм „Св. Серафим“ е тук."
            ]
        );
    }

    #[test]
    fn titles_and_ordinals_inside_names() {
        assert_eq!(
            split("W programie „Forbes. Ludzie. Pieniądze” rozmawiamy. Film w ramach 15. Festiwalu Filmowego. Rekao je: „Ovo je proboj. Zatim idemo.“ Kraj."),
            [
                "W programie „Forbes. Ludzie. Pieniądze” rozmawiamy.",
                "Film w ramach 15. Festiwalu Filmowego.",
                "Rekao je: „Ovo je proboj.",
                "Zatim idemo.“",
                "Kraj."
            ]
        );
        assert_eq!(
            split("Zginęło 15. Policja podała."),
            ["Zginęło 15.", "Policja podała."]
        );
    }

    #[test]
    fn empty_and_symbol_only_text_gives_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n — \n").is_empty());
    }
}
