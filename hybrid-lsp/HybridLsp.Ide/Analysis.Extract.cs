using HybridLsp.Ide.Assists;

namespace HybridLsp.Ide;

public sealed partial class Analysis
{
    /// <summary>
    /// "Extract to native" for the C# method at <paramref name="offset"/> of <paramref name="path"/> (any offset inside it): the
    /// edits as one code action, or the reason there is none (the constructs that block it, with their lines).
    /// `hybrid-lsp extract` and `hybridLsp.extract` call this; the editor's code action is the same with default choices.
    /// </summary>
    public ExtractResult ExtractToNative(string path, int offset, ExtractOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Assists.ExtractToNative.Run(Model, Normalize(path), offset, options, _options.RootPath.Replace('\\', '/'), GetText, Paths.ToHashSet(StringComparer.Ordinal), headerOnly: false,
            ExtractWiring(cancellationToken));
    }

    /// <summary>What an extraction needs to wire its module into the method's project: the modules this snapshot builds.</summary>
    private ExtractWiring ExtractWiring(CancellationToken cancellationToken)
        => new((directory, name) => FindModules(directory, cancellationToken).FirstOrDefault(m => m.Name == name), CargoTargetDirectory);
}
