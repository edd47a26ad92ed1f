using HybridLsp.Syntax.Rust;

namespace HybridLsp.Tests.Syntax.Rust;

public sealed class RustLiteralsTests
{
    [Theory]
    [InlineData("42", 42L)]
    [InlineData("1_000_000", 1_000_000L)]
    [InlineData("0x10_i32", 16L)]
    [InlineData("0xFFu8", 255L)]
    [InlineData("0o17", 15L)]
    [InlineData("0b1010u8", 10L)]
    [InlineData("7usize", 7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("9223372036854775808", null)]
    [InlineData("0xFFFF_FFFF_FFFF_FFFF", null)]
    [InlineData("99999999999999999999999", null)]
    [InlineData("0b102", null)]
    [InlineData("_", null)]
    public void Integers(string text, long? expected) => Assert.Equal(expected, RustLiterals.ParseInteger(text));

    [Fact]
    public void Negated_integers()
    {
        Assert.Equal(-5L, RustLiterals.ParseInteger("5", negate: true));
        Assert.Equal(long.MinValue, RustLiterals.ParseInteger("9223372036854775808", negate: true));
        Assert.Null(RustLiterals.ParseInteger("9223372036854775809", negate: true));
    }

    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"a\\nb\\t\\\\\\\"\"", "a\nb\t\\\"")]
    [InlineData("\"\\x41\\u{1F600}\"", "A\U0001F600")]
    [InlineData("r\"C:\\path\"", "C:\\path")]
    [InlineData("r##\"x\"#y\"##", "x\"#y")]
    [InlineData("b\"bytes\"", "bytes")]
    [InlineData("c\"cstr\"", "cstr")]
    [InlineData("br#\"raw\"#", "raw")]
    [InlineData("\"line \\\n    continued\"", "line continued")]
    [InlineData("\"unterminated", "unterminated")]
    [InlineData("\"bad \\q escape\"", "bad \\q escape")]
    public void Strings(string text, string expected) => Assert.Equal(expected, RustLiterals.ParseString(text));
}
