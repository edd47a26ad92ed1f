namespace HybridLsp.Syntax.Text;

/// <summary>A part of a file an extractor could not understand. Errors are data: extraction goes on after them.</summary>
public sealed record SyntaxError(TextSpan Span, string Message);
