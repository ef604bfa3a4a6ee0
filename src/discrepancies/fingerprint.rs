//! Stable fingerprints: the same finding gets the same fingerprint on the
//! next run, even after unrelated edits, so a suppression stays in force.
//! Built from what the finding is about, never from offsets.

use crate::text::normalize::fold_word;

/// FNV-1a over the parts, as 16 hex digits, prefixed by the kind.
///
/// ```
/// use claimdiff::discrepancies::fingerprint::fingerprint;
/// let a = fingerprint("number", &["pl:1,6 mln", "sl:1,8 milijona"]);
/// let b = fingerprint("number", &["sl:1,8 milijona", "pl:1,6 mln"]);
/// assert_eq!(a, b); // order of parts does not matter
/// assert!(a.starts_with("number-"));
/// ```
pub fn fingerprint(kind: &str, parts: &[&str]) -> String {
    let mut folded: Vec<String> = parts.iter().map(|p| neutral(p)).collect();
    crate::sort::sort(&mut folded);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in kind.bytes().chain(folded.join("\u{1f}").bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{kind}-{hash:016x}")
}

/// Spacing and case do not change what a finding is about.
fn neutral(part: &str) -> String {
    part.split_whitespace()
        .map(fold_word)
        .collect::<Vec<_>>()
        .join(" ")
}
