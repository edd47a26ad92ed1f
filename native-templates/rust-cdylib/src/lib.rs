//! {{crate_name}}: functions exported with the C ABI for .NET P/Invoke.
//!
//! Every export is `extern "C"` with an unmangled name, takes and returns only FFI-safe types, and must not
//! panic: a panic cannot unwind into .NET and aborts the process.
{{functions}}
