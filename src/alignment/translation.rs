//! Translation mode: the claims of two translations in the same order.
//!
//! A dynamic program in the manner of Gale–Church and hunalign picks links
//! of up to four claims a side (1-1, 1-0, 0-1, 2-1, 2-2, 1-3, 2-3, 1-4 …). Each link is scored
//! by how likely its shape is, how well the lengths agree (translations keep
//! length in proportion), how alike the claims are (shared stems, names and
//! numbers), and how many rare character trigrams they share beyond chance
//! (cognates, names, numbers, punctuation), from fixed-size sketches. The
//! search stays in a band around the diagonal, so its cost grows linearly
//! with the text.

use super::similarity::{merge_terms, similarity, similarity_of_terms, ClaimVector, Side, Term};
use super::PairLink;

/// How much similarity counts against the length model: a claim pair with
/// similarity 0.3 outweighs a length difference as unlikely as 1 in 400.
/// Chosen on whole dev sets (Text+Berg dev, FLORES), not on single items.
const LEXICAL_WEIGHT: f64 = 20.0;
/// Variance of the length difference per character (Gale & Church 1993).
const LENGTH_VARIANCE: f64 = 6.8;

/// (claims of a, claims of b, log prior): how often each link shape occurs
/// in translated text (after Gale & Church's estimates).
const LINKS: [(usize, usize, f64); 10] = [
    (1, 1, -0.1165), // ln 0.89
    (2, 1, -3.9120), // ln 0.02: rarer than in Gale & Church's data, so a merge
    (1, 2, -3.9120), // cannot hide a claim one version leaves out
    (2, 2, -4.5099), // ln 0.011
    (1, 3, -5.2983), // ln 0.005: headings and captions split off
    (3, 1, -5.2983), // ln 0.005
    (2, 3, -6.9078), // ln 0.001: lists and references split differently
    (3, 2, -6.9078),
    (1, 4, -6.9078), // ln 0.001
    (4, 1, -6.9078),
];
/// Log prior of a claim with no counterpart. Gaps come in runs (a dropped
/// paragraph, a block of captions), so a run costs more to open than to
/// extend. Opening one costs no more than a merge: dearer (ln 0.005), a
/// dropped sentence went into a 2-1 merge with its neighbour and was missed
/// (FLORES perturbations: omission recall 0.74 against 0.79 now; Text+Berg
/// strict F1 0.809 against 0.808).
const GAP_OPEN: f64 = -3.9120; // ln 0.02
const GAP_EXTEND: f64 = -3.0;

/// Where the path is: after a link, or inside a run of claims of `a` (or of
/// `b`) that have no counterpart.
const AFTER_LINK: usize = 0;
const GAP_IN_A: usize = 1;
const GAP_IN_B: usize = 2;

/// Claims on either side of the expected path that the search considers:
/// the path runs through the anchors, so 10 finds the same links as 15 on
/// Text+Berg and FLORES, in two thirds of the cells.
const CORRIDOR_HALF_WIDTH: usize = 10;
/// Candidate pairs this alike anchor the expected path.
const ANCHOR_SIMILARITY: f64 = 0.25;

/// Aligns two documents' claims monotonically.
pub fn align(
    a: &[ClaimVector],
    b: &[ClaimVector],
    sketch_a: &[Sketch],
    sketch_b: &[Sketch],
) -> Vec<PairLink> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 || sketch_a.len() != n || sketch_b.len() != m {
        return Vec::new();
    }
    let path = anchor_path(a, b);
    let lengths = LengthModel::new(a, b, &path);
    let cognates = CognateModel::new(sketch_a, sketch_b);
    let mut sketch_runs_a = SketchRuns::default();
    let sketch_runs_b = SketchRuns::all(sketch_b);
    let vocabulary = a[0].vocabulary();
    let mut runs_a = Runs::new(a);
    let mut runs_b = Runs::new(b);
    let cells = Corridor::new(n, m, &path);
    // best[slot + state]: best log score aligning a[..i] with b[..j] and
    // ending in `state`, for the last ROWS rows only (steps go back at most
    // 3 rows); `from` holds the step taken at every cell: di | dj << 2 |
    // previous state << 4. Link scores are recomputed along the path.
    let width = cells.width() * 3;
    let mut best = vec![f64::NEG_INFINITY; ROWS * width];
    let mut from = vec![0u8; cells.len() * 3];
    // (index into `from`, index into `best`) of cell (i, j).
    let at = |i: usize, j: usize| {
        let (cell, column) = cells.index(i, j)?;
        Some((cell * 3, (i % ROWS) * width + column * 3))
    };
    for i in 0..=n {
        let row = (i % ROWS) * width;
        best[row..row + width].fill(f64::NEG_INFINITY);
        if i == 0 {
            best[row + AFTER_LINK] = 0.0;
        }
        runs_a.end_at(i);
        sketch_runs_a.end_at(sketch_a, i);
        for j in cells.columns(i) {
            if (i, j) == (0, 0) {
                continue;
            }
            let Some((step, cell)) = at(i, j) else {
                continue;
            };
            runs_b.end_at(j);
            // Links end in AFTER_LINK, from any state.
            for (di, dj, prior) in LINKS {
                if di > i || dj > j {
                    continue;
                }
                let Some((_, prev_cell)) = at(i - di, j - dj) else {
                    continue;
                };
                let (prev_state, prev) = best_state(&best, prev_cell);
                if prev == f64::NEG_INFINITY {
                    continue;
                }
                let fit = lengths.fit(&a[i - di..i], &b[j - dj..j]);
                let (run_a, run_b) = (&sketch_runs_a.runs[di - 1], sketch_runs_b.get(j, dj));
                // Stems rarely match by chance, so a link of several claims
                // may earn more for them than one claim pair, but less than
                // the claims would as separate pairs.
                let lexical = SIZE_FACTOR[di + dj] * LEXICAL_WEIGHT;
                // Shared bits and stems are the costly parts: skipped where
                // even the most they can be would not beat this cell's best.
                let most =
                    length_damping(run_chars(&a[i - di..i]), run_chars(&b[j - dj..j])) + 1e-9;
                let mut known = prev + prior + fit.ln();
                let current = best[cell + AFTER_LINK];
                if known + lexical * most + COGNATE_WEIGHT * cognates.most(run_a, run_b) <= current
                {
                    continue;
                }
                known += COGNATE_WEIGHT * cognates.credit(run_a, run_b);
                if known + lexical * most <= current {
                    continue;
                }
                runs_a.join(di);
                runs_b.join(dj);
                let (side_a, side_b) = (runs_a.side(di), runs_b.side(dj));
                let sim = similarity_of_terms(vocabulary, &side_a, &side_b);
                let total = known + lexical * sim;
                if total > best[cell + AFTER_LINK] {
                    best[cell + AFTER_LINK] = total;
                    from[step + AFTER_LINK] = pack(di, dj, prev_state);
                }
            }
            // Gaps: a claim of one side alone, opening or extending a run.
            for (state, di, dj) in [(GAP_IN_A, 1, 0), (GAP_IN_B, 0, 1)] {
                if di > i || dj > j {
                    continue;
                }
                let Some((_, base)) = at(i - di, j - dj) else {
                    continue;
                };
                for prev_state in [AFTER_LINK, GAP_IN_A, GAP_IN_B] {
                    let prev = best[base + prev_state];
                    let cost = if prev_state == state {
                        GAP_EXTEND
                    } else {
                        GAP_OPEN
                    };
                    if prev + cost > best[cell + state] {
                        best[cell + state] = prev + cost;
                        from[step + state] = pack(di, dj, prev_state);
                    }
                }
            }
        }
    }
    let mut links = Vec::new();
    let (mut i, mut j) = (n, m);
    let Some((_, end)) = at(n, m) else {
        return links; // the corridor always holds (n, m); nothing to align otherwise
    };
    let mut state = best_state(&best, end).0;
    while i > 0 || j > 0 {
        let Some((step, _)) = at(i, j) else { break };
        let packed = from[step + state];
        let (di, dj, prev_state) = (
            usize::from(packed & 7),
            usize::from(packed >> 3 & 7),
            usize::from(packed >> 6 & 3),
        );
        if di == 0 && dj == 0 {
            break; // unreachable: every corridor cell connects to (0, 0)
        }
        if di > 0 && dj > 0 {
            runs_a.end_at(i);
            runs_b.end_at(j);
            runs_a.join(di);
            runs_b.join(dj);
            let sim = similarity_of_terms(vocabulary, &runs_a.side(di), &runs_b.side(dj));
            let fit = lengths.fit(&a[i - di..i], &b[j - dj..j]);
            links.push(PairLink {
                a: (i - di..i).collect(),
                b: (j - dj..j).collect(),
                score: link_score(sim, fit),
            });
        }
        i -= di;
        j -= dj;
        state = prev_state;
    }
    links.reverse();
    links
}

/// sqrt((claims of both sides) / 2), by claims of both sides.
const SIZE_FACTOR: [f64; 6] = [
    0.0,
    std::f64::consts::FRAC_1_SQRT_2,
    1.0,
    1.224_744_9,
    std::f64::consts::SQRT_2,
    1.581_138_8,
];

/// How much shared grams count, per claim's worth of sketch bits shared
/// beyond chance.
const COGNATE_WEIGHT: f64 = 20.0;

/// 64-bit words of a claim's gram sketch.
const SKETCH_WORDS: usize = 16;
const SKETCH_BITS: u32 = (SKETCH_WORDS * 64) as u32;

/// A claim's character trigrams (of folded words, ends marked) and marks of
/// punctuation that translations keep, hashed into a fixed set of bits:
/// joining claims is an OR and comparing them an AND and a popcount, cheap
/// enough for every cell of the search (sorted gram lists cost 10×).
pub type Sketch = [u64; SKETCH_WORDS];

/// A gram in more than this share of a document's claims carries no
/// signal (common endings and short words).
const COMMON_GRAM_SHARE: f64 = 0.03;

/// Sketches of every claim of a document: of its rare grams only (those
/// that occur few times in the document, counted by a 16-bit hash), so that
/// the bits stay sparse and a shared bit is seldom chance.
pub fn sketches(doc: &crate::claims::AnalysedDocument) -> Vec<Sketch> {
    let mut key = String::new();
    // The hash of every gram, claims in order; `ends` says where each
    // claim's grams end.
    let mut grams: Vec<u32> = Vec::new();
    let mut ends: Vec<usize> = Vec::with_capacity(doc.claims.len());
    for claim in &doc.claims {
        for word in &claim.words {
            key.clear();
            crate::text::normalize::fold_word_into(
                doc.source.text.get(word.start..word.end).unwrap_or(""),
                &mut key,
            );
            // Trigrams of chars as a rolling 3 × 21-bit code.
            let mut code: u64 = u64::from('^');
            let mut seen = 1;
            for c in key.chars().chain(core::iter::once('$')) {
                code = (code << 21 | u64::from(c)) & ((1 << 63) - 1);
                seen += 1;
                if seen >= 3 {
                    grams.push(mix(code));
                }
            }
        }
        for ch in doc.claim_text(claim).chars() {
            let mark = match ch {
                '«' | '»' | '"' | '„' | '“' | '”' => '"',
                '?' | '!' | ':' | ';' | '(' | ')' | '[' | ']' | '/' | '%' => ch,
                _ => continue,
            };
            grams.push(mix(u64::from(mark) | 1 << 63));
        }
        ends.push(grams.len());
    }
    let mut counts = vec![0u16; 1 << 16];
    for &g in &grams {
        let c = &mut counts[(g & 0xffff) as usize];
        *c = c.saturating_add(1);
    }
    let common = ((doc.claims.len() as f64 * COMMON_GRAM_SHARE) as u16).max(3);
    let mut from = 0;
    ends.iter()
        .map(|&to| {
            let mut sketch = [0u64; SKETCH_WORDS];
            for &g in &grams[from..to] {
                if counts[(g & 0xffff) as usize] <= common {
                    let bit = g >> (32 - SKETCH_BITS.trailing_zeros());
                    sketch[(bit / 64) as usize] |= 1 << (bit % 64);
                }
            }
            from = to;
            sketch
        })
        .collect()
}

/// A gram's 32-bit hash: the high half of a multiplicative hash, whose
/// bits all depend on every bit of the gram.
fn mix(code: u64) -> u32 {
    (code.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
}

/// Runs of one to four claims as one sketch each, with their bits counted.
#[derive(Default)]
struct SketchRuns {
    /// Runs of 1 to 4 claims ending at one place (for one row of the
    /// search), or at every place in turn (`all`).
    runs: Vec<SketchRun>,
}

#[derive(Default, Clone)]
struct SketchRun {
    sketch: Sketch,
    ones: u32,
}

impl SketchRuns {
    /// The runs ending at every claim, three per claim: each column of the
    /// search takes them many times.
    fn all(sketches: &[Sketch]) -> Self {
        let mut runs = Vec::with_capacity(sketches.len() * MAX_RUN);
        for end in 1..=sketches.len() {
            runs.extend(
                (1..=MAX_RUN).map(|len| SketchRun::of(&sketches[end.saturating_sub(len)..end])),
            );
        }
        SketchRuns { runs }
    }

    /// Sets the runs to those ending at `end` (none at 0).
    fn end_at(&mut self, sketches: &[Sketch], end: usize) {
        self.runs.clear();
        if end > 0 {
            self.runs.extend(
                (1..=MAX_RUN).map(|len| SketchRun::of(&sketches[end.saturating_sub(len)..end])),
            );
        }
    }

    /// The run of `len` claims ending at `end` (of the runs made by `all`).
    fn get(&self, end: usize, len: usize) -> &SketchRun {
        &self.runs[(end - 1) * MAX_RUN + len - 1]
    }
}

impl SketchRun {
    fn of(run: &[Sketch]) -> Self {
        let mut sketch = [0u64; SKETCH_WORDS];
        for one in run {
            for (o, w) in sketch.iter_mut().zip(one) {
                *o |= w;
            }
        }
        SketchRun {
            ones: sketch.iter().map(|w| w.count_ones()).sum(),
            sketch,
        }
    }
}

fn shared_bits(x: &Sketch, y: &Sketch) -> u32 {
    x.iter().zip(y).map(|(a, b)| (a & b).count_ones()).sum()
}

/// Credit for the bits a link's two sides share, beyond what two unrelated
/// runs of claims of that size share by chance. Subtracting the chance part
/// (which grows with the product of the sides' bits) keeps a merge from
/// earning credit for unrelated claims: joining claims pays only where
/// content crosses between them.
struct CognateModel {
    /// Shared bits per unit of the product of both sides' bits, in pairs
    /// that are not translations of each other.
    chance: f64,
    /// Mean bits of a claim: credit is counted in claims.
    scale: f64,
}

/// Claims this far from their expected counterpart are taken as unrelated.
const CHANCE_DISTANCE: usize = 2;

impl CognateModel {
    /// The chance rate comes from the documents themselves: each claim of
    /// `a` against the claim of `b` half the text away from its expected
    /// counterpart.
    fn new(a: &[Sketch], b: &[Sketch]) -> Self {
        let (n, m) = (a.len(), b.len());
        let (mut shared, mut product) = (0.0, 0.0);
        for (i, x) in a.iter().enumerate() {
            let expected = i * m / n.max(1);
            let j = (expected + m / 2) % m.max(1);
            if expected.abs_diff(j) < CHANCE_DISTANCE {
                continue;
            }
            let (x, y) = (
                SketchRun::of(std::slice::from_ref(x)),
                SketchRun::of(&b[j..=j]),
            );
            shared += f64::from(shared_bits(&x.sketch, &y.sketch));
            product += f64::from(x.ones) * f64::from(y.ones);
        }
        let totals: f64 = a
            .iter()
            .chain(b)
            .map(|s| f64::from(SketchRun::of(std::slice::from_ref(s)).ones))
            .sum();
        CognateModel {
            chance: if product > 0.0 { shared / product } else { 0.0 },
            scale: (totals / (n + m).max(1) as f64).max(1.0),
        }
    }

    fn credit(&self, x: &SketchRun, y: &SketchRun) -> f64 {
        self.credit_for(shared_bits(&x.sketch, &y.sketch), x, y)
    }

    /// The most [`CognateModel::credit`] can be: all bits of the smaller side shared.
    fn most(&self, x: &SketchRun, y: &SketchRun) -> f64 {
        self.credit_for(x.ones.min(y.ones), x, y) + 1e-9
    }

    fn credit_for(&self, shared: u32, x: &SketchRun, y: &SketchRun) -> f64 {
        let expected = self.chance * f64::from(x.ones) * f64::from(y.ones);
        (f64::from(shared) - expected) / self.scale
    }
}

/// The most claims a link takes on one side.
const MAX_RUN: usize = 4;

/// Rows of scores kept: a step goes back at most `MAX_RUN` rows.
const ROWS: usize = 5;

fn pack(di: usize, dj: usize, prev_state: usize) -> u8 {
    (di | dj << 3 | prev_state << 6) as u8
}

/// The runs of one to four consecutive claims that end at one place, their
/// terms joined into buffers reused from place to place (a `ClaimVector` per
/// run and document pair held several times the terms of both documents).
struct Runs<'a> {
    claims: &'a [ClaimVector],
    /// Where the runs end (exclusive); `usize::MAX` before the first.
    end: usize,
    /// Terms of claims `end - 2..end`, `end - 3..end - 1`, `end - 3..end`
    /// and `end - 4..end`, each with the end it was joined for: most links
    /// are ruled out before their terms are needed, so runs are joined
    /// only when asked for.
    pair: (Vec<Term>, usize),
    before: Vec<Term>,
    triple: (Vec<Term>, usize),
    quad: (Vec<Term>, usize),
}

impl<'a> Runs<'a> {
    fn new(claims: &'a [ClaimVector]) -> Self {
        Runs {
            claims,
            end: usize::MAX,
            pair: (Vec::new(), usize::MAX),
            before: Vec::new(),
            triple: (Vec::new(), usize::MAX),
            quad: (Vec::new(), usize::MAX),
        }
    }

    /// Moves the runs' end to `end` (at most the number of claims).
    fn end_at(&mut self, end: usize) {
        if end <= self.claims.len() {
            self.end = end;
        }
    }

    /// Joins the run of `len` claims ending at `end` (at least `len`),
    /// unless it is joined already.
    fn join(&mut self, len: usize) {
        let (c, end) = (self.claims, self.end);
        if len < 2 || end < len || end > c.len() {
            return;
        }
        if len == 2 && self.pair.1 != end {
            merge_terms(
                c[end - 2].side().terms,
                c[end - 1].side().terms,
                &mut self.pair.0,
            );
            self.pair.1 = end;
        }
        if len >= 3 && self.triple.1 != end {
            merge_terms(
                c[end - 3].side().terms,
                c[end - 2].side().terms,
                &mut self.before,
            );
            merge_terms(&self.before, c[end - 1].side().terms, &mut self.triple.0);
            self.triple.1 = end;
        }
        if len == 4 && self.quad.1 != end {
            merge_terms(c[end - 4].side().terms, &self.triple.0, &mut self.quad.0);
            self.quad.1 = end;
        }
    }

    /// The run of `len` claims (1 to 4, at most `end`, joined by
    /// [`Runs::join`]) ending at `end`, as
    /// [`ClaimVector::merged`] would join them.
    fn side(&self, len: usize) -> Side<'_> {
        let (c, e) = (self.claims, self.end);
        let last = c[e - 1].side();
        match len {
            1 => last,
            2 => {
                let first = c[e - 2].side();
                Side {
                    terms: &self.pair.0,
                    words_total: first.words_total + last.words_total,
                    chars: first.chars + last.chars + 1,
                    stems: first.stems.union(last.stems),
                }
            }
            3 => {
                let (first, second) = (c[e - 3].side(), c[e - 2].side());
                Side {
                    terms: &self.triple.0,
                    words_total: first.words_total + second.words_total + last.words_total,
                    chars: first.chars + second.chars + 1 + last.chars + 1,
                    stems: first.stems.union(second.stems).union(last.stems),
                }
            }
            _ => {
                let (zeroth, first, second) = (c[e - 4].side(), c[e - 3].side(), c[e - 2].side());
                Side {
                    terms: &self.quad.0,
                    words_total: zeroth.words_total
                        + first.words_total
                        + second.words_total
                        + last.words_total,
                    chars: zeroth.chars + first.chars + second.chars + last.chars + 3,
                    stems: zeroth
                        .stems
                        .union(first.stems)
                        .union(second.stems)
                        .union(last.stems),
                }
            }
        }
    }
}

/// The cells the search visits: for each claim `i` of `a`, a run of claims
/// of `b` around where its counterpart is expected. The expected path runs
/// through confident candidate pairs in order (anchors), straight between
/// them, so the search stays near the true path even where one version
/// drops a long passage, and its cost grows linearly with the text.
struct Corridor {
    /// Per row `i`: first column, and where the row's cells start in storage.
    rows: Vec<(usize, usize)>,
    len: usize,
}

impl Corridor {
    fn new(n: usize, m: usize, path: &[(usize, usize)]) -> Self {
        let mut bounds: Vec<(usize, usize)> = (0..=n)
            .map(|i| {
                let expected = interpolate(path, i);
                let low = (expected - CORRIDOR_HALF_WIDTH as f64).floor().max(0.0) as usize;
                let high = (expected + CORRIDOR_HALF_WIDTH as f64).ceil().min(m as f64) as usize;
                (low.min(m), high)
            })
            .collect();
        bounds[0].0 = 0;
        bounds[n].1 = m;
        // Keep rows overlapping so every cell connects to the start and end.
        for i in 1..=n {
            bounds[i].1 = bounds[i].1.max(bounds[i - 1].1);
            bounds[i].0 = bounds[i].0.min(bounds[i - 1].1).max(bounds[i - 1].0);
        }
        for i in (0..n).rev() {
            bounds[i].1 = bounds[i].1.max(bounds[i + 1].0);
        }
        let mut rows = Vec::with_capacity(n + 1);
        let mut len = 0;
        for &(low, high) in &bounds {
            rows.push((low, len));
            len += high - low + 1;
        }
        // A row ends where the next one starts (the last one at `len`).
        Corridor { rows, len }
    }

    fn len(&self) -> usize {
        self.len
    }

    fn row_end(&self, i: usize) -> usize {
        self.rows.get(i + 1).map_or(self.len, |r| r.1)
    }

    /// Columns of row `i`.
    fn columns(&self, i: usize) -> std::ops::Range<usize> {
        let (low, start) = self.rows[i];
        low..low + (self.row_end(i) - start)
    }

    /// Storage index of cell (i, j) and its place in its row, if the
    /// corridor holds it.
    fn index(&self, i: usize, j: usize) -> Option<(usize, usize)> {
        let (low, start) = *self.rows.get(i)?;
        let k = j.checked_sub(low)?;
        (start + k < self.row_end(i)).then_some((start + k, k))
    }

    /// Cells in the widest row.
    fn width(&self) -> usize {
        (0..self.rows.len())
            .map(|i| self.row_end(i) - self.rows[i].1)
            .max()
            .unwrap_or(0)
    }
}

/// Confident pairs in order: (claim of a, claim of b), from (0, 0) to (n, m).
fn anchor_path(a: &[ClaimVector], b: &[ClaimVector]) -> Vec<(usize, usize)> {
    let mut anchors: Vec<(usize, usize)> = super::news::candidate_pairs(a, b)
        .into_iter()
        .filter(|&(i, j)| similarity(&a[i], &b[j]) >= ANCHOR_SIMILARITY)
        .collect();
    // Longest chain increasing in both claims (patience sorting); within one
    // claim of `a`, later claims of `b` first, so a chain takes one of them.
    crate::sort::sort_by(&mut anchors, |x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
    let mut tails: Vec<usize> = Vec::new(); // index into anchors of each chain length's tail
    let mut previous: Vec<Option<usize>> = vec![None; anchors.len()];
    for (k, &(_, j)) in anchors.iter().enumerate() {
        let at = tails.partition_point(|&t| anchors[t].1 < j);
        previous[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut chain = Vec::new();
    let mut cursor = tails.last().copied();
    while let Some(k) = cursor {
        chain.push(anchors[k]);
        cursor = previous[k];
    }
    chain.push((0, 0));
    chain.reverse();
    chain.push((a.len(), b.len()));
    chain
}

/// Where row `i` is expected on the path: straight between the anchors around it.
fn interpolate(path: &[(usize, usize)], i: usize) -> f64 {
    let k = path
        .partition_point(|&(pi, _)| pi <= i)
        .clamp(1, path.len() - 1);
    let ((i0, j0), (i1, j1)) = (path[k - 1], path[k]);
    if i1 == i0 {
        return j1 as f64;
    }
    j0 as f64 + (i - i0) as f64 * (j1 as f64 - j0 as f64) / (i1 - i0) as f64
}

/// The best of the three states stored from `base`: (state, score).
fn best_state(best: &[f64], base: usize) -> (usize, f64) {
    (0..3).fold((AFTER_LINK, f64::NEG_INFINITY), |acc, s| {
        if best[base + s] > acc.1 {
            (s, best[base + s])
        } else {
            acc
        }
    })
}

/// Characters of a run of claims joined as [`Runs::side`] joins them.
fn run_chars(run: &[ClaimVector]) -> usize {
    run.iter()
        .map(|c| c.chars + 1)
        .sum::<usize>()
        .saturating_sub(1)
}

/// The most [`similarity_of_terms`] can be for sides of these lengths:
/// its overlap is at most 1, damped by the fourth root of the lengths' ratio.
fn length_damping(a: usize, b: usize) -> f64 {
    let (short, long) = (a.min(b).max(1) as f64, a.max(b).max(1) as f64);
    (short / long).sqrt().sqrt()
}

/// A link's confidence in [0, 1]: half from the words, half from the lengths.
fn link_score(similarity: f64, length_fit: f64) -> f64 {
    (0.5 * (2.0 * similarity).min(1.0) + 0.5 * length_fit).clamp(0.0, 1.0)
}

/// Gale & Church's length model: the lengths of a claim and its translation
/// differ by a normally distributed amount, after scaling by the ratio of
/// the two documents' lengths.
struct LengthModel {
    ratio: f64,
}

impl LengthModel {
    /// The ratio comes from the anchor pairs (their median), not from the
    /// documents' totals: a version that leaves a passage out is shorter in
    /// total, and a ratio taken from totals would make merging claims look
    /// like a good fit and hide the omission.
    fn new(a: &[ClaimVector], b: &[ClaimVector], path: &[(usize, usize)]) -> Self {
        let inner = &path[1..path.len().saturating_sub(1).max(1)];
        let mut ratios: Vec<f64> = inner
            .iter()
            .filter(|&&(i, j)| i < a.len() && j < b.len())
            .map(|&(i, j)| b[j].chars.max(1) as f64 / a[i].chars.max(1) as f64)
            .collect();
        crate::sort::sort_by(&mut ratios, f64::total_cmp);
        let total = |v: &[ClaimVector]| v.iter().map(|c| c.chars).sum::<usize>().max(1) as f64;
        let ratio = match ratios.len() {
            0 => total(b) / total(a),
            k => ratios[k / 2],
        };
        LengthModel { ratio }
    }

    /// Probability of a length difference at least this large, in (0, 1].
    fn fit(&self, a: &[ClaimVector], b: &[ClaimVector]) -> f64 {
        let la = a.iter().map(|c| c.chars).sum::<usize>() as f64;
        let lb = b.iter().map(|c| c.chars).sum::<usize>() as f64;
        let mean = (la + lb / self.ratio) / 2.0;
        let delta = (lb - la * self.ratio) / (mean.max(1.0) * LENGTH_VARIANCE).sqrt();
        two_sided_tail(delta.abs()).max(1e-12)
    }
}

/// P(|Z| ≥ z) for a standard normal Z (Abramowitz & Stegun 7.1.26 for erfc).
fn two_sided_tail(z: f64) -> f64 {
    let x = z / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    poly * (-x * x).exp()
}

#[cfg(test)]
mod tests {
    use super::two_sided_tail;

    #[test]
    fn normal_tail_is_close() {
        assert!((two_sided_tail(0.0) - 1.0).abs() < 1e-6);
        assert!((two_sided_tail(1.96) - 0.05).abs() < 1e-3);
    }
}
