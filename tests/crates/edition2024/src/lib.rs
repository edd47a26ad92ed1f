//! Oracle crate (edition 2024): export attributes are unsafe attributes, and `extern` blocks
//! must be written `unsafe extern`. Plain `#[no_mangle]` is an error in this edition.

mod shapes;

#[unsafe(no_mangle)]
pub extern "C" fn e24_plain() -> i32 {
    1
}

// Exported as "e24_renamed"; `e24_rust_name` is NOT a symbol.
#[unsafe(export_name = "e24_renamed")]
pub extern "C" fn e24_rust_name() -> i32 {
    2
}

#[unsafe(no_mangle)]
extern "C" fn e24_private() -> i32 {
    3
}

/// # Safety
/// `p` must be null or point to a readable `i32`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn e24_unsafe_fn(p: *const i32) -> i32 {
    // SAFETY: the caller promises `p` is null or valid.
    match unsafe { p.as_ref() } {
        Some(v) => *v,
        None => 0,
    }
}

#[unsafe(no_mangle)]
pub extern "system" fn e24_system() -> i32 {
    4
}

#[unsafe(no_mangle)]
pub extern "C-unwind" fn e24_c_unwind() -> i32 {
    5
}

// Spaces inside the unsafe(...) wrapper are allowed.
#[unsafe( no_mangle )]
pub extern "C" fn e24_spaced_attr() -> i32 {
    6
}

#[cfg_attr(unix, unsafe(export_name = "e24_cfg_attr_renamed"))]
pub extern "C" fn e24_cfg_attr_rust_name() -> i32 {
    7
}

// NOT exported: no export attribute.
pub extern "C" fn e24_not_exported() -> i32 {
    8
}

// NOT exports: imports from libc, declared in an `unsafe extern` block (2024 syntax).
// `safe fn` items may be called without an unsafe block.
unsafe extern "C" {
    pub safe fn labs(x: i64) -> i64;
    pub unsafe fn strlen(s: *const core::ffi::c_char) -> usize;
}

#[unsafe(no_mangle)]
pub extern "C" fn e24_calls_imports(x: i64) -> i64 {
    let text = c"four";
    // SAFETY: `text` is a NUL-terminated C string literal.
    let len = unsafe { strlen(text.as_ptr()) };
    labs(x.max(-i64::MAX)).wrapping_add(len as i64)
}

#[cfg(target_os = "linux")]
#[unsafe(no_mangle)]
pub extern "C" fn e24_linux_only() -> i32 {
    9
}

// NOT exported on Linux.
#[cfg(windows)]
#[unsafe(no_mangle)]
pub extern "system" fn e24_windows_only() -> i32 {
    10
}
