using System.Buffers.Binary;
using System.Text;

namespace HybridLsp.Tests.Syntax.Binary;

/// <summary>One dynamic symbol of a hand-built ELF image.</summary>
/// <param name="Binding">1 GLOBAL, 2 WEAK, 0 LOCAL.</param>
/// <param name="Visibility">0 DEFAULT, 2 HIDDEN, 3 PROTECTED.</param>
/// <param name="Section">0 is SHN_UNDEF (an import).</param>
internal sealed record ElfSymbol(string Name, int Binding = 1, int Type = 2, int Visibility = 0, ushort Section = 7);

/// <summary>Minimal but well-formed shared-library images, built byte by byte to the formats' specifications.</summary>
internal static class BinaryImages
{
    private sealed class Image(bool bigEndian)
    {
        public byte[] Bytes = new byte[0];

        public void Ensure(int length)
        {
            if (Bytes.Length < length)
                Array.Resize(ref Bytes, length);
        }

        public void U8(int at, int v) { Ensure(at + 1); Bytes[at] = (byte)v; }
        public void U16(int at, int v) { Ensure(at + 2); if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(Bytes.AsSpan(at), (ushort)v); else BinaryPrimitives.WriteUInt16LittleEndian(Bytes.AsSpan(at), (ushort)v); }
        public void U32(int at, long v) { Ensure(at + 4); if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(Bytes.AsSpan(at), (uint)v); else BinaryPrimitives.WriteUInt32LittleEndian(Bytes.AsSpan(at), (uint)v); }
        public void U64(int at, long v) { Ensure(at + 8); if (bigEndian) BinaryPrimitives.WriteUInt64BigEndian(Bytes.AsSpan(at), (ulong)v); else BinaryPrimitives.WriteUInt64LittleEndian(Bytes.AsSpan(at), (ulong)v); }
        public void Word(int at, long v, bool wide) { if (wide) U64(at, v); else U32(at, v); }
        public void Raw(int at, byte[] data) { Ensure(at + data.Length); data.CopyTo(Bytes, at); }
    }

    /// <summary>An ET_DYN image with a .dynsym (section 1) and its .dynstr (section 2), as a linker lays them out.</summary>
    public static byte[] Elf(bool is64, bool bigEndian, IReadOnlyList<ElfSymbol> symbols, ushort type = 3)
    {
        var img = new Image(bigEndian);
        var headerSize = is64 ? 64 : 52;
        img.Raw(0, [0x7F, (byte)'E', (byte)'L', (byte)'F', (byte)(is64 ? 2 : 1), (byte)(bigEndian ? 2 : 1), 1, 0]);
        img.U16(16, type);
        img.U16(18, is64 ? 0x3E : 0x03);
        img.U32(20, 1);

        // .dynstr
        var strings = new MemoryStream();
        strings.WriteByte(0);
        var nameOffsets = new List<int>();
        foreach (var s in symbols)
        {
            nameOffsets.Add((int)strings.Length);
            strings.Write(Encoding.UTF8.GetBytes(s.Name));
            strings.WriteByte(0);
        }
        var dynstr = headerSize;
        img.Raw(dynstr, strings.ToArray());
        var dynsym = (dynstr + (int)strings.Length + 7) & ~7;
        var entry = is64 ? 24 : 16;
        for (var i = 0; i < symbols.Count; i++)
        {
            var at = dynsym + (i + 1) * entry; // entry 0 is the null symbol
            var s = symbols[i];
            img.U32(at, nameOffsets[i]);
            var info = (s.Binding << 4) | s.Type;
            if (is64)
            {
                img.U8(at + 4, info);
                img.U8(at + 5, s.Visibility);
                img.U16(at + 6, s.Section);
                img.U64(at + 8, 0x1000 + i * 16);
                img.U64(at + 16, 16);
            }
            else
            {
                img.U32(at + 4, 0x1000 + i * 16);
                img.U32(at + 8, 16);
                img.U8(at + 12, info);
                img.U8(at + 13, s.Visibility);
                img.U16(at + 14, s.Section);
            }
        }
        var dynsymSize = (symbols.Count + 1) * entry;
        var shoff = (dynsym + dynsymSize + 7) & ~7;
        var shentsize = is64 ? 64 : 40;
        img.Ensure(shoff + 3 * shentsize);
        void Section(int index, int shType, int offset, int size, int link, int entsize)
        {
            var at = shoff + index * shentsize;
            img.U32(at, 0);
            img.U32(at + 4, shType);
            if (is64)
            {
                img.U64(at + 0x18, offset);
                img.U64(at + 0x20, size);
                img.U32(at + 0x28, link);
                img.U32(at + 0x2C, shType == 11 ? 1 : 0);
                img.U64(at + 0x38, entsize);
            }
            else
            {
                img.U32(at + 0x10, offset);
                img.U32(at + 0x14, size);
                img.U32(at + 0x18, link);
                img.U32(at + 0x1C, shType == 11 ? 1 : 0);
                img.U32(at + 0x24, entsize);
            }
        }
        Section(1, 11, dynsym, dynsymSize, 2, entry);
        Section(2, 3, dynstr, (int)strings.Length, 0, 0);
        img.Word(is64 ? 0x28 : 0x20, shoff, is64);
        img.U16(is64 ? 0x34 : 0x28, headerSize);
        img.U16(is64 ? 0x3A : 0x2E, shentsize);
        img.U16(is64 ? 0x3C : 0x30, 3);
        img.U16(is64 ? 0x3E : 0x32, 0);
        return img.Bytes;
    }

    /// <summary>A DLL with one section holding the export directory, its name pointer table and the names.</summary>
    public static byte[] Pe(bool plus, IReadOnlyList<string> names)
    {
        var img = new Image(bigEndian: false);
        img.Raw(0, "MZ"u8.ToArray());
        img.U32(0x3C, 0x40);
        img.Raw(0x40, "PE\0\0"u8.ToArray());
        const int coff = 0x44;
        img.U16(coff, plus ? 0x8664 : 0x14C);
        img.U16(coff + 2, 1);
        var optionalSize = (plus ? 112 : 96) + 16 * 8;
        img.U16(coff + 16, optionalSize);
        img.U16(coff + 18, 0x2022);
        const int optional = coff + 20;
        img.U16(optional, plus ? 0x20B : 0x10B);
        img.U32(optional + (plus ? 108 : 92), 16);
        var directories = optional + (plus ? 112 : 96);
        const int sectionRva = 0x1000, sectionFile = 0x400, sectionSize = 0x400;
        var sections = optional + optionalSize;
        img.Raw(sections, ".edata\0\0"u8.ToArray());
        img.U32(sections + 8, sectionSize);
        img.U32(sections + 12, sectionRva);
        img.U32(sections + 16, sectionSize);
        img.U32(sections + 20, sectionFile);

        // Export directory at the start of the section, then the name pointer table, the ordinal table and the names.
        var namesTable = 40;
        var ordinals = namesTable + names.Count * 4;
        var strings = ordinals + names.Count * 2;
        img.U32(sectionFile + 12, sectionRva + strings); // the DLL's own name
        var at = strings;
        img.Raw(sectionFile + at, "test.dll\0"u8.ToArray());
        at += 9;
        img.U32(sectionFile + 16, 1);
        img.U32(sectionFile + 20, names.Count);
        img.U32(sectionFile + 24, names.Count);
        img.U32(sectionFile + 32, sectionRva + namesTable);
        img.U32(sectionFile + 36, sectionRva + ordinals);
        for (var i = 0; i < names.Count; i++)
        {
            img.U32(sectionFile + namesTable + i * 4, sectionRva + at);
            img.U16(sectionFile + ordinals + i * 2, i);
            var bytes = Encoding.ASCII.GetBytes(names[i] + "\0");
            img.Raw(sectionFile + at, bytes);
            at += bytes.Length;
        }
        img.Ensure(sectionFile + sectionSize);
        img.U32(directories, sectionRva);
        img.U32(directories + 4, at);
        return img.Bytes;
    }

    /// <summary>A 64-bit little-endian dylib whose LC_DYLD_INFO_ONLY export trie shares the "_" prefix: root → "_" → one edge per name.</summary>
    public static byte[] MachOTrie(IReadOnlyList<string> names)
    {
        var img = new Image(bigEndian: false);
        img.U32(0, 0xFEEDFACF);
        img.U32(4, 0x0100000C);
        img.U32(12, 6);
        img.U32(16, 1);
        img.U32(20, 48);
        const int command = 32;
        img.U32(command, 0x80000022);
        img.U32(command + 4, 48);

        // The trie, offsets relative to its start; all offsets fit one ULEB byte for these small tests.
        var trie = new List<byte> { 0x00, 0x01, (byte)'_', 0x00, 0x00 }; // root: not terminal, one child "_" at offset (patched)
        var node1 = trie.Count;
        trie[4] = (byte)node1;
        trie.Add(0x00);
        trie.Add((byte)names.Count);
        var patches = new List<int>();
        foreach (var name in names)
        {
            trie.AddRange(Encoding.UTF8.GetBytes(name));
            trie.Add(0);
            patches.Add(trie.Count);
            trie.Add(0x00);
        }
        for (var i = 0; i < names.Count; i++)
        {
            trie[patches[i]] = (byte)trie.Count;
            trie.AddRange([0x02, 0x00, (byte)(0x10 + i), 0x00]); // terminal: flags 0, address; no children
        }
        const int trieOffset = 128;
        img.Raw(trieOffset, [.. trie]);
        img.U32(command + 40, trieOffset);
        img.U32(command + 44, trie.Count);
        return img.Bytes;
    }

    /// <summary>A 32-bit big-endian dylib with only LC_SYMTAB: (name, n_type) entries.</summary>
    public static byte[] MachOSymtab(IReadOnlyList<(string Name, int Type)> symbols)
    {
        var img = new Image(bigEndian: true);
        img.U32(0, 0xFEEDFACE);
        img.U32(4, 18); // PowerPC
        img.U32(12, 6);
        img.U32(16, 1);
        img.U32(20, 24);
        const int command = 28;
        img.U32(command, 0x2);
        img.U32(command + 4, 24);
        const int symoff = 64;
        var strings = new MemoryStream();
        strings.WriteByte(0);
        for (var i = 0; i < symbols.Count; i++)
        {
            var at = symoff + i * 12;
            img.U32(at, strings.Length);
            img.U8(at + 4, symbols[i].Type);
            img.U8(at + 5, 1);
            img.U32(at + 8, 0x100 + i);
            strings.Write(Encoding.UTF8.GetBytes(symbols[i].Name));
            strings.WriteByte(0);
        }
        var stroff = symoff + symbols.Count * 12;
        img.Raw(stroff, strings.ToArray());
        img.U32(command + 8, symoff);
        img.U32(command + 12, symbols.Count);
        img.U32(command + 16, stroff);
        img.U32(command + 20, strings.Length);
        return img.Bytes;
    }

    /// <summary>A universal (fat) file of the given slices, each aligned to 4096.</summary>
    public static byte[] Fat(params byte[][] slices)
    {
        var img = new Image(bigEndian: true);
        img.U32(0, 0xCAFEBABE);
        img.U32(4, slices.Length);
        var offset = 4096;
        for (var i = 0; i < slices.Length; i++)
        {
            var at = 8 + i * 20;
            img.U32(at, 0x0100000C);
            img.U32(at + 8, offset);
            img.U32(at + 12, slices[i].Length);
            img.U32(at + 16, 12);
            img.Raw(offset, slices[i]);
            offset = (offset + slices[i].Length + 4095) & ~4095;
        }
        return img.Bytes;
    }
}
