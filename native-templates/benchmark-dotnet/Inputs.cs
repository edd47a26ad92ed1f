// Deterministic pseudo-random inputs (xorshift64*, fixed seeds): every run, and both sides, see the same data.
// Buffers ("data"): integers in [-1,000,000, 1,000,000] (unsigned: [0, 2,000,000]), bytes over their whole range,
// floating point in [-1000, 1000). Scalars: integers in [0, 1000), floating point in [0, 1000).
// Change the ranges here when your function expects other values.

internal static class Inputs
{
    public static T[] Data<T>(int count, int stream) where T : unmanaged => Fill<T>(GC.AllocateUninitializedArray<T>(count, pinned: true), stream, scalar: false);

    public static T[] Scalars<T>(int count, int stream) where T : unmanaged => Fill<T>(new T[count], stream, scalar: true);

    private static T[] Fill<T>(T[] array, int stream, bool scalar) where T : unmanaged
    {
        var state = 0x9E3779B97F4A7C15UL ^ (ulong)(stream + 1) * 0xBF58476D1CE4E5B9UL;
        for (var i = 0; i < array.Length; i++)
        {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            var bits = state * 0x2545F4914F6CDD1DUL;
            array[i] = Value<T>(bits, scalar);
        }
        return array;
    }

    private static T Value<T>(ulong bits, bool scalar) where T : unmanaged
    {
        var unit = (bits >> 11) * (1.0 / (1UL << 53));             // [0, 1)
        var small = (long)(bits % 1000);                             // [0, 1000)
        var signed = (long)(bits % 2_000_001) - 1_000_000;          // [-1e6, 1e6]
        object value = typeof(T) switch
        {
            var t when t == typeof(byte) => (byte)bits,
            var t when t == typeof(sbyte) => (sbyte)bits,
            var t when t == typeof(short) => scalar ? (short)small : (short)bits,
            var t when t == typeof(ushort) => scalar ? (ushort)small : (ushort)bits,
            var t when t == typeof(int) => scalar ? (int)small : (int)signed,
            var t when t == typeof(uint) => scalar ? (uint)small : (uint)(signed + 1_000_000),
            var t when t == typeof(long) => scalar ? small : signed,
            var t when t == typeof(ulong) => scalar ? (ulong)small : (ulong)(signed + 1_000_000),
            var t when t == typeof(nint) => scalar ? (nint)small : (nint)signed,
            var t when t == typeof(nuint) => scalar ? (nuint)small : (nuint)(signed + 1_000_000),
            var t when t == typeof(float) => scalar ? (float)(unit * 1000) : (float)(unit * 2000 - 1000),
            var t when t == typeof(double) => scalar ? unit * 1000 : unit * 2000 - 1000,
            var t when t == typeof(bool) => (bits & 1) != 0,
            var t when t == typeof(char) => (char)('a' + (int)(bits % 26)),
            _ => throw new NotSupportedException($"no input generator for {typeof(T)}"),
        };
        return (T)value;
    }
}
