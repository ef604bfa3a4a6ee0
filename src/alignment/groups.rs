//! Joining pairwise links into groups across all documents.

use super::{Group, Link};

/// Groups claims connected by links (union-find), in reading order.
///
/// Every claim of every document lands in exactly one group; a claim with no
/// link is a group of its own, which is how omissions show.
pub fn build(claim_counts: &[usize], links: &[Link]) -> Vec<Group> {
    let offsets: Vec<usize> = claim_counts
        .iter()
        .scan(0, |acc, &n| {
            let at = *acc;
            *acc += n;
            Some(at)
        })
        .collect();
    let total: usize = claim_counts.iter().sum();
    let node = |doc: usize, claim: usize| offsets[doc] + claim;
    let mut sets = DisjointSets::new(total);
    // Documents present in each set (by root), to keep two claims of one
    // document out of one group unless a single link joined them: chains
    // of pairwise links would otherwise merge neighbouring groups.
    let mut docs_in: Vec<Vec<usize>> = claim_counts
        .iter()
        .enumerate()
        .flat_map(|(doc, &n)| std::iter::repeat(vec![doc]).take(n))
        .collect();
    let mut order: Vec<usize> = (0..links.len()).collect();
    crate::sort::sort_by(&mut order, |&x, &y| {
        links[y].score.total_cmp(&links[x].score).then(x.cmp(&y))
    });
    for &l in &order {
        let link = &links[l];
        let nodes: Vec<usize> = link
            .claims_a
            .iter()
            .map(|&c| node(link.doc_a, c))
            .chain(link.claims_b.iter().map(|&c| node(link.doc_b, c)))
            .collect();
        let mut roots: Vec<usize> = nodes.iter().map(|&x| sets.find(x)).collect();
        crate::sort::sort(&mut roots);
        roots.dedup();
        // A document in two of the sets about to join would appear twice,
        // unless this link itself holds both of its claims.
        let mut seen: Vec<usize> = Vec::new();
        let mut conflict = false;
        for &r in &roots {
            for &d in &docs_in[r] {
                let from_link_only = (d == link.doc_a && link.claims_a.len() > 1)
                    || (d == link.doc_b && link.claims_b.len() > 1);
                if seen.contains(&d) && !from_link_only {
                    conflict = true;
                }
                seen.push(d);
            }
        }
        if conflict {
            continue;
        }
        for &x in &nodes[1..] {
            sets.union(nodes[0], x);
        }
        let root = sets.find(nodes[0]);
        crate::sort::sort(&mut seen);
        seen.dedup();
        docs_in[root] = seen;
    }
    // Collect members per root, in document then claim order.
    let mut index_of_root = vec![usize::MAX; total];
    let mut groups: Vec<Group> = Vec::new();
    for (doc, &count) in claim_counts.iter().enumerate() {
        for claim in 0..count {
            let root = sets.find(node(doc, claim));
            if index_of_root[root] == usize::MAX {
                index_of_root[root] = groups.len();
                groups.push(Group {
                    claims: vec![Vec::new(); claim_counts.len()],
                    score: 0.0,
                });
            }
            groups[index_of_root[root]].claims[doc].push(claim);
        }
    }
    // Score: mean of the links inside each group.
    let mut sums = vec![(0.0, 0usize); groups.len()];
    for link in links {
        let g = index_of_root[sets.find(node(link.doc_a, link.claims_a[0]))];
        let h = index_of_root[sets.find(node(link.doc_b, link.claims_b[0]))];
        if g == h {
            sums[g].0 += link.score;
            sums[g].1 += 1;
        }
    }
    for (group, (sum, n)) in groups.iter_mut().zip(sums) {
        group.score = if n == 0 { 0.0 } else { sum / n as f64 };
    }
    order_for_reading(&mut groups);
    groups
}

/// Orders groups by the first document that has claims, placing a group that
/// the first document lacks between the groups of its neighbouring claims in
/// the document it comes from.
fn order_for_reading(groups: &mut [Group]) {
    let docs = groups.first().map_or(0, |g| g.claims.len());
    // position[g]: a fractional reading position, filled document by document.
    let mut position: Vec<Option<f64>> = vec![None; groups.len()];
    for doc in 0..docs {
        let mut placed: Vec<f64> = position.iter().flatten().copied().collect();
        crate::sort::sort_by(&mut placed, f64::total_cmp);
        let below = |p: f64| {
            let at = placed.partition_point(|&q| q < p);
            at.checked_sub(1).map(|k| placed[k])
        };
        let above = |p: f64| placed.get(placed.partition_point(|&q| q <= p)).copied();
        let mut members: Vec<(usize, usize)> = groups
            .iter()
            .enumerate()
            .filter_map(|(g, group)| group.claims[doc].first().map(|&c| (c, g)))
            .collect();
        crate::sort::sort(&mut members);
        let mut previous: Option<f64> = None;
        let mut pending: Vec<usize> = Vec::new();
        for (_, g) in members {
            match position[g] {
                Some(p) => {
                    let low = match (previous, below(p)) {
                        (Some(a), Some(b)) => a.max(b),
                        (a, b) => a.or(b).unwrap_or(p - 1.0),
                    };
                    place_between(&pending, low, p, &mut position);
                    pending.clear();
                    previous = Some(p);
                }
                None => pending.push(g),
            }
        }
        let low = previous.or(placed.last().copied()).unwrap_or(0.0);
        let high = above(low).unwrap_or(low + 1.0);
        place_between(&pending, low, high, &mut position);
    }
    let mut keyed: Vec<(f64, usize, Group)> = position
        .into_iter()
        .zip(groups.iter().cloned())
        .enumerate()
        .map(|(k, (p, g))| (p.unwrap_or(f64::MAX), k, g))
        .collect();
    crate::sort::sort_by(&mut keyed, |x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
    for (slot, (_, _, group)) in groups.iter_mut().zip(keyed) {
        *slot = group;
    }
}

fn place_between(pending: &[usize], low: f64, high: f64, position: &mut [Option<f64>]) {
    let step = (high - low) / (pending.len() + 1) as f64;
    for (k, &g) in pending.iter().enumerate() {
        position[g] = Some(low + step * (k + 1) as f64);
    }
}

/// Union-find over `0..n`, with path halving.
pub(crate) struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    pub(crate) fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller root wins, so the result does not depend on link order.
        if ra != rb {
            let (low, high) = (ra.min(rb), ra.max(rb));
            self.parent[high] = low;
        }
    }
}
