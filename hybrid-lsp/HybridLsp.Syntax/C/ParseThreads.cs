using System.Collections.Concurrent;

namespace HybridLsp.Syntax.C;

/// <summary>
/// The threads libclang parses on: each with a stack big enough for clang's recursion on deep input, kept for the next
/// parse instead of started per parse (a header edit re-parses a few small skeletons, where starting a thread was a good
/// part of the wait). A parse never waits for a thread: when none is idle, a new one starts; an idle thread ends after a
/// minute without work, so an abandoned (timed-out) parse holds only its own thread.
/// </summary>
internal static class ParseThreads
{
    private const int StackBytes = 16 * 1024 * 1024;
    private static readonly TimeSpan s_idleLifetime = TimeSpan.FromMinutes(1);
    private static readonly ConcurrentBag<Worker> s_idle = [];

    /// <summary>Runs <paramref name="work"/> on an idle parse thread, or on a new one.</summary>
    public static void Run(Action work)
    {
        while (s_idle.TryTake(out var worker))
        {
            if (worker.TryAssign(work))
                return;
        }
        new Worker(work).Start();
    }

    private sealed class Worker
    {
        private const int Busy = 0, Idle = 1, Ended = 2;
        private readonly SemaphoreSlim _signal = new(0, 1);
        private Action? _work;
        private int _state = Busy;

        public Worker(Action first) => _work = first;

        public void Start() => new Thread(Loop, StackBytes) { IsBackground = true, Name = "libclang parse" }.Start();

        /// <summary>Hands work to this idle thread; false when it has just ended (the caller tries another).</summary>
        public bool TryAssign(Action work)
        {
            if (Interlocked.CompareExchange(ref _state, Busy, Idle) != Idle)
                return false;
            _work = work;
            _signal.Release();
            return true;
        }

        private void Loop()
        {
            while (true)
            {
                var work = Interlocked.Exchange(ref _work, null);
                try
                {
                    work?.Invoke();
                }
                catch (Exception)
                {
                    // The parse reports its own failures; nothing thrown here may end the process.
                }
                Volatile.Write(ref _state, Idle);
                s_idle.Add(this);
                if (_signal.Wait(s_idleLifetime))
                    continue;
                // No work for a while: end, unless a caller took this thread in the meantime.
                if (Interlocked.CompareExchange(ref _state, Ended, Idle) == Idle)
                    return;
                _signal.Wait();
            }
        }
    }
}
