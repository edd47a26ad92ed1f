namespace HybridLsp.Syntax.CMake;

/// <summary>
/// Discovers the library targets of a CMake project from the text of its list files, without running CMake
/// (configuring runs project code: DESIGN §7). Pure: the caller hands in every list file; nothing is read from disk.
/// </summary>
public static class CMakeDiscovery
{
    /// <summary>
    /// Evaluates <c>sourceDir/CMakeLists.txt</c> and what it reaches through <c>add_subdirectory</c> and <c>include</c>.
    /// Never throws on any input (malformed, binary, cyclic, huge): problems are <see cref="CMakeProject.Errors"/>.
    /// </summary>
    /// <param name="sourceDir">Absolute path of the top-level source directory.</param>
    /// <param name="files">Absolute path → text of every list file the project may read (CMakeLists.txt, *.cmake).</param>
    public static CMakeProject Discover(string sourceDir, IReadOnlyDictionary<string, string> files, CMakeDiscoveryOptions? options = null, CancellationToken cancellationToken = default) =>
        CMakeEvaluator.Run(sourceDir, files, options ?? CMakeDiscoveryOptions.Default, cancellationToken);
}
