using System.Text.Json;
using HybridLsp.Ide.Assists;
using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;

namespace HybridLsp.Server.Commands;

/// <summary>
/// `hybridLsp.wire` `[{ "project": CSPROJ, "module": FOLDER }]`: the MSBuild block that builds the module before the
/// project's .NET build (the engine's WireNativeBuild), sent as one versioned `workspace/applyEdit`. Both paths are
/// absolute or relative to the workspace root, inside it. What it writes runs on the next `dotnet build`: trusted
/// workspaces only.
/// </summary>
internal sealed class WireNativeBuildCommand : IServerCommand
{
    public string Name => "hybridLsp.wire";

    public bool RequiresTrust => true;

    public async Task<JsonElement?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Argument(0, LspJsonContext.Default.WireArguments);
        var project = Resolve(context, arguments.Project, "project");
        var module = Resolve(context, arguments.Module, "module");
        var analysis = context.Snapshot.Analysis;
        if (analysis.GetText(project) is not { } text)
            throw CommandContext.InvalidParams($"hybridLsp.wire: '{arguments.Project}' is not a project file of this workspace");
        var result = analysis.Wire(project, text, module, cancellationToken);
        WireCommandResult answer;
        if (result.Error is { } error)
            throw new StreamJsonRpc.LocalRpcException($"hybridLsp.wire: {error}") { ErrorCode = LspTarget.RequestFailedCode };
        if (!result.Changed)
            answer = new WireCommandResult(false, false, project, $"{Path.GetFileName(project)} already builds {Path.GetFileName(module)}");
        else if (await context.ApplyEditAsync($"Build {Path.GetFileName(module)} with dotnet build", [new FileEdit(project, result.Edits)], cancellationToken).ConfigureAwait(false))
            answer = new WireCommandResult(true, true, project, $"'dotnet build' of {Path.GetFileName(project)} now builds {Path.GetFileName(module)} first and copies its library next to the app");
        else
            answer = new WireCommandResult(false, true, project, "The client did not apply the edit");
        return JsonSerializer.SerializeToElement(answer, LspJsonContext.Default.WireCommandResult);
    }

    private static string Resolve(CommandContext context, string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw CommandContext.InvalidParams($"hybridLsp.wire needs a {what}");
        var root = context.Root;
        var full = Path.IsPathRooted(value) ? Path.GetFullPath(value)
            : root is not null ? Path.GetFullPath(Path.Combine(root, value))
            : throw CommandContext.InvalidParams($"hybridLsp.wire: a relative {what} path needs a workspace root");
        if (root is null || !WorkspaceBoundary.Allows(root, full, creates: false))
            throw CommandContext.InvalidParams($"hybridLsp.wire: the {what} '{value}' is outside the workspace");
        return full.Replace('\\', '/');
    }
}
