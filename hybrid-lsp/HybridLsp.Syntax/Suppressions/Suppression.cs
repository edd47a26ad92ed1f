using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.Suppressions;

/// <summary>
/// One rule code named by a suppression in source text: a `// hybrid-lsp: allow(HLnnnn)` comment (Rust, C, C++) or a
/// `#pragma warning disable HLnnnn` directive (C#). <see cref="CodeSpan"/> is the code as written (where an unused
/// suppression is reported); <see cref="Scope"/> is the text it applies to: for a comment, from the comment to the start
/// of the code line below its run of comment lines (the item it sits above starts there); for a pragma, from the
/// directive to the `restore` of that code or the end of the file.
/// </summary>
/// <param name="DirectiveSpan">The whole comment line or directive (trimmed).</param>
/// <param name="Target">For a comment: the offset of the first code line below it (-1 when a blank line or the end of the file comes first); for a pragma: the end of its scope.</param>
public sealed record Suppression(string Code, TextSpan CodeSpan, TextSpan DirectiveSpan, TextSpan Scope, int Target);
