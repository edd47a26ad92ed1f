//! `mod b;` in lib.rs → src/b/mod.rs (there is no src/b.rs). `mod c;` here means src/b/c.rs.

pub mod c;

#[no_mangle]
pub extern "C" fn mt_b() -> i32 {
    20
}
