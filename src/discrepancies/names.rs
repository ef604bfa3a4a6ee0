//! Names that differ between aligned claims: "Aurus" in one version where
//! another has "Урус" (Urus, a different car), or a person swapped for
//! another. An inflected or transliterated form of the same name ("Putina",
//! "Путин") is not a difference: names are compared with
//! [`same_entity`] on their language-neutral keys.
//!
//! A name of one version is matched when any of its words names the same
//! thing as any word of the other version's aligned claims, names or not
//! ("Korei Północnej" meets "Severni Koreji"). What is left unmatched on both
//! sides is paired, most alike first: a difference. Translations often
//! render a name as a common word ("North Korean" / "севернокорејски"), so
//! a pair that does not look alike is reported with less weight than one
//! that does (Aurus / Urus): a near miss in spelling is rarely a translation
//! choice.

use super::fingerprint::fingerprint;
use super::{doc_list, Discrepancy, DiscrepancyKind, Evidence, Severity};
use crate::alignment::{groups::DisjointSets, Group};
use crate::claims::AnalysedDocument;
use crate::facts::entities::{key, same_entity};
use crate::facts::{FactKind, FactValue};
use crate::Mode;

/// Two words this alike (Jaro–Winkler on neutral keys) that start with
/// different letters look alike but name different things (Aurus / Urus).
const LOOK_ALIKE: f64 = 0.85;
/// Two words this alike that start with the same letter are one name
/// transliterated (FLORES-200: Буш / Bush, Тајпеју / Taipei).
const VARIANT: f64 = 0.75;

/// A name of a group: where it is, and its most distinctive word.
struct Slot {
    doc: usize,
    claim: usize,
    /// Byte span of the word that differs, and its neutral key.
    start: usize,
    end: usize,
    word: String,
    /// Keys of every word of the name.
    words: Vec<String>,
}

pub fn detect(docs: &[AnalysedDocument], group: &Group, mode: Mode) -> Vec<Discrepancy> {
    let mut slots: Vec<Slot> = Vec::new();
    // Keys of every word of each document's claims in the group.
    let mut vocab: Vec<Vec<String>> = vec![Vec::new(); docs.len()];
    // Documents in the order of their ids: pairing is greedy and ties go to
    // the first slot, so the caller's order of documents must not decide it.
    let mut by_id: Vec<usize> = (0..group.claims.len()).collect();
    crate::sort::sort_by_key(&mut by_id, |&d| docs[d].id());
    for &d in &by_id {
        for &c in &group.claims[d] {
            let claim = &docs[d].claims[c];
            let text = &docs[d].source.text;
            vocab[d].extend(claim.words.iter().map(|w| key(&text[w.start..w.end])));
            for fact in &claim.facts {
                if let (FactKind::Entity, FactValue::Entity { key: k }) = (fact.kind, &fact.value) {
                    let spans = word_spans(text, fact.start, fact.end);
                    let words: Vec<String> = k.split(' ').map(str::to_string).collect();
                    if spans.len() != words.len() || words.iter().all(|w| w.chars().count() < 3) {
                        continue;
                    }
                    slots.push(Slot {
                        doc: d,
                        claim: c,
                        start: spans[0].0,
                        end: spans[0].1,
                        word: words[0].clone(),
                        words,
                    });
                }
            }
        }
    }
    if slots.is_empty() {
        return Vec::new();
    }
    let mut present = group.present_docs();
    crate::sort::sort_by_key(&mut present, |&d| docs[d].id());
    let mut sets = DisjointSets::new(slots.len());
    let mut paired = vec![false; slots.len()];
    let mut alike = vec![false; slots.len()];
    // Slots left with no counterpart, and the documents that lack them.
    let mut lonely: Vec<(usize, usize)> = Vec::new();
    for (k, &x) in present.iter().enumerate() {
        for &y in &present[k + 1..] {
            let unmatched = |from: usize, to: usize| -> Vec<usize> {
                (0..slots.len())
                    .filter(|&s| slots[s].doc == from && !mentioned(&slots[s].words, &vocab[to]))
                    .collect()
            };
            let (mut left, mut right) = (unmatched(x, y), unmatched(y, x));
            // Most alike first: the pair that looks most like one name misspelt.
            while !left.is_empty() && !right.is_empty() {
                let mut best = (0, 0, 0, 0, -1.0);
                for (i, &a) in left.iter().enumerate() {
                    for (j, &b) in right.iter().enumerate() {
                        let (wa, wb, sim) = closest(&slots[a].words, &slots[b].words);
                        if sim > best.4 {
                            best = (i, j, wa, wb, sim);
                        }
                    }
                }
                let (i, j, wa, wb, sim) = best;
                let (a, b) = (left.remove(i), right.remove(j));
                let first = |s: usize, w: usize| slots[s].words[w].chars().next();
                let same_start = match (first(a, wa), first(b, wb)) {
                    (Some(x), Some(y)) => x == y || sound_alike(x, y),
                    _ => false,
                };
                // Alike and starting alike: one name transliterated ("Буш" /
                // "Bush", "Гете" / "Goethe"), too loosely for same_entity.
                if same_start && sim >= VARIANT {
                    continue;
                }
                for (s, w) in [(a, wa), (b, wb)] {
                    set_word(&mut slots[s], docs, w);
                    paired[s] = true;
                    alike[s] |= sim >= LOOK_ALIKE && !same_start;
                }
                sets.union(a, b);
            }
            lonely.extend(left.iter().map(|&s| (s, y)));
            lonely.extend(right.iter().map(|&s| (s, x)));
        }
    }
    let mut components: Vec<(usize, Vec<usize>)> = Vec::new();
    for s in (0..slots.len()).filter(|&s| paired[s]) {
        let root = sets.find(s);
        match components.iter_mut().find(|(r, _)| *r == root) {
            Some((_, members)) => members.push(s),
            None => components.push((root, vec![s])),
        }
    }
    let mut found: Vec<Discrepancy> = components
        .into_iter()
        .map(|(_, members)| describe(docs, &slots, &members, &alike, group.score, mode))
        .collect();
    // A translation that names someone its counterpart does not name at all
    // (a name swapped for another, or added): shown as information, since a
    // translator may also render a name as a common word. Not in German,
    // where every noun is capitalised and read as a name: there this was
    // nine in ten of such findings on faithful FLORES-200 translations
    // (German names of several words would add 15% more such findings for
    // 1.5 points of name recall).
    if mode == Mode::Translation {
        crate::sort::sort(&mut lonely);
        lonely.dedup();
        for (k, &(s, _)) in lonely.iter().enumerate() {
            let doc = &docs[slots[s].doc];
            if paired[s] || (k > 0 && lonely[k - 1].0 == s) || doc.lang.starts_with("de") {
                continue;
            }
            let lacking: Vec<usize> = lonely[k..]
                .iter()
                .take_while(|l| l.0 == s)
                .map(|l| l.1)
                .collect();
            found.push(unmatched(docs, group, &slots[s], &lacking));
        }
    }
    found
}

/// A name of one version with no counterpart in `lacking`: the name, and
/// the claims of the versions that lack it.
fn unmatched(
    docs: &[AnalysedDocument],
    group: &Group,
    slot: &Slot,
    lacking: &[usize],
) -> Discrepancy {
    let text = &docs[slot.doc].source.text[slot.start..slot.end];
    let mut evidence = vec![Evidence {
        doc: slot.doc,
        claim: slot.claim,
        start: slot.start,
        end: slot.end,
    }];
    for &d in lacking {
        evidence.extend(group.claims[d].iter().map(|&c| Evidence {
            doc: d,
            claim: c,
            start: docs[d].claims[c].start,
            end: docs[d].claims[c].end,
        }));
    }
    // The fingerprint lists the versions that lack the name in the order of
    // their ids, so the order of documents does not change it.
    let mut ids: Vec<&str> = lacking.iter().map(|&d| docs[d].id()).collect();
    crate::sort::sort(&mut ids);
    let parts = [
        format!("{}:{}", docs[slot.doc].id(), slot.word),
        format!("lacks:{}", ids.join(",")),
    ];
    Discrepancy {
        kind: DiscrepancyKind::Name,
        severity: Severity::Info,
        confidence: 0.3 * (0.5 + 0.5 * group.score),
        message: format!(
            "Name only in {}: {text} (no name for it in {})",
            docs[slot.doc].id(),
            doc_list(docs, lacking)
        ),
        evidence,
        fingerprint: fingerprint("name", &[&parts[0], &parts[1]]),
    }
}

/// First letters that transliteration swaps (Zimbabwe / Simbabwe, Halifax /
/// Галифакс, Xinhua / Синхуа, Wembley / Уэмбли).
fn sound_alike(x: char, y: char) -> bool {
    const PAIRS: &[(char, char)] = &[
        ('z', 's'),
        ('h', 'g'),
        ('h', 'k'),
        ('w', 'u'),
        ('w', 'v'),
        ('v', 'u'),
        ('c', 'k'),
        ('c', 's'),
        ('c', 't'),
        ('x', 's'),
        ('x', 'k'),
        ('j', 'i'),
        ('j', 'e'),
    ];
    PAIRS
        .iter()
        .any(|&(a, b)| (a, b) == (x, y) || (b, a) == (x, y))
}

/// Whether any word of a name names the same as a word in `vocab`.
fn mentioned(words: &[String], vocab: &[String]) -> bool {
    words
        .iter()
        .filter(|w| w.chars().count() >= 3)
        .any(|w| vocab.iter().any(|v| same_entity(w, v)))
}

/// The most alike words of two names (indices) and how alike they are.
fn closest(a: &[String], b: &[String]) -> (usize, usize, f64) {
    let mut best = (0, 0, -1.0);
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            let sim = strsim::jaro_winkler(x, y);
            if sim > best.2 {
                best = (i, j, sim);
            }
        }
    }
    best
}

/// Points a slot at word `w` of its name.
fn set_word(slot: &mut Slot, docs: &[AnalysedDocument], w: usize) {
    let doc = &docs[slot.doc];
    let fact_span = doc.claims[slot.claim]
        .facts
        .iter()
        .find(|f| f.start <= slot.start && slot.end <= f.end && f.kind == FactKind::Entity)
        .map(|f| (f.start, f.end));
    if let Some((s, e)) = fact_span {
        if let Some(&(ws, we)) = word_spans(&doc.source.text, s, e).get(w) {
            slot.start = ws;
            slot.end = we;
            slot.word = slot.words[w].clone();
        }
    }
}

/// Words of a name as `entities::key` splits them: on spaces and hyphens.
fn word_spans(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from: Option<usize> = None;
    for (i, ch) in text[start..end].char_indices().chain([(end - start, ' ')]) {
        let split = ch.is_whitespace() || ch == '-' || ch == '‑';
        match (split, from) {
            (false, None) => from = Some(start + i),
            (true, Some(f)) => {
                out.push((f, start + i));
                from = None;
            }
            _ => {}
        }
    }
    out
}

fn describe(
    docs: &[AnalysedDocument],
    slots: &[Slot],
    members: &[usize],
    alike: &[bool],
    score: f64,
    mode: Mode,
) -> Discrepancy {
    // Names with the documents that write each, the rarer first.
    let mut by_name: Vec<(&str, &str, Vec<usize>)> = Vec::new();
    for &s in members {
        let slot = &slots[s];
        let text = &docs[slot.doc].source.text[slot.start..slot.end];
        match by_name
            .iter_mut()
            .find(|(w, _, _)| same_entity(w, &slot.word))
        {
            Some((_, _, ds)) if !ds.contains(&slot.doc) => ds.push(slot.doc),
            Some(_) => {}
            None => by_name.push((&slot.word, text, vec![slot.doc])),
        }
    }
    // Each name's documents in the caller's order, like every other message.
    for (_, _, ds) in &mut by_name {
        crate::sort::sort(ds);
    }
    crate::sort::sort_by(&mut by_name, |a, b| {
        a.2.len().cmp(&b.2.len()).then(a.0.cmp(b.0))
    });
    let message = by_name
        .iter()
        .map(|(_, text, ds)| format!("{text} in {}", doc_list(docs, ds)))
        .collect::<Vec<_>>()
        .join(" vs ");
    let look_alike = members.iter().any(|&s| alike[s]);
    // Measured on FLORES-200 (reports/discrepancies.md): names that do not
    // look alike differ between faithful translations in over half of the
    // document pairs (Rosja / Rusija, country names, German nouns), so they
    // are shown as information only.
    let severity = if look_alike {
        super::by_mode(mode)
    } else {
        Severity::Info
    };
    let parts: Vec<String> = members
        .iter()
        .map(|&s| format!("{}:{}", docs[slots[s].doc].id(), slots[s].word))
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    Discrepancy {
        kind: DiscrepancyKind::Name,
        severity,
        confidence: if look_alike { 0.8 } else { 0.4 } * (0.5 + 0.5 * score),
        message: format!(
            "Different names: {message}{}",
            if look_alike {
                " (spelt alike, not the same name)"
            } else {
                ""
            }
        ),
        evidence: members
            .iter()
            .map(|&s| Evidence {
                doc: slots[s].doc,
                claim: slots[s].claim,
                start: slots[s].start,
                end: slots[s].end,
            })
            .collect(),
        fingerprint: fingerprint("name", &parts),
    }
}

#[cfg(test)]
mod tests {
    use crate::DiscrepancyKind;

    fn names(a: &str, b: &str) -> Vec<String> {
        crate::discrepancies::messages_in_translation(DiscrepancyKind::Name, a, b)
    }

    #[test]
    fn look_alike_names_differ() {
        let found = names(
            "Wśród prezentów była limuzyna Aurus dla Kima.",
            "Међу поклонима за Кима била је лимузина Урус.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("Aurus in a vs Урус in b"), "{found:?}");
    }

    #[test]
    fn a_name_the_other_version_lacks_is_information() {
        let found = names(
            "Wczoraj prezydent spotkał się z ministrem w stolicy.",
            "Јуче се председник састао са Макроном у престоници.",
        );
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("Name only in b: Макроном")),
            "{found:?}"
        );
    }

    #[test]
    fn inflected_and_transliterated_names_agree() {
        assert!(names(
            "Wczoraj Putin spotkał się z Kim Dzong Unem w Pjongjangu.",
            "Јуче се Путин састао са Ким Џонг Уном у Пјонгјангу.",
        )
        .is_empty());
    }
}
