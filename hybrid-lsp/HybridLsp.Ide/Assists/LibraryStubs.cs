using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// The stubs of a new native library ("Create a new Rust crate / C library named …"): one per C# declaration bound to the
/// unresolved library <c>name</c>, in declaration order, one per native function name. A declaration the writer cannot
/// stub is skipped, except the one at the cursor: without its stub the action would not fix it, so then there is none.
/// </summary>
internal static class LibraryStubs
{
    /// <param name="write">The stub of one declaration, or null when it cannot have one.</param>
    /// <returns>The stubs (at least one), or null.</returns>
    public static List<TStub>? Collect<TStub>(SemanticModel model, Binding binding, string name, Func<Binding, TStub?> write, Func<TStub, string> functionName)
        where TStub : class
    {
        var stubs = new List<TStub>();
        foreach (var b in model.Bindings.Where(b => b.Resolution == ResolutionKind.UnresolvedLibrary && b.Library is { } l && LibraryNames.Normalize(l) == name))
        {
            if (write(b) is not { } stub)
            {
                if (b == binding)
                    return null;
                continue;
            }
            if (!stubs.Any(s => functionName(s) == functionName(stub)))
                stubs.Add(stub);
        }
        return stubs.Count == 0 ? null : stubs;
    }
}
