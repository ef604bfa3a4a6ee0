//! Fuzzes `compare` with arbitrary documents and options; see
//! tests/common/mod.rs for how the bytes are read and what is checked.
//!
//!   cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run compare -s none corpus/compare
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (documents, options) = common::decode(data);
    if let Ok(report) = claimdiff::compare(&documents, &options) {
        common::check_report(&documents, &report);
    }
});
