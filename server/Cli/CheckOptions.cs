namespace HybridLsp.Server.Cli;

public sealed record CheckOptions(string Directory, string Format, string? Targets, string? Config, string FailOn);
