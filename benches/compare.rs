//! Native timing of `compare` on the benchmark inputs that
//! `scripts/bench/cases.mjs` writes (`scripts/bench.sh` runs both).
//!
//!   cargo bench --bench compare -- target/bench/cases [name…]
//!
//! A plain timing loop, not criterion: one call takes from a millisecond to
//! many seconds, so a few runs and their median say what is needed, and
//! criterion's statistics (and its compile time) would add nothing to a
//! table compared with Node and Chromium timings taken the same way. Each
//! case runs until `BENCH_SECONDS` (default 2) have passed, at least 3 times
//! (once when the first run alone takes over 5 s) and at most 25 (the first
//! dropped as warm-up when there are more than 3), and prints
//! one JSON line (`BENCH_MODE=translation|news` forces a mode, for profiling): `{"name", "runs", "median_ms", "min_ms", "claims", "discrepancies",
//! "peak_heap_bytes", "digest"}`; `digest` hashes the report (timings
//! left out), so a change meant only for speed can show it changes nothing.

use claimdiff::{compare, Document, Mode, Options};
use serde_json::Value;
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// Counts live heap bytes and their peak, so each case also reports the
/// most memory one `compare` call held natively (`peak_heap_bytes`, input
/// excluded). Native sizes: `usize` fields are twice their wasm size.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
            PEAK.fetch_max(live, Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    // `cargo bench` passes `--bench` to the harness; skip flags.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench compare -- CASES_DIR [name…] (scripts/bench.sh makes CASES_DIR)");
        return;
    };
    let index = dir.join("index.json");
    let Ok(index) = std::fs::read_to_string(&index) else {
        eprintln!(
            "bench: no {} (run scripts/bench.sh, or node scripts/bench/cases.mjs first): skipped",
            index.display()
        );
        return;
    };
    let names: Vec<String> = serde_json::from_str(&index).expect("index.json: a list of names");
    let budget: f64 = std::env::var("BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2.0);
    for name in names
        .iter()
        .filter(|n| args.len() < 2 || args[1..].contains(n))
    {
        let case: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{name}.json"))).expect("case file"),
        )
        .expect("case JSON");
        let documents: Vec<Document> = case["documents"]
            .as_array()
            .expect("documents")
            .iter()
            .map(|d| Document {
                id: d["id"].as_str().unwrap_or_default().to_string(),
                text: d["text"].as_str().unwrap_or_default().to_string(),
                lang: d["lang"].as_str().map(str::to_string),
                date: None,
            })
            .collect();
        let mode = std::env::var("BENCH_MODE").ok();
        let options = Options {
            mode: mode.as_deref().and_then(Mode::parse).unwrap_or_default(),
            max_document_bytes: usize::MAX,
            max_total_bytes: usize::MAX,
            ..Options::default()
        };
        let mut times = Vec::new();
        let started = Instant::now();
        let mut report = None;
        let mut peak = 0;
        let least = |times: &[f64]| if times.first() > Some(&5000.0) { 1 } else { 3 };
        while times.len() < 25
            && (times.len() < least(&times) || started.elapsed().as_secs_f64() < budget)
        {
            // The previous report is dropped first, so it does not count.
            drop(report.take());
            let base = LIVE.load(Relaxed);
            PEAK.store(base, Relaxed);
            let t = Instant::now();
            let r = compare(&documents, &options).expect("compare");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            peak = PEAK.load(Relaxed) - base;
            report = Some(r);
        }
        // The first run warms caches and the allocator; drop it when there are enough.
        if times.len() > 3 {
            times.remove(0);
        }
        times.sort_by(f64::total_cmp);
        let mut report = report.expect("at least one run");
        // A digest of the report without its timings: speed work must not
        // change it.
        report.timings = Default::default();
        let digest = serde_json::to_string(&report)
            .expect("report serializes")
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
        let claims: usize = report.documents.iter().map(|d| d.claims.len()).sum();
        println!(
            "{}",
            serde_json::json!({
                "name": name,
                "runs": times.len(),
                "median_ms": times[times.len() / 2],
                "min_ms": times[0],
                "claims": claims,
                "links": report.alignment.links.len(),
                "discrepancies": report.discrepancies.len(),
                "mode": report.alignment.mode,
                "peak_heap_bytes": peak,
                "digest": format!("{digest:016x}"),
            })
        );
    }
}
