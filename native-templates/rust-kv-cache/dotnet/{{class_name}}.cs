// The .NET side of the {{crate_name}} crate: a thread-safe key-value cache of byte strings living in native memory.
// Copy this file into your project (AllowUnsafeBlocks). Ownership follows src/lib.rs: the cache is a SafeHandle freed
// once; keys and values are copied in; every value read out is copied into a managed array and its native buffer is
// released at once with {{crate_name}}_buffer_free.
using System;
using System.Runtime.InteropServices;

namespace {{namespace}};

public sealed unsafe class {{class_name}} : IDisposable
{
    private readonly Handle _handle;

    public {{class_name}}()
    {
        _handle = Native.Create();
        if (_handle.IsInvalid)
            throw new OutOfMemoryException("{{crate_name}}_create returned null");
    }

    /// <summary>The number of keys.</summary>
    public long Count
    {
        get
        {
            using var _ = Use(out var cache);
            return (long)Native.Len(cache);
        }
    }

    /// <summary>Stores a copy of <paramref name="value"/> under a copy of <paramref name="key"/>, replacing any previous value.</summary>
    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        using var _ = Use(out var cache);
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            if (Native.Set(cache, k, (nuint)key.Length, v, (nuint)value.Length) != 0)
                throw new ArgumentException("{{crate_name}}_set refused its arguments");
        }
    }

    /// <summary>A copy of the value stored under <paramref name="key"/>, or false when there is none.</summary>
    public bool TryGet(ReadOnlySpan<byte> key, out byte[] value)
    {
        using var _ = Use(out var cache);
        byte* buffer;
        nuint length;
        int status;
        fixed (byte* k = key)
            status = Native.Get(cache, k, (nuint)key.Length, &buffer, &length);
        if (status < 0)
            throw new ArgumentException("{{crate_name}}_get refused its arguments");
        if (status == 0)
        {
            value = [];
            return false;
        }
        try
        {
            value = new ReadOnlySpan<byte>(buffer, checked((int)length)).ToArray();
        }
        finally
        {
            Native.BufferFree(buffer, length);
        }
        return true;
    }

    /// <summary>Removes <paramref name="key"/>; true when it was there.</summary>
    public bool Delete(ReadOnlySpan<byte> key)
    {
        using var _ = Use(out var cache);
        fixed (byte* k = key)
        {
            var status = Native.Delete(cache, k, (nuint)key.Length);
            return status < 0 ? throw new ArgumentException("{{crate_name}}_delete refused its arguments") : status == 1;
        }
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>Keeps the handle alive (and not freed by another thread's Dispose) for the length of one native call.</summary>
    private Lease Use(out IntPtr cache)
    {
        var added = false;
        _handle.DangerousAddRef(ref added);
        cache = _handle.DangerousGetHandle();
        return new Lease(_handle);
    }

    private readonly struct Lease(Handle handle) : IDisposable
    {
        public void Dispose() => handle.DangerousRelease();
    }

    private sealed class Handle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
    {
        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            Native.Free(handle);
            return true;
        }
    }

    private static class Native
    {
        private const string Library = "{{crate_name}}";

        [DllImport(Library, EntryPoint = "{{crate_name}}_create")]
        public static extern Handle Create();

        [DllImport(Library, EntryPoint = "{{crate_name}}_free")]
        public static extern void Free(IntPtr cache);

        [DllImport(Library, EntryPoint = "{{crate_name}}_set")]
        public static extern int Set(IntPtr cache, byte* key, nuint keyLen, byte* value, nuint valueLen);

        [DllImport(Library, EntryPoint = "{{crate_name}}_get")]
        public static extern int Get(IntPtr cache, byte* key, nuint keyLen, byte** outValue, nuint* outLen);

        [DllImport(Library, EntryPoint = "{{crate_name}}_delete")]
        public static extern int Delete(IntPtr cache, byte* key, nuint keyLen);

        [DllImport(Library, EntryPoint = "{{crate_name}}_len")]
        public static extern nuint Len(IntPtr cache);

        [DllImport(Library, EntryPoint = "{{crate_name}}_buffer_free")]
        public static extern void BufferFree(byte* buffer, nuint len);
    }
}
