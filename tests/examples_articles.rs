//! The bundled example articles carry planted discrepancies
//! (www/examples/articles/README.md); the pipeline must find them.

use claimdiff::{compare, DiscrepancyKind, Mode, Options, Report, Severity};

mod common;
use common::examples;

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
fn finds_the_serbian_date() {
    let report = run();
    let date = report
        .discrepancies
        .iter()
        .find(|d| d.kind == DiscrepancyKind::Date)
        .expect("18 June against 19 June is a date discrepancy");
    assert_eq!(
        date.message,
        "Different dates: 2024-06-18 in sr vs 2024-06-19 in pl, sl, en (1 day apart)"
    );
}

#[test]
fn finds_the_serbian_car_name() {
    let report = run();
    let name = report
        .discrepancies
        .iter()
        .find(|d| d.kind == DiscrepancyKind::Name && d.message.contains("Урус"))
        .expect("Урус against Aurus is a name discrepancy");
    assert!(name.message.contains("Урус in sr vs Aurus in pl, sl, en"));
    assert_eq!(name.severity, Severity::Error);
    let sr = name.evidence.iter().find(|e| e.doc == "sr").unwrap();
    assert_eq!(sr.text, "Урус");
}

#[test]
fn finds_the_quotation_slovenian_gives_putin() {
    let report = run();
    let found = report
        .discrepancies
        .iter()
        .find(|d| d.kind == DiscrepancyKind::Attribution)
        .expect("the quotation is attributed to Putin in sl");
    assert_eq!(
        found.message,
        "Quotation attributed differently: Putin in sl vs Kim in pl, sr, en"
    );
}

#[test]
fn finds_the_three_times_higher_conflict_everywhere() {
    let report = run();
    let conflict = report
        .discrepancies
        .iter()
        .find(|d| d.kind == DiscrepancyKind::Conflict)
        .expect("C4ADS against three times higher");
    assert!(conflict.message.contains(
        "3 × 1.6 million = 4.8 million (Wywiad Korei Południowej) vs 1.6 million (C4ADS)"
    ));
    assert!(conflict.message.contains("3 × 1.8 million = 5.4 million"));
    for id in ["pl", "sr", "sl", "en"] {
        assert_eq!(conflict.evidence.iter().filter(|e| e.doc == id).count(), 2);
    }
}

#[test]
fn no_false_alarms_of_warning_or_error() {
    // Exactly the planted findings carry warning or error severity.
    let report = run();
    let mut severe: Vec<DiscrepancyKind> = report
        .discrepancies
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| d.kind)
        .collect();
    severe.sort_by_key(|k| format!("{k:?}"));
    use DiscrepancyKind::*;
    assert_eq!(
        severe,
        [Attribution, Conflict, Date, Name, Number, Omission],
        "{:#?}",
        report.discrepancies
    );
}

#[test]
fn options_min_severity_and_news_mode() {
    let options = Options {
        min_severity: Severity::Error,
        ..Options::default()
    };
    let report = compare(&examples(), &options).unwrap();
    assert!(report
        .discrepancies
        .iter()
        .all(|d| d.severity == Severity::Error));
    assert!(report.suppressed > 0);
    let news = Options {
        mode: Mode::News,
        ..Options::default()
    };
    let report = compare(&examples(), &news).unwrap();
    assert!(report
        .discrepancies
        .iter()
        .all(|d| d.severity != Severity::Error));
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
            .find(|d| d.kind == DiscrepancyKind::Number && d.message.contains("1.8 million"))
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
        .all(|d| d.kind != DiscrepancyKind::Number));
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
