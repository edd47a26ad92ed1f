// Levels for the server's stderr lines in the log output channel. No 'vscode' import.
//
// The server logs with Serilog to stderr as "HH:mm:ss.fff [INF] Source: message". vscode-languageclient would
// log every stderr line as an error; this keeps the server's own level. Lines without a level tag are errors
// (the dotnet host's "You must install .NET", an unhandled exception), except indented continuation lines
// (stack frames), which keep the level of the line they continue.

export type LogLevel = "trace" | "debug" | "info" | "warn" | "error";

const levels: Readonly<Record<string, LogLevel>> = {
    VRB: "trace", DBG: "debug", INF: "info", WRN: "warn", ERR: "error", FTL: "error",
};

const tagged = /^\d{2}:\d{2}:\d{2}(?:\.\d+)? \[(VRB|DBG|INF|WRN|ERR|FTL)\] ?/;

export class StderrClassifier {
    private previous: LogLevel = "error";

    /** The level of one stderr line, and its text without the server's own time and level (the channel adds them). */
    classify(line: string): { level: LogLevel; text: string } {
        const m = tagged.exec(line);
        if (m !== null) {
            this.previous = levels[m[1]!]!;
            return { level: this.previous, text: line.slice(m[0].length) };
        }
        if (/^\s/.test(line) && line.trim().length > 0) return { level: this.previous, text: line };
        this.previous = "error";
        return { level: "error", text: line };
    }
}
