/* HybridLsp minimal uchar.h for foreign targets (char16_t/char32_t are keywords in C++). */
#ifndef __HL_UCHAR_H
#define __HL_UCHAR_H 1
#include <stddef.h>
#include <wchar.h>
#ifndef __cplusplus
typedef __UINT_LEAST16_TYPE__ char16_t;
typedef __UINT_LEAST32_TYPE__ char32_t;
#endif
#endif
