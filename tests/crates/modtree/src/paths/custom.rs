//! Reached only through `#[path = "paths/custom.rs"] mod custom;` in lib.rs.

#[no_mangle]
pub extern "C" fn mt_custom_path() -> i32 {
    30
}
