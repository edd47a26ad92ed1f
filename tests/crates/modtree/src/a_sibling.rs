//! Reached through `#[path = "a_sibling.rs"] mod sibling;` in src/a.rs.

#[no_mangle]
pub extern "C" fn mt_a_sibling() -> i32 {
    13
}
