/* HybridLsp builtin stdalign.h. */
#if !defined(__cplusplus) && !defined(__HL_STDALIGN_H) && (!defined(__STDC_VERSION__) || __STDC_VERSION__ < 202311L)
#define __HL_STDALIGN_H 1
#define alignas _Alignas
#define alignof _Alignof
#define __alignas_is_defined 1
#define __alignof_is_defined 1
#endif
