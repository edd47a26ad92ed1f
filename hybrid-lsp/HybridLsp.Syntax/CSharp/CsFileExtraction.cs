using System.Collections.Immutable;
using HybridLsp.Syntax.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridLsp.Syntax.CSharp;

/// <summary>
/// One pass over one syntax tree. Nodes come from <see cref="SyntaxNode.DescendantNodesAndSelf(Func{SyntaxNode, bool}?, bool)"/>,
/// which is iterative (no stack overflow on deeply nested code) and yields in document order, so the enclosing
/// namespaces and types are kept on a stack popped by position instead of walking parents for every node.
/// </summary>
internal sealed class CsFileExtraction(bool collectInvocations, CancellationToken cancellationToken)
{
    private const string TopLevelProgram = "Program";
    private const int MaxQualifierText = 200;

    private readonly List<Scope> _scopes = [];
    private readonly ImmutableArray<CsExternMethod>.Builder _externs = ImmutableArray.CreateBuilder<CsExternMethod>();
    private readonly ImmutableArray<CsStruct>.Builder _structs = ImmutableArray.CreateBuilder<CsStruct>();
    private readonly ImmutableArray<CsEnum>.Builder _enums = ImmutableArray.CreateBuilder<CsEnum>();
    private readonly ImmutableArray<CsDelegate>.Builder _delegates = ImmutableArray.CreateBuilder<CsDelegate>();
    private readonly ImmutableArray<CsClass>.Builder _classes = ImmutableArray.CreateBuilder<CsClass>();
    private readonly ImmutableArray<CsConstant>.Builder _constants = ImmutableArray.CreateBuilder<CsConstant>();
    private readonly ImmutableArray<CsInvocation>.Builder _invocations = ImmutableArray.CreateBuilder<CsInvocation>();
    private readonly ImmutableDictionary<string, string>.Builder _aliases = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
    private bool _disableRuntimeMarshalling;
    private CsPragmaTracker? _pragmas;

    private sealed record Scope(SyntaxNode Node, string FullName, string SimpleName, bool IsType);

    private string _text = "";

    public void Run(CSharpSyntaxNode root, string text)
    {
        _text = text;
        _pragmas = CsPragmaTracker.Create(root, text);
        var count = 0;
        foreach (var node in root.DescendantNodesAndSelf(ShouldDescend))
        {
            if ((++count & 1023) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            PopScopes(node);
            switch (node)
            {
                case CompilationUnitSyntax unit:
                    ReadUsings(unit.Usings);
                    ReadAssemblyAttributes(unit.AttributeLists);
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    PushNamespace(ns);
                    ReadUsings(ns.Usings);
                    break;
                case EnumDeclarationSyntax enumDeclaration:
                    ReadEnum(enumDeclaration, PushType(enumDeclaration));
                    break;
                case TypeDeclarationSyntax type:
                    ReadType(type, PushType(type));
                    break;
                case DelegateDeclarationSyntax delegateDeclaration:
                    ReadDelegate(delegateDeclaration);
                    break;
                case MethodDeclarationSyntax method:
                    ReadMethod(method, method.AttributeLists, method.Modifiers, method.ReturnType, method.Identifier, method.ParameterList);
                    break;
                case LocalFunctionStatementSyntax localFunction:
                    // `[DllImport] static extern` local functions: top-level programs declare externs this way.
                    ReadMethod(localFunction, localFunction.AttributeLists, localFunction.Modifiers, localFunction.ReturnType, localFunction.Identifier, localFunction.ParameterList);
                    break;
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    ReadConstants(field);
                    break;
                case InvocationExpressionSyntax invocation when collectInvocations:
                    ReadInvocation(invocation);
                    break;
            }
        }
    }

    public CsFileSyntax ToResult(ImmutableArray<SyntaxError> errors) => new(
        _externs.ToImmutable(), _structs.ToImmutable(), _enums.ToImmutable(), _delegates.ToImmutable(), _classes.ToImmutable(),
        _constants.ToImmutable(), _invocations.ToImmutable(), _disableRuntimeMarshalling, _aliases.ToImmutable(), errors)
    {
        Suppressions = _pragmas?.Suppressions() ?? [],
    };

    // Without call sites only declarations matter: method bodies, initializers and arguments are never entered.
    private bool ShouldDescend(SyntaxNode node) =>
        collectInvocations || node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or GlobalStatementSyntax;

    private void PopScopes(SyntaxNode node)
    {
        var start = node.FullSpan.Start;
        while (_scopes.Count > 0)
        {
            var scope = _scopes[^1].Node.FullSpan;
            if (start >= scope.Start && node.FullSpan.End <= scope.End && (start < scope.End || node.FullSpan.Length == 0))
                return;
            _scopes.RemoveAt(_scopes.Count - 1);
        }
    }

    private string CurrentFullName => _scopes.Count == 0 ? "" : _scopes[^1].FullName;

    private Scope? CurrentType
    {
        get
        {
            for (var i = _scopes.Count - 1; i >= 0; i--)
            {
                if (_scopes[i].IsType)
                    return _scopes[i];
            }
            return null;
        }
    }

    private string Qualify(string name) => _scopes.Count == 0 ? name : CurrentFullName + "." + name;

    private void PushNamespace(BaseNamespaceDeclarationSyntax ns)
    {
        var name = CsValueReader.DottedName(ns.Name) is { } parts ? string.Join(".", parts) : ns.Name.ToString();
        _scopes.Add(new Scope(ns, Qualify(name), name, IsType: false));
    }

    private string PushType(BaseTypeDeclarationSyntax type)
    {
        var name = type.Identifier.ValueText;
        var fullName = Qualify(name);
        _scopes.Add(new Scope(type, fullName, name, IsType: true));
        return fullName;
    }

    private void ReadUsings(SyntaxList<UsingDirectiveSyntax> usings)
    {
        foreach (var usingDirective in usings)
        {
            if (usingDirective.Alias is { } alias && !alias.Name.Identifier.IsMissing && usingDirective.NamespaceOrType is { IsMissing: false } target)
                _aliases[alias.Name.Identifier.ValueText] = target.ToString();
        }
    }

    private void ReadAssemblyAttributes(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            if (list.Target?.Identifier.ValueText is not ("assembly" or "module"))
                continue;
            foreach (var attribute in list.Attributes)
            {
                if (CsAttributes.Is(attribute, "DisableRuntimeMarshalling"))
                    _disableRuntimeMarshalling = true;
            }
        }
    }

    private ImmutableArray<string> Suppressed(SyntaxNode node) => _pragmas?.DisabledAt(node.SpanStart) ?? ImmutableArray<string>.Empty;

    private static TextSpan Span(SyntaxNode node) => new(node.Span.Start, node.Span.Length);

    private static TextSpan Span(SyntaxToken token) => new(token.Span.Start, token.Span.Length);

    private void ReadMethod(
        SyntaxNode method, SyntaxList<AttributeListSyntax> attributeLists, SyntaxTokenList modifiers, TypeSyntax returnType,
        SyntaxToken identifier, ParameterListSyntax parameterList)
    {
        AttributeSyntax? import = null;
        var kind = CsImportKind.DllImport;
        foreach (var list in attributeLists)
        {
            if (list.Target is { } target && target.Identifier.ValueText != "method")
                continue;
            foreach (var attribute in list.Attributes)
            {
                if (CsAttributes.Is(attribute, "DllImport"))
                    (import, kind) = (attribute, CsImportKind.DllImport);
                else if (CsAttributes.Is(attribute, "LibraryImport"))
                    (import, kind) = (attribute, CsImportKind.LibraryImport);
                else
                    continue;
                break;
            }
            if (import is not null)
                break;
        }
        if (import is null)
            return;

        var libraryExpression = CsAttributes.Positional(import, 0, kind == CsImportKind.DllImport ? "dllName" : "libraryName");
        var library = libraryExpression is null
            ? new CsValue.Unsupported(new TextSpan(import.Span.End, 0), "")
            : CsValueReader.Read(libraryExpression);
        var entryPoint = CsAttributes.Named(import, "EntryPoint") is { } entryPointExpression ? CsValueReader.Read(entryPointExpression) : null;

        var callConv = CsAttributes.Find(attributeLists, "UnmanagedCallConv");
        var container = CurrentType;
        _externs.Add(new CsExternMethod(
            identifier.ValueText,
            Span(identifier),
            Span(method),
            container?.FullName ?? TopLevelProgram,
            container?.SimpleName ?? TopLevelProgram,
            kind,
            Span(import),
            library,
            entryPoint,
            CsAttributes.CharSet(CsAttributes.Named(import, "CharSet")),
            CsAttributes.CallingConvention(CsAttributes.Named(import, "CallingConvention")),
            CsAttributes.Bool(CsAttributes.Named(import, "SetLastError")),
            CsAttributes.Bool(CsAttributes.Named(import, "ExactSpelling")),
            CsAttributes.StringMarshalling(CsAttributes.Named(import, "StringMarshalling")),
            CsAttributes.TypeOf(CsAttributes.Named(import, "StringMarshallingCustomType")),
            CsTypeReader.Read(returnType),
            CsAttributes.MarshalInfo(attributeLists, "return"),
            ReadParameters(parameterList),
            Span(parameterList),
            callConv is null ? default : CsAttributes.UnmanagedCallConvs(callConv),
            modifiers.Any(SyntaxKind.PartialKeyword),
            modifiers.Any(SyntaxKind.StaticKeyword),
            Suppressed(method)));
    }

    private static ImmutableArray<CsParameter> ReadParameters(BaseParameterListSyntax? parameterList)
    {
        if (parameterList is null || parameterList.Parameters.Count == 0)
            return ImmutableArray<CsParameter>.Empty;
        var builder = ImmutableArray.CreateBuilder<CsParameter>(parameterList.Parameters.Count);
        foreach (var parameter in parameterList.Parameters)
        {
            builder.Add(new CsParameter(
                parameter.Identifier.ValueText,
                Span(parameter.Identifier),
                CsTypeReader.RefKind(parameter.Modifiers),
                parameter.Type is null ? new CsUnknownType(Span(parameter), parameter.ToString()) : CsTypeReader.Read(parameter.Type),
                CsAttributes.MarshalInfo(parameter.AttributeLists, null),
                parameter.Modifiers.Any(SyntaxKind.ParamsKeyword),
                parameter.Modifiers.Any(SyntaxKind.ThisKeyword)));
        }
        return builder.MoveToImmutable();
    }

    private void ReadType(TypeDeclarationSyntax type, string fullName)
    {
        var isStruct = type.IsKind(SyntaxKind.StructDeclaration) || type.IsKind(SyntaxKind.RecordStructDeclaration);
        var isClass = type.IsKind(SyntaxKind.ClassDeclaration) || type.IsKind(SyntaxKind.RecordDeclaration);
        var baseTypeName = isClass && type.BaseList is { Types.Count: > 0 } baseList ? baseList.Types[0].Type.ToString() : null;
        if (isClass && baseTypeName is not null)
            _classes.Add(new CsClass(type.Identifier.ValueText, fullName, Span(type.Identifier), baseTypeName));

        var layoutAttribute = CsAttributes.Find(type.AttributeLists, "StructLayout");
        if (!isStruct && !(isClass && layoutAttribute is not null))
            return;
        _structs.Add(new CsStruct(
            type.Identifier.ValueText,
            Span(type.Identifier),
            Span(type),
            fullName,
            isClass,
            type is RecordDeclarationSyntax,
            ReadLayout(layoutAttribute),
            CsAttributes.Find(type.AttributeLists, "NativeMarshalling") is not null,
            baseTypeName,
            ReadFields(type),
            Suppressed(type)));
    }

    private static CsStructLayout ReadLayout(AttributeSyntax? attribute)
    {
        if (attribute is null)
            return new CsStructLayout(null, null, null, CsCharSet.Unspecified);
        var kind = CsAttributes.EnumMember(CsAttributes.Positional(attribute, 0, "layoutKind")) switch
        {
            "0" => "Sequential",
            "2" => "Explicit",
            "3" => "Auto",
            var other => other,
        };
        return new CsStructLayout(
            kind,
            CsAttributes.Int(CsAttributes.Named(attribute, "Pack")),
            CsAttributes.Int(CsAttributes.Named(attribute, "Size")),
            CsAttributes.CharSet(CsAttributes.Named(attribute, "CharSet")));
    }

    private static ImmutableArray<CsField> ReadFields(TypeDeclarationSyntax type)
    {
        var fields = ImmutableArray.CreateBuilder<CsField>();
        // Positional record struct parameters become properties with backing fields, laid out first.
        if (type is RecordDeclarationSyntax { ParameterList: { } parameters })
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Type is null)
                    continue;
                fields.Add(new CsField(
                    parameter.Identifier.ValueText, Span(parameter.Identifier), CsTypeReader.Read(parameter.Type),
                    CsAttributes.MarshalInfo(parameter.AttributeLists, "field", untargeted: false),
                    FieldOffset(parameter.AttributeLists, untargeted: false), false, null));
            }
        }

        foreach (var member in type.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field when !field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    var isFixed = field.Modifiers.Any(SyntaxKind.FixedKeyword);
                    var fieldType = CsTypeReader.Read(field.Declaration.Type);
                    var marshal = CsAttributes.MarshalInfo(field.AttributeLists, "field");
                    var offset = FieldOffset(field.AttributeLists, untargeted: true);
                    foreach (var declarator in field.Declaration.Variables)
                    {
                        int? length = isFixed && declarator.ArgumentList is { Arguments: [var size] } ? CsAttributes.Int(size.Expression) : null;
                        fields.Add(new CsField(declarator.Identifier.ValueText, Span(declarator.Identifier), fieldType, marshal, offset, isFixed, length));
                    }
                    break;
                case PropertyDeclarationSyntax property when IsAutoProperty(property):
                    // An auto-property's backing field takes part in the layout like a field.
                    fields.Add(new CsField(
                        property.Identifier.ValueText, Span(property.Identifier), CsTypeReader.Read(property.Type),
                        CsAttributes.MarshalInfo(property.AttributeLists, "field", untargeted: false),
                        FieldOffset(property.AttributeLists, untargeted: false), false, null));
                    break;
            }
        }
        return fields.ToImmutable();
    }

    private static int? FieldOffset(SyntaxList<AttributeListSyntax> lists, bool untargeted)
    {
        foreach (var list in lists)
        {
            if (!CsAttributes.TargetMatches(list, "field", untargeted))
                continue;
            foreach (var attribute in list.Attributes)
            {
                if (CsAttributes.Is(attribute, "FieldOffset"))
                    return CsAttributes.Int(CsAttributes.Positional(attribute, 0, "offset"));
            }
        }
        return null;
    }

    private static bool IsAutoProperty(PropertyDeclarationSyntax property) =>
        !property.Modifiers.Any(SyntaxKind.StaticKeyword)
        && !property.Modifiers.Any(SyntaxKind.AbstractKeyword)
        && property.ExpressionBody is null
        && property.AccessorList is { Accessors.Count: > 0 } accessors
        && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);

    private void ReadEnum(EnumDeclarationSyntax enumDeclaration, string fullName)
    {
        var underlying = enumDeclaration.BaseList is { Types: [var first, ..] } ? CsTypeReader.ReadPrimitive(first.Type) ?? CsPrimitive.Int : CsPrimitive.Int;
        var members = ImmutableArray.CreateBuilder<CsEnumMember>(enumDeclaration.Members.Count);
        foreach (var member in enumDeclaration.Members)
        {
            members.Add(new CsEnumMember(
                member.Identifier.ValueText,
                Span(member.Identifier),
                member.EqualsValue is { } equalsValue ? CsValueReader.Read(equalsValue.Value) : null));
        }
        _enums.Add(new CsEnum(
            enumDeclaration.Identifier.ValueText, Span(enumDeclaration.Identifier), Span(enumDeclaration), fullName, underlying,
            members.MoveToImmutable(), CsAttributes.Find(enumDeclaration.AttributeLists, "Flags") is not null, Suppressed(enumDeclaration)));
    }

    private void ReadDelegate(DelegateDeclarationSyntax delegateDeclaration)
    {
        CsCallingConvention? convention = CsAttributes.Find(delegateDeclaration.AttributeLists, "UnmanagedFunctionPointer") is { } attribute
            ? CsAttributes.CallingConvention(CsAttributes.Positional(attribute, 0, "callingConvention"))
            : null;
        _delegates.Add(new CsDelegate(
            delegateDeclaration.Identifier.ValueText,
            Span(delegateDeclaration.Identifier),
            Span(delegateDeclaration),
            Qualify(delegateDeclaration.Identifier.ValueText),
            convention,
            CsTypeReader.Read(delegateDeclaration.ReturnType),
            CsAttributes.MarshalInfo(delegateDeclaration.AttributeLists, "return"),
            ReadParameters(delegateDeclaration.ParameterList)));
    }

    private void ReadConstants(FieldDeclarationSyntax field)
    {
        if (CurrentType is not { } container)
            return;
        foreach (var declarator in field.Declaration.Variables)
        {
            if (declarator.Initializer is not { } initializer || declarator.Identifier.IsMissing)
                continue;
            _constants.Add(new CsConstant(
                declarator.Identifier.ValueText, container.FullName, container.SimpleName,
                Span(declarator.Identifier), CsValueReader.Read(initializer.Value)));
        }
    }

    private void ReadInvocation(InvocationExpressionSyntax invocation)
    {
        SyntaxToken name;
        string? qualifier = null;
        switch (invocation.Expression)
        {
            case IdentifierNameSyntax identifier:
                if (identifier.Identifier.ValueText == "nameof" && CsValueReader.NameOf(invocation) is not null)
                    return;
                name = identifier.Identifier;
                break;
            case GenericNameSyntax generic:
                name = generic.Identifier;
                break;
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access:
                name = access.Name.Identifier;
                qualifier = CsValueReader.DottedText(access.Expression) ?? Truncate(access.Expression.Span);
                break;
            default:
                return;
        }
        if (name.IsMissing || name.ValueText.Length == 0)
            return;
        _invocations.Add(new CsInvocation(name.ValueText, Span(name), qualifier, CurrentType?.FullName ?? TopLevelProgram));
    }

    // The receiver's text, at most MaxQualifierText characters, read from the source: ToString() of a long call chain would
    // copy the whole chain for every call in it.
    private string Truncate(Microsoft.CodeAnalysis.Text.TextSpan span) =>
        _text.Substring(span.Start, Math.Min(span.Length, MaxQualifierText));
}
