using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HybridLsp.Syntax.CSharp;

namespace HybridLsp.Ide.Benchmarks;

/// <summary>How one parameter gets its input in the generated benchmark.</summary>
internal enum ArgumentKind
{
    /// <summary>A primitive by value: an input array of <c>Count</c> values (scalar mode) or one fixed value (buffer mode).</summary>
    Scalar,
    /// <summary>`ReadOnlySpan&lt;T&gt;`, `Span&lt;T&gt;` or `T[]` of a primitive: <c>Size</c> elements.</summary>
    Buffer,
    /// <summary>`T*` of a primitive followed by its length: a pinned buffer of <c>Size</c> elements.</summary>
    Pointer,
    /// <summary>The integer after a pointer: the buffer's length.</summary>
    Length,
    /// <summary>`ref`/`in`/`out` of a primitive: a field holding one value.</summary>
    ByRef,
}

/// <param name="Element">The C# keyword of the primitive (element type for buffers and pointers).</param>
/// <param name="TypeText">The parameter's type in the generated code (function pointer signature), without its ref kind.</param>
/// <param name="BufferType">`ReadOnlySpan`, `Span` or `array` for <see cref="ArgumentKind.Buffer"/>.</param>
internal sealed record BenchmarkArgument(string Name, ArgumentKind Kind, string Element, string TypeText, CsRefKind RefKind, string? BufferType = null);

/// <param name="ReturnType">The C# keyword of the returned primitive; null for `void`.</param>
internal sealed record BenchmarkShape(ImmutableArray<BenchmarkArgument> Arguments, string? ReturnType)
{
    public bool HasBuffers => Arguments.Any(a => a.Kind is ArgumentKind.Buffer or ArgumentKind.Pointer);

    /// <summary>No argument can be written by the callee, so the same inputs give both sides the same work and results can be compared.</summary>
    public bool ReadOnlyInputs => Arguments.All(a => a.Kind switch
    {
        ArgumentKind.Scalar or ArgumentKind.Length => true,
        ArgumentKind.ByRef => a.RefKind is CsRefKind.In or CsRefKind.RefReadonly,
        ArgumentKind.Buffer => a.BufferType == "ReadOnlySpan",
        _ => false,
    });
}

/// <summary>
/// Generates the body of the benchmark class of native-templates/benchmark-dotnet for a method signature: function
/// pointers to both methods found by reflection (so any accessibility works and both sides pay the same indirect call),
/// deterministic inputs, a result check, and one [Benchmark] per side with the managed one as Baseline.
/// </summary>
internal static partial class BenchmarkCode
{
    public const int ScalarCount = 1024;

    private static readonly ImmutableDictionary<string, string> s_primitives = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sbyte"] = "sbyte", ["SByte"] = "sbyte", ["byte"] = "byte", ["Byte"] = "byte",
        ["short"] = "short", ["Int16"] = "short", ["ushort"] = "ushort", ["UInt16"] = "ushort",
        ["int"] = "int", ["Int32"] = "int", ["uint"] = "uint", ["UInt32"] = "uint",
        ["long"] = "long", ["Int64"] = "long", ["ulong"] = "ulong", ["UInt64"] = "ulong",
        ["nint"] = "nint", ["IntPtr"] = "nint", ["nuint"] = "nuint", ["UIntPtr"] = "nuint",
        ["float"] = "float", ["Single"] = "float", ["double"] = "double", ["Double"] = "double",
        ["bool"] = "bool", ["Boolean"] = "bool", ["char"] = "char", ["Char"] = "char",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableHashSet<string> s_integers = ["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "nint", "nuint"];

    /// <summary>The shape of the method's signature, or null when a parameter or the return type has no input generator.</summary>
    public static BenchmarkShape? Classify(CsMethodSignature method)
    {
        var returnType = method.ReturnTypeText == "void" ? null : Primitive(method.ReturnTypeText);
        if (method.ReturnTypeText != "void" && returnType is null)
            return null;

        var arguments = ImmutableArray.CreateBuilder<BenchmarkArgument>();
        var parameters = method.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (p.RefKind != CsRefKind.None)
            {
                if (Primitive(p.TypeText) is not { } byRef)
                    return null;
                arguments.Add(new BenchmarkArgument(p.Name, ArgumentKind.ByRef, byRef, byRef, p.RefKind));
            }
            else if (Primitive(p.TypeText) is { } scalar)
                arguments.Add(new BenchmarkArgument(p.Name, ArgumentKind.Scalar, scalar, scalar, CsRefKind.None));
            else if (SpanType().Match(p.TypeText) is { Success: true } span && Primitive(span.Groups["element"].Value) is { } spanElement)
            {
                var kind = span.Groups["kind"].Value;
                arguments.Add(new BenchmarkArgument(p.Name, ArgumentKind.Buffer, spanElement, $"{kind}<{spanElement}>", CsRefKind.None, kind));
            }
            else if (p.TypeText.EndsWith("[]", StringComparison.Ordinal) && Primitive(p.TypeText[..^2]) is { } arrayElement)
                arguments.Add(new BenchmarkArgument(p.Name, ArgumentKind.Buffer, arrayElement, arrayElement + "[]", CsRefKind.None, "array"));
            else if (p.TypeText.EndsWith('*') && Primitive(p.TypeText[..^1]) is { } pointee
                && i + 1 < parameters.Length && parameters[i + 1] is { RefKind: CsRefKind.None } next
                && Primitive(next.TypeText) is { } lengthType && s_integers.Contains(lengthType))
            {
                arguments.Add(new BenchmarkArgument(p.Name, ArgumentKind.Pointer, pointee, pointee + "*", CsRefKind.None));
                arguments.Add(new BenchmarkArgument(next.Name, ArgumentKind.Length, lengthType, lengthType, CsRefKind.None));
                i++;
            }
            else
                return null;
        }
        return new BenchmarkShape(arguments.ToImmutable(), returnType);
    }

    /// <summary>Why <see cref="Classify"/> gave null, naming the first parameter (or the return type) it cannot feed.</summary>
    public static string Unsupported(CsMethodSignature method)
    {
        const string supported = "supported: primitives, ReadOnlySpan<T>/Span<T>/T[] and 'T*' followed by an integer length for a primitive T, ref/in/out primitives";
        if (method.ReturnTypeText != "void" && Primitive(method.ReturnTypeText) is null)
            return $"'{method.Name}' returns '{method.ReturnTypeText}', which the benchmark cannot consume (it needs void or a primitive)";
        foreach (var p in method.Parameters)
        {
            var alone = method with { Parameters = [p], ReturnTypeText = "void" };
            if (Classify(alone) is null && !(p.TypeText.EndsWith('*') && Primitive(p.TypeText[..^1]) is not null))
                return $"parameter '{p.Name}' of type '{p.TypeText}' has no benchmark input ({supported})";
        }
        return $"a pointer parameter of '{method.Name}' is not followed by an integer length parameter ({supported})";
    }

    private static string? Primitive(string typeText)
    {
        var name = typeText.StartsWith("System.", StringComparison.Ordinal) ? typeText["System.".Length..] : typeText;
        return s_primitives.GetValueOrDefault(name);
    }

    /// <summary>The members of the generated `ManagedVsNative` class.</summary>
    public static string Members(BenchmarkShape shape, string assembly, string reflectionType, string nativeMethod, string? managedMethod, ImmutableArray<int> sizes)
    {
        var pointerType = $"delegate*<{string.Join(", ", shape.Arguments.Select(a => RefPrefix(a.RefKind, declaration: true) + a.TypeText).Append(shape.ReturnType ?? "void"))}>";
        var typeOfs = string.Concat(shape.Arguments.Select(a => ", " + TypeOf(a)));
        var buffers = shape.HasBuffers;
        var code = new StringBuilder();
        void Line(string text = "") => code.Append(text.Length == 0 ? "\n" : "    " + text + "\n");

        Line($"private const string AssemblyName = {Literal(assembly)};");
        Line($"private const string TypeName = {Literal(reflectionType)};");
        if (!buffers)
            Line($"private const int Count = {ScalarCount};");
        Line();
        if (managedMethod is not null)
            Line($"private {pointerType} _managed; // {managedMethod}");
        Line($"private {pointerType} _native; // {nativeMethod}");
        if (buffers)
        {
            Line();
            Line($"[Params({string.Join(", ", sizes.Select(s => s.ToString(CultureInfo.InvariantCulture)))})]");
            Line("public int Size;");
        }
        foreach (var a in shape.Arguments)
        {
            switch (a.Kind)
            {
                case ArgumentKind.Buffer:
                    Line($"private {a.Element}[] _{a.Name}Data = [];");
                    break;
                case ArgumentKind.Pointer:
                    Line($"private {a.Element}[] _{a.Name}Data = [];");
                    Line($"private {a.Element}* _{a.Name}Pointer;");
                    break;
                case ArgumentKind.Scalar when !buffers:
                    Line($"private {a.Element}[] _{a.Name}Values = [];");
                    break;
                case ArgumentKind.Scalar or ArgumentKind.ByRef:
                    Line($"private {a.Element} _{a.Name}Value;");
                    break;
            }
        }

        Line();
        Line("[GlobalSetup]");
        Line("public void Setup()");
        Line("{");
        if (managedMethod is not null)
            Line($"    _managed = ({pointerType})Methods.Pointer(AssemblyName, TypeName, {Literal(managedMethod)}{typeOfs});");
        Line($"    _native = ({pointerType})Methods.Pointer(AssemblyName, TypeName, {Literal(nativeMethod)}{typeOfs});");
        for (var stream = 0; stream < shape.Arguments.Length; stream++)
        {
            var a = shape.Arguments[stream];
            switch (a.Kind)
            {
                case ArgumentKind.Buffer:
                    Line($"    _{a.Name}Data = Inputs.Data<{a.Element}>(Size, {stream});");
                    break;
                case ArgumentKind.Pointer:
                    Line($"    _{a.Name}Data = Inputs.Data<{a.Element}>(Size, {stream});");
                    Line($"    _{a.Name}Pointer = ({a.Element}*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_{a.Name}Data));");
                    break;
                case ArgumentKind.Scalar when !buffers:
                    Line($"    _{a.Name}Values = Inputs.Scalars<{a.Element}>(Count, {stream});");
                    break;
                case ArgumentKind.Scalar or ArgumentKind.ByRef:
                    Line($"    _{a.Name}Value = Inputs.Scalars<{a.Element}>(1, {stream})[0];");
                    break;
            }
        }
        if (managedMethod is not null && shape.ReturnType is not null && shape.ReadOnlyInputs)
        {
            // Both sides must compute the same thing, or the comparison means nothing: the run reports any difference.
            if (buffers)
                Line($"    Methods.Compare($\"Size={{Size}}\", _managed({Arguments(shape, buffers, "")}), _native({Arguments(shape, buffers, "")}));");
            else
            {
                Line($"    for (var i = 0; i < Count; i++)");
                Line($"        if (!Methods.Compare($\"input {{i}}\", _managed({Arguments(shape, buffers, "[i]", fields: true)}), _native({Arguments(shape, buffers, "[i]", fields: true)})))");
                Line($"            break;");
            }
        }
        Line("}");

        if (managedMethod is not null)
            Benchmark(code, shape, buffers, "_managed", "Managed", baseline: true);
        Benchmark(code, shape, buffers, "_native", "Native", baseline: false);
        return code.ToString().TrimEnd('\n');
    }

    private static void Benchmark(StringBuilder code, BenchmarkShape shape, bool buffers, string pointer, string name, bool baseline)
    {
        void Line(string text = "") => code.Append(text.Length == 0 ? "\n" : "    " + text + "\n");
        var returns = shape.ReturnType is null ? "void" : "long";
        var attributes = new List<string>();
        if (baseline)
            attributes.Add("Baseline = true");
        if (!buffers)
            attributes.Add("OperationsPerInvoke = Count");
        Line();
        Line(attributes.Count == 0 ? "[Benchmark]" : $"[Benchmark({string.Join(", ", attributes)})]");
        if (buffers)
        {
            var call = $"{pointer}({Arguments(shape, buffers, "")})";
            Line($"public {returns} {name}() => {(shape.ReturnType is null ? call : $"Checksum.Of({call})")};");
            return;
        }
        Line($"public {returns} {name}()");
        Line("{");
        if (shape.ReturnType is not null)
            Line("    long checksum = 0;");
        var scalars = shape.Arguments.Where(a => a.Kind == ArgumentKind.Scalar).ToImmutableArray();
        foreach (var a in scalars)
            Line($"    var {a.Name}Values = _{a.Name}Values;");
        var loop = scalars.IsEmpty ? "Count" : $"{scalars[0].Name}Values.Length";
        Line($"    for (var i = 0; i < {loop}; i++)");
        var invoke = $"{pointer}({Arguments(shape, buffers, "[i]")})";
        Line(shape.ReturnType is null ? $"        {invoke};" : $"        checksum += Checksum.Of({invoke});");
        if (shape.ReturnType is not null)
            Line("    return checksum;");
        Line("}");
    }

    /// <summary>The argument list of one call: buffers by their arrays, pointers and lengths, scalars (indexed in scalar mode), ref fields.</summary>
    private static string Arguments(BenchmarkShape shape, bool buffers, string index, bool fields = false)
    {
        var pointerLength = "";
        return string.Join(", ", shape.Arguments.Select(a =>
        {
            switch (a.Kind)
            {
                case ArgumentKind.Buffer:
                    return $"_{a.Name}Data";
                case ArgumentKind.Pointer:
                    pointerLength = $"_{a.Name}Data.Length";
                    return $"_{a.Name}Pointer";
                case ArgumentKind.Length:
                    return $"({a.Element}){pointerLength}";
                case ArgumentKind.Scalar when !buffers:
                    return fields ? $"_{a.Name}Values{index}" : $"{a.Name}Values{index}";
                default:
                    return RefPrefix(a.RefKind, declaration: false) + $"_{a.Name}Value";
            }
        }));
    }

    private static string RefPrefix(CsRefKind kind, bool declaration) => kind switch
    {
        CsRefKind.Ref => "ref ",
        CsRefKind.Out => "out ",
        CsRefKind.In => "in ",
        CsRefKind.RefReadonly => declaration ? "ref readonly " : "in ",
        _ => "",
    };

    private static string TypeOf(BenchmarkArgument a) =>
        a.RefKind == CsRefKind.None ? $"typeof({a.TypeText})" : $"typeof({a.TypeText}).MakeByRefType()";

    private static string Literal(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    [GeneratedRegex(@"^(System\.)?(?<kind>ReadOnlySpan|Span)<(?<element>[A-Za-z0-9_.]+)>$")]
    private static partial Regex SpanType();
}
