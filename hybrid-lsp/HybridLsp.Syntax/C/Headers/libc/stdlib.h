/* HybridLsp minimal stdlib.h for foreign targets. */
#ifndef __HL_STDLIB_H
#define __HL_STDLIB_H 1
#include <__hl_libc.h>
#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 0x7fffffff

typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;

__HL_BEGIN
void *__HL_CDECL malloc(size_t size);
void *__HL_CDECL calloc(size_t count, size_t size);
void *__HL_CDECL realloc(void *pointer, size_t size);
void __HL_CDECL free(void *pointer);
__attribute__((__noreturn__)) void __HL_CDECL abort(void);
__attribute__((__noreturn__)) void __HL_CDECL exit(int status);
int __HL_CDECL atexit(void (*function)(void));
int __HL_CDECL atoi(const char *s);
long __HL_CDECL atol(const char *s);
double __HL_CDECL atof(const char *s);
long __HL_CDECL strtol(const char *s, char **end, int base);
unsigned long __HL_CDECL strtoul(const char *s, char **end, int base);
long long __HL_CDECL strtoll(const char *s, char **end, int base);
unsigned long long __HL_CDECL strtoull(const char *s, char **end, int base);
double __HL_CDECL strtod(const char *s, char **end);
char *__HL_CDECL getenv(const char *name);
void __HL_CDECL qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *));
void *__HL_CDECL bsearch(const void *key, const void *base, size_t count, size_t size, int (*compare)(const void *, const void *));
int __HL_CDECL abs(int value);
long __HL_CDECL labs(long value);
div_t __HL_CDECL div(int numerator, int denominator);
int __HL_CDECL rand(void);
void __HL_CDECL srand(unsigned seed);
__HL_END
#endif
