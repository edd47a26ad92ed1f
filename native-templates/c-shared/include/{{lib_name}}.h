#ifndef {{macro_prefix}}_H
#define {{macro_prefix}}_H

/* {{macro_prefix}}_API marks the functions .NET calls: exported from the shared library, hidden otherwise. */
#if defined(_WIN32) || defined(__CYGWIN__)
#  ifdef {{macro_prefix}}_BUILDING
#    define {{macro_prefix}}_API __declspec(dllexport)
#  else
#    define {{macro_prefix}}_API __declspec(dllimport)
#  endif
#else
#  define {{macro_prefix}}_API __attribute__((visibility("default")))
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif
{{declarations}}
#ifdef __cplusplus
}
#endif

#endif /* {{macro_prefix}}_H */
