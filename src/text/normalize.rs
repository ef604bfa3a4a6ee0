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
    for ch in word.chars() {
        for lower in ch.to_lowercase() {
            push_folded(lower, &mut out);
        }
    }
    simplify_digraphs(&out)
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
        '\u{00AD}' | '\'' | '’' => "",
        other => {
            out.push(other);
            return;
        }
    };
    out.push_str(folded);
}

/// Polish spells with digraphs what Cyrillic writes with one letter; "w" is "v".
fn simplify_digraphs(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let bytes = word.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let pair = bytes.get(i..i + 2);
        let replaced = match pair {
            Some(b"sz") => Some('s'),
            Some(b"cz") => Some('c'),
            Some(b"rz") => Some('z'),
            Some(b"ch") => Some('h'),
            _ => None,
        };
        if let Some(ch) = replaced {
            out.push(ch);
            i += 2;
            continue;
        }
        // Safe: every multi-byte char is copied whole below.
        let ch = word[i..].chars().next().unwrap_or(' ');
        out.push(if ch == 'w' { 'v' } else { ch });
        i += ch.len_utf8();
    }
    out
}
