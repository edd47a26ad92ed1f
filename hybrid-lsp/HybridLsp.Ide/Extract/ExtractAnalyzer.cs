using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide.Extract;

/// <summary>
/// Decides whether a C# method can move to native code and, when it can, types it into the model the writers translate
/// (<see cref="NMethod"/>). Works on Roslyn syntax plus the C# typing rules of the subset (binary numeric promotion,
/// implicit and constant conversions), so it needs no compilation. Anything outside the subset is an
/// <see cref="ExtractBlocker"/> naming the construct and its line; the analysis goes on to report every blocker.
/// Calls are limited to System.Math/MathF and the floating-point tests (`double.IsNaN`…): calling another method of the
/// class would need that method translated too, so it blocks (extract the callee first, or inline it).
/// </summary>
internal sealed class ExtractAnalyzer
{
    private const int MaxBlockers = 20;

    private readonly SyntaxTree _tree;
    private readonly Func<string, StructDeclarationSyntax?> _findStruct;
    private readonly List<ExtractBlocker> _blockers = [];
    private readonly List<Dictionary<string, NVariable>> _scopes = [];
    private readonly Dictionary<string, NStruct> _structs = new(StringComparer.Ordinal);
    private readonly Stack<NLoop> _loops = new();
    private readonly HashSet<string> _constantsInProgress = new(StringComparer.Ordinal);
    private readonly HashSet<string> _poisoned = new(StringComparer.Ordinal);
    private TypeDeclarationSyntax? _container;
    private bool _checked;
    private int _loopCount;

    private ExtractAnalyzer(SyntaxTree tree, Func<string, StructDeclarationSyntax?> findStruct)
    {
        _tree = tree;
        _findStruct = findStruct;
    }

    /// <summary>The method declaration at <paramref name="position"/> (innermost), or null.</summary>
    public static MethodDeclarationSyntax? MethodAt(SyntaxTree tree, int position, bool headerOnly)
    {
        var root = tree.GetRoot();
        if (position < 0 || position > root.FullSpan.End)
            return null;
        var token = root.FindToken(Math.Min(position, Math.Max(0, root.FullSpan.End - 1)));
        var method = token.Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (method is null)
            return null;
        if (headerOnly && !(Header(method).Start <= position && position <= Header(method).End))
            return null;
        return method;
    }

    /// <summary>From the first modifier to the end of the parameter list: where the code action is offered.</summary>
    public static Microsoft.CodeAnalysis.Text.TextSpan Header(MethodDeclarationSyntax method) =>
        Microsoft.CodeAnalysis.Text.TextSpan.FromBounds((method.Modifiers.Count > 0 ? method.Modifiers[0] : method.ReturnType.GetFirstToken()).SpanStart, method.ParameterList.Span.End);

    public static MethodAnalysis Analyze(MethodDeclarationSyntax method, Func<string, StructDeclarationSyntax?> findStruct)
    {
        var analyzer = new ExtractAnalyzer(method.SyntaxTree, findStruct);
        var result = analyzer.Run(method);
        var header = Header(method);
        var blockers = analyzer._blockers.ToImmutableArray();
        return new MethodAnalysis(method.Identifier.ValueText, new TextSpan(method.Span.Start, method.Span.Length), new TextSpan(header.Start, header.Length),
            blockers.IsEmpty ? result : null, blockers);
    }

    private NMethod? Run(MethodDeclarationSyntax method)
    {
        _container = method.Parent as TypeDeclarationSyntax;
        if (method.Parent is not (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax))
            Block(method.Identifier, "the method is not declared in a class or struct");
        foreach (var modifier in method.Modifiers)
        {
            if (modifier.Kind() is SyntaxKind.AsyncKeyword or SyntaxKind.ExternKeyword or SyntaxKind.AbstractKeyword or SyntaxKind.UnsafeKeyword
                or SyntaxKind.VirtualKeyword or SyntaxKind.OverrideKeyword)
                Block(modifier, $"'{modifier.ValueText}' method");
        }
        if (method.TypeParameterList is not null)
            Block(method.TypeParameterList, "generic method");
        if (method.Body is null && method.ExpressionBody is null)
            Block(method.Identifier, "the method has no body");
        var returnType = method.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword } ? NType.Void : ResolveType(method.ReturnType, "return type");
        if (returnType is { Kind: NKind.Span })
        {
            Block(method.ReturnType, $"returns '{returnType.CsName}': a span or array cannot be returned across the boundary");
            returnType = null;
        }
        _scopes.Add(new Dictionary<string, NVariable>(StringComparer.Ordinal));
        var parameters = ImmutableArray.CreateBuilder<NVariable>();
        foreach (var p in method.ParameterList.Parameters)
        {
            if (p.Modifiers.Count > 0)
                Block(p, $"parameter '{p.Identifier.ValueText}' is passed with '{p.Modifiers[0].ValueText}'");
            if (p.Type is null)
                continue;
            var type = ResolveType(p.Type, $"parameter '{p.Identifier.ValueText}'");
            if (type is null)
                continue;
            var variable = new NVariable(p.Identifier.ValueText, type, isParameter: true);
            _scopes[^1][variable.Name] = variable;
            parameters.Add(variable);
        }
        NBlock? body = null;
        if (method.Body is { } block)
            body = BindBlock(block, returnType);
        else if (method.ExpressionBody is { } arrow)
        {
            if (returnType is { Kind: NKind.Void })
                body = BindExpressionStatement(arrow.Expression) is { } s ? new NBlock([s]) : null;
            else if (returnType is not null && BindValue(arrow.Expression, returnType) is { } value)
                body = new NBlock([new NReturn(value)]);
        }
        if (returnType is null || body is null || _blockers.Count > 0)
            return null;
        return new NMethod(method.Identifier.ValueText, parameters.ToImmutable(), returnType, body, [.. _structs.Values], _loopCount);
    }

    // ---------------------------------------------------------------- types

    private NType? ResolveType(TypeSyntax syntax, string what)
    {
        switch (syntax)
        {
            case PredefinedTypeSyntax predefined when Primitive(predefined.Keyword.ValueText) is { } p:
                return p;
            case IdentifierNameSyntax { Identifier.ValueText: "nint" or "nuint" } id:
                return id.Identifier.ValueText == "nint" ? NType.NInt : NType.NUInt;
            case QualifiedNameSyntax q when q.Left.ToString() == "System" && Primitive(q.Right.Identifier.ValueText) is { } p2:
                return p2;
            case IdentifierNameSyntax id2 when Primitive(id2.Identifier.ValueText) is { } p3 && char.IsUpper(id2.Identifier.ValueText[0]):
                return p3;
            case GenericNameSyntax { Identifier.ValueText: "Span" or "ReadOnlySpan", TypeArgumentList.Arguments: [var arg] } g:
                return SpanOf(ResolveType(arg, what), readOnly: g.Identifier.ValueText == "ReadOnlySpan", isArray: false, syntax, what);
            case QualifiedNameSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "System" }, Right: GenericNameSyntax { Identifier.ValueText: "Span" or "ReadOnlySpan", TypeArgumentList.Arguments: [var arg2] } g2 }:
                return SpanOf(ResolveType(arg2, what), readOnly: g2.Identifier.ValueText == "ReadOnlySpan", isArray: false, syntax, what);
            case ArrayTypeSyntax { RankSpecifiers: [{ Sizes.Count: 1 }] } array:
                return SpanOf(ResolveType(array.ElementType, what), readOnly: false, isArray: true, syntax, what);
            case IdentifierNameSyntax named:
                return ResolveStruct(named.Identifier.ValueText, syntax, what);
            case NullableTypeSyntax:
                Block(syntax, $"{what} has a nullable type '{syntax}'");
                return null;
            case PointerTypeSyntax:
                Block(syntax, $"{what} is a pointer '{syntax}'");
                return null;
            default:
                Block(syntax, $"{what} has type '{syntax}', which is not a primitive, a span or array of primitives, or a sequential struct");
                return null;
        }
    }

    private static NType? Primitive(string name) => name switch
    {
        "sbyte" or "SByte" => NType.I8, "byte" or "Byte" => NType.U8, "short" or "Int16" => NType.I16, "ushort" or "UInt16" => NType.U16,
        "int" or "Int32" => NType.I32, "uint" or "UInt32" => NType.U32, "long" or "Int64" => NType.I64, "ulong" or "UInt64" => NType.U64,
        "IntPtr" => NType.NInt, "UIntPtr" => NType.NUInt, "float" or "Single" => NType.F32, "double" or "Double" => NType.F64,
        "bool" or "Boolean" => NType.Bool, "char" or "Char" => NType.Char,
        _ => null,
    };

    private NType? SpanOf(NType? element, bool readOnly, bool isArray, SyntaxNode syntax, string what)
    {
        if (element is null)
            return null;
        if (element.Kind is NKind.Span or NKind.Struct)
        {
            Block(syntax, $"{what} has type '{syntax}': only spans and arrays of primitives cross as pointer + length");
            return null;
        }
        return new NType(NKind.Span, element, readOnly, isArray);
    }

    private NType? ResolveStruct(string name, SyntaxNode syntax, string what)
    {
        if (_structs.TryGetValue(name, out var known))
            return new NType(NKind.Struct, Struct: known);
        if (_findStruct(name) is not { } declaration)
        {
            Block(syntax, $"{what} has type '{name}', which is not a primitive, a span or array of primitives, or a struct declared in the workspace");
            return null;
        }
        foreach (var attribute in declaration.AttributeLists.SelectMany(l => l.Attributes))
        {
            var attributeName = attribute.Name.ToString();
            if (!attributeName.EndsWith("StructLayout", StringComparison.Ordinal) && !attributeName.EndsWith("StructLayoutAttribute", StringComparison.Ordinal))
                continue;
            var args = attribute.ArgumentList?.Arguments ?? default;
            if (args.Count == 0 || !args[0].ToString().EndsWith("Sequential", StringComparison.Ordinal) || args.Count > 1)
            {
                Block(syntax, $"struct '{name}' has layout '{attribute}': only [StructLayout(LayoutKind.Sequential)] without Pack or Size is translated");
                return null;
            }
        }
        if (declaration.TypeParameterList is not null)
        {
            Block(syntax, $"struct '{name}' is generic");
            return null;
        }
        var fields = ImmutableArray.CreateBuilder<NStructField>();
        foreach (var member in declaration.Members)
        {
            if (member is not FieldDeclarationSyntax field || field.Modifiers.Any(m => m.Kind() is SyntaxKind.StaticKeyword or SyntaxKind.ConstKeyword))
            {
                if (member is PropertyDeclarationSyntax { AccessorList: { } accessors } property && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null)
                    && !property.Modifiers.Any(m => m.IsKind(SyntaxKind.StaticKeyword)))
                {
                    Block(syntax, $"struct '{name}' has an auto-property '{property.Identifier.ValueText}': only fields are translated");
                    return null;
                }
                continue;
            }
            if (field.Modifiers.Any(m => m.IsKind(SyntaxKind.FixedKeyword)))
            {
                Block(syntax, $"struct '{name}' has a fixed buffer");
                return null;
            }
            var type = ResolveType(field.Declaration.Type, $"field of struct '{name}'");
            if (type is null)
                return null;
            if (type.Kind is NKind.Span or NKind.Struct or NKind.Bool or NKind.Char)
            {
                Block(syntax, $"struct '{name}' has a field of type '{type.CsName}': only numeric fields are blittable in both languages");
                return null;
            }
            foreach (var v in field.Declaration.Variables)
                fields.Add(new NStructField(v.Identifier.ValueText, type));
        }
        if (fields.Count == 0)
        {
            Block(syntax, $"struct '{name}' has no fields (an empty struct has no C equivalent)");
            return null;
        }
        var qualifiers = declaration.Ancestors().Select(a => a switch
        {
            BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
            TypeDeclarationSyntax type => type.Identifier.ValueText,
            _ => null,
        }).Where(q => q is not null).Reverse();
        var result = new NStruct(name, string.Join(".", qualifiers.Append(name)), fields.ToImmutable());
        _structs[name] = result;
        return new NType(NKind.Struct, Struct: result);
    }

    // ---------------------------------------------------------------- statements

    private NBlock? BindBlock(BlockSyntax block, NType? returnType)
    {
        _scopes.Add(new Dictionary<string, NVariable>(StringComparer.Ordinal));
        var statements = ImmutableArray.CreateBuilder<NStmt>();
        var ok = true;
        foreach (var statement in block.Statements)
        {
            var bound = BindStatement(statement, returnType);
            if (bound is null)
                ok = false;
            else if (bound is NBlock { } inner && statement is LocalDeclarationStatementSyntax)
                statements.AddRange(inner.Statements);
            else
                statements.Add(bound);
        }
        _scopes.RemoveAt(_scopes.Count - 1);
        return ok ? new NBlock(statements.ToImmutable()) : null;
    }

    private NBlock? BindEmbedded(StatementSyntax statement, NType? returnType)
    {
        if (statement is BlockSyntax block)
            return BindBlock(block, returnType);
        _scopes.Add(new Dictionary<string, NVariable>(StringComparer.Ordinal));
        var bound = BindStatement(statement, returnType);
        _scopes.RemoveAt(_scopes.Count - 1);
        return bound switch { null => null, NBlock b => b, _ => new NBlock([bound]) };
    }

    private NStmt? BindStatement(StatementSyntax statement, NType? returnType)
    {
        if (_blockers.Count >= MaxBlockers)
            return null;
        switch (statement)
        {
            case BlockSyntax block:
                return BindBlock(block, returnType);
            case EmptyStatementSyntax:
                return new NBlock([]);
            case LocalDeclarationStatementSyntax local:
                return BindLocals(local);
            case ExpressionStatementSyntax expression:
                return BindExpressionStatement(expression.Expression);
            case IfStatementSyntax ifStatement:
            {
                var condition = BindValue(ifStatement.Condition, NType.Bool);
                var then = BindEmbedded(ifStatement.Statement, returnType);
                var otherwise = ifStatement.Else is { } e ? BindEmbedded(e.Statement, returnType) : null;
                return condition is null || then is null || ifStatement.Else is not null && otherwise is null ? null : new NIf(condition, then, otherwise);
            }
            case WhileStatementSyntax whileStatement:
            {
                var condition = BindValue(whileStatement.Condition, NType.Bool);
                var loop = new NLoop(++_loopCount);
                _loops.Push(loop);
                var body = BindEmbedded(whileStatement.Statement, returnType);
                _loops.Pop();
                return condition is null || body is null ? null
                    : new NWhile(condition is NLiteral { Value: 1L } ? null : condition, body, loop);
            }
            case DoStatementSyntax doStatement:
            {
                var loop = new NLoop(++_loopCount);
                _loops.Push(loop);
                var body = BindEmbedded(doStatement.Statement, returnType);
                _loops.Pop();
                var condition = BindValue(doStatement.Condition, NType.Bool);
                return condition is null || body is null ? null : new NDoWhile(body, condition, loop);
            }
            case ForStatementSyntax forStatement:
                return BindFor(forStatement, returnType);
            case ForEachStatementSyntax forEach:
                return BindForeach(forEach, returnType);
            case BreakStatementSyntax breakStatement:
                if (!_loops.TryPeek(out var breakLoop))
                    return BlockS(breakStatement, "'break' outside a loop (switch is not translated)");
                breakLoop.HasBreak = true;
                return new NBreak(breakLoop);
            case ContinueStatementSyntax continueStatement:
                if (!_loops.TryPeek(out var continueLoop))
                    return BlockS(continueStatement, "'continue' outside a loop");
                continueLoop.HasContinue = true;
                return new NContinue(continueLoop);
            case ReturnStatementSyntax returnStatement:
                if (returnStatement.Expression is null)
                    return new NReturn(null);
                if (returnType is null)
                    return null;
                if (returnType.Kind == NKind.Void)
                    return BlockS(returnStatement, "'return' with a value in a void method");
                return BindValue(returnStatement.Expression, returnType) is { } value ? new NReturn(value) : null;
            case CheckedStatementSyntax checkedStatement:
            {
                var outer = _checked;
                _checked = checkedStatement.Keyword.IsKind(SyntaxKind.CheckedKeyword);
                var block = BindBlock(checkedStatement.Block, returnType);
                _checked = outer;
                return block;
            }
            case ThrowStatementSyntax:
                return BlockS(statement, "'throw' (exceptions cannot cross to native code)");
            case TryStatementSyntax:
                return BlockS(statement, "'try' (exceptions cannot cross to native code)");
            case SwitchStatementSyntax:
                return BlockS(statement, "'switch' statement (not in the translated subset: rewrite it as if/else)");
            case UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax or UnsafeStatementSyntax:
                return BlockS(statement, $"'{statement.GetFirstToken().ValueText}' statement");
            case GotoStatementSyntax or LabeledStatementSyntax:
                return BlockS(statement, "'goto' and labels");
            case YieldStatementSyntax:
                return BlockS(statement, "'yield' (an iterator allocates)");
            case LocalFunctionStatementSyntax localFunction:
                return BlockS(localFunction, $"local function '{localFunction.Identifier.ValueText}'");
            default:
                return BlockS(statement, $"'{statement.Kind()}' statement");
        }
    }

    private NStmt? BindLocals(LocalDeclarationStatementSyntax local)
    {
        if (local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword) || local.Modifiers.Any(m => m.IsKind(SyntaxKind.RefKeyword)))
            return BlockS(local, "'using' or 'ref' local");
        return BindDeclaration(local.Declaration);
    }

    private NStmt? BindDeclaration(VariableDeclarationSyntax declaration)
    {
        var local = new { Declaration = declaration };
        var isVar = local.Declaration.Type is IdentifierNameSyntax { IsVar: true };
        NType? declared = isVar ? null : local.Declaration.Type is RefTypeSyntax ? null : ResolveType(local.Declaration.Type, "local");
        if (!isVar && declared is null)
            return null;
        if (declared is { Kind: NKind.Span })
            return BlockS(local.Declaration.Type, $"local of type '{declared.CsName}' (a span local would need slicing or stackalloc, which are not translated)");
        var statements = ImmutableArray.CreateBuilder<NStmt>();
        var ok = true;
        foreach (var v in local.Declaration.Variables)
        {
            NExpr? init = null;
            var type = declared;
            if (v.Initializer is { } initializer)
            {
                init = type is null ? BindRValue(initializer.Value) : BindValue(initializer.Value, type);
                if (init is null)
                {
                    _poisoned.Add(v.Identifier.ValueText); // already reported: later uses say nothing more
                    ok = false;
                    continue;
                }
                if (init.Type.Kind == NKind.Span)
                {
                    BlockS(v, "a span or array local (only parameters cross as spans)");
                    ok = false;
                    continue;
                }
                type ??= init.Type;
            }
            else if (type is null)
            {
                ok = false;
                continue;
            }
            if (Lookup(v.Identifier.ValueText) is not null)
            {
                Block(v.Identifier, $"local '{v.Identifier.ValueText}' shadows another variable");
                ok = false;
                continue;
            }
            var variable = new NVariable(v.Identifier.ValueText, type, isParameter: false);
            if (init is null)
                variable.Mutated = true; // C# definite assignment: assigned later; the translation starts it at zero
            _scopes[^1][variable.Name] = variable;
            statements.Add(new NLocal(variable, init));
        }
        return ok ? new NBlock(statements.ToImmutable()) : null;
    }

    private NStmt? BindFor(ForStatementSyntax forStatement, NType? returnType)
    {
        _scopes.Add(new Dictionary<string, NVariable>(StringComparer.Ordinal));
        try
        {
            var initializers = ImmutableArray.CreateBuilder<NStmt>();
            var ok = true;
            if (forStatement.Declaration is { } declaration)
            {
                var declared = BindDeclaration(declaration);
                if (declared is NBlock b)
                    initializers.AddRange(b.Statements);
                else
                    ok = false;
            }
            foreach (var init in forStatement.Initializers)
            {
                if (BindExpressionStatement(init) is { } s)
                    initializers.Add(s);
                else
                    ok = false;
            }
            var condition = forStatement.Condition is { } c ? BindValue(c, NType.Bool) : null;
            if (forStatement.Condition is not null && condition is null)
                ok = false;
            var loop = new NLoop(++_loopCount);
            _loops.Push(loop);
            var body = BindEmbedded(forStatement.Statement, returnType);
            _loops.Pop();
            var incrementors = ImmutableArray.CreateBuilder<NStmt>();
            foreach (var inc in forStatement.Incrementors)
            {
                if (BindExpressionStatement(inc) is { } s)
                    incrementors.Add(s);
                else
                    ok = false;
            }
            if (!ok || body is null)
                return null;
            return new NFor(initializers.ToImmutable(), condition is NLiteral { Value: 1L } ? null : condition, incrementors.ToImmutable(), body, loop);
        }
        finally
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }
    }

    private NStmt? BindForeach(ForEachStatementSyntax forEach, NType? returnType)
    {
        var span = BindRValue(forEach.Expression);
        if (span is null)
            return null;
        if (span.Type.Kind != NKind.Span)
            return BlockS(forEach.Expression, $"'foreach' over '{forEach.Expression}' of type '{span.Type.CsName}' (only spans and arrays are translated)");
        var element = span.Type.Element!;
        if (forEach.Type is not IdentifierNameSyntax { IsVar: true } && ResolveType(forEach.Type, "foreach variable") is { } declared && !declared.Equals(element))
            return BlockS(forEach.Type, $"'foreach' converts elements from '{element.CsName}' to '{declared.CsName}'");
        _scopes.Add(new Dictionary<string, NVariable>(StringComparer.Ordinal));
        var variable = new NVariable(forEach.Identifier.ValueText, element, isParameter: false);
        _scopes[^1][variable.Name] = variable;
        var loop = new NLoop(++_loopCount);
        _loops.Push(loop);
        var body = BindEmbedded(forEach.Statement, returnType);
        _loops.Pop();
        _scopes.RemoveAt(_scopes.Count - 1);
        return body is null ? null : new NForeach(variable, span, body, loop);
    }

    /// <summary>Assignments, compound assignments and ++/-- as statements.</summary>
    private NStmt? BindExpressionStatement(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case AssignmentExpressionSyntax assignment:
            {
                if (BindTarget(assignment.Left) is not { } target)
                {
                    BindRValue(assignment.Right); // its blockers are reported too
                    return null;
                }
                if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                    return BindValue(assignment.Right, target.Type) is { } value ? new NAssign(target, value) : null;
                var op = assignment.Kind() switch
                {
                    SyntaxKind.AddAssignmentExpression => NBinaryOp.Add, SyntaxKind.SubtractAssignmentExpression => NBinaryOp.Sub,
                    SyntaxKind.MultiplyAssignmentExpression => NBinaryOp.Mul, SyntaxKind.DivideAssignmentExpression => NBinaryOp.Div,
                    SyntaxKind.ModuloAssignmentExpression => NBinaryOp.Rem, SyntaxKind.AndAssignmentExpression => NBinaryOp.And,
                    SyntaxKind.OrAssignmentExpression => NBinaryOp.Or, SyntaxKind.ExclusiveOrAssignmentExpression => NBinaryOp.Xor,
                    SyntaxKind.LeftShiftAssignmentExpression => NBinaryOp.Shl, SyntaxKind.RightShiftAssignmentExpression => NBinaryOp.Shr,
                    SyntaxKind.UnsignedRightShiftAssignmentExpression => NBinaryOp.UShr,
                    _ => (NBinaryOp?)null,
                };
                if (op is null)
                    return BlockS(assignment, $"'{assignment.OperatorToken.ValueText}' assignment");
                var right = BindRValue(assignment.Right);
                if (right is null)
                    return null;
                // `x += 1` alone is not a use of x: the Rust writer names a variable that is never read `_x`.
                // C#: `x op= y` is `x = (T)(x op y)` when the operator's result does not convert implicitly back to T.
                var combined = Binary(assignment, op.Value, target, right);
                return combined is null ? null : new NAssign(target, Conversion(combined, target.Type, explicitly: true, assignment));
            }
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix:
                return Step(postfix.Operand, postfix.IsKind(SyntaxKind.PostIncrementExpression), postfix);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix:
                return Step(prefix.Operand, prefix.IsKind(SyntaxKind.PreIncrementExpression), prefix);
            case InvocationExpressionSyntax invocation:
                BindRValue(invocation);
                return _blockers.Count > 0 ? null : BlockS(invocation, "a call whose result is discarded");
            default:
                return BlockS(expression, $"expression statement '{Short(expression)}'");
        }
    }

    private NStmt? Step(ExpressionSyntax operand, bool increment, SyntaxNode node)
    {
        if (BindTarget(operand) is not { } target)
            return null;
        if (!target.Type.IsNumeric)
            return BlockS(node, $"'{(increment ? "++" : "--")}' on '{target.Type.CsName}'");
        var one = target.Type.IsFloat ? new NLiteral(target.Type, 1.0) : (NExpr)new NLiteral(NType.I32, 1L);
        var combined = Binary(node, increment ? NBinaryOp.Add : NBinaryOp.Sub, target, one);
        return combined is null ? null : new NAssign(target, Conversion(combined, target.Type, explicitly: true, node));
    }

    /// <summary>A variable, a span element or a field of a struct variable, as the left side of an assignment.</summary>
    private NExpr? BindTarget(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax p:
                return BindTarget(p.Expression);
            case IdentifierNameSyntax id:
                if (Lookup(id.Identifier.ValueText) is not { } variable)
                    return _poisoned.Contains(id.Identifier.ValueText) ? null : Block(id, $"assignment to '{id.Identifier.ValueText}', which is not a local or parameter (fields and captured variables stay managed)");
                variable.Mutated = true;
                return new NVar(variable.Type, variable);
            case ElementAccessExpressionSyntax element:
            {
                var target = BindElement(element);
                if (target is NIndex { Span: NVar { Variable: var spanVariable } })
                {
                    if (spanVariable.Type.ReadOnly)
                        return Block(element, $"writes to the read-only span '{spanVariable.Name}'");
                    spanVariable.ElementsWritten = true;
                }
                return target;
            }
            case MemberAccessExpressionSyntax member when BindTarget(member.Expression) is { Type.Kind: NKind.Struct } structTarget:
                return Field(structTarget, member);
            default:
                return Block(expression, $"assignment to '{Short(expression)}'");
        }
    }

    // ---------------------------------------------------------------- expressions

    /// <summary>An expression converted implicitly to <paramref name="target"/> (assignment, return, argument, condition).</summary>
    private NExpr? BindValue(ExpressionSyntax expression, NType target)
    {
        if (target.Kind == NKind.Struct && expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.DefaultLiteralExpression })
            return new NStructValue(target, []);
        var value = BindRValue(expression);
        if (value is null)
            return null;
        if (value.Type.Equals(target))
            return value;
        if (ImplicitlyConvertible(value, target))
            return Conversion(value, target, explicitly: false, expression);
        return Block(expression, $"'{Short(expression)}' has type '{value.Type.CsName}' where '{target.CsName}' is expected");
    }

    private NExpr? BindRValue(ExpressionSyntax expression)
    {
        if (_blockers.Count >= MaxBlockers)
            return null;
        switch (expression)
        {
            case ParenthesizedExpressionSyntax p:
                return BindRValue(p.Expression);
            case LiteralExpressionSyntax literal:
                return BindLiteral(literal);
            case IdentifierNameSyntax id:
            {
                if (Lookup(id.Identifier.ValueText) is { } variable)
                {
                    variable.Read = true;
                    return new NVar(variable.Type, variable);
                }
                if (Constant(id.Identifier.ValueText, id) is { } constant)
                    return constant;
                if (_poisoned.Contains(id.Identifier.ValueText))
                    return null;
                return Block(id, $"uses '{id.Identifier.ValueText}', which is not a parameter, a local or a constant (fields, properties and captured state stay managed)");
            }
            case BinaryExpressionSyntax binary:
                return BindBinary(binary);
            case PrefixUnaryExpressionSyntax prefix:
                return BindPrefix(prefix);
            case ConditionalExpressionSyntax conditional:
            {
                var condition = BindValue(conditional.Condition, NType.Bool);
                var whenTrue = BindRValue(conditional.WhenTrue);
                var whenFalse = BindRValue(conditional.WhenFalse);
                if (condition is null || whenTrue is null || whenFalse is null)
                    return null;
                NType type;
                if (whenTrue.Type.Equals(whenFalse.Type))
                    type = whenTrue.Type;
                else if (ImplicitlyConvertible(whenFalse, whenTrue.Type))
                    type = whenTrue.Type;
                else if (ImplicitlyConvertible(whenTrue, whenFalse.Type))
                    type = whenFalse.Type;
                else
                    return Block(conditional, $"the branches of '?:' have types '{whenTrue.Type.CsName}' and '{whenFalse.Type.CsName}'");
                if (type.Kind == NKind.Span)
                    return Block(conditional, "'?:' choosing between spans");
                return new NConditional(type, condition, Conversion(whenTrue, type, false, conditional), Conversion(whenFalse, type, false, conditional));
            }
            case CastExpressionSyntax cast:
            {
                var type = ResolveType(cast.Type, "cast");
                var operand = BindRValue(cast.Expression);
                if (type is null || operand is null)
                    return null;
                if (type.Equals(operand.Type))
                    return operand;
                if (!(type.IsNumeric && operand.Type.IsNumeric))
                    return Block(cast, $"cast from '{operand.Type.CsName}' to '{type.CsName}'");
                if (_checked && operand.Type.IsFloat && !type.IsFloat)
                    return Block(cast, "checked conversion from a floating-point type to an integer type");
                return Conversion(operand, type, explicitly: true, cast);
            }
            case CheckedExpressionSyntax checkedExpression:
            {
                var outer = _checked;
                _checked = checkedExpression.IsKind(SyntaxKind.CheckedExpression);
                var inner = BindRValue(checkedExpression.Expression);
                _checked = outer;
                return inner;
            }
            case ElementAccessExpressionSyntax element:
                return BindElement(element);
            case MemberAccessExpressionSyntax member:
                return BindMember(member);
            case InvocationExpressionSyntax invocation:
                return BindInvocation(invocation);
            case ObjectCreationExpressionSyntax creation:
                return BindCreation(creation.Type, creation.ArgumentList, creation.Initializer, creation);
            case ImplicitObjectCreationExpressionSyntax:
                return Block(expression, "target-typed 'new()' (write the struct type)");
            case DefaultExpressionSyntax defaultExpression:
            {
                var type = ResolveType(defaultExpression.Type, "default");
                return type switch
                {
                    null => null,
                    { Kind: NKind.Struct } => new NStructValue(type, []),
                    { IsFloat: true } => new NLiteral(type, 0.0),
                    { Kind: NKind.Span } => Block(expression, "a default span"),
                    _ => new NLiteral(type, type.IsSigned || type.Kind is NKind.Bool or NKind.Char ? 0L : (object)0UL),
                };
            }
            case ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax:
                return Block(expression, $"'{Short(expression)}' allocates a managed array");
            case StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
                return Block(expression, "'stackalloc' (not translated)");
            case InterpolatedStringExpressionSyntax:
                return Block(expression, "string interpolation allocates a managed string");
            case LambdaExpressionSyntax or AnonymousMethodExpressionSyntax:
                return Block(expression, "a lambda allocates a delegate");
            case QueryExpressionSyntax:
                return Block(expression, "a LINQ query allocates");
            case ThisExpressionSyntax or BaseExpressionSyntax:
                return Block(expression, $"uses '{expression}' (the method must not depend on an instance)");
            case ThrowExpressionSyntax:
                return Block(expression, "'throw' (exceptions cannot cross to native code)");
            case AssignmentExpressionSyntax:
                return Block(expression, "an assignment used as a value");
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression }:
                return Block(expression, $"'{expression}' used as a value (write it as its own statement)");
            case IsPatternExpressionSyntax or SwitchExpressionSyntax:
                return Block(expression, $"'{Short(expression)}' (patterns are not translated)");
            default:
                return Block(expression, $"'{Short(expression)}' ({expression.Kind()}) is not in the translated subset");
        }
    }

    private NExpr? BindLiteral(LiteralExpressionSyntax literal)
    {
        switch (literal.Token.Value)
        {
            case bool b:
                return new NLiteral(NType.Bool, b ? 1L : 0L);
            case int i:
                return new NLiteral(NType.I32, (long)i);
            case uint u:
                return new NLiteral(NType.U32, (ulong)u);
            case long l:
                return new NLiteral(NType.I64, l);
            case ulong ul:
                return new NLiteral(NType.U64, ul);
            case float f:
                return new NLiteral(NType.F32, (double)f);
            case double d:
                return new NLiteral(NType.F64, d);
            case char c:
                return new NLiteral(NType.Char, (long)c);
            case string:
                return Block(literal, "a string literal (strings are managed objects)");
            case decimal:
                return Block(literal, "a decimal literal (decimal has no native equivalent)");
            default:
                return Block(literal, $"literal '{literal}'");
        }
    }

    private NExpr? BindPrefix(PrefixUnaryExpressionSyntax prefix)
    {
        // `-2147483648` and `-9223372036854775808` are literals of int and long in C#.
        if (prefix.IsKind(SyntaxKind.UnaryMinusExpression) && prefix.Operand is LiteralExpressionSyntax { Token.Value: uint and 2147483648u })
            return new NLiteral(NType.I32, (long)int.MinValue);
        if (prefix.IsKind(SyntaxKind.UnaryMinusExpression) && prefix.Operand is LiteralExpressionSyntax { Token.Value: ulong and 9223372036854775808ul })
            return new NLiteral(NType.I64, long.MinValue);
        if (prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression))
            return Block(prefix, $"'{prefix}' used as a value (write it as its own statement)");
        var operand = BindRValue(prefix.Operand);
        if (operand is null)
            return null;
        switch (prefix.Kind())
        {
            case SyntaxKind.UnaryPlusExpression:
                return operand.Type.IsNumeric ? Conversion(operand, Promote(operand.Type), false, prefix) : Block(prefix, $"'+' on '{operand.Type.CsName}'");
            case SyntaxKind.LogicalNotExpression:
                return operand.Type.Kind == NKind.Bool
                    ? operand is NLiteral { Value: long v } ? new NLiteral(NType.Bool, 1 - v) : new NUnary(NType.Bool, NUnaryOp.Not, operand, false)
                    : Block(prefix, $"'!' on '{operand.Type.CsName}'");
            case SyntaxKind.UnaryMinusExpression:
            {
                if (!operand.Type.IsNumeric)
                    return Block(prefix, $"'-' on '{operand.Type.CsName}'");
                // C#: -uint is long; -ulong does not compile.
                var type = operand.Type.Kind == NKind.U32 ? NType.I64 : Promote(operand.Type);
                if (type.Kind is NKind.U64 or NKind.NUInt)
                    return Block(prefix, $"'-' on '{type.CsName}'");
                var converted = Conversion(operand, type, false, prefix);
                return converted switch
                {
                    NLiteral { Value: long n } when n != long.MinValue && !(type.Kind == NKind.I32 && n == int.MinValue) => new NLiteral(type, -n),
                    NLiteral { Value: double d } => new NLiteral(type, -d),
                    _ => new NUnary(type, NUnaryOp.Neg, converted, _checked),
                };
            }
            case SyntaxKind.BitwiseNotExpression:
            {
                if (!operand.Type.IsInteger && operand.Type.Kind != NKind.Char)
                    return Block(prefix, $"'~' on '{operand.Type.CsName}'");
                var type = Promote(operand.Type);
                return new NUnary(type, NUnaryOp.Complement, Conversion(operand, type, false, prefix), false);
            }
            default:
                return Block(prefix, $"'{prefix.OperatorToken.ValueText}' operator");
        }
    }

    private NExpr? BindBinary(BinaryExpressionSyntax binary)
    {
        var op = binary.Kind() switch
        {
            SyntaxKind.AddExpression => NBinaryOp.Add, SyntaxKind.SubtractExpression => NBinaryOp.Sub, SyntaxKind.MultiplyExpression => NBinaryOp.Mul,
            SyntaxKind.DivideExpression => NBinaryOp.Div, SyntaxKind.ModuloExpression => NBinaryOp.Rem, SyntaxKind.LeftShiftExpression => NBinaryOp.Shl,
            SyntaxKind.RightShiftExpression => NBinaryOp.Shr, SyntaxKind.UnsignedRightShiftExpression => NBinaryOp.UShr,
            SyntaxKind.BitwiseAndExpression => NBinaryOp.And, SyntaxKind.BitwiseOrExpression => NBinaryOp.Or, SyntaxKind.ExclusiveOrExpression => NBinaryOp.Xor,
            SyntaxKind.LogicalAndExpression => NBinaryOp.LogicalAnd, SyntaxKind.LogicalOrExpression => NBinaryOp.LogicalOr,
            SyntaxKind.EqualsExpression => NBinaryOp.Eq, SyntaxKind.NotEqualsExpression => NBinaryOp.Ne, SyntaxKind.LessThanExpression => NBinaryOp.Lt,
            SyntaxKind.LessThanOrEqualExpression => NBinaryOp.Le, SyntaxKind.GreaterThanExpression => NBinaryOp.Gt, SyntaxKind.GreaterThanOrEqualExpression => NBinaryOp.Ge,
            _ => (NBinaryOp?)null,
        };
        if (op is null)
            return Block(binary, $"'{binary.OperatorToken.ValueText}' operator");
        var left = BindRValue(binary.Left);
        var right = BindRValue(binary.Right);
        if (left is null || right is null)
            return null;
        return Binary(binary, op.Value, left, right);
    }

    /// <summary>A binary operator with C#'s predefined-operator resolution for the subset.</summary>
    private NExpr? Binary(SyntaxNode node, NBinaryOp op, NExpr left, NExpr right)
    {
        var display = OperatorText(op);
        if (op is NBinaryOp.LogicalAnd or NBinaryOp.LogicalOr)
        {
            if (left.Type.Kind != NKind.Bool || right.Type.Kind != NKind.Bool)
                return Block(node, $"'{display}' on '{left.Type.CsName}' and '{right.Type.CsName}'");
            return new NBinary(NType.Bool, op, left, right, NType.Bool, false);
        }
        if (left.Type.Kind == NKind.Bool && right.Type.Kind == NKind.Bool && op is NBinaryOp.And or NBinaryOp.Or or NBinaryOp.Xor or NBinaryOp.Eq or NBinaryOp.Ne)
            return new NBinary(NType.Bool, op, left, right, NType.Bool, false);
        if (!left.Type.IsNumeric || !right.Type.IsNumeric)
            return Block(node, $"'{display}' on '{left.Type.CsName}' and '{right.Type.CsName}'");
        if (op is NBinaryOp.Shl or NBinaryOp.Shr or NBinaryOp.UShr)
        {
            var leftType = Promote(left.Type);
            if (!leftType.IsInteger)
                return Block(node, $"'{display}' on '{left.Type.CsName}'");
            if (!ImplicitlyConvertible(right, NType.I32))
                return Block(node, $"shift count of type '{right.Type.CsName}'");
            return new NBinary(leftType, op, Conversion(left, leftType, false, node), Conversion(right, NType.I32, false, node), leftType, _checked);
        }
        var candidates = new List<NType> { NType.I32, NType.U32 };
        if (IsNative(left.Type) || IsNative(right.Type))
            candidates.AddRange([NType.NInt, NType.NUInt]);
        candidates.AddRange([NType.I64, NType.U64, NType.F32, NType.F64]);
        var operandType = candidates.FirstOrDefault(t => ImplicitlyConvertible(left, t) && ImplicitlyConvertible(right, t));
        if (operandType is null)
            return Block(node, $"'{display}' on '{left.Type.CsName}' and '{right.Type.CsName}' (ambiguous in C#)");
        if (op is NBinaryOp.And or NBinaryOp.Or or NBinaryOp.Xor && operandType.IsFloat)
            return Block(node, $"'{display}' on '{operandType.CsName}'");
        var resultType = op is NBinaryOp.Eq or NBinaryOp.Ne or NBinaryOp.Lt or NBinaryOp.Le or NBinaryOp.Gt or NBinaryOp.Ge ? NType.Bool : operandType;
        return new NBinary(resultType, op, Conversion(left, operandType, false, node), Conversion(right, operandType, false, node), operandType, _checked);
    }

    private static bool IsNative(NType type) => type.Kind is NKind.NInt or NKind.NUInt;

    private static string OperatorText(NBinaryOp op) => op switch
    {
        NBinaryOp.Add => "+", NBinaryOp.Sub => "-", NBinaryOp.Mul => "*", NBinaryOp.Div => "/", NBinaryOp.Rem => "%", NBinaryOp.Shl => "<<",
        NBinaryOp.Shr => ">>", NBinaryOp.UShr => ">>>", NBinaryOp.And => "&", NBinaryOp.Or => "|", NBinaryOp.Xor => "^", NBinaryOp.LogicalAnd => "&&",
        NBinaryOp.LogicalOr => "||", NBinaryOp.Eq => "==", NBinaryOp.Ne => "!=", NBinaryOp.Lt => "<", NBinaryOp.Le => "<=", NBinaryOp.Gt => ">", _ => ">=",
    };

    /// <summary>C# unary numeric promotion: sbyte, byte, short, ushort and char compute as int.</summary>
    private static NType Promote(NType type) => type.Kind is NKind.I8 or NKind.U8 or NKind.I16 or NKind.U16 or NKind.Char ? NType.I32 : type;

    private NExpr? BindElement(ElementAccessExpressionSyntax element)
    {
        var span = BindRValue(element.Expression);
        if (span is null)
            return null;
        if (span.Type.Kind != NKind.Span)
            return Block(element, $"indexing '{span.Type.CsName}'");
        if (element.ArgumentList.Arguments is not [{ RefKindKeyword.RawKind: 0 } argument] || argument.Expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.IndexExpression } or RangeExpressionSyntax)
            return Block(element, $"index '{element.ArgumentList}' (only a single integer index is translated)");
        var index = BindRValue(argument.Expression);
        if (index is null)
            return null;
        var indexType = new[] { NType.I32, NType.U32, NType.I64, NType.U64 }.FirstOrDefault(t => ImplicitlyConvertible(index, t));
        if (indexType is null)
            return Block(argument, $"index of type '{index.Type.CsName}'");
        return new NIndex(span.Type.Element!, span, Conversion(index, indexType, false, argument));
    }

    private NExpr? BindMember(MemberAccessExpressionSyntax member)
    {
        var name = member.Name.Identifier.ValueText;
        var qualifier = member.Expression.ToString();
        if (member.Expression is PredefinedTypeSyntax or IdentifierNameSyntax or QualifiedNameSyntax && WellKnownConstant(qualifier, name) is { } known)
            return known;
        if (member.Expression is IdentifierNameSyntax { Identifier.ValueText: var typeName } && _container is not null && typeName == _container.Identifier.ValueText
            && Lookup(typeName) is null && Constant(name, member) is { } own)
            return own;
        var target = BindRValue(member.Expression);
        if (target is null)
            return null;
        if (target.Type.Kind == NKind.Span && name is "Length")
            return new NLength(NType.I32, target);
        if (target.Type.Kind == NKind.Struct)
            return Field(target, member);
        return Block(member, $"'{Short(member)}' (only span and array Length and struct fields are translated)");
    }

    private NExpr? Field(NExpr target, MemberAccessExpressionSyntax member)
    {
        var name = member.Name.Identifier.ValueText;
        var field = target.Type.Struct!.Fields.FirstOrDefault(f => f.Name == name);
        return field is null ? Block(member, $"'{Short(member)}' is not a field of struct '{target.Type.Struct.Name}'") : new NFieldAccess(field.Type, target, name);
    }

    private static NExpr? WellKnownConstant(string qualifier, string name)
    {
        var type = Primitive(qualifier.StartsWith("System.", StringComparison.Ordinal) ? qualifier[7..] : qualifier);
        if (type is not null && type.IsInteger && name is "MaxValue" or "MinValue")
        {
            var max = name == "MaxValue";
            return type.Kind switch
            {
                NKind.I8 => new NLiteral(type, max ? sbyte.MaxValue : (long)sbyte.MinValue),
                NKind.U8 => new NLiteral(type, max ? byte.MaxValue : 0UL),
                NKind.I16 => new NLiteral(type, max ? short.MaxValue : (long)short.MinValue),
                NKind.U16 => new NLiteral(type, max ? ushort.MaxValue : 0UL),
                NKind.I32 => new NLiteral(type, max ? int.MaxValue : (long)int.MinValue),
                NKind.U32 => new NLiteral(type, max ? uint.MaxValue : 0UL),
                NKind.I64 => new NLiteral(type, max ? long.MaxValue : long.MinValue),
                NKind.U64 => new NLiteral(type, max ? ulong.MaxValue : 0UL),
                _ => null, // nint/nuint limits depend on the platform
            };
        }
        if (type is { IsFloat: true })
        {
            var f32 = type.Kind == NKind.F32;
            double? value = name switch
            {
                "NaN" => double.NaN, "PositiveInfinity" => double.PositiveInfinity, "NegativeInfinity" => double.NegativeInfinity,
                "MaxValue" => f32 ? float.MaxValue : double.MaxValue, "MinValue" => f32 ? float.MinValue : double.MinValue,
                "Epsilon" => f32 ? float.Epsilon : double.Epsilon,
                _ => null,
            };
            return value is { } v ? new NLiteral(type, v) : null;
        }
        return (qualifier, name) switch
        {
            ("Math" or "System.Math", "PI") => new NLiteral(NType.F64, Math.PI),
            ("Math" or "System.Math", "E") => new NLiteral(NType.F64, Math.E),
            ("Math" or "System.Math", "Tau") => new NLiteral(NType.F64, Math.Tau),
            ("MathF" or "System.MathF", "PI") => new NLiteral(NType.F32, (double)MathF.PI),
            ("MathF" or "System.MathF", "E") => new NLiteral(NType.F32, (double)MathF.E),
            ("MathF" or "System.MathF", "Tau") => new NLiteral(NType.F32, (double)MathF.Tau),
            _ => null,
        };
    }

    /// <summary>A `const` of the containing type with a primitive type, inlined as its value.</summary>
    private NExpr? Constant(string name, SyntaxNode at)
    {
        if (_container is null || !_constantsInProgress.Add(name))
            return null;
        try
        {
            foreach (var field in _container.Members.OfType<FieldDeclarationSyntax>())
            {
                if (!field.Modifiers.Any(m => m.IsKind(SyntaxKind.ConstKeyword)))
                    continue;
                foreach (var v in field.Declaration.Variables)
                {
                    if (v.Identifier.ValueText != name || v.Initializer is null)
                        continue;
                    var type = ResolveType(field.Declaration.Type, $"constant '{name}'");
                    if (type is null || !(type.IsNumeric || type.Kind == NKind.Bool))
                        return null;
                    var scopes = _scopes.ToList();
                    _scopes.Clear(); // a constant's initializer sees no locals
                    var value = BindValue(v.Initializer.Value, type);
                    _scopes.AddRange(scopes);
                    return value;
                }
            }
            return null;
        }
        finally
        {
            _constantsInProgress.Remove(name);
        }
    }

    private NExpr? BindCreation(TypeSyntax typeSyntax, ArgumentListSyntax? arguments, InitializerExpressionSyntax? initializer, SyntaxNode node)
    {
        var typeName = typeSyntax.ToString();
        if (typeSyntax is not IdentifierNameSyntax || Primitive(typeName) is not null)
            return Block(node, $"'new {typeName}' allocates a managed object");
        if (_structs.ContainsKey(typeName) is false && _findStruct(typeName) is null)
            return Block(node, $"'new {typeName}' allocates a managed object (only workspace structs are created in native code)");
        var type = ResolveType(typeSyntax, "new");
        if (type is null)
            return null;
        if (arguments is { Arguments.Count: > 0 })
            return Block(node, $"'new {typeName}(…)' calls a constructor (use an object initializer: new {typeName} {{ Field = value }})");
        var fields = ImmutableArray.CreateBuilder<(string, NExpr)>();
        foreach (var e in initializer?.Expressions ?? default)
        {
            if (e is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax fieldName } assignment || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                return Block(e, $"initializer '{Short(e)}'");
            var field = type.Struct!.Fields.FirstOrDefault(f => f.Name == fieldName.Identifier.ValueText);
            if (field is null)
                return Block(fieldName, $"'{fieldName}' is not a field of struct '{typeName}'");
            if (BindValue(assignment.Right, field.Type) is not { } value)
                return null;
            fields.Add((field.Name, value));
        }
        return new NStructValue(type, fields.ToImmutable());
    }

    private NExpr? BindInvocation(InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: var qualifierSyntax, Name: IdentifierNameSyntax { Identifier.ValueText: var name } })
        {
            var called = invocation.Expression is IdentifierNameSyntax id ? id.Identifier.ValueText : Short(invocation.Expression);
            return Block(invocation, $"call to '{called}' (only System.Math and MathF functions are translated: extract the callee first, or inline it)");
        }
        var qualifier = qualifierSyntax.ToString();
        if (qualifier.StartsWith("System.", StringComparison.Ordinal))
            qualifier = qualifier[7..];
        var isFloatTest = qualifier is "double" or "float" or "Double" or "Single" && name is "IsNaN" or "IsInfinity" or "IsFinite" or "IsPositiveInfinity" or "IsNegativeInfinity";
        if (!isFloatTest && qualifier is not ("Math" or "MathF"))
        {
            if (IsLinq(name))
                return Block(invocation, $"'{Short(invocation.Expression)}' (LINQ allocates and calls delegates)");
            return Block(invocation, $"call to '{qualifier}.{name}' (only System.Math and MathF functions are translated)");
        }
        var args = new List<NExpr>();
        foreach (var a in invocation.ArgumentList.Arguments)
        {
            if (a.RefKindKeyword.RawKind != 0 || a.NameColon is not null)
                return Block(a, $"argument '{a}'");
            if (BindRValue(a.Expression) is not { } value)
                return null;
            args.Add(value);
        }
        if (qualifier is "double" or "float" or "Double" or "Single" && name is "IsNaN" or "IsInfinity" or "IsFinite" or "IsPositiveInfinity" or "IsNegativeInfinity" && args.Count == 1)
        {
            var type = qualifier is "double" or "Double" ? NType.F64 : NType.F32;
            return ImplicitlyConvertible(args[0], type) ? new NCall(NType.Bool, name, [Conversion(args[0], type, false, invocation)]) : Block(invocation, $"'{qualifier}.{name}' of '{args[0].Type.CsName}'");
        }
        if (qualifier is not ("Math" or "MathF"))
        {
            if (IsLinq(name))
                return Block(invocation, $"'{Short(invocation.Expression)}' (LINQ allocates and calls delegates)");
            return Block(invocation, $"call to '{qualifier}.{name}' (only System.Math and MathF functions are translated)");
        }
        var f32 = qualifier == "MathF";
        return MathCall(invocation, name, args, f32);
    }

    private static bool IsLinq(string name) => name is "Sum" or "Select" or "Where" or "Aggregate" or "Max" or "Min" or "Average" or "Count" or "Any" or "All" or "ToArray" or "ToList" or "OrderBy" or "First" or "Last";

    private NExpr? MathCall(InvocationExpressionSyntax invocation, string name, List<NExpr> args, bool f32)
    {
        var floatType = f32 ? NType.F32 : NType.F64;
        NExpr? Unary(NType type) => args.Count == 1 && ImplicitlyConvertible(args[0], type)
            ? new NCall(type, name, [Conversion(args[0], type, false, invocation)]) : null;
        NType? Overload(int arity, bool integers)
        {
            if (args.Count != arity)
                return null;
            IEnumerable<NType> order = f32 ? [NType.F32] : integers
                ? [NType.I8, NType.U8, NType.I16, NType.U16, NType.I32, NType.U32, NType.I64, NType.U64, NType.NInt, NType.NUInt, NType.F32, NType.F64]
                : [NType.F64];
            // The exact overload when every argument has that type, else the first all arguments convert to (C# better-conversion for the subset).
            return order.FirstOrDefault(t => args.All(a => a.Type.Equals(t))) ?? order.Where(t => t.Kind is not (NKind.I8 or NKind.U8 or NKind.I16 or NKind.U16))
                .FirstOrDefault(t => args.All(a => ImplicitlyConvertible(a, t)));
        }
        NExpr? Call(NType? type, NType? result = null) => type is null ? null
            : new NCall(result ?? type, name, [.. args.Select(a => Conversion(a, type, false, invocation))]);

        NExpr? bound = name switch
        {
            "Abs" => Call(Overload(1, integers: true)),
            "Min" or "Max" => Call(Overload(2, integers: true)),
            "Clamp" => Call(Overload(3, integers: true)),
            "Sign" => Call(Overload(1, integers: true), NType.I32),
            "Sqrt" or "Floor" or "Ceiling" or "Truncate" or "Exp" or "Log" or "Log2" or "Log10" or "Sin" or "Cos" or "Tan" or "Asin" or "Acos" or "Atan"
                or "Sinh" or "Cosh" or "Tanh" or "Cbrt" => Unary(floatType),
            "Round" when args.Count == 1 => Unary(floatType),
            "Pow" or "Atan2" or "Hypot" when args.Count == 2 => Call(args.All(a => ImplicitlyConvertible(a, floatType)) ? floatType : null),
            "FusedMultiplyAdd" when args.Count == 3 => Call(args.All(a => ImplicitlyConvertible(a, floatType)) ? floatType : null),
            _ => null,
        };
        return bound ?? Block(invocation, $"'{(f32 ? "MathF" : "Math")}.{name}' with these arguments is not translated");
    }

    // ---------------------------------------------------------------- conversions

    private static bool ImplicitlyConvertible(NExpr value, NType target)
    {
        var source = value.Type;
        if (source.Equals(target))
            return true;
        if (value is NLiteral { Value: long c } && source.Kind == NKind.I32 && target.IsInteger && Fits(c, target))
            return true; // constant expression conversion
        if (value is NLiteral { Value: long c2 } && source.Kind == NKind.I64 && target.Kind == NKind.U64 && c2 >= 0)
            return true;
        return (source.Kind, target.Kind) switch
        {
            (NKind.I8, NKind.I16 or NKind.I32 or NKind.I64 or NKind.F32 or NKind.F64 or NKind.NInt) => true,
            (NKind.U8, NKind.I16 or NKind.U16 or NKind.I32 or NKind.U32 or NKind.I64 or NKind.U64 or NKind.F32 or NKind.F64 or NKind.NInt or NKind.NUInt) => true,
            (NKind.I16, NKind.I32 or NKind.I64 or NKind.F32 or NKind.F64 or NKind.NInt) => true,
            (NKind.U16 or NKind.Char, NKind.I32 or NKind.U32 or NKind.I64 or NKind.U64 or NKind.F32 or NKind.F64 or NKind.NInt or NKind.NUInt) => true,
            (NKind.Char, NKind.U16) => true,
            (NKind.I32, NKind.I64 or NKind.F32 or NKind.F64 or NKind.NInt) => true,
            (NKind.U32, NKind.I64 or NKind.U64 or NKind.F32 or NKind.F64 or NKind.NUInt) => true,
            (NKind.I64 or NKind.U64, NKind.F32 or NKind.F64) => true,
            (NKind.NInt, NKind.I64 or NKind.F32 or NKind.F64) => true,
            (NKind.NUInt, NKind.U64 or NKind.F32 or NKind.F64) => true,
            (NKind.F32, NKind.F64) => true,
            _ => false,
        };
    }

    private static bool Fits(long value, NType type) => type.Kind switch
    {
        NKind.I8 => value is >= sbyte.MinValue and <= sbyte.MaxValue,
        NKind.U8 => value is >= 0 and <= byte.MaxValue,
        NKind.I16 => value is >= short.MinValue and <= short.MaxValue,
        NKind.U16 => value is >= 0 and <= ushort.MaxValue,
        NKind.I32 or NKind.NInt => value is >= int.MinValue and <= int.MaxValue,
        NKind.U32 or NKind.NUInt => value is >= 0 and <= uint.MaxValue,
        NKind.I64 => true,
        NKind.U64 => value >= 0,
        _ => false,
    };

    /// <summary>A conversion node; constants that fit are folded into a literal of the target type.</summary>
    private NExpr Conversion(NExpr value, NType target, bool explicitly, SyntaxNode node)
    {
        if (value.Type.Equals(target))
            return value;
        switch (value)
        {
            case NLiteral { Value: long c } when target.IsInteger && Fits(c, target):
                return new NLiteral(target, target.IsSigned ? c : (object)(ulong)c);
            case NLiteral { Value: ulong u } when target.IsInteger && (!target.IsSigned && (target.Bits == 64 || u <= uint.MaxValue && target.Bits == 32 || u <= 0xFFFF && target.Bits == 16 || u <= 0xFF) || target.IsSigned && u <= int.MaxValue && Fits((long)u, target)):
                return new NLiteral(target, target.IsSigned ? (long)u : (object)u);
            case NLiteral { Value: long c2 } when target.IsFloat:
                return new NLiteral(target, target.Kind == NKind.F32 ? (double)(float)c2 : c2);
            case NLiteral { Value: ulong u2 } when target.IsFloat:
                return new NLiteral(target, target.Kind == NKind.F32 ? (double)(float)u2 : u2);
            case NLiteral { Value: double d } when target.Kind == NKind.F64:
                return new NLiteral(target, d);
        }
        _ = explicitly;
        _ = node;
        return new NConvert(target, value, _checked && value.Type.IsInteger | value.Type.Kind == NKind.Char && target.IsInteger);
    }

    // ---------------------------------------------------------------- helpers

    private NVariable? Lookup(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out var v))
                return v;
        }
        return null;
    }

    private NExpr? Block(SyntaxNode node, string reason)
    {
        Add(node.Span, reason);
        return null;
    }

    private NStmt? BlockS(SyntaxNode node, string reason)
    {
        Add(node.Span, reason);
        return null;
    }

    private void Block(SyntaxToken token, string reason) => Add(token.Span, reason);

    private void Add(Microsoft.CodeAnalysis.Text.TextSpan span, string reason)
    {
        if (_blockers.Count >= MaxBlockers || _blockers.Any(b => b.Span.Start == span.Start && b.Reason == reason))
            return;
        var line = _tree.GetLineSpan(span).StartLinePosition.Line + 1;
        _blockers.Add(new ExtractBlocker(new TextSpan(span.Start, span.Length), line, reason));
    }

    private static string Short(SyntaxNode node)
    {
        var text = string.Join(" ", node.ToString().Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 40 ? text : text[..37] + "…";
    }
}
