/* HybridLsp builtin stdint.h. On the host the C library's own stdint.h is used (it agrees with the compiler);
   for a foreign target (-nostdinc) the types come from clang's predefined macros for that target. */
#if defined(__STDC_HOSTED__) && __STDC_HOSTED__ && defined(__has_include_next)
#if __has_include_next(<stdint.h>)
#define __HL_STDINT_FROM_LIBC 1
#include_next <stdint.h>
#endif
#endif

#if !defined(__HL_STDINT_FROM_LIBC) && !defined(__HL_STDINT_H)
#define __HL_STDINT_H 1
#define _STDINT_H 1
#define _STDINT 1

#define __HL_CAT2(a, b) a##b
#define __HL_CAT(a, b) __HL_CAT2(a, b)

typedef __INT8_TYPE__ int8_t;
typedef __INT16_TYPE__ int16_t;
typedef __INT32_TYPE__ int32_t;
typedef __INT64_TYPE__ int64_t;
typedef __UINT8_TYPE__ uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;

typedef __INT_LEAST8_TYPE__ int_least8_t;
typedef __INT_LEAST16_TYPE__ int_least16_t;
typedef __INT_LEAST32_TYPE__ int_least32_t;
typedef __INT_LEAST64_TYPE__ int_least64_t;
typedef __UINT_LEAST8_TYPE__ uint_least8_t;
typedef __UINT_LEAST16_TYPE__ uint_least16_t;
typedef __UINT_LEAST32_TYPE__ uint_least32_t;
typedef __UINT_LEAST64_TYPE__ uint_least64_t;

typedef __INT_FAST8_TYPE__ int_fast8_t;
typedef __INT_FAST16_TYPE__ int_fast16_t;
typedef __INT_FAST32_TYPE__ int_fast32_t;
typedef __INT_FAST64_TYPE__ int_fast64_t;
typedef __UINT_FAST8_TYPE__ uint_fast8_t;
typedef __UINT_FAST16_TYPE__ uint_fast16_t;
typedef __UINT_FAST32_TYPE__ uint_fast32_t;
typedef __UINT_FAST64_TYPE__ uint_fast64_t;

typedef __INTPTR_TYPE__ intptr_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef __INTMAX_TYPE__ intmax_t;
typedef __UINTMAX_TYPE__ uintmax_t;

#define INT8_MAX __INT8_MAX__
#define INT16_MAX __INT16_MAX__
#define INT32_MAX __INT32_MAX__
#define INT64_MAX __INT64_MAX__
#define INT8_MIN (-INT8_MAX - 1)
#define INT16_MIN (-INT16_MAX - 1)
#define INT32_MIN (-INT32_MAX - 1)
#define INT64_MIN (-INT64_MAX - 1)
#define UINT8_MAX __UINT8_MAX__
#define UINT16_MAX __UINT16_MAX__
#define UINT32_MAX __UINT32_MAX__
#define UINT64_MAX __UINT64_MAX__
#define INTPTR_MAX __INTPTR_MAX__
#define INTPTR_MIN (-INTPTR_MAX - 1)
#define UINTPTR_MAX __UINTPTR_MAX__
#define INTMAX_MAX __INTMAX_MAX__
#define INTMAX_MIN (-INTMAX_MAX - 1)
#define UINTMAX_MAX __UINTMAX_MAX__
#define PTRDIFF_MAX __PTRDIFF_MAX__
#define PTRDIFF_MIN (-PTRDIFF_MAX - 1)
#define SIZE_MAX __SIZE_MAX__
#define WCHAR_MAX __WCHAR_MAX__
#ifndef WCHAR_MIN
#if __WCHAR_MAX__ == __INT_MAX__ || __WCHAR_MAX__ == __INT16_MAX__
#define WCHAR_MIN (-__WCHAR_MAX__ - 1)
#else
#define WCHAR_MIN 0
#endif
#endif

#define INT8_C(v) v
#define INT16_C(v) v
#define INT32_C(v) __HL_CAT(v, __INT32_C_SUFFIX__)
#define INT64_C(v) __HL_CAT(v, __INT64_C_SUFFIX__)
#define UINT8_C(v) v
#define UINT16_C(v) v
#define UINT32_C(v) __HL_CAT(v, __UINT32_C_SUFFIX__)
#define UINT64_C(v) __HL_CAT(v, __UINT64_C_SUFFIX__)
#define INTMAX_C(v) __HL_CAT(v, __INTMAX_C_SUFFIX__)
#define UINTMAX_C(v) __HL_CAT(v, __UINTMAX_C_SUFFIX__)
#endif
