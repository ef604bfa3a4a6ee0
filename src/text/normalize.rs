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
    if word.is_ascii() {
        // Fast path: ASCII only lowercases and drops apostrophes.
        out.extend(
            word.bytes()
                .filter(|&b| b != b'\'')
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        for ch in word.chars() {
            for lower in ch.to_lowercase() {
                push_folded(lower, &mut out);
            }
        }
    }
    simplify_digraphs(out)
}

fn push_folded(ch: char, out: &mut String) {
    let folded: &str = match ch {
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
        other => {
            out.push(other);
            return;
        }
    };
    out.push_str(folded);
}

/// Polish spells with digraphs what Cyrillic writes with one letter; "w" is "v".
/// Rewrites `word` in place: every replacement is ASCII and never longer.
fn simplify_digraphs(word: String) -> String {
    let mut bytes = word.into_bytes();
    let (mut read, mut write) = (0, 0);
    while read < bytes.len() {
        let b = bytes[read];
        let replaced = match (b, bytes.get(read + 1)) {
            (b's', Some(b'z')) => Some(b's'),
            (b'c', Some(b'z')) => Some(b'c'),
            (b'r', Some(b'z')) => Some(b'z'),
            (b'c', Some(b'h')) => Some(b'h'),
            _ => None,
        };
        match replaced {
            Some(r) => {
                bytes[write] = r;
                read += 2;
            }
            None => {
                bytes[write] = if b == b'w' { b'v' } else { b };
                read += 1;
            }
        }
        write += 1;
    }
    bytes.truncate(write);
    // Only ASCII bytes were replaced or dropped, in pairs of ASCII bytes, so
    // multi-byte characters are copied whole and the text stays UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::fold_word;

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
