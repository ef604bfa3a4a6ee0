//! Quotations in every quote style („…“ «…» "…" »…« ‚…‘ “…”) with the
//! speaker when the sentence names one, and the sources that figures and
//! claims are attributed to ("według C4ADS", "prema podacima", "po navedbah",
//! "по данным", "according to", "said the ministry").

use super::entities;
use super::lexicon;
use super::{Fact, FactKind, FactValue};
use crate::text::normalize::fold_word;
use std::sync::OnceLock;

/// Opening and closing marks.
const PAIRS: &[(char, char)] = &[
    ('„', '“'),
    ('„', '”'),
    ('«', '»'),
    ('»', '«'),
    ('“', '”'),
    ('‚', '‘'),
    ('"', '"'),
    ('”', '”'),
];

/// Verbs of saying of all lexicons, as neutral-key prefixes (see
/// [`fold_word`]): the name next to one is the speaker. "powiedział",
/// "oświadczył", "řekl", "сказал", "заявил", "рекао", "erklärte", "said"…
fn verbs() -> &'static [&'static str] {
    static SAID: OnceLock<Vec<&'static str>> = OnceLock::new();
    SAID.get_or_init(|| lexicon::all(|l| l.said))
}

/// Phrases that open a source, as neutral keys, words separated by one
/// space; the source follows them. "według", "podľa", "по данным",
/// "за словами", "според", "according to"…
fn source_cues() -> &'static [&'static str] {
    static CUES: OnceLock<Vec<&'static str>> = OnceLock::new();
    CUES.get_or_init(|| lexicon::all(|l| l.source_cues))
}

fn said(key: &str) -> bool {
    verbs().iter().any(|v| key.starts_with(v))
}

/// Quotations and sources in `text[start..end]`.
///
/// ```
/// use claimdiff::facts::quotes::find;
/// use claimdiff::facts::FactValue;
/// let text = "Kim powiedział: „To najsilniejszy traktat w historii“.";
/// let (quotes, _) = find(text, 0, text.len());
/// match &quotes[0].value {
///     FactValue::Quote { speaker, .. } => assert_eq!(speaker.as_deref(), Some("kim")),
///     _ => unreachable!(),
/// }
/// let text = "Według C4ADS Korea wysłała 1,6 mln pocisków.";
/// let (_, sources) = find(text, 0, text.len());
/// assert_eq!(&text[sources[0].start..sources[0].end], "Według C4ADS");
/// ```
pub fn find(text: &str, start: usize, end: usize) -> (Vec<Fact>, Vec<Fact>) {
    let words = word_spans(text, start, end);
    let keys: Vec<String> = words.iter().map(|&(s, e)| fold_word(&text[s..e])).collect();
    find_in_words(text, start, end, &words, &keys)
}

/// [`find`] over the alphanumeric words of the claim (see [`word_spans`])
/// and their neutral keys.
pub(crate) fn find_in_words(
    text: &str,
    start: usize,
    end: usize,
    words: &[(usize, usize)],
    keys: &[String],
) -> (Vec<Fact>, Vec<Fact>) {
    let quotes = quote_spans(text, start, end);
    // Quotations are sorted and disjoint: only the last one starting before
    // `e` can overlap `s..e`.
    let outside = |s: usize, e: usize| {
        let k = quotes.partition_point(|&(qs, _)| qs < e);
        k == 0 || quotes[k - 1].1 <= s
    };
    // Names outside the quotations, with the sentence's first word allowed:
    // "Putin powiedział: …" names its speaker first.
    let mut names: Vec<Fact> = entities::find(text, start, end, &quotes);
    names.extend(first_word_name(text, words, keys));
    names.retain(|f| outside(f.start, f.end));
    let verb_at = (0..words.len()).find(|&k| outside(words[k].0, words[k].1) && said(&keys[k]));
    let verb = verb_at.map(|k| words[k]);
    // A capitalized word right next to the verb of saying is its subject:
    // "— сказал Путин", "\"…,\" Putin said".
    let next_to_verb = verb.and_then(|(vs, ve)| {
        let k = words.iter().position(|&w| w == (vs, ve))?;
        [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| words.get(j))
            .find(|&&(s, e)| outside(s, e) && text[s..e].starts_with(char::is_uppercase))
            .copied()
    });
    let speaker = next_to_verb
        .or_else(|| {
            verb.and_then(|(vs, ve)| {
                names
                    .iter()
                    .min_by_key(|f| {
                        if f.end <= vs {
                            vs - f.end
                        } else {
                            f.start.saturating_sub(ve)
                        }
                    })
                    .map(|f| (f.start, f.end))
            })
        })
        .or_else(|| names.first().map(|f| (f.start, f.end)));
    let quote_facts = quotes
        .iter()
        .map(|&(s, e)| Fact {
            kind: FactKind::Quote,
            start: s,
            end: e,
            value: FactValue::Quote {
                speaker: speaker.map(|(a, b)| entities::key(&text[a..b])),
                speaker_span: speaker,
            },
        })
        .collect();
    (quote_facts, sources(text, words, keys, verb))
}

/// Closing marks, each the second half of some pair in [`PAIRS`].
const CLOSERS: [char; 6] = ['“', '”', '»', '«', '‘', '"'];

/// Spans of the quotations in `text[start..end]`, in order and disjoint: each
/// opening mark pairs with the nearest closing mark of its kinds after it.
/// One pass: the positions of each closing mark are listed once, and a
/// cursor per mark only moves forward (openings are visited in order).
fn quote_spans(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let region = &text[start..end];
    let mut closers: [Vec<usize>; CLOSERS.len()] = Default::default();
    for (k, c) in region.char_indices() {
        if let Some(m) = CLOSERS.iter().position(|&x| x == c) {
            closers[m].push(k);
        }
    }
    let mut cursor = [0usize; CLOSERS.len()];
    let mut quotes: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some((at, open)) = region[i..]
        .char_indices()
        .map(|(k, c)| (i + k, c))
        .find(|(_, c)| PAIRS.iter().any(|p| p.0 == *c))
    {
        let inner = at + open.len_utf8();
        let mut close: Option<(usize, char)> = None;
        for p in PAIRS.iter().filter(|p| p.0 == open) {
            let m = CLOSERS.iter().position(|&x| x == p.1).unwrap_or(0);
            let list = &closers[m];
            while cursor[m] < list.len() && list[cursor[m]] < inner {
                cursor[m] += 1;
            }
            if let Some(&k) = list.get(cursor[m]) {
                if close.map_or(true, |(best, _)| k < best) {
                    close = Some((k, p.1));
                }
            }
        }
        match close {
            Some((k, c)) => {
                let content = &region[inner..k];
                // One or two quoted words are a term or a name ("Aurus"), not a quotation.
                if content.split_whitespace().nth(2).is_some() {
                    quotes.push((start + at, start + k + c.len_utf8()));
                }
                i = k + c.len_utf8();
            }
            None => i = inner,
        }
    }
    quotes
}

/// The first word of the claim as a name, when it is capitalized and not an
/// ordinary sentence opener (entities::find leaves it out).
fn first_word_name(text: &str, words: &[(usize, usize)], keys: &[String]) -> Option<Fact> {
    let (s, e) = *words.first()?;
    let word = &text[s..e];
    let name = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 3
        && !source_cues().contains(&keys[0].as_str());
    name.then(|| Fact {
        kind: FactKind::Entity,
        start: s,
        end: e,
        value: FactValue::Entity {
            key: entities::key(word),
        },
    })
}

/// Spans of the alphanumeric words of `text[start..end]`.
pub(crate) fn word_spans(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from: Option<usize> = None;
    for (i, ch) in text[start..end].char_indices().chain([(end - start, ' ')]) {
        match (ch.is_alphanumeric(), from) {
            (true, None) => from = Some(start + i),
            (false, Some(f)) => {
                out.push((f, start + i));
                from = None;
            }
            _ => {}
        }
    }
    out
}

/// Sources: a cue ("według", "по данным", "according to") and the words after
/// it up to punctuation, at most four; or "said the ministry".
fn sources(
    text: &str,
    words: &[(usize, usize)],
    keys: &[String],
    verb: Option<(usize, usize)>,
) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // The longest cue whose words are the keys from `i` on.
        let cue = source_cues()
            .iter()
            .filter_map(|c| super::phrase_at(c, &keys[i..]))
            .max();
        if let Some(len) = cue {
            let first = i + len;
            let upper = |k: usize| text[words[k].0..].starts_with(char::is_uppercase);
            // A name takes its capitalized words; otherwise up to four words.
            let name = first < words.len() && upper(first);
            // An acronym ("C4ADS") is a whole name by itself.
            let acronym = name && {
                let w = &text[words[first].0..words[first].1];
                w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            };
            let mut last = first;
            while last < words.len() && last < first + 4 {
                if last > first {
                    let gap = &text[words[last - 1].1..words[last].0];
                    if !gap.chars().all(char::is_whitespace) || (name && !upper(last)) || acronym {
                        break;
                    }
                }
                last += 1;
            }
            if last > first {
                let (s, e) = (words[i].0, words[last - 1].1);
                let named = entities::find(text, words[first].0, e, &[]);
                let key = match named.first() {
                    Some(Fact {
                        value: FactValue::Entity { key },
                        ..
                    }) => key.clone(),
                    _ => entities::key(&text[words[first].0..e]),
                };
                out.push(Fact {
                    kind: FactKind::Source,
                    start: s,
                    end: e,
                    value: FactValue::Source { key },
                });
            }
            i = last.max(i + 1);
            continue;
        }
        i += 1;
    }
    // "said the ministry", "the ministry said" is left to the quote speaker.
    if let Some((_, ve)) = verb {
        if let Some(k) = words.iter().position(|&(s, _)| s >= ve) {
            if keys[k] == "the" && k + 1 < words.len() {
                let (s, e) = (words[k].0, words[k + 1].1);
                out.push(Fact {
                    kind: FactKind::Source,
                    start: s,
                    end: e,
                    value: FactValue::Source {
                        key: entities::key(&text[words[k + 1].0..e]),
                    },
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(text: &str) -> Option<String> {
        match &find(text, 0, text.len()).0.first()?.value {
            FactValue::Quote { speaker, .. } => speaker.clone(),
            _ => None,
        }
    }

    fn source(text: &str) -> String {
        match &find(text, 0, text.len()).1[0].value {
            FactValue::Source { key } => key.clone(),
            _ => unreachable!(),
        }
    }

    #[test]
    fn unmatched_quote_marks_are_not_quotations() {
        let text = "„a b c „d e f“ »g h i« « j k l ” m";
        let (quotes, _) = find(text, 0, text.len());
        let spans: Vec<&str> = quotes.iter().map(|q| &text[q.start..q.end]).collect();
        assert_eq!(spans, ["„a b c „d e f“", "»g h i«"]);
    }

    #[test]
    fn quote_styles_and_speakers() {
        assert_eq!(
            speaker("Putin je dejal: »To je najmočnejša pogodba v zgodovini.«"),
            Some("putin".into())
        );
        assert_eq!(
            speaker("«Это прорывной документ», — сказал Путин."),
            Some("putin".into())
        );
        assert_eq!(
            speaker("\"This is a breakthrough document,\" Putin said."),
            Some("putin".into())
        );
        assert_eq!(
            speaker("Ким је рекао: „То је најјачи споразум у историји“."),
            Some("kim".into())
        );
        assert!(find("Limuzyna „Aurus“ stoi.", 0, 24).0.is_empty());
    }

    #[test]
    fn sources_in_many_languages() {
        assert_eq!(source("Według C4ADS wysłano pociski."), "c4ads");
        assert_eq!(source("По данным C4ADS, отправлено."), "c4ads");
        assert_eq!(source("According to C4ADS, shells were sent."), "c4ads");
        assert_eq!(source("Prema podacima C4ADS poslano je."), "c4ads");
        assert_eq!(source("Po navedbah C4ADS je bilo poslanih."), "c4ads");
        assert_eq!(source("Shells were sent, said the ministry."), "ministrj");
    }
}
