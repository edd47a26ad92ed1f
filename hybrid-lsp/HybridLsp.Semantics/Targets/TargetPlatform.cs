using System.Collections.Immutable;

namespace HybridLsp.Semantics.Targets;

public enum TargetOs { Linux, Windows, MacOs }

public enum TargetArch { X64, X86, Arm64 }

/// <summary>A platform the bindings must work on: its .NET RID-style name, Rust triple and C data model.</summary>
public sealed record TargetPlatform(string Name, string Triple, TargetOs Os, TargetArch Arch)
{
    public int PointerSize => Arch == TargetArch.X86 ? 4 : 8;

    /// <summary>C `long`: 4 bytes on Windows (LLP64) and on 32-bit targets, 8 on 64-bit Unix (LP64).</summary>
    public int CLongSize => Os == TargetOs.Windows || PointerSize == 4 ? 4 : 8;

    /// <summary>C `wchar_t`: UTF-16 code unit on Windows, UTF-32 elsewhere.</summary>
    public int WCharSize => Os == TargetOs.Windows ? 2 : 4;

    public bool IsWindows => Os == TargetOs.Windows;

    /// <summary>On x86 stdcall, cdecl and thiscall are different conventions; elsewhere they all mean the platform's one C convention.</summary>
    public bool HasDistinctCallingConventions => Arch == TargetArch.X86;

    /// <summary>The alignment of 8-byte scalars inside structs (i686 System V aligns i64/f64 to 4; Windows x86 to 8).</summary>
    public int Int64Alignment => Arch == TargetArch.X86 && Os != TargetOs.Windows ? 4 : 8;

    public string RustOs => Os switch { TargetOs.Linux => "linux", TargetOs.Windows => "windows", _ => "macos" };
    public string RustFamily => Os == TargetOs.Windows ? "windows" : "unix";
    public string RustArch => Arch switch { TargetArch.X64 => "x86_64", TargetArch.X86 => "x86", _ => "aarch64" };
    public string RustEnv => Os switch { TargetOs.Linux => "gnu", TargetOs.Windows => "msvc", _ => "" };
    public string RustVendor => Os switch { TargetOs.MacOs => "apple", TargetOs.Windows => "pc", _ => "unknown" };

    public override string ToString() => Name;
}

public static class TargetPlatforms
{
    public static readonly TargetPlatform LinuxX64 = new("linux-x64", "x86_64-unknown-linux-gnu", TargetOs.Linux, TargetArch.X64);
    public static readonly TargetPlatform LinuxArm64 = new("linux-arm64", "aarch64-unknown-linux-gnu", TargetOs.Linux, TargetArch.Arm64);
    public static readonly TargetPlatform WinX64 = new("win-x64", "x86_64-pc-windows-msvc", TargetOs.Windows, TargetArch.X64);
    public static readonly TargetPlatform WinX86 = new("win-x86", "i686-pc-windows-msvc", TargetOs.Windows, TargetArch.X86);
    public static readonly TargetPlatform WinArm64 = new("win-arm64", "aarch64-pc-windows-msvc", TargetOs.Windows, TargetArch.Arm64);
    public static readonly TargetPlatform OsxX64 = new("osx-x64", "x86_64-apple-darwin", TargetOs.MacOs, TargetArch.X64);
    public static readonly TargetPlatform OsxArm64 = new("osx-arm64", "aarch64-apple-darwin", TargetOs.MacOs, TargetArch.Arm64);

    public static readonly ImmutableArray<TargetPlatform> All = [LinuxX64, LinuxArm64, WinX64, WinX86, WinArm64, OsxX64, OsxArm64];

    public static readonly ImmutableArray<TargetPlatform> Default = [LinuxX64, WinX64, OsxArm64];

    public static TargetPlatform? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
