/* HybridLsp minimal sys/types.h for foreign targets. */
#ifndef __HL_SYS_TYPES_H
#define __HL_SYS_TYPES_H 1
#include <stddef.h>
#include <stdint.h>
#if defined(_WIN32)
typedef long off_t;
typedef unsigned short _ino_t;
typedef unsigned int _dev_t;
#else
typedef __PTRDIFF_TYPE__ ssize_t;
typedef __INT64_TYPE__ off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
#if defined(__APPLE__)
typedef unsigned short mode_t;
#else
typedef unsigned int mode_t;
#endif
#endif
#endif
