//! Language-neutral word keys: Cyrillic transliterated, diacritics folded,
//! lower case, and a few Polish digraphs simplified, so that "Путина",
//! "Putina" and "Putinem" share a prefix and cognates can meet.

/// Folds one word into its neutral key.
///
/// ```
/// use claimdiff::text::normalize::fold_word;
/// assert_eq!(fold_word("Пјонгјанг"), fold_word("Pjongjang"));
/// assert_eq!(fold_word("Владимир"), fold_word("Władimir"));
/// assert_eq!(fold_word("Џонг"), fold_word("Džong"));
/// assert_eq!(fold_word("партнерство"), "partnerstvo");
/// ```
pub fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_word_into(word, &mut out);
    out
}

/// Appends the key of `word` to `out`: many keys into one buffer, without
/// a `String` per word.
pub fn fold_word_into(word: &str, out: &mut String) {
    let mut digraphs = Digraphs(None);
    if word.is_ascii() {
        // Fast path: ASCII only lowercases and drops apostrophes.
        for b in word.bytes().filter(|&b| b != b'\'') {
            digraphs.push(char::from(b.to_ascii_lowercase()), out);
        }
    } else {
        let mut push = |lower: char| match folded(lower) {
            Some(piece) => piece.chars().for_each(|c| digraphs.push(c, out)),
            None => digraphs.push(lower, out),
        };
        for ch in word.chars() {
            match lower_fast(ch) {
                Some(lower) => push(lower),
                None => ch.to_lowercase().for_each(&mut push),
            }
        }
    }
    digraphs.finish(out);
}

/// The lower case of ASCII, Latin-1 and basic Cyrillic letters, by an
/// offset: the general case tables are slow, and these are most letters here.
fn lower_fast(ch: char) -> Option<char> {
    let by = match ch {
        'A'..='Z' | 'А'..='Я' | 'À'..='Þ' if ch != '×' => 0x20,
        'Ѐ'..='Џ' => 0x50,
        'a'..='z' | 'а'..='џ' | 'ß'..='ÿ' => 0,
        _ => return None,
    };
    char::from_u32(ch as u32 + by)
}

/// The ASCII spelling of `ch`, or `None` when it stays as it is.
fn folded(ch: char) -> Option<&'static str> {
    Some(match ch {
        // Cyrillic (Serbian, Russian, Ukrainian, Belarusian, Macedonian, Bulgarian).
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'ђ' => "dj",
        'е' | 'ё' | 'э' => "e",
        'є' => "je",
        'ж' => "z",
        'з' => "z",
        'и' | 'і' => "i",
        'ї' => "ji",
        'й' | 'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "c",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' | 'ч' => "c",
        'џ' | 'ѕ' => "dz",
        'ш' => "s",
        'щ' => "sc",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "ju",
        'я' => "ja",
        'ѓ' => "gj",
        'ќ' => "kj",
        // Latin letters with diacritics.
        'ą' | 'á' | 'ä' | 'à' | 'â' | 'ã' | 'å' => "a",
        'ć' | 'č' | 'ç' => "c",
        'ď' => "d",
        'đ' => "dj",
        'ę' | 'é' | 'ě' | 'è' | 'ê' | 'ë' => "e",
        'í' | 'ì' | 'î' | 'ï' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ń' | 'ň' | 'ñ' => "n",
        'ó' | 'ö' | 'ô' | 'ò' | 'õ' => "o",
        'ŕ' | 'ř' => "r",
        'ś' | 'š' => "s",
        'ß' => "ss",
        'ť' => "t",
        'ú' | 'ů' | 'ü' | 'ù' | 'û' => "u",
        'ý' => "y",
        'ź' | 'ż' | 'ž' => "z",
        // Apostrophes and soft hyphens inside words carry no meaning here.
        // Ukrainian writes its apostrophe with any of them: "п'ять", "п’ять", "пʼять".
        '\u{00AD}' | '\'' | '’' | '‘' | 'ʼ' => "",
        _ => return None,
    })
}

/// Polish spells with digraphs what Cyrillic writes with one letter; "w" is "v".
/// Fed the folded characters one by one, left to right: "sz" → "s", "cz" →
/// "c", "rz" → "z", "ch" → "h" (a pair is consumed whole, so "szz" → "sz").
struct Digraphs(Option<char>);

impl Digraphs {
    fn push(&mut self, ch: char, out: &mut String) {
        if let Some(first) = self.0.take() {
            let joined = match (first, ch) {
                ('s', 'z') => Some('s'),
                ('c', 'z') => Some('c'),
                ('r', 'z') => Some('z'),
                ('c', 'h') => Some('h'),
                _ => None,
            };
            if let Some(single) = joined {
                out.push(single);
                return;
            }
            out.push(first);
        }
        match ch {
            's' | 'c' | 'r' => self.0 = Some(ch),
            'w' => out.push('v'),
            other => out.push(other),
        }
    }

    fn finish(self, out: &mut String) {
        out.extend(self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::fold_word;

    #[test]
    fn offset_lowercasing_matches_the_case_tables() {
        for ch in ('\0'..='\u{0500}').filter_map(|c| Some(c).zip(super::lower_fast(c))) {
            let (ch, fast) = ch;
            assert_eq!(
                ch.to_lowercase().collect::<String>(),
                fast.to_string(),
                "{ch}"
            );
        }
    }

    #[test]
    fn ascii_fast_path_matches_the_general_path() {
        for (word, key) in [
            ("Szczecin", "scecin"),
            ("Rzeszów", "zesov"),
            ("O'Neill", "oneill"),
            ("WHO", "vho"),
            ("szz", "sz"),
            ("C4ADS", "c4ads"),
            ("Chrzanów", "hzanov"),
            ("", ""),
        ] {
            assert_eq!(fold_word(word), key, "{word}");
        }
    }
}
