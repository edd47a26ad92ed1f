using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.Toml;

/// <summary>
/// What a Cargo.toml says about the library it builds, read statically (no cargo, no build script).
/// </summary>
/// <param name="PackageName">`[package] name`, null for a virtual workspace manifest.</param>
/// <param name="LibName">`[lib] name` when given; otherwise cargo uses the package name with '-' replaced by '_' (see <see cref="EffectiveLibName"/>).</param>
/// <param name="CrateTypes">`[lib] crate-type`; empty when not given (cargo's default is "lib", an rlib: not loadable by P/Invoke).</param>
/// <param name="CrateTypeSpan">The span of the crate-type value, or of the `[lib]`/`[package]` header when absent, for HL0002.</param>
/// <param name="LibPath">`[lib] path` (relative to the manifest), null for the default src/lib.rs.</param>
/// <param name="HasLib">The package has a library target: `[lib]` is present or src/lib.rs is the default (the caller checks the file exists).</param>
/// <param name="WorkspaceMembers">`[workspace] members` globs, null when there is no [workspace] table.</param>
/// <param name="Edition">`[package] edition` ("2015" when absent, as cargo assumes).</param>
public sealed record CargoManifest(
    string? PackageName, TextSpan? PackageNameSpan, string? LibName, TextSpan? LibNameSpan,
    ImmutableArray<string> CrateTypes, TextSpan CrateTypeSpan, string? LibPath, bool HasLibTable,
    ImmutableArray<string>? WorkspaceMembers, ImmutableArray<string> WorkspaceExclude, string Edition,
    ImmutableArray<SyntaxError> Errors)
{
    /// <summary>The name of the library artifact (`lib{name}.so`): [lib] name, else the package name with '-' as '_'.</summary>
    public string? EffectiveLibName => LibName ?? PackageName?.Replace('-', '_');

    public bool IsCdylib => CrateTypes.Contains("cdylib") || CrateTypes.Contains("dylib");

    public static CargoManifest Read(string text)
    {
        var document = TomlDocument.Parse(text);
        var errors = document.Errors.ToBuilder();

        var packageName = StringValue(document, errors, "package", "name");
        var libName = StringValue(document, errors, "lib", "name");
        var libPath = StringValue(document, errors, "lib", "path");
        var edition = StringValue(document, errors, "package", "edition");

        var crateTypes = ImmutableArray<string>.Empty;
        TextSpan crateTypeSpan = default;
        var crateTypeEntry = document.Find("lib", "crate-type") ?? document.Find("lib", "crate_type");
        if (crateTypeEntry is not null)
        {
            crateTypeSpan = crateTypeEntry.Value.Span;
            if (crateTypeEntry.Value is TomlValue.Array array)
                crateTypes = [.. array.Items.OfType<TomlValue.String>().Select(s => s.Value)];
            else
                errors.Add(new SyntaxError(crateTypeEntry.Value.Span, "'lib.crate-type' must be an array of strings"));
        }
        else
        {
            var header = document.Tables.FirstOrDefault(t => t.Path is ["lib"]) ?? document.Tables.FirstOrDefault(t => t.Path is ["package"]);
            crateTypeSpan = header?.Span ?? default;
        }

        ImmutableArray<string>? members = null;
        var exclude = ImmutableArray<string>.Empty;
        if (document.Tables.Any(t => t.Path is ["workspace"]) || document.Entries.Any(e => e.Path.Length > 0 && e.Path[0] == "workspace"))
        {
            members = StringArray(document.Find("workspace", "members"));
            exclude = StringArray(document.Find("workspace", "exclude"));
        }

        return new CargoManifest(
            packageName?.Value, packageName?.Span, libName?.Value, libName?.Span,
            crateTypes, crateTypeSpan, libPath?.Value, document.Tables.Any(t => t.Path is ["lib"]),
            members, exclude, edition?.Value ?? "2015", errors.ToImmutable());
    }

    private static TomlValue.String? StringValue(TomlDocument document, ImmutableArray<SyntaxError>.Builder errors, params string[] path)
    {
        var entry = document.Find(path);
        if (entry is null)
            return null;
        if (entry.Value is TomlValue.String s)
            return s;
        // `version.workspace = true` style inheritance is a table, not an error.
        if (entry.Value is not TomlValue.Table)
            errors.Add(new SyntaxError(entry.Value.Span, $"'{entry.DottedPath}' must be a string, found {entry.Value.Describe()}"));
        return null;
    }

    private static ImmutableArray<string> StringArray(TomlEntry? entry) =>
        entry?.Value is TomlValue.Array array ? [.. array.Items.OfType<TomlValue.String>().Select(s => s.Value)] : [];
}
