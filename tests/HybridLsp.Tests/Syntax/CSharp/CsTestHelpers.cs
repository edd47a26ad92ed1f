using System.Collections.Immutable;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Tests.Syntax.CSharp;

internal static class CsTestHelpers
{
    public static CsFileSyntax Extract(string text, params string[] symbols) =>
        CsExtractor.Extract(text, new CsExtractOptions(symbols.ToImmutableArray()));

    public static CsExternMethod Single(string text, params string[] symbols) => Assert.Single(Extract(text, symbols).Externs);

    public static string At(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    public static CsParameter Param(string parameterDeclaration, string usings = "") =>
        Assert.Single(Single(usings + "static class N { [DllImport(\"x\")] static extern void F(" + parameterDeclaration + "); }").Parameters);

    public static CsType ParamType(string type) => Param(type + " p").Type;
}
