#ifndef {{macro_prefix}}_H
#define {{macro_prefix}}_H

/* The C surface of a C++ library: only C types cross it, and no C++ exception may escape it. */
#if defined(_WIN32) || defined(__CYGWIN__)
#  ifdef {{macro_prefix}}_BUILDING
#    define {{macro_prefix}}_API __declspec(dllexport)
#  else
#    define {{macro_prefix}}_API __declspec(dllimport)
#  endif
#else
#  define {{macro_prefix}}_API __attribute__((visibility("default")))
#endif

/* The C headers, in C++ too: <cstdint> and <cstddef> need the C++ standard library headers, which a check for another
   target (Windows, macOS) may not have. */
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#else
#  include <stdbool.h>
#endif
{{declarations}}
#ifdef __cplusplus
}
#endif

#endif /* {{macro_prefix}}_H */
