using HybridLsp.Syntax.Binary;
using HybridLsp.Tests.Fuzzing;

namespace HybridLsp.Tests.Syntax.Binary;

/// <summary>
/// The export table readers on hand-built images of each format (real ELF files from real builds are compared with
/// ELFSharp and nm in HybridLsp.Oracle.Tests), and under the fuzzer: garbage is an error, never an exception.
/// </summary>
public sealed class ExportTableReaderTests
{
    private static readonly ElfSymbol[] s_elfSymbols =
    [
        new("mc_add"),
        new("mc_weak", Binding: 2),
        new("mc_data", Type: 1),
        new("mc_protected", Visibility: 3),
        new("mc_hidden", Visibility: 2),
        new("mc_local", Binding: 0),
        new("malloc", Section: 0), // an import
    ];

    [Theory]
    [InlineData(true, false, "ELF 64-bit little-endian shared object (x86-64)")]
    [InlineData(true, true, "ELF 64-bit big-endian shared object (x86-64)")]
    [InlineData(false, false, "ELF 32-bit little-endian shared object (x86)")]
    [InlineData(false, true, "ELF 32-bit big-endian shared object (x86)")]
    public void Elf_dynsym_lists_defined_global_default_visibility_symbols(bool is64, bool bigEndian, string description)
    {
        var table = ExportTableReader.Read(BinaryImages.Elf(is64, bigEndian, s_elfSymbols));
        Assert.Null(table.Error);
        Assert.Equal(BinaryFormat.Elf, table.Format);
        Assert.Equal(description, table.Description);
        Assert.Equal(["mc_add", "mc_data", "mc_protected", "mc_weak"], table.Symbols.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Elf_executable_and_relocatable_objects_are_not_shared_libraries()
    {
        var table = ElfReader.Read(BinaryImages.Elf(true, false, s_elfSymbols, type: 1));
        Assert.Equal("not a shared object (ELF type ET_DYN)", table.Error);
        Assert.Empty(table.Symbols);
    }

    [Theory]
    [InlineData(true, "PE32+ DLL (x64)")]
    [InlineData(false, "PE32 DLL (x86)")]
    public void Pe_export_directory_names_are_read(bool plus, string description)
    {
        var table = ExportTableReader.Read(BinaryImages.Pe(plus, ["io_blur", "io_is_valid", "zz_last"]));
        Assert.Null(table.Error);
        Assert.Equal(BinaryFormat.Pe, table.Format);
        Assert.Equal(description, table.Description);
        Assert.Equal(["io_blur", "io_is_valid", "zz_last"], table.Symbols.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Pe_without_an_export_directory_exports_nothing()
    {
        var bytes = BinaryImages.Pe(true, ["a"]);
        bytes[0x44 + 20 + 112] = 0; // export directory RVA = 0
        bytes[0x44 + 20 + 113] = 0;
        var table = PeReader.Read(bytes);
        Assert.Null(table.Error);
        Assert.Empty(table.Symbols);
    }

    [Fact]
    public void Mach_o_export_trie_names_lose_the_c_underscore()
    {
        var table = ExportTableReader.Read(BinaryImages.MachOTrie(["fm_add", "fm_dot", "fm_scale"]));
        Assert.Null(table.Error);
        Assert.Equal(BinaryFormat.MachO, table.Format);
        Assert.Equal("Mach-O 64-bit dylib (arm64)", table.Description);
        Assert.Equal(["fm_add", "fm_dot", "fm_scale"], table.Symbols.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Mach_o_symtab_keeps_external_defined_symbols_only()
    {
        var table = ExportTableReader.Read(BinaryImages.MachOSymtab([("_exported", 0x0F), ("_private_extern", 0x1F), ("_undefined", 0x01), ("_local", 0x0E), ("_absolute", 0x03), ("radr://5614542", 0x64)]));
        Assert.Null(table.Error);
        Assert.Equal(["absolute", "exported"], table.Symbols.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Universal_binary_exports_what_every_slice_exports()
    {
        var table = ExportTableReader.Read(BinaryImages.Fat(BinaryImages.MachOTrie(["both", "arm_only"]), BinaryImages.MachOTrie(["both"])));
        Assert.Null(table.Error);
        Assert.StartsWith("universal binary [Mach-O 64-bit dylib (arm64), ", table.Description, StringComparison.Ordinal);
        Assert.Equal(["both"], table.Symbols);
    }

    [Fact]
    public void A_java_class_file_is_not_a_universal_binary()
    {
        byte[] javaClass = [0xCA, 0xFE, 0xBA, 0xBE, 0x00, 0x00, 0x00, 0x41, 0, 0, 0, 0];
        Assert.Equal(BinaryFormat.Unknown, ExportTableReader.Detect(javaClass));
        Assert.Equal("not an ELF, PE or Mach-O file", ExportTableReader.Read(javaClass).Error);
    }

    [Fact]
    public void A_trie_that_loops_ends_with_an_error()
    {
        var bytes = BinaryImages.MachOTrie(["a"]);
        // Point the root's only edge ("_") back at the root itself.
        bytes[128 + 4] = 0;
        var table = MachOReader.Read(bytes);
        Assert.Equal("the export trie has a cycle or too many nodes", table.Error);
    }

    [Fact]
    public void Every_truncation_of_every_image_is_an_error_or_a_subset()
    {
        foreach (var image in Seeds())
        {
            var full = ExportTableReader.Read(image).Symbols;
            for (var length = 0; length < image.Length; length++)
            {
                var table = ExportTableReader.Read(image.AsSpan(0, length));
                Assert.True(table.Error is not null || table.Symbols.IsSubsetOf(full), $"length {length}: {table.Description}");
            }
        }
    }

    [Fact]
    public void Fuzz_export_table_readers()
    {
        var report = Fuzz.RunBytes("export-tables", Seeds(), bytes => ExportTableReader.Read(bytes));
        Assert.True(report.Cases > 0, report.ToString());
    }

    private static List<byte[]> Seeds() =>
    [
        BinaryImages.Elf(true, false, s_elfSymbols),
        BinaryImages.Elf(false, true, s_elfSymbols),
        BinaryImages.Pe(true, ["io_blur", "io_is_valid"]),
        BinaryImages.Pe(false, ["a", "b"]),
        BinaryImages.MachOTrie(["fm_add", "fm_dot"]),
        BinaryImages.MachOSymtab([("_exported", 0x0F), ("_local", 0x0E)]),
        BinaryImages.Fat(BinaryImages.MachOTrie(["x"]), BinaryImages.MachOSymtab([("_x", 0x0F)])),
    ];
}
