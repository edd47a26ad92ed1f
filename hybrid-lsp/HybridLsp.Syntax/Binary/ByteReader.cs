using System.Buffers.Binary;
using System.Text;

namespace HybridLsp.Syntax.Binary;

/// <summary>
/// Bounds-checked reads of a byte image with a fixed endianness. Every offset comes from the file, so every read is
/// checked with 64-bit arithmetic and answers "no" instead of throwing; lengths are never trusted.
/// </summary>
internal readonly ref struct ByteReader(ReadOnlySpan<byte> bytes, bool bigEndian)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    public int Length => _bytes.Length;

    public bool BigEndian => bigEndian;

    public bool Has(long offset, long count) => offset >= 0 && count >= 0 && offset <= _bytes.Length && count <= _bytes.Length - offset;

    public bool TryU8(long offset, out byte value)
    {
        value = Has(offset, 1) ? _bytes[(int)offset] : (byte)0;
        return Has(offset, 1);
    }

    public bool TryU16(long offset, out ushort value)
    {
        value = 0;
        if (!Has(offset, 2))
            return false;
        var span = _bytes.Slice((int)offset, 2);
        value = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);
        return true;
    }

    public bool TryU32(long offset, out uint value)
    {
        value = 0;
        if (!Has(offset, 4))
            return false;
        var span = _bytes.Slice((int)offset, 4);
        value = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
        return true;
    }

    public bool TryU64(long offset, out ulong value)
    {
        value = 0;
        if (!Has(offset, 8))
            return false;
        var span = _bytes.Slice((int)offset, 8);
        value = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(span) : BinaryPrimitives.ReadUInt64LittleEndian(span);
        return true;
    }

    /// <summary>A 32- or 64-bit word, widened.</summary>
    public bool TryWord(long offset, bool is64, out ulong value)
    {
        if (is64)
            return TryU64(offset, out value);
        var ok = TryU32(offset, out var v32);
        value = v32;
        return ok;
    }

    /// <summary>A NUL-terminated string starting at <paramref name="offset"/> that ends before <paramref name="limit"/>
    /// (exclusive, clamped to the image); null when it does not end there.</summary>
    public string? CString(long offset, long limit, int maxLength = 4096)
    {
        limit = Math.Min(limit, _bytes.Length);
        if (offset < 0 || offset >= limit)
            return null;
        var available = _bytes.Slice((int)offset, (int)Math.Min(limit - offset, maxLength + 1L));
        var end = available.IndexOf((byte)0);
        return end < 0 ? null : Encoding.UTF8.GetString(available[..end]);
    }

    /// <summary>An unsigned LEB128 number; advances <paramref name="offset"/>. False when it runs off <paramref name="limit"/> or overflows 64 bits.</summary>
    public bool TryUleb(ref long offset, long limit, out ulong value)
    {
        value = 0;
        limit = Math.Min(limit, _bytes.Length);
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (offset < 0 || offset >= limit)
                return false;
            var b = _bytes[(int)offset++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return shift < 63 || (b & 0x7E) == 0;
        }
        return false;
    }
}
