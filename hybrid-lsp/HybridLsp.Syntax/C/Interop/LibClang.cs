using System.Runtime.InteropServices;

namespace HybridLsp.Syntax.C.Interop;

/// <summary>
/// The libclang C API functions the extractor calls, as unmanaged function pointers resolved from one loaded library.
/// Function pointers rather than [LibraryImport]: which file is loaded is the user's choice at run time
/// (<see cref="ClangOptions"/>), several could coexist, and a missing export is reported by name instead of failing
/// on first call. Signatures follow clang-c/Index.h; every struct is passed and returned by value as in C.
/// </summary>
internal sealed unsafe class LibClang
{
    public readonly delegate* unmanaged<int, int, IntPtr> CreateIndex;
    public readonly delegate* unmanaged<IntPtr, void> DisposeIndex;
    public readonly delegate* unmanaged<IntPtr, byte*, byte**, int, CXUnsavedFile*, uint, uint, IntPtr*, int> ParseTranslationUnit2;
    public readonly delegate* unmanaged<IntPtr, void> DisposeTranslationUnit;
    public readonly delegate* unmanaged<IntPtr, CXCursor> GetTranslationUnitCursor;
    public readonly delegate* unmanaged<CXCursor, delegate* unmanaged<CXCursor, CXCursor, IntPtr, int>, IntPtr, uint> VisitChildren;
    public readonly delegate* unmanaged<IntPtr, delegate* unmanaged<IntPtr, CXSourceLocation*, uint, IntPtr, void>, IntPtr, void> GetInclusions;
    public readonly delegate* unmanaged<IntPtr, uint> GetNumDiagnostics;
    public readonly delegate* unmanaged<IntPtr, uint, IntPtr> GetDiagnostic;
    public readonly delegate* unmanaged<IntPtr, void> DisposeDiagnostic;
    public readonly delegate* unmanaged<IntPtr, int> GetDiagnosticSeverity;
    public readonly delegate* unmanaged<IntPtr, CXString> GetDiagnosticSpelling;
    public readonly delegate* unmanaged<IntPtr, CXSourceLocation> GetDiagnosticLocation;
    public readonly delegate* unmanaged<CXSourceLocation, IntPtr*, uint*, uint*, uint*, void> GetFileLocation;
    public readonly delegate* unmanaged<CXSourceLocation, int> LocationIsInSystemHeader;
    public readonly delegate* unmanaged<IntPtr, CXString> GetFileName;
    public readonly delegate* unmanaged<CXString, byte*> GetCString;
    public readonly delegate* unmanaged<CXString, void> DisposeString;
    public readonly delegate* unmanaged<CXString> GetClangVersion;
    public readonly delegate* unmanaged<CXCursor, CXString> GetCursorSpelling;
    public readonly delegate* unmanaged<CXCursor, CXSourceLocation> GetCursorLocation;
    public readonly delegate* unmanaged<CXCursor, CXSourceRange> GetCursorExtent;
    public readonly delegate* unmanaged<CXSourceRange, CXSourceLocation> GetRangeStart;
    public readonly delegate* unmanaged<CXSourceRange, CXSourceLocation> GetRangeEnd;
    public readonly delegate* unmanaged<CXCursor, uint> IsCursorDefinition;
    public readonly delegate* unmanaged<CXCursor, CXCursor> GetCanonicalCursor;
    public readonly delegate* unmanaged<CXCursor, uint> CursorHasAttrs;
    public readonly delegate* unmanaged<CXCursor, int> CursorGetStorageClass;
    public readonly delegate* unmanaged<CXCursor, CXString> CursorGetMangling;
    public readonly delegate* unmanaged<CXCursor, int> GetCursorVisibility;
    public readonly delegate* unmanaged<CXCursor, int> GetCursorLinkage;
    public readonly delegate* unmanaged<CXCursor, uint> CursorIsVariadic;
    public readonly delegate* unmanaged<CXCursor, uint> IsInvalidDeclaration;
    public readonly delegate* unmanaged<CXCursor, CXType> GetCursorType;
    public readonly delegate* unmanaged<CXCursor, int> CursorGetNumArguments;
    public readonly delegate* unmanaged<CXCursor, uint, CXCursor> CursorGetArgument;
    public readonly delegate* unmanaged<CXCursor, uint> CursorIsAnonymous;
    public readonly delegate* unmanaged<CXCursor, long> CursorGetOffsetOfField;
    public readonly delegate* unmanaged<CXCursor, uint> CursorIsBitField;
    public readonly delegate* unmanaged<CXCursor, int> GetFieldDeclBitWidth;
    public readonly delegate* unmanaged<CXCursor, CXType> GetTypedefDeclUnderlyingType;
    public readonly delegate* unmanaged<CXCursor, CXType> GetEnumDeclIntegerType;
    public readonly delegate* unmanaged<CXCursor, long> GetEnumConstantDeclValue;
    public readonly delegate* unmanaged<CXCursor, ulong> GetEnumConstantDeclUnsignedValue;
    public readonly delegate* unmanaged<CXCursor, uint> EnumDeclIsScoped;
    public readonly delegate* unmanaged<CXType, CXString> GetTypeSpelling;
    public readonly delegate* unmanaged<CXType, CXType> GetCanonicalType;
    public readonly delegate* unmanaged<CXType, CXType> GetPointeeType;
    public readonly delegate* unmanaged<CXType, uint> IsConstQualifiedType;
    public readonly delegate* unmanaged<CXType, CXType> GetArrayElementType;
    public readonly delegate* unmanaged<CXType, long> GetArraySize;
    public readonly delegate* unmanaged<CXType, long> TypeGetSizeOf;
    public readonly delegate* unmanaged<CXType, long> TypeGetAlignOf;
    public readonly delegate* unmanaged<CXType, byte*, long> TypeGetOffsetOf;
    public readonly delegate* unmanaged<CXType, CXCursor> GetTypeDeclaration;
    public readonly delegate* unmanaged<CXType, CXType> TypeGetNamedType;
    public readonly delegate* unmanaged<CXType, CXType> TypeGetModifiedType;
    public readonly delegate* unmanaged<CXType, CXType> TypeGetValueType;
    public readonly delegate* unmanaged<CXType, int> GetFunctionTypeCallingConv;
    public readonly delegate* unmanaged<CXType, CXType> GetResultType;
    public readonly delegate* unmanaged<CXType, int> GetNumArgTypes;
    public readonly delegate* unmanaged<CXType, uint, CXType> GetArgType;
    public readonly delegate* unmanaged<CXType, uint> IsFunctionTypeVariadic;

    private LibClang(IntPtr handle, List<string> missing)
    {
        CreateIndex = (delegate* unmanaged<int, int, IntPtr>)Resolve(handle, "clang_createIndex", missing);
        DisposeIndex = (delegate* unmanaged<IntPtr, void>)Resolve(handle, "clang_disposeIndex", missing);
        ParseTranslationUnit2 = (delegate* unmanaged<IntPtr, byte*, byte**, int, CXUnsavedFile*, uint, uint, IntPtr*, int>)Resolve(handle, "clang_parseTranslationUnit2", missing);
        DisposeTranslationUnit = (delegate* unmanaged<IntPtr, void>)Resolve(handle, "clang_disposeTranslationUnit", missing);
        GetTranslationUnitCursor = (delegate* unmanaged<IntPtr, CXCursor>)Resolve(handle, "clang_getTranslationUnitCursor", missing);
        VisitChildren = (delegate* unmanaged<CXCursor, delegate* unmanaged<CXCursor, CXCursor, IntPtr, int>, IntPtr, uint>)Resolve(handle, "clang_visitChildren", missing);
        GetInclusions = (delegate* unmanaged<IntPtr, delegate* unmanaged<IntPtr, CXSourceLocation*, uint, IntPtr, void>, IntPtr, void>)Resolve(handle, "clang_getInclusions", missing);
        GetNumDiagnostics = (delegate* unmanaged<IntPtr, uint>)Resolve(handle, "clang_getNumDiagnostics", missing);
        GetDiagnostic = (delegate* unmanaged<IntPtr, uint, IntPtr>)Resolve(handle, "clang_getDiagnostic", missing);
        DisposeDiagnostic = (delegate* unmanaged<IntPtr, void>)Resolve(handle, "clang_disposeDiagnostic", missing);
        GetDiagnosticSeverity = (delegate* unmanaged<IntPtr, int>)Resolve(handle, "clang_getDiagnosticSeverity", missing);
        GetDiagnosticSpelling = (delegate* unmanaged<IntPtr, CXString>)Resolve(handle, "clang_getDiagnosticSpelling", missing);
        GetDiagnosticLocation = (delegate* unmanaged<IntPtr, CXSourceLocation>)Resolve(handle, "clang_getDiagnosticLocation", missing);
        GetFileLocation = (delegate* unmanaged<CXSourceLocation, IntPtr*, uint*, uint*, uint*, void>)Resolve(handle, "clang_getFileLocation", missing);
        LocationIsInSystemHeader = (delegate* unmanaged<CXSourceLocation, int>)Resolve(handle, "clang_Location_isInSystemHeader", missing);
        GetFileName = (delegate* unmanaged<IntPtr, CXString>)Resolve(handle, "clang_getFileName", missing);
        GetCString = (delegate* unmanaged<CXString, byte*>)Resolve(handle, "clang_getCString", missing);
        DisposeString = (delegate* unmanaged<CXString, void>)Resolve(handle, "clang_disposeString", missing);
        GetClangVersion = (delegate* unmanaged<CXString>)Resolve(handle, "clang_getClangVersion", missing);
        GetCursorSpelling = (delegate* unmanaged<CXCursor, CXString>)Resolve(handle, "clang_getCursorSpelling", missing);
        GetCursorLocation = (delegate* unmanaged<CXCursor, CXSourceLocation>)Resolve(handle, "clang_getCursorLocation", missing);
        GetCursorExtent = (delegate* unmanaged<CXCursor, CXSourceRange>)Resolve(handle, "clang_getCursorExtent", missing);
        GetRangeStart = (delegate* unmanaged<CXSourceRange, CXSourceLocation>)Resolve(handle, "clang_getRangeStart", missing);
        GetRangeEnd = (delegate* unmanaged<CXSourceRange, CXSourceLocation>)Resolve(handle, "clang_getRangeEnd", missing);
        IsCursorDefinition = (delegate* unmanaged<CXCursor, uint>)Resolve(handle, "clang_isCursorDefinition", missing);
        GetCanonicalCursor = (delegate* unmanaged<CXCursor, CXCursor>)Resolve(handle, "clang_getCanonicalCursor", missing);
        CursorHasAttrs = (delegate* unmanaged<CXCursor, uint>)Resolve(handle, "clang_Cursor_hasAttrs", missing);
        CursorGetStorageClass = (delegate* unmanaged<CXCursor, int>)Resolve(handle, "clang_Cursor_getStorageClass", missing);
        CursorGetMangling = (delegate* unmanaged<CXCursor, CXString>)Resolve(handle, "clang_Cursor_getMangling", missing);
        GetCursorVisibility = (delegate* unmanaged<CXCursor, int>)Resolve(handle, "clang_getCursorVisibility", missing);
        GetCursorLinkage = (delegate* unmanaged<CXCursor, int>)Resolve(handle, "clang_getCursorLinkage", missing);
        CursorIsVariadic = (delegate* unmanaged<CXCursor, uint>)Resolve(handle, "clang_Cursor_isVariadic", missing);
        IsInvalidDeclaration = (delegate* unmanaged<CXCursor, uint>)Resolve(handle, "clang_isInvalidDeclaration", missing);
        GetCursorType = (delegate* unmanaged<CXCursor, CXType>)Resolve(handle, "clang_getCursorType", missing);
        CursorGetNumArguments = (delegate* unmanaged<CXCursor, int>)Resolve(handle, "clang_Cursor_getNumArguments", missing);
        CursorGetArgument = (delegate* unmanaged<CXCursor, uint, CXCursor>)Resolve(handle, "clang_Cursor_getArgument", missing);
        CursorIsAnonymous = (delegate* unmanaged<CXCursor, uint>)Resolve(handle, "clang_Cursor_isAnonymous", missing);
        CursorGetOffsetOfField = (delegate* unmanaged<CXCursor, long>)Resolve(handle, "clang_Cursor_getOffsetOfField", missing);
        CursorIsBitField = (delegate* unmanaged<CXCursor, uint>)Resolve(handle, "clang_Cursor_isBitField", missing);
        GetFieldDeclBitWidth = (delegate* unmanaged<CXCursor, int>)Resolve(handle, "clang_getFieldDeclBitWidth", missing);
        GetTypedefDeclUnderlyingType = (delegate* unmanaged<CXCursor, CXType>)Resolve(handle, "clang_getTypedefDeclUnderlyingType", missing);
        GetEnumDeclIntegerType = (delegate* unmanaged<CXCursor, CXType>)Resolve(handle, "clang_getEnumDeclIntegerType", missing);
        GetEnumConstantDeclValue = (delegate* unmanaged<CXCursor, long>)Resolve(handle, "clang_getEnumConstantDeclValue", missing);
        GetEnumConstantDeclUnsignedValue = (delegate* unmanaged<CXCursor, ulong>)Resolve(handle, "clang_getEnumConstantDeclUnsignedValue", missing);
        EnumDeclIsScoped = (delegate* unmanaged<CXCursor, uint>)Resolve(handle, "clang_EnumDecl_isScoped", missing);
        GetTypeSpelling = (delegate* unmanaged<CXType, CXString>)Resolve(handle, "clang_getTypeSpelling", missing);
        GetCanonicalType = (delegate* unmanaged<CXType, CXType>)Resolve(handle, "clang_getCanonicalType", missing);
        GetPointeeType = (delegate* unmanaged<CXType, CXType>)Resolve(handle, "clang_getPointeeType", missing);
        IsConstQualifiedType = (delegate* unmanaged<CXType, uint>)Resolve(handle, "clang_isConstQualifiedType", missing);
        GetArrayElementType = (delegate* unmanaged<CXType, CXType>)Resolve(handle, "clang_getArrayElementType", missing);
        GetArraySize = (delegate* unmanaged<CXType, long>)Resolve(handle, "clang_getArraySize", missing);
        TypeGetSizeOf = (delegate* unmanaged<CXType, long>)Resolve(handle, "clang_Type_getSizeOf", missing);
        TypeGetAlignOf = (delegate* unmanaged<CXType, long>)Resolve(handle, "clang_Type_getAlignOf", missing);
        TypeGetOffsetOf = (delegate* unmanaged<CXType, byte*, long>)Resolve(handle, "clang_Type_getOffsetOf", missing);
        GetTypeDeclaration = (delegate* unmanaged<CXType, CXCursor>)Resolve(handle, "clang_getTypeDeclaration", missing);
        TypeGetNamedType = (delegate* unmanaged<CXType, CXType>)Resolve(handle, "clang_Type_getNamedType", missing);
        TypeGetModifiedType = (delegate* unmanaged<CXType, CXType>)Resolve(handle, "clang_Type_getModifiedType", missing);
        TypeGetValueType = (delegate* unmanaged<CXType, CXType>)Resolve(handle, "clang_Type_getValueType", missing);
        GetFunctionTypeCallingConv = (delegate* unmanaged<CXType, int>)Resolve(handle, "clang_getFunctionTypeCallingConv", missing);
        GetResultType = (delegate* unmanaged<CXType, CXType>)Resolve(handle, "clang_getResultType", missing);
        GetNumArgTypes = (delegate* unmanaged<CXType, int>)Resolve(handle, "clang_getNumArgTypes", missing);
        GetArgType = (delegate* unmanaged<CXType, uint, CXType>)Resolve(handle, "clang_getArgType", missing);
        IsFunctionTypeVariadic = (delegate* unmanaged<CXType, uint>)Resolve(handle, "clang_isFunctionTypeVariadic", missing);
    }

    /// <summary>Resolves every function; null and the missing names when the library is not a usable libclang.</summary>
    public static LibClang? TryCreate(IntPtr handle, out string? error)
    {
        var missing = new List<string>();
        var api = new LibClang(handle, missing);
        error = missing.Count == 0 ? null : "the library lacks " + string.Join(", ", missing.Take(5)) + (missing.Count > 5 ? ", …" : "");
        return missing.Count == 0 ? api : null;
    }

    private static IntPtr Resolve(IntPtr handle, string name, List<string> missing)
    {
        if (NativeLibrary.TryGetExport(handle, name, out var address))
            return address;
        missing.Add(name);
        return IntPtr.Zero;
    }
}
