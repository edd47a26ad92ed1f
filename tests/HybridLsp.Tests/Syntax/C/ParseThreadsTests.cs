using System.Collections.Concurrent;
using HybridLsp.Syntax.C;

namespace HybridLsp.Tests.Syntax.C;

/// <summary>
/// The threads libclang parses on: a parse never waits for one, and an idle one takes the next parse. Alone in its
/// collection, run with no other test: parses of other tests would take the idle threads this one counts on.
/// </summary>
[Collection(nameof(ParseThreadsTests))]
[CollectionDefinition(nameof(ParseThreadsTests), DisableParallelization = true)]
public sealed class ParseThreadsTests
{
    [Fact]
    public void Parses_run_at_once_however_many_and_idle_threads_take_the_next_ones()
    {
        const int count = 6;
        using var barrier = new Barrier(count);
        using var done = new CountdownEvent(count);
        var met = new ConcurrentBag<bool>();
        var threads = new ConcurrentBag<int>();
        for (var i = 0; i < count; i++)
        {
            ParseThreads.Run(() =>
            {
                threads.Add(Environment.CurrentManagedThreadId);
                // Every one of them must be running for the barrier to open: none waited for another to end.
                met.Add(barrier.SignalAndWait(TimeSpan.FromSeconds(30)));
                done.Signal();
            });
        }
        Assert.True(done.Wait(TimeSpan.FromSeconds(60)));
        Assert.Equal(count, met.Count(m => m));
        Assert.Equal(count, threads.Distinct().Count());

        // The next parse runs on a thread that is already there.
        using var again = new ManualResetEventSlim();
        var next = 0;
        ParseThreads.Run(() =>
        {
            next = Environment.CurrentManagedThreadId;
            again.Set();
        });
        Assert.True(again.Wait(TimeSpan.FromSeconds(30)));
        Assert.Contains(next, threads);
    }

    [Fact]
    public void Work_that_throws_leaves_the_thread_able_to_take_more()
    {
        using var ran = new ManualResetEventSlim();
        ParseThreads.Run(() => throw new InvalidOperationException("a parse that fails outside its own handling"));
        ParseThreads.Run(ran.Set);
        Assert.True(ran.Wait(TimeSpan.FromSeconds(30)));
    }
}
