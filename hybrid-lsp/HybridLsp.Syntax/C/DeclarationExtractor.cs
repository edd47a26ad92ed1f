using System.Collections.Immutable;
using System.Text;
using HybridLsp.Syntax.C.Interop;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.C;

/// <summary>
/// Walks a parsed translation unit and collects the declarations that sit in workspace files: functions, records,
/// enums and typedefs, recursing into namespaces and <c>extern "C"</c> blocks. Macro-produced declarations are
/// ordinary declarations here: clang has already expanded them.
/// </summary>
internal sealed unsafe class DeclarationExtractor
{
    private const int MaxDiagnostics = 200;

    private readonly ClangSession _session;
    private readonly LibClang _api;
    private readonly TypeReader _types;
    private readonly CParseRequest _request;
    private readonly Dictionary<IntPtr, SourceFile> _files = [];
    private readonly ImmutableArray<CFunction>.Builder _functions = ImmutableArray.CreateBuilder<CFunction>();
    private readonly ImmutableArray<CRecord>.Builder _records = ImmutableArray.CreateBuilder<CRecord>();
    private readonly ImmutableArray<CEnum>.Builder _enums = ImmutableArray.CreateBuilder<CEnum>();
    private readonly ImmutableArray<CTypedef>.Builder _typedefs = ImmutableArray.CreateBuilder<CTypedef>();
    private readonly Dictionary<string, int> _recordIndex = new(StringComparer.Ordinal);

    public DeclarationExtractor(ClangSession session, CParseRequest request)
    {
        _session = session;
        _api = session.Api;
        _types = new TypeReader(session, request.Language);
        _request = request;
    }

    public CParseResult Extract(ImmutableArray<string> dropped, CancellationToken cancellationToken)
    {
        var diagnostics = Diagnostics();
        // A unit with errors may have read the public headers differently from the headers' unit (an unterminated
        // declaration at a header's end runs into the source's text): it reads every signature rather than leave one to a
        // declaration the headers' unit may not have (which would cost the caller a second parse of it).
        _omitSignatures = !_request.OmitDeclarationsFrom.IsEmpty && !_request.ReadAllSignatures && !diagnostics.Any(d => d.Severity >= CSeverity.Error);
        Visit(_session.Root, "", cancellationToken);
        return new CParseResult(CParseStatus.Parsed, null, diagnostics, _functions.ToImmutable(), _records.ToImmutable(), _enums.ToImmutable(), _typedefs.ToImmutable(), [.. _session.Inclusions()], dropped);
    }

    private bool _omitSignatures;

    private void Visit(CXCursor parent, string scope, CancellationToken cancellationToken)
    {
        foreach (var cursor in _session.Children(parent))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (cursor.Kind)
            {
                case CursorKind.LinkageSpec:
                case CursorKind.UnexposedDecl:
                    Visit(cursor, scope, cancellationToken);
                    break;
                case CursorKind.Namespace:
                    Visit(cursor, Qualify(scope, _session.Spelling(cursor)), cancellationToken);
                    break;
                case CursorKind.FunctionDecl:
                {
                    var at = Location(_api.GetCursorLocation(cursor));
                    if (at.File.Reported || at.File.Text is not null && at.File.Name == _request.ReportFunctionsFrom)
                        _functions.Add(Function(cursor, scope, at));
                    break;
                }
                case CursorKind.StructDecl or CursorKind.UnionDecl or CursorKind.ClassDecl when InWorkspace(cursor):
                    Record(cursor, scope, cancellationToken);
                    break;
                case CursorKind.EnumDecl when InWorkspace(cursor) && _api.IsCursorDefinition(cursor) != 0:
                    _enums.Add(Enum(cursor, scope));
                    break;
                case CursorKind.TypedefDecl or CursorKind.TypeAliasDecl when InWorkspace(cursor):
                {
                    var name = _session.Spelling(cursor);
                    _typedefs.Add(new CTypedef(name, Qualify(scope, name), NameSpan(cursor), _types.Read(_api.GetTypedefDeclUnderlyingType(cursor))));
                    break;
                }
            }
        }
    }

    private CFunction Function(CXCursor cursor, string scope, Located at)
    {
        var name = _session.Spelling(cursor);
        var type = _api.GetCursorType(cursor);
        var attributes = _session.DeclarationAttributes(cursor);
        var dllExport = (attributes & ClangSession.DllExportAttribute) != 0;
        var dllImport = (attributes & ClangSession.DllImportAttribute) != 0;
        var mangled = Mangling(cursor, name, (attributes & ClangSession.AsmLabelAttribute) != 0);
        var linkage = IsCxxMangled(mangled) ? CLinkage.Cxx : CLinkage.C;
        var entryPoint = linkage == CLinkage.C ? name : IsMachO ? mangled[1..] : mangled;
        var omitSignature = SignatureLeftToHeaders(cursor);
        var extent = _api.GetCursorExtent(cursor);
        var start = Location(_api.GetRangeStart(extent));
        var end = Location(_api.GetRangeEnd(extent));
        var count = omitSignature ? 0 : Math.Max(0, _api.CursorGetNumArguments(cursor));
        var parameters = ImmutableArray.CreateBuilder<CParameter>(count);
        for (var i = 0; i < count; i++)
        {
            var argument = _api.CursorGetArgument(cursor, (uint)i);
            var parameterName = _session.Spelling(argument);
            parameters.Add(new CParameter(parameterName, _types.Read(_api.GetCursorType(argument)), parameterName.Length > 0 ? NameSpan(argument, parameterName) : null));
        }
        var returnType = omitSignature ? CType.Omitted : _types.Read(_api.GetResultType(type));
        var parameterList = parameters.MoveToImmutable();
        return new CFunction(
            name,
            Qualify(scope, name),
            NameSpan(at, name),
            FullSpan(start, end),
            IsFunctionDefinition(cursor, name, at, end),
            _api.CursorGetStorageClass(cursor) == 3, // CX_SC_Static
            linkage,
            mangled,
            entryPoint,
            (CVisibility)Math.Clamp(_api.GetCursorVisibility(cursor), 0, 3),
            dllExport,
            dllImport,
            _api.CursorIsVariadic(cursor) != 0,
            TypeReader.CallingConvention(_api.GetFunctionTypeCallingConv(type)),
            returnType,
            parameterList)
        {
            IsInvalid = _api.IsInvalidDeclaration(cursor) != 0 || returnType.IsInvalid || parameterList.Any(p => p.Type.IsInvalid),
            SignatureOmitted = omitSignature,
        };
    }

    /// <summary>
    /// Whether this unit leaves a function's signature to the headers' unit (<see cref="CFunction.SignatureOmitted"/>): its
    /// first declaration is in a file whose declarations this unit does not report, so the headers' unit reports that
    /// declaration, and a function's signature is its header declaration's. A source's definitions are read for whether and
    /// how they are defined (linkage, visibility, attributes, where); reading their types again is most of their cost.
    /// </summary>
    private bool SignatureLeftToHeaders(CXCursor cursor)
    {
        if (!_omitSignatures)
            return false;
        var first = _api.GetCanonicalCursor(cursor);
        if (first.Data0 == cursor.Data0)
            return false;
        return Location(_api.GetCursorLocation(first)).File.Omitted;
    }

    private void Record(CXCursor cursor, string scope, CancellationToken cancellationToken)
    {
        var type = _api.GetCursorType(cursor);
        var anonymous = _api.CursorIsAnonymous(cursor) != 0;
        // `typedef struct { … } T;`: clang names the type after the typedef; a truly anonymous member record has no name.
        var name = anonymous ? TypedefNameOf(type) : _session.Spelling(cursor);
        var qualified = Qualify(scope, name);
        var isDefinition = _api.IsCursorDefinition(cursor) != 0;
        var children = _session.Children(cursor);

        // Nested named records (C++ and C alike) are reported on their own; anonymous ones are flattened below.
        foreach (var child in children)
            if (child.Kind is CursorKind.StructDecl or CursorKind.UnionDecl or CursorKind.ClassDecl && _api.CursorIsAnonymous(child) == 0)
                Record(child, qualified, cancellationToken);
            else if (child.Kind == CursorKind.EnumDecl && _api.IsCursorDefinition(child) != 0)
                _enums.Add(Enum(child, qualified));

        if (name.Length == 0)
            return;
        var key = qualified;
        if (_recordIndex.TryGetValue(key, out var existing))
        {
            if (!isDefinition || _records[existing].IsComplete)
                return;
        }
        var fields = ImmutableArray.CreateBuilder<CField>();
        var packed = false;
        if (isDefinition)
            CollectFields(type, children, fields, ref packed);
        var size = _api.TypeGetSizeOf(type);
        var align = _api.TypeGetAlignOf(type);
        var kind = cursor.Kind switch { CursorKind.UnionDecl => CRecordKind.Union, CursorKind.ClassDecl => CRecordKind.Class, _ => CRecordKind.Struct };
        var record = new CRecord(name, qualified, kind, NameSpan(cursor), isDefinition && size >= 0, size < 0 ? -1 : size, align < 0 ? -1 : align, packed, fields.Any(f => f.IsBitField), fields.ToImmutable())
        {
            IsInvalid = _api.IsInvalidDeclaration(cursor) != 0 || fields.Any(f => f.Type.IsInvalid),
        };
        if (_recordIndex.ContainsKey(key))
        {
            _records[existing] = record;
        }
        else
        {
            _recordIndex[key] = _records.Count;
            _records.Add(record);
        }
    }

    private void CollectFields(CXType outerType, List<CXCursor> children, ImmutableArray<CField>.Builder fields, ref bool packed)
    {
        foreach (var child in children)
        {
            if (child.Kind == CursorKind.PackedAttr)
            {
                packed = true;
            }
            else if (child.Kind == CursorKind.FieldDecl)
            {
                var fieldName = _session.Spelling(child);
                var fieldType = _api.GetCursorType(child);
                // A field whose type is an anonymous struct/union is flattened: its members are listed with offsets in the outer record.
                var fieldDecl = _api.GetTypeDeclaration(fieldType);
                if (fieldName.Length == 0 && fieldDecl.Kind is CursorKind.StructDecl or CursorKind.UnionDecl && _api.CursorIsAnonymous(fieldDecl) != 0)
                    continue;
                var isBitField = _api.CursorIsBitField(child) != 0;
                fields.Add(new CField(fieldName, _types.Read(fieldType), Offset(outerType, child, fieldName), isBitField, isBitField ? _api.GetFieldDeclBitWidth(child) : 0, NameSpan(child)));
            }
            else if (child.Kind is CursorKind.StructDecl or CursorKind.UnionDecl && _api.CursorIsAnonymous(child) != 0)
            {
                var inner = ImmutableArray.CreateBuilder<CField>();
                var innerPacked = false;
                CollectFields(_api.GetCursorType(child), _session.Children(child), inner, ref innerPacked);
                // Offsets inside the anonymous record are relative to it; the outer offset of its first member anchors them.
                var baseOffset = inner.Count > 0 ? OffsetOfName(outerType, inner[0].Name) - inner[0].OffsetInBits : 0;
                foreach (var field in inner)
                    fields.Add(field with { OffsetInBits = field.OffsetInBits + Math.Max(0, baseOffset) });
            }
        }
    }

    private long Offset(CXType outerType, CXCursor field, string name)
    {
        var offset = _api.CursorGetOffsetOfField(field);
        return offset >= 0 ? offset : OffsetOfName(outerType, name);
    }

    private long OffsetOfName(CXType outerType, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* pointer = bytes)
            return _api.TypeGetOffsetOf(outerType, pointer);
    }

    private CEnum Enum(CXCursor cursor, string scope)
    {
        var name = _api.CursorIsAnonymous(cursor) != 0 ? TypedefNameOf(_api.GetCursorType(cursor)) : _session.Spelling(cursor);
        var integerType = _types.Read(_api.GetEnumDeclIntegerType(cursor));
        var unsigned = integerType.Kind is CTypeKind.UChar or CTypeKind.UShort or CTypeKind.UInt or CTypeKind.ULong or CTypeKind.ULongLong or CTypeKind.Bool
            || integerType.Kind == CTypeKind.Char && !integerType.IsSigned;
        var constants = ImmutableArray.CreateBuilder<CEnumConstant>();
        foreach (var child in _session.Children(cursor))
        {
            if (child.Kind != CursorKind.EnumConstantDecl)
                continue;
            Int128 value = unsigned ? _api.GetEnumConstantDeclUnsignedValue(child) : _api.GetEnumConstantDeclValue(child);
            constants.Add(new CEnumConstant(_session.Spelling(child), value, NameSpan(child)));
        }
        return new CEnum(name, Qualify(scope, name), NameSpan(cursor), _api.EnumDeclIsScoped(cursor) != 0, integerType, constants.ToImmutable());
    }

    private string TypedefNameOf(CXType type)
    {
        // clang spells an anonymous record or enum that a typedef names with that typedef's name; otherwise "(unnamed …)" / "(anonymous …)".
        var spelling = _session.Spelling(type);
        return spelling.Contains('(') || spelling.Contains(' ') ? "" : spelling;
    }

    /// <summary>
    /// Whether a function declaration has a body. Bodies are skipped (ClangSession), and libclang then calls a definition a
    /// declaration: the text after the declarator decides — `{` (or `try`, `= default`, `= delete`) is a body, `;` or `,`
    /// is none. Attributes and macros between them are passed over; where the text runs out undecided, it counts as a body
    /// (a missed "declared but never defined" costs less than a false one).
    /// </summary>
    private bool IsFunctionDefinition(CXCursor cursor, string name, Located at, Located end)
    {
        if (_api.IsCursorDefinition(cursor) != 0)
            return true;
        if (end.File.Text is not { } text)
            return false;
        var map = end.File.Map!;
        // Only a declarator written out in the file is read: its name, then its parameter list. A declaration a macro
        // produces (token pasting, a DEFINE_FN(name) wrapper) is located at the macro's use, whose text says nothing.
        var nameAt = map.ToUtf16(at.Offset);
        if (at.File != end.File || nameAt + name.Length > text.Length || string.CompareOrdinal(text, nameAt, name, 0, name.Length) != 0
            || !text.AsSpan(nameAt + name.Length).TrimStart().StartsWith("(", StringComparison.Ordinal))
            return !LooksLikeHeader(end.File.Name);
        var i = Math.Min(map.ToUtf16(end.Offset), text.Length);
        var depth = 0;
        for (var steps = 0; i < text.Length && steps < 4096; steps++)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                    i++;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 2;
                continue;
            }
            if (c is '(' or '[')
                depth++;
            else if (c is ')' or ']')
                depth = Math.Max(0, depth - 1);
            else if (depth == 0)
            {
                if (c == '{')
                    return true;
                if (c is ';' or ',')
                    return false;
                if (c == '=')
                    return text.AsSpan(i + 1).TrimStart().StartsWith("default", StringComparison.Ordinal) || text.AsSpan(i + 1).TrimStart().StartsWith("delete", StringComparison.Ordinal);
            }
            i++;
        }
        return true;
    }

    /// <summary>
    /// Where the text cannot tell: a macro-made function in a header is a declaration (the API-declaring macros), in a
    /// source file a definition (the function-defining macros).
    /// </summary>
    private static bool LooksLikeHeader(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 || path[(dot + 1)..].ToLowerInvariant() is "h" or "hh" or "hpp" or "hxx" or "h++" or "inl" or "inc";
    }

    private ImmutableArray<CDiagnostic> Diagnostics()
    {
        var unit = _session.Unit;
        var count = Math.Min(_api.GetNumDiagnostics(unit), MaxDiagnostics);
        var result = ImmutableArray.CreateBuilder<CDiagnostic>((int)count);
        for (uint i = 0; i < count; i++)
        {
            var diagnostic = _api.GetDiagnostic(unit, i);
            var severity = (CSeverity)Math.Clamp(_api.GetDiagnosticSeverity(diagnostic), 0, 4);
            var message = _session.Take(_api.GetDiagnosticSpelling(diagnostic));
            var location = Location(_api.GetDiagnosticLocation(diagnostic));
            result.Add(new CDiagnostic(severity, message, location.File.Name.Length == 0 ? null : Span(location, location.Offset)));
            _api.DisposeDiagnostic(diagnostic);
        }
        return result.MoveToImmutable();
    }

    private bool InWorkspace(CXCursor cursor) => Location(_api.GetCursorLocation(cursor)).File.Reported;

    /// <summary>A file of the translation unit as the extractor sees it, once per libclang file handle.</summary>
    private sealed class SourceFile(string name, string? text, bool omitted)
    {
        public string Name { get; } = name;

        /// <summary>The workspace text (an unsaved buffer); null for system, builtin and unknown files.</summary>
        public string? Text { get; } = text;

        /// <summary>Declarations in it are reported: a workspace file not in <see cref="CParseRequest.OmitDeclarationsFrom"/>.</summary>
        public bool Reported => Text is not null && !Omitted;

        /// <summary>In <see cref="CParseRequest.OmitDeclarationsFrom"/>.</summary>
        public bool Omitted { get; } = omitted;

        /// <summary>Byte to UTF-16 offsets of <see cref="Text"/>, made when first asked for.</summary>
        public OffsetMap? Map => Text is null ? null : _map ??= new OffsetMap(Text);

        private OffsetMap? _map;
    }

    private readonly record struct Located(SourceFile File, int Line, int Column, int Offset);

    private Located Location(CXSourceLocation location)
    {
        var (handle, line, column, offset) = _session.FileHandleLocation(location);
        if (!_files.TryGetValue(handle, out var file))
        {
            var name = _session.FileName(handle);
            _files[handle] = file = new SourceFile(name, _request.UnsavedFiles.GetValueOrDefault(name), _request.OmitDeclarationsFrom.Contains(name));
        }
        return new Located(file, line, column, offset);
    }

    private CSourceSpan NameSpan(CXCursor cursor, string? knownName = null) =>
        NameSpan(Location(_api.GetCursorLocation(cursor)), knownName ?? _session.Spelling(cursor));

    private CSourceSpan NameSpan(Located at, string name)
    {
        var end = at.Offset;
        // A name written in the file is as long as its spelling; a macro-made name covers the macro use's first token only.
        if (at.File.Text is { } text && at.Offset + name.Length <= text.Length)
            end = at.Offset + Encoding.UTF8.GetByteCount(name);
        return Span(at, end);
    }

    /// <summary>The whole declaration, from the start and end of its extent (the end only when in the same file).</summary>
    private static CSourceSpan FullSpan(Located start, Located end)
    {
        var endOffset = ReferenceEquals(end.File, start.File) ? Math.Max(start.Offset, end.Offset) : start.Offset;
        return Span(start, endOffset);
    }

    private static CSourceSpan Span(Located start, int endByte)
    {
        if (start.File.Map is not { } map)
            return new CSourceSpan(start.File.Name, TextSpan.FromBounds(start.Offset, endByte), start.Line, start.Column);
        return new CSourceSpan(start.File.Name, TextSpan.FromBounds(map.ToUtf16(start.Offset), map.ToUtf16(endByte)), start.Line, start.Column);
    }

    // clang_Cursor_getMangling builds a name generator per call (the largest cost of extraction on a big header).
    // A C function's symbol is predictable except on x86 Windows (stdcall/fastcall/vectorcall decorations) and
    // with an asm label, so C translation units ask libclang only there.
    private string Mangling(CXCursor cursor, string name, bool asmLabel)
    {
        if (_request.Language == CLanguage.Cxx || IsX86Windows || asmLabel)
            return _session.Take(_api.CursorGetMangling(cursor));
        return IsMachO ? "_" + name : name;
    }

    private bool IsX86Windows => ClangArguments.IsX86WindowsTriple(_request.TargetTriple);

    private bool IsMachO => _request.TargetTriple.Contains("apple", StringComparison.Ordinal) || _request.TargetTriple.Contains("darwin", StringComparison.Ordinal);

    // Itanium names start with _Z (__Z with the Mach-O underscore); MSVC C++ names with '?'.
    private bool IsCxxMangled(string mangled) =>
        mangled.StartsWith("_Z", StringComparison.Ordinal) || mangled.StartsWith('?') || IsMachO && mangled.StartsWith("__Z", StringComparison.Ordinal);

    private static string Qualify(string scope, string name) => scope.Length == 0 ? name : name.Length == 0 ? scope : scope + "::" + name;

    /// <summary>Maps libclang's UTF-8 byte offsets to UTF-16 offsets of a workspace file's text.</summary>
    private sealed class OffsetMap
    {
        private readonly int[]? _utf16ByByte;
        private readonly int _length;

        public OffsetMap(string text)
        {
            _length = text.Length;
            if (Encoding.UTF8.GetByteCount(text) == text.Length)
                return; // ASCII: bytes and UTF-16 units coincide.
            var map = new List<int>(text.Length + 16);
            for (var i = 0; i < text.Length; i++)
            {
                var isPair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                var bytes = isPair ? 4 : text[i] < 0x80 ? 1 : text[i] < 0x800 ? 2 : 3;
                for (var b = 0; b < bytes; b++)
                    map.Add(i);
                if (isPair)
                    i++;
            }
            map.Add(text.Length);
            _utf16ByByte = [.. map];
        }

        public int ToUtf16(int byteOffset)
        {
            if (byteOffset < 0)
                return 0;
            if (_utf16ByByte is null)
                return Math.Min(byteOffset, _length);
            return _utf16ByByte[Math.Min(byteOffset, _utf16ByByte.Length - 1)];
        }
    }
}
