//! Every offset in the report is a UTF-16 offset into the original text, and
//! slicing the text there gives back the reported span, as JS would.

use claimdiff::{compare, Document, Options, Report};

/// `text.slice(start, end)` in JS terms.
fn js_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("span lies on character boundaries")
}

fn assert_spans_slice_back(docs: &[Document], report: &Report) {
    for (doc, reported) in docs.iter().zip(&report.documents) {
        for claim in &reported.claims {
            assert_eq!(js_slice(&doc.text, claim.start, claim.end), claim.text);
            for fact in &claim.facts {
                assert_eq!(js_slice(&doc.text, fact.start, fact.end), fact.text);
            }
        }
    }
    for discrepancy in &report.discrepancies {
        for evidence in &discrepancy.evidence {
            let doc = docs
                .iter()
                .find(|d| d.id == evidence.doc)
                .expect("evidence names a document");
            assert_eq!(
                js_slice(&doc.text, evidence.start, evidence.end),
                evidence.text
            );
        }
    }
}

#[test]
fn offsets_are_utf16_on_mixed_scripts_and_emoji() {
    let docs = vec![
        Document::new(
            "pl",
            "Ambasador Putin 👩‍🚀 powiedział w Pjongjangu, że Korea dostała 1,6 mln pocisków. Żółć 🚀 i 24 lata później.",
        ),
        Document::new(
            "sr",
            "Амбасадор Путин 👩‍🚀 је рекао у Пјонгјангу да је Кореја добила 1,8 милиона граната. Жуч 🚀 и 24 године касније.",
        ),
    ];
    let report = compare(&docs, &Options::default()).unwrap();
    assert_spans_slice_back(&docs, &report);
    let number = report
        .discrepancies
        .iter()
        .find(|d| d.kind == claimdiff::DiscrepancyKind::Number)
        .expect("1,6 mln against 1,8 милиона is found");
    let texts: Vec<&str> = number.evidence.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["1,6 mln", "1,8 милиона"]);
    // The emoji before the number takes 5 UTF-16 units, not 11 bytes or 3 chars.
    let fact = report.documents[0].claims[0]
        .facts
        .iter()
        .find(|f| f.kind == "number")
        .expect("the number is a fact");
    let expected = docs[0].text[..docs[0].text.find("1,6").unwrap()]
        .encode_utf16()
        .count();
    assert_eq!(fact.start, expected);
}

#[test]
fn strange_text_never_panics_and_spans_stay_valid() {
    let samples = [
        "",
        "   \n\t ",
        "\u{0}\u{0}1,6\u{0}",
        "\u{FFFD}\u{FFFD} 12 345,6 % 7.",
        "١٢٣ مرحبا. שלום 5!",
        "1.2.3.4.5. ....... ,,,, 9 9 9 9 9 9",
        "\u{202E}RTL override 3 mln\u{202C} and emoji 🏳️‍🌈 5 tys.",
        "<img src=x onerror=alert(1)> 2 <script>3</script>",
    ];
    for a in samples {
        for b in samples {
            let docs = vec![Document::new("a", a), Document::new("b", b)];
            let report = compare(&docs, &Options::default()).unwrap();
            assert_spans_slice_back(&docs, &report);
        }
    }
}

#[test]
fn a_long_single_sentence_is_handled() {
    let long = "słowo 12 ".repeat(20_000);
    let docs = vec![Document::new("a", long.clone()), Document::new("b", long)];
    let report = compare(&docs, &Options::default()).unwrap();
    assert_eq!(report.documents[0].claims.len(), 1);
    assert!(report.discrepancies.is_empty());
}

#[test]
fn overlapping_numerals_do_not_panic() {
    // Digits with a scale word and number words reading the same text.
    let text = "Wydano 1501001892  miliard pięćset dwa miliony i 3 tysiące.";
    let docs = vec![Document::new("a", text), Document::new("b", text)];
    let report = compare(&docs, &Options::default()).unwrap();
    assert_spans_slice_back(&docs, &report);
}
