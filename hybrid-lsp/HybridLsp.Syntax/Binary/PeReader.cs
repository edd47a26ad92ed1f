using System.Collections.Immutable;

namespace HybridLsp.Syntax.Binary;

/// <summary>
/// The names a PE image (a Windows DLL) exports, from its export directory (data directory 0): the name pointer
/// table, each name an RVA mapped to a file offset through the section table. PE32 and PE32+; forwarded exports
/// count (the loader resolves them). Exports by ordinal only have no name and are not listed. Never throws.
/// </summary>
public static class PeReader
{
    private const int MaxNames = 1_000_000;

    public static ExportTable Read(ReadOnlySpan<byte> bytes)
    {
        var r = new ByteReader(bytes, bigEndian: false);
        if (bytes.Length < 0x40 || bytes[0] != (byte)'M' || bytes[1] != (byte)'Z')
            return ExportTable.Failed(BinaryFormat.Pe, "not PE", "no MZ header");
        r.TryU32(0x3C, out var peOffset);
        if (!r.TryU32(peOffset, out var signature) || signature != 0x00004550)
            return ExportTable.Failed(BinaryFormat.Pe, "MZ executable", "no PE signature (a DOS program?)");
        long coff = peOffset + 4L;
        r.TryU16(coff, out var machine);
        r.TryU16(coff + 2, out var sectionCount);
        r.TryU16(coff + 16, out var optionalSize);
        r.TryU16(coff + 18, out var characteristics);
        long optional = coff + 20;
        if (!r.TryU16(optional, out var magic) || magic is not (0x10B or 0x20B))
            return ExportTable.Failed(BinaryFormat.Pe, "PE image", "unknown optional header magic");
        var plus = magic == 0x20B;
        var description = $"PE{(plus ? "32+" : "32")} {((characteristics & 0x2000) != 0 ? "DLL" : "executable")} ({MachineName(machine)})";
        var directories = optional + (plus ? 112 : 96);
        r.TryU32(optional + (plus ? 108 : 92), out var directoryCount);
        if (directoryCount < 1 || !r.TryU32(directories, out var exportRva) || !r.TryU32(directories + 4, out var exportSize) || directories + 8 > optional + optionalSize)
            return ExportTable.Failed(BinaryFormat.Pe, description, "no data directories");
        if (exportRva == 0 || exportSize == 0)
            return new(BinaryFormat.Pe, description, [], null); // a DLL that exports nothing

        var sections = optional + optionalSize;
        if (!r.Has(sections, sectionCount * 40L))
            return ExportTable.Failed(BinaryFormat.Pe, description, "section table out of bounds");
        var table = new SectionTable(sections, sectionCount);
        if (table.ToOffset(ref r, exportRva) is not { } directory || !r.Has(directory, 40))
            return ExportTable.Failed(BinaryFormat.Pe, description, "export directory out of bounds");
        r.TryU32(directory + 24, out var nameCount);
        r.TryU32(directory + 32, out var namesRva);
        if (nameCount == 0)
            return new(BinaryFormat.Pe, description, [], null);
        if (table.ToOffset(ref r, namesRva) is not { } names || !r.Has(names, Math.Min(nameCount, (uint)MaxNames) * 4L))
            return ExportTable.Failed(BinaryFormat.Pe, description, "export name table out of bounds");

        var symbols = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        string? error = nameCount > MaxNames ? $"{nameCount} export names: only the first {MaxNames} were read" : null;
        for (long i = 0; i < Math.Min(nameCount, (uint)MaxNames); i++)
        {
            r.TryU32(names + i * 4, out var nameRva);
            if (table.ToOffset(ref r, nameRva) is { } at && r.CString(at, r.Length, 1024) is { Length: > 0 } name)
                symbols.Add(name);
            else
                error ??= "an export name is out of bounds";
        }
        return new(BinaryFormat.Pe, description, symbols.ToImmutable(), error);
    }

    private readonly record struct SectionTable(long Offset, int Count)
    {
        /// <summary>The file offset of an RVA: inside the section whose virtual range holds it, within its raw data.</summary>
        public long? ToOffset(ref ByteReader r, uint rva)
        {
            for (var i = 0; i < Count; i++)
            {
                var header = Offset + i * 40L;
                r.TryU32(header + 8, out var virtualSize);
                r.TryU32(header + 12, out var virtualAddress);
                r.TryU32(header + 16, out var rawSize);
                r.TryU32(header + 20, out var rawPointer);
                var span = Math.Max(virtualSize, rawSize);
                if (rva >= virtualAddress && rva - virtualAddress < span)
                {
                    var delta = rva - (long)virtualAddress;
                    return delta < rawSize ? rawPointer + delta : null;
                }
            }
            return null;
        }
    }

    private static string MachineName(ushort machine) => machine switch
    {
        0x14C => "x86",
        0x8664 => "x64",
        0xAA64 => "ARM64",
        0x1C4 => "ARM",
        _ => $"machine 0x{machine:X}",
    };
}
