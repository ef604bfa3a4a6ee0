//! Translation mode: the claims of two translations in the same order.
//!
//! A dynamic program in the manner of Gale–Church and hunalign picks 1-1,
//! 1-0, 0-1, 2-1, 1-2 and 2-2 links. Each link is scored by how likely its
//! shape is, how well the lengths agree (translations keep length in
//! proportion), and how alike the claims are (shared stems, names and
//! numbers). The search stays in a band around the diagonal, so its cost
//! grows linearly with the text.

use super::similarity::{similarity, ClaimVector};
use super::PairLink;

/// How much similarity counts against the length model: a claim pair with
/// similarity 0.3 outweighs a length difference as unlikely as 1 in 400.
/// Chosen on whole dev sets (Text+Berg dev, FLORES), not on single items.
const LEXICAL_WEIGHT: f64 = 20.0;
/// Variance of the length difference per character (Gale & Church 1993).
const LENGTH_VARIANCE: f64 = 6.8;

/// (claims of a, claims of b, log prior): how often each link shape occurs
/// in translated text (after Gale & Church's estimates).
const LINKS: [(usize, usize, f64); 6] = [
    (1, 1, -0.1165), // ln 0.89
    (2, 1, -3.1123), // ln 0.0445
    (1, 2, -3.1123), // ln 0.0445
    (2, 2, -4.5099), // ln 0.011
    (1, 3, -5.2983), // ln 0.005: headings and captions split off
    (3, 1, -5.2983), // ln 0.005
];
/// Log prior of a claim with no counterpart. Gaps come in runs (a dropped
/// paragraph, a block of captions), so a run costs much to open and little
/// to extend.
const GAP_OPEN: f64 = -5.2983; // ln 0.005
const GAP_EXTEND: f64 = -3.0;

/// Where the path is: after a link, or inside a run of claims of `a` (or of
/// `b`) that have no counterpart.
const AFTER_LINK: usize = 0;
const GAP_IN_A: usize = 1;
const GAP_IN_B: usize = 2;

/// Aligns two documents' claims monotonically.
pub fn align(a: &[ClaimVector], b: &[ClaimVector]) -> Vec<PairLink> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    let lengths = LengthModel::new(a, b);
    let band = band_width(n, m);
    let in_band = |i: usize, j: usize| {
        let expected = i as f64 * m as f64 / n as f64;
        (j as f64 - expected).abs() <= band as f64
    };
    // best[(i, j, state)]: best log score aligning a[..i] with b[..j] and
    // ending in `state`; `from` holds the step taken: (di, dj, previous state, link score).
    let width = m + 1;
    let at = |i: usize, j: usize, state: usize| (i * width + j) * 3 + state;
    let mut best = vec![f64::NEG_INFINITY; (n + 1) * width * 3];
    let mut from = vec![(0u8, 0u8, 0u8, 0.0f64); (n + 1) * width * 3];
    best[at(0, 0, AFTER_LINK)] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if (i, j) == (0, 0) || !(in_band(i, j) || (i, j) == (n, m)) {
                continue;
            }
            // Links end in AFTER_LINK, from any state.
            for (di, dj, prior) in LINKS {
                if di > i || dj > j {
                    continue;
                }
                let (prev_state, prev) = best_state(&best, at(i - di, j - dj, 0));
                if prev == f64::NEG_INFINITY {
                    continue;
                }
                let sim = bead_similarity(a, b, i - di, di, j - dj, dj);
                let fit = lengths.fit(&a[i - di..i], &b[j - dj..j]);
                let total = prev + prior + fit.ln() + LEXICAL_WEIGHT * sim;
                let cell = at(i, j, AFTER_LINK);
                if total > best[cell] {
                    best[cell] = total;
                    from[cell] = (di as u8, dj as u8, prev_state as u8, link_score(sim, fit));
                }
            }
            // Gaps: a claim of one side alone, opening or extending a run.
            for (state, di, dj) in [(GAP_IN_A, 1, 0), (GAP_IN_B, 0, 1)] {
                if di > i || dj > j {
                    continue;
                }
                let base = at(i - di, j - dj, 0);
                for prev_state in [AFTER_LINK, GAP_IN_A, GAP_IN_B] {
                    let prev = best[base + prev_state];
                    let cost = if prev_state == state {
                        GAP_EXTEND
                    } else {
                        GAP_OPEN
                    };
                    let cell = at(i, j, state);
                    if prev + cost > best[cell] {
                        best[cell] = prev + cost;
                        from[cell] = (di as u8, dj as u8, prev_state as u8, 0.0);
                    }
                }
            }
        }
    }
    let mut links = Vec::new();
    let (mut i, mut j) = (n, m);
    let mut state = best_state(&best, at(n, m, 0)).0;
    while i > 0 || j > 0 {
        let (di, dj, prev_state, score) = from[at(i, j, state)];
        let (di, dj) = (di as usize, dj as usize);
        if di == 0 && dj == 0 {
            break; // unreachable cell; cannot happen with the end cell forced in band
        }
        if di > 0 && dj > 0 {
            links.push(PairLink {
                a: (i - di..i).collect(),
                b: (j - dj..j).collect(),
                score,
            });
        }
        i -= di;
        j -= dj;
        state = prev_state as usize;
    }
    links.reverse();
    links
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

/// A link's confidence in [0, 1]: half from the words, half from the lengths.
fn link_score(similarity: f64, length_fit: f64) -> f64 {
    (0.5 * (2.0 * similarity).min(1.0) + 0.5 * length_fit).clamp(0.0, 1.0)
}

/// Wide enough for an article with a missing paragraph, narrow enough to stay linear.
fn band_width(n: usize, m: usize) -> usize {
    let diff = n.abs_diff(m);
    (diff + 10).max(n.max(m) / 10)
}

fn bead_similarity(
    a: &[ClaimVector],
    b: &[ClaimVector],
    i: usize,
    di: usize,
    j: usize,
    dj: usize,
) -> f64 {
    let join = |v: &[ClaimVector], at: usize, len: usize| {
        v[at + 1..at + len]
            .iter()
            .fold(v[at].clone(), |joined, next| joined.merged(next))
    };
    match (di, dj) {
        (1, 1) => similarity(&a[i], &b[j]),
        _ => similarity(&join(a, i, di), &join(b, j, dj)),
    }
}

/// Gale & Church's length model: the lengths of a claim and its translation
/// differ by a normally distributed amount, after scaling by the ratio of
/// the two documents' lengths.
struct LengthModel {
    ratio: f64,
}

impl LengthModel {
    fn new(a: &[ClaimVector], b: &[ClaimVector]) -> Self {
        let total = |v: &[ClaimVector]| v.iter().map(|c| c.chars).sum::<usize>().max(1) as f64;
        LengthModel {
            ratio: total(b) / total(a),
        }
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
