//! Sorting through one copy of the sort algorithm.
//!
//! Every `slice::sort*` call on a new element type or closure compiles its own
//! copy of the sort (a few KB of wasm each; they were a third of the module).
//! Here each call sorts indices with one shared, non-generic routine and then
//! moves the items into place, so the algorithm exists once. The sort is
//! stable: ties keep their input order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably.
///
/// ```
/// let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c')];
/// claimdiff::sort::sort_by(&mut v, |x, y| x.0.cmp(&y.0));
/// assert_eq!(v, [(1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    // Only these two lines are compiled per type: the sort and the moves are shared.
    let order = sorted_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(&order, &mut |i, j| items.swap(i, j));
}

/// Sorts `items` by a key, stably.
///
/// ```
/// let mut v = vec!["ccc", "a", "bb"];
/// claimdiff::sort::sort_by_key(&mut v, |s| s.len());
/// assert_eq!(v, ["a", "bb", "ccc"]);
/// ```
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
///
/// ```
/// let mut v = vec![3, 1, 2];
/// claimdiff::sort::sort(&mut v);
/// assert_eq!(v, [1, 2, 3]);
/// ```
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The indices `0..len` in stable sorted order: a bottom-up merge sort, a
/// fraction of the size of std's sorts, and with fewer comparisons (each one is a
/// dynamic call here). Runs already in order cost one comparison per merge.
#[inline(never)]
fn sorted_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = len.min(start + width);
            let end = len.min(middle + width);
            let (mut left, mut right) = (start, middle);
            let in_order =
                right == end || compare(order[right], order[right - 1]) != Ordering::Less;
            for slot in &mut merged[start..end] {
                // Ties take the left run: that is what keeps the sort stable.
                let take_left = right == end
                    || (left < middle
                        && (in_order || compare(order[right], order[left]) != Ordering::Less));
                if take_left {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Moves items into sorted order through `swap`: `order[k]` is the index of the
/// item that belongs at `k`.
#[inline(never)]
fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    // place[i]: where the item now at i goes.
    let mut place = vec![0; order.len()];
    for (k, &i) in order.iter().enumerate() {
        place[i] = k;
    }
    for i in 0..place.len() {
        while place[i] != i {
            let j = place[i];
            swap(i, j);
            place.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The merge sort gives the one stable order, on every length and pattern.
    #[test]
    fn matches_std_stable_sort() {
        let mut seed = 12345u32;
        for len in 0..70 {
            for range in [1, 3, 1000] {
                let items: Vec<(u32, usize)> = (0..len)
                    .map(|i| {
                        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                        ((seed >> 16) % range, i)
                    })
                    .collect();
                let mut ours = items.clone();
                sort_by_key(&mut ours, |x| x.0);
                let mut expected = items.clone();
                expected.sort_by_key(|x| x.0);
                assert_eq!(ours, expected);
                let mut reversed = items.clone();
                sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
                expected.sort_by_key(|x| std::cmp::Reverse(x.0));
                assert_eq!(reversed, expected);
            }
        }
    }
}
