//! `mod a;` in lib.rs → this file. A non-mod-rs file: `mod inner;` here means src/a/inner.rs.

mod inner;

// A #[path] in a non-mod-rs file is relative to this file's folder (src/), not to src/a/.
#[path = "a_sibling.rs"]
mod sibling;

#[no_mangle]
pub extern "C" fn mt_a() -> i32 {
    10
}

// Private function in a private module: still exported.
#[no_mangle]
extern "C" fn mt_a_private() -> i32 {
    11
}
