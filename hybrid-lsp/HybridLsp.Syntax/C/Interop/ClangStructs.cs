using System.Runtime.InteropServices;

namespace HybridLsp.Syntax.C.Interop;

// The by-value structs of libclang's C API (clang-c/Index.h, CXString.h), laid out as the C compiler lays them out.
// Only what the extractor reads; the fields named `Data*` are opaque to us and only passed back to libclang.

/// <summary>CXString: an owned or borrowed C string; always released with clang_disposeString.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXString
{
    public IntPtr Data;
    public uint PrivateFlags;
}

/// <summary>CXCursor: { enum CXCursorKind kind; int xdata; const void *data[3]; }.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXCursor
{
    public int Kind;
    public int XData;
    public IntPtr Data0;
    public IntPtr Data1;
    public IntPtr Data2;
}

/// <summary>CXType: { enum CXTypeKind kind; void *data[2]; }.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXType
{
    public int Kind;
    public IntPtr Data0;
    public IntPtr Data1;
}

/// <summary>CXSourceLocation: { const void *ptr_data[2]; unsigned int_data; }.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXSourceLocation
{
    public IntPtr Ptr0;
    public IntPtr Ptr1;
    public uint IntData;
}

/// <summary>CXSourceRange: { const void *ptr_data[2]; unsigned begin_int_data; unsigned end_int_data; }.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXSourceRange
{
    public IntPtr Ptr0;
    public IntPtr Ptr1;
    public uint BeginIntData;
    public uint EndIntData;
}

/// <summary>CXUnsavedFile: { const char *Filename; const char *Contents; unsigned long Length; } (C `unsigned long`: CULong).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXUnsavedFile
{
    public IntPtr Filename;
    public IntPtr Contents;
    public CULong Length;
}

/// <summary>The CXCursorKind values the extractor distinguishes.</summary>
internal static class CursorKind
{
    public const int UnexposedDecl = 1;
    public const int StructDecl = 2;
    public const int UnionDecl = 3;
    public const int ClassDecl = 4;
    public const int EnumDecl = 5;
    public const int FieldDecl = 6;
    public const int EnumConstantDecl = 7;
    public const int FunctionDecl = 8;
    public const int ParmDecl = 10;
    public const int TypedefDecl = 20;
    public const int Namespace = 22;
    public const int LinkageSpec = 23;
    public const int TypeAliasDecl = 36;
    public const int AsmLabelAttr = 407;
    public const int PackedAttr = 408;
    public const int VisibilityAttr = 417;
    public const int DllExport = 418;
    public const int DllImport = 419;
}

/// <summary>The CXTypeKind values the type model maps.</summary>
internal static class TypeKind
{
    public const int Invalid = 0;
    public const int Unexposed = 1;
    public const int Void = 2;
    public const int Bool = 3;
    public const int CharU = 4;
    public const int UChar = 5;
    public const int Char16 = 6;
    public const int Char32 = 7;
    public const int UShort = 8;
    public const int UInt = 9;
    public const int ULong = 10;
    public const int ULongLong = 11;
    public const int UInt128 = 12;
    public const int CharS = 13;
    public const int SChar = 14;
    public const int WChar = 15;
    public const int Short = 16;
    public const int Int = 17;
    public const int Long = 18;
    public const int LongLong = 19;
    public const int Int128 = 20;
    public const int Float = 21;
    public const int Double = 22;
    public const int LongDouble = 23;
    public const int NullPtr = 24;
    public const int Float128 = 30;
    public const int Half = 31;
    public const int Float16 = 32;
    public const int Complex = 100;
    public const int Pointer = 101;
    public const int BlockPointer = 102;
    public const int LValueReference = 103;
    public const int RValueReference = 104;
    public const int Record = 105;
    public const int Enum = 106;
    public const int Typedef = 107;
    public const int FunctionNoProto = 110;
    public const int FunctionProto = 111;
    public const int ConstantArray = 112;
    public const int Vector = 113;
    public const int IncompleteArray = 114;
    public const int VariableArray = 115;
    public const int MemberPointer = 117;
    public const int Elaborated = 119;
    public const int Attributed = 163;
    public const int Atomic = 177;
}
