using System.Collections.Immutable;
using System.Diagnostics;

namespace HybridLsp.Semantics.Binding;

/// <summary>
/// Wall-clock time of each phase of one snapshot build, in order (for the `phases` micro benchmark and debug logging):
/// a Stopwatch timestamp per phase boundary; no IO, and cheap enough to run on every build.
/// </summary>
public sealed class PhaseTimes
{
    private readonly List<(string Phase, double Ms)> _phases = [];
    private long _last = Stopwatch.GetTimestamp();

    /// <summary>Ends the phase that ran since the previous mark (or since creation).</summary>
    public void Mark(string phase)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_phases)
            _phases.Add((phase, Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds));
        _last = now;
    }

    public ImmutableArray<(string Phase, double Ms)> ToImmutable()
    {
        lock (_phases)
            return [.. _phases];
    }
}
