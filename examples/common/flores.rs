//! FLORES-200 documents, shared by the evaluation commands.

use std::path::Path;

/// The ten languages the evaluations pair up: FLORES file code, language tag.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("pol_Latn", "pl"),
    ("srp_Cyrl", "sr-Cyrl"),
    ("slv_Latn", "sl"),
    ("hrv_Latn", "hr"),
    ("ces_Latn", "cs"),
    ("rus_Cyrl", "ru"),
    ("ukr_Cyrl", "uk"),
    ("bul_Cyrl", "bg"),
    ("eng_Latn", "en"),
    ("deu_Latn", "de"),
];

/// Line ranges of the documents in `metadata_devtest.tsv`: consecutive
/// lines with one source URL form one document.
pub fn document_ranges(dir: &Path) -> Vec<(usize, usize)> {
    let meta = std::fs::read_to_string(dir.join("metadata_devtest.tsv"))
        .unwrap_or_else(|e| panic!("{}: {e}", dir.join("metadata_devtest.tsv").display()));
    let urls: Vec<&str> = meta
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect();
    let mut documents = Vec::new();
    let mut start = 0;
    for i in 1..=urls.len() {
        if i == urls.len() || urls[i] != urls[start] {
            documents.push((start, i));
            start = i;
        }
    }
    documents
}
