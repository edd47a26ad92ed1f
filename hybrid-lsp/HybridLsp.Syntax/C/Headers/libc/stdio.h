/* HybridLsp minimal stdio.h for foreign targets: FILE stays opaque, under the tag the target's libc uses. */
#ifndef __HL_STDIO_H
#define __HL_STDIO_H 1
#include <__hl_libc.h>
#include <stddef.h>
#define __need___va_list
#include <stdarg.h>

typedef struct __HL_FILE_TAG FILE;
#if defined(_WIN32)
typedef long long fpos_t;
#elif defined(__APPLE__)
typedef long long fpos_t;
#else
typedef struct { long long __pos; char __state[8]; } fpos_t;
#endif

#define EOF (-1)
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define BUFSIZ 512

__HL_BEGIN
FILE *__HL_CDECL fopen(const char *path, const char *mode);
int __HL_CDECL fclose(FILE *stream);
int __HL_CDECL fflush(FILE *stream);
size_t __HL_CDECL fread(void *buffer, size_t size, size_t count, FILE *stream);
size_t __HL_CDECL fwrite(const void *buffer, size_t size, size_t count, FILE *stream);
int __HL_CDECL fputs(const char *s, FILE *stream);
char *__HL_CDECL fgets(char *s, int n, FILE *stream);
int __HL_CDECL fgetc(FILE *stream);
int __HL_CDECL fputc(int c, FILE *stream);
int __HL_CDECL fseek(FILE *stream, long offset, int whence);
long __HL_CDECL ftell(FILE *stream);
int __HL_CDECL puts(const char *s);
int __HL_CDECL printf(const char *format, ...);
int __HL_CDECL fprintf(FILE *stream, const char *format, ...);
int __HL_CDECL sprintf(char *s, const char *format, ...);
int __HL_CDECL snprintf(char *s, size_t n, const char *format, ...);
int __HL_CDECL vsnprintf(char *s, size_t n, const char *format, __gnuc_va_list args);
int __HL_CDECL vfprintf(FILE *stream, const char *format, __gnuc_va_list args);
int __HL_CDECL sscanf(const char *s, const char *format, ...);
__HL_END
#endif
