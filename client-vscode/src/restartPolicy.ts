// Bounded restart after a crash: at most `maxRestarts` within `windowMs`. No 'vscode' import.

export class RestartBudget {
    private readonly restarts: number[] = [];

    constructor(
        readonly maxRestarts = 5,
        readonly windowMs = 3 * 60 * 1000,
        private readonly now: () => number = Date.now,
    ) {}

    /** Records a crash. True when a restart is still within the budget (and counts it), false when spent. */
    tryRestart(): boolean {
        const t = this.now();
        while (this.restarts.length > 0 && t - this.restarts[0]! >= this.windowMs) this.restarts.shift();
        if (this.restarts.length >= this.maxRestarts) return false;
        this.restarts.push(t);
        return true;
    }

    /** Forgets past crashes (after a restart the user asked for). */
    reset(): void {
        this.restarts.length = 0;
    }
}
