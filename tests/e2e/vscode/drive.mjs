// Drives VS Code (code-server, already running with the HybridLsp .vsix installed) in Debian's headless chromium
// with playwright-core. Every wait is on a state, with a timeout. Prints "N passed, N failed" last.
//
// Environment: HL_URL (code-server base URL), HL_WORKSPACE (folder to open), HL_SHOTS (screenshot folder),
// HL_TIMEOUT_MS (longest wait for one state; default 90000), HL_BROWSER_PROFILE (an empty folder).
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const url = need("HL_URL");
const workspace = need("HL_WORKSPACE");
const shots = need("HL_SHOTS");
const profile = need("HL_BROWSER_PROFILE");
const timeout = Number(process.env.HL_TIMEOUT_MS || 90000);
mkdirSync(shots, { recursive: true });

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
    if (ok) { passed++; console.log(`PASS ${name}`); } else { failed++; console.log(`FAIL ${name}${detail ? `: ${detail}` : ""}`); }
    return ok;
}
function need(name) {
    const v = process.env[name];
    if (!v) { console.error(`drive: ${name} is not set`); process.exit(2); }
    return v;
}

const expectedCodes = ["HL1005", "HL1003", "HL1001", "HL1002", "HL1009"];

async function shot(page, name) {
    await page.screenshot({ path: join(shots, `${name}.png`) }).catch((e) => console.log(`  (screenshot ${name} failed: ${e.message})`));
}

/** Runs a command from the command palette (F1), waiting for its row before Enter. */
async function runCommand(page, title) {
    await page.keyboard.press("F1");
    const input = page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible", timeout });
    await input.fill(`>${title}`);
    await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor({ timeout });
    await page.keyboard.press("Enter");
}

/** Opens a workspace file through quick open (Ctrl+P), waiting for the matching row. */
async function openFile(page, relPath) {
    const name = relPath.split("/").pop();
    const input = page.locator(".quick-input-widget input");
    // Ctrl+P can be swallowed while a panel's input (the Problems filter) has the focus: then focus the editor
    // area and press it again.
    await page.keyboard.press("Control+P");
    if (!(await input.waitFor({ state: "visible", timeout: 5000 }).then(() => true, () => false))) {
        await page.locator(".editor-instance .monaco-editor .view-lines, .editor-group-container").first().click();
        await page.keyboard.press("Control+P");
    }
    await input.waitFor({ state: "visible", timeout });
    await input.fill(relPath);
    await page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first().waitFor({ timeout });
    await page.keyboard.press("Enter");
    await page.locator(".tabs-container .tab.active", { hasText: name }).waitFor({ timeout });
    await page.locator(".editor-instance .monaco-editor .view-lines").first().waitFor({ timeout });
}

/** Moves the cursor with Go to Line (Ctrl+G) "line:column", 1-based. */
async function goTo(page, line, column) {
    await page.keyboard.press("Control+G");
    const input = page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible", timeout });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press("Enter");
    await input.waitFor({ state: "hidden", timeout });
}

let browser;
try {
    browser = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.HL_CHROMIUM || "/usr/bin/chromium",
        headless: true,
        viewport: { width: 1600, height: 1000 },
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    });
    const page = browser.pages()[0] ?? await browser.newPage();
    page.setDefaultTimeout(timeout);

    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator(".monaco-workbench").waitFor({ timeout });
    check("workbench loads", true);

    // Opening a C# file activates the extension (onLanguage:csharp; workspaceContains:**/*.csproj too).
    await openFile(page, "app/BrokenBindings.cs");
    const ready = page.locator('.statusbar-item [aria-label="HybridLsp: ready"], .statusbar-item[aria-label="HybridLsp: ready"]');
    const readyOk = await ready.first().waitFor({ timeout }).then(() => true, () => false);
    const statusText = await page.locator(".statusbar").innerText().catch(() => "");
    check("status bar shows HybridLsp ready", readyOk, `status bar: ${statusText.replace(/\s+/g, " ").slice(0, 300)}`);
    await shot(page, "1-ready");

    // The workspace opens untrusted (restricted mode): the server is told so and says it in its status message,
    // which the item's tooltip shows. Granting trust restarts the server with workspaceTrusted: true.
    //
    // Hovers the item until its tooltip satisfies `want` (the status changes asynchronously), up to `timeout`.
    const tooltipUntil = async (want) => {
        const deadline = Date.now() + timeout;
        let text = "";
        while (Date.now() < deadline) {
            await page.mouse.move(800, 300);
            await ready.first().hover({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
            const hover = page.locator(".monaco-hover, .workbench-hover").filter({ hasText: "click to show the log" });
            text = await hover.first().innerText({ timeout: 3000 }).catch(() => "");
            if (want(text)) return text;
        }
        return text;
    };
    const isUntrusted = (t) => t.includes("(untrusted workspace");
    const isTrusted = (t) => t.includes("(trusted workspace") && !t.includes("untrusted");
    let tip = await tooltipUntil(isUntrusted);
    check("untrusted workspace: the server got workspaceTrusted: false", isUntrusted(tip), `tooltip: ${tip.slice(0, 200)}`);
    await page.mouse.move(800, 300);

    await runCommand(page, "Workspaces: Manage Workspace Trust");
    const trustButton = page.locator(".workspace-trust-editor .workspace-trust-buttons-row .monaco-button", { hasText: /^Trust$/ });
    await trustButton.first().click({ timeout });
    const dialogTrust = page.locator(".monaco-dialog-box .monaco-button", { hasText: /^Trust/ });
    if (await dialogTrust.first().isVisible().catch(() => false)) await dialogTrust.first().click();
    await shot(page, "1b-trusted");
    // The restart goes through "starting", then "ready" again with the new trust state.
    tip = await tooltipUntil(isTrusted);
    check("granting trust restarts the server with workspaceTrusted: true",
        isTrusted(tip), `tooltip: ${tip.slice(0, 200)}`);
    await page.keyboard.press("Escape");
    await page.mouse.move(800, 300);

    // Check Workspace: re-index, then the Problems panel.
    await runCommand(page, "HybridLsp: Check Workspace");
    const markers = page.locator(".markers-panel");
    await markers.waitFor({ timeout });
    for (const code of expectedCodes) {
        const ok = await markers.locator(".monaco-list-row", { hasText: code }).first().waitFor({ timeout }).then(() => true, () => false);
        check(`Problems panel lists ${code}`, ok);
    }
    await shot(page, "2-problems");

    // F12 on the C# extern Add (found in NativeMethods.cs) opens the Rust function in lib.rs.
    await openFile(page, "app/NativeMethods.cs");
    await page.keyboard.press("Escape");
    const addLine = page.locator(".view-line", { hasText: "internal static partial int Add(int a, int b);" });
    await addLine.first().waitFor({ timeout });
    const lines = readFileSync(join(workspace, "app", "NativeMethods.cs"), "utf8").split("\n");
    const addAt = lines.findIndex((l) => l.includes("partial int Add("));
    await goTo(page, addAt + 1, lines[addAt].indexOf("Add(") + 2); // 1-based, inside the identifier
    await page.keyboard.press("F12");
    const libTab = page.locator(".tabs-container .tab.active", { hasText: "lib.rs" });
    const jumped = await libTab.waitFor({ timeout }).then(() => true, () => false);
    check("F12 on C# Add opens lib.rs", jumped);
    if (jumped) {
        const onFn = await page.locator(".view-line", { hasText: 'pub extern "C" fn fm_add(a: i32, b: i32) -> i32' })
            .first().waitFor({ timeout }).then(() => true, () => false);
        check("lib.rs shows fn fm_add", onFn);
    }
    await shot(page, "3-definition");

    // Light bulb: Ctrl+. on the HL1005 diagnostic of fm_is_even, apply the MarshalAs fix, the diagnostic goes away.
    const markersFilter = page.locator(".markers-panel-container .viewpane-filter input, .panel .viewpane-filter input").first();
    const hl1005Row = markers.locator(".monaco-list-row", { hasText: "HL1005" });
    // The Problems panel is still open from Check Workspace; its filter narrows it to this one finding (both sides).
    await markersFilter.waitFor({ timeout });
    await markersFilter.fill("fm_is_even");
    const before = await hl1005Row.first().waitFor({ timeout }).then(() => true, () => false);
    check("Problems panel shows HL1005 on fm_is_even before the fix", before);
    await page.locator(".editor-instance .monaco-editor .view-lines").first().click();
    await openFile(page, "app/BrokenBindings.cs");
    const brokenLines = readFileSync(join(workspace, "app", "BrokenBindings.cs"), "utf8").split("\n");
    const evenAt = brokenLines.findIndex((l) => l.includes("static extern bool fm_is_even("));
    await goTo(page, evenAt + 1, brokenLines[evenAt].indexOf("bool") + 2);
    await page.keyboard.press("Control+Period");
    const fix = page.locator(".action-widget .monaco-list-row", { hasText: "Add [return: MarshalAs(UnmanagedType.U1)]" });
    const offered = await fix.first().waitFor({ timeout }).then(() => true, () => false);
    check("Ctrl+. offers 'Add [return: MarshalAs(UnmanagedType.U1)]'", offered);
    await shot(page, "4-quick-fix");
    if (offered) {
        // The preferred fix is the widget's first, focused row: Enter applies it (a mouse click on the widget's rows
        // timed out in headless Chromium). Should another row have the focus, the arrow keys move it there.
        const focusedFix = page.locator(".action-widget .monaco-list-row.focused", { hasText: "Add [return: MarshalAs(UnmanagedType.U1)]" });
        for (let i = 0; i < 4 && !(await focusedFix.first().isVisible()); i++) await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Enter");
        // (The comment above the declaration already mentions the attribute: look for the attribute list itself.)
        const edited = await page.locator(".view-line", { hasText: '[DllImport("fastmath")] [return: MarshalAs(UnmanagedType.U1)]' })
            .first().waitFor({ timeout }).then(() => true, () => false);
        check("the fix inserts [return: MarshalAs(UnmanagedType.U1)]", edited);
        const gone = await hl1005Row.first().waitFor({ state: "detached", timeout }).then(() => true, () => false);
        check("the HL1005 diagnostic disappears after the fix", gone);
        await shot(page, "5-fixed");
    }
    await markersFilter.fill("");

    // Build Native Module: the client lists the demo's two native modules (found from Cargo.toml/CMakeLists.txt).
    await runCommand(page, "HybridLsp: Build Native Module");
    const buildPick = page.locator(".quick-input-widget");
    const lists = await Promise.all(["native/fastmath", "native/imageops"].map((m) =>
        buildPick.locator(".quick-input-list .monaco-list-row", { hasText: m }).first().waitFor({ timeout }).then(() => true, () => false)));
    check("Build Native Module offers native/fastmath and native/imageops", lists.every(Boolean));
    await shot(page, "6-build-pick");
    await page.keyboard.press("Escape");

    // Bind Exports: the library pick, then hybridLsp.bindAll through workspace/executeCommand; the server's one-line
    // result ("Bound the unbound exports of 'fastmath' in …" or "Nothing to bind for 'fastmath': …") is shown.
    await runCommand(page, "HybridLsp: Bind Exports");
    const libRow = (name) => page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first();
    const libsOk = await libRow("fastmath").waitFor({ timeout }).then(() => true, () => false)
        && await libRow("imageops").isVisible();
    check("Bind Exports offers the libraries fastmath and imageops", libsOk);
    if (libsOk) {
        await page.locator(".quick-input-widget input").fill("fastmath");
        await libRow("Rust crate in native/fastmath").waitFor({ timeout });
        await page.keyboard.press("Enter");
        const toast = page.locator(".notification-toast", { hasText: /HybridLsp: (Bound the unbound exports of 'fastmath'|Nothing to bind for 'fastmath')/ });
        const answered = await toast.first().waitFor({ timeout }).then(() => true, () => false);
        const toasts = await page.locator(".notification-toast").allInnerTexts().catch(() => []);
        check("Bind Exports runs hybridLsp.bindAll on the server and shows its result", answered, toasts.join(" | ").slice(0, 300));
        await shot(page, "6b-bind-exports");
    } else {
        await page.keyboard.press("Escape");
    }

    // Extract to Native: the guided flow in a real VS Code, cancelled before anything is sent to the server.
    await openFile(page, "app/Program.cs");
    const programLines = readFileSync(join(workspace, "app", "Program.cs"), "utf8").split("\n");
    const showAt = programLines.findIndex((l) => l.includes("static void Show("));
    await goTo(page, showAt + 1, programLines[showAt].indexOf("Console") + 2);
    await runCommand(page, "HybridLsp: Extract to Native");
    const row = (text) => page.locator(".quick-input-list .monaco-list-row", { hasText: text }).first();
    const quickInput = page.locator(".quick-input-widget input");
    // Chooses a quick pick row by typing its label into the filter, then Enter (the first match is the one).
    const choose = async (label) => {
        await row(label).waitFor({ timeout });
        await quickInput.fill(label);
        await row(label).waitFor({ timeout });
        await page.keyboard.press("Enter");
    };
    // Each question's title ends in its step, "(1/3)" …; waiting for it keeps the palette's own row (whose title
    // mentions Rust and C++ too) out of the way.
    const step = (n) => page.locator(".quick-input-widget .quick-input-title", { hasText: `(${n}/3)` }).first()
        .waitFor({ timeout }).then(() => true, () => false);
    let flowOk = await step(1) && await row("Rust").waitFor({ timeout }).then(() => true, () => false)
        && await row("C++").isVisible();
    if (flowOk) {
        await choose("Rust");
        flowOk = await step(2) && await row("native/fastmath").waitFor({ timeout }).then(() => true, () => false)
            && await row("New Rust crate").isVisible() && !(await row("native/imageops").isVisible());
    }
    if (flowOk) {
        await choose("native/fastmath");
        await step(3);
        await page.locator(".quick-input-widget", { hasText: "Name of the exported Rust function" }).waitFor({ timeout });
        flowOk = (await quickInput.inputValue()) === "show";
    }
    check("Extract to Native asks Rust/C++, then the crate (Rust crates only), then the name (default 'show')", flowOk);
    await shot(page, "7-extract-flow");
    await page.keyboard.press("Escape");

    // The walkthrough is contributed, and its first step is done: the demo has a crate.
    await runCommand(page, "Welcome: Open Walkthrough...");
    await choose("Your first native function");
    const steps = page.locator(".getting-started-step");
    const titles = ["Create a crate", "Extract a method to native code", "Build the native module", "Benchmark managed vs native"];
    const shown = await Promise.all(titles.map((t) => steps.filter({ hasText: t }).first().waitFor({ timeout }).then(() => true, () => false)));
    check("the walkthrough shows its four steps", shown.every(Boolean), titles.filter((_, i) => !shown[i]).join(", "));
    const createDone = await steps.filter({ hasText: "Create a crate" }).locator(".codicon-getting-started-step-checked")
        .first().waitFor({ timeout: Math.min(timeout, 20000) }).then(() => true, () => false);
    check("the walkthrough's 'Create a crate' step is done in a workspace with a crate", createDone);
    await shot(page, "8-walkthrough");
} catch (e) {
    check("the drive ran to the end", false, e instanceof Error ? e.message.split("\n")[0] : String(e));
    if (browser) {
        const page = browser.pages()[0];
        if (page) await shot(page, "failure");
    }
} finally {
    await browser?.close().catch(() => undefined);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
