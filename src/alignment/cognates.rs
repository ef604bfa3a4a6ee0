//! Character trigrams two claims share: a weak but broad signal for
//! translation mode. Stems match only whole cognates; trigrams of folded
//! words also join near cognates ("Gletscher"/"glacier",
//! "Kangchendzönga"/"Kangchenjunga"), and numbers, quotes, colons and
//! parentheses count as well, so claims with no shared stem are not left
//! to their lengths alone.

use crate::claims::AnalysedDocument;

/// A claim as a bag of trigram ids with counts, sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    grams: Vec<(u32, u32)>,
    /// Weighted count of all its trigrams.
    total: f64,
}

impl Profile {
    pub fn total(&self) -> f64 {
        self.total
    }

    /// Two claims as one, for links of several claims.
    pub fn merged(&self, other: &Profile) -> Profile {
        let (x, y) = (&self.grams, &other.grams);
        let mut grams = Vec::with_capacity(x.len() + y.len());
        let (mut i, mut j) = (0, 0);
        while i < x.len() || j < y.len() {
            let take_x = j == y.len() || (i < x.len() && x[i].0 < y[j].0);
            let take_y = i == x.len() || (j < y.len() && y[j].0 < x[i].0);
            if take_x {
                grams.push(x[i]);
                i += 1;
            } else if take_y {
                grams.push(y[j]);
                j += 1;
            } else {
                grams.push((x[i].0, x[i].1 + y[j].1));
                i += 1;
                j += 1;
            }
        }
        Profile {
            grams,
            total: self.total + other.total,
        }
    }
}

/// Trigram profiles of the claims of two documents, weighted by how rare
/// each trigram is among the claims of both, so that endings both
/// languages share by chance ("-ent", "-ion") weigh little.
pub struct Profiles {
    pub a: Vec<Profile>,
    pub b: Vec<Profile>,
    weights: Vec<f64>,
}

impl Profiles {
    pub fn new(a: &AnalysedDocument, b: &AnalysedDocument) -> Profiles {
        let raw_a: Vec<Vec<u64>> = a.claims.iter().map(|c| raw_grams(a, c)).collect();
        let raw_b: Vec<Vec<u64>> = b.claims.iter().map(|c| raw_grams(b, c)).collect();
        let mut distinct: Vec<u64> = raw_a.iter().chain(&raw_b).flatten().copied().collect();
        crate::sort::sort(&mut distinct);
        distinct.dedup();
        let id = |g: u64| distinct.partition_point(|&x| x < g) as u32;
        let bags = |raw: &[Vec<u64>]| -> Vec<Vec<(u32, u32)>> {
            raw.iter()
                .map(|grams| {
                    let mut ids: Vec<u32> = grams.iter().map(|&g| id(g)).collect();
                    crate::sort::sort(&mut ids);
                    let mut bag: Vec<(u32, u32)> = Vec::with_capacity(ids.len());
                    for g in ids {
                        match bag.last_mut() {
                            Some(last) if last.0 == g => last.1 += 1,
                            _ => bag.push((g, 1)),
                        }
                    }
                    bag
                })
                .collect()
        };
        let (bags_a, bags_b) = (bags(&raw_a), bags(&raw_b));
        // In how many claims each trigram occurs.
        let mut frequency = vec![0usize; distinct.len()];
        for bag in bags_a.iter().chain(&bags_b) {
            for &(g, _) in bag {
                frequency[g as usize] += 1;
            }
        }
        let claims = (bags_a.len() + bags_b.len()).max(1) as f64;
        let weights: Vec<f64> = frequency
            .iter()
            .map(|&f| (claims / f.max(1) as f64).ln().max(0.0))
            .collect();
        let profile = |grams: Vec<(u32, u32)>| Profile {
            total: grams
                .iter()
                .map(|&(g, n)| weights[g as usize] * n as f64)
                .sum(),
            grams,
        };
        Profiles {
            a: bags_a.into_iter().map(profile).collect(),
            b: bags_b.into_iter().map(profile).collect(),
            weights,
        }
    }

    /// Weight of the trigrams the two claims share.
    pub fn shared(&self, x: &Profile, y: &Profile) -> f64 {
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while i < x.grams.len() && j < y.grams.len() {
            let (gx, nx) = x.grams[i];
            let (gy, ny) = y.grams[j];
            if gx < gy {
                i += 1;
            } else if gy < gx {
                j += 1;
            } else {
                shared += self.weights.get(gx as usize).copied().unwrap_or(0.0) * nx.min(ny) as f64;
                i += 1;
                j += 1;
            }
        }
        shared
    }
}

/// Trigram hashes of a claim: of each folded word with its ends marked
/// ("^gl", "gle", …, "er$"), and one per mark of punctuation that
/// translations keep (quotes of any style count as one).
fn raw_grams(doc: &AnalysedDocument, claim: &crate::claims::Claim) -> Vec<u64> {
    let mut out = Vec::new();
    let mut key = String::new();
    for word in &claim.words {
        key.clear();
        crate::text::normalize::fold_word_into(&doc.source.text[word.start..word.end], &mut key);
        let chars: Vec<char> = core::iter::once('^')
            .chain(key.chars())
            .chain(core::iter::once('$'))
            .collect();
        for w in chars.windows(3) {
            out.push(hash(w));
        }
    }
    for ch in doc.claim_text(claim).chars() {
        let mark = match ch {
            '«' | '»' | '"' | '„' | '“' | '”' => '"',
            '?' | '!' | ':' | ';' | '(' | ')' | '[' | ']' | '/' | '%' => ch,
            _ => continue,
        };
        out.push(hash(&[mark]));
    }
    out
}

/// FNV-1a over the characters.
fn hash(chars: &[char]) -> u64 {
    chars.iter().fold(0xcbf2_9ce4_8422_2325, |h, &c| {
        (h ^ c as u64).wrapping_mul(0x0100_0000_01b3)
    })
}
