using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace HybridLsp.Syntax.C;

/// <summary>
/// Builds libclang's command line for a request: language, target, header search (system, builtin, per-target
/// libc) and the user's flags filtered through the DESIGN §7 allow-list.
/// </summary>
internal static class ClangArguments
{
    // Flags that take their value in the next argument when written alone.
    private static readonly string[] s_separateValue = ["-I", "-isystem", "-iquote", "-D", "-U", "-include"];
    private static readonly string[] s_joinedPrefixes = ["-I", "-isystem", "-iquote", "-D", "-U", "-std=", "-include", "-fvisibility="];
    private static readonly string[] s_exact = ["-fshort-wchar", "-m32", "-m64", "-fms-extensions", "-fno-short-wchar"];

    public static (ImmutableArray<string> Arguments, ImmutableArray<string> Dropped) Build(CParseRequest request, ClangOptions options)
    {
        var args = ImmutableArray.CreateBuilder<string>();
        args.Add("-x");
        args.Add(request.Language == CLanguage.Cxx ? "c++" : "c");
        if (!string.IsNullOrWhiteSpace(request.Standard))
            args.Add("-std=" + request.Standard.Trim());
        args.Add("-target");
        args.Add(request.TargetTriple);
        // Declarations are all we need: no spell-checking of typos, no colour codes, a bounded number of errors.
        args.Add("-fno-spell-checking");
        args.Add("-fno-color-diagnostics");
        args.Add("-ferror-limit=100");

        var system = request.UseSystemHeaders ?? IsHostTriple(request.TargetTriple);
        var userResources = !string.IsNullOrWhiteSpace(options.ResourceDirectory);
        if (userResources)
        {
            // The user's clang resource directory provides the builtin headers; a foreign target still skips the
            // machine's libc headers and gets the product's per-target ones.
            args.Add("-resource-dir");
            args.Add(options.ResourceDirectory!);
            if (!system)
                args.Add("-nostdlibinc");
        }
        else
        {
            args.Add(system ? "-nobuiltininc" : "-nostdinc");
            args.Add("-isystem");
            args.Add(BuiltinHeaders.BuiltinDirectory);
        }
        if (!system)
        {
            // Like a real C++ standard library, the C++ wrappers come before the C headers they include.
            if (request.Language == CLanguage.Cxx)
            {
                args.Add("-isystem");
                args.Add(BuiltinHeaders.CxxDirectory);
            }
            args.Add("-isystem");
            args.Add(BuiltinHeaders.LibcDirectory);
            if (IsWindowsTriple(request.TargetTriple))
            {
                args.Add("-isystem");
                args.Add(BuiltinHeaders.WindowsDirectory);
            }
        }

        foreach (var directory in request.IncludeDirectories.IsDefault ? [] : request.IncludeDirectories)
            if (!string.IsNullOrWhiteSpace(directory))
                args.Add("-I" + directory);
        foreach (var define in request.Defines.IsDefault ? [] : request.Defines)
            if (!string.IsNullOrWhiteSpace(define))
                args.Add("-D" + define);

        var dropped = ImmutableArray.CreateBuilder<string>();
        var extra = request.ExtraFlags.IsDefault ? [] : request.ExtraFlags;
        for (var i = 0; i < extra.Length; i++)
        {
            var flag = extra[i];
            if (s_separateValue.Contains(flag, StringComparer.Ordinal))
            {
                if (i + 1 < extra.Length)
                {
                    args.Add(flag);
                    args.Add(extra[++i]);
                }
                else
                {
                    dropped.Add(flag);
                }
            }
            else if (s_exact.Contains(flag, StringComparer.Ordinal) || s_joinedPrefixes.Any(p => flag.Length > p.Length && flag.StartsWith(p, StringComparison.Ordinal)))
            {
                args.Add(flag);
            }
            else
            {
                dropped.Add(flag);
            }
        }
        return (args.ToImmutable(), dropped.ToImmutable());
    }

    /// <summary>True when the triple names this machine (Linux on the process's architecture): its /usr/include fits.</summary>
    public static bool IsHostTriple(string triple)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || !triple.Contains("-linux", StringComparison.Ordinal))
            return false;
        var arch = triple.Split('-')[0];
        return RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => arch is "x86_64" or "amd64",
            Architecture.Arm64 => arch is "aarch64" or "arm64",
            _ => false,
        };
    }

    /// <summary>A 32-bit x86 Windows triple, where a C function's symbol carries its calling convention and its parameters' size.</summary>
    public static bool IsX86WindowsTriple(string triple) => triple.StartsWith('i') && triple.Contains("86", StringComparison.Ordinal) && IsWindowsTriple(triple);

    public static bool IsWindowsTriple(string triple) => triple.Contains("windows", StringComparison.Ordinal) || triple.Contains("win32", StringComparison.Ordinal) || triple.Contains("mingw", StringComparison.Ordinal);
}
