using HybridLsp.Syntax.C;

namespace HybridLsp.Tests.Syntax.C;

/// <summary>
/// How <see cref="ClangSplice"/> reads the edited lines on its own: where top-level statements end (<see cref="CStatements"/>),
/// and what they declare besides functions (<see cref="ClangSplice.Declares"/>).
/// </summary>
public sealed class CStatementsTests
{
    private static List<string> Split(string text)
    {
        var tokens = CLexer.Tokens(text);
        var result = new List<string>();
        for (var i = 0; i < tokens.Count;)
        {
            var (next, kind) = CStatements.At(text, tokens, i);
            if (next < 0)
            {
                result.Add("unterminated: " + text[tokens[i].Start..]);
                break;
            }
            result.Add($"{kind}: {text[tokens[i].Start..tokens[next - 1].End]}");
            i = next;
        }
        return result;
    }

    [Fact]
    public void Declarations_end_at_their_semicolon_and_definitions_after_their_body()
    {
        var text = """
            typedef struct point { int x; struct { int a, b; } inner; } point;
            enum mode { A = (1 << 2), B };
            int f(int (*cb)(int), char buf[4]);
            static inline int g(void) { if (1) { return 0; } return '}'; }
            __attribute__((constructor)) static void init(void) { }
            int table[] = { 1, 2, 3 };
            struct __attribute__((packed)) packed { char c; int i; };
            struct point make(void) { struct point p = { 0 }; return p; }
            """;

        Assert.Equal(
        [
            "Declaration: typedef struct point { int x; struct { int a, b; } inner; } point;",
            "Declaration: enum mode { A = (1 << 2), B };",
            "Declaration: int f(int (*cb)(int), char buf[4]);",
            "Declaration: static inline int g(void) { if (1) { return 0; } return '}'; }",
            "Declaration: __attribute__((constructor)) static void init(void) { }",
            "Declaration: int table[] = { 1, 2, 3 };",
            "Declaration: struct __attribute__((packed)) packed { char c; int i; };",
            "Declaration: struct point make(void) { struct point p = { 0 }; return p; }",
        ], Split(text));
    }

    [Fact]
    public void Containers_directives_and_unterminated_statements_are_told_apart()
    {
        var text = """
            #ifdef __cplusplus
            extern "C" {
            #endif
            namespace outer::inner {
            int f(void);
            }
            struct s { int a;
            """;

        Assert.Equal(
        [
            "Directive: #ifdef __cplusplus",
            "ContainerOpen: extern \"C\" {",
            "Directive: #endif",
            "ContainerOpen: namespace outer::inner {",
            "Declaration: int f(void);",
            "ContainerClose: }",
            "unterminated: struct s { int a;",
        ], Split(text));
        var tokens = CLexer.Tokens(text);
        Assert.False(CStatements.AreWhole(text, tokens, 0, tokens.Count));
    }

    [Fact]
    public void A_body_it_does_not_recognise_runs_on_to_the_next_semicolon_never_short()
    {
        // A trailing return type hides the body: the statement is longer than C's, which only widens a splice's window.
        var text = "auto f() -> int { return 1; }\nint g(void);\n";
        Assert.Equal(["Declaration: auto f() -> int { return 1; }\nint g(void);"], Split(text));
        // A closing bracket it never saw opened.
        var broken = "int f(void));\n";
        Assert.Equal(["unterminated: int f(void));\n"], Split(broken));
    }

    private static (bool Types, bool Typedef, bool Nested, bool FunctionType, string Names)? Declares(string text) => ClangSplice.Declares(text, CLexer.Tokens(text));

    [Theory]
    [InlineData("int f(struct s *p, enum e mode);", false, "")]
    [InlineData("struct s *make(void);", false, "")]
    [InlineData("struct s { int a; };", true, "s")]
    [InlineData("struct s;", true, "s")]
    [InlineData("typedef struct s { int a; } s_t;", true, "s s_t")]
    [InlineData("typedef struct { int a; struct inner { int b; } i; } anon_t;", true, "inner anon_t")]
    [InlineData("enum class color : int { red };", true, "color")]
    [InlineData("typedef int (*cb)(void *user, int n);", true, "cb user n")]
    [InlineData("typedef unsigned long long u64, *pu64;", true, "u64 pu64")]
    [InlineData("using handle = unsigned long;", true, "handle")]
    [InlineData("extern int counter;", false, "")]
    public void The_type_names_statements_declare_are_read_in_order(string text, bool declaresTypes, string names)
    {
        var facts = Declares(text)!.Value;
        Assert.Equal(declaresTypes, facts.Types);
        Assert.Equal(names, facts.Names.Replace('\n', ' ').Trim());
    }

    [Theory]
    [InlineData("typedef int fn(int);", true)]
    [InlineData("typedef int (fn)(int);", true)]
    [InlineData("typedef int WINAPI fn(int, ...);", true)]
    [InlineData("typedef void (*a)(void), (*b)(void);", true)]
    [InlineData("typedef MAKE_TYPE(name);", true)]
    [InlineData("typedef int (*cb)(int);", false)]
    [InlineData("typedef int (__stdcall *cb)(int);", false)]
    [InlineData("typedef int (* const cb)(int);", false)]
    [InlineData("typedef int (*cbs[4])(int);", false)]
    [InlineData("typedef struct { int (*f)(int); } ops;", false)]
    [InlineData("typedef int __attribute__((aligned(8))) a8;", false)]
    [InlineData("typedef int arr[4];", false)]
    [InlineData("int fn(int);", false)]
    public void A_typedef_that_could_name_a_function_type_is_told_from_a_pointer_to_one(string text, bool mayBeAFunctionType) =>
        Assert.Equal(mayBeAFunctionType, Declares(text)!.Value.FunctionType);

    [Theory]
    [InlineData("#define A 1")]
    [InlineData("namespace n { int f(); }")]
    [InlineData("template <typename T> T id(T);")]
    [InlineData("using namespace std;")]
    [InlineData("using std::size_t;")]
    public void Lines_a_splice_does_not_take(string text) => Assert.Null(Declares(text));

    [Fact]
    public void A_typedef_inside_a_class_body_is_nested()
    {
        Assert.True(Declares("struct box { typedef int size_type; size_type n; };")!.Value.Nested);
        Assert.False(Declares("typedef struct box { int n; } box;")!.Value.Nested);
    }
}
