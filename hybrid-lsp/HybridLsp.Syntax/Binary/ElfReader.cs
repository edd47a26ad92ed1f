using System.Collections.Immutable;

namespace HybridLsp.Syntax.Binary;

/// <summary>
/// The dynamic symbols an ELF shared object (ET_DYN) exports, from its <c>.dynsym</c> section (SHT_DYNSYM and the
/// string table its sh_link names): 32- and 64-bit, little- and big-endian. A symbol is exported when it is defined
/// (section index not SHN_UNDEF), GLOBAL, WEAK or GNU_UNIQUE, and of default or protected visibility — what the
/// dynamic loader's <c>dlsym</c> finds. Never throws: a malformed image is an <see cref="ExportTable.Error"/>.
/// </summary>
public static class ElfReader
{
    private const ushort EtDyn = 3;
    private const uint ShtDynsym = 11;
    private const int MaxSymbols = 4_000_000;

    public static ExportTable Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 16 || bytes[0] != 0x7F || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            return ExportTable.Failed(BinaryFormat.Elf, "not ELF", "no ELF magic number");
        var is64 = bytes[4] switch { 1 => false, 2 => true, _ => (bool?)null };
        var bigEndian = bytes[5] switch { 1 => false, 2 => true, _ => (bool?)null };
        if (is64 is null || bigEndian is null)
            return ExportTable.Failed(BinaryFormat.Elf, "ELF", $"unknown ELF class {bytes[4]} or data encoding {bytes[5]}");
        var r = new ByteReader(bytes, bigEndian.Value);
        var wide = is64.Value;
        r.TryU16(16, out var type);
        r.TryU16(18, out var machine);
        var description = $"ELF {(wide ? 64 : 32)}-bit {(bigEndian.Value ? "big" : "little")}-endian {TypeName(type)} ({MachineName(machine)})";
        if (type != EtDyn)
            return ExportTable.Failed(BinaryFormat.Elf, description, "not a shared object (ELF type ET_DYN)");

        // Section header table: e_shoff, e_shentsize, e_shnum.
        if (!r.TryWord(wide ? 0x28 : 0x20, wide, out var shoff) || !r.TryU16(wide ? 0x3A : 0x2E, out var shentsize) || !r.TryU16(wide ? 0x3C : 0x30, out var shnum))
            return ExportTable.Failed(BinaryFormat.Elf, description, "truncated ELF header");
        if (shoff == 0 || shnum == 0)
            return ExportTable.Failed(BinaryFormat.Elf, description, "no section headers (stripped with sstrip?)");
        if (shentsize < (wide ? 64 : 40) || shoff > long.MaxValue / 2 || !r.Has((long)shoff, (long)shentsize * shnum))
            return ExportTable.Failed(BinaryFormat.Elf, description, "section header table out of bounds");

        var symbols = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var foundDynsym = false;
        for (var i = 0; i < shnum; i++)
        {
            var header = (long)shoff + (long)i * shentsize;
            if (!r.TryU32(header + 4, out var shType) || shType != ShtDynsym)
                continue;
            foundDynsym = true;
            if (!Section(ref r, header, wide, out var offset, out var size, out var link, out var entsize))
                return new(BinaryFormat.Elf, description, symbols.ToImmutable(), ".dynsym section header out of bounds");
            if (link >= shnum)
                return new(BinaryFormat.Elf, description, symbols.ToImmutable(), ".dynsym names no valid string table");
            if (!Section(ref r, (long)shoff + (long)link * shentsize, wide, out var strOffset, out var strSize, out _, out _) || !r.Has(strOffset, strSize))
                return new(BinaryFormat.Elf, description, symbols.ToImmutable(), ".dynstr out of bounds");
            var symSize = wide ? 24 : 16;
            if (entsize != 0 && entsize < symSize)
                return new(BinaryFormat.Elf, description, symbols.ToImmutable(), $".dynsym entry size {entsize} is too small");
            var stride = entsize == 0 ? symSize : entsize;
            if (!r.Has(offset, size))
                return new(BinaryFormat.Elf, description, symbols.ToImmutable(), ".dynsym out of bounds");
            var count = Math.Min(size / stride, MaxSymbols);
            for (long s = 1; s < count; s++) // entry 0 is the reserved null symbol
            {
                var sym = offset + s * stride;
                r.TryU32(sym, out var nameOffset);
                byte info, other;
                ushort shndx;
                if (wide)
                {
                    r.TryU8(sym + 4, out info);
                    r.TryU8(sym + 5, out other);
                    r.TryU16(sym + 6, out shndx);
                }
                else
                {
                    r.TryU8(sym + 12, out info);
                    r.TryU8(sym + 13, out other);
                    r.TryU16(sym + 14, out shndx);
                }
                var binding = info >> 4;
                var visibility = other & 3;
                if (shndx == 0 || binding is not (1 or 2 or 10) || visibility is not (0 or 3))
                    continue;
                if (r.CString(strOffset + nameOffset, strOffset + strSize) is { Length: > 0 } name)
                    symbols.Add(name);
            }
        }
        return foundDynsym
            ? new(BinaryFormat.Elf, description, symbols.ToImmutable(), null)
            : ExportTable.Failed(BinaryFormat.Elf, description, "no .dynsym section: the object exports nothing dynamically");
    }

    private static bool Section(ref ByteReader r, long header, bool wide, out long offset, out long size, out uint link, out long entsize)
    {
        offset = size = entsize = 0;
        link = 0;
        ulong off, sz, ent;
        bool ok;
        if (wide)
            ok = r.TryU64(header + 0x18, out off) & r.TryU64(header + 0x20, out sz) & r.TryU32(header + 0x28, out link) & r.TryU64(header + 0x38, out ent);
        else
            ok = r.TryWord(header + 0x10, false, out off) & r.TryWord(header + 0x14, false, out sz) & r.TryU32(header + 0x18, out link) & r.TryWord(header + 0x24, false, out ent);
        if (!ok || off > int.MaxValue || sz > int.MaxValue || ent > int.MaxValue)
            return false;
        (offset, size, entsize) = ((long)off, (long)sz, (long)ent);
        return true;
    }

    private static string TypeName(ushort type) => type switch
    {
        1 => "relocatable object",
        2 => "executable",
        3 => "shared object",
        4 => "core file",
        _ => $"object of type {type}",
    };

    private static string MachineName(ushort machine) => machine switch
    {
        3 => "x86",
        0x3E => "x86-64",
        0x28 => "ARM",
        0xB7 => "AArch64",
        0xF3 => "RISC-V",
        0x08 => "MIPS",
        0x14 => "PowerPC",
        0x15 => "PowerPC64",
        0x16 => "s390",
        _ => $"machine {machine}",
    };
}
