/* HybridLsp builtin iso646.h (the operators are keywords in C++). */
#if !defined(__cplusplus) && !defined(__HL_ISO646_H)
#define __HL_ISO646_H 1
#define and &&
#define and_eq &=
#define bitand &
#define bitor |
#define compl ~
#define not !
#define not_eq !=
#define or ||
#define or_eq |=
#define xor ^
#define xor_eq ^=
#endif
