using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace HybridLsp.Tests.Architecture;

/// <summary>DESIGN §2: dependencies point downwards only; the engine has no LSP types, no process IO and no file IO.</summary>
public sealed class LayeringTests
{
    private static readonly string[] s_engine = ["HybridLsp.Syntax", "HybridLsp.Semantics", "HybridLsp.Ide"];

    [Theory]
    [InlineData("HybridLsp.Syntax", new string[] { })]
    [InlineData("HybridLsp.Semantics", new[] { "HybridLsp.Syntax" })]
    [InlineData("HybridLsp.Ide", new[] { "HybridLsp.Semantics", "HybridLsp.Syntax" })]
    public void Engine_layers_reference_only_the_layers_below(string assembly, string[] allowed)
    {
        var references = Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("HybridLsp", StringComparison.Ordinal)).ToList();
        Assert.All(references, r => Assert.Contains(r, allowed));
    }

    [Theory]
    [InlineData("HybridLsp.Syntax")]
    [InlineData("HybridLsp.Semantics")]
    [InlineData("HybridLsp.Ide")]
    public void Engine_never_references_the_protocol_library_logging_or_process_and_file_IO(string assembly)
    {
        var referencedAssemblies = Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referencedAssemblies, a => a.StartsWith("StreamJsonRpc", StringComparison.Ordinal) || a.StartsWith("Mediator", StringComparison.Ordinal) || a.StartsWith("Serilog", StringComparison.Ordinal) || a.StartsWith("System.CommandLine", StringComparison.Ordinal));

        var forbidden = new[] { "System.Diagnostics.Process", "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.Net.Http.HttpClient", "System.Net.Sockets.Socket", "System.Console" };
        var types = TypeReferences(assembly);
        Assert.Empty(types.Intersect(forbidden));
    }

    /// <summary>
    /// DESIGN §2's one declared exception: libclang, loaded by HybridLsp.Syntax from the path the user configures,
    /// reads system headers itself. Loading a native library is allowed there and only there, and only in the C
    /// folder's interop namespace; the file-IO ban above still holds for Syntax (workspace files reach libclang as
    /// unsaved buffers; the product's builtin headers are embedded resources).
    /// </summary>
    [Fact]
    public void Only_the_libclang_interop_loads_native_libraries()
    {
        const string nativeLibrary = "System.Runtime.InteropServices.NativeLibrary";
        Assert.DoesNotContain(nativeLibrary, TypeReferences("HybridLsp.Semantics"));
        Assert.DoesNotContain(nativeLibrary, TypeReferences("HybridLsp.Ide"));

        var syntax = Load("HybridLsp.Syntax");
        var withUnmanagedCode = syntax.GetTypes()
            .Where(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Any(m => m.GetCustomAttributes(typeof(System.Runtime.InteropServices.UnmanagedCallersOnlyAttribute), false).Length > 0 || m.GetCustomAttributes(typeof(System.Runtime.InteropServices.DllImportAttribute), false).Length > 0))
            .Select(t => t.Namespace)
            .Distinct()
            .ToList();
        Assert.All(withUnmanagedCode, ns => Assert.Equal("HybridLsp.Syntax.C.Interop", ns));
        Assert.All(syntax.GetTypes().Where(t => t.Namespace == "HybridLsp.Syntax.C.Interop"), t => Assert.False(t.IsPublic, $"{t.Name} must stay internal"));
    }

    private static Assembly Load(string name) => Assembly.Load(name);

    private static HashSet<string> TypeReferences(string assembly)
    {
        using var stream = File.OpenRead(Load(assembly).Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            result.Add(metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name));
        }
        return result;
    }
}
