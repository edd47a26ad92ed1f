//! `mod c;` in src/b/mod.rs → src/b/c.rs.

#[no_mangle]
pub extern "C" fn mt_b_c() -> i32 {
    21
}

pub(super) mod d {
    // An inline module inside a file module.
    #[no_mangle]
    pub extern "C" fn mt_b_c_inline_d() -> i32 {
        22
    }
}
