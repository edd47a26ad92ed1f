/* HybridLsp minimal wchar.h for foreign targets. */
#ifndef __HL_WCHAR_H
#define __HL_WCHAR_H 1
#include <__hl_libc.h>
#include <stddef.h>
#define __need_wint_t
#include <stddef.h>
#define __need___va_list
#include <stdarg.h>

#if defined(_WIN32)
typedef struct _Mbstatet { unsigned long _Wchar; unsigned short _Byte, _State; } mbstate_t;
#elif defined(__APPLE__)
typedef union { char __mbstate8[128]; long long _mbstateL; } mbstate_t;
#else
typedef struct { int __count; union { unsigned int __wch; char __wchb[4]; } __value; } mbstate_t;
#endif

#ifndef WCHAR_MAX
#define WCHAR_MAX __WCHAR_MAX__
#endif
#ifndef WCHAR_MIN
#if __WCHAR_MAX__ == __INT_MAX__
#define WCHAR_MIN (-__WCHAR_MAX__ - 1)
#else
#define WCHAR_MIN 0
#endif
#endif
#define WEOF ((wint_t)-1)

__HL_BEGIN
size_t __HL_CDECL wcslen(const wchar_t *s);
wchar_t *__HL_CDECL wcscpy(wchar_t *dest, const wchar_t *src);
wchar_t *__HL_CDECL wcsncpy(wchar_t *dest, const wchar_t *src, size_t n);
int __HL_CDECL wcscmp(const wchar_t *a, const wchar_t *b);
int __HL_CDECL wcsncmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *__HL_CDECL wcschr(const wchar_t *s, wchar_t c);
wchar_t *__HL_CDECL wmemcpy(wchar_t *dest, const wchar_t *src, size_t n);
wchar_t *__HL_CDECL wmemset(wchar_t *dest, wchar_t c, size_t n);
size_t __HL_CDECL mbrtowc(wchar_t *pwc, const char *s, size_t n, mbstate_t *ps);
size_t __HL_CDECL wcrtomb(char *s, wchar_t wc, mbstate_t *ps);
int __HL_CDECL swprintf(wchar_t *s, size_t n, const wchar_t *format, ...);
int __HL_CDECL vswprintf(wchar_t *s, size_t n, const wchar_t *format, __gnuc_va_list args);
__HL_END
#endif
