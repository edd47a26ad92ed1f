using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HybridLsp.Benchmarks.Generator;

namespace HybridLsp.Benchmarks.Scale;

/// <summary>
/// The end-to-end benchmark of DESIGN §6 on a generated workspace: starts the published server over stdio and measures
/// spawn → initialize, initialized → complete diagnostics, definition/references/hover latency at random bindings,
/// didChange → updated diagnostics for three kinds of edit (four with C libraries: a header declaration too), peak resident
/// memory, and <c>check</c> next to <c>rg</c>.
/// Every run also compares the findings (LSP and <c>check</c>) with the manifest's expected counts.
/// </summary>
internal sealed class ScaleBenchmark(ScaleOptions options, WorkspaceManifest manifest)
{
    private static readonly TimeSpan s_waitLimit = TimeSpan.FromSeconds(60);
    private readonly Random _random = new(options.Seed);
    private readonly string _root = Path.GetFullPath(options.Workspace).TrimEnd('/');
    private readonly ScaleResult _result = new();

    public static async Task<int> RunAsync(string[] args)
    {
        ScaleOptions options;
        try
        {
            options = ScaleOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(ScaleOptions.Usage);
            return 2;
        }
        var manifest = WorkspaceGenerator.ReadManifest(options.Workspace);
        var bench = new ScaleBenchmark(options, manifest);
        var result = await bench.RunAsync().ConfigureAwait(false);
        var table = ScaleReport.Markdown([result]);
        Console.WriteLine(table);
        if (options.JsonOut is { } json)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(json))!);
            File.WriteAllText(json, JsonSerializer.Serialize(result, new JsonSerializerOptions(WorkspaceManifest.JsonOptions) { WriteIndented = true }));
        }
        return result.ResultsMatch ? 0 : 1;
    }

    private string Uri(string relative) => new Uri(Path.Combine(_root, relative)).AbsoluteUri;

    private async Task<ScaleResult> RunAsync()
    {
        _result.Workspace = _root;
        _result.Shape = manifest.Shape;
        _result.Externs = manifest.Bindings.Count + manifest.CExterns;
        _result.CExterns = manifest.CExterns;
        _result.Files = manifest.Files;
        _result.CsFiles = manifest.CsFiles;
        _result.Lines = manifest.Lines;
        _result.Machine = $"{Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
        _result.Date = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        _result.ServerKind = File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Server)) ?? ".", "hybrid-lsp.dll")) ? "ReadyToRun" : "Native AOT";
        var loadAtStart = LoadAverage();

        Log($"{manifest.Shape}: {manifest.Bindings.Count + manifest.CExterns} externs ({manifest.CExterns} to C), {manifest.Files} files; warm-up");
        RunProcess(options.Server, "check", _root, "--format", "json");
        RunProcess("rg", RgArguments());

        Log($"spawn → initialize ({options.SpawnRuns} runs)");
        var spawn = new List<double>();
        for (var i = 0; i < options.SpawnRuns; i++)
            spawn.Add(await SpawnToInitializeAsync().ConfigureAwait(false));
        _result.SpawnToInitialize = Stats.Of(spawn);

        await SessionAsync().ConfigureAwait(false);
        CheckVersusRg();
        _result.LoadAverage = $"{loadAtStart} → {LoadAverage()}";
        _result.ResultsMatch = _result.Problems.Count == 0;
        return _result;
    }

    private JsonObject InitializeParams() => new()
    {
        ["processId"] = Environment.ProcessId,
        ["rootUri"] = new Uri(_root + "/").AbsoluteUri.TrimEnd('/'),
        ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = new Uri(_root + "/").AbsoluteUri.TrimEnd('/'), ["name"] = Path.GetFileName(_root) }),
        ["capabilities"] = new JsonObject
        {
            ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-16") },
            ["textDocument"] = new JsonObject
            {
                ["definition"] = new JsonObject { ["linkSupport"] = true },
                ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
                ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true },
            },
        },
    };

    private async Task<double> SpawnToInitializeAsync()
    {
        var start = Stopwatch.GetTimestamp();
        await using var lsp = LspConnection.Start(options.Server, "serve", "--stdio");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await lsp.RequestAsync("initialize", InitializeParams(), timeout.Token).ConfigureAwait(false);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (response["result"] is null)
            throw new InvalidOperationException($"initialize failed: {response.ToJsonString()}");
        await lsp.ShutdownAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        return ms;
    }

    private async Task SessionAsync()
    {
        var tracker = new DiagnosticsTracker();
        await using var lsp = LspConnection.Start(options.Server, "serve", "--stdio");
        lsp.OnNotification = tracker.OnNotification;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var init = await lsp.RequestAsync("initialize", InitializeParams(), timeout.Token).ConfigureAwait(false);
        if (init["result"] is null)
            throw new InvalidOperationException($"initialize failed: {init.ToJsonString()}");

        // Complete = the server reported indexing done (it sends that after the first publish) and every file with an
        // expected finding has been published.
        Log("initialized → complete diagnostics");
        var expectedUris = manifest.ExpectedFiles.Select(Uri).ToList();
        var start = Stopwatch.GetTimestamp();
        await lsp.NotifyAsync("initialized", new JsonObject()).ConfigureAwait(false);
        var complete = await tracker.WaitAsync(() => tracker.IndexingDone && expectedUris.All(tracker.HasPublished), TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        _result.CompleteDiagnosticsMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (!complete)
            _result.Problems.Add("diagnostics were not complete within 5 minutes");
        _result.RssAfterIndexMb = ReadStatusMb(lsp.ProcessId, "VmRSS");
        CompareLspFindings(tracker.Snapshot());

        Log($"navigation ({options.Requests} definition, hover and references requests)");
        await NavigationAsync(lsp, timeout.Token).ConfigureAwait(false);

        Log($"edits ({options.Edits} didChange)");
        await EditsAsync(lsp, tracker, timeout.Token).ConfigureAwait(false);

        _result.PeakRssMb = ReadStatusMb(lsp.ProcessId, "VmHWM");
        if (!await lsp.ShutdownAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false))
            _result.Problems.Add("the server did not exit within 30 s of shutdown/exit");
    }

    private void CompareLspFindings(Dictionary<string, JsonArray> published)
    {
        var skip = manifest.Unchecked.Select(Uri).ToHashSet(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (uri, diagnostics) in published)
        {
            if (!uri.EndsWith(".cs", StringComparison.Ordinal) || skip.Contains(uri))
                continue;
            foreach (var d in diagnostics)
            {
                var code = d?["code"]?.ToString() ?? "?";
                counts[code] = counts.GetValueOrDefault(code) + 1;
            }
        }
        _result.LspFindings = counts;
        if (!SameCounts(counts, manifest.Expected))
            _result.Problems.Add($"LSP diagnostics on C# files {Format(counts)} differ from the expected {Format(manifest.Expected)}");
    }

    private static bool SameCounts(IDictionary<string, int> a, IDictionary<string, int> b)
        => a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    private static string Format(IDictionary<string, int> counts)
        => counts.Count == 0 ? "{}" : "{" + string.Join(", ", counts.Select(p => $"{p.Key}: {p.Value}")) + "}";

    private async Task NavigationAsync(LspConnection lsp, CancellationToken cancellationToken)
    {
        var definition = new List<double>();
        var hover = new List<double>();
        var references = new List<double>();
        var empty = 0;
        for (var i = 0; i < options.Requests; i++)
        {
            var b = manifest.Bindings[_random.Next(manifest.Bindings.Count)];
            // Definition from the extern's name or from a call site; hover on the extern; references on the Rust export.
            var fromCall = i % 2 == 1;
            var (defLine, defCharacter) = fromCall ? (b.CallLine, b.CallCharacter + 1) : (b.CsLine, b.CsCharacter + 1);
            var missing = b.Mismatch == "HL1001";
            foreach (var (method, file, line, character, samples) in new[]
            {
                ("textDocument/definition", b.CsFile, defLine, defCharacter, definition),
                ("textDocument/hover", b.CsFile, b.CsLine, b.CsCharacter + 1, hover),
                ("textDocument/references", b.RustFile, b.RustLine, b.RustCharacter + 1, references),
            })
            {
                var parameters = new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = Uri(file) },
                    ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
                };
                if (method == "textDocument/references")
                    parameters["context"] = new JsonObject { ["includeDeclaration"] = true };
                var start = Stopwatch.GetTimestamp();
                var response = await lsp.RequestAsync(method, parameters, cancellationToken).ConfigureAwait(false);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                var result = response["result"];
                // A binding to a missing export has no definition and no references to its (absent) export.
                if ((result is null || result is JsonArray { Count: 0 }) && !(missing && method != "textDocument/hover"))
                    empty++;
            }
        }
        _result.Definition = Stats.Of(definition);
        _result.Hover = Stats.Of(hover);
        _result.References = Stats.Of(references);
        if (empty > 0)
            _result.Problems.Add($"{empty} of {3 * options.Requests} navigation requests had an empty answer");
    }

    /// <summary>One edit: the file it changes, the text after it, and the file whose diagnostics must change.</summary>
    private sealed record Edit(string Kind, string File, string Changed, string Observed, int Line, int Character);

    private Edit? MakeEdit(int kind)
    {
        var clean = manifest.Bindings.Where(b => b.Mismatch is null).ToList();
        switch (kind)
        {
            case 0:
            {
                // C#: a parameter type changes (int → long): HL1003 appears on the C# file.
                var b = clean.Where(b => b.Kind == 0).OrderBy(_ => _random.Next()).First();
                var lines = ReadLines(b.CsFile);
                lines[b.CsLine] = lines[b.CsLine].Replace("(int a,", "(long a,", StringComparison.Ordinal);
                return new Edit("C# parameter type", b.CsFile, string.Join('\n', lines), b.CsFile, b.CsLine, b.CsCharacter + 1);
            }
            case 1:
            {
                // Rust: an export is renamed: HL1001 appears on the C# file that binds it.
                var b = clean.OrderBy(_ => _random.Next()).First();
                var lines = ReadLines(b.RustFile);
                lines[b.RustLine] = lines[b.RustLine].Replace($"fn {b.Symbol}(", $"fn {b.Symbol}_renamed(", StringComparison.Ordinal);
                return new Edit("Rust export rename", b.RustFile, string.Join('\n', lines), b.CsFile, b.RustLine, b.RustCharacter + 1);
            }
            case 3:
            {
                // C: a parameter of a header declaration changes (int32_t → int64_t): HL1003 appears on (or, on a seeded
                // mismatch, leaves) the C# file that binds it. The header is re-checked for the three default targets.
                var libraries = Directory.EnumerateDirectories(Path.Combine(_root, "cnative")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
                var library = libraries[_random.Next(libraries.Count)]!;
                var header = $"cnative/{library}/include/{library}.h";
                var lines = ReadLines(header);
                var declarations = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith($"int32_t {library}_f", StringComparison.Ordinal)).ToList();
                var line = declarations[_random.Next(declarations.Count)];
                lines[line] = lines[line].Replace("(int32_t a,", "(int64_t a,", StringComparison.Ordinal);
                var csName = $"NativeC{library["cgen".Length..]}.cs";
                var cs = Directory.EnumerateFiles(Path.Combine(_root, "dotnet"), csName, SearchOption.AllDirectories).Single();
                return new Edit("C header declaration", header, string.Join('\n', lines), Path.GetRelativePath(_root, cs), line, "int32_t ".Length + 1);
            }
            default:
            {
                // Rust: a struct gains a first field: HL1009 appears on the C# struct of that name.
                var uses = manifest.StructUses.ToLookup(u => u.Name, StringComparer.Ordinal);
                var used = clean.Where(b => b.Kind == 5).Select(b => b.Struct).Distinct().ToList();
                if (used.Count == 0)
                    return null;
                var name = used[_random.Next(used.Count)];
                var s = manifest.Structs.First(s => s.Name == name);
                var lines = ReadLines(s.RustFile).ToList();
                lines.Insert(s.Line + 1, "    pub extra: i32,");
                return new Edit("Rust struct field", s.RustFile, string.Join('\n', lines), uses[name].First().CsFile, s.Line, "pub struct ".Length + 1);
            }
        }
    }

    private string[] ReadLines(string relative) => File.ReadAllText(Path.Combine(_root, relative)).Split('\n');

    private async Task EditsAsync(LspConnection lsp, DiagnosticsTracker tracker, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        var byKind = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        var all = new List<double>();
        var header = new List<double>();
        var failures = 0;
        for (var i = 0; i < options.Edits / 2; i++)
        {
            var edit = MakeEdit(manifest.CExterns > 0 ? i % 4 : i % 3);
            if (edit is null)
                continue;
            var uri = Uri(edit.File);
            var original = File.ReadAllText(Path.Combine(_root, edit.File));
            if (!versions.ContainsKey(uri))
            {
                versions[uri] = 1;
                await lsp.NotifyAsync("textDocument/didOpen", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = Path.GetExtension(edit.File) switch { ".rs" => "rust", ".h" => "c", _ => "csharp" }, ["version"] = 1, ["text"] = original },
                }).ConfigureAwait(false);
                // Untimed: a request on the new snapshot waits until the open has been analysed.
                await SettleAsync(lsp, uri, edit.Line, edit.Character, cancellationToken).ConfigureAwait(false);
            }
            var observed = Uri(edit.Observed);
            var baseline = tracker.Signature(observed);
            foreach (var (text, changed) in new[] { (edit.Changed, true), (original, false) })
            {
                var version = ++versions[uri];
                var start = Stopwatch.GetTimestamp();
                await lsp.NotifyAsync("textDocument/didChange", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
                    ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
                }).ConfigureAwait(false);
                var ok = await tracker.WaitAsync(() => (tracker.Signature(observed) != baseline) == changed, s_waitLimit).ConfigureAwait(false);
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!ok)
                {
                    failures++;
                    continue;
                }
                // DESIGN §6 budgets C# and Rust edits (p99 ≤ 100 ms) apart from C header edits (≤ 300 ms).
                (edit.File.EndsWith(".h", StringComparison.Ordinal) ? header : all).Add(ms);
                if (!byKind.TryGetValue(edit.Kind, out var list))
                    byKind[edit.Kind] = list = [];
                list.Add(ms);
            }
        }
        _result.EditToDiagnostics = Stats.Of(all);
        _result.HeaderEditToDiagnostics = header.Count > 0 ? Stats.Of(header) : null;
        _result.EditsByKind = byKind.ToDictionary(p => p.Key, p => Stats.Of(p.Value), StringComparer.Ordinal);
        if (failures > 0)
            _result.Problems.Add($"{failures} edits did not update the diagnostics within {s_waitLimit.TotalSeconds} s");
    }

    private static async Task SettleAsync(LspConnection lsp, string uri, int line, int character, CancellationToken cancellationToken)
    {
        await lsp.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
        }, cancellationToken).ConfigureAwait(false);
        // The debounced publish of the open runs after the model is built; give it time to go out.
        await Task.Delay(300, cancellationToken).ConfigureAwait(false);
    }

    private string[] RgArguments() => ["-c", "DllImport|LibraryImport|no_mangle", "-g", "*.cs", "-g", "*.rs", "-g", "Cargo.toml", "-g", "*.csproj", _root];

    private void CheckVersusRg()
    {
        Log($"check and rg ({options.CheckRuns} runs each)");
        var check = new List<double>();
        var rg = new List<double>();
        string? output = null;
        for (var i = 0; i < options.CheckRuns; i++)
        {
            var (ms, code, stdout) = RunProcess(options.Server, "check", _root, "--format", "json");
            check.Add(ms);
            output = stdout;
            if (code is not (0 or 1))
                _result.Problems.Add($"check exited with {code}");
            rg.Add(RunProcess("rg", RgArguments()).Ms);
        }
        _result.Check = Stats.Of(check);
        _result.Rg = Stats.Of(rg);
        if (output is null)
            return;
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var skip = manifest.Unchecked.ToHashSet(StringComparer.Ordinal);
        foreach (var d in JsonNode.Parse(output)?["diagnostics"] as JsonArray ?? [])
        {
            var file = d?["file"]?.GetValue<string>() ?? "";
            if (Path.IsPathRooted(file))
                file = Path.GetRelativePath(_root, file);
            file = file.Replace('\\', '/');
            if (skip.Contains(file) || !file.EndsWith(".cs", StringComparison.Ordinal))
                continue;
            var code = d?["code"]?.GetValue<string>() ?? "?";
            counts[code] = counts.GetValueOrDefault(code) + 1;
        }
        _result.CheckFindings = counts;
        if (!SameCounts(counts, manifest.Expected))
            _result.Problems.Add($"check findings on C# files {Format(counts)} differ from the expected {Format(manifest.Expected)}");
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static double ReadStatusMb(int pid, string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(key + ":", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return kb / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }
        return double.NaN;
    }

    /// <summary>Runs a process to exit; stdout is returned, stderr drained.</summary>
    private static (double Ms, int ExitCode, string Stdout) RunProcess(string file, params string[] arguments)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
            psi.ArgumentList.Add(a);
        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        stderr.Wait();
        process.WaitForExit();
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, process.ExitCode, stdout);
    }

    private static void Log(string message) => Console.Error.WriteLine($"[scale] {message}");
}
