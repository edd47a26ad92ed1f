using HybridLsp.Server.Cli;

// stdout belongs to the protocol (serve) and to the report (check): keep the real stream for those and send
// everything else that writes to Console.Out — libraries included — to stderr, first thing.
var stdout = Console.OpenStandardOutput();
Console.SetOut(Console.Error);
return await CommandLineApp.RunAsync(args, stdout);
