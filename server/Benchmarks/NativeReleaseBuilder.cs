using System.Text.Json;
using HybridLsp.Ide.Benchmarks;

namespace HybridLsp.Server.Benchmarks;

/// <summary>The built library, or why the build failed (with the tool's last output lines).</summary>
public sealed record NativeBuildOutcome(string? LibraryPath, string? Error);

/// <summary>
/// Builds a native module in Release for a benchmark: `cargo build --release` (the library path comes from cargo's own
/// `compiler-artifact` messages, so workspace target folders and CARGO_TARGET_DIR are honoured) or CMake configure +
/// build in `&lt;dir&gt;/build-release`. Minimal on purpose: the `hybridLsp.build` command owns diagnostics and export checks;
/// this builder only needs the library file.
/// </summary>
public static class NativeReleaseBuilder
{
    public static async Task<NativeBuildOutcome> BuildAsync(NativeModuleTarget module, Func<string, Task>? onLine, CancellationToken cancellationToken) =>
        module.BuildSystem == NativeBuildSystem.Cargo
            ? await CargoAsync(module, onLine, cancellationToken).ConfigureAwait(false)
            : await CMakeAsync(module, onLine, cancellationToken).ConfigureAwait(false);

    private static async Task<NativeBuildOutcome> CargoAsync(NativeModuleTarget module, Func<string, Task>? onLine, CancellationToken cancellationToken)
    {
        var outcome = await ProcessRunner.RunAsync(Cargo(),
            ["build", "--release", "--offline", "--lib", "--message-format=json-render-diagnostics", "--manifest-path", Path.Combine(module.Directory, "Cargo.toml")],
            module.Directory, onLine is null ? null : line => line.StartsWith('{') ? Task.CompletedTask : onLine(line), cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
            return new NativeBuildOutcome(null, $"cargo build --release failed in '{module.Directory}':\n{ProcessRunner.Tail(outcome.StandardError)}");
        string? library = null;
        foreach (var line in outcome.StandardOutput.Split('\n'))
        {
            if (!line.StartsWith('{'))
                continue;
            try
            {
                using var message = JsonDocument.Parse(line);
                var root = message.RootElement;
                if (root.TryGetProperty("reason", out var reason) && reason.GetString() == "compiler-artifact"
                    && root.TryGetProperty("filenames", out var files) && files.ValueKind == JsonValueKind.Array)
                {
                    foreach (var file in files.EnumerateArray())
                    {
                        if (file.GetString() is { } name && IsLibraryOf(name, module.LibName))
                            library = name;
                    }
                }
            }
            catch (JsonException)
            {
                // Not a cargo message.
            }
        }
        return library is null
            ? new NativeBuildOutcome(null, $"cargo built '{module.Directory}' but produced no shared library named '{module.LibName}' (is crate-type \"cdylib\" set?)")
            : new NativeBuildOutcome(library, null);
    }

    private static async Task<NativeBuildOutcome> CMakeAsync(NativeModuleTarget module, Func<string, Task>? onLine, CancellationToken cancellationToken)
    {
        var build = Path.Combine(module.Directory, "build-release");
        var configure = await ProcessRunner.RunAsync("cmake", ["-S", module.Directory, "-B", build, "-DCMAKE_BUILD_TYPE=Release"], module.Directory, onLine, cancellationToken).ConfigureAwait(false);
        if (configure.ExitCode != 0)
            return new NativeBuildOutcome(null, $"cmake configure failed in '{module.Directory}':\n{ProcessRunner.Tail(configure.StandardError + configure.StandardOutput)}");
        var compile = await ProcessRunner.RunAsync("cmake", ["--build", build, "--config", "Release", "--target", module.BuildTarget ?? module.LibName], module.Directory, onLine, cancellationToken).ConfigureAwait(false);
        if (compile.ExitCode != 0)
            return new NativeBuildOutcome(null, $"cmake --build failed in '{module.Directory}':\n{ProcessRunner.Tail(compile.StandardError + compile.StandardOutput)}");
        var library = Directory.EnumerateFiles(build, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("CMakeFiles", StringComparison.Ordinal) && IsLibraryOf(f, module.LibName))
            .Order(StringComparer.Ordinal).FirstOrDefault();
        return library is null
            ? new NativeBuildOutcome(null, $"cmake built '{module.Directory}' but no shared library '{module.LibName}' was found under '{build}'")
            : new NativeBuildOutcome(library.Replace('\\', '/'), null);
    }

    /// <summary>`lib&lt;name&gt;.so`, `lib&lt;name&gt;.dylib` or `&lt;name&gt;.dll` — the file [DllImport("name")] probes.</summary>
    internal static bool IsLibraryOf(string path, string libName)
    {
        var file = Path.GetFileName(path);
        return file == $"lib{libName}.so" || file == $"lib{libName}.dylib" || file == $"{libName}.dll";
    }

    /// <summary>The rustup toolchain's cargo (~/.cargo/bin) when present: Debian's cargo may be too old for edition 2024.</summary>
    internal static string Cargo()
    {
        var home = Environment.GetEnvironmentVariable("CARGO_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cargo");
        var candidate = Path.Combine(home, "bin", "cargo");
        return File.Exists(candidate) ? candidate : "cargo";
    }
}
