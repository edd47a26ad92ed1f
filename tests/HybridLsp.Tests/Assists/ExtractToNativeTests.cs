using HybridLsp.Ide.Assists;
using HybridLsp.Syntax.Text;
using HybridLsp.Tests.Fixtures;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

/// <summary>"Extract to native": what blocks a method (construct and line), the disabled code actions, the translation text, bad input.</summary>
public sealed class ExtractToNativeTests
{
    private const string Project = """
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup></Project>

        """;

    [Fact]
    public void Every_blocking_construct_is_reported_with_its_line() => CheckBlockers(Project + """
        //- /app/Kernels.cs
        using System;
        using System.Linq;
        static class Kernels
        {
            static int _count;
            static int Help(int x) => x;
            static int Wo$0rk(int[] data, string name, ref int total)
            {
                var copy = new int[4];
                var s = $"{name}";
                Func<int, int> f = x => x + 1;
                int sum = data.Sum();
                sum += Help(sum);
                sum += _count;
                try { sum++; } catch { }
                switch (sum) { default: break; }
                object o = new object();
                return sum;
            }
        }
        """,
        "7: parameter 'name' has type 'string', which is not a primitive, a span or array of primitives, or a sequential struct",
        "7: parameter 'total' is passed with 'ref'",
        "9: 'new int[4]' allocates a managed array",
        "10: string interpolation allocates a managed string",
        "11: local has type 'Func<int, int>', which is not a primitive, a span or array of primitives, or a sequential struct",
        "12: 'data.Sum' (LINQ allocates and calls delegates)",
        "13: call to 'Help' (only System.Math and MathF functions are translated: extract the callee first, or inline it)",
        "14: uses '_count', which is not a parameter, a local or a constant (fields, properties and captured state stay managed)",
        "15: 'try' (exceptions cannot cross to native code)",
        "16: 'switch' statement (not in the translated subset: rewrite it as if/else)",
        "17: local has type 'object', which is not a primitive, a span or array of primitives, or a sequential struct");

    [Fact]
    public void Structs_with_other_layouts_and_unsupported_fields_block() => CheckBlockers(Project + """
        //- /app/Kernels.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Explicit)] struct Packed { [FieldOffset(0)] public int A; }
        struct Flags { public bool On; }
        static class Kernels
        {
            static int Us$0e(Packed p, Flags f) => 0;
        }
        """,
        "6: struct 'Packed' has layout 'StructLayout(LayoutKind.Explicit)': only [StructLayout(LayoutKind.Sequential)] without Pack or Size is translated",
        "6: struct 'Flags' has a field of type 'bool': only numeric fields are blittable in both languages");

    [Fact]
    public void A_blocked_method_gets_both_actions_disabled_with_the_first_reason()
    {
        var fixture = Fixture.Parse(Project + """
            //- /app/Kernels.cs
            static class Kernels
            {
                static void Lo$0g(int x)
                {
                    System.Console.WriteLine(x);
                }
            }
            """);
        var (path, offset) = fixture.Cursor!.Value;
        var actions = Load(fixture).CodeActions(path, new TextSpan(offset, 0), CancellationToken.None).Where(a => a.Kind == CodeActionKinds.RefactorExtractNative).ToList();
        Assert.Equal(["Extract method to Rust", "Extract method to C++"], actions.Select(a => a.Title));
        Assert.All(actions, a => Assert.Equal("'Log' cannot move to native code: call to 'Console.WriteLine' (only System.Math and MathF functions are translated) (line 5)", a.DisabledReason));
        Assert.All(actions, a => Assert.Empty(a.Edits));
    }

    [Fact]
    public void No_action_in_a_method_body_or_outside_methods()
    {
        foreach (var text in new[] { "static class K { static int F(int x) { return $0x; } }", "static class K$0 { }", "static class K { static int F(int x$0", "$0" })
        {
            var fixture = Fixture.Parse(Project + "//- /app/K.cs\n" + text);
            var (path, offset) = fixture.Cursor!.Value;
            Assert.DoesNotContain(Load(fixture).CodeActions(path, new TextSpan(offset, 0), CancellationToken.None), a => a.Kind == CodeActionKinds.RefactorExtractNative);
        }
        var outside = Fixture.Parse(Project + "//- /app/K.cs\nstatic class K$0 { }");
        var result = Load(outside).ExtractToNative(outside.Cursor!.Value.Path, outside.Cursor.Value.Offset, new ExtractOptions("rust"), CancellationToken.None);
        Assert.Equal("no C# method at that position", result.Error);
        Assert.False(result.FoundMethod);
    }

    [Fact]
    public void Half_typed_method_is_reported_not_thrown()
    {
        var fixture = Fixture.Parse(Project + "//- /app/K.cs\nstatic class K { static int F$0(int x) { int y = x +; for (;; ");
        var result = Load(fixture).ExtractToNative(fixture.Cursor!.Value.Path, fixture.Cursor.Value.Offset, new ExtractOptions("cpp"), CancellationToken.None);
        Assert.Null(result.Action);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Rust_translation_keeps_csharp_integer_semantics_explicit() => CheckExtract(Project + """
        //- /native/kern/Cargo.toml
        [package]
        name = "kern"
        edition = "2021"
        [lib]
        crate-type = ["cdylib"]
        //- /native/kern/src/lib.rs
        //- /app/Kernels.cs
        using System;
        static class Kernels
        {
            const int Mask = 0xFF;
            public static long Mi$0x(ReadOnlySpan<int> data, int shift, double scale)
            {
                long acc = 0;
                for (int i = 0; i < data.Length; i++)
                {
                    if (data[i] < 0)
                        continue;
                    acc += (data[i] << shift) ^ (data[i] >>> 3) & Mask;
                }
                int q = (int)(scale * acc);
                return checked(acc * 2) + q / 7 + Math.Max(-1, q);
            }
        }
        """, "rust", "/native/kern/src/lib.rs", """
        /// Translated from C# 'Kernels.Mix' by hybrid-lsp (C# integer semantics kept explicit: docs/extract-to-native.md).
        ///
        /// # Safety
        ///
        /// Each pointer must address as many valid elements as its length says (any pointer when the length is 0).
        #[allow(unused_assignments)]
        #[no_mangle]
        pub unsafe extern "C" fn kern_mix(data: *const i32, data_len: usize, shift: i32, scale: f64) -> i64 {
            // SAFETY: the caller passes data_len valid elements at data (any pointer when data_len is 0).
            let data: &[i32] = if data_len == 0 {
                &[]
            } else {
                unsafe { std::slice::from_raw_parts(data, data_len) }
            };
            let mut acc: i64 = 0i64;
            {
                let mut i: i32 = 0i32;
                while i < data.len() as i32 {
                    'next1: {
                        if data[i as usize] < 0i32 {
                            break 'next1;
                        }
                        acc = acc.wrapping_add((data[i as usize].wrapping_shl((shift & 31) as u32) ^ (data[i as usize] as u32).wrapping_shr(3u32) as i32 & 255i32) as i64);
                    }
                    i = i.wrapping_add(1i32);
                }
            }
            let q: i32 = (scale * acc as f64) as i32;
            return acc.checked_mul(2i64).unwrap_or_else(|| std::process::abort()).wrapping_add((q / 7i32) as i64).wrapping_add((-1i32).max(q) as i64);
        }

        """);

    private static void CheckBlockers(string text, params string[] expected)
    {
        var fixture = Fixture.Parse(text);
        var (path, offset) = fixture.Cursor!.Value;
        var result = Load(fixture).ExtractToNative(path, offset, new ExtractOptions("rust"), CancellationToken.None);
        Assert.Null(result.Action);
        Assert.Equal(expected, result.Blockers.Select(b => $"{b.Line}: {b.Reason}"));
    }

    /// <summary>Extracts the method at `$0` to <paramref name="language"/> and compares what the edit inserts into <paramref name="file"/>.</summary>
    private static void CheckExtract(string text, string language, string file, string inserted)
    {
        var fixture = Fixture.Parse(text);
        var (path, offset) = fixture.Cursor!.Value;
        var result = Load(fixture).ExtractToNative(path, offset, new ExtractOptions(language), CancellationToken.None);
        Assert.True(result.Action is not null, result.Error);
        var edit = result.Action.Edits.Single(e => e.Path == file);
        Assert.Equal(inserted.Replace("\r\n", "\n"), string.Concat(edit.Edits.Select(e => e.NewText)));
    }
}
