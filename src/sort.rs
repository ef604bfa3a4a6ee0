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
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| compare(&items[a], &items[b]));
    // order[k] is the index of the item that belongs at k; place[i] where item i goes.
    let mut place = vec![0; order.len()];
    for (k, &i) in order.iter().enumerate() {
        place[i] = k;
    }
    for i in 0..items.len() {
        while place[i] != i {
            let j = place[i];
            items.swap(i, j);
            place.swap(i, j);
        }
    }
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

/// The one place a sort algorithm is instantiated.
fn sort_indices(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
}
