/* HybridLsp builtin stdnoreturn.h. */
#if !defined(__cplusplus) && !defined(noreturn)
#define noreturn _Noreturn
#endif
