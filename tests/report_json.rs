//! The hand-written report JSON (what the wasm binding hands to JSON.parse)
//! says exactly what the serde serialization says: same keys, same strings,
//! the same doubles bit for bit.

use claimdiff::{compare, Document, Mode, Options, Report};
use serde_json::Value;

mod common;
use common::examples;

/// Structural equality, numbers compared as doubles, bit for bit.
fn same(a: &Value, b: &Value, path: &str) {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert_eq!(x.to_bits(), y.to_bits(), "{path}: {x} vs {y}");
        }
        (Value::Object(x), Value::Object(y)) => {
            let keys = |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(x), keys(y), "{path}: keys");
            for (k, v) in x {
                same(v, &y[k], &format!("{path}.{k}"));
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{path}: length");
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                same(v, w, &format!("{path}[{i}]"));
            }
        }
        _ => assert_eq!(a, b, "{path}"),
    }
}

fn check(report: &Report) {
    let parsed: Value = serde_json::from_str(&report.to_json()).expect("the report JSON parses");
    let serde = serde_json::to_value(report).expect("report serializes");
    same(&parsed, &serde, "report");
}

#[test]
fn examples_in_every_mode() {
    for mode in [Mode::Auto, Mode::Translation, Mode::News] {
        let options = Options {
            mode,
            ..Options::default()
        };
        check(&compare(&examples(), &options).expect("examples compare"));
    }
}

#[test]
fn odd_text_and_numbers() {
    let docs = [
        Document::new(
            "a\"\\\n",
            "Sent \"3\" tanks\t\u{1} and 1,6 mln; about 0.000123 of 2.5e3 and 12345678901234567890123 people. \
             Трое суток, 1.5 часа. Ponad 10–15 osób, półtora roku, wczoraj.",
        ),
        Document::new(
            "b",
            "Sent 4 tanks and 1,8 milijona; about 0.000124 of 2500 and 1 people. \u{2028}Said \"Putin\".",
        ),
    ];
    let report = compare(&docs, &Options::default()).expect("compare");
    check(&report);
}

#[test]
fn long_fractions_stay_numbers() {
    // 400 fraction digits once overflowed to ∞ / ∞ = NaN, which JSON cannot carry.
    let text = format!("Wysłano 1.{} czołgów i 4 działa.", "9".repeat(400));
    let docs = [
        Document::new("a", text),
        Document::new("b", "Wysłano 3 czołgi i 4 działa."),
    ];
    let report = compare(&docs, &Options::default()).expect("compare");
    assert!(!report.to_json().contains("null"), "no NaN in the report");
    check(&report);
}

#[test]
fn json_in_pieces_is_the_same_text() {
    // Large enough for several 64 KB pieces.
    let docs: Vec<Document> = examples()
        .into_iter()
        .map(|d| Document::new(d.id.clone(), d.text.repeat(8)))
        .collect();
    let report = compare(&docs, &Options::default()).expect("compare");
    let mut pieces = Vec::new();
    report.write_json(&mut |piece| pieces.push(piece.to_string()));
    assert!(pieces.len() > 2, "{} pieces", pieces.len());
    assert_eq!(pieces.concat(), report.to_json());
}
