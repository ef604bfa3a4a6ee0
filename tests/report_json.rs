//! The hand-written report JSON (what the wasm binding hands to JSON.parse)
//! says exactly what the serde serialization says: same keys, same strings,
//! the same doubles bit for bit.

use claimdiff::{compare, Document, Mode, Options, Report};
use serde_json::Value;

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
    let written = report.to_json_parts();
    let parsed: Value = serde_json::from_str(&written.text).expect("the report JSON parses");
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
fn a_nan_becomes_null_with_its_path() {
    // 400 fraction digits: the digits overflow to infinity, infinity / infinity is NaN.
    let text = format!("Wysłano 1.{} czołgów.", "9".repeat(400));
    let docs = [
        Document::new("a", text),
        Document::new("b", "Wysłano 3 czołgi."),
    ];
    let report = compare(&docs, &Options::default()).expect("compare");
    let written = report.to_json_parts();
    assert!(!written.nan_paths.is_empty(), "the text gives a NaN");
    for path in &written.nan_paths {
        let mut value: Value = serde_json::from_str(&written.text).expect("parses");
        for step in path {
            value = match step {
                claimdiff::report::json::PathStep::Key(k) => value[*k].clone(),
                claimdiff::report::json::PathStep::Index(i) => value[*i].clone(),
            };
        }
        assert_eq!(value, Value::Null);
    }
    check(&report);
}
