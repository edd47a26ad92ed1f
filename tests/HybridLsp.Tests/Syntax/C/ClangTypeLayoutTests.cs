using HybridLsp.Syntax.C;
using static HybridLsp.Tests.Syntax.C.CFixture;

namespace HybridLsp.Tests.Syntax.C;

/// <summary>Records, enums and typedefs with their layout for the parse's target.</summary>
public sealed class ClangTypeLayoutTests
{
    [Fact]
    public void Padded_struct_offsets_follow_the_target()
    {
        const string fixture = """
            //- /ws/p.h
            #include <stdint.h>
            struct padded { char tag; double value; int16_t small; long count; };
            """;
        var linux = ParseClean(fixture).Record("padded");
        Assert.Equal([0L, 64, 128, 192], linux.Fields.Select(f => f.OffsetInBits).ToArray());
        Assert.Equal(32, linux.Size);
        Assert.Equal(8, linux.Align);
        var windows86 = ParseClean(fixture, WinX86).Record("padded");
        Assert.Equal([0L, 64, 128, 160], windows86.Fields.Select(f => f.OffsetInBits).ToArray());
        Assert.Equal(24, windows86.Size);
        var linuxArm = ParseClean(fixture, LinuxArm64).Record("padded");
        Assert.Equal(32, linuxArm.Size);
    }

    [Fact]
    public void Pragma_pack_and_packed_attribute_remove_padding()
    {
        var result = ParseClean("""
            //- /ws/pack.h
            #include <stdint.h>
            #pragma pack(push, 1)
            struct by_pragma { uint8_t a; uint32_t b; };
            #pragma pack(pop)
            #pragma pack(2)
            struct by_pragma2 { uint8_t a; uint32_t b; };
            #pragma pack()
            struct __attribute__((packed)) by_attribute { uint8_t a; uint64_t b; };
            struct normal { uint8_t a; uint32_t b; };
            """);
        var pragma = result.Record("by_pragma");
        Assert.Equal(5, pragma.Size);
        Assert.Equal(1, pragma.Align);
        Assert.Equal(8, pragma.Field("b").OffsetInBits);
        Assert.False(pragma.IsPacked);
        Assert.Equal(6, result.Record("by_pragma2").Size);
        Assert.Equal(16, result.Record("by_pragma2").Field("b").OffsetInBits);
        var attribute = result.Record("by_attribute");
        Assert.True(attribute.IsPacked);
        Assert.Equal(9, attribute.Size);
        Assert.Equal(8, result.Record("normal").Size);
    }

    [Fact]
    public void Unions_nested_and_anonymous_members()
    {
        var result = ParseClean("""
            //- /ws/u.h
            #include <stdint.h>
            union value { int64_t i; double d; char bytes[12]; };
            struct tagged {
                int kind;
                union { int32_t small; int64_t big; };
                struct point { float x, y; } where;
            };
            typedef struct { int a; int b; } pair_t;
            """);
        var value = result.Record("value");
        Assert.Equal(CRecordKind.Union, value.Kind);
        Assert.Equal(16, value.Size);
        Assert.All(value.Fields, f => Assert.Equal(0, f.OffsetInBits));
        Assert.Equal(12, value.Field("bytes").Type.ArrayLength);
        Assert.Equal(CTypeKind.Char, value.Field("bytes").Type.Element!.Kind);

        var tagged = result.Record("tagged");
        Assert.Equal(["kind", "small", "big", "where"], tagged.Fields.Select(f => f.Name).ToArray());
        Assert.Equal(64, tagged.Field("small").OffsetInBits);
        Assert.Equal(64, tagged.Field("big").OffsetInBits);
        Assert.Equal(128, tagged.Field("where").OffsetInBits);
        Assert.Equal(24, tagged.Size);
        Assert.Equal(8, result.Record("point").Size);
        Assert.Equal(8, result.Record("pair_t").Size);
    }

    [Fact]
    public void Bitfields_are_flagged_with_their_width()
    {
        var record = ParseClean("""
            //- /ws/b.h
            struct flags { unsigned ready : 1; unsigned mode : 3; int value; };
            """).Record("flags");
        Assert.True(record.HasBitFields);
        Assert.True(record.Field("ready").IsBitField);
        Assert.Equal(1, record.Field("ready").BitWidth);
        Assert.Equal(3, record.Field("mode").BitWidth);
        Assert.Equal(1, record.Field("mode").OffsetInBits);
        Assert.False(record.Field("value").IsBitField);
    }

    [Fact]
    public void Opaque_structs_are_incomplete()
    {
        var result = ParseClean("""
            //- /ws/o.h
            typedef struct engine engine_t;
            engine_t *engine_new(void);
            """);
        var engine = result.Record("engine");
        Assert.False(engine.IsComplete);
        Assert.Equal(-1, engine.Size);
        Assert.Empty(engine.Fields);
    }

    [Fact]
    public void Enums_with_values_and_underlying_types()
    {
        var c = ParseClean("""
            //- /ws/e.h
            enum color { RED, GREEN = 5, BLUE };
            enum big { BIG_MIN = -1, BIG_MAX = 0x7fffffffffffffffLL };
            typedef enum { MODE_A = 1 } mode_t2;
            """);
        var color = c.Enum("color");
        Assert.Equal([("RED", (Int128)0), ("GREEN", 5), ("BLUE", 6)], color.Constants.Select(k => (k.Name, k.Value)).ToArray());
        Assert.Equal(CTypeKind.UInt, color.IntegerType.Kind);
        Assert.Equal(4, color.IntegerType.Size);
        Assert.Equal(8, c.Enum("big").IntegerType.Size);
        Assert.Equal((Int128)long.MaxValue, c.Enum("big").Constants[1].Value);
        Assert.Equal(-1, c.Enum("big").Constants[0].Value);
        Assert.Contains(c.Enums, e => e.Name == "mode_t2");

        var cxx = ParseClean("""
            //- /ws/e.hpp
            #include <stdint.h>
            namespace gfx { enum class level : uint8_t { low = 1, high = 200 }; }
            """, LinuxX64, CLanguage.Cxx);
        var level = cxx.Enum("level");
        Assert.True(level.IsScoped);
        Assert.Equal("gfx::level", level.QualifiedName);
        Assert.Equal(1, level.IntegerType.Size);
        Assert.Equal(CTypeKind.UChar, level.IntegerType.Kind);
        Assert.Equal(200, level.Constants[1].Value);
    }

    [Fact]
    public void Function_pointer_typedefs_carry_their_signature()
    {
        var result = ParseClean("""
            //- /ws/cb.h
            typedef int (*compare_fn)(const void *a, const void *b);
            typedef void (__stdcall *win_callback)(int code, void *user);
            typedef void log_fn(const char *message);
            void set_compare(compare_fn fn);
            """, WinX86);
        var compare = result.Typedef("compare_fn").Type;
        Assert.Equal(CTypeKind.FunctionPointer, compare.Kind);
        Assert.Equal(4, compare.Size);
        Assert.Equal(CTypeKind.Int, compare.Function!.ReturnType.Kind);
        Assert.Equal(2, compare.Function.Parameters.Length);
        Assert.Equal(CCallingConvention.C, compare.Function.CallingConvention);
        Assert.Equal(CCallingConvention.StdCall, result.Typedef("win_callback").Type.Function!.CallingConvention);
        Assert.Equal(CTypeKind.Function, result.Typedef("log_fn").Type.Kind);
        var parameter = result.Function("set_compare").Parameters[0].Type;
        Assert.Equal(CTypeKind.FunctionPointer, parameter.Kind);
        Assert.Equal(["compare_fn"], parameter.TypedefChain.ToArray());
    }

    [Fact]
    public void Cxx_classes_and_nested_records_get_qualified_names()
    {
        var result = ParseClean("""
            //- /ws/c.hpp
            #include <stdint.h>
            namespace net {
                class endpoint { public: uint32_t address; uint16_t port; struct extra { bool v6; } more; };
            }
            extern "C" net::endpoint *net_open(const net::endpoint &where);
            """, WinX64, CLanguage.Cxx);
        var endpoint = result.Record("endpoint");
        Assert.Equal(CRecordKind.Class, endpoint.Kind);
        Assert.Equal("net::endpoint", endpoint.QualifiedName);
        Assert.Equal(8, endpoint.Size);
        Assert.Equal(48, endpoint.Field("more").OffsetInBits);
        Assert.Equal("net::endpoint::extra", result.Record("extra").QualifiedName);
        var open = result.Function("net_open");
        Assert.Equal(CLinkage.C, open.Linkage);
        Assert.Equal(CTypeKind.Reference, open.Parameters[0].Type.Kind);
        Assert.True(open.Parameters[0].Type.Pointee!.IsConst);
        Assert.Equal("endpoint", open.ReturnType.Pointee!.DeclarationName);
    }

    [Fact]
    public void Plain_char_signedness_follows_the_target()
    {
        const string fixture = """
            //- /ws/c.h
            typedef char plain_char;
            """;
        Assert.True(ParseClean(fixture, LinuxX64).Typedef("plain_char").Type.IsSigned);
        Assert.False(ParseClean(fixture, LinuxArm64).Typedef("plain_char").Type.IsSigned);
        Assert.True(ParseClean(fixture, OsxArm64).Typedef("plain_char").Type.IsSigned);
    }
}
