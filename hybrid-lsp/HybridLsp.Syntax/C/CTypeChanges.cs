using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.C;

/// <summary>
/// What an edit of types changes for <see cref="ClangSplice"/>: which structs, enums and typedefs read differently after it,
/// and which functions' signatures can depend on them. A function's signature (<see cref="CType"/> trees) records the
/// size, alignment and kind of every type it is written with, by name (<see cref="CType.DeclarationName"/>,
/// <see cref="CType.TypedefChain"/>), through pointers, arrays and function-pointer signatures; a struct's fields record
/// the same of theirs, so a change reaches every type that embeds or points to the changed one by comparing them. Places
/// (spans) are not compared: the re-parse's types replace the old ones whole.
/// </summary>
internal static class CTypeChanges
{
    /// <summary>
    /// The names (simple and qualified) of the types that differ between two parses of a unit; null when the two do not declare
    /// the same types in the same order (a type added, removed or renamed: a name's meaning changed, which can change how any
    /// declaration reads). <paramref name="functionTypedef"/> is set when a changed typedef is (or was) a function type, which
    /// declares functions without their signatures naming it (<c>fn_t f;</c>). Without <paramref name="compare"/>, only the
    /// names are checked (and none is changed).
    /// </summary>
    public static HashSet<string>? Between(CParseResult before, CParseResult after, bool compare, out bool functionTypedef)
    {
        functionTypedef = false;
        if (!SameNames(before.Records, after.Records, r => r.QualifiedName) || !SameNames(before.Enums, after.Enums, e => e.QualifiedName)
            || !SameNames(before.Typedefs, after.Typedefs, t => t.QualifiedName))
            return null;
        var changed = new HashSet<string>(StringComparer.Ordinal);
        if (!compare)
            return changed;
        for (var i = 0; i < before.Records.Length; i++)
        {
            if (!Same(before.Records[i], after.Records[i]))
                changed.UnionWith([before.Records[i].Name, before.Records[i].QualifiedName]);
        }
        for (var i = 0; i < before.Enums.Length; i++)
        {
            if (!Same(before.Enums[i], after.Enums[i]))
                changed.UnionWith([before.Enums[i].Name, before.Enums[i].QualifiedName]);
        }
        for (var i = 0; i < before.Typedefs.Length; i++)
        {
            var (old, now) = (before.Typedefs[i], after.Typedefs[i]);
            if (Same(old.Type, now.Type))
                continue;
            changed.UnionWith([old.Name, old.QualifiedName]);
            functionTypedef |= old.Type.Kind == CTypeKind.Function || now.Type.Kind == CTypeKind.Function;
        }
        return changed;
    }

    /// <summary>
    /// The names of the types <paramref name="result"/> declares in <paramref name="window"/> of <paramref name="path"/>, with
    /// every type of the result that embeds or points to one of them (through its fields or what a typedef names), transitively.
    /// </summary>
    public static HashSet<string> DeclaredIn(CParseResult result, string path, TextSpan window)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Seed(string name, string qualified, CSourceSpan at)
        {
            if (at.File == path && window.Contains(at.Span.Start))
                names.UnionWith([name, qualified]);
        }
        foreach (var r in result.Records)
            Seed(r.Name, r.QualifiedName, r.NameSpan);
        foreach (var e in result.Enums)
            Seed(e.Name, e.QualifiedName, e.NameSpan);
        foreach (var t in result.Typedefs)
            Seed(t.Name, t.QualifiedName, t.NameSpan);
        if (names.Count == 0)
            return names;
        var grown = true;
        while (grown)
        {
            grown = false;
            foreach (var r in result.Records)
            {
                if (!names.Contains(r.QualifiedName) && r.Fields.Any(f => Mentions(f.Type, names, arrays: false)))
                    grown |= names.Add(r.Name) | names.Add(r.QualifiedName);
            }
            foreach (var t in result.Typedefs)
            {
                if (!names.Contains(t.QualifiedName) && Mentions(t.Type, names, arrays: false))
                    grown |= names.Add(t.Name) | names.Add(t.QualifiedName);
            }
        }
        return names;
    }

    /// <summary>
    /// Which functions' signatures can read differently once the types <paramref name="names"/> changed: those written with
    /// one of them, or (when any changed) with a type a constant expression or another declaration may shape without its
    /// name showing: an array of a constant length, a <c>__typeof__</c>, <c>decltype</c>, <c>_BitInt(N)</c>, a template's
    /// arguments, a vector or other type the product does not take apart. A function whose unit left its signature to
    /// another (<see cref="CFunction.SignatureOmitted"/>) reads none.
    /// </summary>
    public static Func<CFunction, bool> Mentioning(HashSet<string> names)
    {
        if (names.Count == 0)
            return static _ => false;
        // A parse shares one CType per type among its declarations: each is walked once.
        var known = new Dictionary<CType, bool>(ReferenceEqualityComparer.Instance);
        bool Walked(CType type)
        {
            if (!known.TryGetValue(type, out var mentions))
                known[type] = mentions = Mentions(type, names, arrays: true);
            return mentions;
        }
        return function => !function.SignatureOmitted && (Walked(function.ReturnType) || function.Parameters.Any(p => Walked(p.Type)));
    }

    private static bool Mentions(CType? type, HashSet<string> names, bool arrays)
    {
        for (var depth = 0; type is not null && depth < 64; depth++)
        {
            if (type.DeclarationName is { } declared && names.Contains(declared))
                return true;
            foreach (var name in type.TypedefChain)
            {
                if (names.Contains(name))
                    return true;
            }
            if (arrays && Shaped(type))
                return true;
            if (type.Function is { } signature && (Mentions(signature.ReturnType, names, arrays) || signature.Parameters.Any(p => Mentions(p, names, arrays))))
                return true;
            if (type.EnumIntegerType is { } integer && Mentions(integer, names, arrays))
                return true;
            type = type.Pointee ?? type.Element;
        }
        return false;
    }

    /// <summary>
    /// A type an enum constant, a <c>sizeof</c> or an expression can shape with no name in its tree: a constant-length array,
    /// a type the product does not take apart (vectors, <c>_Atomic</c>, <c>_BitInt</c>), or one written with parentheses or
    /// angle brackets (<c>typeof (…)</c>, <c>decltype(…)</c>, <c>Buffer&lt;16&gt;</c>) other than a function type's own.
    /// </summary>
    private static bool Shaped(CType type) =>
        type.Kind == CTypeKind.Array && type.ArrayLength >= 0 || type.Kind is CTypeKind.Other or CTypeKind.Unknown
        || type.Kind is not (CTypeKind.FunctionPointer or CTypeKind.Function) && type.Spelling.AsSpan().IndexOfAny('(', '<') >= 0;

    private static bool SameNames<T>(ImmutableArray<T> before, ImmutableArray<T> after, Func<T, string> name)
    {
        if (before.Length != after.Length)
            return false;
        for (var i = 0; i < before.Length; i++)
        {
            if (!string.Equals(name(before[i]), name(after[i]), StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    private static bool Same(CRecord a, CRecord b) =>
        a.Name == b.Name && a.Kind == b.Kind && a.IsComplete == b.IsComplete && a.Size == b.Size && a.Align == b.Align && a.IsPacked == b.IsPacked
        && a.HasBitFields == b.HasBitFields && a.IsInvalid == b.IsInvalid
        && a.Fields.Length == b.Fields.Length && a.Fields.Zip(b.Fields).All(p => p.First.Name == p.Second.Name && p.First.OffsetInBits == p.Second.OffsetInBits
            && p.First.IsBitField == p.Second.IsBitField && p.First.BitWidth == p.Second.BitWidth && Same(p.First.Type, p.Second.Type));

    private static bool Same(CEnum a, CEnum b) =>
        a.Name == b.Name && a.IsScoped == b.IsScoped && Same(a.IntegerType, b.IntegerType)
        && a.Constants.Length == b.Constants.Length && a.Constants.Zip(b.Constants).All(p => p.First.Name == p.Second.Name && p.First.Value == p.Second.Value);

    /// <summary>Every field of two types but their places.</summary>
    public static bool Same(CType? a, CType? b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a is null || b is null)
            return false;
        return a.Kind == b.Kind && a.Spelling == b.Spelling && a.Size == b.Size && a.Align == b.Align && a.IsSigned == b.IsSigned && a.IsConst == b.IsConst
            && a.ArrayLength == b.ArrayLength && a.DeclarationName == b.DeclarationName && a.IsInvalid == b.IsInvalid
            && a.TypedefChain.SequenceEqual(b.TypedefChain, StringComparer.Ordinal)
            && Same(a.Pointee, b.Pointee) && Same(a.Element, b.Element) && Same(a.EnumIntegerType, b.EnumIntegerType) && Same(a.Function, b.Function);
    }

    private static bool Same(CFunctionSignature? a, CFunctionSignature? b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a is null || b is null)
            return false;
        return a.CallingConvention == b.CallingConvention && a.IsVariadic == b.IsVariadic && Same(a.ReturnType, b.ReturnType)
            && a.Parameters.Length == b.Parameters.Length && a.Parameters.Zip(b.Parameters).All(p => Same(p.First, p.Second));
    }
}
