//! Text-level tools shared by every later stage: language detection,
//! language-neutral normalization of words, and UTF-16 offsets for JS.

pub mod language;
pub mod normalize;
pub mod offsets;
pub mod tokens;
