using HybridLsp.Syntax.CMake;

namespace HybridLsp.Tests.Syntax.CMake;

/// <summary>Runs discovery over in-memory list files rooted at /p; no file system.</summary>
internal static class CMakeTestFiles
{
    public const string Root = "/p";

    public static CMakeProject Discover(params (string Path, string Text)[] files) => Discover(null, files);

    public static CMakeProject Discover(CMakeDiscoveryOptions? options, params (string Path, string Text)[] files) =>
        CMakeDiscovery.Discover(Root, files.ToDictionary(f => Root + "/" + f.Path, f => f.Text), options);

    public static CMakeLibrary Library(CMakeProject project, string name) =>
        project.Libraries.SingleOrDefault(l => l.Name == name) ?? throw new Xunit.Sdk.XunitException($"no library '{name}'; found: {string.Join(", ", project.Libraries.Select(l => l.Name))}; errors: {string.Join("; ", project.Errors.Select(e => e.Message))}");
}
