using System.Collections.Immutable;
using HybridLsp.Syntax.Text;
using System.Runtime.InteropServices;
using System.Text;

namespace HybridLsp.Syntax.C.Interop;

/// <summary>
/// One parsed translation unit and the helpers that read it: children of a cursor, strings, file locations.
/// Owns the index and the translation unit; everything it hands out is managed data or a by-value cursor/type that
/// is only valid until <see cref="Dispose"/>. Used from one thread.
/// </summary>
internal sealed unsafe class ClangSession : IDisposable
{
    // CXTranslationUnit_Flags: keep going after a fatal error such as a missing include, so the rest of the file
    // still yields declarations; skip function bodies (only declarations are read, and a source of thousands of
    // functions parses in a fraction of the time). A skipped body makes libclang report the definition as a mere
    // declaration, so DeclarationExtractor decides "is it defined here" from the text after the declarator.
    private const uint KeepGoing = 0x200;
    private const uint SkipFunctionBodies = 0x40;

    private readonly LibClang _api;
    private readonly Dictionary<IntPtr, string> _fileNames = [];
    private IntPtr _index;
    private IntPtr _unit;

    private ClangSession(LibClang api, IntPtr index, IntPtr unit)
    {
        _api = api;
        _index = index;
        _unit = unit;
    }

    public LibClang Api => _api;

    /// <summary>Parses; on failure returns null and libclang's error code.</summary>
    public static ClangSession? Parse(LibClang api, string mainFile, IReadOnlyList<string> arguments, IReadOnlyList<KeyValuePair<string, string>> unsavedFiles, out int errorCode) =>
        Parse(api, mainFile, arguments, unsavedFiles, null, out errorCode);

    /// <summary>
    /// Parses, libclang reading each unsaved file with the spans <paramref name="blanks"/> gives for it (UTF-16 offsets of
    /// ASCII text) replaced by spaces, line breaks kept: the text it sees is made in native memory, never as a string.
    /// </summary>
    public static ClangSession? Parse(LibClang api, string mainFile, IReadOnlyList<string> arguments, IReadOnlyList<KeyValuePair<string, string>> unsavedFiles,
        IReadOnlyDictionary<string, ImmutableArray<TextSpan>>? blanks, out int errorCode)
    {
        var allocations = new List<IntPtr>();
        try
        {
            var argv = (byte**)Allocate(allocations, sizeof(IntPtr) * Math.Max(1, arguments.Count));
            for (var i = 0; i < arguments.Count; i++)
                argv[i] = Utf8(allocations, arguments[i], out _);
            var unsaved = (CXUnsavedFile*)Allocate(allocations, sizeof(CXUnsavedFile) * Math.Max(1, unsavedFiles.Count));
            for (var i = 0; i < unsavedFiles.Count; i++)
            {
                unsaved[i].Filename = (IntPtr)Utf8(allocations, unsavedFiles[i].Key, out _);
                var contents = Utf8(allocations, unsavedFiles[i].Value, out var length);
                if (blanks is not null && blanks.TryGetValue(unsavedFiles[i].Key, out var spans))
                    Blank(unsavedFiles[i].Value, contents, length, spans);
                unsaved[i].Contents = (IntPtr)contents;
                unsaved[i].Length = new CULong((nuint)length);
            }
            var file = Utf8(allocations, mainFile, out _);
            var index = api.CreateIndex(0, 0);
            IntPtr unit;
            errorCode = api.ParseTranslationUnit2(index, file, argv, arguments.Count, unsaved, (uint)unsavedFiles.Count, KeepGoing | SkipFunctionBodies, &unit);
            if (errorCode != 0 || unit == IntPtr.Zero)
            {
                api.DisposeIndex(index);
                return null;
            }
            return new ClangSession(api, index, unit);
        }
        finally
        {
            foreach (var allocation in allocations)
                NativeMemory.Free((void*)allocation);
        }
    }

    public CXCursor Root => _api.GetTranslationUnitCursor(_unit);

    public IntPtr Unit => _unit;

    /// <summary>The direct children of a cursor, in source order.</summary>
    public List<CXCursor> Children(CXCursor parent)
    {
        var list = new List<CXCursor>();
        var handle = GCHandle.Alloc(list);
        try
        {
            _api.VisitChildren(parent, &CollectChild, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }
        return list;
    }

    [UnmanagedCallersOnly]
    private static int CollectChild(CXCursor cursor, CXCursor parent, IntPtr data)
    {
        ((List<CXCursor>)GCHandle.FromIntPtr(data).Target!).Add(cursor);
        return 1; // CXChildVisit_Continue
    }

    /// <summary>
    /// Which of DllExport (bit 0), DllImport (bit 1) and an asm label (bit 2) are among a declaration's attributes: its
    /// direct children visited without collecting them, and not at all when it has no attributes.
    /// </summary>
    public int DeclarationAttributes(CXCursor declaration)
    {
        if (_api.CursorHasAttrs(declaration) == 0)
            return 0;
        var flags = 0;
        _api.VisitChildren(declaration, &CollectAttribute, (IntPtr)(&flags));
        return flags;
    }

    public const int DllExportAttribute = 1, DllImportAttribute = 2, AsmLabelAttribute = 4;

    [UnmanagedCallersOnly]
    private static int CollectAttribute(CXCursor cursor, CXCursor parent, IntPtr data)
    {
        *(int*)data |= cursor.Kind switch
        {
            CursorKind.DllExport => DllExportAttribute,
            CursorKind.DllImport => DllImportAttribute,
            CursorKind.AsmLabelAttr => AsmLabelAttribute,
            _ => 0,
        };
        return 1; // CXChildVisit_Continue
    }

    /// <summary>Every file the translation unit read, as libclang names them, main file first.</summary>
    public List<string> Inclusions()
    {
        var state = new InclusionState(this);
        var handle = GCHandle.Alloc(state);
        try
        {
            _api.GetInclusions(_unit, &CollectInclusion, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }
        return state.Files;
    }

    private sealed class InclusionState(ClangSession session)
    {
        public readonly ClangSession Session = session;
        public readonly List<string> Files = [];
        public readonly HashSet<string> Seen = new(StringComparer.Ordinal);
    }

    [UnmanagedCallersOnly]
    private static void CollectInclusion(IntPtr file, CXSourceLocation* stack, uint depth, IntPtr data)
    {
        var state = (InclusionState)GCHandle.FromIntPtr(data).Target!;
        var name = state.Session.Take(state.Session._api.GetFileName(file));
        if (name.Length > 0 && state.Seen.Add(name))
            state.Files.Add(name);
    }

    /// <summary>Copies a CXString into a managed string and disposes it.</summary>
    public string Take(CXString value)
    {
        var pointer = _api.GetCString(value);
        var text = pointer == null ? "" : Marshal.PtrToStringUTF8((IntPtr)pointer) ?? "";
        _api.DisposeString(value);
        return text;
    }

    /// <summary>
    /// The file (libclang's handle, stable for the translation unit's lifetime: <see cref="FileName"/> names it), 1-based
    /// line/column and byte offset of a location (the file where a macro was used, for macro-produced text).
    /// </summary>
    public (IntPtr File, int Line, int Column, int Offset) FileHandleLocation(CXSourceLocation location)
    {
        IntPtr file;
        uint line, column, offset;
        _api.GetFileLocation(location, &file, &line, &column, &offset);
        return (file, (int)line, (int)column, (int)offset);
    }

    /// <summary>A file handle's name, asked of libclang once per handle.</summary>
    public string FileName(IntPtr file)
    {
        if (file == IntPtr.Zero)
            return "";
        if (!_fileNames.TryGetValue(file, out var name))
            _fileNames[file] = name = Take(_api.GetFileName(file));
        return name;
    }

    public string Spelling(CXCursor cursor) => Take(_api.GetCursorSpelling(cursor));

    public string Spelling(CXType type) => Take(_api.GetTypeSpelling(type));

    public void Dispose()
    {
        if (_unit != IntPtr.Zero)
            _api.DisposeTranslationUnit(_unit);
        if (_index != IntPtr.Zero)
            _api.DisposeIndex(_index);
        _unit = IntPtr.Zero;
        _index = IntPtr.Zero;
    }

    private static void* Allocate(List<IntPtr> allocations, int bytes)
    {
        var pointer = NativeMemory.AllocZeroed((nuint)bytes);
        allocations.Add((IntPtr)pointer);
        return pointer;
    }

    /// <summary>Overwrites the UTF-8 of <paramref name="text"/> in <paramref name="bytes"/> with spaces over each span (in text order), line breaks kept.</summary>
    private static void Blank(string text, byte* bytes, int length, ImmutableArray<TextSpan> spans)
    {
        var ascii = length == text.Length;
        int chars = 0, at = 0;
        foreach (var span in spans)
        {
            if (span.Start < chars || span.End > text.Length)
                continue;
            // Bytes up to the span: the same count for ASCII text, else counted from the last span on.
            at += ascii ? span.Start - chars : Encoding.UTF8.GetByteCount(text.AsSpan(chars, span.Start - chars));
            for (var i = 0; i < span.Length && at + i < length; i++)
            {
                var c = text[span.Start + i];
                // Each span is ASCII: a byte per character.
                bytes[at + i] = c is '\n' or '\r' ? (byte)c : (byte)' ';
            }
            at += span.Length;
            chars = span.End;
        }
    }

    private static byte* Utf8(List<IntPtr> allocations, string text, out int length)
    {
        length = Encoding.UTF8.GetByteCount(text);
        var pointer = (byte*)Allocate(allocations, length + 1);
        Encoding.UTF8.GetBytes(text, new Span<byte>(pointer, length));
        return pointer;
    }
}
