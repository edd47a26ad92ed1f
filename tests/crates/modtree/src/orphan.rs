//! NOT part of the crate: no `mod orphan;` anywhere. A parser that globs src/**/*.rs instead of
//! following `mod` declarations would wrongly report this export.

#[no_mangle]
pub extern "C" fn mt_orphan() -> i32 {
    99
}
