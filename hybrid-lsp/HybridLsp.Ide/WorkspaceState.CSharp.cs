using System.Collections.Concurrent;
using System.Collections.Immutable;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide;

internal sealed partial class WorkspaceState
{
    /// <summary>
    /// The C# side of a state: every C# file as extracted (files that declare no interop and call no extern get empty
    /// syntax, see <see cref="CsPrefilter"/>), the parse errors reported for files that declare externs or structs, the
    /// extern names the pre-filter decided with (null when no file needed deciding) and how many files were extracted.
    /// </summary>
    private sealed record CSharpPart(
        ImmutableDictionary<string, CsSourceFile> Sources,
        ImmutableDictionary<string, ImmutableArray<SyntaxError>> Errors,
        HashSet<string>? ExternNames,
        int Extracted);

    /// <summary>
    /// Every C# file. <paramref name="previous"/> (null: none, or extracted in another context — configuration or projects)
    /// lends its result for the same file objects, and for files without interop while the extern names are the same.
    /// </summary>
    private static CSharpPart ExtractCSharp(WorkspaceState? previous, IEnumerable<FileState> csFiles, Func<FileState, CsSourceFile> extract,
        Func<string, string?> owner, CancellationToken cancellationToken)
    {
        var before = previous?.CSharp.Sources;
        CsSourceFile? Reused(FileState file) =>
            previous is not null && previous.Files.TryGetValue(file.Path, out var was) && ReferenceEquals(was, file)
            && before!.TryGetValue(file.Path, out var source) ? source : null;
        var sources = new ConcurrentDictionary<string, CsSourceFile>(StringComparer.Ordinal);
        var interop = new List<FileState>();
        var plain = new List<FileState>();
        foreach (var file in csFiles)
        {
            if (!file.MayDeclareInterop)
                plain.Add(file);
            else if (Reused(file) is { } source)
                sources[file.Path] = source;
            else
                interop.Add(file);
        }
        Parallel.ForEach(interop, new ParallelOptions { CancellationToken = cancellationToken }, file => sources[file.Path] = extract(file));
        HashSet<string>? externNames = null;
        var extracted = interop.Count;
        if (plain.Count > 0)
        {
            externNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in sources.Values)
            {
                foreach (var method in source.Syntax.Externs)
                    externNames.Add(method.Name);
            }
            var sameNames = previous?.CSharp.ExternNames is { } names && names.SetEquals(externNames);
            var decide = new List<FileState>();
            foreach (var file in plain)
            {
                if (sameNames && Reused(file) is { } source)
                    sources[file.Path] = source;
                else
                    decide.Add(file);
            }
            Parallel.ForEach(decide, new ParallelOptions { CancellationToken = cancellationToken }, file =>
                sources[file.Path] = file.MayCall(externNames) ? extract(file) : new CsSourceFile(file.Path, CsExtractor.Empty, owner(file.Path)));
            extracted += decide.Count;
        }
        var errors = ImmutableDictionary.CreateBuilder<string, ImmutableArray<SyntaxError>>(StringComparer.Ordinal);
        foreach (var source in sources.Values)
        {
            if (ReportedErrors(source) is { } reported)
                errors[source.Path] = reported;
        }
        return new CSharpPart(Updated(before, sources), errors.ToImmutable(), externNames, extracted);
    }

    /// <summary>
    /// The previous state's C# part with only the <paramref name="changed"/> paths done again (<paramref name="changedCs"/>:
    /// those that are C# files of this snapshot). Null when the change renames, adds or removes an extern, or a file without
    /// interop must be decided and the previous state had no extern names: then which files the pre-filter reads can
    /// change anywhere, and everything is decided again (<see cref="ExtractCSharp"/>).
    /// </summary>
    private static CSharpPart? UpdateCSharp(WorkspaceState previous, ImmutableHashSet<string> changed, Dictionary<string, FileState> changedCs,
        Func<FileState, CsSourceFile> extract, Func<string, string?> owner, CancellationToken cancellationToken)
    {
        var before = previous.CSharp;
        var now = new ConcurrentDictionary<string, CsSourceFile>(StringComparer.Ordinal);
        var interop = new List<FileState>();
        foreach (var (path, file) in changedCs)
        {
            if (file.MayDeclareInterop)
                interop.Add(file);
            else if (before.ExternNames is not { } names)
                return null;
            else if (file.MayCall(names))
                interop.Add(file);
            else
                now[path] = new CsSourceFile(path, CsExtractor.Empty, owner(path));
        }
        Parallel.ForEach(interop, new ParallelOptions { CancellationToken = cancellationToken }, file => now[file.Path] = extract(file));

        var sources = before.Sources.ToBuilder();
        var errors = before.Errors.ToBuilder();
        foreach (var path in changed)
        {
            var was = sources.GetValueOrDefault(path);
            now.TryGetValue(path, out var source);
            if (!SameExternNames(was, source))
                return null;
            if (source is null)
            {
                sources.Remove(path);
                errors.Remove(path);
                continue;
            }
            sources[path] = source;
            if (ReportedErrors(source) is { } reported)
                errors[path] = reported;
            else
                errors.Remove(path);
        }
        return new CSharpPart(sources.ToImmutable(), errors.ToImmutable(), before.ExternNames, interop.Count);
    }

    /// <summary>Parse errors are reported for files that declare externs or structs (elsewhere they change nothing the rules read).</summary>
    private static ImmutableArray<SyntaxError>? ReportedErrors(CsSourceFile source)
    {
        var syntax = source.Syntax;
        return !syntax.Errors.IsEmpty && (syntax.Externs.Length > 0 || syntax.Structs.Length > 0) ? syntax.Errors : null;
    }

    private static bool SameExternNames(CsSourceFile? a, CsSourceFile? b)
    {
        var x = a?.Syntax.Externs ?? [];
        var y = b?.Syntax.Externs ?? [];
        if (x.Length != y.Length)
            return false;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i].Name != y[i].Name)
                return false;
        }
        return true;
    }

    /// <summary>
    /// <paramref name="now"/> as an immutable dictionary, built from <paramref name="before"/> by setting only the entries
    /// that are other objects and removing the paths that are gone: an edit changes a few entries of thousands.
    /// </summary>
    private static ImmutableDictionary<string, CsSourceFile> Updated(ImmutableDictionary<string, CsSourceFile>? before, ConcurrentDictionary<string, CsSourceFile> now)
    {
        if (before is null || before.KeyComparer != StringComparer.Ordinal)
            return now.ToImmutableDictionary(StringComparer.Ordinal);
        var builder = before.ToBuilder();
        foreach (var (path, source) in now)
        {
            if (!builder.TryGetValue(path, out var was) || !ReferenceEquals(was, source))
                builder[path] = source;
        }
        if (builder.Count != now.Count)
            builder.RemoveRange([.. builder.Keys.Where(k => !now.ContainsKey(k))]);
        return builder.ToImmutable();
    }
}
