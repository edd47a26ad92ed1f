using System;
using System.Runtime.InteropServices;
using DemoApp.Interop;

namespace DemoApp;

/// <summary>
/// Correct bindings for every function the Rust crate native/fastmath exports.
/// The comment above each method is the Rust signature it binds.
/// </summary>
internal static unsafe partial class NativeMethods
{
    // fn fm_add(a: i32, b: i32) -> i32
    [LibraryImport(LibraryNames.Fastmath, EntryPoint = "fm_add")]
    internal static partial int Add(int a, int b);

    // fn fm_scale(value: f64, factor: i32) -> f64
    [LibraryImport(LibraryNames.Fastmath, EntryPoint = "fm_scale")]
    internal static partial double Scale(double value, int factor);

    // fn fm_is_even(x: i32) -> bool      (Rust bool is 1 byte: marshal as U1, not the 4-byte BOOL)
    [LibraryImport(LibraryNames.Fastmath, EntryPoint = "fm_is_even")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool IsEven(int x);

    // fn fm_clamp(v: i32, lo: i32, hi: i32) -> i32
    [LibraryImport(LibraryNames.Fastmath, EntryPoint = "fm_clamp")]
    internal static partial int Clamp(int v, int lo, int hi);

    // unsafe fn fm_sum(values: *const i32, len: usize) -> i64      (usize is pointer-sized: nuint)
    [LibraryImport(LibraryNames.Fastmath, EntryPoint = "fm_sum")]
    internal static partial long Sum(int* values, nuint len);

    // fn fm_dot(a: Vec3, b: Vec3) -> f32      (both structs passed by value)
    [LibraryImport(LibraryNames.Fastmath, EntryPoint = "fm_dot")]
    internal static partial float Dot(Vec3 a, Vec3 b);

    // unsafe fn fm_length(v: *const Vec3) -> f32      (a read-only pointer: 'in')
    [LibraryImport(LibraryNames.Fastmath, EntryPoint = "fm_length")]
    internal static partial float Length(in Vec3 v);

    // fn fm_version() -> u32
    [LibraryImport(LibraryNames.Fastmath, EntryPoint = "fm_version")]
    internal static partial uint Version();

    /// <summary>Sums a span in Rust; the span is pinned for the duration of the call.</summary>
    internal static long Sum(ReadOnlySpan<int> values)
    {
        fixed (int* first = values)
        {
            return Sum(first, (nuint)values.Length);
        }
    }
}
