//! Translation mode: the claims of two translations in the same order.
//! A dynamic program over the similarity (in the manner of Gale–Church and
//! hunalign) picks 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 links, within a band
//! around the diagonal so the cost grows linearly with the text.

use super::similarity::{similarity, ClaimVector};
use super::PairLink;

/// A link scoring below this costs more than leaving both claims unlinked.
const LINK_THRESHOLD: f64 = 0.12;
/// Joining claims must pay for itself: a merge is preferred only when it is
/// clearly better than a 1-1 link plus a gap.
const MERGE_PENALTY: f64 = 0.06;

/// Aligns two documents' claims monotonically.
pub fn align(a: &[ClaimVector], b: &[ClaimVector]) -> Vec<PairLink> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    let band = band_width(n, m);
    let in_band = |i: usize, j: usize| {
        let expected = i as f64 * m as f64 / n as f64;
        (j as f64 - expected).abs() <= band as f64
    };
    // best[i][j]: best total gain aligning a[..i] with b[..j]; `from` the bead used.
    let width = m + 1;
    let mut best = vec![f64::NEG_INFINITY; (n + 1) * width];
    let mut from = vec![(0u8, 0u8, 0.0f64); (n + 1) * width];
    best[0] = 0.0;
    const BEADS: [(usize, usize); 6] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)];
    for i in 0..=n {
        for j in 0..=m {
            if (i, j) == (0, 0) || !(in_band(i, j) || (i, j) == (n, m)) {
                continue;
            }
            let mut cell = (f64::NEG_INFINITY, (0u8, 0u8, 0.0));
            for (di, dj) in BEADS {
                if di > i || dj > j {
                    continue;
                }
                let prev = best[(i - di) * width + (j - dj)];
                if prev == f64::NEG_INFINITY {
                    continue;
                }
                let score = bead_score(a, b, i - di, di, j - dj, dj);
                let gain = match (di, dj) {
                    (1, 0) | (0, 1) => 0.0,
                    (1, 1) => score - LINK_THRESHOLD,
                    _ => score - LINK_THRESHOLD - MERGE_PENALTY,
                };
                if prev + gain > cell.0 {
                    cell = (prev + gain, (di as u8, dj as u8, score));
                }
            }
            best[i * width + j] = cell.0;
            from[i * width + j] = cell.1;
        }
    }
    let mut links = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj, score) = from[i * width + j];
        let (di, dj) = (di as usize, dj as usize);
        if di == 0 && dj == 0 {
            break; // unreachable cell; cannot happen with the end cell forced in band
        }
        if di > 0 && dj > 0 {
            links.push(PairLink {
                a: (i - di..i).collect(),
                b: (j - dj..j).collect(),
                score: score.clamp(0.0, 1.0),
            });
        }
        i -= di;
        j -= dj;
    }
    links.reverse();
    links
}

/// Wide enough for an article with a missing paragraph, narrow enough to stay linear.
fn band_width(n: usize, m: usize) -> usize {
    let diff = n.abs_diff(m);
    (diff + 10).max(n.max(m) / 10)
}

fn bead_score(
    a: &[ClaimVector],
    b: &[ClaimVector],
    i: usize,
    di: usize,
    j: usize,
    dj: usize,
) -> f64 {
    let join = |v: &[ClaimVector], at: usize, len: usize| match len {
        1 => v[at].clone(),
        _ => v[at].merged(&v[at + 1]),
    };
    match (di, dj) {
        (1, 1) => similarity(&a[i], &b[j]),
        (0, _) | (_, 0) => 0.0,
        _ => similarity(&join(a, i, di), &join(b, j, dj)),
    }
}
