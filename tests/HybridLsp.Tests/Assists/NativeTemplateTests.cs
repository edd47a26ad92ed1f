using HybridLsp.Ide.Assists;

namespace HybridLsp.Tests.Assists;

/// <summary>The templates of native-templates/ are embedded, declare the documented placeholders, and render safely.</summary>
public sealed class NativeTemplateTests
{
    private static readonly Dictionary<string, string> s_c = new(StringComparer.Ordinal)
    {
        ["lib_name"] = "imaging",
        ["macro_prefix"] = "IMAGING",
        ["declarations"] = "IMAGING_API int im_add(int a, int b);",
        ["definitions"] = "IMAGING_API int im_add(int a, int b) { return a + b; }",
    };

    [Fact]
    public void Every_template_is_embedded_with_its_files_and_placeholders()
    {
        Assert.Equal(["benchmark-dotnet", "c-shared", "cpp-shared", "rust-cdylib", "rust-kv-cache", "rust-rowagg"], NativeTemplates.All.Keys);
        Assert.Equal([".gitignore", "Inputs.cs", "Program.cs", "{{project_name}}.csproj"], NativeTemplates.Get("benchmark-dotnet").Files.Keys);
        Assert.Equal(["members_code", "native_library_file", "native_library_path", "project_name", "summary_code", "user_project_path"], NativeTemplates.Placeholders(NativeTemplates.Get("benchmark-dotnet")));
        Assert.Equal([".gitignore", "Cargo.toml", "src/lib.rs"], NativeTemplates.Get("rust-cdylib").Files.Keys);
        Assert.Equal([".gitignore", "CMakeLists.txt", "include/{{lib_name}}.h", "src/{{lib_name}}.c"], NativeTemplates.Get("c-shared").Files.Keys);
        Assert.Equal([".gitignore", "CMakeLists.txt", "include/{{lib_name}}.h", "src/{{lib_name}}.cpp"], NativeTemplates.Get("cpp-shared").Files.Keys);
        Assert.Equal(["crate_name", "edition", "functions"], NativeTemplates.Placeholders(NativeTemplates.Get("rust-cdylib")));
        Assert.Equal(["declarations", "definitions", "lib_name", "macro_prefix"], NativeTemplates.Placeholders(NativeTemplates.Get("c-shared")));
        Assert.Equal(["declarations", "definitions", "lib_name", "macro_prefix"], NativeTemplates.Placeholders(NativeTemplates.Get("cpp-shared")));
    }

    [Fact]
    public void C_shared_renders_a_hidden_by_default_shared_library_with_an_export_macro()
    {
        var rendering = NativeTemplates.Render(NativeTemplates.Get("c-shared"), "/repo/native/imaging", "/repo", s_c, _ => false);
        Assert.True(rendering.Succeeded, rendering.Error);
        var files = rendering.Files.ToDictionary(f => f.Path, f => Assert.Single(f.Edits).NewText);
        Assert.All(rendering.Files, f => Assert.True(f.Creates));
        Assert.Equal(["/repo/native/imaging/.gitignore", "/repo/native/imaging/CMakeLists.txt", "/repo/native/imaging/include/imaging.h", "/repo/native/imaging/src/imaging.c"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("""
            cmake_minimum_required(VERSION 3.16)
            project(imaging LANGUAGES C)

            # One shared library for .NET P/Invoke: libimaging.so, imaging.dll, libimaging.dylib.
            add_library(imaging SHARED src/imaging.c)
            target_include_directories(imaging PUBLIC include)
            # Only functions marked IMAGING_API are exported; everything else stays inside the library.
            set_target_properties(imaging PROPERTIES
                C_VISIBILITY_PRESET hidden
                VISIBILITY_INLINES_HIDDEN ON)
            target_compile_definitions(imaging PRIVATE IMAGING_BUILDING)

            """, files["/repo/native/imaging/CMakeLists.txt"]);
        Assert.Equal("#include \"imaging.h\"\nIMAGING_API int im_add(int a, int b) { return a + b; }\n", files["/repo/native/imaging/src/imaging.c"]);
        var header = files["/repo/native/imaging/include/imaging.h"];
        Assert.StartsWith("#ifndef IMAGING_H\n#define IMAGING_H\n", header, StringComparison.Ordinal);
        Assert.Contains("#    define IMAGING_API __declspec(dllexport)", header, StringComparison.Ordinal);
        Assert.Contains("#  define IMAGING_API __attribute__((visibility(\"default\")))", header, StringComparison.Ordinal);
        Assert.Contains("extern \"C\" {\n#endif\nIMAGING_API int im_add(int a, int b);\n#ifdef __cplusplus\n}", header, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", string.Concat(files.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void Cpp_shared_renders_cxx_sources_behind_an_extern_c_header()
    {
        var rendering = NativeTemplates.Render(NativeTemplates.Get("cpp-shared"), "/repo/imaging", "/repo", s_c, _ => false);
        Assert.True(rendering.Succeeded, rendering.Error);
        var files = rendering.Files.ToDictionary(f => f.Path, f => Assert.Single(f.Edits).NewText);
        Assert.Contains("project(imaging LANGUAGES CXX)", files["/repo/imaging/CMakeLists.txt"], StringComparison.Ordinal);
        Assert.Contains("CXX_VISIBILITY_PRESET hidden", files["/repo/imaging/CMakeLists.txt"], StringComparison.Ordinal);
        Assert.Contains("add_library(imaging SHARED src/imaging.cpp)", files["/repo/imaging/CMakeLists.txt"], StringComparison.Ordinal);
        Assert.StartsWith("#include \"imaging.h\"\n", files["/repo/imaging/src/imaging.cpp"], StringComparison.Ordinal);
        Assert.Contains("extern \"C\" {\n#else", files["/repo/imaging/include/imaging.h"], StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_never_overwrites_leaves_the_workspace_or_writes_odd_paths()
    {
        var template = NativeTemplates.Get("c-shared");
        Assert.Equal("'/repo/native/imaging/CMakeLists.txt' already exists",
            NativeTemplates.Render(template, "/repo/native/imaging", "/repo", s_c, p => p.EndsWith("CMakeLists.txt", StringComparison.Ordinal)).Error);
        Assert.False(NativeTemplates.Render(template, "/elsewhere/imaging", "/repo", s_c, _ => false).Succeeded);
        Assert.False(NativeTemplates.Render(template, "/repo/../etc", "/repo", s_c, _ => false).Succeeded);
        Assert.False(NativeTemplates.Render(template, "native/imaging", "/repo", s_c, _ => false).Succeeded);
        foreach (var bad in new[] { "../../etc/x", "/abs", "a/b", "x\\y", "C:x", "." , "" })
        {
            var values = new Dictionary<string, string>(s_c, StringComparer.Ordinal) { ["lib_name"] = bad };
            var result = NativeTemplates.Render(template, "/repo/native/imaging", "/repo", values, _ => false);
            Assert.False(result.Succeeded, bad);
            Assert.Empty(result.Files);
        }
        var missing = new Dictionary<string, string>(s_c, StringComparer.Ordinal);
        missing.Remove("definitions");
        Assert.Contains("placeholder without a value", NativeTemplates.Render(template, "/repo/x", "/repo", missing, _ => false).Error, StringComparison.Ordinal);
        var multiLineName = new Dictionary<string, string>(s_c, StringComparer.Ordinal) { ["macro_prefix"] = "A\nB" };
        Assert.False(NativeTemplates.Render(template, "/repo/x", "/repo", multiLineName, _ => false).Succeeded);
        var nested = new Dictionary<string, string>(s_c, StringComparer.Ordinal) { ["definitions"] = "{{lib_name}}" };
        Assert.False(NativeTemplates.Render(template, "/repo/x", "/repo", nested, _ => false).Succeeded);
    }
}
