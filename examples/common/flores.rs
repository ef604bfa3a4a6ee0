//! FLORES-200 documents, shared by the evaluation commands.

use std::path::Path;

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
