using HybridLsp.Ide.Assists;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// The c-shared and cpp-shared templates build for real with cmake and the machine's compiler, and the library exports
/// exactly the functions marked with the export macro (`nm -D --defined-only`): the hidden-visibility preset works.
/// </summary>
public sealed class TemplateOracleTests
{
    [Theory]
    [InlineData("c-shared", "static int twice(int x) { return 2 * x; }\nint orat_hidden(int x) { return twice(x); }\nORAT_API int orat_add(int a, int b) { return orat_hidden(a) + b; }", "orat_hidden")]
    [InlineData("cpp-shared", "namespace orat::detail { int twice(int x) { return 2 * x; } }\nint orat_hidden(int x) { return orat::detail::twice(x); }\nORAT_API int orat_add(int a, int b)\n{\n    try { return orat_hidden(a) + b; } catch (...) { return 0; }\n}", "_ZN4orat6detail5twiceEi")]
    public void Rendered_template_builds_with_cmake_and_exports_only_the_marked_functions(string template, string definitions, string hidden)
    {
        var dir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-templates", $"{template}-{Environment.ProcessId}").Replace('\\', '/');
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        var rendering = NativeTemplates.Render(NativeTemplates.Get(template), dir + "/orat", dir, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["lib_name"] = "orat",
            ["macro_prefix"] = "ORAT",
            ["declarations"] = "ORAT_API int orat_add(int a, int b);",
            ["definitions"] = definitions,
        }, File.Exists);
        Assert.True(rendering.Succeeded, rendering.Error);
        foreach (var file in rendering.Files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
            File.WriteAllText(file.Path, Assert.Single(file.Edits).NewText);
        }
        StubOracleTests.Run("cmake", ["-S", $"{dir}/orat", "-B", $"{dir}/build", "-DCMAKE_BUILD_TYPE=Release"], dir);
        StubOracleTests.Run("cmake", ["--build", $"{dir}/build"], dir);
        var symbols = StubOracleTests.Run("nm", ["-D", "--defined-only", $"{dir}/build/liborat.so"], dir)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[^1]).ToList();
        Assert.Contains("orat_add", symbols);
        Assert.DoesNotContain(hidden, symbols);
        Assert.DoesNotContain("twice", symbols);
        // Rendering again into the same folder refuses to overwrite.
        Assert.False(NativeTemplates.Render(NativeTemplates.Get(template), dir + "/orat", dir, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["lib_name"] = "orat", ["macro_prefix"] = "ORAT", ["declarations"] = "", ["definitions"] = "",
        }, File.Exists).Succeeded);
    }
}
