using System.Collections.Immutable;
using HybridLsp.Syntax.C.Interop;

namespace HybridLsp.Syntax.C;

/// <summary>
/// Parses one C or C++ translation unit with libclang and returns its declarations as plain data. Never throws:
/// a missing libclang, a time-out, a cancellation or a libclang failure is a result with a status and a message.
/// </summary>
public static unsafe class ClangParser
{
    /// <summary>Null when libclang loads with <paramref name="options"/>; otherwise why not (the text for the user).</summary>
    public static string? Unavailable(ClangOptions options) => ClangLibraryLoader.Load(options.LibraryPath).Error;

    /// <summary>libclang's version text (e.g. "clang version 22.1.8"), or null when it cannot be loaded.</summary>
    public static string? Version(ClangOptions options)
    {
        var (api, _) = ClangLibraryLoader.Load(options.LibraryPath);
        if (api is null)
            return null;
        var value = api.GetClangVersion();
        var pointer = api.GetCString(value);
        var text = pointer == null ? "" : System.Runtime.InteropServices.Marshal.PtrToStringUTF8((IntPtr)pointer) ?? "";
        api.DisposeString(value);
        return text;
    }

    /// <summary>
    /// Parses <paramref name="request"/>. libclang cannot be interrupted, so the parse runs on its own thread: when
    /// the time limit passes or <paramref name="cancellationToken"/> fires, the caller gets a TimedOut/Cancelled
    /// result at once and the abandoned parse finishes and frees itself in the background.
    /// </summary>
    /// <summary>clang's own default bracket depth (-fbracket-depth=256): deeper files are refused before libclang sees them.</summary>
    internal const int MaxBracketNesting = 256;

    /// <summary><see cref="MaxBracketDepth"/> once per text: every unit of a library, on every target, gets all its files.</summary>
    private static int BracketDepth(string text) => Facts(text).BracketDepth;

    /// <summary>What the parser checks of a file's text before libclang sees it, once per text.</summary>
    private sealed record TextFacts(int BracketDepth, bool HasNul);

    private static TextFacts Facts(string text) => s_facts.GetValue(text, t => new TextFacts(MaxBracketDepth(t), t.Contains('\0')));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, TextFacts> s_facts = new();

    /// <summary>The deepest nesting of (, [ and { in a text, counted without regard to comments or strings (an over-estimate is safe).</summary>
    internal static int MaxBracketDepth(string text)
    {
        int depth = 0, max = 0;
        foreach (var c in text)
        {
            if (c is '(' or '[' or '{')
                max = Math.Max(max, ++depth);
            else if (c is ')' or ']' or '}' && depth > 0)
                depth--;
        }
        return max;
    }

    /// <summary>
    /// Whether a triple is this machine's own, parsed with the system headers by default; other targets get only the
    /// product's per-target libc headers, so a system header missing there is expected, not a parse failure.
    /// </summary>
    public static bool UsesSystemHeaders(string triple) => ClangArguments.IsHostTriple(triple);

    public static CParseResult Parse(ClangOptions options, CParseRequest request, CancellationToken cancellationToken)
    {
        var (api, error) = ClangLibraryLoader.Load(options.LibraryPath);
        if (api is null)
            return CParseResult.Empty(CParseStatus.Unavailable, "C/C++ support unavailable: " + error);
        if (string.IsNullOrWhiteSpace(request.MainFile) || string.IsNullOrWhiteSpace(request.TargetTriple))
            return CParseResult.Empty(CParseStatus.Failed, "no main file or target triple given");
        if (cancellationToken.IsCancellationRequested)
            return CParseResult.Empty(CParseStatus.Cancelled, "cancelled before the parse started");

        // clang's parser recurses per nested bracket (in declarators without the -fbracket-depth check): nesting deep
        // enough overflows even the parse thread's stack and takes the process down. Such a file is not C anyone builds.
        foreach (var (path, text) in request.UnsavedFiles)
        {
            if (BracketDepth(text) > MaxBracketNesting)
                return CParseResult.Empty(CParseStatus.Failed, $"'{path}' nests brackets more than {MaxBracketNesting} deep; it was not parsed");
        }

        var (arguments, dropped) = ClangArguments.Build(request, options);
        var unsaved = new List<KeyValuePair<string, string>>(request.UnsavedFiles.Count + BuiltinHeaders.Files.Length);
        // The main file first would not matter to libclang; keep a stable order for reproducible parses.
        unsaved.AddRange(request.UnsavedFiles.OrderBy(f => f.Key, StringComparer.Ordinal).Where(f => !BuiltinHeaders.IsBuiltin(f.Key)).Select(f => new KeyValuePair<string, string>(f.Key, StripNul(f.Value))));
        if (string.IsNullOrWhiteSpace(options.ResourceDirectory) || !(request.UseSystemHeaders ?? ClangArguments.IsHostTriple(request.TargetTriple)))
            unsaved.AddRange(BuiltinHeaders.Files);

        var limit = request.TimeLimit ?? CParseRequest.DefaultTimeLimit;
        var abandon = new CancellationTokenSource();
        var completion = new TaskCompletionSource<CParseResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        ParseThreads.Run(() =>
        {
            var (result, session) = ParseOnThisThread(api, request, arguments, dropped, unsaved, abandon.Token);
            completion.TrySetResult(result);
            // Freeing a large translation unit takes a good part of a parse's time: the caller has its result already.
            session?.Dispose();
        });

        try
        {
            if (completion.Task.Wait(limit, cancellationToken))
                return completion.Task.Result;
            abandon.Cancel();
            return CParseResult.Empty(CParseStatus.TimedOut, $"parsing '{request.MainFile}' for {request.TargetTriple} took longer than {limit.TotalSeconds:0.#} s", dropped);
        }
        catch (OperationCanceledException)
        {
            abandon.Cancel();
            return CParseResult.Empty(CParseStatus.Cancelled, "cancelled", dropped);
        }
    }

    /// <summary>Parses and reads the declarations; the translation unit is returned too, for the caller to free once the result is out.</summary>
    private static (CParseResult Result, ClangSession? Session) ParseOnThisThread(LibClang api, CParseRequest request, ImmutableArray<string> arguments, ImmutableArray<string> dropped, List<KeyValuePair<string, string>> unsaved, CancellationToken abandoned)
    {
        ClangSession? session = null;
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            session = ClangSession.Parse(api, request.MainFile, arguments, unsaved, request.Blanks, out var errorCode);
            var parseTime = watch.Elapsed;
            if (session is null)
                return (CParseResult.Empty(CParseStatus.Failed, $"libclang could not parse '{request.MainFile}' ({ErrorText(errorCode)})", dropped), null);
            if (abandoned.IsCancellationRequested)
                return (CParseResult.Empty(CParseStatus.Cancelled, "abandoned", dropped), session);
            var result = new DeclarationExtractor(session, request).Extract(dropped, abandoned);
            return (result with { ParseTime = parseTime, ExtractTime = watch.Elapsed - parseTime }, session);
        }
        catch (OperationCanceledException)
        {
            return (CParseResult.Empty(CParseStatus.Cancelled, "abandoned", dropped), session);
        }
        catch (Exception e)
        {
            // A bug in the extractor must not take the server down; the message names it for the log.
            return (CParseResult.Empty(CParseStatus.Failed, $"reading '{request.MainFile}' failed: {e.GetType().Name}: {e.Message}", dropped), session);
        }
    }

    // CXErrorCode.
    private static string ErrorText(int code) => code switch
    {
        1 => "failure",
        2 => "libclang crashed on this input",
        3 => "invalid arguments",
        4 => "AST read error",
        _ => $"error {code}",
    };

    // libclang takes NUL-terminated buffers with an explicit length; an embedded NUL is legal but stops some of
    // clang's C-string paths, so it is replaced by a space (same length: offsets are unchanged).
    private static string StripNul(string text) => Facts(text).HasNul ? text.Replace('\0', ' ') : text;
}
