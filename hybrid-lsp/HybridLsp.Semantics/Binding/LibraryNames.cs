namespace HybridLsp.Semantics.Binding;

/// <summary>Library-name normalisation as the .NET loader probes: `lib` prefix and platform suffixes are optional.</summary>
public static class LibraryNames
{
    private static readonly HashSet<string> s_system = new(StringComparer.OrdinalIgnoreCase)
    {
        "c", "libc", "m", "dl", "pthread", "rt", "util", "z", "gcc_s", "stdc++", "c++", "objc", "system", "systemnative", "system.native",
        "libsystem.native", "system.globalization.native", "system.security.cryptography.native.openssl", "system.io.compression.native",
        "kernel32", "user32", "gdi32", "advapi32", "ntdll", "ole32", "oleaut32", "shell32", "shlwapi", "comctl32", "comdlg32", "ws2_32",
        "msvcrt", "ucrtbase", "api-ms-win-crt-runtime-l1-1-0", "bcrypt", "crypt32", "secur32", "iphlpapi", "winmm", "version", "dbghelp",
        "psapi", "userenv", "wtsapi32", "netapi32", "setupapi", "winhttp", "wininet", "dwmapi", "uxtheme", "imm32", "opengl32", "d3d11", "dxgi",
        "coreclr", "__internal", "qcall", "corefoundation", "foundation", "appkit", "security", "iokit", "x11", "gtk-3", "glib-2.0", "gobject-2.0",
        "cabinet", "cfgmgr32", "fusion", "hid", "imagehlp", "mscoree", "magnification", "msi", "ncrypt", "newdev", "shcore",
        "winusb", "wintrust", "credui", "d2d1", "dwrite", "d3d12", "d3dcompiler_47", "xinput1_4", "winspool.drv", "mpr", "powrprof",
        "rpcrt4", "sspicli", "tdh", "virtdisk", "wevtapi", "wlanapi", "propsys", "urlmon", "shlwapi", "mfplat", "avrt", "ntoskrnl",
        "ssl", "crypto", "libssl", "libcrypto", "sqlite3", "e_sqlite3", "libdl", "libm", "libpthread", "libSystem", "libsystem.b",
    };

    /// <summary>`./native/libfoo.so.1` → `foo`; `Foo.dll` → `Foo`; `libfoo.dylib` → `foo`.</summary>
    public static string Normalize(string library)
    {
        var name = library.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var so = name.IndexOf(".so", StringComparison.OrdinalIgnoreCase);
        if (so > 0 && (so + 3 == name.Length || name[so + 3] == '.'))
            name = name[..so];
        foreach (var ext in new[] { ".dll", ".dylib", ".a", ".lib" })
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^ext.Length];
                break;
            }
        }
        if (name.StartsWith("lib", StringComparison.Ordinal) && name.Length > 3)
            name = name[3..];
        return name;
    }

    public static bool IsSystem(string library)
    {
        var file = library.Replace('\\', '/');
        file = file[(file.LastIndexOf('/') + 1)..];
        if (file.StartsWith("/usr/", StringComparison.Ordinal) || file.StartsWith("/System/", StringComparison.Ordinal))
            return true;
        return s_system.Contains(file) || s_system.Contains(Normalize(library)) || s_system.Contains("lib" + Normalize(library));
    }

    /// <summary>Two names match after normalisation, case-insensitively, with '-' and '_' equal.</summary>
    public static bool Matches(string a, string b) =>
        string.Equals(Normalize(a).Replace('-', '_'), Normalize(b).Replace('-', '_'), StringComparison.OrdinalIgnoreCase);

    private static int CommonPrefix(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && char.ToLowerInvariant(a[i]) == char.ToLowerInvariant(b[i]))
            i++;
        return i;
    }

    public static int Distance(string a, string b) => Distance(a.ToLowerInvariant(), b.ToLowerInvariant(), int.MaxValue - 1);

    /// <summary>
    /// The edit distance of two lower-cased strings when it is at most <paramref name="cap"/>, else cap + 1: a row of the
    /// table whose minimum exceeds the cap ends the walk (a row's minimum never decreases further down).
    /// </summary>
    private static int Distance(string a, string b, int cap)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > cap)
                return cap + 1;
            (previous, current) = (current, previous);
        }
        return Math.Min(previous[b.Length], cap + 1);
    }

    /// <summary>The closest candidate within a small edit distance, or one that contains/is contained in the name.</summary>
    public static string? DidYouMean(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestScore = int.MaxValue;
        var lowered = name.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            var limit = Math.Max(2, Math.Min(name.Length, candidate.Length) / 3);
            // A renamed export often keeps a prefix (`fm_dot_product` → `fm_dot`): a long shared prefix or containment
            // is a candidate too; candidates are ranked by their real edit distance.
            var shorter = Math.Min(name.Length, candidate.Length);
            var related = shorter >= 4 && (CommonPrefix(name, candidate) >= shorter
                || candidate.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(candidate, StringComparison.OrdinalIgnoreCase));
            // Accepted: a distance within the limit (or any, when related) and below the best so far. The length
            // difference bounds the distance from below, so most of a crate's exports are ruled out without the table.
            var cap = Math.Min(related ? int.MaxValue - 1 : limit, bestScore - 1);
            if (cap < 0 || Math.Abs(name.Length - candidate.Length) > cap)
                continue;
            var d = Distance(lowered, candidate.ToLowerInvariant(), cap);
            if (d <= cap)
            {
                best = candidate;
                bestScore = d;
            }
        }
        return best;
    }
}
