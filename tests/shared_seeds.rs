//! Runs the real articles of ../shared/seeds (not part of the project) when
//! they are there; skips with a message otherwise.

use claimdiff::{compare, DiscrepancyKind, Document, Mode, Options, Severity};
use std::path::Path;

#[test]
fn real_articles_compare_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "skipped: {} is absent (it is not part of the project)",
            dir.display()
        );
        return;
    };
    let mut docs: Vec<Document> = entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).expect("seed is UTF-8");
            Document::new(e.file_name().to_string_lossy(), text)
        })
        .collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    assert!(docs.len() >= 2, "seeds hold at least two articles");
    let report = compare(&docs, &Options::default()).expect("seeds compare");
    check_offsets(&docs, &report);
    // Read as an editor would: in news mode every warning or error is a real
    // difference, and the only one in these articles is the C4ADS figure against
    // South Korean intelligence's "three times higher".
    let news = Options {
        mode: Mode::News,
        min_severity: Severity::Warning,
        ..Options::default()
    };
    let report = compare(&docs, &news).expect("seeds compare in news mode");
    for d in &report.discrepancies {
        eprintln!("{:?} {:?}: {}", d.severity, d.kind, d.message);
    }
    assert!(report
        .discrepancies
        .iter()
        .any(|d| d.kind == DiscrepancyKind::Conflict && d.message.contains("4.8 million")));
    assert!(report
        .discrepancies
        .iter()
        .all(|d| d.kind == DiscrepancyKind::Conflict));
}

fn check_offsets(docs: &[Document], report: &claimdiff::Report) {
    for (doc, reported) in docs.iter().zip(&report.documents) {
        assert!(!reported.claims.is_empty(), "{} has claims", doc.id);
        let units: Vec<u16> = doc.text.encode_utf16().collect();
        for claim in &reported.claims {
            assert_eq!(
                String::from_utf16(&units[claim.start..claim.end]).unwrap(),
                claim.text
            );
        }
    }
}
