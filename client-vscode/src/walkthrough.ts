// The "Your first native function" walkthrough (package.json `contributes.walkthroughs`): ids the client needs to
// complete its first step. No 'vscode' import, so the unit tests can check them against the manifest.

export const walkthroughId = "firstNativeFunction";
export const createCrateStepId = "createCrate";

/** Context key that is true while the workspace has a native module (Cargo.toml or CMakeLists.txt). */
export const hasNativeModuleContext = "hybridLsp.hasNativeModule";

/**
 * VS Code's command that marks a walkthrough step done (the "Mark Done" action of the Welcome page). It stores
 * the state under the step's full id even when the walkthrough is not registered yet.
 */
export const markStepCompleteCommand = "welcome.markStepComplete";

/** The id VS Code gives an extension's walkthrough step: `publisher.name#walkthrough#step`. */
export function walkthroughStepId(extensionId: string, walkthrough: string, step: string): string {
    return `${extensionId}#${walkthrough}#${step}`;
}
