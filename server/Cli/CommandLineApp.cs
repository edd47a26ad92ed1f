using System.CommandLine;
using System.Text;
using HybridLsp.Server.Lsp;

namespace HybridLsp.Server.Cli;

/// <summary>The `hybrid-lsp` command line: `serve`, `check`, `bind`, `build`, `wire`, `bench`, `new`, `--version`. Bad arguments exit 2 with a message on stderr.</summary>
public static class CommandLineApp
{
    public const int ExitBadArguments = 2;

    public static async Task<int> RunAsync(string[] args, Stream stdout)
    {
        var stdoutWriter = new StreamWriter(stdout, new UTF8Encoding(false)) { AutoFlush = true };

        var stdio = new Option<bool>("--stdio") { Description = "Speak LSP over stdin/stdout (the default; accepted for LSP clients that pass it)" };
        var logFile = new Option<string?>("--log-file") { Description = "Write the server log to this file (default: a file under the temp folder)" };
        // vscode-languageclient may pass the client's process id; accepted and unused (exit follows the stream).
        var clientProcessId = new Option<int?>("--clientProcessId") { Hidden = true };
        var serve = new Command("serve", "Run the language server over stdio") { stdio, logFile, clientProcessId };
        serve.SetAction((result, cancellationToken) => LanguageServer.RunAsync(Console.OpenStandardInput(), stdout, result.GetValue(logFile), cancellationToken));

        var dir = new Argument<string>("DIR") { Description = "The workspace folder to check", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "compact", "json", "sarif");
        var target = new Option<string?>("--target") { Description = "Comma-separated targets: " + string.Join(", ", Targets.Known) };
        var config = new Option<string?>("--config") { Description = "The configuration file to use instead of DIR/hybrid-lsp.toml" };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding at or above this severity exists", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning");
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings this baseline file does not accept, and say how many of its findings no longer occur" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write every current finding to this baseline file (keys: code, file, symbol; exit 0)" };
        var fix = new Option<bool>("--fix") { Description = "Apply every certain quick fix to the files, then check again" };
        var timings = new Option<bool>("--timings") { Description = "Print how long reading the files and each phase of the analysis took, to stderr" };
        var check = new Command("check", "Check the P/Invoke bindings of a workspace (for CI)") { dir, format, target, config, failOn, baseline, writeBaseline, fix, timings };
        check.SetAction((result, cancellationToken) => Task.FromResult(CheckCommand.Run(
            new CheckOptions(result.GetValue(dir) ?? ".", result.GetValue(format) ?? "text", result.GetValue(target), result.GetValue(config), result.GetValue(failOn) ?? "error",
                result.GetValue(baseline), result.GetValue(writeBaseline), result.GetValue(fix)) { Timings = result.GetValue(timings) },
            stdout, cancellationToken)));

        var library = new Argument<string>("LIBRARY") { Description = "The library name as C# would write it in [DllImport]/[LibraryImport]" };
        var bindDir = new Argument<string>("DIR") { Description = "The workspace folder", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var outFile = new Option<string?>("--out") { Description = "Write the C# file here instead of stdout (never overwrites an existing file)" };
        var bind = new Command("bind", "Print a C# file binding every export of the Rust crate or C/C++ library LIBRARY resolves to") { library, bindDir, outFile };
        bind.SetAction((result, cancellationToken) => Task.FromResult(BindCommand.Run(
            result.GetValue(library)!, result.GetValue(bindDir) ?? ".", result.GetValue(outFile), stdout, cancellationToken)));

        var buildDir = new Argument<string>("DIR") { Description = "A crate folder (Cargo.toml), a CMake project folder (CMakeLists.txt), or the workspace root (every native module)", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var release = new Option<bool>("--release") { Description = "Build the release profile (cargo --release, CMAKE_BUILD_TYPE=Release); default debug" };
        var buildRoot = new Option<string?>("--root") { Description = "The workspace whose C# bindings are checked against the built library (default: the nearest folder above DIR with hybrid-lsp.toml, .git or a .sln)" };
        var build = new Command("build", "Build native modules with cargo or CMake and check that the built libraries export every entry point C# binds") { buildDir, release, buildRoot };
        build.SetAction((result, cancellationToken) => BuildCommand.RunAsync(result.GetValue(buildDir) ?? ".", result.GetValue(release), result.GetValue(buildRoot), stdout, cancellationToken));

        var project = new Argument<string>("PROJECT") { Description = "The .csproj to wire" };
        var module = new Option<string>("--module") { Description = "The module folder: a crate (Cargo.toml) or a CMake library's folder", Required = true };
        var wireRoot = new Option<string?>("--root") { Description = "The workspace folder (default: the nearest folder above PROJECT with hybrid-lsp.toml, .git or a .sln)" };
        var wire = new Command("wire", "Make 'dotnet build' of PROJECT build the native module first and copy its library next to the app (idempotent)") { project, module, wireRoot };
        wire.SetAction((result, cancellationToken) => Task.FromResult(WireCommand.Run(result.GetValue(project)!, result.GetValue(module)!, result.GetValue(wireRoot), stdout, cancellationToken)));
        var benchLocation = new Argument<string>("FILE:LINE") { Description = "A C# method: a bound extern, or 'Name' with a managed twin 'NameManaged' (LINE from 1)" };
        var benchRoot = new Option<string?>("--root") { Description = "The workspace folder (default: the current directory)" };
        var benchQuick = new Option<bool>("--quick") { Description = "A short in-process BenchmarkDotNet job (--job short --inProcess): quick, rough numbers" };
        var benchSizes = new Option<string?>("--sizes") { Description = "Buffer sizes in elements for span/array/pointer inputs (default: 1024,65536)" };
        var bench = new Command("bench", "Benchmark managed vs native with BenchmarkDotNet; print the markdown summary and the report paths") { benchLocation, benchRoot, benchQuick, benchSizes };
        bench.SetAction((result, cancellationToken) => BenchCommand.RunAsync(
            result.GetValue(benchLocation)!, result.GetValue(benchRoot), result.GetValue(benchQuick), result.GetValue(benchSizes), stdout, cancellationToken));

        var newTemplate = new Argument<string>("TEMPLATE") { Description = "A seed template: " + string.Join(", ", NewCommand.Templates) };
        var newDir = new Argument<string>("DIR") { Description = "The new folder to create it in" };
        var newName = new Option<string?>("--name") { Description = "The crate (and library) name (default: the folder name)" };
        var newClass = new Option<string?>("--class") { Description = "The C# class of the .NET file (default: RowAgg / KvCache)" };
        var newNamespace = new Option<string?>("--namespace") { Description = "The C# namespace of the .NET file (default: Native)" };
        var @new = new Command("new", "Create a seed template (a Rust crate with a C API and its .NET file) in a new folder") { newTemplate, newDir, newName, newClass, newNamespace };
        @new.SetAction((result, _) => Task.FromResult(NewCommand.Run(result.GetValue(newTemplate)!, result.GetValue(newDir)!,
            result.GetValue(newName), result.GetValue(newClass), result.GetValue(newNamespace), stdout)));
        var extractAt = new Argument<string>("FILE:LINE") { Description = "The C# file and a line of the method to move (1-based)" };
        var extractTo = new Option<string>("--to") { Description = "The native language: rust or cpp", Required = true };
        var extractInto = new Option<string?>("--into") { Description = "The crate or C++ library folder to put it in (created from a template when it does not exist; default: the one the class binds, else the only one, else a new one)" };
        var extractName = new Option<string?>("--name") { Description = "The exported function's name (default: <library>_<method in snake_case>)" };
        var extractRoot = new Option<string>("--root") { Description = "The workspace folder", DefaultValueFactory = _ => "." };
        var extractNoWire = new Option<bool>("--no-wire") { Description = "Do not wire the module into the method's .csproj (by default `dotnet build` of it then builds the module, as `hybrid-lsp wire` does)" };
        var extract = new Command("extract", "Move a C# method to Rust or C++: translate it, add the binding, make the C# method call it (the original stays as <Name>Managed), and wire the module into its project's dotnet build") { extractAt, extractTo, extractInto, extractName, extractRoot, extractNoWire };
        extract.SetAction((result, cancellationToken) =>
        {
            using var writer = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true) { AutoFlush = true };
            return Task.FromResult(ExtractVerb.Run(result.GetValue(extractAt)!, result.GetValue(extractTo)!, result.GetValue(extractInto), result.GetValue(extractName),
                result.GetValue(extractRoot) ?? ".", writer, cancellationToken, wire: !result.GetValue(extractNoWire)));
        });

        // Which libclang parses C/C++ comes only from the user (DESIGN §7): these flags, else the environment variables.
        var libclang = new Option<string?>("--libclang") { Description = $"The libclang shared library to use (default: ${Syntax.C.ClangOptions.LibraryPathVariable}, else the bundled one)", Recursive = true };
        var resourceDir = new Option<string?>("--clang-resource-dir") { Description = $"A clang resource directory for builtin headers (default: ${Syntax.C.ClangOptions.ResourceDirectoryVariable}, else the product's own)", Recursive = true };
        var root = new RootCommand("hybrid-lsp: cross-language checks and navigation for P/Invoke bindings between C# and Rust/C/C++")
        {
            serve,
            check,
            bind,
            build,
            wire,
            bench,
            @new,
            extract,
        };
        root.Options.Add(libclang);
        root.Options.Add(resourceDir);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                Console.Error.WriteLine($"hybrid-lsp: {error.Message}");
            Console.Error.WriteLine("Run 'hybrid-lsp --help' for usage.");
            return ExitBadArguments;
        }
        // A flag wins over the environment; every command reads the choice through Workspace.ClangSettings.
        if (parsed.GetValue(libclang) is { Length: > 0 } libraryPath)
            Environment.SetEnvironmentVariable(Syntax.C.ClangOptions.LibraryPathVariable, Path.GetFullPath(libraryPath));
        if (parsed.GetValue(resourceDir) is { Length: > 0 } resourcePath)
            Environment.SetEnvironmentVariable(Syntax.C.ClangOptions.ResourceDirectoryVariable, Path.GetFullPath(resourcePath));
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdoutWriter, Error = Console.Error });
    }
}
