//! Measures discrepancy detection on synthetic perturbations of FLORES-200 and prints
//! `EVAL <suite> <metric> <value>` lines.
//!
//! ```sh
//! cargo run --release --example evaluate_discrepancies -- ../shared/eval [reports/discrepancies.md]
//! ```
//!
//! FLORES-200 devtest lines are grouped into documents by URL (281 documents). For every pair
//! of ten languages and every document, the two versions are compared in translation mode:
//! once untouched, and once for each perturbation of one version (the second language for even
//! documents, the first for odd ones, so both directions are covered):
//!
//! - `number`: the first digit of the first number written in digits (outside a date) changes;
//! - `date`: the first date claimdiff reads with digits moves by a day (or by a year, when it
//!   has no day);
//! - `name`: the first name of at least four letters is replaced by a name from another
//!   document in the same language (one that is not the same entity);
//! - `omission`: the middle sentence is deleted.
//!
//! A perturbation is found when a discrepancy of the right kind has evidence on the perturbed
//! span, or on the perturbed sentence with a message the untouched pair does not have (for
//! omissions: on the deleted sentence's counterpart). A changed number found as a date
//! discrepancy counts (the number was a day or year the other version dates). Names to swap
//! are never the first word of a sentence, where a capitalised common word is read as a name. Recall counts findings of any
//! severity (`recall`) and of warning or error severity (`recall_warning`). A false alarm is a
//! discrepancy of error or warning severity on an untouched pair; the rate is the share of
//! untouched pairs with at least one, per kind. Information-only findings on untouched pairs
//! are counted too (`<kind>_info_per_pair`): recall at any severity is cheap when information
//! is plentiful, so it is read together with them.
//!
//! Where perturbations are placed depends on claimdiff's own extraction (dates and names it
//! reads); documents where no place is found are not counted for that kind.
//!
//! `CLAIMDIFF_EVAL_DUMP=number,date,name,omission,alarm` (or `all`) prints each miss with the
//! sentences, facts and findings involved (and each false alarm) to stderr, to sort them by
//! cause; `CLAIMDIFF_EVAL_STEP=k` evaluates every k-th document only.

#[path = "common/flores.rs"]
mod flores;
use claimdiff::alignment;
use claimdiff::claims::AnalysedDocument;
use claimdiff::discrepancies::{self, Discrepancy, DiscrepancyKind, Severity};
use claimdiff::facts::entities::same_entity;
use claimdiff::facts::{FactKind, FactValue};
use claimdiff::{Document, Mode, Options};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use flores::LANGUAGES;

const KINDS: &[(DiscrepancyKind, &str)] = &[
    (DiscrepancyKind::Number, "number"),
    (DiscrepancyKind::Date, "date"),
    (DiscrepancyKind::Name, "name"),
    (DiscrepancyKind::Attribution, "attribution"),
    (DiscrepancyKind::Omission, "omission"),
    (DiscrepancyKind::Conflict, "conflict"),
];
const PERTURBED: &[&str] = &["number", "date", "name", "omission"];
const TARGETS: &[(&str, f64)] = &[
    ("number", 0.97),
    ("date", 0.95),
    ("name", 0.85),
    ("omission", 0.90),
];
const FALSE_ALARM_TARGET: f64 = 0.03;

fn main() {
    let mut args = std::env::args().skip(1);
    let data = PathBuf::from(args.next().unwrap_or_else(|| "../shared/eval".into()));
    let report_path = args.next().map(PathBuf::from);
    let dir = data.join("flores200");
    if !dir.is_dir() {
        eprintln!(
            "skipped: no evaluation data at {} (it is not part of the project)",
            data.display()
        );
        return;
    }
    let corpus = load(&dir);
    let mut total = Tally::default();
    let mut rows: Vec<(String, Tally)> = Vec::new();
    for a in 0..LANGUAGES.len() {
        for b in a + 1..LANGUAGES.len() {
            let tally = evaluate_pair(&corpus, a, b);
            let name = format!("{}-{}", short(a), short(b));
            total.add(&tally);
            rows.push((name, tally));
        }
    }
    let mut lines = Vec::new();
    for (name, tally) in &rows {
        tally.eval(&format!("flores-perturb/{name}"), &mut lines);
    }
    total.eval("flores-perturb", &mut lines);
    if let Some(path) = report_path {
        std::fs::write(&path, markdown(&total, &rows)).expect("report is writable");
        eprintln!("wrote {}", path.display());
    }
    // Floors at what the whole set reaches now (rounded down), so a
    // regression fails; quick runs (CLAIMDIFF_EVAL_STEP) are not held to them.
    if std::env::var_os("CLAIMDIFF_EVAL_STEP").is_some() {
        return;
    }
    let mut failed = false;
    for &(name, floor) in RECALL_FLOORS {
        let k = PERTURBED.iter().position(|p| *p == name).unwrap_or(0);
        if total.recall(k) < floor {
            eprintln!(
                "evaluate_discrepancies: {name} recall {:.3} is below the floor {floor}",
                total.recall(k)
            );
            failed = true;
        }
    }
    for (k, (_, name)) in KINDS.iter().enumerate() {
        let rate = ratio(total.alarms[k], total.clean);
        if rate > FALSE_ALARM_CEILING {
            eprintln!(
                "evaluate_discrepancies: {name} false alarm rate {rate:.3} is above {FALSE_ALARM_CEILING}"
            );
            failed = true;
        }
    }
    if failed {
        std::process::exit(1);
    }
}

/// Recall each perturbation must keep on the whole set (see `main`).
const RECALL_FLOORS: &[(&str, f64)] = &[
    ("number", 0.955),
    ("date", 0.96),
    ("name", 0.88),
    ("omission", 0.84),
];
/// False alarms any kind may raise on untouched pairs, at most.
const FALSE_ALARM_CEILING: f64 = 0.03;

fn short(l: usize) -> &'static str {
    LANGUAGES[l].0.split('_').next().unwrap_or("")
}

/// Sentences per language and the line ranges of the documents.
struct Corpus {
    sentences: Vec<Vec<String>>,
    documents: Vec<(usize, usize)>,
}

fn load(dir: &Path) -> Corpus {
    let sentences = LANGUAGES
        .iter()
        .map(|(code, _)| {
            std::fs::read_to_string(dir.join(format!("{code}.devtest")))
                .unwrap_or_else(|e| panic!("{code}.devtest: {e}"))
                .lines()
                .map(str::to_string)
                .collect()
        })
        .collect();
    let documents = flores::document_ranges(dir);
    Corpus {
        sentences,
        documents,
    }
}

/// Counts for one language pair (or all): per perturbation found / tried, and
/// untouched pairs with a false alarm per kind.
#[derive(Default, Clone)]
struct Tally {
    found: [usize; 4],
    found_warning: [usize; 4],
    wrong_kind: [usize; 4],
    tried: [usize; 4],
    clean: usize,
    alarms: [usize; 6],
    /// Information-only findings on untouched pairs, per kind.
    infos: [usize; 6],
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        for k in 0..4 {
            self.found[k] += o.found[k];
            self.found_warning[k] += o.found_warning[k];
            self.wrong_kind[k] += o.wrong_kind[k];
            self.tried[k] += o.tried[k];
        }
        for k in 0..6 {
            self.alarms[k] += o.alarms[k];
            self.infos[k] += o.infos[k];
        }
        self.clean += o.clean;
    }

    fn recall(&self, k: usize) -> f64 {
        ratio(self.found[k], self.tried[k])
    }

    fn eval(&self, suite: &str, lines: &mut Vec<String>) {
        let mut out = |metric: String, value: f64| {
            let line = format!("EVAL {suite} {metric} {value:.4}");
            println!("{line}");
            lines.push(line);
        };
        for (k, name) in PERTURBED.iter().enumerate() {
            out(format!("{name}_recall"), self.recall(k));
            out(
                format!("{name}_recall_warning"),
                ratio(self.found_warning[k], self.tried[k]),
            );
            out(format!("{name}_n"), self.tried[k] as f64);
        }
        for (k, (_, name)) in KINDS.iter().enumerate() {
            out(
                format!("{name}_false_alarm_rate"),
                ratio(self.alarms[k], self.clean),
            );
            out(
                format!("{name}_info_per_pair"),
                ratio(self.infos[k], self.clean),
            );
        }
        out("clean_pairs".into(), self.clean as f64);
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// A version of a document: its text with one sentence a line, and the sentence spans.
#[derive(Clone)]
struct Version {
    lines: Vec<String>,
    lang: &'static str,
}

impl Version {
    fn document(&self, id: &str) -> (Document, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut spans = Vec::new();
        for line in &self.lines {
            spans.push((text.len(), text.len() + line.len()));
            text.push_str(line);
            text.push('\n');
        }
        let doc = Document {
            lang: Some(self.lang.to_string()),
            ..Document::new(id, text)
        };
        (doc, spans)
    }

    /// Byte offset of line `l` in the document text.
    fn offset(&self, l: usize) -> usize {
        self.lines[..l].iter().map(|s| s.len() + 1).sum()
    }
}

/// Compares two versions in translation mode; discrepancies with byte offsets.
fn run(x: &Version, y: &Version) -> Vec<Discrepancy> {
    aligned(x, y, |analysed, alignment, options| {
        discrepancies::detect(analysed, alignment, options).discrepancies
    })
}

/// Analyses and aligns two versions in translation mode and hands them to `f`.
fn aligned<R>(
    x: &Version,
    y: &Version,
    f: impl FnOnce(&[AnalysedDocument], &alignment::Alignment, &Options) -> R,
) -> R {
    let (dx, sx) = x.document("x");
    let (dy, sy) = y.document("y");
    let options = Options {
        mode: Mode::Translation,
        ..Options::default()
    };
    let analysed = [
        AnalysedDocument::from_sentences(&dx, &sx, &options),
        AnalysedDocument::from_sentences(&dy, &sy, &options),
    ];
    let alignment = alignment::align(&analysed, Mode::Translation);
    f(&analysed, &alignment, &options)
}

/// Facts of a version, by line, with spans relative to the line.
fn facts(v: &Version) -> Vec<(usize, FactKind, FactValue, usize, usize)> {
    let (doc, spans) = v.document("v");
    let analysed = AnalysedDocument::from_sentences(&doc, &spans, &Options::default());
    let mut out = Vec::new();
    for (l, claim) in analysed.claims.iter().enumerate() {
        for f in &claim.facts {
            out.push((
                l,
                f.kind,
                f.value.clone(),
                f.start - claim.start,
                f.end - claim.start,
            ));
        }
    }
    out
}

/// The perturbed version and the perturbed span (line, start, end in the line).
type Perturbed = (Version, usize, usize, usize);

fn change_number(v: &Version) -> Option<Perturbed> {
    let fs = facts(v);
    let in_date = |l: usize, s: usize| {
        fs.iter()
            .any(|f| f.0 == l && f.1 == FactKind::Date && f.3 <= s && s < f.4)
    };
    for (l, line) in v.lines.iter().enumerate() {
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
                let mut j = i;
                while j < bytes.len() && bytes[j].is_ascii_digit() {
                    j += 1;
                }
                if !in_date(l, i) {
                    let d = bytes[i] - b'0';
                    let new = if d == 9 { 1 } else { d + 1 };
                    let mut out = v.clone();
                    let mut s = line.clone();
                    s.replace_range(i..i + 1, &new.to_string());
                    out.lines[l] = s;
                    return Some((out, l, i, j));
                }
                i = j;
            } else {
                i += 1;
            }
        }
    }
    None
}

fn shift_date(v: &Version) -> Option<Perturbed> {
    for (l, kind, value, s, e) in facts(v) {
        let FactValue::Date(d) = value else { continue };
        if kind != FactKind::Date || d.resolved_from_relative {
            continue;
        }
        let line = &v.lines[l];
        // Digit runs of the span: the day (1–2 digits) or the year (4 digits).
        let runs: Vec<(usize, usize)> = digit_runs(&line[s..e])
            .into_iter()
            .map(|(a, b)| (s + a, s + b))
            .collect();
        let day = runs
            .iter()
            .find(|&&(a, b)| b - a <= 2 && d.day.is_some_and(|x| line[a..b].parse() == Ok(x)));
        let year = runs.iter().find(|&&(a, b)| b - a == 4);
        let (a, b, new) = match (day, year) {
            (Some(&(a, b)), _) => {
                let x: u32 = line[a..b].parse().ok()?;
                (a, b, if x >= 28 { x - 1 } else { x + 1 })
            }
            (None, Some(&(a, b))) => (a, b, line[a..b].parse::<u32>().ok()? + 1),
            _ => continue,
        };
        let new = new.to_string();
        let mut out = v.clone();
        let mut text = line.clone();
        text.replace_range(a..b, &new);
        out.lines[l] = text;
        return Some((out, l, a, a + new.len()));
    }
    None
}

fn digit_runs(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let j = (i..b.len())
                .find(|&j| !b[j].is_ascii_digit())
                .unwrap_or(b.len());
            out.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Names of a version: (line, start, end, key), of at least four letters, no digits.
fn names(v: &Version) -> Vec<(usize, usize, usize, String)> {
    facts(v)
        .into_iter()
        .filter_map(|(l, kind, value, s, e)| match (kind, value) {
            (FactKind::Entity, FactValue::Entity { key }) => {
                let text = &v.lines[l][s..e];
                // Not the first word of the sentence: a capitalised common word
                // ("Można", "These") read as a name there is no name to swap.
                let ok = text.chars().filter(|c| c.is_alphabetic()).count() >= 4
                    && !text.chars().any(|c| c.is_ascii_digit())
                    && v.lines[l][..s].chars().any(char::is_alphanumeric);
                ok.then_some((l, s, e, key))
            }
            _ => None,
        })
        .collect()
}

fn swap_name(v: &Version, donors: &[Version]) -> Option<Perturbed> {
    let own = names(v);
    let &(l, s, e, _) = own.first()?;
    for donor in donors {
        for (dl, ds, de, key) in names(donor) {
            if own.iter().any(|o| same_entity(&o.3, &key)) {
                continue;
            }
            let new = &donor.lines[dl][ds..de];
            let mut out = v.clone();
            let mut text = v.lines[l].clone();
            text.replace_range(s..e, new);
            out.lines[l] = text;
            return Some((out, l, s, s + new.len()));
        }
    }
    None
}

fn delete_sentence(v: &Version) -> Option<(Version, usize)> {
    if v.lines.len() < 2 {
        return None;
    }
    let k = v.lines.len() / 2;
    let mut out = v.clone();
    out.lines.remove(k);
    Some((out, k))
}

/// CLAIMDIFF_EVAL_DUMP=number,alarm,… prints misses of those perturbations
/// (and false alarms) with the sentences involved, to classify their causes.
fn dump(what: &str) -> bool {
    std::env::var("CLAIMDIFF_EVAL_DUMP")
        .is_ok_and(|v| v.split(',').any(|w| w == what || w == "all"))
}

fn severe(d: &Discrepancy) -> bool {
    d.severity >= Severity::Warning
}

fn evaluate_pair(corpus: &Corpus, a: usize, b: usize) -> Tally {
    let mut tally = Tally::default();
    let version = |l: usize, doc: usize| {
        let (s, e) = corpus.documents[doc];
        Version {
            lines: corpus.sentences[l][s..e].to_vec(),
            lang: LANGUAGES[l].1,
        }
    };
    let n = corpus.documents.len();
    // CLAIMDIFF_EVAL_STEP=k evaluates every k-th document only (quick runs).
    let step: usize = std::env::var("CLAIMDIFF_EVAL_STEP")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    for doc in (0..n).step_by(step.max(1)) {
        let (va, vb) = (version(a, doc), version(b, doc));
        tally.clean += 1;
        let found = run(&va, &vb);
        for (k, (kind, _)) in KINDS.iter().enumerate() {
            tally.infos[k] += found
                .iter()
                .filter(|d| d.kind == *kind && !severe(d))
                .count();
            if let Some(d) = found.iter().find(|d| d.kind == *kind && severe(d)) {
                tally.alarms[k] += 1;
                if dump("alarm") {
                    eprintln!(
                        "FA {}-{} doc {doc} {:?}: {}",
                        short(a),
                        short(b),
                        d.kind,
                        d.message
                    );
                }
            }
        }
        // Perturb b for even documents (x = a untouched), a for odd ones.
        let (x, y, perturbed_lang) = if doc % 2 == 0 {
            (va, vb, b)
        } else {
            (vb, va, a)
        };
        let ordered = |x: &Version, y: &Version| run(x, y);
        let donors: Vec<Version> = (1..4)
            .map(|k| version(perturbed_lang, (doc + k * 37) % n))
            .collect();
        let mut clean_xy: Option<Vec<Discrepancy>> = None;
        let spans: [Option<Perturbed>; 3] =
            [change_number(&y), shift_date(&y), swap_name(&y, &donors)];
        for (k, p) in spans.into_iter().enumerate() {
            let Some((py, l, s, e)) = p else { continue };
            let kind = KINDS[[0, 1, 2][k]].0;
            // A changed number that claimdiff reads as part of a date (the
            // other version has the month) is rightly a date discrepancy.
            let right_kind =
                |d: &Discrepancy| d.kind == kind || (k == 0 && d.kind == DiscrepancyKind::Date);
            let (start, end) = (py.offset(l) + s, py.offset(l) + e);
            let (line_start, line_end) = (py.offset(l), py.offset(l) + py.lines[l].len());
            let found = ordered(&x, &py);
            let at = |d: &&Discrepancy| {
                d.evidence
                    .iter()
                    .any(|ev| ev.doc == 1 && ev.start < end && ev.end > start)
            };
            // Or a discrepancy on the perturbed sentence that the untouched
            // pair does not have: "0 or 1" made "1 or 1" is found as "0 vs 1"
            // whichever of the two 1s the evidence points at.
            let untouched = clean_xy.get_or_insert_with(|| ordered(&x, &y));
            let new_on_line = |d: &&Discrepancy| {
                d.evidence
                    .iter()
                    .any(|ev| ev.doc == 1 && ev.start < line_end && ev.end > line_start)
                    && !untouched.iter().any(|u| u.message == d.message)
            };
            tally.tried[k] += 1;
            let right: Vec<&Discrepancy> = found
                .iter()
                .filter(|d| right_kind(d))
                .filter(|d| at(d) || new_on_line(d))
                .collect();
            if dump(PERTURBED[k]) && !right.iter().any(|d| severe(d)) {
                // MISS: not found at all; WEAK: found, but only as information.
                eprintln!(
                    "{} {} {}-{} doc {doc} line {l}: «{}» → «{}»\n  other: «{}»",
                    if right.is_empty() { "MISS" } else { "WEAK" },
                    PERTURBED[k],
                    short(a),
                    short(b),
                    &y.lines[l],
                    &py.lines[l][s..e],
                    x.lines.get(l).map_or("", String::as_str)
                );
                for d in &found {
                    eprintln!("  found {:?} {:?}: {}", d.kind, d.severity, d.message);
                }
                for (who, v) in [("x", &x), ("y", &py)] {
                    for f in facts(v).iter().filter(|f| f.0 == l) {
                        eprintln!(
                            "  fact {who} {:?} «{}» {:?}",
                            f.1,
                            &v.lines[l][f.3..f.4],
                            f.2
                        );
                    }
                }
            }
            if !right.is_empty() {
                tally.found[k] += 1;
                if right.iter().any(|d| severe(d)) {
                    tally.found_warning[k] += 1;
                }
            } else if found.iter().any(|d| at(&d)) {
                tally.wrong_kind[k] += 1;
            }
        }
        if let Some((py, deleted)) = delete_sentence(&y) {
            let found = ordered(&x, &py);
            tally.tried[3] += 1;
            let right: Vec<&Discrepancy> = found
                .iter()
                .filter(|d| {
                    d.kind == DiscrepancyKind::Omission
                        && d.evidence
                            .iter()
                            .any(|ev| ev.doc == 0 && ev.claim == deleted)
                })
                .collect();
            if dump("omission") && !right.iter().any(|d| severe(d)) {
                eprintln!(
                    "MISS omission {}-{} doc {doc} line {deleted}/{}: «{}»\n  before: «{}»\n  after: «{}»",
                    short(a),
                    short(b),
                    y.lines.len(),
                    &y.lines[deleted],
                    &x.lines[deleted - 1],
                    x.lines.get(deleted + 1).map_or("", String::as_str)
                );
                for d in &found {
                    eprintln!("  found {:?} {:?}: {}", d.kind, d.severity, d.message);
                }
                aligned(&x, &py, |_, alignment, _| {
                    for link in &alignment.links {
                        if link.claims_a.contains(&deleted) {
                            eprintln!(
                                "  link {:?} {:?} {:.2}",
                                link.claims_a, link.claims_b, link.score
                            );
                        }
                    }
                });
            }
            if !right.is_empty() {
                tally.found[3] += 1;
                if right.iter().any(|d| severe(d)) {
                    tally.found_warning[3] += 1;
                }
            }
        }
    }
    tally
}

fn markdown(total: &Tally, rows: &[(String, Tally)]) -> String {
    let mut out = String::from(
        "# How accurate: discrepancies\n\nGenerated by `cargo run --release --example evaluate_discrepancies -- ../shared/eval reports/discrepancies.md`.\n\n",
    );
    let _ = writeln!(
        out,
        "FLORES-200 devtest, {} documents (lines grouped by URL), every pair of {} languages ({}), translation mode. One version of each pair is perturbed once per kind (see the command's header for how); a perturbation is found when a discrepancy of the right kind points at the perturbed span, or at the perturbed sentence with a message the untouched pair does not have (a changed number may be found as a date). False alarms: untouched pairs with at least one discrepancy of error or warning severity, per kind.\n",
        total.clean / rows.len().max(1),
        LANGUAGES.len(),
        LANGUAGES.iter().map(|l| l.0).collect::<Vec<_>>().join(", ")
    );
    let _ = writeln!(
        out,
        "## All pairs\n\n| perturbation | tried | recall (any severity) | recall (warning or error) | reported as another kind | target |\n|---|---|---|---|---|---|"
    );
    for (k, name) in PERTURBED.iter().enumerate() {
        let target = TARGETS.iter().find(|t| t.0 == *name).map_or(0.0, |t| t.1);
        let _ = writeln!(
            out,
            "| {name} | {} | {:.3} | {:.3} | {:.3} | ≥ {target:.2} |",
            total.tried[k],
            total.recall(k),
            ratio(total.found_warning[k], total.tried[k]),
            ratio(total.wrong_kind[k], total.tried[k]),
        );
    }
    let _ = writeln!(
        out,
        "\n| kind | untouched pairs with a false alarm | rate | target | information-only findings per untouched pair |\n|---|---|---|---|---|"
    );
    for (k, (_, name)) in KINDS.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {name} | {} of {} | {:.3} | ≤ {FALSE_ALARM_TARGET:.2} | {:.2} |",
            total.alarms[k],
            total.clean,
            ratio(total.alarms[k], total.clean),
            ratio(total.infos[k], total.clean)
        );
    }
    let _ = writeln!(
        out,
        "\n## Per language pair\n\nRecall (any severity) per perturbation; false-alarm rate per kind on untouched pairs.\n\n| pair | number | date | name | omission | FA number | FA date | FA name | FA attribution | FA omission | FA conflict |\n|---|---|---|---|---|---|---|---|---|---|---|"
    );
    for (name, t) in rows {
        let _ = write!(out, "| {name} |");
        for k in 0..4 {
            let _ = write!(out, " {:.3} |", t.recall(k));
        }
        for k in 0..6 {
            let _ = write!(out, " {:.3} |", ratio(t.alarms[k], t.clean));
        }
        out.push('\n');
    }
    out
}
