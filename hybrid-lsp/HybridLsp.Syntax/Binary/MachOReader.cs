using System.Collections.Immutable;

namespace HybridLsp.Syntax.Binary;

/// <summary>
/// The names a Mach-O dynamic library exports: the export trie (LC_DYLD_INFO[_ONLY] or LC_DYLD_EXPORTS_TRIE) when
/// there is one, else the external defined symbols of LC_SYMTAB. 32- and 64-bit, both byte orders, and universal
/// (fat) files — a name counts when every architecture slice exports it. The leading underscore C compilers add is
/// removed. Never throws.
/// </summary>
public static class MachOReader
{
    private const uint Magic32 = 0xFEEDFACE, Magic64 = 0xFEEDFACF, Cigam32 = 0xCEFAEDFE, Cigam64 = 0xCFFAEDFE;
    private const uint FatMagic = 0xCAFEBABE, FatMagic64 = 0xCAFEBABF;
    private const uint LcSymtab = 0x2, LcDyldInfo = 0x22, LcDyldInfoOnly = 0x80000022, LcDyldExportsTrie = 0x80000033;
    private const int MaxSymbols = 4_000_000, MaxTrieNodes = 4_000_000, MaxSlices = 16;

    public static bool IsMachO(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8)
            return false;
        var be = new ByteReader(bytes, bigEndian: true);
        be.TryU32(0, out var magic);
        if (magic is Magic32 or Magic64 or Cigam32 or Cigam64)
            return true;
        // 0xCAFEBABE is also a Java class file, whose next word (the version) is far above any plausible slice count.
        return magic is FatMagic or FatMagic64 && be.TryU32(4, out var count) && count is > 0 and <= MaxSlices;
    }

    public static ExportTable Read(ReadOnlySpan<byte> bytes)
    {
        var be = new ByteReader(bytes, bigEndian: true);
        if (!be.TryU32(0, out var magic))
            return ExportTable.Failed(BinaryFormat.MachO, "not Mach-O", "too short");
        if (magic is not (FatMagic or FatMagic64))
            return ReadSlice(bytes);

        be.TryU32(4, out var count);
        if (count is 0 or > MaxSlices)
            return ExportTable.Failed(BinaryFormat.MachO, "universal binary", $"implausible architecture count {count}");
        var wide = magic == FatMagic64;
        ImmutableHashSet<string>? common = null;
        var descriptions = new List<string>();
        string? error = null;
        for (var i = 0; i < count; i++)
        {
            long entry = 8 + i * (wide ? 32L : 20L);
            ulong offset, size;
            var ok = wide ? be.TryU64(entry + 8, out offset) & be.TryU64(entry + 16, out size)
                          : Widen(ref be, entry + 8, out offset) & Widen(ref be, entry + 12, out size);
            if (!ok || offset > int.MaxValue || size > int.MaxValue || !be.Has((long)offset, (long)size))
                return ExportTable.Failed(BinaryFormat.MachO, "universal binary", $"architecture {i} lies outside the file");
            var slice = ReadSlice(bytes.Slice((int)offset, (int)size));
            descriptions.Add(slice.Description);
            error ??= slice.Error;
            common = common is null ? slice.Symbols : common.Intersect(slice.Symbols);
        }
        return new(BinaryFormat.MachO, $"universal binary [{string.Join(", ", descriptions)}]", common ?? [], error);
    }

    private static bool Widen(ref ByteReader r, long offset, out ulong value)
    {
        var ok = r.TryU32(offset, out var v);
        value = v;
        return ok;
    }

    private static ExportTable ReadSlice(ReadOnlySpan<byte> bytes)
    {
        var probe = new ByteReader(bytes, bigEndian: true);
        if (!probe.TryU32(0, out var magic) || magic is not (Magic32 or Magic64 or Cigam32 or Cigam64))
            return ExportTable.Failed(BinaryFormat.MachO, "not Mach-O", "no Mach-O magic number");
        var bigEndian = magic is Magic32 or Magic64;
        var wide = magic is Magic64 or Cigam64;
        var r = new ByteReader(bytes, bigEndian);
        r.TryU32(4, out var cpu);
        r.TryU32(12, out var fileType);
        r.TryU32(16, out var commandCount);
        r.TryU32(20, out var commandsSize);
        var description = $"Mach-O {(wide ? 64 : 32)}-bit {(fileType == 6 ? "dylib" : fileType == 8 ? "bundle" : $"file type {fileType}")} ({CpuName(cpu)})";

        long command = wide ? 32 : 28;
        var end = Math.Min(command + commandsSize, r.Length);
        long? trieOffset = null, trieSize = null;
        (long SymOff, long Count, long StrOff, long StrSize)? symtab = null;
        for (var i = 0; i < commandCount && command + 8 <= end; i++)
        {
            r.TryU32(command, out var cmd);
            r.TryU32(command + 4, out var size);
            if (size < 8 || command + size > end)
                return ExportTable.Failed(BinaryFormat.MachO, description, $"load command {i} is malformed");
            if (cmd is LcDyldInfo or LcDyldInfoOnly && size >= 48 && r.TryU32(command + 40, out var off) && r.TryU32(command + 44, out var sz) && sz > 0)
                (trieOffset, trieSize) = (off, sz);
            else if (cmd == LcDyldExportsTrie && size >= 16 && r.TryU32(command + 8, out var doff) && r.TryU32(command + 12, out var dsz) && dsz > 0)
                (trieOffset, trieSize) = (doff, dsz);
            else if (cmd == LcSymtab && size >= 24 && r.TryU32(command + 8, out var symoff) && r.TryU32(command + 12, out var nsyms)
                     && r.TryU32(command + 16, out var stroff) && r.TryU32(command + 20, out var strsize))
                symtab = (symoff, nsyms, stroff, strsize);
            command += size;
        }

        if (trieOffset is { } start && trieSize is { } length)
            return r.Has(start, length)
                ? ReadTrie(ref r, start, length, description)
                : ExportTable.Failed(BinaryFormat.MachO, description, "export trie out of bounds");
        if (symtab is { } s)
            return ReadSymtab(ref r, s.SymOff, s.Count, s.StrOff, s.StrSize, wide, description);
        return ExportTable.Failed(BinaryFormat.MachO, description, "neither an export trie nor a symbol table");
    }

    /// <summary>Walks the export trie iteratively: each node has terminal information (a symbol ends here) and edges whose labels concatenate to the name.</summary>
    private static ExportTable ReadTrie(ref ByteReader r, long start, long length, string description)
    {
        var symbols = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var limit = start + length;
        var visited = new HashSet<long>();
        var pending = new Stack<(long Node, string Prefix)>();
        pending.Push((start, ""));
        string? error = null;
        while (pending.Count > 0)
        {
            var (node, prefix) = pending.Pop();
            if (!visited.Add(node) || visited.Count > MaxTrieNodes)
            {
                error ??= "the export trie has a cycle or too many nodes";
                continue;
            }
            var at = node;
            if (!r.TryUleb(ref at, limit, out var terminalSize) || terminalSize > (ulong)length)
            {
                error ??= "a malformed export trie node";
                continue;
            }
            if (terminalSize > 0 && prefix.Length > 0)
                symbols.Add(Unprefix(prefix));
            at += (long)terminalSize;
            if (!r.TryU8(at, out var children) || at >= limit)
            {
                error ??= "a truncated export trie node";
                continue;
            }
            at++;
            for (var c = 0; c < children; c++)
            {
                var label = r.CString(at, limit, 4096);
                if (label is null)
                {
                    error ??= "an unterminated export trie edge";
                    break;
                }
                at += System.Text.Encoding.UTF8.GetByteCount(label) + 1;
                if (!r.TryUleb(ref at, limit, out var child) || child >= (ulong)length)
                {
                    error ??= "an export trie edge leads outside the trie";
                    break;
                }
                if (prefix.Length + label.Length <= 4096)
                    pending.Push((start + (long)child, prefix + label));
            }
        }
        return new(BinaryFormat.MachO, description, symbols.ToImmutable(), error);
    }

    private static ExportTable ReadSymtab(ref ByteReader r, long symOff, long count, long strOff, long strSize, bool wide, string description)
    {
        var entry = wide ? 16 : 12;
        if (!r.Has(symOff, Math.Min(count, MaxSymbols) * entry) || !r.Has(strOff, strSize))
            return ExportTable.Failed(BinaryFormat.MachO, description, "symbol table out of bounds");
        var symbols = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        for (long i = 0; i < Math.Min(count, MaxSymbols); i++)
        {
            var at = symOff + i * entry;
            r.TryU32(at, out var strx);
            r.TryU8(at + 4, out var type);
            // Not a debugging entry, external, not private external, defined in a section, absolute or indirect.
            if ((type & 0xE0) != 0 || (type & 0x01) == 0 || (type & 0x10) != 0 || (type & 0x0E) is not (0x0E or 0x02 or 0x0A))
                continue;
            if (r.CString(strOff + strx, strOff + strSize) is { Length: > 0 } name)
                symbols.Add(Unprefix(name));
        }
        return new(BinaryFormat.MachO, description, symbols.ToImmutable(), null);
    }

    private static string Unprefix(string name) => name.Length > 1 && name[0] == '_' ? name[1..] : name;

    private static string CpuName(uint cpu) => cpu switch
    {
        7 => "i386",
        0x01000007 => "x86_64",
        12 => "arm",
        0x0100000C => "arm64",
        0x0200000C => "arm64_32",
        _ => $"cpu 0x{cpu:X}",
    };
}
