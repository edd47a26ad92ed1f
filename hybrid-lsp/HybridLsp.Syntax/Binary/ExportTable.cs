using System.Collections.Immutable;

namespace HybridLsp.Syntax.Binary;

public enum BinaryFormat { Unknown, Elf, Pe, MachO }

/// <summary>
/// The names a built shared library exports, read from its bytes: ELF <c>.dynsym</c>, the PE export directory, or the
/// Mach-O export trie / external symbols. <see cref="Error"/> says why nothing (or not everything) could be read;
/// symbols found before the problem are kept. Mach-O names are given without the leading underscore the C compiler
/// adds, so every format answers in the names C# binds.
/// </summary>
/// <param name="Description">What the bytes are, for messages: "ELF 64-bit little-endian shared object (x86-64)".</param>
public sealed record ExportTable(BinaryFormat Format, string Description, ImmutableHashSet<string> Symbols, string? Error)
{
    public bool Contains(string symbol) => Symbols.Contains(symbol);

    public static ExportTable Failed(BinaryFormat format, string description, string error) => new(format, description, [], error);
}

/// <summary>Reads the export table of a shared library of any supported format. Pure: the caller reads the file.</summary>
public static class ExportTableReader
{
    public static BinaryFormat Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 4 && bytes[0] == 0x7F && bytes[1] == (byte)'E' && bytes[2] == (byte)'L' && bytes[3] == (byte)'F')
            return BinaryFormat.Elf;
        if (bytes.Length >= 2 && bytes[0] == (byte)'M' && bytes[1] == (byte)'Z')
            return BinaryFormat.Pe;
        return MachOReader.IsMachO(bytes) ? BinaryFormat.MachO : BinaryFormat.Unknown;
    }

    public static ExportTable Read(ReadOnlySpan<byte> bytes) => Detect(bytes) switch
    {
        BinaryFormat.Elf => ElfReader.Read(bytes),
        BinaryFormat.Pe => PeReader.Read(bytes),
        BinaryFormat.MachO => MachOReader.Read(bytes),
        _ => ExportTable.Failed(BinaryFormat.Unknown, "unknown file", "not an ELF, PE or Mach-O file"),
    };
}
