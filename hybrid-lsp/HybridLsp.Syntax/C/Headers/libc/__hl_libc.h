/* HybridLsp per-target libc basics for foreign targets (parsed with -nostdinc): the linkage wrapper, and the
   struct tags each C library really uses for FILE and mbstate_t, because C++ mangled names spell them. */
#ifndef __HL_LIBC_H
#define __HL_LIBC_H 1
#ifdef __cplusplus
#define __HL_BEGIN extern "C" {
#define __HL_END }
#else
#define __HL_BEGIN
#define __HL_END
#endif
#if defined(_WIN32)
#define __HL_CDECL __cdecl
#define __HL_FILE_TAG _iobuf
#elif defined(__APPLE__)
#define __HL_CDECL
#define __HL_FILE_TAG __sFILE
#else
#define __HL_CDECL
#define __HL_FILE_TAG _IO_FILE
#endif
#endif
