using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>
/// A long session against the real server on a copy of the demo: mixed incremental edits (comment lines added and
/// removed, a parameter type toggled between wrong and right, half-typed attributes) and queries (hover, definition,
/// references, code actions, workspace symbols). Memory (VmRSS) must not trend upwards, query latency must not
/// degrade, and the final diagnostics must equal a fresh server's on the same files. HYBRIDLSP_SOAK_OPS sets the
/// number of operations (default 10,000; docs/hardening.md).
/// </summary>
public sealed class SoakTests
{
    private const long MemoryGrowthBound = 96L << 20;

    private sealed class Doc(string path, string text)
    {
        public string Path { get; } = path;
        public string Uri { get; } = new Uri(path).AbsoluteUri;
        public string Text { get; set; } = text;
        public int Version { get; set; } = 1;

        public JsonObject Position(int offset)
        {
            var line = 0;
            var lineStart = 0;
            for (var i = 0; i < offset; i++)
            {
                if (Text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new JsonObject { ["line"] = line, ["character"] = offset - lineStart };
        }

        /// <summary>Applies the edit locally and returns the didChange params for it.</summary>
        public JsonObject Replace(int start, int end, string text)
        {
            var range = new JsonObject { ["start"] = Position(start), ["end"] = Position(end) };
            Text = Text[..start] + text + Text[end..];
            Version++;
            return new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = Version },
                ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = range, ["text"] = text }),
            };
        }
    }

    private static TempDirectory CopyDemo()
    {
        var dir = new TempDirectory();
        var demo = System.IO.Path.Combine(RepoRoot(), "examples", "hybrid-demo");
        foreach (var file in Directory.EnumerateFiles(demo, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(demo, file);
            if (!relative.Split('/').Any(p => p is "target" or "bin" or "obj"))
                dir.Write(relative, File.ReadAllText(file));
        }
        return dir;
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(d.FullName, "HybridLsp.sln")))
                return d.FullName;
        }
        throw new DirectoryNotFoundException("HybridLsp.sln");
    }

    [Fact]
    public async Task Ten_thousand_mixed_edits_and_queries_keep_memory_latency_and_results_steady()
    {
        var operations = int.TryParse(Environment.GetEnvironmentVariable("HYBRIDLSP_SOAK_OPS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        using var dir = CopyDemo();
        var docs = new[]
        {
            new Doc(System.IO.Path.Combine(dir.Path, "app/BrokenBindings.cs"), File.ReadAllText(System.IO.Path.Combine(dir.Path, "app/BrokenBindings.cs"))),
            new Doc(System.IO.Path.Combine(dir.Path, "native/fastmath/src/lib.rs"), File.ReadAllText(System.IO.Path.Combine(dir.Path, "native/fastmath/src/lib.rs"))),
        };
        var (cs, rs) = (docs[0], docs[1]);
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        await client.WaitForNotificationAsync("hybridLsp/serverStatus", m => (bool?)m["params"]!["indexing"] == false);
        foreach (var d in docs)
        {
            await client.NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = d.Uri, ["languageId"] = d.Path.EndsWith(".rs", StringComparison.Ordinal) ? "rust" : "csharp", ["version"] = 1, ["text"] = d.Text },
            });
        }

        var random = new Random(8);
        var latencies = new List<double>();
        var rss = new List<(int Op, long Bytes)>();
        var edits = 0;
        var total = Stopwatch.StartNew();
        for (var op = 0; op < operations; op++)
        {
            if (op % 250 == 0)
                rss.Add((op, ProcSelf.RssBytes(client.ProcessId)));
            var r = random.Next(100);
            if (r < 60)
            {
                edits++;
                await client.NotifyAsync("textDocument/didChange", Edit(random, r, docs, cs, op));
                continue;
            }
            var query = Query(r, cs, rs);
            var started = Stopwatch.GetTimestamp();
            var response = await client.RequestAsync(query.Method, query.Params);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.True(response["error"] is null, $"op {op} {query.Method}: {response.ToJsonString()}");
        }
        rss.Add((operations, ProcSelf.RssBytes(client.ProcessId)));
        var elapsed = total.Elapsed;

        // Memory: after warm-up (the first fifth), the peak of the last quarter stays within the bound of the peak of the warm window.
        var warm = rss.Where(s => s.Op >= operations / 5 && s.Op < operations * 2 / 5).Max(s => s.Bytes);
        var late = rss.Where(s => s.Op >= operations * 3 / 4).Max(s => s.Bytes);
        // Latency: the median of the last tenth of the queries against the first tenth (after 50 queries of JIT warm-up).
        var decile = Math.Max(1, (latencies.Count - 50) / 10);
        var first = Median(latencies.Skip(50).Take(decile));
        var last = Median(latencies.TakeLast(decile));
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"soak: {operations} ops ({edits} edits, {latencies.Count} queries) in {elapsed.TotalSeconds:0.0} s; RSS warm {warm >> 20} MB, late {late >> 20} MB, max {rss.Max(s => s.Bytes) >> 20} MB; median query {first:0.00} ms first decile, {last:0.00} ms last decile, p99 {Percentile(latencies, 0.99):0.00} ms");
        Console.WriteLine(summary);
        Assert.True(late - warm <= MemoryGrowthBound, summary);
        Assert.True(last <= 2 * first + 2, summary);

        // Final state: the buffers on disk, republished by the soak server, equal what a fresh server computes.
        foreach (var d in docs)
            File.WriteAllText(d.Path, d.Text);
        Assert.Null((await client.RequestAsync("hybridLsp/reindex", null))["error"]);
        var soaked = LastDiagnostics(client);
        await using var fresh = LspClient.Start();
        await fresh.InitializeAsync(dir.Path);
        await fresh.WaitForNotificationAsync("hybridLsp/serverStatus", m => (bool?)m["params"]!["indexing"] == false);
        var expected = LastDiagnostics(fresh);
        Assert.NotEmpty(expected);
        Assert.Equal(string.Join("\n", expected), string.Join("\n", soaked));
    }

    private static JsonObject Edit(Random random, int r, Doc[] docs, Doc cs, int op)
    {
        if (r < 45)
        {
            var doc = docs[random.Next(docs.Length)];
            var existing = doc.Text.IndexOf("// soak ", StringComparison.Ordinal);
            if (r < 25 || existing < 0)
            {
                var lineStarts = new List<int> { 0 };
                for (var i = 0; i < doc.Text.Length - 1; i++)
                {
                    if (doc.Text[i] == '\n')
                        lineStarts.Add(i + 1);
                }
                var at = lineStarts[random.Next(lineStarts.Count)];
                return doc.Replace(at, at, $"// soak {op}\n");
            }
            return doc.Replace(existing, doc.Text.IndexOf('\n', existing) + 1, "");
        }
        if (r < 53)
        {
            var wrong = cs.Text.IndexOf("long factor", StringComparison.Ordinal);
            return wrong >= 0 ? cs.Replace(wrong, wrong + 4, "int") : cs.Replace(cs.Text.IndexOf("int factor", StringComparison.Ordinal), cs.Text.IndexOf("int factor", StringComparison.Ordinal) + 3, "long");
        }
        var junk = cs.Text.IndexOf("[DllImport(\"junk", StringComparison.Ordinal);
        if (junk >= 0)
            return cs.Replace(junk, junk + "[DllImport(\"junk".Length, "");
        var end = cs.Text.IndexOf('\n', random.Next(cs.Text.Length));
        return cs.Replace(end < 0 ? cs.Text.Length : end, end < 0 ? cs.Text.Length : end, "[DllImport(\"junk");
    }

    private static (string Method, JsonObject Params) Query(int r, Doc cs, Doc rs)
    {
        var scale = cs.Text.IndexOf("fm_scale(double", StringComparison.Ordinal) + 3;
        var at = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = cs.Uri }, ["position"] = cs.Position(scale) };
        if (r < 70)
            return ("textDocument/hover", at);
        if (r < 78)
            return ("textDocument/definition", at);
        if (r < 85)
            return ("workspace/symbol", new JsonObject { ["query"] = "fm_" });
        if (r < 93)
        {
            var factor = Math.Max(0, cs.Text.IndexOf(" factor)", StringComparison.Ordinal) - 2);
            var position = cs.Position(factor);
            return ("textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = cs.Uri },
                ["range"] = new JsonObject { ["start"] = position.DeepClone(), ["end"] = position },
                ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
            });
        }
        var export = rs.Text.IndexOf("fn fm_scale", StringComparison.Ordinal) + 5;
        return ("textDocument/references", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = rs.Uri }, ["position"] = rs.Position(export), ["context"] = new JsonObject { ["includeDeclaration"] = true },
        });
    }

    /// <summary>The last published diagnostics of every file, one sorted line per diagnostic.</summary>
    private static List<string> LastDiagnostics(LspClient client)
    {
        var last = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var n in client.Notifications("textDocument/publishDiagnostics"))
            last[(string)n["params"]!["uri"]!] = n["params"]!["diagnostics"]!.AsArray();
        return [.. last.SelectMany(kv => kv.Value.Select(d => $"{kv.Key} {d!["range"]!.ToJsonString()} {d["code"]} {d["message"]}")).Order(StringComparer.Ordinal)];
    }

    private static double Median(IEnumerable<double> values) => Percentile([.. values], 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }
}
