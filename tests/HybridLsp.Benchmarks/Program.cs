using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using HybridLsp.Benchmarks;

// Subcommands: `gen` writes a synthetic workspace (Generator/), `scale` times the server on one (Scale/), `report`
// joins the JSON of scale runs into one table; without a
// subcommand this is the demo benchmark below.
if (args.Length > 0 && args[0] == "gen")
    return HybridLsp.Benchmarks.Generator.GenerateCommand.Run(args[1..]);
if (args.Length > 0 && args[0] == "scale")
    return await HybridLsp.Benchmarks.Scale.ScaleBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "report")
    return HybridLsp.Benchmarks.Scale.ReportCommand.Run(args[1..]);

// Times the published hybrid-lsp (spawn → initialize, definition/hover latency, `check`) on the demo workspace
// and prints a Markdown table. It measures; it never asserts a budget.
//
//   dotnet run --project tests/HybridLsp.Benchmarks -c Release -- --server PATH --demo PATH [--out FILE]
//   (or `-- clang-parse [...]`: the libclang layer on a generated header, see ClangParseBenchmark.cs;
//    `-- clang-edit [...]`: a C library's header edit re-checked through the engine, see ClangEditBenchmark.cs)
//              [--spawn-runs 20] [--check-runs 10] [--requests 500]

if (args.Length > 0 && args[0] == "clang-parse")
    return ClangParseBenchmark.Run(args[1..]);
if (args.Length > 0 && args[0] == "clang-edit")
    return ClangEditBenchmark.Run(args[1..]);

string? server = null, demo = null, outPath = null;
int spawnRuns = 20, checkRuns = 10, requestsPerKind = 500;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--server": server = Next(); break;
        case "--demo": demo = Next(); break;
        case "--out": outPath = Next(); break;
        case "--spawn-runs": spawnRuns = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--check-runs": checkRuns = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--requests": requestsPerKind = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'");
            return 2;
    }
}
if (server is null || demo is null)
{
    Console.Error.WriteLine("usage: HybridLsp.Benchmarks --server PATH --demo PATH [--out FILE] [--spawn-runs N] [--check-runs N] [--requests N]");
    return 2;
}
server = Path.GetFullPath(server);
var demoArgument = demo;
demo = Path.GetFullPath(demo);
if (!File.Exists(server) || !Directory.Exists(demo))
{
    Console.Error.WriteLine($"server '{server}' or demo '{demo}' not found");
    return 2;
}

var notes = new List<string>();
var rootUri = new Uri(demo.EndsWith('/') ? demo : demo + "/").AbsoluteUri.TrimEnd('/');

// Warm the file cache and the runtime's on-disk state: one untimed run of everything.
Log("warm-up");
RunToExit("/bin/true");
RunToExit(server, "--version");
RunToExit(server, "check", demoArgument);
await SpawnToInitializeAsync();

// a. Process-start baselines, then spawn → initialize.
Log($"baselines and spawn → initialize ({spawnRuns} runs each)");
var trueTimes = Repeat(spawnRuns, () => RunToExit("/bin/true").Ms);
var versionTimes = Repeat(spawnRuns, () => RunToExit(server, "--version").Ms);
var initializeTimes = new List<double>();
for (var i = 0; i < spawnRuns; i++)
    initializeTimes.Add(await SpawnToInitializeAsync());

// b. Definition and hover latency in one session.
Log($"definition/hover ({requestsPerKind} each)");
var (definitionTimes, hoverTimes, indexReadyMs, firstRequestMs, failures) = await NavigationAsync();

// c. check.
Log($"check ({checkRuns} runs)");
var checkTimes = new List<double>();
var checkExitCodes = new List<int>();
for (var i = 0; i < checkRuns; i++)
{
    var (ms, code) = RunToExit(server, "check", demoArgument);
    checkTimes.Add(ms);
    checkExitCodes.Add(code);
}
var unexpectedExit = checkExitCodes.Where(c => c != 1).ToList();
if (unexpectedExit.Count > 0)
    notes.Add($"`check` exited with {string.Join(", ", unexpectedExit.Distinct())} in {unexpectedExit.Count} of {checkRuns} runs (expected 1: the demo has deliberate binding bugs).");

// Report.
var trueStats = Stats.Of(trueTimes);
var versionStats = Stats.Of(versionTimes);
var initStats = Stats.Of(initializeTimes);
var defStats = Stats.Of(definitionTimes);
var hoverStats = Stats.Of(hoverTimes);
var checkStats = Stats.Of(checkTimes);

var md = new StringBuilder();
md.AppendLine(CultureInfo.InvariantCulture, $"Benchmarks of the published server on `examples/hybrid-demo` ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {Environment.ProcessorCount} logical CPUs). Wall-clock milliseconds; warm file cache; one untimed warm-up run of each first. p99 is nearest-rank, so with fewer than 100 runs it is the max.");
md.AppendLine();
md.AppendLine("| Measurement | Runs | min | median | p99 | max |");
md.AppendLine("|---|---:|---:|---:|---:|---:|");
Row("Process start baseline: `/bin/true`", trueStats);
Row("Runtime start baseline: `hybrid-lsp --version`", versionStats);
Row("Spawn → `initialize` result (`serve --stdio`)", initStats);
Row("`textDocument/definition` round trip", defStats);
Row("`textDocument/hover` round trip", hoverStats);
Row("`hybrid-lsp check examples/hybrid-demo`", checkStats);
md.AppendLine();
md.AppendLine(CultureInfo.InvariantCulture, $"- `check` median / `--version` median: **{checkStats.Median / versionStats.Median:0.00}×** (`check` minus process+runtime start: {Stats.Ms(checkStats.Median - versionStats.Median)} ms).");
md.AppendLine(CultureInfo.InvariantCulture, $"- Spawn → `initialize` median minus `--version` median: {Stats.Ms(initStats.Median - versionStats.Median)} ms.");
md.AppendLine(CultureInfo.InvariantCulture, $"- Navigation session: `initialized` → first `publishDiagnostics` (index ready) {Stats.Ms(indexReadyMs)} ms; first navigation request {Stats.Ms(firstRequestMs)} ms (included in the rows above); null or error answers: {failures.Count} of {definitionTimes.Count + hoverTimes.Count}.");
foreach (var note in notes)
    md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");

var table = md.ToString();
Console.WriteLine(table);
if (outPath is not null)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
    File.WriteAllText(outPath, table);
}
if (failures.Count > 0)
{
    Console.Error.WriteLine($"{failures.Count} navigation requests had no answer:");
    foreach (var f in failures.Take(20))
        Console.Error.WriteLine("  " + f);
}
return 0;

void Row(string name, Stats s)
    => md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {s.Count} | {Stats.Ms(s.Min)} | {Stats.Ms(s.Median)} | {Stats.Ms(s.P99)} | {Stats.Ms(s.Max)} |");

static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";

static void Log(string message) => Console.Error.WriteLine($"[bench] {message}");

static List<double> Repeat(int n, Func<double> run)
{
    var list = new List<double>(n);
    for (var i = 0; i < n; i++)
        list.Add(run());
    return list;
}

// Spawn, wait for exit; stdout is read (and dropped) so a chatty child cannot block on a full pipe.
static (double Ms, int ExitCode) RunToExit(string file, params string[] arguments)
{
    var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in arguments)
        psi.ArgumentList.Add(a);
    var start = Stopwatch.GetTimestamp();
    using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
    var stderr = process.StandardError.ReadToEndAsync();
    process.StandardOutput.ReadToEnd();
    stderr.Wait();
    process.WaitForExit();
    var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    return (ms, process.ExitCode);
}

JsonObject InitializeParams() => new()
{
    ["processId"] = Environment.ProcessId,
    ["rootUri"] = rootUri,
    ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = Path.GetFileName(demo) }),
    ["capabilities"] = new JsonObject
    {
        ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-16") },
        ["textDocument"] = new JsonObject
        {
            ["definition"] = new JsonObject { ["linkSupport"] = true },
            ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
            ["publishDiagnostics"] = new JsonObject(),
        },
    },
};

async Task<double> SpawnToInitializeAsync()
{
    var start = Stopwatch.GetTimestamp();
    await using var lsp = LspConnection.Start(server, "serve", "--stdio");
    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    var response = await lsp.RequestAsync("initialize", InitializeParams(), timeout.Token);
    var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    if (response["result"] is null)
        throw new InvalidOperationException($"initialize failed: {response.ToJsonString()}");
    await lsp.NotifyAsync("initialized", new JsonObject());
    if (!await lsp.ShutdownAsync(TimeSpan.FromSeconds(10)))
        notes.Add("a server did not exit within 10 s of shutdown/exit and was killed.");
    return ms;
}

async Task<(List<double> Definition, List<double> Hover, double IndexReadyMs, double FirstRequestMs, List<string> Failures)> NavigationAsync()
{
    var targets = new (string File, string Anchor, string Name)[]
    {
        ("app/NativeMethods.cs", "partial int Add(", "Add"),
        ("app/Program.cs", "NativeMethods.Add(40", "Add"),
        ("native/fastmath/src/lib.rs", "fn fm_add(", "fm_add"),
        ("app/BrokenBindings.cs", "double fm_scale(", "fm_scale"),
    };
    var positions = targets.Select(t => Locate(t.File, t.Anchor, t.Name)).ToArray();

    await using var lsp = LspConnection.Start(server, "serve", "--stdio");
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
    var init = await lsp.RequestAsync("initialize", InitializeParams(), timeout.Token);
    if (init["result"] is null)
        throw new InvalidOperationException($"initialize failed: {init.ToJsonString()}");
    var readyStart = Stopwatch.GetTimestamp();
    await lsp.NotifyAsync("initialized", new JsonObject());
    await lsp.FirstDiagnostics.WaitAsync(TimeSpan.FromSeconds(60));
    var indexReady = Stopwatch.GetElapsedTime(readyStart).TotalMilliseconds;

    var definition = new List<double>(requestsPerKind);
    var hover = new List<double>(requestsPerKind);
    var failures = new List<string>();
    var first = double.NaN;
    for (var i = 0; i < 2 * requestsPerKind; i++)
    {
        var isDefinition = i % 2 == 0;
        var method = isDefinition ? "textDocument/definition" : "textDocument/hover";
        // Cycle positions independently of the method so every position gets both requests.
        var p = positions[(i / 2 + i % 2) % positions.Length];
        var parameters = new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = p.Uri },
            ["position"] = new JsonObject { ["line"] = p.Line, ["character"] = p.Character },
        };
        var start = Stopwatch.GetTimestamp();
        var response = await lsp.RequestAsync(method, parameters, timeout.Token);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (i == 0)
            first = ms;
        (isDefinition ? definition : hover).Add(ms);
        var result = response["result"];
        var empty = result is null || result is JsonArray { Count: 0 };
        if (i < 2 * positions.Length)
            Log($"sample {method} {p.Label} → {Truncate(response["result"]?.ToJsonString() ?? response.ToJsonString(), 160)}");
        if (response["error"] is not null || empty)
            failures.Add($"{method} {p.Label} ({p.Line}:{p.Character}) → {response.ToJsonString()}");
    }
    if (!await lsp.ShutdownAsync(TimeSpan.FromSeconds(10)))
        notes.Add("the navigation server did not exit within 10 s of shutdown/exit and was killed.");
    return (definition, hover, indexReady, first, failures);
}

// 0-based line and UTF-16 column of `name` inside the first occurrence of `anchor` in the file.
(string Uri, int Line, int Character, string Label) Locate(string relative, string anchor, string name)
{
    var path = Path.Combine(demo, relative);
    var text = File.ReadAllText(path);
    var at = text.IndexOf(anchor, StringComparison.Ordinal);
    if (at < 0)
        throw new InvalidOperationException($"'{anchor}' not found in {relative}");
    var offset = at + anchor.IndexOf(name, StringComparison.Ordinal);
    var line = 0;
    var lineStart = 0;
    for (var k = 0; k < offset; k++)
    {
        if (text[k] == '\n')
        {
            line++;
            lineStart = k + 1;
        }
    }
    return (new Uri(path).AbsoluteUri, line, offset - lineStart, $"{relative}:{name}");
}
