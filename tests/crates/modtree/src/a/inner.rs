//! `mod inner;` in src/a.rs → src/a/inner.rs.

#[no_mangle]
pub extern "C" fn mt_a_inner() -> i32 {
    12
}
