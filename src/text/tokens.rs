//! Splitting text into words with their byte spans.

/// A word of a text: where it is. Its language-neutral key
/// ([`super::normalize::fold_word`]) is made where it is needed, not kept
/// for every word of every document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// Words of `text` (letters, digits, and inner hyphens or apostrophes), with
/// spans offset by `base`.
///
/// ```
/// use claimdiff::text::tokens::words;
/// let text = "Kim Dzong-Un, 1,6 mln!";
/// let found: Vec<_> = words(text, 0).into_iter().map(|t| &text[t.start..t.end]).collect();
/// assert_eq!(found, ["Kim", "Dzong-Un", "1", "6", "mln"]);
/// ```
pub fn words(text: &str, base: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let next_is_word = chars.peek().is_some_and(|&(_, c)| is_word_char(c));
        let joins = matches!(ch, '-' | '\'' | '’') && start.is_some() && next_is_word;
        if is_word_char(ch) || joins {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            tokens.push(token(s, i, base));
        }
    }
    if let Some(s) = start {
        tokens.push(token(s, text.len(), base));
    }
    tokens
}

/// `char::is_alphanumeric`, with the Latin and basic Cyrillic letters
/// answered without the (slow) Unicode tables.
fn is_word_char(ch: char) -> bool {
    match ch {
        '×' | '÷' => false,
        'À'..='ſ' | 'Ѐ'..='џ' => true,
        _ => ch.is_alphanumeric(),
    }
}

fn token(start: usize, end: usize, base: usize) -> Token {
    Token {
        start: base + start,
        end: base + end,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_chars_match_the_unicode_tables() {
        for ch in '\0'..='\u{0600}' {
            assert_eq!(super::is_word_char(ch), ch.is_alphanumeric(), "{ch}");
        }
    }
}
