using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HybridLsp.Benchmarks.Generator;

/// <summary>The two workspace shapes of DESIGN §6.</summary>
internal enum WorkspaceShape
{
    /// <summary>N externs packed 50 to a C# file, every one bound to a Rust export; call sites in a sibling file.</summary>
    Dense,

    /// <summary>10,000 C# files of which ~3% declare externs (10 each); the rest is ordinary code, some of it calling the bindings.</summary>
    Realistic,
}

/// <summary>What to generate. <paramref name="CFraction"/> &gt; 0 also writes C headers (see <see cref="WorkspaceGenerator"/>).</summary>
internal sealed record GeneratorOptions(WorkspaceShape Shape, int Externs, int Seed = 1, double CFraction = 0, int MismatchEvery = 100);

/// <summary>
/// Writes a synthetic hybrid workspace: C# projects with <c>[LibraryImport]</c> externs bound to <c>#[no_mangle]</c>
/// exports of several Rust crates (many modules each), call sites, <c>repr(C)</c> structs and <c>repr(i32)</c> enums
/// used by value, and one seeded mismatch in every <see cref="GeneratorOptions.MismatchEvery"/> externs, cycling through
/// HL1003, HL1002, HL1001, HL1005 and HL1004. <c>workspace.json</c> next to the tree records the expected findings (count
/// by rule code, and the files they sit in) and every binding's positions, so a benchmark run checks its results too.
///
/// With a C fraction, that share of extra externs binds C functions declared in headers of CMake libraries. The engine
/// does not read C yet: those C# files are listed under <c>unchecked</c> in the manifest and left out of the expected counts.
/// </summary>
internal static class WorkspaceGenerator
{
    public const string ManifestName = "workspace.json";
    private const int ExternsPerFile = 50;
    private const int ExportsPerModule = 100;

    // The seeded mismatch kinds, in the order they cycle.
    private static readonly string[] s_mismatchCodes = ["HL1003", "HL1002", "HL1001", "HL1005", "HL1004"];

    public static WorkspaceManifest Generate(string root, GeneratorOptions options)
    {
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(root);
        var g = new State(root, options);
        return options.Shape == WorkspaceShape.Dense ? g.Dense() : g.Realistic();
    }

    public static WorkspaceManifest ReadManifest(string root)
        => JsonSerializer.Deserialize<WorkspaceManifest>(File.ReadAllText(Path.Combine(root, ManifestName)), WorkspaceManifest.JsonOptions)
           ?? throw new InvalidDataException($"{ManifestName} in {root} is empty");

    private sealed class State(string root, GeneratorOptions options)
    {
        private readonly Random _random = new(options.Seed);
        private readonly WorkspaceManifest _manifest = new() { Shape = options.Shape.ToString().ToLowerInvariant(), Externs = options.Externs, Seed = options.Seed };
        private readonly Dictionary<string, int> _expected = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _expectedFiles = new(StringComparer.Ordinal);
        private int _files;
        private int _lines;
        private int _perFile = ExternsPerFile;

        /// <summary>One Rust export: its crate and module, the signature kind, and whether the C# side is seeded wrong.</summary>
        private sealed record Export(int K, int Crate, int Module, int Kind, string? Mismatch)
        {
            public string Symbol => $"gen_f{K}";
            public string Lib => $"gen{Crate}";
            public string Struct => $"Rec{Crate}_{Module}";
            public string Enum => $"Mode{Crate}_{Module}";
        }

        public WorkspaceManifest Dense()
        {
            var n = options.Externs;
            var crates = Math.Max(2, (n + 999) / 1000);
            var projects = Math.Clamp((n + 2499) / 2500, 1, 8);
            var exports = Exports(n, crates);
            WriteCrates(exports, crates);
            var files = exports.Chunk(ExternsPerFile).ToArray();
            var byProject = Enumerable.Range(0, projects).Select(p => files.Where((_, i) => i % projects == p).ToList()).ToArray();
            for (var p = 0; p < projects; p++)
                WriteProject(p, byProject[p], plainFiles: 0);
            if (options.CFraction > 0)
                WriteCLibraries((int)(n * options.CFraction), projects);
            return Finish();
        }

        public WorkspaceManifest Realistic()
        {
            const int totalFiles = 10_000, projects = 20, interopFiles = 300, perFile = 10;
            var n = interopFiles * perFile;
            var crates = 5;
            _perFile = perFile;
            var exports = Exports(n, crates);
            WriteCrates(exports, crates);
            var files = exports.Chunk(perFile).ToArray();
            var plainPerProject = (totalFiles - interopFiles) / projects;
            for (var p = 0; p < projects; p++)
                WriteProject(p, files.Where((_, i) => i % projects == p).ToList(), plainPerProject);
            if (options.CFraction > 0)
                WriteCLibraries((int)(n * options.CFraction), projects);
            return Finish();
        }

        private List<Export> Exports(int n, int crates)
        {
            var perCrate = (n + crates - 1) / crates;
            var list = new List<Export>(n);
            for (var k = 0; k < n; k++)
            {
                var crate = k / perCrate;
                var module = k % perCrate / ExportsPerModule;
                // Seeded mismatches: one in MismatchEvery, at an offset so that they are not all first in their file.
                var mismatch = options.MismatchEvery > 0 && k % options.MismatchEvery == options.MismatchEvery / 3
                    ? s_mismatchCodes[k / options.MismatchEvery % s_mismatchCodes.Length] : null;
                list.Add(new Export(k, crate, module, k % 10, mismatch));
            }
            return list;
        }

        // ---------------- Rust ----------------

        private void WriteCrates(List<Export> exports, int crates)
        {
            foreach (var crateGroup in exports.GroupBy(e => e.Crate))
            {
                var c = crateGroup.Key;
                var dir = $"native/gen{c}";
                Write($"{dir}/Cargo.toml", $"""
                    [package]
                    name = "gen{c}"
                    version = "0.1.0"
                    edition = "2021"

                    [lib]
                    crate-type = ["cdylib"]

                    [workspace]

                    """);
                var modules = crateGroup.GroupBy(e => e.Module).ToList();
                var lib = new StringBuilder();
                lib.AppendLine(CultureInfo.InvariantCulture, $"//! Generated crate {c}: {crateGroup.Count()} exports in {modules.Count} modules.");
                lib.AppendLine();
                foreach (var m in modules)
                    lib.AppendLine(CultureInfo.InvariantCulture, $"pub mod m{m.Key};");
                Write($"{dir}/src/lib.rs", lib.ToString());
                foreach (var m in modules)
                    WriteModule($"{dir}/src/m{m.Key}.rs", c, m.Key, m.ToList());
            }
        }

        private void WriteModule(string path, int crate, int module, List<Export> exports)
        {
            var w = new LineWriter();
            w.Line($"//! Module {module} of crate gen{crate}.");
            w.Line();
            w.Line("#[repr(C)]");
            w.Line("#[derive(Clone, Copy)]");
            w.Line($"pub struct Rec{crate}_{module} {{");
            var structLine = w.LineNumber;
            w.Line("    pub x: f64,");
            w.Line("    pub y: i32,");
            w.Line("    pub z: i32,");
            w.Line("}");
            w.Line();
            w.Line("#[repr(i32)]");
            w.Line("#[derive(Clone, Copy)]");
            w.Line($"pub enum Mode{crate}_{module} {{");
            w.Line("    A = 0,");
            w.Line("    B = 1,");
            w.Line("    C = 2,");
            w.Line("}");
            _manifest.Structs.Add(new StructInfo(path, structLine - 1, $"Rec{crate}_{module}"));
            foreach (var e in exports)
            {
                w.Line();
                w.Line($"/// Export {e.K} (kind {e.Kind}).");
                w.Line("#[no_mangle]");
                var (parameters, ret, body, isUnsafe) = RustSignature(e);
                var fnLine = w.LineNumber;
                var head = $"pub {(isUnsafe ? "unsafe " : "")}extern \"C\" fn ";
                w.Line($"{head}{e.Symbol}({parameters}){(ret is null ? "" : " -> " + ret)} {{");
                w.Line($"    {body}");
                w.Line("}");
                _rustPositions[e.K] = (path, fnLine, head.Length);
            }
            Write(path, w.ToString());
        }

        private readonly Dictionary<int, (string Path, int Line, int Character)> _rustPositions = [];

        private static (string Parameters, string? Return, string Body, bool Unsafe) RustSignature(Export e) => e.Mismatch switch
        {
            "HL1003" or "HL1001" or "HL1004" => ("a: i32", "i32", "a", false),
            "HL1002" => ("a: i32, b: i32", "i32", "a ^ b", false),
            "HL1005" => ("x: i32", "bool", "x % 2 == 0", false),
            _ => e.Kind switch
            {
                0 => ("a: i32, b: i32", "i32", "a.wrapping_add(b)", false),
                1 => ("a: i64, b: f64", "i64", "a + b as i64", false),
                2 => ("a: u32, n: usize", null, "let _ = (a, n);", false),
                3 => ("x: f32", "f64", "x as f64", false),
                4 => ("x: i32", "bool", "x > 0", false),
                5 => ($"r: {e.Struct}", "f64", "r.x + r.y as f64", false),
                6 => ("values: *const i32, len: usize", "i64", "let _ = (values, len); 0", true),
                7 => ($"m: {e.Enum}", e.Enum, "m", false),
                8 => ("a: i16, b: u8", "i16", "a + b as i16", false),
                _ => ("p: isize", "isize", "p", false),
            },
        };

        // ---------------- C# ----------------

        private void WriteProject(int p, List<Export[]> files, int plainFiles)
        {
            var dir = $"dotnet/Proj{p}";
            Write($"{dir}/Proj{p}.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
                  </PropertyGroup>
                </Project>

                """);
            // The structs and enums of every module this project binds, once per project.
            var modules = files.SelectMany(f => f).Select(e => (e.Crate, e.Module)).Distinct().Order().ToList();
            var types = new LineWriter();
            types.Line("using System.Runtime.InteropServices;");
            types.Line();
            types.Line($"namespace Gen.P{p};");
            var typesPath = $"{dir}/Interop/Types.cs";
            foreach (var (c, m) in modules)
            {
                types.Line();
                types.Line("[StructLayout(LayoutKind.Sequential)]");
                types.Line($"public struct Rec{c}_{m}");
                types.Line("{");
                types.Line("    public double x;");
                types.Line("    public int y;");
                types.Line("    public int z;");
                types.Line("}");
                types.Line();
                types.Line($"public enum Mode{c}_{m} : int {{ A = 0, B = 1, C = 2 }}");
                _manifest.StructUses.Add(new StructUse($"Rec{c}_{m}", typesPath));
            }
            Write(typesPath, types.ToString());

            foreach (var file in files)
            {
                var f = file[0].K / _perFile;
                WriteBindingFile(p, $"{dir}/Interop/Native{f}.cs", $"Native{f}", file);
            }
            for (var i = 0; i < plainFiles; i++)
                WritePlainFile(p, $"{dir}/Code/Module{i / 100}/Service{i}.cs", i, files);
        }

        private void WriteBindingFile(int p, string path, string className, Export[] exports)
        {
            var w = new LineWriter();
            w.Line("using System.Runtime.InteropServices;");
            w.Line();
            w.Line($"namespace Gen.P{p};");
            w.Line();
            w.Line($"/// <summary>Bindings {exports[0].K}–{exports[^1].K}.</summary>");
            w.Line($"internal static unsafe partial class {className}");
            w.Line("{");
            var infos = new List<(Export E, int Line, int Character)>();
            foreach (var e in exports)
            {
                var entry = e.Mismatch == "HL1001" ? e.Symbol + "_old" : e.Symbol;
                // DllImport for the seeded bool mismatch (LibraryImport rejects an unmarshalled bool at compile time)
                // and for every kind-3 export, so both attribute kinds are exercised.
                var dllImport = e.Mismatch == "HL1005" || (e.Mismatch is null && e.Kind == 3);
                w.Line(dllImport
                    ? $"    [DllImport(\"{e.Lib}\", EntryPoint = \"{entry}\", CallingConvention = CallingConvention.Cdecl)]"
                    : $"    [LibraryImport(\"{e.Lib}\", EntryPoint = \"{entry}\")]");
                var (ret, parameters, returnAttribute) = CsSignature(e);
                if (returnAttribute is not null)
                    w.Line($"    {returnAttribute}");
                var head = dllImport ? $"    internal static extern {ret} " : $"    internal static partial {ret} ";
                infos.Add((e, w.LineNumber, head.Length));
                w.Line($"{head}F{e.K}({parameters});");
                w.Line();
            }
            // Call sites in the same class (references count them).
            w.Line("    internal static void CallAll()");
            w.Line("    {");
            var calls = new Dictionary<int, (int Line, int Character)>();
            foreach (var e in exports)
            {
                var call = $"        _ = {className}.";
                calls[e.K] = (w.LineNumber, call.Length);
                w.Line($"{call}F{e.K}({CallArguments(e)});");
            }
            w.Line("    }");
            w.Line("}");
            Write(path, w.ToString());

            foreach (var (e, line, character) in infos)
            {
                var (rustPath, rustLine, rustCharacter) = _rustPositions[e.K];
                _manifest.Bindings.Add(new BindingInfo(e.K, e.Kind, e.Mismatch, path, line, character, rustPath, rustLine, rustCharacter,
                    calls[e.K].Line, calls[e.K].Character, e.Symbol, e.Struct));
                if (e.Mismatch is { } code)
                {
                    _expected[code] = _expected.GetValueOrDefault(code) + 1;
                    _expectedFiles.Add(path);
                }
            }
        }

        private static (string Return, string Parameters, string? ReturnAttribute) CsSignature(Export e) => e.Mismatch switch
        {
            "HL1003" => ("int", "long a", null),
            "HL1001" => ("int", "int a", null),
            "HL1004" => ("int", "uint a", null),
            "HL1002" => ("int", "int a", null),
            "HL1005" => ("bool", "int x", null),
            _ => e.Kind switch
            {
                0 => ("int", "int a, int b", null),
                1 => ("long", "long a, double b", null),
                2 => ("void", "uint a, nuint n", null),
                3 => ("double", "float x", null),
                4 => ("bool", "int x", "[return: MarshalAs(UnmanagedType.U1)]"),
                5 => ("double", $"{e.Struct} r", null),
                6 => ("long", "int* values, nuint len", null),
                7 => (e.Enum, $"{e.Enum} m", null),
                8 => ("short", "short a, byte b", null),
                _ => ("nint", "nint p", null),
            },
        };

        private static string CallArguments(Export e) => e.Mismatch switch
        {
            "HL1003" or "HL1001" or "HL1004" or "HL1002" or "HL1005" => "default",
            _ => e.Kind switch
            {
                0 or 1 or 2 or 6 or 8 => "default, default",
                _ => "default",
            },
        };

        /// <summary>Ordinary code: a class with fields, properties, LINQ and string work; one in ten calls a binding.</summary>
        private void WritePlainFile(int p, string path, int i, List<Export[]> interop)
        {
            var w = new LineWriter();
            w.Line("using System;");
            w.Line("using System.Collections.Generic;");
            w.Line("using System.Linq;");
            w.Line("using System.Text;");
            w.Line();
            w.Line($"namespace Gen.P{p}.Code.Module{i / 100};");
            w.Line();
            w.Line($"/// <summary>Service {i}: ordinary application code with no interop.</summary>");
            w.Line($"public sealed class Service{i}");
            w.Line("{");
            w.Line("    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);");
            w.Line("    private readonly List<string> _log = [];");
            w.Line();
            w.Line("    public string Name { get; init; } = \"service" + i.ToString(CultureInfo.InvariantCulture) + "\";");
            w.Line("    public int Total => _counts.Values.Sum();");
            for (var m = 0; m < 6; m++)
            {
                w.Line();
                w.Line($"    /// <summary>Counts the words of the input (variant {m}).</summary>");
                w.Line($"    public int Process{m}(IEnumerable<string> lines, int threshold)");
                w.Line("    {");
                w.Line("        var builder = new StringBuilder();");
                w.Line("        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))");
                w.Line("        {");
                w.Line("            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))");
                w.Line("            {");
                w.Line("                _counts[word] = _counts.TryGetValue(word, out var n) ? n + 1 : 1;");
                w.Line($"                if (_counts[word] > threshold + {m})");
                w.Line("                    builder.Append(word).Append(';');");
                w.Line("            }");
                w.Line("        }");
                w.Line("        _log.Add(builder.ToString());");
                w.Line("        return _counts.Count(c => c.Value > threshold);");
                w.Line("    }");
            }
            if (i % 10 == 0 && interop.Count > 0)
            {
                var target = interop[_random.Next(interop.Count)];
                var e = target[0];
                var f = e.K / _perFile;
                w.Line();
                w.Line("    public void CallNative()");
                w.Line("    {");
                w.Line($"        _ = Native{f}.F{e.K}({CallArguments(e)});");
                w.Line("    }");
            }
            w.Line("}");
            Write(path, w.ToString());
        }

        // ---------------- C (behind --c-fraction) ----------------

        /// <summary>
        /// C libraries with CMakeLists.txt, a header of declarations and a source file, bound from C# files named
        /// <c>NativeC*.cs</c>; their seeded findings (HL1003: a C# long for an int32_t) are expected like the Rust ones.
        /// </summary>
        private void WriteCLibraries(int count, int projects)
        {
            const int perLibrary = 500;
            for (var lib = 0; lib * perLibrary < count; lib++)
            {
                var n = Math.Min(perLibrary, count - lib * perLibrary);
                _manifest.CExterns += n;
                var dir = $"cnative/cgen{lib}";
                Write($"{dir}/CMakeLists.txt", $"""
                    cmake_minimum_required(VERSION 3.16)
                    project(cgen{lib} C)
                    add_library(cgen{lib} SHARED src/cgen{lib}.c)
                    target_include_directories(cgen{lib} PUBLIC include)

                    """);
                var header = new LineWriter();
                header.Line($"#ifndef CGEN{lib}_H");
                header.Line($"#define CGEN{lib}_H");
                header.Line("#include <stdint.h>");
                header.Line("#include <stddef.h>");
                header.Line();
                header.Line($"typedef struct cgen{lib}_point {{ double x; int32_t y; int32_t z; }} cgen{lib}_point;");
                var source = new LineWriter();
                source.Line($"#include \"cgen{lib}.h\"");
                var cs = new LineWriter();
                cs.Line("using System.Runtime.InteropServices;");
                cs.Line();
                cs.Line($"namespace Gen.P{lib % projects};");
                cs.Line();
                cs.Line($"internal static partial class NativeC{lib}");
                cs.Line("{");
                for (var i = 0; i < n; i++)
                {
                    // One in MismatchEvery: the C# side takes a long where C takes int32_t (HL1003).
                    var wrong = options.MismatchEvery > 0 && i % options.MismatchEvery == options.MismatchEvery / 3;
                    header.Line();
                    header.Line($"/* Function {i} of cgen{lib}. */");
                    header.Line($"int32_t cgen{lib}_f{i}(int32_t a, double b, const cgen{lib}_point *p, size_t n);");
                    source.Line($"int32_t cgen{lib}_f{i}(int32_t a, double b, const cgen{lib}_point *p, size_t n) {{ (void)b; (void)p; (void)n; return a; }}");
                    cs.Line($"    [LibraryImport(\"cgen{lib}\")]");
                    cs.Line($"    internal static partial int cgen{lib}_f{i}({(wrong ? "long" : "int")} a, double b, nint p, nuint n);");
                    if (wrong)
                    {
                        _expected["HL1003"] = _expected.GetValueOrDefault("HL1003") + 1;
                        _expectedFiles.Add($"dotnet/Proj{lib % projects}/Interop/NativeC{lib}.cs");
                    }
                }
                header.Line();
                header.Line("#endif");
                cs.Line("}");
                Write($"{dir}/include/cgen{lib}.h", header.ToString());
                Write($"{dir}/src/cgen{lib}.c", source.ToString());
                var csPath = $"dotnet/Proj{lib % projects}/Interop/NativeC{lib}.cs";
                Write(csPath, cs.ToString());
            }
        }

        // ---------------- output ----------------

        private void Write(string relative, string text)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            _files++;
            _lines += text.Count(ch => ch == '\n');
        }

        private WorkspaceManifest Finish()
        {
            _manifest.Expected = new SortedDictionary<string, int>(_expected, StringComparer.Ordinal);
            _manifest.ExpectedFiles = [.. _expectedFiles];
            _manifest.Files = _files;
            _manifest.Lines = _lines;
            _manifest.CsFiles = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Count();
            File.WriteAllText(Path.Combine(root, ManifestName), JsonSerializer.Serialize(_manifest, WorkspaceManifest.JsonOptions));
            return _manifest;
        }
    }

    /// <summary>Text with a running 0-based line number (the line the next <see cref="Line"/> writes).</summary>
    private sealed class LineWriter
    {
        private readonly StringBuilder _text = new();

        public int LineNumber { get; private set; }

        public void Line(string text = "")
        {
            _text.Append(text).Append('\n');
            LineNumber++;
        }

        public override string ToString() => _text.ToString();
    }
}
