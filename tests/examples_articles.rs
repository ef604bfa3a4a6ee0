//! The bundled example articles carry planted discrepancies
//! (www/examples/articles/README.md); the pipeline must find them.

use claimdiff::{compare, DiscrepancyKind, Document, Mode, Options, Report};

fn examples() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples/articles");
    [("pl", "pl"), ("sr", "sr-Cyrl"), ("sl", "sl"), ("en", "en")]
        .iter()
        .map(|(id, lang)| {
            let text = std::fs::read_to_string(format!("{dir}/{id}.txt")).expect("example article");
            Document {
                lang: Some(lang.to_string()),
                date: Some("2024-06-19".into()),
                ..Document::new(*id, text)
            }
        })
        .collect()
}

fn run() -> Report {
    compare(&examples(), &Options::default()).expect("examples compare")
}

#[test]
fn auto_mode_sees_translations() {
    assert_eq!(run().alignment.mode, Mode::Translation);
}

#[test]
fn finds_the_slovenian_figure() {
    let report = run();
    let found = report
        .discrepancies
        .iter()
        .find(|d| d.kind == DiscrepancyKind::Number && d.message.contains("1.8 million"))
        .expect("1,8 milijona against 1,6 mln is reported");
    assert!(found
        .message
        .starts_with("Different numbers: 1.8 million in sl vs 1.6 million in"));
    let docs: Vec<&str> = found.evidence.iter().map(|e| e.doc.as_str()).collect();
    assert!(docs.contains(&"sl") && docs.contains(&"pl"));
}

#[test]
fn finds_the_serbian_date_number() {
    let report = run();
    assert!(report
        .discrepancies
        .iter()
        .any(|d| d.kind == DiscrepancyKind::Number && d.message.contains("18 in sr")));
}

#[test]
fn finds_the_sentence_english_leaves_out() {
    let report = run();
    let omission = report
        .discrepancies
        .iter()
        .find(|d| d.kind == DiscrepancyKind::Omission && d.message.contains("lutym 2024"))
        .expect("the February car sentence is missing in English");
    assert!(omission.message.contains("missing in en"));
}

#[test]
fn fingerprints_survive_unrelated_edits_and_suppress() {
    let first = run();
    let mut edited = examples();
    edited[0].text = format!("Nowy lead artykułu bez liczb.\n\n{}", edited[0].text);
    let second = compare(&edited, &Options::default()).unwrap();
    let number = |r: &Report| {
        r.discrepancies
            .iter()
            .find(|d| d.message.contains("1.8 million"))
            .map(|d| d.fingerprint.clone())
            .unwrap()
    };
    assert_eq!(number(&first), number(&second));
    let options = Options {
        suppress: vec![number(&first)],
        ..Options::default()
    };
    let third = compare(&examples(), &options).unwrap();
    assert_eq!(third.suppressed, 1);
    assert!(third
        .discrepancies
        .iter()
        .all(|d| !d.message.contains("1.8 million")));
}

#[test]
fn document_order_does_not_change_the_findings() {
    let mut reversed = examples();
    reversed.reverse();
    let messages = |r: Report| {
        let mut fps: Vec<String> = r.discrepancies.into_iter().map(|d| d.fingerprint).collect();
        fps.sort();
        fps
    };
    assert_eq!(
        messages(run()),
        messages(compare(&reversed, &Options::default()).unwrap())
    );
}
