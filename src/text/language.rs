//! A small language guess from letters that only some alphabets have.
//!
//! It only needs to be good enough to pick number conventions (decimal comma
//! or point) and to label documents; the caller's `lang` always wins.

/// Guesses a language tag for `text`.
///
/// ```
/// use claimdiff::text::language::detect;
/// assert_eq!(detect("Putin podarował Kimowi limuzynę."), "pl");
/// assert_eq!(detect("Путин је поклонио Киму аутомобил."), "sr-Cyrl");
/// assert_eq!(detect("Putin gave Kim a car."), "en");
/// ```
pub fn detect(text: &str) -> &'static str {
    let mut counts = Counts::default();
    for ch in text.chars().take(20_000) {
        counts.add(ch);
    }
    counts.verdict()
}

#[derive(Default)]
struct Counts {
    latin: usize,
    cyrillic: usize,
    serbian: usize,
    russian: usize,
    ukrainian: usize,
    belarusian: usize,
    macedonian: usize,
    bulgarian: usize,
    polish: usize,
    czech: usize,
    slovak: usize,
    croatian: usize,
    caron: usize,
    german: usize,
}

impl Counts {
    fn add(&mut self, ch: char) {
        let lower = ch.to_lowercase().next().unwrap_or(ch);
        match lower {
            'ђ' | 'ћ' | 'џ' | 'ј' | 'љ' | 'њ' => self.serbian += 1,
            'ы' | 'э' | 'ё' => self.russian += 1,
            'і' | 'ї' | 'є' | 'ґ' => self.ukrainian += 1,
            'ў' => self.belarusian += 1,
            'ѓ' | 'ќ' | 'ѕ' => self.macedonian += 1,
            'ъ' | 'щ' => self.bulgarian += 1,
            'ą' | 'ę' | 'ł' | 'ń' | 'ś' | 'ź' | 'ż' => self.polish += 1,
            'ř' | 'ě' | 'ů' => self.czech += 1,
            'ľ' | 'ĺ' | 'ŕ' | 'ô' | 'ä' => self.slovak += 1,
            'ć' | 'đ' => self.croatian += 1,
            'č' | 'š' | 'ž' => self.caron += 1,
            'ö' | 'ü' | 'ß' => self.german += 1,
            _ => {}
        }
        if ('\u{0400}'..='\u{04FF}').contains(&lower) {
            self.cyrillic += 1;
        } else if lower.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&lower) {
            self.latin += 1;
        }
    }

    fn verdict(&self) -> &'static str {
        if self.cyrillic > self.latin {
            let best = [
                (self.serbian, "sr-Cyrl"),
                (self.ukrainian, "uk"),
                (self.belarusian, "be"),
                (self.macedonian, "mk"),
                (self.russian, "ru"),
                (self.bulgarian, "bg"),
            ];
            return best
                .iter()
                .filter(|(n, _)| *n > 0)
                .max_by_key(|(n, _)| *n)
                .map_or("ru", |(_, tag)| tag);
        }
        if self.latin == 0 {
            return "und";
        }
        let best = [
            (self.polish, "pl"),
            (self.czech, "cs"),
            (self.slovak, "sk"),
            (self.croatian, "hr"),
            (self.german, "de"),
        ];
        if let Some((_, tag)) = best.iter().filter(|(n, _)| *n > 0).max_by_key(|(n, _)| *n) {
            return tag;
        }
        if self.caron > 0 {
            // č/š/ž without ć/đ/ř/ě: Slovenian is the likeliest.
            return "sl";
        }
        "en"
    }
}

/// Languages that write "1,6" for 1.6 and group thousands with a dot or space.
pub fn uses_decimal_comma(lang: &str) -> bool {
    !matches!(primary(lang), "en")
}

/// The primary subtag: "sr-Cyrl" → "sr".
pub fn primary(lang: &str) -> &str {
    lang.split(['-', '_']).next().unwrap_or(lang)
}
