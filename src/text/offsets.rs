//! Byte offsets (what Rust slices with) to UTF-16 offsets (what JS slices with).

/// Converts byte offsets of one text into UTF-16 code-unit offsets.
///
/// Keeps a checkpoint every few dozen bytes, so a lookup is a binary search
/// plus a short scan, and memory stays a small fraction of the text.
///
/// ```
/// use claimdiff::text::offsets::Utf16Map;
/// let text = "Ż😀ь!";
/// let map = Utf16Map::new(text);
/// assert_eq!(map.utf16(text.find('!').unwrap()), 4); // Ż=1, 😀=2, ь=1
/// ```
pub struct Utf16Map<'a> {
    text: &'a str,
    /// (byte offset, UTF-16 offset) pairs, both on char boundaries, ascending.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT_EVERY: usize = 64;

impl<'a> Utf16Map<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = vec![(0, 0)];
        let mut units = 0;
        let mut last = 0;
        for (byte, ch) in text.char_indices() {
            if byte - last >= CHECKPOINT_EVERY {
                checkpoints.push((byte, units));
                last = byte;
            }
            units += ch.len_utf16();
        }
        Utf16Map { text, checkpoints }
    }

    /// UTF-16 offset of `byte`; a byte inside a character counts as the
    /// character's start, a byte past the end as the end.
    pub fn utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (mut at, mut units) = self.checkpoints[i];
        for ch in self.text[at..].chars() {
            if at + ch.len_utf8() > byte {
                break;
            }
            at += ch.len_utf8();
            units += ch.len_utf16();
        }
        units
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_a_full_recount_everywhere() {
        let text = "Пјонгјанг 🚀 Łódź, 1,6 mln 😀😀 ".repeat(20);
        let map = Utf16Map::new(&text);
        for (byte, _) in text.char_indices() {
            assert_eq!(map.utf16(byte), text[..byte].encode_utf16().count());
        }
        assert_eq!(map.utf16(text.len()), text.encode_utf16().count());
    }
}
