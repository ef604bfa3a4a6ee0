//! The JS binding: turns JS values into the core's types with clear errors,
//! and the report into plain JS objects. Nothing else lives here.

use crate::{Document, Error, ErrorCode, Mode, Options, Severity};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// `compare(documents, options?)`: see `js/claimdiff.d.ts`.
#[wasm_bindgen(js_name = compare)]
pub fn compare_js(documents: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let started = js_sys::Date::now();
    // Options first: their limits are checked before any text is copied into
    // wasm memory, so 50 MB of text costs a length check, not 50 MB.
    let options = read_options(&options).map_err(to_js)?;
    let documents = read_documents(&documents, &options).map_err(to_js)?;
    let mut report = crate::compare(&documents, &options).map_err(to_js)?;
    report.timings.total_ms = js_sys::Date::now() - started;
    // JSON text and JSON.parse: far less wasm than a generic serializer, and
    // fewer calls across the boundary. The text goes to JS in pieces, so wasm
    // memory never holds the whole of it next to the report.
    let pieces = Array::new();
    report.write_json(&mut |piece| {
        pieces.push(&JsValue::from_str(piece));
    });
    drop(report);
    parse_json(&pieces.join(""))
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JS string (js_sys's takes a Rust `&str`, which would
    /// copy the text back into wasm memory).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

/// The claimdiff version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// A JS `Error` named "ClaimdiffError" with a `code`, as the types promise.
fn to_js(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.message);
    js.set_name("ClaimdiffError");
    let _ = Reflect::set(&js, &"code".into(), &error.code.as_str().into());
    js.into()
}

fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if Array::is_array(value) {
        "an array".into()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".into())
    }
}

fn invalid(message: String) -> Error {
    Error::new(ErrorCode::InvalidInput, message)
}

/// A JS string's UTF-8 length is at least its length in UTF-16 units, so a
/// string longer than `limit` units is over a byte limit before it is copied.
fn units(value: &JsValue) -> usize {
    value
        .dyn_ref::<js_sys::JsString>()
        .map_or(0, |s| s.length() as usize)
}

fn read_documents(value: &JsValue, options: &Options) -> Result<Vec<Document>, Error> {
    if !Array::is_array(value) {
        return Err(invalid(format!(
            "compare(documents): documents must be an array of {{id, text, lang?, date?}}, got {}",
            describe(value)
        )));
    }
    let array = Array::from(value);
    let count = array.length() as usize;
    if count > options.max_documents {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!(
                "{count} documents exceed the limit of {} (option maxDocuments)",
                options.max_documents
            ),
        ));
    }
    let mut total_units = 0usize;
    for (i, item) in array.iter().enumerate() {
        let text = Reflect::get(&item, &"text".into()).unwrap_or(JsValue::UNDEFINED);
        let n = units(&text);
        if n > options.max_document_bytes {
            return Err(Error::new(
                ErrorCode::LimitExceeded,
                format!(
                    "documents[{i}].text has at least {n} bytes, over the limit of {} (option maxDocumentBytes)",
                    options.max_document_bytes
                ),
            ));
        }
        total_units += n;
    }
    if total_units > options.max_total_bytes {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!(
                "the documents have at least {total_units} bytes in all, over the limit of {} (option maxTotalBytes)",
                options.max_total_bytes
            ),
        ));
    }
    let mut documents = Vec::with_capacity(count);
    for (i, item) in array.iter().enumerate() {
        if !item.is_object() || Array::is_array(&item) {
            return Err(invalid(format!(
                "documents[{i}] must be an object {{id, text, lang?, date?}}, got {}",
                describe(&item)
            )));
        }
        let field = |name: &str| Reflect::get(&item, &name.into()).unwrap_or(JsValue::UNDEFINED);
        let required = |name: &str| {
            let v = field(name);
            v.as_string().ok_or_else(|| {
                invalid(format!(
                    "documents[{i}].{name} must be a string, got {}",
                    describe(&v)
                ))
            })
        };
        let optional = |name: &str| {
            let v = field(name);
            if v.is_undefined() || v.is_null() {
                Ok(None)
            } else {
                v.as_string().map(Some).ok_or_else(|| {
                    invalid(format!(
                        "documents[{i}].{name} must be a string if given, got {}",
                        describe(&v)
                    ))
                })
            }
        };
        documents.push(Document {
            id: required("id")?,
            text: required("text")?,
            lang: optional("lang")?,
            date: optional("date")?,
        });
    }
    Ok(documents)
}

const KNOWN_OPTIONS: &str =
    "mode, minSeverity, numericTolerance, suppress, lang, maxDocuments, maxDocumentBytes, maxTotalBytes";

fn read_options(value: &JsValue) -> Result<Options, Error> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(option_error(format!(
            "options must be an object, got {}",
            describe(value)
        )));
    }
    let object: &Object = value.unchecked_ref();
    for key in Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        let v = Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() {
            continue;
        }
        match name.as_str() {
            "mode" => {
                options.mode = string(&name, &v)
                    .and_then(|s| Mode::parse(&s).ok_or(()))
                    .map_err(|_| {
                        option_error(format!(
                            "options.mode must be \"auto\", \"translation\" or \"news\", got {}",
                            show(&v)
                        ))
                    })?
            }
            "minSeverity" => {
                options.min_severity = string(&name, &v)
                    .and_then(|s| Severity::parse(&s).ok_or(()))
                    .map_err(|_| {
                        option_error(format!(
                        "options.minSeverity must be \"info\", \"warning\" or \"error\", got {}",
                        show(&v)
                    ))
                    })?
            }
            "numericTolerance" => options.numeric_tolerance = number(&name, &v)?,
            "lang" => {
                options.lang =
                    Some(string(&name, &v).map_err(|_| type_error(&name, "a string", &v))?)
            }
            "suppress" => options.suppress = strings(&name, &v)?,
            "maxDocuments" => options.max_documents = count(&name, &v)?,
            "maxDocumentBytes" => options.max_document_bytes = count(&name, &v)?,
            "maxTotalBytes" => options.max_total_bytes = count(&name, &v)?,
            _ => {
                return Err(option_error(format!(
                    "unknown option \"{name}\"; the options are {KNOWN_OPTIONS}"
                )))
            }
        }
    }
    Ok(options)
}

fn option_error(message: String) -> Error {
    Error::new(ErrorCode::InvalidOption, message)
}

fn type_error(name: &str, expected: &str, v: &JsValue) -> Error {
    option_error(format!(
        "options.{name} must be {expected}, got {}",
        describe(v)
    ))
}

fn show(v: &JsValue) -> String {
    v.as_string()
        .map_or_else(|| describe(v), |s| format!("\"{s}\""))
}

fn string(_name: &str, v: &JsValue) -> Result<String, ()> {
    v.as_string().ok_or(())
}

fn number(name: &str, v: &JsValue) -> Result<f64, Error> {
    v.as_f64().ok_or_else(|| type_error(name, "a number", v))
}

fn count(name: &str, v: &JsValue) -> Result<usize, Error> {
    match v.as_f64() {
        Some(n) if n >= 1.0 && n.fract() == 0.0 && n <= u32::MAX as f64 => Ok(n as usize),
        _ => Err(type_error(name, "a whole number of at least 1", v)),
    }
}

fn strings(name: &str, v: &JsValue) -> Result<Vec<String>, Error> {
    if !Array::is_array(v) {
        return Err(type_error(name, "an array of strings", v));
    }
    Array::from(v)
        .iter()
        .map(|item| {
            item.as_string()
                .ok_or_else(|| type_error(name, "an array of strings", v))
        })
        .collect()
}
