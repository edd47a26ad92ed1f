//! Oracle crate: how files join the module tree, and which `#[no_mangle]` functions that makes exported.
//! A cdylib exports every `#[no_mangle]` function that is compiled, whatever its visibility.

mod a; // src/a.rs (non-mod-rs file; its own child modules live in src/a/)
mod b; // src/b/mod.rs (mod-rs file; its children live in src/b/)

#[path = "paths/custom.rs"]
mod custom; // not src/custom.rs: the attribute names the file relative to src/

mod x {
    // An inline module: its items are in this file.
    #[no_mangle]
    pub extern "C" fn mt_inline_mod() -> i32 {
        1
    }

    pub(crate) mod deeper {
        #[no_mangle]
        extern "C" fn mt_inline_nested_private() -> i32 {
            2
        }
    }
}

// Exported: visibility does not matter for #[no_mangle].
#[no_mangle]
pub extern "C" fn mt_root_pub() -> i32 {
    3
}

#[no_mangle]
extern "C" fn mt_root_private() -> i32 {
    4
}

#[no_mangle]
pub(crate) extern "C" fn mt_root_pub_crate() -> i32 {
    5
}

// NOT exported: `pub extern "C"` without #[no_mangle] gets a mangled, local symbol.
pub extern "C" fn mt_not_exported_no_mangle() -> i32 {
    6
}

// NOT exported: src/orphan.rs exists but no `mod orphan;` brings it into the crate.

// NOT exported: test-only module, not compiled by `cargo build`.
#[cfg(test)]
mod tests {
    #[no_mangle]
    pub extern "C" fn mt_cfg_test_only() -> i32 {
        7
    }
}
