using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.CSharp;

/// <summary>Reads the interop-relevant properties of a .csproj as plain XML and knows the SDK's framework symbols.</summary>
public static class CsProjectReader
{
    private const string DefineConstantsReference = "$(DefineConstants)";

    private static readonly string[] s_netFrameworkVersions =
        ["20", "30", "35", "40", "45", "451", "452", "46", "461", "462", "47", "471", "472", "48", "481"];

    private static readonly (int Major, int Minor)[] s_netCoreAppVersions =
        [(1, 0), (1, 1), (2, 0), (2, 1), (2, 2), (3, 0), (3, 1)];

    private static readonly (int Major, int Minor)[] s_netStandardVersions =
        [(1, 0), (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (2, 0), (2, 1)];

    /// <summary>Reads a project file. Never throws: malformed XML gives an error with its location and the defaults.</summary>
    public static CsProjectFile Read(string xml)
    {
        XDocument document;
        try
        {
            // A project file never needs a DTD; refusing one keeps entity expansion ("billion laughs") out.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(xml ?? ""), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var offset = LineIndex.Create(xml ?? "").GetOffset(new LinePosition(Math.Max(0, ex.LineNumber - 1), Math.Max(0, ex.LinePosition - 1)));
            return Empty(ImmutableArray.Create(new SyntaxError(new TextSpan(offset, 0), "Malformed project file: " + ex.Message)));
        }

        string? assemblyName = null;
        string? targetFramework = null;
        string? targetFrameworks = null;
        var defines = new List<string>();
        var allowUnsafe = false;
        bool? enableDefaultCompileItems = null;
        var includes = ImmutableArray.CreateBuilder<string>();
        var removes = ImmutableArray.CreateBuilder<string>();
        var references = ImmutableArray.CreateBuilder<string>();

        if (document.Root is not { } root)
            return Empty(ImmutableArray<SyntaxError>.Empty);

        foreach (var group in root.Elements())
        {
            if (HasCondition(group))
                continue;
            switch (group.Name.LocalName)
            {
                case "PropertyGroup":
                    foreach (var property in group.Elements())
                    {
                        if (HasCondition(property))
                            continue;
                        var value = property.Value.Trim();
                        switch (property.Name.LocalName)
                        {
                            case "AssemblyName":
                                assemblyName = value.Length == 0 ? null : value;
                                break;
                            case "TargetFramework":
                                targetFramework = value;
                                break;
                            case "TargetFrameworks":
                                targetFrameworks = value;
                                break;
                            case "DefineConstants":
                                if (!value.Contains(DefineConstantsReference, StringComparison.OrdinalIgnoreCase))
                                    defines.Clear();
                                foreach (var symbol in SplitList(value))
                                {
                                    if (!symbol.Equals(DefineConstantsReference, StringComparison.OrdinalIgnoreCase) && !defines.Contains(symbol))
                                        defines.Add(symbol);
                                }
                                break;
                            case "AllowUnsafeBlocks":
                                allowUnsafe = ParseBool(value) ?? false;
                                break;
                            case "EnableDefaultCompileItems":
                                enableDefaultCompileItems = ParseBool(value);
                                break;
                        }
                    }
                    break;
                case "ItemGroup":
                    foreach (var item in group.Elements())
                    {
                        if (HasCondition(item))
                            continue;
                        switch (item.Name.LocalName)
                        {
                            case "Compile":
                                includes.AddRange(SplitList((string?)item.Attribute("Include")));
                                removes.AddRange(SplitList((string?)item.Attribute("Remove")));
                                break;
                            case "ProjectReference":
                                references.AddRange(SplitList((string?)item.Attribute("Include")));
                                break;
                        }
                    }
                    break;
            }
        }

        var frameworks = targetFrameworks is not null ? SplitList(targetFrameworks).ToImmutableArray()
            : targetFramework is { Length: > 0 } ? ImmutableArray.Create(targetFramework)
            : ImmutableArray<string>.Empty;

        return new CsProjectFile(assemblyName, frameworks, defines.ToImmutableArray(), allowUnsafe, enableDefaultCompileItems,
            includes.ToImmutable(), removes.ToImmutable(), references.ToImmutable(), ImmutableArray<SyntaxError>.Empty);
    }

    /// <summary>
    /// The preprocessor symbols the .NET SDK defines for a target framework moniker (`net10.0`, `net8.0-windows`,
    /// `netcoreapp3.1`, `netstandard2.0`, `net48`); empty for a moniker it does not know.
    /// </summary>
    public static ImmutableArray<string> FrameworkSymbols(string targetFramework)
    {
        if (string.IsNullOrWhiteSpace(targetFramework))
            return ImmutableArray<string>.Empty;
        var tfm = targetFramework.Trim().ToLowerInvariant();
        string? platform = null;
        var dash = tfm.IndexOf('-');
        if (dash >= 0)
        {
            platform = tfm[(dash + 1)..];
            tfm = tfm[..dash];
        }

        var symbols = ImmutableArray.CreateBuilder<string>();
        if (tfm.StartsWith("netstandard", StringComparison.Ordinal))
        {
            if (!TryParseVersion(tfm["netstandard".Length..], out var major, out var minor))
                return ImmutableArray<string>.Empty;
            symbols.Add("NETSTANDARD");
            symbols.Add(Invariant($"NETSTANDARD{major}_{minor}"));
            AddOrGreater(symbols, "NETSTANDARD", s_netStandardVersions, major, minor);
        }
        else if (tfm.StartsWith("netcoreapp", StringComparison.Ordinal))
        {
            if (!TryParseVersion(tfm["netcoreapp".Length..], out var major, out var minor))
                return ImmutableArray<string>.Empty;
            symbols.Add("NETCOREAPP");
            symbols.Add(Invariant($"NETCOREAPP{major}_{minor}"));
            AddOrGreater(symbols, "NETCOREAPP", s_netCoreAppVersions, major, minor);
        }
        else if (tfm.StartsWith("net", StringComparison.Ordinal) && tfm.Contains('.'))
        {
            if (!TryParseVersion(tfm["net".Length..], out var major, out var minor) || major < 5)
                return ImmutableArray<string>.Empty;
            symbols.Add("NET");
            symbols.Add(Invariant($"NET{major}_{minor}"));
            symbols.Add("NETCOREAPP");
            for (var version = major; version >= 5; version--)
                symbols.Add(Invariant($"NET{version}_0_OR_GREATER"));
            AddOrGreater(symbols, "NETCOREAPP", s_netCoreAppVersions, int.MaxValue, 0);
            if (platform is { Length: > 0 })
            {
                var name = new string(platform.TakeWhile(char.IsLetter).ToArray()).ToUpperInvariant();
                if (name.Length > 0)
                    symbols.Add(name);
            }
        }
        else if (tfm.StartsWith("net", StringComparison.Ordinal))
        {
            var digits = tfm["net".Length..];
            var index = Array.IndexOf(s_netFrameworkVersions, digits);
            if (index < 0)
                return ImmutableArray<string>.Empty;
            symbols.Add("NETFRAMEWORK");
            symbols.Add("NET" + digits.ToUpperInvariant());
            for (var i = index; i >= 0; i--)
                symbols.Add("NET" + s_netFrameworkVersions[i] + "_OR_GREATER");
        }
        else
        {
            return ImmutableArray<string>.Empty;
        }
        return symbols.ToImmutable();
    }

    private static void AddOrGreater(ImmutableArray<string>.Builder symbols, string prefix, (int Major, int Minor)[] versions, int major, int minor)
    {
        for (var i = versions.Length - 1; i >= 0; i--)
        {
            var (vMajor, vMinor) = versions[i];
            if (vMajor < major || (vMajor == major && vMinor <= minor))
                symbols.Add(Invariant($"{prefix}{vMajor}_{vMinor}_OR_GREATER"));
        }
    }

    private static bool TryParseVersion(string text, out int major, out int minor)
    {
        major = 0;
        minor = 0;
        var parts = text.Split('.');
        if (parts.Length is < 1 or > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out major))
            return false;
        return parts.Length == 1 || int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minor);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static bool HasCondition(XElement element) => !string.IsNullOrWhiteSpace((string?)element.Attribute("Condition"));

    private static bool? ParseBool(string value) =>
        value.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
        : value.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    private static IEnumerable<string> SplitList(string? value) =>
        string.IsNullOrEmpty(value)
            ? []
            : value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static CsProjectFile Empty(ImmutableArray<SyntaxError> errors) =>
        new(null, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, false, null,
            ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, errors);
}
