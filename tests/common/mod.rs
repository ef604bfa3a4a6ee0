//! Shared by the integration tests and the fuzz target
//! (fuzz/fuzz_targets/compare.rs includes this file): the bundled example
//! articles, how fuzz bytes become documents and options, and the checks
//! every report must pass.
#![allow(dead_code)]

use claimdiff::{Document, Mode, Options, Report, Severity};

/// The bundled example articles (www/examples/articles), dated 2024-06-19.
pub fn examples() -> Vec<Document> {
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

/// Separates documents in a fuzz input; 0xFF never occurs in UTF-8.
pub const SEPARATOR: u8 = 0xFF;

const LANGS: [&str; 8] = ["pl", "sr-Cyrl", "sl", "en", "ru", "", "und", "xx-Yy"];

/// Fuzz bytes → documents and options. The first three bytes pick the
/// options (mode, minimum severity, tolerance, languages, dates, limits);
/// the rest is split at 0xFF into document texts, each read as UTF-8 with
/// invalid bytes replaced by U+FFFD (what lone surrogates from JS become).
pub fn decode(data: &[u8]) -> (Vec<Document>, Options) {
    let head = |i: usize| data.get(i).copied().unwrap_or(0);
    let (a, b, c) = (head(0), head(1), head(2));
    let options = Options {
        mode: [Mode::Auto, Mode::Translation, Mode::News][usize::from(a % 3)],
        min_severity: [Severity::Info, Severity::Warning, Severity::Error][usize::from(a / 3 % 3)],
        numeric_tolerance: f64::from(b % 64) / 128.0,
        lang: (a & 0x80 != 0).then(|| LANGS[usize::from(b >> 5)].to_string()),
        max_documents: if c & 0x40 != 0 { 3 } else { 64 },
        max_document_bytes: if c & 0x20 != 0 { 200 } else { 4 << 20 },
        ..Options::default()
    };
    let body = data.get(3..).unwrap_or(&[]);
    let documents = body
        .split(|&byte| byte == SEPARATOR)
        .enumerate()
        .map(|(i, text)| Document {
            id: format!("d{i}"),
            text: String::from_utf8_lossy(text).into_owned(),
            lang: (c & 1 != 0).then(|| LANGS[(i + usize::from(c >> 1)) % LANGS.len()].to_string()),
            date: (c & 0x10 != 0 && i % 2 == 0).then(|| "2024-06-19".to_string()),
        })
        .collect();
    (documents, options)
}

/// The promises of the report: every span lies inside its document, on
/// character boundaries, and slices back (in UTF-16 units, as JS slices) to
/// the text the report gives; links, groups and evidence name real claims.
pub fn check_report(documents: &[Document], report: &Report) {
    assert_eq!(report.documents.len(), documents.len());
    let units: Vec<Vec<u16>> = documents
        .iter()
        .map(|d| d.text.encode_utf16().collect())
        .collect();
    let by_id = |id: &str| {
        documents
            .iter()
            .position(|d| d.id == id)
            .unwrap_or_else(|| panic!("unknown document id {id:?} in the report"))
    };
    let check = |doc: usize, start: usize, end: usize, text: &str, what: &str| {
        let u = &units[doc];
        assert!(
            start <= end && end <= u.len(),
            "{what}: [{start}, {end}) outside 0..{}",
            u.len()
        );
        let low_surrogate = |at: usize| at < u.len() && (0xDC00..0xE000).contains(&u[at]);
        assert!(
            !low_surrogate(start) && !low_surrogate(end),
            "{what}: [{start}, {end}) splits a character"
        );
        let sliced = String::from_utf16(&u[start..end]).expect("whole characters");
        assert_eq!(sliced, text, "{what}: [{start}, {end}) does not slice back");
    };
    for (d, doc) in report.documents.iter().enumerate() {
        assert_eq!(doc.id, documents[d].id);
        for (k, claim) in doc.claims.iter().enumerate() {
            assert_eq!(claim.index, k);
            check(d, claim.start, claim.end, &claim.text, "claim");
            for fact in &claim.facts {
                check(d, fact.start, fact.end, &fact.text, "fact");
                assert!(
                    fact.start >= claim.start && fact.end <= claim.end,
                    "fact outside its claim"
                );
            }
        }
    }
    let claims = |d: usize| report.documents[d].claims.len();
    for link in &report.alignment.links {
        for side in [&link.a, &link.b] {
            let d = by_id(&side.doc);
            assert!(
                side.claims.iter().all(|&c| c < claims(d)),
                "link to a missing claim"
            );
        }
        assert!(
            (0.0..=1.0).contains(&link.score),
            "link score {}",
            link.score
        );
    }
    for group in &report.alignment.groups {
        for (id, members) in &group.claims {
            let d = by_id(id);
            assert!(
                members.iter().all(|&c| c < claims(d)),
                "group with a missing claim"
            );
        }
    }
    for found in &report.discrepancies {
        assert!((0.0..=1.0).contains(&found.confidence));
        for e in &found.evidence {
            let d = by_id(&e.doc);
            assert!(e.claim < claims(d), "evidence in a missing claim");
            check(d, e.start, e.end, &e.text, "evidence");
        }
    }
}
