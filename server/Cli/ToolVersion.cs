using System.Reflection;

namespace HybridLsp.Server.Cli;

public static class ToolVersion
{
    /// <summary>The informational version without build metadata ("0.1.0").</summary>
    public static string Value { get; } = Read();

    private static string Read()
    {
        var v = typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = v.IndexOf('+');
        return plus < 0 ? v : v[..plus];
    }
}
