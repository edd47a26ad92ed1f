using System.Collections.Immutable;
using HybridLsp.Semantics.Config;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide;

internal sealed partial class WorkspaceState
{
    /// <summary>
    /// Every file of a snapshot by the kind of input it is: C# and Rust sources (Rust files over max-file-size apart, read
    /// only when a module tree names them), .csproj projects, Cargo manifests, C/C++ sources and headers, CMake files,
    /// build-tree files, and files skipped with a reason; plus the parse errors of projects and manifests. A later state
    /// with the same configuration sorts only the files that changed (<see cref="Update"/>).
    /// </summary>
    private sealed record FileKinds(
        ImmutableDictionary<string, FileState> CSharp,
        ImmutableDictionary<string, FileState> Rust,
        ImmutableDictionary<string, FileState> LargeRust,
        ImmutableDictionary<string, ProjectFile> Projects,
        ImmutableDictionary<string, ManifestFile> Manifests,
        ImmutableDictionary<string, ImmutableArray<SyntaxError>> ProjectErrors,
        ImmutableDictionary<string, string> CFiles,
        ImmutableDictionary<string, string> CMakeFiles,
        ImmutableDictionary<string, string> BuildTreeFiles,
        ImmutableDictionary<string, SkippedFile> Skipped)
    {
        private static readonly ImmutableDictionary<string, FileState> s_noFiles = ImmutableDictionary.Create<string, FileState>(StringComparer.Ordinal);
        private static readonly ImmutableDictionary<string, string> s_noTexts = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);

        private static readonly FileKinds s_empty = new(s_noFiles, s_noFiles, s_noFiles,
            ImmutableDictionary.Create<string, ProjectFile>(StringComparer.Ordinal), ImmutableDictionary.Create<string, ManifestFile>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, ImmutableArray<SyntaxError>>(StringComparer.Ordinal), s_noTexts, s_noTexts, s_noTexts,
            ImmutableDictionary.Create<string, SkippedFile>(StringComparer.Ordinal));

        public static FileKinds Of(ImmutableDictionary<string, FileState> files, HybridConfig config, Func<string, bool> excluded)
        {
            var builder = new Builder(s_empty);
            foreach (var (path, file) in files)
                builder.Add(path, file, config, excluded);
            return builder.ToImmutable();
        }

        /// <summary>These kinds with the <paramref name="changed"/> paths sorted again (the configuration is the same).</summary>
        public FileKinds Update(ImmutableDictionary<string, FileState> files, ImmutableHashSet<string> changed, HybridConfig config, Func<string, bool> excluded)
        {
            var builder = new Builder(this);
            foreach (var path in changed)
            {
                builder.Remove(path);
                if (files.TryGetValue(path, out var file))
                    builder.Add(path, file, config, excluded);
            }
            return builder.ToImmutable();
        }

        private sealed class Builder(FileKinds from)
        {
            private readonly ImmutableDictionary<string, FileState>.Builder _csharp = from.CSharp.ToBuilder();
            private readonly ImmutableDictionary<string, FileState>.Builder _rust = from.Rust.ToBuilder();
            private readonly ImmutableDictionary<string, FileState>.Builder _largeRust = from.LargeRust.ToBuilder();
            private readonly ImmutableDictionary<string, ProjectFile>.Builder _projects = from.Projects.ToBuilder();
            private readonly ImmutableDictionary<string, ManifestFile>.Builder _manifests = from.Manifests.ToBuilder();
            private readonly ImmutableDictionary<string, ImmutableArray<SyntaxError>>.Builder _errors = from.ProjectErrors.ToBuilder();
            private readonly ImmutableDictionary<string, string>.Builder _cFiles = from.CFiles.ToBuilder();
            private readonly ImmutableDictionary<string, string>.Builder _cmakeFiles = from.CMakeFiles.ToBuilder();
            private readonly ImmutableDictionary<string, string>.Builder _buildTreeFiles = from.BuildTreeFiles.ToBuilder();
            private readonly ImmutableDictionary<string, SkippedFile>.Builder _skipped = from.Skipped.ToBuilder();

            public void Remove(string path)
            {
                _csharp.Remove(path);
                _rust.Remove(path);
                _largeRust.Remove(path);
                _projects.Remove(path);
                _manifests.Remove(path);
                _errors.Remove(path);
                _cFiles.Remove(path);
                _cmakeFiles.Remove(path);
                _buildTreeFiles.Remove(path);
                _skipped.Remove(path);
            }

            public void Add(string path, FileState file, HybridConfig config, Func<string, bool> excluded)
            {
                if (excluded(path))
                    return;
                var name = PathUtil.FileName(path);
                if (file.Text is null)
                {
                    if (file.Change.UnreadableReason is { } reason)
                        _skipped[path] = new SkippedFile(path, reason);
                    return;
                }
                var tooLarge = !file.Change.IsOpen && file.Text.Length > config.MaxFileSize;
                if (path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                {
                    var project = file.CsProject();
                    _projects[path] = new ProjectFile(path, project);
                    if (!project.Errors.IsEmpty)
                        _errors[path] = project.Errors;
                }
                else if (name == "Cargo.toml")
                {
                    var manifest = file.CargoManifest();
                    _manifests[path] = new ManifestFile(path, manifest);
                    if (!manifest.Errors.IsEmpty)
                        _errors[path] = manifest.Errors;
                }
                else if (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                {
                    if (tooLarge)
                        _skipped[path] = new SkippedFile(path, $"larger than max-file-size ({Megabytes(file.Text.Length)} > {Megabytes(config.MaxFileSize)})");
                    else
                        _csharp[path] = file;
                }
                else if (path.EndsWith(".rs", StringComparison.Ordinal))
                {
                    if (tooLarge)
                        _largeRust[path] = file;
                    else
                        _rust[path] = file;
                }
                else if (name == "CMakeLists.txt" || name.EndsWith(".cmake", StringComparison.Ordinal))
                {
                    _cmakeFiles[path] = file.Text;
                }
                else if (Syntax.CMake.CMakeBuildTree.IsBuildTreeFile(path))
                {
                    // A build tree's compile_commands.json and File API reply: read whatever their size, like headers.
                    _buildTreeFiles[path] = file.Text;
                }
                else if (CLibraryBuilder.IsCFamily(path))
                {
                    // Headers over max-file-size are still read: generated API headers are large, and libclang reads them anyway.
                    _cFiles[path] = file.Text;
                }
            }

            public FileKinds ToImmutable() => new(_csharp.ToImmutable(), _rust.ToImmutable(), _largeRust.ToImmutable(), _projects.ToImmutable(),
                _manifests.ToImmutable(), _errors.ToImmutable(), _cFiles.ToImmutable(), _cmakeFiles.ToImmutable(), _buildTreeFiles.ToImmutable(),
                _skipped.ToImmutable());
        }
    }
}
