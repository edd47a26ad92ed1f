using System.Collections.Immutable;
using System.Text;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide.Assists;

/// <summary>What wiring a module into a project does: the new project text and the one edit that makes it, or why not.</summary>
/// <param name="Edits">Empty when the project is already wired exactly so (running wire twice changes nothing).</param>
public sealed record WireResult(string? NewText, ImmutableArray<TextEdit> Edits, string? Error)
{
    public bool Changed => !Edits.IsEmpty;
}

/// <summary>
/// Wires a native module into <c>dotnet build</c>: a delimited MSBuild block in the .csproj (before its closing
/// <c>&lt;/Project&gt;</c>) that builds the module before the .NET build — <c>cargo build [--release]</c>, or CMake configure
/// (once) and <c>cmake --build</c> into the same build tree as `hybrid-lsp build` — with Configuration=Release choosing the
/// release profile, then copies the shared library next to the app's output and packs it as
/// <c>runtimes/&lt;rid&gt;/native/</c>. Pure text in, text out: an existing block for the module is replaced in place,
/// and wiring again with nothing changed yields no edit. Both tools are incremental, so no MSBuild Inputs/Outputs are
/// declared (a stamp would go stale when the library is deleted; cargo and cmake decide up-to-dateness better).
/// </summary>
public static class WireNativeBuild
{
    /// <summary>The first line of the block for a module (the module name is its key).</summary>
    public static string BeginMarker(string moduleName) => $"<!-- hybrid-lsp:native-build {moduleName} begin";

    public static string EndMarker(string moduleName) => $"<!-- hybrid-lsp:native-build {moduleName} end -->";

    public static bool IsWired(string projectText, BuildableModule module) => projectText.Contains(BeginMarker(module.Name) + " ", StringComparison.Ordinal);

    /// <param name="projectPath">The absolute '/'-separated path of the .csproj (module paths are written relative to it).</param>
    public static WireResult Apply(string projectText, string projectPath, BuildableModule module)
    {
        if (!module.IsLoadable)
            return Fail(module.System == BuildSystem.Cargo
                ? $"crate '{module.Name}' does not build a cdylib (add crate-type = [\"cdylib\"] to its [lib])"
                : $"CMake target '{module.Name}' is not a SHARED or MODULE library");
        var newline = projectText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var block = Block(PathText.Normalize(projectPath), module, newline);

        var begin = projectText.IndexOf(BeginMarker(module.Name) + " ", StringComparison.Ordinal);
        if (begin >= 0)
        {
            var endMarker = EndMarker(module.Name);
            var end = projectText.IndexOf(endMarker, begin, StringComparison.Ordinal);
            if (end < 0)
                return Fail($"the hybrid-lsp block for '{module.Name}' has lost its end line ('{endMarker}'); remove the block's remains and wire again");
            var lineStart = projectText.LastIndexOf('\n', Math.Max(0, begin - 1)) + 1;
            if (!string.IsNullOrWhiteSpace(projectText[lineStart..begin]))
                lineStart = begin;
            var span = TextSpan.FromBounds(lineStart, end + endMarker.Length);
            var replacement = block.TrimEnd('\r', '\n');
            return projectText.AsSpan(span.Start, span.Length).SequenceEqual(replacement)
                ? new WireResult(projectText, [], null)
                : Edit(projectText, new TextEdit(span, replacement));
        }

        var close = projectText.LastIndexOf("</Project>", StringComparison.Ordinal);
        if (close < 0 || projectText.IndexOf("<Project", StringComparison.Ordinal) is var open && (open < 0 || open > close))
            return Fail("the project file has no <Project> element to add the build to");
        var insertAt = projectText.LastIndexOf('\n', Math.Max(0, close - 1)) + 1;
        if (!string.IsNullOrWhiteSpace(projectText[insertAt..close]))
            return Edit(projectText, new TextEdit(new TextSpan(close, 0), newline + block));
        var blankBefore = projectText.AsSpan(0, insertAt).EndsWith(newline + newline, StringComparison.Ordinal);
        return Edit(projectText, new TextEdit(new TextSpan(insertAt, 0), blankBefore ? block : newline + block));
    }

    private static WireResult Edit(string text, TextEdit edit)
        => new(string.Concat(text.AsSpan(0, edit.Span.Start), edit.NewText, text.AsSpan(edit.Span.End)), [edit], null);

    private static WireResult Fail(string error) => new(null, [], error);

    private static string Block(string projectPath, BuildableModule module, string nl)
    {
        var id = "HybridLsp_" + Identifier(module.Name);
        var projectDir = PathText.Directory(projectPath);
        string FromProject(string path) => "$([System.IO.Path]::GetFullPath('$(MSBuildProjectDirectory)/" + Relative(projectDir, path) + "'))";
        var b = new StringBuilder();
        void Line(string indent, string text) => b.Append(indent).Append(text).Append(nl);
        var kind = module.System == BuildSystem.Cargo ? "Rust crate" : "CMake library";
        Line("  ", $"{BeginMarker(module.Name)} -->");
        Line("  ", $"<!-- Written by hybrid-lsp ('hybrid-lsp wire'): builds the {kind} '{module.Name}' before the .NET build (Configuration=Release builds its");
        Line("  ", "     release profile, anything else debug) and copies the library next to the app and into runtimes/<rid>/native/ when packing.");
        Line("  ", "     Wiring again replaces this block up to its end line; put your own changes outside it. -->");
        Line("  ", "<PropertyGroup>");
        Line("    ", $"<{id}_Dir>{FromProject(module.Directory)}</{id}_Dir>");
        Line("    ", $"<{id}_Profile Condition=\"'$(Configuration)' == 'Release'\">release</{id}_Profile>");
        Line("    ", $"<{id}_Profile Condition=\"'$(Configuration)' != 'Release'\">debug</{id}_Profile>");
        var windowsName = (module.Prefix == "lib" ? "" : module.Prefix) + module.LibName + (module.Suffix ?? ".dll");
        var macName = module.Prefix + module.LibName + (module.Suffix ?? ".dylib");
        Line("    ", $"<{id}_File Condition=\"$([MSBuild]::IsOSPlatform('Windows'))\">{windowsName}</{id}_File>");
        Line("    ", $"<{id}_File Condition=\"$([MSBuild]::IsOSPlatform('OSX'))\">{macName}</{id}_File>");
        Line("    ", $"<{id}_File Condition=\"'$({id}_File)' == ''\">{module.LinuxFileName}</{id}_File>");
        Line("    ", $"<{id}_Rid Condition=\"'$(RuntimeIdentifier)' != ''\">$(RuntimeIdentifier)</{id}_Rid>");
        Line("    ", $"<{id}_Rid Condition=\"'$(RuntimeIdentifier)' == ''\">$(NETCoreSdkRuntimeIdentifier)</{id}_Rid>");
        if (module.System == BuildSystem.Cargo)
        {
            Line("    ", $"<{id}_Lib>{FromProject(module.OutputDirectory)}/$({id}_Profile)/$({id}_File)</{id}_Lib>");
            Line("    ", $"<{id}_ReleaseFlag Condition=\"'$({id}_Profile)' == 'release'\">--release</{id}_ReleaseFlag>");
            Line("    ", "<!-- rustup installs cargo into ~/.cargo/bin, which IDEs and CI agents often lack on their PATH. -->");
            Line("    ", $"<{id}_CargoHome Condition=\"'$(CARGO_HOME)' != ''\">$(CARGO_HOME)</{id}_CargoHome>");
            Line("    ", $"<{id}_CargoHome Condition=\"'$({id}_CargoHome)' == '' and '$(HOME)' != ''\">$(HOME)/.cargo</{id}_CargoHome>");
            Line("    ", $"<{id}_CargoHome Condition=\"'$({id}_CargoHome)' == '' and '$(USERPROFILE)' != ''\">$(USERPROFILE)/.cargo</{id}_CargoHome>");
            Line("    ", $"<{id}_Cargo>cargo</{id}_Cargo>");
            Line("    ", $"<{id}_Cargo Condition=\"Exists('$({id}_CargoHome)/bin/cargo')\">$({id}_CargoHome)/bin/cargo</{id}_Cargo>");
            Line("    ", $"<{id}_Cargo Condition=\"Exists('$({id}_CargoHome)/bin/cargo.exe')\">$({id}_CargoHome)/bin/cargo.exe</{id}_Cargo>");
            Line("    ", $"<{id}_Path>$({id}_CargoHome)/bin$([System.IO.Path]::PathSeparator)$(PATH)</{id}_Path>");
        }
        else
        {
            Line("    ", $"<{id}_BuildDir>{FromProject(module.OutputDirectory)}/hybrid-lsp-$({id}_Profile)</{id}_BuildDir>");
            Line("    ", $"<{id}_BuildType Condition=\"'$({id}_Profile)' == 'release'\">Release</{id}_BuildType>");
            Line("    ", $"<{id}_BuildType Condition=\"'$({id}_Profile)' != 'release'\">Debug</{id}_BuildType>");
        }
        Line("  ", "</PropertyGroup>");
        Line("  ", $"<Target Name=\"{id}_Build\" BeforeTargets=\"BeforeBuild\">");
        if (module.System == BuildSystem.Cargo)
        {
            Line("    ", $"<Exec Command=\"&quot;$({id}_Cargo)&quot; build --manifest-path &quot;$({id}_Dir)/Cargo.toml&quot; $({id}_ReleaseFlag)\" EnvironmentVariables=\"PATH=$([MSBuild]::Escape($({id}_Path)))\" />");
            Line("    ", "<ItemGroup>");
            Line("      ", $"<{id}_Built Include=\"$({id}_Lib)\" Condition=\"Exists('$({id}_Lib)')\" />");
            Line("    ", "</ItemGroup>");
        }
        else
        {
            Line("    ", $"<Exec Condition=\"!Exists('$({id}_BuildDir)/CMakeCache.txt')\" Command=\"cmake -S &quot;$({id}_Dir)&quot; -B &quot;$({id}_BuildDir)&quot; -DCMAKE_BUILD_TYPE=$({id}_BuildType)\" />");
            Line("    ", $"<Exec Command=\"cmake --build &quot;$({id}_BuildDir)&quot; --config $({id}_BuildType)\" />");
            Line("    ", "<ItemGroup>");
            Line("      ", "<!-- Wherever the project puts it in the build tree (a subdirectory, a multi-config Release/ folder). -->");
            Line("      ", $"<{id}_Built Include=\"$({id}_BuildDir)/**/$({id}_File)\" Exclude=\"$({id}_BuildDir)/CMakeFiles/**\" />");
            Line("    ", "</ItemGroup>");
        }
        Line("    ", $"<Error Condition=\"'@({id}_Built)' == ''\" Text=\"hybrid-lsp: the build of '{module.Name}' produced no $({id}_File)\" />");
        Line("    ", "<ItemGroup>");
        Line("      ", $"<None Include=\"@({id}_Built)\" Link=\"$({id}_File)\" CopyToOutputDirectory=\"PreserveNewest\" CopyToPublishDirectory=\"PreserveNewest\"");
        Line("      ", $"      Pack=\"true\" PackagePath=\"runtimes/$({id}_Rid)/native/\" Visible=\"false\" />");
        Line("    ", "</ItemGroup>");
        Line("  ", "</Target>");
        Line("  ", EndMarker(module.Name));
        return b.ToString();
    }

    /// <summary>An MSBuild property name part: letters, digits and '_'.</summary>
    private static string Identifier(string name)
    {
        var b = new StringBuilder(name.Length);
        foreach (var c in name)
            b.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return b.ToString();
    }

    /// <summary>'/'-separated relative path from a folder to a path (both absolute and normalised), '.' for the folder itself.</summary>
    internal static string Relative(string fromDirectory, string to)
    {
        var from = fromDirectory.TrimEnd('/').Split('/');
        var target = to.TrimEnd('/').Split('/');
        var common = 0;
        while (common < from.Length && common < target.Length && from[common] == target[common])
            common++;
        if (common == 0)
            return to; // another drive
        var parts = Enumerable.Repeat("..", from.Length - common).Concat(target.Skip(common)).ToList();
        return parts.Count == 0 ? "." : string.Join('/', parts);
    }
}
