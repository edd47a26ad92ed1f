namespace HybridLsp.Semantics.Rules;

public enum RuleSeverity { Off, Hint, Info, Warning, Error }

/// <summary>A rule of the catalogue (DESIGN §5): stable code, kebab-case name, default severity, one-line summary.</summary>
public sealed record RuleDescriptor(string Code, string Name, RuleSeverity DefaultSeverity, string Summary);
