using HybridLsp.Ide.Assists;

namespace HybridLsp.Ide.Benchmarks;

/// <summary>Renders native-templates/benchmark-dotnet for a <see cref="BenchmarkPlan"/> (pure: the files to create).</summary>
public static class BenchmarkProject
{
    public const string TemplateName = "benchmark-dotnet";

    /// <param name="nativeLibrary">The absolute path of the built native library the benchmark copies next to itself.</param>
    /// <param name="exists">Whether a file exists; rendering never overwrites one.</param>
    public static TemplateRendering Render(BenchmarkPlan plan, string nativeLibrary, string workspaceRoot, Func<string, bool> exists)
    {
        var library = nativeLibrary.Replace('\\', '/');
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["project_name"] = plan.ProjectName,
            ["user_project_path"] = Relative(plan.ProjectDirectory, plan.CSharpProject),
            ["native_library_path"] = Relative(plan.ProjectDirectory, library),
            ["native_library_file"] = library[(library.LastIndexOf('/') + 1)..],
            ["summary_code"] = plan.Title.Replace('\r', ' ').Replace('\n', ' '),
            ["members_code"] = plan.MembersCode,
        };
        return NativeTemplates.Render(NativeTemplates.Get(TemplateName), plan.ProjectDirectory, workspaceRoot, values, exists);
    }

    /// <summary>The '/'-separated path of <paramref name="target"/> relative to the folder <paramref name="fromDirectory"/> (both absolute).</summary>
    public static string Relative(string fromDirectory, string target)
    {
        var from = fromDirectory.Replace('\\', '/').TrimEnd('/').Split('/');
        var to = target.Replace('\\', '/').Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], StringComparison.Ordinal))
            common++;
        return string.Join('/', Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)));
    }
}
