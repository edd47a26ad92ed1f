using HybridLsp.Syntax.C;
using static HybridLsp.Tests.Syntax.C.CFixture;

namespace HybridLsp.Tests.Syntax.C;

/// <summary>
/// A source's unit leaves the signatures of functions a public header declares first to the headers' unit
/// (<see cref="CFunction.SignatureOmitted"/>); everything else about the definition is read as before, and
/// <see cref="CParseRequest.ReadAllSignatures"/> reads every signature.
/// </summary>
public sealed class ClangSignatureOmissionTests
{
    private const string Fixture = """
        //- /ws/src/lib.c
        #include "lib.h"
        #include "private.h"
        LIB_API int lib_declared(long a, const char *s) { (void)s; return (int)a; }
        static double helper(float x) { return x; }
        int lib_undeclared(short v) { return v; }
        int lib_private(unsigned char c) { return c; }
        int lib_prototype_here(void);
        int lib_prototype_here(void) { return 1; }
        //- /ws/include/lib.h
        #pragma once
        #define LIB_API __attribute__((visibility("default")))
        LIB_API int lib_declared(long a, const char *s);
        //- /ws/src/private.h
        #pragma once
        int lib_private(unsigned char c);
        """;

    private static CParseResult ParseSource(bool readAll, string triple = LinuxX64)
    {
        var files = Files(Fixture);
        var request = new CParseRequest("/ws/src/lib.c", files, triple, IncludeDirectories: ["/ws/include"], ExtraFlags: ["-fvisibility=hidden"])
        {
            OmitDeclarationsFrom = ["/ws/include/lib.h"],
            ReadAllSignatures = readAll,
        };
        var result = ClangParser.Parse(ClangOptions.Default, request, CancellationToken.None);
        Assert.Equal(CParseStatus.Parsed, result.Status);
        Assert.Null(result.FirstError);
        return result;
    }

    [Theory]
    [InlineData(LinuxX64)]
    [InlineData(WinX64)]
    [InlineData(OsxArm64)]
    public void A_definition_declared_first_in_an_omitted_header_comes_without_its_signature(string triple)
    {
        var result = ParseSource(readAll: false, triple);
        var declared = result.Function("lib_declared");
        Assert.True(declared.SignatureOmitted);
        Assert.Same(CType.Omitted, declared.ReturnType);
        Assert.Empty(declared.Parameters);
        // The rest is read as for any definition: where, whether defined, linkage, visibility (inherited from the header).
        Assert.True(declared.IsDefinition);
        Assert.Equal("/ws/src/lib.c", declared.NameSpan.File);
        Assert.Equal(3, declared.NameSpan.Line);
        Assert.Equal(CLinkage.C, declared.Linkage);
        Assert.Equal(triple == OsxArm64 ? "_lib_declared" : "lib_declared", declared.MangledName);
        if (triple != WinX64)
            Assert.Equal(CVisibility.Default, declared.Visibility);
        // Only the omitted header's declarations are left out of the result.
        Assert.DoesNotContain(result.Functions, f => f.NameSpan.File == "/ws/include/lib.h");
    }

    [Fact]
    public void Functions_declared_first_elsewhere_keep_their_signatures()
    {
        var result = ParseSource(readAll: false);
        var helper = result.Function("helper");
        Assert.False(helper.SignatureOmitted);
        Assert.True(helper.IsStatic);
        Assert.Equal(CTypeKind.Double, helper.ReturnType.Kind);
        Assert.Equal(CTypeKind.Float, Assert.Single(helper.Parameters).Type.Kind);
        Assert.Equal(CTypeKind.Short, Assert.Single(result.Function("lib_undeclared").Parameters).Type.Kind);
        // A private header is reported by this unit (it is not a public header), so its declaration is first and kept.
        Assert.All(result.Functions.Where(f => f.Name == "lib_private"), f => Assert.False(f.SignatureOmitted));
        Assert.Equal(2, result.Functions.Count(f => f.Name == "lib_private"));
        // A prototype in the source itself is the first declaration: both occurrences are read whole.
        Assert.All(result.Functions.Where(f => f.Name == "lib_prototype_here"), f => Assert.Equal(CTypeKind.Int, f.ReturnType.Kind));
        Assert.Equal(CVisibility.Hidden, result.Function("lib_undeclared").Visibility);
    }

    [Fact]
    public void Reading_all_signatures_gives_the_definition_its_own()
    {
        var light = ParseSource(readAll: false);
        var full = ParseSource(readAll: true);
        Assert.DoesNotContain(full.Functions, f => f.SignatureOmitted);
        var declared = full.Function("lib_declared");
        Assert.Equal(CTypeKind.Int, declared.ReturnType.Kind);
        Assert.Equal(["a", "s"], declared.Parameters.Select(p => p.Name));
        Assert.Equal(CTypeKind.Long, declared.Parameters[0].Type.Kind);
        Assert.Equal(CTypeKind.Pointer, declared.Parameters[1].Type.Kind);
        // Apart from the signature, both reads report the same functions the same way.
        Assert.Equal(
            full.Functions.Select(f => (f.Name, f.NameSpan, f.FullSpan, f.IsDefinition, f.IsStatic, f.MangledName, f.Visibility, f.IsDllExport, f.CallingConvention)),
            light.Functions.Select(f => (f.Name, f.NameSpan, f.FullSpan, f.IsDefinition, f.IsStatic, f.MangledName, f.Visibility, f.IsDllExport, f.CallingConvention)));
    }

    [Fact]
    public void A_unit_with_errors_reads_every_signature()
    {
        var files = Files(Fixture.Replace("static double helper(float x) { return x; }", "static double helper(float x) { return x; } int broken(", StringComparison.Ordinal));
        var request = new CParseRequest("/ws/src/lib.c", files, LinuxX64, IncludeDirectories: ["/ws/include"]) { OmitDeclarationsFrom = ["/ws/include/lib.h"] };
        var result = ClangParser.Parse(ClangOptions.Default, request, CancellationToken.None);
        Assert.NotNull(result.FirstError);
        Assert.DoesNotContain(result.Functions, f => f.SignatureOmitted);
        Assert.Equal(2, result.Function("lib_declared").Parameters.Length);
    }

    [Fact]
    public void A_unit_that_omits_no_header_reads_every_signature()
    {
        var result = ParseClean(Fixture, LinuxX64, CLanguage.C, "-I/ws/include");
        Assert.DoesNotContain(result.Functions, f => f.SignatureOmitted);
        Assert.Equal(2, result.Function("lib_declared").Parameters.Length);
    }
}
