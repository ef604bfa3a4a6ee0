//! The report as JSON text, written by hand: the wasm binding hands this
//! string to `JSON.parse`, which is smaller in wasm than serde's generic
//! serializers and faster than building the objects one property at a time.
//! Keys come in the order of the report's fields, so the parsed objects have
//! the same shape, key order and values as the serde serialization.
//!
//! Every `f64` is written so that `JSON.parse` gives back exactly the same
//! double, without the float formatter (kilobytes of wasm): integers as
//! digits, short decimals as digits with a point, anything else as its exact
//! decimal expansion. JSON has no NaN: no fact holds one (the extractors
//! give finite or infinite values), and one would be written as `null`.

use super::{
    ClaimReport, DiscrepancyReport, DocumentReport, FactReport, FactValueReport, LinkSide, Report,
};
use crate::discrepancies::{DiscrepancyKind, Severity};
use crate::Mode;

impl Report {
    /// The report as JSON, with the keys and values of its serde serialization.
    ///
    /// ```
    /// let docs = [claimdiff::Document::new("a", "Ala ma 3 koty."), claimdiff::Document::new("b", "Ala ma 4 koty.")];
    /// let report = claimdiff::compare(&docs, &Default::default()).unwrap();
    /// assert!(report.to_json().starts_with("{\"schemaVersion\":1,"));
    /// ```
    pub fn to_json(&self) -> String {
        let mut w = Writer::default();
        self.write(&mut w);
        w.out
    }

    /// The report as JSON handed to `sink` in pieces of about 64 KB, so that a
    /// large report is never held twice (as data and as text) in wasm memory.
    ///
    /// ```
    /// let docs = [claimdiff::Document::new("a", "Ala ma 3 koty."), claimdiff::Document::new("b", "Ala ma 4 koty.")];
    /// let report = claimdiff::compare(&docs, &Default::default()).unwrap();
    /// let mut text = String::new();
    /// report.write_json(&mut |piece| text.push_str(piece));
    /// assert_eq!(text, report.to_json());
    /// ```
    pub fn write_json(&self, sink: &mut dyn FnMut(&str)) {
        let mut w = Writer {
            out: String::new(),
            sink: Some(sink),
        };
        self.write(&mut w);
        if let Some(sink) = w.sink {
            sink(&w.out);
        }
    }

    fn write(&self, w: &mut Writer) {
        w.open('{');
        w.key("schemaVersion");
        w.uint(u64::from(self.schema_version));
        w.key("version");
        w.string(&self.version);
        w.key("documents");
        w.list(&self.documents, document);
        w.key("alignment");
        w.open('{');
        w.key("mode");
        w.string(mode_name(self.alignment.mode));
        w.key("links");
        w.list(&self.alignment.links, |w, link| {
            w.open('{');
            w.key("a");
            side(w, &link.a);
            w.key("b");
            side(w, &link.b);
            w.key("score");
            w.number(link.score);
            w.close('}');
        });
        w.key("groups");
        w.list(&self.alignment.groups, |w, group| {
            w.open('{');
            w.key("claims");
            w.open('{');
            for (doc, claims) in &group.claims {
                w.separate();
                w.string(doc);
                w.out.push(':');
                w.indices(claims);
            }
            w.close('}');
            w.key("score");
            w.number(group.score);
            w.close('}');
        });
        w.close('}');
        w.key("discrepancies");
        w.list(&self.discrepancies, discrepancy);
        w.key("suppressed");
        w.uint(self.suppressed as u64);
        w.key("timings");
        w.open('{');
        w.key("totalMs");
        w.number(self.timings.total_ms);
        w.close('}');
        w.close('}');
    }
}

fn document(w: &mut Writer, doc: &DocumentReport) {
    w.open('{');
    w.key("id");
    w.string(&doc.id);
    w.key("lang");
    w.string(&doc.lang);
    w.key("langDetected");
    w.boolean(doc.lang_detected);
    if let Some(date) = &doc.date {
        w.key("date");
        w.string(date);
    }
    w.key("claims");
    w.list(&doc.claims, claim);
    w.close('}');
}

fn claim(w: &mut Writer, claim: &ClaimReport) {
    w.open('{');
    w.key("index");
    w.uint(claim.index as u64);
    w.span(claim.start, claim.end, &claim.text);
    w.key("facts");
    w.list(&claim.facts, fact);
    w.close('}');
}

fn fact(w: &mut Writer, fact: &FactReport) {
    w.open('{');
    w.key("kind");
    w.string(fact.kind);
    w.span(fact.start, fact.end, &fact.text);
    w.key("value");
    w.open('{');
    match &fact.value {
        FactValueReport::Number {
            value,
            high,
            percent,
            qualifier,
            counted,
            relative,
        } => {
            w.key("value");
            w.number(*value);
            if let Some(high) = high {
                w.key("high");
                w.number(*high);
            }
            w.key("percent");
            w.boolean(*percent);
            w.key("qualifier");
            w.string(qualifier);
            if let Some(counted) = counted {
                w.key("counted");
                w.string(counted);
            }
            if let Some(relative) = relative {
                w.key("relative");
                w.open('{');
                w.key("factor");
                w.number(relative.factor);
                w.optional_uint("to", relative.to);
                w.close('}');
            }
        }
        FactValueReport::Date {
            year,
            month,
            day,
            iso,
            resolved_from_relative,
        } => {
            if let Some(year) = year {
                w.key("year");
                w.int(i64::from(*year));
            }
            w.optional_uint("month", month.map(usize::from));
            w.optional_uint("day", day.map(usize::from));
            w.key("iso");
            w.string(iso);
            w.key("resolvedFromRelative");
            w.boolean(*resolved_from_relative);
        }
        FactValueReport::Duration { amount, unit } => {
            w.key("amount");
            w.number(*amount);
            w.key("unit");
            w.string(unit);
        }
        FactValueReport::Key { key } => {
            w.key("key");
            w.string(key);
        }
        FactValueReport::Quote {
            speaker,
            speaker_start,
            speaker_end,
        } => {
            if let Some(speaker) = speaker {
                w.key("speaker");
                w.string(speaker);
            }
            w.optional_uint("speakerStart", *speaker_start);
            w.optional_uint("speakerEnd", *speaker_end);
        }
    }
    w.close('}');
    w.close('}');
}

fn side(w: &mut Writer, side: &LinkSide) {
    w.open('{');
    w.key("doc");
    w.string(&side.doc);
    w.key("claims");
    w.indices(&side.claims);
    w.close('}');
}

fn discrepancy(w: &mut Writer, d: &DiscrepancyReport) {
    w.open('{');
    w.key("kind");
    w.string(kind_name(d.kind));
    w.key("severity");
    w.string(severity_name(d.severity));
    w.key("confidence");
    w.number(d.confidence);
    w.key("message");
    w.string(&d.message);
    w.key("evidence");
    w.list(&d.evidence, |w, e| {
        w.open('{');
        w.key("doc");
        w.string(&e.doc);
        w.key("claim");
        w.uint(e.claim as u64);
        w.span(e.start, e.end, &e.text);
        w.close('}');
    });
    w.key("fingerprint");
    w.string(&d.fingerprint);
    w.close('}');
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Auto => "auto",
        Mode::Translation => "translation",
        Mode::News => "news",
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

fn kind_name(kind: DiscrepancyKind) -> &'static str {
    match kind {
        DiscrepancyKind::Number => "number",
        DiscrepancyKind::Date => "date",
        DiscrepancyKind::Name => "name",
        DiscrepancyKind::Attribution => "attribution",
        DiscrepancyKind::Omission => "omission",
        DiscrepancyKind::Conflict => "conflict",
    }
}

/// A JSON writer: commas between members, escaped strings, exact numbers.
#[derive(Default)]
struct Writer<'a> {
    out: String,
    /// Takes the text as it grows past `PIECE` (see `Report::write_json`).
    sink: Option<&'a mut dyn FnMut(&str)>,
}

/// How much text the writer holds before it hands it to its sink.
const PIECE: usize = 1 << 16;

impl Writer<'_> {
    /// Hands the text so far to the sink, all but its last character, which
    /// `separate` reads.
    fn hand_over(&mut self) {
        if self.out.len() < PIECE {
            return;
        }
        let Some(sink) = self.sink.as_mut() else {
            return;
        };
        let keep = self.out.char_indices().next_back().map_or(0, |(i, _)| i);
        sink(&self.out[..keep]);
        self.out.drain(..keep);
    }

    /// A comma unless this is the first member of an object or array.
    fn separate(&mut self) {
        if !matches!(self.out.as_bytes().last(), None | Some(b'{' | b'[')) {
            self.out.push(',');
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
    }

    fn close(&mut self, bracket: char) {
        self.out.push(bracket);
    }

    /// An object key: the fixed ASCII names of the report need no escaping.
    fn key(&mut self, key: &'static str) {
        self.separate();
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
    }

    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.open('[');
        for x in items {
            self.separate();
            item(self, x);
            self.hand_over();
        }
        self.close(']');
    }

    fn indices(&mut self, items: &[usize]) {
        self.out.push('[');
        for &i in items {
            self.separate();
            self.uint(i as u64);
        }
        self.out.push(']');
    }

    fn span(&mut self, start: usize, end: usize, text: &str) {
        self.key("start");
        self.uint(start as u64);
        self.key("end");
        self.uint(end as u64);
        self.key("text");
        self.string(text);
    }

    fn optional_uint(&mut self, key: &'static str, value: Option<usize>) {
        if let Some(value) = value {
            self.key(key);
            self.uint(value as u64);
        }
    }

    fn boolean(&mut self, value: bool) {
        self.out.push_str(if value { "true" } else { "false" });
    }

    fn uint(&mut self, n: u64) {
        push_uint(&mut self.out, n);
    }

    fn int(&mut self, n: i64) {
        if n < 0 {
            self.out.push('-');
        }
        self.uint(n.unsigned_abs());
    }

    /// A JSON string: quotes, backslashes and control characters escaped.
    fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.push('"');
        let mut plain = 0;
        for (i, b) in s.bytes().enumerate() {
            if b >= 0x20 && b != b'"' && b != b'\\' {
                continue;
            }
            self.out.push_str(&s[plain..i]);
            plain = i + 1;
            match b {
                b'"' => self.out.push_str("\\\""),
                b'\\' => self.out.push_str("\\\\"),
                b'\n' => self.out.push_str("\\n"),
                b'\r' => self.out.push_str("\\r"),
                b'\t' => self.out.push_str("\\t"),
                _ => {
                    self.out.push_str("\\u00");
                    self.out.push(char::from(HEX[usize::from(b >> 4)]));
                    self.out.push(char::from(HEX[usize::from(b & 15)]));
                }
            }
        }
        self.out.push_str(&s[plain..]);
        self.out.push('"');
    }

    fn number(&mut self, v: f64) {
        if v.is_nan() {
            self.out.push_str("null");
        } else {
            write_f64(&mut self.out, v);
        }
    }
}

/// Appends a decimal that parses back to exactly `v` (finite or infinite).
pub(crate) fn write_f64(out: &mut String, v: f64) {
    if v.is_sign_negative() {
        out.push('-');
    }
    let v = v.abs();
    if v.is_infinite() {
        // Overflows to Infinity in JSON.parse.
        out.push_str("1e999");
        return;
    }
    // 2^53: every integer below it is exact, and so is n / 10^k below.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if v.fract() == 0.0 && v < EXACT {
        push_uint(out, v as u64);
        return;
    }
    // n / 10^k, both exact, is the double nearest to the decimal n·10^-k, so
    // when it equals v that decimal parses back to v.
    let mut scale = 1.0;
    for k in 1..=17 {
        scale *= 10.0;
        let n = (v * scale).round();
        if n < EXACT && n / scale == v {
            let digits = decimal(n as u64);
            point(out, &digits, k);
            return;
        }
    }
    exact(out, v);
}

/// Appends the decimal digits of `n`.
pub(crate) fn push_uint(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // ASCII digits only.
    out.push_str(core::str::from_utf8(&digits[at..]).unwrap_or_default());
}

fn decimal(n: u64) -> String {
    let mut s = String::new();
    push_uint(&mut s, n);
    s
}

/// Writes the digits with a decimal point `k` places from the right,
/// without trailing zeros after it.
fn point(out: &mut String, digits: &str, k: usize) {
    let (int, frac) = if digits.len() > k {
        digits.split_at(digits.len() - k)
    } else {
        ("", digits)
    };
    if int.is_empty() {
        out.push('0');
    } else {
        out.push_str(int);
    }
    let pad = k.saturating_sub(digits.len());
    let frac = frac.trim_end_matches('0');
    if !frac.is_empty() {
        out.push('.');
        for _ in 0..pad {
            out.push('0');
        }
        out.push_str(frac);
    }
}

/// The exact decimal value of a finite, non-negative double: its mantissa
/// times a power of two, multiplied out in base 10^9.
fn exact(out: &mut String, v: f64) {
    const BASE: u64 = 1_000_000_000;
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exp) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    // Little-endian limbs below 10^9.
    let mut limbs = vec![
        mantissa % BASE,
        mantissa / BASE % BASE,
        mantissa / BASE / BASE,
    ];
    let mul = |limbs: &mut Vec<u64>, factor: u64| {
        let mut carry = 0;
        for limb in limbs.iter_mut() {
            let x = *limb * factor + carry;
            *limb = x % BASE;
            carry = x / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    };
    // v = m·2^e; for e < 0, m·2^e = m·5^-e / 10^-e.
    let (factor, chunk, mut count) = if exp >= 0 {
        (2u64, 1 << 29, exp)
    } else {
        (5u64, 1_220_703_125, -exp) // 5^13
    };
    let per_chunk = if exp >= 0 { 29 } else { 13 };
    while count >= per_chunk {
        mul(&mut limbs, chunk);
        count -= per_chunk;
    }
    for _ in 0..count {
        mul(&mut limbs, factor);
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut digits = String::new();
    for (i, &limb) in limbs.iter().rev().enumerate() {
        let d = decimal(limb);
        if i > 0 {
            for _ in d.len()..9 {
                digits.push('0');
            }
        }
        digits.push_str(&d);
    }
    if exp >= 0 {
        out.push_str(&digits);
    } else {
        point(out, &digits, (-exp) as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(v: f64) -> String {
        let mut s = String::new();
        write_f64(&mut s, v);
        s
    }

    fn round_trips(v: f64) {
        let s = written(v);
        let back: f64 = s.parse().unwrap_or(f64::NAN);
        assert_eq!(back.to_bits(), v.to_bits(), "{v:?} written as {s}");
    }

    #[test]
    fn numbers_parse_back_exactly() {
        for v in [
            0.0,
            -0.0,
            1.0,
            -3.0,
            1.6,
            0.1 + 0.2,
            1.6e6,
            0.5,
            0.0001,
            1234.5678,
            1e-7,
            1e-300,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            9_007_199_254_740_993.0,
            1e18,
            1.5e300,
            2.0f64.powi(80),
            1.0 / 3.0,
            2.0 / 3.0 * 1e6,
        ] {
            round_trips(v);
        }
        // A cheap pseudo-random walk over bit patterns.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x);
            if v.is_finite() {
                round_trips(v);
            }
        }
    }

    #[test]
    fn short_forms() {
        assert_eq!(written(1.6), "1.6");
        assert_eq!(written(-0.0), "-0");
        assert_eq!(written(0.005), "0.005");
        assert_eq!(written(1600000.0), "1600000");
        assert_eq!(written(0.1234), "0.1234");
        assert_eq!(written(f64::INFINITY), "1e999");
        assert_eq!(written(f64::NEG_INFINITY), "-1e999");
        assert_eq!(written(2.0f64.powi(70)), "1180591620717411303424");
    }

    #[test]
    fn strings_are_escaped() {
        let mut w = Writer::default();
        w.string("a\"b\\c\nd\u{1}é\u{2028}");
        assert_eq!(w.out, "\"a\\\"b\\\\c\\nd\\u0001é\u{2028}\"");
    }
}
