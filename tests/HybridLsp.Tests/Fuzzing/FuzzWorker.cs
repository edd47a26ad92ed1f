using System.Diagnostics;

namespace HybridLsp.Tests.Fuzzing;

/// <summary>
/// Runs one input at a time on a dedicated background thread, so a hang can be detected (the caller stops waiting
/// after the time limit; the stuck thread is abandoned and the run fails) and the allocations of one parse can be
/// measured exactly (<see cref="GC.GetAllocatedBytesForCurrentThread"/> on that thread).
/// </summary>
internal sealed class FuzzWorker : IDisposable
{
    private readonly Thread _thread;
    private readonly SemaphoreSlim _go = new(0);
    private readonly SemaphoreSlim _done = new(0);
    private Func<object?>? _work;
    private (Exception? Error, TimeSpan Elapsed, long Allocated) _outcome;
    private volatile bool _stopped;
    private bool _stuck;

    public FuzzWorker()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "fuzz worker" };
        _thread.Start();
    }

    /// <summary>The parse's exception (null when none), time and allocated bytes; null when it did not finish in time.</summary>
    public (Exception? Error, TimeSpan Elapsed, long Allocated)? Run(Func<object?> work, TimeSpan timeLimit)
    {
        if (_stuck)
            throw new InvalidOperationException("the worker is stuck in an earlier input");
        _work = work;
        _go.Release();
        if (!_done.Wait(timeLimit))
        {
            _stuck = true;
            return null;
        }
        return _outcome;
    }

    private void Loop()
    {
        while (true)
        {
            _go.Wait();
            if (_stopped)
                return;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            Exception? error = null;
            try
            {
                GC.KeepAlive(_work!());
            }
            catch (Exception e)
            {
                error = e;
            }
            _outcome = (error, Stopwatch.GetElapsedTime(started), GC.GetAllocatedBytesForCurrentThread() - before);
            _done.Release();
        }
    }

    public void Dispose()
    {
        _stopped = true;
        if (!_stuck)
        {
            _go.Release();
            _thread.Join();
        }
    }
}
