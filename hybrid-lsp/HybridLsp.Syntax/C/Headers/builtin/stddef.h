/* HybridLsp builtin stddef.h: written from clang's predefined type macros. Honours the glibc convention where a
   header defines __need_size_t (etc.) before including <stddef.h> to get only that one definition. */
#if !defined(__need_size_t) && !defined(__need_ptrdiff_t) && !defined(__need_wchar_t) && !defined(__need_NULL) && \
    !defined(__need_wint_t) && !defined(__need_max_align_t) && !defined(__need_offsetof) && !defined(__need_rsize_t)
#define __HL_STDDEF_EVERYTHING 1
#define _STDDEF_H 1
#define __STDDEF_H 1
#endif

#if defined(__HL_STDDEF_EVERYTHING) || defined(__need_size_t)
#ifndef __HL_HAVE_SIZE_T
#define __HL_HAVE_SIZE_T 1
#define _SIZE_T_DEFINED 1
typedef __SIZE_TYPE__ size_t;
#endif
#undef __need_size_t
#endif

#if defined(__HL_STDDEF_EVERYTHING) || defined(__need_rsize_t)
#ifndef __HL_HAVE_RSIZE_T
#define __HL_HAVE_RSIZE_T 1
typedef __SIZE_TYPE__ rsize_t;
#endif
#undef __need_rsize_t
#endif

#if defined(__HL_STDDEF_EVERYTHING) || defined(__need_ptrdiff_t)
#ifndef __HL_HAVE_PTRDIFF_T
#define __HL_HAVE_PTRDIFF_T 1
#define _PTRDIFF_T_DEFINED 1
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#endif
#undef __need_ptrdiff_t
#endif

#if defined(__HL_STDDEF_EVERYTHING) || defined(__need_wchar_t)
/* wchar_t is a keyword in C++ (and with MSVC's /Zc:wchar_t); in C it is an integer typedef. */
#if !defined(__cplusplus) && !defined(_NATIVE_WCHAR_T_DEFINED) && !defined(__HL_HAVE_WCHAR_T)
#define __HL_HAVE_WCHAR_T 1
#define _WCHAR_T_DEFINED 1
typedef __WCHAR_TYPE__ wchar_t;
#endif
#undef __need_wchar_t
#endif

#if defined(__HL_STDDEF_EVERYTHING) || defined(__need_wint_t)
#ifndef __HL_HAVE_WINT_T
#define __HL_HAVE_WINT_T 1
#define _WINT_T 1
typedef __WINT_TYPE__ wint_t;
#endif
#undef __need_wint_t
#endif

#if defined(__HL_STDDEF_EVERYTHING) || defined(__need_NULL)
#undef NULL
#ifdef __cplusplus
#define NULL __null
#else
#define NULL ((void *)0)
#endif
#undef __need_NULL
#endif

#if defined(__HL_STDDEF_EVERYTHING) || defined(__need_offsetof)
#ifndef offsetof
#define offsetof(type, member) __builtin_offsetof(type, member)
#endif
#undef __need_offsetof
#endif

#if defined(__HL_STDDEF_EVERYTHING) || defined(__need_max_align_t)
#if !defined(__HL_HAVE_MAX_ALIGN_T) && ((defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L) || (defined(__cplusplus) && __cplusplus >= 201103L))
#define __HL_HAVE_MAX_ALIGN_T 1
#if defined(_MSC_VER)
typedef double max_align_t;
#else
typedef struct {
  long long __hl_ll __attribute__((__aligned__(__alignof__(long long))));
  long double __hl_ld __attribute__((__aligned__(__alignof__(long double))));
} max_align_t;
#endif
#endif
#undef __need_max_align_t
#endif

#undef __HL_STDDEF_EVERYTHING
