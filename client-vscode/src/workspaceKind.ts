// Whether a workspace is "hybrid": a .NET project plus a Cargo crate or a CMake project. No 'vscode' import.

export interface WorkspaceFinds {
    readonly csproj: boolean;
    readonly cargoToml: boolean;
    readonly cmakeLists: boolean;
}

export function isHybridWorkspace(f: WorkspaceFinds): boolean {
    return f.csproj && (f.cargoToml || f.cmakeLists);
}

/** Folders never searched for project files (build output, dependencies). */
export const excludedFolders = "**/{node_modules,target,bin,obj,.git}/**";

export function notHybridReason(f: WorkspaceFinds): string {
    if (!f.csproj) return "No .csproj in this workspace, so HybridLsp is idle. Run 'HybridLsp: Restart Server' to start it anyway.";
    return "No Cargo.toml or CMakeLists.txt next to the .csproj, so HybridLsp is idle. Run 'HybridLsp: Restart Server' to start it anyway.";
}
