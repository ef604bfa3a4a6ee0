//! Compares text files natively and prints the report as JSON:
//! `cargo run --example compare_files -- [--mode news] a.txt b.txt`.

use claimdiff::{compare, Document, Mode, Options};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut options = Options::default();
    if args.first().map(String::as_str) == Some("--mode") && args.len() > 1 {
        options.mode = Mode::parse(&args[1]).expect("mode is auto, translation or news");
        args.drain(..2);
    }
    let paths = args;
    let docs: Vec<Document> = paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let id = std::path::Path::new(path)
                .file_stem()
                .map_or(path.clone(), |s| s.to_string_lossy().into());
            Document::new(id, text)
        })
        .collect();
    match compare(&docs, &options) {
        Ok(report) => println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("report serializes")
        ),
        Err(e) => {
            eprintln!("claimdiff: {e}");
            std::process::exit(2);
        }
    }
}
