//! Oracle crate (edition 2021): export attributes, ABIs, cfg, repr types, and lexing traps.

#![allow(clippy::missing_safety_doc)]

// ---------------------------------------------------------------- export attributes

#[no_mangle]
pub extern "C" fn at_plain() -> i32 {
    0
}

// Exported as "at_renamed"; the Rust name `original_name` is NOT a symbol.
#[export_name = "at_renamed"]
pub extern "C" fn original_name() -> i32 {
    1
}

// Other attributes and doc comments around #[no_mangle] do not change anything.
/// Documentation first.
#[inline(never)]
#[no_mangle]
#[allow(clippy::needless_return)]
pub extern "C" fn at_with_other_attrs() -> i32 {
    return 2;
}

#[no_mangle] pub extern "C" fn at_one_line() -> i32 { 3 }

// NOT exported: no #[no_mangle] / #[export_name], even though it is `pub extern "C"`.
pub extern "C" fn at_pub_extern_c_without_no_mangle() -> i32 {
    4
}

// Exported although it has the Rust ABI: #[no_mangle] alone decides the symbol.
#[no_mangle]
pub fn at_rust_abi_no_mangle() -> i32 {
    5
}

#[no_mangle]
pub unsafe extern "C" fn at_unsafe_fn(p: *const i32) -> i32 {
    if p.is_null() {
        0
    } else {
        *p
    }
}

// A cfg'd attribute: `no_mangle` applies on every non-Windows target, so it is exported here.
#[cfg_attr(not(windows), no_mangle)]
pub extern "C" fn at_cfg_attr_no_mangle() -> i32 {
    6
}

// A #[no_mangle] associated function is exported too.
pub struct Counter;

impl Counter {
    #[no_mangle]
    pub extern "C" fn at_impl_method() -> i32 {
        7
    }
}

// ---------------------------------------------------------------- ABIs

#[no_mangle]
pub extern "system" fn at_abi_system() -> i32 {
    10
}

#[no_mangle]
pub extern "C-unwind" fn at_abi_c_unwind() -> i32 {
    11
}

// `extern` without an ABI string means "C".
#[no_mangle]
#[allow(missing_abi)]
pub extern fn at_abi_implicit_c() -> i32 {
    12
}

// NOT an export: a block of imports (declarations of functions that libc defines).
extern "C" {
    fn abs(x: i32) -> i32;
}

#[no_mangle]
pub extern "C" fn at_calls_import(x: i32) -> i32 {
    // SAFETY: libc's abs has no preconditions (i32::MIN is its only undefined input).
    unsafe { abs(x.max(-i32::MAX)) }
}

// ---------------------------------------------------------------- cfg

// Exported on Linux only (this crate's oracle lists are from a Linux build).
#[cfg(target_os = "linux")]
#[no_mangle]
pub extern "C" fn at_linux_only() -> i32 {
    20
}

// NOT exported on Linux.
#[cfg(windows)]
#[no_mangle]
pub extern "system" fn at_windows_only() -> i32 {
    21
}

// NOT exported on Linux.
#[cfg(target_os = "macos")]
#[no_mangle]
pub extern "C" fn at_macos_only() -> i32 {
    22
}

#[cfg(all(unix, target_pointer_width = "64"))]
#[no_mangle]
pub extern "C" fn at_unix_64bit() -> i32 {
    23
}

// NOT exported by a default build: the feature "extra" is off. (Features are unknown to the parser.)
#[cfg(feature = "extra")]
#[no_mangle]
pub extern "C" fn at_feature_extra() -> i32 {
    24
}

// ---------------------------------------------------------------- repr types

#[repr(C)]
#[derive(Clone, Copy)]
pub struct AtPoint {
    pub x: i32,
    pub y: i32,
}

#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AtColor {
    Red = 1,
    Green = 2,
    Blue = 4,
}

#[no_mangle]
pub extern "C" fn at_point_sum(p: AtPoint) -> i32 {
    p.x.wrapping_add(p.y)
}

#[no_mangle]
pub extern "C" fn at_color_next(c: AtColor) -> AtColor {
    match c {
        AtColor::Red => AtColor::Green,
        AtColor::Green => AtColor::Blue,
        AtColor::Blue => AtColor::Red,
    }
}

// ---------------------------------------------------------------- lexing traps
// Braces, quotes and attribute-like text inside literals and comments must not confuse the
// item parser: each export below must still be found, and no text inside a literal or a
// comment may become one.

#[no_mangle]
pub extern "C" fn at_after_raw_string() -> usize {
    let a = r#"}"#;
    let b = r##"a "# } { still inside "##;
    let c = "{";
    let d = '}';
    let e = b"}}";
    let f = br#"{"#;
    let g = '\'';
    let h = "\" } #[no_mangle] pub extern \"C\" fn at_fake_in_string() {}";
    a.len() + b.len() + c.len() + d.len_utf8() + e.len() + f.len() + g.len_utf8() + h.len()
}

/* A block comment with a brace } and /* a nested comment { */ and a fake export:
#[no_mangle]
pub extern "C" fn at_fake_in_block_comment() -> i32 { 0 }
*/

// #[no_mangle] pub extern "C" fn at_fake_in_line_comment() -> i32 { 0 }

/// Doc comment with code: `#[no_mangle] pub extern "C" fn at_fake_in_doc() {}` and a brace }.
#[no_mangle]
pub extern "C" fn at_after_comments<'a>() -> i32 {
    // A lifetime 'a next to char literals must not start a char literal.
    fn pick<'b>(x: &'b str, _y: &'b str) -> &'b str {
        x
    }
    let s: &'a str = "x";
    let t = pick(s, "}");
    let u = '{';
    (t.len() + u.len_utf8()) as i32
}

// A macro invocation whose tokens contain braces and the words no_mangle / extern.
#[no_mangle]
pub extern "C" fn at_after_macro_tokens() -> i32 {
    let words = stringify!(#[no_mangle] pub extern "C" fn at_fake_in_macro_tokens() { });
    words.len() as i32
}

#[no_mangle]
pub extern "C" fn at_last() -> i32 {
    99
}
