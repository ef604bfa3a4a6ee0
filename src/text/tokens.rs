//! Splitting text into words with their byte spans.

use super::normalize::fold_word;

/// A word of a text: where it is, and its language-neutral key.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub key: String,
}

/// Words of `text` (letters, digits, and inner hyphens or apostrophes), with
/// spans offset by `base`.
///
/// ```
/// use claimdiff::text::tokens::words;
/// let keys: Vec<_> = words("Kim Dzong-Un, 1,6 mln!", 0).into_iter().map(|t| t.key).collect();
/// assert_eq!(keys, ["kim", "dzong-un", "1", "6", "mln"]);
/// ```
pub fn words(text: &str, base: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let next_is_word = chars.peek().is_some_and(|&(_, c)| c.is_alphanumeric());
        let joins = matches!(ch, '-' | '\'' | '’') && start.is_some() && next_is_word;
        if ch.is_alphanumeric() || joins {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            tokens.push(token(text, s, i, base));
        }
    }
    if let Some(s) = start {
        tokens.push(token(text, s, text.len(), base));
    }
    tokens
}

fn token(text: &str, start: usize, end: usize, base: usize) -> Token {
    Token {
        start: base + start,
        end: base + end,
        key: fold_word(&text[start..end]),
    }
}
