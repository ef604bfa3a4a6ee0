//! What callers give `compare`: documents, options, and the errors bad input gets.

use serde::Serialize;
use std::fmt;

/// One version of the story.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Unique id, used in the report.
    pub id: String,
    /// The text itself.
    pub text: String,
    /// Language tag ("pl", "sr-Cyrl", …); detected from the text when `None`.
    pub lang: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
}

impl Document {
    /// A document with no language or date given.
    ///
    /// ```
    /// let doc = claimdiff::Document::new("a", "Tekst.");
    /// assert_eq!(doc.lang, None);
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            lang: None,
            date: None,
        }
    }
}

/// How documents relate, which decides how claims are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Decide from the documents.
    #[default]
    Auto,
    /// Translations of each other: claims in the same order.
    Translation,
    /// Independent reports: reordered, with claims missing on either side.
    News,
}

impl Mode {
    /// Parses `"auto"`, `"translation"` or `"news"`.
    ///
    /// ```
    /// assert_eq!(claimdiff::Mode::parse("news"), Some(claimdiff::Mode::News));
    /// assert_eq!(claimdiff::Mode::parse("fast"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Mode> {
        match name {
            "auto" => Some(Mode::Auto),
            "translation" => Some(Mode::Translation),
            "news" => Some(Mode::News),
            _ => None,
        }
    }
}

/// Options of `compare`; `Options::default()` suits most uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub mode: Mode,
    /// Discrepancies below this severity are left out of the report.
    pub min_severity: crate::Severity,
    /// Relative tolerance for numbers: 0.01 accepts 1 % apart.
    pub numeric_tolerance: f64,
    /// Fingerprints of discrepancies the user has suppressed.
    pub suppress: Vec<String>,
    /// Language for documents that carry none (otherwise detected).
    pub lang: Option<String>,
    pub max_documents: usize,
    pub max_document_bytes: usize,
    pub max_total_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            mode: Mode::Auto,
            min_severity: crate::Severity::Info,
            numeric_tolerance: 0.0,
            suppress: Vec::new(),
            lang: None,
            // Defaults sized so a browser tab stays responsive.
            max_documents: 64,
            max_document_bytes: 4 << 20,
            max_total_bytes: 16 << 20,
        }
    }
}

/// What kind of bad input an [`Error`] reports; JS sees it as `error.code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    InvalidInput,
    InvalidOption,
    TooFewDocuments,
    LimitExceeded,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::InvalidOption => "invalid_option",
            ErrorCode::TooFewDocuments => "too_few_documents",
            ErrorCode::LimitExceeded => "limit_exceeded",
        }
    }
}

/// Bad input, with a message meant for the person who gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
}

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for Error {}

/// Checks what the types cannot: counts, limits, unique ids, date format.
pub(crate) fn validate(documents: &[Document], options: &Options) -> Result<(), Error> {
    use ErrorCode::*;
    if documents.len() < 2 {
        return Err(Error::new(
            TooFewDocuments,
            format!(
                "compare needs at least two documents, got {}",
                documents.len()
            ),
        ));
    }
    if documents.len() > options.max_documents {
        return Err(Error::new(
            LimitExceeded,
            format!(
                "{} documents exceed the limit of {} (option maxDocuments)",
                documents.len(),
                options.max_documents
            ),
        ));
    }
    let mut total = 0usize;
    for (i, doc) in documents.iter().enumerate() {
        if doc.id.trim().is_empty() {
            return Err(Error::new(
                InvalidInput,
                format!("documents[{i}].id is empty"),
            ));
        }
        if documents[..i].iter().any(|other| other.id == doc.id) {
            return Err(Error::new(
                InvalidInput,
                format!("documents[{i}].id \"{}\" is used twice", doc.id),
            ));
        }
        if doc.text.len() > options.max_document_bytes {
            return Err(Error::new(
                LimitExceeded,
                format!(
                    "document \"{}\" has {} bytes, over the limit of {} (option maxDocumentBytes)",
                    doc.id,
                    doc.text.len(),
                    options.max_document_bytes
                ),
            ));
        }
        if let Some(date) = &doc.date {
            if !is_iso_date(date) {
                return Err(Error::new(
                    InvalidInput,
                    format!("documents[{i}].date \"{date}\" is not a date of the form YYYY-MM-DD"),
                ));
            }
        }
        total += doc.text.len();
    }
    if total > options.max_total_bytes {
        return Err(Error::new(
            LimitExceeded,
            format!(
                "the documents have {total} bytes in all, over the limit of {} (option maxTotalBytes)",
                options.max_total_bytes
            ),
        ));
    }
    if !(options.numeric_tolerance.is_finite() && (0.0..1.0).contains(&options.numeric_tolerance)) {
        return Err(Error::new(
            InvalidOption,
            format!(
                "numericTolerance must be a number from 0 to below 1, got {}",
                match options.numeric_tolerance {
                    t if t.is_nan() => "NaN".to_string(),
                    t if t.is_infinite() => format!("{}Infinity", if t < 0.0 { "-" } else { "" }),
                    t => crate::discrepancies::numbers::format_value(t, false),
                }
            ),
        ));
    }
    Ok(())
}

fn is_iso_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let all_digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y, 4) && all_digits(m, 2) && all_digits(d, 2)) {
        return false;
    }
    let (m, d): (u32, u32) = (m.parse().unwrap_or(0), d.parse().unwrap_or(0));
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two() -> Vec<Document> {
        vec![Document::new("a", "One."), Document::new("b", "Two.")]
    }

    #[test]
    fn rejects_one_document() {
        let err = validate(&two()[..1], &Options::default()).unwrap_err();
        assert_eq!(err.code, ErrorCode::TooFewDocuments);
    }

    #[test]
    fn rejects_duplicate_ids_and_bad_dates() {
        let mut docs = two();
        docs[1].id = "a".into();
        assert_eq!(
            validate(&docs, &Options::default()).unwrap_err().code,
            ErrorCode::InvalidInput
        );
        let mut docs = two();
        docs[0].date = Some("19.06.2024".into());
        assert!(validate(&docs, &Options::default())
            .unwrap_err()
            .message
            .contains("YYYY-MM-DD"));
    }

    #[test]
    fn enforces_limits() {
        let options = Options {
            max_document_bytes: 3,
            ..Options::default()
        };
        assert_eq!(
            validate(&two(), &options).unwrap_err().code,
            ErrorCode::LimitExceeded
        );
    }
}
