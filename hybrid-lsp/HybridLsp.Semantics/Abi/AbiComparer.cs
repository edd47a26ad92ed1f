using HybridLsp.Semantics.Rules;
using HybridLsp.Semantics.Targets;

namespace HybridLsp.Semantics.Abi;

/// <summary>
/// Compares the C# and the native side of one parameter, return value or field on one target. Unknowns on either side
/// are never a mismatch: a false error costs more trust than a missed one.
/// </summary>
public static class AbiComparer
{
    // The native side's language name for messages ("Rust", "C", "C++"). Ambient rather than a parameter of every
    // helper: the comparison recurses through a dozen private methods that only need it for their wording.
    [ThreadStatic]
    private static NativeLanguageScope? t_language;

    private static string Lang => t_language?.Name ?? "Rust";

    private static string Sep => t_language?.MemberSeparator ?? "::";

    /// <summary>Words the messages of comparisons on this thread for a native language until the scope is disposed.</summary>
    public static IDisposable UseLanguage(string name, string memberSeparator)
    {
        var scope = new NativeLanguageScope(name, memberSeparator, t_language);
        t_language = scope;
        return scope;
    }

    private sealed class NativeLanguageScope(string name, string memberSeparator, NativeLanguageScope? previous) : IDisposable
    {
        public string Name => name;
        public string MemberSeparator => memberSeparator;
        public void Dispose() => t_language = previous;
    }

    public static AbiMismatch? Compare(AbiType cs, AbiType native, string csText, string nativeText, TargetPlatform target, int depth = 0)
    {
        if (depth > 8 || cs is AbiUnknown || native is AbiUnknown or AbiFfiUnsafe)
            return null;

        switch (native)
        {
            case AbiVoid:
                return cs is AbiVoid ? null : new AbiMismatch(RuleCatalog.TypeMismatch, $"C# '{csText}' ({Bytes(cs, target)}) vs {Lang} returning nothing");
            case AbiBool nb:
                return cs switch
                {
                    AbiBool cb when cb.Bytes == nb.Bytes => null,
                    AbiBool cb => new AbiMismatch(RuleCatalog.BoolWidthMismatch, $"C# '{csText}' marshals as a {cb.Bytes}-byte {BoolName(cb.Bytes)}; {Lang} '{nativeText}' is {nb.Bytes} byte{(nb.Bytes == 1 ? "" : "s")}"),
                    AbiInt ci when ci.Bytes == nb.Bytes => null,
                    _ => TypeMismatch(cs, native, csText, nativeText, target),
                };
            case AbiInt ni:
                return CompareInt(cs, ni, csText, nativeText, target);
            case AbiFloat nf:
                return cs is AbiFloat cf && cf.Bytes == nf.Bytes ? null : TypeMismatch(cs, native, csText, nativeText, target);
            case AbiChar nc:
                return cs switch
                {
                    AbiInt ci when ci.Bytes == nc.Bytes => null,
                    AbiChar cc when cc.Bytes == nc.Bytes => null,
                    _ => TypeMismatch(cs, native, csText, nativeText, target),
                };
            case AbiPointer np:
                return ComparePointer(cs, np, csText, nativeText, target, depth);
            case AbiFunctionPointer nfp:
                return cs switch
                {
                    AbiFunctionPointer cfp => CompareFunctionPointers(cfp, nfp, csText, nativeText, target, depth),
                    AbiInt { PlatformName: "nint" or "nuint" } => null,
                    AbiPointer { Pointee: null } => null,
                    _ => TypeMismatch(cs, native, csText, nativeText, target),
                };
            case AbiStruct ns:
                return cs switch
                {
                    AbiStruct cst => CompareStructs(cst, ns, target, depth),
                    AbiPointer { ByRef: true } p => new AbiMismatch(RuleCatalog.ByRefMismatch, $"C# passes '{csText}' by reference ({p.RefKindText}) but {Lang} takes '{nativeText}' by value"),
                    AbiPointer => new AbiMismatch(RuleCatalog.ByRefMismatch, $"C# passes a pointer ('{csText}') but {Lang} takes '{nativeText}' by value"),
                    _ => TypeMismatch(cs, native, csText, nativeText, target),
                };
            case AbiEnum ne:
                return cs switch
                {
                    AbiEnum ce => CompareEnums(ce, ne),
                    AbiInt ci => ci.Bytes == ne.Underlying.Bytes ? null : TypeMismatch(cs, ne.Underlying, csText, nativeText, target),
                    _ => TypeMismatch(cs, native, csText, nativeText, target),
                };
            case AbiArray na:
                if (cs is AbiArray ca)
                {
                    if (ca.Count != na.Count || ca.Element.Size != na.Element.Size)
                        return TypeMismatch(cs, native, csText, nativeText, target);
                    return Compare(ca.Element, na.Element, csText, nativeText, target, depth + 1);
                }
                return TypeMismatch(cs, native, csText, nativeText, target);
        }
        return null;
    }

    private static AbiMismatch? CompareInt(AbiType cs, AbiInt ni, string csText, string nativeText, TargetPlatform target)
    {
        switch (cs)
        {
            case AbiPointer { ByRef: true } p:
                return new AbiMismatch(RuleCatalog.ByRefMismatch, $"C# passes '{csText}' by reference ({p.RefKindText}) but {Lang} takes '{nativeText}' by value");
            case AbiBool cb:
                // `[MarshalAs(UnmanagedType.Bool)] bool` against i32 is a correct binding; only the width matters.
                return cb.Bytes == ni.Bytes ? null
                    : new AbiMismatch(RuleCatalog.BoolWidthMismatch, $"C# '{csText}' marshals as a {cb.Bytes}-byte {BoolName(cb.Bytes)}; {Lang} '{nativeText}' is {ni.Bytes} bytes");
            case AbiEnum ce:
                return ce.Underlying.Bytes == ni.Bytes ? null : TypeMismatch(cs, ni, csText, nativeText, target);
            case AbiChar cc:
                return cc.Bytes == ni.Bytes ? null : TypeMismatch(cs, ni, csText, nativeText, target);
            case AbiInt ci:
                if (ci.Bytes != ni.Bytes)
                    return TypeMismatch(cs, ni, csText, nativeText, target);
                // c_char's signedness varies by platform: byte and sbyte are both fine for it.
                if (ci.Signed != ni.Signed && ni.PlatformName != "c_char")
                    return new AbiMismatch(RuleCatalog.SignednessMismatch, $"C# '{csText}' is {Sign(ci)} but {Lang} '{nativeText}' is {Sign(ni)} ({ni.Bytes} bytes)");
                if (ni.PlatformName is not null and not "c_char" && ci.PlatformName is null)
                    return new AbiMismatch(RuleCatalog.PlatformWidth, $"{Lang} '{nativeText}' changes size with the platform but C# '{csText}' is always {ci.Bytes} bytes");
                return null;
            default:
                return TypeMismatch(cs, ni, csText, nativeText, target);
        }
    }

    private static AbiMismatch? ComparePointer(AbiType cs, AbiPointer np, string csText, string nativeText, TargetPlatform target, int depth)
    {
        switch (cs)
        {
            case AbiInt { PlatformName: "nint" or "nuint" }:
                return null; // IntPtr/nint for any pointer.
            case AbiFunctionPointer when np.Pointee is null:
                return null;
            case AbiString s:
                return CompareString(s, np, csText, nativeText, target);
            case AbiStruct:
                return new AbiMismatch(RuleCatalog.ByRefMismatch, $"C# passes '{csText}' by value but {Lang} takes a pointer ('{nativeText}')");
            case AbiPointer cp:
                if (np.Writes == Mutability.Mut && cp.Writes == Mutability.Const)
                    return new AbiMismatch(RuleCatalog.ByRefMismatch, $"{Lang} may write through '{nativeText}' but C# passes '{csText}' as read-only ({cp.RefKindText ?? "const"})");
                if (np.Writes == Mutability.Const && cp.RefKindText == "out")
                    return new AbiMismatch(RuleCatalog.ByRefMismatch, $"C# expects '{csText}' to be written (out) but {Lang} takes a read-only '{nativeText}'");
                if (cp.Pointee is null || np.Pointee is null)
                    return null;
                if (cp.Pointee is AbiStruct or AbiEnum && np.Pointee is AbiStruct or AbiEnum)
                    return Compare(cp.Pointee, np.Pointee, csText, nativeText, target, depth + 1);
                var inner = Compare(cp.Pointee, np.Pointee, csText, nativeText, target, depth + 1);
                if (inner is null || inner.Rule == RuleCatalog.PlatformWidth || inner.Rule == RuleCatalog.SignednessMismatch)
                    return inner;
                return inner.Rule == RuleCatalog.TypeMismatch
                    ? new AbiMismatch(RuleCatalog.TypeMismatch, $"C# '{csText}' points to {Bytes(cp.Pointee, target)} but {Lang} '{nativeText}' points to {Bytes(np.Pointee, target)}")
                    : inner;
            case AbiInt or AbiFloat or AbiBool or AbiChar or AbiEnum when np.Pointee is not null && Compare(cs, np.Pointee, csText, nativeText, target, depth + 1) is null:
                return new AbiMismatch(RuleCatalog.ByRefMismatch, $"C# passes '{csText}' by value but {Lang} takes a pointer ('{nativeText}'); use 'ref', 'out' or 'in'");
            case AbiInt ci when ci.Bytes == target.PointerSize:
                return new AbiMismatch(RuleCatalog.PlatformWidth, $"{Lang} '{nativeText}' is a pointer but C# '{csText}' is always {ci.Bytes} bytes; use 'nint' or a pointer type");
            default:
                return TypeMismatch(cs, np, csText, nativeText, target);
        }
    }

    private static AbiMismatch? CompareString(AbiString s, AbiPointer np, string csText, string nativeText, TargetPlatform target)
    {
        if (np.Pointee is null)
            return null;
        var unitSize = np.Pointee is AbiInt i ? i.Bytes : np.Pointee is AbiChar c ? c.Bytes : (int?)null;
        if (unitSize is null)
            return TypeMismatch(s, np, csText, nativeText, target);
        var expected = s.Encoding == StringEncoding.Utf16 ? 2 : 1;
        if (unitSize != expected)
        {
            return new AbiMismatch(RuleCatalog.StringEncodingMismatch,
                $"C# '{csText}' is marshalled as {EncodingName(s.Encoding)} ({expected}-byte units) but {Lang} '{nativeText}' expects {unitSize}-byte characters");
        }
        if (s.Encoding == StringEncoding.Ansi)
        {
            return new AbiMismatch(RuleCatalog.StringEncodingMismatch,
                $"C# '{csText}' is marshalled with the ANSI code page on Windows but {Lang} '{nativeText}' is conventionally UTF-8; use StringMarshalling.Utf8 or [MarshalAs(UnmanagedType.LPUTF8Str)]");
        }
        if (s.IsBuffer && np.Writes == Mutability.Const)
            return null;
        return null;
    }

    private static AbiMismatch? CompareFunctionPointers(AbiFunctionPointer cs, AbiFunctionPointer native, string csText, string nativeText, TargetPlatform target, int depth)
    {
        if (cs.Parameters.Length != native.Parameters.Length)
        {
            return new AbiMismatch(RuleCatalog.CallbackMismatch,
                $"callback '{csText}' takes {cs.Parameters.Length} parameter{(cs.Parameters.Length == 1 ? "" : "s")} but {Lang} '{nativeText}' takes {native.Parameters.Length}");
        }
        for (var i = 0; i < cs.Parameters.Length; i++)
        {
            var m = Compare(cs.Parameters[i], native.Parameters[i], $"parameter {i + 1}", $"parameter {i + 1}", target, depth + 1);
            if (m is not null && m.Rule != RuleCatalog.PlatformWidth && m.Rule != RuleCatalog.SignednessMismatch)
                return new AbiMismatch(RuleCatalog.CallbackMismatch, $"callback '{csText}' differs from {Lang} '{nativeText}' in parameter {i + 1}: {Describe(cs.Parameters[i], target)} vs {Describe(native.Parameters[i], target)}");
        }
        var r = Compare(cs.Return, native.Return, "return", "return", target, depth + 1);
        if (r is not null && r.Rule != RuleCatalog.PlatformWidth && r.Rule != RuleCatalog.SignednessMismatch)
            return new AbiMismatch(RuleCatalog.CallbackMismatch, $"callback '{csText}' returns {Describe(cs.Return, target)} but {Lang} '{nativeText}' returns {Describe(native.Return, target)}");
        if (target.HasDistinctCallingConventions && cs.CallingConvention != native.CallingConvention)
        {
            return new AbiMismatch(RuleCatalog.CallingConventionMismatch,
                $"callback '{csText}' uses {ConvName(cs.CallingConvention)} but {Lang} '{nativeText}' is {ConvName(native.CallingConvention)}{(cs.IsDelegate ? "; add [UnmanagedFunctionPointer(CallingConvention.Cdecl)] to the delegate" : "")}");
        }
        return null;
    }

    // Struct pairs being compared on this thread: a pair met again (a struct reaching itself through pointers) is assumed
    // equal on that path, and finished pairs are remembered, so shared and recursive types cost linear time.
    [ThreadStatic]
    private static Dictionary<(AbiStruct, AbiStruct), AbiMismatch?>? t_structPairs;

    private sealed class PairComparer : IEqualityComparer<(AbiStruct, AbiStruct)>
    {
        public static readonly PairComparer Instance = new();
        public bool Equals((AbiStruct, AbiStruct) x, (AbiStruct, AbiStruct) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);
        public int GetHashCode((AbiStruct, AbiStruct) obj) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }

    private static AbiMismatch? CompareStructs(AbiStruct cs, AbiStruct native, TargetPlatform target, int depth)
    {
        var top = t_structPairs is null;
        var pairs = t_structPairs ??= new Dictionary<(AbiStruct, AbiStruct), AbiMismatch?>(PairComparer.Instance);
        try
        {
            if (pairs.TryGetValue((cs, native), out var known))
                return known;
            pairs[(cs, native)] = null; // in progress: assumed equal on a recursive path
            var result = CompareStructsUncached(cs, native, target, depth);
            pairs[(cs, native)] = result;
            return result;
        }
        finally
        {
            if (top)
                t_structPairs = null;
        }
    }

    private static AbiMismatch? CompareStructsUncached(AbiStruct cs, AbiStruct native, TargetPlatform target, int depth)
    {
        if (cs.Layout.Unsupported is { } csWhy)
            return csWhy.StartsWith("LayoutKind.Auto", StringComparison.Ordinal)
                ? new AbiMismatch(RuleCatalog.StructLayoutMismatch, $"C# struct '{cs.Name}' uses {csWhy}", new MemberDifference(cs.Name, native.Name, null, null))
                : null;
        if (native.Layout.Unsupported is not null)
            return null;
        var count = Math.Max(cs.Layout.Fields.Length, native.Layout.Fields.Length);
        for (var i = 0; i < count; i++)
        {
            var cf = i < cs.Layout.Fields.Length ? cs.Layout.Fields[i] : null;
            var nf = i < native.Layout.Fields.Length ? native.Layout.Fields[i] : null;
            var where = new MemberDifference(cs.Name, native.Name, cf?.Name, nf?.Name);
            if (cf is null)
            {
                return new AbiMismatch(RuleCatalog.StructLayoutMismatch,
                    $"C# struct '{cs.Name}' ({cs.Layout.Size} bytes) lacks field '{nf!.Name}' ('{nf.TypeText}' at offset {nf.Offset}) of {Lang} '{native.Name}' ({native.Layout.Size} bytes)", where);
            }
            if (nf is null)
            {
                return new AbiMismatch(RuleCatalog.StructLayoutMismatch,
                    $"C# struct '{cs.Name}' ({cs.Layout.Size} bytes) has field '{cf.Name}' at offset {cf.Offset} that {Lang} '{native.Name}' ({native.Layout.Size} bytes) does not have", where);
            }
            var m = Compare(cf.Type, nf.Type, cf.TypeText, nf.TypeText, target, depth + 1);
            if (m is not null && m.Rule != RuleCatalog.PlatformWidth && m.Rule != RuleCatalog.SignednessMismatch)
            {
                return new AbiMismatch(RuleCatalog.StructLayoutMismatch,
                    $"field '{cf.Name}' of C# struct '{cs.Name}' differs from '{nf.Name}' of {Lang} '{native.Name}': {m.Detail}", m.Member ?? where);
            }
            if (cf.Offset != nf.Offset)
            {
                return new AbiMismatch(RuleCatalog.StructLayoutMismatch,
                    $"field '{cf.Name}' of C# struct '{cs.Name}' is at offset {cf.Offset} but '{nf.Name}' of {Lang} '{native.Name}' is at offset {nf.Offset}", where);
            }
        }
        if (cs.Layout.Size != native.Layout.Size)
        {
            return new AbiMismatch(RuleCatalog.StructLayoutMismatch,
                $"C# struct '{cs.Name}' is {cs.Layout.Size} bytes but {Lang} '{native.Name}' is {native.Layout.Size} bytes", new MemberDifference(cs.Name, native.Name, null, null));
        }
        return null;
    }

    private static AbiMismatch? CompareEnums(AbiEnum cs, AbiEnum native)
    {
        if (cs.Underlying.Bytes != native.Underlying.Bytes)
        {
            return new AbiMismatch(RuleCatalog.EnumSizeMismatch,
                $"C# enum '{cs.Name}' is {cs.Underlying.Bytes} byte{(cs.Underlying.Bytes == 1 ? "" : "s")} but {Lang} '{native.Name}' is {native.Underlying.Bytes} byte{(native.Underlying.Bytes == 1 ? "" : "s")}",
                new MemberDifference(cs.Name, native.Name, null, null));
        }
        // Names compare normalised (`MODE_FAST` ~ `ModeFast`); of members that normalise alike (or repeat in broken code), the first counts.
        var nativeByName = native.Members.GroupBy(m => Normalize(m.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var csByName = cs.Members.GroupBy(m => Normalize(m.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var member in cs.Members)
        {
            if (member.Value is null)
                continue;
            if (!nativeByName.TryGetValue(Normalize(member.Name), out var nm))
            {
                if (native.Members.Any(n => n.Value == member.Value))
                    continue; // renamed but same value: not a runtime problem
                return new AbiMismatch(RuleCatalog.EnumValueMismatch, $"C# enum member '{cs.Name}.{member.Name}' = {member.Value} has no counterpart in {Lang} '{native.Name}'", new MemberDifference(cs.Name, native.Name, member.Name, null));
            }
            if (nm.Value is { } nv && nv != member.Value)
                return new AbiMismatch(RuleCatalog.EnumValueMismatch, $"C# enum member '{cs.Name}.{member.Name}' = {member.Value} but {Lang} '{native.Name}{Sep}{nm.Name}' = {nv}", new MemberDifference(cs.Name, native.Name, member.Name, nm.Name));
        }
        foreach (var nm in native.Members)
        {
            if (nm.Value is not null && !csByName.ContainsKey(Normalize(nm.Name)) && !cs.Members.Any(c => c.Value == nm.Value))
                return new AbiMismatch(RuleCatalog.EnumValueMismatch, $"{Lang} enum member '{native.Name}{Sep}{nm.Name}' = {nm.Value} is missing from C# '{cs.Name}'", new MemberDifference(cs.Name, native.Name, null, nm.Name));
        }
        return null;
    }

    /// <summary>Case- and underscore-insensitive member names: `NotFound` matches `NOT_FOUND` and `Notfound`.</summary>
    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    private static AbiMismatch TypeMismatch(AbiType cs, AbiType native, string csText, string nativeText, TargetPlatform target) =>
        new(RuleCatalog.TypeMismatch, $"C# '{csText}' ({Describe(cs, target)}) vs {Lang} '{nativeText}' ({Describe(native, target)})");

    public static string Describe(AbiType type, TargetPlatform target) => type switch
    {
        AbiVoid => "nothing",
        AbiInt i => $"{i.Bytes} byte{(i.Bytes == 1 ? "" : "s")}, {(i.Signed ? "signed" : "unsigned")}",
        AbiFloat f => $"{f.Bytes}-byte float",
        AbiBool b => $"{b.Bytes}-byte bool",
        AbiChar c => $"{c.Bytes}-byte char",
        AbiPointer { ByRef: true } p => $"{p.RefKindText} pointer",
        AbiPointer => "pointer",
        AbiString s => $"{EncodingName(s.Encoding)} string pointer",
        AbiFunctionPointer => "function pointer",
        AbiStruct s => $"struct, {s.Layout.Size} bytes",
        AbiEnum e => $"enum, {e.Underlying.Bytes} byte{(e.Underlying.Bytes == 1 ? "" : "s")}",
        AbiArray a => a.Element.Size is { } e ? $"{a.Count} × {e} bytes" : $"array of {a.Count}",
        _ => "unknown",
    };

    private static string Bytes(AbiType type, TargetPlatform target) => type.Size is { } s ? $"{s} byte{(s == 1 ? "" : "s")}" : Describe(type, target);

    private static string Sign(AbiInt i) => i.Signed ? "signed" : "unsigned";

    private static string BoolName(int bytes) => bytes switch { 4 => "Win32 BOOL", 2 => "VARIANT_BOOL", _ => "bool" };

    private static string EncodingName(StringEncoding e) => e switch { StringEncoding.Utf16 => "UTF-16", StringEncoding.Ansi => "ANSI", _ => "UTF-8" };

    public static string ConvName(CallConv c) => c switch { CallConv.StdCall => "stdcall", CallConv.ThisCall => "thiscall", CallConv.FastCall => "fastcall", _ => "cdecl" };
}
