//! `fastmath`: a few numeric helpers exported with the C ABI for the .NET `DemoApp`.
//!
//! Every exported function is `#[no_mangle] extern "C"` and is written so that it
//! cannot panic: arithmetic wraps or saturates, pointers are checked for null, and
//! slices are walked with iterators instead of indexing.

mod geometry;

pub use geometry::Vec3;

/// Library version encoded as `major << 16 | minor << 8 | patch`.
const VERSION: u32 = (1 << 16) | (2 << 8);

/// Adds two integers; the result wraps on overflow instead of panicking.
#[no_mangle]
pub extern "C" fn fm_add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

/// Multiplies `value` by an integer `factor`.
#[no_mangle]
pub extern "C" fn fm_scale(value: f64, factor: i32) -> f64 {
    value * f64::from(factor)
}

/// Returns whether `x` is even. Rust `bool` is one byte: bind it with `MarshalAs(UnmanagedType.U1)`.
#[no_mangle]
pub extern "C" fn fm_is_even(x: i32) -> bool {
    x % 2 == 0
}

/// Limits `v` to `lo..=hi`. Unlike `i32::clamp` this never panics: when `lo > hi`
/// the lower bound is checked first, so the result is `lo`.
#[no_mangle]
pub extern "C" fn fm_clamp(v: i32, lo: i32, hi: i32) -> i32 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}

/// Sums `len` integers starting at `values` into a 64-bit total.
/// A null pointer or a zero length gives 0.
///
/// # Safety
/// A non-null `values` must point to at least `len` initialised `i32` values that
/// stay alive and unmodified for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn fm_sum(values: *const i32, len: usize) -> i64 {
    if values.is_null() || len == 0 {
        return 0;
    }
    // SAFETY: non-null and `len` values long, as the caller promises (see above).
    let items = unsafe { std::slice::from_raw_parts(values, len) };
    items
        .iter()
        .fold(0i64, |total, &item| total.wrapping_add(i64::from(item)))
}

/// The library version, `major << 16 | minor << 8 | patch` (1.2.0 is `0x0001_0200`).
#[no_mangle]
pub extern "C" fn fm_version() -> u32 {
    VERSION
}
