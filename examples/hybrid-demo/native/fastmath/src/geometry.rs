//! 3-D vector helpers. `Vec3` has a C layout: three `f32` fields, 12 bytes, 4-byte aligned.

/// A 3-D vector shared with C# as `[StructLayout(LayoutKind.Sequential)] struct Vec3`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Vec3 {
    pub x: f32,
    pub y: f32,
    pub z: f32,
}

/// Dot product of two vectors passed by value.
#[no_mangle]
pub extern "C" fn fm_dot(a: Vec3, b: Vec3) -> f32 {
    a.x * b.x + a.y * b.y + a.z * b.z
}

/// Euclidean length of the vector `v` points to; a null pointer gives 0.
///
/// # Safety
/// A non-null `v` must point to a valid, aligned `Vec3` for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn fm_length(v: *const Vec3) -> f32 {
    // SAFETY: `as_ref` checks for null; a non-null `v` is valid, as the caller promises.
    match unsafe { v.as_ref() } {
        Some(v) => fm_dot(*v, *v).sqrt(),
        None => 0.0,
    }
}
