/* HybridLsp minimal string.h for foreign targets. */
#ifndef __HL_STRING_H
#define __HL_STRING_H 1
#include <__hl_libc.h>
#include <stddef.h>

__HL_BEGIN
void *__HL_CDECL memcpy(void *dest, const void *src, size_t n);
void *__HL_CDECL memmove(void *dest, const void *src, size_t n);
void *__HL_CDECL memset(void *dest, int c, size_t n);
int __HL_CDECL memcmp(const void *a, const void *b, size_t n);
void *__HL_CDECL memchr(const void *s, int c, size_t n);
size_t __HL_CDECL strlen(const char *s);
int __HL_CDECL strcmp(const char *a, const char *b);
int __HL_CDECL strncmp(const char *a, const char *b, size_t n);
char *__HL_CDECL strcpy(char *dest, const char *src);
char *__HL_CDECL strncpy(char *dest, const char *src, size_t n);
char *__HL_CDECL strcat(char *dest, const char *src);
char *__HL_CDECL strncat(char *dest, const char *src, size_t n);
char *__HL_CDECL strchr(const char *s, int c);
char *__HL_CDECL strrchr(const char *s, int c);
char *__HL_CDECL strstr(const char *haystack, const char *needle);
char *__HL_CDECL strerror(int error);
#if defined(_WIN32)
char *__HL_CDECL _strdup(const char *s);
#else
char *strdup(const char *s);
size_t strnlen(const char *s, size_t n);
#endif
__HL_END
#endif
