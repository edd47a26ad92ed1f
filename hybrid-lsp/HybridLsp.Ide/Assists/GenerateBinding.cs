using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.C;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// "Bind": a C# declaration for a Rust export, inserted into the class that already binds the crate or into a new
/// `NativeMethods.&lt;Lib&gt;.cs`. An export with a type that has no certain C# equivalent (String, slices, generics, …)
/// gets nothing: a binding is correct or not offered.
/// </summary>
internal static partial class GenerateBinding
{
    /// <summary>Where declarations go and in which style.</summary>
    /// <param name="InsertAt">Where members go in an existing class (the start of its closing brace's line), null for a new file.</param>
    internal sealed record Target(string Path, bool LibraryImport, bool AllowUnsafe, string LibraryText, bool Qualify, CsTypeBody? Body, int? InsertAt, string Indent, string ClassName, string Newline)
    {
        /// <summary>A configured target (x86) where the default convention is not cdecl: LibraryImport then names it.</summary>
        public bool NameCdecl { get; init; }

        /// <summary>The namespace-qualified name of the class (the class name alone for a new file, which declares no namespace).</summary>
        public string FullName { get; init; } = ClassName;
    }

    /// <summary>"Generate C# binding" on the name of an unbound export, and "Bind all unbound exports" of its crate.</summary>
    public static ImmutableArray<CodeAction> At(SemanticModel model, string path, TextSpan range, Func<string, string?> textOf)
    {
        foreach (var crate in model.Crates)
        {
            var export = crate.ExportsBySymbol.SelectMany(p => p.Value.Select(f => (Symbol: p.Key, Fn: f)))
                .FirstOrDefault(e => e.Fn.Path == path && e.Fn.Item.NameSpan.Start <= range.Start && range.End <= e.Fn.Item.NameSpan.End);
            if (export.Fn is null)
                continue;
            var unbound = Unbound(model, crate);
            if (!unbound.Contains(export.Symbol) || FindTarget(model, crate.LibName, b => b.Crate == crate, textOf) is not { } found)
                return [];
            var target = found with { NameCdecl = NeedsCdecl(model) };
            var actions = ImmutableArray.CreateBuilder<CodeAction>();
            if (Build(model, target, RustDeclarer(crate), [export.Symbol], all: false) is { } one)
                actions.Add(new CodeAction($"Generate C# binding for '{export.Symbol}'", CodeActionKinds.Refactor, [], IsPreferred: false, [one]));
            if (Build(model, target, RustDeclarer(crate), unbound, all: true) is { } many)
                actions.Add(new CodeAction($"Bind all unbound exports of '{crate.LibName}'", CodeActionKinds.Refactor, [], IsPreferred: false, [many]));
            return actions.ToImmutable();
        }
        foreach (var library in model.CLibraries)
        {
            var export = library.Targets.Values.SelectMany(t => t.ExportsBySymbol)
                .FirstOrDefault(e => e.Value.Declaration.Linkage == CLinkage.C
                    && (At(e.Value.Declaration, path, range) || e.Value.Definition is { } d && At(d, path, range)));
            if (export.Value is null)
                continue;
            var unbound = Unbound(model, library);
            if (!unbound.Contains(export.Key) || FindTarget(model, library.LoaderName, b => b.CLibrary == library, textOf) is not { } found)
                return [];
            var target = found with { NameCdecl = NeedsCdecl(model) };
            var actions = ImmutableArray.CreateBuilder<CodeAction>();
            if (Build(model, target, CDeclarer(model, library), [export.Key], all: false) is { } one)
                actions.Add(new CodeAction($"Generate C# binding for '{export.Key}'", CodeActionKinds.Refactor, [], IsPreferred: false, [one]));
            if (Build(model, target, CDeclarer(model, library), unbound, all: true) is { } many)
                actions.Add(new CodeAction($"Bind all unbound exports of '{library.Name}'", CodeActionKinds.Refactor, [], IsPreferred: false, [many]));
            return actions.ToImmutable();
        }
        return [];
    }

    /// <summary>
    /// "Bind all unbound exports" of the crate or C/C++ library <paramref name="library"/> resolves to, as one edit: into
    /// the class that already binds it most, else a new file in the only project. Null when the library is unknown,
    /// everything is bound, or there is no certain place to put the declarations.
    /// </summary>
    public static FileEdit? All(SemanticModel model, string library, Func<string, string?> textOf)
    {
        if (model.FindCrate(library) is { } crate)
        {
            if (FindTarget(model, crate.LibName, b => b.Crate == crate, textOf) is not { } found || Unbound(model, crate) is { IsEmpty: true })
                return null;
            return Build(model, found with { NameCdecl = NeedsCdecl(model) }, RustDeclarer(crate), Unbound(model, crate), all: true);
        }
        if (model.FindCLibrary(library) is { } c)
        {
            if (FindTarget(model, c.LoaderName, b => b.CLibrary == c, textOf) is not { } found || Unbound(model, c) is { IsEmpty: true })
                return null;
            return Build(model, found with { NameCdecl = NeedsCdecl(model) }, CDeclarer(model, c), Unbound(model, c), all: true);
        }
        return null;
    }

    private static bool At(CFunction function, string path, TextSpan range) =>
        function.NameSpan.File == path && function.NameSpan.Span.Start <= range.Start && range.End <= function.NameSpan.Span.End;

    /// <summary>Declares one export: (target, symbol, new types, existing C# types) → the C# declaration, or null.</summary>
    private delegate string? Declarer(Target target, string symbol, Dictionary<string, string> types, ILookup<string, string> csTypes);

    private static Declarer RustDeclarer(RustCrate crate) => (target, symbol, types, csTypes) =>
        crate.ExportsBySymbol[symbol] is [var only] ? Declaration(target, crate, symbol, only.Item, types, csTypes) : null;

    private static Declarer CDeclarer(SemanticModel model, CLibrary library) => (target, symbol, types, csTypes) =>
        CBinding.Declaration(model, library, symbol, new CBinding.Style(target.LibraryImport, target.AllowUnsafe, target.Qualify ? "System.Runtime.InteropServices." : "", target.Body?.IsUnsafe ?? target.AllowUnsafe, target.NameCdecl),
            target.LibraryText, types, csTypes);

    /// <summary>A complete C# file binding every export of the crate <paramref name="library"/> resolves to; null for an unknown library.</summary>
    public static string? File(SemanticModel model, string library)
    {
        if (model.FindCrate(library) is not { } crate)
            return model.FindCLibrary(library) is { } c ? CFile(model, c) : null;
        // The project that already binds the crate, else the first one.
        var project = model.Bindings.Where(b => b.Crate == crate && b.File.ProjectPath is not null)
            .Select(b => model.Input.Projects.GetValueOrDefault(b.File.ProjectPath!)).FirstOrDefault(p => p is not null)
            ?? model.Input.Projects.Values.OrderBy(p => p.Path, StringComparer.Ordinal).FirstOrDefault();
        var target = NewFileTarget(crate.LibName, project, "NativeMethods." + Pascal(crate.LibName) + ".cs") with { NameCdecl = NeedsCdecl(model) };
        var symbols = crate.ExportsBySymbol.Keys.Order(StringComparer.Ordinal).ToImmutableArray();
        return Build(model, target, RustDeclarer(crate), symbols, all: true)?.Edits[0].NewText;
    }

    private static string? CFile(SemanticModel model, CLibrary library)
    {
        var project = model.Bindings.Where(b => b.CLibrary == library && b.File.ProjectPath is not null)
            .Select(b => model.Input.Projects.GetValueOrDefault(b.File.ProjectPath!)).FirstOrDefault(p => p is not null)
            ?? model.Input.Projects.Values.OrderBy(p => p.Path, StringComparer.Ordinal).FirstOrDefault();
        var target = NewFileTarget(library.LoaderName, project, "NativeMethods." + Pascal(library.LoaderName) + ".cs") with { NameCdecl = NeedsCdecl(model) };
        return Build(model, target, CDeclarer(model, library), CExports(library), all: true)?.Edits[0].NewText;
    }

    /// <summary>The library's C-linkage exports present on every parsed target, sorted.</summary>
    private static ImmutableArray<string> CExports(CLibrary library)
    {
        var parsed = library.Targets.Values.Where(t => t.Parsed).ToList();
        return parsed.Count == 0 ? [] : [.. parsed[0].ExportsBySymbol.Where(e => e.Value.Declaration.Linkage == CLinkage.C && parsed.All(t => t.ExportsBySymbol.ContainsKey(e.Key)))
            .Select(e => e.Key).Order(StringComparer.Ordinal)];
    }

    private static ImmutableArray<string> Unbound(SemanticModel model, CLibrary library)
    {
        var bound = model.Bindings.Where(b => b.CLibrary == library).Select(b => b.EntryPoint).ToHashSet(StringComparer.Ordinal);
        return [.. CExports(library).Where(s => !bound.Contains(s))];
    }

    internal static bool NeedsCdecl(SemanticModel model) => model.Config.Targets.Any(t => t.HasDistinctCallingConventions);

    private static ImmutableArray<string> Unbound(SemanticModel model, RustCrate crate)
    {
        var bound = model.Bindings.Where(b => b.Crate == crate).Select(b => b.EntryPoint).ToHashSet(StringComparer.Ordinal);
        return [.. crate.ExportsBySymbol.Keys.Where(s => !bound.Contains(s)).Order(StringComparer.Ordinal)];
    }

    private static Target? FindTarget(SemanticModel model, string libName, Func<Binding, bool> binds, Func<string, string?> textOf) =>
        FindTarget(model, binds, libName, projectPath: null, textOf);

    /// <summary>
    /// Where declarations for a library go: the class that already binds it (<paramref name="bindsLibrary"/>), in its style and
    /// with its library expression, else a new `NativeMethods.&lt;Lib&gt;.cs` beside the project (<paramref name="projectPath"/>,
    /// else the only project). Also used by "Extract to native" for the binding of the function it creates.
    /// </summary>
    internal static Target? FindTarget(SemanticModel model, Func<Binding, bool> bindsLibrary, string libName, string? projectPath, Func<string, string?> textOf)
    {
        var existing = model.Bindings.Where(b => b.Resolution == ResolutionKind.Resolved && bindsLibrary(b))
            .GroupBy(b => (b.Path, b.Method.Container))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Path, StringComparer.Ordinal).FirstOrDefault();
        if (existing is not null)
        {
            var first = existing.First();
            if (textOf(first.Path) is not { } text || CsTypeBodies.Find(text, first.Method.Container) is not { } body || SourceLines.LineStart(text, body.CloseBrace) is null)
                return null;
            var project = first.File.ProjectPath is { } p && model.Input.Projects.TryGetValue(p, out var pf) ? pf : null;
            var libraryText = text.Substring(first.Method.Library.Span.Start, first.Method.Library.Span.Length);
            var libraryImport = first.Method.Kind == CsImportKind.LibraryImport;
            if (libraryImport && !body.IsPartial)
                return null;
            return new Target(first.Path, libraryImport, project?.Project.AllowUnsafeBlocks ?? false, libraryText,
                !Regex.IsMatch(text, @"^\s*using\s+System\.Runtime\.InteropServices\s*;", RegexOptions.Multiline),
                body, SourceLines.LineStart(text, body.CloseBrace), SourceLines.LineIndent(text, first.Method.FullSpan.Start), first.Method.ContainerSimpleName, text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n")
            {
                FullName = first.Method.Container,
            };
        }
        var projects = projectPath is not null && model.Input.Projects.TryGetValue(projectPath, out var chosen) ? [chosen] : model.Input.Projects.Values.ToList();
        if (projects.Count != 1)
            return null;
        var path = PathUtil.Directory(projects[0].Path) + "/NativeMethods." + Pascal(libName) + ".cs";
        if (textOf(path) is not null || model.Input.CSharpFiles.ContainsKey(path))
            return null;
        return NewFileTarget(libName, projects[0], path);
    }

    internal static Target NewFileTarget(string libName, ProjectFile? project, string path)
    {
        var allowUnsafe = project?.Project.AllowUnsafeBlocks ?? false;
        var net7 = project?.Project.TargetFrameworks.Any(f => Regex.Match(f, @"^net(\d+)\.\d+") is { Success: true } m && int.Parse(m.Groups[1].Value) >= 7) ?? false;
        return new Target(path, LibraryImport: allowUnsafe && net7, allowUnsafe, Quote(libName), Qualify: false, Body: null, InsertAt: null, "    ", Pascal(libName) + "Native", "\n");
    }

    private static FileEdit? Build(SemanticModel model, Target target, Declarer declare, ImmutableArray<string> symbols, bool all)
    {
        var csTypes = model.Input.CSharpFiles.Values
            .SelectMany(f => f.Syntax.Structs.Select(t => (t.Name, t.FullName)).Concat(f.Syntax.Enums.Select(e => (e.Name, e.FullName))))
            .Distinct().ToLookup(t => t.Name, t => t.FullName, StringComparer.Ordinal);
        var members = new List<string>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            if (declare(target, symbol, types, csTypes) is not { } decl)
            {
                if (!all)
                    return null;
                continue;
            }
            members.Add(decl);
        }
        if (members.Count == 0)
            return null;
        var nl = target.Newline;
        var body = new StringBuilder();
        foreach (var member in types.Values.Concat(members))
        {
            foreach (var line in member.Split('\n'))
                body.Append(line.Length == 0 ? "" : target.Indent + line).Append(nl);
        }
        if (target.InsertAt is { } at)
            return new FileEdit(target.Path, [new TextEdit(new TextSpan(at, 0), body.ToString())]);
        var file = new StringBuilder();
        file.Append("using System.Runtime.InteropServices;").Append(nl).Append(nl);
        file.Append("internal static ").Append(target.AllowUnsafe ? "unsafe " : "").Append("partial class ").Append(target.ClassName).Append(nl).Append('{').Append(nl);
        file.Append(body).Append('}').Append(nl);
        return new FileEdit(target.Path, [new TextEdit(new TextSpan(0, 0), file.ToString())]) { Creates = true };
    }

    private static string? Declaration(Target target, RustCrate crate, string symbol, RustFunction fn, Dictionary<string, string> types, ILookup<string, string> csTypes)
    {
        if (fn.HasGenerics || fn.IsVariadic || fn.IsAsync || fn.Abi is not ("C" or "C-unwind"))
            return null;
        var q = target.Qualify ? "System.Runtime.InteropServices." : "";
        var ctx = new MapContext(target, crate, types, q, csTypes);
        var unsafeNeeded = false;
        var parameters = new List<string>();
        var usesString = false;
        foreach (var p in fn.Parameters)
        {
            if (ctx.Map(p.Type, isReturn: false) is not { } mapped)
                return null;
            unsafeNeeded |= mapped.Unsafe;
            usesString |= mapped.Type == "string";
            var name = Identifier(p.Name) ?? (Keywords.Contains(p.Name) ? "@" + p.Name : $"arg{parameters.Count}");
            parameters.Add((mapped.Attribute is { } a ? $"[{a}] " : "") + mapped.Type + " " + name);
        }
        var ret = fn.Return is null or RustTupleType { IsUnit: true } ? new Mapped("void", null, false) : ctx.Map(fn.Return, isReturn: true);
        if (ret is null)
            return null;
        unsafeNeeded |= ret.Unsafe;
        var methodName = Identifier(symbol) ?? Pascal(symbol);
        if (Identifier(methodName) is null)
            return null;
        var sb = new StringBuilder();
        if (target.LibraryImport)
        {
            sb.Append($"[{q}LibraryImport({target.LibraryText}, EntryPoint = \"{symbol}\"");
            if (usesString)
                sb.Append($", StringMarshalling = {q}StringMarshalling.Utf8");
            sb.Append(")]\n");
            if (target.NameCdecl)
                sb.Append($"[{q}UnmanagedCallConv(CallConvs = new[] {{ typeof(System.Runtime.CompilerServices.CallConvCdecl) }})]\n");
        }
        else
            sb.Append($"[{q}DllImport({target.LibraryText}, EntryPoint = \"{symbol}\", CallingConvention = {q}CallingConvention.Cdecl)]\n");
        if (ret.Attribute is { } ra)
            sb.Append($"[return: {ra}]\n");
        var isUnsafe = unsafeNeeded && !(target.Body?.IsUnsafe ?? target.AllowUnsafe);
        sb.Append("internal static ").Append(isUnsafe ? "unsafe " : "").Append(target.LibraryImport ? "partial " : "extern ")
            .Append(ret.Type).Append(' ').Append(methodName).Append('(').Append(string.Join(", ", parameters)).Append(");");
        return sb.ToString();
    }

    private sealed record Mapped(string Type, string? Attribute, bool Unsafe);

    /// <param name="csTypes">C# structs and enums of the workspace: simple name → full names; one of them is used as is (its layout is the checker's job).</param>
    private sealed class MapContext(Target target, RustCrate crate, Dictionary<string, string> types, string q, ILookup<string, string> csTypes)
    {
        public Mapped? Map(RustType type, bool isReturn)
        {
            switch (type)
            {
                case RustPathType { GenericArgs.IsDefaultOrEmpty: true } path:
                    if (crate.FindAlias(path.Name) is not null)
                        return null;
                    if (path.Name == "bool")
                        return new Mapped("bool", $"{q}MarshalAs({q}UnmanagedType.U1)", false);
                    if (Scalar(path.Name) is { } scalar)
                        return new Mapped(scalar, null, false);
                    if (path.Name is "c_long" or "c_ulong")
                        return new Mapped(q + (path.Name == "c_long" ? "CLong" : "CULong"), null, false);
                    return UserType(path.Name);
                case RustPathType { Name: "Option", GenericArgs: [RustFnPtrType fnPtr] }:
                    return FnPointer(fnPtr);
                case RustFnPtrType fnPtr:
                    return FnPointer(fnPtr);
                case RustPtrType { Pointee: RustPathType { Name: "c_char" } } ptr when !ptr.Mutable && !isReturn:
                    return target.LibraryImport ? new Mapped("string", null, false) : new Mapped("string", $"{q}MarshalAs({q}UnmanagedType.LPUTF8Str)", false);
                case RustPtrType { Pointee: RustPathType { Name: "c_char" } } when isReturn:
                    return new Mapped("nint", null, false); // a Rust-allocated string: the caller frees it through the library
                case RustPtrType { Pointee: RustPathType { Name: "c_void" } }:
                    return new Mapped("nint", null, false);
                case RustPtrType ptr:
                    return Pointer(ptr.Pointee);
                case RustRefType r:
                    return Pointer(r.Pointee);
                default:
                    return null;
            }
        }

        private Mapped? Pointer(RustType pointee)
        {
            if (pointee is RustPtrType or RustRefType)
                return new Mapped("nint", null, false);
            if (pointee is not RustPathType { GenericArgs.IsDefaultOrEmpty: true } path || path.Name == "bool" || crate.FindAlias(path.Name) is not null)
                return null;
            var element = Scalar(path.Name) ?? (path.Name is "c_char" ? "byte" : null) ?? UserType(path.Name)?.Type;
            if (element is null)
                return null;
            return target.AllowUnsafe ? new Mapped(element + "*", null, true) : new Mapped("nint", null, false);
        }

        private Mapped? FnPointer(RustFnPtrType fn)
        {
            if (!target.AllowUnsafe || fn.Abi != "C" || fn.IsVariadic)
                return null;
            var parts = new List<string>();
            foreach (var p in fn.Parameters.Append(fn.Return ?? new RustTupleType(default, [])))
            {
                var t = p is RustTupleType { IsUnit: true } && parts.Count == fn.Parameters.Length ? "void"
                    : p is RustPathType { GenericArgs.IsDefaultOrEmpty: true } path && crate.FindAlias(path.Name) is null ? Scalar(path.Name) : null;
                if (t is null)
                    return null;
                parts.Add(t);
            }
            return new Mapped($"delegate* unmanaged[Cdecl]<{string.Join(", ", parts)}>", null, true);
        }

        /// <summary>A `repr(C)` struct of scalar fields or a `repr(int)` enum, declared once in the edit.</summary>
        private Mapped? UserType(string name)
        {
            if (csTypes[name].ToList() is { Count: > 0 } existing)
                return existing.Count == 1 && (crate.FindStruct(name) is not null || crate.FindEnum(name) is not null) ? new Mapped("global::" + existing[0], null, false) : null;
            if (crate.FindStruct(name) is { Item: { Repr.C: true, Repr.Packed: null, Repr.Align: null, IsUnion: false, IsTuple: false, HasGenerics: false } s })
            {
                if (!types.ContainsKey(name))
                {
                    var fields = new List<string>();
                    foreach (var f in s.Fields)
                    {
                        if (f.Cfg is not null || f.Type is not RustPathType { GenericArgs.IsDefaultOrEmpty: true } ft || crate.FindAlias(ft.Name) is not null || Scalar(ft.Name) is not { } fieldType)
                            return null;
                        fields.Add($"    public {fieldType} {Identifier(f.Name) ?? "@" + f.Name};");
                    }
                    types[name] = $"[{q}StructLayout({q}LayoutKind.Sequential)]\npublic struct {name}\n{{\n{string.Join("\n", fields)}\n}}\n";
                }
                return new Mapped(name, null, false);
            }
            if (crate.FindEnum(name) is { Item: { Repr.Int: { } repr, Repr.C: false } e } && Scalar(repr) is { } underlying && !e.Variants.Any(v => v.HasFields || v.Cfg is not null))
            {
                if (!types.ContainsKey(name))
                {
                    var members = new List<string>();
                    long next = 0;
                    foreach (var v in e.Variants)
                    {
                        if (v.DiscriminantText is not null && v.Discriminant is null)
                            return null;
                        var value = v.Discriminant ?? next;
                        members.Add($"    {v.Name} = {value},");
                        next = value + 1;
                    }
                    types[name] = $"public enum {name} : {underlying}\n{{\n{string.Join("\n", members)}\n}}\n";
                }
                return new Mapped(name, null, false);
            }
            return null;
        }
    }

    private static string? Scalar(string name) => name switch
    {
        "i8" or "c_schar" => "sbyte",
        "u8" or "c_uchar" => "byte",
        "i16" or "c_short" => "short",
        "u16" or "c_ushort" => "ushort",
        "i32" or "c_int" => "int",
        "u32" or "c_uint" => "uint",
        "i64" or "c_longlong" => "long",
        "u64" or "c_ulonglong" => "ulong",
        "isize" => "nint",
        "usize" => "nuint",
        "f32" or "c_float" => "float",
        "f64" or "c_double" => "double",
        _ => null,
    };

    internal static string? Identifier(string name) =>
        Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$") && !Keywords.Contains(name) ? name : null;

    internal static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal", "default",
        "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto",
        "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc",
        "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    internal static string Pascal(string name) =>
        string.Concat(Regex.Split(name, "[^A-Za-z0-9]+").Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    internal static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
