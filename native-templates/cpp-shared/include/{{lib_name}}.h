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

#ifdef __cplusplus
#  include <cstddef>
#  include <cstdint>
extern "C" {
#else
#  include <stdbool.h>
#  include <stddef.h>
#  include <stdint.h>
#endif
{{declarations}}
#ifdef __cplusplus
}
#endif

#endif /* {{macro_prefix}}_H */
